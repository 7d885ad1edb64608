"""Communities with fixed seeds on graphs whose communities are known."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics.communities import label_propagation, louvain, modularity


def two_cliques() -> nx.Graph:
    graph = nx.barbell_graph(4, 0)  # two K4 joined by one edge
    return graph


def test_louvain_finds_the_two_cliques_with_a_seed() -> None:
    parts = louvain(two_cliques(), seed=42)
    assert parts == {0: 0, 1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 1, 7: 1}
    assert louvain(two_cliques(), seed=42) == parts


def test_modularity_by_hand() -> None:
    # m = 13 edges; each community has 6 inner edges and degree sum 13: Q = 2 (6/13 - (13/26)^2).
    graph = two_cliques()
    assert modularity(graph, louvain(graph, seed=1)) == pytest.approx(2 * (6 / 13 - 0.25))


def test_label_propagation_on_disjoint_cliques() -> None:
    graph = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(3))
    assert label_propagation(graph, seed=3) == {0: 0, 1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 1}


def test_louvain_uses_weights() -> None:
    # A 4-cycle whose two heavy edges hold the communities together.
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=10)
    graph.add_edge("c", "d", weight=10)
    graph.add_edge("b", "c", weight=1)
    graph.add_edge("d", "a", weight=1)
    parts = louvain(graph, seed=0)
    assert parts["a"] == parts["b"] != parts["c"] == parts["d"]
