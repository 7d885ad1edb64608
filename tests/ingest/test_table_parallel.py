"""A large table's import runs on two processes (names resolved ahead, statements serialised apart) and gives the
graph, the row reports and the counts that one process gives."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.ingest import triple_writer
from kg.ingest.table import ingest_table, load_mapping
from kg.ingest.table import prefetch as prefetch_module
from kg.ingest.triple_writer import TripleWriter, literal

HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
PLACES = [("Poland", "PL633"), ("RO", "RO424"), ("Italy", "ITC11"), ("Germany", "DE300"), ("Spain", "ES511")]


def _table(path: Path) -> Path:
    """Partners of 60 projects: repeated organisations (by name, some known to the graph), and bad rows."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(300):
            country, nuts = PLACES[i % len(PLACES)]
            name = "University of Turin" if i % 37 == 0 else f"Agency number {i % 70}"
            start = "31/02/2020" if i % 97 == 5 else "01/01/2020"  # lines 7, 104, 201, 298: not a date
            writer.writerow([f"PRJ{i // 5}", f"Project {i // 5}", "Interreg Europe", "Innovation", start,
                             "31/12/2022", name, "Lead partner" if i % 5 == 0 else "Partner", "SME", country, nuts,
                             f"{1000 + i},50", str(800 + i)])
    return path


def _outcome(result) -> tuple:
    lines = sorted(line for line in result.path.read_text(encoding="utf-8").splitlines()
                   if "/dc/terms/modified>" not in line)  # the import's time
    return (lines, [p.text() for p in result.problems], [w.text() for w in result.warnings], result.project_count,
            result.new_organisation_count, result.resolved_organisation_count, result.triples, result.loaded_rows)


def _through_the_helper(path, mapping, store, monkeypatch, **windows: int):
    """Ingest ``path`` with the name helper at any size (and ``windows`` of prefetch set); return the result
    and, for each name the import resolved, whether the helper's answer was there."""
    taken = []
    original = prefetch_module.Prefetch.confident

    def confident(self, name, kind):
        taken.append((kind, name) in self.answers)
        return original(self, name, kind)

    monkeypatch.setattr(prefetch_module, "MIN_BYTES", 0)
    for name, value in windows.items():
        monkeypatch.setattr(prefetch_module, name, value)
    monkeypatch.setattr(prefetch_module.Prefetch, "confident", confident)
    return ingest_table(path, mapping, store), taken


def test_helper_processes_change_nothing(tmp_path, reference_store, monkeypatch) -> None:
    path, mapping = _table(tmp_path / "t.csv"), load_mapping("keep_eu")
    alone = ingest_table(path, mapping, reference_store)
    monkeypatch.setattr(triple_writer, "IN_PROCESS", 0)
    both, taken = _through_the_helper(path, mapping, reference_store, monkeypatch)
    assert _outcome(both) == _outcome(alone)
    assert [p.text().split(": ", 1)[0].rsplit("/", 1)[-1] for p in alone.problems] == [
        "t.csv:7 [Start date]", "t.csv:104 [Start date]", "t.csv:201 [Start date]", "t.csv:298 [Start date]"]
    assert taken and all(taken)  # every name the import resolved came from the helper


def test_small_windows_still_take_every_answer_from_the_helper(tmp_path, reference_store, monkeypatch) -> None:
    """Names come back after the helper has forgotten them: it resolves them again, the import never does."""
    path, mapping = _table(tmp_path / "t.csv"), load_mapping("keep_eu")
    alone = ingest_table(path, mapping, reference_store)
    both, taken = _through_the_helper(path, mapping, reference_store, monkeypatch, _KEEP=4, _ROWS=3)
    assert _outcome(both) == _outcome(alone)
    assert taken and all(taken)


def test_writer_child_failure_is_one_clear_error(tmp_path) -> None:
    writer = TripleWriter(tmp_path / "out.nt", in_process=0)
    writer.add("https://example.org/a", "https://example.org/p", literal("x"))
    writer.flush()
    writer.child.kill()  # the child is gone: the next batch cannot be handed over
    writer.child.wait()
    with pytest.raises(KgError, match="writing .*out.nt failed"):
        for _ in range(3):
            writer.add("https://example.org/a", "https://example.org/p", literal("y"))
            writer.flush()
        writer.close()
