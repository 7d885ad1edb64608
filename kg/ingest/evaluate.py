"""Precision and recall of article extraction, per entity kind, against curated or annotated data.

A predicted entity matches a gold one when their IRIs are equal, or when its name equals one of
the gold entity's labels after case and diacritics folding (or one contains the other, from five
characters on). Each gold entity is matched at most once. Events match on their start day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, SDO, SKOS

from kg.ingest.resolving import normalise
from kg.namespaces import EKG

__all__ = ["Gold", "KINDS", "Score", "gold_from_source", "score"]

KINDS = ("project", "programme", "organisation", "place", "event", "person", "theme")
SCHEMA = str(SDO)


@dataclass
class Gold:
    """A gold entity: its IRI (if known) and the names it may be written with."""

    iri: str | None
    labels: set[str]


@dataclass
class Score:
    """Counts of one kind: predicted, gold and matched."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.missed += other.missed
        self.spurious += other.spurious


def _same(name: str, labels: Iterable[str]) -> bool:
    key = normalise(name)
    for label in labels:
        other = normalise(label)
        if key == other or (min(len(key), len(other)) >= 5 and (key in other or other in key)):
            return True
    return False


def score(predicted: list[tuple[str | None, str]], gold: list[Gold]) -> Score:
    """Score predicted ``(iri, name)`` pairs against ``gold``."""
    result = Score(predicted=len(predicted), gold=len(gold))
    used: set[int] = set()
    for iri, name in predicted:
        hit = next((i for i, g in enumerate(gold) if i not in used and ((iri and iri == g.iri)
                                                                          or _same(name, g.labels))), None)
        if hit is None:
            result.spurious.append(name)
        else:
            used.add(hit)
            result.matched += 1
    result.missed = [sorted(g.labels)[0] if g.labels else str(g.iri) for i, g in enumerate(gold) if i not in used]
    return result


def _labels(store: ox.Store, iri: str) -> set[str]:
    node = ox.NamedNode(iri)
    found = set()
    for predicate in (SKOS.prefLabel, SKOS.altLabel, EKG.acronym, URIRef(SCHEMA + "name")):
        for quad in store.quads_for_pattern(node, ox.NamedNode(str(predicate)), None, None):
            found.add(quad.object.value)
    return found


def gold_from_source(graph: Graph, store: ox.Store) -> dict[str, list[Gold]]:
    """Return the gold entities per kind that a curated source graph states (labels from the whole store)."""

    def typed(cls: URIRef) -> set[str]:
        return {str(s) for s in graph.subjects(RDF.type, cls)}

    def objects(*predicates: URIRef) -> set[str]:
        return {str(o) for p in predicates for o in graph.objects(None, p) if isinstance(o, URIRef)}

    def in_store_as(iris: set[str], cls: URIRef) -> set[str]:
        return {i for i in iris if any(True for _ in store.quads_for_pattern(
            ox.NamedNode(i), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(cls)), None))}

    def gold(iris: set[str]) -> list[Gold]:
        return [Gold(i, _labels(store, i)) for i in sorted(iris)]

    projects = typed(EKG.Project) | objects(EKG.project, EKG.relatedProject)
    programmes = in_store_as(typed(EKG.Programme) | objects(EKG.programme), EKG.Programme)
    organisations = in_store_as(typed(EKG.Organisation) | objects(EKG.participant, EKG.organiser, EKG.affiliation),
                                EKG.Organisation)
    # Places: the places the source describes, and the regions its events and projects take place in.
    event_regions = {str(o) for e in graph.subjects(RDF.type, EKG.Event) for o in graph.objects(e, EKG.region)}
    places = typed(EKG.Place) | {o for o in objects(EKG.place, EKG.involvedPlace) | event_regions
                                 if o.startswith("http://data.europa.eu/nuts/") or o in typed(EKG.Place)}
    events = [Gold(str(e), {str(graph.value(e, URIRef(SCHEMA + "startDate")))[:10]})
              for e in graph.subjects(RDF.type, EKG.Event)]
    persons = [Gold(str(p), {str(n) for n in graph.objects(p, URIRef(SCHEMA + "name"))})
               for p in graph.subjects(RDF.type, EKG.Person)]
    themes = [Gold(t, {t}) for t in sorted(objects(DCTERMS.subject))]
    return {"project": gold(projects), "programme": gold(programmes), "organisation": gold(organisations),
            "place": gold(places), "event": events, "person": persons, "theme": themes}
