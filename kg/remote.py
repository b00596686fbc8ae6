"""A SPARQL 1.1 endpoint as the store (tested against Oxigraph server; see below for others).

``--store http://host:7878`` uses ``/query`` and ``/update`` below that address (Oxigraph's layout);
techkg keeps the endpoint's default graph the set union of its article graphs itself, so the endpoint needs
no union-default-graph setting (and must not have one: statements would then be counted twice);
``--store http://host/ds/query`` with ``KG_STORE_UPDATE=http://host/ds/update`` names both (Fuseki's layout).
Credentials come from the environment only: ``KG_STORE_TOKEN`` (bearer) or ``KG_STORE_USER`` and
``KG_STORE_PASSWORD`` (basic). Builds push in batches: small articles share one SPARQL Update request of
about ``BATCH`` triples, each still replacing its own graph as a whole; a large article goes alone in batches
with its content hash last, so one interrupted halfway has no hash and is sent again by the next build.
Results come back through pyoxigraph's parsers, so the rest of techkg cannot tell the two stores apart.

Virtuoso (tested with Debian's 7.2.5) has no writable default graph of its own: ``INSERT DATA`` without
``GRAPH`` is refused and its default graph is every graph it holds, its system graphs included. When the
server says it is Virtuoso (its ``Server`` header), techkg keeps the union in the named graph
``https://w3id.org/techkg/graph/union`` instead and sends queries with that graph as their
``default-graph-uri``; Virtuoso still lets ``GRAPH ?g`` reach the article graphs beside it, but finds nothing in
``GRAPH <iri>`` then, so a query that names a graph goes without it (over Virtuoso's own default graph, every
graph it holds: use such queries for named graphs only). Use
``--store http://host:8890/sparql`` (queries and updates share that address; the ``SPARQL`` account needs
the ``SPARQL_UPDATE`` role, or give credentials). Its ASK answers (an ``__ASK_RETVAL`` binding) are read
as booleans. Queries go as URL-encoded POST requests, the protocol's most widely supported form (Virtuoso
7.2 never answers a POST of ``application/sparql-query``).

Examples
--------
>>> is_endpoint("http://localhost:7878"), is_endpoint("output/store")
(True, False)
"""
from __future__ import annotations

import base64
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .namespaces import PREFIXES, TKG, UNION_GRAPH
from .rdf import article_iri
from .store import SparqlStore, in_union, own_graphs, replace_graph, statements

BATCH = 5000


def is_endpoint(store) -> bool:
    return str(store).startswith(("http://", "https://"))


def _prologue() -> str:
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


