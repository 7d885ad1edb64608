"""Named queries answer per body: two sources name one university differently, the queries count it once.

The source documents name "Bialystok University of Technology"; a small Keep.eu-style table names
"Bialystok Technical University", with a project, its amounts and another NUTS code (PL84 against the
documents' PL841). Once linked, the build conforms, and the organisations, project partners, money
queries and the co-participation network show one organisation, under its canonical IRI.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clones import clone_store

from kg.analytics.networks import coparticipation_network
from kg.resolve.merges import LINKAGE_GRAPH, recipe, recompute
from kg.sparql.queries import find, run
from kg.store import open_store
from kg.store.writer import Writer, build

ORGN = "https://w3id.org/eu-regional-kg/id/organisation/"
SEED = ORGN + "bialystok-university-of-technology"
EUKG = Path(sys.executable).with_name("eukg")
HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]


@pytest.fixture()
def two_names(built_store_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    location, data = clone_store(built_store_path, tmp_path)
    spec = recipe(data / "linkage" / "decisions.tsv")
    with Writer(location, data_dir=data) as writer:
        writer.put_derived(str(LINKAGE_GRAPH), recompute(open_store(location), spec), spec)
    table = tmp_path / "but.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        rows = csv.writer(handle)
        rows.writerow(HEADER)
        rows.writerow(["PRJBUT", "Project PRJBUT", "Interreg Europe", "Innovation", "01/01/2021", "31/12/2023",
                       "Bialystok Technical University", "Lead partner", "University", "Poland", "PL84", "1000", "800"])
    result = subprocess.run([str(EUKG), "ingest", "table", str(table), "-m", "keep_eu", "--id", "but-table",
                             "--store", str(location)], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return location, data


def _rows(location: Path, name: str, **params: str) -> list[dict[str, str]]:
    result = run(find(name), open_store(location), params)
    return [{column: (None if value is None else str(value)) for column, value in zip(result.columns, row, strict=True)}
            for row in result.rows]


def _body(location: Path) -> tuple[str, set[str]]:
    """The canonical IRI of the seed university and the organisation IRIs it stands for."""
    store = open_store(location)
    rows = store.query("SELECT ?m ?c WHERE { GRAPH ?g { ?m <https://w3id.org/eu-regional-kg/ontology#canonical> ?c } }")
    canonical = {row["m"].value: row["c"].value for row in rows}
    body = canonical[SEED]
    return body, {member for member, c in canonical.items() if c == body}


def test_queries_answer_one_row_per_body(two_names: tuple[Path, Path]) -> None:
    location, data = two_names
    body, members = _body(location)
    assert len(members) == 2 and SEED in members
    organisations = [row for row in _rows(location, "organisations", country_code="PL")
                     if row["organisation"] in members]
    assert [row["organisation"] for row in organisations] == [body]
    partners = _rows(location, "project_partners")
    assert {row["organisation"] for row in partners if row["acronym"] == "PRJBUT"} == {body}
    assert not {row["organisation"] for row in partners} & (members - {body})
    money = _rows(location, "funding_by_organisation")
    assert [(row["organisation"], float(row["eu_contribution"])) for row in money if row["organisation"] in members] \
        == [(body, 800.0)]
    network = coparticipation_network(open_store(location))
    assert body in network and not set(network) & (members - {body})


def test_two_regions_of_one_body_do_not_fail_the_build(two_names: tuple[Path, Path]) -> None:
    location, data = two_names
    report = build(location, data_dir=data).report
    assert report.conforms
    body, members = _body(location)
    assert len(members) == 2
    regions = {row["nuts"] for row in _rows(location, "organisations", country_code="PL") if row["organisation"] == body}
    assert regions <= {"PL84", "PL841"} and len(regions) == 1
