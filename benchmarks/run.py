"""Benchmark harness: each step of the toolkit against the plain baseline a user would otherwise write.

In one run, on the same generated data, every step runs in its own child process, so its peak
memory (``VmHWM`` of ``/proc/self/status``) is its own:

- ``build``: the project's bulk loader (``kg.store.load_file``, one thread per core) + ``optimize`` on
  disk; baseline rdflib ``Dataset.parse`` (N-Quads).
- ``validate_full``: shacl-rust (:mod:`kg.validate.fast`) from the store; baseline pyshacl over the union
  rdflib Graph (parsing not timed).
- ``validate_qc``: the quality queries on pyoxigraph (no baseline).
- ``validate_incremental``: one new source plus its context from the store; baseline pyshacl with
  ``focus_nodes`` (the source's subjects) on the full Graph.
- ``query:NAME``: each contract query on pyoxigraph; baseline rdflib SPARQL over the same Dataset (union).
- ``analytics``: the co-participation network from the store (SPARQL rows → graph) and degree, weighted
  degree, sampled betweenness, Louvain, components and core numbers through :mod:`kg.analytics`
  (igraph on large graphs); baseline networkx defaults on the same rows (its sampled betweenness
  extrapolated from fewer sources); "same results" compares degrees, components and cores exactly and
  betweenness for the same sources up to a constant.
- ``release``: ``eukg release`` without the CSVs (six formats, gzip copies, checksums, description);
  baseline rdflib serialising the same six formats from a Dataset (parsing not timed).

The project's steps run on mimalloc, as ``eukg`` does (:mod:`kg.build.allocator`); the baselines on the
system allocator, as a plain script does. Each result says which one its process ran on.

Results go to ``benchmarks/results/DATE-SIZE.json`` (``triples``, and for each step ``seconds``,
``baseline_seconds``, ``ratio`` and peak RSS); ``docs/performance.md`` is then generated again from
the result files (:mod:`benchmarks.performance_page`). Timings are never assertions in tests.

Examples
--------
::

    python -m benchmarks.run --triples 100000            # generate, then measure everything
    python -m benchmarks.run --triples 1000000 --skip-baseline validate_full --cap 600
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.clock import Clock, stopped_after
from kg.build.allocator import environment, in_use, system_environment

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- steps (each runs in a child process)


def _union_graph(data: Path, extra: Path | None = None):
    from rdflib import Dataset, Graph

    graph = Graph()
    for path in (data, extra):
        if path is None:
            continue
        dataset = Dataset()
        dataset.parse(path, format="nquads")
        for part in dataset.graphs():
            graph += part
    return graph


def _keys(problems) -> list[list[str | None]]:
    return sorted([p.focus, p.path, p.severity] for p in problems)


def _severities(problems) -> dict[str, int]:
    """Count SHACL results by severity: a warning is a problem but does not break conformance."""
    return {"violations": sum(p.severity == "Violation" for p in problems),
            "warnings": sum(p.severity == "Warning" for p in problems)}


def step_build(work: Path, data: Path, new: Path) -> dict:
    import pyoxigraph as ox

    from kg.store import load_file

    store_dir = work / "store"
    clock = Clock()
    store = ox.Store(str(store_dir))
    load_file(store, data, bulk=True)  # what `eukg build` does with a data file: cut and loaded on every core
    store.optimize()
    store.flush()
    return {**clock.read(), "triples": len(store)}


def baseline_build(work: Path, data: Path, new: Path) -> dict:
    from rdflib import Dataset

    clock = Clock()
    dataset = Dataset()
    dataset.parse(data, format="nquads")
    return {**clock.read(), "triples": len(dataset)}


def step_validate_full(work: Path, data: Path, new: Path) -> dict:
    import pyoxigraph as ox

    from kg.validate import shapes_graph
    from kg.validate.fast import store_quads_problems

    store = ox.Store.read_only(str(work / "store"))
    shapes = shapes_graph()
    clock = Clock()
    problems = store_quads_problems(store, shapes, work_dir=work)
    figures = clock.read()
    (work / "keys-fast.json").write_text(json.dumps(_keys(problems)))
    return {**figures, "problems": len(problems), **_severities(problems)}


def baseline_validate_full(work: Path, data: Path, new: Path) -> dict:
    from kg.validate import shacl_problems, shapes_graph

    graph, shapes = _union_graph(data), shapes_graph()
    clock = Clock()
    clock.mark(_mark(work, "baseline", "validate_full"), "pyshacl")
    problems = shacl_problems(graph, shapes)
    figures = clock.read()
    (work / "keys-pyshacl.json").write_text(json.dumps(_keys(problems)))
    return {**figures, "problems": len(problems)}


def step_validate_qc(work: Path, data: Path, new: Path) -> dict:
    import pyoxigraph as ox

    from kg.validate import qc_problems

    store = ox.Store.read_only(str(work / "store"))
    clock = Clock()
    problems = qc_problems(store)
    return {**clock.read(), "problems": len(problems)}


INCREMENTAL_RUNS = 5


def step_validate_incremental(work: Path, data: Path, new: Path) -> dict:
    import pyoxigraph as ox

    from kg.validate import shapes_graph
    from kg.validate.fast import load_source, prepare_shapes, source_problems

    store = ox.Store.read_only(str(work / "store"))
    clock = Clock()
    shapes = prepare_shapes(shapes_graph())
    prepare = clock.read()["seconds"]
    runs, cpu = [], []
    for _ in range(INCREMENTAL_RUNS):
        clock = Clock()
        problems = source_problems(store, load_source(new), shapes)
        figures = clock.read()
        runs.append(figures["seconds"])
        cpu.append(figures["cpu_seconds"])
    # The median of a few runs: one run on a shared machine can land on a busy moment.
    seconds = sorted(runs)[len(runs) // 2]
    (work / "keys-incremental-fast.json").write_text(json.dumps(_keys(problems)))
    return {"seconds": seconds, "problems": len(problems), **_severities(problems),
            "source_triples": sum(1 for _ in open(new, "rb")),
            "shapes_preparation_seconds": prepare, "first_run_seconds": runs[0],
            "cpu_seconds": sorted(cpu)[len(cpu) // 2]}


def baseline_validate_incremental(work: Path, data: Path, new: Path) -> dict:
    import pyshacl
    from rdflib import Dataset
    from rdflib.namespace import SH

    from kg.validate import shapes_graph
    from kg.validate.report import short as _short

    graph, shapes = _union_graph(data, new), shapes_graph()
    source = Dataset()
    source.parse(new, format="nquads")
    subjects = sorted({s for s, _, _, _ in source.quads((None, None, None, None))})
    clock = Clock()
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True,
                                     advanced=True, focus_nodes=subjects)
    figures = clock.read()
    keys = sorted(
        [_short(results.value(r, SH.focusNode)),
         _short(results.value(r, SH.resultPath)) if results.value(r, SH.resultPath) is not None else None,
         str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[1]]
        for r in results.subjects(SH.resultSeverity, None)
    )
    (work / "keys-incremental-pyshacl.json").write_text(json.dumps(keys))
    return {**figures, "problems": len(keys)}


def _contract_queries():
    from kg.sparql.queries import library

    skip = set(filter(None, os.environ.get("EUKG_BENCH_SKIP_QUERIES", "").split(",")))
    return {name: query for name, query in sorted(library().items())
            if "contract" in (query.tags or []) and name not in skip}


def step_queries(work: Path, data: Path, new: Path) -> dict:
    """The contract queries through :func:`kg.sparql.queries.run` on the built store as a notebook or
    ``eukg analyze`` reads it: an in-memory copy while ``kg.store.fits_in_memory`` (the copy is
    timed apart), else the store on disk; also on disk when ``EUKG_BENCH_QUERIES_ON_DISK`` is set
    (``--queries-on-disk``)."""
    import pyoxigraph as ox

    from kg.sparql.queries import run
    from kg.store import fits_in_memory, in_memory_copy

    on_disk = ox.Store.read_only(str(work / "store"))
    copied = fits_in_memory(len(on_disk))
    clock = Clock()
    store = in_memory_copy(on_disk) if copied else on_disk
    copy = clock.read()
    also_on_disk = copied and bool(os.environ.get("EUKG_BENCH_QUERIES_ON_DISK"))
    out = {}
    for name, query in _contract_queries().items():
        clock = Clock()
        rows = len(run(query, store).rows)
        out[name] = {**clock.read(), "rows": rows}
        if also_on_disk:
            clock = Clock()
            run(query, on_disk)
            out[name]["on_disk"] = clock.read()
    return {"queries": out, **({"copy": copy} if copied else {})}


def _rdflib_query(dataset, text: str, out: Path | None, answer) -> None:
    """In a forked child: run ``text`` on rdflib's ``dataset`` (and write the answer as CSV to ``out`` when
    given); send the figures (or the error) back."""
    clock = Clock()
    try:
        result = dataset.query(text)
        if out is None:
            rows = len(list(result))
        else:
            result.serialize(destination=str(out), format="csv")
            rows = len(result)
    except Exception as error:  # noqa: BLE001 - a baseline failure is a result, not a crash
        answer.send({"error": f"rdflib: {type(error).__name__}: {error}"})
        return
    answer.send({**clock.read(), "rows": rows})


def rdflib_capped(fork, dataset, text: str, cap: float, out: Path | None = None, what: str = "query") -> dict:
    """Run ``text`` on rdflib's ``dataset`` in a child forked from this process (``fork``: the fork context of
    :mod:`multiprocessing`) and return its figures; one that does not finish within ``cap`` seconds is
    stopped, and the time it had run is returned as a lower bound."""
    from benchmarks.clock import process_cpu

    receive, send = fork.Pipe(duplex=False)
    child = fork.Process(target=_rdflib_query, args=(dataset, text, out, send))
    clock = Clock()
    child.start()
    send.close()  # the child's end only, so that a child that dies ends the wait at once
    if receive.poll(cap):
        try:
            figures = receive.recv()
        except EOFError:
            child.join()
            figures = {"error": f"rdflib's process died (exit code {child.exitcode})"}
    else:
        seconds = clock.read()["seconds"]
        cpu = process_cpu(child.pid)
        child.kill()
        figures = {"error": f"did not finish within the {cap:.0f} s query cap",
                   "stopped": {"what": what, "seconds": seconds, "cpu_seconds": cpu}}
    child.join()
    return figures


def baseline_queries(work: Path, data: Path, new: Path) -> dict:
    """rdflib's SPARQL on a Dataset parsed once (not timed). Each query runs in a child forked from
    this process, so one that does not finish within ``EUKG_BENCH_QUERY_CAP`` seconds is stopped
    (with the time it had run as a lower bound) and the next one still runs."""
    import multiprocessing

    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    cap = float(os.environ.get("EUKG_BENCH_QUERY_CAP", "600"))
    fork = multiprocessing.get_context("fork")
    out = {}
    for name, query in _contract_queries().items():
        out[name] = rdflib_capped(fork, dataset, query.bind(None), cap, what=name)
        # Kept after each query, so a run stopped by the step's cap still reports those that finished.
        (work / "partial-baseline-queries.json").write_text(json.dumps({"queries": out}))
    return {"queries": out}


# ---------------------------------------------------------------- analytics: the co-participation network

#: Sampled betweenness sources, and the smaller number on which both engines are compared (and from
#: which networkx's time for ANALYTICS_K is extrapolated: it does not finish at Keep.eu size).
ANALYTICS_K, ANALYTICS_K_CHECK, ANALYTICS_SEED = 500, 10, 42


def _timed(times: dict[str, float], name: str, function):
    # Wall seconds under ``name``, CPU seconds under ``name`` + "_cpu" (the machine is shared: CPU time
    # shows what a quiet machine would take).
    clock = Clock()
    value = function()
    figures = clock.read()
    times[name], times[f"{name}_cpu"] = figures["seconds"], figures["cpu_seconds"]
    return value


def _totals(times: dict[str, float]) -> dict[str, float]:
    wall = sum(v for k, v in times.items() if not k.endswith("_cpu") and not k.startswith("betweenness_check"))
    cpu = sum(v for k, v in times.items() if k.endswith("_cpu") and not k.startswith("betweenness_check"))
    return {"seconds": wall, "cpu_seconds": cpu}


def step_analytics(work: Path, data: Path, new: Path) -> dict:
    """kg.analytics on the store: the co-participation network (projects only) and its metrics."""
    import pickle

    from kg.analytics import (
        betweenness,
        components,
        coparticipation_network,
        core_number,
        degree,
        louvain,
        weighted_degree,
    )
    from kg.analytics.backends import engine, to_igraph
    from kg.store import open_store

    times: dict[str, float] = {}
    # As `eukg analyze` reads it: copied into memory while kg.store.fits_in_memory (the copy is timed).
    store = _timed(times, "open", lambda: open_store(work / "store", in_memory=None))
    graph = _timed(times, "network", lambda: coparticipation_network(store, events=False))
    degrees = _timed(times, "degree", lambda: degree(graph))
    strengths = _timed(times, "weighted_degree", lambda: weighted_degree(graph))
    _timed(times, "betweenness", lambda: betweenness(graph, k=ANALYTICS_K, seed=ANALYTICS_SEED))
    parts = _timed(times, "louvain", lambda: louvain(graph, seed=ANALYTICS_SEED))
    numbers = _timed(times, "components", lambda: components(graph))
    cores = _timed(times, "core_number", lambda: core_number(graph))
    # Untimed: what the comparison with the baseline needs.
    import random

    sources = random.Random(ANALYTICS_SEED).sample(list(graph), ANALYTICS_K_CHECK)  # what networkx draws
    check = betweenness(graph, k=ANALYTICS_K_CHECK, seed=ANALYTICS_SEED)
    converted, nodes = to_igraph(graph, "weight")
    membership = [parts[node] for node in nodes]
    (work / "analytics-kg.pickle").write_bytes(pickle.dumps({
        "degree": degrees, "weighted_degree": strengths, "components": numbers, "core_number": cores,
        "betweenness_sources": sources, "betweenness_check": check,
        "modularity": converted.modularity(membership, weights="weight"),
    }))
    return {**_totals(times), "times": times, "engine": engine(graph, "auto") or "networkx",
            "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "k": ANALYTICS_K,
            "communities": len(set(parts.values())), "components": len(set(numbers.values()))}


def baseline_analytics(work: Path, data: Path, new: Path) -> dict:
    """networkx defaults on the same rows: the bipartite graph, its weighted projection, the metrics.

    networkx's sampled betweenness runs from ANALYTICS_K_CHECK sources and its time for ANALYTICS_K is
    extrapolated (``betweenness_extrapolated``); the figures so far are kept after each metric, so a run
    stopped by the cap still reports them.
    """
    import pickle

    import networkx as nx
    import pyoxigraph as ox

    from kg.analytics import bipartite_network
    from kg.analytics.sources import fetch, store_rows

    store = ox.Store.read_only(str(work / "store"))
    times: dict[str, float] = {}
    partial = work / "partial-baseline-analytics.json"

    def keep(name, function):
        value = _timed(times, name, function)
        partial.write_text(json.dumps({"times": times, **_totals(times)}))
        return value

    def network() -> nx.Graph:
        bipartite = bipartite_network(store)
        organisations = [row["organisation"] for row in fetch(store_rows(store), "organisations")]
        return bipartite, organisations

    bipartite, organisations = keep("network", network)

    def projection() -> nx.Graph:
        graph = nx.bipartite.weighted_projected_graph(bipartite, [n for n, b in bipartite.nodes(data="bipartite")
                                                                  if b == 0])
        graph.add_nodes_from(organisations)
        return graph

    graph = keep("projection", projection)
    degrees = keep("degree", lambda: dict(graph.degree()))
    strengths = keep("weighted_degree", lambda: dict(graph.degree(weight="weight")))
    parts = keep("components", lambda: list(nx.connected_components(graph)))
    cores = keep("core_number", lambda: nx.core_number(graph))
    keep("betweenness_check", lambda: nx.betweenness_centrality(graph, k=ANALYTICS_K_CHECK, seed=ANALYTICS_SEED))
    times["betweenness_extrapolated"] = times["betweenness_check"] * ANALYTICS_K / ANALYTICS_K_CHECK
    times["betweenness_extrapolated_cpu"] = times["betweenness_check_cpu"] * ANALYTICS_K / ANALYTICS_K_CHECK
    communities = keep("louvain", lambda: nx.community.louvain_communities(graph, seed=ANALYTICS_SEED))
    kg = pickle.loads((work / "analytics-kg.pickle").read_bytes()) if (work / "analytics-kg.pickle").exists() else {}
    subset = (nx.betweenness_centrality_subset(graph, kg["betweenness_sources"], list(graph))
              if kg else {})
    (work / "analytics-baseline.pickle").write_bytes(pickle.dumps({
        "degree": degrees, "weighted_degree": strengths, "components": parts, "core_number": cores,
        "betweenness_subset": subset, "modularity": nx.community.modularity(graph, communities),
    }))
    return {**_totals(times), "times": times, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "communities": len(communities), "betweenness_extrapolated_from_k": ANALYTICS_K_CHECK}


def _analytics_note(r: dict) -> list[str]:
    """The analytics step's extra notes for the table: CPU times, modularity, the extrapolated baseline."""
    if r.get("modularity") is None:
        return []
    note = [f"Louvain modularity {r['modularity']} (networkx {r.get('baseline_modularity')})",
            f"{r.get('nodes', 0):,} organisations, {r.get('edges', 0):,} edges"]
    if r.get("baseline_times"):
        note.append(f"networkx's betweenness k={r.get('k')} extrapolated from {ANALYTICS_K_CHECK} sources")
    return note


