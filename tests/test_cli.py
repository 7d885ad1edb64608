"""The eukg command line, end to end on a built store."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_query_csv_header_is_the_contract(built_store_path) -> None:
    result = runner.invoke(app, ["query", "project_partners", "--format", "csv", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "acronym,organisation,organisation_name,role,country,nuts"
    assert "Ilfov County Council" in result.stdout


def test_query_json_with_param(built_store_path) -> None:
    result = runner.invoke(
        app, ["query", "regions", "-p", "nuts_level=1", "--store", str(built_store_path)]
    )
    assert result.exit_code == 1 and "no parameter" in result.output
    result = runner.invoke(
        app, ["query", "regions", "-p", "level=1", "-p", "country_code=RO", "-f", "json", "--store",
              str(built_store_path)]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["nuts"] for r in rows} == {"RO1", "RO2", "RO3", "RO4", "ROZ"}  # ROZ: Extra-Regio


def test_query_table_runs_an_rq_file(built_store_path, tmp_path) -> None:
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    result = runner.invoke(app, ["query", str(path), "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert "n" in result.stdout


def test_validate_project_files_conforms() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms")


def test_stats(built_store_path) -> None:
    result = runner.invoke(app, ["stats", "--json", "--store", str(built_store_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["classes"]["Organisation"] >= 15


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld", "xml"])
def test_export_formats_parse_back(built_store_path, tmp_path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    parser = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml"}[fmt]
    graph = Dataset() if fmt in ("nq", "trig", "jsonld") else Graph()
    graph.parse(out, format=parser)
    assert len(graph) > 0 or sum(len(g) for g in graph.graphs()) > 0


@pytest.mark.slow
def test_export_without_personal_data(built_store_path, tmp_path) -> None:
    out = tmp_path / "public.nt"
    result = runner.invoke(
        app, ["export", "--format", "nt", "--out", str(out), "--no-personal-data", "--store", str(built_store_path)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for personal in ("Lavinia Simion", "lavinia.simion@primariatm.ro", "Raluca Prelucă", "+40 256 408 371"):
        assert personal not in text
    emails = list(Graph().parse(out, format="nt").triples((None, URIRef("https://schema.org/email"), None)))
    assert emails == []
    assert "Ilfov County Council" in text


def test_unknown_store_is_a_clear_error(tmp_path) -> None:
    result = runner.invoke(app, ["query", "projects", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "eukg build" in result.output


@pytest.mark.slow
def test_validate_reports_violations_in_plain_language_and_exits_1(tmp_path) -> None:
    # A store built without validation from data with a broken source: `eukg validate --built` names
    # the node, the property, what is wrong and where it was stated, and exits non-zero. (For the
    # project's own files the source is named by its path, data/sources/ID.ttl; this one is outside.)
    import shutil

    from kg.paths import DATA_DIR
    from kg.store.writer import build

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "sources" / "998_bad.ttl").write_text(
        "@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "<https://w3id.org/eu-regional-kg/id/person/0123456789ab> a ekg:Person ;\n"
        '    schema:name "Test Person" ; schema:email "not-an-address" .\n',
        encoding="utf-8",
    )
    location = tmp_path / "store"
    build(location, data_dir=data, validate=False)
    result = runner.invoke(app, ["validate", "--built", "--engine", "pyshacl", "--store", str(location)])
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("does NOT conform: 1 violation(s)")
    line = next(line for line in result.stdout.splitlines() if line.startswith("Violation"))
    assert "person:0123456789ab" in line and "schema:email" in line and "e-mail" in line
    assert "998_bad" in line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["query", "projets"], "did you mean projects"),
        (["analyze", "regions", "-m", "degre"], "did you mean degree?"),
        (["analyze", "coparticipaton", "-m", "degree"], "did you mean coparticipation?"),
        (["resolve", "Lublin", "-t", "regon"], "did you mean region?"),
        (["ingest", "table", "x.csv", "--mapping", "keep_e"], "did you mean keep_eu"),
        (["build", "--datasets", "kohesio-beneficiaries"], "did you mean kohesio-beneficiaries-cee?"),
    ],
)
def test_a_misspelt_name_gets_the_closest_names(built_store_path, tmp_path, args, expected) -> None:
    # the build is refused before anything is built: the store argument is a folder that does not exist
    result = runner.invoke(app, [*args, "--store", str(tmp_path / "none" if args[0] == "build" else built_store_path)],
                           env={"COLUMNS": "300"})
    assert result.exit_code != 0
    assert expected in result.output
    assert "cross_border_projects" not in result.output  # not the whole list


def test_an_unknown_name_without_a_close_one_says_where_the_names_are(built_store_path) -> None:
    result = runner.invoke(app, ["query", "zzzz", "--store", str(built_store_path)])
    assert result.exit_code == 1
    assert "unknown query 'zzzz' (`eukg queries` lists them)" in result.output


def test_query_table_shows_prefixed_names_and_wide_shows_iris(built_store_path) -> None:
    args = ["query", "organisation_projects", "-p", "organisation=orgn:city-of-turin", "--store",
            str(built_store_path)]
    narrow = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert narrow.exit_code == 0, narrow.output
    assert "orgn:city-of-turin" in narrow.stdout and "https://w3id.org" not in narrow.stdout
    wide = runner.invoke(app, [*args, "--wide"], env={"COLUMNS": "200"})
    assert wide.exit_code == 0, wide.output
    assert "https://w3id.org/eu-regional-kg/id/organisation/city-of-turin" in wide.stdout
    as_csv = runner.invoke(app, [*args, "--format", "csv"])
    assert "https://w3id.org/eu-regional-kg/id/organisation/city-of-turin" in as_csv.stdout  # CSV keeps IRIs
