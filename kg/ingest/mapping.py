"""The declarative YAML mapping of a project–partner table: which header gives which field, and how cells read.

A mapping names, for each field of :data:`FIELDS`, the headers that may give it; ``constants`` give a field
one value for every row (``country: "NO"``); ``values`` translate cell values per field (a county name to a
NUTS code); ``multi_valued`` fields may hold several values in one cell (several partners, separated by line
breaks or ``;``); ``sheet`` names the workbook sheet that holds the rows; ``join`` reads a second file, or
another sheet of the same workbook, and joins its rows on one key column or several (CORDIS
``organization.csv`` with ``project.csv``; Keep.eu's partners sheet with its projects sheet); ``patterns``
pull fields out of a cell with a regular expression (a company number inside the beneficiary cell);
``currency`` is the currency of amounts written without one; ``partners`` names a second column of partners of
the same project (several per cell); ``fill_down`` fields take the value of the row above when their cell is
empty (continuation rows); ``rows: organisations`` reads a list of organisations without projects (Kohesio's
beneficiaries); ``languages`` gives the language of names per country; ``quoting: none`` reads quotes as
ordinary characters; ``keep_first`` names the facts of an organisation (its region, its type) that later rows
may give differently, the first being kept (a university whose rows name the county of each campus);
``unknown_nuts: parent`` loads a partner whose NUTS code the graph does not know (an older NUTS version's) with
the region above it that the graph knows, or with its country only, instead of leaving the row out;
``identifier_scheme`` says what ``partner_id`` is (``pic``, ``vat`` or ``national``: a national register's
number), which record linkage reads it as (a nine-digit Norwegian organisation number is no PIC); ``partner_vat``
is a second identifier, the VAT number (CORDIS's ``vatNumber``). See docs/ingest.md, "Writing a mapping".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError, KgError, unknown_name

__all__ = ["ALIASES", "FIELDS", "IDENTIFIER_SCHEMES", "KEEP_FIRST", "MAPPINGS_DIR", "ROW_KINDS", "UNKNOWN_NUTS",
           "UNNAMED_PARTNERS", "Join", "Mapping", "Partners", "load_mapping"]

MAPPINGS_DIR = Path(__file__).parent / "mappings"
#: The fields a mapping may fill. ``total_budget`` is the partner's budget, ``project_total_budget`` the project's.
FIELDS = ("project_acronym", "project_title", "project_title_original", "project_code", "programme",
          "programme_code", "fund",
          "priority", "start", "end", "partner_name", "partner_alt_name", "partner_acronym", "partner_id",
          "partner_vat", "partner_role", "partner_city",
          "partner_type", "country", "nuts", "total_budget", "eu_contribution", "project_total_budget", "currency")
#: What one row of a table gives: a partner of a project (the default), or an organisation alone.
ROW_KINDS = ("participations", "organisations")
#: Older field names still accepted, and the field each stands for.
ALIASES = {"erdf": "eu_contribution"}
_KEYS = {"name", "description", "language", "columns", "required", "date_formats", "roles", "organisation_types",
         "constants", "values", "multi_valued", "separators", "exchange_rates", "decimal_separator", "join",
         "encoding", "patterns", "currency", "partners", "fill_down", "rows", "languages", "quoting", "name_types",
         "extract", "sheet", "keep_first", "unknown_nuts", "unnamed_partners", "identifier_scheme"}
#: What a row whose NUTS code the graph does not know gives: a problem (the row is left out), or the region
#: above it that the graph knows (else the country only), with a warning (``unknown_nuts``).
UNKNOWN_NUTS = ("problem", "parent")
#: What a row that names no partner gives: a problem (the row is left out), or its project alone, with a warning
#: (``unnamed_partners``): for tables whose partner names are in another file that may be missing.
UNNAMED_PARTNERS = ("problem", "project")
#: What a ``partner_id`` may be (``identifier_scheme``): a participant identification code, a VAT number, a national
#: register's number; without the key, record linkage tells it by its form (nine digits: a PIC).
IDENTIFIER_SCHEMES = ("pic", "vat", "national")
#: The facts of an organisation a mapping may let later rows give differently (``keep_first``).
KEEP_FIRST = ("nuts", "partner_type")


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
class Partners:
    """A second column of the partners of a row's project, several in one cell, all with one role."""

    columns: tuple[str, ...]
    role: str = "partner"
    separators: tuple[str, ...] = ("\n", ";")


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
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    currency: str = "EUR"  # the currency of amounts written without one
    partners: Partners | None = None
    fill_down: tuple[str, ...] = ()
    rows: str = "participations"  # what a row gives: one of ROW_KINDS
    languages: dict[str, str] = field(default_factory=dict)  # country (ISO alpha-2) -> language of its names
    quoting: bool = True  # False: a quote is an ordinary character of a cell (tab-separated exports)
    # (pattern, type): a partner without a type cell whose name matches a pattern (searched in the lower-case
    # name, in order) has that type — legal forms such as "ЕТ" (a Bulgarian sole trader) or "община"
    name_types: tuple[tuple[re.Pattern, str], ...] = ()
    # field -> pattern: the field's value is the part of the cell the pattern finds (its first group, if any)
    extract: dict[str, re.Pattern] = field(default_factory=dict)

    def type_from_name(self, name: str) -> str | None:
        """Return the organisation type the first matching ``name_types`` pattern gives ``name``, or None."""
        text = name.lower()
        return next((kind for pattern, kind in self.name_types if pattern.search(text)), None)

    def language_of(self, iso2: str | None) -> str:
        """Return the language tag of names and original titles of a row in country ``iso2``."""
        return self.languages.get((iso2 or "").upper(), self.language)
    sheet: str | None = None  # the XLSX sheet holding the rows (default: the first)
    # organisation facts (of KEEP_FIRST) a later row may give differently: a warning, and the first is kept
    keep_first: tuple[str, ...] = ()
    unknown_nuts: str = "problem"  # one of UNKNOWN_NUTS
    unnamed_partners: str = "problem"  # one of UNNAMED_PARTNERS
    identifier_scheme: str | None = None  # what partner_id is: one of IDENTIFIER_SCHEMES, else told by its form


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


