"""The curated data, tested like code: every file parses, every source has its graph, facts are there."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, URIRef

from kg.layout import graph_files
from kg.namespaces import EKG, PREFIXES
from kg.paths import DATA_DIR

SOURCE_IDS = [
    "000_ed8f61d908b37646",
    "001_68e50f77a34d0dde",
    "002_a9a034600b3eee8e",
    "003_5f3a182dad1c334f",
    "004_48488dec5f390660",
]


def _iri(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


@pytest.mark.parametrize("item", list(graph_files()), ids=lambda item: item.path.name)
def test_every_file_parses(item) -> None:
    assert len(Graph().parse(item.path)) > 0


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_each_source_document_has_a_graph_describing_itself(source_id: str) -> None:
    graph = Graph().parse(DATA_DIR / "sources" / f"{source_id}.ttl")
    document = _iri(f"src:{source_id}")
    assert graph.value(document, RDF.type) == EKG.SourceDocument


@pytest.mark.corpus
@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_recorded_hash_matches_corpus_file(source_id: str, corpus_dir) -> None:
    graph = Graph().parse(DATA_DIR / "sources" / f"{source_id}.ttl")
    recorded = str(graph.value(_iri(f"src:{source_id}"), EKG.sha256))
    actual = hashlib.sha256((corpus_dir / f"{source_id}.txt").read_bytes()).hexdigest()
    assert recorded == actual


@pytest.mark.corpus
def test_every_corpus_document_is_recorded(corpus_dir) -> None:
    in_corpus = {p.stem for p in corpus_dir.glob("*.txt")}
    recorded = {p.stem for p in (DATA_DIR / "sources").glob("*.ttl")}
    assert in_corpus <= recorded


@pytest.mark.parametrize(
    ("resource", "labels"),
    [
        ("orgn:lubelskie-voivodeship", {("Województwo Lubelskie", "pl"), ("Lubelskie Voivodeship", "en")}),
        ("orgn:ilfov-county-council", {("Consiliul Județean Ilfov", "ro"), ("Ilfov County Council", "en")}),
        ("orgn:city-of-turin", {("Comune di Torino", "it"), ("City of Turin", "en")}),
        ("proj:scale-up", {("Wsparcie koncentracji i siły MŚP w ramach odnowionej polityki przemysłowej UE", "pl")}),
        ("orgn:timisoara-municipality", {("Municipiul Timișoara", "ro"), ("Timișoara Municipality", "en")}),
        ("orgn:ministry-of-funds-and-regional-policy",
         {("Ministerstwo Funduszy i Polityki Regionalnej", "pl"), ("Ministry of Funds and Regional Policy", "en")}),
        ("evt:scale-up-rsg-1", {("Pierwsze spotkanie Regionalnej Grupy Interesariuszy projektu SCALE UP", "pl")}),
        ("evt:ecoc-sme-online-workshop-2020-11-10", {("Workshop online ECoC-SME", "ro"), ("ECoC-SME online workshop", "en")}),
        ("instr:rpo-wl", {("Regional Operational Programme of Lubelskie Voivodeship 2020-2027", "en")}),
        ("instr:ecoc-sme-action-plans", {("Planurile de acțiune locale/regionale ale partenerilor ECoC-SME", "ro")}),
        ("instr:ilfov-local-green-pact", {("Pactul verde local al județului Ilfov", "ro"), ("Local Green Pact of Ilfov County", "en")}),
        ("prog:european-capitals-of-culture", {("Capitală Europeană a Culturii", "ro"), ("European Capitals of Culture", "en")}),
        ("place:timisoara", {("Timișoara", "ro"), ("Timisoara", "en")}),
        ("place:lodz", {("Łódź", "pl"), ("Lodz", "en")}),
    ],
)
def test_labels_in_source_language_and_english(store: ox.Store, resource: str, labels: set) -> None:
    rows = store.query(
        "SELECT ?thing ?label WHERE { ?thing <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
        use_default_graph_as_union=True,
        substitutions={ox.Variable("thing"): ox.NamedNode(str(_iri(resource)))},
    )
    found = {(row["label"].value, row["label"].language) for row in rows}
    assert labels <= found


def test_one_resource_per_real_world_thing(store: ox.Store) -> None:
    # The European Commission is named by three documents and must be one resource stated in each.
    rows = store.query(
        """SELECT DISTINCT ?ec ?g WHERE { GRAPH ?g { ?ec a <https://w3id.org/eu-regional-kg/ontology#Organisation> } }""",
        substitutions={ox.Variable("ec"): ox.NamedNode(str(_iri("orgn:european-commission")))},
    )
    graphs = {row["g"].value for row in rows}
    assert {str(_iri(f"src:{s}")) for s in ("000_ed8f61d908b37646", "002_a9a034600b3eee8e")} <= graphs
    count = store.query(
        """SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {
             ?o a <https://w3id.org/eu-regional-kg/ontology#Organisation> ;
                <http://www.w3.org/2004/02/skos/core#prefLabel> "European Commission"@en }""",
        use_default_graph_as_union=True,
    )
    assert int(next(iter(count))["n"].value) == 1


def test_every_organisation_of_the_source_documents_has_country_and_region(store: ox.Store) -> None:
    """The hand-made sources and the curation place every organisation. (The shapes let a source that
    names an organisation without a place add it, with a warning: an accepted article may.)"""
    from kg.layout import graph_files

    hand_made = {str(item.graph) for item in graph_files() if item.kind in ("source", "curation", "reference")}
    assert hand_made
    rows = [
        row["o"].value
        for row in store.query(
            """PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
               SELECT ?o ?g WHERE { GRAPH ?g { ?o a ekg:Organisation }
                 FILTER NOT EXISTS { ?o ekg:country ?c ; ekg:region ?r } }""",
            use_default_graph_as_union=True,
        )
        if row["g"].value in hand_made
    ]
    assert rows == []


def test_every_fact_about_a_project_is_in_a_source_or_curation_graph(store: ox.Store) -> None:
    rows = list(
        store.query(
            """PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
               SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p a ekg:Project } }"""
        )
    )
    graphs = {row["g"].value for row in rows}
    assert graphs and all("/source/" in g for g in graphs)


def test_persons_have_opaque_iris(store: ox.Store) -> None:
    from kg.privacy import person_iri

    rows = list(store.query(
        "SELECT ?p ?name WHERE { ?p a <https://w3id.org/eu-regional-kg/ontology#Person> ; <https://schema.org/name> ?name }",
        use_default_graph_as_union=True,
    ))
    assert rows
    for row in rows:
        local = row["p"].value.rsplit("/", 1)[-1]
        assert len(local) == 16 and all(c in "0123456789abcdef" for c in local)
        assert row["p"].value == str(person_iri(row["name"].value))  # a keyed hash (issue 21)



def test_everything_a_source_states_has_an_english_name(store: ox.Store) -> None:
    # Issue 2 §2: names in the source language and in English where known. For the projects,
    # organisations, events, places, policy instruments and programmes of the sources it is known:
    # the contract queries give it back. (Source-language names: test_labels_in_source_language_and_english.)
    rows = store.query(
        """PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
           PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           SELECT DISTINCT ?x WHERE {
             GRAPH ?g { ?x a ?class }
             FILTER (STRSTARTS(STR(?g), "https://w3id.org/eu-regional-kg/source/"))
             FILTER (?class IN (ekg:Project, ekg:Organisation, ekg:Event, ekg:Place, ekg:PolicyInstrument, ekg:Programme))
             FILTER NOT EXISTS { GRAPH ?h { ?x skos:prefLabel ?label } FILTER (LANG(?label) = "en") }
           }""",
    )
    assert [row["x"].value for row in rows] == []
