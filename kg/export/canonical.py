"""The statements a release contains, in one canonical form.

Byte-identical files for the same graph need two things: blank nodes labelled from the graph's content
(RDF Dataset Canonicalization, RDFC-1.0, as implemented by pyoxigraph) rather than from the order they
were loaded in, and a total order on the statements. Quads are sorted by graph name, then by their
N-Quads text (subject, predicate, object); the triples of the union graph by their N-Triples text. Sorted
input also lets the Turtle, TriG and RDF/XML writers group the statements of one subject together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.privacy import personal_nodes, without_personal_data

CANONICALIZATION = ox.CanonicalizationAlgorithm.RDFC_1_0


def _quad_key(quad: ox.Quad) -> tuple[str, str]:
    return str(quad.graph_name), str(quad)


def _has_blank_nodes(quads: Iterable[ox.Quad]) -> bool:
    return any(
        isinstance(quad.subject, ox.BlankNode)
        or isinstance(quad.object, ox.BlankNode)
        or isinstance(quad.graph_name, ox.BlankNode)
        for quad in quads
    )


def canonical_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Return ``quads`` with canonical blank-node labels (RDFC-1.0), sorted by graph, subject, predicate, object.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> p = ox.NamedNode("http://example.org/p")
    >>> [str(q) for q in canonical_quads([ox.Quad(ox.BlankNode("x"), p, ox.Literal("b")),
    ...                                    ox.Quad(ox.NamedNode("http://example.org/a"), p, ox.Literal("a"))])]
    ['<http://example.org/a> <http://example.org/p> "a"', '_:c14n0 <http://example.org/p> "b"']
    """
    quads = list(quads)
    if _has_blank_nodes(quads):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(CANONICALIZATION)
        quads = list(dataset)
    quads.sort(key=_quad_key)
    return quads


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """Return the distinct triples of all graphs of ``quads`` (the union graph), sorted by their N-Triples text."""
    triples = {quad.triple for quad in quads}
    return sorted(triples, key=str)


@dataclass
class Statements:
    """What a release writes: the canonical quads, the union triples, and whether personal data was left out."""

    quads: list[ox.Quad]
    triples: list[ox.Triple]
    personal_data: bool

    def graph(self, name: str) -> list[ox.Triple]:
        """Return the triples of the named graph ``name``, in canonical order."""
        node = ox.NamedNode(name)
        return [q.triple for q in self.quads if q.graph_name == node]


def statements(store: ox.Store, personal_data: bool = True) -> Statements:
    """Return the statements of ``store`` in canonical form, without personal data when ``personal_data`` is False."""
    quads: Iterable[ox.Quad] = store
    if not personal_data:
        quads = without_personal_data(store, personal_nodes(store))
    canonical = canonical_quads(quads)
    return Statements(canonical, union_triples(canonical), personal_data)
