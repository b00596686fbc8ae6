"""Sentence splitting for news text, with character offsets into the article.

Boundaries are ``.``, ``!``, ``?`` (and closing quotes after them) followed by whitespace and a
capital, digit or opening quote, and every line break. Abbreviations of the article's language
(``Inc.``, ``z. B.``, ``Mrd.``), single initials and ordinals before month names ("am 30. Juni")
do not end a sentence.

Examples
--------
>>> [s.text for s in split_sentences("Apple Inc. baut Chips. Am 30. Juni startet es.", "de")]
['Apple Inc. baut Chips.', 'Am 30. Juni startet es.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lang as languages

MAX_SENTENCE = 2000  # characters; longer runs are cut at commas/spaces so rules stay linear


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_BOUNDARY = re.compile(r"[.!?…]+[\"'”“»«’)\]]*(?=\s+[\"'„“»«(\[]?[A-ZÄÖÜ0-9])|\n+")


@lru_cache(maxsize=4)
def _abbreviations(code: str) -> tuple[frozenset, frozenset]:
    data = languages.get(code)
    abbrevs = set(data.ABBREVIATIONS) | set(languages.get("en" if code == "de" else "de").LEGAL_SUFFIXES)
    tails = frozenset(a.split()[-1] for a in abbrevs)
    return frozenset(abbrevs), tails | frozenset(data.MONTHS)


def _is_abbreviation(text: str, dot: int, code: str) -> bool:
    """True if the period at ``dot`` belongs to an abbreviation, initial or ordinal date."""
    abbrevs, _ = _abbreviations(code)
    words = text[max(0, dot - 12): dot + 1].split()
    if not words:
        return False
    last = words[-1].lstrip("([{„“\"'«»")  # "(u.a. 1&1, GMX)"
    if last in abbrevs or (len(words) > 1 and f"{words[-2]} {last}" in abbrevs):
        return True
    token = re.search(r"(\S+)\.$", text[max(0, dot - 30): dot + 1])
    if token and re.fullmatch(r"[A-ZÄÖÜ]", token.group(1)):
        return True  # an initial: "J. Smith"
    if token and re.fullmatch(r"\d{1,2}", token.group(1)):
        following = text[dot + 1: dot + 15].split()
        if following and following[0].strip(",") in languages.get(code).MONTHS:
            return True  # "am 30. Juni"
    nxt = text[dot + 1: dot + 4].lstrip()
    if token and len(token.group(1)) <= 4 and "." in token.group(1) and nxt[:1].isupper():
        return True  # "U.S. Steel", "z.B."
    return False


def split_sentences(text: str, code: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences with offsets; whitespace-only pieces are dropped.

    Examples
    --------
    >>> [s.text for s in split_sentences("Die United Internet AG (u.a. 1&1, GMX) erklärte das. Gut.", "de")]
    ['Die United Internet AG (u.a. 1&1, GMX) erklärte das.', 'Gut.']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0)[0] != "\n" and _is_abbreviation(text, match.start(), code):
            continue
        _add(sentences, text, start, match.end())
        start = match.end()
    _add(sentences, text, start, len(text))
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # pathological run-on text: cut, never backtrack over it
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        sentences.append(Sentence(start, cut, text[start:cut]))
        start = cut + 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
