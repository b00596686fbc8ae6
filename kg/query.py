"""Run SPARQL over a store and format the results (table, CSV, TSV, JSON; Turtle for CONSTRUCT).

Examples
--------
>>> import tempfile
>>> from kg.store import KgStore
>>> folder = tempfile.mkdtemp() + "/s"
>>> KgStore(folder).close()
>>> run_query(folder, "ASK { ?s ?p ?o }", "table")
b'false\\n'
"""
from __future__ import annotations

import io
import json
import re
import threading
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError
from .namespaces import PREFIXES
from .store import open_store

RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shorten(term) -> str:
    """An IRI as a prefixed name where a techkg prefix fits; literals as their value."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and re.fullmatch(r"[\w.-]*", term.value[len(iri):]):
                return f"{prefix}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def table(header: list[str], rows: list[list[str]], limit: int = 80) -> str:
    """A plain-text table; control characters in values become spaces."""
    rows = [[_CONTROL.sub(" ", c) for c in row] for row in rows]
    widths = [min(limit, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    for row in rows:
        lines.append("  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"


def run_query(store: str | Path, sparql: str, fmt: str = "table", allow_service: bool = False,
              timeout: float | None = None) -> bytes:
    """Results of ``sparql`` on the store at ``store`` (opened read-only) as bytes in format ``fmt``;
    ``allow_service`` lets SERVICE clauses reach other endpoints (off by default).

    The query runs in a thread while this one waits: Oxigraph releases the GIL as it computes but never
    looks at signals, so Ctrl-C (``KeyboardInterrupt``) and the ``timeout`` (seconds; a ``QueryError``)
    reach the caller at once. The thread is not stopped: ``kg query`` exits, which ends it.
    """
    outcome: dict = {}
    with open_store(store, read_only=True) as kg:  # closed here, its checkpoint removed, even if the thread runs on
        kg.allow_service = allow_service

        def work():
            try:
                outcome["data"] = _results(kg, sparql, fmt)
            except BaseException as err:  # handed to the waiting thread
                outcome["error"] = err

        thread = threading.Thread(target=work, name="kg-query", daemon=True)
        thread.start()
        thread.join(timeout)
        if thread.is_alive():
            raise QueryError(f"the query ran longer than {timeout:g} s and was stopped")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["data"]


def _results(kg, sparql: str, fmt: str) -> bytes:
    """The results of ``sparql`` on the open store ``kg`` as bytes in format ``fmt``."""
    results = kg.query(sparql)
    if isinstance(results, ox.QueryBoolean):
        value = bool(results)
        if fmt == "json":
            return (json.dumps({"head": {}, "boolean": value}) + "\n").encode()
        return (str(value).lower() + "\n").encode()
    if isinstance(results, ox.QueryTriples):
        return ox.serialize(results, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    if fmt in RESULT_FORMATS:
        out = io.BytesIO()
        results.serialize(out, RESULT_FORMATS[fmt])
        return out.getvalue()
    names = [v.value for v in results.variables]
    rows = [[shorten(row[name]) for name in names] for row in results]
    return (table(names, rows) + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n").encode("utf-8")
