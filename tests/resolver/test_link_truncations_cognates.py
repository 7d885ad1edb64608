"""Record linkage reads words cut short without a full stop, and learned words across languages.

The names are those of the development pool (one PIC named differently in CORDIS H2020 and Horizon
Europe) and the labelled training pairs: ``ASSOC CHAMBRES AGRICULT``, ``SOC CONS ARL``, ``J.M.A.`` for
*Jose Maria Arizmendiarrieta*; *Seismological* and *Sismologique*, *Nanotechnology* and *Nanotecnologia*.
Each reading must keep two bodies apart: a truncation says nothing of which body it is (``Univ``, ``TRO``
and ``TROIA``), and two sciences are two words (*physics* and *chemistry*).
"""

from __future__ import annotations

import pytest

from kg.resolve.cognates import cognate_score
from kg.resolve.link import Record, compare
from kg.resolve.normalise import normalise
from kg.resolve.truncations import spelt_out


@pytest.mark.parametrize(("a", "b", "country"), [
    ("ASSOC CHAMBRES AGRICULT ARC ATLANTIQUE", "ASSOCIATION DES CHAMBRES D'AGRICULTURE DE L'ARC ATLANTIQUE", "FR"),
    ("Sinergie Società Consortile a Responsabilità Limitata", "SINERGIE SOC CONS ARL", "IT"),
    ("MONDRAGON GOI ESKOLA POLITEKNIKOA J.M.A. S.COOP.",
     "MONDRAGON GOI ESKOLA POLITEKNIKOA JOSE MARIA ARIZMENDIARRIETA S COOP", "ES"),
    ("ASSOCIATION 2 INVESTING INITIATIVE", "ASSO 2 INVESTING INITIATIVE", "FR"),
])
def test_words_cut_short_are_the_words_written_whole(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("TRO D.O.O.", "TROIA D.O.O.", "SI"),  # a word cut short is no identity: the rest is a legal form
    ("COMPANIA DE APA OLTENIA SA", "COMPANIA DE APĂ OLT SA", "RO"),  # the rest is common words: a water company
    ("UNIV RENNES", "UNIVERSITE DE BRETAGNE OCCIDENTALE", "FR"),
    ("ARC ATLANTIQUE", "ARCHIVES ATLANTIQUE", "FR"),  # "arc" is a French word, not "archives" cut short
    # "U" is "und", not "Umwelt": the ministry of the regions is not the ministry of the environment
    ("BUNDESMINISTERIUM FUER LAND-UND FORSTWIRTSCHAFT UMWELT UND WASSERWIRTSCHAFT",
     "BUNDESMINISTERIUM F LAND- U FORSTWIRTSCHAFT, REGIONEN U WASSERWIRTSCHAFT", "AT"),
])
def test_a_word_cut_short_does_not_make_two_bodies_one(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_letters_alone_are_function_words_or_initials() -> None:
    words, read, targets = spelt_out(("f", "land", "u", "forst"), ("fuer", "land", "umwelt", "und", "forst"), "AT")
    assert words == ("fuer", "land", "und", "forst") and targets == (0, 3)
    assert spelt_out(("j", "m", "a"), ("jose", "maria", "arizmendiarrieta"))[0] == ("jose", "maria", "arizmendiarrieta")
    assert spelt_out(("d", "o", "o"), ("d", "o", "o")) is None


@pytest.mark.parametrize(("a", "b", "country"), [
    ("LABORATORIO IBERICO INTERNACIONAL DE NANOTECNOLOGIA", "INTERNATIONAL IBERIAN NANOTECHNOLOGY LABORATORY", "PT"),
    ("INSTITUT VON KARMAN DE DYNAMIQUE DES FLUIDES", "VON KARMAN INSTITUTE FOR FLUID DYNAMICS", "BE"),
    ("NATIONAL INSTITUTE OF BIOSTRUCTURES AND BIOSYSTEMS", "ISTITUTO NAZIONALE DI BIOSTRUTTURE E BIOSISTEMI", "IT"),
    ("ORGANISATION METEOROLOGIQUE MONDIALE", "WORLD METEOROLOGICAL ORGANIZATION", "CH"),
    ("EUROPEAN ORGANIZATION FOR NUCLEAR RESEARCH", "ORGANISATION EUROPEENNE POUR LA RECHERCHE NUCLEAIRE", "CH"),
    ("Institute for Democracy and Mediation", "Institut za demokratija i medijacija", "MK"),  # -cy, -tija
    ("Centre for Social Innovation", "Socialinių inovacijų centras", "LT"),  # a Lithuanian genitive plural
])
def test_learned_words_are_one_word_in_their_languages(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Institut de Physique", "Institute of Physiology", "FR"),
    ("Instituto de Fisica", "Instituto de Fisiologia", "ES"),
    ("Institute of Electronics", "Institute of Electrical Engineering", "SK"),
    ("Centre for Economic Research", "Centre for Ecological Research", "HU"),
    ("Institute of Geography", "Institute of Geology", "CZ"),
    ("Institute of Informatics", "Institute of Information Technology", "SK"),
    ("Institut de Mathematiques", "Institut de Mecanique", "FR"),
    ("Institute for Democracy", "Institute for Demography", "MK"),
])
def test_two_sciences_of_one_city_stay_apart(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country, "Bratislava"), Record(b, country, "Bratislava")).same


def test_stems_of_two_words_are_two() -> None:
    assert cognate_score("seismological", "sismologique") >= 90
    assert cognate_score("informatics", "information") == cognate_score("genetics", "genomics") == 0.0
    assert cognate_score("banca", "banco") == 0.0  # a bare inflection makes no learned word


@pytest.mark.parametrize(("a", "b", "country"), [
    ("АВТО ЛУКС ЕООД", "АВТОБОРСА ЛУКС ЕООД", "BG"),  # avto and borsa, a car market: no truncation of it
])
def test_a_word_that_begins_a_compound_of_it_and_another_word_is_no_truncation(a: str, b: str, country: str) -> None:
    words, others = (tuple(normalise(x).split()[:-1]) for x in (a, b))
    assert spelt_out(words, others, country) is None
    assert spelt_out(words, others, country, dictionaries=False) is not None  # the dictionaries tell the compound
    assert not compare(Record(a, country), Record(b, country)).same
