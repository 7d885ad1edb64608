"""Stored answers made ready after a write: the contract queries' answers computed into the new snapshot.

The one writer (:mod:`kg.store.answers`) runs this module as a child process once a write has swapped
a new snapshot in, on stores of at least ``EUKG_STORED_ANSWERS_FROM`` statements: ``eukg build`` waits for
it (a progress line), every other write leaves it running at low priority. It computes the answer of
every contract query (``tags: [contract]`` in the query's header) and keeps it in the snapshot with
:func:`kg.sparql.stored.store_answer`, exactly as the first ``eukg query NAME`` would have
(:func:`kg.sparql.stored.answer`), so the first query after a write reads it back. What it never does:

- write anything but the snapshot's answer files (each written whole through a hidden file, so a
  killed child leaves no partial answer), or change the store;
- compute an answer already kept (a query that came first computed it live and kept it);
- go on once a newer write has swapped another snapshot in: that snapshot's answers are the ones
  wanted, so it stops before the next query (the snapshot it read is held, :func:`kg.store.open_snapshot`,
  so no writer deletes it meanwhile).

Two workers (``--jobs 2``: processes forked before the store is opened, each reading the snapshot)
share the answers, each taking the next one not yet taken (a file made exclusively in a hidden
folder of the answers). The standard output says how many answers there are (``total N``), then
each answer kept (``answer NAME VARIANT kept SECONDS``, or ``found`` when it was kept already, then
``worker PID cpu SECONDS``, the CPU its worker has used so far): the writer reads it for its
progress line. The exit status is 0 when every answer is kept (or the work was superseded), 1 on a
failure (the writer says so and the write stands)::

    python -m kg.sparql.precompute --store LOCATION --snapshot SNAPSHOT [--variants all,public] [--jobs 2]
        [--at-least STATEMENTS] [--background]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from kg.sparql import stored
from kg.sparql.queries import NamedQuery, evaluation_errors, library, solutions

__all__ = ["CONTRACT_TAG", "VARIANTS", "Outcome", "contract_queries", "main", "precompute", "statements"]

#: The tag of the contract queries in their header (``#+ tags: [contract]``), as ``eukg release`` reads it.
CONTRACT_TAG = "contract"
#: The variants an answer is kept in: ``all`` (every statement) and ``public`` (``--no-personal-data``).
VARIANTS = ("all", "public")
#: The niceness of a child the writer leaves running: a query or a write of the user comes first.
BACKGROUND_NICENESS = 10


def contract_queries() -> list[NamedQuery]:
    """Return the queries of the library tagged ``contract``, by name."""
    return [named for name, named in sorted(library().items()) if CONTRACT_TAG in named.tags]


@dataclass
class Outcome:
    """What :func:`precompute` left: the answers still missing (``NAME.VARIANT``), whether a newer write
    stopped it, and whether a worker failed."""

    missing: list[str] = field(default_factory=list)
    superseded: bool = False
    failed: bool = False


@dataclass(frozen=True)
class _Unit:
    """What one worker computes at a time: one answer with every statement, or every answer without
    personal data (those share one filtered copy of the store, too dear to make twice)."""

    variant: str
    queries: tuple[NamedQuery, ...]

    @property
    def name(self) -> str:
        return f"{self.queries[0].name}.all" if self.variant == "all" else self.variant


def _units(queries: list[NamedQuery], variants: Iterable[str]) -> list[_Unit]:
    units: list[_Unit] = []
    for variant in variants:
        if variant == "all":
            units += [_Unit(variant, (named,)) for named in queries]
        else:
            units.append(_Unit(variant, tuple(queries)))
    return units


def _claim(folder: Path, unit: _Unit) -> bool:
    """Whether this worker is the first to claim ``unit`` (its file in ``folder`` made here, exclusively)."""
    try:
        os.close(os.open(folder / unit.name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except FileExistsError:
        return False
    return True


def _superseded(location: Path, snapshot: Path) -> bool:
    """Whether the store at ``location`` has moved on from ``snapshot`` (a newer write swapped another in)."""
    current = stored.snapshot_of(location)
    return current is None or current != snapshot


def _kept(snapshot: Path, named: NamedQuery, personal: bool) -> bool:
    """Whether ``snapshot`` keeps the answer of ``named`` already."""
    key = stored.answer_key(snapshot, named.text, personal)
    return stored.answer_file(snapshot, named.name, key, personal).is_file()


def _tsv(named: NamedQuery, store: ox.Store) -> bytes:
    """Return the answer of ``named`` on ``store`` as SPARQL TSV results."""
    buffer = io.BytesIO()
    with evaluation_errors(named):
        solutions(named, store).serialize(buffer, format=ox.QueryResultsFormat.TSV)
    return buffer.getvalue()


def _work(location: Path, snapshot: Path, units: list[_Unit], claims: Path,
          report: Callable[[str, str, float | None], None]) -> bool:
    """Compute and keep the answers of every unit of ``units`` this worker claims; return False when superseded."""
    from kg.store import open_snapshot

    _, store = open_snapshot(snapshot)  # held: no writer deletes it while it is read
    public = None
    for unit in units:
        if not _claim(claims, unit):
            continue
        personal = unit.variant == "all"
        for named in unit.queries:
            if _superseded(location, snapshot):
                return False
            if _kept(snapshot, named, personal):  # a query that came first kept it
                report(named.name, unit.variant, None)
                continue
            if not personal and public is None:
                from kg.privacy import public_copy

                public = public_copy(store)
            start = time.perf_counter()
            answer = _tsv(named, store if personal else public)
            _crash_point("answer-computed")
            stored.store_answer(snapshot, named, answer, personal)
            report(named.name, unit.variant, time.perf_counter() - start)
    return True


def _crash_point(name: str) -> None:
    """Die at once (SIGKILL) when ``EUKG_CRASH_AT`` names this point (tests kill the child, as the writer's)."""
    if os.environ.get("EUKG_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _fork(work: Callable[[], object]) -> int:
    """Run ``work`` in a forked worker (before any store is opened); return its process id."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the worker's own process
        status = 1
        try:
            work()
            status = 0
        except Exception as error:  # said in one line; the parent reports the failure
            print(f"stored answers not kept: {error}", file=sys.stderr, flush=True)
        finally:
            os._exit(status)
    return pid


def _quiet(name: str, variant: str, seconds: float | None) -> None:
    pass


def precompute(location: Path, snapshot: Path, variants: Iterable[str] = ("all",),
               queries: Iterable[NamedQuery] | None = None,
               report: Callable[[str, str, float | None], None] | None = None, jobs: int = 1) -> Outcome:
    """Keep the answer of each of ``queries`` (default: the contract queries) in ``snapshot``, in each of ``variants``.

    ``jobs`` workers (processes forked before the store is opened, each reading the snapshot) share the
    answers, each taking the next one not taken. ``report`` receives the name, the variant and the
    seconds of each answer kept (None for one kept already). The answers without personal data are
    computed by one worker on one :func:`kg.privacy.public_copy` of the snapshot.

    A snapshot that is gone or no longer the store's (a newer write came first) is left alone: the
    outcome says ``superseded``, and each worker also stops before its next answer once that happens.

    Raises
    ------
    QueryError
        When a query fails; the answers kept before it stay.
    OSError
        When the snapshot cannot be written.
    """
    from kg.store.snapshots import hold

    snapshot = snapshot.resolve()
    queries = [named for named in (contract_queries() if queries is None else queries) if stored.storable(named)]
    units = _units(queries, variants)
    hold(snapshot)  # first (the workers inherit it): a writer deletes only the snapshots nobody holds
    if not snapshot.is_dir() or _superseded(location, snapshot):
        return Outcome([f"{named.name}.{variant}" for variant in variants for named in queries], superseded=True)
    (snapshot / stored.ANSWERS_DIR).mkdir(exist_ok=True)  # never parents: a snapshot is not made again
    claims = snapshot / stored.ANSWERS_DIR / f".claims-{os.getpid()}"
    claims.mkdir()
    report = report or _quiet
    work = partial(_work, location, snapshot, units, claims, report)
    workers = [_fork(work) for _ in range(min(jobs, len(units)) - 1)]
    try:
        finished = work()
    finally:
        failed = [pid for pid in workers if os.waitpid(pid, 0)[1] != 0]
        shutil.rmtree(claims, ignore_errors=True)
    missing = [f"{named.name}.{variant}" for variant in variants for named in queries
               if not _kept(snapshot, named, variant == "all")]
    return Outcome(missing, superseded=not finished or _superseded(location, snapshot), failed=bool(failed))


def statements(snapshot: Path) -> int:
    """Return the number of statements in ``snapshot``."""
    return len(ox.Store.read_only(str(snapshot)))


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m kg.sparql.precompute", description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="the store's location (its link)")
    parser.add_argument("--snapshot", type=Path, required=True, help="the snapshot directory to keep answers in")
    parser.add_argument("--variants", default="all", help="all, public or all,public")
    parser.add_argument("--queries", default="", help="NAME,NAME (default: the contract queries)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (each reads the snapshot)")
    parser.add_argument("--at-least", type=int, default=0, metavar="N",
                        help="do nothing when the snapshot has fewer than N statements")
    parser.add_argument("--background", action="store_true", help=f"run at niceness {BACKGROUND_NICENESS}")
    return parser.parse_args(argv)


def _say(line: str) -> None:
    """Write ``line`` on the standard output in one write, so the lines of two workers never mix."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _report(name: str, variant: str, seconds: float | None) -> None:
    done = "found" if seconds is None else f"kept {seconds:.3f}"
    _say(f"answer {name} {variant} {done} worker {os.getpid()} cpu {time.process_time():.3f}")


def main(argv: list[str] | None = None) -> int:
    """Command line of the child the writer starts (see the module); 0 when every answer is kept or superseded."""
    from kg.errors import KgError

    args = _arguments(argv)
    variants = [v for v in args.variants.split(",") if v]
    if not set(variants) <= set(VARIANTS):
        print(f"--variants takes {' or '.join(VARIANTS)}, not {args.variants!r}", file=sys.stderr)
        return 2
    if args.background:
        os.nice(BACKGROUND_NICENESS)
    try:
        if not stored.enabled() or (args.at_least and statements(args.snapshot) < args.at_least):
            return 0
        known = library()
        queries = [known[n] for n in args.queries.split(",") if n in known] if args.queries else contract_queries()
        _say(f"total {len(queries) * len(variants)}")
        outcome = precompute(args.store, args.snapshot, variants, queries, _report, max(1, args.jobs))
    except (KgError, OSError) as error:
        print(f"stored answers not kept: {error}", file=sys.stderr)
        return 1
    if outcome.failed or (outcome.missing and not outcome.superseded):
        print(f"stored answers not kept: {', '.join(outcome.missing) or 'a worker failed'}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
