"""Store benchmark: five typical queries and Turtle export, techkg against raw pyoxigraph and rdflib's
memory store, all in one run on the same synthetic data (techkg's data model: one named graph per article,
direct triples plus a tkg:Mention with evidence per statement).

Run: python bench/bench_store.py [--triples 200000]   (the goal is stated for --triples 1000000)
"raw disk" is pyoxigraph on the same on-disk store techkg opens (the fair baseline for techkg's own overhead);
"raw memory" is pyoxigraph's in-memory store with the same quads.
Reports the median per query (at least 3 runs, fast ones repeated for about a second), ratios, and peak
memory of the process.
"""
from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import tempfile
import time

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.store import KgStore

TKG = PREFIXES["tkg"]
ENT = PREFIXES["ent"]
RELS = ["investsIn", "acquires", "collaboratesWith", "competesWith", "founded", "worksFor", "develops", "owns"]
QUERIES = {
    "who invests in whom": "SELECT ?a ?b ?la ?lb WHERE { ?a tkg:investsIn ?b . ?a rdfs:label ?la . ?b rdfs:label ?lb }",
    "2-hop neighbourhood": ("SELECT DISTINCT ?z WHERE { ent:E1 ?p ?y . ?y ?q ?z . ?p rdfs:subPropertyOf tkg:relation . "
                            "?q rdfs:subPropertyOf tkg:relation }"),
    "people by role": ("SELECT ?person ?role WHERE { ?m rdf:predicate tkg:worksFor ; rdf:subject ?person ; "
                       "tkg:role ?role } ORDER BY ?role ?person LIMIT 100"),
    "relation counts": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?m a tkg:Mention ; rdf:predicate ?p } GROUP BY ?p",
    "evidence for one edge": ("SELECT ?ev ?article WHERE { ?m rdf:subject ent:E1 ; rdf:object ?o ; tkg:evidence ?ev ; "
                              "prov:wasDerivedFrom ?article }"),
}


