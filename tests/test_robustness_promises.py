"""The robustness page's table of promises cites tests that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## What is promised, and which tests show it"


def _rows() -> list[str]:
    readme = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    section = readme[readme.index(SECTION):]
    end = section.find("\n## ", len(SECTION))
    table = section[: end if end > 0 else None]
    return [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| promise")]


def _defined(path: Path, name: str) -> bool:
    files = [path] if path.is_file() else sorted(path.rglob("test_*.py"))
    return any(re.search(rf"^\s*def {re.escape(name)}\(", f.read_text(encoding="utf-8"), re.M) for f in files)


def test_the_table_has_promises() -> None:
    assert len(_rows()) >= 10


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row[2:40])
def test_every_cited_test_exists(row: str) -> None:
    shown_by = row.rsplit("|", 2)[-2]
    cited = re.findall(r"`(tests/[\w/.]+)(?:::(\w+))?`", shown_by)
    assert cited or "PARSE_ERRORS" in shown_by, f"a promise without a test: {row}"
    for path, name in cited:
        assert (ROOT / path).exists(), f"{path} does not exist"
        if name:
            assert _defined(ROOT / path, name), f"{path} has no test {name}"
    files = [ROOT / path for path, _ in cited]
    for name in re.findall(r"`(test_\w+)`", shown_by):
        assert any(_defined(f, name) for f in files), f"{name} is in none of {[str(f) for f in files]}"
    if "PARSE_ERRORS" in shown_by:
        import importlib.util

        spec = importlib.util.spec_from_file_location("bad_rdf", ROOT / "tests/robustness/test_bad_rdf_input.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for key in re.findall(r'\["([^"]+)"\]', shown_by):
            assert key in module.PARSE_ERRORS, f"PARSE_ERRORS has no case {key!r}"
