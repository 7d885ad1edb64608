"""Authorities of regions and counties named in their language and in English: one NUTS region, one body."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare, region_cores
from kg.resolve.orgnames import parse
from kg.resolve.region_names import region_words


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Jihomoravský kraj", "South Moravian Region", "CZ"),
    ("Krajský úřad Jihomoravského kraje", "South Moravian Region", "CZ"),
    ("Středočeský kraj", "Central Bohemian Region", "CZ"),
    ("Województwo Zachodniopomorskie", "West Pomeranian Voivodeship", "PL"),
    ("Urząd Marszałkowski Województwa Małopolskiego", "Lesser Poland Voivodeship", "PL"),
    ("Banskobystrický samosprávny kraj", "Banská Bystrica Self-Governing Region", "SK"),
    ("Vas Megyei Önkormányzat", "Vas County", "HU"),
    ("Primorsko-goranska županija", "Primorje-Gorski Kotar County", "HR"),
    ("ΠΕΡΙΦΕΡΕΙΑ ΚΡΗΤΗΣ", "Region of Crete", "GR"),
    ("PERIFEREIA ANATOLIKIS MAKEDONIAS KAI THRAKIS", "Region of Eastern Macedonia and Thrace", "EL"),
    ("Regione Lombardia", "Lombardy Region", "IT"),
    ("Urząd Marszałkowski Województwa Dolnośląskiego", "Marshal Office of Lower Silesian Voivodeship", "PL"),
    ("Urząd Marszałkowski Województwa Małopolskiego", "Marshal's Office of the Małopolska Region", "PL"),
    ("Region Midtjylland", "Central Denmark Region", "DK"),
    ("Region Hovedstaden", "Capital Region of Denmark", "DK"),
    ("Provincie West-Vlaanderen", "Province of West Flanders", "BE"),
    ("Provincie Noord-Holland", "Province of North Holland", "NL"),
    ("Région Occitanie", "Occitania Region", "FR"),
    ("Junta de Castilla y León", "Regional Government of Castile and León", "ES"),
    ("Região Autónoma dos Açores", "Autonomous Region of the Azores", "PT"),
    # a body of another kind, or of none, named by its region alone
    ("Regierung von Oberbayern", "Government of Upper Bavaria", "DE"),
    ("Wirtschaftskammer Oberösterreich", "Chamber of Commerce Upper Austria", "AT"),
])
def test_a_region_s_authority_in_its_language_and_in_english_is_one_body(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Jihomoravský kraj", "Jihočeský kraj", "CZ"),  # two regions
    ("Osječko-baranjska županija", "Vukovar-Srijem County", "HR"),
    ("Regione Lombardia", "Regione Piemonte", "IT"),
    ("Jihomoravský kraj", "Statutární město Brno", "CZ"),  # a region and its capital city
    ("Grad Zagreb", "Zagrebačka županija", "HR"),  # a city and the county around it
    ("Consiliul Județean Cluj", "Instituția Prefectului Județul Cluj", "RO"),  # the county and the state's prefect
    ("Urząd Marszałkowski Województwa Lubuskiego", "Marshal Office of Łódzkie Voivodeship", "PL"),
    ("Provincie Noord-Brabant", "Province of South Holland", "NL"),
    ("Region Syddanmark", "North Denmark Region", "DK"),
    ("Regierung von Oberbayern", "Regierung von Niederbayern", "DE"),
    ("Gmina Puławy", "MIASTO PUŁAWY", "PL"),  # a rural municipality and the town: not one NUTS 3 region's body
])
def test_two_regions_or_a_region_and_another_body_stay_two(a, b, country):
    assert not compare(Record(a, country), Record(b, country)).same


def test_the_regions_are_read_from_nuts_and_the_reference_aliases():
    cores = region_cores("CZ")
    assert cores[parse("Jihomoravský kraj", "CZ").core] == cores[parse("South Moravian Region", "CZ").core] == {"CZ064"}
    assert region_cores(None) == {} and region_cores("US") == {}


def test_a_region_s_word_is_not_read_as_a_misspelt_word_of_the_tables():
    assert "pomurska" in region_words()
    assert "maritime" not in parse("Pomurska razvojna agencija", "SI").core
    # nor in another case or gender: "Pomurski tehnološki park" is Pomurje's technology park
    assert "maritime" not in parse("Pomurski tehnološki park", "SI").core
    assert compare(Record("Pomurski tehnološki park", "SI"), Record("Pomurje Technology Park", "SI")).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Lietuvos Respublikos aplinkos ministerija", "Ministry of Environment of the Republic of Lithuania", "LT"),
    ("Ministerstvo životního prostředí", "Ministry of the Environment of the Czech Republic", "CZ"),
    ("Keskkonnaministeerium", "Ministry of the Environment of the Republic of Estonia", "EE"),
    ("Ympäristöministeriö", "Ministry of the Environment", "FI"),
    ("Umweltministerium Baden-Württemberg", "Ministry of the Environment Baden-Württemberg", "DE"),
    ("Ministerio de Ciencia e Innovación", "Ministry of Science and Innovation", "ES"),
])
def test_a_ministry_in_its_language_and_in_english_is_one_body(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


def test_two_ministries_stay_two():
    assert not compare(Record("Ministerstvo životního prostředí", "CZ"),
                       Record("Ministry of Agriculture of the Czech Republic", "CZ")).same
    assert not compare(Record("Keskkonnaministeerium", "EE"), Record("Keskkonnaamet", "EE")).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Львівська міська рада", "Lviv City Council", "UA"),
    ("Bashkia Tiranë", "Municipality of Tirana", "AL"),
    ("Komuna e Prishtinës", "Municipality of Pristina", "XK"),
])
def test_municipalities_of_the_eu_s_neighbours_in_their_language_and_in_english_are_one(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


def test_a_city_council_and_a_regional_council_of_one_town_stay_two():
    assert not compare(Record("Lviv City Council", "UA"), Record("Львівська обласна рада", "UA")).same
    assert not compare(Record("Bashkia Tiranë", "AL"), Record("Bashkia Durrës", "AL")).same


def test_a_country_s_adjective_in_a_town_s_name_is_part_of_the_name():
    assert not compare(Record("Město Česká Kamenice", "CZ"), Record("Městys Kamenice", "CZ")).same
    assert compare(Record("Hlavné mesto Slovenskej republiky Bratislava", "SK"),
                   Record("Municipality of the Capital of the Slovak Republic, Bratislava", "SK", "Bratislava")).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Federal State Burgenland", "PROVINCIAL GOVERNMENT BURGENLAND", "AT"),
    ("Amt der Burgenländischen Landesregierung", "Office of the Provincial Government of Burgenland", "AT"),
    ("Amt der Kärntner Landesregierung", "Carinthian Regional Government", "AT"),
    ("Amt der Tiroler Landesregierung", "Office of the Tyrolean Regional Government", "AT"),
    ("Amt der Niederösterreichischen Landesregierung", "Lower Austrian Regional Government", "AT"),
    ("Freistaat Bayern", "Free State of Bavaria", "DE"),
    ("Freistaat Sachsen", "Free State of Saxony", "DE"),
])
def test_a_german_or_austrian_land_s_government_in_german_and_in_english_is_one_body(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


def test_two_lands_stay_two_and_their_adjectives_are_read_from_their_names():
    from kg.resolve.region_names import english_adjectives, german_adjectives

    assert not compare(Record("Amt der Tiroler Landesregierung", "AT"),
                       Record("Amt der Vorarlberger Landesregierung", "AT")).same
    assert not compare(Record("Land Kärnten", "AT"), Record("Land Tirol", "AT")).same
    assert ("Styrian",) == english_adjectives("Styria") and "kartner" not in german_adjectives("Kärnten")
    assert "karntner" in german_adjectives("Kärnten") and "bayerische" in german_adjectives("Bayern")


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Jihomoravské muzeum ve Znojmě", "South Moravian Museum in Znojmo", "CZ"),
    ("UNIWERSYTET SLASKI W KATOWICACH", "University of Silesia in Katowice", "PL"),
    ("Közép-Dunántúli Regionális Fejlesztési Ügynökség", "Central Transdanubian Regional Development Agency", "HU"),
    ("Javna ustanova RERA S.D. za koordinaciju i razvoj Splitsko-dalmatinske županije",
     "Public Institution RERA S.D. for Coordination and Development of Split Dalmatia County", "HR"),  # a county's body
])
def test_a_body_named_after_its_region_is_one_in_two_languages(a, b, country):
    assert compare(Record(a, country, None), Record(b, country, None)).same


def test_a_town_named_as_its_region_is_no_other_town():
    """Békés is a town and a county; Bekecs, a village, reads as the county's name but is not the town."""
    a, b = Record("BEKECS KÖZSÉG ÖNKORMÁNYZATA", "HU", None), Record("BÉKÉS VÁROS ÖNKORMÁNYZATA", "HU", None)
    assert not compare(a, b).same


