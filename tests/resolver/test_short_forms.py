"""A one-word name (a CORDIS short name) against the long name it abbreviates, and against another body's long name."""

from __future__ import annotations

import pytest

from kg.resolve.acronyms import alignment_cost
from kg.resolve.link import Record, compare


@pytest.mark.parametrize(("long", "short", "country"), [
    # letters at the starts of parts of compounds
    ("Deutscher Wetterdienst", "DWD", "DE"),
    ("Deutsches Zentrum für Luft- und Raumfahrt", "DLR", "DE"),
    # a word in the middle that gives no letter
    ("Laboratoire national de métrologie et d'essais", "LNE", "FR"),
    # several letters of a word
    ("Rannsóknamiðstöð Íslands", "Rannis", "IS"),
    # the first segment only
    ("Museum für Naturkunde - Leibniz-Institut für Evolutions- und Biodiversitätsforschung", "MFN", "DE"),
    ("Bundesministerium für Klimaschutz, Umwelt, Energie, Mobilität, Innovation und Technologie", "BMK", "AT"),
    # the short form written first, then the words it spells
    ("LKR Leichtmetallkompetenzzentrum Ranshofen GmbH", "LKR", "AT"),
    # the word that names the body, in a name of no kind or of an association, foundation or consortium
    ("FUNDACION TECNALIA RESEARCH & INNOVATION", "TECNALIA", "ES"),
    ("CENTRO DE ENSAYOS Y ANALISIS CETEST SL", "CETEST", "ES"),
    # a letter that starts a syllable of the last word (Craio-Va, Pader-Born)
    ("Universitatea din Craiova", "UCV", "RO"),
    ("Universität Paderborn", "UPB", "DE"),
    # a short form of five letters or more may leave out more: "studi" gives no letter
    ("Università degli Studi di Messina", "UNIME", "IT"),
    ("Universidade Tecnológica Federal do Paraná", "UTFPR", "BR"),
    # the state's name, which the short form leaves out ("of the Republic of Slovenia")
    ("Center Republike Slovenije za mobilnost in evropske programe izobraževanja in usposabljanja", "CMEPIUS", "SI"),
])
def test_a_short_form_is_the_body_it_abbreviates(long: str, short: str, country: str) -> None:
    assert compare(Record(long, country), Record(short, country)).same


@pytest.mark.parametrize(("long", "short", "country"), [
    # the letters are found, but words of the long name give none: for review at most
    ("Instituto de Saúde Pública da Universidade do Porto", "ISEP", "PT"),
    ("Centro Tecnológico das Indústrias Têxtil e do Vestuário de Portugal", "CENTI", "PT"),
    # no word of the long name starts with the first letter
    ("Global e-Sustainability Initiative AISBL", "ENS", "BE"),
    # a word of the long name is no abbreviation of it, nor is it the body here
    ("ENEA OPERATOR SP. Z O.O.", "ENEA", "PL"),
    # a company named by a body's name and more is its subsidiary; a village is not its school
    ("SINTEF Energi AS", "SINTEF", "NO"),
    ("Základní škola Lipová", "Lipová", "CZ"),
    # a segment naming a part of a body is not left out; two letters stand for too many bodies
    ("Univerza v Mariboru, Fakulteta za kemijo", "UMAR", "SI"),
    ("Univerza v Mariboru", "UM", "SI"),
    # three letters are found by chance in many names: a short form of three letters may cost less
    ("Hochschule für Technik und Wirtschaft Dresden", "TUD", "DE"),
    ("Erasmus Universitair Medisch Centrum Rotterdam", "EUR", "NL"),
    # a letter at a syllable's start is read in the last word only, not in the first (Medi-Zinische)
    ("Medizinische Universität Wien", "MDW", "AT"),
    # a letter inside a compound of one word: two starts of its parts are needed
    ("Never AS", "NVE", "NO"),
])
def test_a_short_form_is_not_a_body_it_does_not_plainly_abbreviate(long: str, short: str, country: str) -> None:
    assert not compare(Record(long, country), Record(short, country)).same


def test_letters_at_word_starts_cost_least() -> None:
    weights = (1.0, 1.0, 1.0)
    words = ("koninklijk", "nederlands", "instituut")
    assert alignment_cost("kni", words, weights) == 0.0
    assert alignment_cost("kni", words, weights) < alignment_cost("kon", words, weights)
    assert alignment_cost("nki", words, weights) == float("inf")  # the letters out of order


@pytest.mark.parametrize(("short", "words", "cost"), [
    ("ucv", ("universitatea", "din", "craiova"), 0.75),            # Craio-Va: a syllable's start
    ("pbt", ("pharmabiotec",), 0.5),                                # Pharma-Bio-Tec: one word, two known parts
    ("upb", ("universitaet", "paderborn"), 0.75),
    ("mdw", ("medizinische", "universitaet", "wien"), float("inf")),  # a syllable of the last word only
    ("nve", ("never",), float("inf")),                               # one word, one part start
    ("sofi", ("sofiaplan",), float("inf")),                          # letters that only continue the first
    ("usg", ("universitaet", "salzburg"), float("inf")),             # the last "g" starts no syllable
])
def test_letters_inside_a_word_start_a_syllable(short: str, words: tuple[str, ...], cost: float) -> None:
    weights = tuple(0.0 if w == "din" else 1.0 for w in words)
    assert alignment_cost(short, words, weights) == cost