def _same_analytics(work: Path) -> dict:
    """Compare the two analytics results: exact degrees, components, cores; betweenness up to a constant."""
    import pickle

    from kg.analytics.metrics import numbered

    mine, theirs = work / "analytics-kg.pickle", work / "analytics-baseline.pickle"
    if not (mine.exists() and theirs.exists()):
        return {}
    a, b = pickle.loads(mine.read_bytes()), pickle.loads(theirs.read_bytes())
    checks = {
        "degree": a["degree"] == b["degree"],
        "weighted_degree": a["weighted_degree"] == b["weighted_degree"],
        "components": a["components"] == numbered(b["components"]),
        "core_number": a["core_number"] == b["core_number"],
    }
    sources = set(a["betweenness_sources"])
    ratios = {True: [], False: []}
    for node, value in a["betweenness_check"].items():
        other = b["betweenness_subset"].get(node, 0.0)
        if (value == 0) != (abs(other) < 1e-12):
            ratios[node in sources].append(float("inf"))
        elif value:
            ratios[node in sources].append(other / value)
    checks["betweenness"] = all(max(r) <= min(r) * (1 + 1e-9) for r in ratios.values() if r)
    return {"same_results": all(checks.values()), "checks": checks,
            "modularity": round(a["modularity"], 4), "baseline_modularity": round(b["modularity"], 4)}


