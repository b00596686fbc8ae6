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

import re
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..text import Sentence
from .base import EntityInfo, Mention
from .anaphors import find_anaphors, resolve_anaphors
from .context_pass import context_pass
from .coordination_pass import coordination_pass, hyphen_pairs
from .gazetteer_pass import gazetteer_pass
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
        anaphors = find_anaphors(self)
        mentions = resolve_anaphors(self, anaphors, [m for m in named if not m.anaphor]) + [m for m in named if m.anaphor]
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
