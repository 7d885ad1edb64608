"""What a registered dataset costs to build and what the graph then holds.

For each dataset named, in a process of its own: build the seed graph into a fresh store, convert the
dataset against it (read, check, resolve, stream the statements: what ``eukg build --datasets NAME``
does before the writer), with wall and CPU seconds and peak memory; count what its graph holds
(projects, organisations, those with an identifier, participations, the EU amounts); then time the
whole ``eukg build --datasets NAME`` (seed graph, conversion, validation, writing) in a subprocess.

Run: ``python -m benchmarks.ingest_datasets hr-operations`` (results in
``benchmarks/results/ingest-datasets.json``, the tables in docs/ingest.md and docs/performance.md);
``--write-docs`` only rewrites the docs tables from the results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from benchmarks.docs_section import replace_section

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "ingest-datasets.json"
DOCS = ROOT / "docs" / "ingest.md"
START, END = "<!-- ingest-datasets:start -->", "<!-- ingest-datasets:end -->"


def holdings(graph) -> dict:
    """Count what the dataset's graph ``graph`` (rdflib) holds."""
    from rdflib.namespace import RDF

    from kg.namespaces import EKG

    organisations = set(graph.subjects(RDF.type, EKG.Organisation))
    return {"projects": len(set(graph.subjects(RDF.type, EKG.Project))),
            "organisations": len(organisations),
            "organisations_with_id": len({s for s in organisations if (s, EKG.organisationId, None) in graph}),
            "participations": len(set(graph.subjects(RDF.type, EKG.ProjectParticipation))),
            "eu_contribution_eur": str(sum((o.toPython() for o in graph.objects(None, EKG.euContribution)),
                                           Decimal(0)))}


def measure_one(name: str, work: Path) -> dict:
    """Convert dataset ``name`` against a fresh seed store in this process (run through ``--one``)."""
    from benchmarks.clock import Clock
    from kg.ingest.datasets import convert, registry
    from kg.store import open_store
    from kg.store.writer import build

    location = work / "store"
    build(location, validate=False)
    dataset = registry()[name]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clock = Clock()
    result = convert(dataset, open_store(location))
    read = clock.read()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        held = holdings(result.graph)
    finally:
        result.discard()
    return {"dataset": name, "rows": result.rows, "loaded_rows": result.loaded_rows, "problems": result.problem_count,
            "triples": result.triples, "convert_s": round(read["seconds"], 1),
            "convert_cpu_s": round(read["cpu_seconds"], 1), "rows_per_s": round(result.rows / read["seconds"]),
            "rows_per_cpu_s": round(result.rows / read["cpu_seconds"]), "peak_rss_mb_before": round(before / 1024),
            "peak_rss_mb": round(peak / 1024), **held}


def build_seconds(name: str, work: Path) -> float:
    """Wall seconds of ``eukg build --datasets NAME`` into a fresh store under ``work``."""
    env = {**os.environ, "EUKG_STORE": str(work / "built")}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", "--datasets", name], check=True, capture_output=True,
                   text=True, cwd=ROOT, env=env)
    return round(time.perf_counter() - start, 1)


def render(results: dict) -> str:
    """Return the Markdown table of ``results`` (ingest-datasets.json) for docs/ingest.md."""
    lines = ["| dataset | rows (loaded) | statements | convert s (CPU s) | rows/s (per CPU s) | peak MB "
             "| build s | projects | organisations (with an ID) | participations | EU amounts, EUR | measured |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, run in sorted(results["runs"].items()):
        lines.append(f"| {name} | {run['rows']:,} ({run['loaded_rows']:,}) | {run['triples']:,} | {run['convert_s']} "
                     f"({run['convert_cpu_s']}) | {run['rows_per_s']:,} ({run['rows_per_cpu_s']:,}) | "
                     f"{run['peak_rss_mb']} | {run['build_s']} | {run['projects']:,} | {run['organisations']:,} "
                     f"({run['organisations_with_id']:,}) | {run['participations']:,} | "
                     f"{Decimal(run['eu_contribution_eur']):,.0f} | {run['measured']}, {run['machine']}, "
                     f"load {run['load_average']} |")
    return "\n".join(lines)


def write_docs(results: dict, docs: Path = DOCS) -> None:
    """Replace the figures between the markers of docs/ingest.md with :func:`render` of ``results``, and
    rewrite docs/performance.md (:mod:`benchmarks.performance_page`), which shows them too."""
    from benchmarks import performance_page

    replace_section(docs, START, END, render(results))
    if docs == DOCS:
        performance_page.write()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", default=["hr-operations"])
    parser.add_argument("--one", help=argparse.SUPPRESS)
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
    for name in args.datasets:
        with tempfile.TemporaryDirectory(dir=args.work) as tmp:
            out = subprocess.run([sys.executable, "-m", "benchmarks.ingest_datasets", "--one", name, "--work", tmp],
                                 check=True, capture_output=True, text=True, cwd=ROOT)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            row["build_s"] = build_seconds(name, Path(tmp))
        row["measured"] = time.strftime("%Y-%m-%d")
        row["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
        row["load_average"] = round(os.getloadavg()[0], 1)
        previous["runs"][name] = row
        print(json.dumps(row))
        RESULTS.write_text(json.dumps(previous, indent=1) + "\n", encoding="utf-8")
    write_docs(previous)


if __name__ == "__main__":
    main()
