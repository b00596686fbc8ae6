#!/usr/bin/env python3
"""Convert the German DFKI SmartData corpus into techkg's gold format (``kg eval`` / ``kg train`` folders).

Usage::

    python scripts/convert_smartdata.py REPO [--out DIR] [--version v1_20180119] [--quiet]

REPO is the corpus repository, either a bare git directory (as ``fetch`` or ``git clone --bare`` leave it;
files are read from its ``HEAD`` commit with ``git show``) or an ordinary checkout holding the files.
DIR defaults to ``/work/data/external/smartdata``. Example::

    python scripts/convert_smartdata.py /work/.mirror/DFKI-NLP+smartdata-corpus/repo
    python corpus/tools/validate.py /work/data/external/smartdata

Source
    DFKI SmartData Corpus, https://github.com/DFKI-NLP/smartdata-corpus, files
    ``v1_20180119/train.json.gz`` and ``v1_20180119/test.json.gz`` (Avro-JSON encoded ``Document`` records
    of ``document.avsc``, concatenated JSON objects, not one array; Avro unions appear as
    ``{"string": ...}``, ``{"array": [...]}``, ``{"map": {...}}`` and are unwrapped here).

Licence
    CC BY 4.0, as stated by the repository's README and LICENSE. Attribution: DFKI (Deutsches
    Forschungszentrum für Künstliche Intelligenz); cite Schiersch, Mironova, Schmitt, Thomas, Gabryszak,
    Hennig: "A German Corpus for Fine-Grained Named Entity Recognition and Relation Extraction of Traffic
    and Industry Events", Proceedings of LREC 2018.

Mapping
    entities   concept mentions of type ``organization`` / ``organization-company`` -> Organization,
               ``person`` -> Person; all other types are dropped. One entity per surface form (whitespace
               collapsed); its aliases are the verbatim surface forms. A surface form typed both ways in one document
               takes the type of its mentions that are relation arguments, else the majority type.
    relations  OrganizationLeadership -> worksFor (each ``person`` x each ``organization`` argument;
               attrs {"role": text of the ``org-position`` argument(s)} where given);
               Acquisition -> acquires (``buyer`` -> ``acquired``; ``seller``, ``price``, ``date`` dropped);
               Merger -> acquires between every two ``old`` arguments, in both directions, "optional": true
               (the ``new`` argument is dropped);
               SpinOff -> owns (``parent`` -> ``child``), "optional": true;
               all other relation types are skipped, and so are arguments whose concept type does not
               map to the entity class the relation needs, and pairs naming the same entity.
    evidence   v1 has no sentence or token annotations, so the text is split on sentence punctuation
               (``.!?…`` followed by space and a capital, digit or quote; a few abbreviations excepted)
               and on line breaks (only on blank lines in hard-wrapped text, where most lines end
               inside a sentence); the evidence is the verbatim text from the start of the sentence
               holding the first argument to the end of the sentence holding the last one (one sentence
               in most cases, several when the annotators linked arguments across sentences).
    documents  documents that corpus/ holds annotated in full (batches b95-b97: all twelve relations, by the
               guide) are left out, so that this folder scores only text no model was trained on;
               only documents with at least one mapped triple are written, as
               ``de_smartdata_<split>_<kind>_<n>`` (from the corpus file name ``smartdata_<kind>_<n>.xml``
               of the document); a document whose text equals one already written (train is read before
               test) is skipped. Each article gets a synthetic title line ``SmartData <split> <kind>_<n>``,
               a blank line, the corpus text verbatim (trailing whitespace removed) and a provenance footer.

Repairs: some concept spans in v1 are shifted by a character against the text (``'lughafen Stuttgart GmbH '``
for ``Flughafen Stuttgart GmbH``); a span whose text differs from the mention's normalized value is moved to
the nearest verbatim occurrence of that value (whitespace-flexible) within a few characters, and every span
is trimmed of surrounding whitespace. The script prints counts of documents, triples per relation, optional
triples and of everything skipped or repaired.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

from public_repo import commit_of, read_bytes

REPO_URL = "https://github.com/DFKI-NLP/smartdata-corpus"
SPLITS = ("train", "test")
ENTITY_TYPES = {"organization": "Organization", "organization-company": "Organization", "person": "Person"}
AVRO_UNION_KEYS = {"string", "array", "map", "int", "long", "float", "double", "boolean", "bytes"}
ATTRIBUTION = ("DFKI (Deutsches Forschungszentrum für Künstliche Intelligenz), DFKI SmartData Corpus; "
               "M. Schiersch, V. Mironova, M. Schmitt, P. Thomas, A. Gabryszak, L. Hennig: A German Corpus for "
               "Fine-Grained Named Entity Recognition and Relation Extraction of Traffic and Industry Events, "
               "LREC 2018")
ABBREVIATIONS = {"z.B.", "u.a.", "bzw.", "ca.", "Dr.", "Prof.", "Nr.", "Str.", "St.", "Mio.", "Mrd.", "Inc.",
                 "Ltd.", "Co.", "Corp.", "vgl.", "evtl.", "ggf.", "inkl.", "bspw.", "d.h.", "usw.", "etc.",
                 "Hr.", "Fr.", "Abs.", "Jan.", "Feb.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.", "Mr.", "Mrs."}
BOUNDARY = re.compile(r"[.!?…]+[\"'”“»«’)\]]*(?=\s+[\"'„“»«(\[]?[A-ZÄÖÜ0-9])|\n+")
WRAP_WIDTH = 40  # a line at least this long ending without punctuation continues in the next line


# ---------------------------------------------------------------- reading


def read_source(repo: Path, path: str) -> tuple[bytes, str]:
    """The file's bytes and a description of where they came from (commit for a bare git dir)."""
    if (repo / path).is_file():
        return (repo / path).read_bytes(), f"{repo / path}"
    return read_bytes(repo, path), f"{REPO_URL} commit {commit_of(repo).split()[0]}, {path}"


