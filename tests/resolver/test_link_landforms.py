"""Mountain ranges, rivers and historical lands that name bodies across borders, read alike in their languages: a
national park's mountains as a noun in English and as an adjective in Czech or Polish, the Rhine and the Meuse of the
Euregios, the Pyrenees of a Spanish institute, Bohemia in Czech; the départements named after them stay apart."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Správa Krkonošského národního parku", "Krkonoše Mountains National Park Administration", "CZ"),
    ("Karkonoski Park Narodowy", "Karkonosze National Park", "PL"),
    ("Tatranský národný park", "Tatra National Park", "SK"),
    ("Euregio Maas-Rhein", "Euregio Meuse-Rhine", "DE"),
    ("Hochschule Rhein-Waal", "Rhine-Waal University of Applied Sciences", "DE"),
    ("Instituto Pirenaico de Ecología", "Pyrenean Institute of Ecology", "ES"),
    ("Muzeum východních Čech v Hradci Králové", "Museum of Eastern Bohemia in Hradec Králové", "CZ"),
])
def test_one_body_named_after_its_landform(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country_a", "country_b"), [
    # two départements named after one river or range
    ("Département du Bas-Rhin", "Département du Haut-Rhin", "FR", "FR"),
    ("Conseil départemental des Pyrénées-Orientales", "Département des Hautes-Pyrénées", "FR", "FR"),
    # two districts on one river
    ("Rhein-Sieg-Kreis", "Rhein-Kreis Neuss", "DE", "DE"),
    # the national parks of the one range on the two sides of a border
    ("Správa Krkonošského národního parku", "Karkonoski Park Narodowy", "CZ", "PL"),
    # two regions of one land
    ("Středočeský kraj", "South Bohemian Region", "CZ", "CZ"),
])
def test_two_bodies_of_one_landform(a: str, b: str, country_a: str, country_b: str) -> None:
    assert not compare(Record(a, country_a), Record(b, country_b)).same
