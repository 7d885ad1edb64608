"""Companies told apart by what makes their names their own: a brand that begins like a word of the tables, and
initials beside the words two companies share."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse


@pytest.mark.parametrize(("a", "b", "country"), [
    # a brand that begins with a short stem of the word table ("natur*") is no word of the table
    ("NATURALDENT d.o.o. za zubotehničke usluge", "NATURALIS, d.o.o. za proizvodnju, trgovinu i usluge", "HR"),
    # one mark, and letters of their own beside it
    ("AE PLAST Műanyagipari, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság",
     "TS-PLAST Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság", "HU"),
    ("MB-BAU Építőipari, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság",
     '"SZ-L" BAU Építőipari és Kereskedelmi Korlátolt Felelősségű Társaság', "HU"),
    # initials of their own beside shared words, in names all in capitals
    ("AB ADVANCED INFORMATION TECHNOLOGY SYSTEMS SA", "CD ADVANCED INFORMATION TECHNOLOGY SYSTEMS SA", "EL"),
])
def test_two_companies_with_names_of_their_own_are_two(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # a title's letters written apart are the title ("D-r", "DR")
    ('"Prof. D-r Asen Zlatarov" University of Burgas', "PROF DR ASEN ZLATAROV UNIVERSITY", "BG"),
])
def test_letters_written_apart_are_no_letters_of_their_own(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country, "Burgas"), Record(b, country, "Bourgas")).same


def test_a_short_stem_reads_a_word_derived_from_it_not_a_brand() -> None:
    assert parse("Naturalne środowisko", "PL").core[0] == "nature"  # natur|aln|e
    assert parse("NATURALDENT d.o.o.", "HR").core == ("naturaldent",)
    assert parse("Zdravotnických služeb", "CZ").core[0] == "health"  # a stem of more letters: any word it begins
