"""Merges as data: two sources name one municipality, each with its own IRI and its own NUTS region.

The linkage graph says they are one body (owl:sameAs, with its evidence); the build does not fail on
the two regions; a person's decision overrides the matcher; removing a source leaves no link to it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from clones import clone_store
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF

from kg.resolve.merges import LINKAGE_GRAPH, linkage_graph, links, organisations, recipe, recompute
from kg.resolve.review import read_decisions, read_review, write_decisions, write_review
from kg.store import open_store
from kg.store.writer import Writer, build

ORGN = "https://w3id.org/eu-regional-kg/id/organisation/"
SOURCE = """@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix nuts: <http://data.europa.eu/nuts/code/> .
@prefix country: <http://publications.europa.eu/resource/authority/country/> .
@prefix src: <https://w3id.org/eu-regional-kg/source/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix orgn: <https://w3id.org/eu-regional-kg/id/organisation/> .
@prefix otype: <https://w3id.org/eu-regional-kg/id/organisation-type/> .
src:{id} a ekg:SourceDocument ; dcterms:identifier "{id}" ; dcterms:title "{id}"@en ; dcterms:language lang:BUL .
orgn:{slug} a ekg:Organisation ; skos:prefLabel "{name}"@{lang} ;
    ekg:organisationType otype:municipality ; ekg:country country:BGR ; ekg:region nuts:{region} .
