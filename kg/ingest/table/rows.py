"""What a table import holds per row: one partner of one row (:class:`_Row`) and one organisation of a
list of organisations (:class:`_Listed`, ``rows: organisations``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.ingest.table.result import RowProblem, TableResult


@dataclass
class _Row:
    """One partner of one row: its values, and what checking them found."""

    line: int
    values: dict[str, Any]
    headers: dict[str, str]
    path: Path
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    def problem(self, message: str, name: str | None = None) -> None:
        found = RowProblem(str(self.path), self.line, message, self.headers.get(name, name))
        if found not in self.problems:  # two fields read from one column: one report
            self.problems.append(found)

    def warning(self, message: str, name: str | None = None) -> None:
        self.warnings.append(RowProblem(str(self.path), self.line, message, self.headers.get(name, name)))


@dataclass
class _Listed:
    """An organisation of a list (``rows: organisations``): its first row, the regions its rows give, its spellings."""

    row: _Row
    checked: dict
    regions: dict[tuple, list[int]] = field(default_factory=dict)  # region -> lines that give it
    spellings: set[str] = field(default_factory=set)

    def region(self, result: TableResult) -> tuple | None:
        """The region most of its rows give, or None (with a warning) when none does."""
        if len(self.regions) < 2:
            return next(iter(self.regions), None)
        ranked = sorted(self.regions.items(), key=lambda item: -len(item[1]))
        if len(ranked[0][1]) * 2 > sum(len(lines) for lines in self.regions.values()):
            return ranked[0][0]
        lines = sorted(line for found in self.regions.values() for line in found)
        result.add_warning(RowProblem(
            str(self.row.path), self.row.line, f"{self.row.values['partner_name']!r} is listed in "
            f"{len(self.regions)} regions (lines {', '.join(map(str, lines[:5]))}{' …' if len(lines) > 5 else ''}) "
            "and none holds most of its rows: it is loaded without a region", self.row.headers.get("nuts", "nuts")))
        return None
