"""Name → graph resource resolution, as ingestion sees it.

Ingestion codes against the small :class:`NameResolver` protocol. When the project's resolver
(:mod:`kg.resolve`) is installed it is used; otherwise :class:`LabelResolver`, a plain rapidfuzz
matcher over the store's ``skos:prefLabel``, ``skos:altLabel`` and ``ekg:acronym``, stands in with
the same :class:`Candidate` shape.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Protocol

import pyoxigraph as ox
from rapidfuzz import fuzz, process

__all__ = ["Candidate", "LabelResolver", "NameResolver", "confident", "resolver_for"]

EKG = "https://w3id.org/eu-regional-kg/ontology#"
TYPE_OF_CLASS = {
    f"{EKG}Region": "region",
    f"{EKG}Organisation": "organisation",
    f"{EKG}PublicOrganisation": "organisation",
    f"{EKG}Programme": "programme",
    f"{EKG}Project": "project",
    f"{EKG}Country": "country",
    f"{EKG}Place": "place",
    f"{EKG}City": "place",
}
#: Score (0..100) from which :meth:`LabelResolver.best` takes a match as confident.
CONFIDENT = 92.0
#: Score below which a candidate is not returned at all.
CUTOFF = 80.0


@dataclass(frozen=True)
class Candidate:
    """A resource a name may refer to: its IRI, best label, kind and a score from 0 to 100."""

    iri: str
    label: str
    type: str
    score: float


class NameResolver(Protocol):
    """What ingestion needs from a resolver."""

    def resolve(self, name: str, type: str | None = None, limit: int = 5) -> list[Any]: ...

    def best(self, name: str, type: str | None = None) -> Any | None: ...


def normalise(text: str) -> str:
    """Return ``text`` case-folded, without diacritics and with single spaces (for matching)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("-", " ").split())


LABELS_QUERY = f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?class ?label ?pref WHERE {{
  ?s a ?class .
  VALUES ?class {{ {" ".join(f"<{c}>" for c in TYPE_OF_CLASS)} }}
  {{ ?s skos:prefLabel ?label . BIND(true AS ?pref) }}
  UNION {{ ?s skos:altLabel ?label . BIND(false AS ?pref) }}
  UNION {{ ?s <{EKG}acronym> ?label . BIND(false AS ?pref) }}
}}"""


class LabelResolver:
    """Fuzzy matching of names against the labels and acronyms of the graph's resources."""

    def __init__(self, rows: list[tuple[str, str, str, bool]]) -> None:
        """Build from ``(iri, type, label, is_preferred)`` rows."""
        self._pref: dict[str, str] = {}
        # Per kind (and None for all kinds): the normalised labels and, for each, (iri, kind, preferred).
        self._index: dict[str | None, tuple[list[str], list[tuple[str, str, bool]]]] = defaultdict(lambda: ([], []))
        for iri, kind, label, pref in rows:
            if pref and iri not in self._pref:
                self._pref[iri] = label
            key = normalise(label)
            if len(key) >= 2:
                for bucket in (None, kind):
                    self._index[bucket][0].append(key)
                    self._index[bucket][1].append((iri, kind, pref))

    @classmethod
    def from_store(cls, store: ox.Store) -> LabelResolver:
        """Read the labels of regions, countries, places, organisations, programmes and projects."""
        rows = []
        for row in store.query(LABELS_QUERY, use_default_graph_as_union=True):
            rows.append((row["s"].value, TYPE_OF_CLASS[row["class"].value], row["label"].value,
                         row["pref"].value == "true"))
        return cls(rows)

    def label(self, iri: str) -> str:
        """Return the preferred label of ``iri`` (or the IRI)."""
        return self._pref.get(iri, iri)

    def resolve(self, name: str, type: str | None = None, limit: int = 5) -> list[Candidate]:
        """Return up to ``limit`` candidates for ``name``, best first ([] when nothing is close)."""
        query = normalise(name)
        if len(query) < 2:
            return []
        keys, entries = self._index.get(type, ([], []))
        best: dict[str, Candidate] = {}
        # rapidfuzz's own C scorer (a Python scorer is called once per label and is ~50 times slower).
        found = process.extract(query, keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=CUTOFF)
        for key, score, index in found:
            if min(len(query), len(key)) <= 4 and query != key:
                continue  # short strings (acronyms, codes) must match exactly
            iri, kind, pref = entries[index]
            score = float(score) - (0 if pref else 0.5)  # a preferred label wins a tie with an alternative one
            if iri not in best or best[iri].score < score:
                best[iri] = Candidate(iri, self.label(iri), kind, score)
        return sorted(best.values(), key=lambda c: (-c.score, c.iri))[:limit]

    def best(self, name: str, type: str | None = None) -> Candidate | None:
        """Return the one confident match of ``name``, or None when there is none or it is ambiguous."""
        found = self.resolve(name, type, limit=2)
        if not found or found[0].score < CONFIDENT:
            return None
        if len(found) > 1 and found[1].score > found[0].score - 0.5:
            return None
        return found[0]


def resolver_for(store: ox.Store) -> NameResolver:
    """Return the project's resolver (:mod:`kg.resolve`) for ``store`` when present, else a :class:`LabelResolver`."""
    try:
        module = importlib.import_module("kg.resolve")
        return module.Resolver.from_store(store)
    except (ImportError, AttributeError):
        return LabelResolver.from_store(store)


def confident(resolver: NameResolver, name: str, type: str | None = None) -> Any | None:
    """Return the resolver's confident match, or else the one candidate whose label is ``name`` itself.

    "Interreg Europe" is the preferred label of one programme and an alternative label of its
    2014-2020 strand: a resolver may call that a tie, but the exact preferred label settles it.
    """
    found = resolver.best(name, type=type)
    if found is not None:
        return found
    key = normalise(name)
    exact = [c for c in resolver.resolve(name, type=type, limit=5) if normalise(c.label) == key]
    return exact[0] if len({c.iri for c in exact}) == 1 else None
