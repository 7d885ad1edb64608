"""Sources as named graphs: list them, replace one atomically, remove one.

Every ingested document or table is one named graph ``src:ID`` whose description (an
``ekg:SourceDocument`` with the same IRI) carries its content hash (``ekg:sha256``) and the time it
was ingested (``dcterms:modified``). Because each source has its own graph, a resource stated by
several sources keeps every statement's provenance, and removing one source leaves the others'
statements in place.

Every change goes through the one writer (:class:`kg.store.writer.Writer`): the source's file is
written first (``data/ingested/ID.ttl``), then its graph is replaced in a new snapshot of the store,
validated with what it touches; a failure leaves files and store as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from kg import store as kgstore
from kg.internal_queries import internal_query
from kg.layout import check_identifier, dataset_graph, identifier_for, source_graph
from kg.namespaces import SOURCE
from kg.store.manifest import read_manifest
from kg.store.writer import Writer

#: The prefix of the named graphs of published datasets (``graph:dataset/NAME``).
DATASET_GRAPHS = dataset_graph("")

__all__ = [
    "SourceInfo",
    "identifier_for",
    "list_sources",
    "remove_source",
    "replace_in",
    "replace_source",
    "replace_sources",
    "stamp",
]

@dataclass(frozen=True)
class SourceInfo:
    """One source named graph: its identifier, kind, title, content hash, ingestion time and size.

    ``kind`` is ``source`` (a hand-edited file of data/sources/), ``ingested`` (data/ingested/),
    ``local`` (the store's local sources, from ``--no-save``), ``derived`` (computed from the
    graph, such as analytics scores; ``recipe`` says how) or ``unknown`` (no file stands for it).
    """

    identifier: str
    graph: str
    title: str | None
    sha256: str | None
    modified: str | None
    triples: int
    kind: str = "unknown"
    file: str | None = None
    recipe: dict | None = None


def stamp(graph: Graph, identifier: str, when: datetime | None = None) -> None:
    """Set the ingestion time (``dcterms:modified``) of the source document ``identifier`` in ``graph``."""
    doc = source_graph(identifier)
    moment = (when or datetime.now(UTC)).replace(microsecond=0)
    graph.set((doc, DCTERMS.modified, Literal(moment.isoformat(), datatype=XSD.dateTime)))


def list_sources(store: ox.Store, snapshot: Path | None = None) -> list[SourceInfo]:
    """Return every source named graph of ``store`` with its kind, hash, ingestion time and triple count.

    ``snapshot`` is the store's snapshot directory (:func:`kg.store.open_snapshot`): its record of
    files gives each source's kind and file, and adds the derived graphs.
    """
    manifest = read_manifest(snapshot)
    files = manifest.files if manifest is not None else {}
    infos = []
    for row in store.query(internal_query("source_graphs")):
        graph = row["g"].value
        prefix = next((p for p in (str(SOURCE), str(DATASET_GRAPHS)) if graph.startswith(p)), None)
        if prefix is None:
            continue
        entry = files.get(graph)
        infos.append(
            SourceInfo(
                identifier=graph[len(prefix):],
                graph=graph,
                title=row["title"].value if row["title"] is not None else None,
                sha256=row["sha"].value if row["sha"] is not None else None,
                modified=row["modified"].value if row["modified"] is not None else None,
                triples=_size(store, graph),
                kind=entry.kind if entry is not None else "unknown",
                file=entry.path if entry is not None else None,
            )
        )
    for graph, recipe in sorted((manifest.derived if manifest is not None else {}).items()):
        infos.append(SourceInfo(identifier=graph.rsplit("/graph/", 1)[-1], graph=graph, title=recipe.get("title"),
                                sha256=None, modified=recipe.get("computed"), triples=_size(store, graph),
                                kind="derived", recipe=recipe))
    return infos


def _size(store: ox.Store, graph: str) -> int:
    # COUNT(*) over the OPTIONAL joins may count a triple more than once: count plainly.
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def has_source(store: ox.Store, identifier: str) -> bool:
    """Return True when ``store`` holds the named graph of source ``identifier``."""
    return store.contains_named_graph(ox.NamedNode(str(source_graph(identifier))))


def replace_in(store: ox.Store, identifier: str, graph: Graph) -> int:
    """Replace the named graph of source ``identifier`` in a scratch ``store`` (in memory) by ``graph``.

    For drafts and tests only: the built store changes through :func:`replace_sources`.
    """
    name = ox.NamedNode(str(source_graph(identifier)))
    if store.contains_named_graph(name):
        store.remove_graph(name)
    kgstore.load_graph(store, graph, source_graph(identifier))
    return len(graph)


def replace_source(identifier: str, graph: Graph | Path, location: Path | str | None = None,
                   data_dir: Path | None = None, save: bool = True, wait: float | None = None,
                   notify: Callable[[str], None] | None = None) -> int:
    """Make ``graph`` the source ``identifier``: validated with the store, written as a file, then loaded.

    Ingesting the same source again replaces its graph: statements the new version no longer makes
    are gone, other sources are untouched. The file goes to ``data_dir/ingested/ID.ttl`` (under
    version control), or with ``save=False`` to the store's local sources folder (outside the
    repository); either way the store records it, so the next build keeps the source. ``data_dir``
    defaults to the data folder the store was built from. ``graph`` may be an N-Triples file (a streamed
    table, :func:`kg.ingest.table.ingest_table`), which the writer bulk-loads. Returns the number of
    triples loaded.

    Raises
    ------
    ValidationFailed
        The source does not conform together with the store; nothing was written.
    """
    return replace_sources({identifier: graph}, location, data_dir, save, wait, notify)


def replace_sources(graphs: dict[str, Graph | Path], location: Path | str | None = None, data_dir: Path | None = None,
                    save: bool = True, wait: float | None = None,
                    notify: Callable[[str], None] | None = None) -> int:
    """Replace several sources (identifier → graph) in one change, all or none; return the triples loaded."""
    for identifier in graphs:
        check_identifier(identifier)
    with Writer(location, data_dir, wait=wait, notify=notify) as writer:
        writer.put_sources(graphs, kind="ingested" if save else "local")
    return sum(len(graph) if isinstance(graph, Graph) else _lines(graph) for graph in graphs.values())


def _lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


def remove_source(identifier: str, location: Path | str | None = None, data_dir: Path | None = None,
                  delete_file: bool = False, wait: float | None = None,
                  notify: Callable[[str], None] | None = None) -> bool:
    """Remove source ``identifier``: its file, then its named graph.

    A hand-edited file of ``data/sources/`` is deleted only with ``delete_file``. Returns True when
    the store held the source.

    Raises
    ------
    KgError
        When neither the store nor the files know the source, or when it is hand-edited and
        ``delete_file`` is not given.
    """
    check_identifier(identifier)
    with Writer(location, data_dir, wait=wait, notify=notify) as writer:
        change = writer.remove_source(identifier, delete_file=delete_file)
    return str(source_graph(identifier)) in change.removed


def source_iri(identifier: str) -> URIRef:
    """Return the IRI of source ``identifier`` (document and named graph)."""
    return source_graph(check_identifier(identifier))
