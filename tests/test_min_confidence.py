"""--min-confidence: the user's precision/recall trade, on kg extract and kg eval (kg html: test_html_options)."""
from __future__ import annotations

import json
import shutil

from conftest import ROOT, run_kg

ARTICLE = ROOT / "examples" / "articles" / "meta_midjourney_de.txt"


def _rows(*options):
    result = run_kg("extract", ARTICLE, "--format", "jsonl", *options, check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_keeps_only_relations_at_or_above_the_confidence():
    everything, sure = _rows(), _rows("--min-confidence", "0.7")
    assert sure and len(sure) < len(everything)
    assert all(row["confidence"] >= 0.7 for row in sure)
    assert [row for row in everything if row["confidence"] >= 0.7] == sure


def test_eval_judges_only_what_the_filter_keeps(tmp_path):
    folder = ROOT / "corpus" / "dev"
    gold = tmp_path / "gold"
    gold.mkdir()
    # every seventh dev article (50, both languages, encyclopedia and news): the first 25 by name are all German
    # business news, where the model of 2026-12-04 gives 0.7 or more to three triples only, too few to judge by
    for path in sorted(folder.glob("*.gold.jsonl"))[::7]:
        shutil.copy(path, gold)
        shutil.copy(path.with_name(path.name.replace(".gold.jsonl", ".txt")), gold)

    def micro(*options):
        out = run_kg("eval", gold, *options, check=True).stdout
        line = next(row for row in out.splitlines() if row.startswith("micro"))
        p, r, f, tp, fp, fn = line.split()[1:]
        return float(p), float(r), int(tp), int(fp), int(fn)

    p_all, r_all, tp_all, fp_all, fn_all = micro()
    p_sure, r_sure, tp_sure, fp_sure, fn_sure = micro("--min-confidence", "0.7")
    assert tp_sure + fp_sure < tp_all + fp_all  # fewer relations judged
    assert tp_sure + fn_sure == tp_all + fn_all  # against the same gold
    assert p_sure > p_all and r_sure < r_all
