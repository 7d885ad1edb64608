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
from rdflib.namespace import DCTERMS, RDF, SDO, SKOS, XSD

from kg.errors import InputError
from kg.ingest.entities import Extraction, Finding, Gazetteer, extract
from kg.ingest.iris import event_iri, person_iri
from kg.ingest.reference import ReferenceData, slug
from kg.ingest.resolving import NameResolver, resolver_for
from kg.ingest.sources import check_identifier, identifier_for, stamp
from kg.ingest.text import LANGUAGES, Document, detect_language, language_name, read_document
from kg.layout import source_graph
from kg.namespaces import EKG, ID, LANGUAGE

__all__ = ["ArticleResult", "contract", "draft", "ingest_article", "mergeable", "review_text"]

SCHEMA = str(SDO)
LANG3 = {"bg": "BUL", "hr": "HRV", "cs": "CES", "da": "DAN", "nl": "NLD", "en": "ENG", "et": "EST", "fi": "FIN",
         "fr": "FRA", "de": "DEU", "el": "ELL", "hu": "HUN", "ga": "GLE", "it": "ITA", "lv": "LAV", "lt": "LIT",
         "mt": "MLT", "pl": "POL", "pt": "POR", "ro": "RON", "sk": "SLK", "sl": "SLV", "es": "SPA", "sv": "SWE"}


@dataclass
class ArticleResult:
    """The draft graphs of one article (everything, and what ``--accept`` merges), its findings and identifier."""

    identifier: str
    document: Document
    extraction: Extraction
    graph: Graph
    accepted_graph: Graph | None = None

    @property
    def held_back(self) -> int:
        """How many findings ``--accept`` holds back (score below the threshold, or not mergeable)."""
        return sum(1 for f in self.extraction.findings if f.kind != "theme" and not f.accepted)


def ingest_article(path: Path, store: ox.Store, lang: str | None = None, identifier: str | None = None,
                   resolver: NameResolver | None = None, gazetteer: Gazetteer | None = None,
                   reference: ReferenceData | None = None, document_date: date | None = None) -> ArticleResult:
    """Read the article at ``path``, extract its entities against ``store`` and build its draft graphs.

    Raises
    ------
    InputError
        The file is missing, empty, too large, binary or not UTF-8, or its language is not one of the
        24 official languages of the EU.
    """
    document = read_document(path)
    language = lang or detect_language(document.text)
    if language not in LANGUAGES:
        raise InputError(path, f"the text is in {language_name(language)} ({language}), a language ingestion does "
                               "not support (it reads the 24 official languages of the EU; --lang overrides)")
    identifier = check_identifier(identifier or identifier_for(path))
    reference = reference or ReferenceData.from_store(store)
    extraction = extract(document.text, language, store, resolver or resolver_for(store), gazetteer, reference,
                         document_date)
    for finding in extraction.findings:
        finding.accepted = finding.accepted and mergeable(finding, reference)
    graph = draft(document, identifier, extraction, reference)
    accepted = draft(document, identifier, extraction, reference, only_accepted=True)
    return ArticleResult(identifier, document, extraction, graph, accepted)


def mergeable(finding: Finding, reference: ReferenceData) -> bool:
    """True when the graph's shapes can take ``finding`` as it is.

    A new organisation needs a type and a country (its NUTS region only where the text gives one, as
    the organisation shape says: a partner from outside the EU has none); an event a type of the
    event-type scheme. Measured on the dev set (docs/ingest-quality.md): requiring a region as well
    held back half of the right organisations; requiring no country let the precision fall below 0.9.
    """
    if finding.kind == "organisation" and finding.status == "new":
        return bool(finding.attrs.get("type") and reference.concept("OrganisationType", str(finding.attrs["type"]))
                    and finding.attrs.get("country"))
    if finding.kind == "event":
        return reference.concept("EventType", str(finding.attrs.get("type"))) is not None
    return True


def _iri(finding: Finding, folder: str) -> URIRef:
    if finding.iri:
        return URIRef(finding.iri)
    name = str(finding.attrs.get("acronym") or finding.name)
    finding.iri = str(ID[f"{folder}/{slug(name)}"])
    return URIRef(finding.iri)


def draft(document: Document, identifier: str, extraction: Extraction, reference: ReferenceData,
          only_accepted: bool = False) -> Graph:
    """Return the draft source graph of the article: all findings, or only the accepted ones."""
    g = Graph()
    _add_source(g, document, identifier, extraction.language)

    def chosen(kind: str) -> list[Finding]:
        return [f for f in extraction.of(kind) if f.status != "ambiguous" and (f.accepted or not only_accepted)]

    themes = [URIRef(f.iri) for f in extraction.of("theme") if f.iri]
    _add_projects(g, chosen("project"), {id(f) for f in chosen("programme")}, themes, extraction.language)
    _add_organisations(g, chosen("organisation"), reference, extraction.language)
    _add_events(g, chosen("event"), reference, themes, extraction.language, identifier)
    _add_persons(g, chosen("person"), extraction.language)
    return g


