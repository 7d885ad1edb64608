"""Answers made ready by the writer (kg.store.answers, kg.sparql.precompute): after a write on a store over the
threshold the contract queries' answers are kept and read back, the same bytes as live; a failed or killed
child leaves no partial answer and never undoes the write; below the threshold nothing is computed; the
answers without personal data hold none. The threshold is made small here (the project's store has about
30,000 statements), never a graph of 100,000."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from clones import clone_store, organisation_source

from kg.sparql import precompute, stored
from kg.sparql.queries import find
from kg.store import answers, open_snapshot
from kg.store.snapshots import current_snapshot
from kg.store.writer import Writer

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ["event_participants", "events", "organisations", "persons", "programme_projects", "project_partners",
            "projects", "region_projects", "regions"]


def _put(location: Path, identifier: str, name: str, wait: bool = True) -> Writer:
    """Write one source through the writer; wait for the child it leaves (when ``wait``)."""
    with Writer(location) as writer:
        writer.put_sources({identifier: organisation_source(identifier, name)})
    if wait and writer.preparing is not None:
        writer.preparing.wait(timeout=300)
    return writer


def _kept(location: Path) -> list[str]:
    folder = current_snapshot(location) / stored.ANSWERS_DIR
    return sorted(p.name.split(".")[0] + "." + p.name.split(".")[1] for p in folder.glob("*.tsv")) if folder.is_dir() else []


def _eukg(location: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "query", *args, "--store", str(location)], capture_output=True,
                          timeout=300, cwd=ROOT, env={**os.environ, "COLUMNS": "120", "NO_COLOR": "1", **env})


@pytest.fixture()
def clone(built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the built store, over a threshold made small."""
    monkeypatch.setenv(answers.THRESHOLD_VARIABLE, "1000")
    for variable in (stored.SWITCH, answers.VARIANTS_VARIABLE, "EUKG_CRASH_AT"):
        monkeypatch.delenv(variable, raising=False)
    return clone_store(built_store_path, tmp_path)[0]


def test_a_write_over_the_threshold_leaves_the_answers_ready_and_eukg_query_reads_them(clone: Path) -> None:
    writer = _put(clone, "precomputed", "Precomputed Answers Agency")
    assert writer.preparing is not None and writer.preparing.returncode == 0
    assert _kept(clone) == [f"{name}.all" for name in CONTRACT]
    assert not list((current_snapshot(clone) / stored.ANSWERS_DIR).glob(".*"))  # no claims or temporary files left
    check = ("import sys; from kg.__main__ import main; main(); "
             "print(sorted(m for m in ('kg.store', 'kg.cli') if m in sys.modules), file=sys.stderr)")
    for name in ("organisations", "persons"):
        fast = subprocess.run([sys.executable, "-c", check, "query", name, "-f", "csv", "--store", str(clone)],
                              capture_output=True, timeout=300, cwd=ROOT)
        assert fast.returncode == 0 and fast.stderr.strip() == b"[]", fast.stderr  # read back, not evaluated
        live = _eukg(clone, name, "-f", "csv", EUKG_STORED_ANSWERS="0")
        assert fast.stdout == live.stdout and live.stdout.count(b"\r\n") > 1
        assert name != "organisations" or b"Precomputed Answers Agency" in fast.stdout


