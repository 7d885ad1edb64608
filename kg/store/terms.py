"""Terms between rdflib and pyoxigraph, and SELECT queries with parameters bound as RDF terms."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Mapping

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

__all__ = ["named_graphs", "select", "to_dataset", "to_oxigraph", "to_rdflib"]


class _IllTypedLiteralNoise(logging.Filter):
    """Drops rdflib's warning, with a traceback, for each literal whose text is not of its datatype.

    Validation reports every such literal as a violation naming node, file and line
    (:mod:`kg.validate.terms`); rdflib's warning, printed wherever an rdflib term is made from it, names none.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Failed to convert Literal lexical form to value")


_RDFLIB_TERM_LOG = logging.getLogger("rdflib.term")
if not any(isinstance(f, _IllTypedLiteralNoise) for f in _RDFLIB_TERM_LOG.filters):
    _RDFLIB_TERM_LOG.addFilter(_IllTypedLiteralNoise())
warnings.filterwarnings("ignore", message="Parsing weird boolean", category=UserWarning, module="rdflib")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to the pyoxigraph term with the same value."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to an oxigraph term")


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """Convert a pyoxigraph term to the rdflib term with the same value."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def select(
    store: ox.Store,
    query: str,
    bindings: Mapping[str, Node] | None = None,
    default_graph: list[str] | None = None,
) -> ox.QuerySolutions:
    """Run a SELECT query over the union of all graphs, with ``bindings`` substituted as RDF terms.

    ``default_graph`` restricts the query to the listed named graphs (used to leave personal data out).
    """
    substitutions = {ox.Variable(name): to_oxigraph(value) for name, value in (bindings or {}).items()}
    if default_graph is not None:
        graphs = [ox.NamedNode(g) for g in default_graph]
        return store.query(query, default_graph=graphs, named_graphs=graphs, substitutions=substitutions)
    return store.query(query, use_default_graph_as_union=True, substitutions=substitutions)


def named_graphs(store: ox.Store) -> list[str]:
    """Return the IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def to_dataset(store: ox.Store) -> Dataset:
    """Return the whole store as an rdflib Dataset (for pyshacl and rdflib's serialisers)."""
    ds = Dataset()
    ds.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds
