"""An article (plain text or HTML) → a draft source graph and a review report.

The draft holds the ``ekg:SourceDocument`` (hash, language, format, ingestion time) and the
statements the article makes about resources of the graph and about new ones. The report says for
each finding whether it was resolved to an existing resource, is new, or is ambiguous, with the
sentence it came from; :func:`contract` gives the JSON object of the issue's report contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from kg.ingest.entities import Extraction, Finding, Gazetteer, extract
from kg.ingest.reference import ReferenceData, slug
from kg.ingest.resolving import NameResolver, resolver_for
from kg.ingest.sources import check_identifier, identifier_for, stamp
from kg.ingest.text import Document, detect_language, read_document
from kg.layout import source_graph
from kg.namespaces import EKG, ID, LANGUAGE

__all__ = ["ArticleResult", "contract", "ingest_article", "review_text"]

SCHEMA = "https://schema.org/"
LANG3 = {"en": "ENG", "pl": "POL", "ro": "RON", "it": "ITA", "es": "SPA", "de": "DEU", "fr": "FRA", "el": "ELL"}


@dataclass
class ArticleResult:
    """The draft graph of one article, its findings and identifier."""

    identifier: str
    document: Document
    extraction: Extraction
    graph: Graph


def _iri(finding: Finding, folder: str) -> URIRef:
    if finding.iri:
        return URIRef(finding.iri)
    name = str(finding.attrs.get("acronym") or finding.name)
    finding.iri = str(ID[f"{folder}/{slug(name)}"])
    return URIRef(finding.iri)


def ingest_article(path: Path, store: ox.Store, lang: str | None = None, identifier: str | None = None,
                   resolver: NameResolver | None = None, gazetteer: Gazetteer | None = None,
                   reference: ReferenceData | None = None, document_date: date | None = None) -> ArticleResult:
    """Read the article at ``path``, extract its entities against ``store`` and build its draft graph.

    Raises
    ------
    InputError
        The file is missing, empty, too large, binary or not UTF-8.
    """
    document = read_document(path)
    language = lang or detect_language(document.text)
    identifier = check_identifier(identifier or identifier_for(path))
    reference = reference or ReferenceData.from_store(store)
    extraction = extract(document.text, language, store, resolver or resolver_for(store), gazetteer, reference,
                         document_date)
    graph = _draft(document, identifier, extraction, reference)
    return ArticleResult(identifier, document, extraction, graph)


def _draft(document: Document, identifier: str, extraction: Extraction, reference: ReferenceData) -> Graph:
    g = Graph()
    lang = extraction.language
    doc = source_graph(identifier)
    title = next((line.strip() for line in document.text.splitlines() if line.strip()), identifier)[:300]
    g.add((doc, RDF.type, EKG.SourceDocument))
    g.add((doc, DCTERMS.identifier, Literal(identifier)))
    g.add((doc, DCTERMS.title, Literal(title, lang=lang)))
    g.add((doc, DCTERMS.language, LANGUAGE[LANG3.get(lang, "ENG")]))
    g.add((doc, DCTERMS.format, Literal(document.media_type)))
    g.add((doc, EKG.sha256, Literal(document.sha256)))
    stamp(g, identifier)
    themes = [URIRef(f.iri) for f in extraction.of("theme") if f.iri]
    programmes = {id(f): f for f in extraction.of("programme")}
    for project in extraction.of("project"):
        if project.status == "ambiguous":
            continue
        s = _iri(project, "project")
        if project.status == "new":
            g.add((s, RDF.type, EKG.Project))
            g.add((s, EKG.acronym, Literal(project.name)))
            g.add((s, SKOS.prefLabel, Literal(str(project.attrs.get("title") or project.name), lang=lang)))
        if project.attrs.get("code") and project.status == "new":
            g.add((s, EKG.projectCode, Literal(str(project.attrs["code"]))))
        programme = project.attrs.get("programme")
        if isinstance(programme, Finding) and programme.iri and id(programme) in programmes:
            g.add((s, EKG.programme, URIRef(programme.iri)))
        for theme in themes:
            g.add((s, DCTERMS.subject, theme))
    for org in extraction.of("organisation"):
        if org.status == "ambiguous":
            continue
        s = _iri(org, "organisation")
        if org.status == "new":
            g.add((s, RDF.type, EKG.Organisation))
            g.add((s, SKOS.prefLabel, Literal(org.name, lang=lang)))
            kind = org.attrs.get("type")
            concept = reference.concept("OrganisationType", str(kind)) if kind else None
            if concept is not None:
                g.add((s, EKG.organisationType, concept))
            country = reference.country(str(org.attrs["country"])) if org.attrs.get("country") else None
            if country is not None:
                g.add((s, EKG.country, URIRef(country[0])))
            if org.attrs.get("region"):
                g.add((s, EKG.region, URIRef(str(org.attrs["region"]))))
        project = org.attrs.get("project")
        role = reference.concept("Role", str(org.attrs.get("role"))) if org.attrs.get("role") else None
        if isinstance(project, Finding) and project.iri and role is not None and org.attrs.get("role") != "organiser":
            part = ID[f"participation/{slug(project.iri.rsplit('/', 1)[-1])}-{slug(s.rsplit('/', 1)[-1])}"]
            g.add((part, RDF.type, EKG.ProjectParticipation))
            g.add((part, EKG.project, URIRef(project.iri)))
            g.add((part, EKG.participant, s))
            g.add((part, EKG.role, role))
    for event in extraction.of("event"):
        s = ID[f"event/{slug(event.name, 40)}-{str(event.attrs['start'])[:10]}"]
        event.iri = str(s)
        g.add((s, RDF.type, EKG.Event))
        g.add((s, SKOS.prefLabel, Literal(event.name, lang=lang)))
        concept = reference.concept("EventType", str(event.attrs["type"]))
        if concept is not None:
            g.add((s, EKG.eventType, concept))
        for prop, key in (("startDate", "start"), ("endDate", "end")):
            value = event.attrs.get(key)
            if value:
                datatype = XSD.dateTime if "T" in str(value) else XSD.date
                g.add((s, URIRef(SCHEMA + prop), Literal(str(value), datatype=datatype)))
        g.add((s, EKG.online, Literal(bool(event.attrs.get("online")))))
        place = event.attrs.get("place")
        if isinstance(place, Finding) and place.iri:
            if place.iri.startswith("http://data.europa.eu/nuts/"):
                g.add((s, EKG.region, URIRef(place.iri)))
            else:
                g.add((s, EKG.place, URIRef(place.iri)))
        project = event.attrs.get("project")
        if isinstance(project, Finding) and project.iri:
            g.add((s, EKG.relatedProject, URIRef(project.iri)))
        for theme in themes:
            g.add((s, DCTERMS.subject, theme))
    for person in extraction.of("person"):
        s = ID[f"person/{slug(person.name)}"]
        person.iri = str(s)
        g.add((s, RDF.type, EKG.Person))
        g.add((s, URIRef(SCHEMA + "name"), Literal(person.name)))
        if person.attrs.get("email"):
            g.add((s, URIRef(SCHEMA + "email"), Literal(str(person.attrs["email"]))))
        if person.attrs.get("role"):
            g.add((s, URIRef(SCHEMA + "jobTitle"), Literal(str(person.attrs["role"]), lang=lang)))
        affiliation = person.attrs.get("affiliation")
        if isinstance(affiliation, Finding) and affiliation.iri:
            g.add((s, EKG.affiliation, URIRef(affiliation.iri)))
    return g


def _name(value: object) -> str | None:
    if isinstance(value, Finding):
        return str(value.attrs.get("acronym") or value.name)
    return None if value is None else str(value)


def contract(result: ArticleResult, reference: ReferenceData) -> dict[str, object]:
    """Return the report contract: one JSON-ready object with ISO dates and None where unknown."""
    extraction = result.extraction
    labels = {iri: label for scheme in reference.concepts.values() for iri, label in scheme.items()}

    def concept_label(kind: str, local: object) -> str | None:
        if not local:
            return None
        iri = reference.concept(kind, str(local))
        return labels.get(str(iri), str(local)) if iri is not None else str(local)

    def country_code(value: object) -> str | None:
        return str(value) if value else None

    def nuts(value: object) -> str | None:
        text = str(value or "")
        return text.rsplit("/", 1)[-1] if text.startswith("http://data.europa.eu/nuts/") else None

    return {
        "language": extraction.language,
        "projects": [{"acronym": p.attrs.get("acronym") or p.name,
                      "name": p.attrs.get("title") or (p.attrs.get("label") if p.status != "new" else None),
                      "programme": _name(p.attrs.get("programme"))} for p in extraction.of("project")],
        "programmes": [p.name for p in extraction.of("programme")],
        "organisations": [{"name": o.name, "iri": o.iri, "type": concept_label("OrganisationType", o.attrs.get("type")),
                           "country": country_code(o.attrs.get("country")),
                           "role": concept_label("Role", o.attrs.get("role")),
                           "project": _name(o.attrs.get("project"))} for o in extraction.of("organisation")],
        "places": [{"name": p.name, "iri": p.iri, "country": country_code(p.attrs.get("country")),
                    "nuts": nuts(p.attrs.get("region"))} for p in extraction.of("place")],
        "events": [{"title": e.name if e.attrs.get("titled") else None,
                    "type": concept_label("EventType", e.attrs.get("type")),
                    "start": e.attrs.get("start"), "end": e.attrs.get("end"),
                    "place": "online" if e.attrs.get("online") and not e.attrs.get("place")
                    else _name(e.attrs.get("place")),
                    "project": _name(e.attrs.get("project"))} for e in extraction.of("event")],
        "persons": [{"name": p.name, "affiliation": _name(p.attrs.get("affiliation")), "role": p.attrs.get("role"),
                     "email": p.attrs.get("email")} for p in extraction.of("person")],
        "themes": [labels.get(str(t.iri), t.name) for t in extraction.of("theme")],
    }


def review_text(result: ArticleResult) -> str:
    """Return the review report: per kind, what was resolved, what is new, what is ambiguous, with sentences."""
    lines = [f"source {result.identifier} ({result.document.media_type}, language {result.extraction.language}, "
             f"sha256 {result.document.sha256[:16]}…): {len(result.graph)} statements in the draft"]
    for kind in ("project", "programme", "organisation", "place", "event", "person", "theme"):
        found = result.extraction.of(kind)
        if not found:
            continue
        lines.append(f"\n{kind}s:")
        for finding in found:
            where = f" → {finding.iri}" if finding.iri else ""
            if finding.status == "ambiguous":
                where = f" → one of {', '.join(finding.candidates)}"
            extra = ""
            if kind == "event":
                extra = f" [{finding.attrs.get('type')}, {finding.attrs.get('start')} – {finding.attrs.get('end')}]"
            sentence = " ".join(finding.sentence.split())
            if len(sentence) > 160:
                sentence = sentence[:157] + "…"
            lines.append(f"  {finding.status:<9} {finding.name}{extra}{where}")
            lines.append(f"            “{sentence}”")
    return "\n".join(lines)


def validate_draft(graph: Graph, identifier: str, store: ox.Store):  # noqa: ANN201 - kg.validate.Report
    """Validate the draft together with everything in ``store`` (its reference data) and return the report."""
    return validate_drafts({identifier: graph}, store)


def validate_drafts(drafts: dict[str, Graph], store: ox.Store):  # noqa: ANN201 - kg.validate.Report
    """Validate several drafts (identifier → graph) at once, with everything in ``store``.

    One SHACL pass over the store and all drafts: validating a batch of articles costs about as
    much as validating one.
    """
    from kg import store as kgstore
    from kg.validate import validate_store

    scratch = ox.Store()
    scratch.bulk_extend(store.quads_for_pattern(None, None, None, None))
    for identifier, graph in drafts.items():
        target = ox.NamedNode(str(source_graph(identifier)))
        if scratch.contains_named_graph(target):
            scratch.remove_graph(target)  # the draft replaces the source's previous version
        kgstore.load_graph(scratch, graph, source_graph(identifier))
    return validate_store(scratch)
