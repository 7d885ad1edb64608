"""Brokerage roles across groups (Gould and Fernandez 1989): who links countries or programmes.

A node ``b`` *brokers* an open two-path ``a → b → c`` (``a ≠ c``, and no tie ``a → c``). The role
depends on the groups of the three nodes:

===================  ===========================  ==================================================
role                 groups                       the broker …
===================  ===========================  ==================================================
``coordinator``      a, b, c in one group         links two members of its own group
``itinerant``        a and c in one group, b not  links two members of another group (consultant)
``representative``   a and b in one group, c not  passes its group's contact out to another group
``gatekeeper``       b and c in one group, a not  lets a contact from outside into its group
``liaison``          three different groups       links two groups it belongs to neither of
===================  ===========================  ==================================================

An undirected graph is read as a directed graph with both directions of every edge (as UCINET
and statnet do): each open path ``a — b — c`` then counts as ``a → b → c`` and ``c → b → a``, so
coordinator, itinerant and liaison counts are twice the number of unordered pairs, and a
representative count always has an equal gatekeeper count.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

__all__ = ["ROLES", "brokerage", "total_brokerage"]

#: The five roles, in the order of Gould and Fernandez.
ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def _role(a: object, b: object, c: object) -> str:
    if a == b == c:
        return "coordinator"
    if a == c:
        return "itinerant"
    if a == b:
        return "representative"
    if b == c:
        return "gatekeeper"
    return "liaison"


def brokerage(
    graph: nx.Graph, attribute: str = "country", *, groups: Mapping[object, object] | None = None
) -> dict[object, dict[str, int]]:
    """Return the Gould–Fernandez brokerage role counts of each node.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        An undirected graph is read with both directions of each edge.
    attribute : str, optional (default="country")
        The node attribute whose values are the groups (``country``, ``programmes`` …).
    groups : mapping, optional (default=None)
        Node → group, used instead of ``attribute``.

    Returns
    -------
    roles : dict
        Node → ``{role: count}`` for the five :data:`ROLES`. Two-paths through a node of unknown
        group, or with an end of unknown group, are not counted.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. *Sociological Methodology* 19, 89–126.

    Examples
    --------
    A Polish region linking an Italian and a Romanian partner is a liaison (in both directions):

    >>> import networkx as nx
    >>> g = nx.Graph([("it", "pl"), ("pl", "ro")])
    >>> brokerage(g, groups={"it": "IT", "pl": "PL", "ro": "RO"})["pl"]
    {'coordinator': 0, 'itinerant': 0, 'representative': 0, 'gatekeeper': 0, 'liaison': 2}

    In a directed chain from Lublin through Łódź to Bucharest, Łódź represents Poland:

    >>> d = nx.DiGraph([("lublin", "lodz"), ("lodz", "bucharest")])
    >>> brokerage(d, groups={"lublin": "PL", "lodz": "PL", "bucharest": "RO"})["lodz"]["representative"]
    1
    """
    directed = graph if graph.is_directed() else graph.to_directed(as_view=True)
    group = dict(groups) if groups is not None else {
        node: value for node, value in graph.nodes(data=attribute) if value is not None
    }
    roles = {node: dict.fromkeys(ROLES, 0) for node in graph}
    for broker in directed:
        if broker not in group:
            continue
        for source in directed.predecessors(broker):
            if source == broker or source not in group:
                continue
            for target in directed.successors(broker):
                if target in (source, broker) or target not in group or directed.has_edge(source, target):
                    continue
                roles[broker][_role(group[source], group[broker], group[target])] += 1
    return roles


def total_brokerage(roles: Mapping[object, Mapping[str, int]], *, only: tuple[str, ...] = ROLES) -> dict[object, int]:
    """Return the sum of the role counts of each node (of the roles in ``only``).

    Examples
    --------
    >>> total_brokerage({"a": {"coordinator": 1, "liaison": 2}}, only=("liaison",))
    {'a': 2}
    """
    return {node: sum(counts.get(role, 0) for role in only) for node, counts in roles.items()}
