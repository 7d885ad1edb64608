"""What ingestion looks up in the store's reference data: countries, NUTS codes and concept schemes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef

from kg.internal_queries import internal_query
from kg.namespaces import ID
from kg.resolve import normalise, slug  # slug: the IRI segment of a name, re-exported for article.py

__all__ = ["ReferenceData", "guess_organisation_type", "slug"]


@dataclass
class ReferenceData:
    """Countries (by ISO code, alpha-3 or name), NUTS regions (by code) and the concepts of each scheme."""

    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (iri, iso2)
    nuts: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # code -> (iri, iso2)
    concepts: dict[str, dict[str, str]] = field(default_factory=dict)  # class local name -> {iri: label}

    @classmethod
    def from_store(cls, store: ox.Store) -> ReferenceData:
        """Read the reference data of ``store``."""
        data = cls()
        for row in store.query(internal_query("reference_countries"), use_default_graph_as_union=True):
            entry = (row["c"].value, row["iso"].value)
            data.countries[row["iso"].value.upper()] = entry
            if row["a3"] is not None:
                data.countries[row["a3"].value.upper()] = entry
            if row["label"] is not None:
                data.countries[normalise(row["label"].value)] = entry
        for row in store.query(internal_query("reference_nuts"), use_default_graph_as_union=True):
            data.nuts[row["code"].value.upper()] = (row["r"].value, row["iso"].value if row["iso"] else None)
        for row in store.query(internal_query("reference_concepts"), use_default_graph_as_union=True):
            kind = row["class"].value.rsplit("#", 1)[-1]
            label = row["label"].value if row["label"] is not None else row["s"].value.rsplit("/", 1)[-1]
            data.concepts.setdefault(kind, {})[row["s"].value] = label
        return data

    def country(self, value: str) -> tuple[str, str] | None:
        """Return (IRI, ISO alpha-2) of the country written ``value`` (code or name), or None."""
        text = value.strip()
        if text.upper() == "EL":
            text = "GR"
        if text.upper() == "UK":
            text = "GB"
        return self.countries.get(text.upper()) or self.countries.get(normalise(text))

    def region(self, code: str) -> tuple[str, str | None] | None:
        """Return (IRI, ISO alpha-2 of its country) of the NUTS region ``code``, or None when unknown."""
        return self.nuts.get(code.strip().upper().replace(" ", ""))

    def concept(self, kind: str, local: str) -> URIRef | None:
        """Return the IRI of concept ``local`` (e.g. ``lead-partner``) of scheme ``kind`` (``Role``) when it exists."""
        folder = {"Role": "role", "OrganisationType": "organisation-type", "EventType": "event-type",
                  "Theme": "theme"}[kind]
        iri = str(ID[f"{folder}/{local}"])
        return URIRef(iri) if iri in self.concepts.get(kind, {}) else None


_TYPE_WORDS = [
    ("university", r"universit|uniwersytet|politechnika|università|universidad|universität|hochschule|πανεπιστήμιο"
                   r"|academy of|akademia|polytechnic|sveučilišt|veleučilišt|universitet"),
    ("county-council", r"county council|consiliul jude[țt]ean|powiat|diputaci[oó]n|landkreis|conseil d[ée]partemental"),
    ("municipality", r"municipality|municipiul|city of|city council|miasto|gmina|urz[aą]d miasta|comune di|ayuntamiento"
                     r"|stadt |gemeinde|ville de|mairie|δήμος|primăria|primaria|općina| grad |kommune\b"
                     r"|gemeente| stad "),
    ("national-ministry", r"ministry|ministerstwo|ministerul|ministero|ministerio|ministerium|minist[eè]re|υπουργείο"
                          r"|ministarstvo"),
    ("regional-authority", r"voivodeship|wojew[oó]dztw|regione |regi[oó]n de|r[ée]gion |junta de|generalitat"
                           r"|περιφέρεια|regional government|marshal|provincie "),
    ("regional-development-agency", r"development agency|agen[tț]ia pentru dezvoltare|agencja rozwoju|agenzia"
                                    r"|agencia de desarrollo|entwicklungsagentur|agence de d[ée]veloppement"),
    ("science-park", r"science park|technology park|parc[ul]* științific|park naukowo|parco scientifico"),
    ("cluster", r"\bcluster|\bklaster"),
    ("business-support-organisation", r"chamber of commerce|camera de comer|izba|camera di commercio"
                                      r"|c[aá]mara de comercio|handelskammer|chambre de commerce|επιμελητήριο"),
    ("research-organisation", r"research institute|institute of|instytut|institutul|istituto|instituto|institut"
                              r"|ινστιτούτο"),
    ("association", r"association|asocia[tț]ia|stowarzyszenie|associazione|asociaci[oó]n|verein|verband|σύνδεσμος"
                    r"|udruga|forening"),
    ("company", r"\bd\.o\.o\.|\bd\.d\.|\ba/s\b|\baps\b"
                r"|\b(?:gmbh|ltd|s\.?a\.?|srl|s\.r\.l\.|sp\. z o\.o\.|spa|s\.p\.a\.|sl|sarl|ag|oy|ab|bv)\b"),
]


def guess_organisation_type(name: str) -> str | None:
    """Return the organisation-type concept (local name) that words of ``name`` suggest, or None."""
    text = f" {name.lower()} "
    for kind, pattern in _TYPE_WORDS:
        if re.search(pattern, text):
            return kind
    return None
