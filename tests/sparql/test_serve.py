"""The SPARQL endpoint: protocol, formats, limits, read-only by default, and the query page in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from kg import results
from kg.privacy import public_copy
from kg.queries import find, library, run
from kg.query_catalogue import is_federated
from kg.remote import Endpoint, run_remote
from kg.serve import ServerConfig, make_server, uses_service


def _start(store: ox.Store, config: ServerConfig) -> Iterator[str]:
    server = make_server(store, "127.0.0.1", 0, config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def endpoint(store) -> Iterator[str]:
    yield from _start(store, ServerConfig(timeout=20, max_results=5000))


@pytest.fixture()
def writable() -> Iterator[tuple[str, ox.Store]]:
    memory = ox.Store()
    for url in _start(memory, ServerConfig(allow_update=True, token="s3cret")):
        yield url, memory


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


def test_read_only_by_default(endpoint: str, store) -> None:
    status, body = _post(f"{endpoint}/sparql", {"update": "CLEAR ALL"}, {"Authorization": "Bearer x"})
    assert status == 403 and b"read-only" in body
    assert len(store) > 0


def test_updates_need_the_token(writable) -> None:
    url, memory = writable
    update = "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }"
    assert _post(f"{url}/sparql", {"update": update})[0] == 401
    assert _post(f"{url}/sparql", {"update": update}, {"Authorization": "Bearer wrong"})[0] == 401
    assert len(memory) == 0
    assert _post(f"{url}/sparql", {"update": update}, {"Authorization": "Bearer s3cret"})[0] == 204
    assert len(memory) == 1


def test_service_is_refused(endpoint: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, body = _post(f"{endpoint}/sparql", {"query": query})
    assert status == 403 and b"SERVICE" in body
    assert uses_service(query) and not uses_service("SELECT * WHERE { ?s <http://x/SERVICE> ?o }")
    assert uses_service(find("partner_country_wikidata").text)


def test_result_size_limit(endpoint: str) -> None:
    status, body = _post(f"{endpoint}/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert status == 413 and b"more than 5000 results" in body


def test_time_limit(store) -> None:
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    for url in _start(store, ServerConfig(timeout=0.5)):
        status, body = _post(f"{url}/sparql", {"query": heavy})
        assert status == 503 and b"longer than 0.5 s" in body


def test_no_personal_data_copy(store) -> None:
    copy = public_copy(store)
    for url in _start(copy, ServerConfig()):
        query = "SELECT ?n WHERE { ?p <https://schema.org/name> ?n }"
        status, body = _post(f"{url}/sparql", {"query": query})
        assert status == 200 and json.loads(body)["results"]["bindings"] == []


NAMED = [q for q in library().values() if not is_federated(q)]


@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_every_named_query_gives_the_same_csv_through_the_endpoint(endpoint: str, store, query) -> None:
    local = results.to_csv(run(query, store))
    remote = results.to_csv(run_remote(query, Endpoint(f"{endpoint}/sparql", retries=0)))
    assert remote == local


def test_the_page_lists_the_named_queries(endpoint: str) -> None:
    status, kind, body = _get(f"{endpoint}/")
    assert status == 200 and kind.startswith("text/html")
    page = body.decode()
    for name in library():
        assert f'"name": "{name}"' in page



CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (apt-get install chromium)")
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
