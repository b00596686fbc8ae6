"""``kg serve``: the embedded store as a read-only SPARQL 1.1 Protocol endpoint.

``GET /query?query=…`` and ``POST /query`` (form-encoded ``query=`` or an ``application/sparql-query``
body); results negotiated by ``Accept``: SPARQL JSON, XML, CSV or TSV for SELECT and ASK; Turtle,
N-Triples, RDF/XML or JSON-LD for CONSTRUCT and DESCRIBE. The protocol's ``default-graph-uri`` and
``named-graph-uri`` parameters set the dataset (one article's graph, say); ``GET /query`` without a query
returns the SPARQL 1.1 Service Description. Updates are refused (403). Queries run in worker processes
(:mod:`kg.querypool`): a query past the time-out, or beyond the cap of queries at once, answers 503 with
one line, and the work stops (its worker is killed). CORS is open so that browser
clients such as YASGUI can connect; the server binds to 127.0.0.1 unless told otherwise.

Examples
--------
>>> negotiate("application/sparql-results+xml, */*;q=0.1", RESULT_TYPES)[0]
'application/sparql-results+xml'
"""
from __future__ import annotations

import signal
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

from .errors import KgError
from .namespaces import PREFIXES
from .querypool import Busy, ClientGone, QueryPool, TimedOut
from .store import KgStore

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
READ_TIMEOUT = 10  # seconds a client may take to send its request
MAX_BODY = 1_000_000


def negotiate(accept: str, offered: dict) -> tuple[str, object]:
    """The best offered media type for an Accept header (q-values honoured; the first offer by default)."""
    choices = []
    for index, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        choices.append((-q, index, media))
    for _, _, media in sorted(choices):
        if media in offered:
            return media, offered[media]
        if media in ("*/*", "application/*", "text/*"):
            first = next(iter(offered))
            return first, offered[first]
    first = next(iter(offered))
    return first, offered[first]


SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"


def service_description(endpoint: str) -> list[ox.Triple]:
    """SPARQL 1.1 Service Description triples: query language, result formats, the union default graph."""
    service, dataset, default = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
    a = ox.NamedNode(PREFIXES["rdf"] + "type")
    triples = [
        ox.Triple(service, a, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, a, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, a, sd("Graph")),
        ox.Triple(default, ox.NamedNode(PREFIXES["rdfs"] + "comment"),
                  ox.Literal("The set union of all article graphs; GRAPH ?g reaches each article's own graph.")),
    ]
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "RDF_XML", "JSON-LD"):
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + name)))
    return triples


def answer(store: KgStore, sparql: str, dataset: dict, accept: str) -> tuple[int, str, bytes]:
    """``(status, media type, body)`` for one query on ``store``, results negotiated by ``accept``
    (run in a :mod:`kg.querypool` worker)."""
    try:
        results = store.query(sparql, **dataset)
    except KgError as err:
        return 400, "text/plain", (str(err).splitlines()[0] + "\n").encode("utf-8")
    try:  # results are computed lazily: a query can still fail here
        if isinstance(results, ox.QueryTriples):
            media, fmt = negotiate(accept, GRAPH_TYPES)
            data = ox.serialize(results, format=fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None)
        else:
            media, fmt = negotiate(accept, RESULT_TYPES)
            data = results.serialize(format=fmt)
    except (RuntimeError, ValueError, OSError, SyntaxError) as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        return 500, "text/plain", f"query failed: {message}\n".encode("utf-8")
    return 200, media, data or b""


