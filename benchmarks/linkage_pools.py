"""Development pools of record linkage: one organisation named by CORDIS in 2017 and 2024, and its close neighbours.

The labelled pairs of ``benchmarks/data/org_pairs.tsv`` are a few hundred pairs read one by one; the
pools are the whole join they were drawn from, unread: every organisation of CORDIS's Horizon 2020
table of mid-2017 whose PIC is also in Horizon Europe's participations of mid-2024, and the other
organisations of its city with a similar name. Their labels are the identifiers' (one PIC, one body),
not a reader's, so the figures are proxies: some positives are renames or mergers that no name
comparison should accept, and a few negatives are one body under two PICs. They measure how much of a
large unread set the matcher finds, and how many wrong ``same`` it gives there, without looking at the
sealed splits.

The pools (method as for the ``fresh`` split and the development draw, benchmarks/data/README.md):

* **positives**: the PICs in both tables whose two names differ beyond case and punctuation (the names
  without spaces or punctuation, as :func:`kg.resolve.normalise.compact` writes them, differ): the 2017
  name with its city and country against the 2024 name with its, labelled ``same``;
* **negatives**: for each organisation of the join (each of its two names), the records of the other
  PICs of either table of the same country and city (the city as :func:`kg.resolve.normalise.normalise`
  writes it) whose name is similar (rapidfuzz ``token_set_ratio`` of the normalised names at least
  :data:`MIN_WIDE`) and not written the same without spaces and punctuation, labelled ``different``;
  one pair per two PICs (the most similar names). Two tiers: ``close`` (ratio at least :data:`MIN_CLOSE`,
  the threshold of the labelled hard negatives; its pairs of :data:`MIN_VERY_CLOSE` or more are also
  counted apart) and ``wide`` (from :data:`MIN_WIDE` to below :data:`MIN_CLOSE`: names that share a
  kind and a place or a common word, "Universidad de X" / "Universidad de Y").

Left out: every organisation one of whose names is a name of a ``fresh``, ``fresh2`` or ``holdout`` pair of
org_pairs.tsv (those splits stay unseen; names compared as ``normalise`` writes them), and every pair
whose two names are already a pair of that file.

Source A is not shipped with the project. Get it with git (CORDIS data, CC BY 4.0)::

    git clone https://github.com/spaghetti-open-data/ODFest2017-horizon2020-network /tmp/odfest
    git -C /tmp/odfest show b5c2ebaf4e653f0f3cb827367f2e9e1ec5e0bc2c:H2020_Data_2017/stacked_dump.csv \\
        > /tmp/stacked_dump.csv    # SHA-256 739a5e8d...840e, 16,592 organisations
    python benchmarks/linkage_pools.py /tmp/stacked_dump.csv [--dump DIR]

Its names and cities were written as UTF-8 read as Mac Roman ("Nantes M√©tropole"):
:func:`repair_mac_roman` decodes them back. Source B is ``datasets/files/horizon-europe-participations.csv.gz``.

Writes only aggregate figures to ``benchmarks/results/linkage-pools.json`` (pool sizes, positives found
``same`` or sent to review, negatives accepted as ``same`` or sent to review); ``--dump DIR`` also
writes the pools with the matcher's answers as TSV files into DIR, for a developer to read (never into
the repository: the pools are not shipped).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.docs_section import replace_section  # noqa: E402
from kg.resolve.link import Match, Record, compare  # noqa: E402
from kg.resolve.normalise import compact, normalise  # noqa: E402
from kg.resolve.thresholds import LINK_ACCEPT, LINK_REVIEW  # noqa: E402

PAIRS = ROOT / "benchmarks" / "data" / "org_pairs.tsv"
HORIZON_EUROPE = ROOT / "datasets" / "files" / "horizon-europe-participations.csv.gz"
RESULT = ROOT / "benchmarks" / "results" / "linkage-pools.json"
DOCS = ROOT / "docs" / "linkage.md"
#: Where source A is read from, and the SHA-256 of that file at that commit.
SOURCE_REPOSITORY = "https://github.com/spaghetti-open-data/ODFest2017-horizon2020-network"
SOURCE_COMMIT = "b5c2ebaf4e653f0f3cb827367f2e9e1ec5e0bc2c"
SOURCE_PATH = "H2020_Data_2017/stacked_dump.csv"
SOURCE_SHA256 = "739a5e8de9e4ae714a8070b76f3b288954100f57b6c26219f2b64c41aa51840e"
#: The splits of org_pairs.tsv whose names stay out of the pools.
SEALED_SPLITS = frozenset({"fresh", "fresh2", "holdout"})
#: Least ``token_set_ratio`` of the normalised names of a negative pair, of a ``close`` one, and of the
#: ``close`` ones counted apart.
MIN_WIDE = 65.0
MIN_CLOSE = 80.0
MIN_VERY_CLOSE = 90.0
TIERS = ("close", "wide")
_DUMP_COLUMNS = ("name_a", "country_a", "city_or_region_a", "name_b", "country_b", "city_or_region_b", "label",
                 "pic_a", "pic_b", "table_a", "table_b", "token_set_ratio", "score", "decision", "review", "method")


@dataclass(frozen=True)
class Org:
    """One organisation of one table: its PIC, name, city and country as the table gives them."""

    pic: str
    name: str
    city: str
    country: str
    table: str

    def record(self) -> Record:
        """The record :func:`kg.resolve.link.compare` reads."""
        return Record(self.name, self.country or None, self.city or None)


@dataclass(frozen=True)
class Pair:
    """Two records of a pool, the label of their identifiers, and how alike their names are."""

    a: Org
    b: Org
    label: str
    similarity: float

    @property
    def tier(self) -> str:
        """``positive`` for a pair of one PIC, else the tier of the negatives."""
        if self.label == "same":
            return "positive"
        return "close" if self.similarity >= MIN_CLOSE else "wide"


def repair_mac_roman(text: str) -> str:
    """Return ``text`` decoded back where it is UTF-8 that was read as Mac Roman, else ``text`` unchanged.

    Examples
    --------
    >>> repair_mac_roman("Nantes M√©tropole")
    'Nantes Métropole'
    >>> repair_mac_roman("Nantes Métropole"), repair_mac_roman("Łódź")
    ('Nantes Métropole', 'Łódź')
    """
    try:
        return text.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def read_h2020_2017(path: Path) -> dict[str, Org]:
    """The organisations of the 2017 table (``orgId``, ``name``, ``city``, ``country``) by PIC, repaired."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["orgId"]: Org(row["orgId"], repair_mac_roman(row["name"]).strip(),
                                  repair_mac_roman(row["city"]).strip(), row["country"].strip(), "2017")
                for row in csv.DictReader(handle) if row["orgId"].strip()}


