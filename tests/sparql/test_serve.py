"""The SPARQL endpoint: protocol, formats, limits, read-only by default, and the query page in Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest
from clones import clone_store
from group_concat import rows_with_parts_sorted
from loopback import threaded
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg.ingest.sources import remove_source, replace_source
from kg.namespaces import EKG, SOURCE
from kg.privacy import public_copy
from kg.sparql import results
from kg.sparql.catalogue import is_federated
from kg.sparql.queries import find, library, run
from kg.sparql.remote import Endpoint, run_remote
from kg.sparql.serve import ServerConfig, SparqlServer, make_server, serve_location, uses_service
from kg.store.writer import build


@contextmanager
def serving(store: ox.Store, config: ServerConfig) -> Iterator[tuple[str, SparqlServer]]:
    """Run a server on a free loopback port; close it (and its query workers) on leaving."""
    server = make_server(store, "127.0.0.1", 0, config)
    with threaded(server) as url:
        yield url, server


def _start(store: ox.Store, config: ServerConfig) -> Iterator[str]:
    with serving(store, config) as (url, _):
        yield url


@pytest.fixture(scope="module")
def endpoint(store) -> Iterator[str]:
    yield from _start(store, ServerConfig(timeout=20, max_results=5000))


def _get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def _post(url: str, data: dict[str, str], headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_get_select_as_json_xml_csv(endpoint: str, store) -> None:
    url = f"{endpoint}/sparql?query={urllib.parse.quote(COUNT)}"
    status, kind, body = _get(url)
    assert status == 200 and kind.startswith("application/sparql-results+json")
    expected = len(list(store.quads_for_pattern(None, None, None)))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(expected)
    assert b"<sparql" in _get(url, "application/sparql-results+xml")[2]
    assert _get(url, "text/csv")[2].decode().split() == ["n", str(expected)]


def test_post_construct_as_turtle_and_ntriples(endpoint: str) -> None:
    query = "CONSTRUCT { ?p <http://example.org/a> ?a } WHERE { ?p <https://w3id.org/eu-regional-kg/ontology#acronym> ?a }"
    status, body = _post(f"{endpoint}/sparql", {"query": query}, {"Accept": "text/turtle"})
    assert status == 200
    graph = ox.parse(body, format=ox.RdfFormat.TURTLE)
    assert any(t.object.value == "SME4GREEN" for t in graph)
    status, body = _post(f"{endpoint}/sparql", {"query": query, "format": "nt"})
    assert status == 200 and list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))


def test_ask_and_errors(endpoint: str) -> None:
    status, _, body = _get(f"{endpoint}/sparql?query={urllib.parse.quote('ASK { ?s ?p ?o }')}")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = _get(f"{endpoint}/sparql?query={urllib.parse.quote('SELECT WHERE {')}")
    assert status == 400 and b"not valid SPARQL" in body
    assert _get(f"{endpoint}/nothing")[0] == 404


def test_read_only_and_says_where_changes_go(endpoint: str, store) -> None:
    status, body = _post(f"{endpoint}/sparql", {"update": "CLEAR ALL"}, {"Authorization": "Bearer x"})
    assert status == 403 and b"read-only" in body and b"eukg ingest" in body
    assert _get(f"{endpoint}/sparql?update=CLEAR%20ALL")[0] == 403
    assert len(store) > 0


def test_service_is_refused(endpoint: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, body = _post(f"{endpoint}/sparql", {"query": query})
    assert status == 403 and b"SERVICE" in body
    assert uses_service(query) and not uses_service("SELECT * WHERE { ?s <http://x/SERVICE> ?o }")
    assert uses_service(find("partner_country_wikidata").text)


def test_result_size_limit(endpoint: str) -> None:
    status, body = _post(f"{endpoint}/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert status == 413 and b"more than 5000 results" in body


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


@pytest.mark.slow
@pytest.mark.parametrize("in_memory", [False, True], ids=["workers-on-disk", "workers-in-memory"])
def test_time_limit_kills_the_query_and_frees_its_slot(store, in_memory: bool) -> None:
    # 3 s, not less: the warm-up ASK must finish within the limit on a loaded 2-core machine too.
    with serving(store, ServerConfig(timeout=3, workers=1, in_memory=in_memory)) as (url, server):
        assert _post(f"{url}/sparql", {"query": "ASK { ?s ?p ?o }"})[0] == 200
        [first] = server.pool.pids()
        # urllib gives up after 30 s, so a 503 here came within a bounded time.
        status, body = _post(f"{url}/sparql", {"query": HEAVY})
        assert status == 503 and b"longer than 3 s" in body
        assert not psutil.pid_exists(first), "the worker that ran the heavy query still runs"
        assert first not in [child.pid for child in psutil.Process().children(recursive=True)]
        assert server.pool.pids() == []
        # The only slot is free again: the next query gets a fresh worker and its answer.
        status, body = _post(f"{url}/sparql", {"query": "ASK { ?s ?p ?o }"})
        assert status == 200 and json.loads(body)["boolean"] is True
        assert server.pool.pids() and server.pool.pids() != [first]


def _values(n: int) -> str:
    return f"SELECT ?x WHERE {{ VALUES ?x {{ {n} }} }}"


def test_concurrent_queries_each_get_their_own_answer(store) -> None:
    answers: dict[int, tuple[int, bytes]] = {}

    def ask(n: int) -> None:
        answers[n] = _post(f"{url}/sparql", {"query": _values(n)}, {"Accept": "text/csv"})

    with serving(store, ServerConfig(timeout=60, workers=3)) as (url, server):
        threads = [threading.Thread(target=ask, args=(n,)) for n in range(9)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert 1 <= len(server.pool.pids()) <= 3
    assert {n: reply for n, reply in answers.items()} == {n: (200, f"x\r\n{n}\r\n".encode()) for n in range(9)}


@pytest.mark.slow
def test_a_runaway_query_does_not_hold_up_the_others(store) -> None:
    heavy: list[int] = []
    with serving(store, ServerConfig(timeout=10, workers=2)) as (url, server):
        runaway = threading.Thread(target=lambda: heavy.append(_post(f"{url}/sparql", {"query": HEAVY})[0]))
        runaway.start()
        for n in range(3):
            assert _post(f"{url}/sparql", {"query": _values(n)})[0] == 200
        assert runaway.is_alive(), "the short queries waited for the runaway one"
        runaway.join()
    assert heavy == [503]


def test_closing_the_server_kills_a_running_query(store) -> None:
    replies: list[int] = []
    with serving(store, ServerConfig(timeout=600, workers=1)) as (url, server):
        runaway = threading.Thread(target=lambda: replies.append(_post(f"{url}/sparql", {"query": HEAVY})[0]))
        runaway.start()
        while not server.pool.pids():
            runaway.join(0.05)
        [pid] = server.pool.pids()
        directory = server.pool.directory
    runaway.join()
    assert not psutil.pid_exists(pid)
    assert not directory.exists()
    assert replies and replies[0] in (500, 503)


def _source(identifier: str, n: int) -> Graph:
    """A small valid source stating ``n`` labels of one organisation."""
    graph = Graph()
    doc = SOURCE[identifier]
    graph.add((doc, RDF.type, EKG.SourceDocument))
    graph.add((doc, DCTERMS.title, Literal(f"source {identifier}")))
    graph.add((doc, DCTERMS.identifier, Literal(identifier)))
    graph.add((doc, DCTERMS.language, URIRef("http://publications.europa.eu/resource/authority/language/ENG")))
    for k in range(n):
        graph.add((URIRef("https://w3id.org/eu-regional-kg/id/organisation/served"), SKOS.altLabel,
                   Literal(f"served {identifier} {k}", lang="en")))
    return graph


SERVED = "SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/eu-regional-kg/id/organisation/served> ?p ?o }"


@contextmanager
def _serving_location(location: Path, config: ServerConfig) -> Iterator[str]:
    server = serve_location(location, port=0, config=config)
    with threaded(server) as url:
        yield url


def _served(url: str) -> int:
    status, body = _post(f"{url}/sparql", {"query": SERVED})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
@pytest.mark.parametrize("workers_in_memory", [False, True], ids=["on-disk", "read-in-memory"])
def test_the_server_follows_each_ingest_without_a_restart(built_store_path, tmp_path, workers_in_memory) -> None:
    location, _ = clone_store(built_store_path, tmp_path)
    with _serving_location(location, ServerConfig(workers=2, in_memory=workers_in_memory)) as url:
        assert _served(url) == 0
        for n in (1, 2, 3):
            replace_source("served", _source("served", n), location)
            assert _served(url) == n
        remove_source("served", location)
        assert _served(url) == 0


@pytest.mark.slow
def test_a_build_while_queries_stream_fails_no_request(built_store_path, tmp_path) -> None:
    """Readers stream queries while sources are ingested and the store is rebuilt: every request gets
    its answer, no count goes backwards, and the new data is served afterwards."""
    location, data = clone_store(built_store_path, tmp_path)
    seen: dict[int, list[int]] = {0: [], 1: []}
    done = threading.Event()

    def read(url: str, number: int) -> None:
        while not done.is_set():
            seen[number].append(_served(url))

    with _serving_location(location, ServerConfig(workers=2)) as url:
        readers = [threading.Thread(target=read, args=(url, number)) for number in range(2)]
        for reader in readers:
            reader.start()
        replace_source("served", _source("served", 2), location)
        build(location, data_dir=data)
        replace_source("served", _source("served", 3), location)
        done.set()
        for reader in readers:
            reader.join()
        assert _served(url) == 3
    for counts in seen.values():
        assert counts and set(counts) <= {0, 2, 3} and counts == sorted(counts)


EUKG = Path(sys.executable).with_name("eukg")


@contextmanager
def _eukg_serve(store_path: Path, timeout: int, *extra: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """Run the real ``eukg serve`` command; yield the process and its URL, and kill it if it is still up."""
    command = [str(EUKG), "serve", "--store", str(store_path), "--port", "0", "--timeout", str(timeout), *extra]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    try:
        first = server.stdout.readline()
        # The project's small store is read through in-memory copies unless --on-disk is given.
        assert ("queries in memory" in first) == ("--on-disk" not in extra), first
        yield server, re.search(r"http://127\.0\.0\.1:\d+", first).group(0)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest.mark.slow
@pytest.mark.tool(not EUKG.exists(), "the eukg console script is not installed beside this Python")
def test_eukg_serve_kills_runaway_queries_and_stops_its_workers_on_ctrl_c(built_store_path) -> None:
    with _eukg_serve(built_store_path, timeout=1) as (server, url):
        status, body = _post(f"{url}/sparql", {"query": HEAVY})
        assert status == 503 and b"longer than 1 s" in body
        assert _post(f"{url}/sparql", {"query": _values(7)}, {"Accept": "text/csv"}) == (200, b"x\r\n7\r\n")
        workers = psutil.Process(server.pid).children(recursive=True)
        assert workers
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=60) == 0
        gone, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == [], f"worker processes outlived `eukg serve`: {alive}"


@pytest.mark.tool(not EUKG.exists(), "the eukg console script is not installed beside this Python")
def test_workers_exit_when_eukg_serve_is_killed_mid_query(built_store_path) -> None:
    with _eukg_serve(built_store_path, 600, "--on-disk") as (server, url):
        def ask() -> None:
            with contextlib.suppress(OSError):  # the server dies under the request
                _post(f"{url}/sparql", {"query": HEAVY})

        runaway = threading.Thread(target=ask, daemon=True)
        runaway.start()
        parent = psutil.Process(server.pid)
        while not any("spawn_main" in " ".join(child.cmdline()) for child in parent.children()):
            runaway.join(0.05)
        workers = parent.children(recursive=True)
        server.kill()  # SIGKILL: the server has no chance to stop its workers itself
        server.wait()
        gone, alive = psutil.wait_procs(workers, timeout=30)
        assert alive == [], f"worker processes outlived the killed server: {alive}"
        runaway.join()


def test_no_personal_data_copy(store) -> None:
    copy = public_copy(store)
    for url in _start(copy, ServerConfig()):
        query = "SELECT ?n WHERE { ?p <https://schema.org/name> ?n }"
        status, body = _post(f"{url}/sparql", {"query": query})
        assert status == 200 and json.loads(body)["results"]["bindings"] == []


NAMED = [q for q in library().values() if not is_federated(q)]


def test_workers_reading_in_memory_copies_give_the_same_rows(store) -> None:
    with serving(store, ServerConfig(timeout=60, workers=2, in_memory=True)) as (url, _):
        for query in (q for q in NAMED if "contract" in q.tags):
            remote = run_remote(query, Endpoint(f"{url}/sparql", retries=0)).rows
            assert rows_with_parts_sorted(remote) == rows_with_parts_sorted(run(query, store).rows), query.name


@pytest.mark.slow
@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_every_named_query_gives_the_same_csv_through_the_endpoint(endpoint: str, store, query) -> None:
    local = results.to_csv(run(query, store))
    remote = results.to_csv(run_remote(query, Endpoint(f"{endpoint}/sparql", retries=0)))
    assert remote == local


def test_the_page_lists_the_named_queries(endpoint: str) -> None:
    status, kind, _ = _get(f"{endpoint}/")
    assert status == 200 and kind.startswith("text/html")
    status, kind, body = _get(f"{endpoint}/queries.json")
    assert status == 200 and kind == "application/json"
    assert [entry["name"] for entry in json.loads(body)] == list(library())



CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.tool(CHROMIUM is None, "Debian chromium is not installed (apt-get install chromium)")
def test_the_page_runs_a_named_query_in_headless_chromium(endpoint: str, tmp_path) -> None:
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000", "--dump-dom",
        f"{endpoint}/?example=project_partners&run=1",
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    assert 'id="result-table"' in dom, dom[-2000:]
    assert "<th>organisation_name</th>" in dom
    assert "Ilfov County Council" in dom and "SME4GREEN" in dom
