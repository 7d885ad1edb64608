"""How fast does ``eukg resolve`` answer? Cold and warm command-line calls, and names resolved in one process.

Run with ``python benchmarks/resolve_speed.py [--store PATH] [--baseline CHECKOUT]`` after ``eukg build``.
It writes ``benchmarks/results/resolve-speed.json``; ``--docs`` then writes the figures of that file
(and of ``resolve-thresholds.json``) into docs/performance.md, between the ``resolve-figures`` markers.

* **cold**: ``python -m kg resolve NAME -f json`` with no index beside the store (it is built and
  written), as the first call after ``eukg build`` is;
* **warm**: the same command once the index (and the cut-down lemma dictionary of the name's
  language) is cached, for names of several kinds, and in the table format;
* **new language**: the index cached, but the first name that needs lemmas of a language (Polish);
* **in one process**: building the index from the store, reading it from the cache, and 1,000
  names (the test table's, half with a letter dropped) resolved twice;
* **baseline** (with ``--baseline``): the same command-line calls run on another checkout, such as
  the main branch before ``kg/resolve/`` was a package.

Timings stay out of the test suite (tests assert behaviour); each command is a new process, as a
user's is.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VARIANTS = ROOT / "tests" / "resolver" / "name_variants.csv"
RESULT = ROOT / "benchmarks" / "results" / "resolve-speed.json"
THRESHOLDS = ROOT / "benchmarks" / "results" / "resolve-thresholds.json"
DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- resolve-figures:start -->", "<!-- resolve-figures:end -->"
#: Names of each kind the warm command-line calls resolve.
NAMES = {
    "exact label": "Lubelskie",
    "regional name (a tie)": "Górny Śląsk",
    "typo": "Lubelskei",
    "Greek script": "Θεσσαλονίκη",
    "inflected Polish (lemmas)": "w województwie lubelskim",
    "nothing close": "xyzzy qwertz",
}
INFLECTED = "w województwie lubelskim"


def names(count: int, seed: int = 0) -> list[tuple[str, str | None]]:
    """Return ``count`` (name, type) pairs: the test table's names, half of them with one letter dropped."""
    with VARIANTS.open(encoding="utf-8") as handle:
        rows = [(row["name"], row["type"] or None) for row in csv.DictReader(handle)]
    rng = random.Random(seed)
    result = []
    while len(result) < count:
        name, type_ = rng.choice(rows)
        if rng.random() < 0.5 and len(name) > 4:
            cut = rng.randrange(len(name))
            name = name[:cut] + name[cut + 1:]
        result.append((name, type_))
    return result


def command(location: Path, name: str, checkout: Path = ROOT, fmt: str = "json") -> float:
    """Run ``python -m kg resolve NAME`` on ``checkout`` as a new process and return its wall time in seconds."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    start = time.perf_counter()
    # cwd too: ``python -m`` puts the working directory first on the path, before PYTHONPATH.
    subprocess.run([sys.executable, "-m", "kg", "resolve", name, "--format", fmt, "--store", str(location)],
                   env=env, cwd=checkout, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def clear_cache(location: Path, lemmas_only: str | None = None) -> None:
    """Delete the resolver caches beside ``location`` (or only one language's lemma dictionaries)."""
    for directory in location.parent.glob(".resolver-*"):
        if lemmas_only is None:
            shutil.rmtree(directory, ignore_errors=True)
        else:
            (directory / f"lemmas-{lemmas_only}.json").unlink(missing_ok=True)


def summary(times: list[float]) -> dict[str, float]:
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "runs": len(times)}


def measure_cli(location: Path, runs: int) -> dict[str, object]:
    cold = []
    for _ in range(runs):
        clear_cache(location)
        cold.append(command(location, "Lubelskie"))
    warm = {}
    for kind, name in NAMES.items():
        command(location, name)  # caches the lemmas of the name's languages
        warm[kind] = {"name": name, **summary([command(location, name) for _ in range(runs)])}
    table = summary([command(location, "Górny Śląsk", fmt="table") for _ in range(runs)])
    new_language = []
    for _ in range(runs):
        clear_cache(location, lemmas_only="pl")
        new_language.append(command(location, INFLECTED))
    return {"cold": summary(cold), "warm": warm, "warm_table_format": table,
            "new_language": {"name": INFLECTED, **summary(new_language)}}


