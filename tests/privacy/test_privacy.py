"""kg.privacy: personal data is what the ontology marks, person IRIs are keyed hashes, names are redacted."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, Graph, URIRef

from kg.layout import graph_files
from kg.namespaces import EKG, SDO
from kg.paths import DATA_DIR
from kg.privacy import REDACTION, person_iri, person_key, public_copy, public_quads, redacted_iri, vocabulary

EX = "http://example.org/"
TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
RDF_TYPE = ox.NamedNode(str(RDF.type))
NAME = ox.NamedNode(str(SDO.name))
LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
G = ox.NamedNode(EX + "graph")


def _n(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


def test_a_class_the_ontology_marks_is_left_out() -> None:
    """Not a list in kg/privacy.py: a class marked in the store's own ontology graph is personal data too."""
    store = ox.Store()
    store.extend([
        ox.Quad(_n("Patient"), RDF_TYPE, ox.NamedNode(str(OWL.Class)), G),
        ox.Quad(_n("Patient"), ox.NamedNode(str(EKG.personalData)), TRUE, G),
        ox.Quad(_n("p1"), RDF_TYPE, _n("Patient"), G),
        ox.Quad(_n("p1"), NAME, ox.Literal("Anca Dobrescu"), G),
        ox.Quad(_n("talk"), LABEL, ox.Literal("Anca Dobrescu on rural clinics", language="en"), G),
    ])
    assert _n("Patient") in vocabulary(store).classes
    public = list(public_quads(store))
    assert not [q for q in public if q.subject == _n("p1") or q.object == _n("p1")]
    assert ox.Quad(_n("talk"), LABEL, ox.Literal(f"{REDACTION} on rural clinics", language="en"), G) in public


def test_the_project_marks_persons_and_sole_traders(store) -> None:
    vocab = vocabulary(store)
    assert ox.NamedNode(str(EKG.Person)) in vocab.classes
    assert ox.NamedNode("https://w3id.org/eu-regional-kg/id/organisation-type/natural-person") in vocab.concepts
    assert ox.NamedNode(str(EKG.organisationType)) in vocab.classifying
    assert {NAME, ox.NamedNode(str(SDO.email)), LABEL} <= vocab.identifying


def test_a_sole_trader_and_its_participation_are_left_out() -> None:
    natural = ox.NamedNode("https://w3id.org/eu-regional-kg/id/organisation-type/natural-person")
    store = ox.Store()
    store.extend([
        ox.Quad(natural, RDF_TYPE, ox.NamedNode(str(EKG.OrganisationType)), G),
        ox.Quad(natural, ox.NamedNode(str(EKG.personalData)), TRUE, G),
        ox.Quad(_n("farm"), ox.NamedNode(str(EKG.organisationType)), natural, G),
        ox.Quad(_n("farm"), LABEL, ox.Literal("Vasile Ardeleanu"), G),
        ox.Quad(_n("part"), ox.NamedNode(str(EKG.participant)), _n("farm"), G),
        ox.Quad(_n("part"), ox.NamedNode(str(EKG.project)), _n("project"), G),
        ox.Quad(_n("project"), LABEL, ox.Literal("Orchards of Vasile Ardeleanu"), G),
    ])
    public = set(public_copy(store))
    assert {q.subject for q in public} == {natural, _n("project")}
    assert ox.Quad(_n("project"), LABEL, ox.Literal(f"Orchards of {REDACTION}"), G) in public


def test_names_are_found_however_they_are_written() -> None:
    store = ox.Store()
    person = _n("person")
    event = ox.NamedNode("https://w3id.org/eu-regional-kg/id/event/raluca-preluca-at-the-fair")
    store.extend([
        ox.Quad(person, RDF_TYPE, ox.NamedNode(str(EKG.Person)), G),
        ox.Quad(person, NAME, ox.Literal("Raluca Prelucă"), G),
        ox.Quad(event, LABEL, ox.Literal("PRELUCA, Raluca; Preluca Raluca — and Raluca Prelucă's talk"), G),
        ox.Quad(_n("other"), LABEL, ox.Literal("No one here", language="en"), _n("elsewhere")),
    ])
    public = list(public_quads(store, key=bytes(32)))
    assert [q.object.value for q in public if q.predicate == LABEL and q.graph_name == G] == [
        f"{REDACTION}; {REDACTION} — and {REDACTION}'s talk"]
    assert [q.subject for q in public if q.graph_name == G] == [redacted_iri(event.value, key=bytes(32))]
    assert ox.Quad(_n("other"), LABEL, ox.Literal("No one here", language="en"), _n("elsewhere")) in public


