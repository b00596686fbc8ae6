"""The unknown members of a list whose known members are all of one class.

"Handelsketten wie Aldi, Real, Karstadt, Tchibo und Migros", "competitors such as Fanuc, ABB and Yaskawa":
where the gazetteer, the rule finder or the tagger knows some members of a list of three or more names
and all of those are of one class, the other members are names of that class too. A member is one to
three capitalised words; a German one that ends like a common noun ("Versicherungen") is none.

Examples
--------
>>> text = "Wettbewerber sind Fanuc, ABB und Yaskawa."
>>> list_members(text, 0, len(text), [(18, 23, "Organization")], "de")
[(25, 28, 'Organization'), (33, 40, 'Organization')]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import lang as languages

_WORD = r"[A-ZÄÖÜ0-9][\w&’'+-]*(?:\.\w+)*"  # "Web.de" keeps its dot, a sentence's end does not
_RUN = re.compile(rf"(?<![\w-]){_WORD}(?:\s{_WORD})*(?![\w-])")  # capitalised words in a row
_COMMA = re.compile(r"\s?,\s")
_AND = re.compile(r",?\s(?:und|and|sowie|oder|or|&)\s")
MAX_WORDS = 3  # a member is a name of one to three words
_KINDS = ("Organization", "Product")


@lru_cache(maxsize=4)
def _common_endings(code: str) -> tuple[str, ...]:
    data = languages.get(code)
    return tuple(e for e in getattr(data, "NOUN_ENDINGS", ()) if len(e) >= 3) if code == "de" else ()


def _lists(text: str, start: int, end: int):
    """The members (spans) of each list "A, B, C und D" in text[start:end]: one pass over the runs of
    capitalised words and the gaps between them (linear in the text)."""
    chain: list[tuple[int, int]] = []
    for run in _RUN.finditer(text, start, end):
        span = run.span()
        short = run.group().count(" ") < MAX_WORDS
        gap = text[chain[-1][1]:span[0]] if chain else ""
        if chain and short and _COMMA.fullmatch(gap):
            chain.append(span)
            continue
        if chain and short and _AND.fullmatch(gap):
            chain.append(span)
            if len(chain) >= 3:
                yield chain
            chain = []
            continue
        chain = [span] if short else []


def list_members(text: str, start: int, end: int, known: list[tuple[int, int, str]], code: str):
    """(start, end, class) of the members of lists in ``text[start:end]`` that no span of ``known``
    (start, end, class; sorted) touches, where the known members of their list are all of one class."""
    out = []
    endings = _common_endings(code)
    starts = [x for x, _, _ in known]
    for spans in _lists(text, start, end):
        kinds, unknown = set(), []
        for a, b in spans:
            k = bisect.bisect_left(starts, b)
            touching = [kind for x, y, kind in known[max(0, k - 4):k] if x < b and a < y]
            if touching:
                kinds.update(touching)
            else:
                unknown.append((a, b))
        if len(kinds) != 1 or not unknown:
            continue
        kind = kinds.pop()
        if kind not in _KINDS:
            continue
        for a, b in unknown:
            words = text[a:b].split()
            if endings and any(w.casefold().endswith(endings) for w in words):
                continue
            out.append((a, b, kind))
    return out
