"""Renamed firms and products: a name and, in a bracket right after it, its other name are one entity.

"Tamedia (seit 2020 TX Group)", "Facebook (now Meta Platforms)", "Arista (formerly Arastra)": the bracketed
name is another name of the entity named before it, not an entity of its own, so no relation stands
between the two; the name and its bracket become one mention, so that the bracket no longer parts the name
from what the sentence says of it. The words that open such a bracket are ``RENAME_CUES`` in
:mod:`kg.lang.de` / :mod:`kg.lang.en` ("seit"/"since" with a year).

Examples
--------
>>> from kg.extract.base import EntityInfo, Mention
>>> from kg.extract.entities import Found
>>> text = "Tamedia (seit 2020 TX Group) übernahm Ricardo."
>>> found = Found({"Tamedia": EntityInfo("Tamedia", "Organization", surfaces={"Tamedia"}),
...                "TX Group": EntityInfo("TX Group", "Organization", surfaces={"TX Group"})},
...               [Mention(0, 7, ("Tamedia",), "Organization"), Mention(19, 27, ("TX Group",), "Organization")])
>>> merge_renames(text, found, "de")
{'TX Group': 'Tamedia'}
>>> [(m.keys, text[m.start:m.end]) for m in found.mentions], sorted(found.entities["Tamedia"].surfaces)
([(('Tamedia',), 'Tamedia (seit 2020 TX Group)')], ['TX Group', 'Tamedia'])
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as languages


@lru_cache(maxsize=4)
def _opening(code: str) -> re.Pattern:
    """A bracket's opening up to its other name: "(", a cue ("seit"/"since" with a year), a quote."""
    cues = sorted(languages.get(code).RENAME_CUES, key=len, reverse=True)
    words = "|".join(re.escape(c) + (r"\s+\d{4}" if c in ("seit", "since") else "") for c in cues)
    return re.compile(r"\s*\(\s*(?:" + words + r")\s+[\"„“”']?")


_CLOSING = re.compile(r"[\"“”']?\s*\)")


def merge_renames(text: str, found, code: str) -> dict[str, str]:
    """Make the bracketed other name of each renamed firm or product a mention of the entity before it (in
    place); returns the keys merged away and the key each went to."""
    opening = _opening(code)
    mentions = found.mentions
    merged: dict[str, str] = {}
    gone: set[int] = set()
    for k, first in enumerate(mentions[:-1]):
        if len(first.keys) != 1 or first.anaphor or first.start == first.end or id(first) in gone:
            continue
        hit = opening.match(text, first.end)
        if hit is None:
            continue
        other = next((m for m in mentions[k + 1:k + 4] if m.start == hit.end()), None)
        closing = _CLOSING.match(text, other.end) if other is not None else None
        if closing is None or len(other.keys) != 1 or other.type != first.type or other.keys == first.keys:
            continue
        old, new = other.keys[0], first.keys[0]
        for m in mentions:
            if m.keys == (old,):
                m.keys = (new,)
        info = found.entities.get(old)  # kept: a rule's triple may name it (it then has no mention left)
        if info is not None:
            found.entities[new].surfaces |= info.surfaces | {info.label}
        first.end = closing.end()  # one slot for the name and its bracket: "Tamedia (seit 2020 TX Group) die
        gone.add(id(other))  # Ricardo AG übernahm" reads as "<S> die <O> übernahm"
        merged[old] = new
    if gone:
        mentions[:] = [m for m in mentions if id(m) not in gone]
    return merged
