"""Throughput and latency of ``eukg serve`` against ``oxigraph serve-read-only`` at 1, 10, 50 and 200 clients.

Both servers serve the same data: the project's graph built by ``eukg build`` into a temporary
location, served by the real ``eukg serve`` command, and
the same quads loaded with ``oxigraph load`` and served by ``oxigraph serve-read-only
--union-default-graph`` (the PyPI ``oxigraph`` package's binary), each in its own process.

At each level, that many client threads each send one request after the other for ``--seconds``
(a new connection per request, as ``eukg query --endpoint`` and most scripts do, closed with a
reset so that the client's ports do not run out) and record its
status and latency. A request that gets no HTTP answer (a reset, a refused connection, a time-out)
is an error. The workloads:

- ``simple``: ``SELECT ?s WHERE { ?s a ?t } LIMIT 10``;
- ``projects``: the contract query ``projects`` (all projects with programme and dates);
- ``simple+runaway``: ``simple`` at 200 clients while one client sends a three-way cross join that
  runs until the servers' time limit (``--timeout``; Oxigraph's ``--timeout-s``, given to Oxigraph
  for this workload only, since with it the server aborted under 50 clients here) stops it;
- ``http only`` (``eukg serve`` only): ``GET /queries.json``, a fixed answer with no query worker,
  what the HTTP layer alone can serve; with ``--uvicorn PYTHON`` (an interpreter with
  ``uvicorn[standard]``) the same bytes are also served by uvicorn on uvloop and httptools
  (:mod:`benchmarks.asgi_fixed_answer`), to compare the HTTP layers.

The client is one Python process on the same machine, so it shares the cores with the server:
the figures compare the two servers under the same client, they are not either server's ceiling.

Run: ``python -m benchmarks.serve_load`` (results in ``benchmarks/results/serve-load.json``;
``docs/performance.md`` shows them; ``--write-docs`` only rewrites the docs table from the results).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from benchmarks.docs_section import replace_section
from benchmarks.servers import free_port, running
from kg.sparql.queries import find
from kg.store import open_store
from kg.store.writer import build

RESULTS = Path(__file__).parent / "results" / "serve-load.json"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
START, END = "<!-- serve-load:start -->", "<!-- serve-load:end -->"
BIN = Path(sys.executable).parent
CLIENTS = (1, 10, 50, 200)
SIMPLE = "SELECT ?s WHERE { ?s a ?t } LIMIT 10"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def _first_error(log: Path) -> str | None:
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
             if "error" in line.lower() and "Broken pipe" not in line]
    return lines[0].strip()[:200] if lines else None


def _request(port: int, path: str, query: str | None) -> int | str:
    """Send one request on a new connection; return the status, or the error's name when no HTTP answer came."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.connect()
        # Close with a reset, not into TIME_WAIT: tens of thousands of connections would use up the
        # client's ephemeral ports (a server that keeps the connection open leaves the close to us).
        connection.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        if query is None:
            connection.request("GET", path)
        else:
            body = urllib.parse.urlencode({"query": query}).encode()
            connection.request("POST", path, body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError as error:
        return type(error).__name__
    finally:
        connection.close()


def _level(port: int, path: str, query: str | None, clients: int, seconds: float) -> dict:
    """``clients`` threads send requests for ``seconds``; return throughput, latencies and statuses."""
    samples: list[tuple[int | str, float]] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    start = threading.Barrier(clients)

    def client() -> None:
        start.wait()
        mine = []
        while time.monotonic() < stop:
            began = time.perf_counter()
            status = _request(port, path, query)
            mine.append((status, time.perf_counter() - began))
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    answered = sorted(latency for status, latency in samples if status == 200)
    statuses = Counter(status for status, _ in samples)
    errors = {name: statuses.pop(name) for name in [k for k in statuses if isinstance(k, str)]}
    row = {"clients": clients, "requests": len(samples), "ok": statuses.pop(200, 0),
           "errors": sum(errors.values()), "error_kinds": errors,
           "other_statuses": {str(k): v for k, v in sorted(statuses.items())},
           "throughput_per_s": round(len(answered) / wall, 1)}
    if answered:
        row["p50_ms"] = round(1000 * statistics.median(answered), 1)
        row["p95_ms"] = round(1000 * answered[min(len(answered) - 1, int(0.95 * len(answered)))], 1)
    return row


def _with_runaway(port: int, path: str, clients: int, seconds: float) -> dict:
    runaway: list[int] = []
    thread = threading.Thread(target=lambda: runaway.append(_request(port, path, HEAVY)))
    thread.start()
    time.sleep(1)  # the runaway query has started
    row = _level(port, path, SIMPLE, clients, seconds)
    thread.join()
    row["runaway_status"] = runaway[0]
    return row


def _warm_up(port: int, path: str) -> None:
    for _ in range(8):  # start the query workers, fill the caches
        _request(port, path, SIMPLE)


def _workloads(port: int, path: str, projects: str, seconds: float) -> dict:
    _warm_up(port, path)
    return {"simple": [_level(port, path, SIMPLE, n, seconds) for n in CLIENTS],
            "projects": [_level(port, path, projects, n, seconds) for n in CLIENTS]}


def _uvicorn_http_only(python: str, work: Path, body: bytes, seconds: float) -> dict:
    """Serve ``body`` with uvicorn under ``python`` and return its ``http only`` rows."""
    answer = work / "queries.json"
    answer.write_bytes(body)
    port = free_port()
    command = [python, "-m", "uvicorn", "benchmarks.asgi_fixed_answer:app", "--port", str(port), "--log-level",
               "warning", "--no-access-log", "--loop", "uvloop", "--http", "httptools"]
    with running(command, port, "uvicorn", work / "uvicorn.log", cwd=Path(__file__).resolve().parents[1],
                  env={**os.environ, "FIXED_ANSWER_FILE": str(answer)}):
        return {"http only": [_level(port, "/queries.json", None, n, seconds) for n in CLIENTS]}


def measure(location: Path, work: Path, seconds: float, timeout: int, uvicorn: str | None = None) -> dict:
    """Serve ``location`` with both servers and return the workloads' rows for each."""
    store = open_store(location)
    quads = work / "data.nq"
    quads.write_bytes(ox.serialize(store.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS))
    size = len(store)
    del store
    oxigraph_dir = work / "oxigraph"
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(oxigraph_dir), "--file", str(quads)],
                   check=True, capture_output=True)
    projects = find("projects").bind({})
    results = {"quads": size}
    port, log = free_port(), work / "eukg.log"
    with running([str(BIN / "eukg"), "serve", "--store", str(location), "--port", str(port),
                  "--timeout", str(timeout), "--max-results", "100000"], port, "eukg serve", log) as process:
        rows = _workloads(port, "/sparql", projects, seconds)
        rows["simple+runaway"] = [_with_runaway(port, "/sparql", CLIENTS[-1], seconds)]
        rows["http only"] = [_level(port, "/queries.json", None, n, seconds) for n in CLIENTS]
        rows["simple+runaway"][0]["server_exit"] = process.poll()
    results["eukg serve"] = rows
    # Oxigraph's own time limit (--timeout-s) only for the runaway workload: with it, the server
    # aborted under 50 clients on this machine ("thread spawn error"), so the others run without.
    command = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(oxigraph_dir), "--union-default-graph"]
    port, log = free_port(), work / "oxigraph.log"
    with running([*command, "--bind", f"127.0.0.1:{port}"], port, "the Oxigraph server", log):
        rows = _workloads(port, "/query", projects, seconds)
    port, log = free_port(), work / "oxigraph-timeout.log"
    with running([*command, "--bind", f"127.0.0.1:{port}", "--timeout-s", str(timeout)], port, "the Oxigraph server",
                 log) as process:
        _warm_up(port, "/query")
        rows["simple+runaway"] = [_with_runaway(port, "/query", CLIENTS[-1], seconds)]
        rows["simple+runaway"][0]["server_exit"] = process.poll()
    rows["simple+runaway"][0]["server_error"] = _first_error(log)
    results["oxigraph serve-read-only"] = rows
    if uvicorn is not None:
        from kg.sparql.serve import _examples

        results["uvicorn, fixed answer"] = _uvicorn_http_only(uvicorn, work, _examples().encode(), seconds)
    return results


