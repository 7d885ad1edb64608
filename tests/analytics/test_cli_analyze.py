"""``eukg analyze`` end to end on the built store."""

from __future__ import annotations

import csv
import io
import json
import shutil

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.build.full import graph_sizes
from kg.cli import app
from kg.store import open_store
from kg.validate import qc_problems

runner = CliRunner()


def analyze(*args: str, store) -> object:
    return runner.invoke(app, ["analyze", *args, "--store", str(store)])


def test_csv_ranking(built_store_path) -> None:
    result = analyze("regions", "--metric", "cross-border-share", "--format", "csv", "--top", "3",
                     store=built_store_path)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["rank", "node", "label", "country", "cross-border-share"]
    assert len(rows) == 3 and float(rows[0]["cross-border-share"]) == 1.0


def _organisation_count(store_path) -> int:
    # Every organisation is a node of the co-participation network, isolated or not.
    from kg.sparql.queries import find, run
    from kg.store import open_store

    return len(run(find("organisations"), open_store(store_path)).rows)


def test_json_communities_with_seed(built_store_path) -> None:
    first = analyze("coparticipation", "-m", "louvain", "-f", "json", "--top", "0", "--seed", "7",
                    store=built_store_path)
    second = analyze("coparticipation", "-m", "louvain", "-f", "json", "--top", "0", "--seed", "7",
                     store=built_store_path)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout) == json.loads(second.stdout)
    assert len(json.loads(first.stdout)) == _organisation_count(built_store_path)


def test_in_memory_and_on_disk_give_the_same_ranking(built_store_path) -> None:
    args = ("coparticipation", "-m", "betweenness", "-f", "json", "--top", "0", "--seed", "7")
    in_memory = analyze(*args, "--in-memory", store=built_store_path)
    on_disk = analyze(*args, "--on-disk", store=built_store_path)
    assert in_memory.exit_code == 0, in_memory.output
    assert json.loads(in_memory.stdout) == json.loads(on_disk.stdout)


@pytest.mark.slow
def test_written_back_scores_are_a_derived_graph_that_a_build_computes_again(built_store_path, tmp_path) -> None:
    from clones import clone_store

    from kg.ingest.sources import list_sources
    from kg.store import open_snapshot
    from kg.store.writer import build

    location, data = clone_store(built_store_path, tmp_path)
    result = analyze("coparticipation", "-m", "degree", "--seed", "7", "--write-back", "--in-memory", store=location)
    assert result.exit_code == 0, result.output
    name = "https://w3id.org/eu-regional-kg/graph/analytics/coparticipation-degree"
    [derived] = [i for i in list_sources(*reversed(open_snapshot(location))) if i.kind == "derived"]
    assert derived.graph == name and derived.recipe["metric_options"]["seed"] == 7 and derived.triples > 0
    before = graph_sizes(open_store(location))[name]
    build(location, data_dir=data)
    assert graph_sizes(open_store(location))[name] == before


@pytest.mark.slow
@pytest.mark.parametrize("metric", ["degree", "weighted-degree", "betweenness", "closeness", "eigenvector",
                                    "label-propagation", "components", "core-number", "brokerage"])
def test_every_metric_runs_on_the_events_network(built_store_path, metric) -> None:
    result = analyze("events", "-m", metric, "-f", "json", store=built_store_path)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)


def test_table_and_level(built_store_path) -> None:
    result = analyze("programme-regions", "-m", "degree", "--level", "1", store=built_store_path)
    assert result.exit_code == 0, result.output
    assert "Single Market Programme" in result.stdout


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export(built_store_path, tmp_path, fmt) -> None:
    out = tmp_path / f"net.{fmt}"
    result = analyze("coparticipation", "--export", fmt, "--out", str(out), "-m", "betweenness",
                     store=built_store_path)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert graph.number_of_nodes() == _organisation_count(built_store_path)
    assert all("betweenness" in data for _, data in graph.nodes(data=True))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["friends", "-m", "degree"], "unknown network 'friends'"),
        (["regions", "-m", "fame"], "unknown metric"),
        (["regions", "-m", "degree", "--level", "5"], "NUTS level must be 0, 1, 2 or 3"),
        (["regions"], "give --metric"),
        (["regions", "--export", "gexf"], "--export needs --out"),
        (["regions", "--export", "dot", "--out", "x.dot"], "--export must be one of"),
        (["regions", "--write-back"], "--write-back needs --metric"),
    ],
)
def test_clear_errors(built_store_path, args, message) -> None:
    result = analyze(*args, store=built_store_path)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_store(tmp_path) -> None:
    result = analyze("regions", "-m", "degree", store=tmp_path / "none")
    assert result.exit_code == 1 and "no store" in result.output


@pytest.mark.slow
def test_write_back_adds_one_graph_and_changes_no_other(built_store_path, tmp_path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(built_store_path.resolve(), copy)
    before = graph_sizes(open_store(copy))
    for _ in range(2):  # a second run replaces the scores instead of adding to them
        result = analyze("regions", "-m", "brokerage", "--write-back", store=copy)
        assert result.exit_code == 0, result.output
    store = open_store(copy)
    after = graph_sizes(store)
    name = "https://w3id.org/eu-regional-kg/graph/analytics/regions-brokerage"
    assert {g: n for g, n in after.items() if g != name} == before
    scores = list(store.query(
        f"SELECT ?s WHERE {{ GRAPH <{name}> {{ ?s a <https://w3id.org/eu-regional-kg/ontology#NetworkScore> }} }}"))
    from kg.analytics import build_network

    regions = build_network("regions", open_store(built_store_path)).number_of_nodes()
    assert len(scores) == regions * 5  # every region x the five brokerage roles
    assert qc_problems(store) == []


def test_unknown_backend_is_a_clear_error(built_store_path) -> None:
    result = analyze("events", "-m", "betweenness", "--backend", "no-such-backend", store=built_store_path)
    assert result.exit_code == 1
    assert "not installed" in result.output and "Traceback" not in result.output


def test_list_metrics_needs_no_network() -> None:
    result = runner.invoke(app, ["analyze", "--list-metrics"])
    assert result.exit_code == 0
    assert "brokerage" in result.stdout and "cross-border-share" in result.stdout
    missing = runner.invoke(app, ["analyze", "-m", "degree"])
    assert missing.exit_code == 2 and "give the NETWORK" in missing.output


@pytest.mark.slow
@pytest.mark.parametrize("metric", ["betweenness", "core-number", "components", "weighted-degree"])
def test_igraph_backend_gives_the_networkx_ranking(built_store_path, metric: str) -> None:
    pytest.importorskip("igraph")
    outputs = {}
    for backend in ("networkx", "igraph"):
        result = analyze("coparticipation", "-m", metric, "--backend", backend, "--format", "json", "--top", "0",
                         store=built_store_path)
        assert result.exit_code == 0, result.output
        outputs[backend] = {row["node"]: row[metric] for row in json.loads(result.stdout)}
    assert len(outputs["igraph"]) > 10
    assert outputs["igraph"] == pytest.approx(outputs["networkx"])
