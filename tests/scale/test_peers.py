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
