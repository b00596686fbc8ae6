#!/usr/bin/env python3
"""Check annotated articles: ``validate.py DIR_OR_FILES...`` (NAME.txt beside NAME.gold.jsonl).

Checks every gold file: lines parse; entity lines have a known type; every alias occurs verbatim in the
text; every triple's s/o names an entity line; the relation is one of the twelve and its domain/range fit;
every evidence string occurs verbatim in the text; the text has a title line, a blank line, and a
'----' provenance footer with source, url, license and date. Prints one line per problem; exit 1 if any.
"""
import json
import sys
from pathlib import Path

TYPES = {"Organization", "Person", "Product"}
DOMAIN = {
    "investsIn": ({"Organization", "Person"}, {"Organization"}),
    "acquires": ({"Organization"}, {"Organization", "Product"}),
    "collaboratesWith": ({"Organization"}, {"Organization"}),
    "competesWith": ({"Organization"}, {"Organization"}),
    "founded": ({"Person"}, {"Organization"}),
    "worksFor": ({"Person"}, {"Organization"}),
    "formerlyWorkedFor": ({"Person"}, {"Organization"}),
    "develops": ({"Organization"}, {"Product"}),
    "owns": ({"Organization"}, {"Organization", "Product"}),
    "supplies": ({"Organization"}, {"Organization"}),
    "sues": ({"Organization", "Person"}, {"Organization", "Person"}),
    "usesTechnologyOf": ({"Organization", "Product"}, {"Organization", "Product"}),
}


def check(txt: Path) -> list[str]:
    problems = []
    raw = txt.read_text(encoding="utf-8")
    if "\n----\n" not in raw:
        return [f"{txt}: no '----' provenance footer"]
    body, footer = raw.split("\n----\n", 1)
    lines = body.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
        problems.append(f"{txt}: first line must be the title, second line blank")
    for key in ("source:", "url:", "license:", "date:"):
        if key not in footer:
            problems.append(f"{txt}: footer lacks '{key}'")
    gold = txt.with_name(txt.name[:-4] + ".gold.jsonl")
    if not gold.exists():
        return problems + [f"{txt}: no {gold.name}"]
    entities = {}
    rows = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as err:
            problems.append(f"{gold}:{n}: not JSON: {err}")
    for n, row in rows:
        if "entity" in row:
            if row.get("type") not in TYPES:
                problems.append(f"{gold}:{n}: bad type {row.get('type')!r}")
            if row["entity"] in entities:
                problems.append(f"{gold}:{n}: entity {row['entity']!r} twice")
            entities[row["entity"]] = row.get("type")
            for alias in row.get("aliases", []):
                if alias not in body:
                    problems.append(f"{gold}:{n}: alias {alias!r} not in the text")
            if row["entity"] not in body and not any(a in body for a in row.get("aliases", [])):
                problems.append(f"{gold}:{n}: entity {row['entity']!r} never occurs in the text")
    count = 0
    for n, row in rows:
        if "s" not in row:
            continue
        count += 1
        p = row.get("p")
        if p not in DOMAIN:
            problems.append(f"{gold}:{n}: unknown relation {p!r}")
            continue
        for side, allowed in zip(("s", "o"), DOMAIN[p]):
            if row.get(side) not in entities:
                problems.append(f"{gold}:{n}: {side} {row.get(side)!r} has no entity line")
            elif entities[row[side]] not in allowed:
                problems.append(f"{gold}:{n}: {p} {side} {row[side]!r} is {entities[row[side]]}, needs {allowed}")
        ev = row.get("evidence", "")
        if not ev or ev not in body:
            problems.append(f"{gold}:{n}: evidence not verbatim in the text: {ev[:60]!r}")
        if not isinstance(row.get("optional"), bool):
            problems.append(f"{gold}:{n}: 'optional' must be true or false")
    if count == 0:
        problems.append(f"{gold}: no triples")
    return problems


def main(args):
    files = []
    for arg in args:
        path = Path(arg)
        files += sorted(p for p in path.glob("*.txt") if p.name not in ("LICENSE.txt", "README.txt")) \
            if path.is_dir() else [path]
    problems = [p for f in files for p in check(f)]
    print("\n".join(problems) if problems else f"ok: {len(files)} articles")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
