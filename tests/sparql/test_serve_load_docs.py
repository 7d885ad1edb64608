"""The endpoint's load figures in docs/performance.md are the ones in benchmarks/results/serve-load.json."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.serve_load import CLIENTS, DOCS, END, RESULTS, START, render


def test_docs_show_the_measured_load_figures() -> None:
    results = json.loads(Path(RESULTS).read_text(encoding="utf-8"))
    text = DOCS.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == render(results).strip()
    for server in ("eukg serve", "oxigraph serve-read-only"):
        assert [row["clients"] for row in results[server]["simple"]] == list(CLIENTS)