def step_release(work: Path, data: Path, new: Path) -> dict:
    """``eukg release`` of the built store without the CSVs: six RDF formats, each gzipped and hashed, and
    the VoID/DCAT description (the contract queries behind the CSVs are measured as ``query:NAME``)."""
    import datetime
    import shutil

    import pyoxigraph as ox

    from kg.export.release import release

    store = ox.Store.read_only(str(work / "store"))
    folder = work / "release"
    clock = Clock()
    result = release(store, folder, version="bench", issued=datetime.date(2026, 1, 1), tables=False, force=True)
    figures = clock.read()
    files = {str(d.info.path): d.info.sha256 for d in result.files}
    shutil.rmtree(folder, ignore_errors=True)
    return {**figures, "files": len(files),
            "bytes": sum(d.info.byte_size for d in result.files),
            "steps": result.seconds, "sha256_nq": files.get("eukg.nq")}


def baseline_release(work: Path, data: Path, new: Path) -> dict:
    """rdflib serialising the same six formats from an rdflib Dataset (parsing not timed; no gzip, no hashes)."""
    import shutil

    from rdflib import Dataset

    from benchmarks.release_export import rdflib_serialise

    dataset = Dataset()
    dataset.parse(data, format="nquads")
    folder = work / "baseline-release"
    folder.mkdir(exist_ok=True)
    clock = Clock()
    steps = rdflib_serialise(dataset, folder)
    figures = clock.read()
    shutil.rmtree(folder, ignore_errors=True)
    return {**figures, "steps": steps}


