"""A name of a kind of school and its field only (``Střední uměleckoprůmyslová škola``) is that of many schools: words
added to it name one of them. A name written in capitals and small letters writes its common words in small letters;
they say no body's own name."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, _common_words, compare
from kg.resolve.orgnames import parse


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Střední uměleckoprůmyslová škola", "Střední uměleckoprůmyslová škola sklářská", "CZ"),
    ("Stredná odborná škola – Szakközépiskola",
     "Stredná odborná škola technická Galanta - Műszaki Szakközépiskola Galanta", "SK"),
])
def test_a_generic_school_name_is_not_a_school_with_words_added(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("TEHNIČKA ŠKOLA RUĐERA BOŠKOVIĆA", "Tehnička škola Ruđera Boškovića, Zagreb", "HR"),
    ("STROJARSKA TEHNIČKA ŠKOLA FAUSTA VRANČIĆA", "Strojarska tehnička škola Fausta Vrančića, Zagreb", "HR"),
    ("PRINS LEOPOLD INSTITUUT VOOR TROPISCHE GENEESKUNDE", "Instituut voor Tropische Geneeskunde", "BE"),
])
def test_a_name_of_its_own_written_in_capitals_keeps_words_added(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


def test_common_words_are_those_written_in_small_letters() -> None:
    assert {"art", "industry"} <= _common_words("Střední uměleckoprůmyslová škola", "CZ")  # arts and crafts
    assert not _common_words("Tehnička škola Ruđera Boškovića", "HR") & {"ruđera", "ruera", "boskovica"}
    assert _common_words("STŘEDNÍ UMĚLECKOPRŮMYSLOVÁ ŠKOLA", "CZ") == frozenset()


def test_hungarian_secondary_schools_are_schools() -> None:
    assert parse("Műszaki Szakközépiskola", "HU").kinds == {"school"}
    assert parse("Szakiskola", "HU").kinds == {"school"}
