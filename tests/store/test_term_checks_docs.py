"""The cost figures of the term checks in docs/store.md are the ones in benchmarks/results/term-checks.json."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.term_checks import DOCS, END, RESULTS, START, render


def test_docs_show_the_measured_term_check_figures() -> None:
    results = json.loads(Path(RESULTS).read_text(encoding="utf-8"))
    text = DOCS.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert results["runs"], "benchmarks/results/term-checks.json holds no run"
    assert block == render(results).strip()
