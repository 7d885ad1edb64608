"""CORDIS's ``project.csv`` in its own layout (``;``-separated, every cell quoted, a byte-order mark), on real rows:
58 FP7 projects of the 2021 release (tests/data/tables/cordis/fp7-2021/, see tests/data/tables/README.md), loaded
alone through the shipped mapping ``cordis_projects`` and joined to participations through ``cordis``."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SDO, SKOS, XSD
from reimport import imported_twice, projects_by_acronym

from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG, ID

PROJECTS = Path(__file__).resolve().parents[1] / "data" / "tables" / "cordis" / "fp7-2021" / "project.csv"


def test_fp7_project_table_loads_every_project(reference_store) -> None:
    result = ingest_table(PROJECTS, load_mapping("cordis_projects"), reference_store)
    try:
        # A table of projects names no partners: no warning, no problem, every row loads.
        assert result.problems == [] and result.warnings == []
        assert result.rows == result.loaded_rows == result.project_count == 58
        g = result.graph
        projects = projects_by_acronym(g)
        mires = projects["MIReS"]  # the first record, after the byte-order mark of the header
        assert g.value(mires, SKOS.prefLabel) == Literal("Roadmap for Music Information ReSearch", lang="en")
        assert str(g.value(mires, EKG.projectCode)) == "287711"
        assert g.value(mires, SDO.startDate) == Literal("2011-10-01", datatype=XSD.date)
        assert g.value(mires, SDO.endDate) == Literal("2013-03-31", datatype=XSD.date)
        # CORDIS writes "642632.00" for one project and "223002.2" for another: both are amounts.
        assert g.value(mires, EKG.projectTotalBudget).toPython() == Decimal("642632.00")
        assert g.value(projects["BILBRAIN"], EKG.projectTotalBudget).toPython() == Decimal("223002.2")
        # "FP7" is the graph's programme; acronyms with spaces and lower case stay as CORDIS writes them.
        assert set(g.objects(None, EKG.programme)) == {ID["programme/fp7"]}
        assert {"RISK AND DIVERSITY", "Guodian manuscripts", "dendritic cells"} <= set(projects)
        assert not list(g.subjects(RDF.type, EKG.ProjectParticipation))
        assert not list(g.subjects(RDF.type, EKG.Organisation))
    finally:
        result.discard()


def test_fp7_project_table_reimports_to_the_same_graph_and_validates(store_copy) -> None:
    first, second = imported_twice(PROJECTS, "cordis_projects", store_copy)
    assert len(first) > 400 and isomorphic(first, second)


def test_participations_join_the_real_project_table(tmp_path, reference_store) -> None:
    """``cordis`` joins organization.csv with the real project.csv beside it (BOM, every cell quoted). The two
    participation rows are constructed (no organization.csv of these projects was found); the projects' facts
    are the real file's."""
    shutil.copy(PROJECTS, tmp_path / "project.csv")
    header = ('"projectID";"projectAcronym";"organisationID";"name";"activityType";"country";"nutsCode";"role";'
              '"ecContribution";"totalCost"')
    (tmp_path / "organization.csv").write_text(
        f'{header}\n"287711";"MIReS";"999000001";"Example University";"HES";"ES";"ES511";"coordinator";'
        '"100000.00";"120000.00"\n"601728";"CARDIMMUN";"999000002";"Example Institute";"REC";"DE";"DE300";'
        '"participant";"200000";"250000"\n', encoding="utf-8")
    result = ingest_table(tmp_path / "organization.csv", load_mapping("cordis"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == 2
        g = result.graph
        projects = projects_by_acronym(g)
        assert g.value(projects["MIReS"], SKOS.prefLabel) == Literal("Roadmap for Music Information ReSearch",
                                                                     lang="en")
        assert g.value(projects["CARDIMMUN"], EKG.projectTotalBudget).toPython() == Decimal("7785840")
        assert g.value(projects["CARDIMMUN"], SDO.endDate) == Literal("2016-07-31", datatype=XSD.date)
        assert g.value(projects["CARDIMMUN"], EKG.programme) == ID["programme/fp7"]
    finally:
        result.discard()
