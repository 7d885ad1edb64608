"""Names of national and public bodies: words of the country, kinds of body, numbers of their own (kg.resolve.link)."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import country_word, parse


@pytest.mark.parametrize(("word", "country", "expected"), [
    ("hrvatske", "HR", "croatia"), ("croatian", "HR", "croatia"), ("latvijas", "LV", "latvia"),
    ("magyar", "HU", "hungary"), ("deutsches", "DE", "germany"),
    ("slovenska", "SK", "slovakia"), ("slovenska", "SI", "slovenia"),  # one word, two countries: the record's
    ("slovenska", "PL", "slovenska"), ("zagreb", "HR", "zagreb"), ("hrvatske", None, "hrvatske"),
])
def test_a_country_word_is_read_within_the_records_country(word: str, country: str | None, expected: str) -> None:
    assert country_word(word, country) == expected


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Latvijas Universitāte", "University of Latvia", "LV"),
    ("Hrvatska gospodarska komora", "Croatian Chamber of Economy", "HR"),
    ("Politecnico di Milano", "Polytechnic University of Milan", "IT"),  # a polytechnic: a university of technology
    ("Universidad Politécnica de Madrid", "Technical University of Madrid", "ES"),
    ("Szegedi Tudományegyetem", "University of Szeged", "HU"),
    ("Università degli Studi di Padova", "University of Padua", "IT"),
    ("Masarykova univerzita", "Masaryk University", "CZ"),  # a possessive adjective of a person's name
])
def test_translated_names_of_one_body_are_the_same(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Politechnika Warszawska", "Uniwersytet Warszawski", "PL"),  # the university of technology is not the university
    ("Latvijas Universitāte", "Latvijas Lauksaimniecības universitāte", "LV"),
    ("Deutsche Bahn AG", "Deutscher Wetterdienst", "DE"),
])
def test_bodies_named_after_one_country_or_town_stay_apart(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_the_country_word_is_no_block_key_beside_other_words() -> None:
    from kg.resolve.blocking import block_keys

    assert ("DE", "germany") not in block_keys(Record("Deutsche Bahn AG", "DE"))
    assert ("LV", "latvia") in block_keys(Record("Latvijas Universitāte", "LV"))
    assert parse("Latvijas Universitāte", "LV").core == parse("University of Latvia", "LV").core


@pytest.mark.parametrize(("a", "b", "country", "same"), [
    ("Stockholms läns landsting", "Region Stockholm", "SE", True),  # a county council became a region in 2019
    ("Universitätsmedizin Rostock", "Universität Rostock", "DE", False),  # the university's hospital
    ("Agenția Spațială Română", "Romanian Space Agency", "RO", True),
])
def test_kinds_and_words_of_public_bodies(a: str, b: str, country: str, same: bool) -> None:
    assert compare(Record(a, country), Record(b, country)).same is same


def test_a_number_of_its_own_on_one_side_is_held_for_review() -> None:
    numbered = compare(Record("LHYFE", "FR", "Nantes"), Record("LHYFE PRODUCTION 1", "FR", "Nantes"))
    assert not numbered.same and numbered.review
    assert compare(Record("XERYON2", "BE"), Record("Xeryon", "BE")).same  # a digit written onto the word


def test_an_acronym_that_spells_the_legal_form_too_says_nothing_more() -> None:
    with_acronym = "STICHTING WETENSCHAPPELIJK ONDERZOEK VERKEERSVEILIGHEID SWOV"
    assert parse(with_acronym, "NL").core == parse("Stichting Wetenschappelijk Onderzoek Verkeersveiligheid", "NL").core


def test_a_country_stem_reads_only_with_an_ending() -> None:
    assert country_word("magyarorszagi", "HU") == country_word("magyar", "HU") == "hungary"
    assert country_word("magyargec", "HU") == "magyargec"  # a village, not "Hungarian"
    assert not compare(Record("Magyargéc Község Önkormányzata", "HU"), Record("Magyarszék Községi Önkormányzat", "HU")).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("FINCANTIERI SPA", "FINCANTIERI SI SPA", "IT"),  # a word more is no word written apart
    ("M.I.T. Consulting, s.r.o.", "PM consulting s.r.o.", "CZ"),  # the other words joined are other words
])
def test_the_joined_reading_is_for_words_written_apart_only(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_words_written_apart_still_read_as_one() -> None:
    assert compare(Record("Regional Management Burgenland", "AT"), Record("Regionalmanagement Burgenland", "AT")).same


def test_a_school_named_after_its_town_is_not_the_municipality() -> None:
    assert not compare(Record("OBČINA ŠKOFJA LOKA", "SI"), Record("OŠ ŠKOFJA LOKA-MESTO", "SI")).same  # OŠ: osnovna šola


@pytest.mark.parametrize(("a", "b"), [
    ("Sofia Energy Agency Association", "Association of Bulgarian Energy Agencies"),  # the city's, the country's
    ("Sofia Chamber of Commerce", "Bulgarian Chamber of Commerce"),
])
def test_a_body_of_the_city_and_one_of_the_country_stay_apart(a: str, b: str) -> None:
    assert not compare(Record(a, "BG", "Sofia"), Record(b, "BG", "Sofia")).same


def test_a_city_named_on_one_side_only_is_still_left_out() -> None:
    assert compare(Record("Sofia Energy Agency", "BG", "Sofia"), Record("Energy Agency", "BG", "Sofia")).score > 60
