"""Load the store into a remote triple store, one named graph per source, in batches, resumable.

Each named graph is sent in batches of N-Triples (serialised by pyoxigraph) through the SPARQL 1.1
Graph Store HTTP Protocol (the first batch of a graph with PUT, which replaces the graph, the next
ones with POST, which add to it), or, without a Graph Store URL, as ``INSERT DATA`` updates filled
from the templates ``queries/internal/push_*.ru`` (:mod:`kg.sparql.updates`). A
state file records the batches done, so a push that failed resumes where it stopped. Afterwards
the triples of every graph are counted on the remote endpoint and compared with the store.
"""

from __future__ import annotations

import functools
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.internal_queries import internal_query_path
from kg.sparql.queries import NamedQuery, read_query
from kg.sparql.remote import Endpoint, RemoteError, run_remote
from kg.sparql.updates import update_template
from kg.store import named_graphs

__all__ = ["PushReport", "count_remote", "has_blank_nodes", "push"]


@dataclass
class PushReport:
    """What a push sent, and the graphs whose remote triple count differs from the store's."""

    sent_batches: int = 0
    skipped_batches: int = 0
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # graph -> (local, remote)

    @property
    def mismatches(self) -> dict[str, tuple[int, int]]:
        return {g: c for g, c in self.counts.items() if c[0] != c[1]}

    def text(self) -> str:
        lines = [f"sent {self.sent_batches} batches ({self.skipped_batches} already done), "
                 f"{len(self.counts)} graphs checked, {len(self.mismatches)} mismatches"]
        for graph, (local, remote) in sorted(self.mismatches.items()):
            lines.append(f"  {graph}: {local} triples in the store, {remote} on the server")
        return "\n".join(lines)


class _PreemptiveDigest(urllib.request.HTTPDigestAuthHandler):
    """HTTP Digest that, once a server has sent its challenge, answers it in every later request from the start.

    urllib sends Digest credentials only after a 401; a server that answers 401 before it reads a large body
    (Virtuoso's Graph Store endpoint) closes the connection while the body is still being sent (a broken
    pipe). The challenge is kept, and each request carries its ``Authorization`` from the start, the nonce
    counted up; a stale nonce is answered with a 401 and a new challenge, which urllib answers as usual.
    """

    challenge: dict[str, str] | None = None

    def http_request(self, request: urllib.request.Request) -> urllib.request.Request:
        if self.challenge is not None and not request.has_header("Authorization"):
            authorization = self.get_authorization(request, self.challenge)
            if authorization:
                request.add_unredirected_header(self.auth_header, f"Digest {authorization}")
        return request

    https_request = http_request

    def retry_http_digest_auth(self, request: urllib.request.Request, auth: str):
        _scheme, challenge = auth.split(" ", 1)
        self.challenge = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(challenge)))
        return super().retry_http_digest_auth(request, auth)


@dataclass
class _Client:
    """How to reach the target: urllib's opener with the credentials, asking for the Digest challenge first.

    Before the first request with a body, and again after a broken connection, a ``HEAD`` request (no body)
    fetches the server's Digest challenge, so that the request with the body is authenticated from its start.
    """

    opener: urllib.request.OpenerDirector
    digest: _PreemptiveDigest | None = None
    asked: bool = False

    def open(self, request: urllib.request.Request, timeout: float) -> None:
        if self.digest is not None and not self.asked:
            self._ask(request.full_url, timeout)
        with self.opener.open(request, timeout=timeout) as response:
            response.read()

    def _ask(self, url: str, timeout: float) -> None:
        """Send ``HEAD url``: a Digest server answers 401 with its challenge, which the handler keeps."""
        self.asked = True
        try:
            with self.opener.open(urllib.request.Request(url, method="HEAD"), timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:  # a 404 or 405 to HEAD: the challenge, if any, is kept
            error.close()

    def broken(self) -> None:
        """The connection broke: ask for a new challenge before the next attempt (the nonce may be stale)."""
        self.asked = False
        if self.digest is not None:
            self.digest.challenge = None


def _client(user: str | None, password: str | None, urls: list[str]) -> _Client:
    if user is None:
        return _Client(urllib.request.build_opener())
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    for url in urls:
        passwords.add_password(None, url, user, password or "")
    digest = _PreemptiveDigest(passwords)
    return _Client(urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords), digest), digest)


