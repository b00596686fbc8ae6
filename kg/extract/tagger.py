"""A CRF name tagger for Organization, Person and Product mentions, German and English.

The tagger reads tokens (:func:`tokenize`), turns each into features (word shape, affixes, a window of
two words, gazetteer and given-name hits, the language) and labels them with BIO tags ``B-ORG``,
``I-PER``, ``B-PROD`` ... through a linear-chain CRF (python-crfsuite). The model file is data, built by
``kg train`` (:func:`train_tagger`) from the gold corpus's entity lines and any BIO files given.

Examples
--------
>>> [t.text for t in tokenize("Apple's iPhone 15-Pro kostet 1.200 Euro.")]
['Apple', "'", 's', 'iPhone', '15', '-', 'Pro', 'kostet', '1.200', 'Euro', '.']
>>> shape("iPhone15")
'xXxd'
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..gazetteer import Gazetteer, given_names
from .language_profile import descriptor_kind, language_profile

TOKEN_RE = re.compile(r"[^\W_]+(?:[.&][^\W_]+)*|[^\w\s]")
TAGS = {"Organization": "ORG", "Person": "PER", "Product": "PROD"}
TYPES = {tag: kind for kind, tag in TAGS.items()}
MAX_SPAN = 8  # tokens: longer runs are tagging noise
LIKELY = 0.3  # the least marginal of a name outside the best tag sequence (dev halves: 0.2 and 0.4 do worse)


class Token(NamedTuple):
    start: int
    end: int
    text: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word and punctuation tokens with character offsets (hyphens and apostrophes stand alone)."""
    return [Token(m.start() + offset, m.end() + offset, m.group(0)) for m in TOKEN_RE.finditer(text)]


def shape(word: str) -> str:
    """Collapsed character classes: 'Xx' for 'Apple', 'X' for 'SAP', 'xXxd' for 'iPhone15'."""
    out = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def _gazetteer_tags(words: list[str], gaz: Gazetteer | None) -> list[str]:
    tags = [""] * len(words)
    if gaz is None:
        return tags
    first = gaz.first_tokens
    i = 0
    while i < len(words):
        word = words[i]
        if word.islower() or not word[:1].isalnum() or (word not in first and word.casefold() not in first):
            i += 1
            continue  # gazetteer names start with a capital or digit, or are mixed case ("iPhone")
        for size in range(min(5, len(words) - i), 0, -1):
            entry = gaz.lookup(words[i:i + size])
            if entry is not None and entry.type in TAGS:
                tags[i] = "B-" + TAGS[entry.type]
                for k in range(i + 1, i + size):
                    tags[k] = "I-" + TAGS[entry.type]
                i += size - 1
                break
        i += 1
    return tags


@lru_cache(maxsize=65536)
def _word(word: str, lang: str, given: bool) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]], str, str]:
    """A word's own features, the features it gives its neighbours at each distance, its lower case and
    shape (words recur, so these are made once)."""
    lower, form = word.casefold(), shape(word)
    own = ("b", "w=" + lower, "sh=" + form, f"L{lang}|sh=" + form, "p2=" + lower[:2], "p3=" + lower[:3],
           "s2=" + lower[-2:], "s3=" + lower[-3:], "s4=" + lower[-4:], "len=" + str(min(len(word), 8)))
    if given:
        own += ("given",)
    kind = _descriptor(lang, word)
    # a neighbour's class as a descriptor ("die Handheld-Konsole Wonderswan", "the Xenon processor", "CEO Tim")
    # and its ending (compounds no list holds: "Werbekurzspiel Moorhuhnjagd") generalise past the words seen
    hints = (("desc=" + kind,) if kind else ()) + (("s4=" + lower[-4:],) if len(lower) > 5 else ())
    around = {d: (f"{d}w=" + lower, f"{d}sh=" + form) + ((f"{d}given",) if given and abs(d) == 1 else ())
              + tuple(f"{d}{h}" for h in hints) for d in (-2, -1, 1, 2)}
    return own, around, lower, form


def _descriptor(lang: str, word: str) -> str:
    """"PROD", "ORG" or "PER" where a word is a descriptor of that class in ``lang``, else ""."""
    if not word[:1].isalpha():
        return ""
    kind = descriptor_kind(lang, word)
    if kind:
        return TAGS[kind]
    profile = language_profile(lang)
    return "PER" if word.casefold() in profile.folded_role_words or word in profile.person_words else ""


