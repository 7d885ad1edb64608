"""A SPARQL 1.1 Protocol endpoint over the store, with a query web page.

``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=``, or a direct
``application/sparql-query`` body) answer SELECT and ASK as SPARQL JSON, XML, CSV or TSV and
CONSTRUCT/DESCRIBE as Turtle or N-Triples, chosen by the Accept header (or a ``format``
parameter). ``GET /`` is the query page; ``GET /queries.json`` lists the named queries. The
endpoint is read-only: the graph changes through ``eukg ingest`` and ``eukg build`` (the one
writer, :mod:`kg.store.writer`), and a served store location is followed: after a build or an
ingest, the next query is answered from the new snapshot, without a restart. It binds to
127.0.0.1 by default, stops a query at a time limit and at a result-size limit, and refuses
``SERVICE`` unless allowed. It uses only the standard library's ``ThreadingHTTPServer``; queries
run in worker processes (:mod:`kg.serve_workers`), so one that passes the time limit is killed.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

import pyoxigraph as ox
from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from kg.queries import library
from kg.serve_results import SHORT_FORMATS, ProtocolError
from kg.serve_workers import WorkerPool
from kg.store.reading import open_snapshot
from kg.store.snapshots import current_snapshot, release, resolve_location

_SERVICE_WORD = re.compile(r"\bSERVICE\s+(SILENT\s+)?[<?$\w]", re.IGNORECASE)

__all__ = ["ProtocolError", "ServerConfig", "SparqlServer", "make_server", "serve_location", "uses_service"]


@dataclass(frozen=True)
class ServerConfig:
    """What the endpoint allows (see :func:`make_server`)."""

    timeout: float = 30.0
    max_results: int = 10_000
    allow_service: bool = False
    workers: int = 4
    #: Each query worker reads an in-memory copy of the store (see :class:`kg.serve_workers.WorkerPool`).
    in_memory: bool = False


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


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: holds the store, the limits and the pool of processes that run queries.

    Given a store ``location`` (:func:`serve_location`), it follows the location's snapshots: when a
    build or an ingest has moved the store on, the next query makes the pool read the new snapshot
    (queries already running finish on the old one), so no request fails and none waits for a restart.
    ``transform`` turns each snapshot into the store that is served (``--no-personal-data``).
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: ox.Store, config: ServerConfig,
                 location: object = None, snapshot: object = None,
                 transform: Callable[[ox.Store], ox.Store] | None = None) -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.config = config
        self.page = _page()
        self.location, self.snapshot, self.transform = location, snapshot, transform
        self._following = threading.Lock()
        try:
            if snapshot is not None and transform is None:
                self.pool = WorkerPool(None, config.workers, config.timeout, in_memory=config.in_memory,
                                       path=str(snapshot), on_unused=release)
            else:
                self.pool = WorkerPool(store, config.workers, config.timeout, in_memory=config.in_memory)
                if snapshot is not None:
                    release(snapshot)  # the pool read its own copy
        except BaseException:
            super().server_close()
            raise

    def follow(self) -> None:
        """Move to the store location's current snapshot when a writer has swapped in a new one."""
        if self.location is None or current_snapshot(self.location) in (self.snapshot, None):
            return
        with self._following:
            if current_snapshot(self.location) in (self.snapshot, None):
                return
            path, opened = open_snapshot(self.location)
            if self.transform is None:
                self.pool.refresh(path=str(path))
            else:
                self.pool.refresh(self.transform(opened))
                del opened
                release(path)
            self.store, self.snapshot = None, path

    def server_close(self) -> None:
        """Close the socket, stop the query workers and delete their snapshots of the store."""
        super().server_close()
        self.pool.close()

    def answer_query(self, text: str, accept: str) -> tuple[bytes, str]:
        """Run a query within the limits and return the body and its content type."""
        if not self.config.allow_service and uses_service(text):
            raise ProtocolError(403, "SERVICE (federated query) is not allowed on this endpoint")
        self.follow()
        return self.pool.run(text, accept, self.config.max_results)


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
                raise ProtocolError(403, _READ_ONLY)
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
                raise ProtocolError(403, _READ_ONLY)
            if query is not None:
                body, media = self.server.answer_query(query, self._accept(params))
                self._send(200, body, media)
            else:
                raise ProtocolError(400, "a 'query' or 'update' parameter is needed")
        except ProtocolError as error:
            self._error(error)


_READ_ONLY = ("this endpoint is read-only: the graph changes through `eukg ingest` and `eukg build`, "
              "and `eukg push` loads it into a triple store that takes updates")


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


def serve_location(location: object = None, host: str = "127.0.0.1", port: int = 7878,
                   config: ServerConfig | None = None,
                   transform: Callable[[ox.Store], ox.Store] | None = None) -> SparqlServer:
    """Return a server over the built store at ``location`` that follows its snapshots (see :class:`SparqlServer`).

    ``transform`` makes the served store from each snapshot, e.g. :func:`kg.privacy.public_copy`.
    """
    location = resolve_location(location)
    path, opened = open_snapshot(location)
    served = transform(opened) if transform is not None else opened
    return SparqlServer((host, port), served, config or ServerConfig(), location=location, snapshot=path,
                        transform=transform)
