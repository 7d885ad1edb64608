"""Reading a table file row by row: CSV in any encoding and delimiter, XLSX, and the join of a second file.

CSV files are streamed (``csv`` reads one record at a time, quoted line breaks included); the encoding
is UTF-8, UTF-16 with a byte-order mark, or else what ``charset_normalizer`` detects in the first
megabyte; the delimiter is sniffed (``csv.Sniffer``), else the most frequent of ``, ; TAB |`` in the
header line. XLSX workbooks are read in openpyxl's read-only mode, from the first sheet or a named one;
older XLS workbooks (BIFF, as many managing authorities still publish their lists of operations) with
``xlrd``; date cells become dates. A JSON file is a list of records (objects), as dashboards and APIs
publish tables; it is read whole, its header is every key in the order the records first give it, and a
record's number stands for its line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = ["JoinedRows", "detect_encoding", "key_text", "read_rows"]

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
        dialect = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
        # The sniffer often misses RFC 4180's doubled quotes ("a ""green"" roof") in a sample with few of
        # them, and then ends a quoted multi-line cell at its first line break: without an escape
        # character, a quote inside a quoted cell is doubled.
        if dialect.escapechar is None:
            dialect.doublequote = True
        return dialect
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in _DELIMITERS}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","

        class Found(csv.excel):
            pass

        Found.delimiter = delimiter
        return Found


def _csv_rows(path: Path, encoding: str | None = None, quoting: bool = True) -> Iterator[tuple[int, list[Any]]]:
    encoding = encoding or detect_encoding(path)
    options = {} if quoting else {"quoting": csv.QUOTE_NONE}
    try:
        with path.open(encoding=encoding, newline="", errors="strict") as handle:
            dialect = _dialect(handle.read(16384))
            handle.seek(0)
            reader = csv.reader(handle, dialect, **options)
            start = 1
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1
    except UnicodeDecodeError as error:
        raise InputError(path, f"not {encoding} text after all: byte {error.start} of a block cannot be decoded; "
                               "re-save the table as UTF-8") from None
    except csv.Error as error:
        raise InputError(path, f"not a readable CSV table: {error}") from None


def _xlsx_book(path: Path, sheet: str | None) -> tuple[Any, Any]:
    """Open the workbook read-only; return it and the sheet named ``sheet`` (default: the first)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError and its own errors
        raise InputError(path, f"not a readable XLSX workbook ({type(error).__name__}: {error})") from None
    if sheet is None:
        return book, book.worksheets[0]
    if sheet not in book.sheetnames:
        names = ", ".join(repr(name) for name in book.sheetnames)
        book.close()
        raise InputError(path, f"no sheet {sheet!r} in the workbook (its sheets: {names})")
    return book, book[sheet]


