"""Push the store into a real Oxigraph server on loopback; every named query then gives the same rows."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hostile import ESCAPE_LITERALS, HOSTILE_LITERALS, hostile_store
from loopback import oxigraph_serve, served_by

from kg.errors import KgError
from kg.sparql import results
from kg.sparql.catalogue import is_federated
from kg.sparql.push import push
from kg.sparql.queries import find, library, run
from kg.sparql.remote import Endpoint, run_remote


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_serve(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="module")
def pushed(oxigraph_server: str, store, tmp_path_factory: pytest.TempPathFactory) -> str:
    state = tmp_path_factory.mktemp("push") / "state.json"
    report = push(store, Endpoint(f"{oxigraph_server}/query"), graph_store=f"{oxigraph_server}/store",
                  batch_size=4000, state_file=state)
    assert report.mismatches == {}, report.text()
    assert report.sent_batches > len(report.counts)  # the NUTS graph took several batches
    return oxigraph_server


@pytest.mark.slow
def test_counts_match_and_a_second_push_resumes(pushed: str, store, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    first = next(iter(library()))  # any query works; this checks the server answers
    assert first
    graphs = {str(g.value) for g in store.named_graphs()}
    state.write_text(json.dumps({"target": f"{pushed}/store", "done": {g: 99 for g in graphs}}))
    report = push(store, Endpoint(f"{pushed}/query"), graph_store=f"{pushed}/store", batch_size=4000,
                  state_file=state)
    assert report.sent_batches == 0 and report.skipped_batches > 0
    assert report.mismatches == {}


def test_push_through_sparql_update(oxigraph_server: str, store) -> None:
    graph = "https://w3id.org/eu-regional-kg/graph/curation"
    report = push(store, Endpoint(f"{oxigraph_server}/query"), update_endpoint=f"{oxigraph_server}/update",
                  batch_size=10, graphs=[graph])
    assert report.sent_batches >= 3 and report.mismatches == {}


@pytest.mark.slow
@pytest.mark.parametrize("query", [q for q in library().values() if not is_federated(q)], ids=lambda q: q.name)
def test_every_named_query_gives_the_same_rows_on_the_server(pushed: str, store, query) -> None:
    local = results.to_csv(run(query, store)).splitlines()
    remote = results.to_csv(run_remote(query, Endpoint(f"{pushed}/query", retries=0))).splitlines()
    assert local[0] == remote[0]
    assert sorted(local[1:]) == sorted(remote[1:])


@pytest.mark.slow
def test_cli_push_and_query(pushed: str, built_store_path: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    outcome = runner.invoke(app, ["push", "--endpoint", f"{pushed}/query", "--graph-store", f"{pushed}/store",
                                  "--store", str(built_store_path), "--state", str(tmp_path / "state.json")])
    assert outcome.exit_code == 0, outcome.output
    assert "0 mismatches" in outcome.output and not (tmp_path / "state.json").exists()
    outcome = runner.invoke(app, ["query", "cross_border_projects", "-f", "csv", "--endpoint", f"{pushed}/query"])
    assert outcome.exit_code == 0 and "SME4GREEN,3," in outcome.output


class _Interrupted(Exception):
    """Stands for a push killed half-way (network gone, Ctrl-C)."""


def test_an_interrupted_push_resumes_where_it_stopped(oxigraph_server: str, store, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    nuts = "https://w3id.org/eu-regional-kg/graph/nuts"  # several batches of 2000 triples
    curation = "https://w3id.org/eu-regional-kg/graph/curation"
    sent: list[str] = []

    def stop_after_three(message: str) -> None:
        sent.append(message)
        if len(sent) == 3:
            raise _Interrupted(message)

    endpoint = Endpoint(f"{oxigraph_server}/query")
    with pytest.raises(_Interrupted):
        push(store, endpoint, graph_store=f"{oxigraph_server}/store", batch_size=2000, state_file=state,
             graphs=[nuts, curation], progress=stop_after_three)
    assert json.loads(state.read_text())["done"] == {nuts: 3}
    with pytest.raises(KgError, match="batches of 2000 triples, not 500"):
        push(store, endpoint, graph_store=f"{oxigraph_server}/store", batch_size=500, state_file=state, graphs=[nuts])
    report = push(store, endpoint, graph_store=f"{oxigraph_server}/store", batch_size=2000, state_file=state,
                  graphs=[nuts, curation])
    local = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(nuts)))
    assert report.skipped_batches == 3
    assert report.sent_batches == -(-local // 2000) - 3 + 1  # the rest of NUTS, and curation in one batch
    assert report.mismatches == {}


@pytest.mark.slow
def test_a_count_mismatch_is_reported_and_fails_the_cli(pushed: str, store, built_store_path: Path,
                                                        tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    graph = "https://w3id.org/eu-regional-kg/graph/curation"
    request = urllib.request.Request(f"{pushed}/store?{urllib.parse.urlencode({'graph': graph})}", method="DELETE")
    urllib.request.urlopen(request, timeout=10).close()
    local = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    # A state file that wrongly says the graph was sent: the count check is what catches it.
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"target": f"{pushed}/store", "done": {graph: 99}}))
    outcome = CliRunner().invoke(app, ["push", "--endpoint", f"{pushed}/query", "--graph-store", f"{pushed}/store",
                                       "--store", str(built_store_path), "--state", str(state)])
    assert outcome.exit_code == 1
    assert f"{graph}: {local} triples in the store, 0 on the server" in " ".join(outcome.output.split())
    assert state.exists()  # kept, so the user sees what was recorded
    state.unlink()
    report = push(store, Endpoint(f"{pushed}/query"), graph_store=f"{pushed}/store", graphs=[graph])
    assert report.counts == {graph: (local, local)}


@pytest.mark.parametrize("network", ["coparticipation", "bipartite", "regions", "programme-regions", "events"])
def test_every_network_is_the_same_from_the_server(pushed: str, store, network: str) -> None:
    import networkx as nx

    from kg.analytics import build_network, endpoint_rows

    local = build_network(network, store, level=2)
    remote = build_network(network, endpoint_rows(Endpoint(f"{pushed}/query", retries=0)), level=2)
    assert local.number_of_edges() > 0
    assert nx.utils.graphs_equal(local, remote)


def test_cli_analyze_from_the_server(pushed: str, built_store_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    command = ["analyze", "coparticipation", "--metric", "weighted-degree", "--top", "0", "-f", "csv"]
    local = runner.invoke(app, [*command, "--store", str(built_store_path)])
    remote = runner.invoke(app, [*command, "--endpoint", f"{pushed}/query"])
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output and "SME4GREEN" not in remote.output and "Ecorys" in remote.output
    refused = runner.invoke(app, [*command, "--endpoint", f"{pushed}/query", "--write-back"])
    assert refused.exit_code == 2 and "--write-back" in refused.output


def test_a_graph_with_blank_nodes_is_not_split(oxigraph_server: str) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    graph = "https://w3id.org/eu-regional-kg/graph/test-blank-nodes"
    data = b"""<http://example.org/a> <http://example.org/p> [ <http://example.org/q> 1 ; <http://example.org/r> 2 ] ;
               <http://example.org/p> [ <http://example.org/q> 1 ] ; <http://example.org/s> 3 ."""
    local = ox.Store()
    local.load(data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    report = push(local, Endpoint(f"{oxigraph_server}/query"), graph_store=f"{oxigraph_server}/store", batch_size=1)
    assert report.sent_batches == 1 and report.counts == {graph: (6, 6)}
    url = f"{oxigraph_server}/store?{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as response:
        remote = Graph().parse(data=response.read(), format="nt")
    assert isomorphic(remote, Graph().parse(data=data, format="turtle"))
    urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=10).close()


