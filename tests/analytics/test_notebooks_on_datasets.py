"""The two notebooks on the graph built with the shipped datasets that hold projects.

``eukg build --datasets h2020-norway,hr-operations,interreg-sweden-partners``: the networks are made of
projects and their partners, so a list of organisations without projects (kohesio-beneficiaries-cee, 24k
nodes without a tie) would add build time and no edge; the 80,276 Horizon Europe participations
(horizon-europe-participations) would add minutes of build and analysis to a test that checks the
notebooks, not the data.

The default build holds a few dozen organisations; with the datasets the notebooks must show real
networks: hundreds of organisations tied by shared projects, ranked and drawn readably.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")
pytest.importorskip("ipykernel")

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
DATASETS = "h2020-norway,hr-operations,interreg-sweden-partners"


@pytest.fixture(scope="module")
def datasets_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built with the shipped datasets that hold projects."""
    location = tmp_path_factory.mktemp("datasets") / "store"
    result = CliRunner().invoke(app, ["build", "--datasets", DATASETS, "--store", str(location)])
    assert result.exit_code == 0, result.output
    return location


def _run(name: str, store: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Execute notebook ``name`` on ``store``; return its outputs, cell by cell."""
    monkeypatch.setenv("EUKG_STORE", str(store))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    path = NOTEBOOKS / name
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return [output for cell in notebook.cells for output in cell.get("outputs", [])]


def _tables(outputs: list[dict]) -> list[dict]:
    """The report tables the notebook shows (``Table(columns=…, rows=[…])``), as {column: …, rows: …}."""
    tables = []
    for output in outputs:
        text = output.get("data", {}).get("text/plain", "")
        if text.startswith("Table(columns="):
            columns, rows = text[len("Table(columns="):].split(", rows=", 1)
            tables.append({"columns": ast.literal_eval(columns), "rows": ast.literal_eval(rows[:-1])})
    return tables


def _images(outputs: list[dict]) -> list[str]:
    return [output["data"]["image/png"] for output in outputs if "image/png" in output.get("data", {})]


@pytest.mark.slow
def test_collaboration_notebook_shows_the_real_network(datasets_store, monkeypatch) -> None:
    outputs = _run("collaboration-network.ipynb", datasets_store, monkeypatch)
    tables = _tables(outputs)
    summary = tables[0]["rows"][0]
    assert summary["nodes"] > 500 and summary["edges"] > 1000
    assert summary["largest component"] > 300  # one network, not scattered pairs
    degree = next(t for t in tables if "degree" in t["columns"])
    assert degree["rows"][0]["degree"] > 50  # a hub organisation with dozens of partners
    images = _images(outputs)
    assert len(images) >= 3 and all(len(image) < 200_000 for image in images)


@pytest.mark.slow
def test_regions_notebook_shows_regions_of_the_datasets(datasets_store, monkeypatch) -> None:
    outputs = _run("regions-and-programmes.ipynb", datasets_store, monkeypatch)
    tables = _tables(outputs)
    regions = tables[1]["rows"][0]
    assert regions["nodes"] >= 20 and regions["edges"] >= 20
    brokers = tables[-1]["rows"]
    assert {row["country"] for row in brokers} >= {"NO"}  # the dataset's regions take part in brokerage
    images = _images(outputs)
    assert len(images) >= 3 and all(len(image) < 200_000 for image in images)
