"""Record linkage reads a name by its parts: a second name in a part of its own adds nothing.

Names as CORDIS writes them (labelled training pairs, and pairs of one PIC named differently in H2020 and
Horizon Europe): a translation after a dash, an acronym after an asterisk or in parentheses, a legal form
after a comma. A name matches the other record when one of its parts is that record's name and every other
part is the same name again (in another language, or its acronym), the country, or a part the other record
writes too. A part that names something else (a faculty, a unit, another body) keeps the two apart.
"""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, _hyphen_parts, _parts, _readings, compare


@pytest.mark.parametrize(("a", "b", "country"), [
    # a translation in a part of its own
    ("FRIENDS OF EUROPE - LES AMIS DE L'EUROPE", "FRIENDS OF EUROPE", "BE"),
    ("EUROPEAN COUNCIL OF TRANSPORT USERS (EUROPEAN SHIPPERS COUNCIL)",
     "EUROPEAN COUNCIL OF TRANSPORT USERS-CONSEIL EUROPEEN DES USAGERS DES TRANSPORTS", "BE"),
    # an acronym, with the country, after an asterisk
    ("TRANSPORTES AEREOS PORTUGUESES SA*TAP PORTUGAL", "TRANSPORTES AEREOS PORTUGUESES SA", "PT"),
    # the acronym is the name the other part spells; the whole names are alike too
    ("Norwegian institute of Bioeconomy Research - NIBIO", "NIBIO - NORSK INSTITUTT FOR BIOOKONOMI", "NO"),
    ("BCAM - BASQUE CENTER FOR APPLIED MATHEMATICS ASOCIACION", "BCAM - BASQUE CENTER FOR APPLIED MATHEMATICS", "ES"),
    # a part both write, once as its acronym: the other parts are one name in two languages
    ("VYSOKA SKOLA BANSKA - TECHNICKA UNIVERZITA OSTRAVA", "VSB - TECHNICAL UNIVERSITY OF OSTRAVA", "CZ"),
    # a brand, a patron, a description or a second language after a dash (Keep.eu partners, CORDIS names)
    ("Zadar County Development Agency - ZADRA NOVA", "Zadar County Development Agency", "HR"),
    ("UNIVERSITE TOULOUSE III- PAUL SABATIER", "Toulouse University III", "FR"),
    ("Accademia Europea di Bolzano- Eurac Research", "European Academy of Bolzano", "IT"),
    ("KLEEMANN HELLAS -INDUSTRIAL COMMERCIAL SOCIETE ANONYME FOR MECHANICAL CONSTRUCTION SA", "KLEEMANN HELLAS SA",
     "EL"),
    ("Bulgarian Industrial Association – union of the Bulgarian business (BIA)", "Bulgarian Industrial Association",
     "BG"),
    # the ministry the body belongs to, after a dash
    ("General Inspectorate for Emergency Situation – Ministry of Internal Affairs",
     "Inspectoratul General pentru Situații de Urgență", "RO"),
])
def test_a_second_name_in_a_part_of_its_own_adds_nothing(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same
    assert compare(Record(b, country), Record(a, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # a faculty after the university's name
    ("UNIVERSITY OF BELGRADE - FACULTY OF MINING AND GEOLOGY", "UNIVERSITY OF BELGRADE", "RS"),
    # the university of a town, and the town
    ("PECSI TUDOMANYEGYETEM - UNIVERSITY OF PECS", "PECS MEGYEI JOGU VAROS ONKORMANYZATA", "HU"),
    # two institutes of one academy, one with its acronym
    ("I.I. SCHMALHAUSEN INSTITUTE OF ZOOLOGY OF NATIONAL ACADEMY OF SCIENCES OF UKRAINE - IZNASU",
     "THE GAS INSTITUTE OF THE NATIONAL ACADEMY OF SCIENCES OF UKRAINE", "UA"),
    ("TOULOUSE BUSINESS SCHOOL -TBS", "UNIVERSITE TOULOUSE CAPITOLE", "FR"),
    # one acronym read in both, the names that spell it two bodies
    ("ASOCIACION VALENCIANA DE EMPRESARIOS DE PLASTICOS - AVEP", "ASOCIACION VALENCIANA DE AGRICULTORES", "ES"),
    # an authority or a ministry writes its units after a dash
    ("Cuneo Municipality - Environment and Territory sector", "COMUNE DI CUNEO", "IT"),
    ("GMINA MIEJSKA KRAKÓW - GRODZKI URZĄD PRACY W KRAKOWIE", "GMINA MIEJSKA KRAKÓW", "PL"),
    ("Ministry of Internal Affairs – General Inspectorate for Emergency Situations", "Ministry of Internal Affairs",
     "RO"),
    # a body its parts and sites
    ("Business Upper Austria - Plastic Cluster", "Business Upper Austria", "AT"),
    ("Avantium Chemicals - Pilot Plant", "AVANTIUM CHEMICALS BV", "NL"),
    # a kind of body of its own after the name of another
    ("Grad Split - Dječji vrtić Cvit Mediterana", "City of Split", "HR"),
    # a region's name is no body's name, nor a short common word
    ("Baden-Württemberg - Connected e.V.", "Land Baden-Württemberg", "DE"),
    ("TRGO - LEPTIR proizvodnja i trgovina d. o. o.", "Trgo-Agencija d.o.o.", "HR"),
    # another legal form: a company of the group
    ("FAM - TECHNIKA ODLEWNICZA SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ", "FAM SPÓŁKA AKCYJNA", "PL"),
])
def test_a_part_that_names_another_body_keeps_them_apart(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_a_hyphen_between_two_runs_of_words_sets_a_part_apart() -> None:
    assert _hyphen_parts("EUROPEAN COUNCIL OF TRANSPORT USERS-CONSEIL EUROPEEN DES USAGERS DES TRANSPORTS") == [
        "EUROPEAN COUNCIL OF TRANSPORT USERS", "CONSEIL EUROPEEN DES USAGERS DES TRANSPORTS"]
    assert _hyphen_parts("MINISTERIUM FUER WIRTSCHAFT RHEINLAND-PFALZ") == ["MINISTERIUM FUER WIRTSCHAFT RHEINLAND-PFALZ"]


def test_a_legal_form_in_a_part_of_its_own_stays_with_the_name() -> None:
    # "AIE", an economic interest grouping, is no second name: the legal forms of two names are still compared
    assert _parts("AUTOTECH ENGINEERING, AIE", "ES") == (("AUTOTECH ENGINEERING",), (" AIE",))
    name = "SOTACARBO - SOCIETA TECNOLOGIE AVANZATE LOW CARBON -SOCIETA PER AZIONI"
    parts, legal = _parts(name, "IT")
    assert len(parts) == 2 and [p.strip() for p in legal] == ["SOCIETA PER AZIONI"]
    readings = _readings(name, "IT", frozenset(), _parts("SOTACARBO - SOCIETA TECNOLOGIE AVANZATE CARBONE SPA.", "IT")[0])
    assert readings and all(reading.endswith("SOCIETA PER AZIONI") for reading in readings)


def test_a_part_read_alone_needs_the_others_to_add_nothing() -> None:
    # "LES AMIS DE L'EUROPE" is "FRIENDS OF EUROPE" in French; "Laboratorio del Ebro" says more than the name before it
    assert "FRIENDS OF EUROPE" in _readings("FRIENDS OF EUROPE - LES AMIS DE L'EUROPE", "BE", frozenset(), ())
    assert _readings("Centro Nacional de Tecnología y Seguridad Alimentaria (CNTA) - Laboratorio del Ebro", "ES",
                     frozenset(), ()) == []


@pytest.mark.parametrize(("a", "b", "country"), [
    ("HELSE BERGEN HF*HAUKELAND UNIVERSITY HOSPITAL", "HELSE BERGEN HF", "NO"),
    ("HRVATSKE AUTOCESTE DOO ZA UPRAVLJENJE, GRADENJE I ODRZAVANJE AUTOCESTA*CROATIAN MOTORWAYS",
     "Croatian Motorways Ltd", "HR"),
    ("BRUEGEL AISBL*", "BRUEGEL", "BE"),
])
def test_a_name_and_its_other_name_after_an_asterisk_are_each_the_body(a, b, country):
    """CORDIS writes a body's other name (in English, a trading name, its acronym) after an asterisk."""
    assert compare(Record(a, country), Record(b, country)).same


def test_an_asterisk_inside_a_one_letter_name_parts_nothing():
    assert compare(Record("Q* BIRD BV", "NL"), Record("Q*Bird B.V.", "NL")).same
    assert not compare(Record("HELSE BERGEN HF*HAUKELAND UNIVERSITY HOSPITAL", "NO"),
                       Record("HELSE STAVANGER HF", "NO")).same


@pytest.mark.parametrize(("a", "city_a", "b", "city_b", "country"), [
    # a body's own short name of one word before its name, in a part of its own
    ("Iscte - Instituto Universitário de Lisboa", "Lisboa", "INSTITUTO UNIVERSITARIO DE LISBOA", "LISBOA", "PT"),
    ("ZSI – Centre for Social Innovation", "Wien", "Centre for Social Innovation", "Wien", "AT"),
    ("IUC / Stål & Verkstad", None, "Stål & Verkstad", None, "SE"),
])
def test_a_short_name_before_the_name_is_the_body(a: str, city_a: str | None, b: str, city_b: str | None,
                                                   country: str) -> None:
    assert compare(Record(a, country, city_a), Record(b, country, city_b)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # what follows names no body of its own: an institute for education
    ("UMMI, ZAVOD ZA IZOBRAŽEVANJE,", "ZAVOD ZA IZOBRAŽEVANJE IN", "SI"),
    # the first part is a place, not a short name
    ("Lisboa - Agência de Energia", "Agência de Energia", "PT"),
])
def test_a_first_part_is_no_short_name_before_a_name_of_no_body(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Riga Technical College", "Profesionālās izglītības kompetences centrs “Rīgas Tehniskā koledža”", "LV"),
    ("RUSENSKA TARGOVSKO INDUSTRIALNA KAMARA", 'SDRUZhENIE "RUSENSKA TARGOVSKO-INDUSTRIALNA KAMARA"', "BG"),
])
def test_a_body_named_in_quotes_after_what_it_is_is_its_quoted_name(a, b, country):
    assert compare(Record(a, country, None), Record(b, country, None)).same


