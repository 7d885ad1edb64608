"""The shipped ``cordis`` mapping on real CORDIS tables: ``organization`` joined with ``project``.

``tests/data/tables/cordis/horizon-europe-2025/``: the first 100 participation rows of CORDIS's Horizon
Europe ``organization`` table and the rows of the 42 projects they belong to from its ``project`` table,
as a public repository keeps them (comma-separated; see tests/data/tables/README.md for the source).
"""

from __future__ import annotations

import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS
from reimport import projects_by_acronym, without_time

from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG, ID

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "tables" / "cordis" / "horizon-europe-2025"
ORGANISATIONS = SAMPLE / "organization.csv"
SCHEMA = "https://schema.org/"
MPG = "999990267"  # Max-Planck-Gesellschaft: one PIC in three projects of the sample


def test_real_organisations_join_their_projects(reference_store) -> None:
    result = ingest_table(ORGANISATIONS, load_mapping("cordis"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 100
        g = result.graph
        projects = projects_by_acronym(g)
        assert len(projects) == 42
        # Every project takes its title, dates and programme from project.csv ("HORIZON" is Horizon Europe).
        for project in projects.values():
            assert g.value(project, SKOS.prefLabel) is not None
            assert g.value(project, URIRef(SCHEMA + "startDate")) is not None
            assert g.value(project, EKG.programme) == ID["programme/horizon-europe"]
        assert str(g.value(projects["DOE"], SKOS.prefLabel)) == "Digitizing Other Economies: A Comparative Approach"
        assert str(g.value(projects["DOE"], URIRef(SCHEMA + "endDate"))) == "2029-01-31"
        # A decimal comma in a comma-separated file ("2499638,25", quoted) is a decimal comma.
        assert g.value(projects["RESAVER_2023"], EKG.projectTotalBudget).toPython() == Decimal("2499638.25")
        # CORDIS's 0 total cost of a lump-sum grant is no total, in either file: its partners' EU
        # contributions load, and no contribution is larger than a total of 0.
        assert g.value(projects["Adsorbi"], EKG.projectTotalBudget) is None
        adsorbi = next(g.subjects(EKG.project, projects["Adsorbi"]))
        assert g.value(adsorbi, EKG.euContribution).toPython() == Decimal("75000")
        assert g.value(adsorbi, EKG.totalBudget) is None
        # One organisation per PIC: 100 participations of 92 organisations.
        assert len(set(g.subjects(RDF.type, EKG.ProjectParticipation))) == 100
        assert len(set(g.objects(None, EKG.participant))) == 92
        mpg = next(g.subjects(EKG.pic, Literal(MPG)))
        assert len(list(g.subjects(EKG.participant, mpg))) == 3
        # CORDIS's shortName is the organisation's acronym; an empty shortName gives none.
        wageningen = next(s for s in g.subjects(SKOS.prefLabel, None)
                          if str(g.value(s, SKOS.prefLabel)) == "WAGENINGEN UNIVERSITY")
        assert str(g.value(wageningen, EKG.acronym)) == "WU"
        assert str(g.value(wageningen, EKG.locality)) == "Wageningen"  # CORDIS's city, as written
        assert all(str(a).strip() for a in g.objects(None, EKG.acronym))
        assert len(set(g.subjects(EKG.acronym, None)) & set(g.objects(None, EKG.participant))) > 50
        roles = Counter(str(o).rsplit("/", 1)[-1] for o in g.objects(None, EKG.role))
        assert roles == {"participant": 44, "coordinator": 41, "third-party": 14, "associated-partner": 1}
        # Partners outside the NUTS countries (US, IL, GE) load with their country, each with a warning.
        assert {w.column for w in result.warnings} == {"nutsCode"}
    finally:
        result.discard()


def test_reimport_gives_the_same_graph(reference_store) -> None:
    mapping = load_mapping("cordis")
    graphs = []
    for _ in range(2):
        result = ingest_table(ORGANISATIONS, mapping, reference_store)
        graphs.append(without_time(result.graph))
        result.discard()
    assert isomorphic(graphs[0], graphs[1])


def test_bad_cells_of_either_file_are_one_line_each(tmp_path, reference_store) -> None:
    for name in ("organization.csv", "project.csv"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    projects = (tmp_path / "project.csv").read_text(encoding="utf-8")
    (tmp_path / "project.csv").write_text(projects.replace(
        "Comparative Approach,2024-02-01,", "Comparative Approach,2024-02-31,", 1), encoding="utf-8")
    lines = (tmp_path / "organization.csv").read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace(",DK,", ",QQ,", 1)
    lines[3] = lines[3].replace(",participant,", ",chief,", 1)
    (tmp_path / "organization.csv").write_text("\n".join(lines), encoding="utf-8")
    result = ingest_table(tmp_path / "organization.csv", load_mapping("cordis"), reference_store)
    try:
        assert [p.text().removeprefix(str(tmp_path) + "/") for p in result.problems] == [
            "organization.csv:2 [project.csv:startDate]: '2024-02-31' is not a date (formats: %Y-%m-%d)",
            "organization.csv:3 [country]: unknown country 'QQ'",
            "organization.csv:4 [role]: unknown partner role 'chief' (add it to the mapping's roles)",
        ]
        assert result.loaded_rows == 97
    finally:
        result.discard()


def test_each_framework_programme_is_a_programme_of_the_catalogue(tmp_path, reference_store) -> None:
    """CORDIS's ``frameworkProgramme`` of FP7, H2020 and Horizon Europe files names a programme of the graph."""
    shutil.copy(ORGANISATIONS, tmp_path / "organization.csv")
    rows = (SAMPLE / "project.csv").read_text(encoding="utf-8").split("\n")
    cells = {"FP7": "fp7", "H2020": "horizon-2020", "HORIZON": "horizon-europe"}
    named = [rows[0]] + [row.replace(",HORIZON,", f",{list(cells)[i % 3]},", 1) for i, row in enumerate(rows[1:])]
    (tmp_path / "project.csv").write_text("\n".join(named), encoding="utf-8")
    result = ingest_table(tmp_path / "organization.csv", load_mapping("cordis"), reference_store)
    try:
        programmes = {str(o).rsplit("/", 1)[-1] for o in result.graph.objects(None, EKG.programme)}
        assert programmes == set(cells.values())
        assert {w.column for w in result.warnings} == {"nutsCode"}  # no "programme ... is not in the graph"
    finally:
        result.discard()
