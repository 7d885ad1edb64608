"""The declarative YAML mapping of a project–partner table: which header gives which field, and how cells read.

A mapping names, for each field of :data:`FIELDS`, the headers that may give it; ``constants`` give a
field one value for every row (``country: "NO"``); ``values`` translate cell values per field (a county
name to a NUTS code); ``multi_valued`` fields may hold several values in one cell (several partners,
separated by line breaks or ``;``); ``sheet`` names the workbook sheet that holds the rows; ``join`` reads
a second file, or another sheet of the same workbook, and joins its rows on one key column or several
(CORDIS ``organization.csv`` with ``project.csv``; Keep.eu's partners sheet with its projects sheet). See
docs/ingest.md, "Writing a mapping".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError, KgError

__all__ = ["ALIASES", "FIELDS", "MAPPINGS_DIR", "Join", "Mapping", "load_mapping"]

MAPPINGS_DIR = Path(__file__).parent / "mappings"
#: The fields a mapping may fill. ``total_budget`` is the partner's budget, ``project_total_budget`` the project's.
FIELDS = ("project_acronym", "project_title", "project_code", "programme", "priority", "start", "end",
          "partner_name", "partner_id", "partner_role", "partner_type", "country", "nuts", "total_budget",
          "eu_contribution", "project_total_budget")
#: Older field names still accepted, and the field each stands for.
ALIASES = {"erdf": "eu_contribution"}
_KEYS = {"name", "description", "language", "columns", "required", "date_formats", "roles", "organisation_types",
         "constants", "values", "multi_valued", "separators", "exchange_rates", "decimal_separator", "join",
         "encoding", "sheet"}


@dataclass(frozen=True)
class Join:
    """A second file or sheet whose rows join the main rows: the ``key`` headers (main) equal the ``on`` headers.

    ``file`` is a file beside the table; ``sheet`` a sheet of the workbook (of ``file``, else of the table
    itself). ``key`` and ``on`` name one column each, or several (a composite key, compared in order).
    """

    file: str | None
    key: tuple[str, ...]
    on: tuple[str, ...]
    optional: bool = False
    sheet: str | None = None

    @property
    def label(self) -> str:
        """The name a header of the joined rows is prefixed with in ``columns`` (``project.csv:title``)."""
        return self.sheet or str(self.file)


@dataclass(frozen=True)
class Mapping:
    """A declarative mapping from a table's headers and cell values to the graph's terms."""

    name: str
    columns: dict[str, list[str]]
    required: list[str]
    language: str = "en"
    date_formats: list[str] = field(default_factory=lambda: ["%Y-%m-%d"])
    roles: dict[str, str] = field(default_factory=dict)
    organisation_types: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    multi_valued: tuple[str, ...] = ()
    separators: tuple[str, ...] = ("\n", ";")
    exchange_rates: dict[str, Decimal] = field(default_factory=dict)
    decimal_separator: str | None = None
    join: Join | None = None
    encoding: str | None = None  # the CSV files' encoding, when detection cannot tell (short files)
    sheet: str | None = None  # the XLSX sheet holding the rows (default: the first)


def _fields(path: Path, names: Any, what: str) -> list[str]:
    """Return ``names`` with aliases replaced; raise when one is not a field."""
    found = [ALIASES.get(str(n), str(n)) for n in names]
    unknown = sorted(set(found) - set(FIELDS))
    if unknown:
        raise InputError(path, f"unknown field(s) {', '.join(unknown)} in {what} "
                               f"(known: {', '.join(FIELDS)}; older names: {', '.join(ALIASES)})")
    return found


def _table(path: Path, data: dict, key: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise InputError(path, f"'{key}' must be a table (key: value), not {type(value).__name__}")
    return value


def _columns(path: Path, data: dict) -> dict[str, list[str]]:
    columns: dict[str, list[str]] = {}
    for name, headers in _table(path, data, "columns").items():
        target = _fields(path, [name], "columns")[0]
        columns.setdefault(target, []).extend([headers] if isinstance(headers, str) else [str(h) for h in headers])
    return columns


def _rates(path: Path, data: dict) -> dict[str, Decimal]:
    rates = {}
    for code, rate in _table(path, data, "exchange_rates").items():
        try:
            rates[str(code).upper()] = Decimal(str(rate))
        except InvalidOperation:
            raise InputError(path, f"exchange rate {rate!r} of {code} is not a number (units per euro)") from None
    return rates


def _join(path: Path, data: dict) -> Join | None:
    join = data.get("join")
    if join is None:
        return None
    if isinstance(join, dict) and True in join:  # YAML 1.1 reads an unquoted key `on` as true
        join = {**join, "on": join.pop(True)}
    if not isinstance(join, dict) or not {"key", "on"} <= set(join) or not ({"file", "sheet"} & set(join)):
        raise InputError(path, "'join' needs file (the second file's name) or sheet (a sheet of the workbook), "
                               "key (a header of the main file, or a list of them) and on (the header(s) of the "
                               "second file they equal); optional: true lets the table load without the second file")
    key, on = _headers(join["key"]), _headers(join["on"])
    if len(key) != len(on) or not key:
        raise InputError(path, f"'join' compares {len(key)} key column(s) with {len(on)} 'on' column(s): "
                               "give as many of each")
    return Join(str(join["file"]) if join.get("file") else None, key, on, bool(join.get("optional", False)),
                str(join["sheet"]) if join.get("sheet") else None)


def _headers(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def load_mapping(name_or_path: str | Path) -> Mapping:
    """Load a mapping by name (a file of :data:`MAPPINGS_DIR`) or from a YAML file path.

    Raises
    ------
    KgError
        No mapping has that name.
    InputError
        The file is not valid YAML, or names an unknown key or field.
    """
    path = Path(name_or_path)
    if not path.suffix:
        path = MAPPINGS_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in MAPPINGS_DIR.glob("*.yaml")))
        raise KgError(f"unknown mapping {str(name_or_path)!r} (known: {known}; or give a path to a .yaml file)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise InputError(path, f"not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise InputError(path, "a mapping needs a 'columns' table (field: [header names])")
    unknown_keys = sorted(set(data) - _KEYS)
    if unknown_keys:
        raise InputError(path, f"unknown key(s) {', '.join(unknown_keys)} (known: {', '.join(sorted(_KEYS))})")
    required = _fields(path, data.get("required", ["project_acronym", "partner_name"]), "required")
    for needed in ("project_acronym", "partner_name"):
        if needed not in required:
            required.append(needed)
    constants = {_fields(path, [k], "constants")[0]: str(v) for k, v in _table(path, data, "constants").items()}
    values = {_fields(path, [k], "values")[0]: {str(a).lower(): str(b) for a, b in (v or {}).items()}
              for k, v in _table(path, data, "values").items()}
    return Mapping(
        name=str(data.get("name", path.stem)),
        columns=_columns(path, data),
        required=required,
        language=str(data.get("language", "en")),
        date_formats=list(data.get("date_formats", ["%Y-%m-%d"])),
        roles={str(k).lower(): str(v) for k, v in _table(path, data, "roles").items()},
        organisation_types={str(k).lower(): str(v) for k, v in _table(path, data, "organisation_types").items()},
        constants=constants,
        values=values,
        multi_valued=tuple(_fields(path, data.get("multi_valued") or [], "multi_valued")),
        separators=tuple(str(s) for s in data.get("separators") or ("\n", ";")),
        exchange_rates=_rates(path, data),
        decimal_separator=data.get("decimal_separator"),
        join=_join(path, data),
        encoding=str(data["encoding"]) if data.get("encoding") else None,
        sheet=str(data["sheet"]) if data.get("sheet") else None,
    )
