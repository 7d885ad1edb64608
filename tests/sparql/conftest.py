"""Fixtures of the SPARQL area: a Wikidata stand-in on loopback, a misbehaving endpoint, a closed port.

No test reaches the public Wikidata service: federated queries are pointed at :func:`wikidata_stand_in`
(``loopback.served_by``).
"""

from __future__ import annotations

import base64
import json
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from loopback import handler_serve, wikidata_serve


@pytest.fixture(scope="session")
def wikidata_stand_in(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of an Oxigraph server on loopback answering a few Wikidata statements, in place of Wikidata."""
    with wikidata_serve(tmp_path_factory.mktemp("wikidata")) as url:
        yield url


BASIC_READER = "Basic " + base64.b64encode(b"reader:secret").decode()


class _Misbehaving(BaseHTTPRequestHandler):
    """A fake endpoint: /slow sleeps, /junk answers HTML, /busy answers 503, /ok answers two rows, and /auth
    answers them only with HTTP Basic credentials reader:secret (401 otherwise)."""

    hits: dict[str, int] = {}

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def _answer(self) -> None:
        path = self.path.split("?")[0]
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        _Misbehaving.hits[path] = _Misbehaving.hits.get(path, 0) + 1
        if path == "/slow":
            time.sleep(2)
            body, status, kind = b"{}", 200, "application/sparql-results+json"
        elif path == "/junk":
            body, status, kind = b"<html><body>Welcome to nginx!</body></html>", 200, "text/html"
        elif path == "/busy":
            body, status, kind = b"overloaded", 503, "text/plain"
        elif path == "/auth" and self.headers.get("Authorization") != BASIC_READER:
            body, status, kind = b"who are you?", 401, "text/plain"
        else:
            body = json.dumps({
                "head": {"vars": ["x", "n", "label"]},
                "results": {"bindings": [{
                    "x": {"type": "uri", "value": "http://example.org/a"},
                    "n": {"type": "typed-literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
                    "label": {"type": "literal", "value": "A", "xml:lang": "en"},
                }, {"x": {"type": "bnode", "value": "b0"}, "label": {"type": "literal", "value": "plain"}}]},
            }).encode()
            status, kind = 200, "application/sparql-results+json"
        try:
            self.send_response(status)
            if status == 401:
                self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = _answer
    do_POST = _answer


@pytest.fixture(scope="session")
def fake_endpoint() -> Iterator[str]:
    """The base URL of a local HTTP server that misbehaves on purpose (see :class:`_Misbehaving`)."""
    with handler_serve(_Misbehaving) as url:
        yield url


@pytest.fixture()
def closed_port() -> int:
    """A loopback port on which nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
