"""Answers written from pyoxigraph's terms keep the exact text of the outputs written from rdflib terms."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from kg.formats import results_format
from kg.sparql import output, results
from kg.sparql.queries import evaluation_errors, library, run, solutions
from kg.sparql.serve_checks import uses_service

NAMES = [name for name, named in library().items() if not uses_service(named.text)]


def _written(name: str, store: ox.Store, write) -> str:
    named = library()[name]
    out = io.StringIO()
    with evaluation_errors(named):
        write(solutions(named, store), out)
    return out.getvalue()


@pytest.mark.parametrize("name", NAMES)
def test_csv_and_records_are_the_texts_of_the_rdflib_writers(store: ox.Store, name: str) -> None:
    result = run(library()[name], store)
    assert _written(name, store, output.write_spreadsheet_csv) == results.to_spreadsheet_csv(result)
    assert _written(name, store, output.write_records) == results.to_json(result) + "\n"


def test_records_type_integers_and_booleans() -> None:
    store = ox.Store()
    answer = store.query('SELECT ?n ?b ?s ?x WHERE { VALUES (?n ?b ?s ?x) { (42 true "=1+1" UNDEF) } }')
    out = io.StringIO()
    output.write_records(answer, out)
    assert json.loads(out.getvalue()) == [{"n": 42, "b": True, "s": "=1+1", "x": None}]
    empty = io.StringIO()
    output.write_records(store.query("SELECT ?n WHERE { FILTER(false) }"), empty)
    assert empty.getvalue() == "[]\n"


@pytest.mark.parametrize("fmt", ["srj", "xml", "tsv"])
def test_sparql_results_formats_hold_the_rows(store: ox.Store, fmt: str) -> None:
    named = library()["projects"]
    out = io.BytesIO()
    with evaluation_errors(named):
        output.write_answer(solutions(named, store), output.output_format(fmt), io.StringIO(), out)
    parsed = ox.parse_query_results(out.getvalue(), format=results_format(fmt).oxigraph)
    assert [v.value for v in parsed.variables] == list(named.columns)
    assert len(list(parsed)) == len(run(named, store).rows) > 0
