"""Names where a query parameter expects an IRI (kg.sparql.params), through `eukg query`."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.sparql.params import _Candidates, _decide
from kg.sparql.queries import Parameter

runner = CliRunner()
ID = "https://w3id.org/eu-regional-kg/id/"


def _query(store, *args):
    return runner.invoke(app, ["query", *args, "-f", "csv", "--store", str(store)], env={"COLUMNS": "300"})


def _first_column(stdout: str) -> set[str]:
    return {row[0] for row in list(csv.reader(io.StringIO(stdout)))[1:]}


@pytest.mark.parametrize(
    ("args", "value", "said"),
    [
        (["event_participants", "-p", "event=ewrc-2019"], ID + "event/ewrc-2019", "event='ewrc-2019' is " + ID),
        (["organisation_projects", "-p", "organisation=City of Turin"], ID + "organisation/city-of-turin",
         "is " + ID + "organisation/city-of-turin (City of Turin)"),
        (["event_participants", "-p", "event=European Week of Regions and Cities 2019"], ID + "event/ewrc-2019",
         "is " + ID + "event/ewrc-2019"),
        (["region_policy_instruments", "-p", "nuts=Lubelskie"], "PL81", "nuts='Lubelskie' is PL81"),
    ],
)
def test_a_name_or_local_name_becomes_its_iri(built_store_path, args, value, said) -> None:
    result = _query(built_store_path, *args)
    assert result.exit_code == 0, result.output
    assert _first_column(result.stdout) == {value}
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_codes_iris_and_prefixed_names_are_taken_as_they_are(built_store_path) -> None:
    for value in ("orgn:city-of-turin", ID + "organisation/city-of-turin"):
        result = _query(built_store_path, "organisation_projects", "-p", f"organisation={value}")
        assert result.exit_code == 0, result.output
        assert _first_column(result.stdout) == {ID + "organisation/city-of-turin"} and result.stderr == ""
    result = _query(built_store_path, "region_policy_instruments", "-p", "nuts=PL81")
    assert result.exit_code == 0 and _first_column(result.stdout) == {"PL81"} and result.stderr == ""


def test_no_match_points_to_eukg_resolve(built_store_path) -> None:
    result = _query(built_store_path, "organisation_projects", "-p", "organisation=Qwertyuiop Zxcv")
    assert result.exit_code == 1
    assert "no organisation resource is named 'Qwertyuiop Zxcv'" in result.output
    assert "eukg resolve" in result.output and len(result.output.strip().splitlines()) == 1


def test_several_matches_list_the_candidates_and_how_to_pick() -> None:
    tie = _Candidates("ambiguous", [(ID + "place/turin", "Turin"), (ID + "organisation/city-of-turin", "City of Turin")])
    with pytest.raises(QueryError) as raised:
        _decide(Parameter("organisation", "iri"), "Turin", "Organisation", tie)
    message = str(raised.value)
    assert "\n" not in message
    assert f"{ID}place/turin (Turin); {ID}organisation/city-of-turin (City of Turin)" in message
    assert message.endswith("pick one with -p organisation=IRI")
