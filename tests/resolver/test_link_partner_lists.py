"""How partner lists write a body's name: Keep.eu's "represented by" and glued acronyms, compounds of two words of the
tables, river and sea names, directorates, and a town added to a name in another city."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse


def same(a: str, b: str, country: str, city_a: str | None = None, city_b: str | None = None) -> bool:
    return compare(Record(a, country, city_a), Record(b, country, city_b)).same


def test_a_body_represented_by_another_is_either_name():
    assert same("DOLJ COUNTY represented by DOLJ COUNTY COUNCIL", "Consiliul Judetean Dolj", "RO")
    assert same("DOLJ COUNTY represented by DOLJ COUNTY COUNCIL", "DOLJ COUNTY COUNCIL", "RO")
    assert not same("DOLJ COUNTY represented by DOLJ COUNTY COUNCIL", "OLT COUNTY COUNCIL", "RO")


@pytest.mark.parametrize("name", ["Vidin chamber of commerce and industryVDCCI", "Vidin chamber of commerce and industry VDCCI"])
def test_an_acronym_written_after_the_name_says_nothing_more(name):
    assert parse(name, "BG").core == parse("Vidin chamber of commerce and industry", "BG").core
    assert same(name, "Vidin chamber of commerce and industry", "BG", "Vidin", "Vidin")


def test_a_word_in_capitals_that_the_name_does_not_spell_stays():
    # the letters of "CDV" are not the name's in order from its first: another body's acronym, kept
    assert "cdv" in parse("Vidin chamber of commerce and industry CDV", "BG").core


def test_a_compound_of_two_words_of_the_tables_is_read_as_both_when_names_differ():
    assert same("NEMZETI AGRÁRKUTATÁSI ÉS INNOVÁCIÓS KÖZPONT", "National Agricultural Research and Innovation Centre",
                "HU", "Gödöllő", "Gödöllő")
    # the first reading keeps the compound one word: two research centres of other fields stay two
    assert not same("Ökológiai Kutatóközpont", "Agrártudományi Kutatóközpont", "HU")


def test_the_hungarian_south_is_no_function_word():
    assert parse("Dél-dunántúli Regionális Fejlesztési Ügynökség", "HU").core[0] == "south"
    assert same("Dél-Dunántúli Regionális Innovációs Ügynökség Nonprofit Kft.",
                "South Transdanubian Regional Innovation Agency", "HU", "Pécs", "Pécs")
    assert "del" not in parse("Centro de Investigación del Cáncer", "ES").core


@pytest.mark.parametrize(("native", "english", "country"), [
    ("Duna-Dráva Nemzeti Park Igazgatóság", "Danube-Drava National Park Directorate", "HU"),
    ("WGD Donau Oberösterreich Tourismus GmbH", "WGD Danube Upper Austria Tourism Ltd.", "AT"),
    ("Agence des Villes et Territoires Méditerranéens Durables", "Agency for Sustainable Mediterranean Cities and "
     "Territories", "FR"),
])
def test_rivers_and_seas_are_one_word_across_languages(native, english, country):
    assert same(native, english, country)


def test_a_directorate_is_a_part_of_the_ministry_it_names():
    assert "department" in parse("Дирекция „Координация на програми и проекти“", "BG").kinds
    assert not same("Direktsiya Koordinatsiya na programi i proekti v Ministerstvo na transporta",
                    "Ministerstvo na transporta", "BG")


def test_a_latvian_foundation_is_a_foundation():
    assert same('Foundation "Institute for Environmental Solutions"', 'Nodibinājums "VIDES RISINĀJUMU INSTITŪTS"', "LV")


def test_a_town_added_to_a_name_is_the_records_city_or_another_body():
    cluster = "FONDATSIA KLUSTER INFORMASIONNI I KOMUNIKATSIONNI TEHNOLOGII"
    other = "SDRUZhENIE KLASTER INFORMATsIONNI I KOMUNIKATsIONNI TEHNOLOGII – BLAGOEVGRAD"
    assert not same(cluster, other, "BG", "Sofia", None)
    assert same("SDRUZhENIE KLASTER INFORMATsIONNI I KOMUNIKATsIONNI TEHNOLOGII", other, "BG", "Blagoevgrad", None)


def test_a_body_of_a_town_may_leave_the_town_s_kind_unsaid():
    assert same("City of Dubrovnik Development Agency DURA", "Dubrovačka Razvojna Agencija", "HR", "Dubrovnik",
                "Dubrovnik")
    # a county's kind is no such word: the metropolitan city is not the city
    assert not same("Comune di Bologna", "Città metropolitana di Bologna", "IT", "Bologna", "Bologna")


def test_a_swedish_university_college_is_its_university():
    assert same("SODERTORNS HOGSKOLA", "Södertörn University", "SE", "Huddinge", "Huddinge")
    assert same("MALMOE HOEGSKOLA (MALMOE UNIVERSITY)", "MALMO UNIVERSITET", "SE", "Malmö", "Malmö")
    assert not same("Handelshögskolan vid Göteborgs universitet", "Göteborgs universitet", "SE")


@pytest.mark.parametrize(("a", "b"), [("CITY UNIVERSITY OF LONDON", "UNIVERSITY OF LONDON"),
                                      ("THE UNIVERSITY OF BIRMINGHAM", "BIRMINGHAM CITY UNIVERSITY")])
def test_a_city_university_is_not_the_university_of_the_city(a, b):
    assert not same(a, b, "UK")
