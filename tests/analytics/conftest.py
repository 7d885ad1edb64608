"""Fixtures of the analytics tests: a tiny hand-made graph, in pyoxigraph and behind a 'remote' rows function."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

TINY = Path(__file__).with_name("data") / "tiny.ttl"


@pytest.fixture()
def tiny_store() -> ox.Store:
    """The tiny graph in an in-memory pyoxigraph store."""
    store = ox.Store()
    store.load(path=str(TINY), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://example.org/graph"))
    return store


@pytest.fixture()
def tiny_remote():
    """A rows(query_text) function that runs queries with another engine (rdflib), as a remote endpoint would.

    It returns the bindings as plain strings, the way a SPARQLWrapper JSON client does.
    """
    graph = Graph().parse(TINY)
    calls: list[str] = []

    def rows(query_text: str) -> list[dict[str, str | None]]:
        calls.append(query_text)
        result = graph.query(query_text)
        names = [str(v) for v in result.vars]
        return [{name: (None if row[name] is None else str(row[name])) for name in names} for row in result]

    rows.calls = calls  # type: ignore[attr-defined]
    return rows
