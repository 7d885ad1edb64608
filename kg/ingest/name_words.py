"""Write ``kg/resolve/data/word_frequency.tsv``: how common each core word is among the organisation names of
the shipped datasets, for record linkage's word weights (:mod:`kg.resolve.word_frequency`).

Run ``python -m kg.ingest.name_words`` to write the file again. It reads every dataset of the registry
(``datasets/``: Kohesio beneficiaries, Horizon Europe participations, Keep.eu partners, H2020 Norway,
Croatian operations, Swedish Interreg partners) with its own mapping and the table readers of a build, takes
each row's partner names and countries as the import would (multi-valued cells, a ``partners`` column,
``patterns``, constants and ``values:``), and counts each distinct (country, name) once. It lives here, not
in :mod:`kg.resolve`, because it reads tables (:mod:`kg.ingest` is the layer above).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.datasets import Dataset, _plain_copy, registry, verify
from kg.ingest.mapping import load_mapping
from kg.ingest.table.partners import _apply_patterns, _expand, _with_more_partners
from kg.ingest.table.run import _rows
from kg.resolve.link import country_code
from kg.resolve.word_frequency import WORD_FREQUENCY, count, write

__all__ = ["dataset_names", "main"]


def dataset_names(dataset: Dataset) -> Iterator[tuple[str, str | None]]:
    """Yield (name, ISO country code or ``None``) of every partner of every row of ``dataset``."""
    verify(dataset)
    mapping = load_mapping(dataset.mapping_path)
    with tempfile.TemporaryDirectory(prefix="eukg-names-") as tmp:
        path = _plain_copy(dataset.file_path(dataset.files[0]), Path(tmp))
        columns, joined, rows = _rows(path, mapping, None)
        for _, cells in rows:
            expanded = _expand(columns.values(cells, joined), mapping)
            if isinstance(expanded, str):  # a row the import reports as a problem
                continue
            for values, _headers in _with_more_partners(expanded, columns, cells):
                values = _apply_patterns(values, mapping)
                name = values.get("partner_name")
                if name is not None and str(name).strip():
                    yield str(name), country_code(str(values.get("country") or "")) or None


def main(argv: list[str] | None = None) -> int:
    """Count the core words of every dataset's organisation names and write the table (``argv``: an output path)."""
    target = Path(argv[0]) if argv else WORD_FREQUENCY
    known = registry()
    counts = count(record for dataset in known.values() for record in dataset_names(dataset))
    rows = write(counts, ", ".join(sorted(known)), target)
    print(f"wrote {target}: {rows:,} rows from {counts.names['*']:,} distinct names of {len(known)} datasets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
