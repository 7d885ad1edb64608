"""Updates are filled from fixed templates with terms pyoxigraph wrote: hostile IRIs are refused, hostile literals
arrive unchanged.

The push tests send to a SPARQL store on loopback that applies every request to a pyoxigraph store and to an
rdflib dataset (SPARQL Update through each library's own update parser, the Graph Store Protocol through its
N-Triples parser), so each library reads what push wrote.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pyoxigraph as ox
import pytest
from hostile import EX, HOSTILE_GRAPH, HOSTILE_IRIS, HOSTILE_LITERALS, hostile_store
from loopback import handler_serve
from rdflib import Dataset, Literal, URIRef

from kg.analytics.writeback import write_scores
from kg.errors import KgError
from kg.sparql.push import push
from kg.sparql.remote import Endpoint
from kg.sparql.updates import update_template
from kg.store import to_oxigraph

GRAPH = HOSTILE_GRAPH
# rdflib's Dataset.update looks up a deprecated attribute of its own
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")


class _Stores:
    """What the stand-in endpoint holds: one pyoxigraph store and one rdflib dataset, fed the same requests."""

    def __init__(self) -> None:
        self.oxigraph = ox.Store()
        self.rdflib = Dataset()
        self.lock = threading.Lock()


class _SparqlStore(BaseHTTPRequestHandler):
    """``/query`` (SPARQL JSON results from the pyoxigraph store), ``/update`` (SPARQL Update) and ``/store`` (Graph
    Store Protocol, N-Triples): each write goes to both stores."""

    stores: _Stores

    def log_message(self, *args: object) -> None:
        pass

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _reply(self, status: int, body: bytes = b"", kind: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._query(urllib.parse.urlsplit(self.path).query)

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/store":
            return self._graph_store(url.query, self._body(), replace=False)
        body = self._body().decode("utf-8")
        if url.path == "/update":
            text = urllib.parse.parse_qs(body)["update"][0]
            with self.stores.lock:
                self.stores.oxigraph.update(text)
                self.stores.rdflib.update(text)
            return self._reply(204)
        return self._query(body)

    def do_PUT(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        self._graph_store(url.query, self._body(), replace=True)

    def _graph_store(self, query: str, data: bytes, replace: bool) -> None:
        graph = urllib.parse.parse_qs(query)["graph"][0]
        with self.stores.lock:
            if replace:
                self.stores.oxigraph.remove_graph(ox.NamedNode(graph))
                self.stores.rdflib.remove_graph(URIRef(graph))
            self.stores.oxigraph.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
            self.stores.rdflib.graph(URIRef(graph)).parse(data=data, format="nt")
        self._reply(204)

    def _query(self, form: str) -> None:
        text = urllib.parse.parse_qs(form)["query"][0]
        answer = self.stores.oxigraph.query(text).serialize(format=ox.QueryResultsFormat.JSON)
        self._reply(200, answer, "application/sparql-results+json")


@pytest.fixture()
def sparql_store() -> Iterator[tuple[str, _Stores]]:
    stores = _Stores()
    handler = type("Handler", (_SparqlStore,), {"stores": stores})
    with handler_serve(handler) as url:
        yield url, stores


def _rdflib_quads(stores: _Stores) -> set[ox.Quad]:
    return {ox.Quad(*(to_oxigraph(term) for term in (s, p, o)), ox.NamedNode(str(g)))
            for s, p, o, g in stores.rdflib.quads() if g is not None}


@pytest.mark.parametrize("protocol", ["update", "graph-store"])
def test_hostile_literals_arrive_unchanged_in_pyoxigraph_and_rdflib(sparql_store, protocol: str) -> None:
    url, stores = sparql_store
    local = hostile_store()
    sent = {"graph_store": f"{url}/store"} if protocol == "graph-store" else {"update_endpoint": f"{url}/update"}
    # Batches of 2: the first replaces the graph, the next ones add to it (both update templates are used).
    report = push(local, Endpoint(f"{url}/query", retries=0), batch_size=2, **sent)
    assert report.sent_batches == 5 and report.mismatches == {}
    expected = set(local)
    assert set(stores.oxigraph) == expected
    assert _rdflib_quads(stores) == expected
    assert len(list(stores.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(f"{EX}evil")))) == 0


def test_a_second_push_replaces_the_graph_instead_of_adding_to_it(sparql_store) -> None:
    url, stores = sparql_store
    old = ox.Quad(ox.NamedNode(f"{EX}old"), ox.NamedNode(f"{EX}p"), ox.Literal("stale"), ox.NamedNode(GRAPH))
    stores.oxigraph.add(old)
    stores.rdflib.add((URIRef(f"{EX}old"), URIRef(f"{EX}p"), Literal("stale"), URIRef(GRAPH)))
    push(hostile_store(), Endpoint(f"{url}/query", retries=0), update_endpoint=f"{url}/update", batch_size=100)
    assert old not in set(stores.oxigraph)
    assert set(stores.oxigraph) == set(hostile_store()) == _rdflib_quads(stores)


@pytest.mark.parametrize("iri", HOSTILE_IRIS)
def test_a_hostile_iri_never_becomes_a_term(iri: str) -> None:
    with pytest.raises(ValueError):
        ox.NamedNode(iri)


@pytest.mark.parametrize("iri", HOSTILE_IRIS)
def test_a_hostile_graph_name_is_one_clear_error_and_nothing_is_sent(sparql_store, iri: str) -> None:
    url, stores = sparql_store
    with pytest.raises(KgError, match="cannot push the graph"):
        push(hostile_store(), Endpoint(f"{url}/query", retries=0), update_endpoint=f"{url}/update", graphs=[iri])
    assert len(stores.oxigraph) == 0


@pytest.mark.parametrize("value", ["http://example.org/g", URIRef("http://example.org/g"), ox.Literal("x")])
def test_a_template_takes_only_pyoxigraph_iris_for_an_iri(value: object) -> None:
    with pytest.raises(KgError, match="takes a pyoxigraph NamedNode"):
        update_template("push_add_to_graph").fill(graph=value, triples=[])


def test_a_template_takes_only_pyoxigraph_triples_for_triples() -> None:
    with pytest.raises(KgError, match="takes pyoxigraph Triples"):
        update_template("push_add_to_graph").fill(graph=ox.NamedNode(GRAPH), triples=["<a> <b> <c> ."])
    with pytest.raises(KgError, match="give the parameters"):
        update_template("push_add_to_graph").fill(graph=ox.NamedNode(GRAPH))


def test_placeholders_must_be_the_parameters_of_the_header(tmp_path: Path) -> None:
    (tmp_path / "bad.ru").write_text("#+ params:\n#+   - name: graph\n#+     type: iri\nCLEAR GRAPH ${graph} ; ${more}\n")
    with pytest.raises(KgError, match="must be the parameters"):
        update_template("bad", tmp_path)
    (tmp_path / "untyped.ru").write_text("#+ params:\n#+   - name: graph\nCLEAR GRAPH ${graph}\n")
    with pytest.raises(KgError, match="graph \\(no type\\)"):
        update_template("untyped", tmp_path)


def test_every_update_template_is_filled_into_an_update_pyoxigraph_runs() -> None:
    from kg.internal_queries import INTERNAL_QUERIES_DIR

    names = sorted(path.stem for path in INTERNAL_QUERIES_DIR.glob("*.ru"))
    assert names
    triple = ox.Triple(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"), HOSTILE_LITERALS[2])
    for name in names:
        template = update_template(name)
        assert template.summary, f"{name}.ru has no #+ summary"
        store = ox.Store()
        store.update(template.fill(graph=ox.NamedNode(GRAPH), triples=[triple]))
        assert list(store) == [ox.Quad(*triple, ox.NamedNode(GRAPH))]


def test_written_scores_keep_a_hostile_node_out() -> None:
    store = ox.Store()
    with pytest.raises(KgError):
        write_scores(store, {"http://example.org/a> } ; DROP ALL ; #": 1}, network="events", metric="degree")
    assert len(store) == 0
