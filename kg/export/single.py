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
from kg.formats import RDF_SYNTAXES, UnknownFormat, rdf_format

#: The formats of ``eukg export``, by canonical name (:mod:`kg.formats`): (release format name, keeps named graphs).
EXPORT_FORMATS: dict[str, tuple[str, bool]] = {
    name: (syntax.suffix.lstrip("."), syntax.graphs)
    for name, syntax in RDF_SYNTAXES.items() if syntax.suffix.lstrip(".") in RDF_FORMATS
}
_ALIASES = {alias: name for name in EXPORT_FORMATS for alias in RDF_SYNTAXES[name].aliases}


def export_format(fmt: str) -> str:
    """Return the canonical name of the export format ``fmt`` stands for (a name, alias or media type).

    >>> export_format("json-ld"), export_format("application/rdf+xml")
    ('jsonld', 'xml')
    """
    try:
        syntax = rdf_format(fmt)
    except UnknownFormat:
        syntax = None
    if syntax is None or syntax.name not in EXPORT_FORMATS:
        raise UnknownFormat("export", fmt, EXPORT_FORMATS, {name: name for name in EXPORT_FORMATS} | _ALIASES)
    return syntax.name


@gc_paused()
def export(store: ox.Store, out: Path, fmt: str, personal_data: bool = True) -> int:
    """Write the whole graph to ``out`` in ``fmt``; return the number of triples or quads written.

    ``fmt`` is a name, alias or media type of :mod:`kg.formats` (``ttl``, ``turtle``, ``json-ld``...).
    Formats without named graphs (ttl, nt, xml) get the union of all graphs.

    Raises
    ------
    kg.formats.UnknownFormat
        ``fmt`` is no RDF format, or one ``eukg export`` does not write (N3).
    """
    name, keeps_graphs = EXPORT_FORMATS[export_format(fmt)]
    released = statements(store, personal_data)
    writer = RDF_FORMATS[name].write
    write(out, lambda output: writer(released, output), gzipped=False)
    return len(released.quads) if keeps_graphs else len(released.triples)
