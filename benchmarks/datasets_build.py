"""What `eukg build --datasets all` costs and what the graph then holds.

Builds a fresh store with every shipped dataset in a process of its own (wall seconds, CPU seconds
and peak memory of that process), then counts the graph: instances per class of the ontology, and
the regions and countries the organisations are placed in. Rows per second are the datasets' rows
over the whole build (ontology, reference data and validation included).

Run: ``python -m benchmarks.datasets_build`` (results in ``benchmarks/results/datasets-build.json``,
the table in datasets/README.md); ``--write-docs`` only rewrites the table from the results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import tempfile
import time
from pathlib import Path

from benchmarks.build_run import build, counts
from benchmarks.docs_section import replace_section

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "datasets-build.json"
DOCS = ROOT / "datasets" / "README.md"
START, END = "<!-- datasets-build:start -->", "<!-- datasets-build:end -->"
_READ = re.compile(r"dataset\s+[\w.-]+:\s+[\d,]+\s+of\s+([\d,]+)\s+rows")


def dataset_rows(messages: str) -> int:
    """The rows the build read from the datasets' tables, summed from its ``dataset NAME: A of B rows`` lines
    (CSV, JSON and Excel alike; a line may be wrapped).

    >>> dataset_rows("dataset a: 3 of 4 rows, 9 statements\\ndataset b-c: 1,000\\nof 1,200 rows")
    1204
    """
    return sum(int(found.replace(",", "")) for found in _READ.findall(messages))


def measure(work: Path) -> dict:
    """Build with every dataset into ``work``; return the timings and the counts."""
    location = work / "store"
    run = build(location, "all")
    rows = dataset_rows(run["messages"])
    found = counts(location)
    return {"rows": rows, "build_s": run["wall_s"], "build_cpu_s": run["cpu_s"],
            "rows_per_s": round(rows / run["wall_s"]), "rows_per_cpu_s": round(rows / run["cpu_s"]),
            "peak_rss_mb": run["peak_mb"],
            **{key: found[key] for key in ("projects", "organisations", "participations", "regions", "countries")}}


def render(results: dict) -> str:
    """Return the Markdown table of ``results`` (datasets-build.json) for datasets/README.md."""
    run = results["run"]
    return "\n".join([
        "| dataset rows | build s (CPU s) | rows/s (per CPU s) | peak memory MB | projects | organisations "
        "| participations | regions | countries | measured |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| {run['rows']:,} | {run['build_s']} ({run['build_cpu_s']}) | {run['rows_per_s']:,} "
        f"({run['rows_per_cpu_s']:,}) | {run['peak_rss_mb']} | {run['projects']:,} | {run['organisations']:,} "
        f"| {run['participations']:,} | {run['regions']:,} | {run['countries']:,} | {run['measured']}, "
        f"{run['machine']}, load {run['load_average']} |"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true", help="Only write the figures into datasets/README.md.")
    args = parser.parse_args(argv)
    if not args.write_docs:
        with tempfile.TemporaryDirectory() as tmp:
            run = measure(Path(tmp))
        run.update(measured=time.strftime("%Y-%m-%d"), machine=f"{platform.machine()}, {os.cpu_count()} cores",
                   load_average=round(os.getloadavg()[0], 1))
        RESULTS.write_text(json.dumps({"run": run}, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(run))
    replace_section(DOCS, START, END, render(json.loads(RESULTS.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