def _pattern(path: Path, key: str, pattern: Any) -> re.Pattern:
    try:
        return re.compile(str(pattern))
    except re.error as error:
        raise InputError(path, f"{key}: {pattern!r} is not a regular expression ({error})") from None


def _name_types(path: Path, data: dict) -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((_pattern(path, "name_types", pattern), str(kind))
                 for pattern, kind in _table(path, data, "name_types").items())


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


def _patterns(path: Path, data: dict) -> dict[str, re.Pattern]:
    patterns = {}
    for name, text in _table(path, data, "patterns").items():
        target = _fields(path, [name], "patterns")[0]
        try:
            pattern = re.compile(str(text), re.DOTALL)
        except re.error as error:
            raise InputError(path, f"pattern of {name} is not a regular expression: {error}") from None
        _fields(path, list(pattern.groupindex), f"the group names of the pattern of {name}")
        patterns[target] = pattern
    return patterns


def _partners(path: Path, data: dict) -> Partners | None:
    partners = data.get("partners")
    if partners is None:
        return None
    if not isinstance(partners, dict) or not partners.get("columns"):
        raise InputError(path, "'partners' needs columns (the header names of the column that lists further "
                               "partners); role (default partner) and separators are optional")
    columns = partners["columns"]
    return Partners(tuple([columns] if isinstance(columns, str) else [str(c) for c in columns]),
                    str(partners.get("role", "partner")),
                    tuple(str(s) for s in partners.get("separators") or ("\n", ";")))


def _keep_first(path: Path, data: dict) -> tuple[str, ...]:
    fields = _fields(path, data.get("keep_first") or [], "keep_first")
    other = [name for name in fields if name not in KEEP_FIRST]
    if other:
        raise InputError(path, f"keep_first: {', '.join(other)} cannot differ between rows; only an organisation's "
                               f"{' and '.join(KEEP_FIRST)} can")
    return tuple(fields)


def _choice(path: Path, data: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
    """The mapping's ``key`` (``unknown_nuts``, ``unnamed_partners``): one of ``choices``, the first by default."""
    value = str(data.get(key, choices[0]))
    if value not in choices:
        raise InputError(path, f"{key}: {value!r} is not one of {', '.join(choices)}")
    return value


def _always_required(path: Path, data: dict[str, Any], rows: str, unnamed: str) -> tuple[str, ...]:
    """The fields a mapping requires whatever its ``required`` says: a partner row's acronym and partner name (the
    name not with ``unnamed_partners: project``, where a row without one gives its project alone)."""
    if unnamed == "problem":
        return ("project_acronym", "partner_name") if rows == "participations" else ("partner_name",)
    if rows != "participations":
        raise InputError(path, f"unnamed_partners: project is for rows of participations, not of {rows}")
    if "partner_name" in (data.get("required") or []):
        raise InputError(path, "unnamed_partners: project and a required partner_name contradict each other")
    return ("project_acronym",)


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
        known = sorted(p.stem for p in MAPPINGS_DIR.glob("*.yaml"))
        raise KgError(unknown_name("mapping", str(name_or_path), known,
                                   f"known: {', '.join(known)}; or a path to a .yaml file"))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise InputError(path, f"not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise InputError(path, "a mapping needs a 'columns' table (field: [header names])")
    unknown_keys = sorted(set(data) - _KEYS)
    if unknown_keys:
        raise InputError(path, f"unknown key(s) {', '.join(unknown_keys)} (known: {', '.join(sorted(_KEYS))})")
    rows = str(data.get("rows", "participations"))
    if rows not in ROW_KINDS:
        raise InputError(path, f"rows: {rows!r} is not one of {', '.join(ROW_KINDS)}")
    unnamed = _choice(path, data, "unnamed_partners", UNNAMED_PARTNERS)
    always = _always_required(path, data, rows, unnamed)
    required = _fields(path, data.get("required", list(always)), "required")
    quoting = data.get("quoting", "standard")
    if quoting not in ("standard", "none"):
        raise InputError(path, f"quoting: {quoting!r} is not standard or none")
    for needed in always:
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
        patterns=_patterns(path, data),
        currency=str(data.get("currency") or "EUR").upper(),
        partners=_partners(path, data),
        fill_down=tuple(_fields(path, data.get("fill_down") or [], "fill_down")),
        rows=rows,
        languages={str(k).upper(): str(v) for k, v in _table(path, data, "languages").items()},
        quoting=quoting == "standard",
        name_types=_name_types(path, data),
        extract={_fields(path, [k], "extract")[0]: _pattern(path, "extract", v)
                 for k, v in _table(path, data, "extract").items()},
        sheet=str(data["sheet"]) if data.get("sheet") else None,
        keep_first=_keep_first(path, data),
        unknown_nuts=_choice(path, data, "unknown_nuts", UNKNOWN_NUTS),
        unnamed_partners=unnamed,
        identifier_scheme=_choice(path, data, "identifier_scheme", IDENTIFIER_SCHEMES) if "identifier_scheme" in data
        else None,
    )
