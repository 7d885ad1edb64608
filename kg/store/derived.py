"""The kinds of derived graphs: how a build computes each again, and how a write keeps it up to date.

A derived graph has no file; the store records its *recipe* (a dict whose ``kind`` names one of
:data:`KINDS`). The store does not know how any kind is computed: each kind names the functions that
compute it, as ``"module:function"`` strings imported when first used (rdflib's plugin pattern), so
:mod:`kg.store` depends on no analysis package and a new kind is one line here.

* ``compute(store, recipe, snapshot)`` returns the graph, computed from the data of ``store``
  (``snapshot`` is the snapshot directory being built, where a kind may keep an index of its own);
* ``update(store, recipe, graph, changed, snapshot)``, where a kind has one, brings the graph
  ``graph`` of ``store`` up to date after a write that changed the statements of the IRIs
  ``changed`` (``store`` is the writer's checkpoint, holding the data after the write and the graph as
  it was before) and returns the IRIs whose statements in the graph changed; the writer calls it in
  every write, before validating, so the graph follows the data;
* ``early``: the graph is computed before the build validates the data, because the validation reads
  it (the links of record linkage excuse two records of one body from the duplicate check).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import KgError

__all__ = ["KINDS", "Kind", "compute", "early", "kind_of", "update"]


@dataclass(frozen=True)
class Kind:
    """How one kind of derived graph is computed (``"module:function"`` names) and when."""

    compute: str
    update: str | None = None
    early: bool = False


#: The kinds of derived graphs, by the ``kind`` of their recipes.
KINDS: dict[str, Kind] = {
    "analytics": Kind("kg.analytics.writeback:compute_derived"),
    "linkage": Kind("kg.resolve.merges:compute_derived", update="kg.resolve.follow:follow", early=True),
}


def _function(name: str) -> Callable:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def kind_of(recipe: dict) -> Kind:
    """Return the :class:`Kind` of ``recipe``.

    Raises
    ------
    KgError
        When the recipe names no known kind.
    """
    try:
        return KINDS[str(recipe.get("kind"))]
    except KeyError:
        raise KgError(f"unknown kind of derived graph {recipe.get('kind')!r}: cannot compute it again") from None


def early(recipe: dict) -> bool:
    """Whether the graph of ``recipe`` is computed before the build validates the data."""
    return kind_of(recipe).early


def compute(store: ox.Store, recipe: dict, snapshot: Path | None = None) -> Graph:
    """Compute the derived graph of ``recipe`` from the data of ``store``."""
    return _function(kind_of(recipe).compute)(store, recipe, snapshot)


def update(store: ox.Store, recipe: dict, graph: str, changed: Iterable[str], snapshot: Path | None) -> set[str]:
    """Bring the derived graph ``graph`` of ``recipe`` in ``store`` up to date after a write that changed
    the IRIs ``changed``; return the IRIs whose statements in it changed (none for a kind that writes
    do not update)."""
    name = kind_of(recipe).update
    return set() if name is None else _function(name)(store, recipe, graph, set(changed), snapshot)
