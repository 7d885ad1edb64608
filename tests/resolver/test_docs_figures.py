"""docs/performance.md shows the resolver's figures of the benchmark result files, as resolve_speed.py --docs writes them."""

from __future__ import annotations

import json

from benchmarks.resolve_speed import DOCS, END, RESULT, START, THRESHOLDS, render


def test_the_docs_figures_are_those_of_the_result_files() -> None:
    speed = json.loads(RESULT.read_text(encoding="utf-8"))
    thresholds = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
    text = DOCS.read_text(encoding="utf-8")
    shown = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert shown == render(speed, thresholds)


def test_the_chosen_thresholds_are_the_ones_in_force() -> None:
    from kg.resolve import thresholds

    chosen = json.loads(THRESHOLDS.read_text(encoding="utf-8"))["chosen"]
    assert (chosen["accept"], chosen["margin"], chosen["floor"]) == (
        thresholds.ACCEPT, thresholds.MARGIN, thresholds.FLOOR)
