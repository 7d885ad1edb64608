"""The linkage graph follows every write of the one writer: ingest, re-ingest, remove, a person's decisions.

A store is linked once (what ``eukg link apply`` does); then each write brings the links up to date
for the organisations it touched, before validating, so a removed source leaves no link and no
canonical body behind, and a new source's organisations are linked to those already there.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from clones import clone_store, source_document
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from kg.errors import ValidationFailed
from kg.namespaces import EKG
from kg.resolve.merges import LINKAGE_GRAPH, recipe, recompute
from kg.resolve.review import write_decisions
from kg.store import open_store
from kg.store.writer import Writer, build

ORGN = "https://w3id.org/eu-regional-kg/id/organisation/"
SEED = ORGN + "bialystok-university-of-technology"  # "Bialystok University of Technology" in the source documents
COUNTRY = URIRef("http://publications.europa.eu/resource/authority/country/POL")
NUTS = "http://data.europa.eu/nuts/code/"


def _org_source(identifier: str, orgs: dict[str, tuple[str, str]]) -> Graph:
    """A source naming organisations: slug → (name, NUTS code)."""
    graph = source_document(identifier)
    for slug, (name, region) in orgs.items():
        org = URIRef(ORGN + slug)
        graph.add((org, RDF.type, EKG.Organisation))
        graph.add((org, SKOS.prefLabel, Literal(name, lang="en")))
        graph.add((org, EKG.organisationType, URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/university")))
        graph.add((org, EKG.country, COUNTRY))
        graph.add((org, EKG.region, URIRef(NUTS + region)))
    return graph


def _links(location: Path) -> set[tuple[str, str]]:
    store = open_store(location)
    quads = store.quads_for_pattern(None, ox.NamedNode(str(OWL.sameAs)), None, ox.NamedNode(str(LINKAGE_GRAPH)))
    return {tuple(sorted((q.subject.value, q.object.value))) for q in quads}


def _canonical(location: Path) -> dict[str, str]:
    store = open_store(location)
    quads = store.quads_for_pattern(None, ox.NamedNode(str(EKG.canonical)), None, ox.NamedNode(str(LINKAGE_GRAPH)))
    return {q.subject.value: q.object.value for q in quads}


@pytest.fixture()
def linked(built_store_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A private store whose organisations were linked (``eukg link apply``): its links follow writes."""
    location, data = clone_store(built_store_path, tmp_path)
    spec = recipe(data / "linkage" / "decisions.tsv")
    with Writer(location, data_dir=data) as writer:
        writer.put_derived(str(LINKAGE_GRAPH), recompute(open_store(location), spec), spec)
    return location, data


def test_a_new_source_is_linked_and_removing_it_leaves_no_link(linked: tuple[Path, Path]) -> None:
    location, data = linked
    assert _links(location) == set()
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"table-pl": _org_source("table-pl", {"but": ("Bialystok Technical University", "PL84")})})
    pair = (SEED, ORGN + "but")
    assert _links(location) == {pair}
    assert _canonical(location) == {ORGN + "but": ORGN + "bialystok-university-of-technology",
                                    SEED: ORGN + "bialystok-university-of-technology"}
    with Writer(location, data_dir=data) as writer:  # re-ingested under another name: the link goes
        writer.put_sources({"table-pl": _org_source("table-pl", {"but": ("Agencja Rozwoju Regionalnego", "PL84")})})
    assert _links(location) == set() and _canonical(location) == {}
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"table-pl": _org_source("table-pl", {"but": ("Bialystok Technical University", "PL84")})})
        writer.remove_source("table-pl")
    assert _links(location) == set() and _canonical(location) == {}
    # what the writes left is what a full build computes
    build(location, data_dir=data)
    assert _links(location) == set()


def test_a_persons_decision_is_respected_by_every_write(linked: tuple[Path, Path]) -> None:
    location, data = linked
    write_decisions([{"iri_a": ORGN + "but", "iri_b": SEED, "decision": "different", "decided_on": "2026-12-03",
                      "note": "test"}], data / "linkage" / "decisions.tsv")
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"table-pl": _org_source("table-pl", {"but": ("Bialystok Technical University", "PL84")})})
    assert _links(location) == set()
    write_decisions([{"iri_a": ORGN + "but", "iri_b": SEED, "decision": "same", "decided_on": "2026-12-04",
                      "note": "test"}], data / "linkage" / "decisions.tsv")
    with Writer(location, data_dir=data) as writer:  # any later write applies the new decision
        writer.put_sources({"other": _org_source("other", {"zzz": ("Zakopane Tourist Office", "PL82")})})
    assert _links(location) == {(SEED, ORGN + "but")}