@functools.cache
def _query(name: str) -> NamedQuery:
    """Read the internal query ``queries/internal/NAME.rq`` (once)."""
    return read_query(internal_query_path(name))


def has_blank_nodes(store: ox.Store, graph: str) -> bool:
    """Return whether the named ``graph`` of ``store`` has a blank node as a subject or an object."""
    return bool(store.query(_query("push_blank_nodes").text, substitutions={ox.Variable("graph"): ox.NamedNode(graph)}))


def _batches(store: ox.Store, graph: str, size: int) -> Iterator[list[ox.Triple]]:
    """Yield the triples of ``graph`` in batches of ``size``; a graph with blank nodes in one batch.

    A blank node label is local to one request: split over two batches, one node would become two
    on the server. So a graph with blank nodes is never split.
    """
    quads = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    if has_blank_nodes(store, graph):
        yield [q.triple for q in quads]
        return
    while batch := [q.triple for q in islice(quads, size)]:
        yield batch


def _send(client: _Client, method: str, url: str, body: bytes, kind: str, endpoint: Endpoint,
          sleep: Callable[[float], None]) -> None:
    """Send one request, retrying with the endpoint's back-off when it may succeed later."""
    timeout, retries = endpoint.timeout, max(0, endpoint.retries)
    for attempt in range(retries + 1):
        request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": kind})
        try:
            client.open(request, timeout)
            return
        except urllib.error.HTTPError as error:
            detail = " ".join(error.read().decode("utf-8", "replace").split())[:200]
            if error.code < 500 or attempt == retries:
                raise RemoteError(f"{method} {url} answered HTTP {error.code} {error.reason}: {detail}") from None
        except ValueError as error:  # urllib's Basic handler meeting an unknown scheme
            raise RemoteError(f"{method} {url}: {error}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            client.broken()
            if attempt == retries:
                reason = getattr(error, "reason", error)
                raise RemoteError(f"{method} {url} failed: {reason} (gave up after {retries + 1} attempts)") from None
        sleep(endpoint.backoff * 2**attempt)


def _save_state(state: dict, state_file: Path) -> None:
    """Write the state file atomically: a push killed while saving leaves the previous state, never half a file."""
    partial = state_file.with_name(f".{state_file.name}.{os.getpid()}.tmp")
    partial.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, state_file)


def count_remote(endpoint: Endpoint, graph: str) -> int:
    """Return the number of triples in ``graph`` on the remote query endpoint."""
    rows = run_remote(_query("push_graph_size"), endpoint, {"graph": graph}).rows
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _graph_name(graph: str) -> ox.NamedNode:
    """Return ``graph`` as a pyoxigraph IRI, which every request writes; a string it refuses is a :class:`KgError`."""
    try:
        return ox.NamedNode(graph)
    except ValueError as error:
        raise KgError(f"cannot push the graph {graph!r}: not an IRI ({error})") from None


def _resumed_state(state_file: Path | None, target: str, batch_size: int) -> dict:
    """Return the state of an interrupted push to ``target`` (empty without one), checked against this push."""
    state: dict = {}
    if state_file is not None and state_file.exists():
        try:
            state = json.loads(state_file.read_text(encoding="utf-8"))
        except ValueError:
            raise KgError(f"{state_file}: not a push state file (JSON); delete it to start again") from None
    if state.get("target", target) != target:
        raise KgError(f"{state_file} records a push to {state['target']}, not {target}; use another --state file")
    if state.get("batch_size", batch_size) != batch_size:
        # Batches are counted, not triples: resuming with another size would skip the wrong triples.
        raise KgError(f"{state_file} records a push in batches of {state['batch_size']} triples, not {batch_size}; "
                      f"resume with --batch-size {state['batch_size']} or delete the file to start again")
    state["target"] = target
    state["batch_size"] = batch_size
    return state