def test_prepare_answers_waits_and_reports_progress(clone: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    with Writer(clone) as writer:
        writer.put_sources({"waited": organisation_source("waited", "Waited Answers Agency")})
        assert writer.prepare_answers(lambda *step: seen.append(step))
    assert writer.preparing is None  # made ready already: no child left at the end
    assert [done for done, _, _ in seen] == list(range(1, len(CONTRACT) + 1))
    assert {total for _, total, _ in seen} == {len(CONTRACT)} and {name for *_, name in seen} == set(CONTRACT)
    assert _kept(clone) == [f"{name}.all" for name in CONTRACT]
    assert b"Waited Answers Agency" in stored.read_stored(current_snapshot(clone), "organisations",
                                                          find("organisations").text).solutions.serialize(
                                                              format=stored.ox.QueryResultsFormat.CSV)


def test_below_the_threshold_or_switched_off_nothing_is_computed(clone: Path, monkeypatch) -> None:
    monkeypatch.setenv(answers.THRESHOLD_VARIABLE, "10000000")  # its files are far too small: no child at all
    assert _put(clone, "small", "Small Store Agency").preparing is None and _kept(clone) == []
    # Big enough files for the estimate, too few statements: the child counts them and keeps nothing.
    statements = precompute.statements(current_snapshot(clone)) + 1000  # more than the next write adds
    monkeypatch.setenv(answers.THRESHOLD_VARIABLE, str(statements))
    assert answers.due(current_snapshot(clone)) and not answers.due(current_snapshot(clone), statements - 1)
    writer = _put(clone, "counted", "Counted Store Agency")
    assert writer.preparing is not None and writer.preparing.returncode == 0 and _kept(clone) == []
    monkeypatch.setenv(answers.THRESHOLD_VARIABLE, "1000")
    monkeypatch.setenv(stored.SWITCH, "0")
    assert _put(clone, "switched", "Switched Off Agency").preparing is None and _kept(clone) == []


def test_a_killed_child_leaves_no_partial_answer_and_the_write_stands(clone: Path, monkeypatch) -> None:
    monkeypatch.setenv("EUKG_CRASH_AT", "answer-computed")  # the child dies once its first answer is computed
    writer = _put(clone, "killed", "Killed Child Agency")
    assert writer.preparing.returncode != 0
    assert _kept(clone) == []
    monkeypatch.delenv("EUKG_CRASH_AT")
    done = _eukg(clone, "organisations", "-f", "csv")
    assert done.returncode == 0 and b"Killed Child Agency" in done.stdout  # the write stands, answered live


def test_a_failed_child_is_one_line_and_never_fails_the_write(clone: Path, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setenv("EUKG_CRASH_AT", "answer-computed")
    with Writer(clone, notify=said.append) as writer:
        writer.put_sources({"failed": organisation_source("failed", "Failed Child Agency")})
        assert writer.prepare_answers() is False
    assert len(said) == 1 and "not all made ready" in said[0] and "\n" not in said[0]
    assert _kept(clone) == []
    monkeypatch.delenv("EUKG_CRASH_AT")
    assert b"Failed Child Agency" in _eukg(clone, "organisations", "-f", "csv").stdout


def test_a_child_killed_from_outside_leaves_only_whole_answers(clone: Path) -> None:
    writer = _put(clone, "outside", "Outside Kill Agency", wait=False)
    if writer.preparing is not None:
        try:
            os.killpg(writer.preparing.pid, signal.SIGKILL)  # the child and its worker
        except ProcessLookupError:  # done already
            pass
        writer.preparing.wait(timeout=300)
    snapshot = current_snapshot(clone)
    for name in _kept(clone):
        query, variant = name.split(".")
        assert stored.read_stored(snapshot, query, find(query).text, variant == "all") is not None, name
    live = _eukg(clone, "organisations", "-f", "csv", EUKG_STORED_ANSWERS="0").stdout
    assert _eukg(clone, "organisations", "-f", "csv").stdout == live and b"Outside Kill Agency" in live


def test_a_newer_write_supersedes_the_child_of_the_one_before(clone: Path) -> None:
    first = _put(clone, "first", "First Write Agency", wait=False)
    second = _put(clone, "second", "Second Write Agency")
    if first.preparing is not None:  # it finished, or stopped when the second write swapped its snapshot out
        assert first.preparing.wait(timeout=300) == 0
    assert second.preparing.returncode == 0 and _kept(clone) == [f"{name}.all" for name in CONTRACT]
    assert b"Second Write Agency" in _eukg(clone, "organisations", "-f", "csv").stdout
    old, _ = open_snapshot(clone)  # held, so the next write leaves it in place
    _put(clone, "third", "Third Write Agency")
    shutil.rmtree(old / stored.ANSWERS_DIR)
    outcome = precompute.precompute(clone, old, ["all"])
    assert outcome.superseded and not (old / stored.ANSWERS_DIR / "regions.all").exists()
    assert not list((old / stored.ANSWERS_DIR).glob("*.tsv"))


def test_the_public_answers_hold_no_personal_data(clone: Path, monkeypatch) -> None:
    monkeypatch.setenv(answers.VARIANTS_VARIABLE, "all,public")
    _put(clone, "public", "Public Answers Agency")
    assert _kept(clone) == sorted([f"{name}.all" for name in CONTRACT] + [f"{name}.public" for name in CONTRACT])
    people = _eukg(clone, "persons", "-f", "csv", EUKG_STORED_ANSWERS="0").stdout.decode().splitlines()[1:]
    personal = {cell for line in people for cell in line.split(",")[1:5:3] if cell}  # names and e-mails
    assert personal
    for name in ("persons", "event_participants"):
        public = _eukg(clone, name, "-f", "csv", "--no-personal-data")
        live = _eukg(clone, name, "-f", "csv", "--no-personal-data", EUKG_STORED_ANSWERS="0")
        assert public.stdout == live.stdout
        assert not any(value.encode() in public.stdout for value in personal), name


def test_the_threshold_and_variants_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.delenv(answers.THRESHOLD_VARIABLE, raising=False)
    monkeypatch.delenv(answers.VARIANTS_VARIABLE, raising=False)
    monkeypatch.delenv(stored.SWITCH, raising=False)
    assert answers.threshold() == answers.DEFAULT_THRESHOLD == 100_000 and answers.variants() == "all"
    assert answers.due(Path("/nonexistent"), 100_000) and not answers.due(Path("/nonexistent"), 99_999)
    assert not answers.due(Path("/nonexistent"))  # no files to judge by: nothing
    monkeypatch.setenv(answers.THRESHOLD_VARIABLE, "2_000")
    assert answers.threshold() == 2000
    for off in ("0", "off", "no", "false"):
        monkeypatch.setenv(stored.SWITCH, off)
        assert not answers.due(Path("/nonexistent"), 10**9) and not stored.enabled()


def test_the_contract_queries_are_the_ones_tagged_in_the_library() -> None:
    from kg.export.tables import contract_queries

    assert [q.name for q in precompute.contract_queries()] == sorted(q.name for q in contract_queries()) == CONTRACT


@pytest.mark.slow
def test_eukg_build_waits_for_the_answers_and_says_so(tmp_path: Path, monkeypatch) -> None:
    location = tmp_path / "store"
    env = {**os.environ, answers.THRESHOLD_VARIABLE: "1000", "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop(stored.SWITCH, None)
    done = subprocess.run([sys.executable, "-m", "kg", "build", "--store", str(location)], capture_output=True,
                          text=True, timeout=900, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    assert "kept the answers of the contract queries" in done.stdout + done.stderr
    assert _kept(location) == [f"{name}.all" for name in CONTRACT]
    small = subprocess.run([sys.executable, "-m", "kg", "build", "--store", str(location)], capture_output=True,
                           text=True, timeout=900, cwd=ROOT, env={**env, answers.THRESHOLD_VARIABLE: "100000"})
    assert small.returncode == 0 and "kept the answers" not in small.stdout + small.stderr and _kept(location) == []
