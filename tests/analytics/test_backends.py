"""The igraph and scipy paths of kg.analytics give networkx's results (issue 11, section 3)."""

from __future__ import annotations

import random
from itertools import combinations

import networkx as nx
import pytest

from kg.analytics import backends, communities, metrics
from kg.analytics.networks import co_occurrence

pytest.importorskip("igraph")
pytest.importorskip("scipy")

KITE = nx.krackhardt_kite_graph()
FLORENTINE = nx.florentine_families_graph()


def _bipartite(seed: int = 7) -> tuple[nx.Graph, list[str]]:
    """A random organisation–project graph with a seed, and its organisations."""
    graph = nx.bipartite.random_graph(60, 25, 0.08, seed=seed)
    names = {n: (f"org{n:03d}" if data["bipartite"] == 0 else f"project{n:03d}") for n, data in graph.nodes(data=True)}
    graph = nx.relabel_nodes(graph, names)
    return graph, sorted(n for n in graph if n.startswith("org"))


def _coparticipation(seed: int = 7) -> nx.Graph:
    graph, organisations = _bipartite(seed)
    return nx.bipartite.weighted_projected_graph(graph, organisations)


GRAPHS = {
    "kite": KITE,
    "florentine": FLORENTINE,
    # a disconnected weighted graph with isolated nodes, from a random bipartite graph
    "coparticipation": _coparticipation(),
}


@pytest.mark.parametrize("name", GRAPHS)
def test_core_numbers_and_components_are_identical(name: str) -> None:
    graph = GRAPHS[name]
    assert metrics.core_number(graph, backend="igraph") == metrics.core_number(graph, backend="networkx")
    assert metrics.components(graph, backend="igraph") == metrics.components(graph, backend="networkx")
    assert metrics.k_core(graph, backend="igraph") == metrics.k_core(graph, backend="networkx")


@pytest.mark.parametrize("name", GRAPHS)
def test_exact_betweenness_is_networkx_s(name: str) -> None:
    graph = GRAPHS[name]
    ours = metrics.betweenness(graph, backend="igraph")
    assert ours == pytest.approx(metrics.betweenness(graph, backend="networkx"), abs=1e-12)
    unnormalised = metrics.betweenness(graph, normalized=False, backend="igraph")
    assert unnormalised == pytest.approx(metrics.betweenness(graph, normalized=False, backend="networkx"), abs=1e-9)


@pytest.mark.parametrize("name", GRAPHS)
@pytest.mark.parametrize("k", [2, 5])
def test_sampled_betweenness_uses_the_same_sources_and_scale(name: str, k: int) -> None:
    graph = GRAPHS[name]
    for normalized in (True, False):
        ours = metrics.betweenness(graph, k=k, seed=11, normalized=normalized, backend="igraph")
        theirs = metrics.betweenness(graph, k=k, seed=11, normalized=normalized, backend="networkx")
        assert ours == pytest.approx(theirs, abs=1e-9)


def test_sampled_betweenness_is_proportional_to_the_raw_dependencies() -> None:
    # Up to networkx's constants, the sampled values are the dependencies summed over the sources:
    # checked against a hand-written Brandes accumulation on the sources networkx draws.
    graph = FLORENTINE
    sources = random.Random(3).sample(list(graph), 5)
    raw = dict.fromkeys(graph, 0.0)
    for s in sources:
        for t in graph:
            if t == s:
                continue
            paths = list(nx.all_shortest_paths(graph, s, t))
            for path in paths:
                for v in path[1:-1]:
                    raw[v] += 1 / len(paths)
    ours = metrics.betweenness(graph, k=5, seed=3, normalized=False, backend="igraph")
    n = graph.number_of_nodes()
    for v in graph:
        scale = (n - 1) / (2 * (4 if v in sources else 5))
        assert ours[v] == pytest.approx(raw[v] * scale)


def test_weighted_betweenness_reads_weights_as_distances() -> None:
    graph = _coparticipation()
    ours = metrics.betweenness(graph, weight="weight", backend="igraph")
    assert ours == pytest.approx(metrics.betweenness(graph, weight="weight", backend="networkx"), abs=1e-12)


