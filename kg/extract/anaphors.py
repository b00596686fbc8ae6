"""Anaphors and what they point back to: pronouns (er/he, es/it), descriptors ("das Unternehmen", "the
company"), demonstratives before a verb ("Dieser meldet") and groups after a list ("die Autobauer").

:func:`find_anaphors` marks them with a placeholder key ("?Person", "?Organization", "?Last"; a group comes
with its list's keys); :func:`resolve_anaphors` gives each one an antecedent or drops it.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> from kg.extract.scan import ArticleScan
>>> from kg.extract.gazetteer_pass import gazetteer_pass
>>> text = "Spotify wächst. Das Unternehmen hat 60 Millionen Nutzer."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> gazetteer_pass(scan)
>>> named = scan.named()
>>> [(text[m.start:m.end], m.keys) for m in find_anaphors(scan)]
[('Das Unternehmen', ('?Organization',))]
>>> [(text[m.start:m.end], m.keys) for m in resolve_anaphors(scan, find_anaphors(scan), named)]
[('Spotify', ('Spotify',)), ('Das Unternehmen', ('Spotify',))]
"""
from __future__ import annotations

import bisect
import re

from .base import Mention
from .name_shapes import WORD
from .scan import ArticleScan


def find_anaphors(scan: ArticleScan) -> list[Mention]:
    """The anaphors among the free words of the article, in text order, each with a placeholder key:
    "?Person" (er, he), "?Organization" (es, it, "das Unternehmen", "the company"), "?Last" (a
    demonstrative before a finite verb); a group after a list of organisations ("die Autobauer") with the
    list's keys.

    Parameters
    ----------
    scan : ArticleScan
        The article with its names found.

    Returns
    -------
    list of Mention
        Anaphor mentions (``anaphor=True``), not yet in ``scan.taken``.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.gazetteer_pass import gazetteer_pass
    >>> text = "BMW und Audi sparen. Die Autobauer leiden, sagt er."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> gazetteer_pass(scan)
    >>> [(text[m.start:m.end], m.keys) for m in find_anaphors(scan)]
    [('Die Autobauer', ('BMW', 'Audi')), ('er', ('?Person',))]
    """
    named = scan.named()
    anaphors: list[Mention] = []
    lists = _org_lists(scan, named)
    list_ends = [end for end, _ in lists]
    words = list(WORD.finditer(scan.text))
    dets = set(scan.lang.ANAPHOR_DETERMINERS)
    roles = {r.casefold() for r in scan.lang.ROLE_TITLES}
    taken_starts = {m.start for m in named}
    candidates = dets | {"a", "an"} | set(scan.lang.PERSON_PRONOUNS) | set(scan.lang.ORG_PRONOUNS) | scan.profile.demonstratives
    candidates |= {c.casefold() for c in candidates}
    for w, match in enumerate(words):
        token = match.group()
        if token not in candidates and token.casefold() not in candidates:
            continue  # most words start nothing: skip the lookups below
        if scan.token_at(match.start()) in scan.taken:
            continue
        if token in scan.profile.demonstratives and w + 1 < len(words) and words[w + 1].group() in scan.profile.finite_verbs:
            anaphors.append(Mention(match.start(), match.end(), ("?Last",), "Organization", anaphor=True))
            continue
        if token in scan.lang.PERSON_PRONOUNS:
            anaphors.append(Mention(match.start(), match.end(), ("?Person",), "Person", anaphor=True))
            continue
        if token in scan.lang.ORG_PRONOUNS:
            anaphors.append(Mention(match.start(), match.end(), ("?Organization",), "Organization", anaphor=True))
            continue
        low = token.casefold()
        if low not in dets and not (low in ("a", "an") and w + 2 < len(words) and words[w + 2].group().casefold() in roles):
            continue
        # determiner, up to two modifiers, a head noun; not followed by a name
        for size in (1, 2, 3):
            if w + size >= len(words):
                break
            head = words[w + size]
            between = scan.text[match.end(): head.start()]
            if "\n" in between or any(c in between for c in ",.;:!?„“\"()"):
                break
            if any(scan.token_at(words[w + k].start()) in scan.taken for k in range(1, size + 1)):
                break
            head_low = re.sub(r"[’']s?$", "", head.group().casefold())
            plural = token in ("die", "Die", "the", "The") and head.group() in scan.lang.GROUP_ANAPHORS
            if plural and lists and (scan.code == "en" or head.group()[0].isupper()):
                following = scan.text[head.end(): head.end() + 2]
                if not re.match(r" [A-ZÄÖÜ]", following) or scan.code == "de":
                    before = bisect.bisect_left(list_ends, match.start())
                    if before:
                        anaphors.append(Mention(match.start(), head.end(), lists[before - 1][1], "Organization", anaphor=True))
                        break
            head_match = next((h for h in scan.profile.anaphor_heads if head_low.endswith(h)), None) \
                if head_low.endswith(scan.profile.anaphor_heads) else None
            if head_match and (head_low == head_match or head_low[: -len(head_match)].endswith("-") or scan.code == "de"):
                nxt = scan.token_at(head.end() + 1)
                if nxt < len(scan.tokens) and scan.tokens[nxt][0] == head.end() + 1 and nxt in scan.taken:
                    break  # "the company Imperium": a descriptor, not an anaphor
                if head.end() + 1 in taken_starts:
                    break
                anaphors.append(Mention(match.start(), head.end(), ("?Organization",), "Organization", anaphor=True))
                break
            if scan.code == "de" and not head.group()[:1].islower() and size < 3 and not head.group().endswith(("-", )):
                if head_low in dets:
                    break
    return anaphors


