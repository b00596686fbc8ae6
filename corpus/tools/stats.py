#!/usr/bin/env python3
"""Counts of the corpus: articles per split and language, required/optional triples per relation and
split, entity lines per class. ``python3 corpus/tools/stats.py`` prints Markdown tables."""
import json
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
SPLITS = ("train", "dev", "test")


def main():
    arts, req, opt, ents, words = Counter(), Counter(), Counter(), Counter(), Counter()
    for split in SPLITS:
        for txt in sorted((CORPUS / split).glob("*.txt")):
            lang = txt.name[:2]
            arts[split, lang] += 1
            words[split, lang] += len(txt.read_text(encoding="utf-8").split("\n----\n")[0].split())
            for line in txt.with_name(txt.name[:-4] + ".gold.jsonl").read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line.strip() else {}
                if "entity" in row:
                    ents[row["type"], lang] += 1
                elif "s" in row:
                    (opt if row.get("optional") else req)[row["p"], split, lang] += 1
    print("| split | de articles | en articles | words | required triples | optional |")
    print("|---|---|---|---|---|---|")
    for split in SPLITS:
        r = sum(v for (p, s, l), v in req.items() if s == split)
        o = sum(v for (p, s, l), v in opt.items() if s == split)
        w = words[split, "de"] + words[split, "en"]
        print(f"| {split} | {arts[split, 'de']} | {arts[split, 'en']} | {w:,} | {r} | {o} |")
    total_r, total_o = sum(req.values()), sum(opt.values())
    print(f"| all | {sum(v for (s, l), v in arts.items() if l == 'de')} | "
          f"{sum(v for (s, l), v in arts.items() if l == 'en')} | {sum(words.values()):,} | {total_r} | {total_o} |")
    print()
    print("| relation | required de | required en | train | dev | test | optional |")
    print("|---|---|---|---|---|---|---|")
    for p in sorted({k[0] for k in req} | {k[0] for k in opt}):
        de = sum(v for (q, s, l), v in req.items() if q == p and l == "de")
        en = sum(v for (q, s, l), v in req.items() if q == p and l == "en")
        per = [sum(v for (q, s, l), v in req.items() if q == p and s == split) for split in SPLITS]
        o = sum(v for (q, s, l), v in opt.items() if q == p)
        print(f"| {p} | {de} | {en} | {per[0]} | {per[1]} | {per[2]} | {o} |")
    print()
    print("| entity class | de | en |")
    print("|---|---|---|")
    for kind in ("Organization", "Person", "Product"):
        print(f"| {kind} | {ents[kind, 'de']} | {ents[kind, 'en']} |")


if __name__ == "__main__":
    main()
