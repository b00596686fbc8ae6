#!/usr/bin/env python3
"""Move an annotated batch into the splits: ``split.py BATCH_DIR [--scored-first "rules F1 0.150"]``.

Within the batch, articles are grouped by language and ordered by the SHA-1 of their file name; every
fifth goes to ``corpus/test``, the next to ``corpus/dev``, the other three to ``corpus/train`` (about
60/20/20 per language, decided by the name alone, so nobody picks which article is tested). Each move is
recorded in ``corpus/ADDED.tsv``: file, batch, split, date, whether the batch was scored before anyone
but its annotator looked at it, and the batch's first-sight figure.
"""
import argparse
import datetime
import hashlib
import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("batch", type=Path)
    ap.add_argument("--scored-first", default="", help="the batch's first-sight figure, e.g. 'rules F1 0.150'")
    args = ap.parse_args()
    names = sorted(p.name[:-4] for p in args.batch.glob("*.txt"))
    log = CORPUS / "ADDED.tsv"
    if not log.exists():
        log.write_text("file\tbatch\tsplit\tadded\tscored_before_looked_at\tbatch_first_sight\n", encoding="utf-8")
    rows = []
    for lang in ("de", "en"):
        group = sorted((n for n in names if n.startswith(lang + "_")), key=lambda n: hashlib.sha1(n.encode()).hexdigest())
        for k, name in enumerate(group):
            split = "test" if k % 5 == 0 else "dev" if k % 5 == 1 else "train"
            target = CORPUS / split
            target.mkdir(exist_ok=True)
            for suffix in (".txt", ".gold.jsonl"):
                shutil.move(str(args.batch / (name + suffix)), str(target / (name + suffix)))
            rows.append(f"{name}\t{args.batch.name}\t{split}\t{datetime.date.today()}\tyes\t{args.scored_first}\n")
    with log.open("a", encoding="utf-8") as out:
        out.writelines(rows)
    print(f"{args.batch.name}: {len(rows)} articles moved")


if __name__ == "__main__":
    main()
