"""The languages a country's names are written in: Croatian endings for Croatia's names, Spain's regional languages,
and legal forms one short form would confuse across countries."""

from __future__ import annotations

from kg.resolve.endings import endings_by_language
from kg.resolve.link import Record, compare
from kg.resolve.orgnames import country_languages, legal_form_kind, parse


def same(a: str, b: str, country: str, city_a: str | None = None, city_b: str | None = None) -> bool:
    return compare(Record(a, country, city_a), Record(b, country, city_b)).same


def test_croatian_endings_are_those_of_croatias_names():
    # Croatia's names are read in simplemma's Serbo-Croatian (hbs): the table's Croatian row is that language's
    assert "hbs" in country_languages("HR")
    assert "ka" in endings_by_language()["hbs"]
    assert same("Javna ustanova Nacionalni park Plitvička jezera", "Plitvice Lakes National Park", "HR")


def test_spanish_names_are_read_in_the_regional_languages_too():
    assert {"ca", "gl", "eu"} <= country_languages("ES")
    # the Basque "-ko" of a province's name: "Bizkaiko", of Bizkaia
    assert same("Bizkaiko Foru Aldundia", "Provincial Council of Bizkaia", "ES")
    assert not same("Bizkaiko Foru Aldundia", "Provincial Council of Gipuzkoa", "ES")


def test_the_czech_state_enterprise_is_no_slovene_sole_trader():
    czech, slovene = parse("Lesy České republiky, s. p.", "CZ"), parse("Mizarstvo Novak s.p.", "SI")
    assert legal_form_kind(czech.legal_form) == legal_form_kind(parse("Lesy SR, š.p.", "SK").legal_form)
    assert legal_form_kind(czech.legal_form) != legal_form_kind(slovene.legal_form)
    assert same("Lesy České republiky, s. p.", "Forests of the Czech Republic, state enterprise", "CZ")
