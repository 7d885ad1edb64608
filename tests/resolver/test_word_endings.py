"""Word endings: one word inflected is one word; a word extended by letters that are no ending is another."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.resolve.endings import endings, is_ending
from kg.resolve.link import Record, compare, core_score


@pytest.mark.parametrize(("short", "long"), [
    ("zagreb", "zagrebu"),          # Croatian locative
    ("lodz", "lodzki"),             # Polish adjective of a town
    ("slovenia", "slovenije"),      # Slovene genitive
    ("zilina", "zilinsky"),         # Slovak adjective
    ("debrecen", "debreceni"),      # Hungarian adjective
    ("europe", "europea"),          # Italian adjective
])
def test_inflected_words_are_one_word(short, long):
    assert core_score((short,), (long,)) == 100.0


@pytest.mark.parametrize(("short", "long"), [
    ("nograd", "nogradsap"),        # two Hungarian villages: "sáp" is no Hungarian ending
    ("szomor", "szomod"),
])
def test_words_extended_otherwise_are_two_words(short, long):
    assert core_score((short,), (long,)) < 90


def test_two_villages_one_name_inside_the_other_are_two_bodies():
    a = Record("NÓGRÁD KÖZSÉG ÖNKORMÁNYZATA", "HU", "Nógrád")
    b = Record("NÓGRÁDSÁP KÖZSÉG ÖNKORMÁNYZATA", "HU", "Nógrád")
    assert not compare(a, b).same


def test_endings_are_folded_like_names():
    assert is_ending("ski") and is_ending("ou") and is_ending("")  # Greek -ου is "ou"
    assert not is_ending("sap")
    assert "rol" in endings()  # Hungarian -ról


def test_a_bad_line_of_the_table_names_file_and_line(tmp_path):
    table = tmp_path / "endings.tsv"
    table.write_text("# comment\npl\ta e\nde\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"endings\.tsv:3: expected a language"):
        endings(table)
