"""A release: the graph in every RDF format (each also gzipped), the ontology and the shapes on their own,
the JSON-LD context, one CSV per contract query, and the VoID + DCAT description ``dataset.ttl``.

The same store, version and issued date always give byte-identical files (see :mod:`kg.export.canonical`).
Files are written into a hidden folder beside the target and moved into place at the end, so a failed
release leaves no half-written folder behind.
"""

from __future__ import annotations

import gc
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.errors import KgError
from kg.export.canonical import Statements, canonical_quads, statements
from kg.export.context import CONTEXT_FILE
from kg.export.description import Distribution, VoidStatistics, describe, void_statistics
from kg.export.files import FileInfo, write, write_bytes
from kg.export.rdf import RDF_FORMATS, RdfFormat
from kg.export.tables import write_tables
from kg.layout import ONTOLOGY_GRAPH
from kg.namespaces import PREFIXES
from kg.paths import SHAPES_DIR

BASENAME = "eukg"
_GRAPH = attrgetter("graph_name")
DESCRIPTION_FILE = "dataset.ttl"


class ReleaseError(KgError):
    """A release cannot be written where asked."""


@dataclass
class ReleaseResult:
    """What a release wrote: the folder, each file with its media type, the VoID counts, and the seconds per step."""

    folder: Path
    files: list[Distribution]
    statistics: VoidStatistics
    personal_data: bool
    seconds: dict[str, float] = field(default_factory=dict)


def _relative(infos: Iterable[FileInfo], folder: Path) -> list[FileInfo]:
    return [FileInfo(info.path.relative_to(folder), info.byte_size, info.sha256) for info in infos]


def _turtle(triples: Iterable[ox.Triple]) -> Callable:
    return lambda writer: ox.serialize(triples, writer, ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def shapes_triples(shapes_dir: Path = SHAPES_DIR) -> list[ox.Triple]:
    """Return the SHACL shapes of ``shapes_dir`` as one graph, with canonical blank nodes, sorted."""
    quads = []
    for path in sorted(shapes_dir.glob("*.ttl")):
        quads += ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    return [quad.triple for quad in canonical_quads(quads)]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block.

    A release makes millions of short-lived, acyclic objects (statements, their texts, JSON-LD nodes);
    the collector would scan the ever-growing heap again and again while they are made (a third of
    the time of sorting the statements at 1M). Reference counting still frees them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _prepare(folder: Path, force: bool) -> Path:
    if folder.exists() and any(folder.iterdir()):
        if not force:
            raise ReleaseError(f"{folder} is not empty: choose a new folder, or pass --force to replace a release")
        if not (folder / DESCRIPTION_FILE).exists():
            raise ReleaseError(f"{folder} is not a release (no {DESCRIPTION_FILE}): refusing to replace it")
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = folder.parent / f".{folder.name}.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    return work


def _finish(work: Path, folder: Path) -> None:
    if folder.exists():
        old = folder.parent / f".{folder.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
        work.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    else:
        work.rename(folder)


def release_steps(formats: Iterable[str] | None = None, tables: bool = True) -> list[str]:
    """Return the names of the steps a release goes through, in order (for a progress bar)."""
    names = list(formats) if formats is not None else list(RDF_FORMATS)
    return ["statements", *names, "ontology and shapes", *(["csv"] if tables else []), "description"]


@gc_paused()
def release(
    store: ox.Store,
    folder: Path,
    personal_data: bool = True,
    version: str = __version__,
    issued: date | None = None,
    formats: Iterable[str] | None = None,
    force: bool = False,
    tables: bool = True,
    progress: Callable[[str], None] | None = None,
) -> ReleaseResult:
    """Write a release of ``store`` into ``folder``.

    Parameters
    ----------
    store : pyoxigraph.Store
        The built graph.
    folder : Path
        Where the release goes; it must not exist or be empty (or be a release, with ``force``).
    personal_data : bool, optional (default=True)
        False leaves out every statement about a person and every participation of a person, in every
        file, and says so in ``dataset.ttl``.
    version : str, optional (default=the package version)
        ``owl:versionInfo`` and ``dcat:version`` of the release.
    issued : datetime.date, optional (default=today)
        ``dcterms:issued`` of the release and of each file.
    formats : iterable of str, optional (default=all of :data:`kg.export.rdf.RDF_FORMATS`)
        The RDF formats to write.
    force : bool, optional (default=False)
        Replace an existing release in ``folder``.
    tables : bool, optional (default=True)
        Write the CSVs of the contract queries (their run time grows with the graph faster than the
        RDF files'; ``seconds`` reports each query as ``csv:NAME``).
    progress : callable, optional
        Called with the name of each step as it starts.

    Raises
    ------
    ReleaseError
        ``folder`` holds other files, or an unknown format is asked for.
    """
    chosen: list[RdfFormat] = []
    for name in formats if formats is not None else RDF_FORMATS:
        if name not in RDF_FORMATS:
            raise ReleaseError(f"unknown release format {name!r}; choose from {', '.join(RDF_FORMATS)}")
        chosen.append(RDF_FORMATS[name])
    issued = issued or date.today()
    seconds: dict[str, float] = {}
    work = _prepare(folder, force)

    def step(name: str) -> None:
        seconds[name] = time.perf_counter()
        if progress:
            progress(name)

    def done(name: str) -> None:
        seconds[name] = round(time.perf_counter() - seconds[name], 3)

    try:
        step("statements")
        released: Statements = statements(store, personal_data)
        done("statements")
        files: list[Distribution] = []
        for fmt in chosen:
            step(fmt.name)
            infos = write(work / f"{BASENAME}.{fmt.extension}", lambda writer, fmt=fmt: fmt.write(released, writer))
            files += [Distribution(info, fmt.media_type, dump=True) for info in _relative(infos, work)]
            done(fmt.name)
        step("ontology and shapes")
        for name, triples in (("ontology.ttl", released.graph(str(ONTOLOGY_GRAPH))), ("shapes.ttl", shapes_triples())):
            files += [Distribution(info, "text/turtle") for info in _relative(write(work / name, _turtle(triples),
                                                                                      gzipped=False), work)]
        files += [Distribution(info, "application/ld+json")
                  for info in _relative(write_bytes(work / "context.jsonld", CONTEXT_FILE.read_bytes()), work)]
        done("ontology and shapes")
        if tables:
            step("csv")
            query_store = store
            if not personal_data:
                query_store = ox.Store()
                query_store.bulk_extend(released.quads)
            query_seconds: dict[str, float] = {}
            infos = write_tables(query_store, work / "csv", query_seconds)
            files += [Distribution(info, "text/csv") for info in _relative(infos, work)]
            done("csv")
            seconds.update({f"csv:{name}": value for name, value in query_seconds.items()})
        step("description")
        statistics = void_statistics(released.triples)
        graph_sizes = dict(sorted((graph.value, size) for graph, size in Counter(map(_GRAPH, released.quads)).items()
                                  if isinstance(graph, ox.NamedNode)))
        description = describe(statistics, files, graph_sizes, version, issued, personal_data)
        write_bytes(work / DESCRIPTION_FILE, description.serialize(format="turtle", encoding="utf-8"))
        done("description")
        _finish(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return ReleaseResult(folder, files, statistics, personal_data, seconds)
