#!/usr/bin/env python3
"""Triple-level agreement between two annotation passes: ``agreement.py FIRST_DIR SECOND_DIR``
(e.g. ``python3 corpus/tools/agreement.py corpus corpus/agreement/second_pass``; the first pass's files are
looked up anywhere under FIRST_DIR except its ``agreement`` folder).

For every NAME.gold.jsonl in both folders, the entity names of each pass are mapped onto the first
pass's entities through their surface forms (normalised as the scorer does). Reports, per relation and
overall: F1 of the required triples of each pass against the other's (strict), and the scorer's view
(the second pass's required triples scored against the first, optional ones neither required nor
penalised).
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SYMMETRIC = {"collaboratesWith", "competesWith"}
LEGAL = r"(inc|incorporated|corp|corporation|co|ltd|llc|plc|ag|se|gmbh|sa|nv|bv|holdings?)"


def norm(label):
    text = unicodedata.normalize("NFKC", str(label)).casefold().strip()
    text = re.sub(r"[\u2019']s$", "", text)
    text = re.sub(r"[^\w\s&+.-]", " ", text)
    text = re.sub(r"[.,]", " ", text)
    text = re.sub(rf"(\s{LEGAL})+$", "", " " + text).strip()
    return re.sub(r"\s+", " ", text)


def read(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ents = {r["entity"]: [r["entity"], *r.get("aliases", [])] for r in rows if "entity" in r}
    triples = [r for r in rows if "s" in r]
    return ents, triples


def key(s, p, o):
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC else (s, p, o)


def main(first, second):
    first, second = Path(first), Path(second)
    strict = Counter()
    scorer = Counter()
    per = {}
    n = 0
    for g2 in sorted(second.glob("*.gold.jsonl")):
        found = [p for p in first.rglob(g2.name) if "agreement" not in p.relative_to(first).parts]
        if not found:
            continue
        g1 = found[0]
        n += 1
        e1, t1 = read(g1)
        e2, t2 = read(g2)
        names = {}
        for canon, forms in e1.items():
            for f in forms:
                names.setdefault(norm(f), canon)
        mapping = {}
        for canon, forms in e2.items():
            mapping[canon] = next((names[norm(f)] for f in forms if norm(f) in names), "2:" + canon)
        req1 = {key(r["s"], r["p"], r["o"]) for r in t1 if not r.get("optional")}
        opt1 = {key(r["s"], r["p"], r["o"]) for r in t1 if r.get("optional")} - req1
        req2 = {key(mapping.get(r["s"], r["s"]), r["p"], mapping.get(r["o"], r["o"])) for r in t2 if not r.get("optional")}
        opt2 = {key(mapping.get(r["s"], r["s"]), r["p"], mapping.get(r["o"], r["o"])) for r in t2 if r.get("optional")} - req2
        strict["both"] += len(req1 & req2)
        strict["only1"] += len(req1 - req2)
        strict["only2"] += len(req2 - req1)
        scorer["tp"] += len(req2 & req1)
        scorer["fp"] += len(req2 - req1 - opt1)
        scorer["fn"] += len(req1 - req2 - opt2)
        for k in req1 | req2:
            c = per.setdefault(k[1], Counter())
            c["both" if k in req1 and k in req2 else "only1" if k in req1 else "only2"] += 1
    def f1(both, a, b):
        return 2 * both / (2 * both + a + b) if both else 0.0
    print(f"articles annotated twice: {n}")
    print(f"{'relation':20} {'both':>5} {'only1':>5} {'only2':>5} {'F1':>6}")
    for rel, c in sorted(per.items()):
        print(f"{rel:20} {c['both']:5} {c['only1']:5} {c['only2']:5} {f1(c['both'], c['only1'], c['only2']):6.3f}")
    print(f"{'strict (required)':20} {strict['both']:5} {strict['only1']:5} {strict['only2']:5} "
          f"{f1(strict['both'], strict['only1'], strict['only2']):6.3f}")
    tp, fp, fn = scorer["tp"], scorer["fp"], scorer["fn"]
    print(f"scorer view (optional excused either side): tp {tp} fp {fp} fn {fn} F1 {f1(tp, fp, fn):.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