"""


def _source(data: Path, ident: str, slug: str, name: str, lang: str, region: str) -> None:
    text = SOURCE.replace("{id}", ident).replace("{slug}", slug).replace("{name}", name)
    (data / "sources" / f"{ident}.ttl").write_text(text.replace("{lang}", lang).replace("{region}", region),
                                                  encoding="utf-8")


@pytest.fixture()
def two_sources(built_store_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    location, data = clone_store(built_store_path, tmp_path)
    _source(data, "kohesio-bg", "obshtina-petrich", "ОБЩИНА ПЕТРИЧ", "bg", "BG413")
    _source(data, "cordis-bg", "municipality-of-petrich", "Municipality of Petrich", "en", "BG41")
    _source(data, "other-bg", "obshtina-sandanski", "Община Сандански", "bg", "BG413")
    assert build(location, data_dir=data).report.conforms
    return location, data


def _links(location: Path) -> set[tuple[str, str]]:
    store = open_store(location)
    quads = store.quads_for_pattern(None, ox.NamedNode(str(OWL.sameAs)), None, ox.NamedNode(str(LINKAGE_GRAPH)))
    return {(q.subject.value, q.object.value) for q in quads}


@pytest.mark.slow
def test_one_body_in_two_sources_is_linked_with_its_evidence(two_sources: tuple[Path, Path]) -> None:
    location, data = two_sources
    graph = recompute(open_store(location), recipe(data / "linkage" / "decisions.tsv"))
    pair = (ORGN + "municipality-of-petrich", ORGN + "obshtina-petrich")
    assert set(graph.subject_objects(OWL.sameAs)) == {(URIRef(pair[0]), URIRef(pair[1]))}
    node = next(graph.subjects(RDF.subject, URIRef(pair[0])))
    assert str(graph.value(node, DCTERMS.description)) == "name"
    assert {str(s) for s in graph.objects(node, PROV.wasDerivedFrom)} == {
        "https://w3id.org/eu-regional-kg/source/kohesio-bg", "https://w3id.org/eu-regional-kg/source/cordis-bg"}
    with Writer(location, data_dir=data) as writer:
        writer.put_derived(str(LINKAGE_GRAPH), graph, recipe(data / "linkage" / "decisions.tsv"))
    assert _links(location) == {pair}
    # a full build recomputes the links from the files, and the two regions do not fail it
    assert build(location, data_dir=data).report.conforms
    assert _links(location) == {pair}


def test_a_decision_overrides_the_matcher(two_sources: tuple[Path, Path]) -> None:
    location, data = two_sources
    decisions = data / "linkage" / "decisions.tsv"
    review = data / "linkage" / "review.tsv"
    write_review(review, [{"decision": "different", "score": "100.0", "method": "name",
                           "iri_a": ORGN + "obshtina-petrich", "iri_b": ORGN + "municipality-of-petrich"},
                          {"decision": "", "score": "80.0", "method": "name",
                           "iri_a": ORGN + "obshtina-petrich", "iri_b": ORGN + "obshtina-sandanski"}])
    assert write_decisions(read_review(review), decisions) == 1
    assert read_decisions(decisions) == {(ORGN + "municipality-of-petrich", ORGN + "obshtina-petrich"): "different"}
    found, _ = links(organisations(open_store(location)), read_decisions(decisions))
    assert found == []
    assert len(linkage_graph(found)) == 0


@pytest.mark.slow
def test_removing_a_source_leaves_no_link_to_it(two_sources: tuple[Path, Path]) -> None:
    location, data = two_sources
    (data / "sources" / "cordis-bg.ttl").unlink()
    assert build(location, data_dir=data).report.conforms
    graph = recompute(open_store(location), recipe())
    assert len(graph) == 0


def test_a_bad_decision_is_named_with_its_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    review = tmp_path / "review.tsv"
    write_review(review, [{"decision": "maybe", "score": "80.0", "method": "name",
                           "iri_a": ORGN + "a", "iri_b": ORGN + "b"}])
    result = subprocess.run([sys.executable, "-m", "kg", "link", "decide", str(review), "--decisions",
                             str(tmp_path / "decisions.tsv")], capture_output=True, text=True, check=False,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 1
    assert f"{review}:2: decision must be same or different, not 'maybe'" in " ".join(result.stderr.split())
    assert not (tmp_path / "decisions.tsv").exists()


def test_the_locality_a_table_gives_is_the_city_linkage_reads() -> None:
    """An organisation of a table gives its town as ``ekg:locality`` (CORDIS's city, Keep.eu's town): the full
    linkage (SPARQL) and the linkage kept up to date on writes (kg.resolve.follow) read it as the city."""
    from kg.namespaces import EKG, GRAPH, ID
    from kg.resolve.follow import organisation

    store = ox.Store()
    graph = ox.NamedNode(str(GRAPH["dataset/cordis-sample"]))
    org = ox.NamedNode(str(ID["organisation/wageningen-university-999981634"]))
    for predicate, value in ((RDF.type, ox.NamedNode(str(EKG.Organisation))),
                             (URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("WAGENINGEN UNIVERSITY")),
                             (EKG.locality, ox.Literal("Wageningen"))):
        store.add(ox.Quad(org, ox.NamedNode(str(predicate)), value, graph))
    [found] = organisations(store)
    assert found.city == "Wageningen"
    assert organisation(store, org.value).city == "Wageningen"


def test_an_identifier_is_read_as_the_kind_its_source_says_and_joins_names_alike_in_nothing() -> None:
    """A Norwegian organisation number has a PIC's nine digits: stated as ``ekg:nationalNumber`` it is read as a
    national number, not as a PIC that conflicts with the body's real one; the VAT number another source gives
    holds it (``NO…MVA``), so the two records are one body, though the body was renamed between them."""
    from kg.namespaces import EKG, GRAPH, ID

    store = ox.Store()
    rows = (("h2020-norway", "jotne", "JOTNE EPM TECHNOLOGY AS", ((EKG.organisationId, "948979357"),
                                                                   (EKG.nationalNumber, "948979357"))),
            ("horizon-europe", "jotne-connect", "JOTNE CONNECT AS", ((EKG.organisationId, "999584421"),
                                                                     (EKG.pic, "999584421"),
                                                                     (EKG.organisationId, "NO948979357MVA"),
                                                                     (EKG.vatNumber, "NO948979357MVA"))))
    for dataset, slug, name, identifiers in rows:
        graph, org = ox.NamedNode(str(GRAPH[f"dataset/{dataset}"])), ox.NamedNode(str(ID[f"organisation/{slug}"]))
        store.add(ox.Quad(org, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(EKG.Organisation)), graph))
        store.add(ox.Quad(org, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal(name), graph))
        for predicate, value in identifiers:
            store.add(ox.Quad(org, ox.NamedNode(str(predicate)), ox.Literal(value), graph))
    from kg.resolve.follow import organisation

    orgs = organisations(store)
    assert [sorted(o.identifiers) for o in orgs] == [
        [("national", "948979357")], [("pic", "999584421"), ("vat", "NO948979357MVA")]]
    assert organisation(store, orgs[0].iri).identifiers == orgs[0].identifiers  # as the linkage on writes reads it
    found, _ = links(orgs)
    assert [(link.a.rsplit("/", 1)[-1], link.b.rsplit("/", 1)[-1], link.match.method) for link in found] == [
        ("jotne", "jotne-connect", "identifier:vat")]
