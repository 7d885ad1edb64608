"""Links to Wikidata: well-formed entity IRIs, from resources that exist, one item per resource."""

from __future__ import annotations

import re
from collections import Counter

from kg.store import select

WIKIDATA_ITEM = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")
LINKS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?s ?o ?typed WHERE {
  ?s skos:exactMatch ?o .
  FILTER (STRSTARTS(STR(?o), "http://www.wikidata.org/"))
  BIND (EXISTS { ?s a ?class } AS ?typed)
}"""


def links(store) -> list[tuple[str, str, bool]]:
    return [(row["s"].value, row["o"].value, row["typed"].value == "true") for row in select(store, LINKS)]


def test_links_are_wikidata_entity_iris(store) -> None:
    found = links(store)
    assert len(found) >= 100  # countries plus the curated links
    assert [o for _, o, _ in found if not WIKIDATA_ITEM.match(o)] == []


def test_links_point_from_existing_resources(store) -> None:
    assert [s for s, _, typed in links(store) if not typed] == []


def test_one_item_per_resource_and_one_resource_per_item(store) -> None:
    found = links(store)
    assert [s for s, n in Counter(s for s, _, _ in found).items() if n > 1] == []
    assert [o for o, n in Counter(o for _, o, _ in found).items() if n > 1] == []


def test_known_links(store) -> None:
    found = {s: o for s, o, _ in links(store)}
    assert found["http://data.europa.eu/nuts/code/DE2"] == "http://www.wikidata.org/entity/Q980"
    assert found["https://w3id.org/eu-regional-kg/id/place/turin"] == "http://www.wikidata.org/entity/Q495"
    assert found["http://publications.europa.eu/resource/authority/country/POL"] == "http://www.wikidata.org/entity/Q36"
    # The regions and cities of the five source documents that the editors could link.
    assert found["http://data.europa.eu/nuts/code/PL81"] == "http://www.wikidata.org/entity/Q54155"
    assert found["http://data.europa.eu/nuts/code/PL71"] == "http://www.wikidata.org/entity/Q54158"
    assert found["https://w3id.org/eu-regional-kg/id/place/leeuwarden"] == "http://www.wikidata.org/entity/Q25390"
