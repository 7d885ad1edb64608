"""What a query worker of ``eukg serve`` spends on each contract query: evaluated, first request, stored answer.

On a store on disk, a :class:`kg.sparql.serve_workers.WorkerPool` of one worker (the server's own
machinery, without HTTP) answers each contract query as its text, asked as SPARQL JSON results
(``application/sparql-results+json``, what ``benchmarks.serve_load`` asks for):

- *live*: stored answers off for the pool (every query evaluated, as before the endpoint read them);
- *first*: the first request on a snapshot without the query's stored answer: evaluated within the row
  limit, and kept because it came whole (:mod:`kg.sparql.serve_stored`);
- *stored*: the requests after it, which read the kept TSV and write JSON.

Live and stored are the mean of ``--runs`` requests.

The figures are the worker process's CPU seconds (``/proc/PID/stat``) and the wall seconds of the
request; the three bodies must be the same bytes (``same_bytes``). The row limit is ``--max-results``
(above every answer's rows, so that each is kept). Results go to ``benchmarks/results/serve-stored-LABEL.json``.

    python -m benchmarks.serve_stored --store /tmp/work/store --label 1M
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import time
from pathlib import Path

import pyoxigraph as ox

from kg.sparql.queries import find
from kg.sparql.serve_workers import WorkerPool
from kg.sparql.stored import ANSWERS_DIR

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
CONTRACT = ("projects", "project_partners", "organisations", "events", "event_participants", "region_projects",
            "programme_projects", "persons", "regions")
ACCEPT = "application/sparql-results+json"


def _cpu(pid: int) -> float:
    """CPU seconds (user and system) the process ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(pool: WorkerPool, text: str, limit: int) -> tuple[dict, bytes]:
    """Answer ``text`` in the pool's one worker; return its CPU and wall seconds, and the body."""
    pool.run("ASK {}", ACCEPT, 1)  # the worker is started and has the snapshot open
    (pid,) = pool.pids()
    cpu, wall = _cpu(pid), time.perf_counter()
    body, _ = pool.run(text, ACCEPT, limit)
    return {"cpu_seconds": round(_cpu(pid) - cpu, 3), "seconds": round(time.perf_counter() - wall, 3)}, body


def _mean(runs: list[dict]) -> dict:
    """The mean of each figure (CPU seconds are counted in clock ticks of 10 ms: the mean is finer)."""
    return {key: round(statistics.mean(run[key] for run in runs), 4) for key in ("cpu_seconds", "seconds")}


def measure(store: Path, queries: tuple[str, ...], runs: int, limit: int, timeout: float) -> dict:
    """Return the live, first and stored figures of each query on the store directory ``store``."""
    shutil.rmtree(store / ANSWERS_DIR, ignore_errors=True)
    quads = len(ox.Store.read_only(str(store)))
    load_start = round(os.getloadavg()[0], 1)
    rows = {}
    live_pool = WorkerPool(None, 1, timeout, path=str(store), personal=None)
    stored_pool = WorkerPool(None, 1, timeout, path=str(store), personal=True)
    try:
        for name in queries:
            text = find(name).text
            live = [_timed(live_pool, text, limit) for _ in range(runs)]
            live_body = live[0][1]
            first, first_body = _timed(stored_pool, text, limit)
            warm = [_timed(stored_pool, text, limit) for _ in range(runs)]
            rows[name] = {"rows": len(json.loads(live_body)["results"]["bindings"]), "bytes": len(live_body),
                          "live": _mean([w[0] for w in live]), "first": first, "stored": _mean([w[0] for w in warm]),
                          "same_bytes": all(body == live_body for _, body in [*live, (None, first_body), *warm])}
            print(name, rows[name], flush=True)
    finally:
        live_pool.close()
        stored_pool.close()
    return {"quads": quads, "queries": rows, "runs": runs, "max_results": limit, "accept": ACCEPT,
            "pyoxigraph": ox.__version__, "date": time.strftime("%Y-%m-%d"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "load_average_start": load_start, "load_average_end": round(os.getloadavg()[0], 1)}


def _cell(figures: dict) -> str:
    return f"{figures['cpu_seconds']:.3f} ({figures['seconds']:.2f})"


def render(result: dict) -> str:
    """Return the Markdown table of a result of :func:`measure`."""
    lines = ["| query | rows | JSON bytes | live | first request (evaluated, kept) | stored answer | "
             "live / stored, CPU | same bytes |", "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, row in result["queries"].items():
        stored = row["stored"]["cpu_seconds"]
        ratio = f"{row['live']['cpu_seconds'] / stored:.0f}×" if stored else "–"
        lines.append(f"| `{name}` | {row['rows']:,} | {row['bytes']:,} | {_cell(row['live'])} | "
                     f"{_cell(row['first'])} | {_cell(row['stored'])} | {ratio} | "
                     f"{'yes' if row['same_bytes'] else 'NO'} |")
    lines += ["", f"CPU seconds of the query worker (wall seconds of the request) for one SPARQL JSON answer, "
              f"on {result['quads']:,} quads on disk, pyoxigraph {result['pyoxigraph']}, row limit "
              f"{result['max_results']:,}; live and stored: mean of {result['runs']} requests; measured "
              f"{result['date']} on {result['machine']} at load average {result['load_average_start']} to "
              f"{result['load_average_end']} (other work shared the cores: compare CPU)."]
    if result.get("note"):
        lines[-1] += " " + result["note"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line of the benchmark."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve_stored", description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store directory on disk (answers are kept in it)")
    parser.add_argument("--runs", type=int, default=3, help="live and stored requests of each query (their mean)")
    parser.add_argument("--queries", type=lambda text: tuple(text.split(",")), default=CONTRACT, metavar="Q1,Q2")
    parser.add_argument("--max-results", type=int, default=1_000_000, help="the row limit")
    parser.add_argument("--timeout", type=float, default=600.0, help="the query time limit in seconds")
    parser.add_argument("--label", default="1M", help="the result file is serve-stored-LABEL.json")
    parser.add_argument("--note", default="", help="a sentence on how this run was made, shown on the page")
    args = parser.parse_args(argv)
    result = measure(args.store, args.queries, args.runs, args.max_results, args.timeout) | {"note": args.note}
    out = RESULTS / f"serve-stored-{args.label}.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(render(result))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