@pytest.mark.parametrize(("short", "long", "country", "city"), [
    ("CSP", "CENTAI INSTITUTE SPA", "IT", "Torino"),          # letters of the legal form
    ("NVE", "NEVER NO AS", "NO", "Oslo"),                     # letters of one word only
    ("Torino", "Manifattura Automobili Torino SRL", "IT", "Torino"),  # a big town, known by its other name
    ("VASAB", "VALSTS AKCIJU SABIEDRIBA LATVIJAS VALSTS MEZI", "LV", "Riga"),  # letters of the legal form
    ("BEIA", "Batteries European Partnership Association", "BE", "Brussels"),  # an inner letter of a word
    ("ANCT", "Association nationale de la recherche et de la technologie", "FR", "Paris"),
    ("Mace", "Material Cultures", "UK", "London"),                  # a short word is no compound
    ("KOIS", "Koninklijk Instituut voor het Kunstpatrimonium", "BE", "Brussels"),
])
def test_short_forms_real_build_linked_wrongly_are_told_apart(short, long, country, city):
    """Short forms a build linked to full names of their town that they do not abbreviate."""
    assert not compare(Record(short, country, city), Record(long, country, city)).same


@pytest.mark.parametrize(("short", "long", "country", "city"), [
    ("TSP", "TELESPAZIO SPA", "IT", "Roma"),
    ("OSR", "OPENDOT SRL", "IT", "Milano"),
    ("EAB", "EINRIDE AB", "SE", "Stockholm"),
])
def test_the_legal_form_of_a_one_word_name_gives_an_acronym_no_letters(short, long, country, city):
    """One letter of a name and its legal form fit too many companies of a city (EAB: Einride, Energiforsk, ...)."""
    assert not compare(Record(short, country, city), Record(long, country, city)).same


@pytest.mark.parametrize(("short", "long", "country", "city"), [
    ("CEPSA", "COMPANIA ESPANOLA DE PETROLEOS SA", "ES", "Madrid"),
    ("LKAB", "LUOSSAVAARA-KIIRUNAVAARA AB", "SE", "Lulea"),
])
def test_the_legal_form_of_a_longer_name_may_give_letters(short, long, country, city):
    assert compare(Record(short, country, city), Record(long, country, city)).same


def test_a_short_form_of_the_words_after_a_legal_form_is_the_body():
    assert compare(Record("LVM", "LV", "Riga"), Record("VALSTS AKCIJU SABIEDRIBA LATVIJAS VALSTS MEZI", "LV", "Riga")).same


@pytest.mark.parametrize(("long", "short", "country"), [
    # letters at the starts of known parts of a compound (agro-bio-institute, pharma-bio-tec)
    ("AGROBIOINSTITUTE", "ABI", "BG"),
    ("PHARMABIOTEC GMBH", "PBT", "DE"),
    # given names before the surname a body is named after
    ("GOTTFRIED WILHELM LEIBNIZ UNIVERSITAET HANNOVER", "LUH", "DE"),
    # the parent body the name is attached to by a preposition ("prie": at, under)
    ("Lietuvos geologijos tarnyba prie Aplinkos ministerijos", "LGT", "LT"),
    # a royal epithet
    ("STICHTING KONINKLIJK NEDERLANDS NORMALISATIE INSTITUUT", "NEN", "NL"),
    # the second of two coordinated terms
    ("Fédération des Aveugles et Handicapés Visuels de France", "FAF", "FR"),
])
def test_words_an_acronym_leaves_out_cost_less(long: str, short: str, country: str) -> None:
    assert compare(Record(long, country), Record(short, country)).same


@pytest.mark.parametrize(("long", "short", "country"), [
    # a coordinated term that ends the name is not left out cheaply (TUD is the Technische Universität Dresden)
    ("Hochschule für Technik und Wirtschaft Dresden", "TUD", "DE"),
    # "prie" attaches a parent only after two words of the body
    ("Tarnyba prie Lietuvos geologijos ministerijos", "TPL", "LT"),
])
def test_the_cheaper_words_keep_their_place(long: str, short: str, country: str) -> None:
    assert not compare(Record(long, country), Record(short, country)).same


def test_skip_weights_of_given_names_royal_epithets_and_coordinated_terms() -> None:
    from kg.resolve.link import _skip_weights
    assert _skip_weights(("gottfried", "wilhelm", "leibniz", "universitaet"), "DE") == (0.5, 0.5, 1.0, 0.5)
    assert _skip_weights(("universitaet", "wilhelm"), "DE") == (0.5, 1.0)  # no surname after it
    assert _skip_weights(("koninklijk", "nederlands"), "NL") == (0.0, 1.0)
    # the state's name, as a head word: a short form often leaves it out; the country's name alone is a word
    assert _skip_weights(("center", "republike", "slovenije", "za", "mobilnost"), "SI") == (0.5, 0.5, 0.5, 0.0, 1.0)
    assert _skip_weights(("technik", "und", "wirtschaft", "dresden"), "DE") == (1.0, 0.0, 1.0, 1.0)
    assert _skip_weights(("aveugles", "et", "handicapes", "visuels", "de", "france"), "FR") == (
        1.0, 0.0, 0.5, 0.5, 0.0, 1.0)


def test_a_long_form_ends_before_a_preposition_that_attaches_a_parent() -> None:
    from kg.resolve.link import _long_forms
    forms = _long_forms("Lietuvos geologijos tarnyba prie Aplinkos ministerijos", "LT")
    assert ("lietuvos", "geologijos", "tarnyba") in forms
    assert ("tarnyba",) not in _long_forms("Tarnyba prie Aplinkos ministerijos", "LT")


def test_a_known_part_of_a_compound_follows_another() -> None:
    """"Photo" is a part of "VPIphotonics", but "VPI" none: "VPN" is no abbreviation of it."""
    assert alignment_cost("abi", ("agrobioinstitute",), (1.0,)) == 0.5
    assert alignment_cost("vpn", ("vpiphotonics",), (1.0,)) > 1.0
    assert not compare(Record("VPIPHOTONICS GMBH", "DE", "Berlin"), Record("VPN", "DE", "Berlin")).same
