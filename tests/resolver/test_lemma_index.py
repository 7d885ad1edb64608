"""The dictionaries a process keeps after decoding a language twice give the same cut-down dictionaries."""

from __future__ import annotations

import pytest

from kg.resolve import lemmas


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lemmas, "_DECODED", set())
    monkeypatch.setattr(lemmas, "_BY_LEMMA", {})


@pytest.mark.parametrize("language", ["en"])
def test_kept_dictionary_cuts_down_as_decoding_does(fresh: None, language: str) -> None:
    words = ["Region", "regional", "Development", "University", "Latvijas", "Universitāte", "pašvaldība",
             "fund", "Rīga", "is", "of"]
    # (the second vocabulary adds "agency", the lemma of "agencies", which no word above begins like)
    first = lemmas.Lemmas(words).dictionary(language)  # decoded, cut down, nothing kept
    assert language not in lemmas._BY_LEMMA
    second = lemmas.Lemmas(words).dictionary(language)  # decoded again and kept
    third = lemmas.Lemmas(words + ["agency"]).dictionary(language)  # from what was kept
    assert first and first == second
    assert language in lemmas._BY_LEMMA
    assert third.keys() > first.keys()
    lemmas._DECODED.clear()  # the same vocabulary cut down from a fresh decoding
    assert lemmas.Lemmas(words + ["agency"]).dictionary(language) == third


def test_a_word_added_finds_its_forms(fresh: None) -> None:
    lemmas.Lemmas(["Region"]).dictionary("en")
    lemmas.Lemmas(["Region"]).dictionary("en")
    assert lemmas.Lemmas(["Region", "agency"]).lemma("agencies", "en") == "agency"


def test_a_language_simplemma_lacks_is_empty(fresh: None) -> None:
    assert lemmas.Lemmas(["word"]).dictionary("xx") == {}
    assert lemmas.Lemmas(["word"]).dictionary("xx") == {}