def test_the_federated_query_joins_on_the_wikidata_links(store, wikidata_stand_in: str) -> None:
    rows = results.to_records(run(served_by(find("partner_country_wikidata"), wikidata_stand_in), store))
    # Only PL and RO have Wikidata facts on the stand-in; the largest population and the English capital label win.
    assert rows == [
        {"country": "PL", "wikidata": "http://www.wikidata.org/entity/Q36", "population": 38000000,
         "capital_name": "Warsaw"},
        {"country": "RO", "wikidata": "http://www.wikidata.org/entity/Q218", "population": 19000000,
         "capital_name": "Bucharest"},
    ]


@pytest.mark.parametrize("protocol", ["graph-store", "update"])
def test_hostile_literals_arrive_unchanged_on_the_server(oxigraph_server: str, protocol: str) -> None:
    graph = f"https://w3id.org/eu-regional-kg/graph/test-hostile-{protocol}"
    local = hostile_store(HOSTILE_LITERALS + ESCAPE_LITERALS, graph)
    sent = ({"graph_store": f"{oxigraph_server}/store"} if protocol == "graph-store"
            else {"update_endpoint": f"{oxigraph_server}/update"})
    report = push(local, Endpoint(f"{oxigraph_server}/query"), batch_size=3, **sent)
    assert report.mismatches == {} and report.sent_batches == 4
    url = f"{oxigraph_server}/store?{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as response:
        remote = {quad.triple for quad in ox.parse(response.read(), format=ox.RdfFormat.N_TRIPLES)}
    assert remote == {quad.triple for quad in local}
    urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=10).close()
