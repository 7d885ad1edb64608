"""How fast does the resolver answer? Resolve 1,000 names against the built store and print the timings.

Run with ``python benchmarks/resolve_speed.py [--store PATH]`` after ``eukg build``. Timings stay out
of the test suite; the figures go to docs/resolver.md.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import time
from pathlib import Path

from kg.resolve import Resolver
from kg.store import open_store

VARIANTS = Path(__file__).resolve().parents[1] / "tests" / "resolver" / "name_variants.csv"


def names(count: int, seed: int = 0) -> list[tuple[str, str | None]]:
    """Return ``count`` (name, type) pairs: the test table's names, repeated with small typos."""
    with VARIANTS.open(encoding="utf-8") as handle:
        rows = [(row["name"], row["type"] or None) for row in csv.DictReader(handle)]
    rng = random.Random(seed)
    result = []
    while len(result) < count:
        name, type_ = rng.choice(rows)
        if rng.random() < 0.5 and len(name) > 4:  # drop one letter
            cut = rng.randrange(len(name))
            name = name[:cut] + name[cut + 1 :]
        result.append((name, type_))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", default=None)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    start = time.perf_counter()
    resolver = Resolver.from_store(open_store(args.store))
    print(f"index of {len(resolver)} resources built in {time.perf_counter() - start:.2f} s")
    batch = names(args.count)
    timings = []
    start = time.perf_counter()
    for name, type_ in batch:
        t = time.perf_counter()
        resolver.best(name, type_)
        timings.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    timings.sort()
    print(f"{len(batch)} names in {total:.2f} s (first pass, lemmatiser dictionaries loaded on demand)")
    start = time.perf_counter()
    warm = []
    for name, type_ in batch:
        t = time.perf_counter()
        resolver.best(name, type_)
        warm.append(time.perf_counter() - t)
    warm.sort()
    print(f"{len(batch)} names in {time.perf_counter() - start:.2f} s (second pass, dictionaries loaded)")
    print(f"per name, second pass: median {statistics.median(warm) * 1000:.2f} ms, "
          f"95th percentile {warm[int(0.95 * len(warm))] * 1000:.2f} ms, max {warm[-1] * 1000:.2f} ms")
    print(f"per name, first pass: max {timings[-1] * 1000:.0f} ms (a dictionary load)")


if __name__ == "__main__":
    main()
