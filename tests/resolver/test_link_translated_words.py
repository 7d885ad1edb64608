"""Names of one body in English and in the country's language whose words the tables did not translate: learned
words as adjectives (innovation, energy, archaeology), Latvia's municipality written "county", a parish, the sea,
colleges, a region's adjective, the Slavic "evro-", a name's own acronym after it."""

from __future__ import annotations

import pytest

from kg.resolve.cognates import cognate_score
from kg.resolve.link import Record, compare


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Slovak innovation and energy agency", "Slovenská inovačná a energetická agentúra", "SK"),
    ("Zagreb Innovation centre Ltd.", "Zagrebački inovacijski centar d.o.o.", "HR"),
    ("Lithuanian Energy Institute", "Lietuvos energetikos institutas", "LT"),
    ("Kaunas Technical College", "Kauno technikos kolegija", "LT"),
    ("Archaeological museum of Istria", "Arheološki muzej Istre", "HR"),
    ("Aloja County council", "Alojas novada dome", "LV"),
    ("Rõuge Parish Government", "Rõuge Vallavalitsus", "EE"),
    # the sea's adjectives, and a college in its languages
    ("Latvian Maritime Academy", "LATVIJAS JŪRAS AKADĒMIJA", "LV"),
    ("Liepaja Marine College", "LIEPĀJAS JŪRNIECĪBAS KOLEDŽA", "LV"),
    ("Klaipeda State University of Applied Sciences", "Klaipėdos valstybinė kolegija", "LT"),
    # a region's adjective is no region
    ("Notranjska Regional Park", "NOTRANJSKI REGIJSKI PARK", "SI"),
    # the Slavic "evro-"
    ("Association „EURORADAR”", 'СДРУЖЕНИЕ "ЕВРОРАДАР"', "BG"),
    # Estonian compounds of two table words, and a county as its town's name with "maa"
    ("Development Centre of Pärnu County", "Sihtasutus Pärnumaa Arenduskeskus", "EE"),
    ("Estonian Environmental Research Centre", "EESTI KESKKONNAUURINGUTE KESKUS", "EE"),
    ("Tallinn Science Park Tehnopol", "SIHTASUTUS TALLINNA TEADUSPARK TEHNOPOL", "EE"),
    ("Ministry of Economic Affairs and Communications", "Majandus- ja Kommunikatsiooniministeerium", "EE"),
    # the English "small business" of a chamber of crafts
    ("Območna obrtno-podjetniška zbornica Koper", "Regional Chamber of Craft and Small Business Koper", "SI"),
    # Hungarian words of public bodies
    ("Budapesti Műszaki és Gazdaságtudományi Egyetem", "Budapest University of Technology and Economics", "HU"),
    # a name's own acronym after a slash or a dash, with its town
    ("Municipality of Giurgiu/ M.G.", "MUNICIPIUL GIURGIU", "RO"),
    # an English noun's plural and a Romanian genitive plural ("materials", "materialelor")
    ("National Research-Development Institute for Materials Physics",
     "INSTITUTUL NAŢIONAL DE CERCETARE-DEZVOLTARE PENTRU FIZICA MATERIALELOR", "RO"),
    # a town in its genitive, of a stem shorter than other words need
    ("Birzai District Municipality Administration", "Biržų rajono savivaldybės administracija", "LT"),
    # a town's Bulgarian adjective with its -en-, and a free university in its languages
    ('Varna Free University "Chernorizets Hrabar"', 'ВАРНЕНСКИ СВОБОДЕН УНИВЕРСИТЕТ "ЧЕРНОРИЗЕЦ ХРАБЪР"', "BG"),
    # "self-government" and "local government" name how a town or county is run, as önkormányzat does
    ("Self-government of Szabolcs-Szatmár-Bereg County", "SZABOLCS-SZATMÁR-BEREG MEGYEI ÖNKORMÁNYZAT", "HU"),
    ("Local Government of Berettyóújfalu City", "BERETTYÓÚJFALU VÁROS ÖNKORMÁNYZATA", "HU"),
    # the country's name abbreviated with its republic: RS is the Republic of Slovenia
    ("AGENCIJA RS ZA OKOLJE", "Slovenian Environment Agency", "SI"),
    # a Finnish Oy is a private limited company, a Ltd; an Italian preposition with its article is no word of a name
    ("Turku University of Applied Sciences Ltd.", "TURUN AMMATTIKORKEAKOULU OY", "FI"),
    ("FONDAZIONE ISTITUTO SUI TRASPORTI E LA LOGISTICA", "Institute for Transport and Logistics Foundation", "IT"),
    # Latvia's derived public person is a legal form, as Lithuania's budgetary institution
    ('Atvasināta publiska persona "Dārzkopības institūts"', "Dārzkopības Institūts", "LV"),
    # an English possessive is its noun; Catalan's elided articles are function words; Estonian -tsioon is -tion
    ("Administration of Palanga's City Municipality", "Palangos miesto savivaldybės administracija", "LT"),
    ("Catalonia Institute for energy research", "FUNDACIO INSTITUT DE RECERCA DE L'ENERGIA DE CATALUNYA", "ES"),
    ("Integration Foundation", "Integratsiooni Sihtasutus", "EE"),
    # the points of the compass in the EU's languages; a county's government office in English and Hungarian
    ("AGENTIA PENTRU DEZVOLTARE REGIONALA NORD-VEST", "North-West Regional Development Agency", "RO"),
    ("Government Office of Győr-Moson-Sopron County", "Győr-Moson-Sopron Megyei Kormányhivatal", "HU"),
])
def test_one_body_in_two_languages(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # another science, another institute
    ("Lithuanian Energy Institute", "Lietuvių kalbos institutas", "LT"),
    ("Instytut Fizyki PAN", "Institute of Psychology PAS", "PL"),
    # an acronym after a dash that is not the name's own names a part of it
    ("Sveučilište u Zagrebu - FER", "Sveučilište u Zagrebu", "HR"),
    # a county elsewhere is still no town's municipality
    ("Mayo County Council", "Mayo", "IE"),
    # two towns of one short stem are two towns; a plural of a name is no English noun's
    ("Biržų rajono savivaldybės administracija", "Birštono savivaldybės administracija", "LT"),
    ("Szentes Város Önkormányzata", "Szente Község Önkormányzata", "HU"),
    # a town's name is no abbreviation of a body its adjective names
    ("Burgas", "BURGASKI SVOBODEN UNIVERSITET", "BG"),
    # a town's local government is not its county's
    ("Local Government of Nyíregyháza", "SZABOLCS-SZATMÁR-BEREG MEGYEI ÖNKORMÁNYZAT", "HU"),
    # a county's government office (the state's) is not its self-government
    ("Government Office of Győr-Moson-Sopron County", "Győr-Moson-Sopron Megyei Önkormányzat", "HU"),
    ("North-West Regional Development Agency", "AGENTIA PENTRU DEZVOLTARE REGIONALA NORD-EST", "RO"),
])
def test_two_bodies(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b"), [
    ("innovation", "inovačná"), ("innovation", "innowacyjny"), ("innovation", "inovacinis"),
    ("archaeological", "arheološki"), ("technology", "tehnologija"), ("psychology", "psihologija"),
])
def test_cognates(a: str, b: str) -> None:
    from kg.resolve.normalise import normalise

    assert cognate_score(normalise(a), normalise(b)) == 100.0


def test_two_sciences_are_no_cognates() -> None:
    assert cognate_score("physics", "chemistry") == 0.0
    assert cognate_score("biology", "geology") == 0.0