def synthetic_quads(triples: int, seed: int = 7) -> list[ox.Quad]:
    rng = random.Random(seed)
    n = lambda iri: ox.NamedNode(iri)  # noqa: E731
    quads = []
    rdf, rdfs = PREFIXES["rdf"], PREFIXES["rdfs"]
    ontology = n("https://w3id.org/techkg/graph/ontology")
    for rel in RELS:
        quads.append(ox.Quad(n(TKG + rel), n(rdfs + "subPropertyOf"), n(TKG + "relation"), ontology))
    entities = max(100, triples // 60)
    article = 0
    mention = 0
    while len(quads) < triples:
        graph = n(f"https://w3id.org/techkg/article/a{article}")
        quads.append(ox.Quad(graph, n(rdf + "type"), n(TKG + "Article"), graph))
        for _ in range(5):
            a, b = rng.randrange(entities), rng.randrange(entities)
            rel = rng.choice(RELS)
            s, o = n(f"{ENT}E{a}"), n(f"{ENT}E{b}")
            m = n(f"https://w3id.org/techkg/mention/m{mention}")
            mention += 1
            kind = "Person" if rel in ("founded", "worksFor") else "Organization"
            quads += [
                ox.Quad(s, n(rdf + "type"), n(TKG + kind), graph),
                ox.Quad(s, n(rdfs + "label"), ox.Literal(f"Entity {a}"), graph),
                ox.Quad(o, n(rdfs + "label"), ox.Literal(f"Entity {b}"), graph),
                ox.Quad(s, n(TKG + rel), o, graph),
                ox.Quad(m, n(rdf + "type"), n(TKG + "Mention"), graph),
                ox.Quad(m, n(rdf + "subject"), s, graph),
                ox.Quad(m, n(rdf + "predicate"), n(TKG + rel), graph),
                ox.Quad(m, n(rdf + "object"), o, graph),
                ox.Quad(m, n(PREFIXES["prov"] + "wasDerivedFrom"), graph, graph),
                ox.Quad(m, n(TKG + "evidence"), ox.Literal(f"Entity {a} {rel} Entity {b}, the article said."), graph),
                ox.Quad(m, n(TKG + "confidence"), ox.Literal("0.85", datatype=n(PREFIXES["xsd"] + "decimal")), graph),
            ]
            if rel == "worksFor":
                quads.append(ox.Quad(m, n(TKG + "role"), ox.Literal(rng.choice(["CEO", "CTO", "Sprecher"])), graph))
        article += 1
    # techkg keeps the default graph the set union of the article graphs; the same layout for every store
    union = {q.triple for q in quads}
    return quads + [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in union]


def timed(fn, runs: int = 3) -> float:
    """Median seconds of ``fn``: at least ``runs`` runs, and fast queries repeated for about a second
    (up to 200 runs) so that sub-millisecond timings are not one noisy sample."""
    times = []
    while len(times) < runs or (sum(times) < 1.0 and len(times) < 200):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--no-rdflib", action="store_true", help="skip rdflib (slow at 1M triples)")
    args = parser.parse_args()
    quads = synthetic_quads(args.triples)
    print(f"{len(quads)} quads (techkg data model: article graphs plus their union as the default graph)")
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

    folder = tempfile.mkdtemp()
    start = time.perf_counter()
    with KgStore(folder + "/store") as store:
        store.store.bulk_extend(quads)
    print(f"load techkg (on disk): {time.perf_counter() - start:.2f} s")
    techkg = KgStore(folder + "/store", read_only=True)
    raw_disk = ox.Store.read_only(folder + "/store")

    raw = ox.Store()
    start = time.perf_counter()
    raw.bulk_extend(quads)
    print(f"load raw pyoxigraph (memory): {time.perf_counter() - start:.2f} s")

    rows = []
    rdflib_graph = None
    if not args.no_rdflib:
        from rdflib import Graph

        data = io.BytesIO()
        ox.serialize((q.triple for q in quads if isinstance(q.graph_name, ox.DefaultGraph)), data,
                     ox.RdfFormat.N_TRIPLES)
        start = time.perf_counter()
        rdflib_graph = Graph()
        rdflib_graph.parse(data=data.getvalue().decode("utf-8"), format="nt")
        print(f"load rdflib Memory (union as one graph): {time.perf_counter() - start:.2f} s")

    def run_techkg(q):
        return lambda: list(techkg.query(q))

    def run_raw(q):
        return lambda: list(raw.query(prologue + q))

    def run_raw_disk(q):
        return lambda: list(raw_disk.query(prologue + q))

    def run_rdflib(q):
        return lambda: list(rdflib_graph.query(prologue + q))

    print(f"{'query (ms)':24} {'techkg':>9} {'raw disk':>9} {'raw memory':>11} {'rdflib':>9}  techkg/raw-disk"
          f"  techkg/raw-memory  rdflib/techkg")
    for name, query in QUERIES.items():
        t = timed(run_techkg(query))
        d = timed(run_raw_disk(query))
        r = timed(run_raw(query))
        lib = timed(run_rdflib(query)) if rdflib_graph is not None else None
        rows.append((name, t, d, r, lib))
        lib_text = f"{lib * 1000:9.2f}" if lib is not None else "      n/a"
        ratio = f"{lib / t:12.1f}x" if lib is not None else "         n/a"
        print(f"{name:24} {t * 1000:9.2f} {d * 1000:9.2f} {r * 1000:11.2f} {lib_text}  {t / d:14.2f}x {t / r:17.2f}x {ratio}", flush=True)

    from kg.export import export

    def export_techkg():
        export(techkg, "turtle", io.BytesIO())

    def export_raw_disk():
        raw_disk.dump(io.BytesIO(), ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)

    t = timed(export_techkg, runs=1)
    d = timed(export_raw_disk, runs=1)
    if rdflib_graph is not None:
        start = time.perf_counter()
        rdflib_graph.serialize(format="turtle")
        lib = time.perf_counter() - start
        print(f"Turtle export: techkg {t:.2f} s, pyoxigraph same disk store {d:.2f} s ({t / d:.2f}x), "
              f"rdflib {lib:.2f} s ({lib / t:.1f}x)")
    else:
        print(f"Turtle export: techkg {t:.2f} s, pyoxigraph same disk store {d:.2f} s ({t / d:.2f}x)")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
