"""How were the resolver's thresholds chosen? Precision and recall of ``Resolver.best`` for a grid of ACCEPT and MARGIN.

Run with ``python benchmarks/resolve_thresholds.py [--store PATH]`` after ``eukg build``. The names
are ``tests/resolver/name_variants.csv`` and the curated regional names
(``kg/resolve/data/regional_names.tsv``: a name with one row must resolve to its region, a name with
several must not resolve to one of them); the graph is the one built from the shipped data. Writes
``benchmarks/results/resolve-thresholds.json``; ``python benchmarks/resolve_speed.py --docs`` puts the
table into docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg.resolve.resolver as resolver_module  # noqa: E402
from kg.resolve import Resolver, thresholds  # noqa: E402
from kg.resolve.regional_names import read_regional_names  # noqa: E402

VARIANTS = ROOT / "tests" / "resolver" / "name_variants.csv"
RESULT = ROOT / "benchmarks" / "results" / "resolve-thresholds.json"
ACCEPTS = (80.0, 85.0, 88.0, 90.0, 92.0, 95.0, 98.0)
MARGINS = (0.5, 1.0, 2.0, 3.0, 5.0, 8.0)


def cases(resolver: Resolver, store: object) -> list[tuple[str, str | None, str | None]]:
    """Return (name, type, expected IRI or None) for the variants table and the regional names."""
    from kg.namespaces import PREFIXES
    from kg.store import select

    namespaces = {**PREFIXES, "period": "https://w3id.org/eu-regional-kg/id/period/"}

    def expand(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return namespaces[prefix] + local

    with VARIANTS.open(encoding="utf-8") as handle:
        found = [(row["name"], row["type"] or None, expand(row["expected"]) if row["expected"] else None)
                 for row in csv.DictReader(handle)]
    codes = {row["code"].value: row["r"].value for row in select(store, """
        PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
        SELECT ?r ?code WHERE { ?r a ekg:Region ; ekg:nutsCode ?code }""")}
    regions: dict[str, set[str]] = defaultdict(set)
    for row in read_regional_names():
        regions[row.name].add(codes[row.code])
    for name, iris in sorted(regions.items()):
        found.append((name, "region", next(iter(iris)) if len(iris) == 1 else None))
    return found


def typos(found: list[tuple[str, str | None, str | None]], seed: int = 0) -> list[tuple[str, str | None, str | None]]:
    """Return two copies of every name that must resolve, each with one letter dropped (names of 6+ letters).

    Harder than the table, which was written together with the resolver: a typo of one name can
    land on a neighbour (``Lubelskie``/``Lubuskie``), so these separate the thresholds.
    """
    import random

    rng = random.Random(seed)
    result = []
    for name, type_, expected in found:
        if expected is None or len(name) < 6:
            continue
        for _ in range(2):
            cut = rng.randrange(len(name))
            result.append((name[:cut] + name[cut + 1:], type_, expected))
    return result


def score(resolver: Resolver, found: list[tuple[str, str | None, str | None]]) -> dict[str, float | int]:
    """Precision and recall of best() on ``found`` under the thresholds in force."""
    true_positives = false_positives = positives = 0
    for name, type_, expected in found:
        best = resolver.best(name, type_)
        positives += expected is not None
        if best is not None and best.iri == expected:
            true_positives += 1
        elif best is not None:
            false_positives += 1
    decided = true_positives + false_positives
    return {"true_positives": true_positives, "false_positives": false_positives, "positives": positives,
            "precision": round(true_positives / decided, 3) if decided else 1.0,
            "recall": round(true_positives / positives, 3)}


def sweep(resolver: Resolver, found: list, typoed: list) -> list[dict[str, object]]:
    rows = []
    try:
        for accept in ACCEPTS:
            for margin in MARGINS:
                resolver_module.ACCEPT, resolver_module.MARGIN = accept, margin
                rows.append({"accept": accept, "margin": margin, "names": score(resolver, found),
                             "typos": score(resolver, typoed)})
    finally:
        resolver_module.ACCEPT, resolver_module.MARGIN = thresholds.ACCEPT, thresholds.MARGIN
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", default=None)
    args = parser.parse_args()
    from kg.store import open_store

    store = open_store(args.store)
    resolver = Resolver.from_store(store)
    found = cases(resolver, store)
    typoed = typos(found)
    start = time.perf_counter()
    rows = sweep(resolver, found, typoed)
    result = {
        "what": "precision and recall of Resolver.best for a grid of ACCEPT and MARGIN, on the names "
                "(variants table and regional names) and on typos of them (one letter dropped)",
        "names": len(found), "must_resolve": sum(1 for *_, e in found if e),
        "must_not": sum(1 for *_, e in found if not e),
        "typos": len(typoed),
        "resources": len(resolver), "chosen": {"accept": thresholds.ACCEPT, "margin": thresholds.MARGIN,
                                               "floor": thresholds.FLOOR},
        "date": time.strftime("%Y-%m-%d"), "seconds": round(time.perf_counter() - start, 1), "grid": rows,
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULT}")


if __name__ == "__main__":
    main()