@pytest.mark.parametrize("name", ["kite", "florentine"])
def test_eigenvector_and_closeness_are_close(name: str) -> None:
    graph = GRAPHS[name]
    assert metrics.eigenvector(graph, backend="igraph") == pytest.approx(
        metrics.eigenvector(graph, backend="networkx"), abs=1e-5)
    assert metrics.closeness(graph, backend="igraph") == pytest.approx(metrics.closeness(graph, backend="networkx"))


def test_closeness_of_a_disconnected_graph_uses_the_wasserman_faust_factor() -> None:
    graph = _coparticipation()
    assert nx.number_connected_components(graph) > 1 and nx.number_of_isolates(graph) > 0
    assert metrics.closeness(graph, backend="igraph") == pytest.approx(metrics.closeness(graph, backend="networkx"))


@pytest.mark.parametrize("name", GRAPHS)
def test_louvain_modularity_is_comparable(name: str) -> None:
    graph = GRAPHS[name]
    ours = communities.louvain(graph, seed=42, backend="igraph")
    theirs = communities.louvain(graph, seed=42, backend="networkx")
    assert set(ours) == set(graph)
    assert communities.louvain(graph, seed=42, backend="igraph") == ours  # seeded: repeatable
    assert communities.modularity(graph, ours) == pytest.approx(communities.modularity(graph, theirs), abs=0.02)


def test_seeded_louvain_leaves_the_global_random_state_alone() -> None:
    random.seed(5)
    expected = random.random()
    random.seed(5)
    communities.louvain(_coparticipation(), seed=1, backend="igraph")
    assert random.random() == expected


def test_degrees_are_the_same_whatever_the_backend() -> None:
    graph = _coparticipation()
    assert metrics.degree(graph) == dict(graph.degree())
    assert metrics.weighted_degree(graph) == dict(graph.degree(weight="weight"))


def test_projection_weights_are_exact() -> None:
    graph, organisations = _bipartite()
    groups = {p: set(graph[p]) for p in graph if p.startswith("project")}
    python, scipy = co_occurrence(groups, backend="python"), co_occurrence(groups, backend="scipy")
    assert list(python.items()) == list(scipy.items())  # same counts, same order
    projected = nx.bipartite.weighted_projected_graph(graph, organisations)
    assert {tuple(sorted((a, b))): w for a, b, w in projected.edges(data="weight")} == scipy
    by_hand = {}
    for a, b in combinations(organisations, 2):
        shared = len(set(graph[a]) & set(graph[b]))
        if shared:
            by_hand[a, b] = shared
    assert scipy == by_hand


