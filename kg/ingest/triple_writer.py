"""Writes statements to an N-Triples file with pyoxigraph's serialiser, past the first ones in a process of its own.

A table import of a million rows writes twelve million statements. Making a pyoxigraph ``Triple``
costs more than the rest of a statement's way (1.5-3 µs for one with a literal), so an importer
hands its statements over as plain values, an IRI as a ``str`` and a literal as a tuple
(:func:`literal`), and :class:`TripleWriter` turns them into pyoxigraph terms and serialises them:
in the importer's process for the first :data:`IN_PROCESS` statements (a small table starts no
process), then in a child process (``python -m kg.ingest.triple_writer FILE``) that takes batches
on its standard input, so that the importer's rows and the serialising run on two cores.

>>> import tempfile
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "out.nt"
>>> writer = TripleWriter(path, in_process=0)  # every batch to the child process
>>> writer.add("https://example.org/a", "https://example.org/p", literal("x", language="en"))
>>> writer.add("https://example.org/a", "https://example.org/q", "https://example.org/b")
>>> writer.close(); writer.count
2
>>> print(path.read_text(encoding="utf-8"), end="")
<https://example.org/a> <https://example.org/p> "x"@en .
<https://example.org/a> <https://example.org/q> <https://example.org/b> .
>>> path.unlink()
"""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

__all__ = ["IN_PROCESS", "TripleWriter", "from_rdflib", "literal"]

#: Statements serialised in the importer's process before the child process takes over.
IN_PROCESS = 100_000
_BATCH = 20_000  # statements handed over at once
_LENGTH = 8  # bytes of the length before each batch on the child's standard input

#: A literal as handed over: (lexical value, language tag or None, datatype IRI or None).
Literal = tuple[str, str | None, str | None]


def literal(value: str, language: str | None = None, datatype: str | None = None) -> Literal:
    """Return the literal ``value`` (with a language tag, or a datatype IRI) as :class:`TripleWriter` takes it."""
    return value, language, datatype


def from_rdflib(term: Any) -> str | Literal:
    """Return an rdflib IRI or literal as :class:`TripleWriter` takes it (the table import writes no blank node)."""
    from rdflib import Literal as RdflibLiteral
    from rdflib import URIRef

    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, RdflibLiteral):
        return literal(str(term), term.language, None if term.language or term.datatype is None else str(term.datatype))
    raise TypeError(f"cannot write {term!r}: an IRI or a literal is expected")


@lru_cache(maxsize=65536)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _object(term: str | Literal) -> ox.NamedNode | ox.Literal:
    if term.__class__ is str:
        return _node(term)
    value, language, datatype = term
    if language:
        return ox.Literal(value, language=language)
    if datatype:
        return ox.Literal(value, datatype=_node(datatype))
    return ox.Literal(value)


def _triples(batch: Iterable[tuple[str, str, str | Literal]]) -> Iterator[ox.Triple]:
    for s, p, o in batch:
        yield ox.Triple(_node(s), _node(p), _object(o))


class TripleWriter:
    """Writes statements (``add(subject IRI, predicate IRI, object IRI or literal)``) to an N-Triples file.

    Parameters
    ----------
    path : Path
        The file, created (or emptied).
    in_process : int, optional
        How many statements are serialised in this process before a child process takes the rest
        (default :data:`IN_PROCESS`).
    """

    def __init__(self, path: Path, in_process: int | None = None) -> None:
        self.path = path
        self.handle = path.open("wb")
        self.batch: list[tuple[str, str, str | Literal]] = []
        self.count = 0
        self.in_process = IN_PROCESS if in_process is None else in_process
        self.child: subprocess.Popen | None = None

    def add(self, s: str, p: str, o: str | Literal) -> None:
        batch = self.batch
        batch.append((s, p, o))
        if len(batch) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Hand the pending statements over: to the serialiser here, or to the child process."""
        if not self.batch:
            return
        if self.child is None and self.count >= self.in_process:
            self._start_child()
        if self.child is not None:
            data = marshal.dumps(self.batch)
            try:
                self.child.stdin.write(len(data).to_bytes(_LENGTH, "little") + data)
            except BrokenPipeError:
                self._finish_child()  # raises with what the child said
        else:
            ox.serialize(_triples(self.batch), self.handle, ox.RdfFormat.N_TRIPLES)
        self.count += len(self.batch)
        self.batch = []

    def _start_child(self) -> None:
        """Close the file here and start the child process that appends the further statements to it."""
        self.handle.close()
        package = str(Path(__file__).resolve().parents[2])  # the checkout this module is imported from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (package, os.environ.get("PYTHONPATH"))))}
        self.child = subprocess.Popen([sys.executable, "-m", "kg.ingest.triple_writer", str(self.path)],
                                      stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def _finish_child(self) -> None:
        child, self.child = self.child, None
        try:
            child.stdin.close()
        except BrokenPipeError:
            pass
        error = child.stderr.read().decode("utf-8", "replace").strip()
        child.stderr.close()
        if child.wait() != 0:
            from kg.errors import KgError

            raise KgError(f"writing {self.path} failed: {error.splitlines()[-1] if error else child.returncode}")

    def close(self) -> None:
        """Write what is pending and close the file (waiting for the child process, when there is one)."""
        self.flush()
        if self.child is not None:
            self._finish_child()
        elif not self.handle.closed:
            self.handle.close()


def _read_batches(stream: Any) -> Iterator[list]:
    while header := stream.read(_LENGTH):
        yield marshal.loads(stream.read(int.from_bytes(header, "little")))


def main(argv: list[str] | None = None) -> int:
    """The child process: append the batches read on standard input to the file named by the argument."""
    path = Path((argv or sys.argv[1:])[0])
    try:
        with path.open("ab") as handle:
            for batch in _read_batches(sys.stdin.buffer):
                ox.serialize(_triples(batch), handle, ox.RdfFormat.N_TRIPLES)
    except (OSError, ValueError, EOFError) as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
