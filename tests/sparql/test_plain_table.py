"""The table of big answers (kg.sparql.plain_table): rich's frame and folding, written without rich's layout."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from kg.sparql import output, plain_table
from kg.sparql.queries import evaluation_errors, find, solutions


def _regions(store):
    named = find("regions")
    with evaluation_errors(named):
        return solutions(named, store), named.summary


@pytest.mark.parametrize("width", [80, 120])
def test_a_big_answer_is_the_table_rich_writes(store, width: int, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    answer, title = _regions(store)
    ours = io.StringIO()
    output.write_table(answer, ours, title=title)
    theirs = io.StringIO()
    Console(file=theirs, width=width).print(output.answer_table(_regions(store)[0], title=title))
    assert ours.getvalue().count("\n") > plain_table.ROWS  # the plain writer wrote it
    assert ours.getvalue() == theirs.getvalue()


def test_a_narrow_terminal_folds_cells_and_every_line_fits() -> None:
    rows = [[f"value-{k}-" + "x" * (k % 30), "Łódź [bold]not markup[/bold]"] for k in range(plain_table.ROWS + 1)]
    out = io.StringIO()
    plain_table.write_table(["first", "second"], rows, out, title="A title longer than the room", room=30)
    lines = out.getvalue().splitlines()
    body = lines[lines.index(next(line for line in lines if line.startswith("┏"))):]
    assert {cell_len(line) for line in body} == {cell_len(body[0])} and cell_len(body[0]) <= 30
    first = "".join(line.split("│")[1].strip() for line in body if line.startswith("│"))
    assert first == "".join(row[0] for row in rows)  # every value whole, folded over its lines
    assert "[bold]not" in out.getvalue()  # written as it is, not read as markup


def test_columns_are_narrowed_widest_first() -> None:
    assert plain_table.fit_widths([10, 30, 20], 40) == [10, 15, 15]
    assert plain_table.fit_widths([3, 50], 20) == [3, 17]