def test_projection_of_repeated_members_and_empty_groups() -> None:
    groups = {"p1": ["b", "a", "a"], "p2": [], "p3": ["c"], "p4": ["a", "b", "c"]}
    assert co_occurrence(groups, backend="scipy") == co_occurrence(groups, backend="python") == {
        ("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}


def test_auto_chooses_by_size(monkeypatch: pytest.MonkeyPatch) -> None:
    assert backends.engine(KITE, "auto") is None
    assert backends.engine(KITE, None) is None
    monkeypatch.setattr(backends, "AUTO_EDGES", 10)
    assert backends.engine(KITE, "auto") == "igraph"
    assert backends.engine(nx.DiGraph(KITE), "auto") is None  # igraph path is for undirected graphs
    assert metrics.betweenness(KITE) == pytest.approx(metrics.betweenness(KITE, backend="networkx"))


def test_missing_igraph_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "igraph", None)  # makes `import igraph` fail
    with pytest.raises(ImportError, match="pip install"):
        metrics.core_number(KITE, backend="igraph")


def test_conversion_is_cached_until_the_graph_changes() -> None:
    graph = nx.Graph(KITE)
    first, _ = backends.to_igraph(graph)
    assert backends.to_igraph(graph)[0] is first
    graph.add_edge(0, 9)
    assert backends.to_igraph(graph)[0] is not first
    assert metrics.core_number(graph, backend="igraph") == metrics.core_number(graph, backend="networkx")


def test_igraph_metrics_do_not_change_the_graph() -> None:
    graph = nx.Graph(_coparticipation())
    before = nx.Graph(graph)
    for function in (metrics.betweenness, metrics.closeness, metrics.core_number, metrics.components):
        function(graph, backend="igraph")
    communities.louvain(graph, seed=1, backend="igraph")
    assert nx.utils.graphs_equal(graph, before)


def test_weighted_degree_is_identical_and_keeps_ints() -> None:
    graph = _coparticipation()
    graph.add_edge("org000", "org000", weight=2)  # a self-loop counts twice, as networkx counts it
    ours = metrics.weighted_degree(graph, backend="igraph")
    assert ours == metrics.weighted_degree(graph, backend="networkx")
    assert all(type(value) is int for value in ours.values())
    halves = nx.Graph([("a", "b", {"weight": 0.5}), ("b", "c")])
    assert metrics.weighted_degree(halves, backend="igraph") == {"a": 0.5, "b": 1.5, "c": 1}


@pytest.mark.slow
def test_sampled_betweenness_split_over_processes_sums_to_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.analytics import igraph_backend

    graph = _coparticipation()
    serial = metrics.betweenness(graph, k=8, seed=5, backend="igraph")
    monkeypatch.setattr(igraph_backend, "PARALLEL_WORK", 1)
    monkeypatch.setattr(igraph_backend.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    split = metrics.betweenness(graph, k=8, seed=5, backend="igraph")
    assert split == pytest.approx(serial, abs=1e-12)
    assert split == pytest.approx(metrics.betweenness(graph, k=8, seed=5, backend="networkx"), abs=1e-12)


def test_split_betweenness_falls_back_to_one_process_when_workers_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from kg.analytics import igraph_backend

    class Broken:
        def __init__(self, *args, **kwargs) -> None:
            raise BrokenProcessPool("workers re-ran the script")

    graph = _coparticipation()
    serial = metrics.betweenness(graph, k=8, seed=5, backend="igraph")
    monkeypatch.setattr(igraph_backend, "PARALLEL_WORK", 1)
    monkeypatch.setattr(igraph_backend.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(igraph_backend, "ProcessPoolExecutor", Broken)
    assert metrics.betweenness(graph, k=8, seed=5, backend="igraph") == pytest.approx(serial, abs=1e-12)


def _primed(monkeypatch: pytest.MonkeyPatch) -> tuple[nx.Graph, nx.Graph]:
    """The co-participation graph built by ``add_shared`` (primed) and the same graph unprimed."""
    from kg.analytics import networks

    monkeypatch.setattr(networks, "AUTO_EDGES", 1)
    graph, organisations = _bipartite()
    projects = co_occurrence({p: set(graph[p]) for p in graph if p.startswith("project")})
    events = co_occurrence({"e1": organisations[:5], "e2": organisations[3:9]})
    primed = networks.add_shared(nx.Graph(), {"projects": projects, "events": events})
    return primed, nx.Graph(primed)  # the copy has an empty cache


def test_network_builders_prime_the_igraph_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    primed, plain = _primed(monkeypatch)
    assert primed.__networkx_cache__ and not plain.__networkx_cache__
    for weight in ("weight", "projects", "events", "absent"):
        g, nodes = backends.to_igraph(primed, weight)
        converted, plain_nodes = backends.to_igraph(plain, weight)
        assert nodes == plain_nodes
        mine = {frozenset((nodes[a], nodes[b])): w for (a, b), w in zip(g.get_edgelist(), g.es[weight], strict=True)}
        theirs = {frozenset((nodes[a], nodes[b])): w
                  for (a, b), w in zip(converted.get_edgelist(), converted.es[weight], strict=True)}
        assert mine == theirs and len(mine) == primed.number_of_edges()
    assert metrics.weighted_degree(primed, backend="igraph") == metrics.weighted_degree(plain, backend="networkx")
    assert metrics.core_number(primed, backend="igraph") == metrics.core_number(plain, backend="networkx")
    assert metrics.betweenness(primed, backend="igraph") == pytest.approx(metrics.betweenness(plain, backend="networkx"))


def test_a_primed_conversion_is_dropped_when_the_graph_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    primed, _ = _primed(monkeypatch)
    first, _ = backends.to_igraph(primed)
    primed.add_edge("org000", "new", weight=5)
    again, nodes = backends.to_igraph(primed, "weight")
    assert again is not first and "new" in nodes
    assert metrics.weighted_degree(primed, backend="igraph")["new"] == 5


def test_priming_refuses_pairs_that_are_not_the_graph_s_edges() -> None:
    graph = nx.Graph([("a", "b"), ("b", "c")])
    with pytest.raises(ValueError, match="1 pairs given for a graph of 2 edges"):
        backends.prime_igraph(graph, [("a", "b")], {})
