"""A SPARQL 1.1 endpoint as the store (Oxigraph server, Fuseki, GraphDB, Virtuoso, Neptune).

``--store http://host:7878`` uses ``/query`` and ``/update`` below that address (Oxigraph's layout);
techkg keeps the endpoint's default graph the set union of its article graphs itself, so the endpoint needs
no union-default-graph setting (and must not have one: statements would then be counted twice);
``--store http://host/ds/query --store-update http://host/ds/update`` names both (Fuseki's). Credentials come
from the environment only: ``KG_STORE_TOKEN`` (bearer) or ``KG_STORE_USER`` and ``KG_STORE_PASSWORD`` (basic).
Each article is written in one SPARQL Update request (drop its graph, insert it again), which SPARQL stores
apply as one transaction; large articles go in batches of triples. Results come back through pyoxigraph's
parsers, so the rest of techkg cannot tell the two stores apart.

Examples
--------
>>> is_endpoint("http://localhost:7878"), is_endpoint("output/store")
(True, False)
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .namespaces import CURATION_GRAPH, ONTOLOGY_GRAPH, PREFIXES, TKG
from .rdf import article_iri
from .store import forget_graph, refresh_default, replace_graph

CURATION = ox.NamedNode(str(CURATION_GRAPH))

BATCH = 5000


def is_endpoint(store) -> bool:
    return str(store).startswith(("http://", "https://"))


def _prologue() -> str:
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


class RemoteStore:
    """The :class:`~kg.store.KgStore` interface over the SPARQL 1.1 protocol."""

    read_only = False

    def __init__(self, url: str, update_url: str | None = None, read_only: bool = False, timeout: float = 120.0,
                 **_):
        base = url.rstrip("/")
        if base.endswith(("/query", "/sparql")):
            self.query_url = base
            self.update_url = update_url or base.rsplit("/", 1)[0] + "/update"
        else:
            self.query_url = base + "/query"
            self.update_url = update_url or base + "/update"
        self.path = self.query_url
        self.read_only = read_only
        self.timeout = timeout
        self.headers = {}
        token = os.environ.get("KG_STORE_TOKEN")
        user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        elif user:
            secret = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
            self.headers["Authorization"] = f"Basic {secret}"
        self.ask("ASK { ?s ?p ?o }")  # fail now, with one line, if the endpoint is not there

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        pass

    def checkpoint(self) -> None:
        pass

    # ------------------------------------------------------------ protocol
    def _request(self, url: str, body: str, content_type: str, accept: str) -> bytes:
        headers = dict(self.headers, **{"Content-Type": content_type, "Accept": accept})
        request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", errors="replace").strip().splitlines()
            message = f"{url}: HTTP {err.code} {detail[0][:200] if detail else err.reason}"
            if err.code == 400:
                raise QueryError(message) from None
            raise StoreError(message) from None
        except (urllib.error.URLError, OSError) as err:
            raise StoreError(f"cannot reach the SPARQL endpoint {url} ({getattr(err, 'reason', err)})") from None

    def query(self, sparql: str, substitutions: dict | None = None):
        if substitutions:
            values = " ".join(f"?{var.value}" for var in substitutions)
            terms = " ".join(str(term) for term in substitutions.values())
            sparql = _inject_values(sparql, f"VALUES ({values}) {{ ({terms}) }}")
        text = _prologue() + sparql
        kind = _form(sparql)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            data = self._request(self.query_url, text, "application/sparql-query", "application/n-triples")
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        data = self._request(self.query_url, text, "application/sparql-query", "application/sparql-results+json")
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def select(self, sparql: str, substitutions: dict | None = None) -> list[dict]:
        results = self.query(sparql, substitutions)
        names = [v.value for v in results.variables]
        return [{name: row[name] for name in names} for row in results]

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql))

    def count(self, pattern: str) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(rows[0]["n"].value)

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.update_url}: opened read-only")
        self._request(self.update_url, _prologue() + update, "application/sparql-update", "*/*")

    # ------------------------------------------------------------ the KgStore interface
    def article_digest(self, article_id: str) -> str | None:
        graph = article_iri(article_id)
        rows = self.select(f"SELECT ?h WHERE {{ GRAPH {graph} {{ {graph} tkg:contentHash ?h }} }}")
        return rows[0]["h"].value if rows else None

    def put_article(self, article_id: str, quads: list[ox.Quad]) -> None:
        graph = article_iri(article_id)
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads]
        first, rest = lines[:BATCH], lines[BATCH:]
        # the content hash goes in last, so an interrupted large article is re-sent by the next build
        marker = [line for line in first if str(TKG.contentHash) in line]
        first = [line for line in first if line not in marker] if rest else first
        self._update(replace_graph(graph, "\n".join(first)))
        for start in range(0, len(rest), BATCH):
            chunk = "\n".join(rest[start:start + BATCH])
            self._update(f"INSERT DATA {{ GRAPH {graph} {{\n{chunk}\n}} }} ;\nINSERT DATA {{\n{chunk}\n}}")
        if rest and marker:
            chunk = "\n".join(marker)
            self._update(f"INSERT DATA {{ GRAPH {graph} {{\n{chunk}\n}} }} ;\nINSERT DATA {{\n{chunk}\n}}")

    def remove_article(self, article_id: str) -> bool:
        graph = article_iri(article_id)
        if not self.ask(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
            return False
        self._update(forget_graph(graph))
        return True

    def articles(self) -> list[dict]:
        rows = self.select("""SELECT ?a ?title ?source ?date WHERE { GRAPH ?g { ?a a tkg:Article .
            OPTIONAL { ?a dct:title ?title } OPTIONAL { ?a tkg:source ?source } OPTIONAL { ?a dct:date ?date } } }
            ORDER BY ?a""")
        return [{k: (v.value if v is not None else "") for k, v in row.items()} for row in rows]

    def ensure_ontology(self, turtle: bytes) -> None:
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        digest = ox.Literal(hashlib.sha256(turtle).hexdigest())
        if self.ask(f"ASK {{ GRAPH {graph} {{ {graph} tkg:contentHash {digest} }} }}"):
            return
        triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        self._update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n"
                     f"{graph} tkg:contentHash {digest} .\n}} }} ;\n" + refresh_default(CURATION))

    def refresh_default(self) -> None:
        self._update(refresh_default(CURATION))

    def triples(self):
        return self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")

    def quads(self):
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]

    def relation_count(self) -> int:
        return self.count("{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?m a tkg:Mention ; rdf:subject ?s ; "
                          "rdf:predicate ?p ; rdf:object ?o } } }")

    def entity_count(self) -> int:
        return self.count("{ SELECT DISTINCT ?e WHERE { GRAPH ?g { ?m a tkg:Mention . "
                          "{ ?m rdf:subject ?e } UNION { ?m rdf:object ?e } } } }")


def _form(sparql: str) -> str:
    import re

    body = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", sparql)
    match = re.match(r"\s*(\w+)", body)
    return match.group(1).upper() if match else ""


def _inject_values(sparql: str, values: str) -> str:
    """Put a VALUES block at the start of the outermost WHERE group."""
    index = sparql.find("{")
    return sparql[: index + 1] + " " + values + " " + sparql[index + 1:]
