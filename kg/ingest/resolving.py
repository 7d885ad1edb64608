"""Name → graph resource resolution, as ingestion sees it: a thin adapter over :mod:`kg.resolve`.

Ingestion codes against the small :class:`NameResolver` protocol, which :class:`kg.resolve.Resolver`
fulfils; the normalisation (:func:`normalise`), the thresholds (:mod:`kg.resolve.thresholds`) and
the class → kind table (:data:`TYPE_OF_CLASS`) are the resolver's own, so ``eukg resolve``, article
ingestion and table ingestion decide the same way.
"""

from __future__ import annotations

from typing import Any, Protocol

import pyoxigraph as ox

from kg.resolve import TYPE_OF_CLASS, Candidate, Resolver, normalise

__all__ = ["Candidate", "LabelResolver", "NameResolver", "TYPE_OF_CLASS", "confident", "normalise", "resolver_for"]

#: The resolver ingestion used to fall back on; now the project's one resolver (kept for callers that name it).
LabelResolver = Resolver


class NameResolver(Protocol):
    """What ingestion needs from a resolver."""

    def resolve(self, name: str, type: str | None = None, limit: int = 5) -> list[Any]: ...  # noqa: A002

    def best(self, name: str, type: str | None = None) -> Any | None: ...  # noqa: A002


def resolver_for(store: ox.Store) -> NameResolver:
    """Return the project's resolver (:class:`kg.resolve.Resolver`) for ``store``."""
    return Resolver.from_store(store)


def confident(resolver: NameResolver, name: str, type: str | None = None) -> Any | None:  # noqa: A002
    """Return the resolver's confident match, or else the one candidate whose label is ``name`` itself.

    "Interreg Europe" is the preferred label of one programme and an alternative label of its
    2014-2020 strand: a resolver may call that a tie, but the exact preferred label settles it.
    """
    decide = getattr(resolver, "decide", None)
    if decide is not None:  # one ranking gives both the answer and the candidates
        decision = decide(name, type, limit=5)
        found, candidates = decision.best, decision.candidates
    else:
        found = resolver.best(name, type=type)
        candidates = resolver.resolve(name, type=type, limit=5) if found is None else []
    if found is not None:
        return found
    key = normalise(name)
    exact = [c for c in candidates if normalise(c.label) == key]
    return exact[0] if len({c.iri for c in exact}) == 1 else None
