"""Published datasets: the registry of datasets/, and building them in through the one writer."""

from __future__ import annotations

import csv
import gzip
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from clones import clone_store, source_document

from kg.errors import InputError, KgError
from kg.ingest.datasets import choose, in_store, put_datasets, registry, status, verify
from kg.ingest.sources import list_sources, replace_source
from kg.layout import dataset_graph
from kg.store import open_snapshot
from kg.store.writer import Writer, build

EUKG = Path(sys.executable).with_name("eukg")
HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
ROWS = [("DSA", "Registry Test Agency", "Poland", "PL81"), ("DSA", "Registry Test Chamber", "Romania", "RO424"),
        ("DSB", "Registry Test Agency", "Poland", "PL81"), ("DSB", "Registry Test Cluster", "Italy", "ITC11")]


def _registry(folder: Path, name: str = "fixture", rows=ROWS) -> Path:
    """A registry folder with one dataset: a gzipped Keep.eu-style table and its entry."""
    (folder / "files").mkdir(parents=True, exist_ok=True)
    data = folder / "files" / f"{name}.csv.gz"
    with gzip.open(data, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for acronym, partner, country, nuts in rows:
            writer.writerow([acronym, f"Project {acronym}", "Interreg Europe", "Innovation", "01/01/2021",
                             "31/12/2023", partner, "Partner", "SME", country, nuts, "1000", "800"])
    entry = {"name": name, "title": "A test dataset", "publisher": "The tests", "url": "https://example.org/",
             "licence": "CC0", "retrieved": "2026-12-03", "mapping": "keep_eu",
             "files": [{"path": f"files/{name}.csv.gz", "sha256": hashlib.sha256(data.read_bytes()).hexdigest()}]}
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(entry), encoding="utf-8")
    return folder


@pytest.fixture()
def clone(built_store_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    return clone_store(built_store_path, tmp_path)


def test_the_shipped_registry_records_publisher_licence_date_and_checksums() -> None:
    known = registry()
    assert known, "datasets/ ships at least one dataset"
    for dataset in known.values():
        assert dataset.publisher and dataset.licence and dataset.url.startswith("https://")
        verify(dataset)  # every data file is there, with the checksum its entry records
    total = sum(dataset.file_path(item).stat().st_size for dataset in known.values() for item in dataset.files)
    assert total <= 30 * 2**20


def test_a_bad_entry_or_a_changed_file_is_one_line_naming_the_file(tmp_path: Path) -> None:
    folder = _registry(tmp_path)
    (folder / "broken.yaml").write_text("name: broken\ntitle: no publisher\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.yaml.*publisher"):
        registry(folder)
    (folder / "broken.yaml").unlink()
    dataset = registry(folder)["fixture"]
    with gzip.open(dataset.file_path(dataset.files[0]), "at", encoding="utf-8") as handle:
        handle.write("DSC,Project DSC,Interreg Europe,,,,Someone,Partner,SME,Poland,PL81,1,1\n")
    with pytest.raises(InputError, match=r"fixture\.csv\.gz.*SHA-256"):
        verify(dataset)
    with pytest.raises(KgError, match="unknown dataset.*nope"):
        choose("fixture,nope", registry(folder))
    assert choose("all", registry(folder)) == ["fixture"] and choose("none", registry(folder)) == []


@pytest.mark.slow
def test_a_dataset_is_built_in_kept_by_later_writes_converted_again_when_changed_and_taken_out(
        clone, tmp_path: Path) -> None:
    location, data = clone
    folder = _registry(tmp_path / "registry")
    known = registry(folder)
    graph = str(dataset_graph("fixture"))
    with Writer(location) as writer:
        put_datasets(writer, ["fixture"], known)
    path, store = open_snapshot(location)
    projects = {q.object.value for q in store.quads_for_pattern(None, None, None, None)
                if q.graph_name.value == graph and q.predicate.value.endswith("acronym")}
    assert {"DSA", "DSB"} <= projects
    kinds = {info.graph: info.kind for info in list_sources(store, path)}
    assert kinds[graph] == "dataset"
    del store
    assert status(location, known)["fixture"].state == "current"

    # An ingest and a full build keep it.
    replace_source("other", source_document("other"), location)
    build(location, data_dir=data)
    path, store = open_snapshot(location)
    assert store.contains_named_graph(_node(graph))
    del store

    # A changed entry makes it stale; the next put converts it again.
    entry = folder / "fixture.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("A test dataset", "A renamed dataset"),
                     encoding="utf-8")
    known = registry(folder)
    assert status(location, known)["fixture"].state == "stale"
    with Writer(location) as writer:
        assert len(put_datasets(writer, ["fixture"], known)) == 1
        assert put_datasets(writer, ["fixture"], known) == []  # current now: nothing to do
        put_datasets(writer, [], known)
    assert in_store(location) == []
    path, store = open_snapshot(location)
    assert not store.contains_named_graph(_node(graph))


