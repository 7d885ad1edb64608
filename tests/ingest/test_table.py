"""Project-partner tables: the keep_eu mapping, row problems, skip-row / reject-file, 5,000 rows, XLSX."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG
from kg.store import open_store

HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
GOOD = [
    ["GREENPORT", "Green ports for regions", "Interreg Europe", "Low-carbon economy", "01/08/2019", "31/07/2023",
     "Gdynia Maritime Agency", "Lead partner", "Sectoral agency", "Poland", "PL633", "1 250 000,50", "1062500.43"],
    ["GREENPORT", "Green ports for regions", "Interreg Europe", "Low-carbon economy", "01/08/2019", "31/07/2023",
     "Municipiul Timișoara", "Partner", "Local public authority", "RO", "RO424", "300000", "255000"],
    ["GREENPORT", "Green ports for regions", "Interreg Europe", "Low-carbon economy", "01/08/2019", "31/07/2023",
     "University of Turin", "PP", "", "Italy", "ITC11", "200000", "170000"],
]
BAD = [
    ["GREENPORT", "Green ports", "Interreg Europe", "", "01/08/2019", "31/07/2023", "Acme GmbH", "Partner", "",
     "Germany", "XX999", "100", "50"],  # line 5: unknown NUTS
    ["", "No acronym", "Interreg Europe", "", "", "", "Somebody", "Partner", "", "Spain", "ES511", "", ""],  # line 6
    ["GREENPORT", "Green ports", "Interreg Europe", "", "31/02/2020", "", "Another SA", "Partner", "", "Spain",
     "ES511", "ten euro", ""],  # line 7: impossible date and bad amount
]


def _write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def mapping():
    return load_mapping("keep_eu")


def test_good_rows_make_projects_partners_and_amounts(tmp_path, reference_store, mapping) -> None:
    result = ingest_table(_write_csv(tmp_path / "t.csv", GOOD), mapping, reference_store)
    assert result.problems == [] and result.loaded_rows == 3
    g = result.graph
    project = URIRef("https://w3id.org/eu-regional-kg/id/project/greenport")
    assert (project, RDF.type, EKG.Project) in g
    assert str(g.value(project, EKG.programme)).endswith("/programme/interreg-europe")
    # The municipality of Timișoara is already in the graph: resolved, not minted again.
    assert "https://w3id.org/eu-regional-kg/id/organisation/timisoara-municipality" in result.resolved_organisations
    assert len(result.new_organisations) == 2
    amounts = sorted(str(o) for o in g.objects(None, EKG.totalBudget))
    assert "1250000.50" in amounts or "1250000.5" in amounts
    turin = URIRef("https://w3id.org/eu-regional-kg/id/organisation/university-of-turin-it")
    assert str(g.value(turin, EKG.organisationType)).endswith("/university")
    assert str(g.value(turin, EKG.region)) == "http://data.europa.eu/nuts/code/ITC11"


def test_bad_rows_are_reported_by_line_and_skipped(tmp_path, reference_store, mapping) -> None:
    path = _write_csv(tmp_path / "t.csv", GOOD + BAD)
    result = ingest_table(path, mapping, reference_store, on_error="skip-row")
    lines = sorted({p.line for p in result.problems})
    assert lines == [5, 6, 7]
    assert all(p.path == str(path) for p in result.problems)
    assert {p.column for p in result.problems if p.line == 7} == {"Start date", "Total budget"}
    assert result.loaded_rows == 3 and len(result.graph) > 0


def test_problems_are_reported_as_found_and_only_the_first_ones_kept(tmp_path, reference_store, mapping,
                                                                    monkeypatch) -> None:
    import kg.ingest.table.result as table_result

    monkeypatch.setattr(table_result, "SAMPLE", 2)
    path = _write_csv(tmp_path / "t.csv", GOOD + BAD)
    reported: list[tuple[str, str]] = []
    result = ingest_table(path, mapping, reference_store, report=lambda kind, item: reported.append((kind, item.text())))
    problems = [text for kind, text in reported if kind == "problem"]
    # every problem is reported, one clear line each, in the order of the rows
    assert len(problems) == result.problem_count >= 4 and result.warning_count == 0
    lines = [int(text.removeprefix(f"{path}:").split(maxsplit=1)[0].rstrip(":")) for text in problems]
    assert lines == sorted(lines) and set(lines) == {5, 6, 7}
    assert f"{path}:7 [Start date]: " in "\n".join(problems) and f"{path}:7 [Total budget]: " in "\n".join(problems)
    # the result keeps the first two, and still counts the rows that loaded
    assert [p.text() for p in result.problems] == problems[:2] and result.loaded_rows == 3


def test_reject_file_loads_nothing(tmp_path, reference_store, mapping) -> None:
    result = ingest_table(_write_csv(tmp_path / "t.csv", GOOD + BAD), mapping, reference_store, on_error="reject-file")
    assert len(result.graph) == 0 and result.loaded_rows == 0 and result.problems


def test_missing_columns_name_the_columns_and_the_file(tmp_path, reference_store, mapping) -> None:
    header = [h for h in HEADER if h not in ("Partner role", "Country")]
    path = _write_csv(tmp_path / "t.csv", [], header)
    with pytest.raises(InputError) as info:
        ingest_table(path, mapping, reference_store)
    message = str(info.value)
    assert str(path) in message and "partner_role" in message and "country" in message


def test_xlsx_is_read_like_csv(tmp_path, reference_store, mapping) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in GOOD:
        sheet.append(row)
    path = tmp_path / "t.xlsx"
    book.save(path)
    result = ingest_table(path, mapping, reference_store)
    assert result.loaded_rows == 3 and result.problems == []


@pytest.mark.slow
def test_five_thousand_rows_load_into_the_store(tmp_path, store_copy) -> None:
    rows = []
    nuts = [("Poland", "PL81"), ("Romania", "RO424"), ("Italy", "ITC11"), ("Germany", "DE300"), ("Spain", "ES511")]
    for i in range(5000):
        country, code = nuts[i % len(nuts)]
        rows.append([f"PRJ{i // 5}", f"Project number {i // 5}", "Interreg Europe", "Innovation", "01/01/2020",
                     "31/12/2022", f"Organisation {i}", "Lead partner" if i % 5 == 0 else "Partner", "SME", country,
                     code, str(1000 + i), str(800 + i)])
    path = _write_csv(tmp_path / "big.csv", rows)
    runner = CliRunner()
    out = runner.invoke(app, ["ingest", "table", str(path), "--mapping", "keep_eu", "--store", str(store_copy),
                              "--data-dir", str(tmp_path / "data")])
    assert out.exit_code == 0, out.output
    assert "5000 of 5000 rows" in out.output
    store = open_store(store_copy)
    count = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/eu-regional-kg/source/big> "
                        "{ ?p a <https://w3id.org/eu-regional-kg/ontology#ProjectParticipation> } }")
    assert int(next(iter(count))["n"].value) == 5000
    saved = tmp_path / "data" / "ingested" / "big.ttl"
    assert len(Graph().parse(saved)) > 5000 * 4


def test_cli_reject_file_exits_1_and_loads_nothing(tmp_path, store_copy) -> None:
    path = _write_csv(tmp_path / "bad.csv", GOOD + BAD)
    out = CliRunner().invoke(app, ["ingest", "table", str(path), "-m", "keep_eu", "--on-error", "reject-file",
                                   "--store", str(store_copy), "--no-save"])
    assert out.exit_code == 1
    assert f"{path}:5" in out.output and "nothing was loaded" in out.output
    assert "bad" not in [g.value.rsplit("/", 1)[-1] for g in open_store(store_copy).named_graphs()]


def test_unknown_mapping_is_a_clear_error(tmp_path, store_copy) -> None:
    path = _write_csv(tmp_path / "t.csv", GOOD)
    out = CliRunner().invoke(app, ["ingest", "table", str(path), "-m", "nope", "--store", str(store_copy)])
    assert out.exit_code == 1 and "unknown mapping 'nope'" in out.output


def test_new_organisation_without_type_is_a_row_problem(tmp_path, reference_store, mapping) -> None:
    """A new organisation needs a type; a region only where the row gives one (the organisation shape)."""
    rows = [["ABC", "T", "Interreg Europe", "", "", "", "Zeta Holdings", "Partner", "", "Poland", "", "", ""]]
    result = ingest_table(_write_csv(tmp_path / "t.csv", rows), mapping, reference_store)
    assert {p.column for p in result.problems} == {"Partner type"}
    assert result.loaded_rows == 0


def test_a_loaded_table_conforms_to_the_shapes(tmp_path, reference_store, mapping) -> None:
    import pyoxigraph as ox

    from kg.ingest.sources import replace_in
    from kg.validate import validate_store

    result = ingest_table(_write_csv(tmp_path / "t.csv", GOOD + BAD), mapping, reference_store)
    scratch = ox.Store()
    scratch.bulk_extend(reference_store.quads_for_pattern(None, None, None, None))
    replace_in(scratch, result.identifier, result.graph)
    report = validate_store(scratch)
    assert report.conforms, report.text()


def test_cli_out_writes_trig_and_loads_nothing(tmp_path, built_store_path) -> None:
    from rdflib import Dataset

    path = _write_csv(tmp_path / "partners.csv", GOOD)
    out = tmp_path / "partners.trig"
    result = CliRunner().invoke(app, ["ingest", "table", str(path), "-m", "keep_eu", "--out", str(out),
                                      "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format="trig")
    graph = dataset.graph(URIRef("https://w3id.org/eu-regional-kg/source/partners"))
    assert len(list(graph.subjects(RDF.type, EKG.ProjectParticipation))) == 3
    assert "partners" not in [g.value.rsplit("/", 1)[-1] for g in open_store(built_store_path).named_graphs()]


def _readme_mapping() -> str:
    readme = (Path(__file__).resolve().parents[2] / "docs" / "mappings.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\nname: my_programme") + len("```yaml\n")
    return readme[start:readme.index("```", start)]


def test_the_readme_mapping_loads_its_export(tmp_path, reference_store) -> None:
    """The docs' example of a mapping for another export (docs/mappings.md) works as printed."""
    yaml_file = tmp_path / "my_programme.yaml"
    yaml_file.write_text(_readme_mapping(), encoding="utf-8")
    mapping = load_mapping(yaml_file)
    assert mapping.name == "my_programme"
    header = ["Acronym", "Project name", "Programme", "Start", "End", "Beneficiary name", "Beneficiary status",
              "Legal form", "Country", "NUTS3", "Eligible costs", "ERDF co-financing"]
    rows = [
        ["BLUEFIN", "Blue finance for coastal SMEs", "Interreg Europe", "01.03.2023", "28.02.2027",
         "Gdynia Maritime Agency", "Lead beneficiary", "Local public authority", "PL", "PL633", "400000", "340000"],
        ["BLUEFIN", "Blue finance for coastal SMEs", "Interreg Europe", "01.03.2023", "28.02.2027",
         "Universidad de Cádiz", "Beneficiary", "University", "ES", "ES612", "250000", "212500"],
        ["BLUEFIN", "Blue finance for coastal SMEs", "Interreg Europe", "31.02.2023", "", "Somebody",
         "Observer", "", "ES", "ES612", "", ""],  # line 4: impossible date, a role the mapping lacks
    ]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    result = ingest_table(path, mapping, reference_store, on_error="skip-row")
    assert result.loaded_rows == 2 and {p.line for p in result.problems} == {4}
    assert {p.column for p in result.problems} >= {"Start", "Beneficiary status"}
    roles = {str(o).rsplit("/", 1)[-1] for o in result.graph.objects(None, EKG.role)}
    assert roles == {"lead-partner", "partner"}
    cadiz = URIRef("https://w3id.org/eu-regional-kg/id/organisation/universidad-de-cadiz-es")
    assert str(result.graph.value(cadiz, EKG.organisationType)).endswith("/university")
    rejected = ingest_table(path, mapping, reference_store, on_error="reject-file")
    assert len(rejected.graph) == 0 and rejected.loaded_rows == 0


