"""Where each field of a table's row comes from: the header matching of the mapping's columns (:class:`_Columns`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.cells import split_values
from kg.ingest.mapping import Mapping
from kg.ingest.resolving import normalise
from kg.ingest.tablefile import JoinedRows


class _Columns:
    """Where each field of a row comes from: a column of the main file, of the joined file, or a constant."""

    def __init__(self, header: list[Any], mapping: Mapping, path: Path, joined: JoinedRows | None) -> None:
        self.mapping = mapping
        keys = [normalise(str(h or "")) for h in header]
        join_keys = [normalise(h) for h in joined.header] if joined is not None else []
        self.width = len(header)
        self.index: dict[str, int] = {}
        self.headers: dict[str, str] = {}
        prefix = f"{mapping.join.label}:" if joined is not None else None
        for name, accepted in mapping.columns.items():
            for candidate in accepted:
                if prefix is not None and candidate.startswith(prefix):  # a header of the joined rows only
                    key = normalise(candidate[len(prefix):])
                    if key in join_keys:
                        self._use_joined(name, join_keys.index(key), joined)
                        break
                elif normalise(candidate) in keys:
                    self._use(name, keys.index(normalise(candidate)), str(header[keys.index(normalise(candidate))]))
                    break
                elif normalise(candidate) in join_keys:
                    self._use_joined(name, join_keys.index(normalise(candidate)), joined)
                    break
        self.join_key: list[int] = []
        if joined is not None:
            missing = [key for key in mapping.join.key if normalise(key) not in keys]
            if missing:
                raise InputError(path, f"no column {', '.join(map(repr, missing))} to join {joined.label} on", line=1)
            self.join_key = [keys.index(normalise(key)) for key in mapping.join.key]
        for name in mapping.constants:
            self.headers.setdefault(name, f"{name} (constant)")
        self.partners, self.partners_header = None, None
        if mapping.partners is not None:
            found = [keys.index(normalise(c)) for c in mapping.partners.columns if normalise(c) in keys]
            if found:
                self.partners, self.partners_header = found[0], " ".join(str(header[found[0]]).split())
        self.above: dict[str, Any] = {}  # the last value of each fill_down field
        missing = [name for name in mapping.required if name not in self.index and name not in mapping.constants]
        if missing:
            wanted = "; ".join(f"{name} (one of: {', '.join(mapping.columns.get(name, [name]))})" for name in missing)
            raise InputError(path, f"missing column(s) for mapping {mapping.name!r}: {wanted}", line=1)

    def _use_joined(self, name: str, position: int, joined: JoinedRows) -> None:
        self._use(name, self.width + position, f"{joined.label}:{joined.header[position].strip()}")

    def _use(self, name: str, position: int, header: str) -> None:
        self.index[name] = position
        self.headers[name] = " ".join(header.split())

    def values(self, cells: list[Any], joined: JoinedRows | None) -> dict[str, Any]:
        """Return the row's raw value of each field (``values:`` translations and constants applied)."""
        if joined is not None:
            other = joined.cells([cells[p] if p < len(cells) else None for p in self.join_key]) or []
            cells = list(cells) + [None] * (self.width - len(cells)) + list(other)
        found: dict[str, Any] = dict(self.mapping.constants)
        for name, position in self.index.items():
            value = cells[position] if position < len(cells) else None
            if isinstance(value, str):
                value = value.strip() or None
            if value is not None:
                found[name] = value
        for name in self.mapping.fill_down:  # a continuation row: the value of the row above
            if name in self.index and found.get(name) is None and name in self.above:
                found[name] = self.above[name]
            elif name in self.index:
                self.above[name] = found.get(name)
        for name, table in self.mapping.values.items():
            if name in found:
                found[name] = table.get(str(found[name]).strip().lower(), found[name])
                if found[name] == "":  # translated to nothing ("N.a." → ""): an empty cell
                    del found[name]
        return found

    def more_partners(self, cells: list[Any]) -> list[str]:
        """Return the names in the row's cell of further partners (the mapping's ``partners`` column)."""
        if self.partners is None or self.partners >= len(cells):
            return []
        return split_values(cells[self.partners], self.mapping.partners.separators)
