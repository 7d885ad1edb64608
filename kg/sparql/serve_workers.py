"""Query worker processes for ``eukg serve``: a query that passes the time limit is killed, not abandoned.

pyoxigraph cannot interrupt a running query, so a thread cannot stop one: a big aggregate would
keep a CPU core and a query slot after its client got the 503. Each query therefore runs in a
worker process (``spawn`` context, so no RocksDB or thread state is forked). A worker opens a
*snapshot* of the store read-only, answers one query at a time over a :func:`multiprocessing.Pipe`
with :func:`kg.sparql.serve_results.prepare`, and is killed with SIGKILL (and replaced on the next query)
when its query passes the limit. The answer crosses the pipe in chunks as pyoxigraph's serialiser writes
it (:meth:`WorkerPool.stream`), so the server sends the first bytes before the last row is found.

The snapshot is either one of the store's own snapshots (:mod:`kg.store.snapshots`: immutable
directories that the server marks as read), which the workers open read-only as they are, or,
for a store held in memory (the tests' stores, the ``--no-personal-data`` copy), a bulk copy into a
private temporary directory. When the server moves to a new snapshot (:meth:`WorkerPool.refresh`),
a worker sent a query opens the newest snapshot first, and a snapshot that no busy worker reads
any more is deleted (a private copy) or given back (``on_unused``: the server drops its mark).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

import pyoxigraph as ox

from kg.sparql.serve_results import Answer, ProtocolError, prepare
from kg.sparql.serve_stored import Source, prepare_stored
from kg.store import copy_quads, in_memory_copy

__all__ = ["WorkerPool", "snapshot"]

#: Seconds a new worker may take to start (import its modules) before it counts as broken.
START_TIMEOUT = 120.0
#: Bytes of an answer a worker gathers before it sends them through the pipe (pyoxigraph writes 8 KiB at a time).
CHUNK = 64 * 1024


class _PipeWriter:
    """A binary output that sends what is written through a worker's pipe, ``CHUNK`` bytes at a time."""

    def __init__(self, conn: Connection) -> None:
        self._conn, self._buffer = conn, bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self._buffer:
            self._conn.send(("chunk", bytes(self._buffer)))
            self._buffer = bytearray()


def snapshot(store: ox.Store, target: Path) -> None:
    """Write a consistent copy of ``store`` into the new directory ``target`` for read-only opening.

    A store on disk is checkpointed with ``Store.backup`` (hard links where the file system allows);
    an in-memory store, which cannot be backed up, is bulk-copied quad by quad, empty named graphs included.
    """
    try:
        store.backup(str(target))
        return
    except RuntimeError:  # "It is not possible to backup an in-memory database"
        shutil.rmtree(target, ignore_errors=True)
    copy = copy_quads(store, ox.Store(str(target)))
    copy.flush()
    del copy  # closes RocksDB, so that the workers may open the directory read-only


