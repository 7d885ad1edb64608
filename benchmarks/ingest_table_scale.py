"""Table import at scale: rows per second and peak memory of `eukg ingest table` at 10k, 100k and 1M rows.

The table is the real Horizon 2020 table of ``datasets/h2020-norway`` (2,931 rows, 44 columns, as
published), replicated: the first copy verbatim, every further copy ``c`` with its own project
numbers (``c`` × 1,000,000 + the number), acronyms (``-c`` added), organisation numbers (``-c``
added) and organisation names (`` c`` added), so that each copy adds 1,957 projects and 693
organisations that the graph does not know, in the real table's proportions (1.5 rows per
project, 4.2 per organisation), each name resolved against the graph. Each size is ingested in a
process of its own against a fresh build of the seed graph: read, check, resolve and stream the
statements to N-Triples (the writer's load is measured by ``benchmarks/writer_cost.py``). Wall and
CPU seconds are both given: the machine is shared, and CPU seconds are what a quiet machine's wall
time approaches; the CPU seconds count the import's helper processes too (names
resolved ahead, statements serialised: see docs/ingest.md), and those of the import's own process,
given apart, bound its wall time on an idle machine of two cores. Peak resident memory per size
shows whether the import streams: the import's own process (``getrusage``), and the sum over it
and its helper processes, sampled from /proc (:mod:`benchmarks.tree_memory`; PSS counts the pages
a forked helper shares with the import once).

Run: ``python -m benchmarks.ingest_table_scale --rows 10000 100000 1000000`` (results in
``benchmarks/results/ingest-table-scale.json``, the table in docs/ingest.md); ``--memory`` records
the runs in a second table, of memory by rows, keeping the speed runs of a quiet machine;
``--write-docs`` only rewrites the docs tables from the results.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.docs_section import replace_section
from benchmarks.tree_memory import TreeMemory

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "datasets" / "files" / "h2020-norway.csv.gz"
MAPPING = ROOT / "datasets" / "h2020-norway.mapping.yaml"
RESULTS = ROOT / "benchmarks" / "results" / "ingest-table-scale.json"
DOCS = ROOT / "docs" / "ingest.md"
START, END = "<!-- ingest-table-scale:start -->", "<!-- ingest-table-scale:end -->"
#: The columns each copy changes, and how.
_PROJECT, _ACRONYM, _ORG_ID, _ORG_NAME, _ORG_SHORT = ("Prosjektnr", "Prosjektkortnavn", "Organisasjonsnummer",
                                                      "Organisasjonsnavn", "Kortnavn")


def _real_rows() -> tuple[list[str], list[list[str]]]:
    with gzip.open(SOURCE, "rt", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(io.StringIO(handle.read()), delimiter=";"))
    return rows[0], rows[1:]


def _copy(row: list[str], columns: dict[str, int], c: int) -> list[str]:
    """Return ``row`` as copy ``c`` writes it (see the module docstring)."""
    if c == 0:
        return row
    row = list(row)
    number = row[columns[_PROJECT]]
    row[columns[_PROJECT]] = str(c * 1_000_000 + int(number)) if number.isdigit() else f"{number}-{c}"
    row[columns[_ACRONYM]] = f"{row[columns[_ACRONYM]]}-{c}"
    row[columns[_ORG_ID]] = f"{row[columns[_ORG_ID]]}-{c}"
    row[columns[_ORG_NAME]] = f"{row[columns[_ORG_NAME]]} {c}"
    row[columns[_ORG_SHORT]] = f"{row[columns[_ORG_SHORT]]} {c}"
    return row


def scaled_rows(rows: int) -> Iterator[list[str]]:
    """Yield the header and ``rows`` rows of the replicated table."""
    header, real = _real_rows()
    columns = {name: header.index(name) for name in (_PROJECT, _ACRONYM, _ORG_ID, _ORG_NAME, _ORG_SHORT)}
    yield header
    for i in range(rows):
        yield _copy(real[i % len(real)], columns, i // len(real))


def table(path: Path, rows: int) -> Path:
    """Write the replicated table of ``rows`` rows to ``path`` (``;``-separated, as published)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(scaled_rows(rows))
    return path


def measure_one(path: Path, rows: int, work: Path) -> dict:
    """Ingest the table at ``path`` in this process; return the figures (run through ``--one``)."""
    from benchmarks.clock import Clock
    from kg.ingest.table import ingest_table, load_mapping
    from kg.store import open_store
    from kg.store.writer import build

    location = work / "store"
    build(location, validate=False)
    store = open_store(location)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with TreeMemory() as tree:
        def progress(done: int) -> None:
            tree.progress = done

        clock, own = Clock(), time.process_time()
        result = ingest_table(path, load_mapping(MAPPING), store, progress=progress)
        read = clock.read()
    own = time.process_time() - own
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    figures = {"rows": rows, "bytes": path.stat().st_size, "triples": result.triples,
               "nt_bytes": result.path.stat().st_size, "problems": result.problem_count,
               "projects": result.project_count, "organisations": result.organisation_count,
               "ingest_s": round(read["seconds"], 1), "ingest_cpu_s": round(read["cpu_seconds"], 1),
            "import_cpu_s": round(own, 1),
               "rows_per_s": round(rows / read["seconds"]), "rows_per_cpu_s": round(rows / read["cpu_seconds"]),
            "rows_per_import_cpu_s": round(rows / own),
               "peak_rss_mb_before": round(before / 1024), "peak_rss_mb": round(peak / 1024),
               "peak_tree_rss_mb": round(tree.peak_rss_mb), "peak_tree_pss_mb": round(tree.peak_pss_mb)}
    if os.environ.get("EUKG_MEMORY_SAMPLES"):  # the memory along the way, for finding what grows
        Path(os.environ["EUKG_MEMORY_SAMPLES"]).write_text(json.dumps(tree.samples), encoding="utf-8")
    result.discard()
    return figures


