"""The description of the table as a source document (title, language, format, checksum)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF

from kg.ingest.mapping import Mapping
from kg.ingest.table.result import TableResult
from kg.ingest.table.sink import _Sink
from kg.ingest.triple_writer import from_rdflib
from kg.layout import source_graph
from kg.namespaces import EKG, LANGUAGE


def _source_description(sink: _Sink, path: Path, mapping: Mapping, result: TableResult, digest: str) -> None:
    from kg.ingest.sources import stamp

    graph = Graph()
    doc = source_graph(result.identifier)
    graph.add((doc, RDF.type, EKG.SourceDocument))
    graph.add((doc, DCTERMS.identifier, Literal(result.identifier)))
    graph.add((doc, DCTERMS.title, Literal(f"{path.name} ({mapping.name} table, {result.loaded_rows} rows)")))
    graph.add((doc, DCTERMS.language, LANGUAGE[_LANG3.get(mapping.language, "ENG")]))
    graph.add((doc, DCTERMS.format, Literal(_MEDIA_TYPES.get(path.suffix.lower(), "text/csv"))))
    graph.add((doc, EKG.sha256, Literal(digest)))
    stamp(graph, result.identifier)
    for triple in graph:
        sink.add(*(from_rdflib(term) for term in triple))


_MEDIA_TYPES = {".json": "application/json",
                ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".xls": "application/vnd.ms-excel"}
_LANG3 = {"en": "ENG", "pl": "POL", "ro": "RON", "it": "ITA", "es": "SPA", "de": "DEU", "fr": "FRA", "el": "ELL",
          "hr": "HRV", "bg": "BUL", "cs": "CES", "sk": "SLK", "sl": "SLV", "hu": "HUN", "pt": "POR", "nl": "NLD",
          "da": "DAN", "fi": "FIN", "sv": "SWE", "lt": "LIT", "lv": "LAV", "et": "EST", "mt": "MLT", "ga": "GLE"}
