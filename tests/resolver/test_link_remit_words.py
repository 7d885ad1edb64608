"""A ministry's or agency's remit (agriculture, finance, transport …) written in the body's language and in English."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Ministry of Agriculture", "Ministarstvo poljoprivrede", "HR"),
    ("Ministry of Agriculture", "Ministerstvo zemědělství", "CZ"),
    ("Ministry of Finance", "Министерство на финансите", "BG"),
    ("Ministry of Education", "Ministerstvo školstva", "SK"),
    ("Ministry of Economy", "Ministerstwo Gospodarki", "PL"),
    ("Ministry of Transport", "Satiksmes ministrija", "LV"),
    ("Ministry of Justice", "Ministrstvo za pravosodje", "SI"),
    ("Ministry of Labour and Social Affairs", "Ministerstvo práce a sociálních věcí", "CZ"),
])
def test_a_remit_in_two_languages_is_one_ministry(a, b, country):
    assert compare(Record(a, country, None), Record(b, country, None)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Ministry of Agriculture", "Ministarstvo kulture", "HR"),
    ("Ministry of Finance", "Ministerstvo zemědělství", "CZ"),
    ("Ministry of Environment", "Susisiekimo ministerija", "LT"),
    ("Ministry of Health", "Ministerul Educației", "RO"),
    # a compound holding a remit word names a body of its own: the ministry of the environment and its inspectorate
    ("KESKKONNAMINISTEERIUM", "KESKKONNAINSPEKTSIOON", "EE"),
])
def test_two_remits_are_two_ministries(a, b, country):
    assert not compare(Record(a, country, None), Record(b, country, None)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # a ministry given remits, or relieved of some: its name as written, with words inserted
    ("MINISTRY FOR FINANCE", "MINISTRY FOR FINANCE AND EMPLOYMENT", "MT"),
    ("Bundesministerium fuer Landesverteidigung und Sport", "BUNDESMINISTERIUM FUER LANDESVERTEIDIGUNG", "AT"),
    ("MINISTERIE VAN ECONOMISCHE ZAKEN", "MINISTERIE VAN ECONOMISCHE ZAKEN EN KLIMAAT", "NL"),
    ("Ministero dell'Economia", "Ministero dell'Economia e delle Finanze", "IT"),
    # its remits listed with commas: the parts after the first name no body, unit or place
    ("MINISTRY FOR TRANSPORT AND INFRASTRUCTURE", "MINISTRY FOR TRANSPORT, INFRASTRUCTURE AND PUBLIC WORKS", "MT"),
    ("MINISTARSTVO PROSVETE, NAUKE I TEHNOLOSKOG RAZVOJA", "MINISTARSTVO PROSVETE", "RS"),
    # in two languages (Kohesio's beneficiary, Keep.eu's partner): the remits as the word tables read them
    ("Ministarstvo gospodarstva, poduzetništva i obrta", "Ministry of Entrepreneurship and Craft", "HR"),
    ("MINISTER SPRAW WEWNĘTRZNYCH I ADMINISTRACJI", "Ministry of Interior and Administration", "PL"),
])
def test_a_ministry_given_remits_is_one_ministry(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # a body of the ministry: in a part of its own that names a body, a unit or a place, or naming the ministry in
    # another case
    ("Ministarstvo rada i mirovinskoga sustava",
     "Ministarstvo rada i mirovinskoga sustava, Uprava za tržište rada i zapošljavanje", "HR"),
    ("MINISTERSTVO NA VATREShNITE RABOTI", "MINISTERSTVO NA VATREShNITE RABOTI Institut po psihologiya", "BG"),
    ("Lietuvos Respublikos socialinės apsaugos ir darbo ministerija",
     "Užimtumo tarnyba prie Lietuvos Respublikos socialinės apsaugos ir darbo ministerijos", "LT"),
    ("LIETUVOS RESPUBLIKOS ZEMES UKIO MINISTERIJA",
     "Žuvininkystės tarnyba prie Lietuvos Respublikos žemės ūkio ministerijos", "LT"),
    ("Estonian Ministry of Environment", "Keskkonnaministeeriumi Infotehnoloogiakeskus", "EE"),
    ("MINISTERE DE L'INTERIEUR", "CIVI POL CONSEIL, SOCIETE DE CONSEIL ET DE SERVICE DU MINISTERE DE L'INTERIEUR",
     "FR"),
    # a Land's ministry is not the federation's
    ("Bundesministerium für Wirtschaft", "Sächsisches Staatsministerium für Wirtschaft und Arbeit", "DE"),
    # two remits are two ministries
    ("BUNDESMINISTERIUM FUER BILDUNG, WISSENSCHAFT UND FORSCHUNG", "BUNDESMINISTERIUM FUER INNERES", "AT"),
])
def test_a_ministry_is_not_its_body_nor_another_ministry(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_a_latvian_ministry_of_environmental_protection_in_english():
    assert compare(Record("VIDES AIZSARDZIBAS UN REGIONALAS ATTISTIBAS MINISTRIJA", "LV"),
                   Record("Ministry of Environmental Protection and Regional Development of the Republic of Latvia",
                          "LV")).same
