"""Record linkage of a name and the same name with words added: several rare words both hold name one body.

``Prins Leopold Instituut voor Tropische Geneeskunde`` is ``Instituut voor Tropische Geneeskunde``; but a group's
companies share one or two words (``Avinor AS``, ``Avinor Flysikring AS``), a body and its institute share the
body's name (the words added name the institute), and two records in two towns are two bodies.
"""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare


@pytest.mark.parametrize(("a", "b", "country", "city"), [
    ("PRINS LEOPOLD INSTITUUT VOOR TROPISCHE GENEESKUNDE", "INSTITUUT VOOR TROPISCHE GENEESKUNDE", "BE", "Antwerpen"),
    ("ISTITUTO PER LO STUDIO E LA PREVENZIONE ONCOLOGICA",
     "ISTITUTO PER LO STUDIO E LA PREVENZIONE E LA RETE ONCOLOGICA", "IT", "Firenze"),
    ("UNIWERSYTET PEDAGOGICZNY IM KOMISJI EDUKACJI NARODOWEJ W KRAKOWIE",
     "UNIWERSYTET KOMISJI EDUKACJI NARODOWEJ W KRAKOWIE", "PL", "Krakow"),
    ("IOS, INSTITUT ZA OKOLJEVARSTVO IN SENZORJE, DOO",
     "IOS, INSTITUT ZA OKOLJEVARSTVO IN SENZORJE, PROIZVODNJA, TRGOVINA IN STORITVE DOO", "SI", "Maribor"),
    # a foundation says how the body is constituted, as a legal form does
    ("FONDAZIONE ISTITUTO PER LO STUDIO E LA PREVENZIONE ONCOLOGICA",
     "ISTITUTO PER LO STUDIO E LA PREVENZIONE E LA RETE ONCOLOGICA", "IT", "Firenze"),
])
def test_a_name_with_words_added_is_one_body(a: str, b: str, country: str, city: str) -> None:
    assert compare(Record(a, country, city), Record(b, country, city)).same


@pytest.mark.parametrize(("a", "b", "country", "city_a", "city_b"), [
    ("AVINOR AS", "AVINOR FLYSIKRING AS", "NO", "Oslo", "Oslo"),  # a group's company: one word in common
    ("SPINVERSE OY", "SPINVERSE INNOVATION MANAGEMENT OY", "FI", "Espoo", "Espoo"),  # too little to tell
    # the words added name an institute of the body
    ("ISTITUTO PER LO STUDIO E LA PREVENZIONE ONCOLOGICA",
     "ISTITUTO PER LO STUDIO E LA PREVENZIONE ONCOLOGICA LABORATORIO DI GENETICA", "IT", "Firenze", "Firenze"),
    # another kind of body
    ("ISTITUTO PER LO STUDIO E LA PREVENZIONE ONCOLOGICA",
     "UNIVERSITA PER LO STUDIO E LA PREVENZIONE E LA RETE ONCOLOGICA", "IT", "Firenze", "Firenze"),
    # two towns
    ("PRINS LEOPOLD INSTITUUT VOOR TROPISCHE GENEESKUNDE", "INSTITUUT VOOR TROPISCHE GENEESKUNDE", "BE", "Antwerpen",
     "Gent"),
    # a number on one side: another body of a series
    ("ISTITUTO PER LO STUDIO E LA PREVENZIONE ONCOLOGICA",
     "ISTITUTO PER LO STUDIO E LA PREVENZIONE ONCOLOGICA 2", "IT", "Firenze", "Firenze"),
])
def test_words_added_that_may_name_another_body_do_not_link(a: str, b: str, country: str, city_a: str,
                                                            city_b: str) -> None:
    assert not compare(Record(a, country, city_a), Record(b, country, city_b)).same


@pytest.mark.parametrize(("a", "b", "country", "region"), [
    ("Metalflex d.o.o. Tolmin", "METALFLEX d.o.o.", "SI", "Goriška"),
    ("Kovis d.o.o. Brežice", "KOVIS d.o.o.", "SI", "Posavska"),
])
def test_a_town_after_a_companys_legal_form_is_where_it_is(a: str, b: str, country: str, region: str) -> None:
    assert compare(Record(a, country, region), Record(b, country, region)).same