class RemoteStore(SparqlStore):
    """The :class:`~kg.store.KgStore` interface over the SPARQL 1.1 protocol."""

    def __init__(self, url: str, update_url: str | None = None, read_only: bool = False, timeout: float = 120.0,
                 **_):
        base = url.rstrip("/")
        explicit_update = update_url
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
        self.server = ""
        self.ask("ASK { ?s ?p ?o }")  # fail now, with one line, if the endpoint is not there
        if "virtuoso" in self.server.lower():
            self.union = ox.NamedNode(str(UNION_GRAPH))
            if not explicit_update:
                self.update_url = self.query_url  # Virtuoso takes updates at its query address

    # ------------------------------------------------------------ protocol
    def _request(self, url: str, body: str, content_type: str, accept: str) -> bytes:
        headers = dict(self.headers, **{"Content-Type": content_type, "Accept": accept})
        request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                self.server = response.headers.get("Server", "")
                return response.read()
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", errors="replace").strip().splitlines()
            message = f"{url}: HTTP {err.code} {detail[0][:200] if detail else err.reason}"
            if err.code in (401, 403):
                message += " (credentials: set KG_STORE_TOKEN, or KG_STORE_USER and KG_STORE_PASSWORD)"
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
        fields = [("query", _prologue() + sparql)]
        if self.union is not None and not _NAMES_A_GRAPH.search(sparql):
            # Virtuoso: with a default graph set, GRAPH <iri> finds nothing (GRAPH ?g still finds every graph)
            fields.append(("default-graph-uri", self.union.value))
        body, form = urllib.parse.urlencode(fields), "application/x-www-form-urlencoded"
        kind = _form(sparql)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            data = self._request(self.query_url, body, form, "application/n-triples")
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        data = self._request(self.query_url, body, form, "application/sparql-results+json")
        if self.union is not None:
            data = _plain_blank_nodes(data)
        results = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        if kind == "ASK" and isinstance(results, ox.QuerySolutions):  # Virtuoso: one __ASK_RETVAL binding
            rows = list(results)
            answer = bool(rows) and rows[0][0] is not None and rows[0][0].value not in ("0", "false")
            return ox.parse_query_results(b'{"head": {}, "boolean": %s}' % (b"true" if answer else b"false"),
                                          format=ox.QueryResultsFormat.JSON)
        return results

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.update_url}: opened read-only")
        self._request(self.update_url, _prologue() + update, "application/sparql-update", "*/*")

    # ------------------------------------------------------------ the KgStore interface
    def put_article(self, article_id: str, quads: list[ox.Quad], new: bool = False) -> None:
        """Replace the article's graph; ``new`` is not trusted here (an interrupted large article leaves
        a graph without its content hash), so the old graph is always dropped first."""
        graph = article_iri(article_id)
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads]
        first, rest = lines[:BATCH], lines[BATCH:]
        # the content hash goes in last, so an interrupted large article is re-sent by the next build
        marker = [line for line in first if str(TKG.contentHash) in line]
        first = [line for line in first if line not in marker] if rest else first
        self._update(replace_graph(graph, "\n".join(first), self.union))
        chunks = ["\n".join(rest[start:start + BATCH]) for start in range(0, len(rest), BATCH)]
        for chunk in chunks + (["\n".join(marker)] if rest and marker else []):
            copy = in_union("\n" + chunk + "\n", self.union)
            self._update(f"INSERT DATA {{ GRAPH {graph} {{\n{chunk}\n}} }} ;\nINSERT DATA {{ {copy} }}")

    def put_articles(self, items: list[tuple[str, list, bool]]) -> None:
        """Send small articles together, up to about BATCH triples per request (each still replaces its own
        graph as a whole); a large article goes alone, in batches, with its content hash last."""
        group, size = [], 0
        for article_id, quads, _new in items:
            if len(quads) > BATCH:
                if group:  # keep the order of the articles
                    self._update(" ;\n".join(group))
                    group, size = [], 0
                self.put_article(article_id, quads)
                continue
            group.append(replace_graph(article_iri(article_id), statements(quads), self.union))
            size += len(quads)
            if size >= BATCH:
                self._update(" ;\n".join(group))
                group, size = [], 0
        if group:
            self._update(" ;\n".join(group))

    def quads(self):
        rows = self.select(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({own_graphs(self.union)}) }}")
        return [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]



def _plain_blank_nodes(data: bytes) -> bytes:
    """Virtuoso names blank nodes ``nodeID://b10006`` in JSON results, which is no blank node label: make
    each a valid one (the same name gives the same label)."""
    import json

    results = json.loads(data)
    for row in results.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = re.sub(r"[^A-Za-z0-9]", "_", term["value"])
    return json.dumps(results).encode("utf-8")


_NAMES_A_GRAPH = re.compile(r"(?i)\bGRAPH\s*<")


def _form(sparql: str) -> str:
    import re

    body = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", sparql)
    match = re.match(r"\s*(\w+)", body)
    return match.group(1).upper() if match else ""


def _inject_values(sparql: str, values: str) -> str:
    """Put a VALUES block at the start of the outermost WHERE group."""
    index = sparql.find("{")
    return sparql[: index + 1] + " " + values + " " + sparql[index + 1:]
