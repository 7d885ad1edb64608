"""A SPARQL 1.1 Protocol endpoint over the store, with a query web page.

``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=``/``update=``, or a direct
``application/sparql-query``/``application/sparql-update`` body) answer SELECT and ASK as SPARQL
JSON, XML, CSV or TSV and CONSTRUCT/DESCRIBE as Turtle or N-Triples, chosen by the Accept header
(or a ``format`` parameter). ``GET /`` is the query page; ``GET /queries.json`` lists the named
queries. The server is read-only unless started with ``allow_update`` and a bearer token, binds
to 127.0.0.1 by default, stops a query at a time limit and at a result-size limit, and refuses
``SERVICE`` unless allowed. It uses only the standard library's ``ThreadingHTTPServer``.
"""

from __future__ import annotations

import hmac
import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

import pyoxigraph as ox
from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result as RdflibResult
from rdflib.term import Variable

from kg.queries import library
from kg.store import to_rdflib

_SERVICE_WORD = re.compile(r"\bSERVICE\s+(SILENT\s+)?[<?$\w]", re.IGNORECASE)

__all__ = ["ServerConfig", "SparqlServer", "make_server", "uses_service"]

RESULT_TYPES = {
    "application/sparql-results+json": ("json", "application/sparql-results+json"),
    "application/json": ("json", "application/sparql-results+json"),
    "application/sparql-results+xml": ("xml", "application/sparql-results+xml"),
    "application/xml": ("xml", "application/sparql-results+xml"),
    "text/csv": ("csv", "text/csv; charset=utf-8"),
    "text/tab-separated-values": ("tsv", "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES = {
    "text/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
}
SHORT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                 "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples"}


