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


# The class a linked resource must have, by the namespace of its IRI: a Wikidata link on a resource of
# the wrong kind (a region item on an organisation, a city item on a programme) poisons federated joins.
EXPECTED_CLASS = {
    "http://data.europa.eu/nuts/code/": "https://w3id.org/eu-regional-kg/ontology#Region",
    "https://w3id.org/eu-regional-kg/id/statistical-region/": "https://w3id.org/eu-regional-kg/ontology#Region",
    "http://publications.europa.eu/resource/authority/country/": "https://w3id.org/eu-regional-kg/ontology#Country",
    "https://w3id.org/eu-regional-kg/id/place/": "https://w3id.org/eu-regional-kg/ontology#Place",
    "https://w3id.org/eu-regional-kg/id/organisation/": "https://w3id.org/eu-regional-kg/ontology#Organisation",
    "https://w3id.org/eu-regional-kg/id/programme/": "https://w3id.org/eu-regional-kg/ontology#Programme",
    "https://w3id.org/eu-regional-kg/id/fund/": "https://w3id.org/eu-regional-kg/ontology#Fund",
}
TYPES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?s ?class WHERE {
  ?s skos:exactMatch ?o ; a ?class .
  FILTER (STRSTARTS(STR(?o), "http://www.wikidata.org/"))
}"""


def test_each_link_is_on_a_resource_of_the_right_type(store) -> None:
    classes: dict[str, set[str]] = {}
    for row in select(store, TYPES):
        classes.setdefault(row["s"].value, set()).add(row["class"].value)
    assert classes
    wrong = []
    for subject, found in classes.items():
        expected = [cls for prefix, cls in EXPECTED_CLASS.items() if subject.startswith(prefix)]
        if len(expected) != 1 or expected[0] not in found:
            wrong.append((subject, sorted(found)))
    assert wrong == []