def _own(run: dict) -> str:
    """Rows per CPU second of the import's own process (what bounds its wall time on an idle machine), or –."""
    return f"{run['rows_per_import_cpu_s']:,}" if "rows_per_import_cpu_s" in run else "–"


def _tree(run: dict) -> str:
    """Peak memory of the import and its helper processes together (RSS, and PSS: shared pages counted once), or –."""
    return f"{run['peak_tree_rss_mb']} ({run['peak_tree_pss_mb']})" if "peak_tree_rss_mb" in run else "–"


def render(results: dict) -> str:
    """Return the Markdown table of ``results`` (ingest-table-scale.json) for docs/ingest.md."""
    lines = ["| rows | projects | organisations | triples | ingest s (CPU s; import process) "
             "| rows/s (per CPU s; import process) | peak memory MB: import process (before the rows) "
             "| all processes, RSS (PSS) | measured |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for _, run in sorted(results["runs"].items(), key=lambda item: int(item[0])):
        seconds = f"{run['ingest_s']} ({run['ingest_cpu_s']}; {run.get('import_cpu_s', '–')})"
        speed = f"{run['rows_per_s']:,} ({run['rows_per_cpu_s']:,}; {_own(run)})"
        lines.append(f"| {run['rows']:,} | {run['projects']:,} | {run['organisations']:,} | {run['triples']:,} "
                     f"| {seconds} | {speed} | {run['peak_rss_mb']} ({run['peak_rss_mb_before']}) | {_tree(run)} "
                     f"| {run['measured']}, {run['machine']}, load {run['load_average']} |")
    return "\n".join(lines)


def render_memory(results: dict) -> str:
    """Return the Markdown table of the memory runs (``--memory``) of ``results``, or nothing."""
    if not results.get("memory"):
        return ""
    lines = ["| rows | peak memory MB: import process | all processes, RSS (PSS) | helper remembers (names) "
             "| free pages given back | CPU s (import process) | measured |", "|---:|---:|---:|---:|---|---:|---|"]
    for run in sorted(results["memory"].values(),
                      key=lambda run: (run["rows"], run["helper_window"], run.get("give_back_rows", 0))):
        given = f"every {run['give_back_rows']:,} rows" if run.get("give_back_rows") else "–"
        lines.append(f"| {run['rows']:,} | {run['peak_rss_mb']} | {_tree(run)} | {run['helper_window']} | {given} "
                     f"| {run['ingest_cpu_s']} ({run['import_cpu_s']}) | {run['measured']}, {run['machine']}, "
                     f"load {run['load_average']} |")
    return "\n".join(lines)


def write_docs(results: dict, docs: Path = DOCS) -> None:
    """Replace the figures between the markers of docs/ingest.md with :func:`render` of ``results``."""
    memory = render_memory(results)
    replace_section(docs, START, END, render(results) + (f"\n\nMemory by rows:\n\n{memory}" if memory else ""))


def _measure(rows: int, work: Path | None) -> dict:
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        path = table(Path(tmp) / f"h2020-norway-x{rows}.csv", rows)
        load = round(os.getloadavg()[0], 1)
        out = subprocess.run([sys.executable, "-m", "benchmarks.ingest_table_scale", "--one", str(rows),
                              "--table", str(path), "--work", tmp], check=True, capture_output=True, text=True,
                             cwd=ROOT)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row["measured"] = time.strftime("%Y-%m-%d")
    row["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
    row["load_average"] = max(load, round(os.getloadavg()[0], 1))  # at the start or the end, the higher
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--table", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, default=None, help="Folder for the tables and stores (default: a "
                                                                "temporary one).")
    parser.add_argument("--write-docs", action="store_true", help="Only write the figures into docs/ingest.md.")
    parser.add_argument("--memory", action="store_true", help="Record the runs as memory runs (the second table), "
                                                              "keeping the speed runs of a quiet machine.")
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure_one(args.table, args.one, args.work)))
        return
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"runs": {}}
    if args.write_docs:
        write_docs(previous)
        return
    previous["input"] = ("datasets/h2020-norway (2,931 real rows) replicated with new project and organisation "
                         "numbers, acronyms and names per copy; ingested against the seed graph")
    for rows in args.rows:
        row = _measure(rows, args.work)
        if args.memory:  # one run per size, helper window and period of giving free pages back
            from kg.ingest.table.prefetch import _KEEP
            from kg.ingest.table.run import _GIVE_BACK_ROWS

            row["helper_window"], row["give_back_rows"] = f"{_KEEP:,}–{2 * _KEEP:,}", _GIVE_BACK_ROWS
            previous.setdefault("memory", {})[f"{rows} {row['helper_window']} {_GIVE_BACK_ROWS}"] = row
        else:
            previous["runs"][str(rows)] = row
        print(json.dumps(row), flush=True)
        RESULTS.write_text(json.dumps(previous, indent=1) + "\n", encoding="utf-8")
    write_docs(previous)


if __name__ == "__main__":
    main()
