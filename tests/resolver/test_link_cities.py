"""Records in two places: the town in a name is no word to leave out, and a one-word name no short form."""

from __future__ import annotations

from kg.resolve.link import Record, compare


def test_a_town_in_each_name_is_no_word_to_leave_out_when_the_records_are_in_those_towns():
    a = Record("Technical University of Munich", "DE", "Munich")
    b = Record("Technical University Dresden", "DE", "Dresden")
    assert not compare(a, b).same


def test_two_health_centres_of_two_towns_are_two_bodies():
    a = Record("Zarasai District Municipality Primary Health Care Centre", "LT", "Zarasai")
    b = Record("Public Institution Birstonas primary health care center", "LT", "Birštonas")
    assert not compare(a, b).same


def test_a_one_word_name_in_another_town_is_no_short_form():
    assert not compare(Record("PRESTE", "FR", "Paris"),
                       Record("Commune Prats-de-Mollo-La-Preste", "FR", "PRATS-DE-MOLLO-LA-PRESTE")).same


def test_a_town_written_in_two_languages_is_one_place():
    # München and Munich, Venezia and Venice, "DUBLIN 8" and Dublin: no city penalty, the town's word left out.
    assert compare(Record("Univerza v Ljubljani", "SI", "Ljubljana"), Record("University", "SI", "Ljubljana")).score \
        == compare(Record("Univerza v Ljubljani", "SI", "Ljubljana"), Record("University", "SI", "Ljubljani")).score
    assert compare(Record("Fraunhofer-Gesellschaft", "DE", "München"), Record("Fraunhofer-Gesellschaft", "DE", "Munich")).score == 100
    assert compare(Record("Dublin City Council", "IE", "DUBLIN 8"), Record("Dublin City Council", "IE", "Dublin")).score == 100


def test_two_names_writing_the_same_mark_in_one_place_are_one_body():
    a = Record("Javna ustanova za razvoj Međimurske županije REDEA", "HR", "Čakovec")
    b = Record("Regionalna razvojna agencija Međimurje REDEA d.o.o.", "HR", "Čakovec")
    assert compare(a, b).same


def test_two_parts_writing_the_body_and_a_mark_of_their_own_are_two_bodies():
    a = Record("CNRS - IPCMS Institut de Physique et Chimie des Matériaux", "FR", "Strasbourg")
    b = Record("CNRS - LAAS Laboratoire d'Analyse et d'Architecture des Systèmes", "FR", "Toulouse")
    assert not compare(a, b).same
    assert not compare(Record("CNRS - IPCMS", "FR", "Strasbourg"), Record("CNRS - LAAS", "FR", "Strasbourg")).same


def test_a_mark_in_another_place_joins_nothing():
    a = Record("Javna ustanova za razvoj Međimurske županije REDEA", "HR", "Čakovec")
    b = Record("Regionalna razvojna agencija Međimurje REDEA d.o.o.", "HR", "Split")
    assert not compare(a, b).same


def test_two_names_of_letters_alone_in_two_towns_are_two_bodies():
    """"В и К" (V i K, water and sewerage) is the company of many towns; in one town the name is one body."""
    assert not compare(Record("В и К ООД", "BG", "Шумен"), Record("В И К ООД", "BG", "Враца")).same
    assert compare(Record("В и К ООД", "BG", "Шумен"), Record("В И К ООД", "BG", "Shumen")).same


def test_two_towns_whose_names_read_as_one_with_an_ending_are_two_municipalities():
    # Głogów and Głogówek, Pilica and Pilchowice: municipalities of their own, each in the table of places.
    assert not compare(Record("Gmina Głogów", "PL", None), Record("Gmina Głogówek", "PL", None)).same
    assert not compare(Record("Gmina Pilica", "PL", None), Record("Gmina Pilchowice", "PL", None)).same


def test_a_town_in_two_grammatical_cases_is_still_one_place():
    assert compare(Record("Urząd Miejski Głogów", "PL", None), Record("Urząd Miejski w Głogowie", "PL", None)).same
