#!/usr/bin/env python3
"""Convert KnowledgeNet (Diffbot) into techkg's gold format (``NAME.txt`` + ``NAME.gold.jsonl``).

Usage::

    python scripts/convert_knowledgenet.py REPO [--out DIR] [--max-docs N]

REPO is the bare git directory of github.com/diffbot/knowledge-net (as ``fetch`` leaves it, e.g.
``/work/.mirror/diffbot+knowledge-net/repo``) or a checkout; the file ``human_readable-v10-notest.zip``
is read from its HEAD commit (``dataset/train.json`` is too large for the mirror, so the human-readable
table inside the zip is parsed instead: one row per annotated fact mention with document id, passage
offsets, subject/object offsets, property, the passage text and, where linked, Wikidata URIs).
DIR defaults to ``/work/data/external/knowledgenet``; N (default 600) keeps the first N documents with at
least one mapped fact, sorted by numeric document id. DIR also gets a plain-text ``LICENSE`` file
(source, licence, attribution, mapping, counts); it is not named ``LICENSE.txt`` because
``corpus/tools/validate.py DIR`` treats every ``*.txt`` as an article.

Source  : KnowledgeNet, Mesquita et al., EMNLP 2019, https://github.com/diffbot/knowledge-net
Licence : CC BY-SA 4.0 (dataset/LICENSE-DATASET of that repository)

Mapping (KnowledgeNet property -> techkg relation; types come from the relation's domain/range):
    EMPLOYEE_OR_MEMBER_OF  subject Person, object Org  -> worksFor(person, org)
    CEO                    subject Org, object Person  -> worksFor(person, org), attrs {"role": "CEO"}
    FOUNDED_BY             subject Org, object Person  -> founded(person, org)   (reversed)
    SUBSIDIARY_OF          subject child, object parent -> owns(parent, child)   (reversed)
All other properties yield no triples; their person/organisation arguments (e.g. subjects of
DATE_OF_BIRTH, objects of EDUCATED_AT, POLITICAL_AFFILIATION) are still declared as entity lines
so that names in the text are typed.

Entities: name mentions are clustered by surface text, and surfaces (and linked pronouns) that share a
Wikidata URI are merged, except where that would put the subject and object of one annotated fact into
one entity (the data sometimes links a subsidiary to its parent's URI). An unlinked pronoun argument
goes to the document's only named entity of the required type, if there is exactly one. Pronouns, relative pronouns and
nominal mentions starting with a determiner ("the company") are never aliases; a fact whose argument
entity has no name mention in the document is dropped. One article per document: its passages (the
sentences KnowledgeNet annotated) in document order, joined by a space where contiguous and by a new
paragraph where the data leaves a gap. Evidence: the passage holding both mentions (a passage where both
are names is preferred). Nothing is optional; KnowledgeNet gives positives only and passages are only
exhaustively annotated for some properties, so unannotated pairs are not negatives.
"""
import argparse
import collections
import io
import json
import re
import sys
import zipfile
from pathlib import Path

from public_repo import commit_of, read_bytes

ZIP = "human_readable-v10-notest.zip"
URL = "https://github.com/diffbot/knowledge-net"
# property -> (techkg relation, type of KnowledgeNet subject, type of object, reversed?, attrs)
MAPPED = {
    "EMPLOYEE_OR_MEMBER_OF": ("worksFor", "Person", "Organization", False, {}),
    "CEO": ("worksFor", "Organization", "Person", True, {"role": "CEO"}),
    "FOUNDED_BY": ("founded", "Organization", "Person", True, {}),
    "SUBSIDIARY_OF": ("owns", "Organization", "Organization", True, {}),
}
# argument types of the other properties (only used to declare entities)
TYPES_ONLY = {
    "DATE_OF_BIRTH": ("Person", None), "DATE_OF_DEATH": ("Person", None), "PLACE_OF_BIRTH": ("Person", None),
    "PLACE_OF_RESIDENCE": ("Person", None), "NATIONALITY": ("Person", None), "SPOUSE": ("Person", "Person"),
    "CHILD_OF": ("Person", "Person"), "EDUCATED_AT": ("Person", "Organization"),
    "POLITICAL_AFFILIATION": ("Person", "Organization"), "HEADQUARTERS": ("Organization", None),
    "DATE_FOUNDED": ("Organization", None),
}
NON_NAMES = {
    "he", "she", "it", "they", "him", "her", "his", "hers", "its", "their", "theirs", "them", "i", "me", "my",
    "mine", "we", "us", "our", "ours", "you", "your", "who", "whom", "whose", "which", "that", "this", "these",
    "those", "himself", "herself", "itself", "themselves", "myself", "one", "where", "when", "there", "here",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "whose"}
