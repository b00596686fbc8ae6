"""A build killed halfway (SIGKILL, no clean-up) resumes: the next build gives the store a clean build gives.

Against the embedded store (one transaction per article) and against a real Oxigraph server, where a
large article is sent in several requests with its content hash last.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

from conftest import run_kg
from test_scale import RELATIONS_QUERY

BIG_ID = "big"
COMPANIES = ["SAP", "Siemens", "Microsoft", "Nvidia", "OpenAI", "Google", "Amazon", "Meta", "Apple", "Intel"]
SENTENCES = [
    "{a} investiert in das Start-up {b}.",
    "{a} kooperiert mit dem Start-up {b}.",
    "{a} übernimmt das Start-up {b}.",
]


def sentence(i: int) -> str:
    letters = "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in str(i))
    return SENTENCES[i % 3].format(a=COMPANIES[i % 10], b=f"Quill{letters}")


def corpus(path, articles: int = 40, big_sentences: int = 1800) -> None:
    """JSONL: small articles, one article large enough to need several requests, more small ones."""
    lines = []
    for n in range(articles):
        if n == 5:
            text = " ".join(sentence(i) for i in range(big_sentences))
            lines.append({"id": BIG_ID, "title": "A long one", "text": text, "date": "2024-03-01"})
        text = " ".join(sentence(n + i) for i in range(4))
        lines.append({"id": f"a{n}", "title": f"Article {n}", "text": text, "date": "2024-03-02"})
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")


def start_build(source, store, out, *options):
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(source), "--store", str(store), "--out",
                             str(out), "--lang", "de", *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                if text.encode() in cmdline.read():
                    found.append(int(entry))
        except (OSError, ValueError):
            continue
    return found


def ask(store, sparql: str) -> bool:
    return run_kg("query", sparql, "--store", store).stdout.strip() == "true"


def kill_when(process, condition, seconds: float = 300) -> bool:
    """SIGKILL ``process`` as soon as ``condition()`` holds; False if the build ended first."""
    deadline = time.time() + seconds
    while time.time() < deadline and process.poll() is None:
        if condition():
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.02)
    process.kill()
    process.wait()
    return False


def rows(store, sparql: str) -> set:
    out = run_kg("query", sparql, "--store", store, "--format", "json", check=True).stdout
    return {tuple(sorted((k, v["value"]) for k, v in b.items())) for b in json.loads(out)["results"]["bindings"]}


# blank nodes (in the ontology's OWL axioms) get new labels in every store, so they are left out
GRAPH_CONTENT = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && isIRI(?g) && !isBlank(?o)) }"
DEFAULT_CONTENT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?s) && !isBlank(?o)) }"


def test_killed_remote_build_resumes(oxigraph_server, tmp_path):
    source = tmp_path / "corpus.jsonl"
    corpus(source)
    partial = (f"ASK {{ GRAPH <https://w3id.org/techkg/article/{BIG_ID}> {{ ?s ?p ?o }} "
               f"FILTER NOT EXISTS {{ GRAPH <https://w3id.org/techkg/article/{BIG_ID}> {{ ?a tkg:contentHash ?h }} }} }}")
    build = start_build(source, oxigraph_server, tmp_path / "o1")
    # killed while the large article is half sent: its graph is there, its content hash is not
    assert kill_when(build, lambda: ask(oxigraph_server, partial)), "the build finished before it could be killed"
    assert ask(oxigraph_server, partial)

    again = run_kg("build", source, "--store", oxigraph_server, "--out", tmp_path / "o1", "--lang", "de", check=True)
    assert "(36 new, 0 changed, 5 unchanged)" in again.stdout  # the five written before are not sent again
    assert not ask(oxigraph_server, partial)

    clean = tmp_path / "clean"
    run_kg("build", source, "--store", clean, "--out", tmp_path / "o2", "--lang", "de", check=True)
    assert rows(oxigraph_server, GRAPH_CONTENT) == rows(clean, GRAPH_CONTENT)
    assert rows(oxigraph_server, DEFAULT_CONTENT) == rows(clean, DEFAULT_CONTENT)
    assert rows(oxigraph_server, RELATIONS_QUERY) == rows(clean, RELATIONS_QUERY)


def test_killed_embedded_build_resumes(tmp_path):
    """Killed with two worker processes running: they exit too, and the next build completes the store."""
    source = tmp_path / "corpus.jsonl"
    corpus(source, articles=400, big_sentences=10)
    store = tmp_path / "store"
    build = start_build(source, store, tmp_path / "o1", "--workers", "2")
    articles = "SELECT (COUNT(*) AS ?n) WHERE { ?a a tkg:Article }"

    def some_written() -> bool:
        result = run_kg("query", articles, "--store", store, "--format", "csv")
        return result.returncode == 0 and int(result.stdout.split()[-1]) >= 30

    assert kill_when(build, some_written), "the build finished before it could be killed"
    # its worker processes notice and exit instead of waiting for work forever
    deadline = time.time() + 15
    while processes_mentioning(str(store)) and time.time() < deadline:
        time.sleep(0.2)
    assert not processes_mentioning(str(store))
    run_kg("build", source, "--store", store, "--out", tmp_path / "o1", "--lang", "de", check=True)
    clean = tmp_path / "clean"
    run_kg("build", source, "--store", clean, "--out", tmp_path / "o2", "--lang", "de", check=True)
    assert nquads(store) == nquads(clean)


def nquads(store) -> list[str]:
    """The store's N-Quads, blank node labels (new in every store) blanked out."""
    dump = run_kg("export", "--store", store, "--format", "nquads", check=True).stdout
    return sorted(re.sub(r"_:[0-9a-f]+", "_:b", line) for line in dump.splitlines())