def _send_batch(client: _Client, endpoint: Endpoint, graph_store: str | None,
                update_endpoint: str | None, graph: str, number: int, batch: list[ox.Triple],
                sleep: Callable[[float], None]) -> None:
    """Send batch ``number`` of ``graph``: the first replaces the remote graph, the others add to it.

    Through the Graph Store Protocol the body is the batch as N-Triples; through SPARQL Update it is
    the template ``queries/internal/push_replace_graph.ru`` (first batch) or ``push_add_to_graph.ru``
    filled with the graph and the batch, both written by pyoxigraph (:mod:`kg.sparql.updates`).
    """
    if graph_store is not None:
        data = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
        url = f"{graph_store}{'&' if '?' in graph_store else '?'}{urllib.parse.urlencode({'graph': graph})}"
        method = "PUT" if number == 0 else "POST"
        _send(client, method, url, data, "application/n-triples", endpoint, sleep)
        return
    template = update_template("push_replace_graph" if number == 0 else "push_add_to_graph")
    text = template.fill(graph=ox.NamedNode(graph), triples=batch)
    body = urllib.parse.urlencode({"update": text}).encode()
    _send(client, "POST", update_endpoint or endpoint.url, body, "application/x-www-form-urlencoded",
          endpoint, sleep)


def push(
    store: ox.Store,
    endpoint: Endpoint,
    graph_store: str | None = None,
    update_endpoint: str | None = None,
    batch_size: int = 5000,
    state_file: Path | None = None,
    graphs: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushReport:
    """Push the named graphs of ``store`` to a remote store, then compare the triple counts.

    Parameters
    ----------
    store : pyoxigraph.Store
        The store to push.
    endpoint : Endpoint
        The remote query endpoint (used to count the triples afterwards), with its credentials.
    graph_store : str, optional
        The Graph Store HTTP Protocol URL (``…/store`` on Oxigraph, ``…/sparql-graph-crud-auth`` on
        Virtuoso). Without it, batches are sent as ``INSERT DATA`` to ``update_endpoint``.
    update_endpoint : str, optional (default: the query endpoint's URL)
        The SPARQL Update URL, used when there is no Graph Store URL.
    batch_size : int, optional (default=5000)
        Triples per request. A graph with blank nodes is sent in one request, whatever its size.
    state_file : Path, optional
        A JSON file that records the batches done (written atomically after each batch); a later push
        with the same file skips them, unless the graph's size or the batch size has changed since.
    graphs : list of str, optional
        The named graphs to push (default: all).
    """
    if batch_size < 1:
        raise KgError("the batch size must be at least 1")
    target = graph_store or update_endpoint or endpoint.url
    client = _client(endpoint.user, endpoint.password, [target])
    state = _resumed_state(state_file, target, batch_size)
    done: dict[str, int] = state.setdefault("done", {})
    sizes: dict[str, int] = state.setdefault("sizes", {})
    selected = graphs or named_graphs(store)
    local_sizes = {g: sum(1 for _ in store.quads_for_pattern(None, None, None, _graph_name(g))) for g in selected}
    for graph, size in local_sizes.items():
        if sizes.get(graph, size) != size:
            done.pop(graph, None)  # the graph changed since the interrupted push: send it again from its first batch
        sizes[graph] = size
    report = PushReport()

    def save() -> None:
        if state_file is not None:
            _save_state(state, state_file)

    for graph in selected:
        for number, batch in enumerate(_batches(store, graph, batch_size)):
            if number < done.get(graph, 0):
                report.skipped_batches += 1
                continue
            _send_batch(client, endpoint, graph_store, update_endpoint, graph, number, batch, sleep)
            done[graph] = number + 1
            report.sent_batches += 1
            save()
            if progress is not None:
                progress(f"{graph} batch {number + 1}")
    for graph in selected:
        report.counts[graph] = (local_sizes[graph], count_remote(endpoint, graph))
    return report
