"""A list of organisations (a mapping with ``rows: organisations``): held while read, written once at the end."""

from __future__ import annotations

from kg.ingest.table.builder import _Builder
from kg.ingest.table.checks import _check_place, _partner, _required
from kg.ingest.table.emit import _emit_organisation
from kg.ingest.table.result import _RESULT_KNOWN, _RESULT_NEW, TableResult
from kg.ingest.table.rows import _Listed, _Row
from kg.ingest.table.sink import _W, _Sink
from kg.ingest.triple_writer import literal


def _list_organisation(row: _Row, builder: _Builder) -> bool:
    """Check one row of a list of organisations (``rows: organisations``) and hold its organisation.

    An organisation is written once the whole list is read (:func:`_write_listed`), with the region
    most of its rows give: a body the list names in several regions equally often (a ministry, a
    national agency) is in none of them in particular and is written without a region. Its other
    spellings become alternative names.
    """
    if not _required(row, builder.mapping):
        return False
    country, region = _check_place(row, builder)
    partner = None if row.problems else _partner(row, builder, country)
    if partner is None:
        return False
    organisation = partner["organisation"]
    builder.memory.add(_RESULT_NEW if partner["new"] else _RESULT_KNOWN, str(organisation))
    held = builder.listed.setdefault(organisation, _Listed(row, {**partner, "country": country}))
    if region is not None:
        held.regions.setdefault(region, []).append(row.line)
    if str(row.values["partner_name"]) != held.row.values["partner_name"]:
        held.spellings.add(str(row.values["partner_name"]))
    return True


def _write_listed(sink: _Sink, builder: _Builder, result: TableResult) -> None:
    """Write the organisations of a list (``rows: organisations``), each once."""
    for organisation, held in builder.listed.items():
        checked = {**held.checked, "region": held.region(result)}
        _emit_organisation(sink, held.row, builder, checked, set())
        if checked["new"]:
            language = builder.mapping.language_of(checked["country"][1] if checked["country"] else None)
            for name in sorted(held.spellings):
                sink.add(str(organisation), _W["altLabel"], literal(name, language))
