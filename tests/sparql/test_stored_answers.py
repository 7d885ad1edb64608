"""Stored answers (kg.sparql.stored): the same bytes as the query in every format, never stale, no personal data
when it is left out, and the fast path of ``eukg query`` that writes them without the command line's imports."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from clones import clone_store, organisation_source
from rdflib.namespace import SKOS

from kg.ingest.sources import remove_source, replace_source
from kg.privacy import public_copy
from kg.sparql import output, stored
from kg.sparql.queries import evaluation_errors, find, library, solutions
from kg.store import open_store
from kg.store.snapshots import current_snapshot

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ["projects", "project_partners", "organisations", "events", "event_participants", "region_projects",
            "programme_projects", "persons", "regions"]
FORMATS = ["table", "csv", "tsv", "json", "srj", "xml"]
PERSONAL = ["persons", "event_participants"]


@pytest.fixture(scope="module")
def clone(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A private copy of the built store (stored answers are written into its snapshot)."""
    return clone_store(built_store_path, tmp_path_factory.mktemp("stored"))


def _written(answer: ox.QuerySolutions, fmt: str, named, capsys: pytest.CaptureFixture) -> bytes:
    """The bytes ``eukg query -f FMT`` writes for ``answer``."""
    text, binary = io.StringIO(), io.BytesIO()
    capsys.readouterr()
    with evaluation_errors(named):
        output.write_answer(answer, output.output_format(fmt), text, binary, title=named.summary or named.name)
    return text.getvalue().encode() + binary.getvalue() + capsys.readouterr().out.encode()


def _stored_files(location: Path) -> list[str]:
    folder = current_snapshot(location) / stored.ANSWERS_DIR
    return sorted(path.name for path in folder.glob("*.tsv")) if folder.is_dir() else []


@pytest.mark.parametrize("name", CONTRACT)
def test_a_stored_answer_writes_the_bytes_of_the_query_in_every_format(clone, name: str, capsys) -> None:
    location, _ = clone
    named = find(name)
    live = {fmt: _written(solutions(named, open_store(location)), fmt, named, capsys) for fmt in FORMATS}
    cold = stored.answer(named, location)  # evaluated and kept
    assert any(f.startswith(f"{name}.all.") for f in _stored_files(location))
    assert _written(cold, "csv", named, capsys) == live["csv"]
    for fmt in FORMATS:
        warm = stored.read_stored(current_snapshot(location), name, named.text)
        assert warm is not None and warm.title == (named.summary or named.name)
        assert _written(warm.solutions, fmt, named, capsys) == live[fmt], fmt
    assert live["csv"].count(b"\r\n") > 1  # the answer has rows: the comparison could fail


@pytest.mark.parametrize("name", PERSONAL)
def test_the_answer_without_personal_data_is_its_own_and_holds_no_name_or_email(clone, name: str, capsys) -> None:
    location, _ = clone
    named = find(name)
    people = solutions(find("persons"), open_store(location))
    personal = {term.value for row in people for term in (row["name"], row["email"]) if term is not None}
    assert personal
    live = _written(solutions(named, public_copy(open_store(location))), "csv", named, capsys)
    with_people = _written(stored.answer(named, location), "csv", named, capsys)
    assert any(value.encode() in with_people for value in personal)
    for _ in range(2):  # evaluated and kept, then read back
        public = _written(stored.answer(named, location, personal=False), "csv", named, capsys)
        assert public == live
        assert not [value for value in personal if value.encode() in public]
    assert f"{name}.public." in " ".join(_stored_files(location))


def _csv(location: Path, name: str, capsys) -> bytes:
    named = find(name)
    return _written(stored.answer(named, location), "csv", named, capsys)


def test_a_write_through_the_writer_is_never_answered_from_before_it(built_store_path: Path, tmp_path: Path,
                                                                     capsys) -> None:
    location, _ = clone_store(built_store_path, tmp_path)
    before = _csv(location, "organisations", capsys)
    assert _csv(location, "organisations", capsys) == before and _stored_files(location)
    replace_source("stored-answers", organisation_source("stored-answers", "Stored Answers Agency"), location)
    assert _stored_files(location) == []  # the new snapshot has none
    added = _csv(location, "organisations", capsys)
    assert b"Stored Answers Agency" in added and added != before
    assert b"Stored Answers Agency" in _csv(location, "organisations", capsys)  # read back
    remove_source("stored-answers", location)
    assert _csv(location, "organisations", capsys) == before


