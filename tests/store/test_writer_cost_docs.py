"""The writer's cost figures in docs/store.md are the ones in benchmarks/results/writer-cost.json."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.writer_cost import DOCS, END, RESULTS, START, render


def test_docs_show_the_measured_figures() -> None:
    results = json.loads(Path(RESULTS).read_text(encoding="utf-8"))
    text = DOCS.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == render(results).strip()
    assert results["runs"], "benchmarks/results/writer-cost.json holds no run"
