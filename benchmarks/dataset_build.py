"""What building a published dataset in costs, and what the graph then holds.

Builds a fresh store twice in processes of their own, without and with ``--datasets NAME`` (``eukg
build``: convert the rows against the graph, validate, write through the one writer), and reports the
difference in wall and CPU seconds, rows per second, the peak resident memory of the build with the
dataset, and what the dataset's named graph holds: statements, organisations by type, organisations
with a region, alternative names, projects and participations.

Run: ``python -m benchmarks.dataset_build kohesio-beneficiaries-cee`` (results in
``benchmarks/results/dataset-build.json``, the table in datasets/README.md); ``--write-docs`` only
rewrites the table from the results.
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
RESULTS = ROOT / "benchmarks" / "results" / "dataset-build.json"
DOCS = ROOT / "datasets" / "README.md"
START, END = "<!-- dataset-build:start -->", "<!-- dataset-build:end -->"
_HOLDS = ("organisations", "with_region", "alternative_names", "projects", "participations", "statements", "types")


def _holdings(store_path: Path, name: str) -> dict:
    """What the dataset's named graph holds."""
    from kg.layout import dataset_graph

    found = counts(store_path, str(dataset_graph(name)))
    return {key: found[key] for key in _HOLDS}


def measure(name: str) -> dict:
    """Build without and with dataset ``name``; return the costs and holdings."""
    with tempfile.TemporaryDirectory(prefix="eukg-dataset-bench-") as tmp:
        plain = build(Path(tmp) / "plain")
        full = build(Path(tmp) / "full", name)
        rows = re.search(rf"dataset {re.escape(name)}: ([\d,]+) of ([\d,]+) rows", full["messages"])
        holdings = _holdings(Path(tmp) / "full", name)
    total = int(rows.group(2).replace(",", "")) if rows else None
    extra_wall, extra_cpu = full["wall_s"] - plain["wall_s"], full["cpu_s"] - plain["cpu_s"]
    return {"dataset": name, "rows": total, "loaded_rows": int(rows.group(1).replace(",", "")) if rows else None,
            "dataset_wall_s": round(extra_wall, 1), "dataset_cpu_s": round(extra_cpu, 1),
            "rows_per_s": round(total / extra_wall) if total else None,
            "rows_per_cpu_s": round(total / extra_cpu) if total else None,
            "peak_mb": full["peak_mb"], "build_wall_s": full["wall_s"], "holds": holdings,
            "measured": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                                                              f"load {os.getloadavg()[0]:.1f}"}


def render(results: list[dict]) -> str:
    """The table of ``results``: one row a dataset."""
    lines = ["| dataset | rows | build s (CPU s) | rows/s (per CPU s) | peak MB | statements | organisations "
             "(with region) | projects | participations | measured |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        h = r["holds"]
        lines.append(f"| {r['dataset']} | {r['rows']:,} | {r['dataset_wall_s']} ({r['dataset_cpu_s']}) | "
                     f"{r['rows_per_s']:,} ({r['rows_per_cpu_s']:,}) | {r['peak_mb']} | {h['statements']:,} | "
                     f"{h['organisations']:,} ({h['with_region']:,}) | {h['projects']:,} | {h['participations']:,} | "
                     f"{r['measured']}, {r['machine']} |")
    return "\n".join(lines)


def write_docs(results: list[dict]) -> None:
    """Write the table of ``results`` into datasets/README.md."""
    replace_section(DOCS, START, END, render(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="*", help="dataset names (datasets/NAME.yaml)")
    parser.add_argument("--write-docs", action="store_true", help="only rewrite the docs table from the results")
    args = parser.parse_args()
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else []
    if not args.write_docs:
        for name in args.datasets:
            found = measure(name)
            print(json.dumps(found, indent=1, ensure_ascii=False))
            results = [r for r in results if r["dataset"] != name] + [found]
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_docs(results)


if __name__ == "__main__":
    main()
