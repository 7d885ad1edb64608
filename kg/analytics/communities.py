"""Communities of a collaboration network, as plain ``{node: community}`` dicts.

Communities are numbered 0 (the largest) upwards; communities of equal size are ordered by their
smallest node compared as text, so a fixed ``seed`` gives the same numbers from run to run.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from kg.analytics import igraph_backend
from kg.analytics.backends import IGRAPH, engine
from kg.analytics.metrics import numbered

__all__ = ["label_propagation", "louvain", "modularity"]


def louvain(
    graph: nx.Graph, *, weight: str | None = "weight", resolution: float = 1.0, seed: int | None = None,
    backend: str | None = "auto",
) -> dict[object, int]:
    """Return the Louvain communities of ``graph`` (networkx's ``louvain_communities``, or igraph's).

    On large graphs (``backend="auto"``, see :mod:`kg.analytics.backends`) igraph's multilevel
    algorithm finds them, much faster: the same method with another implementation, so the
    partition differs from networkx's but its modularity is comparable (a test checks it).

    Parameters
    ----------
    graph : networkx.Graph
    weight : str, optional (default="weight")
        Edge attribute of tie strength; None treats every edge as 1.
    resolution : float, optional (default=1.0)
        Above 1 favours smaller communities, below 1 larger ones.
    seed : int, optional (default=None)
        Seed of the random node order; fix it for repeatable communities.
    backend : str, optional (default="auto")
        ``"auto"``, ``"networkx"``, ``"igraph"`` or a networkx dispatch backend.

    Returns
    -------
    communities : dict
        Node → community number.

    See Also
    --------
    label_propagation, modularity

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.barbell_graph(4, 0)
    >>> louvain(g, seed=42)
    {0: 0, 1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 1, 7: 1}
    """
    chosen = engine(graph, backend)
    if chosen == IGRAPH:
        return numbered(igraph_backend.louvain(graph, weight=weight, resolution=resolution, seed=seed))
    return numbered(nx.community.louvain_communities(graph, weight=weight, resolution=resolution, seed=seed,
                                                     backend=chosen))


def label_propagation(graph: nx.Graph, *, weight: str | None = "weight", seed: int | None = None) -> dict[object, int]:
    """Return communities found by asynchronous label propagation (networkx's ``asyn_lpa_communities``).

    Parameters
    ----------
    graph : networkx.Graph
    weight : str, optional (default="weight")
        Edge attribute of tie strength; None treats every edge as 1.
    seed : int, optional (default=None)
        Seed of the random update order and tie-breaking.

    Returns
    -------
    communities : dict
        Node → community number.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5)])
    >>> label_propagation(g, seed=1)
    {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
    """
    return numbered(nx.community.asyn_lpa_communities(graph, weight=weight, seed=seed))


def modularity(graph: nx.Graph, communities: Mapping[object, int], *, weight: str | None = "weight") -> float:
    """Return the modularity of a ``{node: community}`` partition of ``graph``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.barbell_graph(4, 0)
    >>> round(modularity(g, louvain(g, seed=42)), 3)
    0.423
    """
    parts: dict[int, set[object]] = {}
    for node, community in communities.items():
        parts.setdefault(community, set()).add(node)
    return nx.community.modularity(graph, parts.values(), weight=weight)