def test_two_sources_naming_one_body_alike_pass_the_duplicate_check(linked: tuple[Path, Path]) -> None:
    location, data = linked
    with Writer(location, data_dir=data) as writer:  # the same name, another source: linked, not a duplicate
        change = writer.put_sources({"table-pl": _org_source("table-pl", {"but": ("BIALYSTOK UNIVERSITY OF TECHNOLOGY",
                                                                                "PL84")})})
    assert not [w for w in change.warnings if "same name" in w.message]
    assert _links(location) == {(SEED, ORGN + "but")}
    canonical = _canonical(location)
    assert build(location, data_dir=data).report.conforms  # a full build agrees, on the links and the bodies
    assert _links(location) == {(SEED, ORGN + "but")} and _canonical(location) == canonical


def test_a_full_build_still_refuses_one_source_naming_one_body_twice(linked: tuple[Path, Path]) -> None:
    location, data = linked
    twice = _org_source("twice", {"agency-a": ("Podlaskie Agency", "PL84"), "agency-b": ("podlaskie agency", "PL84")})
    twice.serialize(data / "sources" / "twice.ttl", format="turtle")
    with pytest.raises(ValidationFailed, match="same name"):
        build(location, data_dir=data)


def test_one_source_naming_one_body_twice_is_still_a_duplicate(linked: tuple[Path, Path]) -> None:
    location, data = linked
    twice = _org_source("twice", {"agency-a": ("Podlaskie Agency", "PL84"), "agency-b": ("podlaskie agency", "PL84")})
    with Writer(location, data_dir=data) as writer, pytest.raises(ValidationFailed, match="same name"):
        writer.put_sources({"twice": twice})
    assert not (data / "ingested" / "twice.ttl").exists()


def _identified_source(identifier: str, orgs: dict[str, tuple[str, str | None]]) -> Graph:
    """A source naming organisations: slug → (name, PIC or None)."""
    graph = _org_source(identifier, {slug: (name, "PL84") for slug, (name, _) in orgs.items()})
    for slug, (_, pic) in orgs.items():
        if pic:
            graph.add((URIRef(ORGN + slug), EKG.organisationId, Literal(pic)))
    return graph


def test_a_body_without_identifier_does_not_join_two_pics(linked: tuple[Path, Path]) -> None:
    """A record without identifier named like two records of two PICs could be either: its links to them go
    to review (the two PICs are not joined through it), whichever is written first, as a full build does;
    a person's decision still links it."""
    location, data = linked
    ruse = "Ruse Test University"
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"plain": _identified_source("plain", {"ruse-c": (ruse, None)})})
        writer.put_sources({"cordis": _identified_source("cordis", {"ruse-a": (ruse, "911111111")})})
    assert _links(location) == {(ORGN + "ruse-a", ORGN + "ruse-c")}  # one PIC: linked
    with Writer(location, data_dir=data) as writer:  # a second PIC of that name: the first link goes too
        writer.put_sources({"cordis": _identified_source("cordis", {"ruse-a": (ruse, "911111111"),
                                                                    "ruse-b": (ruse, "922222222")})})
    assert _links(location) == set() and _canonical(location) == {}
    with Writer(location, data_dir=data) as writer:  # the record without identifier written again
        writer.put_sources({"plain": _identified_source("plain", {"ruse-c": (ruse.upper(), None)})})
    assert _links(location) == set()
    assert build(location, data_dir=data).report.conforms  # no duplicate: the name has two PICs
    assert _links(location) == set()
    from kg.resolve.merges import AMBIGUOUS, links, organisations

    _, held = links(organisations(open_store(location)))
    assert {(h.a, h.b, h.match.method) for h in held if h.match.method == AMBIGUOUS} == {(ORGN + "ruse-a", ORGN + "ruse-c", AMBIGUOUS),
                                                         (ORGN + "ruse-b", ORGN + "ruse-c", AMBIGUOUS)}
    write_decisions([{"iri_a": ORGN + "ruse-a", "iri_b": ORGN + "ruse-c", "decision": "same",
                      "decided_on": "2026-12-04", "note": "test"}], data / "linkage" / "decisions.tsv")
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"other": _org_source("other", {"zzz": ("Zakopane Tourist Office", "PL82")})})
    assert _links(location) == {(ORGN + "ruse-a", ORGN + "ruse-c")}  # B's link stays held: A conflicts with it


