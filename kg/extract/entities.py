"""Find the entities of one article and every mention of them, pronouns and descriptors included.

Passes, in order: the gazetteer; names introduced by context (descriptors such as "das KI-Unternehmen X",
role titles, legal suffixes, given names, organisation words such as "Labs" or "Fund", compounds such as
"X-Gründer"); every later occurrence of a found name; surnames of people named in full; and anaphors
(er/he/it, "das Unternehmen", "the company", "die Autobauer") resolved to an antecedent.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> text = "Der Musikdienst Spotify wächst. Das Unternehmen hat 60 Millionen Nutzer."
>>> found = find_entities(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> [(text[m.start:m.end], m.keys[0]) for m in found.mentions]
[('Spotify', 'Spotify'), ('Das Unternehmen', 'Spotify')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..text import Sentence
from .base import EntityInfo, Mention
from .context_pass import context_pass
from .coordination_pass import coordination_pass, hyphen_pairs
from .gazetteer_pass import gazetteer_pass
from .name_shapes import WORD
from .repeat_pass import repeat_pass, surname_pass
from .scan import ArticleScan


@dataclass
class Found:
    """Entities (by key) and mentions (sorted by offset) of one article."""

    entities: dict[str, EntityInfo] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)


class _Finder(ArticleScan):
    # ------------------------------------------------------------ passes
    # ------------------------------------------------------------ anaphors
    def anaphor_pass(self) -> list[Mention]:
        named = self.named()
        anaphors: list[Mention] = []
        lists = self._org_lists(named)
        list_ends = [end for end, _ in lists]
        words = list(WORD.finditer(self.text))
        dets = set(self.lang.ANAPHOR_DETERMINERS)
        roles = {r.casefold() for r in self.lang.ROLE_TITLES}
        taken_starts = {m.start for m in named}
        candidates = dets | {"a", "an"} | set(self.lang.PERSON_PRONOUNS) | set(self.lang.ORG_PRONOUNS) | self.profile.demonstratives
        candidates |= {c.casefold() for c in candidates}
        for w, match in enumerate(words):
            token = match.group()
            if token not in candidates and token.casefold() not in candidates:
                continue  # most words start nothing: skip the lookups below
            if self.token_at(match.start()) in self.taken:
                continue
            if token in self.profile.demonstratives and w + 1 < len(words) and words[w + 1].group() in self.profile.finite_verbs:
                anaphors.append(Mention(match.start(), match.end(), ("?Last",), "Organization", anaphor=True))
                continue
            if token in self.lang.PERSON_PRONOUNS:
                anaphors.append(Mention(match.start(), match.end(), ("?Person",), "Person", anaphor=True))
                continue
            if token in self.lang.ORG_PRONOUNS:
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
                between = self.text[match.end(): head.start()]
                if "\n" in between or any(c in between for c in ",.;:!?„“\"()"):
                    break
                if any(self.token_at(words[w + k].start()) in self.taken for k in range(1, size + 1)):
                    break
                head_low = re.sub(r"[’']s?$", "", head.group().casefold())
                plural = token in ("die", "Die", "the", "The") and head.group() in self.lang.GROUP_ANAPHORS
                if plural and lists and (self.code == "en" or head.group()[0].isupper()):
                    following = self.text[head.end(): head.end() + 2]
                    if not re.match(r" [A-ZÄÖÜ]", following) or self.code == "de":
                        before = bisect.bisect_left(list_ends, match.start())
                        if before:
                            anaphors.append(Mention(match.start(), head.end(), lists[before - 1][1], "Organization", anaphor=True))
                            break
                head_match = next((h for h in self.profile.anaphor_heads if head_low.endswith(h)), None) \
                    if head_low.endswith(self.profile.anaphor_heads) else None
                if head_match and (head_low == head_match or head_low[: -len(head_match)].endswith("-") or self.code == "de"):
                    nxt = self.token_at(head.end() + 1)
                    if nxt < len(self.tokens) and self.tokens[nxt][0] == head.end() + 1 and nxt in self.taken:
                        break  # "the company Imperium": a descriptor, not an anaphor
                    if head.end() + 1 in taken_starts:
                        break
                    anaphors.append(Mention(match.start(), head.end(), ("?Organization",), "Organization", anaphor=True))
                    break
                if self.code == "de" and not head.group()[:1].islower() and size < 3 and not head.group().endswith(("-", )):
                    if head_low in dets:
                        break
        return anaphors

    def _org_lists(self, named: list[Mention]) -> list[tuple[int, tuple[str, ...]]]:
        """Coordinations of two or more organisations: (offset, keys)."""
        lists = []
        run: list[Mention] = []
        for m in named:
            if m.type != "Organization":
                continue
            if run and re.fullmatch(r"\s*(?:,|,?\s*(?:und|and|sowie|&))\s*", self.text[run[-1].end: m.start]):
                run.append(m)
            else:
                if len(run) >= 2:
                    lists.append((run[-1].end, tuple(dict.fromkeys(k for r in run for k in r.keys))))
                run = [m]
        if len(run) >= 2:
            lists.append((run[-1].end, tuple(dict.fromkeys(k for r in run for k in r.keys))))
        return lists

    def resolve(self, anaphors: list[Mention], named: list[Mention]) -> list[Mention]:
        """Give each anaphor an antecedent: the nearest earlier one in its sentence (across a clause
        boundary for descriptors), else the most salient of the nearest earlier sentence that has one
        (ties go to the first); anaphors resolved before count as antecedents. Linear in the mentions."""
        resolved: list[Mention] = list(named)
        everything = sorted(named + anaphors, key=lambda m: m.start)
        history: dict[str, list[tuple[int, Mention]]] = {}
        salience: dict[str, int] = {}
        pronouns = tuple(p.casefold() for p in tuple(self.lang.PERSON_PRONOUNS) + tuple(self.lang.ORG_PRONOUNS))
        last: tuple[int, Mention] | None = None  # the latest mention of one entity, for a demonstrative
        for m in everything:
            sentence = self.sentence_of(m.start)
            if m.keys[0].startswith("?"):
                if m.keys[0] == "?Last":
                    pick = last[1] if last is not None and last[0] >= sentence - 1 else None
                else:
                    pick = self._antecedent(m, sentence, history.get(m.keys[0][1:], []), salience, pronouns)
                if pick is None:
                    continue
                m.keys = pick.keys
                m.type = self.entities[pick.keys[0]].type
                resolved.append(m)
            elif m.anaphor:
                resolved.append(m)  # a group ("die Autobauer") comes resolved
            if len(m.keys) == 1 and m.keys[0] in self.entities:
                kind = self.entities[m.keys[0]].type
                history.setdefault(kind, []).append((sentence, m))
                salience[m.keys[0]] = salience.get(m.keys[0], 0) + 1
                last = (sentence, m)
        return resolved

    def _antecedent(self, m: Mention, sentence: int, history, salience, pronouns) -> Mention | None:
        same, earlier = [], []
        for position in range(len(history) - 1, -1, -1):
            where, candidate = history[position]
            if where < sentence - 3:
                break
            (same if where == sentence else earlier).append(candidate)
        if same and self.text[m.start:m.end].casefold() not in pronouns:
            # a descriptor ("the company") points back across a clause boundary, not into its own clause
            same = [c for c in same if re.search(r"[,;:–—(]|\b(?:dass|that|which|who|der|die|das)\b",
                                                 self.text[c.end: m.start])]
        if same:
            if self.text[m.start:m.end].casefold() in self.profile.org_pronouns:
                return same[-1]  # "it" after "X signed a deal with Y, and it ...": the clause subject X
            return same[0]  # nearest (the list runs backwards)
        if not earlier:
            if not history or self.text[m.start:m.end].casefold() in pronouns:
                return None
            # "das Unternehmen" long after the last name: the company the article is about, if one stands out
            top = max((c for _, c in history), key=lambda c: salience.get(c.keys[0], 0))
            return top if salience.get(top.keys[0], 0) >= 2 else None
        last_sentence = self.sentence_of(earlier[0].start)
        nearest = [c for c in earlier if self.sentence_of(c.start) == last_sentence]
        return max(nearest, key=lambda c: (salience.get(c.keys[0], 0), -c.start))

    def _fits(self, mention: Mention, kind: str) -> bool:
        info = self.entities.get(mention.keys[0])
        return info is not None and info.type == kind

    # ------------------------------------------------------------ descriptor absorption
    def absorb(self, mentions: list[Mention]) -> None:
        """Mark 'dem KI-Unternehmen' in front of 'Midjourney' to be masked together with the name."""
        relational = self.profile.relational
        dets = set(self.lang.DETERMINERS)
        for m in mentions:
            if m.anaphor:
                continue
            before = self.text[max(0, m.start - 80): m.start]
            words = list(re.finditer(r"[\w’'-]+", before))
            if not words or words[-1].end() != len(before) - 1 or before[-1] != " ":
                continue
            last = words[-1]
            low = last.group().casefold()
            if not self.descriptor_class(last.group()) or any(
                    low.rstrip("s") == r or low.endswith("-" + r) or low.endswith("-" + r + "s")
                    or (self.code == "de" and r in low) for r in relational):
                continue
            if self.code == "en" and not last.group()[:1].islower():
                continue
            start = m.start - (len(before) - last.start())
            for k in range(len(words) - 2, max(-1, len(words) - 5), -1):
                w = words[k].group()
                gap = before[words[k].end(): words[k + 1].start()]
                if gap != " ":
                    break
                if w in dets:
                    start = m.start - (len(before) - words[k].start())
                    break
                if w in self.profile.absorb_stops:  # "in fellow chipmaker Intel": the words after the preposition
                    start = m.start - (len(before) - words[k + 1].start())
                    break
                if not w[:1].islower() and not re.match(r"[A-Z]{2,}-", w):
                    break
            m.absorb = start

    def run(self) -> Found:
        gazetteer_pass(self)
        context_pass(self)
        coordination_pass(self)
        repeat_pass(self)
        hyphen_pairs(self)
        surname_pass(self)
        named = self.named()
        self._alt_types(named)
        anaphors = self.anaphor_pass()
        mentions = self.resolve(anaphors, [m for m in named if not m.anaphor]) + [m for m in named if m.anaphor]
        mentions.sort(key=lambda m: m.start)
        self._tails(mentions)
        self.absorb(mentions)
        return Found(entities=self.entities, mentions=mentions, sentence_starts=[s.start for s in self.sentences])

    def _tails(self, mentions: list[Mention]) -> None:
        """What follows a name and belongs to its mention: a legal suffix ('Apple Inc.', 'Altair Engineering
        Inc.'), a plain descriptor joined to an organisation ('der Huawei-Konzern'; not a relational one:
        'Prevent-Töchter' names other companies), a person's age in brackets ('Bastian Knutzen (23)')."""
        for m in mentions:
            if m.anaphor:
                continue
            if m.type == "Person":
                age = re.match(r" \(\d{1,3}\)", self.text[m.end: m.end + 6])
                m.end += age.end() if age else 0
                continue
            if m.type != "Organization":
                continue
            tail = re.match(r"-([^\W\d_][\w]*)\b(?!-)", self.text[m.end: m.end + 40])
            if tail and self.descriptor_class(tail.group(1)) == "Organization":
                low = tail.group(1).casefold()
                if not any(r in low for r in self.profile.relational) and low.rstrip("ns") not in self.profile.role_words:
                    m.end += tail.end()
            last = re.search(r"[\w.]+$", self.text[m.start: m.end])
            if last and last.group() + "." in self.lang.LEGAL_SUFFIXES and self.text[m.end: m.end + 1] == ".":
                m.end += 1
            legal = self.profile.legal_tail.match(self.text, m.end)
            if legal:
                m.end = legal.end()

    def _alt_types(self, named: list[Mention]) -> None:
        """'Facebook' is the company where the article does not name Meta."""
        present = {k for m in named for k in m.keys}
        for key, info in self.entities.items():
            entry = info.entry
            if entry is not None and entry.alt_type and entry.maker not in present:
                info.type = entry.alt_type
        for m in named:
            m.type = self.entities[m.keys[0]].type


def find_entities(text: str, sentences: list[Sentence], code: str, gaz: Gazetteer,
                  blocked: frozenset = frozenset()) -> Found:
    """Entities and mentions of one article in language ``code``; ``blocked`` holds (entity, alias)
    pairs that must not be linked (``kg split``)."""
    return _Finder(text, sentences, code, gaz, blocked).run()
