"""The ontology reuses the standard vocabularies and aligns with EURIO, as issue 2 §1 asks.

A refactoring of ``ontology/eukg.ttl`` that drops an alignment (and so the join with CORDIS data or
the SEMIC core vocabularies) fails here, naming the axiom that went missing.
"""

from __future__ import annotations

import pytest
from rdflib import DCTERMS, OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.namespaces import EKG
from kg.paths import ONTOLOGY_FILE

ORG = Namespace("http://www.w3.org/ns/org#")
M8G = Namespace("http://data.europa.eu/m8g/")
LOCN = Namespace("http://www.w3.org/ns/locn#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
EURIO = Namespace("http://data.europa.eu/s66#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ONTOLOGY = URIRef("https://w3id.org/eu-regional-kg/ontology")

#: The vocabularies issue 2 §1 names, each by its namespace IRI as the header references it.
REUSED = {
    "W3C ORG": "http://www.w3.org/ns/org#",
    "SEMIC core vocabularies (CPOV, CPEV)": "http://data.europa.eu/m8g/",
    "Core Location": "http://www.w3.org/ns/locn#",
    "schema.org": "https://schema.org/",
    "DCTERMS": "http://purl.org/dc/terms/",
    "PROV-O": "http://www.w3.org/ns/prov#",
    "SKOS": "http://www.w3.org/2004/02/skos/core#",
    "EURIO": "http://data.europa.eu/s66#",
}

#: (term, predicate, reused term): the alignments that make the graph join other data.
ALIGNMENTS = [
    # EURIO: projects, organisations and roles join CORDIS data.
    (EKG.Project, RDFS.subClassOf, EURIO.Project),
    (EKG.Organisation, RDFS.subClassOf, EURIO.Organisation),
    (EKG.ProjectParticipation, RDFS.subClassOf, EURIO.OrganisationRole),
    (EKG.project, OWL.inverseOf, EURIO.hasInvolvedParty),
    (EKG.participant, SKOS.closeMatch, EURIO.isRoleOf),
    # W3C ORG: the n-ary participation is a membership with a role.
    (EKG.Organisation, RDFS.subClassOf, ORG.Organization),
    (EKG.ProjectParticipation, RDFS.subClassOf, ORG.Membership),
    (EKG.Role, RDFS.subClassOf, ORG.Role),
    (EKG.participant, SKOS.closeMatch, ORG.member),
    (EKG.role, SKOS.closeMatch, ORG.role),
    (EKG.affiliation, RDFS.subPropertyOf, ORG.memberOf),
    # SEMIC: CPOV public organisations, CPEV public events and participations.
    (EKG.PublicOrganisation, RDFS.subClassOf, M8G.PublicOrganisation),
    (EKG.Event, RDFS.subClassOf, M8G.PublicEvent),
    (EKG.EventParticipation, RDFS.subClassOf, M8G.Participation),
    # Core Location, schema.org, DCTERMS.
    (EKG.place, RDFS.subPropertyOf, LOCN.location),
    (EKG.Place, RDFS.subClassOf, SCHEMA.Place),
    (EKG.Event, RDFS.subClassOf, SCHEMA.Event),
    (EKG.Person, RDFS.subClassOf, SCHEMA.Person),
    (EKG.partOfEvent, RDFS.subPropertyOf, SCHEMA.superEvent),
    (EKG.Region, RDFS.subClassOf, DCTERMS.Location),
    (EKG.Country, RDFS.subClassOf, DCTERMS.Location),
    (EKG.FundingPeriod, RDFS.subClassOf, DCTERMS.PeriodOfTime),
    (EKG.region, RDFS.subPropertyOf, DCTERMS.spatial),
    (EKG.projectCode, RDFS.subPropertyOf, DCTERMS.identifier),
    # PROV-O: provenance of documents, plans and activities.
    (EKG.SourceDocument, RDFS.subClassOf, PROV.Entity),
    (EKG.Programme, RDFS.subClassOf, PROV.Plan),
    (EKG.Project, RDFS.subClassOf, PROV.Activity),
    # SKOS: regions, roles and themes are concepts; the NUTS hierarchy is skos:broader.
    (EKG.Region, RDFS.subClassOf, SKOS.Concept),
    (EKG.Theme, RDFS.subClassOf, SKOS.Concept),
    (EKG.parentRegion, RDFS.subPropertyOf, SKOS.broader),
    (EKG.nutsCode, RDFS.subPropertyOf, SKOS.notation),
    # FOAF, which ORG and the SEMIC vocabularies build on.
    (EKG.Person, RDFS.subClassOf, FOAF.Person),
    (EKG.SourceDocument, RDFS.subClassOf, FOAF.Document),
]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


def test_header_has_version_licence_and_description(ontology: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY, OWL.versionIRI) is not None
    assert str(ontology.value(ONTOLOGY, DCTERMS.license)).startswith("https://creativecommons.org/")
    description = ontology.value(ONTOLOGY, DCTERMS.description)
    assert description is not None and description.language == "en"


@pytest.mark.parametrize("name", sorted(REUSED))
def test_header_names_each_reused_vocabulary(ontology: Graph, name: str) -> None:
    referenced = {str(o) for o in ontology.objects(ONTOLOGY, DCTERMS.references)}
    assert REUSED[name] in referenced, f"the ontology header does not reference {name}"


@pytest.mark.parametrize("name", sorted(REUSED))
def test_each_reused_vocabulary_is_used(ontology: Graph, name: str) -> None:
    namespace = REUSED[name]
    used = {o for s, p, o in ontology if isinstance(s, URIRef) and str(s).startswith(str(EKG._NS))}
    used |= {p for _, p, _ in ontology}
    assert any(str(term).startswith(namespace) for term in used), f"no ekg: term is aligned with {name}"


@pytest.mark.parametrize(
    "axiom", ALIGNMENTS, ids=lambda a: f"{a[0].split('#')[-1]} {a[1].split('#')[-1]} {a[2].rsplit('/', 1)[-1]}"
)
def test_alignment(ontology: Graph, axiom: tuple[URIRef, URIRef, URIRef]) -> None:
    assert axiom in ontology


def test_no_class_duplicates_a_reused_class_without_alignment(ontology: Graph) -> None:
    # Subclass or align rather than duplicate: every class that models something a reused vocabulary
    # has (agents, places, events, documents, plans) points to it; the others are project-specific.
    project_specific = {EKG.Fund, EKG.PolicyInstrument, EKG.Participation}
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(str(EKG._NS)) or cls in project_specific:
            continue
        parents = set(ontology.objects(cls, RDFS.subClassOf)) | set(ontology.objects(cls, OWL.equivalentClass))
        assert parents, f"{cls} neither subclasses nor aligns with any class"
