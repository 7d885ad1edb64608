"""Pairs a fresh `eukg build --datasets all` linked wrongly (real names of its datasets), now told apart."""

from __future__ import annotations

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse


def test_two_stacked_legal_forms_are_both_taken_out():
    # Polish limited partnerships whose partner is a limited company: "sp. z o.o. sp. k."
    assert parse("DRAGON POLAND SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL").core \
        == ("dragon", "poland")
    assert not compare(Record("DRAGON POLAND SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL"),
                       Record("WKG SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL")).same
    assert compare(Record("CHROMA SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL"),
                   Record("Chroma sp. z o.o. sp. k.", "PL")).same


def test_a_municipality_named_by_a_towns_adjective_is_not_the_towns():
    assert not compare(Record("ОБЩИНА ГРАД ДОБРИЧ", "BG"), Record("Dobrichka Municipality Administration", "BG")).same
    assert compare(Record("Община Добричка", "BG"), Record("Dobrichka Municipality", "BG")).same
    # Other bodies named by the adjective are the town's.
    assert compare(Record("Uniwersytet Warszawski", "PL"), Record("University of Warsaw", "PL")).same


def test_a_word_with_a_prefix_is_another_word():
    a = Record("INSTITUTE OF ORGANIC CHEMISTRY - POLISH ACADEMY OF SCIENCES", "PL", "Warszawa")
    b = Record("Institute of Bioorganic Chemistry Polish Academy of Sciences", "PL")
    assert not compare(a, b).same


def test_where_a_company_is_stays_after_its_legal_form():
    a = Record("PRZEDSIĘBIORSTWO WODOCIĄGÓW I KANALIZACJI SP. Z O.O. W JAROCINIE", "PL")
    assert not compare(a, Record("PRZEDSIĘBIORSTWO WODOCIĄGÓW I KANALIZACJI W BRZEGU SP. Z O.O.", "PL")).same
    assert compare(a, Record("PRZEDSIĘBIORSTWO WODOCIĄGÓW I KANALIZACJI W JAROCINIE SP. Z O.O.", "PL")).same
    # The activity after a Croatian legal form still goes: "PAG 91 d.o.o. za proizvodnju i trgovinu" is "PAG 91".
    assert parse("PAG 91 d.o.o. za proizvodnju i trgovinu", "HR").core == ("pag", "91")


def test_a_mark_of_a_kind_of_body_joins_nothing():
    assert not compare(Record("MAS Krušné hory, o.p.s.", "CZ"), Record("MAS Achát z.s.", "CZ")).same


def test_a_company_is_no_territorial_authority():
    assert not compare(Record("RAGUSA društvo s ograničenom odgovornošću za trgovinu i poslovne usluge", "HR"),
                       Record("City of Dubrovnik", "HR")).same  # Ragusa: Dubrovnik's Italian name
    assert not compare(Record("Brodska posavina d.d.", "HR"), Record("Brod-posavina County", "HR")).same
    assert not compare(Record('Ogres novada pašvaldības sabiedrība ar ierobežotu atbildību "MS siltums"', "LV"),
                       Record("Ogres novada pašvaldība", "LV")).same


def test_a_head_word_is_no_compound_of_a_head():
    # "nagyközség" (a large village) is a head word, not a village's name: Csökmő and Csömör are two villages.
    assert parse("CSÖKMŐ NAGYKÖZSÉG ÖNKORMÁNYZATA", "HU").core == ("csokmo",)
    assert not compare(Record("CSÖKMŐ NAGYKÖZSÉG ÖNKORMÁNYZATA", "HU"),
                       Record("CSÖMÖR NAGYKÖZSÉG ÖNKORMÁNYZATA", "HU")).same


def test_a_rural_municipality_and_the_town_of_its_name_are_for_review():
    for rural, town, country in (("Gmina Grudziądz", "GMINA - MIASTO GRUDZIĄDZ", "PL"),
                                 ("DAUGAVPILS NOVADA DOME", "Daugavpils City Council", "LV"),
                                 ("Tartu vald", "Tartu linn", "EE"), ("Tartu Vallavalitsus", "Tartu City Government", "EE")):
        match = compare(Record(rural, country), Record(town, country))
        assert not match.same and match.review
    assert compare(Record("GMINA MIEJSKA BOLESŁAWIEC", "PL"), Record("Municipality of Boleslawiec", "PL")).same
    assert compare(Record("Saue vald", "EE"), Record("Saue Rural Municipality", "EE")).same
    assert compare(Record("Marktgemeinde Gleisdorf", "AT"), Record("Market Town of Gleisdorf", "AT")).same


def test_a_shared_mark_with_a_word_on_each_side_that_the_other_lacks_joins_nothing():
    # Names written partly in capitals read their capitalised words as marks; "SINTEF" and "Trilobite" stay
    # two offices or bodies when each name adds a place of its own.
    assert not compare(Record("TRILOBITE AS Hadsel", "NO", "Horten"), Record("TRILOBITE AS Tønsberg", "NO", "Horten")).same
    assert not compare(Record("INSA de Strasbourg Kinn", "FR", "Strasbourg"),
                       Record("INSA de Strasbourg Lesja", "FR", "Strasbourg")).same


def test_a_bare_town_is_no_region_or_county_named_after_it():
    assert not compare(Record("Województwo Lubelskie", "PL"), Record("Lublin", "PL")).same
    assert not compare(Record("Bielsk County", "PL"), Record("Bielsko Biala", "PL")).same
    assert compare(Record("Zagrebačka županija", "HR"), Record("Zagreb County", "HR")).same
    assert compare(Record("Община Петрич", "BG"), Record("Petrich", "BG")).same
