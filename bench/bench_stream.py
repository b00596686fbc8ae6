"""Memory while streaming a large JSONL corpus through kg build: resident memory over the run.

Run: python bench/bench_stream.py [--workers N] [--news] [MB ...]   (default 20 80; the 1 GB run: ... 1000)
Articles are dense by default (30 relation sentences of ~70 characters each, ~2.2 KB); ``--news`` makes
them shaped like news instead: ~3.5 KB of which 4 sentences state a relation and the rest are the
context, quotes and figures an article carries (names in them, no relation).
Each size runs `kg build` in a fresh process. Every 5,000 articles it prints the articles done, the
megabytes of input behind them, and the resident memory (RSS) of the writing process and of its worker
processes, read from /proc at that moment; at the end the peak RSS (ru_maxrss) of the writer and of the
largest worker. Flat memory means these numbers do not grow with the corpus.
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
FILLER = [
    "Der Umsatz von {a} stieg im dritten Quartal um {n} Prozent, teilte das Unternehmen in Berlin mit.",
    "Analysten hatten mit einem geringeren Wachstum gerechnet, die Aktie legte am Nachmittag leicht zu.",
    "\"Wir sehen eine starke Nachfrage in Europa\", sagte eine Sprecherin am Dienstag.",
    "The company reported revenue of {n} million dollars for the quarter, ahead of expectations.",
    "Shares of {a} rose {n} percent in early trading in New York on Thursday.",
    "The deal still needs approval from regulators in the European Union and the United States.",
    "According to people familiar with the matter, talks had been going on for several months.",
    "Die Gewerkschaft kritisierte die Pläne und kündigte Gespräche mit dem Betriebsrat an.",
]
NAMES = ["Nordwerk", "Quillbyte", "Zephyrion", "Altavia", "Brightcore", "Kitemark", "Lumora", "Vantix"]

CHILD = r'''
import os, resource, sys, time
from kg.api import build

def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) // 1024
    except (OSError, StopIteration):
        return 0

def children():
    try:
        with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []

started = time.perf_counter()
bytes_per_article = float(sys.argv[3])

def progress(done, total):
    if done % 5000 == 0 or done == total:
        workers = [rss(p) for p in children()]
        print(f"  {done:>7} articles ({done * bytes_per_article / 1e6:6.0f} MB) {time.perf_counter() - started:7.0f} s: "
              f"writer RSS {rss(os.getpid())} MiB, workers {workers} MiB", file=sys.stderr, flush=True)

r = build([sys.argv[1]], store=sys.argv[2], out=None, workers=int(sys.argv[4]), progress=progress)
print(r.articles, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
'''


def make_corpus(path: Path, megabytes: int, news: bool = False) -> int:
    rng = random.Random(1)
    written = count = 0

    def sentence(templates):
        return rng.choice(templates).format(a=rng.choice(NAMES), b=rng.choice(NAMES), n=rng.randint(2, 900))

    with open(path, "w", encoding="utf-8") as out:
        while written < megabytes * 1_000_000:
            if news:
                parts = [sentence(FILLER) for _ in range(36)]
                for _ in range(4):
                    parts.insert(rng.randrange(len(parts)), sentence(SENTENCES))
                text = " ".join(parts)
            else:
                text = " ".join(sentence(SENTENCES) for _ in range(30))
            line = json.dumps({"id": f"a{count}", "title": f"Article {count}", "text": text, "date": "2024-01-01"}) + "\n"
            out.write(line)
            written += len(line.encode())
            count += 1
    return count


def main() -> None:
    args = sys.argv[1:]
    workers, news = 1, False
    while args[:1] in (["--workers"], ["--news"]):
        if args[0] == "--news":
            news, args = True, args[1:]
        else:
            workers, args = int(args[1]), args[2:]
    sizes = [int(a) for a in args] or [20, 80]
    for megabytes in sizes:
        folder = Path(tempfile.mkdtemp())
        corpus = folder / "corpus.jsonl"
        articles = make_corpus(corpus, megabytes, news)
        print(f"{megabytes} MB JSONL ({'news-shaped' if news else 'dense'}), {articles} articles, {workers} worker(s):",
              flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(folder / "store"),
                                 str(corpus.stat().st_size / articles), str(workers)],
                                stdout=subprocess.PIPE, text=True, check=True)
        seconds = time.perf_counter() - started
        done, writer_kib, worker_kib = map(int, result.stdout.split())
        print(f"{megabytes} MB JSONL, {articles} articles, {workers} worker(s): peak RSS writer {writer_kib / 1024:.0f} MiB, "
              f"largest worker {worker_kib / 1024:.0f} MiB; {done / seconds:.0f} articles/s, {seconds:.0f} s", flush=True)


if __name__ == "__main__":
    main()
