"""GraphML and GEXF files hold plain-typed attributes only, and read back with the same values."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.analytics.brokerage import brokerage
from kg.analytics.export import exportable, write_network
from kg.analytics.networks import coparticipation_network, region_network
from kg.errors import KgError


def test_exportable_drops_none_and_makes_one_type_per_attribute() -> None:
    graph = nx.Graph()
    graph.add_node("a", country=None, size=1, tags=["x", "y"])
    graph.add_node("b", size=2.5)
    graph.add_edge("a", "b", weight=1, note=None)
    out = exportable(graph)
    assert out.nodes["a"] == {"size": 1.0, "tags": "['x', 'y']"}
    assert out.nodes["b"] == {"size": 2.5}
    assert out.edges["a", "b"] == {"weight": 1}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip_with_scores(tiny_store, tmp_path, fmt) -> None:
    graph = region_network(tiny_store, level=2)
    roles = brokerage(graph)
    path = write_network(graph, tmp_path / f"regions.{fmt}", fmt, {"brokerage": roles})
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert set(back) == set(graph)
    assert back.number_of_edges() == graph.number_of_edges()
    node = "http://data.europa.eu/nuts/code/RO32"
    assert back.nodes[node]["label"] == "Bucureşti-Ilfov"
    assert back.nodes[node]["country"] == "RO"
    assert int(back.nodes[node]["brokerage_liaison"]) == roles[node]["liaison"]
    text = path.read_text(encoding="utf-8")
    assert "None" not in text
    ET.fromstring(text)  # well-formed XML


def test_graphml_declares_types_gephi_reads(tiny_store, tmp_path) -> None:
    path = write_network(coparticipation_network(tiny_store), tmp_path / "c.graphml", "graphml",
                         {"degree": {"http://example.org/o1": 3}})
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    types = {key.get("attr.type") for key in ET.parse(path).getroot().findall("g:key", ns)}
    assert types <= {"string", "int", "long", "float", "double", "boolean"}


def test_unknown_format_and_unwritable_path(tmp_path) -> None:
    with pytest.raises(KgError, match="unknown export format"):
        write_network(nx.Graph(), tmp_path / "x.dot", "dot")
    with pytest.raises(KgError, match="cannot write"):
        write_network(nx.Graph([("a", "b")]), tmp_path / "missing" / "x.gexf", "gexf")