def make_handler(pool: QueryPool):
    class Handler(BaseHTTPRequestHandler):
        server_version = "techkg-sparql/0.1"
        timeout = READ_TIMEOUT  # a client that stops sending does not hold a thread

        def log_message(self, fmt, *args):
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

        def do_OPTIONS(self):
            self.send_response(204)
            self._cors()
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.end_headers()

        def do_GET(self):
            parsed = urllib.parse.urlsplit(self.path)
            if parsed.path not in ("/query", "/sparql"):
                return self._fail(404, "use /query")
            params = urllib.parse.parse_qs(parsed.query)
            if "update" in params:
                return self._fail(403, "this endpoint is read-only")
            if "query" not in params:
                return self._describe()
            self._answer(params["query"][0], params)

        def do_POST(self):
            parsed = urllib.parse.urlsplit(self.path)
            if parsed.path in ("/update",):
                return self._fail(403, "this endpoint is read-only")
            if parsed.path not in ("/query", "/sparql"):
                return self._fail(404, "use /query")
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length < 0:
                return self._fail(400, "bad Content-Length")
            if length > MAX_BODY:
                return self._fail(413, "query too large")
            try:
                raw = self.rfile.read(length)
            except OSError:  # the socket's time-out: the body never came
                return self._fail(408, f"the request body did not arrive within {READ_TIMEOUT} s")
            if len(raw) < length:
                return self._fail(400, "the request body is shorter than its Content-Length")
            body = raw.decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-query":
                return self._answer(body, urllib.parse.parse_qs(parsed.query))
            if kind == "application/sparql-update":
                return self._fail(403, "this endpoint is read-only")
            params = urllib.parse.parse_qs(body)
            if "update" in params:
                return self._fail(403, "this endpoint is read-only")
            if "query" not in params:
                return self._fail(400, "missing the query parameter")
            self._answer(params["query"][0], params)

        def _answer(self, sparql: str, params: dict):
            dataset = {}
            if "default-graph-uri" in params or "named-graph-uri" in params:
                # the protocol's dataset overrides the query's: the graphs not named are not in it
                dataset = {"default_graph": params.get("default-graph-uri", []),
                           "named_graphs": params.get("named-graph-uri", [])}
            try:
                status, media, data = pool.run((sparql, dataset, self.headers.get("Accept", "*/*")),
                                               client=self.connection)
            except Busy as err:
                return self._fail(503, str(err), {"Retry-After": "1"})
            except TimedOut as err:
                return self._fail(503, str(err))
            except ClientGone:
                self.close_connection = True
                return None
            self._send(status, media, data)

        def _describe(self):
            """The SPARQL 1.1 Service Description of this endpoint."""
            media, fmt = negotiate(self.headers.get("Accept", "*/*"), GRAPH_TYPES)
            own = "{}:{}".format(*self.server.server_address[:2])
            host = self.headers.get("Host") or own
            try:
                triples = service_description(f"http://{host}/query")
            except ValueError:  # a Host header that makes no IRI (spaces, '>'): name the bound address
                triples = service_description(f"http://{own}/query")
            data = ox.serialize(triples, format=fmt,
                                prefixes={"sd": SD} if fmt == ox.RdfFormat.TURTLE else None)
            self._send(200, media, data)

        def _fail(self, status: int, message: str, headers: dict | None = None):
            self._send(status, "text/plain", (message + "\n").encode("utf-8"), headers)

        def _send(self, status: int, media: str, data: bytes, headers: dict | None = None):
            self.send_response(status)
            self._cors()
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _cors(self):
            self.send_header("Access-Control-Allow-Origin", "*")

    return Handler


def _stop(signum, frame):
    raise KeyboardInterrupt


def serve(store_path, host: str = "127.0.0.1", port: int = 7878, ready=None, allow_service: bool = False,
          timeout: float = 30.0, max_queries: int = 2) -> None:
    """Serve until interrupted; ``ready(url)`` is called once the socket listens. SERVICE clauses are
    refused (400) unless ``allow_service``: any page a user visits could otherwise make the server probe
    the user's network (CORS is open). At most ``max_queries`` run at once, each in a worker process
    that is killed after ``timeout`` seconds; a query over the cap or past its time answers 503."""
    KgStore(store_path, read_only=True).close()  # a missing or broken store is an error now, not per query
    pool = QueryPool(store_path, size=max_queries, timeout=timeout, allow_service=allow_service)
    try:
        try:
            httpd = ThreadingHTTPServer((host, port), make_handler(pool))
        except OSError as err:
            raise KgError(f"cannot listen on {host}:{port} ({err.strerror})") from None
        httpd.daemon_threads = True
        url = f"http://{host}:{httpd.server_address[1]}/query"
        if ready:
            ready(url)
        # SIGTERM ends the server as Ctrl-C does, through the finally blocks: workers stopped, checkpoints removed
        signal.signal(signal.SIGTERM, _stop)
        try:
            httpd.serve_forever()
        finally:
            httpd.server_close()
    finally:
        pool.close()