def test_rows_that_disagree_about_a_project_are_problems(tmp_path, reference_store, mapping) -> None:
    """One project, one start, end and title: a later row that disagrees is reported, not loaded twice over."""
    other = list(GOOD[1])
    other[1], other[4] = "Green harbours", "01/09/2020"  # another title and another start for GREENPORT
    result = ingest_table(_write_csv(tmp_path / "t.csv", [GOOD[0], other]), mapping, reference_store)
    assert {(p.line, p.column) for p in result.problems} == {(3, "Project title"), (3, "Start date")}
    assert "line 2" in result.problems[0].message and "GREENPORT" in result.problems[0].message
    project = URIRef("https://w3id.org/eu-regional-kg/id/project/greenport")
    assert len(list(result.graph.objects(project, URIRef("https://schema.org/startDate")))) == 1


def test_a_title_that_contradicts_the_graph_is_a_problem(tmp_path, reference_store, mapping) -> None:
    # The graph's JETforCE is an Interreg Central Europe project (data/curation.ttl); in another programme the
    # acronym would be another project.
    row = ["JETforCE", "Just energy transition for Central Europe", "Interreg Central Europe", "", "", "",
           "Gdynia Maritime Agency", "Partner", "Sectoral agency", "Poland", "PL633", "", ""]
    result = ingest_table(_write_csv(tmp_path / "t.csv", [row]), mapping, reference_store)
    assert [(p.line, p.column) for p in result.problems] == [(2, "Project title")]
    assert "the graph states" in result.problems[0].message


