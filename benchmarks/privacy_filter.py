"""Time the ``--no-personal-data`` filter on the built store scaled up to N triples.

Not a test: writes seconds per step to ``benchmarks/results/privacy-filter.json``. It compares
``kg.privacy.public_quads`` (statements about personal data removed, names redacted elsewhere, IRIs
that hold names replaced) with removal alone (``without_personal_data`` over ``personal_nodes``, what
the filter did before issue 21), and with plain iteration of the store. The scaled graph is the one
of ``benchmarks/release_export.py``: every person is copied with the rest, so the graph holds many
persons (with the same names) and every source graph names some.

    python benchmarks/privacy_filter.py --triples 100000 1000000 [--store DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from benchmarks.release_export import scaled_store
from kg.privacy import personal_nodes, public_quads, without_personal_data
from kg.store import open_store

RESULTS = Path(__file__).parent / "results" / "privacy-filter.json"


def _seconds(step) -> tuple[float, int]:
    start = time.perf_counter()
    count = step()
    return round(time.perf_counter() - start, 3), count


def measure(triples: int, store_dir: str | None) -> dict[str, object]:
    """Return the seconds (and statements kept) of each step on a store of about ``triples`` statements."""
    store = scaled_store(open_store(store_dir), triples)
    row: dict[str, object] = {"triples": len(store)}
    for name, step in (
        ("iterate", lambda: sum(1 for _ in store)),
        ("remove_only", lambda: sum(1 for _ in without_personal_data(store, personal_nodes(store)))),
        ("public_quads", lambda: sum(1 for _ in public_quads(store))),
    ):
        seconds, count = _seconds(step)
        row[name] = {"seconds": seconds, "statements": count}
    redacted = sum(1 for q in public_quads(store) if "[person]" in str(q.object) or "/redacted-" in str(q))
    row["statements_redacted"] = redacted
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000])
    parser.add_argument("--store", default=None)
    args = parser.parse_args()
    rows = [measure(n, args.store) for n in args.triples]
    report = {"machine": f"{platform.node()} ({platform.processor() or platform.machine()})",
              "date": time.strftime("%Y-%m-%d"), "rows": rows}
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
