"""Values and terms the ontology does not know (issue 21, item 9): an ill-typed literal is a violation
naming node, file and line, in full and in incremental validation; an undeclared ``ekg:`` term is a
warning naming the file; rdflib's conversion warnings stay out of the build's output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SDO, XSD

from kg.build.stats import stats
from kg.errors import ValidationFailed
from kg.namespaces import ID
from kg.paths import DATA_DIR
from kg.store import open_store
from kg.store.writer import Writer, build
from kg.validate import validate_store
from kg.validate.terms import ill_typed

HEADER = """@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix proj: <https://w3id.org/eu-regional-kg/id/project/> .
@prefix orgn: <https://w3id.org/eu-regional-kg/id/organisation/> .

"""
# Line 7: a count no shape constrains; line 8: a date with no 13th month; line 9: a term the ontology lacks.
ILL_TYPED = HEADER + (
    'orgn:ecorys schema:numberOfEmployees "twelve"^^xsd:integer .\n'
    'proj:sme4green schema:startDate "2020-13-01"^^xsd:date .\n'
    'proj:sme4green ekg:startDate "2020-01-01"^^xsd:date .\n'
)
NAME = "980_unknown_values.ttl"


@pytest.fixture(scope="module")
def data_with_bad_values(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("unknown-values") / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "sources" / NAME).write_text(ILL_TYPED, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def loaded(data_with_bad_values: Path):
    """The project's files with the bad source, loaded into a store in memory (as `eukg validate` does)."""
    import pyoxigraph as ox

    from kg.build.full import load_all

    store = ox.Store()
    load_all(store, data_with_bad_values)
    return store


def _lines(problems, severity: str) -> list[str]:
    return [p.line() for p in problems if p.severity == severity]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["pyshacl", "fast"])
def test_an_ill_typed_literal_is_a_violation_with_node_file_and_line(loaded, data_with_bad_values: Path,
                                                                     engine: str) -> None:
    report = validate_store(loaded, data_dir=data_with_bad_values, engine=engine)
    violations = _lines(report.problems, "Violation")
    assert (f'Violation: orgn:ecorys [data/sources/{NAME}:7] schema:numberOfEmployees: "twelve" is not a valid '
            "xsd:integer") in violations
    assert f'Violation: proj:sme4green [data/sources/{NAME}:8] schema:startDate: "2020-13-01" is not a valid xsd:date' \
        in violations


def test_an_undeclared_term_of_the_ontology_namespace_is_a_warning_naming_the_file(loaded,
                                                                                  data_with_bad_values: Path) -> None:
    report = validate_store(loaded, data_dir=data_with_bad_values)
    warnings = [line for line in _lines(report.problems, "Warning") if "ekg:startDate" in line]
    assert warnings == [f"Warning: ekg:startDate [data/sources/{NAME}:9] is not declared by the ontology: used as a "
                        "property once (first on proj:sme4green)"]


def test_the_shipped_data_has_no_ill_typed_literal_nor_undeclared_term(store) -> None:
    report = validate_store(store)
    assert not [p for p in report.problems if "is not a valid xsd:" in p.message or "not declared" in p.message]


@pytest.mark.slow
def test_a_writer_refuses_an_ill_typed_literal_and_keeps_store_and_files(tmp_path: Path) -> None:
    """Incremental validation (kg.validate.fast) when a hand-edited source changes, and for an ingested graph."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    location = tmp_path / "store"
    build(location, data_dir=data, validate=False)
    before = stats(open_store(location))["graphs"]
    (data / "sources" / NAME).write_text(ILL_TYPED, encoding="utf-8")
    with pytest.raises(ValidationFailed) as raised, Writer(location, data) as writer:
        writer.sync()
    lines = _lines(raised.value.report.problems, "Violation")
    assert any(line.startswith(f"Violation: orgn:ecorys [data/sources/{NAME}:7] schema:numberOfEmployees:")
               for line in lines), lines
    (data / "sources" / NAME).unlink()

    graph = Graph()
    graph.add((ID["organisation/ecorys"], SDO.numberOfEmployees, Literal("twelve", datatype=XSD.integer)))
    with pytest.raises(ValidationFailed) as raised, Writer(location, data) as writer:
        writer.put_sources({"ill-typed": graph})
    assert any('"twelve" is not a valid xsd:integer' in line and line.startswith("Violation: orgn:ecorys")
               for line in _lines(raised.value.report.problems, "Violation"))
    assert not (data / "ingested" / "ill-typed.ttl").exists()
    assert stats(open_store(location))["graphs"] == before


@pytest.mark.slow
def test_a_write_warns_about_an_undeclared_term(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    location = tmp_path / "store"
    build(location, data_dir=data, validate=False)
    graph = Graph()
    graph.parse(data=HEADER + 'proj:sme4green ekg:startDate "2020-01-01"^^xsd:date .\n', format="turtle")
    with Writer(location, data) as writer:
        change = writer.put_sources({"undeclared": graph})
    assert [(p.focus, p.files) for p in change.warnings if "not declared" in p.message] == [
        ("ekg:startDate", ("data/ingested/undeclared.ttl",))]


@pytest.mark.slow
def test_the_build_output_holds_no_rdflib_conversion_traceback(data_with_bad_values: Path, tmp_path: Path) -> None:
    project = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "kg", "build", "--store", str(tmp_path / "store"), "--data-dir",
                           str(data_with_bad_values)], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 1
    assert "is not a valid xsd:date" in done.stderr
    assert "Traceback" not in done.stderr and "Failed to convert" not in done.stderr, done.stderr[:2000]
    assert "UserWarning" not in done.stderr


@pytest.mark.parametrize(("text", "datatype", "bad"), [
    ("twelve", XSD.integer, True), ("12", XSD.integer, False), ("1_000", XSD.integer, True),
    ("99999999999999999999999", XSD.integer, False), ("-1", XSD.nonNegativeInteger, True),
    ("300", XSD.byte, True), ("1e5", XSD.decimal, True), ("12.50", XSD.decimal, False),
    ("INF", XSD.double, False), ("inf", XSD.double, True), ("1.0E3", XSD.float, False), ("1.5x", XSD.float, True), ("yes", XSD.boolean, True), ("1", XSD.boolean, False),
    ("2020-02-31", XSD.date, True), ("2020-02-29", XSD.date, False), ("2020-1-5", XSD.date, True),
    ("2020-01-05 10:00", XSD.dateTime, True), ("2020-01-05T10:00:00Z", XSD.dateTime, False),
    ("2020-13", XSD.gYearMonth, True), ("20", XSD.gYear, True), ("P1Y2M", XSD.duration, False),
    ("anything at all", XSD.string, False), ("x", "https://example.org/custom", False),
])
def test_ill_typed_follows_xsd(text: str, datatype: str, bad: bool) -> None:
    assert ill_typed(text, str(datatype)) is bad
