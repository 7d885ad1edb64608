"""Synthetic Keep.eu-like graphs that follow the ontology and pass the shapes, streamed as N-Quads.

The generator draws programmes, projects, partner organisations (in real NUTS 3 regions and their
countries), project participations, events with places and participations, and contact persons
(hashed IRIs, with e-mails) from a fixed ``seed``. Organisation degrees (the number of projects an
organisation takes part in) follow a truncated discrete power law, as in Keep.eu: most organisations
are in one project, a few in dozens or hundreds. Each batch of projects is one synthetic source: one
named graph ``src:synthetic-SEED-NNNNN`` that describes itself as an ``ekg:SourceDocument``.

Memory stays bounded: quads are written as they are drawn; what is kept is one int per
participation slot and one flag byte per organisation and per region.

:func:`write_new_source` writes one small new source that references organisations and programmes
of a generated graph and holds a known number of injected violations of each kind, so that tests
and benchmarks can compare validators against the expected counts.

Examples
--------
Command line (``--with-reference`` adds the project's own build: ontology, reference graphs,
NUTS regions, countries and the shipped sources)::

    python -m benchmarks.generate --triples 100000 --out /tmp/kg-100k.nq --with-reference \\
        --new-source /tmp/new-source.nq --violations 5
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import random
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.namespaces import COUNTRY, EKG, ID, LANGUAGE, NUTS, SOURCE
from kg.paths import DATA_DIR
from kg.reference.countries import get_country
from kg.reference.nuts import nuts_regions

__all__ = [
    "VIOLATION_KINDS",
    "GenerationResult",
    "KEEP_EU",
    "NewSourceResult",
    "generate",
    "keep_eu_memberships",
    "reference_quads",
    "violation_kind",
    "write_graph",
    "write_new_source",
]

# ---------------------------------------------------------------- terms

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = ox.NamedNode(_XSD + "date")
_BOOLEAN = ox.NamedNode(_XSD + "boolean")
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCT = "http://purl.org/dc/terms/"
_SCHEMA = "https://schema.org/"


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


PREF_LABEL = _n(_SKOS + "prefLabel")
SUBJECT = _n(_DCT + "subject")
IDENTIFIER = _n(_DCT + "identifier")
TITLE = _n(_DCT + "title")
LANG = _n(_DCT + "language")
START = _n(_SCHEMA + "startDate")
END = _n(_SCHEMA + "endDate")
URL = _n(_SCHEMA + "url")
NAME = _n(_SCHEMA + "name")
EMAIL = _n(_SCHEMA + "email")
C = {name: _n(EKG[name]) for name in (
    "Project", "ProjectParticipation", "Organisation", "PublicOrganisation", "Event", "EventParticipation",
    "Person", "Place", "City", "SourceDocument",
)}
P = {name: _n(EKG[name]) for name in (
    "acronym", "projectCode", "programme", "project", "participant", "role", "organisationType", "country",
    "region", "event", "eventType", "online", "place", "relatedProject", "organiser", "affiliation",
    "partnerCountry",
)}
TRUE = ox.Literal("true", datatype=_BOOLEAN)
FALSE = ox.Literal("false", datatype=_BOOLEAN)
ENG = _n(LANGUAGE.ENG)

_ROLE = "https://w3id.org/eu-regional-kg/id/role/"
_PUBLIC_TYPES = {"regional-authority", "municipality", "county-council", "national-ministry",
                 "regional-development-agency"}
_SYLLABLES = ("ac", "bel", "cor", "dan", "el", "fin", "gra", "hel", "in", "jur", "kos", "lum", "mar", "nor",
              "ost", "pol", "qua", "ren", "sol", "tra", "urb", "vel", "wes", "xen", "yor", "zen")
_WORDS = ("Regional", "Innovation", "Green", "Digital", "Smart", "Circular", "Cross-border", "Sustainable",
          "Maritime", "Rural", "Urban", "Creative", "Energy", "Mobility", "Heritage", "Health", "Water", "SME")
_NOUNS = ("Alliance", "Network", "Partnership", "Platform", "Lab", "Bridge", "Hub", "Corridor", "Strategy",
          "Cluster", "Pathways", "Connect", "Growth", "Transition")
_ORG_KINDS = {
    "regional-authority": "Regional Authority of", "municipality": "Municipality of",
    "county-council": "County Council of", "national-ministry": "Ministry for the Regions,",
    "university": "University of", "science-park": "Science Park", "cluster": "Cluster of",
    "consultancy": "Consulting", "sme": "Enterprise", "company": "Company", "association": "Association of",
    "regional-development-agency": "Development Agency of", "research-organisation": "Research Institute of",
    "business-support-organisation": "Chamber of Commerce of", "ngo": "Foundation for",
}
_FIRST = ("Anna", "Piotr", "Maria", "Jan", "Elena", "Lukas", "Sofia", "Marco", "Ines", "Jonas", "Eva", "Tomas",
          "Laura", "Nikos", "Kati", "Pablo", "Ilse", "Radu", "Zofia", "Ana")
_LAST = ("Nowak", "Popescu", "Rossi", "Müller", "Garcia", "Jansen", "Virtanen", "Papadopoulos", "Horvat",
         "Novak", "Dubois", "Silva", "Kowalski", "Ionescu", "Berg", "Costa", "Weber", "Lind")

VIOLATION_KINDS = (
    "missing_acronym", "end_before_start", "participation_without_role", "bad_email", "unknown_region",
    "two_participants",
)


# ---------------------------------------------------------------- reference data the generator draws from


@dataclass(frozen=True)
class _Reference:
    programmes: tuple[ox.NamedNode, ...]
    organisation_types: tuple[str, ...]
    event_types: tuple[ox.NamedNode, ...]
    themes: tuple[ox.NamedNode, ...]
    regions: tuple[tuple[str, str, str], ...]  # (code, label, country ISO3)


def _instances(graph: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))


def _reference(data_dir: Path = DATA_DIR) -> _Reference:
    programmes = Graph().parse(data_dir / "reference" / "programmes.ttl")
    vocabularies = Graph().parse(data_dir / "reference" / "vocabularies.ttl")
    regions = [
        (r.code, r.label, get_country(r.country_code).iso3)
        for r in sorted(nuts_regions().values(), key=lambda r: r.code)
        if r.level == 3 and not r.is_extra_regio and "2024" in r.versions
    ]
    return _Reference(
        programmes=tuple(_n(p) for p in _instances(programmes, EKG.Programme)),
        # Natural persons (sole traders, farmers) are personal data: the generator draws legal bodies only.
        organisation_types=tuple(str(t).rsplit("/", 1)[1] for t in _instances(vocabularies, EKG.OrganisationType)
                                 if (t, EKG.personalData, None) not in vocabularies),
        event_types=tuple(_n(t) for t in _instances(vocabularies, EKG.EventType)),
        themes=tuple(_n(t) for t in _instances(vocabularies, EKG.Theme)),
        regions=tuple(regions),
    )


# ---------------------------------------------------------------- IRIs


def organisation_iri(seed: int, index: int) -> ox.NamedNode:
    """Return the IRI of synthetic organisation ``index`` of the graph drawn with ``seed``."""
    return _n(ID[f"organisation/syn{seed}-{index}"])


def _place_iri(seed: int, code: str) -> ox.NamedNode:
    return _n(ID[f"place/syn{seed}-{code.lower()}"])


def _person_iri(seed: int, key: str) -> ox.NamedNode:
    # Persons get opaque hashed IRIs, like the project's real persons.
    return _n(ID["person/" + hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()[:12]])


def _date(year: int, month: int, day: int) -> ox.Literal:
    return ox.Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=_DATE)


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


# ---------------------------------------------------------------- degree distribution


def _power_law_cdf(exponent: float, max_degree: int) -> list[float]:
    weights = [k ** -exponent for k in range(1, max_degree + 1)]
    return list(itertools.accumulate(weights))


def _draw_degree(rng: random.Random, cdf: list[float]) -> int:
    return bisect.bisect_left(cdf, rng.random() * cdf[-1]) + 1


# ---------------------------------------------------------------- generation


@dataclass
class GenerationResult:
    """What :func:`generate` wrote: counts, and what a new source may reference."""

    seed: int
    quads: int = 0
    projects: int = 0
    organisations: int = 0
    participations: int = 0
    events: int = 0
    persons: int = 0
    sources: int = 0
    max_organisation_degree: int = 0
    organisation_sample: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        """Return the counts as a JSON-ready dict (without the samples)."""
        return {k: v for k, v in self.__dict__.items() if k not in ("organisation_sample", "programmes")}


# Mean triples written per project (project, participations, first mentions of organisations, events,
# persons, places), measured on generated graphs; used only to size the organisation pool.
_TRIPLES_PER_PROJECT = 62.0
_MEAN_PARTNERS = 6.0


class _Generator:
    def __init__(self, triples: int, seed: int, batch_size: int, exponent: float, max_degree: int,
                 reference: _Reference) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.target = triples
        self.batch_size = batch_size
        self.ref = reference
        self.result = GenerationResult(seed, programmes=[p.value for p in reference.programmes])
        projects = max(1, round(triples / _TRIPLES_PER_PROJECT))
        slots_wanted = int(1.3 * projects * _MEAN_PARTNERS)
        cdf = _power_law_cdf(exponent, max_degree)
        slots = array("I")
        org = 0
        while len(slots) < slots_wanted:
            slots.extend([org] * _draw_degree(self.rng, cdf))
            org += 1
        self.rng.shuffle(slots)
        self.slots = slots
        self.described = bytearray(org)
        self.degree = array("I", bytes(4 * org))
        self.org_region = array("H", (self.rng.randrange(len(reference.regions)) for _ in range(org)))
        self.places_described = bytearray(len(reference.regions))
        self.graph: ox.NamedNode = ox.NamedNode(SOURCE["synthetic"])
        # Programmes get Zipf-like weights too: a few big programmes, many small ones.
        self.programme_cdf = list(itertools.accumulate(1 / (i + 1) for i in range(len(reference.programmes))))

    def q(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        self.result.quads += 1
        return ox.Quad(s, p, o, self.graph)

    def source(self, batch: int) -> Iterator[ox.Quad]:
        identifier = f"synthetic-{self.seed}-{batch:05d}"
        self.graph = _n(SOURCE[identifier])
        self.result.sources += 1
        doc = self.graph
        yield self.q(doc, _RDF_TYPE, C["SourceDocument"])
        yield self.q(doc, IDENTIFIER, ox.Literal(identifier))
        yield self.q(doc, TITLE, _en(f"Synthetic project batch {batch}"))
        yield self.q(doc, LANG, ENG)

    def organisation(self, index: int) -> Iterator[ox.Quad]:
        self.described[index] = 1
        self.result.organisations += 1
        rng = self.rng
        code, label, iso3 = self.ref.regions[self.org_region[index]]
        kind = self.ref.organisation_types[rng.randrange(len(self.ref.organisation_types))]
        iri = organisation_iri(self.seed, index)
        yield self.q(iri, _RDF_TYPE, C["Organisation"])
        if kind in _PUBLIC_TYPES:
            yield self.q(iri, _RDF_TYPE, C["PublicOrganisation"])
        yield self.q(iri, PREF_LABEL, _en(f"{_ORG_KINDS.get(kind, 'Organisation')} {label} #{index}"))
        if rng.random() < 0.3:
            yield self.q(iri, P["acronym"], ox.Literal(f"{kind[:3].upper()}{index}"))
        yield self.q(iri, P["organisationType"], _n(ID[f"organisation-type/{kind}"]))
        yield self.q(iri, P["country"], _n(COUNTRY[iso3]))
        yield self.q(iri, P["region"], _n(NUTS[code]))

    def place(self, region: int) -> Iterator[ox.Quad]:
        code, label, iso3 = self.ref.regions[region]
        iri = _place_iri(self.seed, code)
        if not self.places_described[region]:
            self.places_described[region] = 1
            yield self.q(iri, _RDF_TYPE, C["Place"])
            yield self.q(iri, _RDF_TYPE, C["City"])
            yield self.q(iri, PREF_LABEL, _en(f"Main town of {label}"))
            yield self.q(iri, P["country"], _n(COUNTRY[iso3]))
            yield self.q(iri, P["region"], _n(NUTS[code]))

    def project(self, number: int, partners: list[int]) -> Iterator[ox.Quad]:
        rng, seed = self.rng, self.seed
        r = self.result
        r.projects += 1
        for org in partners:
            if not self.described[org]:
                yield from self.organisation(org)
            self.degree[org] += 1
        iri = _n(ID[f"project/syn{seed}-{number}"])
        acronym = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).upper() + str(number)
        programme = self.ref.programmes[bisect.bisect_left(self.programme_cdf, rng.random() * self.programme_cdf[-1])]
        yield self.q(iri, _RDF_TYPE, C["Project"])
        yield self.q(iri, P["acronym"], ox.Literal(acronym))
        yield self.q(iri, PREF_LABEL, _en(f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_NOUNS)} {number}"))
        yield self.q(iri, P["projectCode"], ox.Literal(f"SYN{seed}-{number:07d}"))
        yield self.q(iri, P["programme"], programme)
        for theme in rng.sample(self.ref.themes, rng.randint(1, 3)):
            yield self.q(iri, SUBJECT, theme)
        start_year = rng.randint(2008, 2024)
        start_month = rng.randint(1, 12)
        yield self.q(iri, START, _date(start_year, start_month, 1))
        yield self.q(iri, END, _date(start_year + rng.randint(1, 4), rng.randint(1, 12), 28))
        yield self.q(iri, URL, _n(f"https://projects.example.org/syn{seed}/{number}"))
        # Partners: the first is the lead partner.
        for i, org in enumerate(partners):
            r.participations += 1
            part = _n(ID[f"participation/syn{seed}-{number}-{i}"])
            yield self.q(part, _RDF_TYPE, C["ProjectParticipation"])
            yield self.q(part, P["project"], iri)
            yield self.q(part, P["participant"], organisation_iri(seed, org))
            yield self.q(part, P["role"], _n(_ROLE + ("lead-partner" if i == 0 else "partner")))
        # A contact person of the lead partner for half of the projects.
        if rng.random() < 0.5:
            r.persons += 1
            person = _person_iri(seed, f"project-{number}")
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            yield self.q(person, _RDF_TYPE, C["Person"])
            yield self.q(person, NAME, ox.Literal(f"{first} {last}"))
            yield self.q(person, EMAIL, ox.Literal(f"{first.lower()}.{number}@partner{partners[0]}.example.eu"))
            yield self.q(person, P["affiliation"], organisation_iri(seed, partners[0]))
            part = _n(ID[f"participation/syn{seed}-{number}-contact"])
            yield self.q(part, _RDF_TYPE, C["ProjectParticipation"])
            yield self.q(part, P["project"], iri)
            yield self.q(part, P["participant"], person)
            yield self.q(part, P["role"], _n(_ROLE + "contact-person"))
        # Events: a third of the projects hold one (a kick-off, a workshop, a final conference).
        if rng.random() < 0.35:
            yield from self.event(number, iri, partners, start_year, start_month)

    def event(self, number: int, project: ox.NamedNode, partners: list[int], year: int,
              month: int) -> Iterator[ox.Quad]:
        rng, seed = self.rng, self.seed
        self.result.events += 1
        iri = _n(ID[f"event/syn{seed}-{number}"])
        day = rng.randint(1, 27)
        yield self.q(iri, _RDF_TYPE, C["Event"])
        yield self.q(iri, PREF_LABEL, _en(f"Event {number} of the project"))
        yield self.q(iri, P["eventType"], rng.choice(self.ref.event_types))
        yield self.q(iri, START, _date(year, month, day))
        yield self.q(iri, END, _date(year, month, day + 1))
        yield self.q(iri, P["relatedProject"], project)
        yield self.q(iri, SUBJECT, rng.choice(self.ref.themes))
        if rng.random() < 0.2:
            yield self.q(iri, P["online"], TRUE)
        else:
            region = self.org_region[partners[0]]
            yield from self.place(region)
            yield self.q(iri, P["online"], FALSE)
            yield self.q(iri, P["place"], _place_iri(seed, self.ref.regions[region][0]))
        for i, org in enumerate(partners[: rng.randint(1, 4)]):
            part = _n(ID[f"participation/syn{seed}-{number}-event-{i}"])
            yield self.q(part, _RDF_TYPE, C["EventParticipation"])
            yield self.q(part, P["event"], iri)
            yield self.q(part, P["participant"], organisation_iri(seed, org))
            role = "organiser" if i == 0 else rng.choice(("speaker", "participant"))
            yield self.q(part, P["role"], _n(_ROLE + role))

    def quads(self) -> Iterator[ox.Quad]:
        rng, slots = self.rng, self.slots
        position, number = 0, 0
        while position < len(slots) and self.result.quads < self.target:
            if number % self.batch_size == 0:
                yield from self.source(number // self.batch_size)
            size = min(len(slots) - position, max(2, int(rng.expovariate(1 / (_MEAN_PARTNERS - 1))) + 2))
            partners = list(dict.fromkeys(slots[position : position + size]))
            position += size
            yield from self.project(number, partners)
            number += 1
        described = [i for i, flag in enumerate(self.described) if flag]
        self.result.max_organisation_degree = max(self.degree) if len(self.degree) else 0
        step = max(1, len(described) // 500)
        self.result.organisation_sample = [organisation_iri(self.seed, i).value for i in described[::step]]


def generate(triples: int, seed: int = 42, batch_size: int = 1000, exponent: float = 2.6,
             max_degree: int = 400, data_dir: Path = DATA_DIR) -> tuple[Iterator[ox.Quad], GenerationResult]:
    """Draw a synthetic graph of about ``triples`` triples.

    Parameters
    ----------
    triples : int
        Target size; generation stops at the first project boundary past it.
    seed : int, optional (default=42)
        The same seed gives the same graph.
    batch_size : int, optional (default=1000)
        Projects per synthetic source (one named graph each).
    exponent : float, optional (default=2.6)
        Exponent of the power law of organisation degrees (P(k) ~ k^-exponent).
    max_degree : int, optional (default=400)
        Largest number of projects of one organisation.
    data_dir : Path, optional
        The project's data folder, for programmes and vocabularies.

    Returns
    -------
    (iterator of pyoxigraph.Quad, GenerationResult)
        The quads, drawn lazily; the result's counts are complete once the iterator is exhausted.
    """
    gen = _Generator(triples, seed, batch_size, exponent, max_degree, _reference(data_dir))
    return gen.quads(), gen.result


def reference_quads(data_dir: Path = DATA_DIR) -> Iterator[ox.Quad]:
    """Yield the project's own build (ontology, reference graphs, NUTS, countries, shipped sources).

    The quads come in the release's canonical order (:func:`kg.export.canonical.canonical_quads`: by
    graph, then by their N-Quads text, blank nodes labelled canonically), so the same data always gives
    the same bytes. The store's own order is not enough: the NUTS and countries graphs reach it through
    rdflib Graphs, which iterate in the order of Python's per-process randomised str hashes.
    """
    from kg.build.full import load_all
    from kg.export.canonical import canonical_quads

    store = ox.Store()
    load_all(store, data_dir)
    yield from canonical_quads(store.quads_for_pattern(None, None, None, None))


def write_graph(path: Path, triples: int, seed: int = 42, with_reference: bool = False,
                **options: object) -> GenerationResult:
    """Write a synthetic graph as N-Quads to ``path`` (streamed) and return what was written."""
    quads, result = generate(triples, seed, **options)  # type: ignore[arg-type]
    stream: Iterable[ox.Quad] = itertools.chain(reference_quads(), quads) if with_reference else quads
    with open(path, "wb") as out:
        ox.serialize(stream, out, ox.RdfFormat.N_QUADS)
    return result


# ---------------------------------------------------------------- a Keep.eu-shaped bipartite graph, directly

#: The size of Keep.eu's Interreg data that issue 11 measures analytics on.
KEEP_EU = {"projects": 30_000, "organisations": 150_000, "participations": 193_000}


def _mean_degree(exponent: float, max_degree: int) -> float:
    weights = [k ** -exponent for k in range(1, max_degree + 1)]
    return sum(k * w for k, w in enumerate(weights, start=1)) / sum(weights)


def _exponent_for(mean: float, max_degree: int) -> float:
    low, high = 1.5, 6.0  # the mean degree falls as the exponent grows
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if _mean_degree(middle, max_degree) > mean else (low, middle)
    return (low + high) / 2


def keep_eu_memberships(projects: int = KEEP_EU["projects"], organisations: int = KEEP_EU["organisations"],
                        participations: int = KEEP_EU["participations"], seed: int = 42,
                        max_degree: int = 400) -> list[tuple[int, int]]:
    """Draw the (organisation, project) pairs of a Keep.eu-shaped bipartite graph, without RDF.

    The same laws as :func:`generate`: the number of projects of an organisation follows a truncated
    discrete power law (its exponent fitted so that ``participations / organisations`` is the mean
    degree: about 3.2 for Keep.eu's figures), participation slots are shuffled and dealt to projects
    whose sizes are drawn like the generator's (2 plus an exponential with mean 5, cut to the slots
    left, mean as wanted), and an organisation drawn twice for one project takes part once. The analytics benchmark
    (``benchmarks/analytics_backends.py``) builds the co-participation network from these pairs.

    Parameters
    ----------
    projects, organisations, participations : int, optional
        Target sizes (default: Keep.eu's, :data:`KEEP_EU`); the result is close, not exact.
    seed : int, optional (default=42)
    max_degree : int, optional (default=400)
        Largest number of projects of one organisation.

    Returns
    -------
    pairs : list of (int, int)
        ``(organisation, project)``, organisations and projects numbered from 0, without duplicates.
    """
    rng = random.Random(seed)
    cdf = _power_law_cdf(_exponent_for(participations / organisations, max_degree), max_degree)
    slots = array("I")
    org = 0
    while len(slots) < participations:
        slots.extend([org] * _draw_degree(rng, cdf))
        org += 1
    rng.shuffle(slots)
    mean_size = len(slots) / projects
    pairs: list[tuple[int, int]] = []
    position, project = 0, 0
    while position < len(slots):
        size = min(len(slots) - position, max(2, int(rng.expovariate(1 / (mean_size - 1.5))) + 2))
        pairs.extend((member, project) for member in dict.fromkeys(slots[position : position + size]))
        position += size
        project += 1
    return pairs


# ---------------------------------------------------------------- a new source with injected violations


@dataclass
class NewSourceResult:
    """What :func:`write_new_source` wrote: its graph, triple count and the injected violations per kind."""

    graph: str
    quads: int
    expected: dict[str, int]


def write_new_source(path: Path, base: GenerationResult, violations: int = 5, projects: int = 60,
                     seed: int = 7, identifier: str | None = None) -> NewSourceResult:
    """Write one new source that references ``base``'s organisations and programmes, with injected violations.

    Each of :data:`VIOLATION_KINDS` is injected ``violations`` times, on distinct subjects, and each
    injection makes exactly one SHACL result:

    - ``missing_acronym``: a project without ``ekg:acronym``;
    - ``end_before_start``: a project that ends before it starts;
    - ``participation_without_role``: a project participation without ``ekg:role``;
    - ``bad_email``: a person whose e-mail is not name@domain.tld;
    - ``unknown_region``: a new organisation whose region is a NUTS-like IRI of no known Region;
    - ``two_participants``: a project participation with two participants.

    Returns
    -------
    NewSourceResult
        ``expected`` maps each kind to the number of violations injected.
    """
    rng = random.Random(seed)
    identifier = identifier or f"synthetic-new-{base.seed}-{seed}"
    graph = _n(SOURCE[identifier])
    quads: list[ox.Quad] = []

    def q(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, p, o, graph))

    orgs = [ox.NamedNode(o) for o in base.organisation_sample]
    programmes = [ox.NamedNode(p) for p in base.programmes]
    q(graph, _RDF_TYPE, C["SourceDocument"])
    q(graph, IDENTIFIER, ox.Literal(identifier))
    q(graph, TITLE, _en("Synthetic new source with injected violations"))
    q(graph, LANG, ENG)
    kinds = [kind for kind in VIOLATION_KINDS for _ in range(violations)]
    projects = max(projects, len(kinds))
    for number in range(projects):
        kind = kinds[number] if number < len(kinds) else None
        iri = _n(ID[f"project/{identifier}-{number}"])
        q(iri, _RDF_TYPE, C["Project"])
        if kind != "missing_acronym":
            q(iri, P["acronym"], ox.Literal(f"NEW{number}"))
        q(iri, PREF_LABEL, _en(f"New project {number}"))
        q(iri, P["programme"], rng.choice(programmes))
        q(iri, START, _date(2022, 3, 1))
        q(iri, END, _date(2021 if kind == "end_before_start" else 2025, 6, 30))
        partners = rng.sample(orgs, min(len(orgs), rng.randint(3, 8)))
        for i, org in enumerate(partners):
            part = _n(ID[f"participation/{identifier}-{number}-{i}"])
            q(part, _RDF_TYPE, C["ProjectParticipation"])
            q(part, P["project"], iri)
            q(part, P["participant"], org)
            if i == 0 and kind == "two_participants":
                q(part, P["participant"], partners[-1])
            if not (i == 0 and kind == "participation_without_role"):
                q(part, P["role"], _n(_ROLE + ("lead-partner" if i == 0 else "partner")))
        person = _person_iri(seed, f"{identifier}-{number}")
        q(person, _RDF_TYPE, C["Person"])
        q(person, NAME, ox.Literal(f"Contact {number}"))
        email = f"contact.{number}@new.example.eu" if kind != "bad_email" else f"contact {number} at new.example"
        q(person, EMAIL, ox.Literal(email))
        q(person, P["affiliation"], partners[0])
        if kind == "unknown_region":
            org = _n(ID[f"organisation/{identifier}-{number}"])
            q(org, _RDF_TYPE, C["Organisation"])
            q(org, PREF_LABEL, _en(f"New organisation {identifier} {number}"))
            q(org, P["organisationType"], _n(ID["organisation-type/sme"]))
            q(org, P["country"], _n(COUNTRY["POL"]))
            q(org, P["region"], _n(NUTS["XX999"]))
    with open(path, "wb") as out:
        ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    return NewSourceResult(graph.value, len(quads), {kind: violations for kind in VIOLATION_KINDS})


def violation_kind(path: str | None, message: str) -> str | None:
    """Return the injected kind a validation problem belongs to (by its path, or message), or None."""
    if message.startswith("ends ("):
        return "end_before_start"
    return {
        "ekg:acronym": "missing_acronym",
        "ekg:role": "participation_without_role",
        "schema:email": "bad_email",
        "ekg:region": "unknown_region",
        "ekg:participant": "two_participants",
    }.get(path or "")


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """Command line: write a synthetic graph (and optionally a new source) and print the counts as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000, help="target number of synthetic triples")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, required=True, help="N-Quads file to write")
    parser.add_argument("--with-reference", action="store_true",
                        help="also write the project's own build (ontology, reference graphs, shipped sources)")
    parser.add_argument("--batch-size", type=int, default=1000, help="projects per synthetic source graph")
    parser.add_argument("--new-source", type=Path, help="also write a new source with injected violations here")
    parser.add_argument("--violations", type=int, default=5, help="violations injected per kind in the new source")
    args = parser.parse_args(argv)
    result = write_graph(args.out, args.triples, args.seed, args.with_reference, batch_size=args.batch_size)
    report: dict[str, object] = {"graph": result.summary()}
    if args.new_source:
        new = write_new_source(args.new_source, result, args.violations)
        report["new_source"] = new.__dict__
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
