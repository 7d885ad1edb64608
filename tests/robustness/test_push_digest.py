"""A push to a Graph Store that asks for HTTP Digest and answers 401 before it reads the body, as Virtuoso does.

Such a server closes the connection while a large body is still being sent: urllib, which answers a Digest
challenge only after a 401, broke with a broken pipe or a reset on the first large PUT. The push asks for the
challenge first (a ``HEAD`` without a body) and sends every request with its credentials from the start.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from urllib.request import parse_http_list, parse_keqv_list

import pyoxigraph as ox
import pytest
from loopback import handler_serve

from kg.sparql.push import push
from kg.sparql.remote import Endpoint

USER, PASSWORD, REALM = "dba", "secret", "graphs"
GRAPH = "https://example.org/graph/big"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - HTTP Digest is MD5


class _DigestGraphStore(BaseHTTPRequestHandler):
    """``/store``: a Graph Store that checks Digest credentials (nonce used up after ``uses`` requests) and, like
    Virtuoso, answers 401 without reading the body; ``/sparql``: the number of triples received per graph."""

    protocol_version = "HTTP/1.1"
    triples: dict[str, int] = {}
    requests: list[tuple[str, bool]] = []  # (method, authenticated) of every request to /store
    uses = 1000
    nonces = [0]
    counts: dict[str, int] = {}

    def log_message(self, *args: object) -> None:
        pass

    def _nonce(self) -> str:
        return f"nonce{self.nonces[0]}"

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Digest "):
            return False
        fields = parse_keqv_list(parse_http_list(header[len("Digest "):]))
        expected = _md5(":".join([_md5(f"{USER}:{REALM}:{PASSWORD}"), fields.get("nonce", ""), fields.get("nc", ""),
                                  fields.get("cnonce", ""), "auth", _md5(f"{self.command}:{fields.get('uri', '')}")]))
        if fields.get("nonce") != self._nonce() or fields.get("response") != expected:
            return False
        self.counts[self._nonce()] = self.counts.get(self._nonce(), 0) + 1
        if self.counts[self._nonce()] >= self.uses:
            self.nonces[0] += 1  # the next request meets a stale nonce
        return True

    def _reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _store(self) -> None:
        authorised = self._authorised()
        self.requests.append((self.command, authorised))
        if not authorised:  # answered before the body is read, and the connection closed, as Virtuoso does
            self.close_connection = True
            stale = ", stale=true" if "Authorization" in self.headers else ""
            self._reply(401, b"", {"Connection": "close", "WWW-Authenticate":
                                   f'Digest realm="{REALM}", nonce="{self._nonce()}", qop="auth"{stale}'})
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        lines = sum(1 for line in body.splitlines() if line.strip())
        graph = self.path.split("graph=", 1)[-1]
        self.triples[graph] = lines + (self.triples.get(graph, 0) if self.command == "POST" else 0)
        self._reply(404 if self.command == "HEAD" and graph not in self.triples else 201)

    def _count(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        n = self.triples.get("https%3A%2F%2Fexample.org%2Fgraph%2Fbig", 0)
        self._reply(200, json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {
            "type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": str(n)}}]}}).encode(),
                    {"Content-Type": "application/sparql-results+json"})

    def _route(self) -> None:
        (self._store if self.path.startswith("/store") else self._count)()

    do_HEAD = do_PUT = do_POST = do_GET = _route


@pytest.fixture()
def digest_store() -> Iterator[str]:
    _DigestGraphStore.triples, _DigestGraphStore.requests, _DigestGraphStore.counts = {}, [], {}
    _DigestGraphStore.nonces, _DigestGraphStore.uses = [0], 1000
    with handler_serve(_DigestGraphStore) as url:
        yield url


def _store(triples: int) -> ox.Store:
    store, graph = ox.Store(), ox.NamedNode(GRAPH)
    store.extend(ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), ox.NamedNode("https://example.org/p"),
                         ox.Literal(f"a literal long enough to fill the socket buffers, number {i}"), graph)
                 for i in range(triples))
    return store


def test_a_large_put_is_authenticated_from_its_start(digest_store: str) -> None:
    store = _store(100_000)  # about 12 MB of N-Triples in one PUT: more than loopback's socket buffers hold
    report = push(store, Endpoint(f"{digest_store}/sparql", USER, PASSWORD, timeout=60, retries=0),
                  graph_store=f"{digest_store}/store", batch_size=100_000)
    assert report.sent_batches == 1 and report.counts == {GRAPH: (100_000, 100_000)}
    bodies = [(method, authenticated) for method, authenticated in _DigestGraphStore.requests if method != "HEAD"]
    assert bodies == [("PUT", True)]


def test_a_stale_nonce_is_answered_again(digest_store: str) -> None:
    _DigestGraphStore.uses = 2  # a new nonce every two requests
    report = push(_store(50), Endpoint(f"{digest_store}/sparql", USER, PASSWORD, timeout=60, retries=0),
                  graph_store=f"{digest_store}/store", batch_size=10)
    assert report.sent_batches == 5 and report.mismatches == {}
    assert _DigestGraphStore.nonces[0] >= 2
    assert [method for method, authenticated in _DigestGraphStore.requests if authenticated].count("POST") == 4
