"""Regional names and nicknames (``Lubelszczyzna``, ``Górny Śląsk``, ``Ardeal``, ``Lusatia``) from a curated file.

The file, ``kg/resolve/data/regional_names.tsv``, has one row per (name, region): the name, the
region's NUTS (or statistical-region) code, the name's language and a note. A name with several
rows stands for several regions, and the resolver answers it as ambiguous, listing them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

__all__ = ["REGIONAL_NAMES", "RegionalName", "read_regional_names"]

#: The curated file the resolver reads.
REGIONAL_NAMES = Path(__file__).with_name("data") / "regional_names.tsv"
_COLUMNS = ("name", "code", "language", "note")
_CODE = re.compile(r"[A-Z]{2}[0-9A-Z]{0,3}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class RegionalName:
    """One row of the file: a name, the code of a region it stands for, its language, and where it was read."""

    name: str
    code: str
    language: str
    note: str
    line: int


def read_regional_names(path: Path = REGIONAL_NAMES) -> list[RegionalName]:
    """Read the regional names of ``path``; ``#`` lines are comments, the first other line the header.

    Raises
    ------
    InputError
        For a missing header, a row without the four columns, an empty name, a code that is not
        a NUTS-like code or a malformed language tag, naming the file and line.
    """
    rows: list[RegionalName] = []
    header_seen = False
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if not header_seen:
                if tuple(cells) != _COLUMNS:
                    raise InputError(path, f"the header must be {' / '.join(_COLUMNS)} (tab-separated)", number)
                header_seen = True
                continue
            rows.append(_row(path, number, cells))
    return rows


def _row(path: Path, number: int, cells: list[str]) -> RegionalName:
    if len(cells) != len(_COLUMNS):
        raise InputError(path, f"expected {len(_COLUMNS)} tab-separated columns, found {len(cells)}", number)
    name, code, language, note = (cell.strip() for cell in cells)
    if not name:
        raise InputError(path, "the name is empty", number)
    if not _CODE.fullmatch(code):
        raise InputError(path, f"{code!r} is not a NUTS code (two capital letters, then up to three)", number)
    if not _LANGUAGE.fullmatch(language):
        raise InputError(path, f"{language!r} is not a language tag such as pl or de-AT", number)
    return RegionalName(name, code, language, note, number)
