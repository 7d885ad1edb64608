"""The package's own SPARQL queries: ``queries/internal/NAME.rq``, read once and returned by name.

Every query the code runs lives in a ``.rq`` file. The named queries of ``queries/*.rq`` are the
public library (``eukg queries``); the ones the package runs for itself (the resolver's index, the
reference data ingestion looks up, the counts of ``eukg stats``, the checks of validation …) live in
``queries/internal/``, out of the library and its catalogue. Each starts with a ``#+`` header like
the named queries (summary, params with their types, columns). A parameter is bound as an RDF term
with pyoxigraph's ``substitutions`` (:func:`kg.store.select`), never formatted into the text.

This module sits below every layer that runs queries, so the store, the resolver, ingestion and
validation all read their queries here.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1"),
...                   ox.NamedNode("http://x/g")))
>>> [(row["g"].value, row["n"].value) for row in store.query(internal_query("graph_sizes"))]
[('http://x/g', '1')]
"""

from __future__ import annotations

import functools
from pathlib import Path

from kg.paths import QUERIES_DIR

__all__ = ["INTERNAL_QUERIES_DIR", "internal_query", "internal_query_names", "internal_query_path"]

#: The folder of the package's own queries (left out of the public library, :func:`kg.sparql.queries.library`).
INTERNAL_QUERIES_DIR = QUERIES_DIR / "internal"


def internal_query_path(name: str) -> Path:
    """Return the file of the internal query ``name``.

    Raises
    ------
    LookupError
        When there is no such query (a slip in the code: the names are fixed).

    Examples
    --------
    >>> internal_query_path("class_counts").relative_to(QUERIES_DIR).as_posix()
    'internal/class_counts.rq'
    """
    path = INTERNAL_QUERIES_DIR / f"{name}.rq"
    if not path.is_file():
        raise LookupError(f"no internal query {name!r} in {INTERNAL_QUERIES_DIR} "
                          f"(known: {', '.join(internal_query_names())})")
    return path


@functools.cache
def internal_query(name: str) -> str:
    """Return the text of the internal query ``name`` (``queries/internal/NAME.rq``), read once.

    Examples
    --------
    >>> internal_query("class_counts").startswith("#+ summary:")
    True
    """
    return internal_query_path(name).read_text(encoding="utf-8")


def internal_query_names() -> list[str]:
    """Return the names of the internal queries, sorted.

    Examples
    --------
    >>> {"graph_sizes", "resource_links"} <= set(internal_query_names())
    True
    """
    return sorted(path.stem for path in INTERNAL_QUERIES_DIR.glob("*.rq"))
