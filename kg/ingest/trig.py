"""Write a source graph as a TriG file: the draft form of one ingested source."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.layout import source_graph
from kg.namespaces import PREFIXES

__all__ = ["drafts_to_trig", "to_trig", "write_trig"]


def to_trig(graph: Graph, identifier: str) -> str:
    """Return ``graph`` as TriG text, inside the named graph of source ``identifier``."""
    return drafts_to_trig({identifier: graph})


def drafts_to_trig(drafts: dict[str, Graph]) -> str:
    """Return several source graphs (identifier → graph) as one TriG text, one named graph each."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    for identifier, graph in drafts.items():
        named = dataset.graph(source_graph(identifier))
        for triple in graph:
            named.add(triple)
    return dataset.serialize(format="trig")


def write_trig(graph: Graph, identifier: str, path: Path) -> Path:
    """Write :func:`to_trig` of ``graph`` to ``path``."""
    path.write_text(to_trig(graph, identifier), encoding="utf-8")
    return path
