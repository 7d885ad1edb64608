"""Project–partner tables (CSV or XLSX) → one source graph, through a declarative YAML mapping.

Each row gives one or more partners of one project (a multi-valued cell holds several): the project
(resolved by acronym, else new), the partner organisation (found by its identifier, resolved by name,
else new with its country, NUTS region and type), the participation with its role and amounts, and
the programme (resolved by name). Rows are streamed (:mod:`kg.ingest.tablefile`) and checked; a row
with a problem is reported as ``FILE:LINE [column]: what is wrong``. The statements are streamed to
an N-Triples file (pyoxigraph's serialiser) that the writer loads in one replacement, so a file is
never half-loaded; what the import remembers per project and organisation is kept on disk
(:class:`kg.ingest.diskmap.DiskMap`), so memory does not grow with the table.
``on_error="skip-row"`` keeps the good rows, ``"reject-file"`` keeps nothing when any row is bad.

The package holds one concern a module, in layers (each imports only those before it): :mod:`.result`
(the result and the spaces of the import's memory), :mod:`.sink` (the N-Triples sink and its terms),
:mod:`.rows` (what is held per row), :mod:`.columns` (header matching), :mod:`.partners` (a row's
partners), :mod:`.builder` (finding or minting resources), :mod:`.checks` (row checks), :mod:`.emit`
(the statements), :mod:`.organisation_list` (``rows: organisations``), :mod:`.source` (the source
description) and :mod:`.run` (:func:`ingest_table`).
"""

from kg.ingest.mapping import FIELDS, MAPPINGS_DIR, Mapping, load_mapping
from kg.ingest.table.result import RowProblem, TableResult
from kg.ingest.table.run import ingest_table

__all__ = ["FIELDS", "MAPPINGS_DIR", "Mapping", "RowProblem", "TableResult", "ingest_table", "load_mapping"]
