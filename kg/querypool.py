"""Queries for ``kg serve`` in worker processes that are killed at their deadline.

A pyoxigraph query cannot be stopped from another thread, and a deadline checked between result rows
does not stop it either: an aggregate such as ``COUNT(*)`` over a cross join is computed inside one call
before the first row exists (measured: a three-way cross join over the 1,449 triples of the Quickstart
store held its thread for more than 8 s with no row to check at). So each query runs in one of ``size``
worker processes, each reading its own checkpoint of the store (:func:`kg.store.open_reader`, taken
again when the store has changed); at the deadline, or when the client hangs up, the worker is killed,
which gives back its CPU and memory at once, and a fresh one is started in its place. A query beyond
``size`` running at once is turned away (:class:`Busy`) rather than queued behind them.

Examples
--------
>>> import tempfile
>>> from kg.store import KgStore
>>> folder = tempfile.mkdtemp() + "/s"
>>> KgStore(folder).close()
>>> with QueryPool(folder, size=1, timeout=30) as pool:
...     pool.run(("ASK { ?s ?p ?o }", {}, "text/csv"))[0]
200
"""
from __future__ import annotations

import multiprocessing
import signal
import socket
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path

from .errors import KgError
from .store import remove_snapshots


class Busy(KgError):
    """As many queries as the pool allows are running."""


class TimedOut(KgError):
    """A query ran past its deadline and was stopped."""


class ClientGone(KgError):
    """The client closed its connection before the answer; the query was stopped."""


def fingerprint(path: Path) -> tuple:
    """What changes when a writer has made its writes visible: the manifest, CURRENT and the logs."""
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in Path(path).iterdir()
                            if e.name == "CURRENT" or e.name.startswith("MANIFEST") or e.name.endswith(".log")))
    except OSError:
        return ()


def _work(conn, store_path: str, allow_service: bool) -> None:
    """A worker: answer ``(sparql, dataset, accept)`` requests from ``conn`` until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C on kg serve stops the parent, which ends us
    from .serve import answer
    from .store import KgStore

    reader, seen = None, None
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):  # the server has gone
            if reader is not None:
                reader.close()
            return
        now = fingerprint(store_path)
        if reader is None or now != seen:
            if reader is not None:
                reader.close()
            try:
                reader, seen = KgStore(store_path, read_only=True), now
            except KgError as err:
                reader = None
                conn.send((503, "text/plain", f"{str(err).splitlines()[0]}\n".encode()))
                continue
            reader.allow_service = allow_service
        conn.send(answer(reader, *request))


class _Worker:
    def __init__(self, context, store_path: str, allow_service: bool):
        self.store_path = store_path
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, store_path, allow_service), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        """Stop the worker now, whatever it is doing, and remove the store checkpoint it read."""
        self.process.kill()
        self.process.join(10)
        self.conn.close()
        remove_snapshots(self.store_path, self.process.pid)


class QueryPool:
    """At most ``size`` queries at once on the store at ``store_path``, each stopped after ``timeout`` s.

    :meth:`run` sends ``(sparql, dataset, accept)`` to an idle worker and returns its
    ``(status, media type, body)``; it raises :class:`Busy`, :class:`TimedOut` or :class:`ClientGone`.
    """

    def __init__(self, store_path, size: int = 2, timeout: float = 30.0, allow_service: bool = False):
        self.store_path, self.size, self.timeout, self.allow_service = str(store_path), size, timeout, allow_service
        self.context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.lock = threading.Lock()
        self.running = 0
        self.idle = [self._start() for _ in range(size)]

    def _start(self) -> _Worker:
        return _Worker(self.context, self.store_path, self.allow_service)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self.lock:
            idle, self.idle = self.idle, []
        for worker in idle:
            worker.kill()

    def run(self, request: tuple, client: socket.socket | None = None) -> tuple[int, str, bytes]:
        """The answer to ``request``; ``client`` (the request's socket) is watched for a hang-up."""
        with self.lock:
            if self.running >= self.size:
                raise Busy(f"{self.running} queries are running, the most this server allows; try again shortly")
            self.running += 1
            worker = self.idle.pop() if self.idle else None
        try:
            if worker is None:
                worker = self._start()
            try:
                worker.conn.send(request)
            except OSError:
                reply = None
            else:
                reply = self._await(worker, client)
            if reply is None:  # the worker died (a crash in the engine): answer, replace it
                worker = self._replace(worker)
                return 500, "text/plain", b"the query crashed its worker process\n"
            return reply
        except (TimedOut, ClientGone):
            worker = self._replace(worker)
            raise
        finally:
            with self.lock:
                self.running -= 1
                if worker is not None:
                    self.idle.append(worker)

    def _replace(self, worker: _Worker) -> _Worker | None:
        """Kill ``worker`` and start another in its place (None if none can start: the next query tries)."""
        worker.kill()
        try:
            return self._start()
        except OSError:
            return None

    def _await(self, worker: _Worker, client) -> tuple | None:
        deadline = time.monotonic() + self.timeout
        watched = [worker.conn] + ([client] if client is not None else [])
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOut(f"the query ran longer than {self.timeout:g} s and was stopped")
            ready = wait(watched, left)
            if worker.conn in ready:
                try:
                    return worker.conn.recv()
                except (EOFError, OSError):
                    return None
            if client in ready:
                try:
                    gone = client.recv(1, socket.MSG_PEEK) == b""
                except OSError:
                    gone = True
                if gone:
                    raise ClientGone("the client hung up")
                watched.remove(client)  # it sent more (a pipelined request): stop watching
