"""Each shape catches a broken example; the shipped data conforms."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.layout import graph_files
from kg.reference.countries import countries_graph
from kg.reference.nuts import nuts_graph
from kg.validate import shacl_problems, shapes_graph

PREFIXES = """
@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix nuts: <http://data.europa.eu/nuts/code/> .
@prefix country: <http://publications.europa.eu/resource/authority/country/> .
@prefix role: <https://w3id.org/eu-regional-kg/id/role/> .
@prefix otype: <https://w3id.org/eu-regional-kg/id/organisation-type/> .
@prefix etype: <https://w3id.org/eu-regional-kg/id/event-type/> .
@prefix ex: <https://example.org/test/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix itype: <https://w3id.org/eu-regional-kg/id/instrument-type/> .
"""

# A small valid world the broken examples are added to.
VALID = PREFIXES + """
ex:org a ekg:Organisation ; skos:prefLabel "Test Agency"@en ; ekg:organisationType otype:university ;
    ekg:country country:POL ; ekg:region nuts:PL81 .
ex:project a ekg:Project ; ekg:acronym "TEST" ; skos:prefLabel "Test project"@en ;
    schema:startDate "2020-01-01"^^xsd:date ; schema:endDate "2022-12-31"^^xsd:date .
ex:participation a ekg:ProjectParticipation ; ekg:project ex:project ; ekg:participant ex:org ; ekg:role role:partner .
ex:event a ekg:Event ; skos:prefLabel "Test event"@en ; ekg:eventType etype:workshop ; ekg:online true ;
    schema:startDate "2021-05-04T10:00:00+02:00"^^xsd:dateTime ; schema:endDate "2021-05-04T12:00:00+02:00"^^xsd:dateTime .
