"""A push killed with SIGKILL midway resumes from its state file; a failing endpoint is retried, then reported."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import handler_serve, oxigraph_serve

from kg.build.stats import stats
from kg.sparql.push import push
from kg.sparql.remote import Endpoint, RemoteError
from kg.store import open_store


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real, empty Oxigraph server on loopback (the union of its named graphs as default graph)."""
    with oxigraph_serve(tmp_path / "remote") as url:
        yield url


def _batches_done(state: Path) -> int:
    try:
        return sum(json.loads(state.read_text(encoding="utf-8")).get("done", {}).values())
    except (OSError, ValueError):
        return 0


@pytest.mark.slow
def test_sigkill_during_push_keeps_the_store_and_the_next_push_resumes(
    oxigraph_server: str, built_store_path: Path, tmp_path: Path
) -> None:
    before = stats(open_store(built_store_path))["graphs"]
    state = tmp_path / "push-state.json"
    child = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "push", "--endpoint", f"{oxigraph_server}/query", "--graph-store",
         f"{oxigraph_server}/store", "--batch-size", "50", "--state", str(state), "--store", str(built_store_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    # Kill it once a few batches are through: about 400 batches of 50 triples remain to be sent.
    deadline = time.monotonic() + 120
    while _batches_done(state) < 5 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert child.poll() is None, "the push ended before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    done = _batches_done(state)
    assert done >= 5, "the state file is unreadable after the kill"
    store = open_store(built_store_path)
    assert stats(store)["graphs"] == before  # the local store is only read by a push

    report = push(store, Endpoint(f"{oxigraph_server}/query"), graph_store=f"{oxigraph_server}/store",
                  batch_size=50, state_file=state)
    assert report.skipped_batches == done and report.sent_batches > 0
    assert report.mismatches == {}, report.text()
    assert set(report.counts) == set(before)


def test_a_changed_graph_is_pushed_again_in_full(oxigraph_server: str, store, tmp_path: Path) -> None:
    graph = "https://w3id.org/eu-regional-kg/graph/curation"
    state = tmp_path / "state.json"
    # A state file left by a push of an older version of the graph (another size): its batches are not trusted.
    state.write_text(json.dumps({"target": f"{oxigraph_server}/store", "batch_size": 100, "done": {graph: 99},
                                 "sizes": {graph: 1}}))
    report = push(store, Endpoint(f"{oxigraph_server}/query"), graph_store=f"{oxigraph_server}/store",
                  batch_size=100, state_file=state, graphs=[graph])
    assert report.skipped_batches == 0 and report.sent_batches > 0
    assert report.mismatches == {}, report.text()


class _Failing(BaseHTTPRequestHandler):
    """A graph store that is overloaded (HTTP 503) for every request; counts the attempts."""

    attempts = 0

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).attempts += 1
        self.send_response(503)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "10")
        self.end_headers()
        self.wfile.write(b"overloaded")

    do_PUT = do_POST = _answer


def test_a_failing_endpoint_is_retried_with_back_off_then_reported(store, tmp_path: Path) -> None:
    waits: list[float] = []
    state = tmp_path / "state.json"
    with handler_serve(_Failing) as base, pytest.raises(RemoteError) as raised:
        push(store, Endpoint(f"{base}/query", retries=3, backoff=0.25), graph_store=f"{base}/store",
             state_file=state, graphs=["https://w3id.org/eu-regional-kg/graph/curation"], sleep=waits.append)
    assert waits == [0.25, 0.5, 1.0]
    assert _Failing.attempts == 4
    message = str(raised.value)
    assert "HTTP 503" in message and "/store" in message and "\n" not in message
    assert _batches_done(state) == 0  # nothing is recorded as done, so the next push sends it


def test_push_can_leave_out_personal_data(oxigraph_server: str, built_store_path: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.sparql.remote import select_remote

    persons = "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/eu-regional-kg/ontology#Person> }"
    assert int(next(iter(open_store(built_store_path).query(persons, use_default_graph_as_union=True)))["n"].value)
    result = CliRunner().invoke(app, ["push", "--endpoint", f"{oxigraph_server}/query", "--graph-store",
                                      f"{oxigraph_server}/store", "--no-personal-data", "--state",
                                      str(tmp_path / "state.json"), "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    endpoint = Endpoint(f"{oxigraph_server}/query")
    assert int(select_remote(endpoint, persons).rows[0][0]) == 0
    emails = "SELECT (COUNT(*) AS ?n) WHERE { ?p <https://schema.org/email> ?e }"
    assert int(select_remote(endpoint, emails).rows[0][0]) == 0
    projects = "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/eu-regional-kg/ontology#Project> }"
    assert int(select_remote(endpoint, projects).rows[0][0]) > 0
