"""Gould-Fernandez brokerage roles, checked by hand on tiny directed and undirected graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics.brokerage import ROLES, brokerage, total_brokerage

GROUPS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}


def only(role: str) -> dict[str, int]:
    return {name: int(name == role) for name in ROLES}


@pytest.mark.parametrize(
    ("path", "broker", "role"),
    [
        (("a1", "a2", "a3"), "a2", "coordinator"),      # all in A
        (("a1", "b1", "a2"), "b1", "itinerant"),        # B links two members of A
        (("a1", "a2", "b1"), "a2", "representative"),   # A's contact goes out to B through a2
        (("b1", "a1", "a2"), "a1", "gatekeeper"),       # B's contact comes into A through a1
        (("a1", "b1", "c1"), "b1", "liaison"),          # three groups
    ],
)
def test_each_role_on_a_directed_two_path(path, broker, role) -> None:
    graph = nx.DiGraph([(path[0], path[1]), (path[1], path[2])])
    roles = brokerage(graph, groups=GROUPS)
    assert roles[broker] == only(role)
    assert sum(total_brokerage(roles).values()) == 1


def test_a_closed_triad_is_not_brokered() -> None:
    graph = nx.DiGraph([("a1", "a2"), ("a2", "a3"), ("a1", "a3")])
    assert total_brokerage(brokerage(graph, groups=GROUPS)) == {"a1": 0, "a2": 0, "a3": 0}


def test_undirected_star_by_hand() -> None:
    # Centre a1 (A) with leaves a2 (A), b1 (B), c1 (C). Ordered pairs of leaves through a1:
    # a2->b1, a2->c1 representative; b1->a2, c1->a2 gatekeeper; b1->c1, c1->b1 liaison.
    graph = nx.star_graph(["a1", "a2", "b1", "c1"])
    roles = brokerage(graph, "group", groups=GROUPS)
    assert roles["a1"] == {"coordinator": 0, "itinerant": 0, "representative": 2, "gatekeeper": 2, "liaison": 2}
    assert total_brokerage(roles)["a2"] == 0


def test_groups_come_from_the_node_attribute_and_unknown_groups_are_skipped() -> None:
    graph = nx.Graph([("x", "y"), ("y", "z"), ("y", "u")])
    nx.set_node_attributes(graph, {"x": "PL", "y": "RO", "z": "PL"}, "country")  # u has no country
    roles = brokerage(graph)
    assert roles["y"] == only("itinerant") | {"itinerant": 2}
    assert roles["u"] == dict.fromkeys(ROLES, 0)


def test_larger_directed_example_by_hand() -> None:
    # a1 -> b1 -> b2, b1 -> c1, a2 -> b1; b2 -> a3.
    # Through b1: (a1,b2) gatekeeper, (a1,c1) liaison, (a2,b2) gatekeeper, (a2,c1) liaison.
    # Through b2: (b1,a3) representative.
    graph = nx.DiGraph([("a1", "b1"), ("b1", "b2"), ("b1", "c1"), ("a2", "b1"), ("b2", "a3")])
    roles = brokerage(graph, groups=GROUPS)
    assert roles["b1"] == {"coordinator": 0, "itinerant": 0, "representative": 0, "gatekeeper": 2, "liaison": 2}
    assert roles["b2"] == only("representative")
