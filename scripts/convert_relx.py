#!/usr/bin/env python3
"""Convert RELX (parallel KBP37-style relation sentences) into techkg's gold format.

Usage::

    python scripts/convert_relx.py REPO [--lang de en] [--out-root DIR]

REPO is the bare git directory of github.com/boun-tabi/RELX (as ``fetch`` leaves it, e.g.
``/work/.mirror/boun-tabi+RELX/repo``) or a checkout; ``Datasets/RELX/RELX_<lang>.txt`` is read from its
HEAD commit. Output: ``DIR/relx_<lang>/`` (DIR defaults to ``/work/data/external``) with one article per
mapped sentence, ``<lang>_relx_<sentence id>.txt`` + ``.gold.jsonl``, and a plain-text ``LICENSE`` file
(not ``LICENSE.txt``: ``corpus/tools/validate.py DIR`` treats every ``*.txt`` as an article).

Source  : RELX, Köksal and Özgür, Findings of EMNLP 2020, https://github.com/boun-tabi/RELX ;
          502 sentences of the KBP37 test set (Zhang and Wang 2015) with French, German, Spanish and
          Turkish translations; file format of KBP37: ``id<TAB>"sentence with <e1> </e1> <e2> </e2>"``,
          then the label line, then a comment line and a blank line.
Licence : MIT (LICENSE of the RELX repository, copyright (c) 2020 Abdullatif Köksal).

Label direction (KBP37, as in SemEval-2010 task 8): ``rel(e1,e2)`` means e1 is the slot's subject
(the org of org:*, the person of per:*) and e2 the filler; ``rel(e2,e1)`` the other way round.
Mapping (types from the relation's domain and range):
    per:employee_of(X,Y)          -> worksFor(X Person, Y Organization)
    org:top_members/employees(X,Y) -> worksFor(Y Person, X Organization)
    org:founded_by(X,Y)           -> founded(Y Person, X Organization)     (reversed)
    org:subsidiaries(X,Y)         -> owns(X Organization, Y Organization)  (X is the parent)
    everything else (no_relation, *headquarters, *residence, org:founded (a date), org:members (member
    organisations), org:alternate_names, per:title, per:spouse, per:origin, ...) -> skipped.
A worksFor whose sentence has a "former" cue (former, formerly, ex-, previously / ehemalig, früher,
einstig, zuvor) is marked optional, since the label does not tell current from former employment.
Sentences whose argument is a pronoun or has no capital letter or digit (e.g. a translated adjective
"republikanische") are skipped. The text is the sentence with the entity markers removed; title: its
first words. Evidence: the whole sentence. Each article holds exactly one triple.
"""
import argparse
import collections
import json
import re
import sys
from pathlib import Path

from public_repo import commit_of, read_bytes

URL = "https://github.com/boun-tabi/RELX"
LABEL = re.compile(r"^([a-z]+:[a-z_/]+)\((e[12]),(e[12])\)$")
# KBP37 label -> (techkg relation, type of the KBP37 subject, type of the filler, techkg subject is filler?)
MAPPING = {
    "per:employee_of": ("worksFor", "Person", "Organization", False),
    "org:top_members/employees": ("worksFor", "Organization", "Person", True),
    "org:founded_by": ("founded", "Organization", "Person", True),
    "org:subsidiaries": ("owns", "Organization", "Organization", False),
}
PRONOUNS = {
    "he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "i", "we", "who", "which", "that",
    "er", "sie", "es", "ihn", "ihm", "ihr", "ihre", "sein", "seine", "seiner", "ihrer", "wir", "ich", "der",
    "die", "das", "dem", "den", "welche", "welcher",
}
FORMER = re.compile(r"\b(former|formerly|ex-|previously|ehemalig\w*|früher\w*|einstig\w*|zuvor)", re.I)
MARK = re.compile(r"\s*<(e[12])>\s*(.*?)\s*</\1>\s*")


