"""Node metrics of a collaboration network: each a small function of a graph returning a plain dict.

Every function takes a :class:`networkx.Graph` and keyword parameters, does not change the graph,
does no I/O, and returns ``{node: value}``. The costly ones take ``backend``
(:mod:`kg.analytics.backends`): ``"auto"`` (the default) computes with igraph on graphs of
:data:`~kg.analytics.backends.AUTO_EDGES` edges or more when igraph is installed, and with networkx
below; ``"networkx"`` and ``"igraph"`` choose; any other name goes to networkx's backend dispatch
(``backend="parallel"`` once nx-parallel is installed). The engines give the same results (see
:mod:`kg.analytics.igraph_backend` for what "the same" means for each metric).
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.analytics import igraph_backend
from kg.analytics.backends import IGRAPH, engine

__all__ = [
    "betweenness",
    "closeness",
    "components",
    "core_number",
    "cross_border_share",
    "degree",
    "eigenvector",
    "k_core",
    "numbered",
    "weighted_degree",
]


def degree(graph: nx.Graph, *, normalized: bool = False) -> dict[object, float]:
    """Return the number of neighbours of each node, or its degree centrality.

    Parameters
    ----------
    graph : networkx.Graph
    normalized : bool, optional (default=False)
        Divide by ``n - 1``, the largest possible degree (networkx's ``degree_centrality``).

    Returns
    -------
    degrees : dict
        Node → degree (int), or degree centrality (float) when ``normalized``.

    See Also
    --------
    weighted_degree

    Examples
    --------
    >>> import networkx as nx
    >>> kite = nx.krackhardt_kite_graph()
    >>> degree(kite)[3]
    6
    >>> round(degree(kite, normalized=True)[3], 3)
    0.667
    """
    if normalized:
        return nx.degree_centrality(graph)
    return dict(graph.degree())


def weighted_degree(graph: nx.Graph, *, weight: str = "weight", backend: str | None = "auto") -> dict[object, float]:
    """Return the sum of the weights of each node's edges (its strength).

    Parameters
    ----------
    graph : networkx.Graph
    weight : str, optional (default="weight")
        The edge attribute to add up; an edge without it counts 1.
    backend : str, optional (default="auto")
        ``"auto"``, ``"networkx"`` or ``"igraph"`` (which reuses the graph converted for the other
        metrics); networkx's own degree view otherwise.

    Returns
    -------
    strengths : dict
        Node → sum of edge weights.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 2})])
    >>> weighted_degree(g)
    {'a': 3, 'b': 5, 'c': 2}
    """
    if engine(graph, backend) == IGRAPH:
        return igraph_backend.weighted_degree(graph, weight=weight)
    return dict(graph.degree(weight=weight))


def betweenness(
    graph: nx.Graph,
    *,
    k: int | None = None,
    seed: int | None = None,
    normalized: bool = True,
    weight: str | None = None,
    backend: str | None = "auto",
) -> dict[object, float]:
    """Return the betweenness centrality of each node, exact or estimated from ``k`` sources.

    Parameters
    ----------
    graph : networkx.Graph
    k : int, optional (default=None)
        Estimate from ``k`` source nodes drawn at random (for large graphs); None computes the exact
        value. A ``k`` at least the number of nodes is exact as well.
    seed : int, optional (default=None)
        Seed of the random choice of sources, for repeatable estimates.
    normalized : bool, optional (default=True)
        Divide by the number of pairs of other nodes, ``(n - 1)(n - 2) / 2``.
    weight : str, optional (default=None)
        An edge attribute read as a *distance* (not a strength); None counts hops.
    backend : str, optional (default="auto")
        ``"auto"``, ``"networkx"``, ``"igraph"`` or a networkx dispatch backend
        (see :mod:`kg.analytics.backends`).

    Returns
    -------
    centrality : dict
        Node → betweenness.

    Examples
    --------
    >>> import networkx as nx
    >>> kite = nx.krackhardt_kite_graph()
    >>> round(betweenness(kite)[7], 3)
    0.389
    >>> sampled = betweenness(kite, k=5, seed=42)
    >>> sampled == betweenness(kite, k=5, seed=42)
    True
    """
    if k is not None and k >= graph.number_of_nodes():
        k = None
    chosen = engine(graph, backend)
    if chosen == IGRAPH:
        return igraph_backend.betweenness(graph, k=k, seed=seed, normalized=normalized, weight=weight)
    return nx.betweenness_centrality(graph, k=k, normalized=normalized, weight=weight, seed=seed, backend=chosen)


def eigenvector(
    graph: nx.Graph, *, weight: str | None = "weight", max_iter: int = 1000, tol: float = 1e-06,
    backend: str | None = "auto",
) -> dict[object, float]:
    """Return the eigenvector centrality of each node (power iteration, Euclidean norm 1).

    Parameters
    ----------
    graph : networkx.Graph
    weight : str, optional (default="weight")
        Edge attribute read as a tie strength; None treats every edge as 1.
    max_iter : int, optional (default=1000)
    tol : float, optional (default=1e-06)
    backend : str, optional (default="auto")
        ``"auto"``, ``"networkx"``, ``"igraph"`` or a networkx dispatch backend
        (see :mod:`kg.analytics.backends`).

    Returns
    -------
    centrality : dict
        Node → eigenvector centrality.

    Raises
    ------
    networkx.PowerIterationFailedConvergence
        When the iteration does not converge within ``max_iter``.

    Examples
    --------
    >>> import networkx as nx
    >>> kite = nx.krackhardt_kite_graph()
    >>> round(eigenvector(kite)[3], 3)
    0.481
    """
    chosen = engine(graph, backend)
    if chosen == IGRAPH:
        return igraph_backend.eigenvector(graph, weight=weight)
    return nx.eigenvector_centrality(graph, max_iter=max_iter, tol=tol, weight=weight, backend=chosen)


def closeness(graph: nx.Graph, *, distance: str | None = None, backend: str | None = "auto") -> dict[object, float]:
    """Return the closeness centrality of each node (Wasserman–Faust form for disconnected graphs).

    Parameters
    ----------
    graph : networkx.Graph
    distance : str, optional (default=None)
        An edge attribute read as a distance; None counts hops.
    backend : str, optional (default="auto")
        ``"auto"``, ``"networkx"``, ``"igraph"`` or a networkx dispatch backend
        (see :mod:`kg.analytics.backends`).

    Returns
    -------
    centrality : dict
        Node → closeness: reachable nodes over the sum of distances to them, scaled by the share of
        the graph the node reaches.

    Examples
    --------
    >>> import networkx as nx
    >>> kite = nx.krackhardt_kite_graph()
    >>> round(closeness(kite)[5], 3)
    0.643
    """
    chosen = engine(graph, backend)
    if chosen == IGRAPH:
        return igraph_backend.closeness(graph, distance=distance)
    return nx.closeness_centrality(graph, distance=distance, wf_improved=True, backend=chosen)


def components(graph: nx.Graph, *, backend: str | None = "auto") -> dict[object, int]:
    """Return the connected component of each node, numbered 0 (largest) upwards.

    Components of equal size are ordered by their smallest node (compared as text), so the
    numbering is the same from run to run, and the same with either engine.

    Parameters
    ----------
    graph : networkx.Graph
    backend : str, optional (default="auto")
        ``"auto"``, ``"networkx"``, ``"igraph"`` or a networkx dispatch backend.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> g.add_node("z")
    >>> components(g)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1, 'z': 2}
    """
    chosen = engine(graph, backend)
    if chosen == IGRAPH:
        return numbered(igraph_backend.components(graph))
    return numbered(nx.connected_components(graph, backend=chosen))


def core_number(graph: nx.Graph, *, backend: str | None = "auto") -> dict[object, int]:
    """Return the core number of each node: the largest ``k`` of a ``k``-core that holds it.

    Self-loops are ignored.

    Parameters
    ----------
    graph : networkx.Graph
    backend : str, optional (default="auto")
        ``"auto"``, ``"networkx"``, ``"igraph"`` or a networkx dispatch backend.

    See Also
    --------
    k_core

    Examples
    --------
    >>> import networkx as nx
    >>> kite = nx.krackhardt_kite_graph()
    >>> core_number(kite)[0], core_number(kite)[9]
    (3, 1)
    """
    chosen = engine(graph, backend)
    if chosen == IGRAPH:
        return igraph_backend.core_number(graph)
    if nx.number_of_selfloops(graph):
        graph = nx.Graph(graph)
        graph.remove_edges_from(nx.selfloop_edges(graph))
    return nx.core_number(graph, backend=chosen)


def k_core(graph: nx.Graph, *, k: int | None = None, backend: str | None = "auto") -> list[object]:
    """Return the nodes of the ``k``-core (default: the innermost core), sorted.

    Examples
    --------
    >>> import networkx as nx
    >>> k_core(nx.krackhardt_kite_graph())
    [0, 1, 2, 3, 4, 5, 6]
    """
    cores = core_number(graph, backend=backend)
    if not cores:
        return []
    k = max(cores.values()) if k is None else k
    return sorted((node for node, core in cores.items() if core >= k), key=str)


def numbered(parts: Iterable[Iterable[object]]) -> dict[object, int]:
    """Return ``{node: number}`` for a partition: 0 for the largest part, ties by smallest node as text.

    Examples
    --------
    >>> numbered([["c"], ["b", "a"]])
    {'a': 0, 'b': 0, 'c': 1}
    """
    ordered = sorted((set(part) for part in parts), key=lambda part: (-len(part), min(map(str, part))))
    return {node: index for index, part in enumerate(ordered) for node in sorted(part, key=str)}


def cross_border_share(
    graph: nx.Graph, *, attribute: str = "country", weight: str = "weight"
) -> dict[object, float]:
    """Return the share of each node's weighted ties that go to nodes of another ``attribute`` value.

    In the region network (``attribute="country"``) this is the share of a region's collaboration
    that crosses a national border. Ties to a neighbour whose value is unknown count in neither part
    (they are left out of the denominator too); a node without known ties is left out of the result.
    Self-loops are ignored.

    Parameters
    ----------
    graph : networkx.Graph
    attribute : str, optional (default="country")
        The node attribute that defines the border.
    weight : str, optional (default="weight")
        The edge attribute of tie strength; an edge without it counts 1.

    Returns
    -------
    shares : dict
        Node → share in [0, 1].

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_nodes_from([("PL81", {"country": "PL"}), ("PL71", {"country": "PL"}), ("RO32", {"country": "RO"})])
    >>> g.add_edge("PL81", "PL71", weight=3)
    >>> g.add_edge("PL81", "RO32", weight=1)
    >>> cross_border_share(g)
    {'PL81': 0.25, 'PL71': 0.0, 'RO32': 1.0}
    """
    shares = {}
    for node, own in graph.nodes(data=attribute):
        if own is None:
            continue
        total = across = 0.0
        for neighbour, data in graph[node].items():
            other = graph.nodes[neighbour].get(attribute)
            if neighbour == node or other is None:
                continue
            strength = data.get(weight, 1)
            total += strength
            if other != own:
                across += strength
        if total > 0:
            shares[node] = across / total
    return shares
