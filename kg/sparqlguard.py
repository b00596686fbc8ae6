"""Checks a SPARQL query must pass before it reaches the parser: no update, bounded nesting, no SERVICE.

Oxigraph's parser recurses per nested group or bracket: a few kilobytes of ``{{{{...`` crash the whole
process (``kg serve`` included). And a ``SERVICE <http://...>`` clause makes the store send a request to any
address a query names, which turns an open endpoint into a probe of the user's network. Both are refused
here, in one linear scan that skips strings, IRIs and comments.

Examples
--------
>>> check("SELECT * WHERE { ?s ?p ?o FILTER(?o = 'SERVICE {') }")
>>> check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryError: SERVICE is off: a query may not make techkg connect elsewhere (kg query/serve --allow-service)
>>> check("PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }")
Traceback (most recent call last):
...
kg.errors.QueryError: updates are not accepted (INSERT): only SELECT, ASK, CONSTRUCT and DESCRIBE queries read the store here
>>> check("ASK " + "{" * 300 + "}" * 300)
Traceback (most recent call last):
...
kg.errors.QueryError: the query nests 300 levels deep; at most 100 are allowed
"""
from __future__ import annotations

import re

from .errors import QueryError

MAX_DEPTH = 100
_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)
_UPDATE = re.compile(r"\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:])",
                     re.IGNORECASE)


def code_of(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length)."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), sparql)


def check(sparql: str, allow_service: bool = False) -> None:
    """Raise :class:`QueryError` for an update, a query nested deeper than ``MAX_DEPTH`` or one using SERVICE."""
    code = code_of(sparql)
    update = _UPDATE.match(code)
    if update:
        raise QueryError(f"updates are not accepted ({update.group(1).upper()}): only SELECT, ASK, CONSTRUCT and "
                         "DESCRIBE queries read the store here")
    depth = deepest = 0
    for char in code:
        if char in "{(":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif char in "})":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise QueryError(f"the query nests {deepest} levels deep; at most {MAX_DEPTH} are allowed")
    if not allow_service and _SERVICE.search(code):
        raise QueryError("SERVICE is off: a query may not make techkg connect elsewhere "
                         "(kg query/serve --allow-service)")
