"""What keeping the linkage graph up to date adds to a write: the writer's phase ``derived``.

For each size, the synthetic store of :mod:`benchmarks.writer_cost` is prepared (not timed), linked in
full (``eukg link apply``: timed, ``link_s``), and then the one writer puts the 2,000-row partner table
in as a new source, puts it again (a re-ingest) and removes it, each timed by phase; ``derived`` is the
time spent bringing ``graph:linkage`` up to date (:mod:`kg.resolve.follow`).

Run: ``python -m benchmarks.linkage_follow --triples 100000`` (results in
``benchmarks/results/linkage-follow.json``; ``--write-docs`` shows them in ``docs/linkage.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from datetime import date
from pathlib import Path

from rdflib import Graph

from benchmarks.docs_section import replace_section
from benchmarks.writer_cost import _timed_write, prepare
from kg.resolve.merges import LINKAGE_GRAPH, organisations, recipe, recompute
from kg.store import open_store
from kg.store.writer import Writer

RESULTS = Path(__file__).parent / "results" / "linkage-follow.json"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "linkage.md"
START, END = "<!-- linkage-follow:start -->", "<!-- linkage-follow:end -->"
WRITES = (("new_source", "new source"), ("replace_source", "replace source"), ("remove_source", "remove source"))


def measure(triples: int, work: Path) -> dict:
    """Prepare the store of ``triples`` triples in ``work``, link it, and time the three writes."""
    row = prepare(triples, work)
    location = work / "store"
    store = open_store(location)
    row["organisations"] = len(organisations(store))
    spec = recipe(work / "data" / "linkage" / "decisions.tsv")
    start = time.perf_counter()
    graph = recompute(store, spec)
    del store
    with Writer(location) as writer:
        writer.put_derived(str(LINKAGE_GRAPH), graph, spec)
    row["link_s"] = round(time.perf_counter() - start, 1)
    source = Graph().parse(work / "source.nt", format="nt")
    row["new_source"] = _timed_write(location, lambda w: w.put_sources({"writer-bench": source}))
    row["replace_source"] = _timed_write(location, lambda w: w.put_sources({"writer-bench": source}))
    row["remove_source"] = _timed_write(location, lambda w: w.remove_source("writer-bench"))
    return row


def render(results: dict) -> str:
    """The docs' table of ``results``: per store and write, the total and the phase ``derived``."""
    lines = ["| store triples | organisations | full linkage s | write | total s | of which derived s |",
             "|---:|---:|---:|---|---:|---:|"]
    for row in results["sizes"]:
        for key, name in WRITES:
            lines.append(f"| {row['store_triples']:,} | {row['organisations']:,} | {row['link_s']} | {name} | "
                         f"{row[key]['total_s']:.2f} | {row[key]['phases_s'].get('derived', 0.0):.2f} |")
    lines.append("")
    lines.append(f"Measured {results['measured_on']} ({results['machine']}, {results['cpus']} cores, load average "
                 f"{results['load_average']}); the source is {results['sizes'][0]['source_rows']:,} rows, "
                 f"{results['sizes'][0]['source_triples']:,} triples.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000])
    parser.add_argument("--write-docs", action="store_true", help="only show the stored results in the docs")
    args = parser.parse_args(argv)
    if args.write_docs:
        replace_section(DOCS, START, END, render(json.loads(RESULTS.read_text(encoding="utf-8"))))
        return
    results = {"measured_on": date.today().isoformat(), "machine": platform.machine(),
               "cpus": os.cpu_count(), "load_average": round(os.getloadavg()[0], 1), "sizes": []}
    for triples in args.triples:
        with tempfile.TemporaryDirectory() as folder:
            results["sizes"].append(measure(triples, Path(folder)))
            print(json.dumps(results["sizes"][-1]), flush=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
