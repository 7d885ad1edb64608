"""Which engine computes a metric: networkx (with its dispatch backends) or igraph, and the conversion.

The metric functions of :mod:`kg.analytics.metrics` and :mod:`kg.analytics.communities` take
``backend``:

- ``"auto"`` (or None, the default): igraph when it is installed and the graph has at least
  :data:`AUTO_EDGES` edges (and is a simple undirected graph), networkx otherwise;
- ``"networkx"``: networkx itself;
- ``"igraph"``: igraph (python-igraph), through :mod:`kg.analytics.igraph_backend`; when it is not
  installed the error says how to install it;
- any other name: passed to networkx's backend dispatch (``backend="parallel"`` once nx-parallel is
  installed), which raises ImportError for a backend that is not installed.

The graph handed to igraph is built once per graph and edge attribute and kept in the graph's
``__networkx_cache__``, where networkx keeps its own backend conversions: networkx clears it when
the graph changes through its methods (``add_edge``, ``remove_node`` …). Like networkx's own
cache, it does not notice an attribute changed in place (``G[u][v]["weight"] = 3``); call
``G.__networkx_cache__.clear()`` after such a change.

Examples
--------
>>> import networkx as nx
>>> engine(nx.path_graph(3), "auto") is None       # small: networkx
True
>>> engine(nx.path_graph(3), "networkx")
'networkx'
"""

from __future__ import annotations

import contextlib
import importlib.util
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from operator import methodcaller
from typing import Any

import networkx as nx

__all__ = ["AUTO_EDGES", "IGRAPH", "INSTALL_HINT", "engine", "prime_igraph", "require_igraph", "seeded", "to_igraph"]

#: Edges from which ``backend="auto"`` uses igraph (when installed). Below it networkx is fast
#: enough, and the conversion would cost more than it saves.
AUTO_EDGES = 20_000

IGRAPH = "igraph"
INSTALL_HINT = "pip install 'eu-regional-kg[analytics]' (or: pip install igraph)"
_CACHE_KEY = "kg.analytics.igraph"


def require_igraph() -> Any:
    """Return the igraph module, or raise ImportError with an install hint.

    Raises
    ------
    ImportError
        When python-igraph is not installed.
    """
    try:
        import igraph
    except ImportError:
        raise ImportError(f"the igraph backend is not installed: {INSTALL_HINT}") from None
    return igraph


def engine(graph: nx.Graph, backend: str | None) -> str | None:
    """Return the engine for ``backend`` on ``graph``: ``"igraph"``, a networkx backend name, or None.

    Parameters
    ----------
    graph : networkx.Graph
    backend : str or None
        ``"auto"`` or None, ``"networkx"``, ``"igraph"``, or a networkx dispatch backend name.

    Returns
    -------
    engine : str or None
        ``"igraph"``; otherwise the value to pass as networkx's ``backend=`` (None: networkx's default).

    Raises
    ------
    ImportError
        When ``"igraph"`` is asked for and not installed.
    """
    if backend in (None, "auto"):
        simple = not graph.is_directed() and not graph.is_multigraph()
        if simple and graph.number_of_edges() >= AUTO_EDGES and importlib.util.find_spec("igraph"):
            return IGRAPH
        return None
    if backend == IGRAPH:
        require_igraph()
    return backend


def to_igraph(graph: nx.Graph, weight: str | None = None) -> tuple[Any, list[object]]:
    """Return ``graph`` as an undirected igraph Graph, and its nodes in vertex order.

    Vertex ``i`` is the ``i``-th node of ``graph``; with ``weight``, the igraph edge attribute
    named ``weight`` holds that attribute's values (1 where an edge lacks it). One igraph Graph is
    kept per networkx graph in ``graph.__networkx_cache__`` (see the module's notes), each weight
    attribute added to it when first asked for, unless networkx's ``nx.config.cache_converted_graphs``
    is off.

    Examples
    --------
    >>> import networkx as nx
    >>> g, nodes = to_igraph(nx.Graph([("a", "b", {"weight": 2}), ("b", "c")]), "weight")
    >>> nodes, g.get_edgelist(), g.es["weight"]
    (['a', 'b', 'c'], [(0, 1), (1, 2)], [2, 1])
    """
    cache = getattr(graph, "__networkx_cache__", None)
    key = (graph.number_of_nodes(), graph.number_of_edges())
    if cache is not None and nx.config.cache_converted_graphs and key in cache.get(_CACHE_KEY, {}):
        converted, nodes = cache[_CACHE_KEY][key]
    else:
        converted, nodes = _convert(graph)
        if cache is not None and nx.config.cache_converted_graphs:
            cache[_CACHE_KEY] = {key: (converted, nodes)}
    if weight is not None and weight not in converted.es.attributes():
        converted.es[weight] = _weights(graph, converted, weight)
    return converted, nodes


