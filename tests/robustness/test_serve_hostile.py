"""The endpoint under hostile and heavy use: CORS, 200 clients at once, size and time limits, malformed HTTP."""

from __future__ import annotations

import contextlib
import http.client
import json
import select
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pyoxigraph as ox
import pytest
from loopback import threaded
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.sparql.serve import ServerConfig, SparqlServer, make_server

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SIMPLE = "SELECT ?s WHERE { ?s a ?t } LIMIT 3"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


@contextmanager
def serving(store: ox.Store, **limits: object) -> Iterator[tuple[int, SparqlServer]]:
    """Run a server with ``limits`` on a free loopback port; yield its port."""
    server = make_server(store, "127.0.0.1", 0, ServerConfig(**limits))
    with threaded(server):
        yield server.server_address[1], server


@pytest.fixture(scope="module")
def port(store) -> Iterator[int]:
    with serving(store, timeout=20, read_timeout=2) as (number, _):
        yield number


def _request(port: int, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """Send one request with http.client; return status, headers (lower-case names) and body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def _query(port: int, text: str, accept: str = "application/sparql-results+json") -> tuple[int, dict, bytes]:
    return _request(port, "POST", "/sparql", urllib.parse.urlencode({"query": text}).encode(),
                    {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})


def _raw(port: int, request: bytes, half_close: bool = True, wait: float = 10.0) -> bytes:
    """Send raw bytes; return everything the server sends back before it closes (b'' for a dropped connection)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(request)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
    return received


def _status(reply: bytes) -> int | None:
    return int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/") else None


# -- 2. CORS -----------------------------------------------------------------------------------------

def test_no_cross_origin_header_by_default_and_options_is_answered(port: int) -> None:
    status, headers, _ = _query(port, "ASK { ?s ?p ?o }")
    assert status == 200 and "access-control-allow-origin" not in headers
    status, headers, _ = _request(port, "OPTIONS", "/sparql", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in headers["allow"]
    assert "access-control-allow-origin" not in headers


def test_cors_allows_the_one_origin_given(store) -> None:
    with serving(store, cors="https://app.example.org") as (number, _):
        status, headers, _ = _query(number, "ASK { ?s ?p ?o }")
        assert status == 200 and headers["access-control-allow-origin"] == "https://app.example.org"
        status, headers, _ = _request(number, "OPTIONS", "/sparql", headers={
            "Origin": "https://app.example.org", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        assert status == 204 and headers["access-control-allow-origin"] == "https://app.example.org"
        assert "POST" in headers["access-control-allow-methods"]
        assert "content-type" in headers["access-control-allow-headers"].lower()


# -- 3. 200 clients at once -------------------------------------------------------------------------

def _burst(port: int, clients: int) -> list[object]:
    """``clients`` threads connect at the same moment and each sends one simple query; return each outcome."""
    start = threading.Barrier(clients)

    def one(_: int) -> object:
        start.wait()
        try:
            status, headers, _ = _query(port, SIMPLE, "text/csv")
        except OSError as error:  # a reset or a refused connection: not an answer
            return f"{type(error).__name__}: {error}"
        return (status, "retry-after" in headers)

    with ThreadPoolExecutor(max_workers=clients) as pool:
        return list(pool.map(one, range(clients)))


def _all_answered(outcomes: list[object]) -> None:
    failures = [o for o in outcomes if not isinstance(o, tuple)]
    assert failures == [], f"{len(failures)} of {len(outcomes)} requests got no answer, e.g. {failures[0]}"
    assert {o for o in outcomes} <= {(200, False), (503, True)}, set(outcomes)
    assert (200, False) in outcomes


def test_200_clients_at_once_each_get_an_answer(store) -> None:
    with serving(store, timeout=30) as (number, _):
        _all_answered(_burst(number, 200))


@pytest.mark.slow
def test_200_clients_get_answers_while_a_runaway_query_runs(store) -> None:
    with serving(store, timeout=8) as (number, server):
        runaway: list[int] = []
        thread = threading.Thread(target=lambda: runaway.append(_query(number, HEAVY)[0]))
        thread.start()
        while len(server.pool.pids()) < 1:
            time.sleep(0.05)
        _all_answered(_burst(number, 200))
        thread.join()
    assert runaway == [503]


# -- 4. size and time limits ------------------------------------------------------------------------

def test_a_body_over_the_size_limit_gets_413_and_the_client_reads_it(store) -> None:
    with serving(store, max_request_bytes=100_000) as (number, _):
        big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 2_000_000
        status, _, body = _query(number, big)
        assert status == 413 and b"100000 bytes" in body
        status, _, _ = _request(number, "GET", "/sparql?query=" + urllib.parse.quote(big[:200_000]))
        assert status == 413
        assert _query(number, "ASK { ?s ?p ?o }")[0] == 200


def _big_values(rows: int, service: bool) -> str:
    values = " ".join(f'"value {n}"' for n in range(rows))
    pattern = "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }" if service else "?s ?p ?o"
    return f"SELECT ?x WHERE {{ {pattern} VALUES ?x {{ {values} }} }} LIMIT 1"


@pytest.mark.slow
def test_the_service_check_of_a_large_query_stays_within_the_time_limit(store) -> None:
    """A 270 KB query kept rdflib's parser (the SERVICE check) busy for a minute in the server's own process."""
    with serving(store, timeout=3, max_request_bytes=1_000_000) as (number, _):
        assert _query(number, "ASK { ?s ?p ?o }")[0] == 200  # the workers have started
        replies: list[int] = []
        large = threading.Thread(target=lambda: replies.append(_query(number, _big_values(20_000, True))[0]))
        began = time.monotonic()
        large.start()
        time.sleep(0.5)
        assert _query(number, "ASK { ?s ?p ?o }")[0] == 200, "a small query waited for the large one's check"
        large.join(timeout=30)
        assert replies and replies[0] in (403, 503), replies
        assert time.monotonic() - began < 30
        # Without the word SERVICE there is nothing to check: the large query is answered.
        status, _, body = _query(number, _big_values(20_000, False), "text/csv")
        assert status == 200 and body.startswith(b"x\r\n")


# -- 5. malformed HTTP ------------------------------------------------------------------------------

def _post_raw(content_length: str, body: bytes, kind: str = "application/x-www-form-urlencoded") -> bytes:
    return (f"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: {kind}\r\n"
            f"Content-Length: {content_length}\r\n\r\n").encode() + body


@pytest.mark.parametrize(("length", "body", "kind"), [
    ("7", b"query=\xff", "application/x-www-form-urlencoded"),
    ("4", b"\xff\xfe\x00A", "application/sparql-query"),
    ("16", b"query=ASK%20%FF{}", "application/x-www-form-urlencoded"),
    ("abc", b"query=ASK{}", "application/x-www-form-urlencoded"),
    ("-1", b"query=ASK{}", "application/x-www-form-urlencoded"),
    ("1000", b"query=ASK{}", "application/x-www-form-urlencoded"),
], ids=["form-not-utf8", "body-not-utf8", "escape-not-utf8", "length-abc", "length-negative", "length-too-large"])
def test_a_malformed_request_gets_400_at_once(port: int, length: str, body: bytes, kind: str) -> None:
    reply = _raw(port, _post_raw(length, body, kind))
    assert _status(reply) == 400, reply[:200]
    assert reply.rstrip().splitlines()[-1], "the 400 says what is wrong"


def test_a_body_that_never_comes_gets_400_after_the_read_timeout(port: int) -> None:
    """The client keeps the connection open and sends less than it announced: no thread is held for ever."""
    began = time.monotonic()
    reply = _raw(port, _post_raw("1000", b"query=ASK{}"), half_close=False, wait=20)
    assert _status(reply) == 400 and b"Content-Length" in reply
    assert time.monotonic() - began < 15


def test_headers_that_trickle_in_get_408_at_the_read_timeout(port: int) -> None:
    """One header line every 0.3 s never passes the per-read time-out: the whole request has a deadline."""
    began = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n")
        replied = b""
        while time.monotonic() - began < 15 and not replied:
            if select.select([sock], [], [], 0.3)[0]:
                replied = sock.recv(65536)
                break
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                break
        with contextlib.suppress(OSError):
            while chunk := sock.recv(65536):
                replied += chunk
    assert _status(replied) == 408, replied[:200]
    assert time.monotonic() - began < 10


def test_get_sparql_without_a_query_describes_the_service(port: int) -> None:
    status, headers, body = _request(port, "GET", "/sparql")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    [service] = graph.subjects(RDF.type, SD.Service)
    assert graph.value(service, SD.endpoint) == URIRef(f"http://127.0.0.1:{port}/sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph


@pytest.mark.parametrize("accept", ["text/csv", "text/tab-separated-values"])
def test_ask_as_csv_or_tsv_is_answered(port: int, accept: str) -> None:
    status, headers, body = _query(port, "ASK { ?s ?p ?o }", accept)
    assert status == 200 and headers["content-type"].startswith(accept)
    assert body.strip() == b"true"
    assert _query(port, "ASK { <http://example.org/none> ?p ?o }", accept)[2].strip() == b"false"


def test_an_unknown_method_is_refused_with_the_methods_allowed(port: int) -> None:
    status, headers, _ = _request(port, "DELETE", "/sparql")
    assert status == 405 and "POST" in headers["allow"]


def test_queries_json_is_still_served(port: int) -> None:
    status, _, body = _request(port, "GET", "/queries.json")
    assert status == 200 and any(q["name"] == "projects" for q in json.loads(body))


def test_cors_takes_one_web_origin_not_a_wildcard() -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["serve", "--cors", "*"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 2 and "is not a web origin" in result.output