def test_a_held_record_named_exactly_like_one_pic_is_no_duplicate(linked: tuple[Path, Path]) -> None:
    """The record without identifier has the exact name of one PIC's record only (the other's words are in another
    order): record linkage holds both its links, and the duplicate check leaves the pair to it, on a write and
    on a full build."""
    location, data = linked
    with Writer(location, data_dir=data) as writer:  # a link, as a store with datasets has (graph:linkage is there)
        writer.put_sources({"table-pl": _org_source("table-pl", {"but": ("Bialystok Technical University", "PL84")})})
        writer.put_sources({"cordis": _identified_source("cordis", {"ruse-a": ("Ruse Test University", "911111111"),
                                                                    "ruse-b": ("University of Ruse Test", "922222222")})})
        writer.put_sources({"plain": _identified_source("plain", {"ruse-c": ("Ruse Test University", None)})})
    assert _links(location) == {(SEED, ORGN + "but")}
    assert build(location, data_dir=data).report.conforms
    assert _links(location) == {(SEED, ORGN + "but")}


def _with_city(graph: Graph, slug: str) -> Graph:
    """``graph`` with its organisation ``slug`` in the city of Białystok."""
    city = URIRef("https://w3id.org/eu-regional-kg/id/city/bialystok")
    graph.add((city, RDF.type, EKG.City))
    graph.add((city, RDF.type, EKG.Place))
    graph.add((city, SKOS.prefLabel, Literal("Białystok", lang="pl")))
    graph.add((city, EKG.country, COUNTRY))
    graph.add((city, EKG.region, URIRef(NUTS + "PL84")))
    graph.add((URIRef(ORGN + slug), EKG.city, city))
    return graph


def test_a_short_form_is_linked_to_its_full_name_of_its_city(linked: tuple[Path, Path]) -> None:
    location, data = linked
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"table-umb": _with_city(_org_source(
            "table-umb", {"umb": ("Uniwersytet Medyczny w Białymstoku", "PL84")}), "umb")})
    assert _links(location) == set()
    with Writer(location, data_dir=data) as writer:  # the short form, written later, meets it in its city's block
        writer.put_sources({"table-short": _with_city(_org_source("table-short", {"umb-short": ("UMB", "PL84")}),
                                                      "umb-short")})
    assert _links(location) == {(ORGN + "umb", ORGN + "umb-short")}
    with Writer(location, data_dir=data) as writer:  # the full name written again: found from its side too
        writer.put_sources({"table-umb": _with_city(_org_source(
            "table-umb", {"umb": ("Uniwersytet Medyczny w Białymstoku", "PL84")}), "umb")})
    assert _links(location) == {(ORGN + "umb", ORGN + "umb-short")}


def test_a_short_form_the_same_as_two_bodies_of_its_city_is_linked_to_neither(linked: tuple[Path, Path]) -> None:
    location, data = linked
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"table-umb": _with_city(_with_city(_org_source("table-umb", {
            "umb": ("Uniwersytet Medyczny w Białymstoku", "PL84"),
            "um": ("Urząd Miejski w Białymstoku", "PL84")}), "umb"), "um")})
    with Writer(location, data_dir=data) as writer:
        writer.put_sources({"table-short": _with_city(_org_source("table-short", {"umb-short": ("UMB", "PL84")}),
                                                      "umb-short")})
    assert _links(location) == set()


WATER = "Zakład Wodociągowy"


def _town_source(identifier: str, orgs: dict[str, tuple[str, str | None]]) -> Graph:
    """A source naming organisations: slug → (name, the town the table gives or None)."""
    graph = _org_source(identifier, {slug: (name, "PL84") for slug, (name, _) in orgs.items()})
    for slug, (_, town) in orgs.items():
        if town:
            graph.add((URIRef(ORGN + slug), EKG.locality, Literal(town)))
    return graph


def _linkage(location: Path) -> set[tuple]:
    """Every statement of the linkage graph: links, held links and canonical bodies."""
    return {tuple(q.triple) for q in open_store(location).quads_for_pattern(None, None, None,
                                                                            ox.NamedNode(str(LINKAGE_GRAPH)))}


_CHAIN = {"water-szczecin": ("water-a", (f"{WATER} Szczecin", "Szczecin")), "water": ("water-b", (WATER, None)),
          "water-krakow": ("water-c", (f"{WATER} Kraków", "Kraków"))}


