"""A SPARQL 1.1 Protocol endpoint over the store, with a query web page.

``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=``, or a direct
``application/sparql-query`` body) answer SELECT and ASK as SPARQL JSON, XML, CSV or TSV and
CONSTRUCT/DESCRIBE as Turtle or N-Triples, chosen by the Accept header (or a ``format``
parameter). ``GET /`` is the query page; ``GET /queries.json`` lists the named queries. The
endpoint is read-only: the graph changes through ``eukg ingest`` and ``eukg build`` (the one
writer, :mod:`kg.store.writer`), and a served store location is followed: after a build or an
ingest, the next query is answered from the new snapshot, without a restart. It binds to
127.0.0.1 by default, stops a query at a time limit and at a result-size limit, refuses
``SERVICE`` unless allowed, and sends no CORS header unless one origin is allowed (``--cors``).
``GET /sparql`` without a query answers the SPARQL Service Description. It uses the standard
library's ``ThreadingHTTPServer`` with a deep listen backlog; requests are read within a size
limit and a read time-out (:mod:`kg.sparql.serve_requests`), and queries run in worker processes
(:mod:`kg.sparql.serve_workers`), so one that passes the time limit is killed. A library query sent
as it is gets the answer stored with the snapshot the server follows (:mod:`kg.sparql.serve_stored`).
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

import pyoxigraph as ox

from kg.errors import KgError
from kg.sparql import resource_page, workbench
from kg.sparql.serve_checks import uses_service
from kg.sparql.serve_description import service_description
from kg.sparql.serve_requests import DeadlineReader, content_length, drain, parse_form, read_body
from kg.sparql.serve_results import SHORT_FORMATS, ProtocolError
from kg.sparql.serve_stored import AnswerCache
from kg.sparql.serve_workers import WorkerPool
from kg.store.reading import open_snapshot
from kg.store.snapshots import current_snapshot, release, resolve_location

__all__ = ["ProtocolError", "ServerConfig", "SparqlServer", "check_origin", "make_server", "serve_location",
           "uses_service"]

_ORIGIN = re.compile(r"https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?|https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")
_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")
_ALLOW = "GET, HEAD, POST, OPTIONS"
_WORKBENCH = ("/vocabulary.json", "/resolve.json", "/run")
_BODY_TYPES = ("application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded")


def check_origin(origin: str) -> str:
    """Return ``origin`` if it is one web origin (``scheme://host[:port]``), else raise ValueError.

    Examples
    --------
    >>> check_origin("https://app.example.org")
    'https://app.example.org'
    """
    if not _ORIGIN.fullmatch(origin):
        raise ValueError(f"{origin!r} is not a web origin such as https://app.example.org (scheme, host, port)")
    return origin


@dataclass(frozen=True)
class ServerConfig:
    """What the endpoint allows (see :func:`make_server`)."""

    timeout: float = 30.0
    max_results: int = 10_000
    allow_service: bool = False
    workers: int = 4
    #: Each query worker reads an in-memory copy of the store (see :class:`kg.sparql.serve_workers.WorkerPool`).
    in_memory: bool = False
    #: The one web origin whose pages may read the answers (``Access-Control-Allow-Origin``); None: none.
    cors: str | None = None
    #: The largest request body in bytes (a longer one gets 413); a URL is at most 64 KiB (http.server's limit).
    max_request_bytes: int = 1_000_000
    #: Seconds a client may take to send its whole request (and each write of the answer) before the server gives up.
    read_timeout: float = 10.0
    #: The most queries that wait for a free worker; one more gets 503 with ``Retry-After`` at once.
    max_waiting: int = 1000


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: holds the store, the limits and the pool of processes that run queries.

    Given a store ``location`` (:func:`serve_location`), it follows the location's snapshots: when a
    build or an ingest has moved the store on, the next query makes the pool read the new snapshot
    (queries already running finish on the old one), so no request fails and none waits for a restart.
    ``transform`` turns each snapshot into the store that is served (``--no-personal-data``).

    Each connection gets a thread; the listen backlog holds 1,024 connections (the kernel's
    ``somaxconn`` may lower it), so a burst of clients waits to be accepted instead of being reset.
    """

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], store: ox.Store, config: ServerConfig,
                 location: object = None, snapshot: object = None,
                 transform: Callable[[ox.Store], ox.Store] | None = None) -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.config = config
        self.examples = json.dumps(workbench.gallery(config.allow_service), ensure_ascii=False).encode()
        self.page = _page()
        self.location, self.snapshot, self.transform = location, snapshot, transform
        self._following = threading.Lock()
        self._resolver, self._resolver_snapshot = None, None
        self.answers = AnswerCache()
        try:
            options = {"in_memory": config.in_memory, "max_waiting": config.max_waiting,
                       "personal": _stored_variant(transform)}
            if snapshot is not None and transform is None:
                self.pool = WorkerPool(None, config.workers, config.timeout, path=str(snapshot), on_unused=release,
                                       **options)
            else:
                origin = str(snapshot) if snapshot is not None else None
                self.pool = WorkerPool(store, config.workers, config.timeout, origin=origin, **options)
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
                self.pool.refresh(self.transform(opened), origin=str(path))
                del opened
                release(path)
            self.store, self.snapshot = None, path

    def server_close(self) -> None:
        """Close the socket, stop the query workers and delete their snapshots of the store."""
        super().server_close()
        self.pool.close()

    def resource_page(self, path: str, params: dict[str, list[str]], accept: str) -> tuple[bytes, str]:
        """Answer ``/id/…`` and ``/resource?iri=…``: a page as HTML or RDF (:mod:`kg.sparql.resource_page`)."""
        try:
            description = resource_page.describe(self.answer_query, resource_page.requested_iri(path, params))
        except resource_page.NoSuchResource as error:
            raise ProtocolError(404, str(error)) from None
        syntax = resource_page.negotiate(accept, (params.get("format") or [None])[0])
        if syntax == "html":
            return resource_page.render_html(description), "text/html; charset=utf-8"
        return resource_page.rdf(description, syntax)

    def workbench(self, path: str, params: dict[str, list[str]]) -> tuple[bytes, str] | tuple[bytes, str, dict]:
        """Answer the query page's own requests (:mod:`kg.sparql.workbench`)."""
        try:
            if path.startswith("/static/"):
                return workbench.static_file(path[len("/static/"):])
            if path == "/vocabulary.json":
                return json.dumps(workbench.vocabulary(), ensure_ascii=False).encode(), "application/json"
            if path == "/resolve.json":
                found = workbench.resolve(self.resolver(), (params.get("name") or [""])[0],
                                          (params.get("type") or [None])[0])
                return json.dumps(found, ensure_ascii=False).encode(), "application/json"
            body, media, filename = workbench.run_named(self.answer_query, params)
        except workbench.NotFound as error:
            raise ProtocolError(404, str(error)) from None
        except KgError as error:
            raise ProtocolError(400, str(error)) from None
        disposition = "attachment" if (params.get("download") or [""])[0] else "inline"
        return body, media, {"Content-Disposition": f'{disposition}; filename="{filename}"'}

    def resolver(self) -> object:
        """The resolver of the served graph, made on first use (a copy without personal data has none of it)."""
        with self._following:
            if self._resolver is None or self._resolver_snapshot != self.snapshot:
                from kg.resolve import Resolver, resolver_for_location

                if self.location is not None and self.transform is None:
                    self._resolver = resolver_for_location(self.location)
                elif self.store is not None:
                    self._resolver = Resolver.from_store(self.store)
                else:
                    path, opened = open_snapshot(self.location)
                    self._resolver = Resolver.from_store(self.transform(opened))
                    del opened
                    release(path)
                self._resolver_snapshot = self.snapshot
            return self._resolver

    def answer_query(self, text: str, accept: str) -> tuple[bytes, str]:
        """Run a query within the limits and return the body and its content type.

        Every check of the text (the SERVICE check included) runs in the query worker, inside the
        time limit: nothing here depends on the query's size.
        """
        chunks = self.stream_query(text, accept)
        content_type = next(chunks)
        return b"".join(chunks), content_type

    def stream_query(self, text: str, accept: str) -> Iterator[str | bytes]:
        """Run a query within the limits: yield its content type, then its body in chunks as the worker writes it.

        A library query sent as it is whose stored answer the server has sent before is answered from
        memory (:class:`kg.sparql.serve_stored.AnswerCache`); the workers answer the others.
        """
        self.follow()
        key = self.answers.key(self.snapshot, text, accept, self.pool.personal)
        if key is not None and (held := self.answers.get(key)) is not None:
            return iter(held)
        answer = self.pool.stream(text, accept, self.config.max_results, self.config.allow_service)
        return answer if key is None else self._holding(key, answer)

    def _holding(self, key: tuple[str, str], answer: Iterator[str | bytes]) -> Iterator[str | bytes]:
        """Pass ``answer`` on, and let the cache hold its body when it was a stored answer."""
        with contextlib.closing(answer):
            content_type = next(answer)
            yield content_type
            yield from self.answers.keep(key, content_type, answer)


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "eukg-sparql"

    def setup(self) -> None:
        self.timeout = self.server.config.read_timeout  # bounds every read and write on the socket
        self._linger = False  # the client may still be sending: drain before closing (see finish)
        self._sent = False
        super().setup()
        self.rfile = DeadlineReader(self.rfile, self.connection, self.timeout)

    def handle_one_request(self) -> None:
        """Handle the request; one that did not arrive within the read time-out gets 408."""
        super().handle_one_request()
        if self.rfile.timed_out and not self._sent:
            self.requestline, self.command, self.request_version = "", "", "HTTP/1.0"
            self._linger = True
            with contextlib.suppress(OSError):
                self._error(ProtocolError(408, "the request did not arrive within the read time-out"))

    def finish(self) -> None:
        super().finish()
        if self._linger:
            drain(self.connection, most=64 * 1024 * 1024)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _send(self, status: int, body: bytes, content_type: str | None,
              headers: dict[str, str] | None = None) -> None:
        self._sent = True
        self.send_response(status)
        if status != 204:
            self.send_header("Content-Type", content_type or "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
        self._cors_headers()
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD" and status != 204:
            self.wfile.write(body)

    def _stream(self, answer: Iterator[str | bytes]) -> None:
        """Send a query's answer as the worker writes it: chunked to an HTTP/1.1 client, else up to the close.

        A refusal comes before the content type, so it is still an error answer; an answer cut short
        afterwards (the time limit, a worker that dies) ends without its last chunk, which a client sees.
        """
        with contextlib.closing(answer):
            content_type = next(answer)
            chunked = self.request_version == "HTTP/1.1"
            self._sent = True
            if chunked:
                self.protocol_version = "HTTP/1.1"  # for this answer's status line; the connection still closes
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self._cors_headers()
            self.end_headers()
            for chunk in answer:
                if self.command == "HEAD":
                    continue
                self.wfile.write(b"%X\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
            if chunked and self.command != "HEAD":
                self.wfile.write(b"0\r\n\r\n")

    def _cors_headers(self) -> None:
        if self.server.config.cors is not None:
            self.send_header("Access-Control-Allow-Origin", self.server.config.cors)
            self.send_header("Vary", "Origin")

    def _error(self, error: ProtocolError) -> None:
        headers = {"Retry-After": str(error.retry_after)} if error.retry_after is not None else {}
        if error.status == 405:
            headers["Allow"] = _ALLOW
        self._send(error.status, (str(error) + "\n").encode(), "text/plain; charset=utf-8", headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer the errors http.server finds itself (a request line over 64 KiB, an unknown method …)."""
        self._linger = True
        if code == 414:
            code, message = 413, ("the URL is longer than 65,536 bytes: send a long query as a POST body "
                                  f"(at most {self.server.config.max_request_bytes} bytes)")
        elif code == 501:
            code, message = 405, f"method {self.command!r} is not allowed: use {_ALLOW}"
        self._error(ProtocolError(code, message or self.responses.get(code, ("error",))[0]))

    def _handle(self, action: Callable[[], None]) -> None:
        """Run ``action``; a refusal or a failure becomes an answer, never a dropped connection."""
        try:
            action()
        except ProtocolError as error:
            if not self._sent:
                self._error(error)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True  # the client has gone, or stopped reading
        except Exception as error:  # noqa: BLE001 - answered as a server error, not a dropped connection
            if not self._sent:
                self._error(ProtocolError(500, f"the server failed: {type(error).__name__}: {error}"))

    def _accept(self, params: dict[str, list[str]]) -> str:
        short = (params.get("format") or [""])[0].lower()
        return SHORT_FORMATS.get(short, short) or self.headers.get("Accept", "")

    def _endpoint(self) -> str:
        host = self.headers.get("Host", "")
        if not _HOST.fullmatch(host):
            address, port = self.server.server_address[:2]
            host = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
        return f"http://{host}/sparql"

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._handle(self._get)

    do_HEAD = do_GET

    def _get(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = parse_form(url.query)
        if url.path == "/sparql" and "query" in params:
            self._stream(self.server.stream_query(params["query"][0], self._accept(params)))
        elif url.path == "/sparql" and "update" in params:
            raise ProtocolError(403, _READ_ONLY)
        elif url.path == "/sparql":
            self._send(200, service_description(self._endpoint()), "text/turtle; charset=utf-8")
        elif url.path in ("/", "/index.html"):
            self._send(200, self.server.page, "text/html; charset=utf-8")
        elif url.path == "/queries.json":
            self._send(200, self.server.examples, "application/json")
        elif url.path.startswith("/id/") or url.path == "/resource":
            self._send(200, *self.server.resource_page(url.path, params, self.headers.get("Accept", "")))
        elif url.path in _WORKBENCH or url.path.startswith("/static/"):
            self._send(200, *self.server.workbench(url.path, params))
        else:
            raise ProtocolError(404, f"nothing at {url.path}: the endpoint is /sparql, the query page /")

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self._handle(self._post)

    def _post(self) -> None:
        self._linger = True  # until the body is read
        url = urllib.parse.urlsplit(self.path)
        params = parse_form(url.query)
        if url.path != "/sparql":
            raise ProtocolError(404, f"nothing at {url.path}: the endpoint is /sparql")
        length = content_length(self.headers, self.server.config.max_request_bytes)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind not in _BODY_TYPES:
            raise ProtocolError(415, f"unsupported Content-Type {kind!r}: use one of {', '.join(_BODY_TYPES)}")
        raw = read_body(self.rfile, length)
        self._linger = False
        if kind == "application/sparql-query":
            query, update = raw, None
        elif kind == "application/sparql-update":
            query, update = None, raw
        else:
            form = parse_form(raw)
            query, update = (form.get("query") or [None])[0], (form.get("update") or [None])[0]
            params = {**params, **form}
        if update is not None:
            raise ProtocolError(403, _READ_ONLY)
        if query is None:
            raise ProtocolError(400, "a 'query' or 'update' parameter is needed")
        self._stream(self.server.stream_query(query, self._accept(params)))

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's name
        """Answer a CORS preflight (and a plain OPTIONS): the methods, and with ``--cors`` what a page may send."""
        headers = {"Allow": _ALLOW}
        if self.server.config.cors is not None:
            headers.update({"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                            "Access-Control-Allow-Headers": "Accept, Content-Type",
                            "Access-Control-Max-Age": "600"})
        self._handle(lambda: self._send(204, b"", None, headers))


_READ_ONLY = ("this endpoint is read-only: the graph changes through `eukg ingest` and `eukg build`, "
              "and `eukg push` loads it into a triple store that takes updates")


def _stored_variant(transform: Callable[[ox.Store], ox.Store] | None) -> bool | None:
    """Which stored answers a server over a store made by ``transform`` serves (:mod:`kg.sparql.serve_stored`).

    True (with personal data) for the store as it is, False (without) for :func:`kg.privacy.public_copy`,
    None (none: every query is evaluated) for any other transform, whose answers no stored one matches.
    """
    from kg.privacy import public_copy

    if transform is None:
        return True
    return False if transform is public_copy else None


def _page() -> bytes:
    return resources.files("kg").joinpath("static/query.html").read_bytes()


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
