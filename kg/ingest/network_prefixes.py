"""Write ``kg/resolve/data/network_prefixes.tsv``: the leading words of research networks' names, learnt from the
organisation names of the shipped datasets, for record linkage (:mod:`kg.resolve.networks`).

Run ``python -m kg.ingest.network_prefixes`` to write the file again. It reads the partner names of every dataset
of the registry as :mod:`kg.ingest.name_words` does, and counts each distinct (country, name) once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.ingest.datasets import registry
from kg.ingest.name_words import dataset_names
from kg.resolve.networks import NETWORK_PREFIXES, count, write

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Learn the networks' leading words from every dataset's organisation names and write the table (``argv``: an
    output path)."""
    target = Path(argv[0]) if argv else NETWORK_PREFIXES
    known = registry()
    counts = count(record for dataset in known.values() for record in dataset_names(dataset))
    rows = write(counts, ", ".join(sorted(known)), target)
    print(f"wrote {target}: {rows:,} networks from the names of {len(known)} datasets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
