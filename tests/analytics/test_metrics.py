"""Metrics on small published graphs, with values computed by hand or published with the graph."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics import metrics

KITE = nx.krackhardt_kite_graph()  # Krackhardt (1990): 0 Andre, 1 Beverly, 2 Carol, 3 Diane, 4 Ed, 5 Fernando, 6 Garth, 7 Heather, 8 Ike, 9 Jane


def test_degree_of_the_kite() -> None:
    assert metrics.degree(KITE) == {0: 4, 1: 4, 2: 3, 3: 6, 4: 3, 5: 5, 6: 5, 7: 3, 8: 2, 9: 1}
    assert metrics.degree(KITE, normalized=True)[3] == pytest.approx(6 / 9)


def test_betweenness_of_the_kite() -> None:
    # Heather (7) lies on every shortest path between {8, 9} and the 7 others: 14 paths, plus none else;
    # normalised by (n-1)(n-2)/2 = 36.
    exact = metrics.betweenness(KITE)
    assert exact[7] == pytest.approx(14 / 36)
    assert exact[8] == pytest.approx(8 / 36)  # Ike: 9 to each of the other 8 nodes
    assert exact[9] == 0
    assert exact[3] == pytest.approx(0.102, abs=1e-3)
    assert exact[5] == exact[6] == pytest.approx(0.231, abs=1e-3)


def test_sampled_betweenness_is_repeatable_and_exact_with_all_sources() -> None:
    assert metrics.betweenness(KITE, k=4, seed=7) == metrics.betweenness(KITE, k=4, seed=7)
    assert metrics.betweenness(KITE, k=10, seed=1) == pytest.approx(metrics.betweenness(KITE))
    assert metrics.betweenness(KITE, k=50, seed=1) == pytest.approx(metrics.betweenness(KITE))


def test_closeness_of_the_kite() -> None:
    closeness = metrics.closeness(KITE)
    assert closeness[5] == pytest.approx(9 / 14)  # Fernando: distances 1,1,1,1,1,2,2,2,3 sum to 14
    assert closeness[9] == pytest.approx(9 / 29)  # Jane: 1 + 2 + 3*2 + 4*5 = 29


def test_weighted_degree_counts_weights() -> None:
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=2)
    graph.add_edge("a", "c", weight=3)
    graph.add_edge("c", "d")
    assert metrics.weighted_degree(graph) == {"a": 5, "b": 2, "c": 4, "d": 1}


def test_eigenvector_of_a_star() -> None:
    # The centre of a star with 4 leaves has eigenvector entry 1/sqrt(2), each leaf 1/(2 sqrt(2)).
    centrality = metrics.eigenvector(nx.star_graph(4), weight=None)
    assert centrality[0] == pytest.approx(2 ** -0.5, abs=1e-4)
    assert centrality[1] == pytest.approx(1 / (2 * 2 ** 0.5), abs=1e-4)


def test_components_and_cores_of_the_kite() -> None:
    graph = nx.union(KITE, nx.Graph([("x", "y")]))
    assert set(metrics.components(graph).values()) == {0, 1}
    assert all(metrics.components(graph)[n] == 0 for n in KITE)
    cores = metrics.core_number(KITE)
    assert cores == {0: 3, 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 2, 8: 1, 9: 1}
    assert metrics.k_core(KITE, k=2) == [0, 1, 2, 3, 4, 5, 6, 7]


def test_cross_border_share_by_hand() -> None:
    graph = nx.Graph()
    graph.add_nodes_from([("PL81", {"country": "PL"}), ("PL71", {"country": "PL"}), ("RO32", {"country": "RO"}),
                          ("ITC1", {"country": "IT"}), ("XX", {})])
    graph.add_edge("PL81", "PL71", weight=2)
    graph.add_edge("PL81", "RO32", weight=1)
    graph.add_edge("PL81", "ITC1", weight=1)
    graph.add_edge("PL71", "XX", weight=5)  # unknown country: counts in neither part
    assert metrics.cross_border_share(graph) == pytest.approx({"PL81": 0.5, "PL71": 0.0, "RO32": 1.0, "ITC1": 1.0})


def test_metrics_do_not_change_the_graph() -> None:
    graph = KITE.copy()
    for function in (metrics.degree, metrics.betweenness, metrics.closeness, metrics.eigenvector, metrics.core_number):
        function(graph)
    assert nx.utils.graphs_equal(graph, KITE)


def test_backend_is_passed_to_networkx_dispatch() -> None:
    assert metrics.betweenness(KITE, backend="networkx") == metrics.betweenness(KITE)
    with pytest.raises(ImportError, match="not installed"):
        metrics.betweenness(KITE, backend="no-such-backend")
