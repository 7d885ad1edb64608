"""Tables of the notebooks stay quick and readable on large networks.

Betweenness on a large graph is estimated from sampled sources (and the table says so); a
partition asked for in full on a large graph is summarised by group instead of listing every node.
The thresholds are lowered with monkeypatch so the graphs stay small.
"""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics import metrics, report
from kg.analytics.report import group_table, ranking_table


@pytest.fixture
def caveman() -> nx.Graph:
    """Twelve cliques of five, joined in a ring: 60 nodes, two countries."""
    graph = nx.connected_caveman_graph(12, 5)
    for node in graph:
        graph.nodes[node].update(label=f"org {node:02d}", country="NO" if node < 30 else "SE")
    return graph


def test_betweenness_of_a_small_graph_is_exact(caveman: nx.Graph) -> None:
    table = ranking_table(caveman, "betweenness", top=3)
    exact = metrics.betweenness(caveman)
    assert table.note == ""
    assert [row["betweenness"] for row in table.rows] == sorted(exact.values(), reverse=True)[:3]


def test_betweenness_of_a_large_graph_is_estimated_and_says_so(caveman, monkeypatch) -> None:
    monkeypatch.setattr(report, "EXACT_BETWEENNESS_MAX", 50)
    monkeypatch.setattr(report, "SAMPLED_SOURCES", 20)
    table = ranking_table(caveman, "betweenness", top=5, seed=7)
    estimate = metrics.betweenness(caveman, k=20, seed=7)
    assert [row["betweenness"] for row in table.rows] == sorted(estimate.values(), reverse=True)[:5]
    assert "estimated from 20 of 60 nodes" in table.note and "seed 7" in table.note
    assert table.note in str(table) and "estimated from 20" in table._repr_html_()
    assert "note" not in repr(table)  # the notebook tests read tables back from their repr


def test_an_explicit_k_is_used_and_exact_when_it_covers_the_graph(caveman) -> None:
    assert "from 10 of 60" in ranking_table(caveman, "betweenness", k=10).note
    assert ranking_table(caveman, "betweenness", k=60).note == ""


def test_a_small_partition_lists_every_node(caveman) -> None:
    table = ranking_table(caveman, "components", top=None)
    assert len(table.rows) == 60 and table.note == ""


def test_a_large_partition_is_summarised_by_group(caveman, monkeypatch) -> None:
    monkeypatch.setattr(report, "LIST_NODES_MAX", 10)
    caveman.remove_edges_from([(4, 5), (29, 30)])  # a ring cut twice: two components of 25 and 35 nodes
    table = ranking_table(caveman, "components", top=None)
    assert table.columns == ["components", "nodes", "share", "countries", "largest members"]
    assert [(row["components"], row["nodes"], row["countries"]) for row in table.rows] == [(0, 35, 2), (1, 25, 1)]
    assert table.rows[1]["share"] == pytest.approx(25 / 60)
    assert "the 2 largest of 2 components (60 nodes)" in table.note


def test_group_table_names_the_best_tied_members_first() -> None:
    star = nx.star_graph(4)  # the hub 0 has four ties, each leaf one
    nx.set_node_attributes(star, {n: {"label": f"n{n}", "country": "PL"} for n in star})
    star.add_node(9, label="alone")
    table = group_table(star, "louvain", {0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 9: 1}, top=1, members=2)
    assert table.rows == [{"louvain": 0, "nodes": 5, "share": 5 / 6, "countries": 1,
                           "largest members": "n0 (PL); n1 (PL)"}]
    assert "the 1 largest of 2 louvain" in table.note