def test_a_national_body_is_named_after_its_country_in_english():
    a = Record("Országos Meteorológiai Szolgálat", "HU", "Budapest")
    b = Record("Hungarian Meteorological Service", "HU", "Budapest")
    assert compare(a, b).same


def test_a_name_that_says_both_national_and_the_country_is_not_read_so():
    from kg.resolve.link import _national_score

    a, b = parse("ASOCIATIA ROMANA A APEI", "RO"), parse("National Administration Romanian Waters", "RO")
    assert _national_score(a, b, "RO") == 0.0


@pytest.mark.parametrize(("a", "b"), [
    ("Savoie Department", "Département de la Savoie"),
    ("Department of the Landes", "Département des Landes"),
])
def test_an_english_department_named_after_a_nuts3_region_is_the_county(a, b):
    assert compare(Record(a, "FR"), Record(b, "FR")).same


def test_a_department_of_a_body_is_no_county():
    assert not compare(Record("Physics Department", "FR"), Record("Département de la Savoie", "FR")).same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Bezirksregierung Münster", "District Government of Münster", True),
    ("Landratsamt Görlitz", "Landkreis Görlitz", True),  # the district's office is the district
    ("Landratsamt Görlitz", "Stadt Görlitz", False),  # not the town of its name
])
def test_a_german_district_s_office_is_the_district(a, b, same):
    assert compare(Record(a, "DE"), Record(b, "DE")).same is same


def test_a_region_and_a_county_in_it_are_no_two_places():
    # a Keep.eu partner's NUTS 2 region and a Kohesio beneficiary's NUTS 3 region in it cost nothing
    assert compare(Record("Obec Lipová", "CZ", "Jihovýchod"), Record("Obec Lipová", "CZ", "Jihomoravský kraj")).score == 100
    assert compare(Record("Obec Lipová", "CZ", "Olomoucký kraj"), Record("Obec Lipová", "CZ", "Zlínský kraj")).score < 100
