"""A name that says how its body is constituted twice, against a body founded by another."""

from __future__ import annotations

from kg.resolve.link import Record, compare


def test_a_consortium_constituted_as_an_association_is_one_body():
    a = Record("CONSORZIO NAZIONALE INTERUNIVERSITARIO PER LE SCIENZE DEL MARE", "IT", "Roma")
    b = Record("CONSORZIO NAZIONALE INTERUNIVERSITARIO PER LE SCIENZE DEL MARE ASSOCIAZIONE", "IT", "Roma")
    assert compare(a, b).same


def test_a_foundation_of_a_university_is_a_body_of_its_own():
    assert not compare(Record("FONDAZIONE POLITECNICO DI MILANO", "IT", "Milano"),
                       Record("POLITECNICO DI MILANO", "IT", "Milano")).same
    assert not compare(Record("UNIWERSYTET IM. ADAMA MICKIEWICZA W POZNANIU", "PL", "Poznań"),
                       Record("FUNDACJA UNIWERSYTETU IM ADAMA MICKIEWICZA W POZNANIU", "PL", "Poznań")).same
