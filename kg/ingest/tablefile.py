"""Reading a table file row by row: CSV in any encoding and delimiter, XLSX, and the join of a second file.

CSV files are streamed (``csv`` reads one record at a time, quoted line breaks included); the encoding
is UTF-8, UTF-16 with a byte-order mark, or else what ``charset_normalizer`` detects in the first
megabyte; the delimiter is sniffed (``csv.Sniffer``), else the most frequent of ``, ; TAB |`` in the
header line. XLSX workbooks are read in openpyxl's read-only mode, older XLS workbooks (BIFF, as many
managing authorities still publish their lists of operations) with ``xlrd``; date cells become dates.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = ["JoinedRows", "detect_encoding", "read_rows"]

_DELIMITERS = ",;\t|"
_SAMPLE = 1 << 20


def detect_encoding(path: Path) -> str:
    """Return the encoding of the text file ``path``: UTF-8 (with or without BOM), UTF-16, or a detected one.

    Raises
    ------
    InputError
        The file is binary, or no encoding reads it.
    """
    with path.open("rb") as handle:
        raw = handle.read(_SAMPLE)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in raw:
        raise InputError(path, "a binary file, not a CSV table")
    try:
        raw.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if error.start >= len(raw) - 4:  # a character cut at the end of the sample
            return "utf-8-sig"
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(path, "the text encoding cannot be recognised; re-save the table as UTF-8")
    return best.encoding


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        found = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
        # The sniffer guesses doublequote from the sample and guesses wrong when no quote is doubled near a
        # delimiter; a quote inside a quoted cell is written doubled ("" ) by every spreadsheet program.
        found.doublequote = True
        return found
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in _DELIMITERS}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","

        class Found(csv.excel):
            pass

        Found.delimiter = delimiter
        return Found


def _csv_rows(path: Path, encoding: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    encoding = encoding or detect_encoding(path)
    try:
        with path.open(encoding=encoding, newline="", errors="strict") as handle:
            dialect = _dialect(handle.read(16384))
            handle.seek(0)
            reader = csv.reader(handle, dialect)
            start = 1
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1
    except UnicodeDecodeError as error:
        raise InputError(path, f"not {encoding} text after all: byte {error.start} of a block cannot be decoded; "
                               "re-save the table as UTF-8") from None
    except csv.Error as error:
        raise InputError(path, f"not a readable CSV table: {error}") from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError and its own errors
        raise InputError(path, f"not a readable XLSX workbook ({type(error).__name__}: {error})") from None
    try:
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        book.close()


def _xls_cell(cell: Any, datemode: int) -> Any:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
        return int(cell.value)
    return cell.value


def _xls_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    import xlrd

    try:
        book = xlrd.open_workbook(path, on_demand=True)
        sheet = book.sheet_by_index(0)
    except Exception as error:  # xlrd raises XLRDError, struct and compound-document errors
        raise InputError(path, f"not a readable XLS workbook ({type(error).__name__}: {error})") from None
    try:
        for number in range(sheet.nrows):
            yield number + 1, [_xls_cell(cell, book.datemode) for cell in sheet.row(number)]
    finally:
        book.release_resources()


def read_rows(path: Path, encoding: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    """Yield (line, cells) of a CSV, XLSX or XLS file, the header first; line is where the record starts (1 = header).

    ``encoding`` is the CSV's encoding when known (else detected: :func:`detect_encoding`).

    Raises
    ------
    InputError
        Not a CSV/XLSX/XLS file, binary, or in no recognisable encoding.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if suffix == ".xls":
        return _xls_rows(path)
    if suffix not in (".csv", ".tsv", ".txt"):
        raise InputError(path, f"unsupported table type {suffix!r}: give a .csv, .xlsx or .xls file")
    return _csv_rows(path, encoding)


class JoinedRows:
    """The rows of a second file, by the value of one column, to join to the main file's rows.

    Only this file is held in memory (for CORDIS, ``project.csv``: one row per project); the main
    file, one row per partner, is streamed past it.
    """

    def __init__(self, path: Path, on: str, header_key: Any, encoding: str | None = None) -> None:
        if not path.is_file():
            raise InputError(path, "no such file (the mapping joins it to the table; give it with --join)")
        rows = read_rows(path, encoding)
        first = next(rows, None)
        if first is None:
            raise InputError(path, "the file is empty")
        self.path = path
        self.header = [str(h or "") for h in first[1]]
        keys = [header_key(h) for h in self.header]
        if header_key(on) not in keys:
            raise InputError(path, f"no column {on!r} to join on", line=1)
        position = keys.index(header_key(on))
        self.rows: dict[str, list[Any]] = {}
        for _line, cells in rows:
            if position < len(cells) and cells[position] not in (None, ""):
                self.rows.setdefault(str(cells[position]).strip(), cells)

    def cells(self, key: Any) -> list[Any] | None:
        """Return the cells of the row whose join column is ``key``, or None."""
        if key in (None, ""):
            return None
        return self.rows.get(str(key).strip())
