"""Where the analytics networks get their rows: the embedded store or any SPARQL endpoint.

A *row source* is any callable ``rows(query_text) -> list[dict[str, str | None]]`` that runs a
SPARQL SELECT query and returns one dict per solution, mapping each variable to the plain value of
its binding (the IRI, or the literal's lexical form) or to None where it is unbound. The network
builders of :mod:`kg.analytics.networks` only ever call such a function, so the same code runs on
the embedded pyoxigraph store (:func:`store_rows`) and on a remote endpoint (:func:`endpoint_rows`,
through :mod:`kg.sparql.remote`; any client that returns its JSON bindings the same way can be passed too).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import StoreMissingError
from kg.paths import QUERIES_DIR
from kg.sparql.queries import NamedQuery, find

if TYPE_CHECKING:
    from kg.sparql.remote import Endpoint

__all__ = [
    "ANALYTICS_QUERIES_DIR", "Rows", "as_rows", "endpoint_rows", "fetch", "json_rows", "open_or_build", "store_rows",
]

#: The queries the networks are built from; a sub-folder, so they stay out of the public library.
ANALYTICS_QUERIES_DIR = QUERIES_DIR / "analytics"

#: A function that runs a SPARQL SELECT query text and returns its solutions as plain dicts.
Rows = Callable[[str], list[dict[str, str | None]]]


def store_rows(store: ox.Store) -> Rows:
    """Return a row source that runs queries on ``store`` over the union of its graphs.

    Parameters
    ----------
    store : pyoxigraph.Store
        An open store.

    Returns
    -------
    rows : callable
        ``rows(query_text)`` returns a list of dicts, one per solution.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1")))
    >>> store_rows(store)("SELECT ?s ?o ?none WHERE { ?s ?p ?o }")
    [{'s': 'http://x/a', 'o': '1', 'none': None}]
    """
    from kg.store import select

    def rows(query_text: str) -> list[dict[str, str | None]]:
        solutions = select(store, query_text)
        names = [variable.value for variable in solutions.variables]
        return [{name: _plain(solution[name]) for name in names} for solution in solutions]

    return rows


def endpoint_rows(endpoint: Endpoint) -> Rows:
    """Return a row source that runs queries on a remote SPARQL 1.1 endpoint.

    The queries go through :func:`kg.sparql.remote.select_remote` (SPARQLWrapper), so they get its
    timeouts, retries with back-off, credentials and one-line :class:`kg.sparql.remote.RemoteError`.

    Parameters
    ----------
    endpoint : kg.sparql.remote.Endpoint
        The query endpoint, such as ``Endpoint("http://localhost:8890/sparql")``. It should answer
        over the union of its named graphs, as the embedded store does.

    Returns
    -------
    rows : callable
        ``rows(query_text)`` returns a list of dicts, one per solution, with the same plain values
        as :func:`store_rows` (an IRI, or a literal's lexical form, or None).
    """
    from kg.sparql.remote import select_remote

    def rows(query_text: str) -> list[dict[str, str | None]]:
        result = select_remote(endpoint, query_text)
        return [{name: None if term is None else str(term) for name, term in zip(result.columns, row, strict=True)}
                for row in result.rows]

    return rows


def _plain(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def json_rows(results: Mapping[str, object]) -> list[dict[str, str | None]]:
    """Return the rows of a SPARQL 1.1 JSON query result (what SPARQLWrapper's ``convert()`` gives).

    A remote row source is then ``lambda text: json_rows(run_on_endpoint(text))``, where
    ``run_on_endpoint`` is the client's call that returns the JSON result as a dict.

    Examples
    --------
    >>> json_rows({"head": {"vars": ["s", "o"]},
    ...            "results": {"bindings": [{"s": {"type": "uri", "value": "http://x/a"}}]}})
    [{'s': 'http://x/a', 'o': None}]
    """
    names = list(results["head"]["vars"])  # type: ignore[index]
    return [
        {name: binding[name]["value"] if name in binding else None for name in names}
        for binding in results["results"]["bindings"]  # type: ignore[index]
    ]


def as_rows(source: ox.Store | Rows) -> Rows:
    """Return ``source`` as a row source: a store is wrapped by :func:`store_rows`, a callable kept.

    Raises
    ------
    TypeError
        When ``source`` is neither a store nor a callable.
    """
    if isinstance(source, ox.Store):
        return store_rows(source)
    if callable(source):
        return source
    raise TypeError(f"expected a pyoxigraph Store or a rows(query_text) callable, not {type(source).__name__}")


def fetch(rows: Rows, name: str, params: Mapping[str, str] | None = None) -> list[dict[str, str | None]]:
    """Run the analytics query ``name`` (from ``queries/analytics/``, else the public library).

    Parameters are bound as RDF terms through ``VALUES`` by :meth:`kg.sparql.queries.NamedQuery.bind`, so
    the text that reaches ``rows`` runs on any SPARQL 1.1 endpoint.
    """
    query = _query(name)
    return rows(query.bind(params))


def _query(name: str) -> NamedQuery:
    if (ANALYTICS_QUERIES_DIR / f"{name}.rq").exists():
        return find(name, ANALYTICS_QUERIES_DIR)
    return find(name)


def open_or_build(location: Path | str | None = None, in_memory: bool | None = None) -> ox.Store:
    """Open the built store, or build one into a temporary folder when none is named and none exists (notebooks).

    A store named by ``location`` or ``$EUKG_STORE`` is opened read-only, and when it cannot be opened
    (missing, a link to a folder that is not there, not a store) :class:`~kg.errors.StoreMissingError`
    says so in one line naming the path: a notebook never quietly analyses another graph than the one
    asked for. Only when neither names a store and the default store does not exist are the project's
    files built into a new temporary store, which takes some seconds and leaves the default location
    untouched. ``in_memory`` is passed to :func:`kg.store.open_store`: by default a store of up to 4
    million quads is copied into memory, where a notebook's many queries run 2–3.5× faster.

    Raises
    ------
    StoreMissingError
        When the store named, or the default one where something is, cannot be opened.
    """
    import tempfile

    from kg.store import open_store, resolve_location
    from kg.store.writer import build

    named = location is not None or bool(os.environ.get("EUKG_STORE"))
    path = resolve_location(location)
    if not named and not path.exists() and not path.is_symlink():
        target = Path(tempfile.mkdtemp(prefix="eukg-store-")) / "store"
        build(target)
        return open_store(target, in_memory=in_memory)
    problem = _unopenable(path)
    if problem is None:
        try:
            return open_store(path, in_memory=in_memory)
        except OSError as error:
            problem = f"not a store that can be opened ({error})"
    where = "the store $EUKG_STORE names" if location is None and named else "the store"
    raise StoreMissingError(f"{path}: cannot open {where}: {problem}")


def _unopenable(path: Path) -> str | None:
    """What keeps the store at ``path`` from being opened, or None when nothing seen beforehand does."""
    if path.is_symlink() and not path.exists():
        return (f"it is a link to {os.readlink(path)}, which does not exist (a link to a relative snapshot "
                "folder copied elsewhere?); name the snapshot folder itself, or build the store there")
    if not path.exists():
        return f"nothing is there; build it with `eukg build --store {path}`, or name another store"
    if not path.is_dir():
        return "it is a file, not a store folder"
    return None
