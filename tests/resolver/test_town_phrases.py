"""Town names of two words or more that hold a head word (``Novo mesto``: ``mesto`` is a town as a kind of body) are
read as the town, not as a kind of body (``kg/resolve/data/place_phrases.tsv``, :mod:`kg.resolve.place_table`)."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.resolve import place_table
from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse
from kg.resolve.place_table import phrases
from kg.resolve.places import _phrase_table, town_phrases


def test_a_town_phrase_names_no_kind_of_body() -> None:
    assert parse("ŠOLSKI CENTER NOVO MESTO", "SI").core == ("centre", "novo", "mesto")
    assert parse("ŠOLSKI CENTER NOVO MESTO", "SI").kinds == {"school"}  # a school's, no municipality's
    assert parse("Mestna občina Novo mesto", "SI").kinds == {"municipality"}  # its own head word stays


def test_two_towns_schools_are_two_bodies() -> None:
    match = compare(Record("ŠOLSKI CENTER NOVA GORICA", "SI", "Nova Gorica"), Record("ŠOLSKI CENTER NOVO MESTO", "SI"))
    assert not match.same


def test_a_town_phrase_is_one_of_its_country_only() -> None:
    assert "novo" in town_phrases("SI")
    assert "novo" not in town_phrases("HR")
    assert town_phrases(None) == {}


def test_phrases_keep_towns_whose_name_begins_with_no_head_word(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"name": "Novo mesto", "countrycode": "SI", "population": 23341},
            {"name": "Gemeinde Friedland", "countrycode": "DE", "population": 10568},  # a municipality's name
            {"name": "Schwäbisch Hall", "countrycode": "DE", "population": 36000},  # hall says how a body is run
            {"name": "Stare Mesto", "countrycode": "SK", "population": 500}]  # too small
    monkeypatch.setattr(place_table, "_towns", lambda languages: rows)
    assert phrases({"SI": (), "DE": (), "SK": ()}) == [("SI", "novo mesto")]


def test_a_malformed_phrase_table_names_its_file(tmp_path) -> None:
    path = tmp_path / "place_phrases.tsv"
    path.write_text("country\tplace\nSI\tnovo\n", encoding="utf-8")
    with pytest.raises(InputError, match="two words"):
        _phrase_table(path)
