"""Counts that describe a store: triples per named graph and instances per class."""

from __future__ import annotations

import pyoxigraph as ox

from kg.build.full import graph_sizes
from kg.internal_queries import internal_query


def class_counts(store: ox.Store) -> dict[str, int]:
    """Return the number of instances of each class of the project's ontology."""
    rows = store.query(internal_query("class_counts"), use_default_graph_as_union=True)
    return {row["class"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in rows}


def stats(store: ox.Store) -> dict[str, dict[str, int]]:
    """Return ``{"graphs": {iri: triples}, "classes": {name: instances}}``."""
    return {"graphs": graph_sizes(store), "classes": class_counts(store)}
