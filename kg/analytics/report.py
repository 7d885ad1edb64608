"""The metrics by name, and their scores as ranked rows for tables, CSV and JSON.

:data:`METRICS` maps each name the command line and the notebooks use to a :class:`Metric`: the
function of :mod:`kg.analytics.metrics`, :mod:`~kg.analytics.communities` or
:mod:`~kg.analytics.brokerage` it calls, and whether its values are scores (ranked highest first)
or group numbers (listed by group).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from kg.analytics import communities, metrics
from kg.analytics.brokerage import ROLES, brokerage
from kg.errors import KgError

__all__ = [
    "EXACT_BETWEENNESS_MAX",
    "LIST_NODES_MAX",
    "METRICS",
    "SAMPLED_SOURCES",
    "Metric",
    "Table",
    "compute",
    "group_table",
    "ranking",
    "ranking_table",
    "sources_for",
    "summary",
]

#: Nodes up to which :func:`ranking_table` computes betweenness exactly; above, it estimates it
#: from :data:`SAMPLED_SOURCES` sources (exact betweenness costs nodes × edges).
EXACT_BETWEENNESS_MAX = 5_000

#: Sources from which :func:`ranking_table` estimates betweenness on a graph above
#: :data:`EXACT_BETWEENNESS_MAX` nodes.
SAMPLED_SOURCES = 500

#: Nodes up to which :func:`ranking_table` lists every node of a partition (communities,
#: components) when asked for all rows; above, it summarises the groups (:func:`group_table`).
LIST_NODES_MAX = 60


@dataclass(frozen=True)
class Metric:
    """A metric: what it computes, and how (``run(graph, seed, k, by, backend)`` → ``{node: value}``)."""

    name: str
    description: str
    run: Callable[[nx.Graph, int | None, int | None, str, str | None], dict]
    partition: bool = False  # values are group numbers, not scores


METRICS: dict[str, Metric] = {
    metric.name: metric
    for metric in (
        Metric("degree", "number of partners", lambda g, seed, k, by, backend: metrics.degree(g)),
        Metric("weighted-degree", "sum of tie weights (shared projects and events)",
               lambda g, seed, k, by, backend: metrics.weighted_degree(g, backend=backend)),
        Metric("betweenness", "betweenness centrality (exact, or from --k sampled sources with --seed)",
               lambda g, seed, k, by, backend: metrics.betweenness(g, k=k, seed=seed, backend=backend)),
        Metric("eigenvector", "eigenvector centrality on tie weights",
               lambda g, seed, k, by, backend: metrics.eigenvector(g, backend=backend)),
        Metric("closeness", "closeness centrality (Wasserman-Faust)",
               lambda g, seed, k, by, backend: metrics.closeness(g, backend=backend)),
        Metric("louvain", "Louvain community (with --seed)",
               lambda g, seed, k, by, backend: communities.louvain(g, seed=seed, backend=backend), partition=True),
        Metric("label-propagation", "label-propagation community (with --seed)",
               lambda g, seed, k, by, backend: communities.label_propagation(g, seed=seed), partition=True),
        Metric("components", "connected component (0 = largest)",
               lambda g, seed, k, by, backend: metrics.components(g, backend=backend), partition=True),
        Metric("core-number", "k-core number", lambda g, seed, k, by, backend: metrics.core_number(g, backend=backend)),
        Metric("brokerage", "Gould-Fernandez brokerage roles across the --by attribute (default country)",
               lambda g, seed, k, by, backend: brokerage(g, by)),
        Metric("cross-border-share", "share of weighted ties to another --by value (default country)",
               lambda g, seed, k, by, backend: metrics.cross_border_share(g, attribute=by)),
    )
}


def compute(graph: nx.Graph, metric: str, *, seed: int | None = None, k: int | None = None,
            by: str = "country", backend: str | None = None) -> dict:
    """Return the values of ``metric`` (a key of :data:`METRICS`) on ``graph``.

    Raises
    ------
    KgError
        For an unknown metric, one that cannot be computed on this graph (an eigenvector
        iteration that does not converge, an empty graph), or a backend that is not installed.

    Examples
    --------
    >>> import networkx as nx
    >>> compute(nx.path_graph(3), "degree")
    {0: 1, 1: 2, 2: 1}
    """
    try:
        chosen = METRICS[metric]
    except KeyError:
        raise KgError(f"unknown metric {metric!r}; known metrics: {', '.join(METRICS)}") from None
    try:
        return chosen.run(graph, seed, k, by, backend)
    except ImportError as error:
        raise KgError(f"cannot compute {metric}: {error}") from None
    except (nx.NetworkXException, ZeroDivisionError) as error:
        name = graph.graph.get("name", "the")
        raise KgError(f"cannot compute {metric} on {name} network "
                      f"({graph.number_of_nodes()} nodes): {error}") from None


def ranking(graph: nx.Graph, metric: str, values: Mapping[object, object], *, top: int | None = 20
            ) -> tuple[list[str], list[dict[str, object]]]:
    """Return ``(columns, rows)``: the nodes with their label, country and value, best first.

    Scores are ranked highest first; group numbers (communities, components) are listed by group.
    Brokerage gives one column per role and a ``total``, ranked by the total. Ties are ordered by
    label. ``top`` keeps the first rows only (None keeps all).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> columns, rows = ranking(g, "degree", {"a": 1, "b": 2, "c": 1}, top=2)
    >>> columns
    ['rank', 'node', 'label', 'country', 'degree']
    >>> [row["node"] for row in rows]
    ['b', 'a']
    """
    roles = metric == "brokerage"
    columns = ["rank", "node", "label", "country"]
    columns += [*ROLES, "total"] if roles else [metric]
    rows = []
    for node, value in values.items():
        data = graph.nodes[node] if node in graph else {}
        row: dict[str, object] = {"node": node, "label": data.get("label", str(node)),
                                  "country": data.get("country", "")}
        if roles:
            row.update(value)
            row["total"] = sum(value.values())
        else:
            row[metric] = value
        rows.append(row)
    key = "total" if roles else metric
    partition = metric in METRICS and METRICS[metric].partition
    rows.sort(key=lambda row: (row[key] if partition else -row[key], str(row["label"]), str(row["node"])))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    rows = rows if top is None else rows[:top]
    return columns, [{column: row[column] for column in columns} for row in rows]


@dataclass(frozen=True)
class Table:
    """Rows with named columns that show as a table in a notebook (HTML) and as text elsewhere.

    Examples
    --------
    >>> print(Table(["node", "degree"], [{"node": "a", "degree": 2}]))
    node  degree
    a     2
    """

    columns: list[str]
    rows: list[dict[str, object]]
    note: str = field(default="", repr=False)  # how the values were found, shown under the table

    def _cells(self) -> list[list[str]]:
        return [[f"{row[c]:.4g}" if isinstance(row[c], float) else str(row[c]) for c in self.columns]
                for row in self.rows]

    def __str__(self) -> str:
        cells = [self.columns, *self._cells()]
        widths = [max(len(line[i]) for line in cells) for i in range(len(self.columns))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in cells]
        return "\n".join([*lines, self.note] if self.note else lines)

    def _repr_html_(self) -> str:
        from html import escape

        head = "".join(f"<th>{escape(c)}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in line) + "</tr>"
                       for line in self._cells())
        caption = f"<caption style='caption-side: bottom'>{escape(self.note)}</caption>" if self.note else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def sources_for(graph: nx.Graph, metric: str, k: int | None = None) -> int | None:
    """Return the number of sampled sources :func:`ranking_table` uses for ``metric`` on ``graph``.

    ``k`` when given; for betweenness on a graph of more than :data:`EXACT_BETWEENNESS_MAX` nodes,
    :data:`SAMPLED_SOURCES`; None (exact) otherwise, and whenever ``k`` reaches the number of nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> sources_for(nx.path_graph(10), "betweenness") is None
    True
    >>> sources_for(nx.path_graph(10_000), "betweenness")
    500
    >>> sources_for(nx.path_graph(10_000), "degree") is None
    True
    """
    if k is None and metric == "betweenness" and graph.number_of_nodes() > EXACT_BETWEENNESS_MAX:
        k = SAMPLED_SOURCES
    return None if k is None or k >= graph.number_of_nodes() else k


def ranking_table(graph: nx.Graph, metric: str, values: Mapping[object, object] | None = None, *,
                  top: int | None = 10, seed: int | None = 42, k: int | None = None,
                  node_column: bool = False) -> Table:
    """Return the :func:`ranking` of ``metric`` on ``graph`` as a :class:`Table` (computed when ``values`` is None).

    The node IRIs are left out unless ``node_column``; the labels say which node a row is. Two
    cases keep the table readable and quick on a large graph:

    - betweenness on more than :data:`EXACT_BETWEENNESS_MAX` nodes is estimated from
      :data:`SAMPLED_SOURCES` sources drawn with ``seed`` (or from ``k`` sources when given; see
      :func:`sources_for`), and the table's note says so;
    - a partition (communities, components) asked for in full (``top=None``) on more than
      :data:`LIST_NODES_MAX` nodes is summarised by group (:func:`group_table`).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> print(ranking_table(g, "degree", top=1))
    rank  label  country  degree
    1     b               2
    >>> print(ranking_table(nx.path_graph(6_000), "betweenness", top=1))
    rank  label  country  betweenness
    1     2911            0.5007
    betweenness estimated from 500 of 6,000 nodes as sources (seed 42); the exact values need all of them
    """
    note = ""
    if values is None:
        k = sources_for(graph, metric, k)
        values = compute(graph, metric, seed=seed, k=k)
        if k is not None:
            note = (f"{metric} estimated from {k:,} of {graph.number_of_nodes():,} nodes as sources (seed {seed}); "
                    "the exact values need all of them")
    if top is None and METRICS.get(metric, METRICS["degree"]).partition and len(values) > LIST_NODES_MAX:
        return group_table(graph, metric, values)
    columns, rows = ranking(graph, metric, values, top=top)
    if not node_column:
        columns = [c for c in columns if c != "node"]
    return Table(columns, rows, note)


def group_table(graph: nx.Graph, metric: str, groups: Mapping[object, int], *, top: int = 10,
                members: int = 3) -> Table:
    """Return the ``top`` largest groups of a partition: their size and their best-tied members.

    Parameters
    ----------
    graph : networkx.Graph
    metric : str
        The name of the partition (``"louvain"``, ``"components"`` …), the first column's heading.
    groups : mapping
        Node → group number, 0 the largest (as :func:`kg.analytics.louvain` and
        :func:`kg.analytics.metrics.components` number them).
    top : int, optional (default=10)
        How many groups to show, the largest first.
    members : int, optional (default=3)
        How many members to name per group: those of highest weighted degree (ties by label).

    Returns
    -------
    table : Table
        Columns ``metric``, ``nodes``, ``share`` (of all nodes), ``countries`` (distinct known
        countries) and ``largest members`` (``label (country)``); the note counts the groups left out.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> g.add_node("z")
    >>> print(group_table(g, "components", {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 2}, top=2, members=2))
    components  nodes  share  countries  largest members
    0           3      0.5    0          b; a
    1           2      0.3333  0          x; y
    the 2 largest of 3 components (6 nodes); members named by weighted degree
    """
    parts: dict[int, list[object]] = {}
    for node, group in groups.items():
        parts.setdefault(group, []).append(node)
    strength = dict(graph.degree(weight="weight"))
    total = len(groups)
    rows = []
    for group in sorted(parts, key=lambda group: (-len(parts[group]), group))[:top]:
        nodes = parts[group]
        countries = {graph.nodes[n].get("country") for n in nodes if n in graph} - {None, ""}
        best = sorted(nodes, key=lambda n: (-strength.get(n, 0), _label(graph, n)))[:members]
        rows.append({metric: group, "nodes": len(nodes), "share": len(nodes) / total, "countries": len(countries),
                     "largest members": "; ".join(_named(graph, n) for n in best)})
    note = (f"the {len(rows)} largest of {len(parts):,} {metric} ({total:,} nodes); "
            "members named by weighted degree")
    return Table([metric, "nodes", "share", "countries", "largest members"], rows, note)


def _label(graph: nx.Graph, node: object) -> str:
    return str(graph.nodes[node].get("label", node)) if node in graph else str(node)


def _named(graph: nx.Graph, node: object) -> str:
    country = graph.nodes[node].get("country") if node in graph else None
    return f"{_label(graph, node)} ({country})" if country else _label(graph, node)


def summary(graph: nx.Graph) -> Table:
    """Return the size of ``graph``: nodes, edges, density, components and the largest one.

    Examples
    --------
    >>> import networkx as nx
    >>> print(summary(nx.path_graph(3)))
    nodes  edges  density  components  largest component
    3      2      0.6667   1           3
    """
    parts = list(nx.connected_components(graph)) if graph.number_of_nodes() else []
    row = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
           "density": float(nx.density(graph)) if graph.number_of_nodes() > 1 else 0.0,
           "components": len(parts), "largest component": max((len(p) for p in parts), default=0)}
    return Table(list(row), [row])