def prime_igraph(graph: nx.Graph, pairs: Iterable[tuple[object, object]],
                 attributes: Mapping[str, Sequence[object]]) -> None:
    """Keep in ``graph``'s cache the igraph Graph of its edges, built from ``pairs``.

    A network builder that has its edges at hand (such as a sparse projection's pairs) calls this
    after its last change to ``graph``, so that the first igraph metric does not convert the graph
    edge by edge (about 6 s at 885,000 edges). Nothing is kept when igraph is not installed or
    networkx's ``nx.config.cache_converted_graphs`` is off.

    Parameters
    ----------
    graph : networkx.Graph
        A simple undirected graph, complete: any later change through its methods clears the cache.
    pairs : iterable of (node, node)
        Every edge of ``graph`` once, in any order.
    attributes : mapping
        Edge attribute name → its values in the order of ``pairs``.

    Examples
    --------
    >>> import networkx as nx
    >>> graph = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> prime_igraph(graph, [("b", "c"), ("a", "b")], {"weight": [1, 2]})
    >>> g, nodes = to_igraph(graph, "weight")
    >>> [(nodes[a], nodes[b], w) for (a, b), w in zip(g.get_edgelist(), g.es["weight"])]
    [('b', 'c', 1), ('a', 'b', 2)]
    """
    cache = getattr(graph, "__networkx_cache__", None)
    if cache is None or not nx.config.cache_converted_graphs or importlib.util.find_spec("igraph") is None:
        return
    ig = require_igraph()
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in pairs]
    if len(edges) != graph.number_of_edges():
        raise ValueError(f"{len(edges)} pairs given for a graph of {graph.number_of_edges()} edges")
    converted = ig.Graph(n=len(nodes), edges=edges, directed=False)
    for name, values in attributes.items():
        converted.es[name] = list(values)
    cache[_CACHE_KEY] = {(graph.number_of_nodes(), graph.number_of_edges()): (converted, nodes)}


def _convert(graph: nx.Graph) -> tuple[Any, list[object]]:
    # Neighbours are read through C-level iteration (map, chain) rather than a Python loop per edge:
    # at 885,000 edges this takes a few seconds less than iterating graph.edges().
    import numpy as np

    ig = require_igraph()
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = [neighbours for _, neighbours in graph.adjacency()]
    targets = np.fromiter(map(index.__getitem__, chain.from_iterable(adjacency)), dtype=np.int64)
    sources = np.repeat(np.arange(len(nodes), dtype=np.int64), [len(neighbours) for neighbours in adjacency])
    keep = sources <= targets  # each edge once (self-loops once too)
    edges = np.column_stack([sources[keep], targets[keep]]).tolist()  # igraph reads lists much faster than arrays
    converted = ig.Graph(n=len(nodes), edges=edges, directed=False)
    converted["_keep"] = keep  # which adjacency entries became edges, in edge order, for the weights
    return converted, nodes


def _weights(graph: nx.Graph, converted: Any, weight: str) -> list[object]:
    if "_keep" not in converted.attributes():  # primed from pairs: read the edges in igraph's order
        nodes = list(graph)
        return [graph[nodes[a]][nodes[b]].get(weight, 1) for a, b in converted.get_edgelist()]
    attributes = chain.from_iterable(neighbours.values() for _, neighbours in graph.adjacency())
    values = map(methodcaller("get", weight, 1), attributes)
    return [value for value, kept in zip(values, converted["_keep"].tolist(), strict=True) if kept]


@contextlib.contextmanager
def seeded(seed: int | random.Random | None) -> Iterator[None]:
    """Run igraph's random choices from ``seed`` inside the block, then restore its generator.

    igraph draws from Python's global :mod:`random` module by default; inside the block it draws
    from ``random.Random(seed)`` (or the given Random), so a seed gives the same result every run
    and the global generator is left alone. None keeps igraph's default.
    """
    ig = require_igraph()
    if seed is None:
        yield
        return
    ig.set_random_number_generator(seed if isinstance(seed, random.Random) else random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)
