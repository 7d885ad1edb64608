"""Every thing the five source documents name is in its document's named graph, and reaches the contract queries.

The checklist below was drawn up by reading each document of ``../shared/corpus`` (issue 2 §2): the
projects, programmes, organisations, places, events, persons and policy instruments it names. A
refactoring of ``data/sources/`` that loses one of them, or moves it out of its document's graph
(and so loses its provenance), fails here.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, URIRef

from kg.namespaces import EKG, PREFIXES
from kg.paths import DATA_DIR
from kg.sparql import results
from kg.sparql.queries import find, run


def _iri(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


#: document -> {class: [resources the document names, each typed with that class in its graph]}
NAMED = {
    "000_ed8f61d908b37646": {
        "Project": ["proj:jetforce"],
        "Programme": ["prog:just-transition-platform", "prog:jtp-groundwork"],
        "Fund": ["fund:jtf"],
        "Organisation": [
            "orgn:lodzkie-voivodeship", "orgn:european-commission", "orgn:ministry-of-funds-and-regional-policy",
        ],
        "PolicyInstrument": ["instr:territorial-just-transition-plans"],
        "Place": ["place:lodz"],
        "Event": ["evt:jtp-groundwork-sme-support-2023", "evt:jetforce-stand-jtp-groundwork-2023"],
    },
    "001_68e50f77a34d0dde": {
        "Project": ["proj:scale-up"],
        "Programme": ["prog:interreg-europe"],
        "Organisation": ["orgn:lubelskie-voivodeship"],
        "PolicyInstrument": ["instr:rpo-wl"],
        "Event": ["evt:scale-up-rsg-1"],
    },
    "002_a9a034600b3eee8e": {
        "Project": ["proj:gosmart-bsr", "proj:reconfirm"],
        "Programme": ["prog:s3p-industry"],
        "Organisation": [
            "orgn:ecorys", "orgn:bialystok-university-of-technology", "orgn:flemish-government",
            "orgn:regional-council-of-lapland", "orgn:european-commission", "orgn:dg-grow", "orgn:dg-regio",
        ],
        "PolicyInstrument": ["instr:bsr-smart-specialisation-strategies"],
        "Place": ["place:brussels", "place:square-brussels", "place:agora-village"],
        "Event": ["evt:ewrc-2019", "evt:ewrc-2019-smart-specialisation-session"],
        "Person": ["person:2ac336e1c851f9ee", "person:9f1144bf6a73327c", "person:fdaef41b241165b6",
                   "person:0f7ed47901c13b61"],
    },
    "003_5f3a182dad1c334f": {
        "Project": ["proj:ecoc-sme"],
        "Programme": ["prog:interreg-europe", "prog:european-capitals-of-culture"],
        "Organisation": ["orgn:timisoara-municipality"],
        "PolicyInstrument": ["instr:ecoc-sme-action-plans"],
        "Place": ["place:timisoara", "place:leeuwarden", "place:matera", "place:rijeka", "place:kaunas"],
        "Event": ["evt:ecoc-sme-pw4-part-1", "evt:ecoc-sme-online-workshop-2020-11-10"],
        "Person": ["person:5b196a7ba4d85bb7"],
    },
    "004_48488dec5f390660": {
        "Project": ["proj:sme4green"],
        "Programme": ["prog:single-market-programme", "prog:local-green-deals"],
        "Organisation": [
            "orgn:fonduri-structurale-ro", "orgn:magurele-science-park", "orgn:ilfov-county-council",
            "orgn:city-of-turin", "orgn:environment-park-torino", "orgn:city-of-amsterdam", "orgn:european-commission",
        ],
        "PolicyInstrument": ["instr:ilfov-local-green-pact", "instr:turin-local-green-pact"],
        "Place": ["place:turin", "place:amsterdam", "place:magurele"],
        "Person": ["person:0c4fe85ad3ceb019", "person:6c173c2d9cf4d23d", "person:d29f99bf0ca49bde"],
    },
}

CASES = [(doc, cls, curie) for doc, by_class in NAMED.items() for cls, curies in by_class.items() for curie in curies]

#: The kinds of resource whose every mention in a source graph must be described in that graph.
DESCRIBED = ("/project/", "/organisation/", "/programme/", "/fund/", "/place/", "/event/", "/person/", "/instrument/")


def _source(doc: str) -> Graph:
    return Graph().parse(DATA_DIR / "sources" / f"{doc}.ttl")


@pytest.mark.parametrize(("doc", "cls", "curie"), CASES, ids=[f"{d[:3]}-{c}" for d, _, c in CASES])
def test_document_graph_states_what_the_document_names(doc: str, cls: str, curie: str) -> None:
    assert (_iri(curie), RDF.type, EKG[cls]) in _source(doc), f"{curie} is not a {cls} in src:{doc}"


@pytest.mark.parametrize("doc", sorted(NAMED))
def test_everything_a_document_graph_links_to_is_typed_in_it(doc: str) -> None:
    # Provenance per source: a project, organisation, programme … that a document's facts point to is
    # itself stated (typed) in that document's graph, so `GRAPH src:ID { ?x a ?class }` lists all it names.
    graph = _source(doc)
    typed = set(graph.subjects(RDF.type, None))
    linked = {o for _, p, o in graph if p != RDF.type and isinstance(o, URIRef) and any(k in o for k in DESCRIBED)}
    assert linked - typed == set()


def _column(store: ox.Store, query: str, column: str) -> set[str]:
    return {str(r[column]) for r in results.to_records(run(find(query), store)) if r[column] is not None}


def _stated(store: ox.Store, cls: str) -> set[str]:
    rows = store.query(
        f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a <{EKG[cls]}> }} "
        "FILTER STRSTARTS(STR(?g), 'https://w3id.org/eu-regional-kg/source/') }"
    )
    return {row["x"].value for row in rows}


@pytest.mark.parametrize(
    ("cls", "query", "column"),
    [
        ("Project", "projects", "project"),
        ("Organisation", "organisations", "organisation"),
        ("Event", "events", "event"),
        ("Person", "persons", "person"),
    ],
)
def test_contract_queries_return_every_stated_resource(store: ox.Store, cls: str, query: str, column: str) -> None:
    stated = _stated(store, cls)
    assert stated
    assert stated - _column(store, query, column) == set()


def test_every_stated_event_has_dates_and_every_located_one_a_place(store: ox.Store) -> None:
    rows = {r["event"]: r for r in results.to_records(run(find("events"), store))}
    for event in _stated(store, "Event"):
        assert rows[event]["start"] and rows[event]["end"], event
    # The one event without a place is the first part of ECoC-SME's PW4: the invitation gives its date only.
    unplaced = {e for e in _stated(store, "Event") if not rows[e]["place"]}
    assert unplaced == {str(_iri("evt:ecoc-sme-pw4-part-1"))}


def test_every_stated_person_and_organisation_appears_in_event_or_project_roles(store: ox.Store) -> None:
    people = _column(store, "event_participants", "person_name") | {
        r["name"] for r in results.to_records(run(find("persons"), store)) if r["role"]
    }
    named = {row["n"].value for row in store.query(
        "SELECT ?n WHERE { ?p a <https://w3id.org/eu-regional-kg/ontology#Person> ; <https://schema.org/name> ?n }",
        use_default_graph_as_union=True,
    )}
    assert named <= people
