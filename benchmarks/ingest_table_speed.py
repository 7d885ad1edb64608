"""Throughput of `eukg ingest table`: rows read, checked and turned into triples per second.

Generates project-partner tables of 1,000, 5,000 and 20,000 rows (keep_eu layout), ingests each
into a fresh store copy (read + check + build the graph, then the atomic replace) and writes the
timings to benchmarks/ingest-table-results.json.

Run: ``python benchmarks/ingest_table_speed.py``
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest.sources import replace_source  # noqa: E402
from kg.ingest.table import ingest_table, load_mapping  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.store.writer import build  # noqa: E402

HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
NUTS = [("Poland", "PL81"), ("Romania", "RO424"), ("Italy", "ITC11"), ("Germany", "DE300"), ("Spain", "ES511")]


def table(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            country, code = NUTS[i % len(NUTS)]
            writer.writerow([f"PRJ{i // 5}", f"Project {i // 5}", "Interreg Europe", "Innovation", "01/01/2020",
                             "31/12/2022", f"Organisation {i}", "Lead partner" if i % 5 == 0 else "Partner", "SME",
                             country, code, str(1000 + i), str(800 + i)])
    return path


def main() -> None:
    mapping = load_mapping("keep_eu")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        location = Path(tmp) / "store"
        build(location, validate=False)
        for rows in (1000, 5000, 20000):
            path = table(Path(tmp) / f"t{rows}.csv", rows)
            start = time.perf_counter()
            result = ingest_table(path, mapping, open_store(location))
            read = time.perf_counter() - start
            replace_source(result.identifier, result.graph, location, save=False)  # beside the temporary store
            total = time.perf_counter() - start
            results.append({"rows": rows, "bytes": path.stat().st_size, "triples": len(result.graph),
                            "read_check_build_s": round(read, 2), "total_with_replace_s": round(total, 2),
                            "rows_per_s": round(rows / total)})
            print(results[-1])
    out = ROOT / "benchmarks" / "ingest-table-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
