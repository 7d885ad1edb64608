"""Stored answers on the endpoint: a library query sent as it is gets the answer kept with the store's snapshot.

``eukg query NAME`` keeps the answer of a parameterless library query in the snapshot directory it read
(:mod:`kg.sparql.stored`). A query worker of ``eukg serve`` (:mod:`kg.sparql.serve_workers`) answers from
the same files when the query's text is exactly the text of such a query (``queries/NAME.rq``, sent
verbatim to ``/sparql``, or ``/run?query=NAME`` without parameters): the stored answer is SPARQL TSV
results, and pyoxigraph reads it back and writes the asked format (:func:`kg.sparql.serve_results.from_tsv`),
so the body is the one the live query would give, byte for byte.

- The row limit holds: a stored answer over ``max_results`` rows gets the same 413 as a live one.
- The snapshot is the one the server follows (:class:`Source`): after a write the server moves to the new
  snapshot directory, which holds no answer yet, so a stale answer is never read.
- The variant follows the server's mode: ``--no-personal-data`` reads and keeps the ``public`` variant,
  computed on :func:`kg.privacy.public_copy`, never the one with personal data.
- When the snapshot holds no answer, the query runs as any other (stopped at the row limit); an answer
  that came whole within the limit is kept (:func:`kg.sparql.stored.keep`), so the next request reads it.
  An answer over the limit is refused and not kept: finding it whole could take far longer than the 413.

The server itself keeps the bodies it sent from stored answers in memory (:class:`AnswerCache`, by
answer file and format, for the snapshot it follows only), so a repeated request costs no worker hop.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.sparql import stored
from kg.sparql.serve_results import Answer, from_tsv, results_type, rows_of, too_many, tsv_within

__all__ = ["AnswerCache", "Source", "library_query", "prepare_stored"]


@dataclass(frozen=True)
class Source:
    """Where a worker reads and keeps stored answers: the store's snapshot directory, and the variant."""

    #: The snapshot directory of the store (the one the served copy was made from, in public mode).
    snapshot: str
    #: True: the answers with personal data (``all``); False: those without (``public``).
    personal: bool


@functools.cache
def _storable_texts() -> dict[str, object]:
    """The storable queries of the library (:func:`kg.sparql.stored.storable`), by their text (read once per worker)."""
    from kg.sparql.queries import library

    return {named.text: named for named in library().values() if stored.storable(named)}


def library_query(text: str) -> object | None:
    """Return the storable library query whose text is exactly ``text``, or None."""
    return _storable_texts().get(text) if stored.enabled() else None


def prepare_stored(store: ox.Store, text: str, accept: str, max_results: int, source: Source) -> Answer | None:
    """Return the answer of ``text`` from the stored answers of ``source``, or None when it is not a stored query.

    On a miss the query runs on ``store`` (the snapshot the worker reads) within ``max_results``, and an
    answer that came whole is kept for the next request.

    Raises
    ------
    ProtocolError
        413 for an answer over ``max_results`` rows, stored or not.
    """
    named = library_query(text)
    if named is None:
        return None
    snapshot = Path(source.snapshot)
    try:
        tsv = stored.read_stored_tsv(snapshot, named.name, text, source.personal)
    except OSError:  # the snapshot has gone (a writer cleaned it up): answer live
        return None
    if tsv is None:
        result = store.query(text, use_default_graph_as_union=True)
        if not isinstance(result, ox.QuerySolutions):
            return None
        tsv = tsv_within(result, max_results)
        _keep(snapshot, named, tsv, source.personal)
    elif rows_of(tsv) > max_results:
        raise too_many(max_results)
    return from_tsv(tsv, accept)


def _keep(snapshot: Path, named: object, tsv: bytes, personal: bool) -> None:
    """Keep the whole answer ``tsv`` of ``named`` with ``snapshot``, unless the snapshot has gone meanwhile."""
    if snapshot.is_dir():
        try:
            stored.keep(snapshot, named, ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV), personal)
        except OSError:  # the snapshot went between the check and the write: nothing kept
            pass


class AnswerCache:
    """The bodies of stored answers the server sent, by answer file and results format, in memory.

    Only the answers of the snapshot the server follows are held: the cache is emptied when it moves on,
    and the key of each entry is the stored answer's file, whose name holds the key of the query text,
    the variant and the snapshot's files (:func:`kg.sparql.stored.answer_file`), so an entry stands for
    exactly one stored answer. A body is held only once the file exists (the answer was kept), and only
    up to ``most_bytes`` per body and ``total_bytes`` in all (the least recently sent go first).
    """

    def __init__(self, most_bytes: int = 8 << 20, total_bytes: int = 64 << 20) -> None:
        self.most_bytes, self.total_bytes = most_bytes, total_bytes
        self._bodies: OrderedDict[tuple[str, str], tuple[str, bytes]] = OrderedDict()
        self._size, self._snapshot = 0, None
        self._lock = threading.Lock()

    def key(self, snapshot: object, text: str, accept: str, personal: bool | None) -> tuple[str, str] | None:
        """Return the entry of ``text`` asked with ``accept`` on ``snapshot``, or None when it is no stored query."""
        named = library_query(text) if personal is not None and snapshot is not None else None
        if named is None:
            return None
        try:
            path = stored.answer_file(Path(snapshot), named.name, stored.answer_key(Path(snapshot), text, personal),
                                      personal)
        except OSError:
            return None
        with self._lock:
            if self._snapshot != snapshot:
                self._bodies.clear()
                self._size, self._snapshot = 0, snapshot
        return str(path), results_type(accept)[0]

    def get(self, key: tuple[str, str]) -> tuple[str, bytes] | None:
        """Return the Content-Type and the body held for ``key``, or None."""
        with self._lock:
            found = self._bodies.get(key)
            if found is not None:
                self._bodies.move_to_end(key)
            return found

    def keep(self, key: tuple[str, str], content_type: str, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """Yield ``chunks`` (a body as a worker sends it), and hold the whole body once its answer file exists."""
        parts, size = [], 0
        for chunk in chunks:
            size += len(chunk)
            if size <= self.most_bytes:
                parts.append(chunk)
            yield chunk
        if size <= self.most_bytes and Path(key[0]).is_file():
            self._put(key, content_type, b"".join(parts))

    def _put(self, key: tuple[str, str], content_type: str, body: bytes) -> None:
        with self._lock:
            if key in self._bodies or Path(key[0]).parent.parent != Path(self._snapshot or ""):
                return
            self._bodies[key] = (content_type, body)
            self._size += len(body)
            while self._size > self.total_bytes:
                _, (_, dropped) = self._bodies.popitem(last=False)
                self._size -= len(dropped)