def test_a_store_written_in_place_an_edited_query_or_a_torn_file_is_a_miss(built_store_path: Path,
                                                                         tmp_path: Path) -> None:
    location, _ = clone_store(built_store_path, tmp_path)
    snapshot = current_snapshot(location)
    named = find("regions")
    with evaluation_errors(named):
        list(stored.answer(named, location))
    assert stored.read_stored(snapshot, "regions", named.text) is not None
    assert stored.read_stored(snapshot, "regions", named.text + "\n# edited") is None
    assert stored.read_stored(snapshot, "regions", named.text, personal=False) is None
    key = stored.answer_key(snapshot, named.text)
    path = stored.answer_file(snapshot, "regions", key)
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    assert stored.read_stored(snapshot, "regions", named.text) is None
    path.write_bytes(data)
    os.environ[stored.SWITCH] = "0"
    try:
        assert stored.read_stored(snapshot, "regions", named.text) is None
    finally:
        del os.environ[stored.SWITCH]
    writable = ox.Store(str(snapshot))  # written in place, not through the writer
    writable.add(ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                         ox.Literal("o"), ox.NamedNode("https://example.org/g")))
    writable.flush()
    del writable
    assert stored.answer_key(snapshot, named.text) != key
    assert stored.read_stored(snapshot, "regions", named.text) is None


def test_only_library_queries_run_without_parameters_are_kept() -> None:
    assert all(stored.storable(library()[name]) for name in CONTRACT)
    with_default = [named for named in library().values() if named.terms()]
    assert not any(stored.storable(named) for named in with_default)
    assert not stored.storable(find(str(ROOT / "queries" / "qc" / next(
        p.name for p in (ROOT / "queries" / "qc").glob("*.rq")))))


def test_an_answer_for_a_snapshot_removed_meanwhile_is_returned_and_not_kept(tmp_path: Path) -> None:
    """A reader still answering on a snapshot that a write removed leaves no orphan folder where it was."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("a")))
    gone = tmp_path / "snapshot-removed"
    named = library()["regions"]
    rows = list(stored.keep(gone, named, store.query("SELECT ?s WHERE { ?s ?p ?o }")))
    assert [row["s"].value for row in rows] == ["https://example.org/a"]
    assert not gone.exists()


def _eukg(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "query", *args], capture_output=True, timeout=300,
                          cwd=ROOT, env={**os.environ, "COLUMNS": "120", "NO_COLOR": "1", **env})


@pytest.mark.slow
def test_eukg_query_writes_the_same_bytes_live_cold_and_warm_in_every_format(built_store_path: Path,
                                                                           tmp_path: Path) -> None:
    """Live (stored answers off), cold (evaluated and kept by the command line) and warm (the fast path)."""
    location, _ = clone_store(built_store_path, tmp_path)
    for name, extra in (("projects", ()), ("persons", ("--no-personal-data",))):
        for fmt in FORMATS:
            args = (name, "-f", fmt, "--store", str(location), *extra)
            live = _eukg(*args, EUKG_STORED_ANSWERS="0")
            cold, warm = _eukg(*args), _eukg(*args)
            assert live.returncode == 0 and live.stdout, live.stderr
            assert cold.stdout == live.stdout and warm.stdout == live.stdout, (name, fmt)
    with_parameter = _eukg("regions", "-p", "level=0", "-f", "csv", "--store", str(location))
    assert with_parameter.returncode == 0, with_parameter.stderr
    assert not [f for f in _stored_files(location) if f.startswith("regions.")]


def test_the_fast_path_writes_a_stored_answer_without_rdflib_typer_or_the_store(clone) -> None:
    location, _ = clone
    named = find("events")
    with evaluation_errors(named):
        list(stored.answer(named, location))
    check = ("import sys; from kg.__main__ import main; main(); "
             "print(sorted(m for m in ('rdflib', 'typer', 'kg.store', 'kg.cli') if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", check, "query", "events", "-f", "csv", "--store", str(location)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0 and done.stderr.strip() == "[]", done.stderr
    assert done.stdout.startswith("event,")
