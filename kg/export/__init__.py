"""Exports of the graph: one RDF file (:mod:`kg.export.single`) or a whole release (:mod:`kg.export.release`).

One module per release product, as Bioregistry's ``export`` package does:

- :mod:`kg.export.canonical`: the released statements, without personal data on request, with canonical
  blank-node labels and in sorted order, so the same graph always gives the same bytes
- :mod:`kg.export.files`: writing a file and its deterministic gzip copy, with size and SHA-256
- :mod:`kg.export.rdf`: the RDF serialisations (pyoxigraph; rdflib for compacted JSON-LD)
- :mod:`kg.export.context`: the JSON-LD ``@context`` kept in the repository (``context.jsonld``)
- :mod:`kg.export.tables`: one CSV per contract query
- :mod:`kg.export.description`: the VoID + DCAT description of the release (``dataset.ttl``)
- :mod:`kg.export.release`: all of the above into one directory
"""

from kg.export.single import EXPORT_FORMATS, export, export_format

__all__ = ["EXPORT_FORMATS", "export", "export_format"]
