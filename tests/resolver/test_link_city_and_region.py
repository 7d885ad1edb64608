"""A record's city against another's region, and the words of a record's city in an authority's name."""

from __future__ import annotations

from kg.resolve.link import Record, compare


def test_a_town_and_a_region_do_not_disagree() -> None:
    # Keep.eu gives the partner's town, Kohesio the beneficiary's region: the town may lie in the region
    a = Record("AZRRI – Agency for rural development of Istria Ltd. Pazin", "HR", "Pazin")
    b = Record("AZRRI – Agency for rural development of Istria ltd", "HR", "Istarska županija")
    assert compare(a, b).same


def test_two_towns_still_disagree() -> None:
    assert not compare(Record("ASTER SPA", "IT", "Roma"),
                       Record("ASTER - SOCIETA CONSORTILE PER AZIONI", "IT", "Bologna")).same


def test_an_authority_keeps_its_own_place_in_its_name() -> None:
    # the village named after its neighbour is not the neighbouring town, though the record's city writes both
    assert not compare(Record("Obec Mosty u Jablunkova", "CZ", "Mosty u Jablunkova"),
                       Record("Město Jablunkov", "CZ", "Moravian-Silesian Region")).same
    assert not compare(Record("Obec Orlické Záhoří", "CZ", "Orlické Záhoří"), Record("Obec Záhoří", "CZ")).same


def test_an_authority_may_leave_out_its_towns_region() -> None:
    assert compare(Record("City of Nowy Dwór Mazowiecki", "PL", "Nowy Dwór Mazowiecki"),
                   Record("Nowy Dwor Municipality", "PL")).same
