"""Extraction throughput: articles per second per core on ~500-word articles, trained vs rules.

Run: python bench/bench_extract.py [N]   (default 200 articles; German and English, from examples/)
Reports, in the same process and on the same texts: the default ``trained`` extractor, the ``rules``
extractor (the baseline the trained one must stay within half of), and plain sentence splitting (the
cheapest pass any extractor makes), alternating runs so that machine load hits both alike; then the
trained extractor on one article of 1x, 4x and 16x the length (time per word should stay flat: linear).
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
    for name in ("trained", "rules"):  # warm caches (gazetteer, patterns, models, language model)
        extract_text(items[0][0], lang=items[0][1], extractor=name)
    trained, rules = [], []
    for _ in range(3):
        trained.append(timed(lambda t, l: extract_text(t, lang=l, extractor="trained"), items))
        rules.append(timed(lambda t, l: extract_text(t, lang=l, extractor="rules"), items))
    base = [timed(lambda t, l: split_sentences(t, l), items) for _ in range(3)]
    t, r, b = statistics.median(trained), statistics.median(rules), statistics.median(base)
    print(f"articles: {n} x 500 words (German and English), --lang given, median of 3 alternating runs")
    print(f"trained extractor (default): {n / t:8.1f} articles/s per core")
    print(f"rules extractor:             {n / r:8.1f} articles/s per core")
    print(f"sentence splitting only:     {n / b:8.1f} articles/s")
    print(f"trained / rules speed: {r / t:.2f}x (the aim: at least 0.5x)")
    text, lang = items[0]
    print("length scaling of the trained extractor (one article, s per 1,000 words):")
    for factor in (1, 4, 16):
        long = " ".join([text] * factor)
        start = time.perf_counter()
        extract_text(long, lang=lang, extractor="trained")
        seconds = time.perf_counter() - start
        print(f"  {500 * factor:6} words: {seconds:7.3f} s, {seconds / factor * 2:.4f} s per 1,000 words")


if __name__ == "__main__":
    main()