def render(results: dict) -> str:
    """Return the Markdown table of ``results`` (the content of serve-load.json) for docs/performance.md."""
    lines = ["| server | workload | clients | answers/s | p50 ms | p95 ms | 200 | 503 | other | no answer |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for server in ("eukg serve", "oxigraph serve-read-only", "uvicorn, fixed answer"):
        for workload, rows in results.get(server, {}).items():
            for row in rows:
                other = dict(row["other_statuses"])
                unavailable = other.pop("503", 0)
                lines.append(f"| {server} | {workload} | {row['clients']} | {row['throughput_per_s']:,} | "
                             f"{row.get('p50_ms', '–')} | {row.get('p95_ms', '–')} | {row['ok']:,} | {unavailable:,} | "
                             f"{sum(other.values()):,} | {row['errors']:,} |")
    notes = [f"- {results['quads']:,} quads; each level ran {results['seconds']} s; measured {results['measured']} "
             f"on {results['machine']}, load average {results['load_average']} (other jobs shared the cores)"]
    if results.get("uvicorn_measured", results.get("measured")) != results.get("measured"):
        notes.append(f"- uvicorn's rows were measured on {results['uvicorn_measured']} (a run with --uvicorn)")
    for server in ("eukg serve", "oxigraph serve-read-only"):
        runaway = results[server]["simple+runaway"][0]
        status = runaway["runaway_status"]
        note = (f"- {server}, simple+runaway: time limit {results['timeout']} s; the runaway query got "
                + (f"HTTP {status}" if isinstance(status, int) else f"no answer ({status})"))
        if runaway.get("server_exit") is not None:
            note += f"; the server exited with {runaway['server_exit']} (it logged: {runaway.get('server_error')})"
        notes.append(note)
    return "\n".join([*lines, "", *notes])


def write_docs(results: dict, docs: Path = DOCS) -> None:
    """Replace the figures between the markers of docs/performance.md with :func:`render` of ``results``."""
    replace_section(docs, START, END, render(results))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="How long each level runs.")
    parser.add_argument("--timeout", type=int, default=10, help="Both servers' query time limit in seconds.")
    parser.add_argument("--uvicorn", metavar="PYTHON",
                        help="An interpreter with uvicorn: also serve /queries.json's bytes with uvicorn.")
    parser.add_argument("--write-docs", action="store_true", help="Only write the figures into docs/performance.md.")
    args = parser.parse_args(argv)
    if args.write_docs:
        write_docs(json.loads(RESULTS.read_text(encoding="utf-8")))
        return
    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp:
        work = Path(tmp)
        location = work / "store"
        build(location)
        results = measure(location, work, args.seconds, args.timeout, args.uvicorn)
    results.update(seconds=args.seconds, timeout=args.timeout, measured=time.strftime("%Y-%m-%d"),
                   machine=f"{platform.machine()}, {os.cpu_count()} cores", load_average=round(os.getloadavg()[0], 1))
    if args.uvicorn is None and RESULTS.exists():  # keep uvicorn's rows of the last run that had it, with its date
        previous = json.loads(RESULTS.read_text(encoding="utf-8"))
        if "uvicorn, fixed answer" in previous:
            results["uvicorn, fixed answer"] = previous["uvicorn, fixed answer"]
            results["uvicorn_measured"] = previous.get("uvicorn_measured", previous.get("measured"))
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(render(results))
    write_docs(results)


if __name__ == "__main__":
    main()
