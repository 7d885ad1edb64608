"""A missing integration program skips its tests, except under EUKG_REQUIRE_INTEGRATION=1 (.ci/run), where it fails."""

from __future__ import annotations

import pytest
from integration_tools import REQUIRE, check_marks, missing_tool


def test_a_missing_program_skips_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REQUIRE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install raptor2-utils"):
        missing_tool("rapper is not installed (apt-get install raptor2-utils)")


def test_a_missing_program_fails_when_integration_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="rapper is not installed.*EUKG_REQUIRE_INTEGRATION=1 requires it"):
        missing_tool("rapper is not installed (apt-get install raptor2-utils)")


class _Item:
    """As much of a pytest item as check_marks reads."""

    def __init__(self, *marks: pytest.MarkDecorator) -> None:
        self.marks = [decorator.mark for decorator in marks]

    def iter_markers(self, name: str) -> list[pytest.Mark]:
        return [mark for mark in self.marks if mark.name == name]


def test_the_tool_mark_stops_only_a_test_whose_program_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(REQUIRE, "1")
    check_marks(_Item(pytest.mark.tool(False, "rapper is not installed")))  # there: the test runs
    with pytest.raises(pytest.fail.Exception, match="chromium is not installed"):
        check_marks(_Item(pytest.mark.tool(False, "rapper is not installed"), pytest.mark.tool(True, "chromium is not installed")))
