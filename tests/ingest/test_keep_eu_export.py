"""Keep.eu's Excel export: the partners sheet joined with the projects sheet of the same workbook.

The workbook is constructed with the export's sheet names and headers, in the export's order, as
keep.eu's data documentation (keep.eu FAQ, "What kind of data is available in keep.eu on 2014-2020
projects, partners and calls") and two public importers of the export name them; its rows are made up.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import InputError
from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG, ID

openpyxl = pytest.importorskip("openpyxl")

SCHEMA = "https://schema.org/"
NORTH_SEA = "2014 - 2020 INTERREG VB North Sea"
BALTIC = "2014 - 2020 INTERREG VB Baltic Sea"
PROJECT_HEADER = ["Period", "Programme", "Project ID (2021-2027 only)", "Project acronym", "Project name in English",
                  "Project name in language 2", "Description in English", "Project start", "Project end",
                  "Project's total budget / expenditure", "Project's EU funding", "Union co-financing rate",
                  "Theme 1", "Number of partners"]
PARTNER_HEADER = ["Programme", "Project ID (2021-2027 only)", "Project acronym", "Organisation in English",
                  "Organisation in language 2", "Lead partner", "Type of Organisation",
                  "Participant Identification Code", "Partner\u2019s ID if not PIC", "Street", "Postal code", "Town",
                  "Country", "Country code", "NUTS1 code (or equivalent)", "NUTS2 code (or equivalent)",
                  "NUTS3 code (or equivalent)", "Legal status",
                  "Partner's programme co-financing (EUR) (2021-2027 only)",
                  "Partner's total eligible budget / expenditure", "ERDF contribution (2014-2020 only)"]
PROJECTS = [
    ["2014-2020", NORTH_SEA, None, "COAST", "Coastal towns together", None, "…", datetime(2019, 1, 1), "N.a.",
     2349367.02, 1879493.6, "80%", "Tourism", 2],
    ["2014-2020", BALTIC, None, "COAST", "Coastal ecosystems of the Baltic", None, "…", datetime(2017, 3, 1),
     datetime(2020, 2, 29), 1200000, 960000, "80%", "Environment", 1],
]
PARTNERS = [
    [NORTH_SEA, None, "COAST", "Municipality of Esbjerg", "Esbjerg Kommune", "Yes", "Local public authority",
     "951881080", None, "Torvegade 74", "6700", "Esbjerg", "Denmark", "DK", "DK0", "DK03", "DK032", "Public",
     None, 600000.5, 300000.25],
    [NORTH_SEA, None, "COAST", "University of Oldenburg", None, "No", "Higher education and research organisations",
     None, None, "Ammerländer Heerstraße 114", "26129", "Oldenburg", "Germany", "DE", "DE9", "DE94", "DE943",
     "Public", None, 400000, 200000],
    [BALTIC, None, "COAST", "Klaipeda University", None, "Yes", "Higher education and research organisations",
     None, None, "H. Manto g. 84", "92294", "Klaipeda", "Lithuania", "LT", "LT0", "LT02", "LT023", "Public",
     None, "N.a.", "N.a."],
    [BALTIC, None, "COAST", "Nowhere Institute", None, "No", "SME", None, None, "", "", "", "", "QQ", "", "", "",
     "Private", None, 1000, 500],
]


def _workbook(path: Path, partners: list[list] = PARTNERS) -> Path:
    book = openpyxl.Workbook()
    criteria = book.active
    criteria.title = "Search criteria"
    criteria.append(["Search", "all projects"])
    for title, header, rows in (("Search results, projects", PROJECT_HEADER, PROJECTS),
                                ("Search results, partners", PARTNER_HEADER, partners)):
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _project(graph, title: str) -> URIRef:
    return next(s for s in graph.subjects(RDF.type, EKG.Project) if str(graph.value(s, SKOS.prefLabel)) == title)


def test_keep_eu_export_loads_with_its_projects_sheet(tmp_path, reference_store) -> None:
    path = _workbook(tmp_path / "Project_search_results_keep_eu.xlsx")
    result = ingest_table(path, load_mapping("keep_eu_export"), reference_store)
    try:
        # The Nowhere Institute's country code is no country: one line naming the file, line and column.
        assert [p.text() for p in result.problems] == [
            f"{path}:5 [Country code]: unknown country 'QQ'"]
        assert result.loaded_rows == 3
        g = result.graph
        # One acronym in two programmes: two projects, each with its own sheet row (programme + acronym).
        north, baltic = _project(g, "Coastal towns together"), _project(g, "Coastal ecosystems of the Baltic")
        assert north != baltic
        assert str(g.value(north, URIRef(SCHEMA + "startDate"))) == "2019-01-01"
        assert g.value(north, URIRef(SCHEMA + "endDate")) is None  # "N.a."
        assert str(g.value(baltic, URIRef(SCHEMA + "endDate"))) == "2020-02-29"
        assert g.value(north, EKG.projectTotalBudget).toPython() == Decimal("2349367.02")
        participations = {str(g.value(g.value(p, EKG.participant), SKOS.prefLabel)): p
                          for p in g.subjects(RDF.type, EKG.ProjectParticipation)}
        esbjerg = participations["Municipality of Esbjerg"]
        assert g.value(esbjerg, EKG.role) == ID["role/lead-partner"]
        assert g.value(participations["University of Oldenburg"], EKG.role) == ID["role/partner"]
        assert g.value(esbjerg, EKG.euContribution).toPython() == Decimal("300000.25")
        assert g.value(participations["Klaipeda University"], EKG.euContribution) is None  # "N.a."
        organisation = g.value(esbjerg, EKG.participant)
        assert str(g.value(organisation, EKG.organisationId)) == "951881080"
        assert str(g.value(organisation, EKG.region)).endswith("DK032")
    finally:
        result.discard()


def test_keep_eu_export_reimports_identically(tmp_path, reference_store) -> None:
    path = _workbook(tmp_path / "keep.xlsx")
    first = ingest_table(path, load_mapping("keep_eu_export"), reference_store)
    second = ingest_table(path, load_mapping("keep_eu_export"), reference_store)
    try:
        def facts(result):
            return {t for t in result.graph if "modified" not in str(t[1]) and "created" not in str(t[1])}
        assert facts(first) == facts(second)
    finally:
        first.discard()
        second.discard()


def test_a_missing_sheet_is_named_with_the_sheets_there_are(tmp_path, reference_store) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Partners"
    book.active.append(PARTNER_HEADER)
    path = tmp_path / "other.xlsx"
    book.save(path)
    with pytest.raises(InputError, match="no sheet 'Search results, projects' in the workbook .*'Partners'"):
        ingest_table(path, load_mapping("keep_eu_export"), reference_store)


def test_a_sheet_join_refuses_a_csv_file(tmp_path, reference_store) -> None:
    path = tmp_path / "partners.csv"
    path.write_text(",".join(PARTNER_HEADER) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="joins the sheet 'Search results, projects': give the XLSX workbook"):
        ingest_table(path, load_mapping("keep_eu_export"), reference_store)
