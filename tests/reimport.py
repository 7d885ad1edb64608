"""Shared helpers of the table-import tests: a graph without its timestamps, projects by acronym, and a
table imported twice through the writer (re-importing the same file must give the same graph)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.ingest.sources import replace_source
from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG
from kg.store import open_store


def without_time(graph: Graph) -> Graph:
    """``graph`` without its ``dcterms:modified`` statements (the one thing two imports may differ in)."""
    for triple in list(graph.triples((None, DCTERMS.modified, None))):
        graph.remove(triple)
    return graph


def projects_by_acronym(graph: Graph) -> dict[str, URIRef]:
    """The projects of ``graph`` by their acronym."""
    return {str(graph.value(s, EKG.acronym)): s for s in graph.subjects(RDF.type, EKG.Project)}


def imported_twice(path: Path, mapping: str, store_dir: Path) -> tuple[Graph, Graph]:
    """Import ``path`` with the named ``mapping`` twice into ``store_dir``, each time replacing the source
    through the writer (which validates it); the two graphs without their timestamps."""
    graphs = []
    for _ in range(2):
        result = ingest_table(path, load_mapping(mapping), open_store(store_dir))
        graphs.append(without_time(result.graph))
        replace_source(result.identifier, result.path, store_dir, save=False)  # validated by the writer
        result.discard()
    return graphs[0], graphs[1]