def _add_source(g: Graph, document: Document, identifier: str, lang: str) -> None:
    doc = source_graph(identifier)
    title = next((line.strip() for line in document.text.splitlines() if line.strip()), identifier)[:300]
    g.add((doc, RDF.type, EKG.SourceDocument))
    g.add((doc, DCTERMS.identifier, Literal(identifier)))
    g.add((doc, DCTERMS.title, Literal(title, lang=lang)))
    g.add((doc, DCTERMS.language, LANGUAGE[LANG3.get(lang, "ENG")]))
    g.add((doc, DCTERMS.format, Literal(document.media_type)))
    g.add((doc, EKG.sha256, Literal(document.sha256)))
    stamp(g, identifier)


def _add_projects(g: Graph, projects: list[Finding], programmes: set[int], themes: list[URIRef], lang: str) -> None:
    for project in projects:
        s = _iri(project, "project")
        if project.status == "new":
            g.add((s, RDF.type, EKG.Project))
            g.add((s, EKG.acronym, Literal(project.name)))
            g.add((s, SKOS.prefLabel, Literal(str(project.attrs.get("title") or project.name), lang=lang)))
            if project.attrs.get("code"):
                g.add((s, EKG.projectCode, Literal(str(project.attrs["code"]))))
        programme = project.attrs.get("programme")
        if isinstance(programme, Finding) and programme.iri and id(programme) in programmes:
            g.add((s, EKG.programme, URIRef(programme.iri)))
        for theme in themes:
            g.add((s, DCTERMS.subject, theme))


def _add_organisations(g: Graph, organisations: list[Finding], reference: ReferenceData, lang: str) -> None:
    for org in organisations:
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


def _add_events(g: Graph, events: list[Finding], reference: ReferenceData, themes: list[URIRef], lang: str,
                identifier: str) -> None:
    for ordinal, event in enumerate(events):
        project = event.attrs.get("project")
        project_iri = project.iri if isinstance(project, Finding) and project.iri else None
        s = event_iri(str(event.attrs["start"]), project_iri, identifier, ordinal)
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
        if project_iri:
            g.add((s, EKG.relatedProject, URIRef(project_iri)))
        for theme in themes:
            g.add((s, DCTERMS.subject, theme))


def _add_persons(g: Graph, persons: list[Finding], lang: str) -> None:
    for person in persons:
        email = str(person.attrs["email"]) if person.attrs.get("email") else None
        s = person_iri(person.name, email)
        person.iri = str(s)
        g.add((s, RDF.type, EKG.Person))
        g.add((s, URIRef(SCHEMA + "name"), Literal(person.name)))
        if email:
            g.add((s, URIRef(SCHEMA + "email"), Literal(email)))
        if person.attrs.get("role"):
            g.add((s, URIRef(SCHEMA + "jobTitle"), Literal(str(person.attrs["role"]), lang=lang)))
        affiliation = person.attrs.get("affiliation")
        if isinstance(affiliation, Finding) and affiliation.iri:
            g.add((s, EKG.affiliation, URIRef(affiliation.iri)))


def _name(value: object) -> str | None:
    if isinstance(value, Finding):
        return str(value.attrs.get("acronym") or value.name)
    return None if value is None else str(value)


def _nuts(value: object) -> str | None:
    text = str(value or "")
    return text.rsplit("/", 1)[-1] if text.startswith("http://data.europa.eu/nuts/") else None


def _review(finding: Finding) -> dict[str, object]:
    """The review keys every item of the JSON report carries: score, accepted, sentence."""
    return {"score": finding.score, "accepted": finding.accepted, "sentence": " ".join(finding.sentence.split())}


