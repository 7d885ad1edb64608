"""The benchmark harness's report writing (no timings are asserted)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.clock import stopped_after
from benchmarks.run import _at_least, _ratio, _severities, markdown
from kg.validate import Problem


def _report(seconds: float) -> dict:
    return {
        "date": "2026-01-01", "machine": "test", "triples": 1000, "new_source_triples": 10,
        "generated": {"projects": 1, "organisations": 2, "participations": 3},
        "steps": {
            "build": {"seconds": seconds, "baseline_seconds": 4.0, "ratio": _ratio(4.0, seconds), "peak_rss_mb": 10.0},
            "validate_full": {"seconds": 1.0, "same_results": False, "baseline_error": "did not finish",
                              "problems": 1, "violations": 0, "warnings": 1},
            "analytics": {"pending": "later"},
        },
    }


def test_markdown_table_names_ratio_differences_and_pending_steps() -> None:
    table = markdown(_report(2.0))
    assert "| build | 2.0 | 4.0 | 2.0× | – |" in table
    assert "DIFFERENT results" in table and "baseline error: did not finish" in table
    assert "pending: later" in table
    # A warning is counted apart from violations, so one warning is not read as a broken graph.
    assert "0 violations, 1 warning" in table


def test_validation_steps_count_violations_and_warnings_apart() -> None:
    problems = [Problem("Warning", "evt:a", "where?"), Problem("Violation", "proj:b", "no acronym"),
                Problem("Violation", "proj:c", "no acronym")]
    assert _severities(problems) == {"violations": 2, "warnings": 1}
    assert _severities([]) == {"violations": 0, "warnings": 0}


def test_markdown_table_gives_cpu_ratio_and_load_averages() -> None:
    report = _report(2.0)
    report["steps"]["build"].update({"cpu_seconds": 1.0, "baseline_cpu_seconds": 5.0, "cpu_ratio": _ratio(5.0, 1.0),
                                     "load": [0.3, 1.9], "baseline_load": [1.9, 2.1]})
    assert "| build | 2.0 | 4.0 | 2.0× | 5.0× | 10.0 | – | 0.3–1.9 / 1.9–2.1 |" in markdown(report)


def test_a_baseline_stopped_at_the_cap_reports_how_long_it_had_run(tmp_path: Path) -> None:
    mark = tmp_path / "started.json"
    # A child that marks the start of its work, then spins the CPU until it is killed.
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys; from pathlib import Path; from benchmarks.clock import Clock\n"
        "Clock().mark(Path(sys.argv[1]), 'pyshacl')\n"
        "while True: pass\n"), str(mark)], cwd=Path(__file__).parents[2])
    try:
        deadline = time.monotonic() + 30
        while not mark.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        stopped = stopped_after(mark, child.pid)
    finally:
        child.kill()
        child.wait()
    assert stopped is not None and stopped["what"] == "pyshacl"
    assert stopped["seconds"] >= 1.0 and stopped["cpu_seconds"] > 0.2
    assert stopped_after(tmp_path / "no-mark.json", child.pid) is None

    step = {"seconds": 10.0, "cpu_seconds": 5.0}
    bounds = _at_least({"what": "pyshacl", "seconds": 1200.0, "cpu_seconds": 1100.0}, step, "did not finish")
    assert bounds["ratio_at_least"] == 120.0 and bounds["cpu_ratio_at_least"] == 220.0
    report = _report(2.0)
    report["steps"]["validate_full"].update({"seconds": 10.0, **bounds})
    assert "| validate_full | 10.0 | – | > 120.0× | > 220.0× |" in markdown(report)
    assert "had run 1200 s (1100 s CPU)" in markdown(report)


def test_analytics_step_and_baseline_agree_on_the_project_graph(built_store_path: Path, tmp_path: Path,
                                                                 monkeypatch) -> None:
    import shutil

    import pytest

    pytest.importorskip("igraph")
    from benchmarks.run import _analytics_note, _same_analytics, baseline_analytics, step_analytics
    from kg.analytics import backends, networks

    # The fast paths as on a large graph: igraph for the metrics, scipy for the projection.
    monkeypatch.setattr(backends, "AUTO_EDGES", 1)
    monkeypatch.setattr(networks, "SPARSE_PAIRS", 1)
    shutil.copytree(built_store_path, tmp_path / "store")
    mine = step_analytics(tmp_path, Path("unused"), Path("unused"))
    assert mine["engine"] == "igraph"
    theirs = baseline_analytics(tmp_path, Path("unused"), Path("unused"))
    assert mine["nodes"] == theirs["nodes"] > 10 and mine["edges"] == theirs["edges"] > 0
    same = _same_analytics(tmp_path)
    assert same["same_results"] is True, same["checks"]
    assert set(same["checks"]) == {"degree", "weighted_degree", "components", "core_number", "betweenness"}
    note = _analytics_note({**mine, **same})
    assert any("modularity" in line for line in note)


def test_analytics_comparison_notices_a_difference(built_store_path: Path, tmp_path: Path) -> None:
    import pickle
    import shutil

    from benchmarks.run import _same_analytics, baseline_analytics, step_analytics

    shutil.copytree(built_store_path, tmp_path / "store")
    step_analytics(tmp_path, Path("unused"), Path("unused"))
    baseline_analytics(tmp_path, Path("unused"), Path("unused"))
    path = tmp_path / "analytics-baseline.pickle"
    results = pickle.loads(path.read_bytes())
    node = next(iter(results["core_number"]))
    results["core_number"][node] += 1
    path.write_bytes(pickle.dumps(results))
    same = _same_analytics(tmp_path)
    assert same["same_results"] is False and same["checks"]["core_number"] is False


def _query_work(built_store_path: Path, tmp_path: Path, monkeypatch) -> Path:
    import shutil

    import pyoxigraph as ox

    shutil.copytree(built_store_path, tmp_path / "store")
    data = tmp_path / "graph.nq"
    ox.Store.read_only(str(tmp_path / "store")).dump(str(data), format=ox.RdfFormat.N_QUADS)
    # Two queries keep the test short; the others take the same path.
    monkeypatch.setenv("EUKG_BENCH_SKIP_QUERIES", ",".join(
        name for name in ("event_participants", "events", "organisations", "persons", "programme_projects",
                          "region_projects", "regions")))
    return data


@pytest.mark.slow
def test_query_step_reads_an_in_memory_copy_and_baseline_gives_the_same_row_counts(
        built_store_path: Path, tmp_path: Path, monkeypatch) -> None:
    from benchmarks.run import baseline_queries, step_queries

    data = _query_work(built_store_path, tmp_path, monkeypatch)
    monkeypatch.setenv("EUKG_BENCH_QUERIES_ON_DISK", "1")
    mine = step_queries(tmp_path, data, Path("unused"))
    assert set(mine["queries"]) == {"project_partners", "projects"} and mine["copy"]["seconds"] > 0
    assert all("on_disk" in row for row in mine["queries"].values())
    theirs = baseline_queries(tmp_path, data, Path("unused"))
    for name, row in mine["queries"].items():
        assert theirs["queries"][name]["rows"] == row["rows"] > 0, name


@pytest.mark.slow
def test_a_baseline_query_past_its_cap_is_stopped_and_the_next_still_runs(
        built_store_path: Path, tmp_path: Path, monkeypatch) -> None:
    from benchmarks.run import baseline_queries

    data = _query_work(built_store_path, tmp_path, monkeypatch)
    monkeypatch.setenv("EUKG_BENCH_QUERY_CAP", "0.001")
    theirs = baseline_queries(tmp_path, data, Path("unused"))["queries"]
    assert set(theirs) == {"project_partners", "projects"}
    for name, row in theirs.items():
        assert "did not finish within the 0 s query cap" in row["error"], row
        assert row["stopped"]["what"] == name and row["stopped"]["seconds"] >= 0.001


@pytest.mark.slow
def test_a_baseline_query_whose_process_dies_is_reported_at_once(built_store_path: Path, tmp_path: Path,
                                                                  monkeypatch) -> None:
    import os

    import benchmarks.run as harness

    data = _query_work(built_store_path, tmp_path, monkeypatch)
    monkeypatch.setattr(harness, "_rdflib_query", lambda dataset, text, out, answer: os._exit(3))
    theirs = harness.baseline_queries(tmp_path, data, Path("unused"))["queries"]
    assert theirs == {name: {"error": "rdflib's process died (exit code 3)"} for name in ("project_partners", "projects")}


def test_a_step_remeasured_without_its_baseline_keeps_the_earlier_bound() -> None:
    from benchmarks.run import _with_earlier_baseline

    old = {"seconds": 6.9, "cpu_seconds": 7.2, "baseline_error": "did not finish within the 1500 s cap",
           "baseline_seconds_at_least": 1460.0, "baseline_cpu_seconds_at_least": 1454.0}
    fresh = _with_earlier_baseline({"seconds": 10.0, "cpu_seconds": 10.0, "baseline_seconds": None}, old)
    assert fresh["ratio_at_least"] == 146.0 and fresh["cpu_ratio_at_least"] == 145.4
    assert fresh["ratio"] is None and fresh["baseline_from_earlier_run"]
    row = next(line for line in markdown({**_report(1.0), "steps": {"validate_full": fresh}}).splitlines()
               if line.startswith("| validate_full"))
    assert "> 146.0×" in row and "baseline from an earlier run" in row
    measured = _with_earlier_baseline({"seconds": 2.0}, {"baseline_seconds": 8.0, "baseline_cpu_seconds": 6.0})
    assert measured["ratio"] == 4.0 and measured["baseline_cpu_seconds"] == 6.0
    # Nothing measured before: the step stays as it was.
    assert _with_earlier_baseline({"seconds": 2.0}, {}) == {"seconds": 2.0}
