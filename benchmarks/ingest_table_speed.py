"""Throughput and memory of `eukg ingest table`: rows read, checked, resolved and streamed per second.

Generates Keep.eu-like project–partner tables (five partners per project, every partner a different
organisation: the resolver's worst case), ingests each in a process of its own against a fresh
build of the seed graph (read, check, resolve, stream the statements to N-Triples), then puts the
source in through the writer (validate, write the file, load). Wall and CPU seconds are both given:
the machine is shared, and CPU seconds are what a quiet machine's wall time approaches; they count
the import's helper processes too (names resolved ahead, statements serialised: see docs/ingest.md),
and those of the import's own process, given apart, bound its wall time on an idle machine of two
cores. Peak
resident memory per size shows whether the import streams.

Run: ``python -m benchmarks.ingest_table_speed --rows 10000 100000`` (results in
``benchmarks/results/ingest-table-speed.json``, the table in docs/ingest.md); ``--write-docs`` only
rewrites the docs table from the results.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.docs_section import replace_section

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "ingest-table-speed.json"
DOCS = ROOT / "docs" / "ingest.md"
START, END = "<!-- ingest-table-speed:start -->", "<!-- ingest-table-speed:end -->"
HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
NUTS = [("Poland", "PL81"), ("Romania", "RO424"), ("Italy", "ITC11"), ("Germany", "DE300"), ("Spain", "ES511")]


def table(path: Path, rows: int) -> Path:
    """Write a keep_eu table of ``rows`` partner rows (five per project) to ``path``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            country, code = NUTS[i % len(NUTS)]
            writer.writerow([f"PRJ{i // 5}", f"Project {i // 5}", "Interreg Europe", "Innovation", "01/01/2020",
                             "31/12/2022", f"Organisation {i}", "Lead partner" if i % 5 == 0 else "Partner", "SME",
                             country, code, f"{1000 + i},50", str(800 + i)])
    return path


def measure_one(rows: int, work: Path) -> dict:
    """Ingest a table of ``rows`` rows in this process; return the timings (run through ``--one``)."""
    from benchmarks.clock import Clock
    from kg.ingest.sources import replace_source
    from kg.ingest.table import ingest_table, load_mapping
    from kg.store import open_store
    from kg.store.writer import build

    location = work / "store"
    build(location, validate=False)
    path = table(work / f"t{rows}.csv", rows)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clock, own = Clock(), time.process_time()
    result = ingest_table(path, load_mapping("keep_eu"), open_store(location))
    read = clock.read()
    own = time.process_time() - own
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clock = Clock()
    replace_source(result.identifier, result.path, location, save=False)
    put = clock.read()
    result.discard()
    return {"rows": rows, "bytes": path.stat().st_size, "triples": result.triples, "problems": result.problem_count,
            "ingest_s": round(read["seconds"], 1), "ingest_cpu_s": round(read["cpu_seconds"], 1),
            "import_cpu_s": round(own, 1),
            "rows_per_s": round(rows / read["seconds"]), "rows_per_cpu_s": round(rows / read["cpu_seconds"]),
            "rows_per_import_cpu_s": round(rows / own),
            "writer_s": round(put["seconds"], 1), "writer_cpu_s": round(put["cpu_seconds"], 1),
            "peak_rss_mb_before": round(before / 1024), "peak_rss_mb": round(peak / 1024)}


def _own(run: dict) -> str:
    """Rows per CPU second of the import's own process (what bounds its wall time on an idle machine), or –."""
    return f"{run['rows_per_import_cpu_s']:,}" if "rows_per_import_cpu_s" in run else "–"


def render(results: dict) -> str:
    """Return the Markdown table of ``results`` (ingest-table-speed.json) for docs/ingest.md."""
    lines = ["| rows | triples | ingest s (CPU s; import process) | rows/s (per CPU s; import process) "
             "| writer s (CPU s) | peak memory MB | measured |",
             "|---:|---:|---:|---:|---:|---:|---|"]
    for _, run in sorted(results["runs"].items(), key=lambda item: int(item[0])):
        seconds = f"{run['ingest_s']} ({run['ingest_cpu_s']}; {run.get('import_cpu_s', '–')})"
        speed = f"{run['rows_per_s']:,} ({run['rows_per_cpu_s']:,}; {_own(run)})"
        lines.append(f"| {run['rows']:,} | {run['triples']:,} | {seconds} | {speed} "
                     f"| {run['writer_s']} ({run['writer_cpu_s']}) | {run['peak_rss_mb']} "
                     f"| {run['measured']}, {run['machine']}, load {run['load_average']} |")
    return "\n".join(lines)


def write_docs(results: dict, docs: Path = DOCS) -> None:
    """Replace the figures between the markers of docs/ingest.md with :func:`render` of ``results``."""
    replace_section(docs, START, END, render(results))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, default=None, help="Folder for the stores (default: a temporary one).")
    parser.add_argument("--write-docs", action="store_true", help="Only write the figures into docs/ingest.md.")
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure_one(args.one, args.work)))
        return
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"runs": {}}
    if args.write_docs:
        write_docs(previous)
        return
    for rows in args.rows:
        with tempfile.TemporaryDirectory(dir=args.work) as tmp:
            out = subprocess.run([sys.executable, "-m", "benchmarks.ingest_table_speed", "--one", str(rows),
                                  "--work", tmp], check=True, capture_output=True, text=True, cwd=ROOT)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["measured"] = time.strftime("%Y-%m-%d")
        row["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
        row["load_average"] = round(os.getloadavg()[0], 1)
        previous["runs"][str(rows)] = row
        print(json.dumps(row))
        RESULTS.write_text(json.dumps(previous, indent=1) + "\n", encoding="utf-8")
    write_docs(previous)


if __name__ == "__main__":
    main()
