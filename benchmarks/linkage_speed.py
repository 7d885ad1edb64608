"""How long does linking 100,000 organisation records take? ``kg.resolve.blocking.link_records`` on realistic names.

Run with ``python benchmarks/linkage_speed.py [--records N] [--input real|synthetic]``. With ``real``
(the default) the records are **real names with real place names**: the 692 organisations of the
Norwegian Horizon 2020 table (``datasets/h2020-norway``, with their municipality) and the names of
``benchmarks/data/org_pairs.tsv``, each written with a real Norwegian municipality name added (a
branch or office of the body: "SINTEF AS Bodø"), so that most records are distinct bodies; a fifth
of them are written again as a variant of an earlier record (upper or lower case, one letter
dropped, or title case), so there is something to find. With ``synthetic`` (the earlier input) a
generated syllable word is added instead of a place name. Writes
``benchmarks/results/linkage-speed.json`` and the table in docs/linkage.md.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import platform
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.clock import Clock  # noqa: E402
from benchmarks.docs_section import replace_section  # noqa: E402
from benchmarks.linkage_quality import DOCS, speed_table  # noqa: E402
from kg.resolve.blocking import link_records  # noqa: E402
from kg.resolve.link import Record  # noqa: E402

PAIRS = ROOT / "benchmarks" / "data" / "org_pairs.tsv"
NORWAY = ROOT / "datasets" / "files" / "h2020-norway.csv.gz"
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


def norwegian_records() -> tuple[list[Record], list[str]]:
    """The organisations of the Norwegian table (name, NO, municipality), and its municipality names."""
    with gzip.open(NORWAY, "rt", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read()), delimiter=";"))
    records = {row["Organisasjonsnavn"]: Record(row["Organisasjonsnavn"], "NO", row["Adresse kommune"] or None)
               for row in rows if row["Organisasjonsnavn"]}
    places = sorted({row["Adresse kommune"] for row in rows if row["Adresse kommune"]})
    return list(records.values()), places


def _variant(name: str, rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return name.upper() if rng.random() < 0.5 else name.lower()
    if choice == 1 and len(name) > 8:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1:]
    return name.replace(",", " ").title()


def synthetic(n: int, seed: int = 0, real: bool = True) -> tuple[list[Record], list[tuple[int, int]]]:
    """Return ``n`` records derived from the real names (see the module docstring), and the
    (variant, original) index pairs."""
    rng = random.Random(seed)
    base = base_records()
    norwegian, places = norwegian_records()
    if real:
        base = base + norwegian
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
        word = (rng.choice(places) if real else
                "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
        records.append(Record(f"{record.name} {word}", record.country, record.city))
    return records, variants


def main() -> None:
    """Link the synthetic records and write the timing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--input", choices=("real", "synthetic"), default="real")
    args = parser.parse_args()
    records, variants = synthetic(args.records, real=args.input == "real")
    load = os.getloadavg()[0]
    clock = Clock()
    linkage = link_records(records)
    timing = clock.read()
    cluster_of = {i: n for n, cluster in enumerate(linkage.clusters) for i in cluster}
    found = sum(1 for v, o in variants if v in cluster_of and cluster_of[v] == cluster_of.get(o))
    result = {"date": date.today().isoformat(), "machine": f"{platform.machine()}, python {platform.python_version()}",
              "records": len(records),
              "input": ("the real names of datasets/h2020-norway and benchmarks/data/org_pairs.tsv, each with a real "
                        "Norwegian municipality name added, a fifth written again as variants"
                        if args.input == "real" else "synthetic names derived from benchmarks/data/org_pairs.tsv"),
              "load_average": round(max(load, os.getloadavg()[0]), 1),
              "pairs_compared": linkage.compared, "clusters": len(linkage.clusters),
              "records_in_clusters": sum(len(c) for c in linkage.clusters), "review_pairs": len(linkage.review),
              "variants": len(variants), "variants_found": found,
              **{k: round(v, 2) for k, v in timing.items()}}
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    replace_section(DOCS, "<!-- linkage-speed:start -->", "<!-- linkage-speed:end -->", speed_table(result))
    print(result)


if __name__ == "__main__":
    main()
