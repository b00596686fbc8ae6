"""Score an extractor against annotated articles (``NAME.txt`` beside ``NAME.gold.jsonl``).

The gold format is the one of ``shared/eval/FORMAT.md``: entity lines
``{"entity", "type", "aliases"}`` and triple lines ``{"s", "p", "o", "attrs", "optional", "evidence"}``.
A predicted label counts for the gold entity one of whose names equals it after normalisation (case,
punctuation, legal suffixes and possessive 's dropped); symmetric relations match either way round;
optional gold triples are neither required nor penalised. Micro precision, recall and F1 per relation.

Examples
--------
>>> normalize("Meta Platforms Inc")
'meta platforms'
>>> prf(8, 2, 0)
(0.8, 1.0, 0.888...)
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .extract.base import confident
from .namespaces import RELATIONS, SYMMETRIC

_LEGAL = r"(inc|incorporated|corp|corporation|co|ltd|llc|plc|ag|se|gmbh|sa|nv|bv|holdings?)"


def normalize(label: str) -> str:
    text = unicodedata.normalize("NFKC", str(label)).casefold().strip()
    text = re.sub(r"[\u2019']s$", "", text)
    text = re.sub(r"[^\w\s&+.-]", " ", text)
    text = re.sub(r"[.,]", " ", text)
    text = re.sub(rf"(\s{_LEGAL})+$", "", " " + text).strip()
    return re.sub(r"\s+", " ", text)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _key(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC else (s, p, o)


def match_key(gold: "Gold", s: str, p: str, o: str) -> tuple:
    """The key of a predicted triple among ``gold``'s (its labels mapped to gold entities; symmetric relations
    either way round), or a key no gold triple has where a label names no gold entity."""
    a, b = gold.names.get(normalize(s)), gold.names.get(normalize(o))
    return _key(a, p, b) if a and b else (s, p, o, "unmatched")


@dataclass
class Gold:
    names: dict[str, str]
    required: set
    optional: set


def read_gold(path: Path) -> Gold:
    names, required, optional = {}, set(), set()
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: malformed JSON ({err.msg})") from None
    for row in rows:
        if "entity" in row:
            for alias in [row["entity"], *row.get("aliases", [])]:
                names.setdefault(normalize(alias), row["entity"])
    for row in rows:
        if "s" in row:
            (optional if row.get("optional") else required).add(_key(row["s"], row["p"], row["o"]))
    return Gold(names, required, optional - required)


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)
    articles: int = 0

    def add(self, name: str, gold: Gold, predicted: list[dict]) -> None:
        self.articles += 1
        keys = set()
        for row in predicted:
            p = row.get("p", "")
            if p not in RELATIONS:
                continue
            keys.add(match_key(gold, row.get("s", ""), p, row.get("o", "")))
        for key in sorted(keys, key=str):
            if key in gold.required:
                self.tp[key[1]] += 1
            elif key not in gold.optional:
                self.fp[key[1]] += 1
                self.details.append(f"FP {name}: {key[0]} {key[1]} {key[2]}")
        for key in sorted(gold.required - keys):
            self.fn[key[1]] += 1
            self.details.append(f"FN {name}: {key[0]} {key[1]} {key[2]}")

    def table(self) -> list[tuple]:
        rows = []
        for relation in sorted(set(self.tp) | set(self.fp) | set(self.fn)):
            rows.append((relation, *prf(self.tp[relation], self.fp[relation], self.fn[relation]),
                         self.tp[relation], self.fp[relation], self.fn[relation]))
        total = (sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        rows.append(("micro", *prf(*total), *total))
        return rows


def evaluate(folder: Path, extractor, lang: str = "auto", relations=None, min_confidence: float = 0.0) -> Score:
    """Extract every ``NAME.txt`` that has a ``NAME.gold.jsonl`` (text cut at a ``----`` footer) and score it;
    ``relations`` limits the judged relations (for a data set annotated with only some of them);
    ``min_confidence`` judges only the triples at or above that confidence (what a user who filters on it
    keeps)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    golds = sorted(folder.glob("*.gold.jsonl"))
    if not golds:
        raise InputError(f"{folder}: no *.gold.jsonl files here")
    score = Score()
    for gold_path in golds:
        name = gold_path.name[: -len(".gold.jsonl")]
        text_path = folder / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(f"{gold_path}: no article {text_path.name} beside it")
        text = re.split(r"\n----\n", text_path.read_text(encoding="utf-8"), maxsplit=1)[0]
        result = extractor.extract(text, lang=lang)
        gold = read_gold(gold_path)
        if relations:
            gold = Gold(gold.names, {k for k in gold.required if k[1] in relations},
                        {k for k in gold.optional if k[1] in relations})
        score.add(name, gold, [t.as_json() for t in confident(result.triples, min_confidence)
                               if not relations or t.p in relations])
    return score