def unwrap(value):
    """Drop Avro-JSON union wrappers: {"string": "x"} -> "x", {"array": [...]} -> [...]."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in AVRO_UNION_KEYS:
            return unwrap(next(iter(value.values())))
        return {k: unwrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unwrap(v) for v in value]
    return value


def documents(data: bytes):
    """Every JSON object of a concatenated-JSON (optionally gzipped) stream, unwrapped."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.GzipFile(fileobj=io.BytesIO(data)).read()
    text = data.decode("utf-8")
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return
        obj, pos = decoder.raw_decode(text, pos)
        yield unwrap(obj)


# ---------------------------------------------------------------- text helpers


def _open(line: str) -> bool:
    """A long line that ends inside a sentence (no sentence punctuation at its end)."""
    line = line.rstrip()
    return len(line) >= WRAP_WIDTH and not re.search(r"[.!?:;…\"'”“»«)]$", line)


def hard_wrapped(text: str) -> bool:
    """True for text broken into lines inside sentences: at least three, and half, of the long lines
    followed by more text end without sentence punctuation."""
    lines = text.split("\n")
    inner = [x for x, y in zip(lines, lines[1:]) if len(x.rstrip()) >= WRAP_WIDTH and y.strip()]
    open_ = [x for x in inner if _open(x)]
    return len(open_) >= 3 and len(open_) >= 0.5 * len(inner)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text``, whitespace trimmed.

    Boundaries: sentence punctuation before a capital, digit or quote (not after a known abbreviation,
    an initial or a day number), and line breaks -- in hard-wrapped text not a single line break after
    a long line that ends inside a sentence.
    """
    out, start = [], 0
    wrapped = hard_wrapped(text)

    def add(a, b):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))

    for match in BOUNDARY.finditer(text):
        if match.group(0)[0] != "\n":
            words = text[max(0, match.start() - 12): match.start() + 1].split()
            last = words[-1].lstrip("([{„“\"'«»") if words else ""
            if last in ABBREVIATIONS or re.fullmatch(r"[A-ZÄÖÜ]\.|\d{1,2}\.", last):
                continue
        elif wrapped and len(match.group(0)) == 1:
            line_start = text.rfind("\n", 0, match.start()) + 1
            after = text[match.end(): text.find("\n", match.end()) if "\n" in text[match.end():] else len(text)]
            if _open(text[line_start:match.start()]) and after.strip():
                continue
        add(start, match.end())
        start = match.end()
    add(start, len(text))
    return out


def align(text: str, start: int, end: int, value: str | None, stats: Counter) -> tuple[int, int] | None:
    """The mention's span, moved onto its normalized value where shifted, trimmed of whitespace."""
    end = min(end, len(text))  # a span may reach into the trailing whitespace removed from the text
    if not (0 <= start < end):
        stats["mention span outside the text (dropped)"] += 1
        return None
    if value and " ".join(text[start:end].split()) != " ".join(value.split()):
        pattern = r"\s+".join(re.escape(w) for w in value.split())
        hits = [m for m in re.finditer(pattern, text[max(0, start - 5): end + 5])] if pattern else []
        if hits:
            base = max(0, start - 5)
            best = min(hits, key=lambda m: abs(base + m.start() - start))
            start, end = base + best.start(), base + best.end()
            stats["mention span re-aligned to its normalized value"] += 1
        else:
            stats["mention text differs from normalized value (kept as in the text)"] += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


