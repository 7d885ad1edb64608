"""Answers made ready by the writer (:mod:`kg.store.answers`): what they add to a write, and the first query after it.

On a store built through the writer from a data folder (the work folder of ``python -m benchmarks.writer_cost``,
which also holds the source a write puts in, ``source.nt``), on mimalloc as ``eukg`` runs:

1. *build*: :meth:`Writer.build` (the process's CPU), then :meth:`Writer.prepare_answers` as ``eukg build``
   runs it (the child's CPU, two workers); then the same child again with one worker and with the answers
   without personal data alone (``--variants public``), the answers deleted before each;
2. *first query after the write*: each contract query through ``python -m kg query NAME -f csv --store S``,
   a new process, right after the build (so it reads the answer the build kept), its bytes compared with
   the live answer (``EUKG_STORED_ANSWERS=0``); Virtuoso's figures come from a peers result on the same
   data (``--peers``);
3. *a write of one source*: :meth:`Writer.put_sources` of ``source.nt`` (until the writer returns: what
   the command waits for), then the child left computing the answers, waited for (its CPU, and its wall
   seconds from the write's end); then the source removed again, the same way.

Results go to ``benchmarks/results/precomputed-answers-LABEL.json``; ``docs/performance.md`` shows them.

    python -m benchmarks.precomputed_answers --work /tmp/writer-1m --peers benchmarks/results/peers-1M-stored.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.clock import Clock

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"

__all__ = ["main", "measure", "render"]


def _clear(snapshot: Path) -> None:
    shutil.rmtree(snapshot / "eukg-answers", ignore_errors=True)


def _child(location: Path, snapshot: Path, *extra: str) -> dict:
    """Run the writer's child on ``snapshot`` (the answers deleted first) and wait; return its figures, with
    the CPU seconds of each worker (the last ``worker PID cpu S`` of each on its output)."""
    _clear(snapshot)
    clock = Clock()
    done = subprocess.run([sys.executable, "-m", "kg.sparql.precompute", "--store", str(location), "--snapshot",
                           str(snapshot), *extra], check=True, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    workers: dict[str, float] = {}
    for line in done.stdout.splitlines():
        words = line.split()
        if words[:1] == ["answer"] and "worker" in words:
            at = words.index("worker")
            workers[words[at + 1]] = float(words[at + 3])
    return clock.read_apart() | {"workers_cpu_seconds": sorted(workers.values())}


def _build(location: Path, data: Path) -> dict:
    """Build through the writer, then make the answers ready as ``eukg build`` does."""
    from kg.store.writer import Writer

    with Writer(location, data) as writer:
        clock = Clock()
        result = writer.build()
        build = clock.read_apart()
        build["all_cpu_seconds"] = round(build["cpu_seconds"] + build["children_cpu_seconds"], 3)
        clock = Clock()
        kept = writer.prepare_answers()
        answers = clock.read_apart() | {"kept": kept}
    return {"statements": result.triples, "build": build, "answers_two_workers": answers}


def _query(location: Path, name: str, **env: str) -> tuple[dict, bytes]:
    clock = Clock()
    done = subprocess.run([sys.executable, "-m", "kg", "query", name, "-f", "csv", "--store", str(location)],
                          check=True, capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT), **env))
    return clock.read_apart(), done.stdout


def _first_queries(location: Path, names: list[str]) -> dict:
    """Each query right after the write (the answer the write kept), then live, compared byte for byte."""
    found = {}
    for name in names:
        first, out = _query(location, name)
        _, live = _query(location, name, EUKG_STORED_ANSWERS="0")
        found[name] = {"first": first, "rows": out.count(b"\n") - 1,
                       "same_bytes": hashlib.sha256(out).digest() == hashlib.sha256(live).digest()}
    return found


def _write(location: Path, action) -> dict:
    """Time a write until the writer returns, then wait for the child it left; return both."""
    from kg.store.writer import Writer

    clock = Clock()
    with Writer(location) as writer:
        action(writer)
    write = clock.read_apart()
    clock = Clock()
    child = writer.preparing
    if child is not None:
        child.wait()
    return {"write": write, "background": clock.read_apart() | {"started": child is not None,
                                                        "status": None if child is None else child.returncode}}


def _writes(location: Path, source: Path) -> dict:
    from rdflib import Graph

    graph = Graph().parse(source, format="nt")
    return {"source_triples": len(graph),
            "new_source": _write(location, lambda w: w.put_sources({"precomputed-bench": graph})),
            "remove_source": _write(location, lambda w: w.remove_source("precomputed-bench"))}


def _virtuoso(peers: Path | None) -> dict[str, dict]:
    if peers is None or not peers.exists():
        return {}
    result = json.loads(peers.read_text(encoding="utf-8"))
    found = {}
    for name, row in result["queries"].items():
        figures = row["engines"].get("virtuoso") or {}
        mine = row["engines"].get("eukg_query") or {}
        if "seconds" in figures:
            found[name] = {"seconds": figures["seconds"],
                           "cpu_seconds": round(figures.get("server_cpu_seconds", 0) + figures["cpu_seconds"], 3),
                           "eukg_query_cold_seconds": (mine.get("runs") or [None])[0]}
    return found


def measure(work: Path, peers: Path | None) -> dict:
    """Build the store of ``work`` through the writer and measure (see the module)."""
    from kg.sparql.precompute import contract_queries
    from kg.store.snapshots import current_snapshot

    location, data = work / "store", work / "data"
    load_start = round(os.getloadavg()[0], 2)
    built = _build(location, data)
    names = [named.name for named in contract_queries()]
    first = _first_queries(location, names)
    snapshot = current_snapshot(location)
    built["answers_one_worker"] = _child(location, snapshot, "--jobs", "1")
    built["answers_public_only"] = _child(location, snapshot, "--jobs", "1", "--variants", "public")
    # Again with two workers (the store keeps its answers, as the writer left them), their shares read.
    built["answers_two_workers_again"] = _child(location, snapshot, "--jobs", "2")
    import pyoxigraph as ox

    return {"date": dt.date.today().isoformat(), "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}", "pyoxigraph": ox.__version__,
            "allocator": "mimalloc" if "mimalloc" in os.environ.get("LD_PRELOAD", "") else "system",
            "load_average_start": load_start, **built, "queries": first,
            "writes": _writes(location, work / "source.nt"),
            "virtuoso": _virtuoso(peers), "virtuoso_source": peers.name if peers is not None else None,
            "load_average_end": round(os.getloadavg()[0], 2)}


def _cell(figures: dict, cpu: str = "cpu_seconds") -> str:
    return f"{figures[cpu]:.2f} ({figures['seconds']:.2f})"


def _split(figures: dict) -> str:
    """How the CPU of the answers fell to the two workers: on an idle 2-core machine the wait is the larger."""
    shares = figures.get("workers_cpu_seconds") or []
    if len(shares) < 2:
        return ""
    return (f" (run again on the same snapshot: {figures['children_cpu_seconds']:.2f} s CPU, of which the workers "
            f"{' and '.join(f'{share:.2f}' for share in shares)} s: on an idle machine the wait is the larger)")


def render(result: dict) -> str:
    """Return the Markdown of a result of :func:`measure`."""
    virtuoso = result.get("virtuoso", {})
    lines = ["| query | rows | first `eukg query` after the write | Virtuoso (HTTP) | ratio, CPU | "
             "before: first query after a write (wall) | same bytes as live |", "|---|---:|---:|---:|---:|---:|---|"]
    for name, row in result["queries"].items():
        theirs = virtuoso.get(name)
        mine = {"seconds": row["first"]["seconds"], "cpu_seconds": row["first"]["children_cpu_seconds"]}
        ratio = f"{mine['cpu_seconds'] / theirs['cpu_seconds']:.2f}×" if theirs and theirs["cpu_seconds"] else "–"
        before = theirs.get("eukg_query_cold_seconds") if theirs else None
        lines.append(f"| `{name}` | {row['rows']:,} | {_cell(mine)} | {_cell(theirs) if theirs else '–'} | {ratio} | "
                     f"{f'{before:.2f}' if before is not None else '–'} | {'yes' if row['same_bytes'] else 'NO'} |")
    writes = result["writes"]
    new, removed = writes["new_source"], writes["remove_source"]
    lines += ["", "CPU seconds (wall seconds) of the whole `python -m kg query NAME -f csv --store DIR`, a new "
              f"process right after the build, on {result['statements']:,} statements on disk, pyoxigraph "
              f"{result['pyoxigraph']} on {result['allocator']}. Virtuoso: its server's CPU plus the client's, and "
              f"`eukg query`'s first run after a write before this change, from `{result['virtuoso_source']}` (the "
              "same generated graph). What it costs the writer: the build "
              f"{_cell(result['build'], 'all_cpu_seconds')}; the answers "
              "after it, as `eukg build` waits for them, "
              f"{_cell(result['answers_two_workers'], 'children_cpu_seconds')} with two workers"
              f"{_split(result.get('answers_two_workers_again', {}))}, "
              f"{_cell(result['answers_one_worker'], 'children_cpu_seconds')} with one; the answers "
              "without personal data alone (not made ready by default) "
              f"{_cell(result['answers_public_only'], 'children_cpu_seconds')}. A write of a new source of "
              f"{writes['source_triples']:,} triples returned in {new['write']['seconds']:.2f} s "
              f"({new['write']['cpu_seconds']:.2f} s CPU) and its child had the answers ready "
              f"{new['background']['seconds']:.2f} s later ({new['background']['children_cpu_seconds']:.2f} s CPU, "
              f"at niceness 10); removing it returned in {removed['write']['seconds']:.2f} s, its answers ready "
              f"{removed['background']['seconds']:.2f} s later. Measured {result['date']} on {result['machine']} at "
              f"load average {result['load_average_start']} to {result['load_average_end']}."]
    if result.get("note"):
        lines[-1] += " " + result["note"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line of the benchmark."""
    from kg.build.allocator import relaunch_on_mimalloc

    relaunch_on_mimalloc()
    parser = argparse.ArgumentParser(prog="python -m benchmarks.precomputed_answers",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, required=True,
                        help="a work folder of benchmarks.writer_cost (data/, store, source.nt)")
    parser.add_argument("--peers", type=Path, help="a peers result with Virtuoso's figures on the same data")
    parser.add_argument("--label", default="1M", help="the result file is precomputed-answers-LABEL.json")
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/performance.md")
    parser.add_argument("--note", default="", help="a sentence on how this run was made, shown on the page")
    args = parser.parse_args(argv)
    result = measure(args.work, args.peers) | {"note": args.note}
    out = RESULTS / f"precomputed-answers-{args.label}.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(render(result))
    print(f"wrote {out}")
    if not args.no_doc:
        from benchmarks.performance_page import write

        write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