def read_horizon_europe(path: Path = HORIZON_EUROPE) -> dict[str, Org]:
    """The organisations of Horizon Europe's participations (``organisationID``, ``name`` …) by PIC."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return {row["organisationID"]: Org(row["organisationID"], row["name"].strip(), row["city"].strip(),
                                           row["country"].strip(), "2024")
                for row in csv.DictReader(handle, delimiter=";") if row["organisationID"].strip()}


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return tuple(sorted((normalise(a), normalise(b))))  # type: ignore[return-value]


def read_exclusions(path: Path = PAIRS) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The names of the sealed splits' pairs (normalised) and every pair of names of the file (normalised, sorted).

    Only names are read, never the answers; nothing of them is printed or written.
    """
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    sealed = frozenset(normalise(row[column]) for row in rows if row["split"] in SEALED_SPLITS
                       for column in ("name_a", "name_b"))
    return sealed, frozenset(_pair_key(row["name_a"], row["name_b"]) for row in rows)


def sealed_pics(old: dict[str, Org], new: dict[str, Org], sealed: frozenset[str]) -> frozenset[str]:
    """The PICs one of whose names (in either table) is a name of a sealed split's pair."""
    return frozenset(org.pic for table in (old, new) for org in table.values() if normalise(org.name) in sealed)


def positive_pool(old: dict[str, Org], new: dict[str, Org], left_out: frozenset[str],
                  known: frozenset[tuple[str, str]]) -> list[Pair]:
    """The PICs of both tables named differently beyond case and punctuation: 2017 record against 2024 record."""
    pairs = []
    for pic in sorted(old.keys() & new.keys()):
        a, b = old[pic], new[pic]
        if pic in left_out or compact(a.name) == compact(b.name) or _pair_key(a.name, b.name) in known:
            continue
        pairs.append(Pair(a, b, "same", fuzz.token_set_ratio(normalise(a.name), normalise(b.name))))
    return pairs


def _blocks(tables: Iterable[dict[str, Org]]) -> dict[tuple[str, str], list[Org]]:
    blocks: dict[tuple[str, str], list[Org]] = defaultdict(list)
    for table in tables:
        for org in table.values():
            city = normalise(org.city)
            if city and normalise(org.name):
                blocks[org.country, city].append(org)
    return blocks


