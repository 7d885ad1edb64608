"""Comparing the answers of different SPARQL engines as sorted multisets of rows.

SPARQL leaves the order of the rows, and of a GROUP_CONCAT's parts, to the engine (Virtuoso, and
pyoxigraph on disk against in memory, join the parts in different orders). Two answers are the same
when their header is the same and their rows, each cell with its "; "-joined parts sorted, are the same
multiset. ``eukg query -f csv`` quotes a cell a spreadsheet would read as a formula
(:func:`kg.sparql.output.spreadsheet_cell`); :func:`csv_file_rows` takes that quote off when asked.

>>> rows_with_parts_sorted([("b; a", None, "x")])
[('a; b', None, 'x')]
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.sparql.output import FORMULA_STARTS

__all__ = ["SEPARATOR", "csv_file_rows", "difference", "normalised", "parts_sorted", "rows_with_parts_sorted"]

SEPARATOR = "; "  # the separator of every GROUP_CONCAT in queries/


def parts_sorted(cell: object) -> object:
    """``cell`` with its "; "-joined parts sorted; other cells (None, terms without the separator) as they are."""
    if cell is None or SEPARATOR not in str(cell):
        return cell
    return SEPARATOR.join(sorted(str(cell).split(SEPARATOR)))


def rows_with_parts_sorted(rows: list[tuple]) -> list[tuple]:
    """The rows in their order, each cell through :func:`parts_sorted`."""
    return [tuple(parts_sorted(cell) for cell in row) for row in rows]


def normalised(csv_text: str) -> list[tuple[str, ...]]:
    """The header and rows of a CSV answer, each row with its parts sorted, the whole sorted."""
    return sorted(rows_with_parts_sorted(list(map(tuple, csv.reader(io.StringIO(csv_text))))))


def _unquoted(cell: str) -> str:
    """``cell`` without the quote that :func:`kg.sparql.output.spreadsheet_cell` put before a formula start.

    >>> _unquoted("'=1+1"), _unquoted("'quoted"), _unquoted("-12")
    ('=1+1', "'quoted", '-12')
    """
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def csv_file_rows(path: Path, spreadsheet: bool = False) -> Iterator[tuple[str, ...]]:
    """The rows of the CSV answer in ``path`` (its header first), each with its parts sorted; with
    ``spreadsheet``, without the quotes of :func:`kg.sparql.output.spreadsheet_cell`."""
    with open(path, encoding="utf-8", newline="") as answer:
        for row in csv.reader(answer):
            cells = map(_unquoted, row) if spreadsheet else row
            yield tuple(str(parts_sorted(cell)) for cell in cells)


def _counts(rows: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], Counter[int]]:
    """The header, and how often each row occurs (by its hash: a multiset of millions of rows stays small)."""
    rows = iter(rows)
    header = next(rows, ())
    return header, Counter(map(hash, rows))


def difference(reference: Iterable[tuple[str, ...]], other: Iterable[tuple[str, ...]]) -> str | None:
    """None when the two answers (header first, as :func:`csv_file_rows` gives them) are the same multiset of
    rows; else one line that says how they differ.

    >>> difference([("a",), ("1",), ("2",)], [("a",), ("2",), ("1",)]) is None
    True
    >>> difference([("a",), ("1",), ("1",)], [("a",), ("1",), ("3",)])
    '1 row only in the reference, 1 only in this answer (2 rows against 2)'
    >>> difference([("a",)], [("b",)])
    "header ('b',) instead of ('a',)"
    """
    (head, mine), (their_head, theirs) = _counts(reference), _counts(other)
    if head != their_head:
        return f"header {their_head} instead of {head}"
    if mine == theirs:
        return None
    missing, extra = sum((mine - theirs).values()), sum((theirs - mine).values())
    return (f"{missing:,} row{'s' * (missing != 1)} only in the reference, {extra:,} only in this answer "
            f"({sum(mine.values()):,} rows against {sum(theirs.values()):,})")
