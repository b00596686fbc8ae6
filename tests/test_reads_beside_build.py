"""Read-only commands beside a running build (issue 16, item 5): `kg query`, `kg stats`, `kg export` and `kg html` in a
second process, in a loop, while `kg build` writes a few hundred articles into the same store (read
directly, about one read in twenty died with RocksDB's `Corruption ... .sst: No such file`); and `kg serve`,
whose workers read checkpoints, sees what a later build wrote."""
from __future__ import annotations

import subprocess
import sys
import time
import urllib.parse
import urllib.request

from conftest import ROOT, kg_served, run_kg

sys.path.insert(0, str(ROOT / "bench"))

from bench_stream import make_corpus  # noqa: E402

READS = (("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), ("stats", "--json"), ("export", "--format", "nquads"),
         ("html", "-o", "beside.html"))


def test_reads_beside_a_build_never_fail(tmp_path):
    make_corpus(tmp_path / "all.jsonl", 1)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()[:300]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store),
                              "--out", str(tmp_path / "out"), "--no-html"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    failures, reads, started = [], 0, time.time()
    try:
        while not (store / "CURRENT").exists() and build.poll() is None and time.time() - started < 60:
            time.sleep(0.05)
        while build.poll() is None and time.time() - started < 90:
            args = READS[reads % len(READS)]
            result = run_kg(*args, "--store", store, cwd=tmp_path)
            reads += 1
            if result.returncode != 0:
                failures.append(f"kg {args[0]}: {result.stderr.strip()}")
    finally:
        if build.poll() is None:
            build.kill()
        _, errors = build.communicate(timeout=60)
    assert build.returncode == 0, errors
    assert reads >= 6, f"only {reads} reads overlapped the build"
    assert failures == [], f"{len(failures)} of {reads} reads failed: {failures[:3]}"
    assert not list(tmp_path.glob(".store.read-*")), "a reader left its checkpoint behind"
    # the store the build wrote is whole: every article counted
    assert '"articles": 300' in run_kg("stats", "--json", "--store", store, check=True).stdout


def test_kg_serve_sees_a_later_build(fresh):
    articles = fresh / "articles"
    later = fresh / "later"
    later.mkdir()
    for path in sorted(articles.glob("*.txt"))[:2]:
        path.rename(later / path.name)
    store = fresh / "store"
    run_kg("build", articles, "--store", store, "--out", fresh / "out", "--no-html", check=True)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a tkg:Article }"
    with kg_served(store) as (base, _):
        before = _count(base, count)
        run_kg("build", articles, later, "--store", store, "--out", fresh / "out", "--no-html", check=True)
        assert _count(base, count) == before + 2
    assert not list(fresh.glob(".store.read-*"))


def _count(base: str, sparql: str) -> int:
    request = urllib.request.Request(base + "?query=" + urllib.parse.quote(sparql), headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.read().decode().split()[1])
