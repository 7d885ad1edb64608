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
    # initials of their own beside shared words, in names all in capitals; a run of single letters is one word
    ("AB ADVANCED INFORMATION TECHNOLOGY SYSTEMS SA", "CD ADVANCED INFORMATION TECHNOLOGY SYSTEMS SA", "EL"),
    ("D & H METAL Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság",
     "IK METÁL Termelő, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság", "HU"),
    # a short word of one's own against a word of the other's: two local action groups
    ("MAS Český les, z. s.", "MAS Český sever, z.s.", "CZ"),
    # two centres of one town, each named by words of its own
    ("Centar za pružanje usluga u zajednici Klasje Osijek", "Centar za pružanje usluga u zajednici Osijek – „JA kao i TI“",
     "HR"),
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


def test_a_word_of_the_tables_is_no_other_name_of_a_town() -> None:
    """GeoNames gives Ózd a district called "Center": the place table leaves out such names."""
    from kg.resolve.places import place_word

    assert place_word("center", "HU") == "center"
    assert compare(Record("National Agricultural Research and Innovation Center", "HU", "Gödöllő"),
                   Record("National Agricultural Research and Innovation Centre", "HU", "Gödöllö")).same


def test_one_common_word_in_two_places_is_for_review() -> None:
    """A name of one word that many organisations' names hold, in two places, is a name bodies of many places bear;
    a rarer one is the body's own wherever its records put it."""
    youth = compare(Record('Association "Youth Municipal Council"', "BG", "Kyustendil"),
                    Record("Youth Non-governmental organization Bolyarovo", "BG", "Bolyarovo"))
    assert not youth.same and youth.review
    assert compare(Record("MAYO COUNTY COUNCIL", "IE", "Mayo"), Record("Mayo County", "IE", "Castlebar")).same
    assert compare(Record("THALES SA", "FR", "COURBEVOIE"), Record("THALES", "FR", "MEUDON")).same
