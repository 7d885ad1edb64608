"""SPARQL servers started on loopback, each on a folder of its own: the Oxigraph server and Virtuoso.

The integration tests (``tests/loopback.py``, ``tests/sparql/test_integration_virtuoso.py``) and the
benchmarks (:mod:`benchmarks.peers`, :mod:`benchmarks.serve_load`) start them through these functions.
Each server listens on a free port of 127.0.0.1 and is stopped when its ``with`` block ends.

>>> 1024 < free_port() < 65536
True
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ISQL", "OXIGRAPH", "VIRTUOSO", "Server", "Virtuoso", "free_port", "oxigraph_load", "oxigraph_serve",
           "running", "virtuoso_load", "virtuoso_serve", "wait_for"]

#: The Oxigraph server's program (``pip install oxigraph``, in the test extra): on the PATH or beside this Python.
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
#: Virtuoso's server and its SQL client (Debian: ``apt-get install virtuoso-opensource``), or None.
VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, seconds: float, what: str, process: subprocess.Popen | None = None) -> None:
    """Wait until something listens on ``port`` of 127.0.0.1.

    Raises
    ------
    RuntimeError
        When ``process`` exits first, or nothing listens after ``seconds``.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it listened on port {port}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not start within {seconds:.0f} s")


@contextmanager
def running(command: list[str], port: int, what: str, log: Path | None = None, seconds: float = 60,
            **popen: object) -> Iterator[subprocess.Popen]:
    """Run ``command`` (a server that will listen on ``port``) until the block ends; its stderr goes to ``log``."""
    with open(log or "/dev/null", "wb") as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, **popen)
        try:
            wait_for(port, seconds, what, process)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# ---------------------------------------------------------------- Oxigraph server


def oxigraph_load(location: Path, data: Path) -> None:
    """Load the RDF file ``data`` into a new Oxigraph store at ``location`` and optimise it (its CLI's bulk load)."""
    subprocess.run([OXIGRAPH, "load", "--location", str(location), "--file", str(data)], check=True,
                   capture_output=True)
    subprocess.run([OXIGRAPH, "optimize", "--location", str(location)], check=True, capture_output=True)


@dataclass(frozen=True)
class Server:
    """A running server: its base URL and process id."""

    url: str
    pid: int


@contextmanager
def oxigraph_serve(location: Path, union_default_graph: bool = True, read_only: bool = False,
                   log: Path | None = None) -> Iterator[Server]:
    """Run the Oxigraph server on the store at ``location`` and yield it (queries go to ``URL/query``)."""
    port = free_port()
    command = [OXIGRAPH, "serve-read-only" if read_only else "serve", "--location", str(location),
               "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    with running(command, port, "the Oxigraph server", log, seconds=30) as process:
        yield Server(f"http://127.0.0.1:{port}", process.pid)


# ---------------------------------------------------------------- Virtuoso

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = {query_mem}
DirsAllowed = ., {dir}{dirs}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {max_seconds}
"""


@dataclass(frozen=True)
class Virtuoso(Server):
    """A running Virtuoso: its HTTP base URL (SPARQL at ``/sparql``), process id, SQL port and database folder."""

    sql_port: int
    folder: Path


@contextmanager
def virtuoso_serve(folder: Path, buffers: int = 10_000, max_rows: int = 100_000, max_seconds: int = 60,
                   readable: tuple[Path, ...] = (), query_mem: str = "2G") -> Iterator[Virtuoso]:
    """Run Virtuoso with a new database in ``folder`` and yield it.

    Parameters
    ----------
    folder : Path
        Where the database, its log and ``virtuoso.ini`` are written.
    buffers : int
        8 kB pages of the buffer pool (``NumberOfBuffers``; 10,000 is 80 MB).
    max_rows, max_seconds : int
        The most rows of one answer, and the seconds one query may run (beyond them Virtuoso cuts the
        answer short and says so in the header ``X-SQL-State``). Whatever ``max_rows``, Virtuoso's HTTP endpoint
        returns at most 2^20 rows, without that header (:data:`benchmarks.peers.ROW_CAPS`).
    readable : tuple of Path
        Folders the server may read files from (:func:`virtuoso_load`).
    query_mem : str
        Memory for the hash tables of one query (``MaxQueryMem``; Virtuoso's default is 2G). A query that needs
        more falls back to a much slower plan ("Low query memory limit" in ``virtuoso.log``), as the contract
        queries' hashed sub-selects do at 10M triples.

    A ``folder`` that already holds a database is opened as it is (the data loaded before is kept).
    """
    if VIRTUOSO is None:
        raise FileNotFoundError("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    http_port, sql_port = free_port(), free_port()
    ini = VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port, buffers=buffers,
                              dirty=buffers * 3 // 4, query_mem=query_mem, max_rows=max_rows, max_seconds=max_seconds,
                              dirs="".join(f", {path}" for path in readable))
    (folder / "virtuoso.ini").write_text(ini)
    with running([VIRTUOSO, "-f", "-c", str(folder / "virtuoso.ini")], http_port, "Virtuoso", seconds=60,
                 cwd=folder) as process:
        yield Virtuoso(f"http://127.0.0.1:{http_port}", process.pid, sql_port, folder)


def _isql(server: Virtuoso, statements: str) -> str:
    if ISQL is None:
        raise FileNotFoundError("Virtuoso's isql client is not installed (apt-get install virtuoso-opensource)")
    done = subprocess.run([ISQL, str(server.sql_port), "dba", "dba", f"exec={statements}"], check=True,
                          capture_output=True, text=True)
    return done.stdout


def virtuoso_load(server: Virtuoso, data: Path) -> None:
    """Load the N-Quads or Turtle file ``data`` with Virtuoso's bulk loader, then checkpoint.

    The file's folder must be one of the ``readable`` folders of :func:`virtuoso_serve`.

    Raises
    ------
    RuntimeError
        When the loader reports an error for the file.
    """
    if "'" in str(data):
        raise ValueError(f"{data}: a path with a quote cannot be given to Virtuoso's loader")
    _isql(server, f"ld_dir('{data.parent}', '{data.name}', 'urn:default'); rdf_loader_run(); checkpoint;")
    errors = _isql(server, "select ll_error from DB.DBA.LOAD_LIST where ll_error is not null;")
    if "0 Rows." not in errors:
        raise RuntimeError(f"Virtuoso could not load {data}: {errors.strip()[-500:]}")
