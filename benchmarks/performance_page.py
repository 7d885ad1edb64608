"""Write docs/performance.md, the one page of measured figures, from the files of ``benchmarks/results/``.

Every figure on that page comes from a result file; none is typed by hand. Each section names the
file it shows, the script that writes it and the machine and load the file records. The benchmark
scripts call :func:`write` after they save their results (``benchmarks/run.py``), or write their
own marked section of the page (``resolve_speed.py --docs``, ``serve_load.py --write-docs``), which
is the same text; ``tests/docs/test_performance_page.py`` checks that the page is what :func:`render`
gives for the result files in the repository.

    python -m benchmarks.performance_page           # rewrite docs/performance.md
    python -m benchmarks.performance_page --check   # exit 1 when the page is stale

>>> _cell({"seconds": 12.34, "cpu_seconds": 0.5})
'0.50 (12.3)'
>>> _cell({"error": "NotImplementedError: no Louvain"})
'n/a'
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks import (
    contract_queries,
    dataset_build,
    datasets_build,
    ingest_datasets,
    ingest_table_scale,
    ingest_table_speed,
    keep_eu_export_speed,
    linkage_follow,
    linkage_pools,
    linkage_quality,
    peers,
    precomputed_answers,
    resolve_speed,
    serve_load,
    serve_stored,
    stored_answers,
    term_checks,
    writer_cost,
)
from benchmarks.run import markdown

__all__ = ["PAGE", "RESULTS", "render", "write"]

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PAGE = ROOT / "docs" / "performance.md"

INTRO = """# Performance

Every figure on this page is generated from the result files in `benchmarks/results/` by
`python -m benchmarks.performance_page`; do not edit it by hand. Each section names its result file,
the command that writes it, and the machine and load average that file records. The development
machine has 2 cores shared with other work, so wall seconds vary with the load; CPU seconds and
ratios taken in one run are the figures to compare. Timings are never assertions in tests.

