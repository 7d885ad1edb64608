"""Pairs a fresh `eukg build --datasets all` linked wrongly (real names of its datasets), now told apart."""

from __future__ import annotations

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse


def test_two_stacked_legal_forms_are_both_taken_out():
    # Polish limited partnerships whose partner is a limited company: "sp. z o.o. sp. k."
    assert parse("DRAGON POLAND SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL").core \
        == ("dragon", "poland")
    assert not compare(Record("DRAGON POLAND SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL"),
                       Record("WKG SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL")).same
    assert compare(Record("CHROMA SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA", "PL"),
                   Record("Chroma sp. z o.o. sp. k.", "PL")).same


def test_a_municipality_named_by_a_towns_adjective_is_not_the_towns():
    assert not compare(Record("ОБЩИНА ГРАД ДОБРИЧ", "BG"), Record("Dobrichka Municipality Administration", "BG")).same
    assert compare(Record("Община Добричка", "BG"), Record("Dobrichka Municipality", "BG")).same
    # Other bodies named by the adjective are the town's.
    assert compare(Record("Uniwersytet Warszawski", "PL"), Record("University of Warsaw", "PL")).same


def test_a_word_with_a_prefix_is_another_word():
    a = Record("INSTITUTE OF ORGANIC CHEMISTRY - POLISH ACADEMY OF SCIENCES", "PL", "Warszawa")
    b = Record("Institute of Bioorganic Chemistry Polish Academy of Sciences", "PL")
    assert not compare(a, b).same
