"""Record linkage reads words, not letters: misspelt table words, translated common words, swapped letters.

Names of the kinds the labelled sample has (Keep.eu, Kohesio), written as sources write them: a word
misspelt by a slip (``Accociation``, ``Governement``, ``Koprivncia``), the name in two languages
(``Zavod Republike Slovenije za varstvo narave``), a head phrase written in part (``Megyei Jogú
Önkormányzata``). Each rule must keep two bodies apart: another word that is a word of its own
(``Production``), two towns, a county and its city.
"""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse, respelt


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Accociation of Polish Communes of Euroregion Baltic", "Association of Polish Communes of Euroregion Baltic",
     "PL"),
    ("REGIONAL GOVERNEMENT OF LOMBARDY", "Regional Government of Lombardia", "IT"),
    ("E-Institute", "E-institute, insitute for comprehensive development solutions", "SI"),
    ("City of Koprivncia", "Koprivnica", "HR"),
    ("Institute of the Republic of Slovenia for Nature Conservation", "Zavod Republike Slovenije za varstvo narave",
     "SI"),
    ("Central European Initiative – Executive Secretariat", "Iniziativa Centro Europea - Segretariato Esecutivo",
     "IT"),
    ("AFIL – ASSOCIATION INTELLIGENT FACTORY LOMBARDY", "AFIL – ASSOCIAZIONE FABBRICA INTELLIGENTE LOMBARDIA", "IT"),
    ("Székesfehérvár Megyei Jogú Város Önkormányzata", "Székesfehérvár Megyei Jogú Önkormányzata", "HU"),
    ("Uniwersytet Warszawski", "University of Warsaw", "PL"),
    ("Sveučilište J.J. Strossmayera u Osijeku", "Sveučilište Josipa Jurja Strossmayera u Osijeku", "HR"),
    ("Municipality of Sveti Andraž in Slov. gorice", "Municipality of Sveti Andraž v Slovenskih goricah", "SI"),
    ("Board of Education for ViennaEuropean Office", "Vienna Board of Education, European Office", "AT"),
    ("Powiatowy Urząd Pracy w Świdnicy", "County Labour Office in Świdnica", "PL"),
    ("Centrum Kultury w Lublinie", "Culture Centre in Lublin", "PL"),
    ("SOFIISKI UNIVERSITET SVETI KLIMENT OHRIDSKI", "SOFIA UNIVERSITY ST KLIMENT OHRIDSKI", "BG"),
    ("Ospedale San Raffaele", "San Raffaele Hospital", "IT"),
    ("Pravni fakultet Sveučilišta u Zagrebu", "Faculty of Law, University of Zagreb", "HR"),
    ("Wydział Prawa i Administracji Uniwersytetu Warszawskiego", "Faculty of Law and Administration, University of "
     "Warsaw", "PL"),
    ("Law and Internet Foundation", "PRAVO I INTERNET FOUNDATION", "BG"),
])
def test_misspelt_and_translated_names_are_one_body(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Production Centre Kranj", "Protection Centre Kranj", "SI"),  # "production" is a word, not "protection" misspelt
    ("Fejér Megyei Önkormányzat", "Székesfehérvár Megyei Jogú Város Önkormányzata", "HU"),  # the county, its city
    ("Zavod za varstvo kulturne dediščine Slovenije", "Zavod Republike Slovenije za varstvo narave", "SI"),
    ("Grad Zagreb", "Zagrebačka županija", "HR"),  # the adjective is the city, the kinds still differ
    ("Uniwersytet Medyczny w Łodzi", "Uniwersytet Łódzki", "PL"),
    ("Osnovna škola A. Šenoe", "Osnovna škola Augusta Cesarca", "HR"),  # an initial reads only its own word
    ("E-Institute", "Energy Institute", "SI"),  # "E-" is no abbreviation
    ("Centrum Kultury w Lublinie", "Centrum Edukacji w Lublinie", "PL"),
])
def test_other_bodies_stay_apart(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_a_slip_keeps_the_first_and_last_letters() -> None:
    assert respelt("governement") == "government"
    assert respelt("zentrum") == "zentrum"  # German, not "centrum" misspelt
    assert respelt("akademii") == "akademii"  # another ending of "akademia"
    assert respelt("gradiska", "BA") == "gradiska"  # a town, not "gradska" misspelt


def test_a_common_word_reads_the_same_in_its_languages() -> None:
    slovene = parse("Zavod Republike Slovenije za varstvo narave", "SI")
    english = parse("Institute of the Republic of Slovenia for Nature Conservation", "SI")
    assert slovene.core[0] == english.core[0] == "institute"
    assert slovene.core[-2:] == ("conservation", "nature") and english.core[-2:] == ("nature", "conservation")
    assert parse("Kulturlandschaft", "DE").core == ("kulturlandschaft",)  # a stem does not swallow a German compound
    # ... but a compound that ends in a head word is its kind, its first part read through the tables
    assert (parse("Kulturstiftung", "DE").core, parse("Kulturstiftung", "DE").kinds) == (("culture",), {"foundation"})


def test_a_place_adjective_is_its_town() -> None:
    assert parse("Uniwersytet Warszawski", "PL").core == parse("University of Warsaw", "PL").core == ("warsaw",)
    assert parse("Dubrovačka razvojna agencija", "HR").core[0] == "dubrovnik"


@pytest.mark.parametrize(("a", "b"), [
    # Kohesio beneficiaries of Bulgaria: the water and sewerage companies of two towns, the town written after the
    # legal form (a link of a full all-datasets build before the town was read)
    ('"Водоснабдяване и канализация ЕООД" Видин', "ВОДОСНАБДЯВАНЕ И КАНАЛИЗАЦИЯ ЕООД, Ямбол"),
    ('"Водоснабдяване и канализация" ЕООД, гр. Пловдив', '"Водоснабдяване и канализация ЕООД" Видин'),
])
def test_a_town_written_after_the_legal_form_tells_two_companies_apart(a: str, b: str) -> None:
    assert not compare(Record(a, "BG"), Record(b, "BG")).same
    assert parse(a, "BG").core[-1] != parse(b, "BG").core[-1]


@pytest.mark.parametrize(("a", "b", "country"), [
    # links of an all-datasets build (Kohesio, Keep.eu) that named two bodies: a function word of another language
    # that is a village's name or a company's letters, HTML quotes, a quoted name after a legal form
    ("PÉR KÖZSÉG ÖNKORMÁNYZATA", "Súr Község Önkormányzata", "HU"),
    ("L PROJEKT d.o.o. za graditeljstvo i usluge", "PROJEKTA d.o.o. za projektiranje, inženjering i usluge", "HR"),
    ("&QUOT;IZOSTAL&QUOT; SPÓŁKA AKCYJNA", "&QUOT;POLIPAK&QUOT; SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ", "PL"),
    ('Pašvaldības SIA "Ventspils siltums"', 'Pašvaldības akciju sabiedrība "Daugavpils siltumtīkli"', "LV"),
])
def test_words_that_name_a_body_stay_in_its_core(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_a_former_name_in_parentheses_is_not_the_core() -> None:
    assert compare(Record("Full Kit, UAB", "LT"), Record("Full Kit, UAB (buv. UAB „Irvi“)", "LT")).same


def test_a_function_word_of_the_countrys_language_is_left_out() -> None:
    assert parse("ISTITUTO NAZIONALE PER LE MALATTIE INFETTIVE", "IT").core == parse(
        "ISTITUTO NAZIONALE MALATTIE INFETTIVE", "IT").core
    assert "per" in parse("PÉR KÖZSÉG ÖNKORMÁNYZATA", "HU").core


def test_a_name_whose_words_are_spaced_otherwise_is_one_name_even_when_a_glued_word_is_a_translated_one():
    # "CIENCIAY" for "CIENCIA Y": the core reads "ciencia" as "science", the written words stay one string
    assert compare(Record("FUNDACION ESPANOLA PARA LA CIENCIA Y LA TECNOLOGIA", "ES", "Madrid"),
                   Record("FUNDACION ESPANOLA PARA LA CIENCIAY LA TECNOLOGIA, F.S.P.", "ES", "Madrid")).same
    assert compare(Record("STIFTELSEN NANSEN SENTER FOR MILJØ OG FJERNMÅLING", "NO", None),
                   Record("STIFTELSEN NANSEN SENTER FOR MILJOOG FJERNMALING", "NO", None)).same


def test_companies_of_one_municipality_named_after_an_inner_legal_form_stay_apart():
    assert not compare(Record('Pašvaldības SIA "Ventspils poliklīnika"', "LV", None),
                       Record('Pašvaldības SIA "Ventspils reiss"', "LV", None)).same


def test_a_person_a_school_is_named_after_in_another_case():
    assert compare(Record("Osnovna škola Ivana Gorana Kovačića", "HR", None),
                   Record("Osnovna škola Ivan Goran Kovačić", "HR", None)).same


def test_a_segment_saying_what_a_company_does_is_no_part_of_its_name():
    full = Record("ELEKTRO LJUBLJANA, podjetje za distribucijo električne energije, d.d.", "SI", None)
    assert compare(Record("Elektro Ljubljana d.d.", "SI", None), full).same
    assert not compare(Record("Elektro Maribor d.d.", "SI", None), full).same
    public = Record("KOMUNALA KRANJ, javno podjetje, d.o.o.", "SI", None)
    assert compare(Record("Komunala Kranj d.o.o.", "SI", None), public).same
    assert not compare(Record("Komunala Trbovlje d.o.o.", "SI", None), public).same


def test_two_faculties_of_one_university_stay_two():
    assert not compare(Record("Pravni fakultet Sveučilišta u Zagrebu", "HR"),
                       Record("Ekonomski fakultet Sveučilišta u Zagrebu", "HR")).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("National Institute for Physics and Nuclear Engineering", "INSTITUTUL NATIONAL PENTRU FIZICA SI INGINERIE NUCLEARA",
     "RO"),
    ("EXECUTIVE ENVIRONMENT AGENCY", "IZPALNITELNA AGENTsIYa PO OKOLNA SREDA", "BG"),
    ("Public Ports, jsc", "Verejné prístavy, a. s.", "SK"),
    ("Utena A. and M. Miskiniai Public Library", "Utenos A. ir M. Miškinių viešoji biblioteka", "LT"),
    ("Eki inženjering d.o.o.", "Eki inžinjering d.o.o.", "HR"),
    ("LAPPEENRANNAN TEKNILLINEN YLIOPISTO", "Lappeenranta University of Technology", "FI"),
])
def test_the_words_of_public_bodies_read_the_same_in_their_languages(a: str, b: str, country: str) -> None:
    """Engineering, the environment, ports and what is public, in the languages of the EU (org_words.tsv)."""
    assert compare(Record(a, country), Record(b, country)).same


