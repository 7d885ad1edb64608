"""Points of the compass tell two bodies apart, as numbers do; an acronym may skip a preposition of any language."""

from __future__ import annotations

from kg.resolve.link import Record, compare


def test_two_points_of_the_compass_name_two_bodies():
    assert not compare(Record("Karlsruher Institut für Technologie - Campus Nord", "DE", None),
                       Record("Karlsruher Institut für Technologie - Campus Sud", "DE", None)).same
    north_east = Record("Agenția pentru Dezvoltare Regională Nord-Est", "RO", None)
    assert not compare(north_east, Record("Agenția pentru Dezvoltare Regională Nord-Vest", "RO", None)).same
    assert not compare(north_east, Record("Agenția pentru Dezvoltare Regională Sud-Est", "RO", None)).same


def test_an_acronym_of_the_leading_words_with_the_rest_written_out_is_one_body():
    # ADR: Agenția (pentru) Dezvoltare Regională
    assert compare(Record("Agenția pentru Dezvoltare Regională Nord-Est", "RO", None),
                   Record("ADR Nord-Est", "RO", None)).same


def test_the_middle_of_a_land_and_a_point_of_the_compass_name_two_bodies():
    centro = "Comissão de Coordenação e Desenvolvimento Regional do Centro"
    norte = "Comissão de Coordenação e Desenvolvimento Regional do Norte"
    assert not compare(Record(centro, "PT"), Record(norte, "PT")).same
    assert not compare(Record("Agenția pentru Dezvoltare Regională Centru", "RO"),
                       Record("Agenția pentru Dezvoltare Regională Nord-Vest", "RO")).same
    assert compare(Record(norte, "PT"), Record("Regional Coordination and Development Commission of the North", "PT")).same
