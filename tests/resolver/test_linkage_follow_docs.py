"""The cost of following writes that docs/linkage.md shows is the one benchmarks/results/linkage-follow.json holds."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.linkage_follow import DOCS, RESULTS, render  # noqa: E402


def test_the_docs_show_the_stored_cost_of_following_writes() -> None:
    assert render(json.loads(RESULTS.read_text(encoding="utf-8"))) in DOCS.read_text(encoding="utf-8")
