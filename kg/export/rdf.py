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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib.plugins.shared.jsonld.context import Context as JsonLdContext

from kg.export.canonical import Statements
from kg.export.context import load_context
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


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
JSONLD_CHUNK = 20_000


class Compactor:
    """Compacts pyoxigraph's expanded JSON-LD nodes with the project's prefix-only ``@context``.

    With a context of prefixes only, compaction shortens IRIs to compact IRIs (rdflib's JSON-LD
    :class:`~rdflib.plugins.shared.jsonld.context.Context` chooses them), turns ``rdf:type`` into
    ``@type``, plain strings into JSON strings, and one-element arrays into their element.
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

    def value(self, value: dict[str, Any]) -> Any:
        if "@id" in value:
            return {"@id": self.iri(value["@id"])}
        datatype = value.get("@type")
        if datatype is None or datatype == XSD_STRING:
            if "@language" in value:
                return {"@language": value["@language"], "@value": value["@value"]}
            return value["@value"]
        return {"@type": self.iri(datatype), "@value": value["@value"]}

    def node(self, node: dict[str, Any]) -> dict[str, Any]:
        """Return one node object of pyoxigraph's output (``@id`` + expanded properties), compacted."""
        compacted: dict[str, Any] = {}
        for key, values in node.items():
            if key == "@id":
                compacted["@id"] = self.iri(values)
            elif key == RDF_TYPE and all("@id" in v for v in values):
                types = [self.iri(v["@id"]) for v in values]
                compacted["@type"] = types[0] if len(types) == 1 else types
            else:
                items = [self.value(v) for v in values]
                compacted[self.iri(key)] = items[0] if len(items) == 1 else items
        return compacted


def _chunks(quads: list[ox.Quad], size: int) -> Iterator[tuple[ox.NamedNode | ox.BlankNode | ox.DefaultGraph,
                                                                list[ox.Quad]]]:
    """Yield (graph, quads) runs of at most about ``size`` quads that never split a subject."""
    for graph, in_graph in groupby(quads, key=lambda q: q.graph_name):
        chunk: list[ox.Quad] = []
        for _, about in groupby(in_graph, key=lambda q: q.subject):
            chunk.extend(about)
            if len(chunk) >= size:
                yield graph, chunk
                chunk = []
        if chunk:
            yield graph, chunk


def write_jsonld(statements: Statements, output: BinaryIO, chunk: int = JSONLD_CHUNK) -> None:
    """Write the statements as JSON-LD compacted with the project's ``@context`` (inline), a graph per source.

    pyoxigraph writes expanded JSON-LD for a run of statements at a time; each node is compacted and
    written out at once, so memory holds one run, never the whole document. Node order follows the
    canonical statement order.
    """
    context = load_context()
    compactor = Compactor(context)

    def dump(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")

    output.write(b'{"@context": ' + json.dumps(context, indent=1, ensure_ascii=False).encode("utf-8")
                 + b',\n "@graph": [')
    first_graph = True
    current = None
    for graph, quads in _chunks(statements.quads, chunk):
        if graph != current:
            if current is not None:
                output.write(b"\n  ]}" if not isinstance(current, ox.DefaultGraph) else b"")
            if isinstance(graph, ox.DefaultGraph):
                output.write(b"" if first_graph else b",")
            else:
                output.write((b"" if first_graph else b",") + b'\n  {"@id": ' + dump(compactor.iri(
                    graph.value if isinstance(graph, ox.NamedNode) else f"_:{graph.value}")) + b', "@graph": [')
            first_node, current, first_graph = True, graph, False
        expanded = json.loads(ox.serialize([q.triple for q in quads], format=ox.RdfFormat.JSON_LD))
        for node in expanded:
            output.write((b"\n   " if first_node else b",\n   ") + dump(compactor.node(node)))
            first_node = False
    if current is not None and not isinstance(current, ox.DefaultGraph):
        output.write(b"\n  ]}")
    output.write(b"\n ]}\n")


RDF_FORMATS: dict[str, RdfFormat] = {
    fmt.name: fmt
    for fmt in (
        RdfFormat("nq", "nq", "application/n-quads", True, _oxigraph_writer(ox.RdfFormat.N_QUADS, True, False)),
        RdfFormat("trig", "trig", "application/trig", True, _oxigraph_writer(ox.RdfFormat.TRIG, True, True)),
        RdfFormat("nt", "nt", "application/n-triples", False, _oxigraph_writer(ox.RdfFormat.N_TRIPLES, False, False)),
        RdfFormat("ttl", "ttl", "text/turtle", False, _oxigraph_writer(ox.RdfFormat.TURTLE, False, True)),
        RdfFormat("rdf", "rdf", "application/rdf+xml", False, _oxigraph_writer(ox.RdfFormat.RDF_XML, False, True)),
        RdfFormat("jsonld", "jsonld", "application/ld+json", True, write_jsonld),
    )
}
