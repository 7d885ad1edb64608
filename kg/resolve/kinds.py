"""The kinds of resource the resolver knows, and the ontology classes each kind covers."""

from __future__ import annotations

# The ontology's namespace as a string: importing kg.namespaces loads rdflib (about 0.2 s), which
# ``eukg resolve`` does not otherwise need; tests/resolver/test_resolve_package.py checks every class
# below against kg.namespaces.EKG.
EKG = "https://w3id.org/eu-regional-kg/ontology#"

__all__ = ["CLASS_TYPES", "EKG", "TYPES", "TYPE_OF_CLASS"]

#: The kinds of resource the resolver knows, as accepted by ``type=``.
TYPES = ("region", "organisation", "programme", "project", "country", "place")

#: Class → kind, in order of priority when a resource has several classes.
CLASS_TYPES: tuple[tuple[str, str], ...] = (
    (EKG + "Country", "country"),
    (EKG + "Region", "region"),
    (EKG + "Programme", "programme"),
    (EKG + "Fund", "programme"),
    (EKG + "Project", "project"),
    (EKG + "Organisation", "organisation"),
    (EKG + "PublicOrganisation", "organisation"),
    (EKG + "City", "place"),
    (EKG + "Venue", "place"),
    (EKG + "Place", "place"),
)
#: Class IRI → kind.
TYPE_OF_CLASS: dict[str, str] = dict(CLASS_TYPES)