# ---------------------------------------------------------------- conversion


def convert_document(doc: dict, stats: Counter, skipped: list):
    """(entities {name: (type, aliases)}, triples [row]) of one document."""
    text = (doc.get("text") or "").rstrip()
    mentions = {}  # concept id -> (start, end, type)
    for c in doc.get("conceptMentions") or []:
        if c.get("type") in ENTITY_TYPES:
            span = align(text, c["span"]["start"], c["span"]["end"], c.get("normalizedValue"), stats)
            if span:
                mentions[c["id"]] = (*span, c["type"])
    # mentions used as arguments of the mapped relations decide the type of a surface form typed both ways
    used = {(a.get("conceptMention") or {}).get("id") for r in doc.get("relationMentions") or []
            if r.get("name") in ("OrganizationLeadership", "Acquisition", "Merger", "SpinOff")
            for a in r.get("args") or []}
    entities: dict[str, list] = {}  # name -> [type counter, aliases]
    for cid, (start, end, kind) in sorted(mentions.items(), key=lambda x: x[1]):
        surface = text[start:end]
        name = " ".join(surface.split())
        entry = entities.setdefault(name, [Counter(), []])
        entry[0][ENTITY_TYPES[kind]] += 100 if cid in used else 1
        if surface not in entry[1]:
            entry[1].append(surface)
    types = {name: entry[0].most_common(1)[0][0] for name, entry in entities.items()}
    for name, entry in entities.items():
        if len(entry[0]) > 1:
            stats["entity typed both Organization and Person (type of its relation-argument mentions, else majority, kept)"] += 1

    spans = sentences(text)

    def evidence(a: int, b: int) -> str:
        first = next((s for s in spans if s[0] <= a < s[1]), None) or next(s for s in spans if s[1] > a)
        last = next((s for s in spans if s[0] < b <= s[1]), None) or [s for s in spans if s[0] < b][-1]
        if first != last:
            stats["evidence spans several sentences"] += 1
        return text[first[0]:last[1]]

    def arg(a: dict):
        """(entity name, start, end) of an argument, or None if it is not an Organization/Person mention."""
        cm = a.get("conceptMention") or {}
        if cm.get("id") in mentions:
            start, end, kind = mentions[cm["id"]]
        elif cm.get("type") in ENTITY_TYPES:
            span = align(text, cm["span"]["start"], cm["span"]["end"], cm.get("normalizedValue"), stats)
            if not span:
                return None
            start, end = span
        else:
            return None
        return " ".join(text[start:end].split()), start, end

    triples: dict[tuple, dict] = {}

    def add(s, p, o, attrs, optional, relation):
        if s is None or o is None:
            return
        need = {"worksFor": ("Person", "Organization")}.get(p, ("Organization", "Organization"))
        if (types.get(s[0]), types.get(o[0])) != need:
            stats[f"{relation}: argument of the wrong type (skipped)"] += 1
            skipped.append(f"{doc_name(doc)} {relation}: {s[0]!r} ({types.get(s[0])}) -> {o[0]!r} "
                           f"({types.get(o[0])})")
            return
        if s[0] == o[0]:
            stats[f"{relation}: both arguments are the same entity (skipped)"] += 1
            return
        key = (s[0], p, o[0])
        row = {"s": s[0], "p": p, "o": o[0], "attrs": attrs, "optional": optional,
               "evidence": evidence(min(s[1], o[1]), max(s[2], o[2]))}
        old = triples.get(key)
        if old is None:
            triples[key] = row
        elif old["optional"] and not optional:
            triples[key] = row
            stats["duplicate triple (required one kept)"] += 1
        else:
            stats["duplicate triple (first kept)"] += 1
            if attrs and not old["attrs"]:
                old["attrs"] = attrs

    for rel in doc.get("relationMentions") or []:
        name = rel.get("name")
        roles: dict[str, list] = {}
        for a in rel.get("args") or []:
            roles.setdefault(a.get("role"), []).append(a)
        if name == "OrganizationLeadership":
            positions = [a for a in roles.get("position", [])
                         if (a.get("conceptMention") or {}).get("type") == "org-position"]
            role = ", ".join(dict.fromkeys(
                " ".join(text[a["conceptMention"]["span"]["start"]:a["conceptMention"]["span"]["end"]].split())
                for a in positions))
            if roles.get("position") and not positions:
                stats["OrganizationLeadership: position argument not an org-position (no role)"] += 1
            if not roles.get("person") or not roles.get("organization"):
                stats["OrganizationLeadership: person or organization argument missing (skipped)"] += 1
            for person in roles.get("person", []):
                for org in roles.get("organization", []):
                    add(arg(person), "worksFor", arg(org), {"role": role} if role else {}, False, name)
        elif name == "Acquisition":
            if not roles.get("buyer") or not roles.get("acquired"):
                stats["Acquisition: buyer or acquired argument missing (skipped)"] += 1
            for buyer in roles.get("buyer", []):
                for acquired in roles.get("acquired", []):
                    add(arg(buyer), "acquires", arg(acquired), {}, False, name)
        elif name == "Merger":
            old = roles.get("old", [])
            if len(old) < 2:
                stats["Merger: fewer than two 'old' arguments (skipped)"] += 1
            for x in old:
                for y in old:
                    if x is not y:
                        add(arg(x), "acquires", arg(y), {}, True, name)
        elif name == "SpinOff":
            if not roles.get("parent") or not roles.get("child"):
                stats["SpinOff: parent or child argument missing (skipped)"] += 1
            for parent in roles.get("parent", []):
                for child in roles.get("child", []):
                    add(arg(parent), "owns", arg(child), {}, True, name)
        else:
            continue
        stats[f"source relation mentions: {name}"] += 1

    return text, {n: (types[n], e[1]) for n, e in entities.items()}, list(triples.values())


