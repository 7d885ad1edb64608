"""Personal data: which statements are about natural persons, and how to leave them out.

Everything said about an ``ekg:Person`` (name, e-mail, telephone, job title, affiliation) is personal
data, and so is every participation whose participant is a person. Person IRIs are opaque hashes,
so leaving out these statements leaves nothing that names anyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

PERSONAL_NODES_QUERY = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT DISTINCT ?node WHERE {
  { ?node a ekg:Person }
  UNION
  { ?node ekg:participant ?person . ?person a ekg:Person }
}
"""


def personal_nodes(store: ox.Store) -> set[ox.NamedNode | ox.BlankNode]:
    """Return the persons of ``store`` and the participations of persons."""
    return {row["node"] for row in store.query(PERSONAL_NODES_QUERY, use_default_graph_as_union=True)}


def without_personal_data(quads: Iterable[ox.Quad], personal: set) -> Iterator[ox.Quad]:
    """Yield the quads that are not about, and do not point at, a personal node."""
    for quad in quads:
        if quad.subject not in personal and quad.object not in personal:
            yield quad


def public_copy(store: ox.Store) -> ox.Store:
    """Return an in-memory copy of ``store`` without personal data."""
    personal = personal_nodes(store)
    copy = ox.Store()
    copy.extend(without_personal_data(store, personal))
    return copy