def records(text: str):
    """(sentence id, marked sentence, label) per record."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        m = re.match(r"^(\d+)\t(.*)$", line)
        if m and n + 1 < len(lines):
            sentence = m.group(2).strip()
            if len(sentence) >= 2 and sentence[0] == sentence[-1] == '"':
                sentence = sentence[1:-1]
            yield int(m.group(1)), sentence, lines[n + 1].strip()


def unmark(sentence: str):
    """Sentence without markers, and the e1/e2 surface forms."""
    args = {}

    def repl(m):
        args[m.group(1)] = m.group(2)
        before, after = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())], m.group(0)[len(m.group(0).rstrip()):]
        return (" " if before else "") + m.group(2) + (" " if after else "")

    text = MARK.sub(repl, sentence)
    text = re.sub(r"\s+", " ", text).strip()
    for k in args:  # marker contents sometimes carry a comma or colon of the sentence
        args[k] = re.sub(r"\s+", " ", args[k]).strip(" ,;:")
    return text, args


def usable(surface: str) -> bool:
    return bool(surface) and surface.casefold() not in PRONOUNS and any(c.isupper() or c.isdigit() for c in surface)


def title_of(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def convert(repo: Path, lang: str, out: Path, commit: str):
    path = f"Datasets/RELX/RELX_{lang}.txt"
    stats = collections.Counter()
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob(f"{lang}_relx_*")):
        old.unlink()
    for sid, marked, label in records(read_bytes(repo, path).decode("utf-8")):
        stats["sentences"] += 1
        m = LABEL.match(label)
        if not m or m.group(1) not in MAPPING:
            stats["skipped label " + (m.group(1) if m else label)] += 1
            continue
        rel, subj_type, filler_type, swap = MAPPING[m.group(1)]
        text, args = unmark(marked)
        if set(args) != {"e1", "e2"}:
            stats["skipped: markers not found"] += 1
            continue
        subj, filler = args[m.group(2)], args[m.group(3)]
        if not usable(subj) or not usable(filler) or subj == filler:
            stats["skipped: argument is a pronoun, lower-case word or both the same"] += 1
            continue
        if subj not in text or filler not in text:
            stats["skipped: argument not in the cleaned text"] += 1
            continue
        s, s_type, o, o_type = (filler, filler_type, subj, subj_type) if swap else (subj, subj_type, filler, filler_type)
        optional = rel == "worksFor" and bool(FORMER.search(text))
        stats[f"triples {rel}{' (optional)' if optional else ''}"] += 1
        name = f"{lang}_relx_{sid}"
        footer = "\n".join([
            f"source: RELX, {path}, sentence {sid} (label {label}); English side from the KBP37 test set",
            f"url: {URL}",
            "license: MIT",
            f"date: 2020 (RELX release; repository commit {commit})",
            "attribution: Abdullatif Köksal, Arzucan Özgür: The RELX Dataset and Matching the Multilingual Blanks"
            " for Cross-Lingual Relation Classification (Findings of EMNLP 2020); KBP37: Dongxu Zhang,"
            " Dong Wang (2015)",
            "converted: scripts/convert_relx.py (techkg)",
        ])
        (out / f"{name}.txt").write_text(f"{title_of(text)}\n\n{text}\n----\n{footer}\n", encoding="utf-8")
        rows = [{"entity": s, "type": s_type, "aliases": [s]}, {"entity": o, "type": o_type, "aliases": [o]},
                {"s": s, "p": rel, "o": o, "attrs": {}, "optional": optional, "evidence": text}]
        (out / f"{name}.gold.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                                encoding="utf-8")
        stats["documents"] += 1
    (out / "LICENSE").write_text(license_text(path, commit, stats), encoding="utf-8")
    (out / "RELATIONS").write_text("worksFor founded owns\n", encoding="utf-8")  # all it annotates
    return stats


def license_text(path, commit, stats):
    counts = "\n".join(f"    {k}: {stats[k]}" for k in sorted(stats))
    return f"""RELX, converted to techkg gold format
=====================================

Source     : {URL}, file {path} (commit {commit})
Licence    : MIT License, Copyright (c) 2020 Abdullatif Köksal (LICENSE of the RELX repository).
             The full MIT text: permission is hereby granted, free of charge, to any person obtaining a
             copy ... subject to the condition that the copyright notice and this permission notice are
             included in all copies or substantial portions; see the LICENSE file of the repository.
             Note: the English sentences are the KBP37 test set (Zhang and Wang 2015, from the MIML-RE /
             TAC KBP annotations of news and Wikipedia text); RELX states no separate terms for them.
Attribution: Abdullatif Köksal, Arzucan Özgür. The RELX Dataset and Matching the Multilingual Blanks for
             Cross-Lingual Relation Classification. Findings of EMNLP 2020.
Changes    : entity markers removed, one article per sentence with a mapped label, title = first words.

Each article has exactly one annotated pair. Other pairs in the sentence are NOT annotated negatives.
KBP37 labels are noisy (distant supervision heritage); some mapped triples are wrong in the source.

Counts:
{counts}

Conversion (from scripts/convert_relx.py):
{__doc__}"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("repo", type=Path)
    ap.add_argument("--lang", nargs="+", default=["de", "en"])
    ap.add_argument("--out-root", type=Path, default=Path("/work/data/external"))
    args = ap.parse_args(argv)
    commit = commit_of(args.repo)
    for lang in args.lang:
        stats = convert(args.repo, lang, args.out_root / f"relx_{lang}", commit)
        print(f"relx_{lang}: " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items()) if not k.startswith("skipped label")))


if __name__ == "__main__":
    sys.exit(main())
