"""The store: open, snapshot, lock, load and write.

- :mod:`kg.store.reading`: open the current snapshot for reading (on disk or as an in-memory copy);
- :mod:`kg.store.snapshots`: immutable snapshot directories behind the store location's link;
- :mod:`kg.store.lock`: the writer lock;
- :mod:`kg.store.files`: RDF files into and out of a store;
- :mod:`kg.store.manifest`: which file each named graph of a snapshot came from;
- :mod:`kg.store.names`: the index of organisation names the writer checks duplicates with;
- :mod:`kg.store.writer`: the one writer every change goes through (build, ingest, remove, write-back);
- :mod:`kg.store.memory` and :mod:`kg.store.terms`: in-memory copies, and terms between rdflib and pyoxigraph.

Reading needs only this package's top level; writing is :class:`kg.store.writer.Writer`.
"""

from kg.store.files import QUAD_FORMATS, RDF_FORMATS, dump_union, foreign_graphs, load_file, load_graph, rdf_format
from kg.store.memory import (
    IN_MEMORY_BYTES_PER_QUAD,
    IN_MEMORY_MAX_QUADS,
    available_memory,
    copy_quads,
    fits_in_memory,
    in_memory_copy,
)
from kg.store.reading import open_snapshot, open_store
from kg.store.snapshots import current_snapshot, resolve_location
from kg.store.terms import named_graphs, select, to_dataset, to_oxigraph, to_rdflib

__all__ = [
    "IN_MEMORY_BYTES_PER_QUAD", "IN_MEMORY_MAX_QUADS", "QUAD_FORMATS", "RDF_FORMATS", "available_memory",
    "copy_quads", "current_snapshot", "dump_union", "fits_in_memory", "foreign_graphs", "in_memory_copy",
    "load_file", "load_graph", "named_graphs", "open_snapshot", "open_store", "rdf_format", "resolve_location",
    "select", "to_dataset", "to_oxigraph", "to_rdflib",
]
