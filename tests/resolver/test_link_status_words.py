"""Words of a public body's name that give its status, not which body it is: the administrative unit, the capital,
the unit that carries out its projects."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare


@pytest.mark.parametrize(("a", "b", "country"), [
    ("UAT Comuna Ciugud", "Comuna Ciugud", "RO"),  # unitatea administrativ-teritorială: the municipality itself
    ("Unitatea Administrativ Teritorială Județul Cluj", "Județul Cluj", "RO"),
    ("UAT JUDETUL CLUJ", "Consiliul Județean Cluj", "RO"),
    ("Miasto Stołeczne Warszawa", "City of Warsaw", "PL"),  # stołeczne: the capital's
    ("Hlavní město Praha", "City of Prague", "CZ"),
    ("Vidzemes plānošanas reģions", "Vidzeme Planning Region", "LV"),
    # a Romanian body's project implementation unit, or its directorate of externally financed projects, after a
    # slash: the body that carries out the projects
    ("General Inspectorate of Romanian Police", "INSPECTORATUL GENERAL AL POLITIEI ROMANE/UIP", "RO"),
    ("Municipality of Galati", "MUNICIPIUL GALATI/DPFE", "RO"),
])
def test_a_status_word_leaves_the_body_as_it_is(a, b, country):
    assert compare(Record(a, country, None), Record(b, country, None)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("UAT Comuna Ciugud", "UAT Județul Alba", "RO"),
    ("UAT Municipiul Cluj-Napoca", "UAT Județul Cluj", "RO"),  # a city and its county stay two bodies
    ("Miasto Stołeczne Warszawa", "Województwo Mazowieckie", "PL"),
    ("Hlavní město Praha", "Středočeský kraj", "CZ"),
    ("JUDETUL GALATI", "MUNICIPIUL GALATI/DPFE", "RO"),
    ("Ministry of Health", "MINISTERUL EDUCATIEI NATIONALE/UIP", "RO"),
])
def test_status_words_do_not_join_two_bodies(a, b, country):
    assert not compare(Record(a, country, None), Record(b, country, None)).same


def test_a_romanian_commune_and_a_town_of_one_name_are_two_municipalities():
    # the commune Sfântu Gheorghe (Tulcea) and the city Sfântu Gheorghe (Covasna)
    commune, city = Record("UAT COMUNA SFÂNTU GHEORGHE", "RO", None), Record("UAT MUNICIPIUL SFANTU GHEORGHE", "RO", None)
    assert not compare(commune, city).same
    assert compare(commune, Record("Primaria Comunei Sfântu Gheorghe", "RO", None)).same


def test_a_town_of_the_country_is_not_read_as_the_country():
    # Roman is a town of Romania, "Română" the country's adjective in a village's name
    assert not compare(Record("Primaria Ciclova Romana", "RO", "Ciclova Română"), Record("UAT Municipiul Roman", "RO", None)).same


def test_romanian_letters_with_a_comma_or_a_cedilla_are_one_letter():
    assert compare(Record("MUNICIPALITY OF REȘIȚA", "RO", "Resita"), Record("MUNICIPIUL REŞIŢA", "RO", None)).same
