"""What follows a product's name and still belongs to it: a version or a variant ("Neocron 2",
"StarOffice 5.1a", "Android 6.0", "Gothic II", "Nintendo Switch Lite", "Galaxy S6 Edge").

A version is a number (with dots and at most two letters after: "5.1a"; a year, 1900-2099, is none: "das
iPhone 2007 vorgestellt") or a Roman numeral of two to four letters ("II", "XIV"); a variant is one of
``VARIANTS``. A number that a quantity word follows is none ("sold the Walkman 200 million times";
``QUANTITY_WORDS`` in :mod:`kg.lang.de` / :mod:`kg.lang.en`).

Examples
--------
>>> text = "Neocron 2 und StarOffice 5.1a, Gothic II, die Switch Lite, das iPhone 2007."
>>> [text[:version_end(text, 7, "de")], text[14:version_end(text, 24, "de")], text[31:version_end(text, 37, "de")]]
['Neocron 2', 'StarOffice 5.1a', 'Gothic II']
>>> text[46:version_end(text, 52, "de")], version_end(text, 66, "de")
('Switch Lite', None)
>>> "Android 6.0 Marshmallow"[:version_end("Android 6.0 Marshmallow", 9, "en")]
'Android 6.0'

"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as languages

VARIANTS = ("Lite", "Pro", "Max", "Mini", "Plus", "Ultra", "Air", "Edge", "XL", "SE", "Slim", "Neo", "Mobile",
            "Studio", "Move", "Touch", "Nano", "Classic", "Advance", "Portable", "Deluxe", "Premium")
_TAIL = re.compile(r" (?P<tail>\d{1,4}(?:\.\d{1,3}){0,3}[a-z]{0,2}|[IVX]{2,4}|" + "|".join(VARIANTS) + r")(?![\w-])"
                   r"(?P<after> +(?P<next>[^\W\d_]+))?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_GLUED = re.compile(r"(?:\.\d{1,3})+[a-z]{0,2}(?![\w-])")


@lru_cache(maxsize=4)
def _quantities(code: str) -> frozenset:
    return frozenset(w.casefold() for w in languages.get(code).QUANTITY_WORDS)


def version_end(text: str, end: int, code: str) -> int | None:
    """Where a version or variant right after a product name ending at ``end`` ends, or None where none
    follows; one that is followed by another (``Galaxy S6 Edge Plus``) is read to its end."""
    last = None
    glued = _GLUED.match(text, end)  # the rest of a version the name holds a part of ("Android 6" + ".0")
    if glued and text[end - 1:end].isdigit():
        end = last = glued.end()
    while True:
        hit = _TAIL.match(text, end)
        if hit is None:
            return last
        tail = hit.group("tail")
        if _YEAR.fullmatch(tail) or (tail[:1].isdigit() and hit.group("next")
                                     and hit.group("next").casefold() in _quantities(code)):
            return last
        end = last = hit.end("tail")