def contract(result: ArticleResult, reference: ReferenceData) -> dict[str, object]:
    """Return the report contract: one JSON-ready object with ISO dates and None where unknown.

    Each item also carries ``score`` (0..1), ``accepted`` (whether ``--accept`` merges it) and the
    ``sentence`` it came from. Event ``start``/``end`` are days (``YYYY-MM-DD``); when the text gives
    times, ``start_time``/``end_time`` are ISO date-times with the place's UTC offset.
    """
    extraction = result.extraction
    labels = {iri: label for scheme in reference.concepts.values() for iri, label in scheme.items()}

    def concept_label(kind: str, local: object) -> str | None:
        if not local:
            return None
        iri = reference.concept(kind, str(local))
        return labels.get(str(iri), str(local)) if iri is not None else str(local)

    def moment(value: object) -> str | None:
        return str(value) if value and "T" in str(value) else None

    return {
        "language": extraction.language,
        "projects": [{"acronym": p.attrs.get("acronym") or p.name,
                      "name": p.attrs.get("title") or (p.attrs.get("label") if p.status != "new" else None),
                      "programme": _name(p.attrs.get("programme")), **_review(p)} for p in extraction.of("project")],
        "programmes": [p.name for p in extraction.of("programme")],
        "organisations": [{"name": o.name, "iri": o.iri, "type": concept_label("OrganisationType", o.attrs.get("type")),
                           "country": str(o.attrs["country"]) if o.attrs.get("country") else None,
                           "nuts": _nuts(o.attrs.get("region")),
                           "role": concept_label("Role", o.attrs.get("role")),
                           "project": _name(o.attrs.get("project")), **_review(o)}
                          for o in extraction.of("organisation")],
        "places": [{"name": p.name, "iri": p.iri,
                    "country": str(p.attrs["country"]) if p.attrs.get("country") else None,
                    "nuts": _nuts(p.attrs.get("region")), **_review(p)} for p in extraction.of("place")],
        "events": [{"title": e.name if e.attrs.get("titled") else None,
                    "type": concept_label("EventType", e.attrs.get("type")),
                    "start": str(e.attrs["start"])[:10],
                    "end": str(e.attrs["end"])[:10] if e.attrs.get("end") else None,
                    "start_time": moment(e.attrs.get("start")), "end_time": moment(e.attrs.get("end")),
                    "place": "online" if e.attrs.get("online") and not e.attrs.get("place")
                    else _name(e.attrs.get("place")),
                    "project": _name(e.attrs.get("project")), **_review(e)} for e in extraction.of("event")],
        "persons": [{"name": p.name, "affiliation": _name(p.attrs.get("affiliation")), "role": p.attrs.get("role"),
                     "email": p.attrs.get("email"), **_review(p)} for p in extraction.of("person")],
        "themes": [labels.get(str(t.iri), t.name) for t in extraction.of("theme")],
    }


def _details(finding: Finding) -> str:
    """What the review shows of a finding besides its name: country, region, role, project, type, dates."""
    attrs = finding.attrs
    parts = []
    if finding.kind in ("organisation", "place"):
        parts.append(f"country {attrs.get('country') or '?'}")
        parts.append(f"region {_nuts(attrs.get('region')) or '?'}")
    if finding.kind == "organisation":
        parts.append(f"role {attrs.get('role') or '?'}")
        parts.append(f"project {_name(attrs.get('project')) or '?'}")
    if finding.kind == "person" and attrs.get("affiliation"):
        parts.append(f"affiliation {_name(attrs.get('affiliation'))}")
    if finding.kind == "event":
        parts.append(f"{attrs.get('type')}, {attrs.get('start')} – {attrs.get('end') or ''}".rstrip(" –"))
        if attrs.get("place"):
            parts.append(f"at {_name(attrs.get('place'))}")
    return f" [{'; '.join(parts)}]" if parts else ""


def review_text(result: ArticleResult) -> str:
    """Return the review report: per kind, each finding with its score, status, details and sentence.

    Low-confidence findings (held back by ``--accept``) are marked with "?", accepted ones with "✓".
    """
    findings = [f for f in result.extraction.findings if f.kind != "theme"]
    lines = [f"source {result.identifier} ({result.document.media_type}, language {result.extraction.language}, "
             f"sha256 {result.document.sha256[:16]}…): {len(result.graph)} statements in the draft; "
             f"--accept would merge {sum(1 for f in findings if f.accepted)} finding(s) and hold back "
             f"{result.held_back} (marked ?)"]
    for kind in ("project", "programme", "organisation", "place", "event", "person", "theme"):
        found = result.extraction.of(kind)
        if not found:
            continue
        lines.append(f"\n{kind}s:")
        for finding in found:
            where = f" → {finding.iri}" if finding.iri else ""
            if finding.status == "ambiguous":
                where = f" → one of {', '.join(finding.candidates)}"
            mark = "✓" if finding.accepted else "?"
            sentence = " ".join(finding.sentence.split())
            if len(sentence) > 160:
                sentence = sentence[:157] + "…"
            lines.append(f"  {mark} {finding.score:.2f} {finding.status:<9} {finding.name}{_details(finding)}{where}")
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