PENDING: dict[str, str] = {}

STEPS = {
    "build": (step_build, baseline_build),
    "validate_full": (step_validate_full, baseline_validate_full),
    "validate_qc": (step_validate_qc, None),
    "validate_incremental": (step_validate_incremental, baseline_validate_incremental),
    "queries": (step_queries, baseline_queries),
    "analytics": (step_analytics, baseline_analytics),
    "release": (step_release, baseline_release),
}


# ---------------------------------------------------------------- the parent: one child per step


def _child(kind: str, step: str, work: Path, data: Path, new: Path, cap: float) -> dict:
    command = [sys.executable, "-m", "benchmarks.run", "--child", kind, step, str(work), str(data), str(new)]
    # The 1-minute load average before and after: on a shared machine it says how far the wall
    # seconds are from a quiet machine's (2.0 on 2 cores: the step had the cores to itself).
    load = [round(os.getloadavg()[0], 1)]
    # The project's steps start on the allocator `eukg` starts on (mimalloc where installed); the
    # baselines on the system's, as the plain script a user would write does.
    env = environment() if kind == "step" else system_environment()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        stdout, stderr = process.communicate(timeout=cap)
    except subprocess.TimeoutExpired:
        # Read before the kill: how long the work that was stopped had run (a lower bound of its time).
        stopped = stopped_after(_mark(work, kind, step), process.pid)
        process.kill()
        process.communicate()
        partial = work / f"partial-{kind}-{step}.json"
        out = json.loads(partial.read_text()) if partial.exists() else {}
        if stopped:
            out["stopped"] = stopped
        load.append(round(os.getloadavg()[0], 1))
        return {**out, "error": f"did not finish within the {cap:.0f} s cap", "load": load}
    load.append(round(os.getloadavg()[0], 1))
    if process.returncode != 0:
        return {"error": stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {process.returncode}",
                "load": load}
    return {**json.loads(stdout.strip().splitlines()[-1]), "load": load}


