"""Extraction throughput: articles per second per core on ~500-word articles.

Run: python bench/bench_extract.py [N]   (default 200 articles; German and English, from examples/)
Reports the rules extractor against a baseline in the same process: plain sentence splitting of the
same texts (the cheapest pass any extractor must make), as a ratio.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from kg.api import extract_text
from kg.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[tuple[str, str]]:
    texts = []
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")) + sorted((ROOT / "examples" / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        words = text.split()
        while len(words) < 500:
            words += text.split()
        german = path.stem.startswith("de_") or path.stem.endswith("_de")
        texts.append((" ".join(words[:500]), "de" if german else "en"))
    return [texts[i % len(texts)] for i in range(n)]


def timed(fn, items) -> float:
    start = time.perf_counter()
    for text, lang in items:
        fn(text, lang)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    items = corpus(n)
    extract_text(items[0][0], lang=items[0][1])  # warm caches (gazetteer, patterns, language model)
    runs = [timed(lambda t, l: extract_text(t, lang=l), items) for _ in range(3)]
    base = [timed(lambda t, l: split_sentences(t, l), items) for _ in range(3)]
    auto = timed(lambda t, l: extract_text(t), items)
    rules = statistics.median(runs)
    print(f"articles: {n} x 500 words (German and English)")
    print(f"rules extractor, --lang given: {n / rules:8.1f} articles/s per core (median of 3)")
    print(f"rules extractor, language detected: {n / auto:8.1f} articles/s per core")
    print(f"baseline sentence splitting only: {n / statistics.median(base):8.1f} articles/s")
    print(f"ratio extractor / baseline time: {rules / statistics.median(base):.1f}x")


if __name__ == "__main__":
    main()
