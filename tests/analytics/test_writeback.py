"""Scores written as RDF replace their own named graph in one step and leave every other graph alone."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.analytics.writeback import analytics_graph, score_graph, write_scores
from kg.errors import KgError
from kg.namespaces import EKG

OTHER = ox.NamedNode("http://example.org/graph")


def graph_size(store: ox.Store, graph: str) -> int:
    return len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph))))


def values(store: ox.Store, graph: str) -> dict[str, float]:
    rows = store.query(
        f"SELECT ?node ?value WHERE {{ GRAPH <{graph}> {{ ?s <{EKG.scoredNode}> ?node ; <{EKG.scoreValue}> ?value }} }}"
    )
    return {row["node"].value: float(row["value"].value) for row in rows}


def test_write_then_replace(tiny_store) -> None:
    before = graph_size(tiny_store, OTHER.value)
    graph = write_scores(tiny_store, {"http://example.org/o1": 2, "http://example.org/o2": 0.5},
                         network="coparticipation", metric="degree", parameters={"seed": 42})
    assert str(graph) == "https://w3id.org/eu-regional-kg/graph/analytics/coparticipation-degree"
    assert values(tiny_store, str(graph)) == {"http://example.org/o1": 2.0, "http://example.org/o2": 0.5}
    write_scores(tiny_store, {"http://example.org/o3": 7}, network="coparticipation", metric="degree")
    assert values(tiny_store, str(graph)) == {"http://example.org/o3": 7.0}
    assert graph_size(tiny_store, OTHER.value) == before


def test_two_metrics_live_in_two_graphs(tiny_store) -> None:
    write_scores(tiny_store, {"http://example.org/o1": 1}, network="events", metric="degree")
    write_scores(tiny_store, {"http://example.org/o1": 0.25}, network="events", metric="betweenness")
    assert values(tiny_store, str(analytics_graph("events", "degree"))) == {"http://example.org/o1": 1.0}
    assert values(tiny_store, str(analytics_graph("events", "betweenness"))) == {"http://example.org/o1": 0.25}


def test_role_counts_become_one_metric_per_role() -> None:
    graph = score_graph({"http://example.org/o1": {"liaison": 2, "gatekeeper": 1}}, network="regions",
                        metric="brokerage")
    assert sorted(str(m) for m in graph.objects(None, EKG.metricName)) == ["brokerage-gatekeeper", "brokerage-liaison"]


@pytest.mark.parametrize(
    "scores",
    [{"not an iri": 1}, {42: 1}, {"http://example.org/o1": "high"}, {"http://example.org/o1": None}],
)
def test_bad_scores_write_nothing(tiny_store, scores) -> None:
    write_scores(tiny_store, {"http://example.org/o1": 1}, network="events", metric="degree")
    with pytest.raises(KgError):
        write_scores(tiny_store, scores, network="events", metric="degree")
    assert values(tiny_store, str(analytics_graph("events", "degree"))) == {"http://example.org/o1": 1.0}


def test_bad_names_are_refused() -> None:
    with pytest.raises(KgError):
        analytics_graph("co participation", "degree")


def test_written_scores_conform_to_their_shape_and_a_broken_one_does_not() -> None:
    from rdflib import Literal, URIRef

    from kg.validate import shacl_problems, shapes_graph

    graph = score_graph({"http://example.org/o1": 2, "http://example.org/o2": {"liaison": 1}},
                        network="regions", metric="brokerage", parameters={"seed": 42})
    shapes = shapes_graph()
    assert [p for p in shacl_problems(graph, shapes) if p.severity == "Violation"] == []
    score = next(graph.subjects(EKG.metricName, Literal("brokerage")))
    graph.add((score, EKG.scoreValue, Literal("high")))
    graph.add((score, EKG.scoredNode, URIRef("http://example.org/o3")))
    messages = {p.message for p in shacl_problems(graph, shapes) if p.severity == "Violation"}
    assert any("exactly one value" in m for m in messages)
    assert any("exactly one node" in m for m in messages)
