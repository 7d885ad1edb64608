"""One SPARQL query against a store, answered as a protocol response body within a result-size limit.

This is what a query worker process of :mod:`kg.sparql.serve_workers` runs: it picks the media type from
the Accept header (SPARQL JSON, XML, CSV or TSV for SELECT and ASK; Turtle or N-Triples for
CONSTRUCT and DESCRIBE), refuses ``SERVICE`` unless allowed (:mod:`kg.sparql.serve_checks`), refuses an
answer over ``max_results`` rows or triples, and has pyoxigraph's own serialisers write the answer
(:func:`prepare`): no rdflib term is made. A SELECT answer is written by pyoxigraph as TSV results first,
where each row is a line, so the rows are counted as they are written and the writer stops at the limit;
within it, pyoxigraph reads the TSV back and writes the asked format into the output. An ASK answered as
CSV or TSV is the one word ``true`` or ``false``, as Oxigraph and Jena write it (the SPARQL 1.1 CSV/TSV
results format defines no boolean form).
"""

from __future__ import annotations

import contextlib
import io
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph as ox

from kg.formats import RDF_SYNTAXES, RESULTS_FORMATS
from kg.sparql.serve_checks import uses_service

__all__ = ["BOOLEAN_FORMATS", "GRAPH_TYPES", "RESULT_TYPES", "SHORT_FORMATS", "Answer", "ProtocolError", "answer",
           "from_tsv", "prepare", "results_type", "rows_of", "too_many", "tsv_within"]


def _content_type(media: str) -> str:
    """The Content-Type of an answer in ``media``: text types say their charset."""
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


#: The SPARQL results formats of :mod:`kg.formats` (those pyoxigraph writes), by each media type they answer to:
#: (format name, Content-Type).
RESULT_TYPES = {
    media: (fmt.name, _content_type(fmt.media_type))
    for fmt in (RESULTS_FORMATS[name] for name in ("json", "xml", "csv", "tsv"))
    for media in (fmt.media_type, *(alias for alias in fmt.aliases if "/" in alias))
}
#: The RDF syntaxes a CONSTRUCT or DESCRIBE answer comes in, by media type: (pyoxigraph format, Content-Type).
GRAPH_TYPES = {
    syntax.media_type: (syntax.oxigraph, _content_type(syntax.media_type))
    for syntax in (RDF_SYNTAXES["ttl"], RDF_SYNTAXES["nt"])
}
#: The serialisers of an ASK answer (pyoxigraph's: rdflib has no CSV or TSV form of a boolean).
BOOLEAN_FORMATS = {name: RESULTS_FORMATS[name].oxigraph for name in ("json", "xml", "csv", "tsv")}


def _short_formats() -> dict[str, str]:
    """Every name and alias of a results format, then of an RDF syntax, with the media type it stands for."""
    short: dict[str, str] = {}
    for fmt in (*RESULTS_FORMATS.values(), *RDF_SYNTAXES.values()):
        if fmt.media_type:
            for name in (fmt.name, *fmt.aliases):
                short.setdefault(name.lower(), fmt.media_type)
    return short


#: A ``format`` request parameter (``json``, ``tsv``, ``turtle``, ``n-triples``...) -> the media type it asks for.
SHORT_FORMATS = _short_formats()


class ProtocolError(Exception):
    """A request the endpoint refuses: ``status`` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        #: Seconds after which the client may try again (sent as ``Retry-After`` with a 503).
        self.retry_after = retry_after


def _pick(accept: str, offered: dict, default: str) -> str:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in offered:
            return media
    return default


@dataclass(frozen=True)
class Answer:
    """An answer found within the limits: its Content-Type, and how to write its body into a binary output."""

    content_type: str
    write: Callable[[BinaryIO], None]


def prepare(store: ox.Store, text: str, accept: str, max_results: int, allow_service: bool = True) -> Answer:
    """Run ``text`` over the union of the store's graphs and return the :class:`Answer` to write.

    Parameters
    ----------
    store : pyoxigraph.Store
        The store to query.
    text : str
        A SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).
    accept : str
        The request's Accept header (or the media type a ``format`` parameter stands for).
    max_results : int
        The most rows or triples the answer may have.
    allow_service : bool, optional (default=True)
        Whether the query may call other endpoints through ``SERVICE``.

    Returns
    -------
    Answer
        The Content-Type, and the writer of the body (a SELECT answer is evaluated again as it is written).

    Raises
    ------
    ProtocolError
        400 for text that is not SPARQL, 403 for ``SERVICE`` when it is not allowed, 413 for an
        answer over ``max_results``, 502 when a ``SERVICE`` call fails.
    """
    if not allow_service and uses_service(text):
        raise ProtocolError(403, "SERVICE (federated query) is not allowed on this endpoint")
    with _query_errors():
        return _prepare(store, text, accept, max_results)


def answer(store: ox.Store, text: str, accept: str, max_results: int,
           allow_service: bool = True) -> tuple[bytes, str]:
    """Return the whole body of :func:`prepare`'s answer and its content type (for answers read at once)."""
    prepared = prepare(store, text, accept, max_results, allow_service)
    body = io.BytesIO()
    with _query_errors():
        prepared.write(body)
    return body.getvalue(), prepared.content_type


