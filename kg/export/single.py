"""Export the graph to one RDF file: Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML.

The file is written by the release's writers (:mod:`kg.export.rdf`), so it is the same, byte for byte,
as the matching file of a release: canonical blank nodes, sorted statements, pyoxigraph's serialisers.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.export.canonical import statements
from kg.export.files import write
from kg.export.rdf import RDF_FORMATS
from kg.export.release import gc_paused

# format name -> (release format name, keeps named graphs)
EXPORT_FORMATS: dict[str, tuple[str, bool]] = {
    "ttl": ("ttl", False),
    "nt": ("nt", False),
    "nq": ("nq", True),
    "trig": ("trig", True),
    "jsonld": ("jsonld", True),
    "xml": ("rdf", False),
}


@gc_paused()
def export(store: ox.Store, out: Path, fmt: str, personal_data: bool = True) -> int:
    """Write the whole graph to ``out`` in ``fmt``; return the number of triples or quads written.

    Formats without named graphs (ttl, nt, xml) get the union of all graphs.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    name, keeps_graphs = EXPORT_FORMATS[fmt]
    released = statements(store, personal_data)
    writer = RDF_FORMATS[name].write
    write(out, lambda output: writer(released, output), gzipped=False)
    return len(released.quads) if keeps_graphs else len(released.triples)
