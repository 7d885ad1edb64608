"""Push the store into a real Virtuoso (Debian virtuoso-opensource) on loopback and compare every named query.

Normalisation: Virtuoso orders the parts of a GROUP_CONCAT differently, so cells made of "; "-separated
parts are compared with their parts sorted. Every non-federated named query runs on Virtuoso 7.2: none is
marked xfail (queries are written in the SPARQL 1.1 that Virtuoso accepts, such as counts filtered outside a
sub-query instead of HAVING on a sum of counts).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import ESCAPE_LITERALS, HOSTILE_LITERALS, hostile_store
from integration_tools import missing_tool

from benchmarks import servers
from benchmarks.answers import normalised
from kg.sparql import results
from kg.sparql.catalogue import is_federated
from kg.sparql.push import push
from kg.sparql.queries import library, run
from kg.sparql.remote import Endpoint, run_remote, select_remote
from kg.store import to_rdflib


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if servers.VIRTUOSO is None:
        missing_tool("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    with servers.virtuoso_serve(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server.url


@pytest.fixture(scope="module")
def pushed(virtuoso: str, store, tmp_path_factory: pytest.TempPathFactory) -> str:
    report = push(store, Endpoint(f"{virtuoso}/sparql", "dba", "dba", timeout=60),
                  graph_store=f"{virtuoso}/sparql-graph-crud-auth", batch_size=4000,
                  state_file=tmp_path_factory.mktemp("push") / "state.json")
    assert report.mismatches == {}, report.text()
    return virtuoso


@pytest.mark.slow
@pytest.mark.parametrize("query", [q for q in library().values() if not is_federated(q)], ids=lambda q: q.name)
def test_every_named_query_gives_the_same_rows_on_virtuoso(pushed: str, store, query) -> None:
    local = results.to_csv(run(query, store))
    remote = results.to_csv(run_remote(query, Endpoint(f"{pushed}/sparql", timeout=60, retries=0)))
    assert normalised(remote) == normalised(local)


def test_virtuoso_push_is_repeatable(pushed: str, store, tmp_path: Path) -> None:
    graph = "https://w3id.org/eu-regional-kg/graph/curation"
    report = push(store, Endpoint(f"{pushed}/sparql", "dba", "dba"), graph_store=f"{pushed}/sparql-graph-crud-auth",
                  batch_size=10, graphs=[graph], state_file=tmp_path / "state.json")
    assert report.sent_batches >= 3 and report.mismatches == {}


def test_cli_query_with_digest_credentials(pushed: str, built_store_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    command = ["query", "cross_border_projects", "-f", "csv", "--endpoint", f"{pushed}/sparql-auth", "--retries", "0"]
    local = runner.invoke(app, ["query", "cross_border_projects", "-f", "csv", "--store", str(built_store_path)])
    outcome = runner.invoke(app, [*command, "--user", "dba", "--password", "dba"])  # Virtuoso asks for Digest
    assert outcome.exit_code == 0, outcome.output
    assert normalised(outcome.output) == normalised(local.output)
    outcome = runner.invoke(app, [*command, "--user", "dba", "--password", "wrong"])
    assert outcome.exit_code == 1 and "refused the credentials (HTTP 401" in " ".join(outcome.output.split())


HOSTILE = "https://w3id.org/eu-regional-kg/graph/test-hostile"
HOSTILE_ROWS = f"SELECT ?s ?o WHERE {{ GRAPH <{HOSTILE}> {{ ?s ?p ?o }} }}"  # a constant: the graph is the test's own


@pytest.mark.parametrize("protocol", ["graph-store", "update"])
def test_hostile_literals_arrive_unchanged_on_virtuoso(virtuoso: str, protocol: str) -> None:
    local = hostile_store(HOSTILE_LITERALS + ESCAPE_LITERALS, HOSTILE)
    sent = ({"graph_store": f"{virtuoso}/sparql-graph-crud-auth"} if protocol == "graph-store"
            else {"update_endpoint": f"{virtuoso}/sparql-auth"})
    report = push(local, Endpoint(f"{virtuoso}/sparql", "dba", "dba", timeout=60), batch_size=3, **sent)
    assert report.mismatches == {} and report.sent_batches == 4
    rows = select_remote(Endpoint(f"{virtuoso}/sparql", retries=0), HOSTILE_ROWS).rows
    assert sorted(map(tuple, rows)) == sorted((to_rdflib(q.subject), to_rdflib(q.object)) for q in local)
