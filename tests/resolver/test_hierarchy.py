"""The NUTS hierarchy in the built store: counts per level and version, and transitive region queries."""

from __future__ import annotations

import pytest

from kg.sparql.queries import find, run
from kg.store import select

# NUTS 2 regions per country, from the NUTS 2021 and 2024 classifications (Eurostat).
# NL and PT changed between the versions: NL31/NL33 became NL35/NL36; PT16/PT17/PT18 became
# PT19/PT1A/PT1B/PT1C and PT1D is new.
NUTS2_COUNTS = {
    ("PL", "2021"): 17, ("PL", "2024"): 17,
    ("RO", "2021"): 8, ("RO", "2024"): 8,
    ("NL", "2021"): 12, ("NL", "2024"): 12,
    ("PT", "2021"): 7, ("PT", "2024"): 9,
}
# Extra-Regio codes (PLZZ …) are statistical placeholders, not regions: they are left out of the counts.
# EU NUTS only: the NUTS scheme and the versions 2021/2024 (the UK's NUTS 2016 codes and the statistical
# regions of Norway, Switzerland … are regions too, but not of these classifications).
COUNT_QUERY = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?country ?version (COUNT(DISTINCT ?region) AS ?n) WHERE {
  ?region a ekg:Region ; ekg:nutsLevel 2 ; ekg:nutsVersion ?version ; ekg:nutsCode ?code ;
          skos:inScheme <http://data.europa.eu/nuts> .
  FILTER (!STRENDS(?code, "ZZ") && ?version IN ("2021", "2024"))
  BIND (SUBSTR(?code, 1, 2) AS ?country)
}
GROUP BY ?country ?version"""


@pytest.fixture(scope="module")
def nuts2_counts(store) -> dict[tuple[str, str], int]:
    return {(row["country"].value, row["version"].value): int(row["n"].value) for row in select(store, COUNT_QUERY)}


@pytest.mark.parametrize(("country", "version"), sorted(NUTS2_COUNTS))
def test_nuts2_count_per_version(nuts2_counts, country: str, version: str) -> None:
    assert nuts2_counts[(country, version)] == NUTS2_COUNTS[(country, version)]


def test_every_eu_country_has_nuts2_regions_in_both_versions(nuts2_counts) -> None:
    countries = {country for country, _ in nuts2_counts}
    assert len(countries) == 27
    assert all((country, version) in nuts2_counts for country in countries for version in ("2021", "2024"))


@pytest.mark.parametrize(("country", "expected"), [("PL", 17), ("RO", 8), ("NL", 14), ("PT", 12)])
def test_regions_query_with_parameters(store, country: str, expected: int) -> None:
    """The contract query lists every code of either version once (NL: 12 + 2 new, PT: 7 + 5 new)."""
    result = run(find("regions"), store, {"level": "2", "country_code": country})
    nuts = [str(row[result.columns.index("nuts")]) for row in result.rows]
    nuts = [code for code in nuts if not code.endswith("ZZ")]
    assert len(nuts) == len(set(nuts)) == expected
    assert all(code.startswith(country) and len(code) == 4 for code in nuts)
    levels = {int(row[result.columns.index("level")]) for row in result.rows}
    assert levels == {2}


def test_regions_query_parents(store) -> None:
    result = run(find("regions"), store, {"country_code": "PL"})
    parent = {str(r[result.columns.index("nuts")]): str(r[result.columns.index("parent_nuts")] or "") for r in result.rows}
    assert parent["PL811"] == "PL81" and parent["PL81"] == "PL8" and parent["PL8"] == "PL" and parent["PL"] == ""


@pytest.mark.parametrize("nuts", ["RO322", "RO32", "RO3", "RO"])
def test_partner_in_nuts3_counts_for_every_ancestor(store, nuts: str) -> None:
    """Ilfov County Council (RO322) is a partner of SME4GREEN: the project counts for RO32, RO3 and RO."""
    result = run(find("region_projects"), store, {"nuts": nuts})
    assert "SME4GREEN" in {str(row[result.columns.index("acronym")]) for row in result.rows}


@pytest.mark.parametrize("nuts", ["PL81", "PL8", "PL"])
def test_partner_in_nuts2_counts_up_not_down(store, nuts: str) -> None:
    """Lubelskie Voivodeship (PL81) is a partner of SCALE UP: it counts for PL8 and PL, not for PL811."""
    result = run(find("region_projects"), store, {"nuts": nuts})
    assert "SCALE UP" in {str(row[result.columns.index("acronym")]) for row in result.rows}
    below = run(find("region_projects"), store, {"nuts": "PL811"})
    assert "SCALE UP" not in {str(row[result.columns.index("acronym")]) for row in below.rows}


# ---- regions outside NUTS 2021/2024: statistical regions (NO, CH, TR …) and the UK's NUTS 2016 codes

def test_regions_query_lists_statistical_regions(store) -> None:
    result = run(find("regions"), store, {"country_code": "NO", "level": "3"})
    col = result.columns.index
    rows = {str(r[col("nuts")]): r for r in result.rows}
    assert "NO081" in rows and str(rows["NO081"][col("name")]) == "Oslo"
    assert str(rows["NO081"][col("parent_nuts")]) == "NO08"
    assert str(rows["NO081"][col("region")]) == "https://w3id.org/eu-regional-kg/id/statistical-region/NO081"
    # NO074 (2021) was split into NO072 and NO073 (2024): both versions are listed.
    assert {"NO072", "NO073", "NO074"} <= set(rows)


def test_regions_query_lists_uk_nuts_2016(store) -> None:
    result = run(find("regions"), store, {"country_code": "GB", "level": "1"})
    nuts = {str(r[result.columns.index("nuts")]) for r in result.rows}
    assert len(nuts) == 12 and "UKC" in nuts and "UKN" in nuts


ANCESTORS = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT ?code WHERE { ?r ekg:nutsCode ?start ; ekg:parentRegion+ ?a . ?a ekg:nutsCode ?code . }"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [("NO081", {"NO08", "NO0", "NO"}), ("CH040", {"CH04", "CH0", "CH"}), ("TR510", {"TR51", "TR5", "TR"}),
     ("UKN10", {"UKN0", "UKN", "UK"}), ("UKI31", {"UKI3", "UKI", "UK"})],
)
def test_transitive_hierarchy_outside_eu_nuts(store, start: str, expected: set[str]) -> None:
    query = ANCESTORS.replace("?start", f'"{start}"')
    assert {row["code"].value for row in select(store, query)} == expected


def test_region_projects_rolls_up_statistical_regions() -> None:
    """A partner in Oslo (NO081) counts for NO08, NO0 and NO, as one in PL811 counts for PL81, PL8 and PL."""
    import pyoxigraph as ox
    from rdflib import RDF, Graph, Literal, URIRef

    from kg.namespaces import EKG
    from kg.reference.countries import countries_graph
    from kg.reference.other_regions import statistical_region_iri, statistical_regions_graph
    from kg.store import load_graph

    graph = Graph()
    org, project, participation = (URIRef(f"https://example.org/{n}") for n in ("org", "project", "participation"))
    graph.add((participation, RDF.type, EKG.ProjectParticipation))
    graph.add((participation, EKG.project, project))
    graph.add((participation, EKG.participant, org))
    graph.add((org, EKG.region, statistical_region_iri("NO081")))
    graph.add((project, EKG.acronym, Literal("FJORD")))
    store = ox.Store()
    load_graph(store, statistical_regions_graph() + countries_graph() + graph, URIRef("https://example.org/g"))
    for nuts in ("NO081", "NO08", "NO0", "NO"):
        result = run(find("region_projects"), store, {"nuts": nuts})
        assert [str(row[result.columns.index("acronym")]) for row in result.rows] == ["FJORD"], nuts
    assert run(find("region_projects"), store, {"nuts": "NO082"}).rows == []
