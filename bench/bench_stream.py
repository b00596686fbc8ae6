"""Memory while streaming a large JSONL corpus through kg build: peak RSS at two corpus sizes.

Run: python bench/bench_stream.py [--workers N] [MB ...]   (default 20 80; a 1 GB run: python bench/bench_stream.py 1000)
Each size runs `kg build` in a fresh process and reports its peak resident memory (ru_maxrss) and
articles per second; flat memory means the peak does not grow with the corpus.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "{a} übernimmt das Start-up {b} für {n} Millionen Euro.",
    "{a} invests in the startup {b}, the companies said on Monday.",
    "{a}-Chef Max Mustermann kündigte eine Partnerschaft mit {b} an.",
    "{a} competes with rivals such as {b} and Intel.",
    "Der Zulieferer {b} beliefert {a} mit Chips.",
]
NAMES = ["Nordwerk", "Quillbyte", "Zephyrion", "Altavia", "Brightcore", "Kitemark", "Lumora", "Vantix"]


def make_corpus(path: Path, megabytes: int) -> int:
    rng = random.Random(1)
    written = count = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < megabytes * 1_000_000:
            text = " ".join(rng.choice(SENTENCES).format(a=rng.choice(NAMES), b=rng.choice(NAMES), n=rng.randint(2, 900))
                            for _ in range(30))
            line = json.dumps({"id": f"a{count}", "title": f"Article {count}", "text": text, "date": "2024-01-01"}) + "\n"
            out.write(line)
            written += len(line.encode())
            count += 1
    return count


def main() -> None:
    args = sys.argv[1:]
    workers = 1
    if args[:1] == ["--workers"]:
        workers, args = int(args[1]), args[2:]
    sizes = [int(a) for a in args] or [20, 80]
    for megabytes in sizes:
        folder = Path(tempfile.mkdtemp())
        corpus = folder / "corpus.jsonl"
        articles = make_corpus(corpus, megabytes)
        started = time.perf_counter()
        code = ("import resource, sys\nfrom kg.api import build\n"
                f"r = build([{str(corpus)!r}], store={str(folder / 'store')!r}, out=None, workers={workers})\n"
                "print(r.articles, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
        done, peak_kib = map(int, result.stdout.split())
        print(f"{megabytes} MB JSONL, {articles} articles, {workers} worker(s): peak RSS {peak_kib / 1024:.0f} MiB "
              f"(the writing process), {done / seconds:.0f} articles/s, {seconds:.0f} s", flush=True)


if __name__ == "__main__":
    main()
