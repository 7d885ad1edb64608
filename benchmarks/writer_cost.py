"""What one write costs against the size of the store: an already-extracted 2,000-row source into a built store.

For each size, a synthetic Keep.eu-like graph (:mod:`benchmarks.generate`) is written as one file per
source into a copy of ``data/ingested/`` and built (not timed). A 2,000-row project-partner table is
turned into its graph by ``kg.ingest.table`` against the small graph of the source documents (not
timed: the row processing is the datasets issue's concern). Then the one writer
(:class:`kg.store.writer.Writer`) is timed, by phase, writing that graph as a new source, writing it
again (a re-ingest), and removing it.

Run: ``python -m benchmarks.writer_cost --triples 100000 1000000`` (results in
``benchmarks/results/writer-cost.json``; ``docs/store.md`` shows them).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from benchmarks.docs_section import replace_section
from benchmarks.generate import generate
from kg.ingest.table import ingest_table, load_mapping
from kg.paths import DATA_DIR
from kg.store import open_store
from kg.store.writer import Writer, build

RESULTS = Path(__file__).parent / "results" / "writer-cost.json"
ROWS = 2000
HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
NUTS = [("Poland", "PL81"), ("Romania", "RO424"), ("Italy", "ITC11"), ("Germany", "DE300"), ("Spain", "ES511")]


def _table(path: Path, rows: int = ROWS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            country, code = NUTS[i % len(NUTS)]
            writer.writerow([f"WRT{i // 5}", f"Writer benchmark project {i // 5}", "Interreg Europe", "Innovation",
                             "01/01/2020", "31/12/2022", f"Writer benchmark organisation {i}",
                             "Lead partner" if i % 5 == 0 else "Partner", "SME", country, code, str(1000 + i),
                             str(800 + i)])
    return path


def _synthetic_sources(folder: Path, triples: int) -> int:
    """Write a synthetic graph of about ``triples`` triples as one N-Quads file per source graph."""
    folder.mkdir(parents=True, exist_ok=True)
    quads, _ = generate(triples, seed=42)
    written, graph, out = 0, None, None
    for quad in quads:
        if quad.graph_name != graph:
            if out is not None:
                out.close()
            graph = quad.graph_name
            out = open(folder / f"{graph.value.rsplit('/', 1)[-1]}.nq", "wb")  # noqa: SIM115 - closed above
        out.write(ox.serialize([quad], format=ox.RdfFormat.N_QUADS))
        written += 1
    if out is not None:
        out.close()
    return written


def _timed_write(location: Path, action) -> dict:
    start = time.perf_counter()
    with Writer(location) as writer:
        action(writer)
        timings = dict(writer.timings)
    total = time.perf_counter() - start
    return {"total_s": round(total, 3), "phases_s": {k: round(v, 3) for k, v in timings.items()}}


def prepare(triples: int, work: Path) -> dict:
    """Build the synthetic store of ``triples`` triples in ``work`` and extract the source (not timed).

    The figures of the preparation are kept in ``work/prepared.json``, so a later run can time the
    writes on the same store (``--prepared``) without generating and building it again.
    """
    data = work / "data"
    shutil.copytree(DATA_DIR, data)
    location = work / "store"
    # The source is extracted against the small graph of the source documents: its rows name no
    # organisation of the synthetic graph, so the graph is the same, and the row processing (the
    # datasets issue's concern) does not grow with the store.
    build(location, data_dir=data)
    graph = ingest_table(_table(work / "table.csv"), load_mapping("keep_eu"), open_store(location)).graph
    graph.serialize(work / "source.nt", format="nt", encoding="utf-8")
    generated = _synthetic_sources(data / "ingested", triples)
    start = time.perf_counter()
    built = build(location, data_dir=data)
    build_s = time.perf_counter() - start
    row = {"triples_generated": generated, "store_triples": built.triples, "build_s": round(build_s, 1),
           "source_rows": ROWS, "source_triples": len(graph)}
    (work / "prepared.json").write_text(json.dumps(row), encoding="utf-8")
    return row


def measure(triples: int, work: Path) -> dict:
    """Time the writer putting the source into the store of ``work`` (prepared first unless it is)."""
    prepared = work / "prepared.json"
    row = json.loads(prepared.read_text(encoding="utf-8")) if prepared.exists() else prepare(triples, work)
    location = work / "store"
    graph = Graph().parse(work / "source.nt", format="nt")
    with Writer(location) as writer:  # not timed: a store prepared with other shapes or queries is built anew
        writer.sync()
    row["new_source"] = _timed_write(location, lambda w: w.put_sources({"writer-bench": graph}))
    row["replace_source"] = _timed_write(location, lambda w: w.put_sources({"writer-bench": graph}))
    row["remove_source"] = _timed_write(location, lambda w: w.remove_source("writer-bench"))
    return row


DOCS = Path(__file__).resolve().parents[1] / "docs" / "store.md"
START, END = "<!-- writer-cost:start -->", "<!-- writer-cost:end -->"
PHASES = ("lock", "sync", "checkpoint", "load", "validate", "files", "record and flush", "swap")


def render(results: dict) -> str:
    """Return the Markdown table of ``results`` (the content of writer-cost.json) for docs/store.md."""
    lines = ["| store | write | total s | " + " | ".join(PHASES) + " |",
             "|---:|---|---:|" + "---:|" * len(PHASES)]
    for _, run in sorted(results["runs"].items(), key=lambda item: int(item[0])):
        for write in ("new_source", "replace_source", "remove_source"):
            timing = run[write]
            phases = " | ".join(f"{timing['phases_s'].get(name, 0):.2f}" for name in PHASES)
            lines.append(f"| {run['store_triples']:,} | {write.replace('_', ' ')} | {timing['total_s']:.2f} | "
                         f"{phases} |")
    runs = sorted(results["runs"].values(), key=lambda run: run["store_triples"])
    notes = [f"- {run['store_triples']:,} triples: source of {run['source_rows']:,} rows, "
             f"{run['source_triples']:,} triples; the build took {run['build_s']} s; measured {run['measured']} "
             f"on {run['machine']}" + (f", load average {run['load_average']}" if "load_average" in run else "")
             + (f" ({run['note']})" if "note" in run else "")
             for run in runs]
    return "\n".join(lines + [""] + notes)


def write_docs(results: dict, docs: Path = DOCS) -> None:
    """Replace the figures between the markers of docs/store.md with :func:`render` of ``results``."""
    replace_section(docs, START, END, render(results))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--work", type=Path, default=None, help="Folder for the stores (default: a temporary one).")
    parser.add_argument("--prepared", type=Path, default=None,
                        help="Use (or make) the prepared store of this folder instead of a temporary one; "
                        "the writes are undone, so it can be timed again.")
    parser.add_argument("--write-docs", action="store_true", help="Only write the figures into docs/store.md.")
    args = parser.parse_args(argv)
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"runs": {}}
    if args.write_docs:
        write_docs(previous)
        return
    for triples in args.triples:
        if args.prepared is not None:
            args.prepared.mkdir(parents=True, exist_ok=True)
            row = measure(triples, args.prepared)
        else:
            with tempfile.TemporaryDirectory(dir=args.work) as tmp:
                row = measure(triples, Path(tmp))
        row["measured"] = time.strftime("%Y-%m-%d")
        row["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
        row["load_average"] = round(os.getloadavg()[0], 1)
        previous["runs"][str(triples)] = row
        print(json.dumps(row, indent=1))
        RESULTS.write_text(json.dumps(previous, indent=1) + "\n", encoding="utf-8")
    write_docs(previous)


if __name__ == "__main__":
    main()