def _org_lists(scan: ArticleScan, named: list[Mention]) -> list[tuple[int, tuple[str, ...]]]:
    """Coordinations of two or more organisations: (offset, keys)."""
    lists = []
    run: list[Mention] = []
    for m in named:
        if m.type != "Organization":
            continue
        if run and re.fullmatch(r"\s*(?:,|,?\s*(?:und|and|sowie|&))\s*", scan.text[run[-1].end: m.start]):
            run.append(m)
        else:
            if len(run) >= 2:
                lists.append((run[-1].end, tuple(dict.fromkeys(k for r in run for k in r.keys))))
            run = [m]
    if len(run) >= 2:
        lists.append((run[-1].end, tuple(dict.fromkeys(k for r in run for k in r.keys))))
    return lists


def resolve_anaphors(scan: ArticleScan, anaphors: list[Mention], named: list[Mention]) -> list[Mention]:
    """Give each anaphor an antecedent: the nearest earlier one in its sentence (across a clause
    boundary for descriptors), else the most salient of the nearest earlier sentence that has one
    (ties go to the first); anaphors resolved before count as antecedents. Linear in the mentions.

    Parameters
    ----------
    scan : ArticleScan
        The article.
    anaphors : list of Mention
        From :func:`find_anaphors`; a resolved one takes its antecedent's keys and class (in place).
    named : list of Mention
        The mentions of names, in text order.

    Returns
    -------
    list of Mention
        ``named``, then the anaphors resolved (groups as they come); those without antecedent are left out.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.gazetteer_pass import gazetteer_pass
    >>> text = "Gestern kam er. Apple wächst, sagt Tim Cook. Heute ist er stolz."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> gazetteer_pass(scan)
    >>> resolved = resolve_anaphors(scan, find_anaphors(scan), scan.named())
    >>> [(m.start, text[m.start:m.end], m.keys[0]) for m in resolved]
    [(16, 'Apple', 'Apple'), (35, 'Tim Cook', 'Tim Cook'), (55, 'er', 'Tim Cook')]
    """
    resolved: list[Mention] = list(named)
    everything = sorted(named + anaphors, key=lambda m: m.start)
    history: dict[str, list[tuple[int, Mention]]] = {}
    salience: dict[str, int] = {}
    pronouns = tuple(p.casefold() for p in tuple(scan.lang.PERSON_PRONOUNS) + tuple(scan.lang.ORG_PRONOUNS))
    last: tuple[int, Mention] | None = None  # the latest mention of one entity, for a demonstrative
    for m in everything:
        sentence = scan.sentence_of(m.start)
        if m.keys[0].startswith("?"):
            if m.keys[0] == "?Last":
                pick = last[1] if last is not None and last[0] >= sentence - 1 else None
            else:
                pick = _antecedent(scan, m, sentence, history.get(m.keys[0][1:], []), salience, pronouns)
            if pick is None:
                continue
            m.keys = pick.keys
            m.type = scan.entities[pick.keys[0]].type
            resolved.append(m)
        elif m.anaphor:
            resolved.append(m)  # a group ("die Autobauer") comes resolved
        if len(m.keys) == 1 and m.keys[0] in scan.entities:
            kind = scan.entities[m.keys[0]].type
            history.setdefault(kind, []).append((sentence, m))
            salience[m.keys[0]] = salience.get(m.keys[0], 0) + 1
            last = (sentence, m)
    return resolved


def _antecedent(scan: ArticleScan, m: Mention, sentence: int, history, salience, pronouns) -> Mention | None:
    same, earlier = [], []
    for position in range(len(history) - 1, -1, -1):
        where, candidate = history[position]
        if where < sentence - 3:
            break
        (same if where == sentence else earlier).append(candidate)
    if same and scan.text[m.start:m.end].casefold() not in pronouns:
        # a descriptor ("the company") points back across a clause boundary, not into its own clause
        same = [c for c in same if re.search(r"[,;:–—(]|\b(?:dass|that|which|who|der|die|das)\b",
                                             scan.text[c.end: m.start])]
    if same:
        if scan.text[m.start:m.end].casefold() in scan.profile.org_pronouns:
            return same[-1]  # "it" after "X signed a deal with Y, and it ...": the clause subject X
        return same[0]  # nearest (the list runs backwards)
    if not earlier:
        if not history or scan.text[m.start:m.end].casefold() in pronouns:
            return None
        # "das Unternehmen" long after the last name: the company the article is about, if one stands out
        top = max((c for _, c in history), key=lambda c: salience.get(c.keys[0], 0))
        return top if salience.get(top.keys[0], 0) >= 2 else None
    last_sentence = scan.sentence_of(earlier[0].start)
    nearest = [c for c in earlier if scan.sentence_of(c.start) == last_sentence]
    return max(nearest, key=lambda c: (salience.get(c.keys[0], 0), -c.start))
