"""docs/ingest-quality.md shows the figures of the benchmark result files it is generated from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ingest-quality.md"
QUALITY = ROOT / "benchmarks" / "results" / "ingest-quality.json"
NER = ROOT / "benchmarks" / "results" / "ingest-ner.json"


def test_quality_page_shows_the_measured_figures() -> None:
    result, text = json.loads(QUALITY.read_text(encoding="utf-8")), DOC.read_text(encoding="utf-8")
    for setting in ("all", "accepted"):
        assert f"Macro-F1: **{result[setting]['macro_f1']:.2f}**" in text
        for kind, s in result[setting]["per_kind"].items():
            assert f"| {kind} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['gold']} " in text


def test_quality_page_compares_the_ner_it_could_measure_with_the_rules() -> None:
    if not NER.is_file():
        pytest.skip("benchmarks/ingest_ner.py has not been run")
    ner, text = json.loads(NER.read_text(encoding="utf-8")), DOC.read_text(encoding="utf-8")
    assert "## A statistical NER against the rules" in text
    for name in ner["tried"]:
        assert f"`{name}`" in text  # every pipeline tried is named, with why it was or was not used
    for kind, s in ner.get("scores", {}).get("ner", {}).items():
        assert f"| {kind} | the NER | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} |" in text
    assert ner.get("conclusion", "") in text
