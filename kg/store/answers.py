"""The answers a write makes ready: the writer's side of the stored answers (:mod:`kg.sparql.stored`).

After a write has swapped a new snapshot in, the writer has the answers of the contract queries
computed into that snapshot by a child process (``python -m kg.sparql.precompute``), so the first
``eukg query NAME`` after the write reads a stored answer instead of evaluating the query. The child
reads the snapshot read-only (it is never written again) and writes only its answer files, each whole
or not at all, so a child that fails or is killed leaves no partial answer and the write stands.

- :func:`prepare` runs the child and waits for it, giving its progress (``eukg build``);
- :func:`start` leaves it running at low priority, in a session of its own (every other write: an
  ingest of one article into a store of a million statements is not made to wait for it). A query
  asked before the child has kept its answer evaluates the query as before; a newer write stops it.

Only stores of at least :func:`threshold` statements (``EUKG_STORED_ANSWERS_FROM``, default 100,000)
are worth it: below that every contract query takes well under a second. ``EUKG_STORED_ANSWERS=0``
turns stored answers off altogether, and with them this. The child is a process, not an import, so
the store does not depend on the query layer above it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["DEFAULT_THRESHOLD", "MIN_BYTES_PER_STATEMENT", "THRESHOLD_VARIABLE", "VARIANTS_VARIABLE", "due",
           "prepare", "start", "threshold", "variants"]

#: The variable that sets the smallest store (in statements) whose answers a write makes ready.
THRESHOLD_VARIABLE = "EUKG_STORED_ANSWERS_FROM"
#: Below this many statements every contract query takes well under a second: nothing is made ready.
DEFAULT_THRESHOLD = 100_000
#: The variable that names the variants made ready: ``all`` (the default), ``public`` or ``all,public``.
VARIANTS_VARIABLE = "EUKG_STORED_ANSWERS_VARIANTS"
DEFAULT_VARIANTS = "all"
#: The fewest bytes of RocksDB files a statement takes (measured: 263 in the project's store of 29,449
#: statements, 310 in a generated one of 1,029,489): a smaller snapshot is under the threshold.
MIN_BYTES_PER_STATEMENT = 100
#: The switch of the stored answers, read as :func:`kg.sparql.stored.enabled` reads it.
_SWITCH = "EUKG_STORED_ANSWERS"
_MODULE = "kg.sparql.precompute"


def threshold() -> int:
    """Return the smallest number of statements a store must have for a write to make its answers ready.

    ``EUKG_STORED_ANSWERS_FROM`` when it is a whole number, else :data:`DEFAULT_THRESHOLD`.

    >>> os.environ[THRESHOLD_VARIABLE] = "5000"; threshold()
    5000
    >>> os.environ[THRESHOLD_VARIABLE] = "many"; threshold()
    100000
    >>> del os.environ[THRESHOLD_VARIABLE]
    """
    text = os.environ.get(THRESHOLD_VARIABLE, "").strip().replace("_", "").replace(",", "")
    return int(text) if text.isdigit() else DEFAULT_THRESHOLD


def variants() -> str:
    """Return the variants a write makes ready (``EUKG_STORED_ANSWERS_VARIANTS``, default ``all``)."""
    return os.environ.get(VARIANTS_VARIABLE, "").replace(" ", "") or DEFAULT_VARIANTS


def due(snapshot: Path, statements: int | None = None) -> bool:
    """Whether a write that swapped ``snapshot`` in, with ``statements`` statements (None: not counted), makes
    its answers ready.

    Counting the statements of a store reads all of them (0.2 s CPU at a million), so an uncounted
    snapshot is judged by the size of its RocksDB files: one under :data:`MIN_BYTES_PER_STATEMENT` per
    statement of the threshold cannot hold enough, and the child counts the others (``--at-least``).
    """
    if os.environ.get(_SWITCH, "1").strip().lower() in ("0", "off", "no", "false"):
        return False
    if statements is not None:
        return statements >= threshold()
    try:
        with os.scandir(snapshot) as entries:
            size = sum(e.stat().st_size for e in entries if e.name.endswith((".sst", ".log")))
    except OSError:
        return False
    return size >= threshold() * MIN_BYTES_PER_STATEMENT


def _command(location: Path, snapshot: Path, background: bool, counted: bool) -> list[str]:
    command = [sys.executable, "-m", _MODULE, "--store", str(location), "--snapshot", str(snapshot),
               "--variants", variants(), "--jobs", str(min(2, os.cpu_count() or 1))]
    command += [] if counted else ["--at-least", str(threshold())]
    return command + ["--background"] if background else command


def _environment() -> dict[str, str]:
    """The child's environment: this process's, with the folder this package was imported from first on the
    path, so the child runs the same code (a checkout run from its folder, not the installed package)."""
    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}


def prepare(location: Path, snapshot: Path, statements: int | None = None,
            progress: Callable[[int, int, str], None] | None = None,
            notify: Callable[[str], None] | None = None) -> bool:
    """Compute the answers of ``snapshot`` in a child process and wait for it; return whether all were kept.

    ``progress`` receives the answers kept so far, how many there are to keep, and the last one's name.
    A failure is told to ``notify`` in one line and never raised: the write is done already. ``statements``
    is the snapshot's count when the writer knows it (else the child counts).
    """
    try:
        child = subprocess.Popen(_command(location, snapshot, False, statements is not None), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=_environment())
    except OSError as error:
        if notify is not None:
            notify(f"the answers of the contract queries were not made ready: {error}")
        return False
    try:
        done, total = 0, 0
        for line in child.stdout:
            word, _, rest = line.partition(" ")
            if word == "total":
                total = int(rest)
            elif word == "answer":
                done += 1
                if progress is not None:
                    progress(done, total, rest.split(" ")[0])
        error = child.stderr.read().strip()
    except BaseException:
        child.kill()
        child.wait()
        raise
    if child.wait() != 0 and notify is not None:
        notify("the answers of the contract queries were not all made ready (the first query of each computes "
               f"it): {error.splitlines()[-1] if error else f'exit status {child.returncode}'}")
    return child.returncode == 0


def start(location: Path, snapshot: Path, statements: int | None = None) -> subprocess.Popen | None:
    """Start the child that computes the answers of ``snapshot`` and leave it running; return it (None on failure).

    It runs at low priority in a session of its own, with nothing to read or write on the terminal: the
    command that wrote exits at once, and a signal to its terminal does not reach it.
    """
    try:
        return subprocess.Popen(_command(location, snapshot, True, statements is not None), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                                env=_environment())
    except OSError:
        return None