ROW = re.compile(r"^<tr><td.*?</tr>$", re.M)
TD = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
HREF = re.compile(r'href="([^"]+)"')


def is_name(surface: str) -> bool:
    words = surface.split()
    if not words or surface.casefold() in NON_NAMES:
        return False
    if words[0] in DETERMINERS:  # lower-case determiner: a nominal mention such as "the company"
        return False
    return any(ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.isascii()) or ch == "." for ch in surface)


def parse_rows(html: str):
    """Yield dicts per fact-mention row (rows with '-' offsets have no fact; they still give passages)."""
    for row in ROW.findall(html):
        tds = TD.findall(row)
        if len(tds) != 10:
            continue
        p = re.search(r"<p> ?(.*)</p>", tds[9], re.S)
        inner = p.group(1) if p else tds[9]
        spans = {}
        for role in ("subject", "object"):
            m = re.search(rf'<span id="{role}">(.*?)</span>', inner, re.S)
            if m:
                h = HREF.search(m.group(1))
                spans[role] = (re.sub(r"<[^>]+>", "", m.group(1)), h.group(1) if h else None)
        text = re.sub(r"<[^>]+>", "", inner)
        yield {"doc": int(tds[1]), "ps": int(tds[2]), "pe": int(tds[3]), "prop": tds[8].strip(),
               "text": text, "offsets": tds[4:8], "spans": spans}


def build(rows, stats):
    docs = collections.defaultdict(list)
    for r in rows:
        docs[r["doc"]].append(r)
    out = {}
    for doc, rs in docs.items():
        passages = {}
        for r in rs:
            passages.setdefault((r["ps"], r["pe"]), r["text"])
        mentions = []  # (passage key, start, end, surface, uri, type)
        facts, pairs = [], []
        for r in rs:
            if "-" in r["offsets"] or len(r["spans"]) < 2:
                continue
            ss, se, os_, oe = (int(x) for x in r["offsets"])
            key = (r["ps"], r["pe"])
            ok = True
            types = MAPPED.get(r["prop"], (None, *TYPES_ONLY.get(r["prop"], (None, None))))[1:3]
            ms = []
            for role, (a, b), kind in (("subject", (ss, se), types[0]), ("object", (os_, oe), types[1])):
                surface, uri = r["spans"][role]
                if r["text"][a - r["ps"]:b - r["ps"]] != surface:
                    ok = False
                ms.append((key, a, b, surface, uri, kind))
            if not ok:
                stats["offset mismatch (row skipped)"] += 1
                continue
            mentions += [m for m in ms if m[5]]
            pairs.append((ms[0], ms[1]))
            if r["prop"] in MAPPED:
                facts.append((r["prop"], ms[0], ms[1]))
        out[doc] = (passages, mentions, facts, pairs)
    return out


