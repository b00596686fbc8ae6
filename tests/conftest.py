"""Shared fixtures: the real CLI in a subprocess, a store built from the bundled examples."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"


def run_kg(*args, cwd=None, check=False, input=None, env=None):
    """Run ``python -m kg ARGS`` and return the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env.setdefault("PYTHONIOENCODING", "utf-8")
    result = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=cwd, capture_output=True,
                            text=True, input=input, env=full_env, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(map(str, args))} failed ({result.returncode}):\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """A store and outputs built once from examples/articles (read-only for tests)."""
    work = tmp_path_factory.mktemp("built")
    run_kg("build", EXAMPLES, "--out", work / "output", "--store", work / "store", check=True, cwd=work)
    return work


@pytest.fixture
def fresh(tmp_path):
    """A private copy of the examples to build, change and remove."""
    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES, articles)
    return tmp_path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def kg_served(store: Path, *options: str):
    """``kg serve`` on the store at a free loopback port, ready: yields (query URL, process); after the
    block the process is stopped and its stderr is in ``process.errors``."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                                *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/query"
    try:
        wait_for(base + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        yield base, process
    finally:
        process.terminate()
        _, process.errors = process.communicate(timeout=10)


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not come up")


@pytest.fixture
def oxigraph_server(tmp_path):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not os.path.exists(binary):
        pytest.skip("the oxigraph server CLI is not installed (pip install -e '.[test]')")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "oxi"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/query?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@pytest.fixture
def virtuoso_server(tmp_path):
    """A real Virtuoso (Debian's virtuoso-opensource-7-bin) on loopback, its SPARQL account allowed to update."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not binary or not isql:
        pytest.skip("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource-7-bin)")
    folder = tmp_path / "virtuoso"
    folder.mkdir()
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http))
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        wait_for(url + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"), seconds=90)
        subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def shared_corpus(name: str) -> Path:
    path = SHARED / "corpus" / name
    if not path.is_dir():
        pytest.skip(f"../shared/corpus/{name} is not here (it exists in CI and on developer machines only)")
    return path
