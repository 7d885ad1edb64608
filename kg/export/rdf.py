"""The RDF serialisations of a release, one function per format, registered by name.

pyoxigraph writes the bulk formats straight from the canonical statements (it is several times faster
than rdflib and streams to the writer). Only compacted JSON-LD, which pyoxigraph cannot write, goes
through rdflib; its output is then put in a canonical order (nodes by ``@id``, values sorted) because
rdflib's JSON-LD writer does not promise one.

Formats without named graphs (Turtle, N-Triples, RDF/XML) hold the union of all graphs; N-Quads,
TriG and JSON-LD keep one named graph per source document and reference dataset.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import Dataset

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


def _sort_key(item: Any) -> tuple[int, str, str]:
    if isinstance(item, dict) and isinstance(item.get("@id"), str):
        return 0, item["@id"], ""
    return 1, "", json.dumps(item, sort_keys=True, ensure_ascii=False)


def canonical_json(node: Any, key: str | None = None) -> Any:
    """Return a JSON-LD value with every unordered array sorted (``@list`` arrays keep their order).

    Examples
    --------
    >>> canonical_json({"@graph": [{"@id": "b"}, {"@id": "a", "p": ["y", "x"]}]})
    {'@graph': [{'@id': 'a', 'p': ['x', 'y']}, {'@id': 'b'}]}
    """
    if isinstance(node, dict):
        return {k: canonical_json(v, k) for k, v in sorted(node.items())}
    if isinstance(node, list):
        items = [canonical_json(item) for item in node]
        return items if key == "@list" else sorted(items, key=_sort_key)
    return node


def write_jsonld(statements: Statements, output: BinaryIO) -> None:
    """Write the statements as JSON-LD compacted with the project's ``@context`` (inline), a graph per source."""
    dataset = Dataset()
    dataset.parse(data=ox.serialize(statements.quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    text = dataset.serialize(format="json-ld", context=load_context(), auto_compact=True)
    document = canonical_json(json.loads(text))
    output.write(json.dumps(document, indent=1, ensure_ascii=False).encode("utf-8"))
    output.write(b"\n")


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
