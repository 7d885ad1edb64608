"""The fast SHACL engine reports exactly what pyshacl reports; incremental validation equals full validation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from benchmarks.generate import violation_kind
from kg.store import to_rdflib
from kg.validate import Problem, shapes_graph, validate_store
from kg.validate.fast import AUTO_THRESHOLD, choose_engine, source_problems, store_quads_problems
from kg.validate.report import short as _short


def _keys(problems: list[Problem]) -> set[tuple[str, str | None, str]]:
    return {(p.focus, p.path, p.severity) for p in problems}


@pytest.mark.slow
def test_engines_agree_on_the_shipped_data(store: ox.Store) -> None:
    pyshacl_report = validate_store(store, engine="pyshacl")
    fast_report = validate_store(store, engine="fast")
    assert _keys(pyshacl_report.problems) == _keys(fast_report.problems)
    # The same plain-language report, line for line.
    assert pyshacl_report.text() == fast_report.text()


def test_engines_agree_on_generated_broken_data(generated, pyshacl_report) -> None:
    fast_report = validate_store(generated.full, engine="fast")
    assert _keys(fast_report.problems) == _keys(pyshacl_report.problems)
    assert fast_report.text() == pyshacl_report.text()
    kinds = Counter(violation_kind(p.path, p.message) for p in fast_report.violations)
    assert dict(kinds) == generated.new.expected


def test_incremental_validation_equals_full_validation_on_the_new_source(generated) -> None:
    shapes = shapes_graph()
    subjects = {q.subject for q in generated.source.quads_for_pattern(None, None, None, None)}
    full = store_quads_problems(generated.full, shapes)
    keep = {_short(to_rdflib(s)) for s in subjects}
    expected = {p.line() for p in full if p.focus in keep}
    # The store does not hold the source yet ...
    incremental = source_problems(generated.base, generated.source, shapes)
    assert {p.line() for p in incremental} == expected
    # ... or holds it already: the result is the same.
    again = source_problems(generated.full, generated.source, shapes)
    assert {p.line() for p in again} == expected
    kinds = Counter(violation_kind(p.path, p.message) for p in incremental if p.severity == "Violation")
    assert dict(kinds) == generated.new.expected


def test_incremental_validation_sees_what_the_store_says_about_a_subject() -> None:
    """A source that only adds a second region to a known organisation breaks its maxCount 1."""
    from kg.build.full import load_all

    store = ox.Store()
    load_all(store)
    source = ox.Store()
    commission = ox.NamedNode("https://w3id.org/eu-regional-kg/id/organisation/european-commission")
    source.add(ox.Quad(commission, ox.NamedNode("https://w3id.org/eu-regional-kg/ontology#region"),
                       ox.NamedNode("http://data.europa.eu/nuts/code/BE2"), ox.NamedNode("urn:x-test:new")))
    problems = source_problems(store, source, shapes_graph())
    assert [(p.focus, p.path) for p in problems if p.severity == "Violation"] == [
        ("orgn:european-commission", "ekg:region")
    ]


@pytest.mark.parametrize(
    ("engine", "triples", "chosen"),
    [("auto", AUTO_THRESHOLD + 1, "fast"), ("auto", 10, "fast"), ("pyshacl", 10**7, "pyshacl"), ("fast", 1, "fast")],
)
def test_choose_engine(engine: str, triples: int, chosen: str) -> None:
    assert choose_engine(engine, triples) == chosen


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown validation engine"):
        choose_engine("turbo", 1)


@pytest.mark.slow
def test_cli_engine_option(built_store_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    outputs = {}
    for engine in ("pyshacl", "fast"):
        result = runner.invoke(app, ["validate", "--built", "--store", str(built_store_path), "--engine", engine])
        assert result.exit_code == 0, result.output
        outputs[engine] = result.output
    assert outputs["pyshacl"] == outputs["fast"]
    bad = runner.invoke(app, ["validate", "--built", "--store", str(built_store_path), "--engine", "turbo"])
    assert bad.exit_code != 0
    assert "turbo" in bad.output


def test_cli_validate_source(built_store_path: Path, tmp_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    good = tmp_path / "good.ttl"
    good.write_text(
        "@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/eu-regional-kg/id/project/new-one> a ekg:Project ; ekg:acronym \"NEW1\" ;\n"
        "    skos:prefLabel \"New one\"@en ; ekg:programme <https://w3id.org/eu-regional-kg/id/programme/interreg-europe> .\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate-source", str(good), "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms")
    bad = tmp_path / "bad.ttl"
    bad.write_text(good.read_text(encoding="utf-8").replace('ekg:acronym "NEW1" ;', ""), encoding="utf-8")
    result = runner.invoke(app, ["validate-source", str(bad), "--store", str(built_store_path)])
    assert result.exit_code == 1
    assert "proj:new-one ekg:acronym" in result.output
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    result = runner.invoke(app, ["validate-source", str(broken), "--store", str(built_store_path)])
    assert result.exit_code == 1
    assert "broken.ttl" in result.output and "Traceback" not in result.output