ex:person a ekg:Person ; schema:name "Test Person" ; schema:email "test.person@example.org" ; ekg:affiliation ex:org .
"""


@pytest.fixture(scope="module")
def base() -> Graph:
    graph = Graph()
    for item in graph_files():
        if item.kind in ("ontology", "reference"):
            graph.parse(item.path)
    # The regions the tests use and the regions the reference data names, with their ancestors.
    nuts_prefix = "http://data.europa.eu/nuts/code/"
    codes = {"PL811", "BE100"} | {
        str(o)[len(nuts_prefix):] for o in graph.objects() if str(o).startswith(nuts_prefix)
    }
    wanted = {code[:end] for code in codes for end in range(2, len(code) + 1)}
    regions = nuts_graph()
    for region in regions.subjects():
        if str(region).split("/")[-1] in wanted:
            for triple in regions.triples((region, None, None)):
                graph.add(triple)
    graph += countries_graph()
    return graph


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


def _violations(base: Graph, shapes: Graph, extra: str) -> list:
    graph = Graph()
    graph += base
    graph.parse(data=VALID + extra, format="turtle")
    return [p for p in shacl_problems(graph, shapes) if p.severity == "Violation"]


def test_valid_world_conforms(base: Graph, shapes: Graph) -> None:
    assert _violations(base, shapes, "") == []


BROKEN = {
    "project without acronym": ("ex:p2 a ekg:Project ; skos:prefLabel \"No acronym\"@en .", "ex:p2", "acronym"),
    "project with two acronyms": ("ex:project ekg:acronym \"TWO\" .", "ex:project", "acronym"),
    "label without language": ("ex:org skos:prefLabel \"Untagged\" .", "ex:org", "language tag"),
    "two labels in one language": ("ex:org skos:prefLabel \"Other name\"@en .", "ex:org", "language"),
    "end before start": (
        "ex:p3 a ekg:Project ; ekg:acronym \"P3\" ; skos:prefLabel \"P3\"@en ;"
        " schema:startDate \"2022-01-01\"^^xsd:date ; schema:endDate \"2021-01-01\"^^xsd:date .",
        "ex:p3",
        "before it starts",
    ),
    "end year before start date": (
        "ex:p4 a ekg:Project ; ekg:acronym \"P4\" ; skos:prefLabel \"P4\"@en ;"
        " schema:startDate \"2022-03-01\"^^xsd:date ; schema:endDate \"2021\"^^xsd:gYear .",
        "ex:p4",
        "before it starts",
    ),
    "participation without role": (
        "ex:part2 a ekg:ProjectParticipation ; ekg:project ex:project ; ekg:participant ex:org .",
        "ex:part2",
        "role",
    ),
    "participation with two organisations": (
        "ex:org2 a ekg:Organisation ; skos:prefLabel \"Org 2\"@en ; ekg:organisationType otype:sme ;"
        " ekg:country country:POL ; ekg:region nuts:PL811 .\n"
        "ex:participation ekg:participant ex:org2 .",
        "ex:participation",
        "exactly one participant",
    ),
    "participation with two projects": (
        "ex:p5 a ekg:Project ; ekg:acronym \"P5\" ; skos:prefLabel \"P5\"@en .\nex:participation ekg:project ex:p5 .",
        "ex:participation",
        "exactly one project",
    ),
    "organisation without region": (
        "ex:org3 a ekg:Organisation ; skos:prefLabel \"Org 3\"@en ; ekg:organisationType otype:sme ;"
        " ekg:country country:POL .",
        "ex:org3",
        "NUTS region",
    ),
    "organisation in a region that does not exist": (
        "ex:org4 a ekg:Organisation ; skos:prefLabel \"Org 4\"@en ; ekg:organisationType otype:sme ;"
        " ekg:country country:POL ; ekg:region nuts:PL99 .",
        "ex:org4",
        "NUTS region",
    ),
    "region with a malformed NUTS code": (
        "nuts:pl81x a ekg:Region ; ekg:nutsCode \"pl81x\" ; ekg:nutsLevel 3 ; ekg:country country:POL ;"
        " skos:prefLabel \"Bad\"@pl .",
        "nuts:pl81x",
        "NUTS",
    ),
    "region on level 4": (
        "nuts:PL8111 a ekg:Region ; ekg:nutsCode \"PL8111\" ; ekg:nutsLevel 4 ; ekg:country country:POL ;"
        " skos:prefLabel \"Too deep\"@pl .",
        "nuts:PL8111",
        "level",
    ),
    "malformed e-mail": ("ex:person schema:email \"not-an-address\" .", "ex:person", "e-mail"),
    "person without name": ("ex:person2 a ekg:Person ; schema:email \"a@b.org\" .", "ex:person2", "name"),
    "event without date": (
        "ex:event2 a ekg:Event ; skos:prefLabel \"No date\"@en ; ekg:eventType etype:workshop ; ekg:online true .",
        "ex:event2",
        "start date",
    ),
    "event time without time zone": (
        "ex:event3 a ekg:Event ; skos:prefLabel \"No zone\"@en ; ekg:eventType etype:workshop ; ekg:online true ;"
        " schema:startDate \"2021-05-04T10:00:00\"^^xsd:dateTime .",
        "ex:event3",
        "time zone",
    ),
    "event ends before it starts": (
        "ex:event schema:endDate \"2021-05-03\"^^xsd:date .",
        "ex:event",
        "",
    ),
    "event with unknown type": (
        "ex:event4 a ekg:Event ; skos:prefLabel \"Odd\"@en ; ekg:eventType ex:party ; ekg:online true ;"
        " schema:startDate \"2021-05-04\"^^xsd:date .",
        "ex:event4",
        "type",
    ),
    "source document with a malformed hash": (
        "ex:doc a ekg:SourceDocument ; dcterms:identifier \"doc\" ; dcterms:title \"Doc\"@en ;"
        " dcterms:language lang:ENG ; ekg:sha256 \"XYZ\" .",
        "ex:doc",
        "SHA-256",
    ),
    "source document without language": (
        "ex:doc2 a ekg:SourceDocument ; dcterms:identifier \"doc2\" ; dcterms:title \"Doc\"@en .",
        "ex:doc2",
        "language",
    ),
    "place without country": (
        "ex:town a ekg:Place , ekg:City ; skos:prefLabel \"Town\"@en ; ekg:region nuts:PL81 .",
        "ex:town",
        "country",
    ),
    "country with a bad ISO code": (
        "country:POL ekg:isoCode \"pol\" .",
        "<http://publications.europa.eu/resource/authority/country/POL>",
        "ISO",
    ),
    "programme whose parent is not a programme": (
        "ex:prog a ekg:Programme ; skos:prefLabel \"Prog\"@en ; ekg:parentProgramme ex:org .",
        "ex:prog",
        "parent programme",
    ),
    "policy instrument without type": (
        "ex:instr a ekg:PolicyInstrument ; skos:prefLabel \"Plan\"@en .",
        "ex:instr",
        "instrument type",
    ),
    "theme outside the scheme": (
        "ex:theme a ekg:Theme ; skos:prefLabel \"Theme\"@en .",
        "ex:theme",
        "scheme",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_shape_catches_broken_example(base: Graph, shapes: Graph, case: str) -> None:
    extra, focus, words = BROKEN[case]
    violations = _violations(base, shapes, PREFIXES + extra)
    expanded = focus.replace("ex:", "https://example.org/test/").replace("nuts:", "http://data.europa.eu/nuts/code/")
    names = {focus, f"<{expanded}>", f"country:{focus.rsplit('/', 1)[-1].rstrip('>')}"}
    matching = [v for v in violations if v.focus in names and words.lower() in v.message.lower()]
    assert matching, f"{case}: no violation on {focus} mentioning {words!r}; got {[v.line() for v in violations]}"
