"""The package installs: a wheel in a fresh venv, used from outside the checkout, builds the graph and answers
the named queries as the checkout does; its ingested sources go to a folder the user chooses.

The wheel is built offline with this environment's setuptools (``--no-build-isolation``), and the new venv
reaches the dependencies already installed here through a .pth file, so the test needs no network.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from kg.layout import LOCAL_SOURCES_VARIABLE, local_sources_dir

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "tables" / "cordis" / "organization.csv"
#: What a source tree has that a wheel is not built from: folders at its top (kg/build is a package, not
#: setuptools' build folder), and caches anywhere.
AT_TOP = (".git", ".venv", "build", "dist", "*.egg-info", "tests", "benchmarks", "notebooks")
EVERYWHERE = ("__pycache__", ".pytest_cache", ".ruff_cache")


def _not_built_from(folder: str, names: list[str]) -> set[str]:
    ignored = set(shutil.ignore_patterns(*EVERYWHERE)(folder, names))
    if Path(folder) == ROOT:
        ignored |= set(shutil.ignore_patterns(*AT_TOP)(folder, names))
    return ignored


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a wheel from a copy of the checkout, install it into a new venv and return the venv's bin folder."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_not_built_from)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(work / "dist"),
          str(source)])
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    purelib = Path(_run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
                   .stdout.strip())
    # The dependencies installed here, as plain path entries: their .pth files (this checkout's editable
    # install among them) are not run, so `kg` can only come from the wheel.
    (purelib / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    wheel = next((work / "dist").glob("eu_regional_kg-*.whl"))
    _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q", "--no-deps",
          "--no-index", str(wheel)])
    return venv / "bin"


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout, and an environment without this checkout or its settings."""
    folder = tmp_path_factory.mktemp("elsewhere")
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH" and not name.startswith("EUKG_")}
    env["EUKG_STORE"] = str(folder / "store")
    return folder, env


@pytest.mark.slow
def test_the_installed_package_reads_its_own_copy_of_the_files(installed: Path, elsewhere) -> None:
    folder, env = elsewhere
    code = "import json, kg.paths as p; print(json.dumps([p.IN_CHECKOUT, str(p.ONTOLOGY_FILE), str(p.QUERIES_DIR)]))"
    in_checkout, ontology, queries = json.loads(_run([str(installed / "python"), "-c", code], cwd=folder, env=env).stdout)
    assert not in_checkout
    assert Path(ontology).is_file() and Path(ontology).is_relative_to(installed.parent)
    assert (Path(queries) / "qc").is_dir() and (Path(queries) / "projects.rq").is_file()
    assert (Path(queries) / "internal" / "graph_sizes.rq").is_file()


@pytest.mark.slow
def test_eukg_build_and_query_give_the_checkouts_rows(installed: Path, elsewhere, built_store_path: Path) -> None:
    folder, env = elsewhere
    built = _run([str(installed / "eukg"), "build"], cwd=folder, env=env)
    assert "conforms: 0 violation(s)" in built.stdout + built.stderr
    theirs = _run([str(installed / "eukg"), "query", "projects", "--format", "csv"], cwd=folder, env=env).stdout
    ours = _run([sys.executable, "-m", "kg", "query", "projects", "--format", "csv", "--store", str(built_store_path)],
                cwd=ROOT).stdout
    assert len(ours.splitlines()) > 5
    assert theirs == ours
    stats = [json.loads(_run(command, cwd=folder, env=env).stdout)["graphs"] for command in (
        [str(installed / "eukg"), "stats", "--json"],
        [sys.executable, "-m", "kg", "stats", "--json", "--store", str(built_store_path)])]
    assert stats[0] == stats[1]


@pytest.mark.slow
def test_ingest_writes_to_the_chosen_folder_not_the_package(installed: Path, elsewhere, tmp_path: Path) -> None:
    folder, env = elsewhere
    chosen = tmp_path / "my-sources"
    _run([str(installed / "eukg"), "--local-sources", str(chosen), "ingest", "table", str(TABLE), "--mapping",
          "cordis", "--id", "cordis-sample"], cwd=folder, env=env)
    assert (chosen / "cordis-sample.ttl").is_file()
    assert not list(installed.parent.rglob("cordis-sample.ttl")), "a source was written into the installed package"
    listed = _run([str(installed / "eukg"), "sources", "--json"], cwd=folder, env=env).stdout
    assert {"identifier": "cordis-sample", "kind": "local"}.items() <= next(
        s for s in json.loads(listed) if s["identifier"] == "cordis-sample").items()
    # The same folder through the environment variable: the source is found there, and removed.
    _run([str(installed / "eukg"), "remove", "cordis-sample"], cwd=folder,
         env={**env, LOCAL_SOURCES_VARIABLE: str(chosen)})
    assert not (chosen / "cordis-sample.ttl").exists()


def test_the_local_sources_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(LOCAL_SOURCES_VARIABLE, raising=False)
    assert local_sources_dir(tmp_path / "store") == tmp_path / "store.local-sources"
    monkeypatch.setenv(LOCAL_SOURCES_VARIABLE, str(tmp_path / "mine"))
    assert local_sources_dir(tmp_path / "store") == tmp_path / "mine"
