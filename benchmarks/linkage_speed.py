"""How long does linking 100,000 organisation records take? ``kg.resolve.blocking.link_records`` on synthetic names.

Run with ``python benchmarks/linkage_speed.py [--records N]``. The records are **synthetic, derived from
real names**: the names of ``benchmarks/data/org_pairs.tsv`` with a generated place-like word added
(so most records are distinct bodies), and a fifth of them written again as a variant of an earlier
record (upper or lower case, legal form dropped, one letter dropped), so there is something to find.
Writes ``benchmarks/results/linkage-speed.json``; ``python benchmarks/linkage_quality.py --docs`` puts
the figures into docs/linkage.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.clock import Clock  # noqa: E402
from kg.resolve.blocking import link_records  # noqa: E402
from kg.resolve.link import Record  # noqa: E402

PAIRS = ROOT / "benchmarks" / "data" / "org_pairs.tsv"
RESULT = ROOT / "benchmarks" / "results" / "linkage-speed.json"
_SYLLABLES = "ka lo mi ra no ve ti sa do ru be li ga zo pe ni ko ta mu re va si".split()


def base_records() -> list[Record]:
    """The distinct (name, country, city) records of the labelled sample."""
    seen = {}
    with PAIRS.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            for side in ("a", "b"):
                record = Record(row[f"name_{side}"], row[f"country_{side}"], row[f"city_or_region_{side}"] or None)
                seen.setdefault((record.name, record.country), record)
    return list(seen.values())


def _variant(name: str, rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return name.upper() if rng.random() < 0.5 else name.lower()
    if choice == 1 and len(name) > 8:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1:]
    return name.replace(",", " ").title()


def synthetic(n: int, seed: int = 0) -> tuple[list[Record], list[tuple[int, int]]]:
    """Return ``n`` synthetic records derived from the real names (see the module docstring), and the
    (variant, original) index pairs."""
    rng = random.Random(seed)
    base = base_records()
    records: list[Record] = []
    variants: list[tuple[int, int]] = []
    while len(records) < n:
        if records and rng.random() < 0.2:
            index = rng.randrange(len(records))
            original = records[index]
            variants.append((len(records), index))
            records.append(Record(_variant(original.name, rng), original.country, original.city))
            continue
        record = rng.choice(base)
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        records.append(Record(f"{record.name} {word}", record.country, record.city))
    return records, variants


def main() -> None:
    """Link the synthetic records and write the timing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    records, variants = synthetic(args.records)
    clock = Clock()
    linkage = link_records(records)
    timing = clock.read()
    cluster_of = {i: n for n, cluster in enumerate(linkage.clusters) for i in cluster}
    found = sum(1 for v, o in variants if v in cluster_of and cluster_of[v] == cluster_of.get(o))
    result = {"date": date.today().isoformat(), "machine": f"{platform.machine()}, python {platform.python_version()}",
              "records": len(records), "input": "synthetic names derived from benchmarks/data/org_pairs.tsv",
              "pairs_compared": linkage.compared, "clusters": len(linkage.clusters),
              "records_in_clusters": sum(len(c) for c in linkage.clusters), "review_pairs": len(linkage.review),
              "variants": len(variants), "variants_found": found,
              **{k: round(v, 2) for k, v in timing.items()}}
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(result)


if __name__ == "__main__":
    main()
