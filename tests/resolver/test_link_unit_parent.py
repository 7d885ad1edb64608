"""A faculty named with or without the university it belongs to; a few legal forms and languages of real names."""

from __future__ import annotations

from kg.resolve.link import Record, compare


def test_a_faculty_with_and_without_its_university_is_one_faculty():
    # one OIB in Croatia's list of operations
    assert compare(Record("Filozofski fakultet Sveučilišta u Zagrebu", "HR", None),
                   Record("Filozofski fakultet u Zagrebu", "HR", None)).same


def test_a_faculty_stays_apart_from_its_university_and_from_the_faculty_of_another():
    assert not compare(Record("Sveučilište u Zagrebu", "HR", None),
                       Record("Filozofski fakultet Sveučilišta u Zagrebu", "HR", None)).same
    assert not compare(Record("Filozofski fakultet u Zagrebu", "HR", None),
                       Record("Filozofski fakultet, Sveučilište u Splitu", "HR", None)).same
    assert not compare(Record("Sveučilište u Zagrebu, Filozofski fakultet", "HR", None),
                       Record("Sveučilište u Zagrebu, Pravni fakultet", "HR", None)).same


def test_maltese_function_words_and_english_local_councils():
    assert compare(Record("UNIVERSITA TA MALTA", "MT", None), Record("University of Malta", "MT", None)).same
    assert compare(Record("Kunsill Lokali Ta' Xbiex", "MT", None), Record("Ta' Xbiex Local Council", "MT", None)).same


def test_a_foundation_under_public_law_is_a_legal_form():
    assert compare(Record("GEORG-AUGUST-UNIVERSITAT GOTTINGEN STIFTUNG OFFENTLICHEN RECHTS", "DE", "Göttingen"),
                   Record("Georg-August-University Göttingen", "DE", "Göttingen")).same


def test_an_association_named_in_the_genitive():
    assert compare(Record("HRVATSKA UDRUGA PARAPLEGIČARA I TETRAPLEGIČARA", "HR", None),
                   Record("Hrvatske udruge paraplegičara i tetraplegičara", "HR", None)).same


def test_a_faculty_of_its_own_name_without_the_town_its_university_gives():
    own = Record("Fakultet organizacije i informatike", "HR", None)
    assert compare(own, Record("Sveučilište u Zagrebu, Fakultet organizacije i informatike", "HR", None)).same
    # a faculty name many universities have says nothing without its town
    assert not compare(Record("Filozofski fakultet", "HR", None),
                       Record("Sveučilište u Zagrebu, Filozofski fakultet", "HR", None)).same


def test_an_english_faculty_hospital_is_the_czech_and_slovak_university_hospital_not_a_faculty():
    assert compare(Record("Faculty Hospital Nitra", "SK"), Record("Fakultná nemocnica Nitra", "SK")).same
    assert not compare(Record("Faculty Hospital Nitra", "SK"),
                       Record("Univerzita Konštantína Filozofa v Nitre", "SK")).same