def test_a_quoted_name_of_no_kind_of_body_is_not_read_alone():
    from kg.resolve.link import _quoted_name_score
    from kg.resolve.orgnames import parse

    other = parse("Silava", "LV")
    assert _quoted_name_score('Latvijas Valsts mežzinātnes institūts "Silava"', other, "LV") == 0.0



def same(a: str, b: str, country: str, city_a: str | None = None, city_b: str | None = None) -> bool:
    return compare(Record(a, country, city_a), Record(b, country, city_b)).same


def test_a_town_named_in_its_two_languages_is_the_town():
    """Istria's towns write their Italian name after a dash (Kohesio: "GRAD BUJE - BUIE", "Općina Vrsar - Orsera");
    a city's district after a dash is another body, and so is another town."""
    assert same("GRAD BUJE - BUIE", "Grad Buje", "HR")
    assert same("Municipality of Vrsar", "Općina Vrsar - Orsera", "HR", "Vrsar", "Istarska županija")
    assert same("Grad Rovinj - Rovigno", "City of Rovinj", "HR")
    assert not same("Mestská časť Košice - Poľov", "Mesto Košice", "SK")
    assert not same("Grad Split - Solin", "Grad Split", "HR")


def test_an_acronym_written_first_in_its_own_language():
    """A Slovene institute writes its Slovene acronym before its English name (IRP, Inštitut za raziskovanje
    podjetništva); a company's mark before its activity words is its name."""
    assert same("IRP Institute of entrepreneurship research", "Institute for Entrepreneurship Research", "SI",
                "Maribor", "Maribor")
    assert not same("IMZ Mezőgazdasági, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság",
                    "AGRICOLAE Mezőgazdasági, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság", "HU")
