"""Kohesio's files as published: the beneficiaries export (verbatim rows) and the projects file (its published
columns, on a constructed sample: see tests/data/tables/README.md)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SKOS
from reimport import imported_twice

from kg.errors import InputError
from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG, ID

KOHESIO = Path(__file__).resolve().parents[1] / "data" / "tables" / "kohesio"
BENEFICIARIES = KOHESIO / "beneficiaries.tsv"
PROJECTS = KOHESIO / "projects_BG.csv"
NUTS = "http://data.europa.eu/nuts/code/"
KOHESIO_ENTITY = "https://linkedopendata.eu/entity/"


def _named(graph: Graph, name: str, language: str) -> URIRef:
    return next(graph.subjects(SKOS.prefLabel, Literal(name, lang=language)))


@pytest.fixture(scope="module")
def beneficiaries(reference_store) -> Graph:
    result = ingest_table(BENEFICIARIES, load_mapping("kohesio_beneficiaries"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 24
        # ОБЩИНА РИЛА is listed in three regions, once each: which one is its own, the list does not say.
        assert [w.text() for w in result.warnings] == [
            f"{BENEFICIARIES}:8 [Region]: 'ОБЩИНА РИЛА' is listed in 3 regions (lines 8, 10, 11) and none holds "
            "most of its rows: it is loaded without a region"]
        yield result.graph
    finally:
        result.discard()


def test_kohesio_beneficiaries_spellings_of_one_body_are_one_organisation(beneficiaries) -> None:
    g = beneficiaries
    petrich = _named(g, "община Петрич", "bg")
    # "ОБЩИНА ПЕТРИЧ" and "Община Петрич" are the same name in other letter cases: alternative names of one node,
    # with the transliteration Kohesio gives as a Latin-script name.
    assert set(g.objects(petrich, SKOS.altLabel)) == {
        Literal("ОБЩИНА ПЕТРИЧ", lang="bg"), Literal("Община Петрич", lang="bg"),
        Literal("obshtina Petrich", lang="bg-latn")}
    # Listed three times in Blagoevgrad and once in Sofia (capital): the region most of its rows give.
    assert g.value(petrich, EKG.region) == URIRef(NUTS + "BG413")
    assert g.value(petrich, EKG.organisationType) == ID["organisation-type/municipality"]
    # "Municipality of Petrich" is another spelling in another language: linking it is record linkage's task.
    assert _named(g, "Municipality of Petrich", "bg") != petrich
    rila = _named(g, "ОБЩИНА РИЛА", "bg")
    assert g.value(rila, EKG.region) is None


def test_kohesio_beneficiaries_names_regions_and_types_as_written(beneficiaries) -> None:
    g = beneficiaries
    # Tab-separated with quotes as they are: a name that starts with a quote keeps it.
    assert _named(g, '"Зора-ЕС" ЕООД', "bg")
    # Regions by name, English or national, at the level Kohesio uses.
    regions = {name: g.value(_named(g, name, language), EKG.region) for name, language in (
        ("Masarykova univerzita", "cs"), ("Gmina Miasto Łowicz", "pl"), ("Univerza v Novi Gorici", "sl"),
        ("Rīgas pilsētas pašvaldība", "lv"), ("MUNICIPIUL PIATRA NEAMT", "ro"))}
    assert regions == {"Masarykova univerzita": URIRef(NUTS + "CZ064"), "Gmina Miasto Łowicz": URIRef(NUTS + "PL71"),
                       "Univerza v Novi Gorici": URIRef(NUTS + "SI041"),
                       "Rīgas pilsētas pašvaldība": URIRef(NUTS + "LV006"),
                       "MUNICIPIUL PIATRA NEAMT": URIRef(NUTS + "RO21")}
    types = {str(g.value(s, SKOS.prefLabel)): str(g.value(s, EKG.organisationType)).rsplit("/", 1)[-1]
             for s in g.subjects(RDF.type, EKG.Organisation)}
    assert types["Masarykova univerzita"] == types["Sveučilište u Zagrebu, Fakultet strojarstva i brodogradnje"] \
        == "university"
    assert types["Rīgas pilsētas pašvaldība"] == types["Varėnos rajono savivaldybės administracija"] == "municipality"
    assert types["Ministerstvo zahraničných vecí a európskych záležitostí Slovenskej republiky"] == "national-ministry"
    # An association named after its municipality is no municipality.
    assert types['Lazdijų rajono savivaldybės likusių be tėvų globos vaikų, globėjų asociacija "Spindulys"'] != \
        "municipality"
    # The beneficiaries' sums over projects the list does not name are not participations: no money is loaded.
    assert not list(g.subjects(RDF.type, EKG.ProjectParticipation))


def test_kohesio_projects_load_with_their_beneficiaries(reference_store) -> None:
    result = ingest_table(PROJECTS, load_mapping("kohesio_projects"), reference_store)
    try:
        assert [p.text() for p in result.problems] == [
            f"{PROJECTS}:6 [Operation_End_Date]: the project ends (2019-06-30) before it starts (2019-07-01)",
            f"{PROJECTS}:7 [Operation_Start_Date]: '31/02/2018' is not a date (formats: %d/%m/%Y, %Y-%m-%d)"]
        assert [w.text() for w in result.warnings] == [
            f"{PROJECTS}:8 [Fund_Code]: fund 'EMFF' is not in the graph; the project is loaded without it",
            # Q9100099 is not in beneficiaries.csv: the row has no beneficiary name, and gives its operation alone.
            f"{PROJECTS}:9 [beneficiaries.csv:BeneficiaryLabel]: no partner name: the project is loaded alone, "
            "without its partner and the partner's amounts"]
        assert result.loaded_rows == 5  # of 7; line 2's summary spans two lines, with doubled quotes
        g = result.graph
        project = ID["project/q9000001-q9000001"]
        assert set(g.objects(project, SKOS.prefLabel)) == {
            Literal("Reconstruction of the town hall of Petrich", lang="en"),
            Literal("Реконструкция на сградата на общината в Петрич", lang="bg")}
        # No English name: the title in the programme's language only.
        assert set(g.objects(ID["project/q9000002-q9000002"], SKOS.prefLabel)) == {
            Literal("Обучение на служители на общината", lang="bg")}
        funds = {str(g.value(s, EKG.projectCode)): g.value(s, EKG.fund) for s in g.subjects(RDF.type, EKG.Project)}
        assert funds == {"Q9000001": ID["fund/erdf"], "Q9000002": ID["fund/esf"], "Q9000003": ID["fund/cohesion-fund"],
                         "Q9000006": None, "Q9000007": ID["fund/erdf"]}
        # The operation without a beneficiary name has no participation.
        assert not list(g.subjects(EKG.project, ID["project/q9000007-q9000007"]))
        # The programme by its CCI code, described by the source (the graph has no national programmes).
        programme = g.value(project, EKG.programme)
        assert str(g.value(programme, DCTERMS.identifier)) == "2014BG16RFOP001"
        assert g.value(programme, SKOS.prefLabel) == Literal("Regions in Growth", lang="en")
        # One beneficiary, two operations: one node, found by Kohesio's identifier.
        petrich = next(g.subjects(EKG.organisationId, Literal(KOHESIO_ENTITY + "Q9100001")))
        assert len(list(g.subjects(EKG.participant, petrich))) == 2
        assert (petrich, EKG.country, URIRef("http://publications.europa.eu/resource/authority/country/BGR")) in g
        amounts = {o.toPython() for o in g.objects(None, EKG.euContribution)}
        assert Decimal("13411365.775") in amounts  # 1.3411365775E7
    finally:
        result.discard()


def test_kohesio_files_reimport_to_the_same_graph_and_validate(store_copy) -> None:
    for path, mapping in ((PROJECTS, "kohesio_projects"), (BENEFICIARIES, "kohesio_beneficiaries")):
        first, second = imported_twice(path, mapping, store_copy)
        assert len(first) > 50 and isomorphic(first, second), mapping


def _table(tmp_path: Path, text: str, name: str = "t.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_mapping_language_for_kohesio_is_checked(tmp_path) -> None:
    for key, value, expected in (("rows", "projects", "rows: 'projects' is not one of"),
                                 ("quoting", "single", "quoting: 'single' is not standard or none"),
                                 ("name_types", "{'(': other}", "name_types: '(' is not a regular expression"),
                                 ("extract", "{nuts: '['}", "extract: '[' is not a regular expression")):
        mapping = _table(tmp_path, f"columns: {{partner_name: [Name]}}\n{key}: {value}\n", "m.yaml")
        with pytest.raises(InputError, match=expected.replace("(", r"\(").replace("[", r"\[")):
            load_mapping(mapping)


def test_extract_reports_a_cell_without_what_it_extracts(tmp_path, reference_store) -> None:
    table = _table(tmp_path, "Operation_Unique_Identifier,Beneficiary_Name,Country\n"
                             "https://linkedopendata.eu/entity/Q1,Grad Zagreb,Croatia\n"
                             "not an identifier,Grad Split,Croatia\n", "p.csv")
    result = ingest_table(table, load_mapping("kohesio_projects"), reference_store)
    try:
        assert [p.text() for p in result.problems] == [
            f"{table}:3 [Operation_Unique_Identifier]: 'not an identifier' does not contain what the mapping "
            r"extracts (Q\d+$)"]
        assert result.loaded_rows == 1
    finally:
        result.discard()


@pytest.mark.slow
def test_the_kohesio_beneficiaries_dataset_builds_in(built_store_path, tmp_path) -> None:
    """The whole export (27,222 rows) through `put_datasets` and the one writer, as `eukg build --datasets` does."""
    from clones import clone_store

    from kg.ingest.datasets import put_datasets, registry
    from kg.layout import dataset_graph
    from kg.store import open_snapshot
    from kg.store.terms import to_oxigraph, to_rdflib
    from kg.store.writer import Writer

    location, _ = clone_store(built_store_path, tmp_path)
    known = registry()
    with Writer(location) as writer:
        (result,) = put_datasets(writer, ["kohesio-beneficiaries-cee"], known)
    assert result.rows == 27222 and result.problems == []
    _, store = open_snapshot(location)
    graph = Graph()
    own = to_oxigraph(dataset_graph("kohesio-beneficiaries-cee"))
    for quad in store.quads_for_pattern(None, None, None, own):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    organisations = set(graph.subjects(RDF.type, EKG.Organisation))
    assert len(organisations) > 24000
    petrich = _named(graph, "община Петрич", "bg")
    assert Literal("ОБЩИНА ПЕТРИЧ", lang="bg") in set(graph.objects(petrich, SKOS.altLabel))
    # Sole traders are natural persons: typed so, with IRIs that hold no name (kg.privacy).
    persons = set(graph.subjects(EKG.organisationType, ID["organisation-type/natural-person"]))
    assert len(persons) > 100
    for person in persons:
        # An opaque hash, never a slug of the name ("et-ivan-petrov-bg").
        assert re.fullmatch(r"[0-9a-f]{16}", str(person).rsplit("/", 1)[-1]), person


def test_bad_beneficiary_rows_are_one_line_each(tmp_path, reference_store) -> None:
    header = BENEFICIARIES.read_text(encoding="utf-8").splitlines()[0]
    table = _table(tmp_path, f"{header}\n"
                             "Bulgaria\tAtlantis\tОбщина Атлантида\t1.0\t1.0\t1\tObshtina Atlantida\t\n"
                             "Bulgaria\tБургас\t\t1.0\t1.0\t1\t\t\n"
                             "Narnia\tБургас\tОбщина Бургас\t1.0\t1.0\t1\t\t\n"
                             "Bulgaria\tБургас\tОбщина Бургас\t1.0\t1.0\t1\tObshtina Burgas\t\n", "export.tsv")
    result = ingest_table(table, load_mapping("kohesio_beneficiaries"), reference_store)
    try:
        assert [p.text() for p in result.problems] == [
            f"{table}:2 [Region]: 'Atlantis' is not a NUTS code of the graph's NUTS regions",
            f"{table}:3 [Beneficiary Name]: empty required cell",
            f"{table}:4 [Country]: unknown country 'Narnia'"]
        assert result.loaded_rows == 1
    finally:
        result.discard()
