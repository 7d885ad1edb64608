"""A tie between candidates answers "ambiguous" and lists them, in Python, in the CLI table and in JSON."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.resolve import AMBIGUOUS, MARGIN, MATCH, NONE, UNSURE, Resolver
from kg.resolve.fast import parse, run

TWO_FRIESLANDS = """
@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://data.europa.eu/nuts/code/NL12> a ekg:Region ; ekg:nutsCode "NL12" ; skos:prefLabel "Friesland (NL)"@nl .
<http://data.europa.eu/nuts/code/DE94A> a ekg:Region ; ekg:nutsCode "DE94A" ; skos:prefLabel "Friesland (DE)"@de .
<http://data.europa.eu/nuts/code/PL81> a ekg:Region ; ekg:nutsCode "PL81" ; skos:prefLabel "Lubelskie" .  # no language: no lemmas tried
"""


@pytest.fixture(scope="module")
def small() -> Resolver:
    return Resolver.from_graph(Graph().parse(data=TWO_FRIESLANDS, format="turtle"))


def test_a_tie_is_ambiguous_and_lists_both(small: Resolver) -> None:
    decision = small.decide("Friesland")
    assert decision.status == AMBIGUOUS
    assert {c.iri.rsplit("/", 1)[-1] for c in decision.tied} == {"NL12", "DE94A"}
    assert decision.best is None and small.best("Friesland") is None


def test_the_other_statuses(small: Resolver) -> None:
    assert small.decide("Lubelskie").status == MATCH
    assert small.decide("Lubelskie").best.iri.endswith("PL81")
    assert small.decide("Lubelskiee").status == MATCH  # a typo still wins by more than MARGIN
    assert small.decide("Lubelsko").status == UNSURE  # close, not close enough
    assert small.decide("xyzzy").status == NONE


def test_tied_candidates_are_within_margin_of_the_best(resolver_store: Resolver) -> None:
    decision = resolver_store.decide("Torino")
    assert decision.status == AMBIGUOUS and len(decision.tied) >= 3
    top = decision.tied[0].score
    assert all(top - c.score < MARGIN for c in decision.tied)
    assert {c.type for c in decision.tied} >= {"region", "organisation", "place"}


@pytest.fixture(scope="module")
def resolver_store(store) -> Resolver:
    return Resolver.from_store(store)


def test_cli_json_marks_the_tie_and_lists_every_tied_candidate(built_store_path) -> None:
    result = CliRunner().invoke(app, ["resolve", "Torino", "--limit", "1", "--format", "json",
                                      "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert len(records) >= 3  # all tied candidates, although --limit 1
    assert {r["status"] for r in records} == {"ambiguous"}


def test_cli_json_of_a_match_and_of_the_rest(built_store_path) -> None:
    result = CliRunner().invoke(app, ["resolve", "Lubelskie", "-t", "region", "-f", "json",
                                      "--store", str(built_store_path)])
    records = json.loads(result.stdout)
    assert records[0]["status"] == "match"
    assert all(r["status"] == "candidate" for r in records[1:])


def test_cli_table_says_ambiguous_and_names_the_candidates(built_store_path) -> None:
    result = CliRunner().invoke(app, ["resolve", "Lusatia", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "is ambiguous" in text and "Brandenburg (region)" in text and "Dresden (region)" in text


def test_the_fast_path_prints_what_the_typer_command_prints(built_store_path, capsys: pytest.CaptureFixture) -> None:
    for arguments in (["Torino", "-f", "json"], ["Friesland", "--format=json", "--limit", "1"],
                      ["Lubelszczyzna", "--type", "region", "-f", "json"], ["xyzzy", "-f", "json"]):
        full = [*arguments, "--store", str(built_store_path)]
        assert run(full) is True
        fast = capsys.readouterr().out
        typer_output = CliRunner().invoke(app, ["resolve", *full]).stdout
        assert json.loads(fast) == json.loads(typer_output), arguments


@pytest.mark.parametrize(
    "arguments",
    [["--help"], [], ["Torino", "--type", "planet"], ["Torino", "--limit", "0"], ["Torino", "--format", "xml"],
     ["Torino", "--verbose"], ["Torino", "Milano"], ["Torino", "--type"], ["Torino", "-t", "region", "-t", "place"]],
)
def test_the_fast_path_leaves_anything_unusual_to_typer(arguments: list[str]) -> None:
    assert parse(arguments) is None


def test_the_fast_path_reads_plain_arguments() -> None:
    assert parse(["Górny Śląsk", "-t", "region", "--limit=3", "--store", "/x"]) == {
        "name": "Górny Śląsk", "type": "region", "limit": "3", "store": "/x"}
    assert parse(["--", "-5 names"]) == {"name": "-5 names"}


def test_a_missing_store_is_left_to_typer_which_reports_it(tmp_path) -> None:
    assert run(["Torino", "--store", str(tmp_path / "nowhere")]) is False
    result = CliRunner().invoke(app, ["resolve", "Torino", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no store at" in result.output and "Traceback" not in result.output
