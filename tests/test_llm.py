"""The llm extractor end to end against a real loopback HTTP server that speaks the chat completions
protocol and answers from recorded responses (tests/llm/responses.json)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import run_kg
from llm_server import LlmServer

ARTICLES = {
    "zephyrion.txt": "Zephyrion buys Quillbyte\n\nZephyrion acquired the startup Quillbyte for $40 million. "
                     "Mara Quell, chief executive of Zephyrion, announced the deal.",
    "fenced.txt": "Fencedcorp partners with Partnerly on chips. The deal is small.",
    "truncated.txt": "Truncatia invests in Cutoff Labs. More news later.",
    "invented.txt": "Inventix likes Otherco a lot. Nothing else happened.",
    "ratelimit.txt": "Ratelimitia supplies Buyerco with sensors. Both are small.",
    "slow.txt": "Slowpoke develops the Snailphone. It is slow.",
    "smuggle.txt": "Smugglr is owned by <img src=x onerror=alert(1)> says the text. Smugglr owns Nicecorp outright.",
    "schemaless.txt": "Schemaless sued Plaintiffco in Berlin. The case is open.",
}


@pytest.fixture
def server():
    with LlmServer() as running:
        yield running


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def kg_llm(server, tmp_path, *args, key="sekrit-key-123", **kwargs):
    env = {"KG_CACHE": str(tmp_path / "cache"), "KG_LLM_URL": server.url, "KG_LLM_MODEL": "test-model",
           "KG_LLM_API_KEY": key}
    return run_kg(*args, env=env, **kwargs)


def rows(store, query):
    out = run_kg("query", query, "--store", store, "--format", "json", check=True).stdout
    return json.loads(out)["results"]["bindings"]


def test_build_with_llm_validates_retries_caches(server, corpus, tmp_path):
    store = tmp_path / "store"
    result = kg_llm(server, tmp_path, "build", corpus, "--extractor", "llm", "--store", store, "--out", tmp_path / "o",
                    "--llm-timeout", "1.5", "--verbose")
    assert result.returncode == 0, result.stderr
    assert "sekrit-key-123" not in result.stdout + result.stderr
    assert all(auth == "Bearer sekrit-key-123" for auth in server.recorder.auth)
    err = result.stderr
    for reason in ("unknown relation", "entity not in text", "evidence not a sentence of the article",
                   "wrong domain or range", "bad label"):
        assert reason in err, reason
    found = {(r["s"]["value"].rsplit("/", 1)[-1], r["p"]["value"].rsplit("#", 1)[-1], r["o"]["value"].rsplit("/", 1)[-1])
             for r in rows(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o . ?p rdfs:subPropertyOf tkg:relation }")}
    assert ("Zephyrion", "acquires", "Quillbyte") in found          # well-formed JSON
    assert ("Mara_Quell", "worksFor", "Zephyrion") in found
    assert ("Fencedcorp", "collaboratesWith", "Partnerly") in found  # fenced, trailing comma
    assert ("Truncatia", "investsIn", "Cutoff_Labs") in found       # truncated list
    assert ("Ratelimitia", "supplies", "Buyerco") in found          # 429 then success
    assert ("Slowpoke", "develops", "Snailphone") in found          # time-out then success
    assert ("Schemaless", "sues", "Plaintiffco") in found           # no json_schema support
    assert ("Smugglr", "owns", "Nicecorp") in found
    assert not any("Ghostcorp" in t[2] or "img" in "".join(t).lower() for t in found)
    assert len([t for t in found if t[0] == "Inventix"]) == 1        # only the valid competesWith
    assert server.recorder.calls["Ratelimitia"] == 2 and server.recorder.calls["Slowpoke"] == 2
    assert any("response_format" in b for b in server.recorder.bodies)

    mention = rows(store, """SELECT ?ev ?ex ?b ?e WHERE { ?m rdf:subject ent:Zephyrion ; rdf:predicate tkg:acquires ;
                              tkg:evidence ?ev ; tkg:extractor ?ex ; tkg:startOffset ?b ; tkg:endOffset ?e }""")[0]
    text = ARTICLES["zephyrion.txt"]
    assert mention["ex"]["value"] == "llm:test-model"
    assert text[int(mention["b"]["value"]):int(mention["e"]["value"])] == mention["ev"]["value"]

    turtle = run_kg("export", "--store", store, "--format", "turtle", check=True).stdout
    from rdflib import Graph
    assert len(Graph().parse(data=turtle, format="turtle")) > 50

    # rebuild: nothing changed, nothing sent; a fresh store from the same corpus: all from the cache
    before = server.recorder.total()
    kg_llm(server, tmp_path, "build", corpus, "--extractor", "llm", "--store", store, "--out", tmp_path / "o", check=True)
    again = kg_llm(server, tmp_path, "build", corpus, "--extractor", "llm", "--store", tmp_path / "store2",
                   "--out", tmp_path / "o2", check=True)
    assert server.recorder.total() == before
    assert "0 requests" in again.stderr and "cached" in again.stderr

    cleared = kg_llm(server, tmp_path, "cache", "--clear", check=True)
    assert "removed" in cleared.stdout
    kg_llm(server, tmp_path, "build", corpus, "--extractor", "llm", "--store", tmp_path / "store3",
           "--out", tmp_path / "o3", check=True)
    assert server.recorder.total() > before


def test_dry_run_spends_nothing(server, corpus, tmp_path):
    result = kg_llm(server, tmp_path, "build", corpus, "--extractor", "llm", "--store", tmp_path / "s",
                    "--out", tmp_path / "o", "--dry-run", check=True)
    assert "8 LLM requests" in result.stdout and "prompt tokens" in result.stdout
    assert server.recorder.total() == 0
    assert not (tmp_path / "s").exists() and not (tmp_path / "o").exists()


def test_rules_and_llm_agree(server, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "agree.txt").write_text("Agreeco news\n\nMicrosoft partners with OpenAI on Agreeco chips.",
                                      encoding="utf-8")
    result = kg_llm(server, tmp_path, "extract", folder / "agree.txt", "--extractor", "rules+llm", check=True)
    triple = json.loads(result.stdout.splitlines()[0])
    assert (triple["s"], triple["p"], triple["o"]) == ("Microsoft", "collaboratesWith", "OpenAI")
    assert triple["extractor"] == "rules+llm:test-model"
    assert triple["confidence"] > 0.85


def test_no_server_is_one_clear_line(tmp_path, corpus):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"KG_CACHE": str(tmp_path / "cache"), "KG_LLM_API_KEY": "sekrit-key-123"}
    result = run_kg("build", corpus, "--extractor", "llm", "--llm-url", f"http://127.0.0.1:{port}/v1",
                    "--llm-model", "m", "--store", tmp_path / "s", env=env)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot reach the LLM endpoint" in result.stderr
    assert "sekrit" not in result.stderr and "Traceback" not in result.stderr


def test_default_build_opens_no_connection(tmp_path, corpus):
    code = ("import socket, sys\n"
            "def refuse(*a, **k): raise SystemExit('network used')\n"
            "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
            "from kg.api import build\n"
            f"build([{str(corpus)!r}], store={str(tmp_path / 's')!r}, out={str(tmp_path / 'o')!r})\n"
            "assert 'kg.llm.client' not in sys.modules\nprint('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "ok", result.stderr
