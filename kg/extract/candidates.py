"""Candidate pairs for the relation model: every ordered pair of typed mentions in one sentence.

A pair is kept when some relation's domain and range admit its classes (``SIGNATURES``) and the two
mentions name different entities. A mention of several entities ("die Autobauer") gives a pair per entity.

Examples
--------
>>> from kg.extract.base import Mention
>>> ms = [Mention(0, 5, ("Apple",), "Organization"), Mention(10, 15, ("Beats",), "Organization")]
>>> [(a.keys, b.keys) for a, b, _, _ in pairs_in(ms)]
[(('Apple',), ('Beats',)), (('Beats',), ('Apple',))]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .base import Mention
from .patterns import LETTER
from .rules import SIGNATURES

RELATIONS = tuple(SIGNATURES)  # the order of the model's weight rows (that of kg.namespaces.RELATIONS)
MAX_PER_SENTENCE = 40  # mentions; beyond that a "sentence" is a list, and only neighbours pair up
MAX_GAP = 400  # characters between two mentions (about 60 words) beyond which they are no candidate: on
# corpus/dev and corpus/train no triple comes from such a pair, and long lists made a third of all pairs


def fits(relation: str, s_type: str, o_type: str) -> bool:
    s_ok, o_ok = SIGNATURES[relation]
    return LETTER[s_type] in s_ok and LETTER[o_type] in o_ok


@lru_cache(maxsize=16)
def admissible(s_type: str, o_type: str) -> tuple[str, ...]:
    return tuple(r for r in RELATIONS if fits(r, s_type, o_type))


@lru_cache(maxsize=16)
def admissible_indices(s_type: str, o_type: str) -> tuple[int, ...]:
    """The positions in ``RELATIONS`` of the relations a pair of these classes can hold."""
    return tuple(k for k, r in enumerate(RELATIONS) if fits(r, s_type, o_type))


def pairs_in(mentions: list[Mention]):
    """(a, b, s_key, o_key) for ordered pairs of mentions (of one sentence) that some relation admits."""
    window = len(mentions) > MAX_PER_SENTENCE
    for i, a in enumerate(mentions):
        for j, b in enumerate(mentions):
            if i == j or (window and abs(i - j) > 6) or (a.start < b.end and b.start < a.end) \
                    or max(a.start, b.start) - min(a.end, b.end) > MAX_GAP:
                continue
            for s in a.keys:
                for o in b.keys:
                    if s != o and admissible(a.type, b.type):
                        yield a, b, s, o


def by_sentence(mentions: list[Mention], sentence_starts: list[int]) -> dict[int, list[Mention]]:
    groups: dict[int, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(max(0, bisect.bisect_right(sentence_starts, m.start) - 1), []).append(m)
    return groups


def mention_counts(mentions: list[Mention]) -> dict[str, int]:
    """How often each entity (by key) is mentioned."""
    counts: dict[str, int] = {}
    for m in mentions:
        for key in m.keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


def focus_of(mentions: list[Mention], entities: dict, counts: dict[str, int] | None = None) -> str | None:
    """The entity the article is about: the one named first (a headline's or a lead's subject), where it is
    an organisation, person or product named at least twice (``counts``: :func:`mention_counts`, where
    the caller has them)."""
    counts = mention_counts(mentions) if counts is None else counts
    for m in mentions[:3]:
        if not m.anaphor and len(m.keys) == 1 and counts[m.keys[0]] >= 2:
            return m.keys[0]
    return None


def sentence_pairs(found, sentences):
    """(sentence number, its mentions, a, b, s, o, focus) for every candidate of the article: the pairs inside each
    sentence, and where a sentence does not name the article's focus entity, pairs of its mentions with
    the focus standing as an implicit slot at the sentence's start ("Er wechselte 2002 zu IBM")."""
    starts = found.sentence_starts or [s.start for s in sentences]
    focus = focus_of(found.mentions, found.entities)
    for number, group in sorted(by_sentence(found.mentions, starts).items()):
        closest: dict[tuple[str, str], tuple[int, Mention, Mention]] = {}
        for a, b, s, o in pairs_in(group):  # the same two entities twice in a sentence: the nearest mentions
            gap = abs(a.start - b.start)
            if (s, o) not in closest or gap < closest[s, o][0]:
                closest[s, o] = (gap, a, b)
        for (s, o), (_, a, b) in closest.items():
            yield number, group, a, b, s, o, focus
        for m in group:  # "Nintendo Switch": the brand in a product's name, as an implicit slot before it
            maker = found.entities[m.keys[0]].maker if m.type == "Product" else ""
            if maker and maker in found.entities and not any(maker in x.keys for x in group):
                brand = Mention(m.start, m.start, (maker,), "Organization", anaphor=True)
                yield number, [brand, *group], brand, m, maker, m.keys[0], focus
        if focus is None or any(focus in m.keys for m in group):
            continue
        kind = found.entities[focus].type
        implicit = Mention(sentences[number].start, sentences[number].start, (focus,), kind, anaphor=True)
        extended = [implicit, *group]
        for m in group:
            for key in m.keys:
                if key == focus:
                    continue
                if admissible(kind, m.type):
                    yield number, extended, implicit, m, focus, key, focus
                if admissible(m.type, kind):
                    yield number, extended, m, implicit, key, focus, focus


_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:(?:and|und|sowie|or|oder)\s+)?|\s(?:and|und|sowie|&)\s)\s*")


def coordinated(text: str, found, sentences) -> dict[int, list[list[str]]]:
    """Per sentence number, the lists of entities named one after another with commas and "and"/"und"
    between them ("Kleiner Perkins, Qualcomm Ventures and Goldman Sachs"), members of one class."""
    starts = found.sentence_starts or [s.start for s in sentences]
    lists: dict[int, list[list[str]]] = {}
    for number, group in by_sentence(found.mentions, starts).items():
        run: list = []
        for m in sorted((m for m in group if len(m.keys) == 1 and m.start < m.end), key=lambda m: m.start):
            if run and m.type == run[-1].type and m.start >= run[-1].end \
                    and _LIST_GLUE.fullmatch(text[run[-1].end:m.start]):
                run.append(m)
                continue
            if len({x.keys[0] for x in run}) > 1:
                lists.setdefault(number, []).append(list(dict.fromkeys(x.keys[0] for x in run)))
            run = [m]
        if len({x.keys[0] for x in run}) > 1:
            lists.setdefault(number, []).append(list(dict.fromkeys(x.keys[0] for x in run)))
    return lists
