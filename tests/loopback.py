"""Servers the tests start on loopback (through :mod:`benchmarks.servers`): a real Oxigraph server
(``pip install oxigraph``), and one standing in for the Wikidata Query Service, which no test reaches."""

from __future__ import annotations

import dataclasses
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from integration_tools import missing_tool

from benchmarks import servers

if TYPE_CHECKING:
    from kg.sparql.queries import NamedQuery


@contextmanager
def handler_serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` (a stand-in for a server, in a thread) on a free loopback port; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    with threaded(server) as url:
        yield url


@contextmanager
def threaded(server: HTTPServer) -> Iterator[str]:
    """Run ``server`` (bound to a loopback port) in a thread and yield its base URL; shut it down on leaving."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def oxigraph_serve(location: Path, union_default_graph: bool = True) -> Iterator[str]:
    """Run ``oxigraph serve`` on a store at ``location`` and yield its base URL; skip when it is not installed."""
    if not Path(servers.OXIGRAPH).exists():
        missing_tool("the Oxigraph server is not installed (pip install oxigraph)")
    with ExitStack() as stack:
        try:
            url = stack.enter_context(servers.oxigraph_serve(location, union_default_graph)).url
        except RuntimeError as error:  # it did not start
            pytest.fail(str(error))
        yield url


#: A few Wikidata statements: populations (P1082) and capitals (P36) of Poland and Romania, and one stray item.
WIKIDATA_FACTS = b"""@prefix wd: <http://www.wikidata.org/entity/> . @prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
wd:Q36 wdt:P1082 36000000, 38000000 ; wdt:P36 wd:Q270 . wd:Q270 rdfs:label "Warsaw"@en, "Warszawa"@pl .
wd:Q218 wdt:P1082 19000000 ; wdt:P36 wd:Q19660 . wd:Q19660 rdfs:label "Bucharest"@en .
wd:Q999 wdt:P1082 1 ."""


@contextmanager
def wikidata_serve(location: Path) -> Iterator[str]:
    """Run an Oxigraph server answering :data:`WIKIDATA_FACTS` in its default graph; yield its query URL."""
    with oxigraph_serve(location, union_default_graph=False) as url:
        request = urllib.request.Request(f"{url}/store?default", data=WIKIDATA_FACTS, method="PUT",
                                         headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(request, timeout=10).close()
        yield f"{url}/query"


def served_by(query: NamedQuery, endpoint: str) -> NamedQuery:
    """Return the federated ``query`` with its ``SERVICE`` (the ``#+ endpoint`` header) pointed at ``endpoint``."""
    declared = query.header["endpoint"]
    assert f"SERVICE <{declared}>" in query.text, f"{query.name}: its SERVICE is not its #+ endpoint header"
    return dataclasses.replace(query, text=query.text.replace(f"<{declared}>", f"<{endpoint}>"))
