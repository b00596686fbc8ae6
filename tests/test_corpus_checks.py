"""The annotated corpus in ``corpus/``: format, splits, licences, sizes, and nothing from held-out sources."""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SPLITS = ("train", "dev", "test")
SHARED = ROOT.parent / "shared" / "corpus"
HELD_OUT = re.compile(r"derstandard|der standard|10kgnad|onestopenglish|docred|"
                      r"wikipedia[^\n]*\"(?:anthropic|scale ai|alexandr wang)\"|wiki/(?:anthropic|scale_ai|alexandr_wang)\b",
                      re.IGNORECASE)
FREE_LICENCES = re.compile(r"CC BY(?:-SA)?\b|public domain", re.IGNORECASE)


def _validator():
    spec = importlib.util.spec_from_file_location("validate", CORPUS / "tools" / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _articles(split=None):
    splits = [split] if split else SPLITS
    return sorted(p for s in splits for p in (CORPUS / s).glob("*.txt"))


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n----\n", 1)[0]


def test_every_article_is_well_formed():
    """Entities declared, aliases and evidence verbatim in the text, relations fit their domains, footer."""
    check = _validator().check
    problems = [p for path in _articles() for p in check(path)]
    assert problems == []


def test_sizes_and_counts():
    """At least 200 articles, 1,000 required triples, both languages, 25 required triples per relation."""
    langs, relations, splits = Counter(), Counter(), Counter()
    for path in _articles():
        langs[path.name[:2]] += 1
        splits[path.parent.name] += 1
        for line in path.with_name(path.name[:-4] + ".gold.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if "s" in row and not row.get("optional"):
                relations[row["p"]] += 1
    print(f"\ncorpus: {sum(langs.values())} articles {dict(langs)}, splits {dict(splits)}, "
          f"{sum(relations.values())} required triples {dict(sorted(relations.items()))}")
    assert sum(langs.values()) >= 200
    assert min(langs["de"], langs["en"]) >= 0.35 * sum(langs.values())
    assert sum(relations.values()) >= 1000
    assert min(relations[r] for r in _validator().DOMAIN) >= 25, relations


def test_splits_are_disjoint_and_texts_unique():
    seen: dict[str, str] = {}
    texts: dict[str, str] = {}
    for path in _articles():
        assert path.name not in seen, f"{path.name} in {seen.get(path.name)} and {path.parent.name}"
        seen[path.name] = path.parent.name
        key = re.sub(r"\W+", " ", _body(path).split("\n", 2)[-1]).strip().casefold()[:2000]
        assert key not in texts, f"{path.name} duplicates {texts.get(key)}"
        texts[key] = path.name


def test_split_proportions_per_language():
    for lang in ("de", "en"):
        counts = Counter(p.parent.name for p in _articles() if p.name.startswith(lang + "_"))
        total = sum(counts.values())
        assert 0.5 <= counts["train"] / total <= 0.7, counts
        assert counts["test"] >= 0.15 * total and counts["dev"] >= 0.15 * total, counts


def test_sources_are_listed_licensed_and_not_held_out():
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for path in _articles():
        footer = path.read_text(encoding="utf-8").split("\n----\n", 1)[1]
        assert not HELD_OUT.search(footer), f"{path.name}: a held-out source"
        assert FREE_LICENCES.search(footer), f"{path.name}: no redistributable licence in its footer"
        assert path.name[:-4] in sources, f"{path.name} has no row in corpus/SOURCES.md"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the project's own dev articles) is not here")
def test_no_sentence_of_the_shared_dev_articles():
    """The shared dev and seed articles (among them held-out sources) are not copied into the corpus."""
    corpus = "\n".join(_body(p) for p in _articles())
    for path in sorted(SHARED.glob("*/*.txt")):
        for sentence in re.split(r"(?<=[.!?])\s+", _body(path)):
            if len(sentence) > 60:
                assert sentence not in corpus, f"{path.name}: {sentence[:60]!r}"


def test_no_article_repeats_another_ones_sentences():
    """Near-duplicates (the same text from two mirrors, under two names) would put test text into train."""
    def sentences(path):
        return {s for s in re.split(r"(?<=[.!?])\s+", _body(path)) if len(s) > 60}
    items = [(path, sentences(path)) for path in _articles()]
    for k, (path, mine) in enumerate(items):
        for other, theirs in items[k + 1:]:
            if mine and theirs:
                shared = len(mine & theirs) / min(len(mine), len(theirs))
                assert shared <= 0.5, f"{path.name} and {other.name} share {shared:.0%} of their sentences"
