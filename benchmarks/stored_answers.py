"""``eukg query`` with stored answers (:mod:`kg.sparql.stored`): live, cold and warm, against Virtuoso.

For each contract query, on a built store on disk, ``python -m kg query NAME -f csv --store DIR`` as a
user runs it, a new process each time (start-up included, on mimalloc as ``eukg`` starts itself):

- *live*: ``EUKG_STORED_ANSWERS=0``, the query evaluated as before stored answers (one run);
- *cold*: the first run after a write (the query's stored answers deleted first): evaluated, kept, written;
- *warm*: the runs after it, which read the stored answer back (``--runs``, the median).

The three outputs must be the same bytes (``same_bytes``). The child's CPU seconds come from
``os.times`` (children). Virtuoso's figures are read from a peers result of the same machine and data
(``--peers``, written by ``python -m benchmarks.peers --engines eukg_query,virtuoso``): its server's CPU
seconds plus the client's, and wall seconds. The interpreter alone (``python -c pass``) and the imports of
the fast path are measured too (start-up). Results go to ``benchmarks/results/stored-answers-LABEL.json``;
``docs/performance.md`` shows them (:func:`render`).

    python -m benchmarks.stored_answers --store /tmp/work/store --peers benchmarks/results/peers-1M-stored-answers.json
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
CONTRACT = ("projects", "project_partners", "organisations", "events", "event_participants", "region_projects",
            "programme_projects", "persons", "regions")

__all__ = ["main", "measure", "render"]


def _run(args: list[str], env: dict[str, str]) -> tuple[dict, bytes]:
    """Run ``python ARGS`` once; return its wall and CPU seconds and its output."""
    before, wall = os.times(), time.perf_counter()
    done = subprocess.run([sys.executable, *args], check=True, env=env, cwd=ROOT, capture_output=True)
    after = os.times()
    cpu = after.children_user + after.children_system - before.children_user - before.children_system
    return {"seconds": round(time.perf_counter() - wall, 3), "cpu_seconds": round(cpu, 3)}, done.stdout


def _median(runs: list[dict]) -> dict:
    return {"seconds": round(statistics.median(r["seconds"] for r in runs), 3),
            "cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in runs), 3),
            "runs_cpu": [r["cpu_seconds"] for r in runs]}


def _rows(output: bytes) -> int:
    return sum(1 for _ in csv.reader(io.StringIO(output.decode("utf-8")))) - 1


def measure_query(store: Path, name: str, runs: int, extra: tuple[str, ...] = ()) -> dict:
    """Live, cold and warm ``eukg query NAME -f csv`` on ``store``."""
    from kg.sparql import stored

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = ["-m", "kg", "query", name, "-f", "csv", "--store", str(store), *extra]
    live, live_out = _run(args, {**env, stored.SWITCH: "0"})
    variant = "public" if "--no-personal-data" in extra else "all"
    for old in (stored.snapshot_of(store) / stored.ANSWERS_DIR).glob(f"{name}.{variant}.*"):
        old.unlink()
    cold, cold_out = _run(args, env)
    warm = [_run(args, env) for _ in range(runs)]
    digests = {hashlib.sha256(out).hexdigest() for out in (live_out, cold_out, *(out for _, out in warm))}
    return {"rows": _rows(live_out), "bytes": len(live_out), "live": live, "cold": cold,
            "warm": _median([figures for figures, _ in warm]), "same_bytes": len(digests) == 1,
            "load": round(os.getloadavg()[0], 2)}


def _virtuoso(peers: Path | None) -> dict[str, dict]:
    if peers is None or not peers.exists():
        return {}
    result = json.loads(peers.read_text(encoding="utf-8"))
    found = {}
    for name, row in result["queries"].items():
        figures = row["engines"].get("virtuoso") or {}
        if "seconds" in figures:
            found[name] = {"seconds": figures["seconds"],
                           "cpu_seconds": round(figures.get("server_cpu_seconds", 0) + figures["cpu_seconds"], 3)}
    return found


def startup(runs: int) -> dict:
    """The interpreter alone, and the interpreter with the imports of the fast path (medians of ``runs``)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    bare = [_run(["-c", "pass"], env)[0] for _ in range(runs)]
    fast = [_run(["-c", "import kg.sparql.fast, kg.sparql.stored, kg.sparql.output"], env)[0] for _ in range(runs)]
    typer_path = [_run(["-m", "kg", "query", "--help"], env)[0] for _ in range(runs)]
    return {"python": _median(bare), "fast_path_imports": _median(fast), "command_line": _median(typer_path)}


