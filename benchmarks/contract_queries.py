"""The contract queries on the store on disk, where their time goes, and `eukg query` as a user runs it.

For each contract query (``queries/*.rq`` tagged ``contract``), on a built store on disk:

* ``engine``: pyoxigraph alone — ``store.query``, every solution read and written as CSV by
  pyoxigraph's serialiser (no rdflib term, none of the project's result code);
* ``unsorted``: the same query without its ``ORDER BY`` — the difference is what sorting costs;
* ``before``: the query file as it was at ``--before`` (a git revision), in the same run, so the two
  are measured under the same load;
* ``command``: the whole ``python -m kg query NAME -f csv --store STORE`` in a child process
  (interpreter, imports, opening the store, query, the project's result code, CSV written out);

and the start-up of ``python -m kg query --help``. The rows of the query at ``--before`` and now are
compared (sorted CSV), so a faster shape that changed an answer fails the run.

With ``--table-copy DIR`` the snapshot is copied to ``DIR`` and each query's answer is written into it as
a table in a named graph of its own (one node per row: its position and one statement per bound cell),
then read back sorted by position:

* ``table``: what a precomputed summary graph holding the answer would cost on disk — the floor of any
  shape, since the cells are read from the store as the answer's are (see docs/scale.md).

Run: ``python -m benchmarks.contract_queries --store /tmp/bench1m/store --label 1M --before ecf347c
--repeats 3 --table-copy /tmp/tables``
(results in ``benchmarks/results/contract-queries-LABEL.json``; ``docs/performance.md`` shows them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Namespace

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
NAMES = ("projects", "project_partners", "organisations", "events", "event_participants", "region_projects",
         "programme_projects", "persons", "regions")
#: Virtuoso 7.2 over HTTP on a generated graph of 1,029,159 quads, complete answer as CSV, median of 3
#: runs: the table of issue 24, measured by the benchmark harness against the server the integration
#: tests start (benchmarks/run.py); the reference the targets are set against.
VIRTUOSO_1M = {"projects": 0.53, "project_partners": 4.22, "organisations": 3.06, "events": 0.27,
               "event_participants": 0.32, "region_projects": 7.57, "programme_projects": 0.61,
               "persons": 0.21, "regions": 0.05}
_ORDER_BY = re.compile(r"^ORDER BY .*$", re.MULTILINE)
#: The vocabulary of the answer tables (a benchmark's, not the project's ontology).
TABLE = Namespace("https://w3id.org/eu-regional-kg/bench/table#")
_CELLS = [ox.NamedNode(TABLE[cell]) for cell in ("c0", "c1", "c2", "c3", "c4", "c5", "c6")]
_POSITION = ox.NamedNode(TABLE.position)
#: An answer table read back, each column a sub-select joined by hashing (at most seven columns; the
#: columns a query lacks stay empty).
READ_TABLE = """
PREFIX t: <https://w3id.org/eu-regional-kg/bench/table#>
SELECT ?c0 ?c1 ?c2 ?c3 ?c4 ?c5 ?c6 WHERE {
  { SELECT ?row ?i WHERE { ?row t:position ?i } }
  OPTIONAL { SELECT ?row ?c0 WHERE { ?row t:c0 ?c0 } }
  OPTIONAL { SELECT ?row ?c1 WHERE { ?row t:c1 ?c1 } }
  OPTIONAL { SELECT ?row ?c2 WHERE { ?row t:c2 ?c2 } }
  OPTIONAL { SELECT ?row ?c3 WHERE { ?row t:c3 ?c3 } }
  OPTIONAL { SELECT ?row ?c4 WHERE { ?row t:c4 ?c4 } }
  OPTIONAL { SELECT ?row ?c5 WHERE { ?row t:c5 ?c5 } }
  OPTIONAL { SELECT ?row ?c6 WHERE { ?row t:c6 ?c6 } }
}
ORDER BY ?i
"""


def engine(store: ox.Store, text: str, repeats: int) -> tuple[dict, bytes]:
    """Time ``text`` on ``store`` (best of ``repeats``): query, every solution, CSV; return the times and the CSV."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        answer = store.query(text, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.CSV)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"seconds": round(min(walls), 3), "cpu_seconds": round(min(cpus), 3)}, answer


def write_table(store: ox.Store, source: ox.Store, text: str, graph: ox.NamedNode) -> None:
    """Write the answer of ``text`` on ``source`` into ``graph`` of ``store`` as a table of rows."""
    quads = []
    for position, solution in enumerate(source.query(text, use_default_graph_as_union=True)):
        row = ox.BlankNode()
        quads.append(ox.Quad(row, _POSITION, ox.Literal(position), graph))
        quads += [ox.Quad(row, cell, value, graph) for cell, value in zip(_CELLS, solution, strict=False)
                  if value is not None]
    store.bulk_extend(quads)


