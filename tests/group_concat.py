"""Comparing answers of different engines: SPARQL leaves the order of a GROUP_CONCAT's parts to the
engine (Virtuoso, and pyoxigraph on disk against in memory, join them in different orders)."""

from __future__ import annotations

SEPARATOR = "; "  # the separator of every GROUP_CONCAT in queries/


def parts_sorted(cell: object) -> object:
    """``cell`` with its "; "-joined parts sorted; other cells (None, terms without the separator) as they are."""
    if cell is None or SEPARATOR not in str(cell):
        return cell
    return SEPARATOR.join(sorted(str(cell).split(SEPARATOR)))


def rows_with_parts_sorted(rows: list[tuple]) -> list[tuple]:
    """The rows in their order, each cell through :func:`parts_sorted`."""
    return [tuple(parts_sorted(cell) for cell in row) for row in rows]
