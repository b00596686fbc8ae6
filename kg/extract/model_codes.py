"""Model codes after a brand: "Nokia 3310", "Volvo XC90", "Zilog Z80", "des Typs BMW 801".

A firm's name followed by a model code is the name of one of its products, the firm its maker. A code is a
number of two to five digits, or up to four capitals with digits ("XC90", "A380", "Z80", "P800"), with at
most three letters after ("5D" is too short to tell); a year (1900-2099) is no code, nor a number that a
quantity word follows ("Siemens 300 Mitarbeiter": ``QUANTITY_WORDS`` in :mod:`kg.lang.de` /
:mod:`kg.lang.en`).

Examples
--------
>>> text = "Nokia 3310 und Volvo XC90, aber nicht Siemens 300 Mitarbeiter oder Apple 2007."
>>> [text[:model_code_end(text, 5, "de")], text[:model_code_end(text, 20, "de")][15:]]
['Nokia 3310', 'Volvo XC90']
>>> model_code_end(text, 45, "de"), model_code_end(text, 72, "de")
(None, None)
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as languages

_CODE = re.compile(r" (?P<code>(?:[A-Z]{1,4}-?)?\d{2,5}[A-Za-z]{0,3}|[A-Z]{1,4}\d{1,5}[A-Za-z]{0,3})(?![\w-])"
                   r"(?P<after> +(?P<next>[^\W\d_]+))?")
_YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=4)
def _quantities(code: str) -> frozenset:
    return frozenset(w.casefold() for w in languages.get(code).QUANTITY_WORDS)


def model_code_end(text: str, end: int, code: str) -> int | None:
    """Where a model code right after a brand name ending at ``end`` ends, or None where none follows."""
    hit = _CODE.match(text, end)
    if hit is None:
        return None
    value = hit.group("code")
    if _YEAR.fullmatch(value):
        return None
    if value.isdigit() and hit.group("next") and hit.group("next").casefold() in _quantities(code):
        return None
    return hit.end("code")