def test_a_police_and_a_romanian_plural_are_read_in_english() -> None:
    assert "police" in parse("INSPECTORATUL GENERAL AL POLITIEI ROMANE", "RO").core
    assert compare(Record("General Inspectorate for Emergency Situations", "RO"),
                   Record("Inspectoratul General pentru Situații de Urgență", "RO")).same


def test_a_legal_form_says_the_kind_another_name_gives_as_a_word() -> None:
    """An Estonian foundation (Sihtasutus, its form) is the Foundation its English name says; a foundation named
    beside a university, with no such form, stays a body of its own."""
    assert compare(Record("Foundation Valga County Development Agency", "EE", "Tartu"),
                   Record("Sihtasutus Valgamaa Arenguagentuur", "EE")).same
    assert not compare(Record("Fondazione Politecnico di Milano", "IT", "Milano"),
                       Record("Politecnico di Milano", "IT", "Milano")).same


def test_two_letters_that_spell_the_other_name_whole_are_its_acronym() -> None:
    """"IK" is the Instytut Kolejnictwa; "UM" spells the Uniwersytet Medyczny w Lublinie whole (its town the records
    give), but only a part of the Urząd Miasta Lublin, a municipality's office: that pair stays for review."""
    assert compare(Record("INSTYTUT KOLEJNICTWA", "PL", "Warszawa"), Record("IK", "PL", "Warszawa")).same
    assert compare(Record("REGION STOCKHOLM", "SE", "Stockholm"), Record("RS", "SE", "Stockholm")).same
    assert compare(Record("Uniwersytet Medyczny w Lublinie", "PL", "Lublin"), Record("UM", "PL", "Lublin")).same
    city_office = compare(Record("Urząd Miasta Lublin", "PL", "Lublin"), Record("UM", "PL", "Lublin"))
    assert not city_office.same and city_office.review