@pytest.mark.parametrize("order", [("water-szczecin", "water", "water-krakow"),
                                   ("water-krakow", "water", "water-szczecin"),
                                   ("water", "water-krakow", "water-szczecin")])
def test_a_chain_of_two_bodies_is_split_by_every_write_as_by_a_full_build(linked: tuple[Path, Path],
                                                                          order: tuple[str, ...]) -> None:
    """The water works of Szczecin and of Kraków, and a record of their name without a town: the record links to
    each, and the cluster check keeps one link (the scores are equal: that of the names written more alike) and
    holds the other, whatever the order the sources are written in; removing Szczecin's source gives the held
    link back."""
    location, data = linked
    for slug in order:
        source, org = _CHAIN[slug]
        with Writer(location, data_dir=data) as writer:
            writer.put_sources({source: _town_source(source, {slug: org})})
    assert _links(location) == {(ORGN + "water", ORGN + "water-krakow")}
    written = _linkage(location)
    build(location, data_dir=data)
    assert _linkage(location) == written
    from kg.resolve.merges import links, organisations
    from kg.resolve.split import CLUSTER_CONFLICT

    _, uncertain = links(organisations(open_store(location)))
    assert {(u.a, u.b) for u in uncertain if u.match.method == CLUSTER_CONFLICT} == {(ORGN + "water",
                                                                                     ORGN + "water-szczecin")}
    with Writer(location, data_dir=data) as writer:  # Kraków's gone: the held link is made
        writer.remove_source("water-c")
    assert _links(location) == {(ORGN + "water", ORGN + "water-szczecin")}
    written = _linkage(location)
    build(location, data_dir=data)
    assert _linkage(location) == written


def test_a_persons_link_in_a_chain_wins(linked: tuple[Path, Path]) -> None:
    """A person decided the record without a town is Szczecin's: its link to Kraków's goes instead, and an
    identifier link is kept likewise; a full build agrees."""
    location, data = linked
    write_decisions([{"iri_a": ORGN + "water", "iri_b": ORGN + "water-szczecin", "decision": "same",
                      "decided_on": "2026-12-05", "note": "test"}], data / "linkage" / "decisions.tsv")
    with Writer(location, data_dir=data) as writer:
        for slug, (source, org) in _CHAIN.items():
            writer.put_sources({source: _town_source(source, {slug: org})})
    assert _links(location) == {(ORGN + "water", ORGN + "water-szczecin")}
    written = _linkage(location)
    build(location, data_dir=data)
    assert _linkage(location) == written
    with Writer(location, data_dir=data) as writer:  # a PIC joins Kraków's to the record: kept, Szczecin's goes
        writer.put_sources({"water-b": _identified_source("water-b", {"water": (WATER, "933333333")})})
        graph = _town_source("water-c", {"water-krakow": _CHAIN["water-krakow"][1]})
        graph.add((URIRef(ORGN + "water-krakow"), EKG.organisationId, Literal("933333333")))
        writer.put_sources({"water-c": graph})
    assert _links(location) == {(ORGN + "water", ORGN + "water-szczecin"), (ORGN + "water", ORGN + "water-krakow")}
    written = _linkage(location)
    build(location, data_dir=data)
    assert _linkage(location) == written


def _czech(graph: Graph) -> Graph:
    """``graph`` with its organisations in Czechia."""
    for org in set(graph.subjects(EKG.country, COUNTRY)):
        graph.set((org, EKG.country, URIRef("http://publications.europa.eu/resource/authority/country/CZE")))
    return graph


def test_names_of_one_registry_body_are_linked_by_every_write_as_by_a_full_build(linked: tuple[Path, Path]) -> None:
    """Three sources name one body of the Research Organization Registry in Czech, German and English: written last,
    the English name shares no word with the others and meets them only in the registry body's block, which then
    holds three organisations; all are compared, though the names are alike in nothing."""
    location, data = linked
    names = {"cuni-cs": "Univerzita Karlova", "cuni-de": "Karls-Universität Prag", "cuni-en": "Charles University"}
    with Writer(location, data_dir=data) as writer:
        for slug, name in names.items():
            writer.put_sources({f"table-{slug}": _czech(_org_source(f"table-{slug}", {slug: (name, "CZ010")}))})
    every = {tuple(sorted((ORGN + a, ORGN + b))) for a in names for b in names if a < b}
    assert _links(location) == every
    build(location, data_dir=data)
    assert _links(location) == every
