"""What the query worker processes of ``eukg serve`` cost, and that a runaway query really stops.

Measured on a store built by ``eukg build`` (the project's own graph) or on a generated N-Quads
file (``--nquads``, bulk-loaded into a temporary store on disk):

- ``snapshot_backup_s`` / ``snapshot_copy_s``: the store's snapshot for the workers, as a RocksDB
  checkpoint (store on disk) and as a bulk copy (in-memory store: tests, ``--no-personal-data``);
- ``first_query_s``: the first query of a fresh server, which starts a worker process;
- ``warm_query_ms``: the median of 50 small queries on a started worker, and the same query run
  in-process on the store (``in_process_ms``), the cost of the process hop and serialisation;
- ``runaway_503_s``: how long a three-way cross join takes to get its 503 at ``--timeout 1``,
  ``worker_gone``: whether its worker process is gone right after, and ``cpu_after_s``: CPU seconds
  the server and its children use in the second after it (near 0 when the query stopped).

(The endpoint is read-only: changes reach it through the writer, see ``docs/store.md``.)

Timings are never assertions in tests; the results go to ``benchmarks/results/serve-workers-NAME.json``.

Examples
--------
::

    python -m benchmarks.serve_workers                      # the project's own graph
    python -m benchmarks.serve_workers --nquads /tmp/kg-100k.nq --name 100k
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
import pyoxigraph as ox

from kg.sparql.serve import ServerConfig, make_server
from kg.sparql.serve_results import answer
from kg.sparql.serve_workers import snapshot
from kg.store.writer import build

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SMALL = "SELECT ?s WHERE { ?s a ?t } LIMIT 10"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def _post(url: str, data: dict[str, str], headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _cpu_seconds(process: psutil.Process) -> float:
    total = sum(process.cpu_times()[:2])
    for child in process.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            pass
    return total


def measure(store: ox.Store, work: Path) -> dict[str, float | bool | int]:
    """Return the measurements described in the module docstring for ``store``."""
    out: dict[str, float | bool | int] = {"quads": len(store)}
    start = time.perf_counter()
    snapshot(store, work / "backup")
    out["snapshot_backup_s"] = round(time.perf_counter() - start, 3)
    memory = ox.Store()
    memory.bulk_extend(store.quads_for_pattern(None, None, None, None))
    start = time.perf_counter()
    snapshot(memory, work / "copy")
    out["snapshot_copy_s"] = round(time.perf_counter() - start, 3)

    server = make_server(store, "127.0.0.1", 0, ServerConfig(timeout=1, workers=2))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        start = time.perf_counter()
        assert _post(url, {"query": SMALL}) == 200
        out["first_query_s"] = round(time.perf_counter() - start, 3)
        times = []
        for _ in range(50):
            start = time.perf_counter()
            _post(url, {"query": SMALL})
            times.append(time.perf_counter() - start)
        out["warm_query_ms"] = round(1000 * statistics.median(times), 2)
        local = []
        for _ in range(50):
            start = time.perf_counter()
            answer(store, SMALL, "", 10_000)
            local.append(time.perf_counter() - start)
        out["in_process_ms"] = round(1000 * statistics.median(local), 2)

        before = set(server.pool.pids())
        start = time.perf_counter()
        status = _post(url, {"query": HEAVY})
        out["runaway_503_s"] = round(time.perf_counter() - start, 3)
        out["runaway_status"] = status
        killed = [pid for pid in before | set(server.pool.pids()) if not psutil.pid_exists(pid)]
        out["worker_gone"] = bool(killed)
        me = psutil.Process()
        cpu = _cpu_seconds(me)
        time.sleep(1)
        out["cpu_after_s"] = round(_cpu_seconds(me) - cpu, 3)
    finally:
        server.shutdown()
        server.server_close()

    return out


def main(argv: list[str] | None = None) -> int:
    """Measure, print the results as JSON and write them under benchmarks/results/."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve_workers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--nquads", type=Path, help="a generated N-Quads file (default: the project's own build)")
    parser.add_argument("--name", default="project", help="suffix of the results file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        work = Path(tmp)
        if args.nquads:
            store = ox.Store(str(work / "store"))
            store.bulk_load(path=str(args.nquads), format=ox.RdfFormat.N_QUADS)
        else:
            build(work / "store")
            store = ox.Store.read_only(str((work / "store").resolve()))
        results = measure(store, work)
    text = json.dumps(results, indent=2)
    print(text)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / f"serve-workers-{args.name}.json").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
