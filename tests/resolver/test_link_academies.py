"""Institutes of a national academy of sciences, named with the academy in their language or in English."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.resolve.academies import ACADEMIES, academy_forms, without_academy
from kg.resolve.link import Record, compare
from kg.resolve.normalise import normalise


def test_every_row_of_the_table_is_read_as_its_country_academy():
    forms = academy_forms()
    for line in ACADEMIES.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or line.startswith("country\t"):
            continue
        country, form = line.split("\t")
        assert forms[country].fullmatch(normalise(form)), line


def test_a_table_without_its_header_is_refused(tmp_path):
    path = tmp_path / "academies.tsv"
    path.write_text("CZ\tAV ČR\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        academy_forms.__wrapped__(path)


@pytest.mark.parametrize(("a", "b", "country"), [
    ("J. Heyrovský Institute of Physical Chemistry of the CAS", "USTAV FYZIKALNI CHEMIE J. HEYROVSKEHO AV CR, v. v. i.",
     "CZ"),
    ("NUCLEAR PHYSICS INSTITUTE OF THE ASCR VVI", "USTAV JADERNE FYZIKY AV CR", "CZ"),
    ("Instytut Fizyki Polskiej Akademii Nauk", "Institute of Physics of the Polish Academy of Sciences", "PL"),
    ("Ústav experimentálnej fyziky SAV", "Institute of Experimental Physics, Slovak Academy of Sciences", "SK"),
])
def test_one_institute_named_with_its_academy_in_two_languages(a, b, country):
    assert compare(Record(a, country, None), Record(b, country, None)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Instytut Fizyki PAN", "Instytut Chemii Fizycznej PAN", "PL"),  # physics and physical chemistry
    ("Ústav anorganické chemie AV ČR", "Ústav organické chemie a biochemie AV ČR", "CZ"),
    ("Fyzikální ústav AV ČR", "Akademie věd České republiky", "CZ"),  # an institute and its academy
])
def test_two_institutes_or_an_institute_and_its_academy_stay_apart(a, b, country):
    assert not compare(Record(a, country, None), Record(b, country, None)).same


def test_a_name_without_the_academy_is_not_read():
    assert without_academy("Ústav fyzikální chemie", "CZ") is None
    assert without_academy("Ústav fyzikální chemie AV ČR", "DE") is None


def test_an_institute_of_its_own_name_with_and_without_its_academy():
    assert compare(Record("MAGYAR TUDOMANYOS AKADEMIA SZAMITASTECHNIKAI ES AUTOMATIZALASI KUTATOINTEZET", "HU", None),
                   Record("SZAMITASTECHNIKAI ES AUTOMATIZALASI KUTATOINTEZET", "HU", None)).same


def test_a_name_many_bodies_have_is_no_academy_institute_without_the_academy():
    assert not compare(Record("Institute of Physics", "CZ", None),
                       Record("Institute of Physics of the Czech Academy of Sciences", "CZ", None)).same
    assert not compare(Record("Instytut Fizyki", "PL", None), Record("Instytut Fizyki PAN", "PL", None)).same


def test_an_institute_of_the_hungarian_academy_taken_over_by_its_research_network():
    academy = Record("MAGYAR TUDOMANYOS AKADEMIA CSILLAGASZATI ES FOLDTUDOMANYI KUTATOKOZPONT", "HU", "Budapest")
    assert compare(academy, Record("HUN-REN CSILLAGASZATI ES FOLDTUDOMANYI KUTATOKOZPONT", "HU", "Budapest")).same
    assert not compare(academy, Record("HUN-REN TERMESZETTUDOMANYI KUTATOKOZPONT", "HU", "Budapest")).same


def test_an_academy_institute_of_its_own_name_in_two_of_its_sites():
    # one PIC in CORDIS: the centre's seat in Budapest, a site in Sopron
    assert compare(Record("MAGYAR TUDOMANYOS AKADEMIA CSILLAGASZATI ES FOLDTUDOMANYI KUTATOKOZPONT", "HU", "Sopron"),
                   Record("HUN-REN CSILLAGASZATI ES FOLDTUDOMANYI KUTATOKOZPONT", "HU", "Budapest")).same
    assert not compare(Record("Instytut Fizyki Jądrowej PAN", "PL", "Kraków"),
                       Record("Instytut Fizyki PAN", "PL", "Warszawa")).same


def test_two_institutes_of_one_academy_are_compared_without_it():
    """The academy's words say nothing of which of its institutes a name is."""
    assert not compare(Record("Institute of Physics, Academy of Sciences of the Czech Republic", "CZ", "Prague"),
                       Record("Nuclear Physics Institute of the Czech Academy of Sciences", "CZ")).same
    assert compare(Record("NUCLEAR PHYSICS INSTITUTE OF THE ASCR VVI", "CZ"),
                   Record("USTAV JADERNE FYZIKY AV CR", "CZ")).same
