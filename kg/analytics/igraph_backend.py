"""The metrics of :mod:`kg.analytics.metrics` and :mod:`~kg.analytics.communities` computed by igraph.

Each function takes the networkx graph and the same keywords as its networkx-backed namesake and
returns the same plain dict, with networkx's conventions applied to igraph's numbers, so that a
caller cannot tell the engines apart except by speed (``tests/analytics/test_backends.py``):

- **betweenness**: the sources are drawn exactly as networkx draws them (``seed.sample(list(G), k)``);
  igraph's count for an undirected graph is half networkx's raw count, which is then rescaled by
  networkx's own rule (sources and other nodes scaled apart), so the values are networkx's. Large
  jobs (:data:`PARALLEL_WORK`) split the sources over the machine's cores;
- **eigenvector**: scaled to Euclidean norm 1, as networkx's (equal up to the iteration's tolerance
  on a connected graph; on a disconnected one the engines may put the small components apart);
- **closeness**: igraph's closeness within the reachable part, times networkx's Wasserman–Faust
  factor (reachable nodes over ``n - 1``); an isolated node gets 0;
- **core numbers**, **components** and **weighted degree**: identical;
- **Louvain**: igraph's multilevel algorithm, seeded; a partition of comparable modularity, not
  the same partition.

Examples
--------
>>> import networkx as nx
>>> kite = nx.krackhardt_kite_graph()
>>> round(betweenness(kite)[7], 3)
0.389
"""

from __future__ import annotations

import math
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import networkx as nx

from kg.analytics.backends import seeded, to_igraph

#: Sampled betweenness work (sources × edges) from which the sources are split over the machine's
#: cores, one process each; the sums are the same.
PARALLEL_WORK = 20_000_000

__all__ = ["betweenness", "closeness", "components", "core_number", "eigenvector", "louvain", "weighted_degree"]


def betweenness(
    graph: nx.Graph, *, k: int | None = None, seed: object = None, normalized: bool = True,
    weight: str | None = None,
) -> dict[object, float]:
    """Return networkx's betweenness centrality of each node, computed by igraph.

    Parameters are those of :func:`kg.analytics.metrics.betweenness`. The ``k`` sources are drawn as
    networkx draws them, so the same ``seed`` gives the same sources and the same values.

    Examples
    --------
    >>> import networkx as nx
    >>> florentine = nx.florentine_families_graph()
    >>> ours = betweenness(florentine, k=5, seed=3)
    >>> theirs = nx.betweenness_centrality(florentine, k=5, seed=3)
    >>> all(math.isclose(ours[n], theirs[n], abs_tol=1e-12) for n in florentine)
    True
    """
    g, nodes = to_igraph(graph, weight)
    n = len(nodes)
    if k is not None and k >= n:
        k = None
    sources = None if k is None else nx.utils.create_py_random_state(seed).sample(nodes, k)
    if sources is None:
        half = g.betweenness(directed=False, weights=weight)
    else:
        index = {node: i for i, node in enumerate(nodes)}
        half = _subset_betweenness(g, [index[s] for s in sources], weight)
    raw = {node: 2.0 * value for node, value in zip(nodes, half, strict=True)}
    return _rescale(raw, n, normalized=normalized, sampled=None if sources is None else set(sources))