def measure_baseline(location: Path, checkout: Path, runs: int) -> dict[str, object]:
    result: dict[str, object] = {"checkout": str(checkout)}
    try:
        commit = subprocess.run(["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        result["commit"] = commit
    except (OSError, subprocess.CalledProcessError):
        pass
    for kind in ("exact label", "typo", "inflected Polish (lemmas)"):
        name = NAMES[kind]
        result[kind] = {"name": name, **summary([command(location, name, checkout) for _ in range(runs)])}
    return result


def measure_in_process(location: Path, count: int) -> dict[str, object]:
    from kg.resolve import Resolver, resolver_for_location
    from kg.store import open_store

    start = time.perf_counter()
    built = Resolver.from_store(open_store(location))
    build_s = time.perf_counter() - start
    resolver_for_location(location)  # make sure the cache is written
    start = time.perf_counter()
    resolver = resolver_for_location(location)
    read_s = time.perf_counter() - start
    batch = names(count)
    cache = next(iter(location.parent.glob(".resolver-*")), None)
    cached_languages = len(list(cache.glob("lemmas-*.json"))) if cache else 0
    passes = []
    for _ in range(2):
        timings = []
        for name, type_ in batch:
            t = time.perf_counter()
            resolver.best(name, type_)
            timings.append(time.perf_counter() - t)
        timings.sort()
        passes.append({"total_s": round(sum(timings), 3), "median_ms": round(statistics.median(timings) * 1000, 3),
                       "p95_ms": round(timings[int(0.95 * len(timings))] * 1000, 3),
                       "max_ms": round(timings[-1] * 1000, 1)})
    cut_down = (len(list(cache.glob("lemmas-*.json"))) if cache else 0) - cached_languages
    return {"resources": len(built), "labels": len(built.index.labels), "build_index_s": round(build_s, 2),
            "languages_cut_down_in_first_pass": cut_down,
            "read_cached_index_s": round(read_s, 3), "names": count, "first_pass": passes[0],
            "second_pass": passes[1]}


def machine() -> dict[str, object]:
    try:
        load = Path("/proc/loadavg").read_text(encoding="ascii").split()[:3]
    except OSError:
        load = []
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
            "load_average": load, "python": platform.python_version(), "platform": platform.platform()}


# ---------------------------------------------------------------------------------------------- docs


def render(speed: dict, thresholds: dict | None) -> str:
    """Return the Markdown of the measured figures (what docs/performance.md shows between the markers)."""
    cli, local, where = speed["cli"], speed["in_process"], speed["machine"]
    lines = [
        f"Measured {where['date']} by `python benchmarks/resolve_speed.py` (results in "
        f"`benchmarks/results/resolve-speed.json`) on the graph built from the shipped data "
        f"({local['resources']:,} resources, {local['labels']:,} labels), {where['cpus']} CPUs shared with other "
        f"work (load average {', '.join(where['load_average'])} at the start); each call is a new process, "
        f"median of {cli['cold']['runs']} runs.",
        "",
        "| `eukg resolve NAME --format json` | median | max |",
        "|---|---|---|",
        f"| first call after a build (index built and written beside the store) | {cli['cold']['median_s']:.2f} s "
        f"| {cli['cold']['max_s']:.2f} s |",
    ]
    for kind, row in cli["warm"].items():
        lines.append(f"| later call: {kind}, `{row['name']}` | {row['median_s']:.2f} s | {row['max_s']:.2f} s |")
    table = cli["warm_table_format"]
    lines.append(f"| later call, table format, `Górny Śląsk` | {table['median_s']:.2f} s | {table['max_s']:.2f} s |")
    new = cli["new_language"]
    lines.append(f"| first name that needs a language's lemmas (Polish cut down and written) "
                 f"| {new['median_s']:.2f} s | {new['max_s']:.2f} s |")
    baseline = speed.get("baseline")
    if baseline:
        label = f"commit {baseline['commit']}" if baseline.get("commit") else baseline["checkout"]
        for kind in ("exact label", "typo", "inflected Polish (lemmas)"):
            row = baseline[kind]
            lines.append(f"| before (kg/resolve.py, {label}): {kind}, `{row['name']}`, every call "
                         f"| {row['median_s']:.2f} s | {row['max_s']:.2f} s |")
    first, second = local["first_pass"], local["second_pass"]
    lines += [
        "",
        f"In one process: building the index from the store {local['build_index_s']:.2f} s, reading it from the "
        f"cache {local['read_cached_index_s']:.3f} s; {local['names']:,} names (the test table's, half with a "
        f"letter dropped) {first['total_s']:.2f} s the first time (cutting down the dictionaries of the "
        f"{local['languages_cut_down_in_first_pass']} languages their lemmas needed that no earlier call had) and "
        f"{second['total_s']:.2f} s the second (median {second['median_ms']:.2f} ms, 95th percentile "
        f"{second['p95_ms']:.2f} ms, max {second['max_ms']:.1f} ms per name).",
    ]
    if thresholds:
        lines += ["", *render_thresholds(thresholds)]
    return "\n".join(lines)


def render_thresholds(result: dict) -> list[str]:
    """Return the Markdown table of precision and recall per ACCEPT at the chosen MARGIN."""
    chosen = result["chosen"]
    lines = [
        f"**Thresholds** (`python benchmarks/resolve_thresholds.py`, {result['date']}): `Resolver.best` on "
        f"{result['names']} names ({result['must_resolve']} that must resolve, {result['must_not']} that must not: "
        f"`tests/resolver/name_variants.csv` and the regional names) and on {result['typos']} typos of them "
        f"(one letter dropped), at MARGIN {chosen['margin']:g}; the whole ACCEPT × MARGIN grid is in "
        f"`benchmarks/results/resolve-thresholds.json`.",
        "",
        "| ACCEPT | names: precision | names: recall | typos: precision | typos: recall | typos: wrong answers |",
        "|---|---|---|---|---|---|",
    ]
    for row in result["grid"]:
        if row["margin"] != chosen["margin"]:
            continue
        mark = " (chosen)" if row["accept"] == chosen["accept"] else ""
        names, typos = row["names"], row["typos"]
        lines.append(f"| {row['accept']:g}{mark} | {names['precision']:.2f} | {names['recall']:.2f} "
                     f"| {typos['precision']:.3f} | {typos['recall']:.2f} | {typos['false_positives']} |")
    return lines


def write_docs() -> None:
    speed = json.loads(RESULT.read_text(encoding="utf-8"))
    thresholds = json.loads(THRESHOLDS.read_text(encoding="utf-8")) if THRESHOLDS.is_file() else None
    text = DOCS.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, found, after = rest.partition(END)
    if not found:
        raise SystemExit(f"{DOCS}: the markers {START} … {END} are missing")
    DOCS.write_text(f"{before}{START}\n{render(speed, thresholds)}\n{END}{after}", encoding="utf-8")
    print(f"wrote the figures into {DOCS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", default=None)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to time the same calls on")
    parser.add_argument("--docs", action="store_true", help="only write the figures of the result file into the docs")
    args = parser.parse_args()
    if args.docs:
        write_docs()
        return
    from kg.store import resolve_location

    location = resolve_location(args.store)
    result: dict[str, object] = {"machine": machine(), "cli": measure_cli(location, args.runs)}
    if args.baseline is not None:
        result["baseline"] = measure_baseline(location, args.baseline.resolve(), max(2, args.runs // 2))
    result["in_process"] = measure_in_process(location, args.count)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULT}")


if __name__ == "__main__":
    main()
