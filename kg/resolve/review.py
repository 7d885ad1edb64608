"""The review file of uncertain pairs, and the decisions people made, both as tab-separated files.

``eukg link review`` writes the pairs the matcher is unsure of (:data:`REVIEW_FILE`, columns
:data:`REVIEW_COLUMNS`) with an empty ``decision`` column; a person writes ``same`` or ``different``
there, and ``eukg link decide`` keeps those rows in :data:`DECISIONS_FILE` (columns
:data:`DECISION_COLUMNS`), a file of the repository that every computation of the linkage graph
reads (:func:`kg.resolve.merges.recompute`). A later decision on the same pair replaces the earlier one.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.paths import DATA_DIR

__all__ = ["DECISIONS_FILE", "DECISION_COLUMNS", "REVIEW_COLUMNS", "REVIEW_FILE", "read_decisions", "read_review",
           "write_decisions", "write_review"]

REVIEW_FILE = DATA_DIR / "linkage" / "review.tsv"
DECISIONS_FILE = DATA_DIR / "linkage" / "decisions.tsv"
REVIEW_COLUMNS = ("decision", "score", "method", "name_a", "name_b", "iri_a", "iri_b", "sources")
DECISION_COLUMNS = ("iri_a", "iri_b", "decision", "decided_on", "note")
_DECISIONS = ("same", "different")


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot be read as UTF-8 text ({error})") from None
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise InputError(path, f"the header lacks the column(s) {', '.join(missing)}", 1)
    rows = []
    for number, values in enumerate(reader, 2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise InputError(path, f"expected {len(header)} tab-separated values, found {len(values)}", number)
        rows.append((number, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    return rows


def _decision(path: Path, number: int, value: str) -> str:
    folded = value.casefold()
    if folded not in _DECISIONS:
        raise InputError(path, f"decision must be same or different, not {value!r}", number)
    return folded


def read_review(path: Path) -> list[dict[str, str]]:
    """Return the rows of a review file that a person decided (``decision`` filled in), as decision rows."""
    decided = []
    for number, row in _rows(path, REVIEW_COLUMNS):
        if row["decision"]:
            a, b = sorted((row["iri_a"], row["iri_b"]))
            decided.append({"iri_a": a, "iri_b": b, "decision": _decision(path, number, row["decision"]),
                            "decided_on": date.today().isoformat(), "note": f"score {row['score']} ({row['method']})"})
    return decided


def read_decisions(path: Path = DECISIONS_FILE) -> dict[tuple[str, str], str]:
    """Return the decisions of ``path``: (IRI, IRI) in sorted order → ``same`` or ``different``."""
    if not path.exists():
        return {}
    decisions = {}
    for number, row in _rows(path, DECISION_COLUMNS):
        a, b = sorted((row["iri_a"], row["iri_b"]))
        decisions[(a, b)] = _decision(path, number, row["decision"])
    return decisions


def write_decisions(new: list[dict[str, str]], path: Path = DECISIONS_FILE) -> int:
    """Add ``new`` decision rows to ``path`` (a later decision on a pair replaces the earlier); return how many."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    if path.exists():
        for _, row in _rows(path, DECISION_COLUMNS):
            rows[tuple(sorted((row["iri_a"], row["iri_b"])))] = {c: row.get(c, "") for c in DECISION_COLUMNS}
    for row in new:
        rows[(row["iri_a"], row["iri_b"])] = row
    _write(path, DECISION_COLUMNS, [rows[key] for key in sorted(rows)])
    return len(new)


def write_review(path: Path, rows: list[dict[str, str]]) -> None:
    """Write the review file ``path`` (columns :data:`REVIEW_COLUMNS`, ``decision`` left empty)."""
    _write(path, REVIEW_COLUMNS, rows)


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(columns)]
    lines += ["\t".join(" ".join(str(row.get(c, "")).split()) for c in columns) for row in rows]
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