def test_reingesting_a_corrected_table_is_not_a_conflict_with_its_old_version(tmp_path, store_copy, mapping) -> None:
    from kg.ingest.sources import replace_source

    path = _write_csv(tmp_path / "partners.csv", GOOD)
    replace_source("partners", ingest_table(path, mapping, open_store(store_copy)).graph, store_copy)
    corrected = [[*row[:4], "01/09/2019", *row[5:]] for row in GOOD]
    _write_csv(path, corrected)
    result = ingest_table(path, mapping, open_store(store_copy))
    assert result.problems == [] and result.loaded_rows == 3


def test_rows_that_disagree_about_a_partner_or_its_participation_are_problems(tmp_path, reference_store,
                                                                              mapping) -> None:
    base = ["GREENPORT", "Green ports", "Interreg Europe", "", "", "", "Acme Port Authority", "Lead partner",
            "Sectoral agency", "Poland", "PL633", "1000", "800"]
    same_partner_elsewhere = ["BLUEPORT", "Blue ports", *base[2:7], "Partner", "", "Poland", "PL81", "", ""]
    same_participation = [*base[:7], "Partner", "", "Poland", "PL633", "5000", "800"]
    repeated = list(base)  # an identical row adds nothing and is no problem
    result = ingest_table(_write_csv(tmp_path / "t.csv", [base, same_partner_elsewhere, same_participation,
                                                           repeated]), mapping, reference_store)
    assert {(p.line, p.column) for p in result.problems} == {(3, "NUTS"), (4, "Partner role"),
                                                             (4, "Total budget")}
    acme = URIRef("https://w3id.org/eu-regional-kg/id/organisation/acme-port-authority-pl")
    assert len(list(result.graph.objects(acme, EKG.region))) == 1
    assert len(list(result.graph.objects(acme, EKG.organisationType))) == 1
    assert len(list(result.graph.objects(None, EKG.totalBudget))) == 1