@pytest.mark.slow
def test_eukg_build_datasets_and_eukg_datasets(clone, tmp_path: Path) -> None:
    location, data = clone
    folder = _registry(tmp_path / "registry")
    env = {**os.environ, "EUKG_DATASETS_DIR": str(folder), "EUKG_STORE": str(location), "COLUMNS": "200"}
    run = subprocess.run([str(EUKG), "build", "--data-dir", str(data), "--datasets", "all"], capture_output=True,
                         text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "dataset fixture: 4 of 4 rows" in run.stderr
    listed = subprocess.run([str(EUKG), "datasets", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert '"in_store": "current"' in listed.stdout and '"licence": "CC0"' in listed.stdout
    wrong = subprocess.run([str(EUKG), "build", "--datasets", "missing"], capture_output=True, text=True, env=env,
                           timeout=600)
    assert wrong.returncode == 1 and "unknown dataset" in wrong.stderr and "Traceback" not in wrong.stderr


def _node(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


_IDENTIFIED_MAPPING = {
    "name": "identified", "language": "en",
    "columns": {"project_acronym": ["Project acronym"], "project_title": ["Project title"],
                "programme": ["Programme"], "partner_name": ["Partner name"], "partner_id": ["PIC"],
                "partner_role": ["Partner role"], "country": ["Country"]},
    "required": ["project_acronym", "partner_name", "partner_role", "country"],
    "roles": {"partner": "partner"},
}


def _identified(folder: Path, pics: tuple[str, ...] = ("911111111", "922222222")) -> None:
    """A dataset ``identified`` whose rows name one university under the PICs ``pics`` (two, as CORDIS can)."""
    data = folder / "files" / "identified.csv.gz"
    with gzip.open(data, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Project acronym", "Project title", "Programme", "Partner name", "PIC", "Partner role",
                         "Country"])
        for acronym, pic in zip(("DLA", "DLB"), pics, strict=False):
            writer.writerow([acronym, f"Project {acronym}", "Interreg Europe", "Danube Test University", pic,
                             "Partner", "Bulgaria"])
    (folder / "identified.mapping.yaml").write_text(yaml.safe_dump(_IDENTIFIED_MAPPING), encoding="utf-8")
    entry = {"name": "identified", "title": "Identified partners", "publisher": "The tests",
             "url": "https://example.org/", "licence": "CC0", "retrieved": "2026-12-04",
             "mapping": "identified.mapping.yaml",
             "files": [{"path": "files/identified.csv.gz", "sha256": hashlib.sha256(data.read_bytes()).hexdigest()}]}
    (folder / "identified.yaml").write_text(yaml.safe_dump(entry), encoding="utf-8")


@pytest.mark.slow
def test_a_name_under_two_pics_and_none_is_held_for_review_not_a_duplicate(clone, tmp_path: Path) -> None:
    """A name that one dataset gives two PICs and another none: the record without identifier could be
    either body, so record linkage holds its links for review instead of joining the two PICs through
    it (docs/linkage.md), and the build of both passes the duplicate check (the name has two PICs)."""
    location, _ = clone
    folder = _registry(tmp_path / "registry", name="plain",
                       rows=[("DLC", "Danube Test University", "Bulgaria", "BG323")])
    _identified(folder)
    known = registry(folder)
    with Writer(location) as writer:
        put_datasets(writer, ["identified", "plain"], known)
    _, store = open_snapshot(location)
    linkage = _node("https://w3id.org/eu-regional-kg/graph/linkage")
    canonical = _node("https://w3id.org/eu-regional-kg/ontology#canonical")
    bodies = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, canonical, None, linkage)
              if "danube-test-university" in q.subject.value}
    assert bodies == {}, bodies


@pytest.mark.slow
def test_a_store_folder_built_again_beside_its_kept_datasets_links_them(clone, tmp_path: Path) -> None:
    """The converted datasets are kept beside the store: a store folder removed and built again has no
    manifest, and its build must still make the linkage graph, or the body that one dataset names with a PIC
    and another without is two nodes, and a duplicate the build can fail on (the CLI passes ``build_recipes``)."""
    import shutil

    from kg.ingest.datasets import build_recipes
    from kg.store.manifest import read_manifest
    from kg.store.snapshots import current_snapshot

    location, _ = clone
    folder = _registry(tmp_path / "registry", name="plain",
                       rows=[("DLC", "Danube Test University", "Bulgaria", "BG323")])
    _identified(folder, pics=("911111111",))
    with Writer(location) as writer:
        put_datasets(writer, ["identified", "plain"], registry(folder))
    location.unlink() if location.is_symlink() else shutil.rmtree(location)  # what `rm -r STORE` removes
    assert in_store(location) == ["identified", "plain"]
    linkage = "https://w3id.org/eu-regional-kg/graph/linkage"
    with Writer(location) as writer:
        writer.build()  # what `eukg build` did before: the datasets without their linkage graph
    assert linkage not in read_manifest(current_snapshot(location)).derived
    with Writer(location) as writer:
        writer.build(derived=build_recipes(location))
    # the linkage graph is made, and kept up to date by every later write
    assert read_manifest(current_snapshot(location)).derived[linkage]["kind"] == "linkage"
    assert build_recipes(tmp_path / "a-store-without-datasets") == {}