How the harness measures (child process per step, peak RSS, caps and lower bounds, baselines) is
described in [scale.md](scale.md#the-benchmark-harness)."""


def _load(name: str) -> dict:
    return json.loads((RESULTS / name).read_text(encoding="utf-8"))


def _source(name: str, command: str) -> str:
    return f"From `benchmarks/results/{name}`, written by `{command}`."


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


def _cell(stage: dict | None) -> str:
    """One engine's stage as "CPU s (wall s)", or ``n/a`` when it did not run."""
    if not stage or "cpu_seconds" not in stage:
        return "n/a"
    return f"{stage['cpu_seconds']:.2f} ({stage['seconds']:.1f})"


def _short(error: str) -> str:
    """The first sentence of an error, without file paths.

    >>> _short("ImportError: cannot import name 'x' from 'y' (/tmp/venv/y.py)")
    "ImportError: cannot import name 'x' from 'y'"
    """
    return error.split(" (/")[0].split(". ")[0]


# --- the harness: build, validation, queries, analytics, release ------------------------------------

_RUN_FILE = re.compile(r"^(\d{4}-\d\d-\d\d)-(.+)\.json$")


def harness_files() -> list[str]:
    """The newest harness result file of each size and kind (``DATE-1M.json``, ``DATE-1M-one-run.json``)."""
    newest: dict[str, str] = {}
    for path in sorted(RESULTS.glob("*.json")):
        match = _RUN_FILE.match(path.name)
        if match and "steps" in json.loads(path.read_text(encoding="utf-8")):
            newest[match.group(2)] = path.name  # sorted by date, so the last one wins
    return sorted(newest.values(), key=lambda name: (_load(name)["triples"], name))


def _harness(name: str) -> list[str]:
    report = _load(name)
    lines = [f"### {report['triples']:,} triples, `{name}`", "",
             _source(name, "python -m benchmarks.run"), ""]
    if report.get("note"):
        lines += [report["note"], ""]
    if report.get("remeasured"):
        dates = sorted(set(report["remeasured"].values()))
        lines += [f"Steps re-measured with `--steps` on {', '.join(dates)}: "
                  + ", ".join(f"`{step}`" for step in sorted(report["remeasured"])) + ".", ""]
    measured = {step: r for step, r in report["steps"].items() if "pending" not in r}
    return lines + [markdown({**report, "steps": measured}), ""]


def harness_section() -> list[str]:
    lines = ["## Build, validation, contract queries, analytics and release (the harness)", "",
             "`python -m benchmarks.run` times each step of the project against the plain baseline a user "
             "would otherwise write (rdflib's parse, pyshacl, rdflib's SPARQL, networkx, rdflib's "
             "serialisers) on a generated graph; \"load\" is the 1-minute load average before and after the "
             "step, then its baseline's. Only the newest file of each size and kind is shown.", ""]
    for name in harness_files():
        lines += _harness(name)
    return lines


# --- analytics engines at Keep.eu size ---------------------------------------------------------------

STAGES = ("projection", "degree", "weighted_degree", "components", "core_number", "louvain",
          "betweenness_k2", "eigenvector")


def _engines_table(engines: dict) -> list[str]:
    lines = ["| engine | " + " | ".join(STAGES) + " |", "|---|" + "---:|" * len(STAGES)]
    notes = []
    for engine, stages in engines.items():
        lines.append(f"| {engine} | " + " | ".join(_cell(stages.get(stage)) for stage in STAGES) + " |")
        for stage, figures in stages.items():
            if figures.get("error"):
                notes.append(f"- {engine}, {stage}: {_short(figures['error'])}")
            modularity = figures.get("modularity") or figures.get("comparison_with_networkx", {}).get("modularity")
            if modularity:
                notes.append(f"- {engine}, {stage}: modularity {modularity}")
    return lines + [""] + notes


def _network(network: dict) -> str:
    return (f"{network['projects']:,} projects, {network['organisations']:,} organisations, "
            f"{network['edges']:,} edges")


def _steps_table(columns: dict[str, dict]) -> list[str]:
    """A table of pipeline steps (rows) by run (columns); a step is seconds or {seconds, cpu_seconds}."""
    steps = list(dict.fromkeys(step for run in columns.values() for step in run["steps"]))
    lines = ["| step | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    for step in steps:
        cells = []
        for run in columns.values():
            value = run["steps"].get(step)
            cells.append(_cell(value) if isinstance(value, dict) else _fmt(value))
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    total = []
    for run in columns.values():
        cpu = run.get("cpu_seconds", run.get("cpu_seconds_including_workers"))
        total.append(f"{cpu:.1f} ({run['seconds']:.1f})" if cpu is not None else _fmt(run["seconds"]))
    lines.append("| **total**, CPU s (wall s) | " + " | ".join(total) + " |")
    lines.append("| peak RSS MB | " + " | ".join(str(run.get("peak_rss_mb", "–")) for run in columns.values())
                 + " |")
    return lines


def analytics_section() -> list[str]:
    name, allocators = "2026-11-30-analytics-backends.json", "2026-11-30-analytics-pipeline-allocators.json"
    result, runs = _load(name), _load(allocators)
    small = result["small_network"]
    lines = ["## Network analysis engines at Keep.eu size", "",
             _source(name, "python -m benchmarks.analytics_backends"),
             f"Network: {_network(result['network'])} ({result['network']['generator']}); sampled betweenness "
             f"from {result['k_check']} sources; measured {result['date']} on {result['machine']}, load average "
             f"{result['load_average']}. Each cell is CPU seconds (wall seconds), each stage in its own process.",
             "", *_engines_table(result["engines"]), "",
             f"The same on the smaller network ({_network(small['network'])}), measured {small['date']}, load "
             f"average {small['load_average_before']} before and {small['load_average_after']} after:", "",
             *_engines_table(small["engines"]), "",
             "### `kg.analytics` end to end", "",
             _source(allocators, "python -m benchmarks.analytics_backends") + " " + runs["note"] + "; "
             f"network {_network(runs['network'])}, betweenness from {runs['k']} sources; measured {runs['date']} on "
             f"{runs['machine']}, load average {runs['load_average_before']} before and "
             f"{runs['load_average_after']} after. Cells: CPU s (wall s).", ""]
    columns = {f"run {i} ({run['allocator']})": run["pipeline"] for i, run in enumerate(runs["runs"], 1)}
    lines += _steps_table(columns)
    earlier = {f"load {result['load_average']}": result["pipeline"],
               f"load {result['pipeline_load_3_6']['load_before']}": result["pipeline_load_3_6"]}
    lines += ["", f"Earlier runs of the same pipeline, from `{name}` (the wall seconds of a loaded machine; "
              f"{result['pipeline']['note']}):", "", *_steps_table(earlier), ""]
    return lines


# --- the other areas ---------------------------------------------------------------------------------

def _marked(marker: str, body: str) -> list[str]:
    return [f"<!-- {marker}:start -->", body, f"<!-- {marker}:end -->"]


def store_section() -> list[str]:
    writer, terms = _load("writer-cost.json"), _load("term-checks.json")
    return ["## The writer and the term checks", "",
            _source("writer-cost.json", "python -m benchmarks.writer_cost")
            + " Seconds of each phase of one write through `kg.store.writer.Writer` (see [store.md](store.md)).",
            "", writer_cost.render(writer), "",
            _source("term-checks.json", "python -m benchmarks.term_checks")
            + " The term checks on the whole store and on one source.", "", term_checks.render(terms), ""]


def ingest_section() -> list[str]:
    table, article, quality = _load("ingest-table-speed.json"), _load("ingest-speed.json"), _load("ingest-quality.json")
    lines = ["## Ingestion", "",
             _source("ingest-table-speed.json", "python -m benchmarks.ingest_table_speed") + " `eukg ingest table`:",
             "", ingest_table_speed.render(table), "",
             _source("ingest-table-scale.json", "python -m benchmarks.ingest_table_scale --rows 10000 100000 1000000")
             + " `eukg ingest table` on real rows repeated to 10k, 100k and 1M (peak memory stays bounded: what an "
             "import remembers per resource is on disk):", "",
             ingest_table_scale.render(_load("ingest-table-scale.json")), "",
             "Memory by rows, the import and its helper processes together (`--memory`; docs/ingest.md says what "
             "each process holds):", "", ingest_table_scale.render_memory(_load("ingest-table-scale.json")), "",
             _source("keep-eu-export-speed.json", "python -m benchmarks.keep_eu_export_speed")
             + " `eukg ingest table --mapping keep_eu_export` on a generated workbook with the export's two sheets:",
             "", keep_eu_export_speed.render(_load("keep-eu-export-speed.json")), "",
             _source("ingest-datasets.json", "python -m benchmarks.ingest_datasets hr-operations")
             + " A registered dataset converted against the seed graph, what its graph holds, and the whole "
             "`eukg build --datasets NAME`:", "", ingest_datasets.render(_load("ingest-datasets.json")), "",
             _source("dataset-build.json", "python -m benchmarks.dataset_build NAME")
             + " A fresh `eukg build` with and without `--datasets NAME`, the difference, and what the "
             "dataset's graph holds:", "", dataset_build.render(_load("dataset-build.json")), "",
             _source("datasets-build.json", "python -m benchmarks.datasets_build")
             + " `eukg build --datasets all` from nothing, and what the whole graph then holds:", "",
             datasets_build.render(_load("datasets-build.json")), "",
             _source("ingest-speed.json", "python benchmarks/ingest_speed.py")
             + f" `eukg ingest article` by article size; measured {article['date']} on {article['machine']}, "
             f"peak RSS {article['max_rss_mb']} MB.", "",
             "| start-up part | seconds |", "|---|---:|"]
    lines += [f"| {part.replace('_', ' ')} | {seconds} |" for part, seconds in article["startup_seconds"].items()]
    lines += ["", "| article bytes | seconds | findings |", "|---:|---:|---:|"]
    lines += [f"| {row['bytes']:,} | {row['seconds']} | {row['findings']} |" for row in article["curve"]]
    lines += ["", _source("ingest-quality.json", "python benchmarks/ingest_quality.py")
              + f" Macro-F1 of the article extractor on {quality['articles']} articles in {quality['languages']} "
              f"languages ({quality['date']}): {quality['all']['macro_f1']:.2f} over all findings, "
              f"{quality['accepted']['macro_f1']:.2f} over the accepted ones; per kind in "
              "[ingest-quality.md](ingest-quality.md).", ""]
    return lines


def resolver_section() -> list[str]:
    speed, thresholds = _load("resolve-speed.json"), _load("resolve-thresholds.json")
    return ["## Entity resolution", "",
            "From `benchmarks/results/resolve-speed.json` and `resolve-thresholds.json`, written by "
            "`python benchmarks/resolve_speed.py` and `python benchmarks/resolve_thresholds.py`.", "",
            *_marked("resolve-figures", resolve_speed.render(speed, thresholds)), ""]


def linkage_section() -> list[str]:
    quality, speed = _load("linkage-quality.json"), _load("linkage-speed.json")
    return ["## Record linkage of organisations", "",
            _source("linkage-quality.json", "python -m benchmarks.linkage_quality")
            + " Precision and recall of `eukg link` on the labelled pairs:", "",
            linkage_quality.docs_table(quality), "",
            _source("linkage-pools.json", "python -m benchmarks.linkage_pools PATH")
            + " The development pools (labels by identifier: proxies, see docs/linkage.md):", "",
            linkage_pools.docs_table(_load("linkage-pools.json")), "",
            _source("linkage-speed.json", "python -m benchmarks.linkage_speed"), "",
            linkage_quality.speed_table(speed), "",
            _source("linkage-follow.json", "python -m benchmarks.linkage_follow")
            + " What keeping `graph:linkage` up to date adds to each write (the `derived` phase):", "",
            linkage_follow.render(_load("linkage-follow.json")), ""]


def _serve_workers_rows() -> list[str]:
    lines = ["| result file | quads | snapshot, checkpoint s | snapshot, in-memory copy s | first query s "
             "| warm query ms / in-process ms | runaway query at `--timeout 1` | CPU s in the second after |",
             "|---|---:|---:|---:|---:|---|---|---:|"]
    for path in sorted(RESULTS.glob("serve-workers-*.json")):
        r = json.loads(path.read_text(encoding="utf-8"))
        gone = "worker gone" if r["worker_gone"] else "worker still running"
        lines.append(f"| `{path.name}` | {r['quads']:,} | {r['snapshot_backup_s']} | {r['snapshot_copy_s']} | "
                     f"{r['first_query_s']} | {r['warm_query_ms']} / {r['in_process_ms']} | "
                     f"{r['runaway_status']} after {r['runaway_503_s']} s, {gone} | {r['cpu_after_s']} |")
    return lines


def serve_section() -> list[str]:
    load = _load("serve-load.json")
    return ["## The SPARQL endpoint (`eukg serve`)", "",
            "From `benchmarks/results/serve-workers-*.json`, written by `python -m benchmarks.serve_workers` "
            "(`--nquads FILE --name NAME` for a generated graph): what the query worker processes cost.", "",
            *_serve_workers_rows(), "",
            _source("serve-load.json", "python -m benchmarks.serve_load --uvicorn PYTHON")
            + " 1 to 200 client threads against `eukg serve`, `oxigraph serve-read-only` and a fixed answer "
            "served by uvicorn.", "", *_marked("serve-load", serve_load.render(load)), "",
            *_serve_load_before(), *_serve_stored()]


def _serve_load_before() -> list[str]:
    """The load benchmark run on the code before the endpoint read stored answers, on the same data."""
    path = RESULTS / "serve-load-before-stored-answers.json"
    if not path.exists():
        return []
    return [f"`{path.name}`: the same benchmark on the same graph, run just before with the code from before the "
            "endpoint answered library queries from stored answers (every `projects` request evaluated); "
            "uvicorn's rows as above.", "", serve_load.render(_load(path.name)), ""]


def _serve_stored() -> list[str]:
    """What a query worker spends per contract query: evaluated, first request, stored answer."""
    lines = []
    for path in sorted(RESULTS.glob("serve-stored-*.json")):
        lines += [_source(path.name, "python -m benchmarks.serve_stored --store STORE --label LABEL")
                  + " What a query worker spends on each contract query sent as its text: *live* with stored "
                  "answers off, the *first request* on a snapshot (evaluated within the row limit and kept), "
                  "the *stored answer* read back and written as SPARQL JSON; why and how in "
                  "[sparql.md](sparql.md#stored-answers-on-the-endpoint).", "", serve_stored.render(_load(path.name)),
                  ""]
    return lines


def privacy_section() -> list[str]:
    result = _load("privacy-filter.json")
    lines = ["## The personal-data filter", "",
             _source("privacy-filter.json", "python -m benchmarks.privacy_filter --triples 100000 1000000")
             + f" The built store scaled up (the scaled graph of `benchmarks/release_export.py`); measured "
             f"{result['date']} on {result['machine']}. Seconds (statements written).", "",
             "| quads | read the store | remove personal data only | `kg.privacy.public_quads` |",
             "|---:|---:|---:|---:|"]
    for row in result["rows"]:
        cells = [f"{row[step]['seconds']} ({row[step]['statements']:,})"
                 for step in ("iterate", "remove_only", "public_quads")]
        lines.append(f"| {row['triples']:,} | " + " | ".join(cells) + " |")
    return lines + [""]


def contract_queries_section() -> list[str]:
    lines = ["## The contract queries on disk", "",
             _source("contract-queries-1M.json", "python -m benchmarks.contract_queries --store STORE --label 1M "
                     "--before REV")
             + " Each contract query on the store on disk: pyoxigraph alone (query, every solution, CSV by "
             "pyoxigraph), the query file as it was at the revision named (before the last rewrite), what its "
             "ORDER BY costs, the same answer read back from a table of its rows (what a summary graph would cost) "
             "and the whole `eukg query NAME -f csv`; why the shapes and the sorting cost what they do is "
             "in [scale.md](scale.md#the-contract-queries-on-disk-query-shape).", ""]
    for path in sorted(RESULTS.glob("contract-queries-*.json")):
        lines += [f"`{path.name}`:", "", contract_queries.render(_load(path.name)), ""]
    return lines


def _per_file_section(pattern: str, title: str, command: str, about: str, render: Callable[[dict], str]) -> list[str]:
    """A section of one part per result file matching ``pattern``: ``title``, how the files are written, ``about``."""
    files = sorted(RESULTS.glob(pattern))
    if not files:
        return []
    lines = [f"## {title}", "", _source(files[0].name, command) + " " + about, ""]
    for path in files:
        lines += [f"`{path.name}`:", "", render(_load(path.name)), ""]
    return lines


def stored_answers_section() -> list[str]:
    return _per_file_section(
        "stored-answers-*.json", "Stored answers: `eukg query` live, cold and warm",
        "python -m benchmarks.stored_answers --store STORE --peers PEERS.json",
        "Each contract query through `eukg query` as a user runs it: *live* with stored answers off "
        "(`EUKG_STORED_ANSWERS=0`), *cold* the first run after a write (evaluated, kept with the snapshot, "
        "written), *warm* the runs after it (the stored answer read back by the fast path); why and how in "
        "[scale.md](scale.md#stored-answers).", stored_answers.render)


def precomputed_answers_section() -> list[str]:
    return _per_file_section(
        "precomputed-answers-*.json", "Stored answers made ready by the writer: the first query after a write",
        "python -m benchmarks.precomputed_answers --work WORK --peers PEERS.json",
        "A store built through the writer, the answers of the contract queries computed after the build "
        "as `eukg build` does, then each contract query through `eukg query` as a user runs it right after; "
        "what the answers add to the build and to a write of one source; why and how in "
        "[scale.md](scale.md#stored-answers).", precomputed_answers.render)


SECTIONS: tuple[Callable[[], list[str]], ...] = (
    harness_section, peers.section, stored_answers_section, precomputed_answers_section, contract_queries_section,
    analytics_section,
    store_section, ingest_section,
    resolver_section, linkage_section, serve_section, privacy_section)


def render() -> str:
    """Return the text of docs/performance.md for the result files in ``benchmarks/results/``."""
    lines = [INTRO, ""]
    for section in SECTIONS:
        lines += section()
    return "\n".join(lines).rstrip() + "\n"


def write(page: Path = PAGE) -> None:
    """Write :func:`render` to ``page``."""
    page.write_text(render(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Rewrite the page, or with ``--check`` say whether it is stale."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.performance_page", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/performance.md is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = not PAGE.exists() or PAGE.read_text(encoding="utf-8") != render()
        print(f"{PAGE} is stale: run python -m benchmarks.performance_page" if stale else f"{PAGE} is current")
        return int(stale)
    write()
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