_PAD = {d: (f"{d}pad",) for d in (-2, -1, 1, 2)}


def token_features(words: list[str], lang: str, gaz: Gazetteer | None = None) -> list[list[str]]:
    """The CRF features of every token of one sentence."""
    given = given_names()
    gaz_tags = _gazetteer_tags(words, gaz)
    info = [_word(w, lang, w in given) for w in words]
    n = len(words)
    rows = []
    for i in range(n):
        own, _, lower, form = info[i]
        f = list(own)
        if i == 0:
            f.append("first")
            f.append(f"L{lang}|first|sh=" + form)
        if gaz_tags[i]:
            f.append("gz=" + gaz_tags[i])
        f.extend(info[i - 2][1][-2] if i >= 2 else _PAD[-2])
        if i >= 1:
            f.extend(info[i - 1][1][-1])
            if gaz_tags[i - 1]:
                f.append("-1gz=" + gaz_tags[i - 1][2:])
        else:
            f.extend(_PAD[-1])
        if i + 1 < n:
            f.extend(info[i + 1][1][1])
            if gaz_tags[i + 1]:
                f.append("1gz=" + gaz_tags[i + 1][2:])
        else:
            f.extend(_PAD[1])
        f.extend(info[i + 2][1][2] if i + 2 < n else _PAD[2])
        if i > 0:
            f.append("-1w|sh=" + info[i - 1][2] + "|" + form)
        if i + 1 < n:
            f.append("sh|+1w=" + form + "|" + info[i + 1][2])
        rows.append(f)
    return rows


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, class) of every BIO span; an I- without its B- opens a span."""
    spans, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        inside = tag.startswith("I-") and kind == tag[2:]
        if start is not None and not inside:
            if i - start <= MAX_SPAN:
                spans.append((start, i, TYPES[kind]))
            start, kind = None, None
        if tag[:2] in ("B-", "I-") and start is None:
            start, kind = i, tag[2:]
    return spans


class Tagger:
    """A trained CRF, loaded once per model file."""

    def __init__(self, path: Path):
        import pycrfsuite  # noqa: PLC0415 - loaded with the first model, not at import time

        self.path = Path(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self._labels = frozenset(self._tagger.labels())  # a small model may lack a class ("B-PER")

    def tag(self, words: list[str], lang: str, gaz: Gazetteer | None = None) -> list[str]:
        if not words:
            return []
        return self._tagger.tag(token_features(words, lang, gaz))

    def likely_spans(self, tags: list[str], floor: float = LIKELY) -> list[tuple[int, int, str]]:
        """Names the best tag sequence of the sentence tagged last leaves out: (first token, end token, class)
        of each run of ``O`` tags that starts with a ``B-`` tag of marginal ``floor`` or more and goes on over
        the ``I-`` tags of that class at ``floor`` or more ("Minox" found, "Minox B" second best)."""
        spans, i, n = [], 0, len(tags)
        marginal = self._tagger.marginal
        sure = 1.0 - floor  # where "O" is surer than this, no "B-" tag can reach the floor (they sum to 1)
        while i < n:
            if tags[i] != "O" or marginal("O", i) > sure:
                i += 1
                continue
            p, tag = max((self.marginal("B-" + t, i), t) for t in TYPES)
            if p < floor:
                i += 1
                continue
            end = i + 1
            while end < n and tags[end] == "O" and end - i < MAX_SPAN and self.marginal("I-" + tag, end) >= floor:
                end += 1
            spans.append((i, end, TYPES[tag]))
            i = end
        return spans

    def marginal(self, tag: str, position: int) -> float:
        """The probability of ``tag`` at ``position`` in the sentence tagged last (0 for a tag the model
        never saw)."""
        return self._tagger.marginal(tag, position) if tag in self._labels else 0.0


@lru_cache(maxsize=8)
def load_tagger(path: str) -> Tagger:
    return Tagger(Path(path))


def train_tagger(sentences, out: Path, iterations: int = 200, log=None) -> None:
    """Fit the CRF on ``(words, tags, lang)`` sentences and write it to ``out`` (deterministic L-BFGS)."""
    import pycrfsuite  # noqa: PLC0415

    gaz = Gazetteer.load()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags, lang in sentences:
        trainer.append(token_features(words, lang, gaz), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.02, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    trainer.train(str(out))
    if log:
        log(f"tagger: {len(trainer.logparser.iterations)} iterations, {out.stat().st_size // 1024} KB")
