"""Query results as CSV, JSON or a terminal table."""

from __future__ import annotations

import csv
import io
import json

from rdflib import Literal
from rdflib.term import Node

from kg.queries import Result

FORMATS = ("table", "csv", "json")


def plain(term: Node | None) -> str:
    """Return a term as the SPARQL CSV results format writes it: the IRI, or the literal's lexical form."""
    if term is None:
        return ""
    return str(term)


def to_records(result: Result) -> list[dict[str, object]]:
    """Return the rows as dicts; integers and booleans keep their JSON type, other values are strings."""
    records = []
    for row in result.rows:
        record: dict[str, object] = {}
        for column, term in zip(result.columns, row, strict=True):
            if isinstance(term, Literal) and isinstance(term.toPython(), (bool, int)) and not isinstance(
                term.toPython(), float
            ):
                record[column] = term.toPython()
            else:
                record[column] = None if term is None else plain(term)
        records.append(record)
    return records


def to_csv(result: Result) -> str:
    """Return the result as CSV with a header line of the column names."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([plain(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def to_json(result: Result) -> str:
    """Return the result as a JSON list of objects, one per row."""
    return json.dumps(to_records(result), ensure_ascii=False, indent=2)


def to_table(result: Result, title: str | None = None) -> rich.table.Table:  # noqa: F821
    """Return the result as a rich table for the terminal."""
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(plain(term) for term in row))
    return table
