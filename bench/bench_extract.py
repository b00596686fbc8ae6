"""Extraction throughput: articles per second per core on ~500-word articles, trained vs rules.

Run: python bench/bench_extract.py [N]   (default 200 articles; German and English, from examples/)
Reports, in the same process and on the same texts: the default ``trained`` extractor, the ``rules``
extractor (the baseline the trained one must stay within half of), and plain sentence splitting (the
cheapest pass any extractor makes), alternating article by article so that machine load hits both alike; then the
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


def timed(fn, items, clock=time.perf_counter) -> float:
    start = clock()
    for text, lang in items:
        fn(text, lang)
    return clock() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    items = corpus(n)
    for name in ("trained", "rules"):  # warm caches (gazetteer, patterns, models, language model)
        extract_text(items[0][0], lang=items[0][1], extractor=name)
    # article by article, trained then rules: whatever else the machine runs hits both alike
    trained, rules = [0.0, 0.0], [0.0, 0.0]  # wall clock, CPU time of this process
    rounds = []
    for _ in range(5):
        cpu_t = cpu_r = 0.0
        for text, lang in items:
            for name, sums in (("trained", trained), ("rules", rules)):
                wall, cpu = time.perf_counter(), time.process_time()
                extract_text(text, lang=lang, extractor=name)
                sums[0] += time.perf_counter() - wall
                spent = time.process_time() - cpu
                sums[1] += spent
                if name == "trained":
                    cpu_t += spent
                else:
                    cpu_r += spent
        rounds.append(cpu_r / cpu_t)
    base = [timed(lambda t, l: split_sentences(t, l), items) for _ in range(3)]
    t, r, b = trained[0] / 5, rules[0] / 5, statistics.median(base)
    print(f"articles: {n} x 500 words (German and English), --lang given; 5 rounds, trained and rules "
          "alternating article by article")
    print(f"trained extractor (default): {n / t:8.1f} articles/s per core")
    print(f"rules extractor:             {n / r:8.1f} articles/s per core")
    print(f"sentence splitting only:     {n / b:8.1f} articles/s")
    print(f"trained / rules speed: {r / t:.2f}x wall clock (the aim: at least 0.5x)")
    # the CPU time of this process: other processes on the machine move it less than the wall clock
    print(f"trained / rules speed: {rules[1] / trained[1]:.2f}x CPU time (rounds {min(rounds):.2f}-{max(rounds):.2f})")
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
