"""The benchmark harness's report writing (no timings are asserted)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.run import END, START, _ratio, markdown, write_doc


def _report(seconds: float) -> dict:
    return {
        "date": "2026-01-01", "machine": "test", "triples": 1000, "new_source_triples": 10,
        "generated": {"projects": 1, "organisations": 2, "participations": 3},
        "steps": {
            "build": {"seconds": seconds, "baseline_seconds": 4.0, "ratio": _ratio(4.0, seconds), "peak_rss_mb": 10.0},
            "validate_full": {"seconds": 1.0, "same_results": False, "baseline_error": "did not finish"},
            "analytics": {"pending": "later"},
        },
    }


def test_markdown_table_names_ratio_differences_and_pending_steps() -> None:
    table = markdown(_report(2.0))
    assert "| build | 2.0 | 4.0 | 2.0× |" in table
    assert "DIFFERENT results" in table and "baseline error: did not finish" in table
    assert "pending: later" in table


def test_write_doc_replaces_only_its_own_section(tmp_path: Path) -> None:
    doc = tmp_path / "scale.md"
    doc.write_text(f"# Scale\n\nintro\n\n{START}\n{END}\n\nafter\n", encoding="utf-8")
    write_doc(markdown(_report(2.0)), "1k", doc)
    write_doc(markdown(_report(1.0)), "2k", doc)
    write_doc(markdown(_report(0.5)), "1k", doc)
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Scale\n\nintro") and text.rstrip().endswith("after")
    assert text.count("### 1k") == 1 and text.count("### 2k") == 1
    assert "| build | 0.500 | 4.0 | 8.0× |" in text and "| build | 2.0 | 4.0 | 2.0× |" not in text
