"""One CSV per contract query, for readers without RDF tools.

The files hold exactly what ``eukg query NAME --format csv`` prints (the frozen contract columns), run
over the released statements, so a release without personal data has CSVs without personal data too.
They are written for spreadsheets: a text cell that would start a formula gets a quote in front
(:func:`kg.sparql.results.to_spreadsheet_csv`); the RDF files keep every value as it is.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox

from kg.export.files import FileInfo, write_bytes
from kg.sparql import results
from kg.sparql.queries import NamedQuery, library, run

CONTRACT_TAG = "contract"


def contract_queries() -> list[NamedQuery]:
    """Return the contract queries (tagged ``contract`` in their header), by name."""
    return [query for query in library().values() if CONTRACT_TAG in query.tags]


def write_tables(store: ox.Store, folder: Path, seconds: dict[str, float] | None = None) -> list[FileInfo]:
    """Write ``folder/NAME.csv`` for each contract query run on ``store``; return the files written.

    ``seconds``, when given, receives each query's run time.
    """
    written: list[FileInfo] = []
    for query in contract_queries():
        start = time.perf_counter()
        text = results.to_spreadsheet_csv(run(query, store))
        if seconds is not None:
            seconds[query.name] = round(time.perf_counter() - start, 3)
        written += write_bytes(folder / f"{query.name}.csv", text.encode("utf-8"))
    return written
