"""The networks of a tiny hand-made graph (tests/analytics/data/tiny.ttl), with hand-computed weights."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics import metrics
from kg.analytics.brokerage import brokerage
from kg.analytics.networks import (
    bipartite_network,
    build_network,
    co_occurrence,
    coparticipation_network,
    event_network,
    programme_region_network,
    region_network,
)
from kg.errors import KgError

X = "http://example.org/"
N = "http://data.europa.eu/nuts/code/"


def weights(graph: nx.Graph, prefix: str = X) -> dict[frozenset[str], int]:
    return {frozenset((a.removeprefix(prefix), b.removeprefix(prefix))): w for a, b, w in graph.edges(data="weight")}


def test_co_occurrence_counts_shared_groups() -> None:
    assert co_occurrence({"p": ["a", "b", "b"], "q": ["b", "a"], "r": ["a"]}) == {("a", "b"): 2}


def test_coparticipation_weights_are_shared_projects_plus_events(tiny_store) -> None:
    graph = coparticipation_network(tiny_store)
    assert weights(graph) == {
        frozenset({"o1", "o2"}): 1, frozenset({"o1", "o3"}): 2, frozenset({"o2", "o3"}): 1,
        frozenset({"o2", "o4"}): 1, frozenset({"o1", "o4"}): 1, frozenset({"o3", "o4"}): 1,
    }
    assert graph.edges[X + "o1", X + "o3"]["projects"] == 1
    assert graph.edges[X + "o1", X + "o3"]["events"] == 1
    assert graph.nodes[X + "o1"] == {"kind": "organisation", "label": "Org one", "country": "PL",
                                     "nuts": "PL811", "programmes": "Programme A"}
    assert graph.nodes[X + "o2"]["programmes"] == "Programme A; Programme B"


def test_coparticipation_options(tiny_store) -> None:
    without_organisers = coparticipation_network(tiny_store, organisers=False)
    assert frozenset({"o3", "o4"}) not in weights(without_organisers)
    assert weights(without_organisers)[frozenset({"o1", "o3"})] == 1
    projects_only = coparticipation_network(tiny_store, events=False)
    assert sum(w for *_, w in projects_only.edges(data="weight")) == 4


def test_bipartite(tiny_store) -> None:
    graph = bipartite_network(tiny_store)
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 5
    assert nx.is_bipartite(graph)
    assert {n for n, side in graph.nodes(data="bipartite") if side == 1} == {X + "P1", X + "P2"}
    assert graph.nodes[X + "P1"]["programme_name"] == "Programme A"
    assert graph.edges[X + "o1", X + "P1"]["role"] == "partner"


def test_event_network_counts_affiliations_and_organisers(tiny_store) -> None:
    graph = event_network(tiny_store)
    assert weights(graph) == {frozenset({"o1", "o3"}): 1, frozenset({"o1", "o4"}): 1, frozenset({"o3", "o4"}): 1}
    assert graph.edges[X + "o1", X + "o4"]["event_names"] == "Event one"
    assert set(event_network(tiny_store, organisers=False)) == {X + "o1", X + "o4"}


@pytest.mark.parametrize(
    ("level", "expected", "internal"),
    [
        (2, {frozenset({"PL81", "RO32"}): 3, frozenset({"PL81", "PL71"}): 1, frozenset({"RO32", "PL71"}): 2}, {"RO32": 1}),
        (1, {frozenset({"PL8", "RO3"}): 3, frozenset({"PL8", "PL7"}): 1, frozenset({"RO3", "PL7"}): 2}, {"RO3": 1}),
        (0, {frozenset({"PL", "RO"}): 5}, {"PL": 1, "RO": 1}),
    ],
)
def test_region_network_aggregates_up_the_nuts_hierarchy(tiny_store, level, expected, internal) -> None:
    graph = region_network(tiny_store, level=level)
    assert weights(graph, N) == expected
    assert {n.removeprefix(N): w for n, w in graph.nodes(data="internal_weight") if w} == internal
    assert graph.graph["unplaced"] == 0


def test_region_network_node_attributes(tiny_store) -> None:
    graph = region_network(tiny_store, level=2)
    assert graph.nodes[N + "RO32"] == {"kind": "region", "organisations": 2, "internal_weight": 1,
                                       "label": "Bucureşti-Ilfov", "nuts": "RO32", "country": "RO", "projects": 2}
    assert graph.nodes[N + "PL71"]["projects"] == 1


def test_cross_border_share_of_regions_by_hand(tiny_store) -> None:
    shares = metrics.cross_border_share(region_network(tiny_store, level=2))
    # PL81: 3 of 4 to RO32; PL71: 2 of 3 to RO32; RO32: all of 5 to Poland.
    assert shares == pytest.approx({N + "PL81": 0.75, N + "PL71": 2 / 3, N + "RO32": 1.0})


def test_programme_region_network(tiny_store) -> None:
    graph = programme_region_network(tiny_store, level=2)
    assert weights(graph, N) == {
        frozenset({X + "A", "PL81"}): 1, frozenset({X + "A", "RO32"}): 1,
        frozenset({X + "B", "RO32"}): 1, frozenset({X + "B", "PL71"}): 1,
    }
    assert nx.is_bipartite(graph)


def test_brokerage_on_the_coparticipation_network_by_hand(tiny_store) -> None:
    # Without organisers, o3 (RO) and o4 (PL) are not tied; o1 (PL) and o2 (RO) both link them.
    roles = brokerage(coparticipation_network(tiny_store, organisers=False), "country")
    for broker in ("o1", "o2"):
        assert roles[X + broker] == {"coordinator": 0, "itinerant": 0, "representative": 1, "gatekeeper": 1,
                                     "liaison": 0}
    assert sum(roles[X + "o3"].values()) == sum(roles[X + "o4"].values()) == 0


@pytest.mark.slow
@pytest.mark.parametrize("name", ["coparticipation", "bipartite", "regions", "programme-regions", "events"])
def test_a_remote_rows_function_gives_the_same_networks(tiny_store, tiny_remote, name) -> None:
    local = build_network(name, tiny_store, level=2)
    remote = build_network(name, tiny_remote, level=2)
    assert tiny_remote.calls, "the remote rows function was not used"
    assert nx.utils.graphs_equal(local, remote)


def test_unknown_network_and_level() -> None:
    with pytest.raises(KgError, match="unknown network"):
        build_network("friends", lambda text: [])
    with pytest.raises(KgError, match="NUTS level"):
        region_network(lambda text: [], level=4)


def test_not_a_source() -> None:
    with pytest.raises(TypeError):
        coparticipation_network(42)
