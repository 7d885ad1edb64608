"""Scoring of extraction against gold entities."""

from __future__ import annotations

import pytest

from kg.ingest.evaluate import Gold, score


def test_score_matches_by_iri_or_label_once_each() -> None:
    gold = [Gold("urn:a", {"Municipiul Timișoara", "Timișoara Municipality"}), Gold("urn:b", {"Lodz"}),
            Gold(None, {"Laura Gredzens"})]
    result = score([("urn:b", "Łódź"), (None, "municipiul timisoara"), (None, "Lodz"), (None, "Somebody Else")], gold)
    assert (result.predicted, result.gold, result.matched) == (4, 3, 2)
    assert result.precision == pytest.approx(0.5) and result.recall == pytest.approx(2 / 3)
    assert result.missed == ["Laura Gredzens"] and result.spurious == ["Lodz", "Somebody Else"]


def test_empty_sets_have_no_ratio() -> None:
    result = score([], [])
    assert result.precision is None and result.recall is None