def test_an_acronym_may_spell_the_english_name_that_the_tables_translate() -> None:
    """"FDPA" is the Foundation for the Development of Polish Agriculture, the English name of the Fundacja na rzecz
    Rozwoju Polskiego Rolnictwa: its initials, word for word; not a brand that prefixes of the words spell."""
    assert compare(Record("FUNDACJA NA RZECZ ROZWOJU POLSKIEGO ROLNICTWA", "PL", "Warszawa"),
                   Record("FDPA", "PL", "Warszawa")).same
    assert compare(Record("FUNDACJA NA RZECZ ROZWOJU POLSKIEGO ROLNICTWA", "PL", "Warszawa"),
                   Record("FRPR", "PL", "Warszawa")).same  # and its Polish initials, as before
    assert not compare(Record("ELECTRICITE RESEAU DISTRIBUTION FRANCE SA", "FR", "Paris"),
                       Record("ELNEDIFR", "FR", "Paris")).same


def test_a_state_agency_is_an_agency_in_its_languages() -> None:
    """A port authority is an agency (the Greek organismos); Nordic agencies end in one (Danish -styrelsen, Finnish
    -virasto), but a word that is a head of its own keeps its kind: Länsstyrelsen is a county's board."""
    assert compare(Record("Thessaloniki Port Authority SA", "EL", "Thessaloniki"),
                   Record("ORGANISMOS LIMENOS THESSALONIKIS ANONYMI ETAIRIA", "EL", "Thessaloniki")).same
    assert parse("Geodatastyrelsen", "DK").kinds == {"agency"}
    assert parse("Länsstyrelsen i Skåne län", "SE").kinds == {"county"}