def measure(store: Path, names: tuple[str, ...], runs: int, peers: Path | None,
            no_personal: tuple[str, ...] = ()) -> dict:
    """Measure every query of ``names`` (and ``no_personal`` with ``--no-personal-data``) on ``store``."""
    import pyoxigraph as ox

    quads = len(ox.Store.read_only(str(store)))
    load_start = round(os.getloadavg()[0], 2)
    queries = {name: measure_query(store, name, runs) for name in names}
    public = {name: measure_query(store, name, runs, ("--no-personal-data",)) for name in no_personal}
    return {"date": dt.date.today().isoformat(), "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}", "pyoxigraph": ox.__version__, "quads": quads, "runs": runs,
            "load_average_start": load_start, "startup": startup(runs), "queries": queries,
            "no_personal_data": public, "virtuoso": _virtuoso(peers),
            "virtuoso_source": peers.name if peers is not None else None,
            "load_average_end": round(os.getloadavg()[0], 2)}


def _cell(figures: dict | None) -> str:
    if not figures:
        return "–"
    return f"{figures['cpu_seconds']:.2f} ({figures['seconds']:.2f})"


def _ratio(mine: dict, theirs: dict | None) -> str:
    if not theirs or not theirs.get("cpu_seconds"):
        return "–"
    return f"{mine['cpu_seconds'] / theirs['cpu_seconds']:.2f}×"


def render(result: dict) -> str:
    """Return the Markdown table of a result of :func:`measure`."""
    lines = ["| query | rows | live | cold (first run after a write) | warm (stored answer) | Virtuoso (HTTP) | "
             "warm / Virtuoso, CPU | same bytes |", "|---|---:|---:|---:|---:|---:|---:|---|"]
    virtuoso = result.get("virtuoso", {})
    for label, table in (("", result["queries"]), (" `--no-personal-data`", result.get("no_personal_data", {}))):
        for name, row in table.items():
            theirs = virtuoso.get(name) if not label else None
            lines.append(f"| `{name}`{label} | {row['rows']:,} | {_cell(row['live'])} | {_cell(row['cold'])} | "
                         f"{_cell(row['warm'])} | {_cell(theirs)} | {_ratio(row['warm'], theirs)} | "
                         f"{'yes' if row['same_bytes'] else 'NO'} |")
    start = result["startup"]
    lines += ["", f"CPU seconds (wall seconds) of the whole `python -m kg query NAME -f csv --store DIR`, a new "
              f"process each time, on {result['quads']:,} quads on disk, pyoxigraph {result['pyoxigraph']}; warm: "
              f"median of {result['runs']} runs; measured {result['date']} on {result['machine']} at load average "
              f"{result['load_average_start']} to {result['load_average_end']} (other work shared the cores: "
              f"compare CPU). Virtuoso: its server's CPU plus the client's, median of the peers run "
              f"`{result['virtuoso_source']}` on the same machine and data. Start-up: the interpreter alone "
              f"{_cell(start['python'])}, with the fast path's imports {_cell(start['fast_path_imports'])}, the "
              f"whole command line (`eukg query --help`) {_cell(start['command_line'])}."]
    if result.get("note"):
        lines[-1] += " " + result["note"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line of the benchmark."""
    from kg.build.allocator import relaunch_on_mimalloc

    relaunch_on_mimalloc()
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stored_answers", description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a built store on disk")
    parser.add_argument("--runs", type=int, default=3, help="warm runs of each query (the median is reported)")
    parser.add_argument("--queries", type=lambda text: tuple(text.split(",")), default=CONTRACT, metavar="Q1,Q2")
    parser.add_argument("--no-personal", type=lambda text: tuple(text.split(",")), default=(), metavar="Q1,Q2",
                        help="also measure these queries with --no-personal-data")
    parser.add_argument("--peers", type=Path, help="a peers result with Virtuoso's figures on the same data")
    parser.add_argument("--label", default="1M", help="the result file is stored-answers-LABEL.json")
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/performance.md")
    parser.add_argument("--note", default="", help="a sentence on how this run was made, shown on the page")
    args = parser.parse_args(argv)
    result = measure(args.store, args.queries, args.runs, args.peers, args.no_personal) | {"note": args.note}
    out = RESULTS / f"stored-answers-{args.label}.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(render(result))
    print(f"wrote {out}")
    if not args.no_doc:
        from benchmarks.performance_page import write

        write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
