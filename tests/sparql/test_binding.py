"""Binding on the embedded store (pyoxigraph's ``substitutions``) and for remote endpoints (``VALUES``) agree.

``substitutions`` binds a variable everywhere in the query, sub-queries included, while ``VALUES`` is
placed where the query's ``#PARAM`` line is: for every named query and every parameter it declares,
bound to a value the built store holds, both must give the same rows (as multisets). pyoxigraph
substitutes projected variables only, so a parameter the query does not return is bound through
``VALUES`` on the store too (:meth:`kg.sparql.queries.NamedQuery.store_binding`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pyoxigraph as ox
import pytest

from kg.sparql.queries import NamedQuery, evaluation_errors, library, run, solutions
from kg.store import select

#: Where a value of each parameter name is found in the built store: (query, column, how to read the value).
SOURCES: dict[str, tuple[str, str, Callable[[str], str]]] = {
    "organisation": ("project_partners", "organisation", str),
    "event": ("event_participants", "event", str),
    "country_code": ("project_partners", "country", str),
    "project_acronym": ("project_partners", "acronym", str),
    "nuts": ("region_projects", "nuts", str),
    "programme": ("funding_by_programme", "programme", str),
    "theme": ("project_themes", "theme", str),
    "resource": ("resource_sources", "resource", str),
    "level": ("regions", "level", str),
    "year": ("events", "start", lambda start: start[:4]),
    # The source documents state no organisation identifier: their own identifiers are literals to bind.
    "identifier": ("source_documents", "identifier", str),
}
#: How many of a source's most frequent values are tried before a parameter counts as bound to nothing.
CANDIDATES = 60
#: How many values that give rows are compared per parameter.
ANSWERED = 3

CASES = [(named.name, param.name) for named in library().values() for param in named.params]


def _rows(answer: ox.QuerySolutions) -> Counter:
    return Counter(tuple(solution) for solution in answer)


def _by_values(named: NamedQuery, store: ox.Store, values: dict[str, str]) -> Counter:
    with evaluation_errors(named):
        return _rows(select(store, named.bind(values)))


def _by_substitutions(named: NamedQuery, store: ox.Store, values: dict[str, str]) -> Counter:
    answer = solutions(named, store, values)
    with evaluation_errors(named):
        return _rows(answer)


def _candidates(named: NamedQuery, name: str, store: ox.Store) -> list[str]:
    """The parameter's default, or the most frequent values of its source column in the store."""
    param = named.parameter(name)
    if param.default is not None:
        return [param.default]
    assert name in SOURCES, f"{named.name}: say in SOURCES where a value of parameter {name!r} is found"
    query, column, read = SOURCES[name]
    result = run(library()[query], store)
    index = result.columns.index(column)
    counts = Counter(read(str(row[index])) for row in result.rows if row[index] is not None)
    return [value for value, _ in counts.most_common(CANDIDATES)]


@pytest.mark.parametrize(("query", "param"), CASES, ids=[f"{q}-{p}" for q, p in CASES])
def test_substitutions_give_the_rows_of_the_values_rewrite(store: ox.Store, query: str, param: str) -> None:
    named = library()[query]
    projected = param in named.columns
    answered = 0
    for value in _candidates(named, param, store):
        values = {param: value}
        text, substituted = named.store_binding(values)
        assert (param in substituted) == projected and (text == named.text) == projected
        expected = _by_values(named, store, values)
        assert _by_substitutions(named, store, values) == expected, f"{query} with {param}={value!r}"
        answered += bool(expected)
        if answered == ANSWERED:
            break
    if run(named, store).rows:  # the project's own graph has no funding figures: those queries give no row
        assert answered, f"{query}: no value of {param} tried gives a row, so the comparison shows nothing"


def test_the_sources_hold_values(store: ox.Store) -> None:
    for name, (query, column, _) in SOURCES.items():
        result = run(library()[query], store)
        assert column in result.columns and result.rows, f"{name}: {query}.{column} gives no value"
