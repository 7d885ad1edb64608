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
from operator import itemgetter

import pyoxigraph as ox

from kg.privacy import public_quads

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


def _canonical_labels(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Return ``quads`` as a list, with canonical blank-node labels (RDFC-1.0) when there are blank nodes."""
    quads = list(quads)
    if _has_blank_nodes(quads):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(CANONICALIZATION)
        quads = list(dataset)
    return quads


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
    quads = _canonical_labels(quads)
    quads.sort(key=_quad_key)
    return quads


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """Return the distinct triples of all graphs of ``quads`` (the union graph), sorted by their N-Triples text."""
    triples = {quad.triple for quad in quads}
    return sorted(triples, key=str)


def canonical_statements(quads: Iterable[ox.Quad]) -> tuple[list[ox.Quad], list[ox.Triple]]:
    """Return :func:`canonical_quads` and :func:`union_triples` of ``quads``, with one text per triple.

    Within one graph, the N-Quads text of a quad is its N-Triples text followed by the graph name, so
    sorting by (graph name, N-Triples text) gives the same order as :func:`canonical_quads`; each
    triple's text is computed once and serves both sorts (the union is sorted by the same texts).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> a, p = ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p")
    >>> g1, g2 = ox.NamedNode("http://example.org/g1"), ox.NamedNode("http://example.org/g2")
    >>> quads, triples = canonical_statements([ox.Quad(a, p, ox.Literal("b"), g2), ox.Quad(a, p, ox.Literal("b"), g1),
    ...                                        ox.Quad(a, p, ox.Literal("a"), g2)])
    >>> [str(q.graph_name)[-3:-1] + " " + q.object.value for q in quads], [t.object.value for t in triples]
    (['g1 b', 'g2 a', 'g2 b'], ['a', 'b'])
    """
    quads = _canonical_labels(quads)
    graph_texts: dict[object, str] = {}
    keyed = []
    for quad in quads:
        graph = quad.graph_name
        graph_text = graph_texts.get(graph)
        if graph_text is None:
            graph_text = graph_texts[graph] = str(graph)
        triple = quad.triple
        keyed.append((graph_text, str(triple), quad, triple))
    del quads
    keyed.sort(key=itemgetter(0, 1))
    union = {text: triple for _, text, _, triple in keyed}
    quads = [item[2] for item in keyed]
    del keyed
    triples = [union[text] for text in sorted(union)]
    return quads, triples


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
    """Return the statements of ``store`` in canonical form, without personal data when ``personal_data`` is False.

    Without personal data, the statements are those of :func:`kg.privacy.public_quads`, the filter that
    ``eukg serve`` and ``eukg push`` apply too.
    """
    quads: Iterable[ox.Quad] = store if personal_data else public_quads(store)
    return Statements(*canonical_statements(quads), personal_data)
