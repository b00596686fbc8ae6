"""kg build from a clean folder: the graph, its provenance, idempotence, changes and removal."""
from __future__ import annotations

import json

from rdflib import Graph, Namespace

from conftest import EXAMPLES, run_kg

TKG = Namespace("https://w3id.org/techkg/ontology#")
ENT = Namespace("https://w3id.org/techkg/entity/")

WHY = """
SELECT ?sentence ?title WHERE {
  ?m rdf:subject ?s ; rdf:predicate tkg:investsIn ; rdf:object ?o ;
     tkg:evidence ?sentence ; prov:wasDerivedFrom ?article .
  ?s rdfs:label "Meta Platforms" . ?o rdfs:label "Scale AI" .
  OPTIONAL { ?article dct:title ?title }
}"""


def test_build_writes_turtle_with_the_seed_triples(built):
    graph = Graph().parse(built / "output" / "graph.ttl", format="turtle")
    assert (ENT.Meta_Platforms, TKG.collaboratesWith, ENT.Midjourney) in graph
    assert (ENT.Meta_Platforms, TKG.investsIn, ENT.Scale_AI) in graph
    assert (ENT.Alexandr_Wang, TKG.worksFor, ENT.Meta_Platforms) in graph
    stakes = {str(o) for o in graph.objects(None, TKG.stakePercent)}
    assert "49" in stakes
    roles = {str(o) for o in graph.objects(None, TKG.role)}
    assert "Chief AI Officer" in roles
    assert (built / "output" / "graph.html").stat().st_size > 100_000  # vis-network inlined


def test_query_lists_meta_investing_in_scale_ai(built):
    result = run_kg("query", "SELECT ?a ?b WHERE { ?a tkg:investsIn ?b }", "--store", built / "store",
                    "--format", "json", check=True)
    rows = json.loads(result.stdout)["results"]["bindings"]
    pairs = {(r["a"]["value"].rsplit("/", 1)[-1], r["b"]["value"].rsplit("/", 1)[-1]) for r in rows}
    assert ("Meta_Platforms", "Scale_AI") in pairs


def test_why_query_returns_the_german_sentence_and_article(built):
    result = run_kg("query", WHY, "--store", built / "store", "--format", "json", check=True)
    rows = json.loads(result.stdout)["results"]["bindings"]
    sentences = {r["sentence"]["value"] for r in rows}
    assert any("Milliardeninvestition von Meta in 49 Prozent" in s for s in sentences)
    assert any("Meta kooperiert mit Midjourney" in r["title"]["value"] for r in rows)


def test_query_formats_table_csv_tsv_and_ask(built):
    table = run_kg("query", "SELECT ?s WHERE { ?s tkg:founded ?o }", "--store", built / "store", check=True)
    assert "ent:David_Holz" in table.stdout and "row" in table.stdout
    csv_out = run_kg("query", "SELECT ?s WHERE { ?s tkg:founded ?o }", "--store", built / "store", "--format", "csv",
                     check=True)
    assert csv_out.stdout.splitlines()[0] == "s"
    tsv_out = run_kg("query", "SELECT ?s WHERE { ?s tkg:founded ?o }", "--store", built / "store", "--format", "tsv",
                     check=True)
    assert tsv_out.stdout.splitlines()[0] == "?s"
    ask = run_kg("query", "ASK { ent:Meta_Platforms tkg:competesWith ent:OpenAI }", "--store", built / "store", check=True)
    assert ask.stdout.strip() == "true"
    construct = run_kg("query", "CONSTRUCT { ?s tkg:investsIn ?o } WHERE { ?s tkg:investsIn ?o }",
                       "--store", built / "store", check=True)
    assert len(Graph().parse(data=construct.stdout, format="turtle")) >= 1


def test_query_from_file(built, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a a tkg:Article }", encoding="utf-8")
    result = run_kg("query", "-f", query, "--store", built / "store", "--format", "csv", check=True)
    assert int(result.stdout.splitlines()[1]) >= 6


def test_every_relation_has_provenance(built):
    query = """SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?p rdfs:subPropertyOf tkg:relation .
               FILTER NOT EXISTS { ?m rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; tkg:evidence ?e ;
                                      prov:wasDerivedFrom ?a ; tkg:startOffset ?b ; tkg:confidence ?c } }"""
    result = run_kg("query", query, "--store", built / "store", "--format", "csv", check=True)
    assert result.stdout.splitlines()[1] == "0"


def test_offsets_point_at_the_evidence(built):
    text = (EXAMPLES / "meta_midjourney_de.txt").read_text(encoding="utf-8")
    query = """SELECT ?e ?b ?x WHERE { ?m tkg:evidence ?e ; tkg:startOffset ?b ; tkg:endOffset ?x ;
                                       prov:wasDerivedFrom ?a . ?a tkg:source ?src FILTER(CONTAINS(?src, "meta_midjourney")) }"""
    rows = json.loads(run_kg("query", query, "--store", built / "store", "--format", "json", check=True).stdout)
    rows = rows["results"]["bindings"]
    assert rows
    for row in rows:
        start, end = int(row["b"]["value"]), int(row["x"]["value"])
        assert text[start:end] == row["e"]["value"]


