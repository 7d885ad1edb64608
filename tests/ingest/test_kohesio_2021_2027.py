"""Kohesio's projects files of 2021-2027 as published in 2026, on real rows (20 records each of the Czech, French
and Portuguese files: see tests/data/tables/README.md). They have no ``Beneficiary_Name``: without Kohesio's
beneficiaries file beside them, each row gives its operation alone (``unnamed_partners: project``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SDO, SKOS, XSD
from reimport import imported_twice

from kg.errors import InputError
from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG, ID

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "tables" / "kohesio" / "projects-2021-2027"
FILES = {country: SAMPLES / f"{country}-pp21-27-sample.csv" for country in ("CZ", "FR", "PT")}
NO_NAMES = ("no column of partner names (Beneficiary_Name, beneficiaries.csv:BeneficiaryLabel): each row gives its "
            "project alone, without its partner and the partner's amounts")


def _project(qid: str) -> URIRef:
    return ID[f"project/{qid.lower()}-{qid.lower()}"]


@pytest.fixture(scope="module")
def loaded(reference_store) -> dict[str, Graph]:
    graphs = {}
    for country, path in FILES.items():
        result = ingest_table(path, load_mapping("kohesio_projects"), reference_store)
        try:
            # Every record loads; the file's one warning says what is not loaded (no beneficiaries file).
            assert result.problems == [], [p.text() for p in result.problems]
            assert [w.text() for w in result.warnings] == [f"{path}:1: {NO_NAMES}"], country
            assert result.rows == result.loaded_rows == result.project_count == 20, country
            graphs[country] = result.graph
        finally:
            result.discard()
    return graphs


def test_operations_load_with_titles_dates_funds_and_programmes(loaded) -> None:
    g = loaded["PT"]
    school = _project("Q7462395")
    assert set(g.objects(school, SKOS.prefLabel)) == {
        Literal("Group of Schools of D. Afonso Henriques, Aves.CP2023/2024", lang="en"),
        Literal("Agrupamento de Escolas de D. Afonso Henriques, Aves.CP2023/2024", lang="pt")}
    assert g.value(school, SDO.startDate) == Literal("2023-09-01", datatype=XSD.date)
    assert g.value(school, SDO.endDate) == Literal("2024-08-31", datatype=XSD.date)
    assert g.value(school, EKG.projectTotalBudget).toPython() == Decimal("142868.04")
    assert g.value(school, EKG.fund) == ID["fund/esf-plus"]
    programme = g.value(school, EKG.programme)
    assert str(g.value(programme, DCTERMS.identifier)) == "2021PT05SFPR001"
    assert g.value(programme, SKOS.prefLabel) == Literal("Demography, Qualifications and Inclusion – PT – ESF+",
                                                         lang="en")
    funds = {str(g.value(s, EKG.projectCode)): g.value(s, EKG.fund) for s in g.subjects(RDF.type, EKG.Project)}
    assert funds["Q7453062"] == ID["fund/jtf"] and funds["Q7460234"] == ID["fund/erdf"]
    # French titles in French, Czech in Czech (the country's language).
    assert Literal("Laminage à froid AMREV", lang="fr") in set(loaded["FR"].objects(_project("Q7358896"),
                                                                                      SKOS.prefLabel))
    assert Literal("Šablony I. ZŠ Všeruby", lang="cs") in set(loaded["CZ"].objects(_project("Q7400575"),
                                                                                     SKOS.prefLabel))


def test_operations_without_a_start_keep_their_end(loaded) -> None:
    g = loaded["CZ"]
    # Three Czech operations give an end date and no start date: the end is loaded, the start left unknown.
    for qid, end in (("Q7404669", "2027-08-31"), ("Q7404402", "2027-01-31"), ("Q7407641", "2028-02-29")):
        assert g.value(_project(qid), SDO.startDate) is None, qid
        assert g.value(_project(qid), SDO.endDate) == Literal(end, datatype=XSD.date), qid


def test_operations_without_beneficiaries_give_no_participations(loaded) -> None:
    for country, g in loaded.items():
        assert not list(g.subjects(RDF.type, EKG.ProjectParticipation)), country
        assert not list(g.subjects(RDF.type, EKG.Organisation)), country
        # The beneficiaries' amounts (Project_EU_Budget) are nobody's without a beneficiary.
        assert not list(g.objects(None, EKG.euContribution)), country


def test_a_missing_beneficiary_name_is_a_warning_of_its_line(tmp_path, reference_store) -> None:
    """With the column present, an empty beneficiary name is reported on its line, and the operation loads."""
    lines = FILES["PT"].read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "PT.csv"
    path.write_text(lines[0].replace("Country,", "Beneficiary_Name,Country,", 1)
                    + lines[1].replace(",Portugal,", ",Município de Santo Tirso,Portugal,", 1)
                    + lines[2].replace(",Portugal,", ",,Portugal,", 1), encoding="utf-8")
    result = ingest_table(path, load_mapping("kohesio_projects"), reference_store)
    try:
        assert [w.text() for w in result.warnings] == [
            f"{path}:3 [Beneficiary_Name]: no partner name: the project is loaded alone, without its partner and "
            "the partner's amounts"]
        assert result.problems == [] and result.loaded_rows == result.project_count == 2
        assert len(list(result.graph.subjects(RDF.type, EKG.ProjectParticipation))) == 1
    finally:
        result.discard()


def test_files_reimport_to_the_same_graph_and_validate(store_copy) -> None:
    for country, path in FILES.items():
        first, second = imported_twice(path, "kohesio_projects", store_copy)
        assert len(first) > 200 and isomorphic(first, second), country


def test_unnamed_partners_is_checked(tmp_path) -> None:
    for text, expected in (
            ("unnamed_partners: guess\n", "unnamed_partners: 'guess' is not one of problem, project"),
            ("unnamed_partners: project\nrequired: [partner_name]\n",
             "unnamed_partners: project and a required partner_name contradict each other"),
            ("unnamed_partners: project\nrows: organisations\n",
             "unnamed_partners: project is for rows of participations, not of organisations")):
        mapping = tmp_path / "m.yaml"
        mapping.write_text("columns: {project_acronym: [A], partner_name: [B]}\n" + text, encoding="utf-8")
        with pytest.raises(InputError, match=expected):
            load_mapping(mapping)
    assert load_mapping("kohesio_projects").required == ["project_acronym", "country"]
    assert load_mapping("cordis").unnamed_partners == "problem"
    assert "partner_name" in load_mapping("cordis").required