def _mark(work: Path, kind: str, step: str) -> Path:
    """Where the child of ``kind`` and ``step`` marks the start of the work it is measuring."""
    return work / f"started-{kind}-{step}.json"


def _at_least(stopped: dict, mine: dict, error: str | None) -> dict:
    """A baseline stopped at the cap had run ``stopped`` seconds: lower bounds of its time and ratios."""
    return {
        "baseline_error": f"{error}; had run {stopped['seconds']:.0f} s ({stopped['cpu_seconds']:.0f} s CPU)",
        "baseline_seconds_at_least": round(stopped["seconds"], 1),
        "baseline_cpu_seconds_at_least": round(stopped["cpu_seconds"], 1),
        "ratio_at_least": _ratio(stopped["seconds"], mine.get("seconds")),
        "cpu_ratio_at_least": _ratio(stopped["cpu_seconds"], mine.get("cpu_seconds")),
    }


_BASELINE_FIELDS = ("baseline_seconds", "baseline_cpu_seconds", "baseline_peak_rss_mb", "baseline_error",
                    "baseline_allocator", "baseline_seconds_at_least", "baseline_cpu_seconds_at_least")


def _with_earlier_baseline(fresh: dict, old: dict) -> dict:
    """``fresh`` (a step re-measured without its baseline) with the baseline ``old`` measured, and say so.

    The ratios, and the lower bounds of a baseline that its cap stopped, are taken against the new seconds.
    """
    carried = {field: old[field] for field in _BASELINE_FIELDS if old.get(field) is not None}
    if not carried.keys() & {"baseline_seconds", "baseline_seconds_at_least"}:
        return fresh
    out = {**fresh, **carried, "baseline_from_earlier_run": True}
    out["ratio"] = _ratio(out.get("baseline_seconds"), out.get("seconds"))
    out["cpu_ratio"] = _ratio(out.get("baseline_cpu_seconds"), out.get("cpu_seconds"))
    if "baseline_seconds_at_least" in carried:
        out["ratio_at_least"] = _ratio(out["baseline_seconds_at_least"], out.get("seconds"))
        out["cpu_ratio_at_least"] = _ratio(out.get("baseline_cpu_seconds_at_least"), out.get("cpu_seconds"))
    return out


