"""Queries that run too long or too many at once (issue 16, item 3): `kg serve` answers 503 with one line
at its time-out or over its cap and the work stops (the CPU comes back), also when the client hangs up;
`kg query` has no time-out unless asked and stops at Ctrl-C."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import kg_served, run_kg

# a four-way cross join of the Quickstart store's ~1,450 triples: 4e12 rows to count, never finishes
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s ?p ?o }"


def _get(base: str, sparql: str, wait: float = 60):
    """(status, body, headers) of GET /query."""
    try:
        with urllib.request.urlopen(base + "?query=" + urllib.parse.quote(sparql), timeout=wait) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read(), err.headers


def _cpu_seconds(pid: int) -> float:
    """CPU time used so far by the processes below ``pid`` (the server's query workers)."""
    total = 0.0
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for child in children:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _quiet(pid: int, seconds: float = 1.0) -> bool:
    """True if the server's workers used under a quarter of the CPU over ``seconds``."""
    before = _cpu_seconds(pid)
    time.sleep(seconds)
    return _cpu_seconds(pid) - before < seconds / 4


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker CPU time from /proc")
def test_kg_serve_stops_a_query_at_its_timeout_and_keeps_serving(built):
    with kg_served(built / "store", "--timeout", "2", "--max-queries", "1") as (base, process):
        started = time.monotonic()
        status, body, _ = _get(base, ENDLESS)
        assert status == 503 and time.monotonic() - started < 8
        assert body.decode().strip() == "the query ran longer than 2 s and was stopped"
        status, body, _ = _get(base, CHEAP)
        assert (status, body.strip()) == (200, b'{"head":{},"boolean":true}')
        assert _quiet(process.pid), "the stopped query still burns CPU"
    assert not list(built.glob(".store.read-*")), "the killed workers left their store checkpoints"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker CPU time from /proc")
def test_kg_serve_turns_away_queries_over_its_cap_and_stops_one_whose_client_left(built):
    with kg_served(built / "store", "--timeout", "60", "--max-queries", "1") as (base, process):
        port = urllib.parse.urlsplit(base).port
        client = socket.create_connection(("127.0.0.1", port))
        client.sendall(f"GET /query?query={urllib.parse.quote(ENDLESS)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        time.sleep(1)
        status, body, headers = _get(base, CHEAP)
        assert status == 503 and headers["Retry-After"] == "1"
        assert b"the most this server allows" in body and body.count(b"\n") == 1
        client.close()  # the client leaves: its query stops long before the 60 s time-out and frees the slot
        deadline = time.monotonic() + 15
        while _get(base, CHEAP)[0] != 200:
            assert time.monotonic() < deadline, "the query of a client that left still holds the slot"
            time.sleep(0.3)
        assert _quiet(process.pid), "the abandoned query still burns CPU"
    assert not list(built.glob(".store.read-*")), "the killed workers left their store checkpoints"


def test_kg_query_stops_at_ctrl_c_and_at_its_timeout(built):
    process = subprocess.Popen([sys.executable, "-m", "kg", "query", ENDLESS, "--store", str(built / "store")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # well into the join
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=10)
    assert process.returncode == 130 and errors == "interrupted: the query was stopped\n"
    assert not list(built.glob(".store.read-*")), "the interrupted query left its store checkpoint"
    result = run_kg("query", ENDLESS, "--store", built / "store", "--timeout", "1")
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: the query ran longer than 1 s and was stopped"
