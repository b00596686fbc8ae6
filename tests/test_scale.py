"""Scale-out with real parts: an Oxigraph server as the store, kg serve as a SPARQL endpoint, --workers."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest

from conftest import free_port, run_kg, wait_for

RELATIONS_QUERY = """SELECT ?s ?p ?o WHERE { ?m a tkg:Mention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"""


def relations(store) -> set:
    out = run_kg("query", RELATIONS_QUERY, "--store", store, "--format", "json", check=True).stdout
    return {tuple(b[k]["value"] for k in ("s", "p", "o")) for b in json.loads(out)["results"]["bindings"]}


def test_sparql_endpoint_store_matches_the_embedded_store(oxigraph_server, fresh):
    embedded = fresh / "store"
    run_kg("build", fresh / "articles", "--store", embedded, "--out", fresh / "o1", check=True)
    first = run_kg("build", fresh / "articles", "--store", oxigraph_server, "--out", fresh / "o2", check=True)
    assert "7 new" in first.stdout
    assert relations(oxigraph_server) == relations(embedded)
    again = run_kg("build", fresh / "articles", "--store", oxigraph_server, "--out", fresh / "o2", check=True)
    assert "7 unchanged" in again.stdout
    article = fresh / "articles" / "meta_midjourney_de.txt"
    run_kg("remove", article, "--store", oxigraph_server, check=True)
    run_kg("remove", article, "--store", embedded, check=True)
    assert relations(oxigraph_server) == relations(embedded)
    stats = json.loads(run_kg("stats", "--store", oxigraph_server, "--json", check=True).stdout)
    assert stats["articles"] == 6
    run_kg("html", "--store", oxigraph_server, "-o", fresh / "remote.html", check=True)
    turtle = run_kg("export", "--store", oxigraph_server, "--format", "turtle", check=True).stdout
    assert "tkg:investsIn" in turtle


def test_separate_query_and_update_addresses(oxigraph_server, fresh):
    """Servers with other layouts (Fuseki: /ds/query and /ds/update) are named by two addresses."""
    env = {"KG_STORE_UPDATE": oxigraph_server + "/update"}
    run_kg("build", fresh / "articles", "--store", oxigraph_server + "/query", "--out", fresh / "o", env=env, check=True)
    stats = json.loads(run_kg("stats", "--store", oxigraph_server + "/query", "--json", check=True).stdout)
    assert stats["articles"] == 7 and sum(stats["relations"].values()) > 10
    # a wrong update address is a one-line error naming it, and nothing changes
    article = fresh / "articles" / "meta_midjourney_de.txt"
    bad = run_kg("remove", article, "--store", oxigraph_server + "/query", env={"KG_STORE_UPDATE": oxigraph_server + "/nope"})
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1 and "/nope" in bad.stderr, bad.stderr
    assert json.loads(run_kg("stats", "--store", oxigraph_server, "--json", check=True).stdout)["articles"] == 7
    run_kg("remove", article, "--store", oxigraph_server + "/query", env=env, check=True)
    assert json.loads(run_kg("stats", "--store", oxigraph_server, "--json", check=True).stdout)["articles"] == 6


def test_endpoint_credentials_come_from_the_environment(oxigraph_server, fresh):
    """Behind an authenticating front: a bearer token or basic credentials from the environment reach it;
    without them the error is one line, and the secret never appears in any output."""
    import base64

    from auth_proxy import AuthProxy

    with AuthProxy(oxigraph_server, "Bearer s3cret-token") as url:
        refused = run_kg("build", fresh / "articles", "--store", url, "--out", fresh / "o")
        assert refused.returncode != 0 and "HTTP 401" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
        assert "KG_STORE_TOKEN" in refused.stderr  # says what to set
        built = run_kg("build", fresh / "articles", "--store", url, "--out", fresh / "o",
                       env={"KG_STORE_TOKEN": "s3cret-token"}, check=True)
        assert "s3cret" not in built.stdout + built.stderr
        stats = run_kg("stats", "--store", url, "--json", env={"KG_STORE_TOKEN": "s3cret-token"}, check=True)
        assert json.loads(stats.stdout)["articles"] == 7
    basic = "Basic " + base64.b64encode(b"analyst:pa55word").decode()
    with AuthProxy(oxigraph_server, basic) as url:
        wrong = run_kg("stats", "--store", url, env={"KG_STORE_USER": "analyst", "KG_STORE_PASSWORD": "nope"})
        assert wrong.returncode != 0 and "nope" not in wrong.stderr
        right = run_kg("stats", "--store", url, "--json", env={"KG_STORE_USER": "analyst", "KG_STORE_PASSWORD": "pa55word"},
                       check=True)
        assert json.loads(right.stdout)["articles"] == 7 and "pa55word" not in right.stdout + right.stderr


def test_unreachable_endpoint_is_one_line(tmp_path):
    result = run_kg("query", "ASK { ?s ?p ?o }", "--store", f"http://127.0.0.1:{free_port()}")
    assert result.returncode != 0 and "cannot reach the SPARQL endpoint" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_kg_serve_speaks_the_sparql_protocol(built):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(built / "store"), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/query"
    try:
        query = "SELECT ?a ?b WHERE { ?a tkg:investsIn ?b }"
        full = "PREFIX tkg: <https://w3id.org/techkg/ontology#> " + query
        wait_for(base + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        get = urllib.request.Request(base + "?query=" + urllib.parse.quote(full),
                                     headers={"Accept": "application/sparql-results+json"})
        data = json.loads(urllib.request.urlopen(get).read())
        assert any(b["a"]["value"].endswith("Meta_Platforms") for b in data["results"]["bindings"])
        post = urllib.request.Request(base, data=full.encode(), headers={"Content-Type": "application/sparql-query",
                                                                        "Accept": "text/csv"})
        assert urllib.request.urlopen(post).read().decode().splitlines()[0] == "a,b"
        form = urllib.request.Request(base, data=urllib.parse.urlencode({"query": full}).encode(),
                                      headers={"Accept": "application/sparql-results+xml"})
        assert b"<sparql" in urllib.request.urlopen(form).read()
        tsv = urllib.request.Request(base + "?query=" + urllib.parse.quote(full), headers={"Accept": "text/tab-separated-values"})
        assert urllib.request.urlopen(tsv).read().decode().startswith("?a\t?b")
        construct = urllib.request.Request(
            base + "?query=" + urllib.parse.quote("CONSTRUCT { ?a ?p ?b } WHERE { ?a ?p ?b } LIMIT 5"),
            headers={"Accept": "text/turtle"})
        response = urllib.request.urlopen(construct)
        assert response.headers["Content-Type"].startswith("text/turtle")
        for bad, code in ((urllib.request.Request(base, data=b"DELETE WHERE { ?s ?p ?o }",
                                                  headers={"Content-Type": "application/sparql-update"}), 403),
                          (urllib.request.Request(base + "?query=SELEC"), 400)):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(bad)
            assert err.value.code == code

        from rdflib import Graph, URIRef
        from rdflib.plugins.stores.sparqlstore import SPARQLStore

        graph = Graph(store=SPARQLStore(base))
        rows = list(graph.query(full))
        assert (URIRef("https://w3id.org/techkg/entity/Meta_Platforms"),
                URIRef("https://w3id.org/techkg/entity/Scale_AI")) in {(r[0], r[1]) for r in rows}
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_kg_serve_dataset_parameters_and_service_description(built):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(built / "store"), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/query"

    def select(query: str, **params) -> list[dict]:
        url = base + "?" + urllib.parse.urlencode({"query": query, **params}, doseq=True)
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        return json.loads(urllib.request.urlopen(request).read())["results"]["bindings"]

    try:
        wait_for(base + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        graphs = [b["g"]["value"] for b in select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/techkg/ontology#Article> } }")]
        assert len(graphs) == 7
        one = graphs[0]
        inside = select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{one}> {{ ?s ?p ?o }} }}")[0]["n"]["value"]
        # default-graph-uri: that article's graph is the default graph
        assert select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": one})[0]["n"]["value"] == inside
        # named-graph-uri: only the graphs named are reachable with GRAPH
        named = select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": graphs[:2]})
        assert sorted(b["g"]["value"] for b in named) == sorted(graphs[:2])
        with pytest.raises(urllib.error.HTTPError) as err:
            select("ASK { ?s ?p ?o }", **{"default-graph-uri": "not an iri"})
        assert err.value.code == 400
        # the endpoint address without a query: its SPARQL 1.1 Service Description
        request = urllib.request.Request(base, headers={"Accept": "text/turtle"})
        description = urllib.request.urlopen(request).read()
        from rdflib import Graph, Namespace, URIRef

        sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
        graph = Graph().parse(data=description, format="turtle")
        assert (None, sd.endpoint, URIRef(base)) in graph
        assert (None, sd.supportedLanguage, sd.SPARQL11Query) in graph
        # a Host header that makes no IRI still gets a description, naming the address the server is bound to
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("GET", "/query", skip_host=True)
        connection.putheader("Host", "evil host><script>")
        connection.putheader("Accept", "text/turtle")
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 200
        assert (None, sd.endpoint, URIRef(base)) in Graph().parse(data=response.read(), format="turtle")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_workers_give_the_same_graph(fresh):
    run_kg("build", fresh / "articles", "--store", fresh / "one", "--out", fresh / "o1", check=True)
    run_kg("build", fresh / "articles", "--store", fresh / "two", "--out", fresh / "o2", "--workers", "2", check=True)
    assert relations(fresh / "one") == relations(fresh / "two")


def test_dask_cluster_extracts_and_the_client_writes(fresh):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        result = run_kg("build", fresh / "articles", "--store", fresh / "dask", "--out", fresh / "o",
                        "--dask", cluster.scheduler_address, check=True)
    assert "7 new" in result.stdout
    run_kg("build", fresh / "articles", "--store", fresh / "local", "--out", fresh / "o2", check=True)
    assert relations(fresh / "dask") == relations(fresh / "local")


def test_jsonl_is_streamed(tmp_path):
    from kg.articles import iter_articles
    from kg.errors import InputError

    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for number in range(2000):
            out.write(json.dumps({"id": f"a{number}", "text": f"Apple kauft Firma {number}."}) + "\n")
        out.write("{broken\n")
    articles = iter_articles([path])
    first = next(articles)  # available before the broken last line is read
    assert first.id == "a0"
    with pytest.raises(InputError, match="big.jsonl:2001"):
        for _ in articles:
            pass


def test_virtuoso_as_the_store(virtuoso_server, fresh):
    """Virtuoso has no writable default graph of its own; techkg keeps the union in a named graph there and
    must give what the embedded store gives: same relations, counts, removal, curation, no system triples."""
    embedded = fresh / "store"
    run_kg("build", fresh / "articles", "--store", embedded, "--out", fresh / "o1", check=True)
    first = run_kg("build", fresh / "articles", "--store", virtuoso_server, "--out", fresh / "o2", check=True)
    assert "7 new" in first.stdout
    assert relations(virtuoso_server) == relations(embedded)
    assert "7 unchanged" in run_kg("build", fresh / "articles", "--store", virtuoso_server, "--out", fresh / "o2",
                                   check=True).stdout

    def stats(store):
        return json.loads(run_kg("stats", "--store", store, "--json", check=True).stdout)

    assert stats(virtuoso_server) == stats(embedded)
    ask = "ASK { ?a tkg:investsIn ?b }"
    assert run_kg("query", ask, "--store", virtuoso_server, check=True).stdout.strip() == \
        run_kg("query", ask, "--store", embedded, check=True).stdout.strip()
    assert "false" in run_kg("query", "ASK { ?a tkg:investsIn ?a }", "--store", virtuoso_server, check=True).stdout
    # a statement made by two articles is there once, as in the embedded store
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s tkg:investsIn ?o }"
    assert run_kg("query", count, "--store", virtuoso_server, "--format", "csv", check=True).stdout == \
        run_kg("query", count, "--store", embedded, "--format", "csv", check=True).stdout

    article = fresh / "articles" / "meta_midjourney_de.txt"
    for store in (virtuoso_server, embedded):
        run_kg("remove", article, "--store", store, check=True)
    assert relations(virtuoso_server) == relations(embedded)
    assert stats(virtuoso_server) == stats(embedded) and stats(embedded)["articles"] == 6
    summaries = []
    for store, out in ((virtuoso_server, "o2"), (embedded, "o1")):
        run_kg("merge", "Amazon", "Amazon Web Services", "--store", store, check=True)
        run_kg("split", "Volkswagen", "VW", "--store", store, check=True)
        summary = run_kg("build", fresh / "articles", "--store", store, "--out", fresh / out, check=True).stdout
        summaries.append(summary.splitlines()[0].rsplit(",", 1)[0])  # without the seconds
    assert summaries[0] == summaries[1] and "(2 new, 0 changed, 5 unchanged)" in summaries[0]
    assert run_kg("query", "ASK { GRAPH <https://w3id.org/techkg/graph/union> { ?s ?p ?o } }",
                  "--store", virtuoso_server, check=True).stdout.strip() == "true"
    assert relations(virtuoso_server) == relations(embedded)
    assert stats(virtuoso_server) == stats(embedded)
    turtle = run_kg("export", "--store", virtuoso_server, "--format", "turtle", check=True).stdout
    assert "tkg:investsIn" in turtle and "openlinksw" not in turtle
    nquads = run_kg("export", "--store", virtuoso_server, "--format", "nquads", check=True).stdout
    assert "openlinksw" not in nquads and "/graph/union>" not in nquads