@pytest.mark.parametrize(("a", "b", "country", "region_a", "region_b"), [
    ("KOMUNALA D.O.O. SEVNICA", "Komunala d.o.o.", "SI", "Posavska", "Posavska"),  # a common word: many towns' own
    ("Kovis d.o.o. Brežice", "KOVIS d.o.o.", "SI", "Posavska", "Osrednjeslovenska"),  # two places
    ("Kovis d.o.o. Brežice", "KOVIS d.o.o. Ljubljana", "SI", "Posavska", "Posavska"),  # two towns
])
def test_a_town_after_a_legal_form_still_tells_companies_apart(a: str, b: str, country: str, region_a: str,
                                                               region_b: str) -> None:
    assert not compare(Record(a, country, region_a), Record(b, country, region_b)).same


@pytest.mark.parametrize(("a", "b", "country", "city_a", "city_b", "review"), [
    ("SPINVERSE OY", "SPINVERSE INNOVATION MANAGEMENT OY", "FI", "Espoo", "Espoo", True),  # renamed, or a subsidiary
    ("AVINOR AS", "AVINOR FLYSIKRING AS", "NO", "Oslo", "Oslo", True),
    ("AVINOR AS", "AVINOR FLYSIKRING AS", "NO", "Oslo", "Bodø", False),  # two places
    ("OSLO AS", "OSLO FLYSIKRING AS", "NO", "Oslo", "Oslo", False),  # a town names no body
])
def test_a_rare_first_word_with_words_added_goes_to_review(a: str, b: str, country: str, city_a: str, city_b: str,
                                                           review: bool) -> None:
    match = compare(Record(a, country, city_a), Record(b, country, city_b))
    assert not match.same
    assert match.review == review


@pytest.mark.parametrize(("a", "b", "country"), [
    # a name of common words is that of many bodies: the words added name one of them
    ('PRZEDSIĘBIORSTWO GOSPODARKI KOMUNALNEJ "SANIKOM" SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ',
     "PRZEDSIĘBIORSTWO GOSPODARKI KOMUNALNEJ SP. Z O. O.", "PL"),
    ("ELBLĄSKIE PRZEDSIĘBIORSTWO WODOCIĄGÓW I KANALIZACJI SP. Z O.O.",
     "PRZEDSIĘBIORSTWO WODOCIĄGÓW I KANALIZACJI SP. Z O.O.", "PL"),
    ('Udruga osoba s intelektualnim teškoćama "Jaglac"', "Udruga osoba s intelektualnim teškoćama", "HR"),
])
def test_words_added_to_a_name_of_common_words_name_another_body(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_a_long_name_reworded_in_common_words_is_one_body():
    """Each says a word the other does not, all common words of the language: one name reworded."""
    assert compare(Record("EUROPEAN DYNAMICS ADVANCED SYSTEMS OF TELECOMMUNICATIONS INFORMATICS AND TELEMATICS SA",
                          "GR"),
                   Record("EUROPEAN DYNAMICS ADVANCED INFORMATION TECHNOLOGY AND TELECOMMUNICATION SYSTEMS SA",
                          "GR")).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Hrvatski Crveni križ, Općinsko društvo Crvenog križa Darda", "Hrvatski Crveni križ, Općinsko društvo "
     "Crvenog križa Dvor", "HR"),  # two towns' societies
    ("Učilište LINK ustanova za obrazovanje odraslih", "Učilište MODUS - ustanova za obrazovanje odraslih", "HR"),
    ("Valsts sociālās aprūpes centrs „Kurzeme”", 'VALSTS SOCIĀLĀS APRŪPES CENTRS "ZEMGALE"', "LV"),
    ("Baibas Bērziņas ģimenes ārsta prakse", "Gaidas Bērziņas ģimenes ārsta prakse", "LV"),  # two doctors
])
def test_long_names_that_differ_by_a_place_or_a_name_stay_two(a, b, country):
    assert not compare(Record(a, country), Record(b, country)).same
