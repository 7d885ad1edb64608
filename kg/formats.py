"""The one registry of RDF syntaxes and query-result formats, each with its names, aliases and serialisers.

As rdflib's ``plugin.py`` registers its parsers and serialisers under names, this module registers each
format once: its canonical name, the aliases a user may type (``turtle``, ``n-quads``, ``json-ld``), its
IANA media type and file suffixes, the pyoxigraph format and the rdflib format name. Every module that
reads, writes or negotiates a format looks it up here (:func:`rdf_format`, :func:`results_format`),
and an unknown name is one :class:`UnknownFormat` line that lists the accepted names and suggests the
nearest.

Examples
--------
>>> rdf_format("turtle").name, rdf_format("application/ld+json").name, rdf_format(".nq").name
('ttl', 'jsonld', 'nq')
>>> results_format("text/tab-separated-values; charset=utf-8").name
'tsv'
>>> try:
...     rdf_format("turtel")
... except UnknownFormat as error:
...     print(error)
unknown RDF format 'turtel' (did you mean 'turtle'?); accepted: ttl, nt, nq, trig, jsonld, xml, n3
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError

__all__ = ["RDF_SYNTAXES", "RESULTS_FORMATS", "RdfSyntax", "ResultsFormat", "UnknownFormat", "any_format",
           "rdf_format", "results_format"]


class UnknownFormat(KgError, ValueError):
    """A format name, alias, suffix or media type that no registered format has."""

    def __init__(self, kind: str, value: str, accepted: Iterable[str], known: Iterable[str]) -> None:
        self.value = value
        self.accepted = tuple(accepted)
        close = difflib.get_close_matches(_key(value), list(known), n=1, cutoff=0.6)
        self.suggestion = close[0] if close else None
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        super().__init__(f"unknown {kind} format {value!r}{hint}; accepted: {', '.join(self.accepted)}")


@dataclass(frozen=True)
class RdfSyntax:
    """An RDF syntax: names, media type, file suffixes (the first is written), serialisers, graph support."""

    name: str
    label: str
    aliases: tuple[str, ...]
    media_type: str
    suffixes: tuple[str, ...]
    oxigraph: ox.RdfFormat
    rdflib: str
    #: Whether a document of this syntax can name graphs (a dataset syntax).
    graphs: bool

    @property
    def suffix(self) -> str:
        """The file suffix this syntax is written with (``.ttl``)."""
        return self.suffixes[0]


@dataclass(frozen=True)
class ResultsFormat:
    """A form of query results: names, media type, file suffix and the serialisers that write it.

    ``oxigraph`` and ``rdflib`` are None for the project's own outputs (``table``, ``records``); ``rdflib`` names
    rdflib's results serialiser, None where it has none.
    """

    name: str
    label: str
    aliases: tuple[str, ...]
    media_type: str | None
    suffix: str
    oxigraph: ox.QueryResultsFormat | None
    rdflib: str | None


RDF_SYNTAXES: dict[str, RdfSyntax] = {
    syntax.name: syntax
    for syntax in (
        RdfSyntax("ttl", "Turtle", ("turtle", "text/turtle", "application/x-turtle"), "text/turtle", (".ttl",),
                  ox.RdfFormat.TURTLE, "turtle", False),
        RdfSyntax("nt", "N-Triples", ("ntriples", "n-triples", "application/n-triples"), "application/n-triples",
                  (".nt",), ox.RdfFormat.N_TRIPLES, "nt", False),
        RdfSyntax("nq", "N-Quads", ("nquads", "n-quads", "application/n-quads"), "application/n-quads", (".nq",),
                  ox.RdfFormat.N_QUADS, "nquads", True),
        RdfSyntax("trig", "TriG", ("application/trig",), "application/trig", (".trig",), ox.RdfFormat.TRIG, "trig",
                  True),
        RdfSyntax("jsonld", "JSON-LD", ("json-ld", "application/ld+json"), "application/ld+json", (".jsonld",),
                  ox.RdfFormat.JSON_LD, "json-ld", True),
        RdfSyntax("xml", "RDF/XML", ("rdf", "rdfxml", "rdf/xml", "rdf+xml", "application/rdf+xml"),
                  "application/rdf+xml", (".rdf", ".xml"), ox.RdfFormat.RDF_XML, "xml", False),
        RdfSyntax("n3", "N3", ("notation3", "text/n3"), "text/n3", (".n3",), ox.RdfFormat.N3, "n3", False),
    )
}

RESULTS_FORMATS: dict[str, ResultsFormat] = {
    fmt.name: fmt
    for fmt in (
        ResultsFormat("table", "a terminal table", ("rich", "terminal"), None, ".txt", None, None),
        ResultsFormat("csv", "SPARQL CSV results", ("text/csv",), "text/csv", ".csv", ox.QueryResultsFormat.CSV,
                      "csv"),
        # rdflib parses TSV results but has no TSV serialiser (rdflib None): pyoxigraph writes them
        ResultsFormat("tsv", "SPARQL TSV results", ("text/tab-separated-values",), "text/tab-separated-values",
                      ".tsv", ox.QueryResultsFormat.TSV, None),
        ResultsFormat("json", "SPARQL JSON results", ("srj", "sparql-json", "application/sparql-results+json",
                                                       "application/json"),
                      "application/sparql-results+json", ".srj", ox.QueryResultsFormat.JSON, "json"),
        ResultsFormat("xml", "SPARQL XML results", ("srx", "sparql-xml", "application/sparql-results+xml",
                                                     "application/xml"),
                      "application/sparql-results+xml", ".srx", ox.QueryResultsFormat.XML, "xml"),
        ResultsFormat("records", "a JSON list of objects, one per row", ("objects",), None, ".json", None, None),
    )
}


def _key(value: str) -> str:
    """Return ``value`` as the registry looks it up: lower case, without media-type parameters."""
    return value.split(";")[0].strip().lower()


def _index(formats: Mapping[str, RdfSyntax | ResultsFormat]) -> dict[str, str]:
    """Map every name, alias, suffix (with and without its dot) and media type to the canonical name."""
    index: dict[str, str] = {}
    for fmt in formats.values():
        suffixes = fmt.suffixes if isinstance(fmt, RdfSyntax) else (fmt.suffix,)
        keys = [fmt.name, *fmt.aliases, *suffixes, *(s.lstrip(".") for s in suffixes)]
        if fmt.media_type:
            keys.append(fmt.media_type)
        for key in keys:
            index.setdefault(key.lower(), fmt.name)
    return index


_RDF_INDEX = _index(RDF_SYNTAXES)
_RESULTS_INDEX = _index(RESULTS_FORMATS)


def rdf_format(value: str | RdfSyntax) -> RdfSyntax:
    """Return the RDF syntax a name, alias, file suffix or media type stands for; raise :class:`UnknownFormat`.

    >>> [rdf_format(v).name for v in ("ttl", "N-Triples", "application/rdf+xml", "text/turtle; charset=utf-8")]
    ['ttl', 'nt', 'xml', 'ttl']
    """
    if isinstance(value, RdfSyntax):
        return value
    name = _RDF_INDEX.get(_key(value))
    if name is None:
        raise UnknownFormat("RDF", value, RDF_SYNTAXES, _RDF_INDEX)
    return RDF_SYNTAXES[name]


def results_format(value: str | ResultsFormat) -> ResultsFormat:
    """Return the query-results format a name, alias, suffix or media type stands for; raise :class:`UnknownFormat`.

    >>> [results_format(v).name for v in ("srj", "application/xml", "TSV", "text/csv")]
    ['json', 'xml', 'tsv', 'csv']
    """
    if isinstance(value, ResultsFormat):
        return value
    name = _RESULTS_INDEX.get(_key(value))
    if name is None:
        raise UnknownFormat("query results", value, RESULTS_FORMATS, _RESULTS_INDEX)
    return RESULTS_FORMATS[name]


def any_format(value: str) -> ResultsFormat | RdfSyntax:
    """Return the results format ``value`` stands for, else the RDF syntax (``xml`` is SPARQL XML results here).

    >>> any_format("csv").name, any_format("turtle").name, any_format("rdfxml").name
    ('csv', 'ttl', 'xml')
    """
    try:
        return results_format(value)
    except UnknownFormat:
        pass
    try:
        return rdf_format(value)
    except UnknownFormat:
        accepted = [*RESULTS_FORMATS, *(name for name in RDF_SYNTAXES if name not in RESULTS_FORMATS)]
        raise UnknownFormat("output", value, accepted, {**_RDF_INDEX, **_RESULTS_INDEX}) from None