def convert_doc(doc, passages, mentions, facts, pairs, stats):
    # Union-find over name surfaces ("s:") and Wikidata URIs ("u:"); two nodes that are subject and
    # object of one row never end up together (the data links e.g. a bank and its parent to one URI).
    parent, members, cannot = {}, {}, set()

    def find(x):
        parent.setdefault(x, x)
        members.setdefault(x, {x})
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def nodes(m):
        return [n for n in (("s:" + m[3]) if is_name(m[3]) else None, ("u:" + m[4]) if m[4] else None) if n]

    for a, b in pairs:
        for x in nodes(a):
            for y in nodes(b):
                if x != y:
                    cannot.add(frozenset((x, y)))
    for m in mentions + [arg for pair in pairs for arg in pair]:
        ns = nodes(m)
        for n in ns:
            find(n)
        if len(ns) == 2:
            ra, rb = find(ns[0]), find(ns[1])
            if ra == rb:
                continue
            if any(frozenset((x, y)) in cannot for x in members[ra] for y in members[rb]):
                stats["URI link not followed (would merge subject and object of a fact)"] += 1
                continue
            parent[rb] = ra
            members[ra] |= members.pop(rb)

    def cluster(m):
        ns = nodes(m)
        return find(ns[0]) if ns else None

    forms = collections.defaultdict(collections.Counter)
    kinds = collections.defaultdict(collections.Counter)
    for m in mentions:
        c = cluster(m)
        if c is None:
            continue
        kinds[c][m[5]] += 1
        if is_name(m[3]):
            forms[c][m[3]] += 1

    def canonical(c):
        names = forms[c]
        bare = [re.sub(r"(?:['\u2019]s|['\u2019])$", "", f) for f in names]
        # the form that contains most of the others ("Rod Aldridge" over "Rod"), then the longest
        best = max(bare, key=lambda f: (sum(1 for g in bare if g != f and g in f), len(f), f))
        return best

    entity_of = {c: canonical(c) for c in forms}
    type_of = {c: kinds[c].most_common(1)[0][0] for c in kinds if c in forms}
    only = {}
    for kind in ("Person", "Organization"):
        named = [c for c in entity_of if type_of.get(c) == kind]
        if len(named) == 1:
            only[kind] = named[0]

    def resolve(arg, kind):
        """An unlinked pronoun goes to the document's only named entity of the required type."""
        c = cluster(arg)
        if c not in entity_of and not arg[4] and not is_name(arg[3]) and kind in only:
            stats[f"unlinked pronoun resolved to the only {kind} of the document"] += 1
            return only[kind]
        return c

    triples = {}
    for prop, subj, obj in facts:
        rel, st, ot, rev, attrs = MAPPED[prop]
        cs, co = resolve(subj, st), resolve(obj, ot)
        if cs not in entity_of or co not in entity_of:
            stats["fact dropped: argument has no name mention"] += 1
            continue
        if type_of[cs] != st or type_of[co] != ot:
            stats["fact dropped: type conflict"] += 1
            continue
        if cs == co:
            stats["fact dropped: same entity"] += 1
            continue
        s, o = (co, cs) if rev else (cs, co)
        evidence = passages[subj[0]]
        both_names = is_name(subj[3]) and is_name(obj[3])
        k = (s, rel, o)
        if k in triples:  # CEO and EMPLOYEE_OR_MEMBER_OF give one worksFor; keep the role
            attrs = {**triples[k][2], **attrs}
            if not both_names or triples[k][1]:
                triples[k] = (triples[k][0], triples[k][1], attrs)
                continue
        triples[k] = (evidence, both_names, attrs)
    if not triples:
        return None
    # the article
    parts, last_end = [], None
    for (a, b), text in sorted(passages.items()):
        if last_end is not None and a < last_end:
            continue  # overlapping passage
        parts.append(("" if last_end is None else (" " if a - last_end <= 1 else "\n\n")) + text)
        last_end = b
    body = "".join(parts)
    # names can collide: two clusters with one canonical name -> disambiguate by suffix
    names, seen = {}, collections.Counter()
    used = {c for k in triples for c in (k[0], k[2])} | set(type_of)
    rows = []
    for c in sorted(used, key=lambda c: entity_of[c]):
        name = entity_of[c]
        aliases = sorted(f for f in forms[c] if f in body)
        if name not in body or not aliases:
            continue
        seen[name] += 1
        if seen[name] > 1:
            stats["entity name collision (second dropped)"] += 1
            continue
        names[c] = name
        rows.append({"entity": name, "type": type_of[c], "aliases": aliases})
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    count = 0
    for (s, rel, o), (evidence, _, attrs) in sorted(triples.items(), key=lambda kv: (entity_of[kv[0][0]], kv[0][1], entity_of[kv[0][2]])):
        if s not in names or o not in names or evidence not in body:
            stats["fact dropped: entity not declarable"] += 1
            continue
        lines.append(json.dumps({"s": names[s], "p": rel, "o": names[o], "attrs": dict(attrs), "optional": False,
                                 "evidence": evidence}, ensure_ascii=False))
        count += 1
    if not count:
        return None
    return body, lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("repo", type=Path)
    ap.add_argument("--out", type=Path, default=Path("/work/data/external/knowledgenet"))
    ap.add_argument("--max-docs", type=int, default=600)
    args = ap.parse_args(argv)
    data = read_bytes(args.repo, ZIP)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        member = next(n for n in z.namelist() if n.endswith(".html") and not n.startswith("__MACOSX"))
        html = z.read(member).decode("utf-8")
    stats = collections.Counter()
    rows = list(parse_rows(html))
    stats["rows"] = len(rows)
    docs = build(rows, stats)
    stats["documents in source"] = len(docs)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in list(args.out.glob("en_knowledgenet_*")):
        old.unlink()
    commit = commit_of(args.repo)
    written = []
    candidates = 0
    for doc in sorted(docs):
        result = convert_doc(doc, *docs[doc], stats)
        if not result:
            continue
        candidates += 1
        if len(written) >= args.max_docs:
            continue
        body, lines = result
        for line in lines:
            row = json.loads(line)
            if "p" in row:
                stats["triples " + row["p"] + (" (role CEO)" if row["attrs"].get("role") == "CEO" else "")] += 1
        name = f"en_knowledgenet_{doc:05d}"
        footer = "\n".join([
            f"source: KnowledgeNet (Diffbot), document {doc}, passages as given in {ZIP}"
            " (sentences of the document that KnowledgeNet annotated; other text of the document is not included)",
            f"url: {URL}",
            "license: CC BY-SA 4.0",
            f"date: 2019 (dataset release; repository commit {commit})",
            "attribution: Mesquita, Cannaviccio, Schmidek, Mirza, Barbosa: KnowledgeNet: A Benchmark Dataset for"
            " Knowledge Base Population (EMNLP 2019), Diffbot; underlying text from Wikipedia (DBpedia abstracts)"
            " and web pages as collected by KnowledgeNet",
            "converted: scripts/convert_knowledgenet.py (techkg)",
        ])
        (args.out / f"{name}.txt").write_text(f"KnowledgeNet document {doc}\n\n{body}\n----\n{footer}\n",
                                              encoding="utf-8")
        (args.out / f"{name}.gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(doc)
    stats["documents with a mapped fact"] = candidates
    stats["documents written"] = len(written)
    if written:
        stats["first/last document id"] = f"{written[0]}/{written[-1]}"
    (args.out / "LICENSE").write_text(license_text(commit, written, candidates, stats), encoding="utf-8")
    (args.out / "RELATIONS").write_text("worksFor founded owns\n", encoding="utf-8")  # all it annotates
    for k in sorted(stats):
        print(f"{k}: {stats[k]}")


def license_text(commit, written, candidates, stats):
    doc = __doc__
    counts = "\n".join(f"    {k}: {stats[k]}" for k in sorted(stats) if k.startswith("triples "))
    return f"""KnowledgeNet, converted to techkg gold format
=============================================

Source     : {URL} (file {ZIP}, commit {commit})
Licence    : Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
             https://creativecommons.org/licenses/by-sa/4.0/ (dataset/LICENSE-DATASET of the repository).
             These converted files are an adaptation and are shared under the same licence.
Attribution: Filipe Mesquita, Matteo Cannaviccio, Jordan Schmidek, Paramita Mirza, Denilson Barbosa.
             KnowledgeNet: A Benchmark Dataset for Knowledge Base Population. EMNLP-IJCNLP 2019. Diffbot.
             The passages come from Wikipedia (DBpedia abstracts) and web pages collected by KnowledgeNet.
Changes    : parsed the human-readable table; kept documents with at least one mapped fact
             ({candidates} such documents, {len(written)} written: the first by numeric document id);
             each article holds the document's annotated passages only (not the full document, which
             train.json would give), titled "KnowledgeNet document N".

IMPORTANT  : KnowledgeNet annotates positives only, and each passage only for some properties. Pairs
             of entities in a passage without a triple here are NOT annotated negatives (the other
             relations of techkg, e.g. acquires or develops, were never annotated at all). Precision
             measured on this folder is therefore a lower bound; recall is the meaningful figure.

Triples written (the other counts of the conversion, printed by the script, are over all
documents of the source, before the cut to the first documents):
{counts}

Conversion (from scripts/convert_knowledgenet.py):
{doc}"""


if __name__ == "__main__":
    sys.exit(main())
