"""The named-query library: every query parses and runs, the catalogue is current, parameters are safe."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from loopback import served_by
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.sparql import catalogue as query_catalogue
from kg.sparql import results
from kg.sparql.queries import NamedQuery, find, library, run

LIBRARY = library()
CONTRACT = {name for name, q in LIBRARY.items() if "contract" in q.tags}
PARAMETERISED = [(q, p) for q in LIBRARY.values() for p in q.params]

HOSTILE = [
    'x" ) || true || ("',
    "x' } UNION { ?s ?p ?o } #",
    'x" } ; DROP ALL ; SELECT * WHERE { "',
    "x\n#PARAM ?other",
    "<http://example.org/x> } UNION { ?s ?p ?o",
    "PL81 } UNION { ?s ?p ?o }",
]


def _records(store, name, **params):
    return results.to_records(run(find(name), store, params))


def test_at_least_twenty_queries_beyond_the_contract() -> None:
    assert len(CONTRACT) == 9
    assert len(set(LIBRARY) - CONTRACT) >= 20


@pytest.mark.parametrize("query", list(LIBRARY.values()), ids=lambda q: q.name)
def test_every_query_parses_and_has_a_header(query: NamedQuery) -> None:
    prepareQuery(query.text)  # a second, independent SPARQL 1.1 parser
    assert query.summary.endswith("?"), "the summary must be the question the query answers"
    assert query.description and query.columns


@pytest.mark.slow
@pytest.mark.parametrize("query", list(LIBRARY.values()), ids=lambda q: q.name)
def test_every_query_runs_on_the_built_store(store, query: NamedQuery, request: pytest.FixtureRequest) -> None:
    if query_catalogue.is_federated(query):  # its SERVICE goes to the Wikidata stand-in on loopback
        query = served_by(query, request.getfixturevalue("wikidata_stand_in"))
    result = run(query, store)
    assert result.columns == list(query.columns)
    assert result.rows or not query_catalogue.is_federated(query), "the stand-in's facts should give rows"


def test_the_catalogue_is_current() -> None:
    path = query_catalogue.QUERIES_DIR / query_catalogue.CATALOGUE_FILE
    assert path.read_text(encoding="utf-8") == query_catalogue.catalogue(), (
        "queries/README.md is stale: run `python -m kg.sparql.catalogue`"
    )
    assert query_catalogue.main(["--check"]) == 0


def test_the_catalogue_lists_every_query_with_its_question() -> None:
    text = query_catalogue.catalogue()
    for name, query in LIBRARY.items():
        assert f"| `{name}` | {query.summary.replace('|', chr(92) + '|')} |" in text


@pytest.mark.slow
@pytest.mark.parametrize(("query", "param"), PARAMETERISED, ids=lambda x: getattr(x, "name", ""))
@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_parameter_can_inject(store, query: NamedQuery, param, hostile: str) -> None:
    try:
        text = query.bind({param.name: hostile})
    except QueryError:
        assert param.type != "literal", "a literal parameter takes any text, as a literal"
        return
    assert param.type == "literal"
    assert text.count("VALUES") == query.text.count("VALUES") + 1
    prepareQuery(text)
    assert run(query, store, {param.name: hostile}).rows == []


def test_two_hops_on_a_small_network() -> None:
    data = """
    @prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix : <https://w3id.org/eu-regional-kg/id/test/> .
    :a a ekg:Organisation ; skos:prefLabel "A"@en .
    :b a ekg:Organisation ; skos:prefLabel "B"@en .
    :c a ekg:Organisation ; skos:prefLabel "C"@en .
    :d a ekg:Organisation ; skos:prefLabel "D"@en .
    :pa ekg:project :p1 ; ekg:participant :a .
    :pb ekg:project :p1 ; ekg:participant :b .
    :pb2 ekg:event :e1 ; ekg:participant :b .
    :pc ekg:event :e1 ; ekg:participant :c .
    :pd ekg:event :e1 ; ekg:participant :d .
    :pd2 ekg:project :p1 ; ekg:participant :d .
    """
    memory = ox.Store()
    memory.load(data.encode(), format=ox.RdfFormat.TURTLE)
    rows = _records(memory, "partners_of_partners", organisation="https://w3id.org/eu-regional-kg/id/test/a")
    # C is two hops from A (through B or D); D is a direct partner of A, so it is not listed.
    assert {(r["via_name"], r["partner_of_partner_name"]) for r in rows} == {("B", "C"), ("D", "C")}


def test_cross_border_and_countries(store) -> None:
    rows = {r["acronym"]: r for r in _records(store, "cross_border_projects")}
    assert set(rows["SME4GREEN"]["countries"].split("; ")) == {"IT", "NL", "RO"}
    countries = {r["country"] for r in _records(store, "project_countries", project_acronym="SCALE UP")}
    assert {"PL", "BE", "DE"} <= countries


def test_theme_in_region_counts_sub_regions(store) -> None:
    theme = "https://w3id.org/eu-regional-kg/id/theme/sme-support"
    rows = _records(store, "theme_projects_in_region", theme=theme, nuts="RO32")
    assert {r["acronym"] for r in rows} == {"SME4GREEN"}
    assert {r["nuts"] for r in rows} == {"RO32"}
    assert _records(store, "theme_projects_in_region", theme=theme, nuts="FI") == []


def test_provenance_of_a_resource(store) -> None:
    rows = _records(store, "resource_sources", resource="https://w3id.org/eu-regional-kg/id/organisation/ecorys")
    graphs = {r["graph"].rsplit("/", 1)[-1]: r for r in rows}
    assert set(graphs) == {"002_a9a034600b3eee8e", "curation"}
    assert graphs["002_a9a034600b3eee8e"]["title"].startswith("Smart Specialisation")


def test_ecoc_cities_and_programme_funds(store) -> None:
    years = {r["name"]: r["year"] for r in _records(store, "ecoc_cities")}
    assert years["Timisoara"] == "2023" and years["Matera"] == "2019"
    funds = {(r["programme_name"], r["fund_acronym"]) for r in _records(store, "programme_funds")}
    assert ("Interreg Europe 2014-2020", "ERDF") in funds


def test_events_per_year_and_co_organisers(store) -> None:
    counts = {(r["year"], r["type"]): r["event_count"] for r in _records(store, "events_per_year_type")}
    assert counts[(2020, "workshop")] == 2
    pairs = {(r["organisation_name"], r["co_organiser_name"]) for r in _records(store, "event_co_organisers")}
    assert ("Ecorys", "Directorate-General for Regional and Urban Policy") in pairs


def test_an_unreachable_service_is_a_query_error(store, closed_port: int) -> None:
    query = served_by(find("partner_country_wikidata"), f"http://127.0.0.1:{closed_port}/sparql")
    with pytest.raises(QueryError, match="SERVICE"):
        run(query, store)
