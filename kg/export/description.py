"""The description of a release: VoID statistics and linksets, and a DCAT dataset with one distribution per file.

Written with rdflib as Turtle. Every node has an IRI (no blank nodes), so rdflib's sorted Turtle writer
gives the same bytes for the same release. Partitions, checksums and linksets are named by fragments of
the dataset's or the file's IRI.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox
from rdflib import DCAT, DCTERMS, OWL, RDF, VOID, XSD, Graph, Literal, URIRef

from kg.export.files import FileInfo
from kg.namespaces import EKG, ID, MEDIA_TYPES, NUTS, PREFIXES, SD, SPDX, WIKIDATA, bind_prefixes

DCAT_VERSION = URIRef(str(DCAT) + "version")  # DCAT 3; rdflib's DCAT namespace is DCAT 2
LICENSE = URIRef("http://creativecommons.org/licenses/by/4.0/")
RELEASE_BASE = "https://w3id.org/eu-regional-kg/release/"
ONTOLOGY_IRI = URIRef("https://w3id.org/eu-regional-kg/ontology")
ENTITY_SPACE = str(ID)
TITLE = "EU regional policy knowledge graph"
ABOUT = (
    "The actors of EU regional policy (NUTS regions, countries, programmes, funds, projects, partner "
    "organisations, persons and events) and who works with whom, with one named graph per source document."
)
WITH_PERSONAL_DATA = (
    "Contains personal data: the names, e-mail addresses and telephone numbers of contact persons named by "
    "the sources (ekg:Person)."
)
WITHOUT_PERSONAL_DATA = (
    "Personal data left out: this release contains no statement about a person (no names, e-mail addresses or "
    "telephone numbers) or a sole trader and no participation of one; where another statement named a person, "
    "the name is replaced by \"[person]\", and IRIs that held a name are replaced by opaque ones."
)


@dataclass(frozen=True)
class Target:
    """A dataset the graph links to: its name, home IRI and the IRI space of its resources."""

    name: str
    iri: str
    uri_space: str
    title: str


LINK_TARGETS = (
    Target("nuts", "http://data.europa.eu/nuts", str(NUTS), "NUTS classification (Publications Office)"),
    Target("wikidata", "http://www.wikidata.org/", str(WIKIDATA), "Wikidata"),
)


@dataclass(frozen=True)
class Distribution:
    """A released file (its path relative to the release folder), its media type, and whether it holds the graph."""

    info: FileInfo
    media_type: str
    dump: bool = False


@dataclass
class VoidStatistics:
    """Counts of the union graph: triples, entities, classes, properties, partitions and links per target."""

    triples: int
    entities: int
    distinct_subjects: int
    distinct_objects: int
    classes: dict[str, int]
    properties: dict[str, int]
    links: dict[str, dict[str, int]]


def void_statistics(triples: Iterable[ox.Triple], targets: Iterable[Target] = LINK_TARGETS) -> VoidStatistics:
    """Count the union graph's triples, entities (IRI subjects), class and property partitions and links.

    A link to a target is a triple whose object is in the target's IRI space and whose subject is not.
    """
    spaces = [(target.name, target.uri_space) for target in targets]
    count = 0
    subjects: set = set()
    objects: set = set()
    members: dict[str, set] = defaultdict(set)
    properties: Counter[ox.NamedNode] = Counter()
    links: dict[str, Counter[ox.NamedNode]] = {name: Counter() for name, _ in spaces}
    rdf_type = ox.NamedNode(str(RDF.type))
    # One pass, each term taken out of its triple once: every attribute access makes a new Python object.
    for subject, predicate, obj in triples:
        count += 1
        subjects.add(subject)
        objects.add(obj)
        properties[predicate] += 1
        if isinstance(obj, ox.NamedNode):
            value = obj.value
            if predicate == rdf_type:
                members[value].add(subject)
            for name, space in spaces:
                if value.startswith(space) and not (
                    isinstance(subject, ox.NamedNode) and subject.value.startswith(space)
                ):
                    links[name][predicate] += 1
    return VoidStatistics(
        triples=count,
        entities=sum(1 for s in subjects if isinstance(s, ox.NamedNode)),
        distinct_subjects=len(subjects),
        distinct_objects=len(objects),
        classes={iri: len(members[iri]) for iri in sorted(members)},
        properties=dict(sorted((p.value, n) for p, n in properties.items())),
        links={name: dict(sorted((p.value, n) for p, n in counter.items())) for name, counter in links.items()},
    )


def _slug(iri: str) -> str:
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local.replace("_", "").replace("-", "").isalnum():
            return f"{prefix}-{local}"
    return hashlib.sha256(iri.encode("utf-8")).hexdigest()[:16]


def _media_type(name: str) -> URIRef:
    return MEDIA_TYPES[name]


def describe(
    statistics: VoidStatistics,
    files: Iterable[Distribution],
    graph_sizes: dict[str, int],
    version: str,
    issued: date,
    personal_data: bool,
) -> Graph:
    """Return the VoID + DCAT description of a release.

    Parameters
    ----------
    statistics : VoidStatistics
        The counts of the released union graph.
    files : iterable of Distribution
        Each released file (path relative to the release folder) with its media type; ``.gz`` files get
        ``dcat:compressFormat``, dumps of the whole graph ``void:dataDump``.
    graph_sizes : dict
        Triples per named graph, described as ``void:subset`` datasets.
    version : str
        The release version (``owl:versionInfo``, ``dcat:version``).
    issued : datetime.date
        The release date (``dcterms:issued``).
    personal_data : bool
        Whether the release holds personal data; said in ``dcterms:description`` and ``ekg:personalData``.
    """
    base = f"{RELEASE_BASE}{version}/"
    dataset = URIRef(base + "dataset")
    graph = bind_prefixes(Graph())
    for prefix, namespace in (("void", VOID), ("dcat", DCAT), ("spdx", SPDX), ("sd", SD)):
        graph.bind(prefix, namespace)
    add = graph.add
    issued_literal = Literal(issued.isoformat(), datatype=XSD.date)

    add((dataset, RDF.type, DCAT.Dataset))
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    add((dataset, DCTERMS.description, Literal(ABOUT, lang="en")))
    add((dataset, DCTERMS.description, Literal(WITH_PERSONAL_DATA if personal_data else WITHOUT_PERSONAL_DATA,
                                               lang="en")))
    add((dataset, EKG.personalData, Literal(personal_data)))
    add((dataset, DCTERMS.license, LICENSE))
    add((dataset, DCTERMS.issued, issued_literal))
    add((dataset, OWL.versionInfo, Literal(version)))
    add((dataset, DCAT_VERSION, Literal(version)))
    add((dataset, DCTERMS.conformsTo, ONTOLOGY_IRI))
    add((dataset, VOID.vocabulary, URIRef(str(EKG))))
    add((dataset, VOID.uriSpace, Literal(ENTITY_SPACE)))

    add((dataset, VOID.triples, Literal(statistics.triples)))
    add((dataset, VOID.entities, Literal(statistics.entities)))
    add((dataset, VOID.distinctSubjects, Literal(statistics.distinct_subjects)))
    add((dataset, VOID.distinctObjects, Literal(statistics.distinct_objects)))
    add((dataset, VOID.classes, Literal(len(statistics.classes))))
    add((dataset, VOID.properties, Literal(len(statistics.properties))))
    for iri, entities in statistics.classes.items():
        partition = URIRef(f"{base}dataset#class-{_slug(iri)}")
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], URIRef(iri)))
        add((partition, VOID.entities, Literal(entities)))
    for iri, triples in statistics.properties.items():
        partition = URIRef(f"{base}dataset#property-{_slug(iri)}")
        add((dataset, VOID.propertyPartition, partition))
        add((partition, VOID.property, URIRef(iri)))
        add((partition, VOID.triples, Literal(triples)))
    for name, triples in graph_sizes.items():
        subset = URIRef(f"{base}dataset#graph-{_slug(name)}")
        add((dataset, VOID.subset, subset))
        add((subset, RDF.type, VOID.Dataset))
        add((subset, SD.name, URIRef(name)))
        add((subset, VOID.triples, Literal(triples)))

    for target in LINK_TARGETS:
        linkset = URIRef(f"{base}dataset#linkset-{target.name}")
        target_node = URIRef(target.iri)
        add((dataset, VOID.subset, linkset))
        add((linkset, RDF.type, VOID.Linkset))
        add((linkset, VOID.subjectsTarget, dataset))
        add((linkset, VOID.objectsTarget, target_node))
        add((linkset, VOID.triples, Literal(sum(statistics.links.get(target.name, {}).values()))))
        for predicate in statistics.links.get(target.name, {}):
            add((linkset, VOID.linkPredicate, URIRef(predicate)))
        add((target_node, RDF.type, VOID.Dataset))
        add((target_node, DCTERMS.title, Literal(target.title, lang="en")))
        add((target_node, VOID.uriSpace, Literal(target.uri_space)))

    for item in files:
        info, media_type = item.info, item.media_type
        name = info.path.name
        distribution = URIRef(base + info.path.as_posix())
        checksum = URIRef(f"{distribution}#sha256")
        add((dataset, DCAT.distribution, distribution))
        add((distribution, RDF.type, DCAT.Distribution))
        add((distribution, DCTERMS.title, Literal(name)))
        add((distribution, DCAT.downloadURL, distribution))
        add((distribution, DCAT.mediaType, _media_type(media_type)))
        if name.endswith(".gz"):
            add((distribution, DCAT.compressFormat, _media_type("application/gzip")))
        add((distribution, DCAT.byteSize, Literal(info.byte_size, datatype=XSD.nonNegativeInteger)))
        add((distribution, SPDX.checksum, checksum))
        add((checksum, RDF.type, SPDX.Checksum))
        add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        add((checksum, SPDX.checksumValue, Literal(info.sha256, datatype=XSD.hexBinary)))
        add((distribution, DCTERMS.license, LICENSE))
        add((distribution, DCTERMS.issued, issued_literal))
        if item.dump:
            add((dataset, VOID.dataDump, distribution))
    return graph
