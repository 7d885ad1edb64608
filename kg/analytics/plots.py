"""The figures of the notebooks: network drawings and region charts (matplotlib, imported lazily).

Each function draws on a given matplotlib Axes (or a new figure) and returns the Axes or Figure,
so notebooks stay free of logic: they call these functions and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_network", "region_bars"]

_MISSING = "unknown"


def _categories(graph: nx.Graph, color_by: str | Mapping[object, object]) -> dict[object, str]:
    if isinstance(color_by, Mapping):
        return {node: str(color_by.get(node, _MISSING)) for node in graph}
    return {node: str(graph.nodes[node].get(color_by, _MISSING)) for node in graph}


def _short(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _component_layout(graph: nx.Graph, seed: int) -> dict[object, tuple[float, float]]:
    """Lay each connected component out on its own (a circle for a clique) and set them on a grid.

    A spring layout of a graph of several small cliques packs each clique into a dot; laying the
    components out apart keeps every node and label readable.
    """
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(map(str, part))))
    columns = max(1, round(len(parts) ** 0.5 + 0.5))
    positions: dict[object, tuple[float, float]] = {}
    for index, part in enumerate(parts):
        sub = graph.subgraph(part)
        complete = sub.number_of_edges() == len(part) * (len(part) - 1) // 2
        local = (nx.circular_layout(sub) if complete or len(part) <= 3
                 else nx.spring_layout(sub, seed=seed, k=2.5 / len(part) ** 0.5))
        scale = 0.42 if len(part) > 1 else 0.0
        row, column = divmod(index, columns)
        for node in sorted(part, key=str):
            x, y = local[node]
            positions[node] = (1.25 * column + scale * float(x), -1.1 * row + scale * float(y))
    return positions


#: Up to this many nodes drawn, every node is labelled.
_LABEL_ALL = 40

#: Up to this many nodes drawn (in a spring layout), labels are written under the nodes; above,
#: the nodes are numbered and the labels listed beside the drawing, where they cannot overlap.
_LABEL_UNDER = 12


def _largest_nodes(graph: nx.Graph, sizes: Mapping[object, float], most: int) -> nx.Graph:
    """Return ``graph``, or its subgraph of the ``most`` nodes of largest ``sizes`` when it has more."""
    if graph.number_of_nodes() <= most:
        return graph
    keep = sorted(graph, key=lambda node: (-sizes.get(node, 0), str(node)))[:most]
    return graph.subgraph(keep)


#: In a drawing of a larger network, each node keeps this many of its strongest ties.
_TIES_KEPT = 3


def _strongest_ties(graph: nx.Graph, ties: int) -> nx.Graph:
    """Return ``graph`` with only each node's ``ties`` heaviest edges (ties by neighbour as text), all nodes kept.

    A drawing of the best-tied nodes of a large network is nearly complete (they all work together);
    keeping each node's strongest ties shows who works most with whom, and lets the layout spread.

    Examples
    --------
    >>> kept = _strongest_ties(nx.complete_graph(6), 1)
    >>> kept.number_of_nodes(), kept.number_of_edges() < 15
    (6, True)
    """
    kept = nx.Graph()
    kept.add_nodes_from(graph.nodes(data=True))
    for node in graph:
        edges = sorted(graph[node].items(), key=lambda item: (-item[1].get("weight", 1), str(item[0])))[:ties]
        kept.add_edges_from((node, neighbour, data) for neighbour, data in edges)
    kept.graph.update(graph.graph)
    return kept


def _draw_key(graph: nx.Graph, positions: dict, shown: list, ax: Axes) -> None:
    """Number the ``shown`` nodes on the drawing and list the numbers with full labels beside it (no overlap)."""
    for number, node in enumerate(shown, start=1):
        x, y = positions[node]
        ax.annotate(str(number), (x, y), fontsize=7, fontweight="bold", ha="center", va="center")
    lines = []
    for number, node in enumerate(shown, start=1):
        country = graph.nodes[node].get("country")
        lines.append(f"{number:>2}  {_short(str(graph.nodes[node].get('label', node)), 40)}"
                     + (f" ({country})" if country else ""))
    ax.text(-0.02, 1.0, "\n".join(lines), transform=ax.transAxes, ha="right", va="top", multialignment="left",
            fontsize=7 if len(lines) <= 20 else 6, family="monospace")


def _draw_labels(graph: nx.Graph, positions: dict, shown: set, ax: Axes, beside: bool) -> None:
    """Write the shortened labels of ``shown``: under each node, or beside it (outwards) in a two-column drawing."""
    style = {"font_size": 6, "bbox": {"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 0.5}}
    text = {n: _short(str(graph.nodes[n].get("label", n)), 18) for n in shown}
    if not beside:
        nx.draw_networkx_labels(graph, {n: (x, y - 0.07) for n, (x, y) in positions.items() if n in shown}, ax=ax,
                                labels=text, verticalalignment="top", **style)
        return
    middle = sum(x for x, _ in positions.values()) / max(len(positions), 1)
    for side, align, shift in ((True, "right", -0.04), (False, "left", 0.04)):
        nodes = {n for n in shown if (positions[n][0] < middle) == side}
        nx.draw_networkx_labels(graph, {n: (positions[n][0] + shift, positions[n][1]) for n in nodes}, ax=ax,
                                labels={n: text[n] for n in nodes}, horizontalalignment=align, **style)


def draw_network(
    graph: nx.Graph,
    *,
    color_by: str | Mapping[object, object] = "country",
    size_by: Mapping[object, float] | None = None,
    layout: str = "spring",
    seed: int = 42,
    labels: bool = True,
    title: str | None = None,
    ax: Axes | None = None,
    max_nodes: int = 80,
    max_labels: int = 12,
) -> Axes:
    """Draw ``graph`` with nodes coloured by a node attribute (or a ``{node: group}`` mapping).

    A large network is drawn readably: only its ``max_nodes`` nodes of highest weighted degree (or
    ``size_by``), with each node's three strongest ties among them, and the ``max_labels`` largest
    numbered on the drawing with their labels listed beside it (so labels cannot overlap); the
    title says so. A network is drawn whole up to ``max_nodes``: up to 12 nodes with their labels
    under them, up to 40 numbered with the labels listed beside the drawing.

    Parameters
    ----------
    graph : networkx.Graph
    color_by : str or mapping, optional (default="country")
        A node attribute, or a mapping such as the result of :func:`kg.analytics.louvain`.
    size_by : mapping, optional
        Node → score; node areas grow with it (default: the weighted degree).
    layout : {"spring", "bipartite"}, optional (default="spring")
        ``bipartite`` puts the nodes with ``bipartite=0`` in a left column.
    seed : int, optional (default=42)
        Seed of the spring layout, for a repeatable picture.
    labels : bool, optional (default=True)
        Write the node labels (shortened).
    title : str, optional
    ax : matplotlib Axes, optional
    max_nodes : int, optional (default=80)
        Draw at most this many nodes: those of highest weighted degree (or ``size_by``).
    max_labels : int, optional (default=12)
        In a drawing of more than 40 nodes, number and list only this many: the largest.

    Returns
    -------
    ax : matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = draw_network(nx.Graph([("a", "b")]), labels=False)
    >>> len(ax.collections) >= 2
    True
    >>> len(draw_network(nx.path_graph(20)).texts)  # 20 numbers and the list of labels
    21
    >>> ax = draw_network(nx.path_graph(200))  # a large network: its 80 best-tied nodes, 12 numbered
    >>> "the 80 of 200 nodes" in ax.get_title(), len(ax.texts)
    (True, 13)
    """
    import matplotlib.pyplot as plt

    sizes = dict(graph.degree(weight="weight")) if size_by is None else dict(size_by)
    whole = graph.number_of_nodes()
    graph = _largest_nodes(graph, sizes, max_nodes)
    cut = whole > graph.number_of_nodes() and layout != "bipartite"
    if cut:
        graph = _strongest_ties(graph, _TIES_KEPT)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 7) if cut else (10, 6), dpi=72)
    if layout == "bipartite":
        left = [node for node, side in graph.nodes(data="bipartite") if side == 0]
        positions = nx.bipartite_layout(graph, left) if left else nx.spring_layout(graph, seed=seed)
    else:
        positions = _component_layout(graph, seed)
    categories = _categories(graph, color_by)
    names = sorted(set(categories.values()), key=lambda name: (not name.isdigit(), name.zfill(9)))  # 2 before 11
    palette = plt.get_cmap("tab20" if len(names) > 10 else "tab10")
    colour = {name: palette(index % palette.N) for index, name in enumerate(names)}
    largest = max((sizes.get(n, 0) for n in graph), default=0) or 1
    weights = [w or 1 for *_, w in graph.edges(data="weight")]
    heaviest = max(weights, default=1)
    # Width grows with the square root of the weight, up to 6 points for the heaviest tie (weights run to hundreds).
    nx.draw_networkx_edges(graph, positions, ax=ax, alpha=0.4,
                           width=[0.5 + 5.5 * (w / heaviest) ** 0.5 if heaviest > 4 else 0.5 + 1.5 * w ** 0.5
                                  for w in weights])
    nx.draw_networkx_nodes(graph, positions, ax=ax, node_color=[colour[categories[n]] for n in graph],
                           node_size=[80 + 420 * sizes.get(n, 0) / largest for n in graph], edgecolors="white")
    if labels and layout != "bipartite" and (cut or graph.number_of_nodes() > _LABEL_UNDER):
        most = graph.number_of_nodes() if graph.number_of_nodes() <= _LABEL_ALL else max_labels
        _draw_key(graph, positions, sorted(graph, key=lambda n: (-sizes.get(n, 0), str(n)))[:most], ax)
    elif labels:
        shown = set(graph if graph.number_of_nodes() <= _LABEL_ALL else _largest_nodes(graph, sizes, max_labels))
        _draw_labels(graph, positions, shown, ax, beside=layout == "bipartite")
    for name in names:
        ax.scatter([], [], color=colour[name], label=name)
    ax.legend(title=color_by if isinstance(color_by, str) else None, fontsize=7, title_fontsize=8,
              loc="upper left", bbox_to_anchor=(1.0, 1.0), ncol=2 if len(names) > 14 else 1, frameon=False)
    heading = title or graph.graph.get("name", "")
    if whole > graph.number_of_nodes():
        heading += f"\n(the {graph.number_of_nodes()} of {whole:,} nodes with the most ties"
        heading += f", each with its {_TIES_KEPT} strongest ties among them" if cut else ""
        heading += f"; the {max_labels} largest numbered)" if labels and cut else ")"
    ax.set_title(heading, fontsize=10)
    ax.axis("off")
    ax.margins(0.15)
    return ax


def region_bars(regions: nx.Graph, shares: Mapping[object, float], *, top: int = 20) -> Figure:
    """Return a figure of two bar charts of the regions: projects with a partner there, and cross-border share.

    Parameters
    ----------
    regions : networkx.Graph
        The region network (:func:`kg.analytics.region_network`); its nodes carry ``projects``.
    shares : mapping
        Region → cross-border share (:func:`kg.analytics.cross_border_share`).
    top : int, optional (default=20)
        The regions with the most projects.

    Returns
    -------
    figure : matplotlib Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> g = nx.Graph()
    >>> g.add_node("r", label="R", nuts="R1", projects=2)
    >>> len(region_bars(g, {"r": 0.5}).axes)
    2
    """
    import matplotlib.pyplot as plt

    ordered = sorted(regions.nodes(data=True), key=lambda item: (-item[1].get("projects", 0), item[1].get("nuts", "")))
    ordered = ordered[:top][::-1]  # largest at the top
    names = [f"{data.get('nuts', node)} {_short(str(data.get('label', '')), 22)}" for node, data in ordered]
    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 0.35 * len(names) + 1.5), dpi=80, sharey=True)
    from matplotlib.ticker import MaxNLocator

    left.barh(names, [data.get("projects", 0) for _, data in ordered], color="tab:blue")
    left.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    left.set_xlabel("projects with a partner in the region")
    right.barh(names, [shares.get(node, 0.0) for node, _ in ordered], color="tab:orange")
    for row, (node, _) in enumerate(ordered):
        text = f"{shares[node]:.2f}" if node in shares else "no ties"
        right.text(min(shares.get(node, 0.0), 0.88) + 0.015, row, text, va="center", fontsize=7,
                   bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 0.5})
    right.set_xlim(0, 1.08)
    right.set_xlabel("cross-border share of weighted ties")
    level = regions.graph.get("level")
    figure.suptitle(f"Regions at NUTS {level}" if level is not None else "Regions", fontsize=10)
    figure.tight_layout()
    return figure
