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

import re
from functools import lru_cache

from .. import lang as languages

_WORD = r"[A-ZÄÖÜ0-9][\w&’'+-]*(?:\.\w+)*"  # "Web.de" keeps its dot, a sentence's end does not
_ITEM = rf"{_WORD}(?:\s{_WORD}){{0,2}}"
_LIST = re.compile(rf"(?<![\w-])({_ITEM})((?:\s?,\s(?:{_ITEM}))+)(?:,?\s(?:und|and|sowie|oder|or|&)\s)({_ITEM})(?![\w-])")
_MEMBER = re.compile(_ITEM)
_KINDS = ("Organization", "Product")


@lru_cache(maxsize=4)
def _common_endings(code: str) -> tuple[str, ...]:
    data = languages.get(code)
    return tuple(e for e in getattr(data, "NOUN_ENDINGS", ()) if len(e) >= 3) if code == "de" else ()


def list_members(text: str, start: int, end: int, known: list[tuple[int, int, str]], code: str):
    """(start, end, class) of the members of lists in ``text[start:end]`` that no span of ``known``
    (start, end, class) touches, where the known members of their list are all of one class."""
    out = []
    endings = _common_endings(code)
    for match in _LIST.finditer(text, start, end):
        spans = [match.span(1)]
        spans += [(match.start(2) + m.start(), match.start(2) + m.end()) for m in _MEMBER.finditer(match.group(2))]
        spans.append(match.span(3))
        kinds, unknown = set(), []
        for a, b in spans:
            touching = [kind for x, y, kind in known if x < b and a < y]
            if touching:
                kinds.update(touching)
            else:
                unknown.append((a, b))
        if len(kinds) != 1 or not unknown or len(spans) - len(unknown) < 1:
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
