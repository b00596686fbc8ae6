"""Get JSON out of what a (small, local) model returned: code fences, chatter around it, trailing
commas, single quotes around keys, and lists cut off mid-way.

Examples
--------
>>> parse_json('Sure! ```json\\n{"triples": [{"s": "A", "p": "owns", "o": "B"},]}\\n```')
{'triples': [{'s': 'A', 'p': 'owns', 'o': 'B'}]}
>>> parse_json('{"triples": [{"s": "A", "p": "owns", "o": "B"}, {"s": "C", "p"')
{'triples': [{'s': 'A', 'p': 'owns', 'o': 'B'}]}
"""
from __future__ import annotations

import json
import re


def parse_json(text: str):
    """The JSON value in ``text``, repaired if needed; ``None`` if nothing usable is there."""
    text = (text or "").strip()
    fenced = re.search(r"```(?:json|JSON)?\s*(.*?)(?:```|$)", text, re.S)
    if fenced:
        text = fenced.group(1).strip()
    start = min([i for i in (text.find("{"), text.find("[")) if i >= 0], default=-1)
    if start < 0:
        return None
    text = text[start:]
    for candidate in (text, _strip_trailing_commas(text)):
        try:
            return json.loads(candidate)
        except ValueError:
            pass
    return _close_truncated(_strip_trailing_commas(text))


def _strip_trailing_commas(text: str) -> str:
    return re.sub(r",\s*([}\]])", r"\1", text)


def _close_truncated(text: str):
    """Cut back to the last complete element and close the brackets still open there."""
    stack: list[str] = []
    in_string = escape = False
    last_good, open_then = -1, []
    for i, ch in enumerate(text):
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append(ch)
        elif ch in "}]":
            if not stack:
                break
            stack.pop()
            if not stack:
                try:
                    return json.loads(text[: i + 1])
                except ValueError:
                    return None
            last_good, open_then = i, list(stack)
    if last_good < 0:
        return None
    closers = "".join("}" if ch == "{" else "]" for ch in reversed(open_then))
    try:
        return json.loads(_strip_trailing_commas(text[: last_good + 1] + closers))
    except ValueError:
        return None
