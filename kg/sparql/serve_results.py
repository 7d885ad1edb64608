"""One SPARQL query against a store, answered as a protocol response body within a result-size limit.

This is what a query worker process of :mod:`kg.sparql.serve_workers` runs: it picks the media type from
the Accept header (SPARQL JSON, XML, CSV or TSV for SELECT and ASK; Turtle or N-Triples for
CONSTRUCT and DESCRIBE), refuses ``SERVICE`` unless allowed (:mod:`kg.sparql.serve_checks`), stops at
``max_results`` rows or triples and serialises the answer. An ASK answered as CSV or TSV is the
one word ``true`` or ``false``, as Oxigraph and Jena write it (the SPARQL 1.1 CSV/TSV results
format defines no boolean form).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.query import Result as RdflibResult
from rdflib.term import Variable

from kg.formats import RDF_SYNTAXES, RESULTS_FORMATS
from kg.sparql.serve_checks import uses_service
from kg.store import to_rdflib

__all__ = ["BOOLEAN_FORMATS", "GRAPH_TYPES", "RESULT_TYPES", "SHORT_FORMATS", "ProtocolError", "answer"]



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


def _serialise(result: RdflibResult, media: str) -> tuple[bytes, str]:
    fmt, content_type = RESULT_TYPES[media]
    return result.serialize(format=RESULTS_FORMATS[fmt].rdflib, encoding="utf-8"), content_type


def _too_many(limit: int) -> ProtocolError:
    return ProtocolError(413, f"the answer has more than {limit} results: add a LIMIT")


def answer(store: ox.Store, text: str, accept: str, max_results: int,
           allow_service: bool = True) -> tuple[bytes, str]:
    """Run ``text`` over the union of the store's graphs and return the body and its content type.

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
    tuple of (bytes, str)
        The serialised answer and its Content-Type.

    Raises
    ------
    ProtocolError
        400 for text that is not SPARQL, 403 for ``SERVICE`` when it is not allowed, 413 for an
        answer over ``max_results``, 502 when a ``SERVICE`` call fails.
    """
    if not allow_service and uses_service(text):
        raise ProtocolError(403, "SERVICE (federated query) is not allowed on this endpoint")
    try:
        return _answer(store, text, accept, max_results)
    except SyntaxError as error:
        raise ProtocolError(400, f"not valid SPARQL: {error}") from None
    except OSError as error:  # e.g. a SERVICE endpoint that cannot be reached
        raise ProtocolError(502, f"the query failed: {error}") from None


def _answer(store: ox.Store, text: str, accept: str, limit: int) -> tuple[bytes, str]:
    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        fmt, content_type = RESULT_TYPES[_pick(accept, RESULT_TYPES, "application/sparql-results+json")]
        return result.serialize(format=BOOLEAN_FORMATS[fmt]), content_type
    if isinstance(result, ox.QueryTriples):
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > limit:
                raise _too_many(limit)
        fmt, content_type = GRAPH_TYPES[_pick(accept, GRAPH_TYPES, "text/turtle")]
        return ox.serialize(triples, format=fmt), content_type
    columns = [v.value for v in result.variables]
    bindings = []
    for solution in result:
        bindings.append({Variable(c): to_rdflib(solution[c]) for c in columns if solution[c] is not None})
        if len(bindings) > limit:
            raise _too_many(limit)
    media = _pick(accept, RESULT_TYPES, "application/sparql-results+json")
    fmt, content_type = RESULT_TYPES[media]
    if RESULTS_FORMATS[fmt].rdflib is None:
        # rdflib has no serialiser of this form (TSV): pyoxigraph writes the answer, found within the limit above
        return store.query(text, use_default_graph_as_union=True).serialize(
            format=RESULTS_FORMATS[fmt].oxigraph), content_type
    select = RdflibResult("SELECT")
    select.vars = [Variable(c) for c in columns]
    select.bindings = bindings
    return _serialise(select, media)
