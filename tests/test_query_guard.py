"""Queries that used to crash the process or make it connect elsewhere: refused with one line, both in
`kg query` and in `kg serve` (which keeps serving), and SERVICE opens no connection."""
from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import kg_served, run_kg

DEEP_GROUPS = "ASK " + "{" * 3000 + "}" * 3000
DEEP_BRACKETS = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 50_000 + "1" + ")" * 50_000 + ") }"


@pytest.fixture
def listener():
    """A loopback socket that records whether anything connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    sock.settimeout(0.5)
    yield sock
    sock.close()


def _connected(sock) -> bool:
    try:
        conn, _ = sock.accept()
    except OSError:
        return False
    conn.close()
    return True


@pytest.mark.parametrize("sparql, needle", [(DEEP_GROUPS, "nests 3000 levels"), (DEEP_BRACKETS, "nests 50002 levels")])
def test_kg_query_refuses_deep_nesting_in_one_line(built, sparql, needle, tmp_path):
    query_file = tmp_path / "deep.rq"
    query_file.write_text(sparql, encoding="utf-8")
    result = run_kg("query", "-f", query_file, "--store", built / "store")
    assert result.returncode == 1, result.stderr
    assert needle in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_kg_query_refuses_service_and_connects_nowhere(built, listener):
    port = listener.getsockname()[1]
    sparql = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    result = run_kg("query", sparql, "--store", built / "store")
    assert result.returncode == 1 and "SERVICE is off" in result.stderr
    assert not _connected(listener)
    # the word in a string or an IRI is no SERVICE clause
    ok = run_kg("query", "SELECT ?x WHERE { BIND('SERVICE {' AS ?x) }", "--store", built / "store", check=True)
    assert "SERVICE {" in ok.stdout


def test_kg_serve_answers_400_and_keeps_serving(built, listener):
    with kg_served(built / "store") as (base, process):
        target = listener.getsockname()[1]
        for sparql, needle in ((DEEP_GROUPS, b"nests"),
                               (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{target}/> {{ ?s ?p ?o }} }}", b"SERVICE")):
            request = urllib.request.Request(base, data=sparql.encode(), headers={"Content-Type": "application/sparql-query"})
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(request, timeout=30)
            assert err.value.code == 400 and needle in err.value.read()
        assert not _connected(listener)
        alive = urllib.request.urlopen(base + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"), timeout=30)
        assert alive.status == 200 and process.poll() is None


def _raw(port: int, request: bytes, wait: float = 30) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:
            pass
    return b"".join(chunks)


def test_kg_serve_answers_malformed_http_with_a_status(built):
    with kg_served(built / "store") as (base, process):
        port = int(base.rsplit(":", 1)[1].split("/")[0])
        head = b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        for length, body, status in ((b"abc", b"", b"400"), (b"-5", b"", b"400"),
                                     (b"100", b"ASK {", b"408")):  # a body that never completes: read time-out
            answer = _raw(port, head + b"Content-Length: " + length + b"\r\nConnection: close\r\n\r\n" + body)
            assert answer.split(b"\r\n", 1)[0].split()[1] == status, answer[:200]
        alive = urllib.request.urlopen(base + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"), timeout=30)
        assert alive.status == 200 and process.poll() is None
    assert b"Traceback" not in process.errors
