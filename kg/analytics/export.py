"""Networks as GraphML or GEXF files that open in Gephi, with their attributes and scores.

Gephi (and the GraphML and GEXF formats) take attribute values of a few plain types only, and one
type per attribute. :func:`exportable` returns a copy of a network that keeps str, int, float and
bool values, writes any other value as text, leaves out None, and turns an attribute that mixes
ints and floats into floats throughout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import networkx as nx

from kg.errors import KgError

__all__ = ["EXPORT_FORMATS", "exportable", "write_network"]

#: The file formats by name, each a networkx writer.
EXPORT_FORMATS: dict[str, Callable[..., None]] = {
    "graphml": nx.write_graphml,
    "gexf": nx.write_gexf,
}


def _plain(value: object) -> str | int | float | bool | None:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    return str(value)


def _harmonise(items: list[dict[str, object]]) -> None:
    """Make every attribute one type: floats where ints and floats mix, text where text mixes in."""
    kinds: dict[str, set[type]] = {}
    for data in items:
        for key, value in data.items():
            kinds.setdefault(key, set()).add(type(value))
    for key, types in kinds.items():
        if len(types) == 1:
            continue
        cast: Callable[[object], object] = float if types <= {int, float} else str
        for data in items:
            if key in data:
                data[key] = cast(data[key])


def exportable(graph: nx.Graph, scores: Mapping[str, Mapping[object, object]] | None = None) -> nx.Graph:
    """Return a copy of ``graph`` whose attributes GraphML and GEXF can hold, with ``scores`` added.

    Parameters
    ----------
    graph : networkx.Graph
    scores : mapping, optional
        Attribute name → ``{node: value}``; a value that is itself a mapping (brokerage roles) adds
        one attribute per key, named ``NAME_KEY``.

    Returns
    -------
    graph : networkx.Graph

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b")])
    >>> g.nodes["a"]["country"] = None
    >>> out = exportable(g, {"degree": {"a": 1, "b": 1.5}})
    >>> out.nodes["a"], out.nodes["b"]
    ({'degree': 1.0}, {'degree': 1.5})
    """
    copy = graph.__class__()
    copy.graph.update({key: _plain(value) for key, value in graph.graph.items() if _plain(value) is not None})
    for node, data in graph.nodes(data=True):
        attributes = {key: _plain(value) for key, value in data.items()}
        for name, values in (scores or {}).items():
            value = values.get(node)
            if isinstance(value, Mapping):
                attributes.update({f"{name}_{key}": _plain(number) for key, number in value.items()})
            else:
                attributes[name] = _plain(value)
        copy.add_node(node, **{key: value for key, value in attributes.items() if value is not None})
    for a, b, data in graph.edges(data=True):
        copy.add_edge(a, b, **{key: _plain(value) for key, value in data.items() if _plain(value) is not None})
    _harmonise([data for _, data in copy.nodes(data=True)])
    _harmonise([data for _, _, data in copy.edges(data=True)])
    return copy


def write_network(
    graph: nx.Graph, path: Path | str, fmt: str, scores: Mapping[str, Mapping[object, object]] | None = None
) -> Path:
    """Write ``graph`` (with ``scores`` as node attributes) to ``path`` as ``fmt`` (graphml or gexf).

    Raises
    ------
    KgError
        For an unknown format or a file that cannot be written.
    """
    try:
        writer = EXPORT_FORMATS[fmt]
    except KeyError:
        raise KgError(f"unknown export format {fmt!r}; known formats: {', '.join(EXPORT_FORMATS)}") from None
    path = Path(path)
    try:
        writer(exportable(graph, scores), path)
    except OSError as error:
        raise KgError(f"{path}: cannot write the network: {error.strerror or error}") from None
    return path
