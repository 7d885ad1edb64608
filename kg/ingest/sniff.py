"""Recognise input that is not an article (RDF, JSON, CSV) and say which command reads it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from kg.errors import InputError
from kg.formats import RDF_SYNTAXES

__all__ = ["refuse_non_article", "what_it_looks_like"]

#: The RDF syntaxes a store loads (:mod:`kg.formats`) by their main suffix, and ``.owl`` (RDF/XML).
_RDF_SUFFIXES = {syntax.suffix: syntax.label for syntax in RDF_SYNTAXES.values() if syntax.name != "n3"} | {
    ".owl": RDF_SYNTAXES["xml"].label}
_TABLE_SUFFIXES = {".csv": "CSV", ".tsv": "TSV", ".xlsx": "an Excel workbook", ".xls": "an Excel workbook"}
_HEAD = 4096


def _looks_like_rdf(head: str) -> str | None:
    lines = [line.strip() for line in head.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return None
    first = lines[0]
    if first.lower().startswith(("@prefix", "prefix ", "@base", "base ")):
        return "Turtle or TriG"
    if first.startswith("<?xml") and "rdf:RDF" in head or first.startswith("<rdf:RDF"):
        return "RDF/XML"
    triples = sum(1 for line in lines[:20] if line.startswith(("<", "_:")) and line.endswith("."))
    return "N-Triples or N-Quads" if triples >= max(1, len(lines[:20]) // 2) else None


def _looks_like_json(head: str, complete: bool) -> str | None:
    stripped = head.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    if '"@context"' in head or '"@id"' in head or '"@graph"' in head:
        return "JSON-LD"
    if complete:
        try:
            json.loads(head)
        except ValueError:
            return None
    return "JSON"


def _looks_like_table(head: str) -> str | None:
    lines = [line for line in head.splitlines()[:10] if line.strip()]
    if len(lines) < 2:
        return None
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t")
    except csv.Error:
        return None
    rows = list(csv.reader(lines, dialect))
    widths = {len(row) for row in rows}
    words = sum(len(cell.split()) for cell in rows[0])
    # A table: every line has the same number of cells (at least 3), and the header is short cells.
    if len(widths) == 1 and widths.pop() >= 3 and words <= 3 * len(rows[0]):
        return "TSV" if dialect.delimiter == "\t" else "CSV"
    return None


def what_it_looks_like(path: Path) -> str | None:
    """Return what ``path`` looks like when it is not an article (e.g. ``"Turtle"``, ``"CSV"``), else None."""
    suffix = path.suffix.lower()
    if suffix in _RDF_SUFFIXES:
        return _RDF_SUFFIXES[suffix]
    if suffix in _TABLE_SUFFIXES:
        return _TABLE_SUFFIXES[suffix]
    with path.open("rb") as handle:
        raw = handle.read(_HEAD + 1)
    if raw.startswith(b"PK\x03\x04"):
        return "a ZIP archive (an Excel workbook?)"
    head = raw[:_HEAD].decode("utf-8", "replace").lstrip("\ufeff")
    return _looks_like_json(head, len(raw) <= _HEAD) or _looks_like_rdf(head) or _looks_like_table(head)


def refuse_non_article(path: Path) -> None:
    """Raise :class:`InputError` naming what ``path`` looks like and the command that reads it, when it is
    RDF, JSON or a table rather than an article (text or HTML)."""
    if not path.is_file():
        return  # the article reader says "no such file"
    kind = what_it_looks_like(path)
    if kind is None:
        return
    if kind in ("CSV", "TSV", "an Excel workbook") or kind.startswith("a ZIP"):
        hint = "a table of projects and partners is read by `eukg ingest table FILE --mapping NAME`"
    elif kind == "JSON":
        hint = "JSON is not an article; JSON-LD data goes into data/sources/ (then `eukg build`)"
    else:
        hint = "RDF data goes into data/sources/ as a file of its own (then `eukg build`)"
    raise InputError(path, f"this looks like {kind}, not an article (text or HTML): {hint}")
