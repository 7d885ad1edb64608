"""Pairs of organisation records to check, read from a tab-separated file (``eukg link check``).

The file has a header line with the columns ``name_a``, ``country_a``, ``city_or_region_a``,
``name_b``, ``country_b``, ``city_or_region_b`` (in any order, in any case, with a space for the underscore;
further columns, such as a label, are kept but not read); a file whose first line names none of these columns
and has six or more cells has no header and is read in that order. The city columns may be empty or left out,
and a row may end before its empty last cells (an editor that trims trailing tabs) or after them (a spreadsheet
that writes a tab too many). Optional columns ``identifiers_a`` and ``identifiers_b`` give each record's PICs,
VAT or national numbers (separated by ``;``; ``national:948979357`` names the kind a form would not tell: nine
digits are read as a PIC), which decide before the names (:func:`kg.resolve.link.compare`).
A file whose header has no tab but commas or semicolons is read as CSV with that delimiter and its quotes. A row
that cannot be read is reported as ``FILE:LINE: what is wrong``: ``eukg link check`` reports each such row and
answers for the others.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.resolve.link import IDENTIFIER_SCHEMES, Match, Record, compare, identifier_scheme

__all__ = ["COLUMNS", "CheckedPair", "check_pairs", "read_pairs"]

#: The columns of a pairs file.
COLUMNS = ("name_a", "country_a", "city_or_region_a", "name_b", "country_b", "city_or_region_b")
#: The columns a pairs file must have (the city columns may be left out), and those a row must fill.
_HEADER = ("name_a", "country_a", "name_b", "country_b")
_REQUIRED = ("name_a", "name_b")
# A value a CSV writer quoted: in quotes, with every quote inside it doubled ("UAB ""ELITUS""").
_QUOTED_VALUE = re.compile(r'"((?:[^"]|"")*)"')


@dataclass(frozen=True)
class CheckedPair:
    """One pair of the file, where it was read, and the matcher's answer."""

    line: int
    a: Record
    b: Record
    match: Match
    extra: dict[str, str]

    def as_dict(self) -> dict[str, object]:
        """Return the pair as the JSON object ``eukg link check --format json`` prints."""
        return {
            "line": self.line, "name_a": self.a.name, "country_a": self.a.country or "",
            "city_or_region_a": self.a.city or "", "name_b": self.b.name, "country_b": self.b.country or "",
            "city_or_region_b": self.b.city or "", "decision": "same" if self.match.same else "different",
            "score": self.match.score, "review": self.match.review, "method": self.match.method,
        }


def _identifiers(cell: str) -> tuple[tuple[str, str], ...]:
    """The identifiers of an ``identifiers_a`` or ``identifiers_b`` cell, separated by ``;`` or ``|``: each of the
    kind it names (``national:948979357``), else of the kind its form tells (:func:`kg.resolve.link.
    identifier_scheme`: nine digits a PIC …).

    >>> _identifiers("national:948979357; NO948979357MVA")
    (('national', '948979357'), ('vat', 'NO948979357MVA'))
    """
    found = []
    for value in filter(None, (v.strip() for v in re.split(r"[;|]", cell))):
        kind, _, rest = value.partition(":")
        named = kind.strip().lower() in IDENTIFIER_SCHEMES and rest.strip()
        found.append((kind.strip().lower(), rest.strip()) if named else (identifier_scheme(value), value))
    return tuple(found)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(path, "is not UTF-8 text", line) from None


def _column_name(cell: str) -> str:
    """A header cell as a column name: ``Name A`` and ``name-a`` are ``name_a``."""
    return "_".join(cell.strip().casefold().replace("-", " ").split())


def _headerless(first: list[str] | None) -> bool:
    """Whether the first line is a pair, not a header: it names none of the columns and has a cell for each."""
    return bool(first) and len(first) >= len(COLUMNS) and not {_column_name(c) for c in first} & set(COLUMNS)


