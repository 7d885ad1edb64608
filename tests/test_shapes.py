"""Each shape catches a broken example; the shipped data conforms."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SH

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
@prefix org: <http://www.w3.org/ns/org#> .
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
    # A statistical region (Norway, Switzerland ...) is not NUTS: an official NUTS IRI or the NUTS scheme is an error.
    "statistical region with a NUTS IRI": (
        "nuts:NO081 a ekg:Region , ekg:StatisticalRegion ; ekg:nutsCode \"NO081\" ; ekg:nutsLevel 3 ;"
        " ekg:country country:NOR ; skos:prefLabel \"Oslo\"@nb ;"
        " skos:inScheme <https://w3id.org/eu-regional-kg/id/scheme/statistical-regions> .",
        "nuts:NO081",
        "not a NUTS IRI",
    ),
    "statistical region in the NUTS scheme": (
        "<https://w3id.org/eu-regional-kg/id/statistical-region/NO081> a ekg:Region , ekg:StatisticalRegion ;"
        " ekg:nutsCode \"NO081\" ; ekg:nutsLevel 3 ; ekg:country country:NOR ; skos:prefLabel \"Oslo\"@nb ;"
        " skos:inScheme <http://data.europa.eu/nuts> .",
        "sr:NO081",
        "statistical-regions scheme",
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
    "altLabel without language": ("ex:org skos:altLabel \"TA\" .", "ex:org", "language tag"),
    "organisation without type": (
        "ex:org5 a ekg:Organisation ; skos:prefLabel \"Org 5\"@en ; ekg:country country:POL ; ekg:region nuts:PL81 .",
        "ex:org5",
        "organisation-type",
    ),
    "organisation in two countries": ("ex:org ekg:country country:DEU .", "ex:org", "at most one country"),
    "organisation seated in a region, not a city": ("ex:org ekg:city nuts:PL81 .", "ex:org", "City"),
    "organisation part of a project": ("ex:org org:subOrganizationOf ex:project .", "ex:org", "known Organisation"),
    "organisation with two acronyms": ("ex:org ekg:acronym \"TA\" , \"TAG\" .", "ex:org", "acronym"),
    "telephone with letters": ("ex:person schema:telephone \"call me maybe\" .", "ex:person", "telephone"),
    "person affiliated with a project": ("ex:person ekg:affiliation ex:project .", "ex:person", "affiliation"),
    "project code in lower case": ("ex:project ekg:projectCode \"pgi-6047\" .", "ex:project", "project code"),
    "project funded by an organisation": ("ex:project ekg:programme ex:org .", "ex:project", "Programme"),
    "project theme outside the scheme": ("ex:project dcterms:subject ex:org .", "ex:project", "theme"),
    "project website as a string": ("ex:project schema:url \"www.example.org\" .", "ex:project", "IRI"),
    "project partner country that is a region": ("ex:project ekg:partnerCountry nuts:PL81 .", "ex:project", "Countries"),
    "project addressing an organisation as instrument": (
        "ex:project ekg:addressesInstrument ex:org .",
        "ex:project",
        "policy instruments",
    ),
    "participation with a region as participant": (
        "ex:part3 a ekg:ProjectParticipation ; ekg:project ex:project ; ekg:participant nuts:PL81 ; ekg:role role:partner .",
        "ex:part3",
        "participant",
    ),
    "participation ends before it starts": (
        "ex:participation schema:startDate \"2021-02-01\"^^xsd:date ; schema:endDate \"2021-01-01\"^^xsd:date .",
        "ex:participation",
        "before it starts",
    ),
    "budget that is not a number": ("ex:participation ekg:totalBudget \"lots\" .", "ex:participation", "total budget"),
    "negative ERDF contribution": (
        "ex:participation ekg:erdfContribution \"-5.00\"^^xsd:decimal .",
        "ex:participation",
        "ERDF contribution",
    ),
    "two EU contributions": (
        "ex:participation ekg:euContribution 5.00 , 6.00 .",
        "ex:participation",
        "EU contribution",
    ),
    "project total that is not a number": (
        "ex:project ekg:projectTotalBudget \"a lot\" .",
        "ex:project",
        "project's total budget",
    ),
    "event participation without role": (
        "ex:ep a ekg:EventParticipation ; ekg:event ex:event ; ekg:participant ex:person .",
        "ex:ep",
        "role",
    ),
    "event participation without event": (
        "ex:ep2 a ekg:EventParticipation ; ekg:participant ex:person ; ekg:role role:speaker .",
        "ex:ep2",
        "exactly one event",
    ),
    "event participation of a project": (
        "ex:ep3 a ekg:EventParticipation ; ekg:event ex:event ; ekg:participant ex:project ; ekg:role role:speaker .",
        "ex:ep3",
        "participant",
    ),
    "event in two places": (
        "ex:hall a ekg:Place , ekg:Venue ; skos:prefLabel \"Hall\"@en ; ekg:country country:POL ; ekg:region nuts:PL81 .\n"
        "ex:hall2 a ekg:Place , ekg:Venue ; skos:prefLabel \"Hall 2\"@en ; ekg:country country:POL ; ekg:region nuts:PL81 .\n"
        "ex:event ekg:place ex:hall , ex:hall2 .",
        "ex:event",
        "at most one known Place",
    ),
    "online that is not a boolean": ("ex:event2b a ekg:Event ; skos:prefLabel \"X\"@en ; ekg:eventType etype:workshop ;"
                                     " schema:startDate \"2021-05-04\"^^xsd:date ; ekg:online \"yes\" .",
                                     "ex:event2b", "online"),
    "session part of a project": ("ex:event ekg:partOfEvent ex:project .", "ex:event", "known Event"),
    "event of an unknown project": ("ex:event ekg:relatedProject ex:org .", "ex:event", "known Project"),
    "event organised by a person": ("ex:event ekg:organiser ex:person .", "ex:event", "Organisation"),
    "registration deadline as text": ("ex:event ekg:registrationDeadline \"4 Nov\" .", "ex:event", "registration deadline"),
    "venue in an organisation": (
        "ex:hall3 a ekg:Place , ekg:Venue ; skos:prefLabel \"Hall 3\"@en ; ekg:country country:POL ;"
        " ekg:region nuts:PL81 ; ekg:inPlace ex:org .",
        "ex:hall3",
        "venue",
    ),
    "place without region": (
        "ex:town2 a ekg:Place , ekg:City ; skos:prefLabel \"Town 2\"@en ; ekg:country country:POL .",
        "ex:town2",
        "NUTS region",
    ),
    "capital of culture year as a string": (
        "ex:town3 a ekg:Place , ekg:City ; skos:prefLabel \"Town 3\"@en ; ekg:country country:POL ;"
        " ekg:region nuts:PL81 ; ekg:capitalOfCultureYear \"2020\" .",
        "ex:town3",
        "gYear",
    ),
    "region with two parents": ("nuts:PL811 ekg:parentRegion nuts:PL7 .", "nuts:PL811", "parent region"),
    "region without name": (
        "nuts:PL8ZZ a ekg:Region ; ekg:nutsCode \"PL8ZZ\" ; ekg:nutsLevel 3 ; ekg:country country:POL .",
        "nuts:PL8ZZ",
        "name",
    ),
    "region outside the NUTS namespace": (
        "ex:region a ekg:Region ; ekg:nutsCode \"PL81\" ; ekg:nutsLevel 2 ; ekg:country country:POL ;"
        " skos:prefLabel \"Fake\"@pl .",
        "ex:region",
        "NUTS IRI",
    ),
    "country outside the authority namespace": (
        "ex:land a ekg:Country ; ekg:isoCode \"XL\" ; skos:prefLabel \"Land\"@en .",
        "ex:land",
        "country authority IRI",
    ),
    "programme financed by an organisation": (
        "ex:prog2 a ekg:Programme ; skos:prefLabel \"Prog 2\"@en ; ekg:fund ex:org .",
        "ex:prog2",
        "Fund",
    ),
    "programme in two funding periods": (
        "ex:prog3 a ekg:Programme ; skos:prefLabel \"Prog 3\"@en ; ekg:fundingPeriod ex:p1 , ex:p2 .",
        "ex:prog3",
        "funding period",
    ),
    "programme managed by a person": (
        "ex:prog4 a ekg:Programme ; skos:prefLabel \"Prog 4\"@en ; ekg:managingBody ex:person .",
        "ex:prog4",
        "managed by",
    ),
    "policy instrument in an unknown region": (
        "ex:instr2 a ekg:PolicyInstrument ; skos:prefLabel \"Plan 2\"@en ; ekg:instrumentType itype:action-plan ;"
        " ekg:region nuts:PL99 .",
        "ex:instr2",
        "NUTS regions",
    ),
    "source document with two identifiers": (
        "ex:doc3 a ekg:SourceDocument ; dcterms:identifier \"a\" , \"b\" ; dcterms:title \"Doc\"@en ;"
        " dcterms:language lang:ENG .",
        "ex:doc3",
        "identifier",
    ),
    "theme with a broader that is not a theme": (
        "ex:theme2 a ekg:Theme ; skos:prefLabel \"Theme 2\"@en ;"
        " skos:inScheme <https://w3id.org/eu-regional-kg/id/theme> ; skos:broader ex:org .",
        "ex:theme2",
        "broader",
    ),
    "network score without value": (
        "ex:score a ekg:NetworkScore ; ekg:scoredNode ex:org ; ekg:networkName \"regions\" ; ekg:metricName \"degree\" .",
        "ex:score",
        "value",
    ),
}

#: Broken examples that a shape of severity Warning reports (the build still conforms).
WARNINGS = {
    "event with no place, region or online": (
        "ex:event6 a ekg:Event ; skos:prefLabel \"Somewhere\"@en ; ekg:eventType etype:workshop ;"
        " schema:startDate \"2021-05-04\"^^xsd:date .",
        "ex:event6",
        "where the event takes place",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_shape_catches_broken_example(base: Graph, shapes: Graph, case: str) -> None:
    extra, focus, words = BROKEN[case]
    violations = _violations(base, shapes, PREFIXES + extra)
    expanded = focus.replace("ex:", "https://example.org/test/").replace("nuts:", "http://data.europa.eu/nuts/code/")
    names = {focus, f"<{expanded}>", f"country:{focus.rsplit('/', 1)[-1].rstrip('>')}"}
    matching = [v for v in violations if v.focus in names and words.lower() in v.message.lower()]
    assert matching, f"{case}: no violation on {focus} mentioning {words!r}; got {[v.line() for v in violations]}"


def _expanded(focus: str) -> set[str]:
    expanded = focus.replace("ex:", "https://example.org/test/").replace("nuts:", "http://data.europa.eu/nuts/code/")
    return {focus, f"<{expanded}>", f"country:{focus.rsplit('/', 1)[-1].rstrip('>')}"}


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_warning_shape_catches_example_without_failing(base: Graph, shapes: Graph, case: str) -> None:
    extra, focus, words = WARNINGS[case]
    graph = Graph()
    graph += base
    graph.parse(data=VALID + PREFIXES + extra, format="turtle")
    problems = shacl_problems(graph, shapes)
    assert not [p for p in problems if p.severity == "Violation"]
    assert [p for p in problems if p.severity == "Warning" and p.focus in _expanded(focus) and words in p.message]


def _node_shape_of(shapes: Graph, shape) -> object:
    """The node shape a result's sh:sourceShape belongs to (itself, or the node shape holding a property shape)."""
    holder = shapes.value(None, SH.property, shape)
    return holder if holder is not None else shape


def test_every_node_shape_has_a_broken_example(base: Graph, shapes: Graph) -> None:
    # "Tests show each shape catching a broken example": every sh:NodeShape in shapes/ must be the
    # source of at least one result for one of the examples above, so a new shape needs a new case.
    # All examples go into one graph (each breaks its own nodes, so none repairs another), validated once.
    graph = Graph()
    graph += base
    graph.parse(data=VALID, format="turtle")
    for extra, _focus, _words in list(BROKEN.values()) + list(WARNINGS.values()):
        graph.parse(data=PREFIXES + extra, format="turtle")
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=True)
    caught = {_node_shape_of(shapes, s) for s in results.objects(None, SH.sourceShape)}
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert node_shapes - caught == set()