def doc_name(doc: dict) -> str:
    stem = ((doc.get("refids") or {}).get("fileName") or "").removesuffix(".xml").removeprefix("smartdata_")
    if not stem:
        import hashlib  # noqa: PLC0415
        stem = "id_" + hashlib.sha1(doc["id"].encode("utf-8")).hexdigest()[:12]
    return re.sub(r"[^A-Za-z0-9_]+", "_", stem)


def write_article(out: Path, name: str, split: str, doc: dict, text: str, entities: dict, triples: list,
                  origin: str) -> None:
    kind = (doc.get("refids") or {}).get("source") or "?"
    stem = name.split("_", 3)[-1]
    url = doc.get("uri") or ""
    if not url and kind == "tweet" and re.fullmatch(r"\d+", doc.get("id") or ""):
        url = f"https://twitter.com/i/web/status/{doc['id']}"
    footer = [
        f"source: DFKI SmartData Corpus v1 (2018-01-19), {split} split, document "
        f"{(doc.get('refids') or {}).get('fileName')} ({kind}), id {doc.get('id')}; read from {origin}",
        f"url: {url or REPO_URL}",
        "license: CC BY 4.0 (DFKI SmartData Corpus; see LICENSE.txt in this folder)",
        f"date: {doc.get('date') or 'unknown'}",
        f"attribution: {ATTRIBUTION}",
        "converted: scripts/convert_smartdata.py (synthetic title line; corpus text verbatim; "
        "entities and triples mapped from the corpus annotation, see LICENSE.txt)",
    ]
    (out / f"{name}.txt").write_text(f"SmartData {split} {stem}\n\n{text}\n----\n" + "\n".join(footer) + "\n",
                                     encoding="utf-8")
    rows = [{"entity": n, "type": t, "aliases": a} for n, (t, a) in entities.items()] + triples
    (out / f"{name}.gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                            encoding="utf-8")


LICENSE_TEXT = """DFKI SmartData Corpus, converted to techkg gold format
=====================================================

Source: DFKI SmartData Corpus, {url}
        files read: {files}
Licence: Creative Commons Attribution 4.0 International (CC BY 4.0),
        https://creativecommons.org/licenses/by/4.0/ -- as stated by the repository's README ("The DFKI
        SmartData Corpus is released as CC-BY 4.0") and its LICENSE file.
        (The per-annotation provenance records inside the data carry the older string
        "license: Research use only"; the repository-level CC BY 4.0 statement is the later one.)
Attribution: DFKI (Deutsches Forschungszentrum für Künstliche Intelligenz). Please cite:
        Martin Schiersch, Veselina Mironova, Maximilian Schmitt, Philippe Thomas, Aleksandra Gabryszak,
        Leonhard Hennig. A German Corpus for Fine-Grained Named Entity Recognition and Relation
        Extraction of Traffic and Industry Events. Proceedings of the Eleventh International Conference
        on Language Resources and Evaluation (LREC 2018), Miyazaki, Japan. ELRA.

Mapping (see the docstring of scripts/convert_smartdata.py):
  entities: organization, organization-company -> Organization; person -> Person; others dropped.
  OrganizationLeadership -> worksFor (person -> organization, attrs.role = org-position text if given)
  Acquisition            -> acquires (buyer -> acquired)
  Merger                 -> acquires between every two 'old' arguments, both directions, optional
  SpinOff                -> owns (parent -> child), optional
  other relation types skipped; arguments of other concept types skipped.
  evidence: sentence(s) holding both arguments, split on sentence punctuation and line breaks (blank
  lines only, in hard-wrapped text; v1 has no sentence annotation), copied verbatim.

Changes made: converted from Avro-JSON to one NAME.txt + NAME.gold.jsonl per document; only documents
with at least one mapped triple kept; documents whose text duplicates an already written one dropped
(train read before test); a synthetic title line "SmartData <split> <kind>_<n>" added; trailing whitespace
of the text removed; shifted concept spans re-aligned to their normalized value; all other annotations
(locations, dates, traffic events, triggers, coreference) dropped.

File names: de_smartdata_<split>_<kind>_<n> from the corpus file name smartdata_<kind>_<n>.xml;
<split> is the corpus's own train/test split, so the test part can be kept apart
(e.g. `ls | grep ^de_smartdata_test_`).

Counts:
{counts}
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", type=Path)
    ap.add_argument("--out", type=Path, default=Path("/work/data/external/smartdata"))
    ap.add_argument("--version", default="v1_20180119")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent / "corpus",
                    help="documents annotated in full there (any split) are left out, so that this folder "
                         "scores only text no model was trained on")
    args = ap.parse_args(argv)
    annotated = {p.name[:-4] for p in args.corpus.glob("*/de_smartdata_*.txt")}
    args.out.mkdir(parents=True, exist_ok=True)
    for old in list(args.out.glob("de_smartdata_*.txt")) + list(args.out.glob("de_smartdata_*.gold.jsonl")):
        old.unlink()
    stats, skipped, per_relation, optional = Counter(), [], Counter(), Counter()
    seen_texts: dict[str, str] = {}
    files, written = [], 0
    for split in SPLITS:
        data, origin = read_source(args.repo, f"{args.version}/{split}.json.gz")
        files.append(origin)
        for doc in documents(data):
            stats[f"{split}: documents read"] += 1
            text, entities, triples = convert_document(doc, stats, skipped)
            if not triples:
                continue
            name = f"de_smartdata_{split}_{doc_name(doc)}"
            if name in annotated:
                stats["document annotated in full in the corpus, left out"] += 1
                continue
            if text in seen_texts:
                stats["document with mapped triples dropped as duplicate text"] += 1
                skipped.append(f"{name}: same text as {seen_texts[text]} (dropped)")
                continue
            if (args.out / f"{name}.txt").exists():
                raise SystemExit(f"{name}: two documents with this name")
            seen_texts[text] = name
            write_article(args.out, name, split, doc, text, entities, triples, origin)
            written += 1
            stats[f"{split}: documents written"] += 1
            for t in triples:
                per_relation[t["p"]] += 1
                optional[t["p"]] += t["optional"]
                stats[f"{split}: triples"] += 1
    lines = [f"documents written: {written}"]
    lines += [f"triples {p}: {n} ({optional[p]} optional)" for p, n in sorted(per_relation.items())]
    lines += [f"triples total: {sum(per_relation.values())} ({sum(optional.values())} optional)"]
    lines += [f"{k}: {v}" for k, v in sorted(stats.items())]
    (args.out / "RELATIONS").write_text("worksFor acquires owns\n", encoding="utf-8")  # all it annotates
    (args.out / "LICENSE.txt").write_text(
        LICENSE_TEXT.format(url=REPO_URL, files="; ".join(files), counts="\n".join("  " + x for x in lines)),
        encoding="utf-8")
    print("\n".join(lines))
    if not args.quiet and skipped:
        print("\nskipped / dropped:")
        print("\n".join("  " + s for s in skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