def _subset_betweenness(g: object, sources: list[int], weight: str | None) -> list[float]:
    # The dependencies add up over sources, so large jobs are split over the machine's cores
    # (processes: igraph holds the GIL). Below PARALLEL_WORK the start-up would cost more than it saves.
    workers = min(len(sources), len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    if workers < 2 or len(sources) * g.ecount() < PARALLEL_WORK:  # type: ignore[attr-defined]
        return g.betweenness(directed=False, weights=weight, sources=sources)  # type: ignore[attr-defined]
    chunks = [sources[i::workers] for i in range(workers)]
    context = multiprocessing.get_context("spawn")  # no fork of a possibly threaded parent
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            parts = list(pool.map(_betweenness_part, [g] * workers, chunks, [weight] * workers))
    except (BrokenProcessPool, OSError):
        # A script that calls this outside ``if __name__ == "__main__":`` cannot spawn workers
        # (they re-run the script); compute in this process instead.
        return g.betweenness(directed=False, weights=weight, sources=sources)  # type: ignore[attr-defined]
    return [sum(values) for values in zip(*parts, strict=True)]


def _betweenness_part(g: object, sources: list[int], weight: str | None) -> list[float]:
    return g.betweenness(directed=False, weights=weight, sources=sources)  # type: ignore[attr-defined]


def _rescale(raw: dict[object, float], n: int, *, normalized: bool, sampled: set[object] | None) -> dict:
    # networkx's rule for an undirected graph without endpoints (networkx 3.5+, betweenness._rescale).
    pairs = n - 1
    if pairs < 2:
        return raw
    if sampled is None:
        scale = 1 / (pairs * (pairs - 1)) if normalized else 0.5
        return {node: value * scale for node, value in raw.items()}
    k = len(sampled)
    if normalized:
        source = 1 / ((k - 1) * (pairs - 1)) if k > 1 else math.nan
        other = 1 / (k * (pairs - 1))
    else:
        source = pairs / ((k - 1) * 2) if k > 1 else math.nan
        other = pairs / (k * 2)
    return {node: value * (source if node in sampled else other) for node, value in raw.items()}


def eigenvector(graph: nx.Graph, *, weight: str | None = "weight") -> dict[object, float]:
    """Return the eigenvector centrality of each node (Euclidean norm 1), computed by igraph.

    Examples
    --------
    >>> import networkx as nx
    >>> round(eigenvector(nx.krackhardt_kite_graph())[3], 3)
    0.481
    """
    g, nodes = to_igraph(graph, weight)
    values = g.eigenvector_centrality(weights=weight)
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return {node: abs(value) / norm for node, value in zip(nodes, values, strict=True)}


def weighted_degree(graph: nx.Graph, *, weight: str = "weight") -> dict[object, float]:
    """Return the sum of the weights of each node's edges, computed by igraph (ints stay ints).

    Examples
    --------
    >>> import networkx as nx
    >>> weighted_degree(nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 2})]))
    {'a': 3, 'b': 5, 'c': 2}
    """
    g, nodes = to_igraph(graph, weight)
    values = g.strength(weights=weight, loops=True)
    if all(type(value) is int for value in g.es[weight]):
        values = [round(value) for value in values]
    return dict(zip(nodes, values, strict=True))


def closeness(graph: nx.Graph, *, distance: str | None = None) -> dict[object, float]:
    """Return the Wasserman–Faust closeness centrality of each node, computed by igraph.

    Examples
    --------
    >>> import networkx as nx
    >>> round(closeness(nx.krackhardt_kite_graph())[5], 3)
    0.643
    """
    g, nodes = to_igraph(graph, distance)
    n = len(nodes)
    if n < 2:
        return dict.fromkeys(nodes, 0.0)
    membership = g.connected_components().membership
    sizes: dict[int, int] = {}
    for part in membership:
        sizes[part] = sizes.get(part, 0) + 1
    values = g.closeness(weights=distance, normalized=True)
    return {
        node: 0.0 if value is None or math.isnan(value) else value * (sizes[part] - 1) / (n - 1)
        for node, value, part in zip(nodes, values, membership, strict=True)
    }


def core_number(graph: nx.Graph) -> dict[object, int]:
    """Return the core number of each node (self-loops ignored), computed by igraph.

    Examples
    --------
    >>> import networkx as nx
    >>> core_number(nx.krackhardt_kite_graph())[0]
    3
    """
    g, nodes = to_igraph(graph)
    if any(g.is_loop()):
        g = g.copy()
        g.simplify(multiple=False, loops=True)
    return dict(zip(nodes, g.coreness(), strict=True))


def components(graph: nx.Graph) -> list[list[object]]:
    """Return the connected components as lists of nodes (in no particular order), computed by igraph.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(map(sorted, components(nx.Graph([(1, 2), (3, 4)]))))
    [[1, 2], [3, 4]]
    """
    g, nodes = to_igraph(graph)
    parts: dict[int, list[object]] = {}
    for node, part in zip(nodes, g.connected_components().membership, strict=True):
        parts.setdefault(part, []).append(node)
    return list(parts.values())


def louvain(graph: nx.Graph, *, weight: str | None = "weight", resolution: float = 1.0,
            seed: object = None) -> list[list[object]]:
    """Return Louvain communities (igraph's multilevel algorithm, seeded) as lists of nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(map(sorted, louvain(nx.barbell_graph(4, 0), seed=42)))
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    """
    g, nodes = to_igraph(graph, weight)
    with seeded(seed):
        clustering = g.community_multilevel(weights=weight, resolution=resolution)
    parts: dict[int, list[object]] = {}
    for node, part in zip(nodes, clustering.membership, strict=True):
        parts.setdefault(part, []).append(node)
    return list(parts.values())
