"""What the checks of ill-typed literals and undeclared ``ekg:`` terms cost (:mod:`kg.validate.terms`).

For each size, a synthetic Keep.eu-like graph (:mod:`benchmarks.generate`) and the project's own
build are loaded into a store in memory (not timed). Then :func:`kg.validate.terms.term_problems`
is timed on the whole store, as a full validation runs it, and on the statements of one synthetic
source (one named graph), as a write runs it on what it touched.

Run: ``python -m benchmarks.term_checks --triples 100000 1000000 --write-docs`` (results in
``benchmarks/results/term-checks.json``; ``docs/store.md`` shows them).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import time
from pathlib import Path

import pyoxigraph as ox

from benchmarks.docs_section import replace_section
from benchmarks.generate import generate, reference_quads
from kg.validate.terms import ill_typed, term_problems

RESULTS = Path(__file__).parent / "results" / "term-checks.json"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "store.md"
START, END = "<!-- term-checks:start -->", "<!-- term-checks:end -->"


def measure(triples: int, repeats: int = 3) -> dict:
    """Time :func:`term_problems` on a store of about ``triples`` triples and on one of its sources."""
    quads, _ = generate(triples)
    store = ox.Store()
    store.bulk_extend(itertools.chain(reference_quads(), quads))
    source = min((g for g in store.named_graphs() if "synthetic" in g.value), key=lambda g: g.value)
    source_quads = list(store.quads_for_pattern(None, None, None, source))
    whole, one = [], []
    for _ in range(repeats):
        ill_typed.cache_clear()
        start = time.perf_counter()
        problems = term_problems(store)
        whole.append(time.perf_counter() - start)
        ill_typed.cache_clear()
        start = time.perf_counter()
        term_problems(store, source_quads)
        one.append(time.perf_counter() - start)
    return {"triples": len(store), "source_triples": len(source_quads), "problems": len(problems),
            "whole_store_s": round(min(whole), 3), "one_source_s": round(min(one), 3), "repeats": repeats,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores", "load_average": round(os.getloadavg()[0], 1),
            "date": time.strftime("%Y-%m-%d")}


def render(results: dict) -> str:
    """Return the Markdown table of ``results``."""
    lines = ["| store | whole store s | one source (triples) | one source s |", "|---:|---:|---:|---:|"]
    for run in results["runs"]:
        lines.append(f"| {run['triples']:,} | {run['whole_store_s']:.2f} | {run['source_triples']:,} | "
                     f"{run['one_source_s']:.3f} |")
    run = results["runs"][-1]
    lines.append("")
    lines.append(f"Best of {run['repeats']} runs, measured {run['date']} on {run['machine']}, load average "
                 + ", ".join(str(r["load_average"]) for r in results["runs"]) + ".")
    return "\n".join(lines)


def write_docs(results: dict, docs: Path = DOCS) -> None:
    """Replace the figures between the markers of docs/store.md with :func:`render` of ``results``."""
    replace_section(docs, START, END, render(results))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--write-docs", action="store_true", help="Show the figures in docs/store.md.")
    args = parser.parse_args(argv)
    results = {"runs": [measure(n) for n in args.triples]}
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if args.write_docs:
        write_docs(results)
    print(render(results))


if __name__ == "__main__":
    main()