def _exit_with_parent() -> None:
    """Exit this worker as soon as the server process is gone, even in the middle of a query."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        wait([parent.sentinel])
        os._exit(1)


def _serve(conn: Connection, in_memory: bool = False) -> None:
    """The worker process: answer ``(snapshot, query, accept, max_results, allow_service, source)`` requests until EOF.

    With ``in_memory`` it reads each snapshot through an in-memory copy (made when the snapshot is first
    asked for, before the query's time starts), where queries run 2–3.5× faster than on RocksDB. With a
    :class:`kg.sparql.serve_stored.Source`, a library query sent as it is gets its stored answer.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C on `eukg serve` is the server's to handle
    threading.Thread(target=_exit_with_parent, name="exit-with-parent", daemon=True).start()
    conn.send("ready")
    store, opened = None, None
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        path, text, accept, max_results, allow_service, source = request
        try:
            if path != opened:
                store, opened = None, None  # close the previous snapshot before opening the new one
                store = ox.Store.read_only(path)
                store, opened = (in_memory_copy(store) if in_memory else store), path
            # The time limit counts from here: opening a snapshot on a busy machine is not the query's time.
            # It covers the SERVICE check too, which parses the query with rdflib (slow on large texts).
            conn.send("started")
            prepared = _prepare(store, text, accept, max_results, allow_service, source)
        except ProtocolError as error:
            conn.send(("error", error.status, str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - reported to the client as a server error
            conn.send(("error", 500, f"the query failed: {type(error).__name__}: {error}"))
            continue
        conn.send(("ok", prepared.content_type))
        _send_body(conn, prepared)


def _prepare(store: ox.Store, text: str, accept: str, max_results: int, allow_service: bool,
             source: Source | None) -> Answer:
    """The answer of ``text``: the stored one when ``source`` has it (:mod:`kg.sparql.serve_stored`), else live."""
    found = prepare_stored(store, text, accept, max_results, source) if source is not None else None
    return found if found is not None else prepare(store, text, accept, max_results, allow_service)


def _send_body(conn: Connection, prepared: Answer) -> None:
    """Send the answer's body as ``("chunk", bytes)`` messages, then ``("end",)`` (``("failed", why)`` if it fails)."""
    output = _PipeWriter(conn)
    try:
        prepared.write(output)
        output.flush()
    except Exception as error:  # noqa: BLE001 - the server cuts the answer short; the client sees it cut
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send(("end",))


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    reads: str | None = field(default=None)  # the snapshot its current or last query was sent

    def stop(self) -> None:
        """Kill the process (a query in it cannot be interrupted otherwise) and reap it."""
        self.process.kill()
        self.process.join()
        self.conn.close()
        self.process.close()


class WorkerPool:
    """At most ``size`` worker processes answering queries over snapshots of ``store``.

    Parameters
    ----------
    store : pyoxigraph.Store
        The store to serve; it is snapshotted now and after each :meth:`refresh`.
    size : int
        The most queries that run at once.
    timeout : float
        Seconds a query may run (and, before that, wait for a free worker).
    in_memory : bool
        Each worker reads the snapshot through its own in-memory copy (faster queries, a copy of the
        store per worker).
    max_waiting : int
        The most queries that wait for a free worker; one more gets a 503 with ``Retry-After`` at once.
    personal : bool or None
        Which stored answers the workers read and keep (:mod:`kg.sparql.serve_stored`): True those with
        personal data, False those without, None none (every query is evaluated).
    origin : str or None
        The store's snapshot directory that ``store`` or ``path`` was made from, where the stored answers
        are (``path`` itself by default; a store held in memory has none).
    """

    def __init__(self, store: ox.Store | None, size: int, timeout: float, in_memory: bool = False,
                 path: str | None = None, on_unused: Callable[[str], None] | None = None,
                 max_waiting: int = 1000, personal: bool | None = None, origin: str | None = None) -> None:
        self.size, self.timeout, self.in_memory, self.max_waiting = size, timeout, in_memory, max_waiting
        self._waiting = 0
        self._on_unused = on_unused
        self.personal = personal
        self._origins: dict[str, str] = {}  # each snapshot -> the store's snapshot directory it was made from
        self._owned: set[str] = set()  # the snapshots this pool made (and deletes)
        self._context = multiprocessing.get_context("spawn")
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Condition()  # guards the lists below; notified when a worker is given back
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._closed = False
        self._refreshing = threading.Lock()  # one snapshot is made at a time
        self._made = 0
        self._snapshots: list[str] = []  # every snapshot not yet deleted, the newest (current) last
        self._dir = Path(tempfile.mkdtemp(prefix="eukg-serve-"))
        try:
            self.refresh(store, path=path, origin=origin)
        except BaseException:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise

    @property
    def directory(self) -> Path:
        """The temporary directory that holds the snapshots (deleted by :meth:`close`)."""
        return self._dir

    # -- snapshots ---------------------------------------------------------------------------
    def refresh(self, store: ox.Store | None = None, path: str | None = None, origin: str | None = None) -> None:
        """Serve ``store`` (copied into a private snapshot) or the immutable store directory ``path`` from now on.

        Every query sent from now on sees the new state. A copy is made outside the pool's lock, so
        queries go on (on the previous snapshot) meanwhile. ``origin`` is the store's snapshot directory
        that ``store`` was made from (by default ``path``): its stored answers are served.
        """
        with self._refreshing:
            origin = origin if origin is not None else path
            if path is None:
                self._made += 1
                target = self._dir / f"snapshot-{self._made}"
                snapshot(store, target)
                path = str(target)
                self._owned.add(path)
            with self._lock:
                self._snapshots.append(path)
                if origin is not None:
                    self._origins[path] = origin
                self._remove_unused_snapshots()

    def _remove_unused_snapshots(self) -> None:
        """Delete the snapshots that are not current and that no busy worker reads (lock held)."""
        keep = {self._snapshots[-1]} | {w.reads for w in self._busy}
        for path in [p for p in self._snapshots if p not in keep]:
            self._snapshots.remove(path)
            self._origins.pop(path, None)
            if path in self._owned:
                shutil.rmtree(path, ignore_errors=True)
                self._owned.discard(path)
            elif self._on_unused is not None:
                self._on_unused(path)

    # -- workers -----------------------------------------------------------------------------
    def pids(self) -> list[int]:
        """Return the process ids of the live workers, idle and busy."""
        with self._lock:
            return [w.process.pid for w in [*self._idle, *self._busy] if w.process.pid is not None]

    def _take(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise ProtocolError(503, "the endpoint is shutting down", retry_after=5)
            worker = self._idle.pop() if self._idle else None
            if worker is None:
                parent_end, child_end = self._context.Pipe()
                process = self._context.Process(target=_serve, args=(child_end, self.in_memory),
                                                name="eukg-sparql-query",
                                                daemon=True)
                process.start()
                child_end.close()
                worker = _Worker(process, parent_end)
            worker.reads = self._snapshots[-1]
            self._busy.add(worker)
        return worker

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        with self._lock:
            self._busy.discard(worker)
            if healthy and not self._closed:
                self._idle.append(worker)
            else:
                worker.stop()  # under the lock, so that close() returns only when every worker is reaped
            self._remove_unused_snapshots()
            self._lock.notify_all()

    def _wait_for_slot(self) -> None:
        """Take a query slot, waiting at most the time limit, with at most ``max_waiting`` queries waiting."""
        busy = ProtocolError(503, "the endpoint is busy: every query slot is taken, try again later",
                             retry_after=max(1, round(self.timeout / 10)))
        with self._lock:
            if self._waiting >= self.max_waiting:
                raise busy
            self._waiting += 1
        try:
            if not self._slots.acquire(timeout=self.timeout):
                raise busy
        finally:
            with self._lock:
                self._waiting -= 1

    def run(self, text: str, accept: str, max_results: int, allow_service: bool = True) -> tuple[bytes, str]:
        """Answer a query in a worker within the time limit; return the whole body and its content type.

        Raises
        ------
        ProtocolError
            As :meth:`stream` does.
        """
        chunks = self.stream(text, accept, max_results, allow_service)
        content_type = next(chunks)
        return b"".join(chunks), content_type

    def stream(self, text: str, accept: str, max_results: int, allow_service: bool = True) -> Iterator[str | bytes]:
        """Answer a query in a worker within the time limit: yield its content type, then its body in chunks.

        The worker's slot is held until the last chunk is read or the iterator is closed; an answer not
        read to its end leaves its worker killed (its pipe still holds the rest).

        Raises
        ------
        ProtocolError
            503 when no worker frees up or the query passes the limit (its worker is killed), 500 when a
            worker dies, and whatever :func:`kg.sparql.serve_results.prepare` raises; after the content
            type, 503 or 500 when the answer is cut short.
        """
        self._wait_for_slot()
        try:
            worker = self._take()
            healthy = False
            try:
                deadline = self._start(worker, (worker.reads, text, accept, max_results, allow_service,
                                                self._source(worker.reads)))
                yield self._receive(worker, deadline)
                while (message := self._receive(worker, deadline)) is not None:
                    yield message
                healthy = True
            finally:
                self._give_back(worker, healthy)
        finally:
            self._slots.release()

    def _source(self, path: str) -> Source | None:
        """Where the worker reading ``path`` finds the stored answers, or None when none are served."""
        with self._lock:
            origin = self._origins.get(path)
        return Source(origin, self.personal) if origin is not None and self.personal is not None else None

    def _start(self, worker: _Worker, request: tuple) -> float:
        """Send ``request`` once the worker is ready; return the deadline of its answer."""
        try:
            if not worker.ready:
                if not worker.conn.poll(START_TIMEOUT) or worker.conn.recv() != "ready":
                    raise ProtocolError(500, "a query worker did not start")
                worker.ready = True
            worker.conn.send(request)
            if not worker.conn.poll(START_TIMEOUT):
                raise ProtocolError(500, "a query worker could not open the store's snapshot")
            first = worker.conn.recv()
        except (EOFError, OSError):
            raise ProtocolError(500, "the query worker stopped unexpectedly") from None
        if first != "started":  # it failed before the query began: that is its answer
            raise ProtocolError(first[1], first[2])
        return time.monotonic() + self.timeout

    def _receive(self, worker: _Worker, deadline: float) -> str | bytes | None:
        """Return the worker's next message: the content type, a chunk, or None at the end of the answer."""
        try:
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                raise ProtocolError(503, f"the query ran longer than {self.timeout:g} s and was stopped",
                                    retry_after=1)
            reply = worker.conn.recv()
        except (EOFError, OSError):
            raise ProtocolError(500, "the query worker stopped unexpectedly") from None
        if reply[0] in ("chunk", "ok"):
            return reply[1]
        if reply[0] == "end":
            return None
        if reply[0] == "error":
            raise ProtocolError(reply[1], reply[2])
        raise ProtocolError(500, f"the answer could not be written: {reply[1]}")

    def close(self) -> None:
        """Stop every worker (killing running queries) and delete the snapshots; idempotent."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            for worker in self._busy:
                worker.process.kill()  # its request thread reaps it when the pipe reports EOF
        for worker in idle:
            worker.stop()
        with self._lock:
            self._lock.wait_for(lambda: not self._busy, timeout=10)
        shutil.rmtree(self._dir, ignore_errors=True)
