"""Ingesting a table: open its rows, stream them through the checks and emitters, and return the result."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError
from kg.ingest.diskmap import DiskMap
from kg.ingest.freed import give_back
from kg.ingest.mapping import Mapping
from kg.ingest.reference import ReferenceData
from kg.ingest.resolving import NameResolver, normalise, resolver_for
from kg.ingest.table.builder import _Builder
from kg.ingest.table.columns import _Columns
from kg.ingest.table.emit import _emit
from kg.ingest.table.organisation_list import _list_organisation, _write_listed
from kg.ingest.table.partners import _PARTNER_AMOUNTS, _apply_patterns, _expand, _with_more_partners
from kg.ingest.table.prefetch import Prefetch
from kg.ingest.table.result import _RESULT_KNOWN, _RESULT_NEW, _RESULT_PROJECTS, _UNTITLED, RowProblem, TableResult
from kg.ingest.table.rows import _Row
from kg.ingest.table.sink import _W, _Sink
from kg.ingest.table.source import _source_description
from kg.ingest.tablefile import JoinedRows, read_rows
from kg.ingest.triple_writer import literal
from kg.layout import source_graph
from kg.store.manifest import file_sha256

#: Rows between two returns of the C heap's free pages to the system (:func:`kg.ingest.freed.give_back`): without
#: them the import's resident memory grows with the table while what it uses stays flat.
_GIVE_BACK_ROWS = 25_000


def _rows(path: Path, mapping: Mapping, join: Path | None) -> tuple[_Columns, JoinedRows | None, Iterator]:
    joined = None
    if mapping.join is not None:  # a file beside the table (or --join), or a sheet of the workbook
        second = join or (path.with_name(mapping.join.file) if mapping.join.file else path)
        if mapping.join.sheet and second.suffix.lower() not in (".xlsx", ".xlsm"):
            raise InputError(second, f"the mapping joins the sheet {mapping.join.sheet!r}: give the XLSX workbook")
        if second.is_file() or not mapping.join.optional:
            joined = JoinedRows(second, mapping.join.on, normalise, mapping.encoding, mapping.join.sheet)
    rows = read_rows(path, mapping.encoding, mapping.quoting, mapping.sheet)
    header = next(rows, None)
    if header is None or not any(str(c or "").strip() for c in header[1]):
        raise InputError(path, "the table has no header row")
    return _Columns(header[1], mapping, path, joined), joined, rows


def ingest_table(path: Path, mapping: Mapping, store: ox.Store, on_error: str = "skip-row",
                 identifier: str | None = None, progress: Callable[[int], None] | None = None,
                 resolver: NameResolver | None = None, join: Path | None = None,
                 report: Callable[[str, RowProblem], None] | None = None) -> TableResult:
    """Read the table at ``path`` with ``mapping`` and return its source statements and row problems.

    Nothing is loaded here: the caller puts ``result.path`` (N-Triples) in as the source (see
    :func:`kg.ingest.sources.replace_source`). With ``on_error="reject-file"`` the file is empty when
    any row has a problem. ``join`` is the second file of a mapping with ``join:`` (default: the file
    the mapping names, beside ``path``). ``report`` is called with ("problem" or "warning", the report)
    for each row problem and warning as it is found; the result counts them and keeps the first ones
    (:meth:`TableResult.add_problem`).

    Raises
    ------
    InputError
        The file is missing, empty, binary, in no known encoding, or lacks a required column.
    """
    from kg.ingest.sources import check_identifier, identifier_for

    if on_error not in ("skip-row", "reject-file"):
        raise KgError(f"--on-error must be skip-row or reject-file, not {on_error!r}")
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.stat().st_size == 0:
        raise InputError(path, "the file is empty")
    identifier = check_identifier(identifier or identifier_for(path))
    columns, joined, rows = _rows(path, mapping, join)
    result = TableResult.in_temporary_folder(identifier)
    result.report = report
    try:
        _convert(path, mapping, store, on_error, result, (columns, joined, rows), progress, resolver)
    except BaseException:
        result.discard()
        raise
    return result


def _convert(path: Path, mapping: Mapping, store: ox.Store, on_error: str, result: TableResult,
             opened: tuple[_Columns, JoinedRows | None, Iterator], progress: Callable[[int], None] | None,
             resolver: NameResolver | None) -> None:
    """Stream the rows of ``opened`` (:func:`_rows`) into ``result``'s files (see :func:`ingest_table`)."""
    sink = _Sink(result.path)
    memory = DiskMap(result.memory)
    builder = None
    try:
        builder = _Builder(mapping, resolver or resolver_for(store), ReferenceData.from_store(store), memory, store,
                           str(source_graph(result.identifier)))
        columns, joined, rows = opened
        builder.prefetch = Prefetch.start(path, mapping, columns, builder.resolver, joined)
        _stream(rows, columns, joined, builder, sink, result, path, progress)
        _write_listed(sink, builder, result)
        for project, acronym in memory.items(_UNTITLED):  # a project needs a name: its acronym, when no title
            sink.add(project, _W["prefLabel"], literal(acronym, mapping.language))
        result.project_count = memory.count(_RESULT_PROJECTS)
        result.new_organisation_count = memory.count(_RESULT_NEW)
        result.resolved_organisation_count = memory.count(_RESULT_KNOWN)
        if result.rows == 0:
            raise InputError(path, "the table has a header but no rows")
        if result.problem_count and on_error == "reject-file":
            sink.close()
            result.path.write_bytes(b"")
            result.loaded_rows = result.triples = 0
            return
        _source_description(sink, path, mapping, result, file_sha256(path))
    finally:  # what the result reads back (TableResult.projects …); the rest is not read again
        if builder is not None and builder.prefetch is not None:
            builder.prefetch.close()
        sink.close()
        memory.close(keep=(_RESULT_PROJECTS, _RESULT_NEW, _RESULT_KNOWN))
    result.triples = sink.count


