"""The RDF serialisations of a release, one function per format, registered by name.

pyoxigraph writes every format straight from the canonical statements: it is several times faster
than rdflib and streams to the writer. pyoxigraph writes JSON-LD expanded only, so :class:`Compactor`
compacts its nodes with the project's prefix-only ``@context``, choosing compact IRIs with rdflib's
JSON-LD context class (rdflib's own JSON-LD writer is about ten times slower and orders nodes as its
store happens to hold them).

Formats without named graphs (Turtle, N-Triples, RDF/XML) hold the union of all graphs; N-Quads,
TriG and JSON-LD keep one named graph per source document and reference dataset.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby, islice
from operator import attrgetter
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD
from rdflib.plugins.shared.jsonld.context import Context as JsonLdContext

from kg.export.canonical import Statements
from kg.export.context import load_context
from kg.formats import rdf_format
from kg.namespaces import PREFIXES


@dataclass(frozen=True)
class RdfFormat:
    """A release serialisation: its name, file extension, IANA media type and writer."""

    name: str
    extension: str
    media_type: str
    named_graphs: bool
    write: Callable[[Statements, BinaryIO], None]


def _oxigraph_writer(fmt: ox.RdfFormat, quads: bool, prefixes: bool) -> Callable[[Statements, BinaryIO], None]:
    def write(statements: Statements, output: BinaryIO) -> None:
        data = statements.quads if quads else statements.triples
        ox.serialize(data, output, fmt, prefixes=PREFIXES if prefixes else None)

    return write


RDF_TYPE = str(RDF.type)
XSD_STRING = str(XSD.string)
JSONLD_CHUNK = 1_000
"""JSON-LD nodes encoded and written at a time."""


class Compactor:
    """Writes the statements of one subject as a JSON-LD node compacted with the project's prefix-only ``@context``.

    With a context of prefixes only, compaction shortens IRIs to compact IRIs (rdflib's JSON-LD
    :class:`~rdflib.plugins.shared.jsonld.context.Context` chooses them), turns ``rdf:type`` into
    ``@type``, plain strings into JSON strings, and one-element arrays into their element. The
    node is the one pyoxigraph's JSON-LD writer gives for the same statements (expanded), compacted;
    building it straight from the statements saves writing and re-reading the expanded JSON.
    """

    def __init__(self, context: dict[str, str]) -> None:
        self.context = JsonLdContext(context)
        self._cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        """Return the compact IRI of ``iri``, or ``iri`` itself when no prefix fits."""
        short = self._cache.get(iri)
        if short is None:
            short = iri if iri.startswith("_:") else self.context.shrink_iri(iri)
            prefix, _, suffix = short.partition(":")
            if short == iri or not suffix or suffix.startswith("//") or prefix not in self.context.terms:
                short = iri
            self._cache[iri] = short
        return short

    def reference(self, term: ox.NamedNode | ox.BlankNode) -> str:
        """Return the ``@id`` of an IRI or blank node."""
        return self.iri(term.value) if isinstance(term, ox.NamedNode) else f"_:{term.value}"

    def value(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Any:
        """Return the compacted JSON-LD value of an object."""
        if not isinstance(term, ox.Literal):
            return {"@id": self.reference(term)}
        if term.language:
            return {"@language": term.language, "@value": term.value}
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return term.value
        return {"@type": self.iri(datatype), "@value": term.value}

    def node(self, quads: list[ox.Quad]) -> dict[str, Any]:
        """Return the compacted node of the statements ``quads`` of one subject, sorted by predicate."""
        compacted: dict[str, Any] = {"@id": self.reference(quads[0].subject)}
        for predicate, about in groupby(quads, key=_PREDICATE):
            objects = [q.object for q in about]
            if predicate == _RDF_TYPE and not any(isinstance(o, ox.Literal) for o in objects):
                types = [self.reference(o) for o in objects]
                compacted["@type"] = types[0] if len(types) == 1 else types
            else:
                values = [self.value(o) for o in objects]
                compacted[self.iri(predicate.value)] = values[0] if len(values) == 1 else values
        return compacted


_RDF_TYPE = ox.NamedNode(RDF_TYPE)
_PREDICATE = attrgetter("predicate")
_SUBJECT = attrgetter("subject")
_GRAPH = attrgetter("graph_name")


def write_jsonld(statements: Statements, output: BinaryIO, chunk: int = JSONLD_CHUNK) -> None:
    """Write the statements as JSON-LD compacted with the project's ``@context`` (inline), a graph per source.

    One node per subject and graph, in the canonical statement order, written ``chunk`` nodes at a
    time: the document is never held in memory as a whole.
    """
    context = load_context()
    compactor = Compactor(context)
    dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode

    output.write(b'{"@context": ' + json.dumps(context, indent=1, ensure_ascii=False).encode("utf-8")
                 + b',\n "@graph": [')
    first_graph = True
    for graph, in_graph in groupby(statements.quads, key=_GRAPH):
        named = not isinstance(graph, ox.DefaultGraph)
        if named:
            output.write((b"" if first_graph else b",") + b'\n  {"@id": ' + dumps(compactor.reference(graph)).encode(
                "utf-8") + b', "@graph": [')
        elif not first_graph:
            output.write(b",")
        first_graph = False
        nodes = (dumps(compactor.node(list(about))) for _, about in groupby(in_graph, key=_SUBJECT))
        separator = "\n   "
        while batch := list(islice(nodes, chunk)):
            output.write((separator + ",\n   ".join(batch)).encode("utf-8"))
            separator = ",\n   "
        if named:
            output.write(b"\n  ]}")
    output.write(b"\n ]}\n")


def _release_format(name: str, prefixes: bool = True) -> RdfFormat:
    """The release serialisation of the registered syntax ``name``, named by its file suffix (``rdf`` for RDF/XML).

    A dataset syntax gets the quads, one named graph per source; the others the union of the graphs.
    """
    syntax = rdf_format(name)
    extension = syntax.suffix.lstrip(".")
    writer = write_jsonld if syntax.name == "jsonld" else _oxigraph_writer(syntax.oxigraph, syntax.graphs, prefixes)
    return RdfFormat(extension, extension, syntax.media_type, syntax.graphs, writer)


#: The release's serialisations (of :data:`kg.formats.RDF_SYNTAXES`), by release name: nq, trig, nt, ttl, rdf, jsonld.
RDF_FORMATS: dict[str, RdfFormat] = {
    fmt.name: fmt
    for fmt in (
        _release_format("nq", prefixes=False),
        _release_format("trig"),
        _release_format("nt", prefixes=False),
        _release_format("ttl"),
        _release_format("xml"),
        _release_format("jsonld"),
    )
}
