"""Throughput of the Keep.eu Excel export: partner rows read, joined with the projects sheet, checked and resolved.

Generates a workbook with Keep.eu's two sheets and headers (five partners per project, each a
different organisation: the resolver's worst case; every project in one of two programmes that
reuse acronyms), and ingests it with the ``keep_eu_export`` mapping against a fresh build of the
seed graph, in this process. Wall and CPU seconds are both given (the machine is shared).

Run: ``python -m benchmarks.keep_eu_export_speed --rows 10000`` (results in
``benchmarks/results/keep-eu-export-speed.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "keep-eu-export-speed.json"
PROGRAMMES = ("2014 - 2020 INTERREG VB North Sea", "2014 - 2020 INTERREG VB Baltic Sea")
PLACES = (("DK", "DK032"), ("DE", "DE943"), ("LT", "LT023"), ("PL", "PL81"), ("SE", "SE224"))
PROJECT_HEADER = ["Period", "Programme", "Project ID (2021-2027 only)", "Project acronym", "Project name in English",
                  "Project start", "Project end", "Project's total budget / expenditure"]
PARTNER_HEADER = ["Programme", "Project ID (2021-2027 only)", "Project acronym", "Organisation in English",
                  "Lead partner", "Type of Organisation", "Participant Identification Code", "Country code",
                  "NUTS3 code (or equivalent)", "Partner's total eligible budget / expenditure",
                  "ERDF contribution (2014-2020 only)"]


def workbook(path: Path, rows: int) -> Path:
    """Write a Keep.eu-like export of ``rows`` partner rows (five per project) to ``path``."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    projects, partners = book.create_sheet("Search results, projects"), book.create_sheet("Search results, partners")
    projects.append(PROJECT_HEADER)
    partners.append(PARTNER_HEADER)
    for number in range(rows // 5):
        programme, acronym = PROGRAMMES[number % 2], f"P{number // 2}"
        projects.append(["2014-2020", programme, None, acronym, f"Project {number} on shared waters",
                         "2018-01-01", "N.a.", 1_000_000])
        for partner in range(5):
            country, nuts = PLACES[partner]
            partners.append([programme, None, acronym, f"Organisation {number}-{partner} of {nuts}",
                             "Yes" if partner == 0 else "No", "Local public authority", None, country, nuts,
                             200_000, 160_000])
    book.save(path)
    return path


def measure(rows: int, work: Path) -> dict:
    """Ingest a generated export of ``rows`` rows against a fresh seed graph; return the timings."""
    from benchmarks.clock import Clock
    from kg.ingest.table import ingest_table, load_mapping
    from kg.store import open_store
    from kg.store.writer import build

    location = work / "store"
    build(location, validate=False)
    path = workbook(work / f"keep{rows}.xlsx", rows)
    clock = Clock()
    result = ingest_table(path, load_mapping("keep_eu_export"), open_store(location))
    read = clock.read()
    result.discard()
    return {"rows": rows, "bytes": path.stat().st_size, "triples": result.triples, "problems": result.problem_count,
            "projects": len(result.projects), "ingest_s": round(read["seconds"], 1),
            "ingest_cpu_s": round(read["cpu_seconds"], 1), "rows_per_s": round(rows / read["seconds"]),
            "rows_per_cpu_s": round(rows / read["cpu_seconds"]),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def render(results: dict) -> str:
    """The Markdown table of ``results`` (keep-eu-export-speed.json): one row a workbook size."""
    lines = ["| partner rows | bytes | triples | projects | s (CPU s) | rows/s (per CPU s) | peak MB | measured |",
             "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for run in results["runs"].values():
        lines.append(f"| {run['rows']:,} | {run['bytes']:,} | {run['triples']:,} | {run['projects']:,} | "
                     f"{run['ingest_s']} ({run['ingest_cpu_s']}) | {run['rows_per_s']:,} ({run['rows_per_cpu_s']:,}) | "
                     f"{run['peak_rss_mb']} | {run['measured']}, load {run['load_average']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        run = measure(args.rows, Path(tmp))
    run.update(measured=time.strftime("%Y-%m-%d"), machine=f"{platform.machine()}, {os.cpu_count()} cores",
               load_average=round(os.getloadavg()[0], 1))
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"runs": {}}
    previous["runs"][str(args.rows)] = run
    RESULTS.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(run))


if __name__ == "__main__":
    main()
