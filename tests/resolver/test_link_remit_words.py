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
