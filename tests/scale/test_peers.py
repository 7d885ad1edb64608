"""The peers benchmark's comparison of answers (benchmarks/peers.py), on a small generated graph with the
in-process engines only: no server, no timing."""

from __future__ import annotations

from pathlib import Path

from benchmarks import peers
from benchmarks.run import _contract_queries


def _answers(store, folder: Path) -> tuple[dict, list[str]]:
    queries, engines = _contract_queries(), {"pyoxigraph_disk": peers._project(store),
                                             "pyoxigraph_alone": peers._alone(store)}
    for engine, answer in engines.items():
        (folder / engine).mkdir()
        for name, query in queries.items():
            answer(query, folder / engine / f"{name}.csv")
    return queries, list(engines)


def test_the_project_and_pyoxigraph_alone_give_the_same_rows(generated, tmp_path: Path) -> None:
    queries, engines = _answers(generated.base, tmp_path)
    found = peers.compare(tmp_path, engines, list(queries))
    assert set(found) == set(queries)
    assert {name: row["differences"] for name, row in found.items()} == {
        name: {"pyoxigraph_alone": None} for name in queries}
    assert found["projects"]["rows"] > 0


def test_a_lost_row_and_a_changed_cell_are_reported(generated, tmp_path: Path) -> None:
    queries, engines = _answers(generated.base, tmp_path)
    lost = tmp_path / "pyoxigraph_alone" / "projects.csv"
    lost.write_text("\r\n".join(lost.read_text(encoding="utf-8").splitlines()[:-1]), encoding="utf-8")
    changed = tmp_path / "pyoxigraph_alone" / "regions.csv"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Albania", "Albanie", 1), encoding="utf-8")
    found = peers.compare(tmp_path, engines, list(queries))
    rows = found["projects"]["rows"]
    assert found["projects"]["differences"]["pyoxigraph_alone"] == (
        f"1 row only in the reference, 0 only in this answer ({rows:,} rows against {rows - 1:,})")
    assert found["regions"]["differences"]["pyoxigraph_alone"].startswith("1 row only in the reference, 1 only")
    assert found["persons"]["differences"]["pyoxigraph_alone"] is None


def test_the_page_says_how_often_rdflib_ran_and_shows_the_note_of_the_run() -> None:
    import json

    report = json.loads(next(iter(peers.result_files())).read_text(encoding="utf-8"))
    report["rdflib_runs"], report["note"] = 0, "Only two engines ran."
    head = peers.render(report, "peers-test.json")[2]
    assert "rdflib not run" in head and head.endswith("Only two engines ran.")


def test_the_reference_is_the_project_on_disk_else_the_command() -> None:
    assert peers.reference_engine(list(peers.ENGINES)) == "pyoxigraph_disk"
    assert peers.reference_engine(["virtuoso", "eukg_query"]) == "eukg_query"


def test_an_answer_of_virtuosos_row_cap_is_flagged_truncated_not_compared(tmp_path: Path) -> None:
    for engine, rows in (("pyoxigraph_disk", 1_100_000), ("virtuoso", 1 << 20), ("oxigraph_server", 1 << 20)):
        (tmp_path / engine).mkdir()
        (tmp_path / engine / "region_projects.csv").write_text("n\n" + "1\n" * rows, encoding="utf-8")
    found = peers.compare(tmp_path, ["pyoxigraph_disk", "virtuoso", "oxigraph_server"], ["region_projects"])
    row = found["region_projects"]
    assert row["truncated"] == {"virtuoso": 1_048_576}
    assert row["differences"]["virtuoso"].startswith("truncated: 1,048,576 rows")
    assert row["differences"]["oxigraph_server"].startswith("51,424 rows only in the reference")
    assert "virtuoso: truncated" in peers._same(row)
