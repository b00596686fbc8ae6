"""Extraction quality on the shared seed and dev corpora (skipped where ../shared is absent) and on the
project's own corpus/test (the floor below keeps a regression from landing silently)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_kg, shared_corpus

from kg.evaluate import evaluate
from kg.extract import get

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEST_FLOOR = 0.36  # the shipped model scores 0.395 on corpus/test (373 articles; the previous one 0.393 there); below fails


def micro(folder, extractor="rules"):
    return evaluate(folder, get(extractor)).table()[-1]


@pytest.mark.parametrize("extractor", ["trained", "rules"])
def test_seed_f1_at_least_085(extractor):
    _, p, r, f, *_ = micro(shared_corpus("seed"), extractor)
    assert f >= 0.85, (p, r, f)


def test_dev_f1_at_least_075_with_precision_080():
    _, p, r, f, *_ = micro(shared_corpus("dev"))
    assert f >= 0.75 and p >= 0.80, (p, r, f)


def test_trained_extractor_on_the_shared_dev_articles():
    _, p, r, f, *_ = micro(shared_corpus("dev"), "trained")
    assert f >= 0.80, (p, r, f)


def test_corpus_test_floor_and_the_trained_model_beats_the_rules():
    """corpus/test is for reporting only: this reads its overall figure, never its misses."""
    _, p, r, f, *_ = micro(CORPUS / "test", "trained")
    _, _, _, f_rules, *_ = micro(CORPUS / "test", "rules")
    print(f"\ncorpus/test: trained P {p:.3f} R {r:.3f} F1 {f:.3f}; rules F1 {f_rules:.3f}")
    assert f >= TEST_FLOOR, (p, r, f)
    assert f > f_rules + 0.1


def test_kg_eval_prints_the_table_and_misses():
    folder = shared_corpus("dev")
    result = run_kg("eval", folder, "--verbose", check=True)
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["relation", "P", "R", "F1"]
    assert any(line.startswith("micro") for line in lines)
    assert lines[-1].startswith("F1 ")
    assert float(lines[-1].split()[1]) >= 0.75


def test_kg_eval_agrees_with_the_shared_scorer(tmp_path):
    import json
    import subprocess
    import sys

    folder = shared_corpus("dev")
    scorer = folder.parent.parent / "eval" / "score.py"
    extractor = get("rules")
    for text_path in sorted(folder.glob("*.txt")):
        text = text_path.read_text(encoding="utf-8").split("\n----\n")[0]
        with open(tmp_path / f"{text_path.stem}.jsonl", "w", encoding="utf-8") as out:
            for triple in extractor.extract(text).triples:
                out.write(json.dumps(triple.as_json(), ensure_ascii=False) + "\n")
    shared = subprocess.run([sys.executable, str(scorer), str(folder), str(tmp_path)], capture_output=True,
                            text=True, check=True).stdout.splitlines()[-1]
    ours = run_kg("eval", folder, "--extractor", "rules", check=True).stdout.splitlines()[-1]
    assert ours == shared
