"""Named queries on a remote endpoint: results as rdflib terms, and one clear line for each failure."""

from __future__ import annotations

import pytest
from rdflib import XSD, BNode, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.queries import find
from kg.sparql.remote import Endpoint, RemoteError, parse_json_results, run_remote, select_remote

runner = CliRunner()


def _no_sleep(waits: list[float]):
    return waits.append


def test_results_become_the_same_rdflib_terms(fake_endpoint: str) -> None:
    result = select_remote(Endpoint(f"{fake_endpoint}/ok"), "SELECT * WHERE { ?s ?p ?o }")
    assert result.columns == ["x", "n", "label"]
    assert result.rows[0] == (URIRef("http://example.org/a"), Literal(3), Literal("A", lang="en"))
    assert result.rows[1] == (BNode("b0"), None, Literal("plain", datatype=XSD.string))


def test_a_refused_connection_is_retried_with_back_off_then_reported(closed_port: int) -> None:
    waits: list[float] = []
    endpoint = Endpoint(f"http://127.0.0.1:{closed_port}/sparql", timeout=2, retries=3, backoff=0.25)
    with pytest.raises(RemoteError, match=r"down or unreachable.*refused.*after 4 attempts") as caught:
        select_remote(endpoint, "SELECT * WHERE { ?s ?p ?o }", sleep=_no_sleep(waits))
    assert waits == [0.25, 0.5, 1.0]
    assert "\n" not in str(caught.value)


def test_a_slow_endpoint_times_out(fake_endpoint: str) -> None:
    endpoint = Endpoint(f"{fake_endpoint}/slow", timeout=0.3, retries=1, backoff=0)
    with pytest.raises(RemoteError, match=r"did not answer within 0.3 s \(gave up after 2 attempts\)"):
        select_remote(endpoint, "SELECT * WHERE { ?s ?p ?o }", sleep=lambda s: None)


def test_garbage_is_not_retried_and_says_what_came_back(fake_endpoint: str) -> None:
    waits: list[float] = []
    with pytest.raises(RemoteError, match=r"did not answer SPARQL JSON results \(text/html.*Welcome to nginx"):
        select_remote(Endpoint(f"{fake_endpoint}/junk"), "SELECT * WHERE { ?s ?p ?o }", sleep=_no_sleep(waits))
    assert waits == []


def test_a_server_error_is_retried(fake_endpoint: str) -> None:
    waits: list[float] = []
    with pytest.raises(RemoteError, match=r"HTTP 503.*after 3 attempts"):
        select_remote(Endpoint(f"{fake_endpoint}/busy", retries=2, backoff=1), "SELECT * WHERE {}", sleep=_no_sleep(waits))
    assert waits == [1, 2]


@pytest.mark.parametrize(
    "body",
    [b"", b"[]", b'{"head": {}}', b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "alien", "value": "1"}}]}}',
     b'{"head": {"vars": ["x"]}, "boolean": true}', b"\xff\xfe"],
)
def test_malformed_results_are_refused(body: bytes) -> None:
    with pytest.raises((ValueError, UnicodeDecodeError)):
        parse_json_results(body)


def test_a_named_query_checks_the_columns(fake_endpoint: str) -> None:
    with pytest.raises(RemoteError, match="answered columns"):
        run_remote(find("projects"), Endpoint(f"{fake_endpoint}/ok"))


def test_cli_reports_a_down_endpoint_in_one_line(closed_port: int) -> None:
    outcome = runner.invoke(app, ["query", "projects", "--endpoint", f"http://127.0.0.1:{closed_port}/sparql",
                                  "--retries", "0", "--timeout", "2"])
    assert outcome.exit_code == 1
    assert "error:" in outcome.output and "down or unreachable" in outcome.output
    assert "Traceback" not in outcome.output


def test_cli_reports_garbage_in_one_line(fake_endpoint: str) -> None:
    outcome = runner.invoke(app, ["query", "projects", "--endpoint", f"{fake_endpoint}/junk"])
    assert outcome.exit_code == 1 and "did not answer SPARQL JSON results" in outcome.output


def test_credentials_are_sent_and_a_refusal_is_one_clear_line(fake_endpoint: str) -> None:
    query = "SELECT * WHERE { ?s ?p ?o }"
    assert len(select_remote(Endpoint(f"{fake_endpoint}/auth", "reader", "secret"), query).rows) == 2
    for user, password in ((None, None), ("reader", "wrong")):
        waits: list[float] = []
        with pytest.raises(RemoteError, match=r"/auth refused the credentials \(HTTP 401 Unauthorized\)$"):
            select_remote(Endpoint(f"{fake_endpoint}/auth", user, password), query, sleep=_no_sleep(waits))
        assert waits == []  # wrong credentials are not retried


def test_cli_passes_user_and_password(fake_endpoint: str, tmp_path) -> None:
    path = tmp_path / "any.rq"
    path.write_text("SELECT ?x ?n ?label WHERE { ?x ?n ?label }", encoding="utf-8")
    command = ["query", str(path), "-f", "csv", "--endpoint", f"{fake_endpoint}/auth", "--retries", "0"]
    outcome = runner.invoke(app, command)
    assert outcome.exit_code == 1 and "refused the credentials" in outcome.output
    outcome = runner.invoke(app, [*command, "--user", "reader", "--password", "secret"])
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output.splitlines()[:2] == ["x,n,label", "http://example.org/a,3,A"]


def test_push_to_a_down_or_failing_store_is_one_clear_error(closed_port: int, fake_endpoint: str, tmp_path) -> None:
    import pyoxigraph as ox

    from kg.sparql.push import push

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("1"),
                      ox.NamedNode("http://example.org/g")))
    down = f"http://127.0.0.1:{closed_port}"
    waits: list[float] = []
    with pytest.raises(RemoteError, match=rf"PUT {down}/store\?graph=.* failed: .*refused.*\(gave up after 3 attempts\)"):
        push(store, Endpoint(f"{down}/query", retries=2), graph_store=f"{down}/store",
             state_file=tmp_path / "state.json", sleep=_no_sleep(waits))
    assert waits == [0.5, 1.0]
    assert not (tmp_path / "state.json").exists()  # nothing was done, nothing recorded
    with pytest.raises(RemoteError, match=r"POST .*/busy answered HTTP 503"):
        push(store, Endpoint(f"{fake_endpoint}/ok", retries=1), update_endpoint=f"{fake_endpoint}/busy",
             sleep=_no_sleep([]))
