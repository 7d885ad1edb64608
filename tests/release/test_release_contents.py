"""What a release holds: the formats, the CSVs of the contract queries, and the JSON-LD context."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export.context import CONTEXT_FILE, context_text, load_context
from kg.export.rdf import RDF_FORMATS
from kg.export.tables import contract_queries
from kg.namespaces import PREFIXES
from kg.sparql import results
from kg.sparql.queries import run

runner = CliRunner()
CONTRACT = {"projects", "project_partners", "organisations", "events", "event_participants", "region_projects",
            "programme_projects", "persons", "regions"}


def test_every_format_and_its_gzip(full_release) -> None:
    for fmt in RDF_FORMATS.values():
        assert (full_release.folder / f"eukg.{fmt.extension}").stat().st_size > 0
        assert (full_release.folder / f"eukg.{fmt.extension}.gz").stat().st_size > 0
    for name in ("ontology.ttl", "shapes.ttl", "context.jsonld", "dataset.ttl"):
        assert (full_release.folder / name).is_file()


def test_a_csv_per_contract_query(store, full_release) -> None:
    assert {q.name for q in contract_queries()} == CONTRACT
    for query in contract_queries():
        text = (full_release.folder / "csv" / f"{query.name}.csv").read_bytes().decode("utf-8")
        assert text.splitlines()[0] == ",".join(query.columns)
        assert text == results.to_spreadsheet_csv(run(query, store))


def test_context_file_is_generated_from_the_prefixes() -> None:
    assert CONTEXT_FILE.read_text(encoding="utf-8") == context_text(), "run python -m kg.export.context"
    assert load_context() == PREFIXES


def test_jsonld_uses_the_context_compactly(full_release) -> None:
    document = json.loads((full_release.folder / "eukg.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == load_context()
    graphs = {graph["@id"] for graph in document["@graph"]}
    assert "graph:nuts" in graphs and any(g.startswith("src:") for g in graphs)
    assert '"ekg:' in (full_release.folder / "eukg.jsonld").read_text(encoding="utf-8")


@pytest.mark.slow
def test_cli_release_and_export_release(built_store_path, tmp_path) -> None:
    result = runner.invoke(app, ["release", str(tmp_path / "r1"), "--issued", "2026-01-02", "--version", "1.0",
                                 "--no-personal-data", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert "without personal data" in result.output
    result = runner.invoke(app, ["export", "--release", str(tmp_path / "r2"), "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r2" / "dataset.ttl").is_file()


def test_cli_errors_are_plain(built_store_path, tmp_path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["release", str(tmp_path / "busy"), "--store", str(built_store_path)])
    assert result.exit_code == 1 and "not empty" in result.output
    result = runner.invoke(app, ["release", str(tmp_path / "busy"), "--force", "--store", str(built_store_path)])
    assert result.exit_code == 1 and "not a release" in result.output
    assert (tmp_path / "busy" / "notes.txt").read_text(encoding="utf-8") == "mine"
    result = runner.invoke(app, ["release", str(tmp_path / "x"), "--issued", "2026-13-01"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 2 and "--release" in result.output


@pytest.mark.slow
def test_force_replaces_a_release(built_store_path, tmp_path) -> None:
    folder = tmp_path / "r"
    for _ in range(2):
        result = runner.invoke(app, ["release", str(folder), "--force", "--store", str(built_store_path)])
        assert result.exit_code == 0, result.output
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())


def test_single_file_export_is_the_release_file(store, full_release, tmp_path) -> None:
    from kg.export import export

    for fmt, name in (("ttl", "eukg.ttl"), ("xml", "eukg.rdf"), ("nq", "eukg.nq")):
        out = tmp_path / name
        export(store, out, fmt)
        assert out.read_bytes() == (full_release.folder / name).read_bytes()
