"""IRIs minted for what an article states: the one place where persons' and events' IRIs are made.

Persons and events never get IRIs made of a person's name (issue 21 makes them keyed): a person's
IRI is an opaque hash of the folded name (and e-mail), an event's a hash of its project, start date
and source, never its title.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.ingest.reference import slug
from kg.namespaces import ID

__all__ = ["event_iri", "opaque_key", "person_iri"]


def opaque_key(*parts: str) -> str:
    """Return the opaque key of a person or an event: the one function that turns facts into IRI text.

    Today an unkeyed SHA-256 of the parts; issue 21 replaces it with a keyed hash, for persons and
    events at once.
    """
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def person_iri(name: str, email: str | None = None) -> URIRef:
    """Return the IRI of the person named ``name`` (an opaque hash: no name in the IRI)."""
    key = " ".join(slug(name, 200).split("-"))
    return ID[f"person/{opaque_key('person', key, (email or '').lower())}"]


def event_iri(start: str, project: str | None, source: str, ordinal: int = 0) -> URIRef:
    """Return the IRI of an event from its start date, its project's IRI and its source (no title text)."""
    project_part = slug(project.rsplit("/", 1)[-1], 30) if project else "event"
    key = opaque_key("event", start, project or "", source, str(ordinal))[:10]
    return ID[f"event/{project_part}-{start[:10]}-{key}"]
