"""The NUTS hierarchy in the built store: counts per level and version, and transitive region queries."""

from __future__ import annotations

import pytest

from kg.queries import find, run
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
COUNT_QUERY = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT ?country ?version (COUNT(DISTINCT ?region) AS ?n) WHERE {
  ?region a ekg:Region ; ekg:nutsLevel 2 ; ekg:nutsVersion ?version ; ekg:nutsCode ?code .
  FILTER (!STRENDS(?code, "ZZ"))
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
