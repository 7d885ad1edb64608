"""A table import leaves no temporary file behind: loaded, rejected, failed, or its result dropped undiscarded."""

from __future__ import annotations

import csv
import gc
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.ingest.table import ingest_table, load_mapping

HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
GOOD = ["GREENPORT", "Green ports for regions", "Interreg Europe", "Low-carbon economy", "01/08/2019", "31/07/2023",
        "Gdynia Maritime Agency", "Lead partner", "Sectoral agency", "Poland", "PL633", "1 250 000,50", "1062500.43"]
BAD = ["GREENPORT", "Green ports", "Interreg Europe", "", "01/08/2019", "31/07/2023", "Acme GmbH", "Partner", "",
       "Germany", "XX999", "100", "50"]  # an unknown NUTS code


@pytest.fixture()
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that :mod:`tempfile` uses instead of the system's temporary folder."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _table(path: Path, *rows: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def test_a_discarded_result_leaves_nothing(tmp_path, scratch, reference_store) -> None:
    result = ingest_table(_table(tmp_path / "t.csv", GOOD), load_mapping("keep_eu"), reference_store)
    assert result.triples > 0 and result.path.is_file() and result.path.is_relative_to(scratch)
    result.discard()
    assert list(scratch.iterdir()) == []


def test_a_result_dropped_without_discard_leaves_nothing(tmp_path, scratch, reference_store) -> None:
    result = ingest_table(_table(tmp_path / "t.csv", GOOD, BAD), load_mapping("keep_eu"), reference_store)
    assert len(result.projects) == 1 and len(result.problems) == 1  # what the result reads from its files
    del result
    gc.collect()
    assert list(scratch.iterdir()) == []


def test_a_rejected_file_leaves_nothing(tmp_path, scratch, reference_store) -> None:
    result = ingest_table(_table(tmp_path / "t.csv", GOOD, BAD), load_mapping("keep_eu"), reference_store,
                          on_error="reject-file")
    assert result.triples == 0 and result.problems
    result.discard()
    assert list(scratch.iterdir()) == []


def test_a_failed_ingest_leaves_nothing(tmp_path, scratch, reference_store) -> None:
    with pytest.raises(InputError, match="no rows"):
        ingest_table(_table(tmp_path / "t.csv"), load_mapping("keep_eu"), reference_store)
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("rows, options, code", [
    ([GOOD], ["--out", "OUT"], 0),  # written as TriG, nothing loaded
    ([GOOD, BAD], ["--on-error", "reject-file"], 1),  # rejected
    ([], [], 1),  # no rows: an error
])
def test_the_command_leaves_nothing(tmp_path, scratch, built_store_path, rows, options, code) -> None:
    table = _table(tmp_path / "t.csv", *rows)
    options = [str(tmp_path / "out.trig") if option == "OUT" else option for option in options]
    outcome = CliRunner().invoke(app, ["ingest", "table", str(table), "--mapping", "keep_eu",
                                       "--store", str(built_store_path), *options])
    assert outcome.exit_code == code, outcome.output
    assert list(scratch.iterdir()) == []