def _xlsx_rows(path: Path, sheet: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    book, rows = _xlsx_book(path, sheet)
    try:
        for number, row in enumerate(rows.iter_rows(values_only=True), start=1):
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


def _xls_rows(path: Path, sheet: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    import xlrd

    try:
        book = xlrd.open_workbook(path, on_demand=True)
        rows = book.sheet_by_index(0) if sheet is None else book.sheet_by_name(sheet)
    except Exception as error:  # xlrd raises XLRDError, struct and compound-document errors
        raise InputError(path, f"not a readable XLS workbook ({type(error).__name__}: {error})") from None
    try:
        for number in range(rows.nrows):
            yield number + 1, [_xls_cell(cell, book.datemode) for cell in rows.row(number)]
    finally:
        book.release_resources()


def _json_records(path: Path) -> list[dict]:
    """The records of the JSON file ``path``: a list of objects, or an object whose one list holds them."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text: byte {error.start} cannot be decoded") from None
    except json.JSONDecodeError as error:
        raise InputError(path, f"not a readable JSON file: {error.msg}", line=error.lineno) from None
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list)]
        data = lists[0] if len(lists) == 1 else data
    if not isinstance(data, list) or not all(isinstance(record, dict) for record in data):
        raise InputError(path, "not a table: a JSON table is a list of records (objects with the same keys)")
    return data


def _json_cell(value: Any) -> Any:
    """A record's value as a cell: nested lists and objects as their JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def _json_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """Yield the header (every key, in the order the records first give it) and each record's cells, numbered
    from 1 (the record's number stands for its line).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "t.json"
    ...     _ = path.write_text('[{"a": 1, "b": "x"}, {"b": "y", "c": [1, 2]}]', encoding="utf-8")
    ...     list(_json_rows(path))
    [(0, ['a', 'b', 'c']), (1, [1, 'x', None]), (2, [None, 'y', '[1, 2]'])]
    """
    records = _json_records(path)
    header = list(dict.fromkeys(key for record in records for key in record))
    yield 0, header
    for number, record in enumerate(records, start=1):
        yield number, [_json_cell(record.get(key)) for key in header]


def read_rows(path: Path, encoding: str | None = None, quoting: bool = True,
              sheet: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    """Yield (line, cells) of a CSV, XLSX, XLS or JSON file, the header first; line is where the record starts
    (1 = header; in a JSON file, the record's number).

    ``encoding`` is the CSV's encoding when known (else detected: :func:`detect_encoding`). With
    ``quoting=False`` a quote is an ordinary character (a tab-separated export that writes names such as
    ``"Зора-ЕС" ЕООД`` as they are); ``sheet`` is the workbook sheet to read (default: the first; a CSV
    file has none, and ignores it).

    Raises
    ------
    InputError
        Not a CSV/XLSX/XLS/JSON file, binary, in no recognisable encoding, or without the sheet.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        if sheet is not None:
            _xlsx_book(path, sheet)[0].close()  # a missing sheet is refused now, not at the first row
        return _xlsx_rows(path, sheet)
    if suffix == ".xls":
        return _xls_rows(path, sheet)
    if suffix == ".json":
        return _json_rows(path)
    if suffix not in (".csv", ".tsv", ".txt"):
        raise InputError(path, f"unsupported table type {suffix!r}: give a .csv, .xlsx, .xls or .json file")
    return _csv_rows(path, encoding, quoting)


def key_text(value: Any) -> str:
    """The text a join compares: a cell's value stripped; a whole number read from XLSX as a float loses its ``.0``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class JoinedRows:
    """The rows of a second file (or sheet), by the values of its join columns, to join to the main rows.

    Only these rows are held in memory (for CORDIS, ``project.csv``: one row per project); the main
    file, one row per partner, is streamed past them. ``on`` names one join column or several.
    """

    def __init__(self, path: Path, on: tuple[str, ...], header_key: Any, encoding: str | None = None,
                 sheet: str | None = None) -> None:
        if not path.is_file():
            raise InputError(path, "no such file (the mapping joins it to the table; give it with --join)")
        rows = read_rows(path, encoding, sheet=sheet)
        first = next(rows, None)
        if first is None:
            raise InputError(path, f"the sheet {sheet!r} is empty" if sheet else "the file is empty")
        self.path = path
        self.label = sheet or path.name  # how messages name it
        self.header = [str(h or "") for h in first[1]]
        keys = [header_key(h) for h in self.header]
        missing = [name for name in on if header_key(name) not in keys]
        if missing:
            raise InputError(path, f"no column {', '.join(map(repr, missing))} to join on"
                                   + (f" in sheet {sheet!r}" if sheet else ""), line=1)
        positions = [keys.index(header_key(name)) for name in on]
        self.rows: dict[tuple[str, ...], list[Any]] = {}
        for _line, cells in rows:
            key = self.key([cells[p] if p < len(cells) else None for p in positions])
            if key is not None:
                self.rows.setdefault(key, cells)

    @staticmethod
    def key(values: list[Any]) -> tuple[str, ...] | None:
        """The join key of these cell values, or None when one is empty."""
        texts = tuple(key_text(v) for v in values if v is not None)
        return texts if len(texts) == len(values) and all(texts) else None

    def cells(self, values: list[Any]) -> list[Any] | None:
        """Return the cells of the row whose join columns hold ``values``, or None."""
        key = self.key(values)
        return None if key is None else self.rows.get(key)