class ProtocolError(Exception):
    """A request the endpoint refuses: ``status`` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ServerConfig:
    """What the endpoint allows (see :func:`make_server`)."""

    timeout: float = 30.0
    max_results: int = 10_000
    allow_update: bool = False
    token: str | None = None
    allow_service: bool = False
    workers: int = 4


def _walk(node: object):
    yield node
    if isinstance(node, dict):  # rdflib's CompValue is a dict
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _walk(value)


def uses_service(text: str, update: bool = False) -> bool:
    """Return whether a query (or update) calls another endpoint through ``SERVICE``.

    The text is parsed with rdflib's SPARQL parser; text it cannot parse counts as using
    ``SERVICE`` when the word occurs in it, so a parser gap never lets a call through.
    """
    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception:  # noqa: BLE001 - any parse failure falls back to the conservative check
        return _SERVICE_WORD.search(text) is not None
    return any(getattr(node, "name", None) == "ServiceGraphPattern" for node in _walk(tree))


def _pick(accept: str, offered: dict, default: str) -> str:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in offered:
            return media
    return default


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: holds the store, the limits and the worker pool that runs queries."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: ox.Store, config: ServerConfig) -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.config = config
        # Daemon threads, not a ThreadPoolExecutor: pyoxigraph cannot interrupt a running
        # aggregate, and the executor's workers are joined at interpreter exit, so one runaway
        # query would keep the process alive after the server closed.
        self.slots = threading.BoundedSemaphore(config.workers)
        self.page = _page()

    # -- running queries -------------------------------------------------------------------
    def answer_query(self, text: str, accept: str) -> tuple[bytes, str]:
        """Run a query within the limits and return the body and its content type."""
        if not self.config.allow_service and uses_service(text):
            raise ProtocolError(403, "SERVICE (federated query) is not allowed on this endpoint")
        if not self.slots.acquire(timeout=self.config.timeout):
            raise ProtocolError(503, "the endpoint is busy: every query slot is taken, try again later")
        cancel = threading.Event()
        outcome: list[tuple[bytes, str] | ProtocolError] = []

        def work() -> None:
            try:
                outcome.append(self._evaluate(text, accept, cancel, time.monotonic() + self.config.timeout))
            finally:
                self.slots.release()

        worker = threading.Thread(target=work, name="sparql-query", daemon=True)
        worker.start()
        worker.join(timeout=self.config.timeout + 1)
        if not outcome:
            cancel.set()
            raise ProtocolError(503, f"the query ran longer than {self.config.timeout:g} s and was stopped")
        if isinstance(outcome[0], ProtocolError):
            raise outcome[0]
        return outcome[0]

    def _evaluate(
        self, text: str, accept: str, cancel: threading.Event, deadline: float
    ) -> tuple[bytes, str] | ProtocolError:
        """Run the query in a worker thread; a failure is returned, not raised.

        pyoxigraph's result iterators must be dropped on the thread that made them, so no
        traceback holding one may leave this thread.
        """
        try:
            return self._evaluate_here(text, accept, cancel, deadline)
        except ProtocolError as error:
            return ProtocolError(error.status, str(error))
        except SyntaxError as error:
            return ProtocolError(400, f"not valid SPARQL: {error}")
        except OSError as error:  # e.g. a SERVICE endpoint that cannot be reached
            return ProtocolError(502, f"the query failed: {error}")

    def _evaluate_here(self, text: str, accept: str, cancel: threading.Event, deadline: float) -> tuple[bytes, str]:
        answer = self.store.query(text, use_default_graph_as_union=True)
        limit = self.config.max_results

        def check(count: int) -> None:
            if cancel.is_set() or time.monotonic() > deadline:
                raise ProtocolError(503, f"the query ran longer than {self.config.timeout:g} s and was stopped")
            if count > limit:
                raise ProtocolError(413, f"the answer has more than {limit} results: add a LIMIT")

        if isinstance(answer, ox.QueryBoolean):
            media = _pick(accept, RESULT_TYPES, "application/sparql-results+json")
            result = RdflibResult("ASK")
            result.askAnswer = bool(answer)
            return self._serialise(result, media)
        if isinstance(answer, ox.QueryTriples):
            triples = []
            for triple in answer:
                triples.append(triple)
                check(len(triples))
            media = _pick(accept, GRAPH_TYPES, "text/turtle")
            fmt, content_type = GRAPH_TYPES[media]
            return ox.serialize(triples, format=fmt), content_type
        columns = [v.value for v in answer.variables]
        bindings = []
        for solution in answer:
            bindings.append({Variable(c): to_rdflib(solution[c]) for c in columns if solution[c] is not None})
            check(len(bindings))
        result = RdflibResult("SELECT")
        result.vars = [Variable(c) for c in columns]
        result.bindings = bindings
        return self._serialise(result, _pick(accept, RESULT_TYPES, "application/sparql-results+json"))

    @staticmethod
    def _serialise(result: RdflibResult, media: str) -> tuple[bytes, str]:
        fmt, content_type = RESULT_TYPES[media]
        return result.serialize(format=fmt, encoding="utf-8"), content_type

    def answer_update(self, text: str, authorization: str) -> None:
        """Apply an update when updates are allowed and the bearer token matches."""
        if not self.config.allow_update:
            raise ProtocolError(403, "this endpoint is read-only (start it with --allow-update --token T)")
        expected = f"Bearer {self.config.token}"
        if not self.config.token or not hmac.compare_digest(authorization.encode(), expected.encode()):
            raise ProtocolError(401, "an update needs the header 'Authorization: Bearer <token>'")
        if not self.config.allow_service and uses_service(text, update=True):
            raise ProtocolError(403, "SERVICE (federated query) is not allowed on this endpoint")
        try:
            self.store.update(text)
        except SyntaxError as error:
            raise ProtocolError(400, f"not valid SPARQL Update: {error}") from None


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "eukg-sparql"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, error: ProtocolError) -> None:
        self._send(error.status, (str(error) + "\n").encode(), "text/plain; charset=utf-8")

    def _accept(self, params: dict[str, list[str]]) -> str:
        short = (params.get("format") or [""])[0].lower()
        return SHORT_FORMATS.get(short, short) or self.headers.get("Accept", "")

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        try:
            if url.path == "/sparql" and "query" in params:
                body, kind = self.server.answer_query(params["query"][0], self._accept(params))
                self._send(200, body, kind)
            elif url.path == "/sparql" and "update" in params:
                raise ProtocolError(405, "updates must be sent with POST")
            elif url.path in ("/", "/index.html"):
                self._send(200, self.server.page, "text/html; charset=utf-8")
            elif url.path == "/queries.json":
                self._send(200, _examples().encode(), "application/json")
            else:
                raise ProtocolError(404, f"nothing at {url.path}: the endpoint is /sparql, the query page /")
        except ProtocolError as error:
            self._error(error)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        try:
            if url.path != "/sparql":
                raise ProtocolError(404, f"nothing at {url.path}: the endpoint is /sparql")
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-query":
                query, update = raw, None
            elif kind == "application/sparql-update":
                query, update = None, raw
            elif kind == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(raw)
                query, update = (form.get("query") or [None])[0], (form.get("update") or [None])[0]
                params = {**params, **form}
            else:
                raise ProtocolError(415, f"unsupported Content-Type {kind!r}")
            if update is not None:
                self.server.answer_update(update, self.headers.get("Authorization", ""))
                self._send(204, b"", "text/plain")
            elif query is not None:
                body, media = self.server.answer_query(query, self._accept(params))
                self._send(200, body, media)
            else:
                raise ProtocolError(400, "a 'query' or 'update' parameter is needed")
        except ProtocolError as error:
            self._error(error)


def _examples() -> str:
    return json.dumps([
        {"name": q.name, "question": q.summary, "query": q.text,
         "params": [p.name for p in q.params]}
        for q in library().values()
    ], ensure_ascii=False)


def _page() -> bytes:
    template = resources.files("kg").joinpath("static/query.html").read_text(encoding="utf-8")
    # The examples go into a JSON script element; "</" is escaped so no query text can close it.
    return template.replace("/*EXAMPLES*/[]", _examples().replace("</", "<\\/")).encode("utf-8")


def make_server(store: ox.Store, host: str = "127.0.0.1", port: int = 7878,
                config: ServerConfig | None = None) -> SparqlServer:
    """Return a server over ``store`` listening on ``host:port`` (port 0 picks a free port)."""
    return SparqlServer((host, port), store, config or ServerConfig())
