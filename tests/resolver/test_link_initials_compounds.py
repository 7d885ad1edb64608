"""Acronyms in names written all in capitals, and compounds whose first part is a stem of the word table."""

from __future__ import annotations

import pytest

from kg.resolve.acronyms import initials
from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse


@pytest.mark.parametrize(("a", "b", "country"), [
    # a word of a name all in capitals that is the initials of three words of the other name or more
    ("CHU DE NICE", "CENTRE HOSPITALIER UNIVERSITAIRE DE NICE", "FR"),
    ("CENTRALNY SZPITAL KLINICZNY MSW W WARSZAWIE",
     "CENTRALNY SZPITAL KLINICZNY MINISTERSTWA SPRAW WEWNETRZNYCH I ADMINISTRACJI W WARSZAWIE", "PL"),
    ("NETWORK OF THE INSULAR CCI OF THE EUROPEAN UNION",
     "NETWORK OF THE INSULAR CHAMBER OF COMMERCE AND INDUSTRY OF THE EUROPEAN UNION", "GR"),
    # ... or of all the words it writes beside it
    ("ACTA ASSOCIATION DE COORDINATION TECHNIQUE AGRICOLE - LES INSTITUTS TECHNIQUES AGRICOLES",
     "Association de Coordination Technique Agricole", "FR"),
])
def test_a_word_of_a_name_in_capitals_is_the_initials_of_words_of_the_other(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "city_a", "b", "city_b", "country"), [
    # the initials spell words the name writes beside them and others: another body
    ("CIT INNOVATION CENTRE LIMITED", "Cork", "Cavan Innovation & Technology Centre", "Cavan", "IE"),
])
def test_initials_that_spell_words_written_beside_them_and_others_are_no_acronym(
        a: str, city_a: str, b: str, city_b: str, country: str) -> None:
    assert compare(Record(a, country, city_a), Record(b, country, city_b)).score < 90


def test_initials_are_three_first_letters_or_more_letter_for_letter() -> None:
    words = ("centre", "hospitalier", "universitaire", "de", "nice")
    assert initials("chu", words) == (0, 3)
    assert initials("cu", words) is None  # two letters stand for too many bodies
    assert initials("chun", words) == (0, 5)  # a function word gives none
    assert initials("chn", words) is None  # every content word of the run gives its letter
    assert initials("vas", ("vaci", "szakkepzesi", "centrum")) is None


@pytest.mark.parametrize(("a", "b", "country"), [
    # a German compound of two words of the tables is both of them, not its first part only
    ("Innovations- und Technologietransfer Salzburg GmbH", "Innovation and Technology Transfer Salzburg GmbH", "AT"),
    ("Technologiezentrum Koblenz", "Technology Centre Koblenz", "DE"),
    ("ZENTRUM FUR SOZIALE INNOVATION GMBH", "Centre for Social Innovation", "AT"),
])
def test_a_compound_of_two_words_of_the_tables_is_both_words(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


def test_a_compound_is_not_read_as_its_first_part() -> None:
    assert parse("Technologietransfer GmbH", "AT").core == ("technology", "transfer")
    # the table's stem with an ending that is no word stays one word
    assert parse("Zdravotnických služeb", "CZ").core == ("health", "service")
    assert not compare(Record("Technologietransfer GmbH", "DE"), Record("Technologie GmbH", "DE")).same
    assert not compare(Record("NATURSTYRELSEN", "DK", "Randbøl"), Record("Naturturisme I/S", "DK", "Svendborg")).same
