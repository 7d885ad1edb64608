"""One name written otherwise: letters with marks written as two letters, an adjective in a Slavic language and in
English, a possessive head word, a legal form spelt out."""

from __future__ import annotations

import pytest

from kg.resolve.cognates import cognate_score
from kg.resolve.link import Record, compare
from kg.resolve.normalise import normalise, umlauts_plain
from kg.resolve.orgnames import parse


@pytest.mark.parametrize(("a", "b"), [
    ("oesterreich", "Österreich"), ("muenchen", "München"), ("Aarhus", "Århus"), ("KOEBENHAVN", "København"),
])
def test_a_letter_with_marks_written_as_two_letters_is_that_letter(a, b):
    assert umlauts_plain(normalise(a)) == umlauts_plain(normalise(b))


def test_two_words_that_differ_otherwise_stay_two():
    assert umlauts_plain("wien") != umlauts_plain("wein")


@pytest.mark.parametrize(("a", "b", "country"), [
    ("WIRTSCHAFTSKAMMER OESTERREICH", "WIRTSCHAFTSKAMMER ÖSTERREICH", "AT"),
    ("OESTERREICHISCHE FORSCHUNGSFOERDERUNGSGESELLSCHAFT MBH", "Österreichische Forschungsförderungsgesellschaft mbH",
     "AT"),
    ("Uniwersytet Jagielloński", "Jagiellonian University", "PL"),
    ("SOCIOLOGICKY USTAV SLOVENSKEJ AKADEMIE VIED", "Sociologický ústav Slovenskej akadémie vied, v. v. i.", "SK"),
    ("CESIE", "CESIE ENTE DEL TERZO SETTORE", "IT"),
    ("Orion Corporation", "ORION OYJ", "FI"),
])
def test_one_body_written_otherwise_is_one(a, b, country):
    assert compare(Record(a, country, "X"), Record(b, country, "X")).same


def test_a_word_written_without_its_marks_reads_as_the_country():
    assert parse("WIRTSCHAFTSKAMMER OESTERREICH", "AT").core == parse("Wirtschaftskammer Österreich", "AT").core


def test_a_slavic_adjective_and_an_english_one_are_one_word_but_two_stems_stay_two():
    assert cognate_score("jagiellonski", "jagiellonian") == 100.0
    assert cognate_score("pomorski", "mazowiecki") == 0.0


@pytest.mark.parametrize(("possessive", "kind"), [("Egyeteme", "university"), ("Könyvtára", "library")])
def test_a_hungarian_possessive_head_names_its_kind(possessive, kind):
    assert kind in parse(f"Szegedi Tudományegyetem {possessive}", "HU").kinds | parse(possessive, "HU").kinds


@pytest.mark.parametrize(("a", "b"), [
    ("Municipality of Graz", "Gemeinde Gratwein"),  # two municipalities still two
    ("Universität Wien", "Universität Wels"),
])
def test_two_bodies_stay_two(a, b):
    assert not compare(Record(a, "AT"), Record(b, "AT")).same
