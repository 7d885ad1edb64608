"""Sources as named graphs: list them, replace one atomically, remove one.

Every ingested document or table is one named graph ``src:ID`` whose description (an
``ekg:SourceDocument`` with the same IRI) carries its content hash (``ekg:sha256``) and the time it
was ingested (``dcterms:modified``). Because each source has its own graph, a resource stated by
several sources keeps every statement's provenance, and removing one source leaves the others'
statements in place.

Changes to an on-disk store are copy-on-write: the store is backed up into a new directory (hard
links, cheap), the change is made there, and :func:`kg.store.swap_in` points the store location at
the copy in one rename. A failure discards the copy and leaves the store as it was.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from kg import store as kgstore
from kg.errors import InputError, KgError
from kg.layout import source_graph
from kg.namespaces import PREFIXES, SOURCE

__all__ = [
    "SourceInfo",
    "identifier_for",
    "list_sources",
    "remove_source",
    "replace_source",
    "replace_sources",
    "save_source_file",
    "stamp",
    "store_transaction",
]

_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


@dataclass(frozen=True)
class SourceInfo:
    """One source named graph: its identifier, title, content hash, ingestion time and size."""

    identifier: str
    graph: str
    title: str | None
    sha256: str | None
    modified: str | None
    triples: int


def identifier_for(path: Path) -> str:
    """Return a source identifier made from a file name: letters, digits, ``_ . -`` only."""
    text = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-.") or "source"
    return text[:128]


def check_identifier(identifier: str) -> str:
    """Return ``identifier`` when it is a valid source identifier, else raise :class:`KgError`."""
    if not _ID_PATTERN.match(identifier):
        raise KgError(f"{identifier!r} is not a source identifier (letters, digits, '_', '.', '-'; at most 128)")
    return identifier


def stamp(graph: Graph, identifier: str, when: datetime | None = None) -> None:
    """Set the ingestion time (``dcterms:modified``) of the source document ``identifier`` in ``graph``."""
    doc = source_graph(identifier)
    moment = (when or datetime.now(UTC)).replace(microsecond=0)
    graph.set((doc, DCTERMS.modified, Literal(moment.isoformat(), datatype=XSD.dateTime)))


_LIST_QUERY = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g (COUNT(*) AS ?n) (SAMPLE(?t) AS ?title) (SAMPLE(?h) AS ?sha) (SAMPLE(?m) AS ?modified) WHERE {
  GRAPH ?g {
    ?s ?p ?o .
    OPTIONAL { ?g dcterms:title ?t }
    OPTIONAL { ?g ekg:sha256 ?h }
    OPTIONAL { { ?g dcterms:modified ?m } UNION { ?g prov:generatedAtTime ?m } }
  }
} GROUP BY ?g ORDER BY ?g
"""


def list_sources(store: ox.Store) -> list[SourceInfo]:
    """Return every source named graph of ``store`` with its hash, ingestion time and triple count."""
    infos = []
    for row in store.query(_LIST_QUERY):
        graph = row["g"].value
        if not graph.startswith(str(SOURCE)):
            continue
        # COUNT(*) over the OPTIONAL joins may count a triple more than once: count plainly.
        size = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        infos.append(
            SourceInfo(
                identifier=graph[len(str(SOURCE)):],
                graph=graph,
                title=row["title"].value if row["title"] is not None else None,
                sha256=row["sha"].value if row["sha"] is not None else None,
                modified=row["modified"].value if row["modified"] is not None else None,
                triples=size,
            )
        )
    return infos


def has_source(store: ox.Store, identifier: str) -> bool:
    """Return True when ``store`` holds the named graph of source ``identifier``."""
    return store.contains_named_graph(ox.NamedNode(str(source_graph(identifier))))


def replace_in(store: ox.Store, identifier: str, graph: Graph) -> int:
    """Replace the named graph of source ``identifier`` in an open ``store`` by ``graph``; return its size.

    Meant for a store copy made by :func:`store_transaction` (or an in-memory store), where a failure
    half-way is discarded with the copy.
    """
    name = ox.NamedNode(str(source_graph(identifier)))
    if store.contains_named_graph(name):
        store.remove_graph(name)
    kgstore.load_graph(store, graph, source_graph(identifier))
    return len(graph)


@contextmanager
def store_transaction(location: Path | str | None = None) -> Iterator[ox.Store]:
    """Yield a writable copy of the store at ``location``; swap it in when the block ends without error.

    Raises
    ------
    StoreMissingError
        When no store has been built at ``location``.
    """
    current = kgstore.open_store(location, read_only=True)
    new_dir = kgstore.new_store_dir(location)
    new_dir.rmdir()  # backup() creates the directory itself
    try:
        current.backup(str(new_dir))
        del current
        copy = ox.Store(str(new_dir))
        yield copy
        copy.flush()
        del copy
    except BaseException:
        kgstore.discard(new_dir)
        raise
    kgstore.swap_in(new_dir, location)


def replace_source(identifier: str, graph: Graph, location: Path | str | None = None) -> int:
    """Make ``graph`` the named graph of source ``identifier`` in the store at ``location``, atomically.

    Ingesting the same source again replaces its graph: statements the new version no longer makes
    are gone, other sources are untouched. Returns the number of triples loaded.
    """
    check_identifier(identifier)
    with store_transaction(location) as store:
        return replace_in(store, identifier, graph)


def replace_sources(graphs: dict[str, Graph], location: Path | str | None = None) -> int:
    """Replace the named graphs of several sources (identifier → graph) in one atomic swap; return the triples."""
    for identifier in graphs:
        check_identifier(identifier)
    with store_transaction(location) as store:
        return sum(replace_in(store, identifier, graph) for identifier, graph in graphs.items())


def remove_source(identifier: str, location: Path | str | None = None, data_dir: Path | None = None) -> bool:
    """Remove the named graph of source ``identifier`` (and its file in ``data_dir/sources`` when given).

    Returns True when the store held the source. Raises :class:`KgError` when neither the store nor
    ``data_dir`` knows it.
    """
    check_identifier(identifier)
    path = data_dir / "sources" / f"{identifier}.ttl" if data_dir is not None else None
    if path is not None and not (path.exists() and _is_generated(path)):
        path = None  # curated files (data/sources of the editors) are never deleted
    if not has_source(kgstore.open_store(location, read_only=True), identifier):
        if path is not None:
            path.unlink()
            return False
        raise KgError(f"no source {identifier!r} in the store (see `eukg sources`)")
    with store_transaction(location) as store:
        store.remove_graph(ox.NamedNode(str(source_graph(identifier))))
    if path is not None and path.exists():
        path.unlink()
    return True


_MARK = "# Ingested source "


def _is_generated(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(_MARK)).decode("utf-8", "replace") == _MARK


def save_source_file(graph: Graph, identifier: str, data_dir: Path) -> Path:
    """Write ``graph`` as ``data_dir/sources/ID.ttl`` (atomically) so that ``eukg build`` keeps it."""
    check_identifier(identifier)
    folder = data_dir / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{identifier}.ttl"
    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace)
    out += graph
    tmp = target.with_suffix(f".ttl.tmp-{os.getpid()}")
    try:
        tmp.write_bytes(f"{_MARK}{identifier}: generated by `eukg ingest`, do not edit by hand.\n".encode()
                        + out.serialize(format="turtle", encoding="utf-8"))
        os.replace(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise InputError(target, f"cannot write: {error.strerror}") from None
    return target


def source_iri(identifier: str) -> URIRef:
    """Return the IRI of source ``identifier`` (document and named graph)."""
    return source_graph(check_identifier(identifier))