def _ratio(baseline: float | None, seconds: float | None) -> float | None:
    if baseline is None or seconds is None or seconds <= 0:
        return None
    return round(baseline / seconds, 1)


def _same(work: Path, a: str, b: str) -> bool | None:
    first, second = work / a, work / b
    if not (first.exists() and second.exists()):
        return None
    return json.loads(first.read_text()) == json.loads(second.read_text())


def measure(data: Path, new: Path, work: Path, skip_baseline: set[str], cap: float, log=print,
            only: set[str] | None = None) -> dict:
    """Run every step (and its baseline unless skipped) on ``data``; return the results."""
    results: dict[str, dict] = {}
    for step, (_, theirs) in STEPS.items():
        if only and step not in only and step != "build":
            continue
        log(f"{step} ...")
        mine = _child("step", step, work, data, new, cap)
        base = _child("baseline", step, work, data, new, cap) if theirs and step not in skip_baseline else None
        if step == "queries":
            for name, row in mine.get("queries", {}).items():
                b = (base or {}).get("queries", {}).get(name, {})
                results[f"query:{name}"] = {
                    "seconds": row["seconds"], "baseline_seconds": b.get("seconds"),
                    "ratio": _ratio(b.get("seconds"), row["seconds"]),
                    "cpu_seconds": row.get("cpu_seconds"), "baseline_cpu_seconds": b.get("cpu_seconds"),
                    "cpu_ratio": _ratio(b.get("cpu_seconds"), row.get("cpu_seconds")),
                    "load": mine.get("load"), "baseline_load": (base or {}).get("load"),
                    "rows": row["rows"], "same_rows": b.get("rows") == row["rows"] if "rows" in b else None,
                    "peak_rss_mb": mine.get("peak_rss_mb"), "baseline_peak_rss_mb": (base or {}).get("peak_rss_mb"),
                    "allocator": mine.get("allocator"), "baseline_allocator": (base or {}).get("allocator"),
                }
                if "on_disk" in row:
                    results[f"query:{name}"].update(
                        on_disk_seconds=row["on_disk"]["seconds"], on_disk_cpu_seconds=row["on_disk"]["cpu_seconds"],
                        on_disk_ratio=_ratio(b.get("seconds"), row["on_disk"]["seconds"]))
                if b.get("error"):
                    results[f"query:{name}"]["baseline_error"] = b["error"]
                if b.get("stopped"):
                    results[f"query:{name}"].update(_at_least(b["stopped"], row, b.get("error")))
                elif base and "error" in base and not b:
                    results[f"query:{name}"]["baseline_error"] = "not reached: " + base["error"]
            if "copy" in mine:
                results["queries:copy into memory"] = {**mine["copy"], "peak_rss_mb": mine.get("peak_rss_mb"),
                                                      "load": mine.get("load")}
            if "error" in mine or (base and "error" in base):
                results["queries"] = {"error": mine.get("error") or base.get("error")}
            continue
        entry = {
            "seconds": mine.get("seconds"),
            "baseline_seconds": (base or {}).get("seconds"),
            "ratio": _ratio((base or {}).get("seconds"), mine.get("seconds")),
            "peak_rss_mb": mine.get("peak_rss_mb"),
            "baseline_peak_rss_mb": (base or {}).get("peak_rss_mb"),
        }
        entry.update({k: v for k, v in mine.items() if k not in entry and k != "peak_rss_mb"})
        entry["baseline_cpu_seconds"] = (base or {}).get("cpu_seconds")
        entry["cpu_ratio"] = _ratio(entry["baseline_cpu_seconds"], mine.get("cpu_seconds"))
        entry["baseline_load"] = (base or {}).get("load")
        entry["baseline_allocator"] = (base or {}).get("allocator")
        if base and "error" in base:
            entry["baseline_error"] = base["error"]
        if (base or {}).get("stopped"):
            entry.update(_at_least(base["stopped"], mine, base.get("error")))
        if step == "validate_full":
            entry["same_results"] = _same(work, "keys-fast.json", "keys-pyshacl.json")
        if step == "validate_incremental":
            entry["same_results"] = _same(work, "keys-incremental-fast.json", "keys-incremental-pyshacl.json")
        if step == "analytics":
            entry.update(_same_analytics(work))
            if (base or {}).get("times"):
                entry["baseline_times"] = base["times"]
        results[step] = entry
        log(f"  {json.dumps(entry)}")
    for step, why in PENDING.items():
        results[step] = {"pending": why}
    return results


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:.3f}{unit}" if value < 1 else f"{value:.1f}{unit}"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def markdown(report: dict) -> str:
    """Return the results as a markdown table."""
    lines = [
        f"Measured {report['date']} on {report['machine']}: {report['triples']:,} triples "
        f"({report['generated']['projects']:,} projects, {report['generated']['organisations']:,} organisations, "
        f"{report['generated']['participations']:,} participations; new source of {report['new_source_triples']:,} "
        "triples).",
        "",
        "| step | project (s) | baseline (s) | ratio | CPU ratio | peak RSS (MB) | baseline peak RSS (MB) | load "
        "| note |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for step, r in report["steps"].items():
        if "pending" in r:
            lines.append(f"| {step} | | | | | | | | pending: {r['pending']} |")
            continue
        note = []
        if r.get("same_results") is not None:
            note.append("same results" if r["same_results"] else "DIFFERENT results")
        if r.get("same_rows") is not None:
            note.append("same rows" if r["same_rows"] else "DIFFERENT rows")
        if r.get("violations") is not None:
            note.append(_plural(r["violations"], "violation") + ", " + _plural(r.get("warnings", 0), "warning"))
        if r.get("on_disk_seconds") is not None:
            on_disk_ratio = f", {r['on_disk_ratio']}×" if r.get("on_disk_ratio") is not None else ""
            note.append(f"on disk {_fmt(r['on_disk_seconds'])} s{on_disk_ratio}")
        note += _analytics_note(r)
        for key in ("error", "baseline_error"):
            if r.get(key):
                note.append(f"{key.replace('_', ' ')}: {r[key]}")
        if r.get("baseline_from_earlier_run"):
            note.append("baseline from an earlier run")
        ratio, cpu_ratio = _ratio_cell(r, "ratio"), _ratio_cell(r, "cpu_ratio")
        load = " / ".join("–".join(str(x) for x in r[key]) for key in ("load", "baseline_load") if r.get(key))
        lines.append(
            f"| {step} | {_fmt(r.get('seconds'))} | {_fmt(r.get('baseline_seconds'))} | {ratio} | {cpu_ratio} | "
            f"{_fmt(r.get('peak_rss_mb'))} | {_fmt(r.get('baseline_peak_rss_mb'))} | {load} | {'; '.join(note)} |"
        )
    return "\n".join(lines)


def _ratio_cell(r: dict, key: str) -> str:
    if r.get(key) is not None:
        return f"{r[key]}×"
    if r.get(f"{key}_at_least") is not None:
        return f"> {r[f'{key}_at_least']}×"
    return "–"


def _size_label(triples: int) -> str:
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if triples >= div:
            return f"{triples / div:g}{unit}"
    return str(triples)


def main(argv: list[str] | None = None) -> int:
    """Command line of the harness (and the entry of each measured child)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        kind, step, work, data, new = argv[1:6]
        functions = STEPS[step]
        function = functions[0] if kind == "step" else functions[1]
        out = function(Path(work), Path(data), Path(new))
        out["peak_rss_mb"] = round(peak_rss_mb(), 1)
        out["allocator"] = in_use()
        print(json.dumps(out))
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000, help="synthetic triples to generate")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--violations", type=int, default=15,
                        help="violations per kind in the new source (15: about 2,800 triples, the issue's size)")
    parser.add_argument("--skip-baseline", nargs="*", default=None, metavar="STEP",
                        help="skip the baselines of these steps (all when none is named)")
    parser.add_argument("--cap", type=float, default=1800, help="seconds after which a step is stopped")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/performance.md")
    parser.add_argument("--skip-query", nargs="+", default=[], metavar="NAME",
                        help="leave these contract queries out (region_projects does not finish at 100k triples)")
    parser.add_argument("--query-cap", type=float, default=600,
                        help="seconds after which one baseline query is stopped (the next one still runs)")
    parser.add_argument("--queries-on-disk", action="store_true",
                        help="also time the contract queries on the store on disk (they run in memory)")
    parser.add_argument("--data", type=Path, metavar="FILE.nq",
                        help="measure this N-Quads file (written by `python -m benchmarks.generate "
                        "--with-reference`) instead of generating one; needs --new")
    parser.add_argument("--new", type=Path, metavar="FILE.nq", help="the new source written with --data")
    parser.add_argument("--summary", type=Path, metavar="FILE.json",
                        help="the JSON the generator printed for --data (counts for the report)")
    parser.add_argument("--steps", nargs="+", choices=sorted(STEPS), metavar="STEP",
                        help="measure only these steps (the build always runs); their results replace those "
                        "of the same steps in an existing result file of the same date and size")
    args = parser.parse_args(argv)
    if len({args.data is None, args.new is None, args.summary is None}) > 1:
        parser.error("--data, --new and --summary go together")
    skip = set(STEPS) if args.skip_baseline == [] else set(args.skip_baseline or ())
    if args.skip_query:
        os.environ["EUKG_BENCH_SKIP_QUERIES"] = ",".join(args.skip_query)
    os.environ["EUKG_BENCH_QUERY_CAP"] = str(args.query_cap)
    if args.queries_on_disk:
        os.environ["EUKG_BENCH_QUERIES_ON_DISK"] = "1"

    from benchmarks.generate import write_graph, write_new_source

    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        work = Path(tmp)
        if args.data:
            data, new = args.data.resolve(), args.new.resolve()
            given = json.loads(args.summary.read_text(encoding="utf-8"))
            graph_counts, new_counts = given.get("graph", {}), given.get("new_source", {})
            synthetic, new_quads = graph_counts.get("quads"), new_counts.get("quads")
            expected = new_counts.get("expected")
        else:
            data, new = work / "graph.nq", work / "new.nq"
            print(f"generating {args.triples:,} synthetic triples ...", flush=True)
            generated = write_graph(data, args.triples, args.seed, with_reference=True)
            new_source = write_new_source(new, generated, args.violations)
            graph_counts, synthetic = generated.summary(), generated.quads
            new_quads, expected = new_source.quads, new_source.expected
        steps = measure(data, new, work, skip, args.cap, log=lambda m: print(m, flush=True),
                        only=set(args.steps or ()))
    triples = steps.get("build", {}).get("triples") or synthetic
    # A generated file is labelled by its size to two figures (10,000,039 quads -> "10M").
    label = _size_label(int(float(f"{synthetic:.2g}")) if args.data and synthetic else args.triples)
    report = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "triples": triples,
        "synthetic_triples": synthetic,
        "generated": graph_counts,
        "new_source_triples": new_quads,
        "new_source_expected": expected,
        "steps": steps,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{report['date']}-{label}.json"
    if args.steps and out.exists():
        previous = json.loads(out.read_text(encoding="utf-8"))
        names = set(args.steps) | ({"query"} if "queries" in args.steps else set())
        measured = {k for k in steps if k.split(":")[0] in names}
        if "build" not in args.steps:
            measured.discard("build")
        for key in measured:
            old, fresh = previous["steps"].get(key, {}), steps[key]
            if fresh.get("baseline_seconds") is None and key.split(":")[0] in skip:
                fresh = _with_earlier_baseline(fresh, old)
            previous["steps"][key] = fresh
        for step in set(args.steps) - set(steps):
            previous["steps"].pop(step, None)  # e.g. an old "queries" error the new run did not have
        previous.setdefault("remeasured", {}).update({k: report["date"] for k in sorted(measured)})
        report = previous
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    table = markdown(report)
    if not args.no_doc:
        from benchmarks.performance_page import write

        write()
    print(table)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