def _stream(rows: Iterator, columns: _Columns, joined: JoinedRows | None, builder: _Builder, sink: _Sink,
            result: TableResult, path: Path, progress: Callable[[int], None] | None) -> None:
    mapping = builder.mapping
    if mapping.unnamed_partners == "project" and mapping.columns.get("partner_name") \
            and "partner_name" not in columns.headers:  # (a mapping without partner columns is of projects alone)
        result.add_warning(RowProblem(
            str(path), 1, f"no column of partner names ({', '.join(mapping.columns.get('partner_name', []))}): each "
            "row gives its project alone, without its partner and the partner's amounts"))
    for line, cells in rows:
        if not any(str(c or "").strip() for c in cells):
            continue
        result.rows += 1
        if builder.prefetch is not None:
            builder.prefetch.advance(line)
        values = columns.values(cells, joined)
        partners = _expand(values, builder.mapping)
        before = result.problem_count
        if isinstance(partners, str):
            result.add_problem(RowProblem(str(path), line, partners))
            partners = []
        for name in _PARTNER_AMOUNTS:
            if len(partners) > 1 and values.get(name) is not None and name not in partners[0]:
                result.add_warning(RowProblem(
                    str(path), line, f"one amount ({values[name]}) for the {len(partners)} partners of the row: "
                    "given to none of them", columns.headers.get(name, name)))
        named = set()
        for values, headers in _with_more_partners(partners, columns, cells):
            values = _apply_patterns(values, builder.mapping)
            name = normalise(str(values.get("partner_name") or ""))
            if name and name in named:  # a partner named twice in one row (the lead again among the partners)
                continue
            named.add(name)
            row = _Row(line, values, headers, path)
            if builder.mapping.rows == "organisations":
                _list_organisation(row, builder)
            else:
                _emit(sink, row, builder, result)
            result.add_reports(row.problems, row.warnings)
        if result.problem_count == before:
            result.loaded_rows += 1
        if result.rows % 1000 == 0:
            _every_thousand(result.rows, progress)
    if progress is not None:
        progress(result.rows)


def _every_thousand(rows: int, progress: Callable[[int], None] | None) -> None:
    """Tell ``progress`` the rows read; give the C heap's free pages back every :data:`_GIVE_BACK_ROWS` rows."""
    if rows % _GIVE_BACK_ROWS == 0:
        give_back()
    if progress is not None:
        progress(rows)
