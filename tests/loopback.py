"""Servers the tests start on loopback: a free port, a real Oxigraph server (``pip install oxigraph``), and one
standing in for the Wikidata Query Service, which no test reaches."""

from __future__ import annotations

import dataclasses
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from integration_tools import missing_tool

if TYPE_CHECKING:
    from kg.sparql.queries import NamedQuery

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float, what: str) -> None:
    """Wait until something listens on ``port`` of 127.0.0.1; fail the test after ``seconds``."""
    for _ in range(round(seconds * 10)):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{what} did not start within {seconds:.0f} s")


@contextmanager
def oxigraph_serve(location: Path, union_default_graph: bool = True) -> Iterator[str]:
    """Run ``oxigraph serve`` on a store at ``location`` and yield its base URL; skip when it is not installed."""
    if not Path(OXIGRAPH).exists():
        missing_tool("the Oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    command = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, 10, "the Oxigraph server")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


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
