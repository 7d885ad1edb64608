"""Resolve a name to the one resource of the graph it stands for, or say that it is ambiguous."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from kg.resolve import index as _index
from kg.resolve.bound import LetterCounts
from kg.resolve.keys import combine, keys
from kg.resolve.kinds import TYPES
from kg.resolve.lemmas import SIMPLEMMA_LANGUAGES, Lemmas, hinted_languages
from kg.resolve.normalise import compact
from kg.resolve.regional_names import read_regional_names
from kg.resolve.thresholds import ACCEPT, FLOOR, LEMMA_LANGUAGES, LEMMA_SCORE, MARGIN, MIN_FUZZY_LENGTH

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

__all__ = ["AMBIGUOUS", "MATCH", "NONE", "UNSURE", "Candidate", "Decision", "Resolver"]

#: :attr:`Decision.status` values: one answer; a tie between candidates at or above ACCEPT; only
#: candidates below ACCEPT; nothing close.
MATCH, AMBIGUOUS, UNSURE, NONE = "match", "ambiguous", "unsure", "none"


@dataclass(frozen=True)
class Candidate:
    """A resource a name may stand for.

    Attributes
    ----------
    iri : str
        The resource's IRI.
    label : str
        Its display label (English where the graph has one).
    type : str
        One of :data:`kg.resolve.TYPES`.
    score : float
        How well the name matches one of its labels, 0 to 100.
    """

    iri: str
    label: str
    type: str
    score: float


@dataclass(frozen=True)
class Decision:
    """What a name stands for: a status and the candidates, best first.

    Attributes
    ----------
    status : str
        ``match`` (:attr:`best` is the answer), ``ambiguous`` (:attr:`tied` lists two or more
        candidates within MARGIN of a best score of at least ACCEPT), ``unsure`` (candidates, none
        good enough) or ``none`` (nothing close).
    candidates : list of Candidate
        The ranked candidates (at most the limit asked for).
    tied : list of Candidate
        The candidates of a tie (all of them, whatever the limit); empty unless ambiguous.
    """

    status: str
    candidates: list[Candidate] = field(default_factory=list)
    tied: list[Candidate] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        """The answer when the status is ``match``, else None."""
        return self.candidates[0] if self.status == MATCH else None


def decide(ranked: list[Candidate]) -> tuple[str, list[Candidate]]:
    """Return the status of ranked candidates and the tied ones (see :class:`Decision`)."""
    if not ranked:
        return NONE, []
    top = ranked[0].score
    if top < ACCEPT:
        return UNSURE, []
    tied = [c for c in ranked if top - c.score < MARGIN]
    return (MATCH, []) if len(tied) == 1 else (AMBIGUOUS, tied)


class Resolver:
    """Resolve names to the regions, organisations, programmes, projects, countries and places of a graph.

    Build it with :meth:`from_store` or :meth:`from_graph` (or, for a store location, with
    :func:`kg.resolve.cache.resolver_for_location`, which keeps the index beside the store), then
    call :meth:`resolve` (ranked candidates), :meth:`best` (one answer or None) or :meth:`decide`
    (the answer, or the tie, with the candidates).
    """

    def __init__(self, index: _index.Index, lemma_directory: Path | None = None) -> None:
        self._index = index
        self._resources = index.resources
        self._cores: dict[str | None, list[str]] = defaultdict(list)  # type → core keys
        self._labels: dict[str | None, list[_index.Label]] = defaultdict(list)  # type → labels, parallel
        for label in index.labels:
            for key in (None, self._resources[label.iri].type):
                self._cores[key].append(label.core)
                self._labels[key].append(label)
        self._lemmas = Lemmas(index.words, lemma_directory)
        self._counts: dict[str | None, LetterCounts] = {}  # type → letter counts of its cores, made when first used

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_store(cls, store: pyoxigraph.Store, lemma_directory: Path | None = None) -> Resolver:
        """Read the names of every resource of the :data:`TYPES` from a pyoxigraph store (all graphs)."""
        return cls(build_index(*_index.read_store(store)), lemma_directory)

    @classmethod
    def from_graph(cls, graph: rdflib.Graph) -> Resolver:
        """Read the names of every resource of the :data:`TYPES` from an rdflib graph or dataset.

        A :class:`rdflib.Dataset` is read as the union of its graphs.
        """
        return cls(build_index(*_index.read_graph(graph)))

    @property
    def index(self) -> _index.Index:
        """The index this resolver matches against."""
        return self._index

    def __len__(self) -> int:
        """The number of resources the resolver knows."""
        return len(self._resources)

    def __contains__(self, iri: object) -> bool:
        """Whether the resolver knows the resource ``iri`` (a string)."""
        return iri in self._resources

    def label(self, iri: str) -> str:
        """Return the display label of ``iri`` (the IRI itself when the resolver does not know it)."""
        resource = self._resources.get(iri)
        return resource.label if resource is not None else iri

    # ------------------------------------------------------------------ resolution

    def resolve(self, name: str, type: str | None = None, limit: int = 5) -> list[Candidate]:  # noqa: A002
        """Return the resources ``name`` may stand for, best first.

        Parameters
        ----------
        name : str
            A name as written in a source: any language or script, with or without diacritics,
            inflected, a NUTS code, an ISO country code or an acronym.
        type : str, optional
            Only consider resources of this type (one of :data:`TYPES`).
        limit : int, optional (default=5)
            The most candidates to return.

        Returns
        -------
        list of Candidate
            Candidates scoring at least FLOOR, best first; empty when nothing is close.

        Raises
        ------
        ValueError
            When ``type`` is not one of :data:`TYPES`.
        """
        return self._rank(name, type)[:limit]

    def best(self, name: str, type: str | None = None) -> Candidate | None:  # noqa: A002
        """Return the one resource ``name`` stands for, or None when it is unknown, unsure or ambiguous.

        The best candidate is the answer when it scores at least ACCEPT and is at least MARGIN
        points ahead of the runner-up (:mod:`kg.resolve.thresholds`).
        """
        return self.decide(name, type, limit=1).best

    def decide(self, name: str, type: str | None = None, limit: int = 5) -> Decision:  # noqa: A002
        """Return what ``name`` stands for: the answer, or a tie listing the tied candidates, or neither."""
        ranked = self._rank(name, type)
        status, tied = decide(ranked)
        return Decision(status, ranked[:limit], tied)

    # ------------------------------------------------------------------ internals

    def _rank(self, name: str, type: str | None) -> list[Candidate]:  # noqa: A002
        if type is not None and type not in TYPES:
            raise ValueError(f"unknown type {type!r}: use one of {', '.join(TYPES)}")
        if not name or not name.strip():
            return []
        scores: dict[str, float] = {}
        language_scores: dict[str, float] = {}
        self._score_exact(name, type, scores)
        self._score_fuzzy(name, type, scores, language_scores)
        ranked = self._candidates(scores, type)
        if decide(ranked)[0] != MATCH and not (ranked and ranked[0].score >= 100.0):  # lemmas cannot break a tie at 100
            for language in sorted(self._lemma_languages(name, language_scores)):
                for variant in self._lemmas.variants(name, language):
                    if variant != name:
                        self._score_fuzzy(variant, type, scores, {})
            ranked = self._candidates(scores, type)
        return ranked

    @staticmethod
    def _lemma_languages(name: str, language_scores: dict[str, float]) -> set[str]:
        """The languages of the closest labels, and of letters only some languages write."""
        close = sorted(language_scores, key=lambda lang: -language_scores[lang])
        languages = {lang for lang in close[:LEMMA_LANGUAGES] if language_scores[lang] >= LEMMA_SCORE}
        return languages | hinted_languages(name)

    def _score_exact(self, name: str, type: str | None, scores: dict[str, float]) -> None:  # noqa: A002
        for iri in self._index.exact.get(compact(name), ()):
            if type is None or self._resources[iri].type == type:
                scores[iri] = 100.0

    def _score_fuzzy(
        self, name: str, type: str | None, scores: dict[str, float], languages: dict[str, float]  # noqa: A002
    ) -> None:
        core, plain, kinds = keys(name)
        if len(core) < MIN_FUZZY_LENGTH:
            return
        cores, labels = self._cores[type], self._labels[type]
        if type not in self._counts:
            self._counts[type] = LetterCounts(cores)
        counts = self._counts[type]
        possible = counts.possible(core, FLOOR)  # the same hits as over every core, in their order
        hits = process.extract(core, counts.texts_at(possible), scorer=fuzz.ratio, score_cutoff=FLOOR, limit=200)
        for _, core_score, position in hits:
            label = labels[possible[position]]
            if len(label.core) < MIN_FUZZY_LENGTH:
                continue
            score = combine(core_score, plain, kinds, label.plain, label.kinds)
            if score > scores.get(label.iri, 0.0):
                scores[label.iri] = score
            if label.language:
                language = SIMPLEMMA_LANGUAGES.get(label.language.split("-")[0].lower())
                if language and score > languages.get(language, 0.0):
                    languages[language] = score

    def _candidates(self, scores: dict[str, float], type: str | None) -> list[Candidate]:  # noqa: A002
        merged: dict[str, float] = {}
        for iri, score in scores.items():
            while iri in self._index.same_territory:
                iri = self._index.same_territory[iri]
            merged[iri] = max(score, merged.get(iri, 0.0))
        kept = {iri: score for iri, score in merged.items()
                if score >= FLOOR and not self._redundant(iri, merged, type)}
        ordered = sorted(kept.items(), key=lambda item: (-item[1], self._tie_key(item[0])))
        return [
            Candidate(iri, self._resources[iri].label, self._resources[iri].type, round(score, 1))
            for iri, score in ordered
        ]

    def _tie_key(self, iri: str) -> tuple[int, int, str]:
        resource = self._resources[iri]
        current = 0 if ("2024" in resource.versions or not resource.versions) else 1
        return (current, -(resource.level or 0), iri)

    def _redundant(self, iri: str, scores: dict[str, float], type: str | None) -> bool:  # noqa: A002
        """Whether another candidate with at least the same score stands for the same thing.

        * a NUTS level-0 region and its country (when no type is asked for, the country stays);
        * a region whose code was replaced in NUTS 2024 by a candidate of the same name, or a
          2021-only region with the same name as a 2024 candidate.
        """
        resource = self._resources[iri]
        score = scores[iri]
        if resource.type != "region":
            return False

        def rival(other: str) -> bool:
            return other in scores and scores[other] >= score - 1e-9

        if type is None and any(rival(other) for other in resource.same_as):
            return True
        if any(rival(other) for other in resource.replaced_by):
            return True
        if "2024" in resource.versions:
            return False
        return any(
            other != iri and other_score >= score - 1e-9 and self._resources[other].type == "region"
            and self._resources[other].label == resource.label and "2024" in self._resources[other].versions
            for other, other_score in scores.items()
        )


def build_index(names: list, facts: list) -> _index.Index:
    """Build an index from name and fact rows with the curated regional names."""
    return _index.build(names, facts, read_regional_names())