def test_a_phrase_of_the_word_table_is_one_meaning() -> None:
    """"Health care" is one meaning, as the Estonian "tervishoid" is one word."""
    assert parse("Tallinn Health Care College", "EE").core == parse("Tallinna Tervishoiu Kõrgkool", "EE").core
    assert compare(Record("Tallinn Health Care College", "EE", "Tallinn"),
                   Record("Tallinna Tervishoiu Kõrgkool", "EE", "Põhja-Eesti")).same


def test_shipping_is_maritime_and_air_navigation_is_aviation() -> None:
    assert compare(Record("Constanta Chamber of Commerce, Industry, Navigation and Agriculture", "RO", "Constanta"),
                   Record("Constanta Chamber of Commerce, Industry, Shipping and Agriculture", "RO", "Constanta")).same
    assert "marine" not in parse("Croatian Air Navigation Services", "HR").core


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Zavod za prostorno uređenje Istarske županije", "Institute for Spatial Planning of Istria County", "HR"),
])
def test_an_institute_s_name_in_english_and_in_its_language_is_one_body(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Secondary Vocational School of Agriculture", "Stredná odborná škola poľnohospodárska", "SK"),
    ("District Museum in Nowy Sącz", "MUZEUM OKRĘGOWE W NOWYM SĄCZU", "PL"),
    ("Crișuri Water Basin Administration", "ADMINISTRAȚIA BAZINALĂ DE APĂ CRIȘURI", "RO"),
])
def test_the_words_of_public_bodies_names_read_alike_in_english_and_their_language(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


def test_a_county_s_and_a_voivodeship_s_labour_offices_of_one_town_are_two_bodies():
    assert not compare(Record("POWIAT RZESZOWSKI - POWIATOWY URZĄD PRACY W RZESZOWIE", "PL"),
                       Record("WOJEWÓDZKI URZĄD PRACY W RZESZOWIE", "PL")).same