def test_person_iris_are_keyed_hashes_not_hashes_of_names(tmp_path: Path) -> None:
    name = "Lavinia Simion"
    iri = person_iri(name)
    assert iri == person_iri("lavinia  SIMION")  # the same source imported again
    local = str(iri).rsplit("/", 1)[1]
    for digest in (hashlib.sha256, hashlib.sha1, hashlib.md5):
        for text in (name, name.lower()):
            assert local not in digest(text.encode()).hexdigest()
    key_file = tmp_path / "data" / "person-key"
    key = person_key(key_file)  # made when missing
    assert key_file.exists() and len(key) == 32 and person_key(key_file) == key
    assert person_iri(name, key=key) != iri


def test_the_project_key_is_kept_with_the_data() -> None:
    assert (DATA_DIR / "person-key").is_file()
    assert len(person_key()) == 32


def _curated_persons() -> dict[URIRef, str]:
    persons = {}
    for item in graph_files():
        if item.kind in ("source", "curation"):
            graph = Graph().parse(item.path)
            persons.update({p: str(graph.value(p, URIRef(str(SDO.name)))) for p in graph.subjects(RDF.type, EKG.Person)})
    return persons


def test_curated_person_iris_are_made_by_person_iri() -> None:
    persons = _curated_persons()
    assert len(persons) >= 8
    assert {iri: person_iri(name) for iri, name in persons.items()} == {iri: iri for iri in persons}


def test_the_old_person_iris_are_recorded_as_same_as() -> None:
    changes = Graph().parse(DATA_DIR / "reference" / "person-iri-changes.ttl")
    persons = _curated_persons()
    new_by_old = {old: new for old, new in changes.subject_objects(OWL.sameAs)}
    assert set(new_by_old.values()) == set(persons)
    for old, new in new_by_old.items():
        # the old IRI was the first 12 hex digits of SHA-256 of the lower-cased name
        assert str(old).endswith(hashlib.sha256(persons[new].lower().encode()).hexdigest()[:12])


@pytest.mark.parametrize("iri, folder", [
    ("https://w3id.org/eu-regional-kg/id/event/maria-popescu-talk", "https://w3id.org/eu-regional-kg/id/event/"),
    ("https://w3id.org/eu-regional-kg/source/interview-maria-popescu", "https://w3id.org/eu-regional-kg/source/"),
    ("https://example.org/people/maria-popescu", "https://w3id.org/eu-regional-kg/id/redacted/"),
])
def test_a_redacted_iri_keeps_its_kind(iri: str, folder: str) -> None:
    redacted = redacted_iri(iri).value
    assert redacted.startswith(folder) and "popescu" not in redacted and redacted == redacted_iri(iri).value


def test_doctests() -> None:
    import doctest

    import kg.privacy

    result = doctest.testmod(kg.privacy)
    assert result.attempted > 0 and result.failed == 0


def test_a_sole_trader_in_a_partner_table_gets_an_opaque_iri(store, tmp_path: Path) -> None:
    import csv

    from kg.ingest.table import ingest_table, load_mapping

    path = tmp_path / "partners.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([
            ["Project acronym", "Partner name", "Partner role", "Partner type", "Country", "NUTS"],
            ["ORCHARD", "Vasile Ardeleanu", "Partner", "Farmer", "RO", "RO424"],
            ["ORCHARD", "Ardeleanu Consult SRL", "Lead partner", "SME", "RO", "RO424"],
        ])
    result = ingest_table(path, load_mapping("keep_eu"), store)
    assert result.problems == []
    assert str(person_iri("Vasile Ardeleanu", "RO", folder="organisation")) in result.new_organisations
    assert not any("vasile" in iri for iri in result.new_organisations)
    assert any("ardeleanu-consult" in iri for iri in result.new_organisations)  # a company keeps a readable IRI
