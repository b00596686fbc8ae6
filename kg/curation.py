"""Curation that survives rebuilds: list entities, merge two into one, split an alias off.

Decisions live in the store's curation graph (``https://w3id.org/techkg/graph/curation``), which builds
never replace: ``kg merge A B`` records ``B owl:sameAs A`` and rewrites B into A everywhere; later builds
map B's IRI to A's. ``kg split A ALIAS`` records ``NEW owl:differentFrom A`` with ``NEW rdfs:label ALIAS``
and marks the articles where A was written ALIAS for re-extraction; the next build extracts ALIAS as an
entity of its own.

Examples
--------
>>> import tempfile
>>> from kg.store import KgStore
>>> with KgStore(tempfile.mkdtemp() + "/s") as store:
...     same_as_map(store), splits(store)
({}, [])
"""
from __future__ import annotations

import pyoxigraph as ox

from .errors import KgError
from .graph import load_graph
from .namespaces import CURATION_GRAPH, ENT, ONTOLOGY_GRAPH, PREFIXES
from .resolve import entity_key, entity_slug
from .store import KgStore, in_union

CURATION = ox.NamedNode(str(CURATION_GRAPH))
ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))
SAME = ox.NamedNode(PREFIXES["owl"] + "sameAs")
DIFFERENT = ox.NamedNode(PREFIXES["owl"] + "differentFrom")
LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
_NOT_DATA = f"FILTER(?g NOT IN ({CURATION}, {ONTOLOGY}))"


def same_as_map(store: KgStore) -> dict[str, str]:
    """Merged IRI -> the IRI it was merged into (chains followed)."""
    rows = store.select(f"SELECT ?a ?b WHERE {{ GRAPH {CURATION} {{ ?a owl:sameAs ?b }} }}")
    direct = {row["a"].value: row["b"].value for row in rows}
    resolved = {}
    for source in direct:
        target, seen = direct[source], {source}
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        resolved[source] = target
    return resolved


def splits(store: KgStore) -> list[tuple[str, str]]:
    """(entity label, alias) pairs that ``kg split`` separated."""
    rows = store.select(f"""SELECT ?entity ?alias WHERE {{
        GRAPH {CURATION} {{ ?new owl:differentFrom ?a ; rdfs:label ?alias . ?a rdfs:label ?entity }} }}""")
    return sorted((row["entity"].value, row["alias"].value) for row in rows)


def find_entity(store: KgStore, name: str) -> ox.NamedNode:
    """The one entity whose label or alias is ``name`` (case-insensitive); a clear error otherwise."""
    rows = store.select("""SELECT DISTINCT ?e ?name WHERE {
        ?e a ?t . FILTER(?t IN (tkg:Organization, tkg:Person, tkg:Product))
        { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l }
        FILTER(LCASE(STR(?l)) = LCASE(STR(?name))) }""", substitutions={ox.Variable("name"): ox.Literal(name)})
    found = sorted({row["e"].value for row in rows})
    if not found:
        raise KgError(f"no entity named {name!r} in the store (see kg entities --search)")
    if len(found) > 1:
        exact = [iri for iri in found if entity_key(iri.rsplit("/", 1)[-1].replace("_", " ")) == entity_key(name)]
        if len(exact) == 1:
            return ox.NamedNode(exact[0])
        raise KgError(f"{name!r} names {len(found)} entities ({', '.join(i.rsplit('/', 1)[-1] for i in found)}); "
                      f"use a full name")
    return ox.NamedNode(found[0])


def _rewrites(a, b, g, only: str) -> str:
    """SPARQL Update: in graph ``g`` (a term, or ``?g`` with the filter ``only``), ``b``'s statements become
    ``a``'s and ``b``'s labels ``a``'s aliases. Each rewrite is an INSERT, then a DELETE: Virtuoso 7.2 fails
    on one DELETE/INSERT whose data hold a number."""
    return f"""
        INSERT {{ GRAPH {g} {{ {a} skos:altLabel ?l }} }} WHERE {{ GRAPH {g} {{ {b} rdfs:label ?l }} {only} }} ;
        INSERT {{ GRAPH {g} {{ {a} a ?ta }} }} WHERE {{ GRAPH {g} {{ {b} a ?t }} {only}
            {{ SELECT ?ta WHERE {{ {a} a ?ta FILTER(?ta IN (tkg:Organization, tkg:Person, tkg:Product)) }} LIMIT 1 }} }} ;
        DELETE {{ GRAPH {g} {{ {b} rdfs:label ?l }} }} WHERE {{ GRAPH {g} {{ {b} rdfs:label ?l }} {only} }} ;
        DELETE {{ GRAPH {g} {{ {b} a ?t }} }} WHERE {{ GRAPH {g} {{ {b} a ?t }} {only} }} ;
        INSERT {{ GRAPH {g} {{ {a} ?p ?o }} }} WHERE {{ GRAPH {g} {{ {b} ?p ?o }} {only} }} ;
        DELETE {{ GRAPH {g} {{ {b} ?p ?o }} }} WHERE {{ GRAPH {g} {{ {b} ?p ?o }} {only} }} ;
        INSERT {{ GRAPH {g} {{ ?s ?p {a} }} }} WHERE {{ GRAPH {g} {{ ?s ?p {b} }} {only} }} ;
        DELETE {{ GRAPH {g} {{ ?s ?p {b} }} }} WHERE {{ GRAPH {g} {{ ?s ?p {b} }} {only} }}"""


