"""One value set per partner of a row: multi-valued cells, the mapping's ``partners`` column and ``patterns``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kg.ingest.cells import split_values
from kg.ingest.mapping import Mapping
from kg.ingest.table.columns import _Columns

#: What a further partner (the mapping's ``partners`` column) does not share with the row's first partner.
_OWN_FIELDS = ("partner_id", "partner_type", "partner_role", "nuts", "total_budget", "eu_contribution")


def _with_more_partners(partners: list[dict[str, Any]], columns: _Columns,
                        cells: list[Any]) -> Iterator[tuple[dict[str, Any], dict[str, str]]]:
    """Yield each partner of the row with its headers: the row's own, then those of the ``partners`` column."""
    for values in partners:
        yield values, columns.headers
    names = columns.more_partners(cells) if partners else []
    if not names:
        return
    shared = {name: value for name, value in partners[0].items() if name not in _OWN_FIELDS}
    headers = {**columns.headers, "partner_name": columns.partners_header,
               "partner_role": f"{columns.partners_header} (role)"}
    for name in names:
        yield {**shared, "partner_name": name, "partner_role": columns.mapping.partners.role}, headers


def _apply_patterns(values: dict[str, Any], mapping: Mapping) -> dict[str, Any]:
    """Return ``values`` with the fields the mapping's ``patterns`` pull out of a cell (a value that does not
    match stays as it is)."""
    if not mapping.patterns:
        return values
    values = dict(values)
    for name, pattern in mapping.patterns.items():
        if values.get(name) is None:
            continue
        match = pattern.fullmatch(str(values[name]).strip())
        if match is None:
            continue
        for group, found in match.groupdict().items():
            if found is not None and found.strip():
                values[group] = " ".join(found.split())
    return values


def _clean(value: Any) -> Any:
    return " ".join(value.split()) or None if isinstance(value, str) else value


_PARTNER_AMOUNTS = ("total_budget", "eu_contribution")


def _expand(values: dict[str, Any], mapping: Mapping) -> list[dict[str, Any]] | str:
    """Return one value set per partner of the row (a multi-valued cell holds several), or a problem."""
    if not mapping.multi_valued:
        return [{name: " ".join(v.split()) if isinstance(v, str) else v for name, v in values.items()}]
    split = {name: split_values(values[name], mapping.separators) for name in mapping.multi_valued if name in values}
    counts = {len(v) for v in split.values() if len(v) > 1}
    if len(counts) > 1:
        return (f"the multi-valued cells hold different numbers of values "
                f"({', '.join(f'{k}: {len(v)}' for k, v in split.items())})")
    many = counts.pop() if counts else 1
    # One amount for several partners of one cell is none of theirs: copied to each, it would count once per
    # partner. It is left out (the caller warns); a project's total (project_total_budget) stays the project's.
    shared = {name for name in _PARTNER_AMOUNTS if many > 1 and values.get(name) is not None
              and len(split.get(name, [None])) != many}
    rows = []
    for i in range(many):
        row = {name: _clean(value) for name, value in values.items() if name not in shared}
        for name, parts in split.items():
            if name not in shared:
                row[name] = parts[i] if len(parts) == many else (parts[0] if parts else None)
        rows.append(row)
    return rows
