#!/usr/bin/env python3
"""A steadier development figure than one pass over ``corpus/dev``: thresholds chosen on random halves.

Usage::

    python scripts/halves.py [--model DIR] [--folder corpus/dev] [--splits 12] [--seed 7] [--cache FILE]

Every article of FOLDER is extracted once with the model's thresholds lowered to 0.1 (every triple the
rescorer proposes from there, with its calibrated confidence; a rule's triple always kept). Then, for each
of SPLITS random halves (seed SEED), thresholds per relation are chosen on one half (greedy coordinate
ascent of micro F1, two rounds) and the other half is scored with them. It prints the mean F1 of the
scored halves and their range. A change to the extractor that raises this mean by more than its spread
is worth keeping; the figure of one dev pass moves by 0.01 with the choice of thresholds alone.

``--cache FILE`` stores the extractions (JSON) and reads them back on the next run with the same FILE,
so other ways of choosing thresholds can be compared without extracting again.
"""
import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.evaluate import match_key, prf  # noqa: E402
from kg.extract.candidates import RELATIONS  # noqa: E402


def extract(folder: Path, model: str) -> list[dict]:
    from kg.extract.trained import TrainedExtractor  # noqa: PLC0415

    from kg.extract.training import read_folders  # noqa: PLC0415 - the corpus reader kg train uses

    extractor = TrainedExtractor(model=model, threshold=0.1)
    articles = []
    for article in read_folders([folder]):
        gold = article.gold
        found = {}
        for t in extractor.extract(article.text, lang=article.lang).triples:
            key = match_key(gold, t.s, t.p, t.o)
            judged = "tp" if key in gold.required else ("optional" if key in gold.optional else "fp")
            old = found.get(key)
            if old is None or (t.confidence, t.rule) > (old[1], old[2]):
                found[key] = (t.p, t.confidence, bool(t.rule), judged)
        articles.append({"name": article.name, "triples": list(found.values()),
                         "gold": dict(Counter(k[1] for k in gold.required))})
    return articles


def counts(articles, thresholds) -> tuple[Counter, Counter, Counter]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for article in articles:
        kept = Counter()
        for relation, confidence, rule, judged in article["triples"]:
            if rule or confidence >= thresholds.get(relation, 0.5):
                if judged == "tp":
                    kept[relation] += 1
                elif judged == "fp":
                    fp[relation] += 1
        for relation, number in article["gold"].items():
            tp[relation] += kept[relation]
            fn[relation] += number - kept[relation]
    return tp, fp, fn


def micro(articles, thresholds) -> float:
    tp, fp, fn = counts(articles, thresholds)
    return prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))[2]


def choose(articles) -> dict:
    levels = sorted({round(c, 3) for a in articles for _, c, _, _ in a["triples"]} | {1.01})
    thresholds = {r: 0.5 for r in RELATIONS}
    for _ in range(2):
        for relation in RELATIONS:
            best = max(levels, key=lambda t: (micro(articles, {**thresholds, relation: t}), -t))
            thresholds[relation] = best
    return thresholds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="")
    parser.add_argument("--folder", default="corpus/dev")
    parser.add_argument("--splits", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", default="")
    args = parser.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache and cache.is_file():
        articles = json.loads(cache.read_text(encoding="utf-8"))
    else:
        articles = extract(Path(args.folder), args.model)
        if cache:
            cache.write_text(json.dumps(articles), encoding="utf-8")
    rng = random.Random(args.seed)
    figures = []
    for _ in range(args.splits):
        order = list(range(len(articles)))
        rng.shuffle(order)
        half = len(order) // 2
        a = [articles[k] for k in order[:half]]
        b = [articles[k] for k in order[half:]]
        figures.append(micro(b, choose(a)))
    whole = choose(articles)
    print(f"halves F1 mean {sum(figures) / len(figures):.4f} (range {min(figures):.4f}-{max(figures):.4f}, "
          f"{len(figures)} splits); whole folder with its own thresholds {micro(articles, whole):.4f}")


if __name__ == "__main__":
    main()
