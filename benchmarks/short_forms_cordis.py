"""Short names against full names of the Horizon Europe participants table: a sample larger than the labelled pairs.

Run with ``python -m benchmarks.short_forms_cordis``. From ``datasets/files/horizon-europe-participations.csv.gz``
(CORDIS; one row per organisation and project, the PIC ``organisationID`` joins them) it takes each organisation's
``name`` and one-word ``shortName``, leaving out organisations named in the ``test`` or ``holdout`` split of
``benchmarks/data/org_pairs.tsv`` (only matched by name, not read). It prints

* ``pairs``: precision and recall of :func:`kg.resolve.link.compare` on each name against its own short name
  (labelled same) and each short name against up to ``--negatives`` names of other organisations of its city
  that hold its letters in order, one of their first words beginning with its first letter (labelled different;
  not all are other bodies: a subsidiary, an institute of the body, or the body under a second PIC is among them);
* ``build``: the names and short names linked together as a build links them
  (:func:`kg.resolve.blocking.link_records`), and where each short name ends: with its own name, with another
  organisation's only, with both, or alone.

Nothing of the table is copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import time
from collections import Counter
from pathlib import Path

from kg.resolve.blocking import link_records
from kg.resolve.link import Record, compare
from kg.resolve.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "datasets" / "files" / "horizon-europe-participations.csv.gz"
PAIRS = ROOT / "benchmarks" / "data" / "org_pairs.tsv"
#: Organisation: (name, short name, country, city).
Org = tuple[str, str, str, str]


def _unseen_names(path: Path = PAIRS) -> set[str]:
    """The folded names of the labelled pairs' ``test`` and ``holdout`` splits, to leave out."""
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["split"] != "train"]
    return {normalise(r[k]) for r in rows for k in ("name_a", "name_b")}


def organisations(table: Path = TABLE) -> dict[str, Org]:
    """Return each PIC's first (name, short name, country, city), without those of the unseen splits."""
    unseen = _unseen_names()
    orgs: dict[str, Org] = {}
    with gzip.open(table, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            orgs.setdefault(row["organisationID"], tuple(row[k].strip() for k in ("name", "shortName", "country",
                                                                                    "city")))
    return {pic: o for pic, o in orgs.items()
            if o[0] and normalise(o[0]) not in unseen and normalise(o[1] or "-") not in unseen}


def _short(org: Org) -> str | None:
    name, short = org[0], org[1]
    return short if short and len(short.split()) == 1 and normalise(short) != normalise(name) else None


def _holds_letters(short: str, name: str) -> bool:
    letters, words = "".join(normalise(short).split()), normalise(name).split()
    rest = iter("".join(words))
    return all(c in rest for c in letters) and any(w[:1] == letters[:1] for w in words)


def sample(orgs: dict[str, Org], negatives: int, seed: int) -> list[tuple[Record, Record, bool]]:
    """Return (full name, short name, same) pairs: each organisation's own, and other bodies' of its city."""
    rng = random.Random(seed)
    by_city: dict[tuple[str, str], list[str]] = {}
    for pic, org in orgs.items():
        by_city.setdefault((org[2], normalise(org[3])), []).append(pic)
    pairs = []
    for pic, org in orgs.items():
        short = _short(org)
        if short is None:
            continue
        record = Record(short, org[2], org[3])
        pairs.append((Record(org[0], org[2], org[3]), record, True))
        others = [orgs[q] for q in by_city[(org[2], normalise(org[3]))]
                  if q != pic and normalise(orgs[q][0]) != normalise(org[0]) and _holds_letters(short, orgs[q][0])]
        pairs += [(Record(o[0], o[2], o[3]), record, False) for o in rng.sample(others, min(negatives, len(others)))]
    return pairs


def pair_figures(pairs: list[tuple[Record, Record, bool]]) -> dict[str, float | int]:
    """Precision and recall of :func:`compare` on ``pairs``."""
    start = time.process_time()
    answers = [(compare(a, b).same, label) for a, b, label in pairs]
    tp = sum(p and t for p, t in answers)
    fp = sum(p and not t for p, t in answers)
    fn = sum(t and not p for p, t in answers)
    return {"same": tp + fn, "different": len(answers) - tp - fn, "found": tp, "wrong_same": fp,
            "precision": round(tp / (tp + fp), 4), "recall": round(tp / (tp + fn), 4),
            "cpu_s": round(time.process_time() - start, 1)}


def build_figures(orgs: dict[str, Org]) -> dict[str, int | float]:
    """Link every name and short name as one build and count where each short name ends."""
    records, owner, shorts = [], [], []
    for pic, org in orgs.items():
        records.append(Record(org[0], org[2], org[3]))
        owner.append(pic)
        if (short := _short(org)) is not None:
            shorts.append(len(records))
            records.append(Record(short, org[2], org[3]))
            owner.append(pic)
    start = time.process_time()
    linkage = link_records(records)
    cpu = round(time.process_time() - start, 1)
    cluster = {i: members for members in linkage.clusters for i in members}
    ends: Counter[str] = Counter()
    for i in shorts:
        names = {normalise(records[j].name) for j in cluster.get(i, []) if owner[j] != owner[i] and j not in shorts}
        own = any(owner[j] == owner[i] for j in cluster.get(i, []) if j != i)
        ends[("own" if own else "") + ("+other" if names - {normalise(records[i - 1].name)} else "") or "alone"] += 1
    return {"records": len(records), "short_names": len(shorts), "compared": linkage.compared, "cpu_s": cpu,
            **{f"short_with_{k.strip('+').replace('+', '_and_')}": v for k, v in sorted(ends.items())}}


def main() -> None:
    """Build the sample, measure, and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--negatives", type=int, default=8, help="other bodies per short name (default 8)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-build", action="store_true", help="only the pairs, not the build")
    args = parser.parse_args()
    orgs = organisations()
    result = {"organisations": len(orgs), "pairs": pair_figures(sample(orgs, args.negatives, args.seed))}
    if not args.no_build:
        result["build"] = build_figures(orgs)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
