"""IRIs minted for what an article states: the one place where persons' and events' IRIs are made.

Persons and events never get IRIs made of a person's name: a person's IRI is
:func:`kg.privacy.person_iri` (a keyed hash of the folded name, with the e-mail to tell namesakes
apart), an event's a keyed hash of its project, start date and source, never its title.
"""

from __future__ import annotations

import hashlib
import hmac

from rdflib import URIRef

from kg import privacy
from kg.ingest.reference import slug
from kg.namespaces import ID

__all__ = ["event_iri", "opaque_key", "person_iri"]


def opaque_key(*parts: str) -> str:
    """Return the opaque key of an event: an HMAC-SHA256 of the parts with the key of the person IRIs
    (:func:`kg.privacy.person_key`), so no one can compute it from the facts without the key."""
    return hmac.new(privacy.person_key(), "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()[:20]


def person_iri(name: str, email: str | None = None) -> URIRef:
    """Return the IRI of the person named ``name`` (:func:`kg.privacy.person_iri`: no name in the IRI)."""
    return privacy.person_iri(name, qualifier=(email or "").lower() or None)


def event_iri(start: str, project: str | None, source: str, ordinal: int = 0) -> URIRef:
    """Return the IRI of an event from its start date, its project's IRI and its source (no title text)."""
    project_part = slug(project.rsplit("/", 1)[-1], 30) if project else "event"
    key = opaque_key("event", start, project or "", source, str(ordinal))[:10]
    return ID[f"event/{project_part}-{start[:10]}-{key}"]
