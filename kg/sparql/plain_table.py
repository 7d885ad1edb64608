"""The table of ``eukg query`` for big answers: rich's look, written line by line without rich's layout engine.

rich measures, wraps and renders every cell as a renderable of its own: 1.5 s of CPU for the 2,377 rows of
``regions`` (cProfile: all of it in rich's table layout), where the CSV of the same answer takes 0.1 s.
Past :data:`ROWS` rows :func:`kg.sparql.output.write_answer` writes the table with :func:`write_table`
instead: the same frame (rich's ``HEAVY_HEAD`` box), the title centred above it, one column per variable
as wide as its widest cell, and when the table is wider than the terminal the widest columns are
narrowed and their cells folded onto more lines, as rich folds them. Values are written as they are
(rich would read ``[…]`` in a value as markup).
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from typing import TextIO

__all__ = ["ROWS", "fit_widths", "terminal_width", "write_table"]

#: Answers with more rows than this are written by :func:`write_table`, smaller ones by rich.
ROWS = 500
_MIN = 4  # the narrowest a column is made


def _width(value: str) -> int:
    """The terminal cells ``value`` takes (a wide character two, a combining mark none)."""
    from rich.cells import cell_len

    return cell_len(value)


def terminal_width() -> int:
    """The width rich gives its console: ``COLUMNS``, else the terminal of stdin, stdout or stderr, else 80."""
    width = None
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else (width or 80)


def fit_widths(widths: Sequence[int], room: int) -> list[int]:
    """Return the column widths narrowed so that they sum to at most ``room``: the widest are narrowed first.

    >>> fit_widths([10, 30, 20], 40)
    [10, 15, 15]
    >>> fit_widths([5, 6], 40)
    [5, 6]
    """
    fitted = list(widths)
    while sum(fitted) > room:
        widest = max(fitted)
        if widest <= _MIN:
            break
        second = max([w for w in fitted if w < widest], default=_MIN)
        at_widest = [i for i, w in enumerate(fitted) if w == widest]
        excess = sum(fitted) - room
        step = max(1, min(widest - max(second, _MIN), -(-excess // len(at_widest))))
        for i in at_widest:
            fitted[i] = widest - step
    return fitted


def _fold(value: str, width: int) -> list[str]:
    """The lines of a cell ``width`` wide: wrapped at spaces, a longer word folded."""
    lines = [part for line in value.splitlines() or [""]
             for part in (textwrap.wrap(line, width, break_long_words=True, break_on_hyphens=False,
                                        drop_whitespace=True) or [""])]
    return lines


def _pad(value: str, width: int) -> str:
    return value + " " * max(0, width - _width(value))


def write_table(columns: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO, title: str | None = None,
                room: int = 80) -> None:
    """Write ``rows`` under ``columns`` as a framed table at most ``room`` terminal cells wide."""
    natural = [max([_width(c), *(_width(row[i]) for row in rows)]) for i, c in enumerate(columns)]
    widths = fit_widths(natural, max(len(columns) * _MIN, room - 3 * len(columns) - 1))
    total = sum(widths) + 3 * len(columns) + 1
    if title:
        for line in textwrap.wrap(title, total) or [""]:
            out.write(_centre(line, total) + "\n")
    rule = [("━" * (w + 2)) for w in widths]
    out.write("┏" + "┳".join(rule) + "┓\n")
    _write_row(out, columns, widths, "┃")
    out.write("┡" + "╇".join(rule) + "┩\n")
    for row in rows:
        _write_row(out, row, widths, "│")
    out.write("└" + "┴".join("─" * (w + 2) for w in widths) + "┘\n")


def _centre(line: str, total: int) -> str:
    left = (total - _width(line)) // 2
    return " " * left + line + " " * (total - left - _width(line))


def _write_row(out: TextIO, cells: Sequence[str], widths: Sequence[int], bar: str) -> None:
    folded = [_fold(cell, w) if _width(cell) > w or "\n" in cell else [cell] for cell, w in zip(cells, widths,
                                                                                                  strict=True)]
    for k in range(max(len(lines) for lines in folded)):
        parts = [_pad(lines[k] if k < len(lines) else "", w) for lines, w in zip(folded, widths, strict=True)]
        out.write(bar + " " + f" {bar} ".join(parts) + f" {bar}\n")