def merge(store: KgStore, keep: str, drop: str) -> tuple[str, str]:
    """Merge entity ``drop`` into ``keep`` now and on every later build; returns both IRIs."""
    a, b = find_entity(store, keep), find_entity(store, drop)
    if a == b:
        raise KgError(f"{keep!r} and {drop!r} are already one entity")
    if store.union is None:
        rewrites = [_rewrites(a, b, "?g", _NOT_DATA)]
    else:  # Virtuoso 7.2 fails on INSERT { GRAPH ?g ... }: one set of rewrites per graph that names ``drop``
        rows = store.select(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ {b} ?p ?o }} UNION {{ ?s ?p {b} }} }}
            {_NOT_DATA} FILTER(?g != {store.union}) }}""")
        rewrites = [_rewrites(a, b, row["g"], "") for row in rows]
    store._update(" ;\n".join(rewrites + [f"""
        INSERT {{ GRAPH {CURATION} {{ ?x owl:sameAs {a} }} }} WHERE {{ GRAPH {CURATION} {{ ?x owl:sameAs {b} }} }} ;
        DELETE {{ GRAPH {CURATION} {{ ?x owl:sameAs {b} }} }} WHERE {{ GRAPH {CURATION} {{ ?x owl:sameAs {b} }} }} ;
        DELETE WHERE {{ GRAPH {CURATION} {{ {b} owl:differentFrom {a} }} }} ;
        INSERT DATA {{ GRAPH {CURATION} {{ {b} owl:sameAs {a} }} }}"""]))
    store.refresh_default()
    return a.value, b.value


def split(store: KgStore, entity: str, alias: str) -> tuple[str, int]:
    """Record that ``alias`` of ``entity`` is a different entity; returns its IRI and the number of
    articles marked for re-extraction on the next build."""
    a = find_entity(store, entity)
    aliases = {row["l"].value for row in store.select(f"SELECT ?l WHERE {{ {a} skos:altLabel|rdfs:label ?l }}")}
    matching = [x for x in aliases if x.casefold() == alias.casefold()]
    if not matching:
        raise KgError(f"{entity!r} has no alias {alias!r} (aliases: {', '.join(sorted(aliases)) or 'none'})")
    label = next(row["l"].value for row in store.select(f"SELECT ?l WHERE {{ {a} rdfs:label ?l FILTER(LANG(?l) = '') }}"))
    if entity_key(alias) == entity_key(label):
        raise KgError(f"{alias!r} is the name of {entity!r} itself; merge or rename instead")
    new = ox.NamedNode(str(ENT[entity_slug(alias, known=False)]))
    if new == a:
        new = ox.NamedNode(a.value + "_2")
    stale = store.select(f"""SELECT DISTINCT ?g ?alias WHERE {{ GRAPH ?g {{ {a} skos:altLabel ?l .
        FILTER(LCASE(STR(?l)) = LCASE(STR(?alias))) }} }}""", substitutions={ox.Variable("alias"): ox.Literal(alias)})
    graphs = [row["g"] for row in stale if row["g"] != store.union]
    drops = " ;\n".join(f"DELETE WHERE {{ GRAPH {g} {{ ?art tkg:contentHash ?h }} }} ;\n"
                        f"DELETE WHERE {{ {in_union(f'{g} tkg:contentHash ?h', store.union)} }}" for g in graphs)
    store._update(f"""
        DELETE WHERE {{ GRAPH {CURATION} {{ {new} owl:sameAs ?x }} }} ;
        INSERT DATA {{ GRAPH {CURATION} {{ {new} owl:differentFrom {a} ; rdfs:label {ox.Literal(matching[0])} .
                                          {a} rdfs:label {ox.Literal(label)} }} }}{' ;' if drops else ''}
        {drops}""")
    return new.value, len(graphs)


def list_entities(store: KgStore, search: str = "", kind: str = "") -> list[dict]:
    """Entities taking part in relations, with class, aliases, degree and number of articles."""
    graph = load_graph(store)
    wanted = search.casefold()
    rows = []
    for iri, data in graph.nodes(data=True):
        if kind and data["type"] != kind:
            continue
        names = [data["label"], *data["aliases"]]
        if wanted and not any(wanted in name.casefold() for name in names):
            continue
        rows.append({"iri": iri, "label": data["label"], "type": data["type"], "aliases": data["aliases"],
                     "degree": graph.degree(iri), "articles": data["articles"], "wikidata": data["wikidata"]})
    return sorted(rows, key=lambda r: (-r["degree"], r["label"].casefold()))
