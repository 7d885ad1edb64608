"""The streamed JSON-LD compaction on awkward input: default graph, blank nodes, literal types, small runs."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from pyld import jsonld

from kg.export.canonical import Statements, canonical_quads
from kg.export.context import document_loader
from kg.export.rdf import write_jsonld

EKG = "https://w3id.org/eu-regional-kg/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def sample() -> list[ox.Quad]:
    project, other = ox.NamedNode(EKG + "P1"), ox.NamedNode("http://example.org/no-prefix/x")
    graph, blank = ox.NamedNode("https://w3id.org/eu-regional-kg/source/s1"), ox.BlankNode("b1")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    return [
        ox.Quad(project, RDF_TYPE, ox.NamedNode(EKG + "Project"), graph),
        ox.Quad(project, RDF_TYPE, ox.Literal("odd literal type"), graph),
        ox.Quad(project, label, ox.Literal("Proiect", language="ro"), graph),
        ox.Quad(project, label, ox.Literal("Project", language="en"), graph),
        ox.Quad(project, ox.NamedNode(EKG + "nutsLevel"), ox.Literal("2", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer")), graph),
        ox.Quad(project, ox.NamedNode(EKG + "acronym"), ox.Literal("P-1"), graph),
        ox.Quad(blank, ox.NamedNode(EKG + "participant"), project, graph),
        ox.Quad(other, ox.NamedNode("http://example.org/no-prefix/p"), ox.Literal("in the default graph")),
        ox.Quad(other, RDF_TYPE, blank),
        ox.Quad(ox.NamedNode(EKG), ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("namespace IRI"), graph),
    ]


@pytest.mark.parametrize("chunk", [1, 2, 1000])
def test_compacted_jsonld_holds_the_same_quads(chunk: int) -> None:
    quads = canonical_quads(sample())
    output = io.BytesIO()
    write_jsonld(Statements(quads, [], True), output, chunk=chunk)
    text = output.getvalue()
    expected = {str(q) for q in quads}
    assert {str(q) for q in canonical_quads(ox.parse(text, format=ox.RdfFormat.JSON_LD))} == expected
    document = json.loads(text)
    loader = document_loader()
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader})
    assert {str(q) for q in canonical_quads(ox.parse(nquads.encode(), format=ox.RdfFormat.N_QUADS))} == expected
    assert '"@type": "ekg:Project"' not in text.decode()  # two rdf:type values, one a literal: kept as rdf:type
    assert '"ekg:acronym": "P-1"' in text.decode()