def _neighbours(org: Org, block: list[Org], names: list[str]) -> Iterator[tuple[Org, float]]:
    """The records of ``block`` (names normalised in ``names``) of another PIC with a similar name."""
    for _, similarity, index in process.extract(normalise(org.name), names, scorer=fuzz.token_set_ratio,
                                                score_cutoff=MIN_WIDE, limit=None):
        other = block[index]
        if other.pic != org.pic and compact(other.name) != compact(org.name):
            yield other, similarity


def negative_pool(old: dict[str, Org], new: dict[str, Org], left_out: frozenset[str],
                  known: frozenset[tuple[str, str]]) -> list[Pair]:
    """For each organisation of the join, the similar names of other PICs of its country and city.

    One pair per two PICs: the most similar names (``token_set_ratio``, then ``ratio``), the record of the
    join's organisation first.
    """
    blocks = _blocks((old, new))
    names = {key: [normalise(org.name) for org in block] for key, block in blocks.items()}
    best: dict[tuple[str, str], tuple[tuple[float, float, str, str], Pair]] = {}
    for pic in sorted(old.keys() & new.keys()):
        if pic in left_out:
            continue
        for org in (old[pic], new[pic]):
            key = (org.country, normalise(org.city))
            for other, similarity in _neighbours(org, blocks.get(key, []), names.get(key, [])):
                if other.pic in left_out or _pair_key(org.name, other.name) in known:
                    continue
                rank = (similarity, fuzz.ratio(normalise(org.name), normalise(other.name)), org.table, other.table)
                pics = tuple(sorted((pic, other.pic)))
                if pics not in best or rank > best[pics][0]:
                    best[pics] = (rank, Pair(org, other, "different", similarity))
    return [pair for _, (_, pair) in sorted(best.items())]


def answer(pairs: list[Pair]) -> list[tuple[Pair, Match]]:
    """Each pair with the matcher's answer."""
    return [(pair, compare(pair.a.record(), pair.b.record())) for pair in pairs]


def tally(answered: list[tuple[Pair, Match]]) -> dict[str, int]:
    """How many pairs, how many the matcher calls ``same``, and how many it sends to review."""
    return {"pairs": len(answered), "same": sum(m.same for _, m in answered),
            "review": sum(m.review for _, m in answered)}


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def build(table_2017: Path, horizon_europe: Path = HORIZON_EUROPE,
          pairs_file: Path = PAIRS) -> tuple[dict[str, object], dict[str, list[Pair]]]:
    """Read both tables, draw both pools and return (the join's figures, the pools by tier)."""
    old, new = read_h2020_2017(table_2017), read_horizon_europe(horizon_europe)
    sealed, known = read_exclusions(pairs_file)
    left_out = sealed_pics(old, new, sealed)
    joined = old.keys() & new.keys()
    named_differently = sum(compact(old[p].name) != compact(new[p].name) for p in joined)
    pools: dict[str, list[Pair]] = {"positive": positive_pool(old, new, left_out, known)}
    negatives = negative_pool(old, new, left_out, known)
    for tier in TIERS:
        pools[tier] = [pair for pair in negatives if pair.tier == tier]
    join = {"organisations_2017": len(old), "organisations_2024": len(new), "pics_in_both": len(joined),
            "named_differently": named_differently, "pics_left_out_as_sealed": len(left_out & joined)}
    return join, pools


def measure(table_2017: Path, horizon_europe: Path = HORIZON_EUROPE,
            pairs_file: Path = PAIRS) -> tuple[dict[str, object], dict[str, list[tuple[Pair, Match]]]]:
    """Build the pools, answer every pair, and return (the aggregate figures, the answered pools)."""
    started = time.perf_counter()
    join, pools = build(table_2017, horizon_europe, pairs_file)
    answered = {tier: answer(pairs) for tier, pairs in pools.items()}
    sha = file_sha256(table_2017)
    positives = tally(answered["positive"])
    negatives = {"close": {"min_token_set_ratio": MIN_CLOSE, **tally(answered["close"])},
                 f"close_{MIN_VERY_CLOSE:g}": {"min_token_set_ratio": MIN_VERY_CLOSE, **tally(
                     [(p, m) for p, m in answered["close"] if p.similarity >= MIN_VERY_CLOSE])},
                 "wide": {"min_token_set_ratio": MIN_WIDE, "below_token_set_ratio": MIN_CLOSE,
                          **tally(answered["wide"])}}
    result = {
        "date": date.today().isoformat(), "machine": f"{platform.machine()}, python {platform.python_version()}",
        "accept": LINK_ACCEPT, "review": LINK_REVIEW,
        "source_2017": {"repository": SOURCE_REPOSITORY, "path": SOURCE_PATH, "sha256": sha,
                        "commit": SOURCE_COMMIT if sha == SOURCE_SHA256 else None},
        "source_2024": str(Path(horizon_europe).resolve().relative_to(ROOT))
        if Path(horizon_europe).resolve().is_relative_to(ROOT) else str(horizon_europe),
        "join": join,
        "positives": {**positives, "found_share": round(positives["same"] / max(positives["pairs"], 1), 4)},
        "negatives": negatives,
        "negatives_all": {key: sum(negatives[t][key] for t in TIERS) for key in ("pairs", "same", "review")},
        "seconds": round(time.perf_counter() - started, 1),
    }
    return result, answered


