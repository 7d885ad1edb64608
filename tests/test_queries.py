"""The named-query contract: names, columns, the facts of all five documents, and safe parameters."""

from __future__ import annotations

import re

import pytest

from kg.errors import QueryError
from kg.sparql import results
from kg.sparql.queries import find, library, run

CONTRACT = {
    "projects": ["project", "acronym", "name", "programme_name", "start", "end"],
    "project_partners": ["acronym", "organisation", "organisation_name", "role", "country", "nuts"],
    "organisations": ["organisation", "name", "type", "country", "nuts"],
    "events": ["event", "title", "type", "start", "end", "place", "acronym"],
    "event_participants": ["event", "title", "organisation_name", "person_name", "role"],
    "region_projects": ["nuts", "region_name", "acronym"],
    "programme_projects": ["programme_name", "acronym"],
    "persons": ["person", "name", "affiliation_name", "role", "email"],
    "regions": ["region", "nuts", "name", "level", "parent_nuts", "country"],
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_have_no_distinct_sub_select(name: str) -> None:
    """Virtuoso 7.2 loses rows of a ``SELECT DISTINCT`` sub-select in a join (docs/scale.md): group with a count."""
    text = re.sub(r"#[^\n]*", "", find(name).text)
    assert not re.search(r"\{\s*SELECT\s+DISTINCT\b", text, re.IGNORECASE)


def _records(store, name, **params):
    return results.to_records(run(find(name), store, params))


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_columns_and_rows(store, name: str) -> None:
    query = find(name)
    assert list(query.columns) == CONTRACT[name], "the #+ columns header drifted from the contract"
    result = run(query, store)
    assert result.columns == CONTRACT[name]
    assert result.rows, f"{name} returned no rows"
    assert results.to_csv(result).splitlines()[0] == ",".join(CONTRACT[name])


# Federated (SERVICE) queries run against a Wikidata stand-in in tests/sparql/test_library.py.
@pytest.mark.slow
@pytest.mark.parametrize("query", [q for q in library().values() if "federated" not in q.tags], ids=lambda q: q.name)
def test_every_query_has_a_header_and_runs(store, query) -> None:
    assert query.summary.endswith("?"), f"{query.name}: the summary should be the question it answers"
    assert query.columns, f"{query.name}: the header should list its columns"
    assert run(query, store).columns == list(query.columns)


def test_projects_of_all_five_documents(store) -> None:
    acronyms = {r["acronym"] for r in _records(store, "projects")}
    assert {"JETforCE", "SCALE UP", "GoSmart BSR", "ReConfirm", "ECoC-SME", "SME4GREEN"} <= acronyms
    ecoc = next(r for r in _records(store, "projects") if r["acronym"] == "ECoC-SME")
    assert ecoc["programme_name"] == "Interreg Europe 2014-2020"


def test_sme4green_partners_with_nuts(store) -> None:
    rows = _records(store, "project_partners", project_acronym="SME4GREEN")
    partners = {(r["organisation_name"], r["role"], r["country"], r["nuts"]) for r in rows}
    assert ("Ilfov County Council", "partner", "RO", "RO322") in partners
    assert ("City of Turin", "partner", "IT", "ITC11") in partners
    assert ("fonduri-structurale.ro", "coordinator", "RO", "RO321") in partners
    assert {r["acronym"] for r in rows} == {"SME4GREEN"}
    assert len(rows) == 6


def test_brussels_session_date_and_place(store) -> None:
    rows = _records(store, "events", year="2019")
    session = next(r for r in rows if r["title"].startswith("Smart Specialisation"))
    assert session["start"] == "2019-10-09T16:30:00+02:00"
    assert session["end"] == "2019-10-09T19:00:00+02:00"
    assert session["place"] == "SQUARE-Brussels Convention Centre"
    assert set(session["acronym"].split("; ")) == {"GoSmart BSR", "ReConfirm"}
    assert all(r["start"].startswith("2019") for r in rows)


def test_event_participants_speakers(store) -> None:
    rows = _records(store, "event_participants")
    speakers = {(r["person_name"], r["organisation_name"]) for r in rows if r["role"] == "speaker"}
    assert ("Kathleen D'Hondt", "Flemish Government") in speakers
    assert len(speakers) == 3


def test_region_projects_counts_sub_regions(store) -> None:
    lubelskie = {r["acronym"] for r in _records(store, "region_projects", nuts="PL8")}
    assert "SCALE UP" in lubelskie
    romania = {r["acronym"] for r in _records(store, "region_projects", nuts="RO")}
    assert romania == {"ECoC-SME", "SME4GREEN"}


def test_programme_projects_counts_strands(store) -> None:
    rows = _records(store, "programme_projects")
    interreg = {r["acronym"] for r in rows if r["programme_name"] == "Interreg (European Territorial Cooperation)"}
    assert interreg == {"SCALE UP", "ECoC-SME", "GoSmart BSR", "JETforCE"}
    transnational = {r["acronym"] for r in rows if r["programme_name"] == "Interreg B (transnational cooperation)"}
    assert transnational == {"GoSmart BSR", "JETforCE"}


def test_persons_with_roles_and_emails(store) -> None:
    rows = {r["name"]: r for r in _records(store, "persons")}
    assert rows["Lavinia Simion"]["email"] == "lavinia.simion@primariatm.ro"
    assert rows["Lavinia Simion"]["affiliation_name"] == "Timișoara Municipality"
    assert "project manager" in rows["Raluca Prelucă"]["role"]


def test_regions_parameters(store) -> None:
    rows = _records(store, "regions", level="2", country_code="PL")
    codes = {r["nuts"] for r in rows}
    assert "PL81" in codes and all(r["level"] == 2 and r["country"] == "PL" for r in rows)
    lubelskie = next(r for r in rows if r["nuts"] == "PL81")
    assert lubelskie["parent_nuts"] == "PL8" and lubelskie["name"] == "Lubelskie"


@pytest.mark.parametrize(
    "hostile",
    [
        'SME4GREEN" ) || true || ("',
        "SME4GREEN' } UNION { ?s ?p ?o } #",
        'x" } ; DROP ALL ; SELECT * WHERE { "',
        "SME4GREEN\n#PARAM ?project_acronym",
    ],
)
def test_parameter_cannot_inject(store, hostile: str) -> None:
    rows = _records(store, "project_partners", project_acronym=hostile)
    assert rows == []


def test_bad_parameter_values_are_refused(store) -> None:
    with pytest.raises(QueryError, match="integer"):
        _records(store, "regions", level="two")
    with pytest.raises(QueryError, match="no parameter"):
        _records(store, "regions", colour="red")
    with pytest.raises(QueryError, match="IRI"):
        _records(store, "event_participants", event="<http://x> } ")


def test_unknown_query_names_the_closest_ones_or_where_they_are_listed() -> None:
    with pytest.raises(QueryError, match="did you mean projects"):
        find("projets")
    with pytest.raises(QueryError, match="`eukg queries` lists them"):
        find("no_such_query")
