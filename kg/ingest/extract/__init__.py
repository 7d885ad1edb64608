"""Extraction of an article's entities: a small pipeline with one module per kind of entity.

Steps, in order (each claims the spans of the names it finds, so later steps skip them):

1. :mod:`.projects` (programmes) — "Interreg …" and names after a word for "programme";
2. :mod:`.known` — names the graph already knows; :mod:`.projects` — projects;
3. :mod:`.organisations` — names around organisation head words, then acronyms;
4. :mod:`.persons` — first name + family name;
5. :mod:`.places` — countries, towns, regions, venues;
6. :mod:`.relations` — organisations' countries, roles and projects; persons' affiliations;
7. :mod:`.events` and :mod:`.themes`.

Every finding carries a score (0..1) and its sentence; ``accepted`` says whether its score reaches
its kind's threshold (:data:`.context.ACCEPT`), that is whether ``--accept`` merges it.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.ingest.dates import reference_date
from kg.ingest.entities import Extraction, Gazetteer
from kg.ingest.extract.candidates import split_sentences
from kg.ingest.extract.context import ACCEPT, Context
from kg.ingest.extract.events import find_events
from kg.ingest.extract.known import find_known
from kg.ingest.extract.organisations import find_organisations, locate_organisations
from kg.ingest.extract.persons import attach_emails, find_persons
from kg.ingest.extract.places import find_places
from kg.ingest.extract.projects import find_programmes, find_projects
from kg.ingest.extract.relations import relate
from kg.ingest.extract.themes import find_themes
from kg.ingest.reference import ReferenceData
from kg.ingest.resolving import NameResolver

__all__ = ["extract"]


def extract(text: str, lang: str, store: ox.Store, resolver: NameResolver, gazetteer: Gazetteer | None = None,
            reference: ReferenceData | None = None, document_date: date | None = None) -> Extraction:
    """Find the entities of ``text`` (in language ``lang``) and resolve them against the graph in ``store``."""
    if gazetteer is None:
        index = getattr(resolver, "index", None)  # kg.resolve.Resolver's; another NameResolver may have none
        gazetteer = Gazetteer.from_index(index) if index is not None else Gazetteer.from_store(store)
    reference = reference or ReferenceData.from_store(store)
    result = Extraction(lang, document_date or reference_date(text, lang))
    ctx = Context(text, lang, store, resolver, gazetteer, reference, split_sentences(text), result)
    steps = (find_programmes, find_known, find_projects, find_organisations, find_persons, attach_emails,
             find_places, locate_organisations, relate, find_events, find_themes)
    for step in steps:
        step(ctx)
    for finding in result.findings:
        finding.score = round(min(max(finding.score, 0.0), 1.0), 2)
        finding.accepted = finding.status != "ambiguous" and finding.score >= ACCEPT.get(finding.kind, 0.7)
    result.findings.sort(key=lambda f: int(f.attrs.get("position", 0) or 0))
    return result
