"""Analytics engines compared on one Keep.eu-shaped co-participation network (issue 11, section 3).

The network is drawn by :func:`benchmarks.generate.keep_eu_memberships` (30,000 projects,
150,000 organisations, 193,000 participations by default). Each engine computes each stage in its
own child process (so its time, CPU time and peak RSS are its own; the stage's input is built
before the clock starts), and the parent compares the results with networkx's:

======================  =====================================================================
engine                  what it runs
======================  =====================================================================
``networkx``            the defaults a user would write: ``bipartite.weighted_projected_graph``,
                        ``betweenness_centrality(k, seed)``, ``louvain_communities(seed)`` …
``kg``                  ``kg.analytics`` with ``backend="igraph"`` on the networkx graph (the
                        conversion included in each stage); projection by ``co_occurrence``
                        (scipy) into a networkx graph, as ``coparticipation_network`` does
``igraph``              python-igraph on its own graph (``bipartite_projection``, …)
``rustworkx``           rustworkx on its own graph (no sampled betweenness, no Louvain)
``scipy``               ``B·Bᵀ`` of the organisation × project incidence matrix, csgraph components
``nx-rustworkx`` …      networkx's backend dispatch (``backend="rustworkx"``, ``"graphblas"``,
                        ``"parallel"``), run by ``--dispatch-python`` (a venv where they are installed)
======================  =====================================================================

plus ``pipeline``: ``kg.analytics`` end to end in one process (projection into a networkx graph,
degree, weighted degree, sampled betweenness, Louvain, components, core numbers), which is the
figure issue 11 sets the < 40 s target for.

networkx's sampled betweenness from ``k`` sources did not finish in 300 s in the issue's
measurement; it runs here from ``--k-check`` sources (the same sources for every engine, compared
value by value) and its time for ``k`` is that time × ``k / k_check`` (marked "extrapolated";
``--full-baseline`` runs it at ``k`` within the cap instead).

Results go to ``benchmarks/results/DATE-analytics-backends.json`` and a markdown table is printed.

Examples
--------
::

    python -m benchmarks.analytics_backends                       # Keep.eu size, every engine
    python -m benchmarks.analytics_backends --projects 3000 --organisations 15000 --participations 19300
    python -m benchmarks.analytics_backends --dispatch-python /tmp/bk-venv/bin/python
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.clock import Clock
from kg.build.allocator import environment, in_use, system_environment

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"

STAGES = ("projection", "degree", "weighted_degree", "components", "core_number", "louvain", "betweenness",
          "eigenvector")
DISPATCH = {"nx-rustworkx": "rustworkx", "graphblas-algorithms": "graphblas", "nx-parallel": "parallel"}
ENGINES = ("networkx", "kg", "igraph", "rustworkx", "scipy", *DISPATCH)
DEFAULT_ENGINES = ("networkx", "igraph", "rustworkx", "scipy", *DISPATCH)  # kg: measured by the pipeline


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------- inputs (built before the clock starts)


def _pairs(work: Path):
    import numpy as np

    return np.load(work / "pairs.npy")


def _incidence(work: Path):
    import numpy as np
    import scipy.sparse as sparse

    pairs = _pairs(work)
    shape = (int(pairs[:, 0].max()) + 1, int(pairs[:, 1].max()) + 1)
    return sparse.csr_array((np.ones(len(pairs), dtype=np.int64), (pairs[:, 0], pairs[:, 1])), shape=shape)


def _projected(work: Path):
    """The upper triangle of B·Bᵀ as COO, and the number of organisations."""
    import scipy.sparse as sparse

    incidence = _incidence(work)
    return sparse.triu(incidence @ incidence.T, k=1).tocoo(), incidence.shape[0]


def _nx_graph(work: Path):
    import networkx as nx

    shared, n = _projected(work)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from(zip(shared.row.tolist(), shared.col.tolist(), shared.data.tolist(), strict=True))
    return graph


def _ig_graph(work: Path):
    import igraph as ig
    import numpy as np

    shared, n = _projected(work)
    graph = ig.Graph(n=n, edges=np.column_stack([shared.row, shared.col]).tolist())
    graph.es["weight"] = shared.data.tolist()
    return graph


def _rx_graph(work: Path):
    import rustworkx as rx

    shared, n = _projected(work)
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(n))
    graph.add_edges_from(list(zip(shared.row.tolist(), shared.col.tolist(), shared.data.tolist(), strict=True)))
    return graph


# ---------------------------------------------------------------- one stage of one engine (a child process)


def _sample(n: int, k: int, seed: int) -> list[int]:
    import random

    return random.Random(seed).sample(range(n), k)  # what networkx draws for nodes 0..n-1


def _stage_networkx(stage: str, work: Path, k: int, seed: int, backend: str | None = None):
    import networkx as nx

    if stage == "projection":
        pairs = _pairs(work)
        organisations = sorted(set(pairs[:, 0].tolist()))
        bipartite = nx.Graph()
        bipartite.add_nodes_from(organisations, bipartite=0)
        offset = max(organisations) + 1
        bipartite.add_edges_from((int(o), offset + int(p)) for o, p in pairs)
        started = Clock()
        graph = nx.bipartite.weighted_projected_graph(bipartite, organisations)
        clock = started.read()
        return clock, {(min(a, b), max(a, b)): w for a, b, w in graph.edges(data="weight")}
    graph = _nx_graph(work)
    options = {} if backend is None else {"backend": backend}
    started = Clock()
    if stage == "degree":
        result = dict(graph.degree())
    elif stage == "weighted_degree":
        result = dict(graph.degree(weight="weight"))
    elif stage == "components":
        result = list(nx.connected_components(graph, **options))
    elif stage == "core_number":
        result = nx.core_number(graph, **options)
    elif stage == "louvain":
        result = nx.community.louvain_communities(graph, weight="weight", seed=seed, **options)
    elif stage == "betweenness":
        result = nx.betweenness_centrality(graph, k=k, seed=seed, **options)
    elif stage == "eigenvector":
        result = nx.eigenvector_centrality(graph, weight="weight", max_iter=1000, **options)
    return started.read(), result


def _stage_kg(stage: str, work: Path, k: int, seed: int):
    from kg.analytics import communities, metrics
    from kg.analytics.networks import co_occurrence

    if stage == "projection":
        import networkx as nx

        pairs = _pairs(work)
        groups: dict[int, list[int]] = {}
        for organisation, project in pairs.tolist():
            groups.setdefault(project, []).append(organisation)
        started = Clock()
        shared = co_occurrence(groups, backend="scipy")
        graph = nx.Graph()
        graph.add_nodes_from(range(int(pairs[:, 0].max()) + 1))
        graph.add_edges_from((a, b, {"projects": w, "events": 0, "weight": w}) for (a, b), w in shared.items())
        return started.read(), shared
    graph = _nx_graph(work)
    started = Clock()
    result = {
        "degree": lambda: metrics.degree(graph),
        "weighted_degree": lambda: metrics.weighted_degree(graph),
        "components": lambda: metrics.components(graph, backend="igraph"),
        "core_number": lambda: metrics.core_number(graph, backend="igraph"),
        "louvain": lambda: communities.louvain(graph, seed=seed, backend="igraph"),
        "betweenness": lambda: metrics.betweenness(graph, k=k, seed=seed, backend="igraph"),
        "eigenvector": lambda: metrics.eigenvector(graph, backend="igraph"),
    }[stage]()
    return started.read(), result


def _stage_igraph(stage: str, work: Path, k: int, seed: int):
    import random

    import igraph as ig

    if stage == "projection":
        pairs = _pairs(work)
        n = int(pairs[:, 0].max()) + 1
        projects = int(pairs[:, 1].max()) + 1
        bipartite = ig.Graph.Bipartite([False] * n + [True] * projects,
                                       [(int(o), n + int(p)) for o, p in pairs])
        started = Clock()
        projected = bipartite.bipartite_projection(multiplicity=True, which=0)
        clock = started.read()
        return clock, {(min(a, b), max(a, b)): w for (a, b), w in zip(projected.get_edgelist(),
                                                                     projected.es["weight"], strict=True)}
    graph = _ig_graph(work)
    started = Clock()
    if stage == "degree":
        result = graph.degree()
    elif stage == "weighted_degree":
        result = graph.strength(weights="weight")
    elif stage == "components":
        result = list(graph.connected_components())
    elif stage == "core_number":
        result = graph.coreness()
    elif stage == "louvain":
        ig.set_random_number_generator(random.Random(seed))
        result = list(graph.community_multilevel(weights="weight"))
    elif stage == "betweenness":
        result = graph.betweenness(sources=_sample(graph.vcount(), k, seed))
    elif stage == "eigenvector":
        result = graph.eigenvector_centrality(weights="weight")
    return started.read(), result


def _stage_rustworkx(stage: str, work: Path, k: int, seed: int):
    import rustworkx as rx

    if stage in ("projection", "louvain", "betweenness"):
        raise NotImplementedError({"projection": "no bipartite projection", "louvain": "no Louvain",
                                   "betweenness": "exact betweenness only (no sampled sources)"}[stage])
    graph = _rx_graph(work)
    started = Clock()
    if stage == "degree":
        result = [graph.degree(i) for i in graph.node_indices()]
    elif stage == "weighted_degree":
        result = [sum(w for _, _, w in graph.out_edges(i)) for i in graph.node_indices()]
    elif stage == "components":
        result = [sorted(part) for part in rx.connected_components(graph)]
    elif stage == "core_number":
        result = rx.core_number(graph)
    elif stage == "eigenvector":
        result = rx.eigenvector_centrality(graph, weight_fn=float, max_iter=1000)
    return started.read(), dict(result) if isinstance(result, dict) else result


def _stage_scipy(stage: str, work: Path, k: int, seed: int):
    if stage not in ("projection", "degree", "weighted_degree", "components"):
        raise NotImplementedError("not a sparse-matrix operation in scipy")
    import scipy.sparse as sparse
    from scipy.sparse import csgraph

    incidence = _incidence(work)
    if stage == "projection":
        started = Clock()
        shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
        clock = started.read()
        return clock, dict(zip(zip(shared.row.tolist(), shared.col.tolist(), strict=True), shared.data.tolist(),
                               strict=True))
    shared, _ = _projected(work)
    adjacency = (shared + shared.T).tocsr()
    started = Clock()
    if stage == "degree":
        result = adjacency.getnnz(axis=1) if hasattr(adjacency, "getnnz") else (adjacency != 0).sum(axis=1)
    elif stage == "weighted_degree":
        result = adjacency.sum(axis=1)
    else:
        result = csgraph.connected_components(adjacency, directed=False)[1]
    return started.read(), [int(x) for x in result]


def run_stage(engine: str, stage: str, work: Path, k: int, seed: int) -> dict:
    """Run one stage of one engine; save its result to ``work`` for the comparison; return its figures."""
    if engine in DISPATCH:
        if stage == "projection":
            raise NotImplementedError("networkx's dispatch has no backend for the bipartite projection")
        clock, result = _stage_networkx(stage, work, k, seed, backend=DISPATCH[engine])
    else:
        function = {"networkx": _stage_networkx, "kg": _stage_kg, "igraph": _stage_igraph,
                    "rustworkx": _stage_rustworkx, "scipy": _stage_scipy}[engine]
        clock, result = function(stage, work, k, seed)
    (work / f"result-{engine}-{stage}-{k}.pickle").write_bytes(pickle.dumps(_canonical(stage, result)))
    return clock


def _canonical(stage: str, result: object) -> object:
    """Results in one shape whatever the engine: per-organisation lists, or sorted partitions."""
    if stage == "projection":
        return result
    if stage in ("components", "louvain"):
        if isinstance(result, dict):  # kg: {node: number}
            result = _groups(result.items())
        elif result and not isinstance(result[0], (list, set, frozenset)):  # scipy: a label per node
            result = _groups(enumerate(result))
        return sorted(sorted(part) for part in result)
    if isinstance(result, dict):
        return [result[i] for i in range(len(result))]
    return [float(x) for x in result]


def _groups(labels) -> list[list[int]]:
    grouped: dict[int, list[int]] = {}
    for node, number in labels:
        grouped.setdefault(number, []).append(node)
    return list(grouped.values())


def run_pipeline(work: Path, k: int, seed: int, k_check: int) -> dict:
    """kg.analytics end to end in one process: projection into a networkx graph, then every metric."""
    import networkx as nx

    from kg.analytics import communities, metrics
    from kg.analytics.networks import add_shared, co_occurrence

    pairs = _pairs(work)
    groups: dict[int, list[int]] = {}
    for organisation, project in pairs.tolist():
        groups.setdefault(project, []).append(organisation)
    steps: dict[str, dict[str, float]] = {}
    total = Clock()

    def timed(name, function):
        started = Clock()
        value = function()
        steps[name] = started.read()
        return value

    shared = timed("projection", lambda: co_occurrence(groups))

    def network() -> nx.Graph:
        # as coparticipation_network builds it: its nodes, then add_shared, which primes igraph's graph
        graph = nx.Graph()
        graph.add_nodes_from(range(int(pairs[:, 0].max()) + 1))
        return add_shared(graph, {"projects": shared, "events": {}})

    graph = timed("networkx_graph", network)
    results = {
        "degree": timed("degree", lambda: metrics.degree(graph)),
        "weighted_degree": timed("weighted_degree", lambda: metrics.weighted_degree(graph)),  # converts to igraph
        "betweenness": timed("betweenness", lambda: metrics.betweenness(graph, k=k, seed=seed)),
        "louvain": timed("louvain", lambda: communities.louvain(graph, seed=seed)),
        "components": timed("components", lambda: metrics.components(graph)),
        "core_number": timed("core_number", lambda: metrics.core_number(graph)),
    }
    figures = {**total.read(), "steps": steps, "edges": graph.number_of_edges()}
    # Untimed: the results, for the comparison with networkx (betweenness also from the check's sources).
    results["betweenness_check"] = metrics.betweenness(graph, k=k_check, seed=seed)
    for stage, result in results.items():
        name, size = ("betweenness", k_check) if stage == "betweenness_check" else (stage, k)
        (work / f"result-kg-{name}-{size}.pickle").write_bytes(pickle.dumps(_canonical(name, result)))
    return figures


# ---------------------------------------------------------------- the parent


def _child(python: str, args: list[str], cap: float) -> dict:
    # A row measured before in the same --work folder is reused (the runs are resumable).
    figures = Path(args[2]) / f"figures-{args[0]}-{args[1]}-{args[3]}.json"
    if figures.exists():
        return json.loads(figures.read_text())
    if os.environ.get("EUKG_BENCH_CACHED_ONLY"):
        return {"error": "not measured in this run"}
    row = _run_child(python, args, cap)
    if "error" not in row or "NotImplemented" in row["error"] or "ImportError" in row["error"]:
        figures.write_text(json.dumps(row))
    return row


def _run_child(python: str, args: list[str], cap: float) -> dict:
    command = [python, "-m", "benchmarks.analytics_backends", "--child", *args]
    # kg.analytics runs on the allocator `eukg` starts on; the other engines as a plain script runs.
    on_mimalloc = args[0] in ("pipeline", "kg")
    env = {**(environment() if on_mimalloc else system_environment()), "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=cap, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish within the {cap:.0f} s cap"}
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return {"error": lines[-1][:300] if lines else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _load(work: Path, engine: str, stage: str, k: int):
    path = work / f"result-{engine}-{stage}-{k}.pickle"
    return pickle.loads(path.read_bytes()) if path.exists() else None


def _modularity(work: Path, parts: list[list[int]]) -> float:
    graph = _ig_graph(work)
    membership = [0] * graph.vcount()
    for number, part in enumerate(parts):
        for node in part:
            membership[node] = number
    return graph.modularity(membership, weights="weight")


def _compare(work: Path, engine: str, stage: str, k: int, k_check: int, seed: int) -> dict:
    """Compare ``engine``'s result of ``stage`` with networkx's (the same sources for betweenness)."""
    if stage == "betweenness":
        ours, theirs = _load(work, engine, stage, k_check), _load(work, "networkx", stage, k_check)
        if ours is None or theirs is None:
            return {}
        sources = set(_sample(len(theirs), k_check, seed))
        zeros_agree = all((a == 0) == (b == 0) for a, b in zip(theirs, ours, strict=True))
        spreads = [_spread([(theirs[i], ours[i]) for i in range(len(ours)) if (i in sources) == is_source])
                   for is_source in (True, False)]
        identical = all(abs(a - b) <= 1e-9 * max(1e-12, abs(a)) for a, b in zip(theirs, ours, strict=True))
        return {"same": zeros_agree and all(s < 1 + 1e-9 for s in spreads), "identical": identical,
                "note": f"the same {k_check} sources; equal up to networkx's scale for sources and for other nodes"}
    ours, theirs = _load(work, engine, stage, k), _load(work, "networkx", stage, k)
    if ours is None:
        return {}
    if stage == "louvain":
        out = {"modularity": round(_modularity(work, ours), 4), "communities": len(ours)}
        if theirs is not None:
            out["networkx_modularity"] = round(_modularity(work, theirs), 4)
        return out
    if theirs is None:
        return {}
    if stage == "eigenvector":
        import math

        norm_a, norm_b = math.sqrt(sum(x * x for x in ours)), math.sqrt(sum(x * x for x in theirs))
        difference = max(abs(abs(a) / norm_a - abs(b) / norm_b) for a, b in zip(ours, theirs, strict=True))
        return {"max_difference": difference,
                "note": "largest difference after scaling both to norm 1 (networkx stops at its tolerance; "
                        "on a disconnected graph the engines weigh the small components apart)"}
    return {"same": ours == theirs}


def _spread(pairs: list[tuple[float, float]]) -> float:
    ratios = [a / b for a, b in pairs if a and b]
    return max(ratios) / min(ratios) if ratios else 1.0


def measure(work: Path, k: int, k_check: int, seed: int, cap: float, engines: list[str],
            dispatch_python: str | None, full_baseline: bool, log=print, stages: tuple[str, ...] = STAGES) -> dict:
    """Run every (engine, stage) child and the pipeline; return the figures with the comparisons."""
    out: dict[str, dict] = {}
    for engine in engines:
        python = dispatch_python if engine in DISPATCH else sys.executable
        if python is None:
            continue
        out[engine] = {}
        for stage in stages:
            if engine in DISPATCH and stage in ("projection", "degree", "weighted_degree"):
                continue  # networkx does not dispatch these
            if stage == "betweenness":
                check = _child(python, [engine, stage, str(work), str(k_check), str(seed)], cap)
                if engine == "networkx" and not full_baseline:
                    row = dict(check)
                    if "seconds" in row:
                        row = {"seconds": row["seconds"] * k / k_check, "cpu_seconds": row["cpu_seconds"] * k / k_check,
                               "peak_rss_mb": row["peak_rss_mb"], "extrapolated_from_k": k_check}
                else:
                    row = _child(python, [engine, stage, str(work), str(k), str(seed)], cap)
            else:
                row = _child(python, [engine, stage, str(work), str(k), str(seed)], cap)
            out[engine][stage] = row
            log(f"{engine:>20} {stage:<16} {json.dumps(row)}")
    for engine in out:
        for stage, row in out[engine].items():
            if "error" not in row and engine != "networkx":
                row.update(_compare(work, engine, stage, k, k_check, seed))
    if "louvain" in out.get("networkx", {}) and "error" not in out["networkx"]["louvain"]:
        out["networkx"]["louvain"]["modularity"] = round(_modularity(work, _load(work, "networkx", "louvain", k)), 4)
    pipeline = _child(sys.executable, ["pipeline", str(k_check), str(work), str(k), str(seed)], cap)
    log(f"pipeline {json.dumps(pipeline)}")
    if "error" not in pipeline:
        pipeline["same"] = {stage: _compare(work, "kg", stage, k, k_check, seed) for stage in
                            ("degree", "weighted_degree", "components", "core_number", "louvain", "betweenness")}
    return {"engines": out, "pipeline": pipeline}


def _fmt(row: dict | None, key: str = "seconds") -> str:
    if not row:
        return "–"
    if "error" in row:
        if "not measured" in row["error"]:
            return "not measured"
        return "n/a" if "NotImplemented" in row["error"] or "ImportError" in row["error"] else "> cap"
    text = f"{row[key]:.2f}" if row[key] < 10 else f"{row[key]:.0f}"
    if row.get("extrapolated_from_k"):
        text = f"≈{text} (×{row['extrapolated_from_k']})"
    if row.get("same") is False:
        text += " ≠"
    if "modularity" in row:
        text += f" (Q={row['modularity']:.3f})"
    return text


def markdown(report: dict) -> str:
    """Return the engines × stages tables (CPU seconds, then wall seconds) and the pipeline line."""
    engines = report["engines"]
    lines = []
    for key, title in (("cpu_seconds", "CPU seconds"), ("seconds", "wall seconds")):
        lines += ["", f"| engine ({title}) | " + " | ".join(STAGES) + " |", "|---|" + "---:|" * len(STAGES)]
        for engine, rows in engines.items():
            lines.append(f"| {engine} | " + " | ".join(_fmt(rows.get(stage), key) for stage in STAGES) + " |")
    pipe = report["pipeline"]
    if "seconds" in pipe:
        lines += ["", f"kg.analytics end to end (projection into a networkx graph + degree + weighted degree + "
                      f"betweenness k={report['k']} + Louvain + components + core numbers): "
                      f"{pipe['seconds']:.1f} s wall, {pipe['cpu_seconds']:.1f} s CPU, "
                      f"peak RSS {pipe['peak_rss_mb']:.0f} MB, allocator {pipe.get('allocator', 'system')}; "
                      + ", ".join(f"{name} {row['seconds']:.1f} s" for name, row in pipe["steps"].items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line (and the entry of each measured child)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        engine, stage, work, k, seed = argv[1:6]
        if engine == "pipeline":
            out = run_pipeline(Path(work), int(k), int(seed), int(stage))
        else:
            out = run_stage(engine, stage, Path(work), int(k), int(seed))
        out["peak_rss_mb"] = round(peak_rss_mb(), 1)
        out["allocator"] = in_use()
        print(json.dumps(out))
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.analytics_backends",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=30_000)
    parser.add_argument("--organisations", type=int, default=150_000)
    parser.add_argument("--participations", type=int, default=193_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--k", type=int, default=500, help="sampled betweenness sources")
    parser.add_argument("--k-check", type=int, default=10, help="sources on which every engine is compared")
    parser.add_argument("--cap", type=float, default=300, help="seconds after which a stage is stopped")
    parser.add_argument("--engines", nargs="+", default=list(DEFAULT_ENGINES), choices=ENGINES,
                        help="engines measured stage by stage (kg.analytics is measured end to end by the pipeline; "
                        "add kg to measure it stage by stage too)")
    parser.add_argument("--dispatch-python", help="the python of a venv with nx-parallel, nx-rustworkx and "
                        "graphblas-algorithms (the dispatch engines are skipped without it)")
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    parser.add_argument("--work", type=Path, help="keep the inputs and each measured row here; a run with the "
                        "same folder reuses the rows measured before (default: a temporary folder)")
    parser.add_argument("--cached-only", action="store_true", help="only assemble the rows measured before in "
                        "--work (the others are reported as not measured)")
    parser.add_argument("--full-baseline", action="store_true", help="run networkx's betweenness at --k")
    parser.add_argument("--out", type=Path,
                        help="result file (default benchmarks/results/DATE-analytics-backends.json)")
    args = parser.parse_args(argv)

    import numpy as np

    from benchmarks.generate import keep_eu_memberships

    if args.cached_only:
        os.environ["EUKG_BENCH_CACHED_ONLY"] = "1"

    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        pairs = np.array(keep_eu_memberships(args.projects, args.organisations, args.participations, args.seed),
                         dtype=np.int64)
        if not (work / "pairs.npy").exists() or not np.array_equal(np.load(work / "pairs.npy"), pairs):
            for old in work.glob("*-*.*"):
                old.unlink()  # rows of another network
            np.save(work / "pairs.npy", pairs)
        shared, organisations = _projected(work)
        network = {"projects": int(pairs[:, 1].max()) + 1, "organisations": organisations,
                   "participations": len(pairs), "edges": int(shared.nnz)}
        print(f"network: {network}", flush=True)
        load_before = os.getloadavg()
        results = measure(work, args.k, args.k_check, args.seed, args.cap, args.engines, args.dispatch_python,
                          args.full_baseline, log=lambda m: print(m, flush=True), stages=tuple(args.stages))
    report = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_before": [round(x, 1) for x in load_before],
        "load_average_after": [round(x, 1) for x in os.getloadavg()],
        "network": network, "k": args.k, "k_check": args.k_check, "seed": args.seed, **results,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = args.out or RESULTS_DIR / f"{report['date']}-analytics-backends.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(markdown(report))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