def _triple_count(store):
    result = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                    "--format", "csv", check=True)
    return int(result.stdout.splitlines()[1])


def test_rebuild_changes_nothing_then_change_and_remove(fresh):
    store = fresh / "store"
    first = run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "out", check=True)
    assert "7 new" in first.stdout
    count = _triple_count(store)
    dump = run_kg("export", "--store", store, "--format", "nquads", check=True).stdout
    again = run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "out", check=True)
    assert "7 unchanged" in again.stdout
    assert _triple_count(store) == count
    assert run_kg("export", "--store", store, "--format", "nquads", check=True).stdout == dump

    article = fresh / "articles" / "meta_midjourney_de.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Konkurrenten wie OpenAI und Google",
                                                                  "Konkurrenten wie OpenAI"), encoding="utf-8")
    changed = run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "out", check=True)
    assert "1 changed" in changed.stdout
    ask = "ASK { ent:Meta_Platforms tkg:competesWith ent:Google }"
    assert run_kg("query", ask, "--store", store, check=True).stdout.strip() == "false"
    assert run_kg("query", "ASK { ent:Meta_Platforms tkg:competesWith ent:OpenAI }", "--store", store,
                  check=True).stdout.strip() == "true"

    removed = run_kg("remove", article, "--store", store, check=True)
    assert "removed" in removed.stderr
    assert run_kg("query", "ASK { ?s tkg:investsIn ent:Scale_AI }", "--store", store, check=True).stdout.strip() == "false"
    missing = run_kg("remove", "no-such-article", "--store", store)
    assert missing.returncode != 0 and "no such article" in missing.stderr


def test_jsonl_articles_keep_their_metadata(built):
    query = """SELECT ?date WHERE { ?a a tkg:Article ; dct:date ?date ; dct:title ?t FILTER(CONTAINS(?t, "Anthropic")) }"""
    result = run_kg("query", query, "--store", built / "store", "--format", "csv", check=True)
    assert "2023-09-25" in result.stdout


def test_export_formats_parse(built, tmp_path):
    import csv
    import io

    import networkx as nx

    for fmt, parser in (("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads"), ("trig", "trig"),
                        ("jsonld", "json-ld")):
        out = tmp_path / f"g.{fmt}"
        run_kg("export", "--store", built / "store", "--format", fmt, "-o", out, check=True)
        if parser in ("nquads", "trig"):
            from rdflib import Dataset
            assert len(Dataset().parse(out, format=parser)) > 100
        else:
            assert len(Graph().parse(out, format=parser)) > 100
    graphml = tmp_path / "g.graphml"
    run_kg("export", "--store", built / "store", "--format", "graphml", "-o", graphml, check=True)
    g = nx.read_graphml(graphml)
    assert any(d.get("label") == "Meta Platforms" for _, d in g.nodes(data=True))
    table = run_kg("export", "--store", built / "store", "--format", "csv", check=True).stdout
    rows = list(csv.DictReader(io.StringIO(table)))
    assert any(r["subject"] == "Meta Platforms" and r["relation"] == "investsIn" and r["object"] == "Scale AI"
               for r in rows)


def test_stats_and_validate(built):
    stats = json.loads(run_kg("stats", "--store", built / "store", "--json", check=True).stdout)
    assert stats["articles"] == 7
    assert stats["relations"]["worksFor"] >= 3
    assert stats["top"][0]["degree"] >= stats["top"][-1]["degree"]
    result = run_kg("validate", "--store", built / "store")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "conforms" in result.stdout


def test_every_command_has_help_with_an_example():
    for command in ("build", "extract", "query", "export", "html", "stats", "validate", "remove", "eval"):
        result = run_kg(command, "--help", check=True)
        assert "Example" in result.stdout, command


def test_a_statement_from_two_articles_is_one_row_until_both_are_gone(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.txt").write_text("Meta kooperiert mit Midjourney.", encoding="utf-8")
    (folder / "two.txt").write_text("Meta arbeitet eng mit Midjourney zusammen. Meta kooperiert mit Midjourney.",
                                    encoding="utf-8")
    store = tmp_path / "s"
    run_kg("build", folder, "--store", store, "--out", tmp_path / "o", check=True)
    query = "SELECT ?a ?b WHERE { ?a tkg:collaboratesWith ?b }"

    def count():
        out = run_kg("query", query, "--store", store, "--format", "json", check=True).stdout
        return len(json.loads(out)["results"]["bindings"])

    assert count() == 1
    evidence = run_kg("query", "SELECT ?m WHERE { ?m rdf:predicate tkg:collaboratesWith }", "--store", store,
                      "--format", "json", check=True).stdout
    assert len(json.loads(evidence)["results"]["bindings"]) == 2  # one mention per article
    run_kg("remove", folder / "one.txt", "--store", store, check=True)
    assert count() == 1
    run_kg("remove", folder / "two.txt", "--store", store, check=True)
    assert count() == 0
