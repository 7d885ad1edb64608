"""Tests for kg.reference.countries."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from kg.reference.countries import (
    COUNTRIES,
    EKG,
    countries_graph,
    country_iri,
    get_country,
)
from kg.reference.nuts import nuts_regions

AUTHORITY = "http://publications.europa.eu/resource/authority/country/"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return countries_graph()


def test_groups() -> None:
    groups = Counter(country.group for country in COUNTRIES)
    assert groups["EU"] == 27
    assert groups["EFTA/EEA"] == 4
    assert groups["candidate"] + groups["potential candidate"] == 10


def test_codes_are_unique() -> None:
    for attr in ("iso2", "iso3", "nuts_code"):
        values = [getattr(country, attr) for country in COUNTRIES]
        assert len(values) == len(set(values)), attr


def test_eu_and_uk_codes() -> None:
    assert country_iri("EL") == URIRef(AUTHORITY + "GRC")
    assert country_iri("UK") == URIRef(AUTHORITY + "GBR")
    assert country_iri("gr") == country_iri("EL") == country_iri("grc")
    assert country_iri("gb") == country_iri("UK")
    assert country_iri("XK") == URIRef(AUTHORITY + "XKX")
    assert get_country(" pl ").name_en == "Poland"


@pytest.mark.parametrize("code", ["ZZ", "USA", "", "EU"])
def test_unknown_code_raises_key_error(code: str) -> None:
    with pytest.raises(KeyError, match="unknown country code"):
        country_iri(code)


def test_eu_members_match_nuts_level_0() -> None:
    level0 = {r.code for r in nuts_regions().values() if r.level == 0}
    assert {c.nuts_code for c in COUNTRIES if c.group == "EU"} == level0


def test_every_country_has_an_english_preflabel(graph: Graph) -> None:
    countries = set(graph.subjects(RDF.type, EKG.Country))
    assert len(countries) == len(COUNTRIES)
    for country in countries:
        english = [
            label
            for label in graph.objects(country, SKOS.prefLabel)
            if label.language == "en"
        ]
        assert len(english) == 1, country


def test_poland(graph: Graph) -> None:
    s = country_iri("PL")
    assert (s, RDF.type, EKG.Country) in graph
    assert (s, SKOS.prefLabel, Literal("Poland", lang="en")) in graph
    assert (s, SKOS.prefLabel, Literal("Polska", lang="pl")) in graph
    assert (s, EKG.isoCode, Literal("PL")) in graph
    assert (s, EKG.isoAlpha3, Literal("POL")) in graph
    assert (s, SKOS.notation, Literal("PL")) in graph
    assert (s, EKG.countryGroup, Literal("EU")) in graph
    assert set(graph.objects(s, SKOS.exactMatch)) == {
        URIRef("http://data.europa.eu/nuts/code/PL"),
        URIRef("http://www.wikidata.org/entity/Q36"),
    }


def test_greece_and_uk(graph: Graph) -> None:
    greece = country_iri("GR")
    assert (greece, SKOS.notation, Literal("EL")) in graph
    assert (greece, EKG.isoCode, Literal("GR")) in graph
    assert (greece, SKOS.prefLabel, Literal("Ελλάδα", lang="el")) in graph
    nuts = URIRef("http://data.europa.eu/nuts/code/EL")
    assert (greece, SKOS.exactMatch, nuts) in graph
    uk = country_iri("GB")
    assert (uk, SKOS.notation, Literal("UK")) in graph
    # NUTS 2021/2024 covers the EU-27 only, so no NUTS link for the UK.
    assert not any("nuts" in str(o) for o in graph.objects(uk, SKOS.exactMatch))


def test_turtle_round_trip(graph: Graph) -> None:
    parsed = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert set(parsed) == set(graph)
