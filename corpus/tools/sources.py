#!/usr/bin/env python3
"""Write ``corpus/SOURCES.md`` from the provenance footers: one row per article (source, URL, licence,
date, attribution), grouped by split. Run after adding articles: ``python3 corpus/tools/sources.py``."""
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent


def footer(path: Path) -> dict:
    fields = {}
    for line in path.read_text(encoding="utf-8").split("\n----\n", 1)[1].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().isidentifier() and key.strip() not in fields:
            fields[key.strip()] = value.strip()
    return fields


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main():
    out = ["# Sources of the corpus", "",
           "One row per article: where its text comes from, under which licence, and whom to credit. Texts are",
           "unchanged excerpts of the sources (navigation, captions and reference markers removed; see each",
           "article's footer for cuts). Wikipedia texts: CC BY-SA, by Wikipedia contributors (the article's",
           "history at its URL lists them); VOA: public domain (U.S. government work); Wikinews: CC BY 2.5.", ""]
    for split in ("train", "dev", "test"):
        paths = sorted((CORPUS / split).glob("*.txt"))
        out += [f"## {split} ({len(paths)} articles)", "", "| article | source | url | license | date | attribution |",
                "|---|---|---|---|---|---|"]
        for path in paths:
            f = footer(path)
            out.append("| " + " | ".join(cell(x) for x in (path.name[:-4], f.get("source", ""), f.get("url", ""),
                                                              f.get("license", ""), f.get("date", ""),
                                                              f.get("attribution", ""))) + " |")
        out.append("")
    (CORPUS / "SOURCES.md").write_text("\n".join(out), encoding="utf-8")
    print("wrote", CORPUS / "SOURCES.md")


if __name__ == "__main__":
    main()