def table(store: ox.Store, graph: ox.NamedNode, repeats: int) -> dict:
    """Time reading the answer table ``graph`` back in order, as CSV (best of ``repeats``)."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        store.query(READ_TABLE, default_graph=graph).serialize(format=ox.QueryResultsFormat.CSV)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"seconds": round(min(walls), 3), "cpu_seconds": round(min(cpus), 3)}


def tables(snapshot: str, copy: Path, names: tuple[str, ...], repeats: int) -> dict[str, dict]:
    """Copy ``snapshot`` to ``copy``, write each query's answer into it as a table, and time reading each."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(snapshot, copy)
    source = ox.Store.read_only(snapshot)
    store = ox.Store(str(copy))
    graphs = {name: ox.NamedNode(TABLE[name]) for name in names}
    for name, graph in graphs.items():
        write_table(store, source, (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8"), graph)
    store.flush()
    del store
    reader = ox.Store.read_only(str(copy))
    return {name: table(reader, graph, repeats) for name, graph in graphs.items()}


def rows(answer: bytes) -> list[bytes]:
    """The rows of a CSV answer (header left out), sorted."""
    return sorted(line for line in answer.split(b"\r\n")[1:] if line)


def command(args: list[str], repeats: int) -> dict:
    """Time a child ``python -m kg ARGS`` (best of ``repeats``, wall and the child's CPU)."""
    walls, cpus = [], []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(repeats):
        before, wall = os.times(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", *args], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = os.times()
        walls.append(time.perf_counter() - wall)
        cpus.append(after.children_user + after.children_system - before.children_user - before.children_system)
    return {"seconds": round(min(walls), 3), "cpu_seconds": round(min(cpus), 3)}


def old_text(revision: str, name: str) -> str:
    """The query file ``name`` as it was at git ``revision``."""
    return subprocess.run(["git", "show", f"{revision}:queries/{name}.rq"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def measure_query(store: ox.Store, location: str, name: str, before: str | None, repeats: int) -> dict:
    """All the figures of one query (see the module's docstring)."""
    text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    result: dict = {}
    result["engine"], answer = engine(store, text, repeats)
    result["rows"] = len(rows(answer))
    result["unsorted"], _ = engine(store, _ORDER_BY.sub("", text), repeats)
    if before is not None:
        result["before"], old = engine(store, old_text(before, name), 1)
        result["same_rows_as_before"] = rows(old) == rows(answer)
    result["command"] = command(["query", name, "-f", "csv", "--store", location], repeats)
    result["virtuoso_s"] = VIRTUOSO_1M.get(name)
    return result


def measure(location: str, before: str | None, repeats: int, names: tuple[str, ...] = NAMES,
            table_copy: Path | None = None) -> dict:
    """Measure every query of ``names`` on the store at ``location``, and the command's start-up (and
    each answer read back from a table in a copy of the store at ``table_copy``)."""
    snapshot = str(Path(location).resolve())
    store = ox.Store.read_only(snapshot)
    queries = {}
    for name in names:
        queries[name] = measure_query(store, location, name, before, repeats)
        print(name, json.dumps(queries[name]), flush=True)
    if table_copy is not None:
        for name, figures in tables(snapshot, table_copy, names, repeats).items():
            queries[name]["table"] = figures
            print(name, "table", json.dumps(figures), flush=True)
    return {"quads": len(store), "store": "on disk (pyoxigraph read-only)", "before": before, "repeats": repeats,
            "startup": command(["query", "--help"], repeats), "queries": queries,
            "virtuoso_source": "issue 24's table: Virtuoso 7.2 over HTTP on a generated graph of 1,029,159 quads",
            "python": platform.python_version(), "pyoxigraph": ox.__version__,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores", "load_average": round(os.getloadavg()[0], 1),
            "date": time.strftime("%Y-%m-%d")}


def _s(stage: dict | None) -> str:
    return "–" if not stage else f"{stage['cpu_seconds']:.2f} ({stage['seconds']:.2f})"


def render(results: dict) -> str:
    """Return the Markdown table of ``results``."""
    lines = ["| query | rows | before: engine | engine | of which sorting | answer read from a table | "
             "`eukg query` | Virtuoso | engine CPU / Virtuoso |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, q in results["queries"].items():
        sort = q["engine"]["cpu_seconds"] - q["unsorted"]["cpu_seconds"]
        virtuoso = q.get("virtuoso_s")
        ratio = f"{q['engine']['cpu_seconds'] / virtuoso:.1f}×" if virtuoso else "–"
        lines.append(f"| {name} | {q['rows']:,} | {_s(q.get('before'))} | {_s(q['engine'])} | {max(sort, 0):.2f} | "
                     f"{_s(q.get('table'))} | {_s(q['command'])} | {virtuoso if virtuoso is not None else '–'} | "
                     f"{ratio} |")
    start = results["startup"]
    same = all(q.get("same_rows_as_before", True) for q in results["queries"].values())
    lines += ["", f"Seconds as CPU (wall), best of {results['repeats']} runs (the query at `{results['before']}`: one "
              f"run), on {results['quads']:,} quads {results['store']}, pyoxigraph {results['pyoxigraph']}, measured "
              f"{results['date']} on {results['machine']} at load average {results['load_average']} (other work "
              "shared the cores: compare CPU). `eukg query` is the whole command, start-up included; its start-up "
              f"alone (`python -m kg query --help`) took {_s(start)}. \"Answer read from a table\": the same answer "
              "written into a copy of the store as one node per row and read back in order, what a summary "
              "graph holding the answer would cost. Rows identical to the query at "
              f"`{results['before']}`: {'yes, every query' if same else 'NO'}. Virtuoso: "
              f"{results['virtuoso_source']}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="A built store (its location or a snapshot directory).")
    parser.add_argument("--label", default="1M", help="Names the result file: contract-queries-LABEL.json.")
    parser.add_argument("--before", help="A git revision whose query files are measured too, and compared.")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--queries", nargs="+", default=list(NAMES), choices=NAMES)
    parser.add_argument("--table-copy", type=Path, metavar="DIR",
                        help="Also time each answer read back from a table written into a copy of the store here.")
    args = parser.parse_args(argv)
    results = measure(args.store, args.before, args.repeats, tuple(args.queries), args.table_copy)
    (RESULTS / f"contract-queries-{args.label}.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(render(results))


if __name__ == "__main__":
    main()
