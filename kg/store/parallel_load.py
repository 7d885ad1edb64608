"""Bulk-load one large N-Triples or N-Quads file on several threads.

Each line of these formats is a statement of its own, so the file can be cut at line ends and
each part parsed and written by its own pyoxigraph bulk loader. A store renames the blank nodes
of each load apart, so ``_:b`` in two parts would become two nodes: a file that has ``_:`` anywhere
(even inside a literal, to stay on the safe side) is loaded on one thread. pyoxigraph releases
the GIL while it parses and writes, and its bulk loaders may run side by side on one store (the
Oxigraph CLI loads several files this way). At 1M quads on 2 cores this halves the wall time of a
build (docs/scale.md, "Loading"; figures in docs/performance.md).
"""

from __future__ import annotations

import io
import mmap
import os
import threading
from pathlib import Path

import pyoxigraph as ox

#: Files below this size are loaded on one thread: starting loaders costs more than it saves.
PARALLEL_MIN_BYTES = 16 * 1024 * 1024
LINE_FORMATS = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
_READ_BUFFER = 1 << 20
_UNDERSCORES_BEFORE_PAIR_SEARCH = 10_000


class _ByteRange(io.RawIOBase):
    """The bytes ``start`` to ``end`` of a file, read as a stream of their own."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        super().__init__()
        self._file = open(path, "rb")  # noqa: SIM115 - closed with the stream
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        size = min(len(buffer), self._left)
        if size <= 0:
            return 0
        got = self._file.readinto(memoryview(buffer)[:size]) or 0
        self._left -= got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


def line_cuts(path: Path, parts: int) -> list[int]:
    """Return byte offsets that cut ``path`` into about ``parts`` pieces at line ends.

    The list starts with 0 and ends with the file size; pieces are never empty.
    """
    size = path.stat().st_size
    cuts = [0]
    with open(path, "rb") as file:
        for part in range(1, parts):
            file.seek(max(size * part // parts, cuts[-1]))
            if file.tell() > 0:
                file.seek(file.tell() - 1)  # a cut exactly after a newline stays there
            file.readline()
            offset = file.tell()
            if cuts[-1] < offset < size:
                cuts.append(offset)
    cuts.append(size)
    return cuts


def has_blank_nodes(path: Path) -> bool:
    """Return whether ``_:`` occurs in ``path`` (a blank-node label, or those bytes in a literal)."""
    if path.stat().st_size == 0:
        return False
    with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        # A one-byte find is a memchr, ten times faster than the two-byte search (0.05 s against
        # 0.35-0.6 s on a 230 MB file, a tenth of its build); where "_" is common it gives way to it.
        position = data.find(b"_")
        for _ in range(_UNDERSCORES_BEFORE_PAIR_SEARCH):
            if position < 0:
                return False
            if data[position + 1:position + 2] == b":":
                return True
            position = data.find(b"_", position + 1)
        return position >= 0 and data.find(b"_:", position) >= 0


def _lines_before(path: Path, offset: int) -> int:
    count, left = 0, offset
    with open(path, "rb") as file:
        while left > 0:
            chunk = file.read(min(left, _READ_BUFFER))
            if not chunk:
                break
            count += chunk.count(b"\n")
            left -= len(chunk)
    return count


def parallel_bulk_load(store: ox.Store, path: Path, fmt: ox.RdfFormat,
                       to_graph: ox.NamedNode | ox.DefaultGraph | None = None, threads: int | None = None) -> None:
    """Bulk-load the N-Triples or N-Quads file ``path`` into ``store`` on ``threads`` threads.

    ``threads`` defaults to the number of cores; a file with blank nodes is loaded on one thread.

    Raises the parse error of the first broken part, as pyoxigraph's ``SyntaxError`` with its line
    number counted from the start of the file. Like ``bulk_load`` it is not transactional: on an
    error part of the file may be in the store, which is why builds load into a new store.
    """
    if fmt not in LINE_FORMATS:
        raise ValueError(f"{fmt.name} cannot be cut at line ends; only N-Triples and N-Quads can")
    threads = threads or os.cpu_count() or 1
    if threads < 2 or has_blank_nodes(path):
        store.bulk_load(path=str(path), format=fmt, to_graph=to_graph)
        return
    cuts = line_cuts(path, threads)
    errors: list[BaseException | None] = [None] * (len(cuts) - 1)

    def load(index: int) -> None:
        try:
            with io.BufferedReader(_ByteRange(path, cuts[index], cuts[index + 1]), _READ_BUFFER) as stream:
                store.bulk_load(stream, format=fmt, to_graph=to_graph)
        except BaseException as error:  # noqa: BLE001 - handed to the caller below
            errors[index] = error

    workers = [threading.Thread(target=load, args=(index,), name=f"bulk-load-{index}")
               for index in range(len(cuts) - 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for index, error in enumerate(errors):
        if error is None:
            continue
        if isinstance(error, SyntaxError) and error.lineno is not None and index > 0:
            moved = SyntaxError(error.msg)
            moved.lineno = error.lineno + _lines_before(path, cuts[index])
            moved.offset = error.offset
            raise moved from error
        raise error
