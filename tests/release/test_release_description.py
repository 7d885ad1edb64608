"""dataset.ttl describes the release truthfully: VoID counts, linksets, and one DCAT distribution per file."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
import pytest
from rdflib import DCAT, DCTERMS, OWL, RDF, VOID, XSD, Graph, Literal, URIRef
from release_helpers import ISSUED, VERSION

from kg.export.description import DCAT_VERSION, LICENSE, WITHOUT_PERSONAL_DATA
from kg.namespaces import EKG, NUTS, SPDX, WIKIDATA


def description(release) -> tuple[Graph, URIRef]:
    graph = Graph().parse(release.folder / "dataset.ttl", format="turtle")
    [dataset] = graph.subjects(RDF.type, DCAT.Dataset)
    return graph, dataset


def value(graph: Graph, subject, predicate) -> object:
    return graph.value(subject, predicate).toPython()


def test_void_counts_match_the_union_graph(full_release) -> None:
    graph, dataset = description(full_release)
    triples = ox.parse(path=str(full_release.folder / "eukg.nt"), format=ox.RdfFormat.N_TRIPLES)
    triples = list(triples)
    assert value(graph, dataset, VOID.triples) == len(triples)
    subjects = {t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}
    assert value(graph, dataset, VOID.entities) == len(subjects)
    assert value(graph, dataset, VOID.properties) == len({t.predicate for t in triples})
    rdf_type = ox.NamedNode(str(RDF.type))
    classes = {t.object for t in triples if t.predicate == rdf_type}
    assert value(graph, dataset, VOID.classes) == len(classes)
    partitions = {graph.value(p, VOID["class"]): value(graph, p, VOID.entities)
                  for p in graph.objects(dataset, VOID.classPartition)}
    projects = {t.subject for t in triples if t.predicate == rdf_type and t.object.value == str(EKG.Project)}
    assert partitions[EKG.Project] == len(projects) > 0
    properties = {graph.value(p, VOID.property): value(graph, p, VOID.triples)
                  for p in graph.objects(dataset, VOID.propertyPartition)}
    assert properties[RDF.type] == sum(1 for t in triples if t.predicate == rdf_type)


def test_linksets_to_nuts_and_wikidata(full_release) -> None:
    graph, dataset = description(full_release)
    triples = list(ox.parse(path=str(full_release.folder / "eukg.nt"), format=ox.RdfFormat.N_TRIPLES))
    counts = {}
    for linkset in graph.subjects(RDF.type, VOID.Linkset):
        assert (dataset, VOID.subset, linkset) in graph
        assert graph.value(linkset, VOID.subjectsTarget) == dataset
        counts[str(graph.value(linkset, VOID.objectsTarget))] = value(graph, linkset, VOID.triples)

    def links(space: str) -> int:
        return sum(1 for t in triples if isinstance(t.object, ox.NamedNode) and t.object.value.startswith(space)
                   and not t.subject.value.startswith(space))

    assert counts["http://data.europa.eu/nuts"] == links(str(NUTS)) > 0
    assert counts["http://www.wikidata.org/"] == links(str(WIKIDATA)) > 0


def test_every_file_is_a_distribution_with_size_and_checksum(full_release) -> None:
    graph, dataset = description(full_release)
    files = sorted(p for p in full_release.folder.rglob("*") if p.is_file() and p.name != "dataset.ttl")
    distributions = {str(graph.value(d, DCTERMS.title)): d for d in graph.objects(dataset, DCAT.distribution)}
    assert {p.name for p in files} == set(distributions)
    for path in files:
        distribution = distributions[path.name]
        assert str(distribution).endswith("/" + path.relative_to(full_release.folder).as_posix())
        assert value(graph, distribution, DCAT.byteSize) == path.stat().st_size
        checksum = graph.value(distribution, SPDX.checksum)
        assert graph.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(path.read_bytes()).hexdigest()
        assert graph.value(distribution, DCTERMS.license) == LICENSE
        assert graph.value(distribution, DCAT.mediaType) is not None
        assert (graph.value(distribution, DCAT.compressFormat) is not None) == path.name.endswith(".gz")
    media = {path: str(graph.value(distributions[path], DCAT.mediaType)) for path in ("eukg.ttl", "eukg.rdf")}
    assert media == {"eukg.ttl": "http://www.iana.org/assignments/media-types/text/turtle",
                     "eukg.rdf": "http://www.iana.org/assignments/media-types/application/rdf+xml"}


@pytest.mark.slow
def test_licence_date_version_and_personal_data_flag(full_release, public_release) -> None:
    graph, dataset = description(full_release)
    assert graph.value(dataset, DCTERMS.license) == URIRef("http://creativecommons.org/licenses/by/4.0/")
    assert graph.value(dataset, DCTERMS.issued) == Literal(ISSUED.isoformat(), datatype=XSD.date)
    assert str(graph.value(dataset, OWL.versionInfo)) == str(graph.value(dataset, DCAT_VERSION)) == VERSION
    assert graph.value(dataset, EKG.personalData).toPython() is True
    public, public_dataset = description(public_release)
    assert public.value(public_dataset, EKG.personalData).toPython() is False
    assert Literal(WITHOUT_PERSONAL_DATA, lang="en") in set(public.objects(public_dataset, DCTERMS.description))
