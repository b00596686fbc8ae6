"""Build throughput with 1 and 2 worker processes on a synthetic German/English corpus.

Run: python bench/bench_build.py [ARTICLES]   (default 400)
The corpus is generated from templates and entity lists (bench/bench_stream.py); each build starts from
an empty store in the same run, so the two numbers compare directly.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stream import make_corpus  # noqa: E402

from kg.api import build  # noqa: E402


def main() -> None:
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    folder = Path(tempfile.mkdtemp())
    corpus = folder / "corpus.jsonl"
    articles = make_corpus(corpus, max(1, wanted * 2000 // 1_000_000)) if wanted > 500 else None
    if articles is None:  # a small corpus: cut the 1 MB one to size
        make_corpus(folder / "all.jsonl", 1)
        lines = (folder / "all.jsonl").read_text(encoding="utf-8").splitlines()[:wanted]
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        articles = len(lines)
    rates = {}
    for workers in (1, 2):
        start = time.perf_counter()
        report = build([corpus], store=folder / f"store{workers}", out=None, workers=workers)
        seconds = time.perf_counter() - start
        rates[workers] = report.articles / seconds
        print(f"{workers} worker(s): {report.articles} articles in {seconds:.1f} s = {rates[workers]:.1f} articles/s",
              flush=True)
    print(f"speed-up with 2 workers: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
