"""Record linkage of a body and one of its units written as the body's name, a separator, then the unit.

``Ministarstvo rada i mirovinskoga sustava, Uprava za tržište rada i zapošljavanje`` is a directorate of the ministry,
``MINISTERSTWO FUNDUSZY I POLITYKI REGIONALNEJ, BIURO ZARZĄDZANIA ZASOBAMI LUDZKIMI`` an office of it: neither is
the ministry (nor the ministry's acronym). A segment that says what the body does, where it is, or gives its acronym
is no unit.
"""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, _names_unit, compare


@pytest.mark.parametrize(("body", "unit", "country"), [
    ("Ministarstvo rada i mirovinskoga sustava",
     "Ministarstvo rada i mirovinskoga sustava, Uprava za tržište rada i zapošljavanje", "HR"),
    ("Ministarstvo zaštite okoliša i energetike", "Ministarstvo zaštite okoliša i energetike - Uprava za zaštitu prirode",
     "HR"),
    ("MINISTERSTWO FUNDUSZY I POLITYKI REGIONALNEJ",
     "MINISTERSTWO FUNDUSZY I POLITYKI REGIONALNEJ, BIURO ZARZĄDZANIA ZASOBAMI LUDZKIMI", "PL"),
    ("MFiPR", "MINISTERSTWO FUNDUSZY I POLITYKI REGIONALNEJ, BIURO ZARZĄDZANIA ZASOBAMI LUDZKIMI", "PL"),
])
def test_a_unit_written_after_its_body_is_not_the_body(body: str, unit: str, country: str) -> None:
    assert not compare(Record(body, country), Record(unit, country)).same


@pytest.mark.parametrize(("a", "b", "country", "city"), [
    ("IOS, INSTITUT ZA OKOLJEVARSTVO IN SENZORJE, DOO",
     "IOS, INSTITUT ZA OKOLJEVARSTVO IN SENZORJE, PROIZVODNJA, TRGOVINA IN STORITVE DOO", "SI", "Maribor"),
    ("MFiPR", "MINISTERSTWO FUNDUSZY I POLITYKI REGIONALNEJ", "PL", None),
])
def test_a_segment_that_names_no_unit_keeps_the_body(a: str, b: str, country: str, city: str | None) -> None:
    assert compare(Record(a, country, city), Record(b, country, city)).same


@pytest.mark.parametrize(("segment", "unit"), [
    ("Uprava za zaštitu prirode", True),
    ("Дирекция Управление на водите", True),
    ("Главна дирекция Оперативна програма", True),
    ("BIURO ZARZĄDZANIA ZASOBAMI LUDZKIMI", True),
    ("Gradska uprava", False),  # a town's administration: the town
    ("Zagreb", False),
    ("PROIZVODNJA, TRGOVINA IN STORITVE", False),
])
def test_a_segment_names_a_unit_by_its_first_word(segment: str, unit: bool) -> None:
    assert _names_unit(segment) == unit
