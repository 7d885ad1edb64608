"""RDF files into and out of a store: formats, transactional and bulk loads, the threaded union dump."""

from __future__ import annotations

import codecs
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import InputError, os_reason
from kg.formats import RDF_SYNTAXES
from kg.store.parallel_load import LINE_FORMATS, PARALLEL_MIN_BYTES, parallel_bulk_load
from kg.store.safe_xml import check_rdfxml

__all__ = ["MAX_TERM_BYTES", "QUAD_FORMATS", "RDF_FORMATS", "dump_union", "foreign_graphs", "has_bom", "load_file",
           "load_graph", "long_line", "rdf_format"]

#: The syntaxes a store loads (all of :data:`kg.formats.RDF_SYNTAXES` but N3), by file suffix.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    suffix: syntax.oxigraph
    for syntax in RDF_SYNTAXES.values() if syntax.name != "n3"
    for suffix in syntax.suffixes
}
#: Formats whose documents can name graphs.
QUAD_FORMATS = frozenset(syntax.oxigraph for syntax in RDF_SYNTAXES.values() if syntax.graphs)
#: Formats whose parser takes a UTF-8 byte-order mark for a character of the document (JSON-LD and
#: RDF/XML parsers skip it themselves).
_BOM_FORMATS = frozenset({ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG})
#: The longest literal or IRI pyoxigraph's file parsers read: they hold a whole term in one buffer.
MAX_TERM_BYTES = 16 * 1024 * 1024
_COPY_BUFFER = 1 << 20


def has_bom(path: Path) -> bool:
    """Whether ``path`` starts with a UTF-8 byte-order mark."""
    with path.open("rb") as handle:
        return handle.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8


@contextmanager
def _document(path: Path, fmt: ox.RdfFormat) -> Iterator[dict]:
    """Yield the keyword argument that hands ``path`` to a pyoxigraph parser: the path itself, or an open
    file past its UTF-8 byte-order mark (which the Turtle-family parsers read as a stray character)."""
    if fmt not in _BOM_FORMATS or not has_bom(path):
        yield {"path": str(path)}
        return
    with path.open("rb") as handle:
        handle.seek(len(codecs.BOM_UTF8))
        yield {"input": handle}


def long_line(path: Path, limit: int = MAX_TERM_BYTES) -> int | None:
    """Return the number of the first line of ``path`` longer than ``limit`` bytes, or None (read in chunks)."""
    number, length = 1, 0
    with path.open("rb") as handle:
        while chunk := handle.read(_COPY_BUFFER):
            start = 0
            while (end := chunk.find(b"\n", start)) >= 0:
                if length + end - start > limit:
                    return number
                number, length, start = number + 1, 0, end + 1
            length += len(chunk) - start
            if length > limit:
                return number
    return None


def _too_long(path: Path) -> InputError:
    """The error for a file holding a term longer than pyoxigraph's parsers read (their ``MemoryError``)."""
    return InputError(path, f"a literal or IRI is longer than {MAX_TERM_BYTES // (1024 * 1024)} MiB, the most the "
                            "RDF parser reads: shorten it or keep such content outside the graph",
                      line=long_line(path))


def foreign_graphs(path: Path, graph: URIRef | str) -> list[str]:
    """Return the graphs other than ``graph`` that the quad-format file ``path`` writes into (sorted).

    A source file writes only into its own named graph (or the default graph, which is loaded into
    it); a TriG, N-Quads or JSON-LD file that names another graph is refused by the writer.
    """
    fmt = rdf_format(path)
    if fmt not in QUAD_FORMATS:
        return []
    own = str(graph)
    others: set[str] = set()
    try:
        with _document(path, fmt) as document:
            for quad in ox.parse(format=fmt, **document):
                name = quad.graph_name
                if not isinstance(name, ox.DefaultGraph) and getattr(name, "value", None) != own:
                    others.add(getattr(name, "value", str(name)))
    except SyntaxError as error:
        raise InputError(path, f"not valid {fmt.name}: {error.msg}", line=error.lineno) from None
    except ValueError as error:
        raise InputError(path, f"not valid {fmt.name}: {error}") from None
    except MemoryError:
        raise _too_long(path) from None
    return sorted(others)


def rdf_format(path: Path) -> ox.RdfFormat:
    """Return the RDF format of ``path`` from its extension, or raise :class:`InputError`."""
    try:
        return RDF_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise InputError(path, f"unknown RDF file extension {path.suffix!r} (known: {known})") from None


def load_file(store: ox.Store, path: Path, graph: URIRef | str | None = None, bulk: bool = False) -> None:
    """Load an RDF file into ``graph`` of ``store``; a parse error names the file and line.

    A Turtle, TriG, N-Triples or N-Quads file may start with a UTF-8 byte-order mark. A literal or
    IRI longer than :data:`MAX_TERM_BYTES` is refused with the file and line (:class:`InputError`).
    ``load`` is transactional: a file with an error adds nothing. ``bulk`` uses the faster,
    non-transactional ``bulk_load``, meant for a store that is being built and is discarded on error;
    a large N-Triples or N-Quads file is then cut at line ends and loaded on every core
    (:func:`kg.store.parallel_load.parallel_bulk_load`).
    """
    to_graph = ox.NamedNode(str(graph)) if graph is not None else ox.DefaultGraph()
    fmt = rdf_format(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    try:
        path.open("rb").close()
    except OSError as error:
        raise InputError(path, f"cannot read: {os_reason(error)}") from None
    if fmt == ox.RdfFormat.RDF_XML:
        check_rdfxml(path)
    # Triples of a quad format's default graph go into ``graph`` too; its named graphs keep their names
    # (a source file's are refused before loading: :func:`foreign_graphs`).
    to_graph_arg = to_graph
    try:
        with _document(path, fmt) as document:
            if bulk and "path" in document and fmt in LINE_FORMATS and path.stat().st_size >= PARALLEL_MIN_BYTES:
                parallel_bulk_load(store, path, fmt, to_graph_arg)
            elif bulk:
                store.bulk_load(format=fmt, to_graph=to_graph_arg, **document)
            else:
                store.load(format=fmt, to_graph=to_graph_arg, **document)
    except MemoryError:
        raise _too_long(path) from None
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


def dump_union(store: ox.Store, path: Path, threads: int | None = None) -> None:
    """Write the union of every graph of ``store`` to ``path`` as N-Triples.

    Each graph is dumped by its own pyoxigraph call, ``threads`` of them at once (default: one per
    core), and the parts are joined in graph order. pyoxigraph releases the GIL while it reads and
    writes, and reading the terms' texts back from RocksDB is most of a dump's time: at 1M quads on
    2 cores this takes 4.3 s against 8.5 s for one dump of the whole store (docs/scale.md, "Validation engines").

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


