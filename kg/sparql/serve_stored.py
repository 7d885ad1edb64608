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
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.sparql import stored
from kg.sparql.serve_results import Answer, from_tsv, rows_of, too_many, tsv_within

__all__ = ["Source", "library_query", "prepare_stored"]


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