def _header(path: Path, header: list[str] | None, delimiter: str) -> list[str]:
    if not header:
        raise InputError(path, f"is empty: expected a header line with {', '.join(COLUMNS)}", 1)
    names = [_column_name(h) for h in header]
    missing = [c for c in _HEADER if c not in names]
    if missing:
        raise InputError(path, f"the header lacks the column(s) {', '.join(missing)} "
                         f"(read as {_named(delimiter)}-separated; expected {', '.join(COLUMNS)})", 1)
    return names


def _named(delimiter: str) -> str:
    """The delimiter as a message names it: ``tab``, ``','``, ``';'``."""
    return "tab" if delimiter == "\t" else repr(delimiter)


def _reader(lines: list[str]) -> tuple[Iterator[list[str]], str]:
    """A CSV reader of the lines, tab-separated without quoting, or with the header's comma or semicolon and
    quotes when its header has no tab; and the delimiter."""
    first = lines[0] if lines else ""
    if "\t" in first or not ("," in first or ";" in first):
        return csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), "\t"
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.reader(lines, delimiter=delimiter), delimiter


def _unquoted(value: str) -> str:
    """A tab-separated value as written, or without the quotes a CSV writer put around it: a value in quotes
    whose quotes inside are all doubled is the name ``UAB "ELITUS"`` a writer quoted; a name that begins and
    ends with quotes of its own keeps them (``"Zora" "ES"``)."""
    quoted = _QUOTED_VALUE.fullmatch(value.strip())
    return quoted.group(1).replace('""', '"') if quoted else value


def _row(path: Path, number: int, names: list[str], values: list[str], delimiter: str) -> dict[str, str]:
    """The row's values by column; a row that ends before its header's last optional columns has them empty."""
    if delimiter == "\t":
        values = [_unquoted(v) for v in values]
    if len(values) < len(names) and all(n not in _HEADER for n in names[len(values):]):
        values = values + [""] * (len(names) - len(values))
    if len(values) > len(names) and not any(v.strip() for v in values[len(names):]):
        values = values[:len(names)]
    if len(values) != len(names):
        raise InputError(path, f"expected {len(names)} {_named(delimiter)}-separated values (the header's), "
                         f"found {len(values)}", number)
    row = {n: v.strip() for n, v in zip(names, values, strict=True)}
    empty = [c for c in _REQUIRED if not row[c]]
    if empty:
        raise InputError(path, f"{' and '.join(empty)} is empty", number)
    return row


def read_pairs(path: Path, problems: list[InputError] | None = None
               ) -> list[tuple[int, Record, Record, dict[str, str]]]:
    """Return (line, record a, record b, other columns) for every row of a pairs file.

    Parameters
    ----------
    path : Path
        The pairs file.
    problems : list, optional
        Where a row that cannot be read is put, and left out; without it, such a row raises.

    Raises
    ------
    InputError
        For a file or header that cannot be read, and for the first row that cannot be read when no
        ``problems`` list is given, naming the file and the line.
    """
    path = Path(path)
    reader, delimiter = _reader(_read_text(path).splitlines())
    first = next(reader, None)
    if _headerless(first):
        names = [*COLUMNS, *(f"column_{n}" for n in range(len(COLUMNS) + 1, len(first) + 1))]
        reader, start = itertools.chain([first], reader), 1
    else:
        names, start = _header(path, first, delimiter), 2
    pairs = []
    for number, values in enumerate(reader, start):
        if not any(v.strip() for v in values):
            continue
        try:
            row = _row(path, number, names, values, delimiter)
        except InputError as error:
            if problems is None:
                raise
            problems.append(error)
            continue
        a = Record(row["name_a"], row["country_a"] or None, row.get("city_or_region_a") or None,
                   _identifiers(row.get("identifiers_a", "")))
        b = Record(row["name_b"], row["country_b"] or None, row.get("city_or_region_b") or None,
                   _identifiers(row.get("identifiers_b", "")))
        pairs.append((number, a, b, {n: v for n, v in row.items() if n not in COLUMNS}))
    return pairs


def check_pairs(path: Path, problems: list[InputError] | None = None) -> list[CheckedPair]:
    """Read a pairs file and return every pair with the matcher's answer (``problems``: as :func:`read_pairs`)."""
    return [CheckedPair(line, a, b, compare(a, b), extra) for line, a, b, extra in read_pairs(path, problems)]