@contextlib.contextmanager
def _query_errors() -> Iterator[None]:
    """Turn pyoxigraph's errors into protocol errors: 400 for text that is not SPARQL, 502 for a failed SERVICE."""
    try:
        yield
    except SyntaxError as error:
        raise ProtocolError(400, f"not valid SPARQL: {error}") from None
    except ConnectionError:  # the output's reader has gone: not the query's failure
        raise
    except OSError as error:  # e.g. a SERVICE endpoint that cannot be reached
        raise ProtocolError(502, f"the query failed: {error}") from None


def _prepare(store: ox.Store, text: str, accept: str, limit: int) -> Answer:
    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        fmt, content_type = RESULT_TYPES[_pick(accept, RESULT_TYPES, "application/sparql-results+json")]
        body = result.serialize(format=BOOLEAN_FORMATS[fmt])
        return Answer(content_type, lambda out: out.write(body))
    if isinstance(result, ox.QueryTriples):
        triples = list(itertools.islice(result, limit + 1))
        if len(triples) > limit:
            raise too_many(limit)
        syntax, content_type = GRAPH_TYPES[_pick(accept, GRAPH_TYPES, "text/turtle")]
        return Answer(content_type, lambda out: ox.serialize(triples, out, format=syntax))
    return from_tsv(tsv_within(result, limit), accept)


def from_tsv(tsv: bytes, accept: str) -> Answer:
    """Return the :class:`Answer` that writes the SPARQL TSV results ``tsv`` in the format ``accept`` asks for.

    pyoxigraph reads the TSV back and its serialiser writes the format: TSV is sent as it is.
    """
    fmt, content_type = results_type(accept)
    if fmt == "tsv":
        return Answer(content_type, lambda out: out.write(tsv))
    serialiser = RESULTS_FORMATS[fmt].oxigraph

    def write(out: BinaryIO) -> None:
        ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(out, format=serialiser)

    return Answer(content_type, write)


def results_type(accept: str) -> tuple[str, str]:
    """Return the results format (``json``, ``xml``, ``csv``, ``tsv``) and the Content-Type a SELECT answer gets.

    >>> results_type("text/csv;q=0.9, application/json")
    ('csv', 'text/csv; charset=utf-8')
    """
    return RESULT_TYPES[_pick(accept, RESULT_TYPES, "application/sparql-results+json")]


def rows_of(tsv: bytes) -> int:
    """Return the number of rows of the SPARQL TSV results ``tsv`` (a line each, after the line of variables).

    >>> rows_of(b"?a\\t?b\\n<x>\\t\\n")
    1
    """
    return max(0, tsv.count(b"\n") - 1)


def too_many(limit: int) -> ProtocolError:
    """The refusal of an answer over ``limit`` rows or triples (413)."""
    return ProtocolError(413, f"the answer has more than {limit} results: add a LIMIT")


class _TooMany(Exception):
    """Raised into pyoxigraph's serialiser to stop it at the result-size limit."""


class _LineLimited:
    """A binary output that keeps what it is given and stops the writer past ``lines`` lines."""

    def __init__(self, lines: int) -> None:
        self.left, self.parts = lines, []

    def write(self, data: bytes) -> int:
        self.left -= data.count(b"\n")
        if self.left < 0:
            raise _TooMany
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the parts are kept in memory."""


def tsv_within(solutions: ox.QuerySolutions, limit: int) -> bytes:
    """Return ``solutions`` as SPARQL TSV results, written by pyoxigraph, or raise 413 past ``limit`` rows.

    In TSV every row is one line (a line break in a literal is escaped), so the rows are counted as the
    serialiser writes, and it is stopped at the first line over the limit. The TSV results hold every term
    as the store gives it: pyoxigraph parses them back into the same solutions for the other formats,
    so the query is evaluated once and no term is converted in Python.
    """
    output = _LineLimited(limit + 1)  # the header line, then one line per row
    try:
        solutions.serialize(output, format=ox.QueryResultsFormat.TSV)
    except _TooMany:
        raise too_many(limit) from None
    return b"".join(output.parts)
