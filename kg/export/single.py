"""Export the graph to one RDF file: Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.namespaces import bind_prefixes
from kg.privacy import public_copy
from kg.store import to_dataset

# format name -> (rdflib serializer, keeps named graphs)
EXPORT_FORMATS: dict[str, tuple[str, bool]] = {
    "ttl": ("turtle", False),
    "nt": ("nt", False),
    "nq": ("nquads", True),
    "trig": ("trig", True),
    "jsonld": ("json-ld", True),
    "xml": ("xml", False),
}


def export(store: ox.Store, out: Path, fmt: str, personal_data: bool = True) -> int:
    """Write the whole graph to ``out`` in ``fmt``; return the number of triples or quads written.

    Formats without named graphs (ttl, nt, xml) get the union of all graphs.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    serializer, keeps_graphs = EXPORT_FORMATS[fmt]
    source = store if personal_data else public_copy(store)
    dataset: Dataset = to_dataset(source)
    if keeps_graphs:
        target: Graph | Dataset = bind_prefixes(dataset)
        count = sum(len(g) for g in dataset.graphs())
    else:
        target = bind_prefixes(Graph())
        for graph in dataset.graphs():
            target += graph
        count = len(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    target.serialize(destination=str(out), format=serializer, encoding="utf-8")
    return count