def _cell(text: object) -> str:
    return " ".join(str(text).split())


def dump(answered: dict[str, list[tuple[Pair, Match]]], directory: Path) -> list[Path]:
    """Write each pool with the matcher's answers as ``DIR/linkage-pool-TIER.tsv`` (read by ``eukg link check``)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for tier, rows in answered.items():
        path = directory / f"linkage-pool-{tier}.tsv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write("\t".join(_DUMP_COLUMNS) + "\n")
            for pair, match in rows:
                a, b = pair.a, pair.b
                cells = (a.name, a.country, a.city, b.name, b.country, b.city, pair.label, a.pic, b.pic, a.table,
                         b.table, f"{pair.similarity:.1f}", f"{match.score:.1f}",
                         "same" if match.same else "different", "yes" if match.review else "", match.method)
                handle.write("\t".join(_cell(c) for c in cells) + "\n")
        written.append(path)
    return written


def docs_table(result: dict[str, object]) -> str:
    """Return the markdown table of the pools' figures for docs/linkage.md."""
    positives, negatives = result["positives"], result["negatives"]
    lines = ["| pool | pairs | accepted as `same` | to review |", "|---|---:|---:|---:|",
             f"| one PIC, named differently (renames count as missed) | {positives['pairs']:,} "
             f"| {positives['same']:,} | {positives['review']:,} |"]
    for rates in negatives.values():
        low = rates["min_token_set_ratio"]
        span = f"{low:g} or more" if "below_token_set_ratio" not in rates else \
            f"{low:g} to under {rates['below_token_set_ratio']:g}"
        who = "of those, the ones of" if "below_token_set_ratio" not in rates and low > 80 else \
            "another PIC of the same city,"
        lines.append(f"| {who} `token_set_ratio` {span} | {rates['pairs']:,} "
                     f"| {rates['same']:,} | {rates['review']:,} |")
    lines += ["", f"Measured {result['date']} ({result['machine']}; accept {result['accept']:g}, "
                  f"review {result['review']:g})."]
    return "\n".join(lines)


def write_docs(result: dict[str, object], docs: Path = DOCS) -> None:
    """Write the pools' table between its markers in ``docs``."""
    replace_section(docs, "<!-- linkage-pools:start -->", "<!-- linkage-pools:end -->", docs_table(result))


def main(argv: list[str] | None = None) -> None:
    """Measure the pools, write the aggregate figures (and, with ``--dump``, the pools)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table_2017", type=Path, nargs="?",
                        help=f"{SOURCE_PATH} of {SOURCE_REPOSITORY} at {SOURCE_COMMIT[:7]}")
    parser.add_argument("--horizon-europe", type=Path, default=HORIZON_EUROPE, help="Horizon Europe participations")
    parser.add_argument("--dump", type=Path, metavar="DIR", help="also write the pools with answers as TSV into DIR")
    parser.add_argument("--result", type=Path, default=RESULT, help="where to write the figures (JSON)")
    parser.add_argument("--docs", action="store_true", help="only write docs/linkage.md from the results file")
    args = parser.parse_args(argv)
    if args.docs:
        write_docs(json.loads(args.result.read_text(encoding="utf-8")))
        return
    if args.table_2017 is None:
        parser.error("the 2017 table is needed (or --docs)")
    if args.dump and args.dump.resolve().is_relative_to(ROOT):
        parser.error("--dump writes names of unread pairs: give a directory outside the repository")
    result, answered = measure(args.table_2017, args.horizon_europe)
    if result["source_2017"]["commit"] is None:
        print(f"warning: {args.table_2017} is not {SOURCE_PATH} of commit {SOURCE_COMMIT[:7]}", file=sys.stderr)
    args.result.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_docs(result)
    if args.dump:
        for path in dump(answered, args.dump):
            print("wrote", path)
    print(json.dumps({k: result[k] for k in ("join", "positives", "negatives", "seconds")}, indent=1))


if __name__ == "__main__":
    main()
