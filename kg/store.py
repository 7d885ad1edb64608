"""The one place that opens, loads and queries the pyoxigraph store.

A store location is a symbolic link to a store directory beside it. A build writes a new
directory, and :func:`swap_in` replaces the link in one atomic rename, so a reader never sees a
half-built store and a failed build leaves the previous store as it was.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, KgError, StoreMissingError
from kg.parallel_load import LINE_FORMATS, PARALLEL_MIN_BYTES, parallel_bulk_load
from kg.paths import default_store_path
from kg.safe_xml import check_rdfxml

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


def resolve_location(location: Path | str | None) -> Path:
    """Return ``location`` as a path, or the default store path when it is None."""
    return Path(location).expanduser() if location is not None else default_store_path()


#: The largest store :func:`open_store` copies into memory when asked to decide (``in_memory=None``):
#: a copy takes about 0.7 GB of RAM and 6.5 s per million quads on a 2-core machine.
IN_MEMORY_MAX_QUADS = 4_000_000
#: RAM an in-memory copy takes per quad (peak RSS of a 1,020,985-quad copy: 709-779 MB).
IN_MEMORY_BYTES_PER_QUAD = 750
_COPY_BUFFER = 1 << 20


def available_memory() -> int | None:
    """Bytes of RAM the system can still give (``MemAvailable``), or None where that is unknown."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def fits_in_memory(quads: int, copies: int = 1) -> bool:
    """Whether ``copies`` in-memory copies of a store of ``quads`` quads should be made by default:
    together at most :data:`IN_MEMORY_MAX_QUADS` quads, and at most half of the RAM still available."""
    available = available_memory()
    needed = quads * copies * IN_MEMORY_BYTES_PER_QUAD
    return quads * copies <= IN_MEMORY_MAX_QUADS and (available is None or needed <= available // 2)


def open_store(location: Path | str | None = None, read_only: bool = True,
               in_memory: bool | None = False) -> ox.Store:
    """Open the built store at ``location`` (default: :func:`kg.paths.default_store_path`).

    Parameters
    ----------
    location : path, optional
        The store's location.
    read_only : bool
        Open for reading only (several processes may read at once).
    in_memory : bool or None
        Return an in-memory copy (:func:`in_memory_copy`) instead of the store on disk: its queries
        run 2–3.5× faster, which repays the copy when several queries follow (notebooks, analytics).
        None copies when :func:`fits_in_memory` says so. Only for reading.

    Raises
    ------
    StoreMissingError
        When no store has been built there.
    ValueError
        When an in-memory copy is asked for writing: what is written to it would be lost.
    KgError
        When an in-memory copy is asked for and the system has not got the RAM it needs.
    """
    if in_memory and not read_only:
        raise ValueError("an in-memory copy of the store is for reading only: writes to it would be lost")
    path = resolve_location(location)
    if not path.exists():
        raise StoreMissingError(f"no store at {path}: run `eukg build` first (or pass --store)")
    target = path.resolve()
    store = ox.Store.read_only(str(target)) if read_only else ox.Store(str(target))
    if not read_only or in_memory is False:
        return store
    quads = len(store)
    if in_memory is None:
        return in_memory_copy(store) if fits_in_memory(quads) else store
    available = available_memory()
    if available is not None and quads * IN_MEMORY_BYTES_PER_QUAD > available:
        raise KgError(f"an in-memory copy of the store at {path} ({quads:,} quads) needs about "
                      f"{_size(quads * IN_MEMORY_BYTES_PER_QUAD)} of RAM and {_size(available)} are available: "
                      "read it on disk (--on-disk)")
    return in_memory_copy(store)


def _size(size: int) -> str:
    return f"{size / 1e9:.1f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def copy_quads(source: ox.Store, target: ox.Store) -> ox.Store:
    """Copy every quad of ``source`` into ``target``, empty named graphs included; return ``target``."""
    target.bulk_extend(source.quads_for_pattern(None, None, None, None))
    for graph in source.named_graphs():
        target.add_graph(graph)
    return target


def in_memory_copy(store: ox.Store) -> ox.Store:
    """Return a copy of ``store`` held in memory.

    Queries on the store on disk spend most of their time in RocksDB's look-ups (every term is
    stored by the hash of its text, so a join or an ORDER BY reads the texts back one by one). On the
    in-memory copy the same queries gave the same rows 2–3.5× faster at 1M quads (the contract
    queries; docs/scale.md). The copy takes about 6.5 s and 0.7 GB per million quads.
    """
    return copy_quads(store, ox.Store())


def dump_union(store: ox.Store, path: Path, threads: int | None = None) -> None:
    """Write the union of every graph of ``store`` to ``path`` as N-Triples.

    Each graph is dumped by its own pyoxigraph call, ``threads`` of them at once (default: one per
    core), and the parts are joined in graph order. pyoxigraph releases the GIL while it reads and
    writes, and reading the terms' texts back from RocksDB is most of a dump's time: at 1M quads on
    2 cores this takes 4.3 s against 8.5 s for one dump of the whole store (docs/scale.md).

    A statement in two graphs is written twice; RDF readers take the file as a set of triples.
    Blank nodes are written with the store's own identifiers, so a node in two graphs stays one node.
    """
    graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.DefaultGraph(), *store.named_graphs()]
    threads = max(1, min(threads or os.cpu_count() or 1, len(graphs)))
    parts = [path.with_name(f"{path.name}.part{index}") for index in range(len(graphs))]
    pending = iter(list(enumerate(graphs)))
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        while not errors:
            with lock:
                item = next(pending, None)
            if item is None:
                return
            index, graph = item
            try:
                store.dump(output=str(parts[index]), format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
            except BaseException as error:  # noqa: BLE001 - raised by the caller below
                errors.append(error)

    workers = [threading.Thread(target=work, name=f"dump-{number}") for number in range(threads)]
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        if errors:
            raise errors[0]
        with open(path, "wb") as out:
            for part in parts:
                with open(part, "rb") as data:
                    shutil.copyfileobj(data, out, _COPY_BUFFER)
    finally:
        for part in parts:
            part.unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_abandoned(location: Path | str | None = None) -> list[Path]:
    """Delete store directories beside ``location`` left by builds whose process died (SIGKILL, power loss).

    Build directories are named ``.NAME-STAMP-PID-NS``; one whose process no longer runs and that
    the location does not point at is garbage.
    """
    path = resolve_location(location)
    current = path.resolve() if path.exists() else None
    removed = []
    for candidate in path.parent.glob(f".{path.name}-*"):
        parts = candidate.name.rsplit("-", 2)
        if len(parts) != 3 or not parts[1].isdigit() or candidate == current:
            continue
        if not _pid_alive(int(parts[1])):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def new_store_dir(location: Path | str | None = None) -> Path:
    """Create and return a fresh directory beside ``location`` for a store being built."""
    path = resolve_location(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(path)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    new_dir = path.parent / f".{path.name}-{stamp}-{os.getpid()}-{time.monotonic_ns()}"
    new_dir.mkdir()
    return new_dir


def swap_in(new_dir: Path, location: Path | str | None = None) -> Path:
    """Point ``location`` at ``new_dir`` atomically and delete the store it pointed at before."""
    path = resolve_location(location)
    old_target = path.resolve() if path.is_symlink() else None
    if path.exists() and not path.is_symlink():
        # A store directory from before links were used: move it aside so the link can take its name.
        old_target = path.parent / f".{path.name}-legacy-{time.monotonic_ns()}"
        path.rename(old_target)
    link = path.parent / f".{path.name}.link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    link.symlink_to(new_dir.name)
    os.replace(link, path)
    if old_target is not None and old_target != new_dir.resolve() and old_target.exists():
        shutil.rmtree(old_target, ignore_errors=True)
    return path


def discard(new_dir: Path) -> None:
    """Delete a store directory whose build failed."""
    shutil.rmtree(new_dir, ignore_errors=True)


def rdf_format(path: Path) -> ox.RdfFormat:
    """Return the RDF format of ``path`` from its extension, or raise :class:`InputError`."""
    try:
        return RDF_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise InputError(path, f"unknown RDF file extension {path.suffix!r} (known: {known})") from None


def load_file(store: ox.Store, path: Path, graph: URIRef | str | None = None, bulk: bool = False) -> None:
    """Load an RDF file into ``graph`` of ``store``; a parse error names the file and line.

    ``load`` is transactional: a file with an error adds nothing. ``bulk`` uses the faster,
    non-transactional ``bulk_load``, meant for a store that is being built and is discarded on error;
    a large N-Triples or N-Quads file is then cut at line ends and loaded on every core
    (:func:`kg.parallel_load.parallel_bulk_load`).
    """
    to_graph = ox.NamedNode(str(graph)) if graph is not None else ox.DefaultGraph()
    fmt = rdf_format(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    if fmt == ox.RdfFormat.RDF_XML:
        check_rdfxml(path)
    to_graph_arg = to_graph if fmt not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG) else None
    try:
        if bulk and fmt in LINE_FORMATS and path.stat().st_size >= PARALLEL_MIN_BYTES:
            parallel_bulk_load(store, path, fmt, to_graph_arg)
        elif bulk:
            store.bulk_load(path=str(path), format=fmt, to_graph=to_graph_arg)
        else:
            store.load(path=str(path), format=fmt, to_graph=to_graph_arg)
    except SyntaxError as error:
        raise InputError(path, f"not valid {fmt.name}: {error.msg}", line=error.lineno) from None
    except ValueError as error:
        # pyoxigraph reports some malformed documents (JSON-LD structure, bad IRIs) as ValueError.
        raise InputError(path, f"not valid {fmt.name}: {error}") from None
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def load_graph(store: ox.Store, graph: Graph, to_graph: URIRef | str) -> None:
    """Load an rdflib graph into the named graph ``to_graph`` (through N-Triples, rdflib's serialiser)."""
    data = graph.serialize(format="nt", encoding="utf-8")
    store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(to_graph)))


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to the pyoxigraph term with the same value."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to an oxigraph term")


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """Convert a pyoxigraph term to the rdflib term with the same value."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def select(
    store: ox.Store,
    query: str,
    bindings: Mapping[str, Node] | None = None,
    default_graph: list[str] | None = None,
) -> ox.QuerySolutions:
    """Run a SELECT query over the union of all graphs, with ``bindings`` substituted as RDF terms.

    ``default_graph`` restricts the query to the listed named graphs (used to leave personal data out).
    """
    substitutions = {ox.Variable(name): to_oxigraph(value) for name, value in (bindings or {}).items()}
    if default_graph is not None:
        graphs = [ox.NamedNode(g) for g in default_graph]
        return store.query(query, default_graph=graphs, named_graphs=graphs, substitutions=substitutions)
    return store.query(query, use_default_graph_as_union=True, substitutions=substitutions)


def named_graphs(store: ox.Store) -> list[str]:
    """Return the IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def to_dataset(store: ox.Store) -> Dataset:
    """Return the whole store as an rdflib Dataset (for pyshacl and rdflib's serialisers)."""
    ds = Dataset()
    ds.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds
