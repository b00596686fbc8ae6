"""Start-up of the commands a user runs most: `kg --help` and `kg query` on a small store (issue 16, item 15).

Run: python bench/bench_startup.py [RUNS]   (default 5)
Each command runs RUNS times in a fresh process; the median wall-clock time is printed, with whether the
process imported pyvis or IPython (read from ``python -X importtime``): neither should be, only `kg html`
and `kg build` draw. The aim is under 0.5 s for both.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], runs: int) -> tuple[float, set[str]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    trace = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", *args], capture_output=True, text=True)
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in trace.stderr.splitlines() if "|" in line}
    return statistics.median(times), imported & {"pyvis", "IPython"}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    folder = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "examples" / "articles"), "--store",
                    str(folder / "store"), "--out", str(folder / "out"), "--no-html"], check=True, capture_output=True)
    for name, args in (("kg --help", ["--help"]),
                       ("kg query", ["query", "ASK { ?s ?p ?o }", "--store", str(folder / "store")])):
        seconds, heavy = timed(args, runs)
        print(f"{name}: median {seconds:.2f} s over {runs} runs; imports {', '.join(sorted(heavy)) or 'neither pyvis nor IPython'}")


if __name__ == "__main__":
    main()
