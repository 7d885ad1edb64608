"""benchmarks/linkage_pools.py: the development pools drawn from a 2017 and a 2024 table, on tiny synthetic tables."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from benchmarks import linkage_pools as pools
from kg.resolve.normalise import compact

# Invented organisations: (PIC, 2017 name, 2024 name or None, city, country).
_ORGS = [
    ("100", "Blauwald Robotik GmbH", "Blauwald Robotics GmbH", "Kleinstadt", "DE"),     # a variant: positive
    ("101", "BLAUWALD ROBOTIK GMBH", None, "Kleinstadt", "DE"),                           # 100's 2017 name
    ("102", "Blauwald Robotik Service GmbH", None, "Kleinstadt", "DE"),                   # neighbour of 100
    ("103", "Blauwald Robotik Service GmbH", None, "Anderstadt", "DE"),                   # another city
    ("200", "Verdemar Energia SL", "VERDEMAR ENERGIA, S.L.", "Puebla", "ES"),            # one name: no positive
    ("201", "Verdemar Energia Solar SL", None, "Puebla", "ES"),                           # neighbour of 200
    ("300", "Société Lumière Verte SA", "Lumiere Verte Groupe SA", "Été", "FR"),          # Mac Roman in 2017
    ("400", "Nordfjell Havbruk AS", "Nordfjell Sjømat AS", "Fjellby", "NO"),             # a sealed name
    ("401", "Nordfjell Havbruk Drift AS", None, "Fjellby", "NO"),                         # neighbour of a sealed one
    ("500", "Kvarnby Textil AB", "Kvarnby Textilier AB", "Sjostad", "SE"),               # already a pair
    ("600", "Grenvik Maskin AS", "Grenvik Maskin Teknikk AS", "Fjellby", "NO"),          # a variant: positive
    ("601", "Grenvik Maskin Service AS", None, "Fjellby", "NO"),                          # a sealed neighbour
]
_SEALED = ("Nordfjell Sjømat AS", "Grenvik Maskin Service AS")
_KNOWN = ("Kvarnby Textilier AB", "Kvarnby Textil AB")


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("mac_roman")


@pytest.fixture()
def tables(tmp_path: Path) -> tuple[Path, Path, Path]:
    old = tmp_path / "stacked_dump.csv"
    with open(old, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(["K-Core", "city", "country", "name", "orgId", "shortName"])
        for pic, name, _, city, country in _ORGS:
            writer.writerow([0, _mojibake(city), country, _mojibake(name), pic, ""])
    new = tmp_path / "horizon-europe.csv.gz"
    with gzip.open(new, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writerow(["projectID", "organisationID", "name", "city", "country"])
        for pic, _, name, city, country in _ORGS:
            if name:
                writer.writerow(["1", pic, name, city, country])
    pairs = tmp_path / "org_pairs.tsv"
    header = ("name_a", "country_a", "city_or_region_a", "name_b", "country_b", "city_or_region_b", "label", "kind",
              "source", "split")
    rows = [(*_SEALED[:1], "NO", "", _SEALED[1], "SE", "", "different", "similar-name", "x", "fresh"),
            (_KNOWN[0], "SE", "", _KNOWN[1], "SE", "", "same", "spelling-variant", "x", "train")]
    pairs.write_text("\n".join("\t".join(r) for r in (header, *rows)) + "\n", encoding="utf-8")
    return old, new, pairs


def test_mac_roman_names_are_decoded_back_and_others_kept() -> None:
    assert pools.repair_mac_roman(_mojibake("Société Lumière Verte SA")) == "Société Lumière Verte SA"
    assert pools.repair_mac_roman("Société Lumière Verte SA") == "Société Lumière Verte SA"
    assert pools.repair_mac_roman("Blauwald Robotik GmbH") == "Blauwald Robotik GmbH"


def test_the_2017_table_is_read_repaired(tables: tuple[Path, Path, Path]) -> None:
    old = pools.read_h2020_2017(tables[0])
    assert (old["300"].name, old["300"].city, old["300"].table) == ("Société Lumière Verte SA", "Été", "2017")


def test_positives_are_the_pics_named_differently_less_sealed_and_known(tables: tuple[Path, Path, Path]) -> None:
    old, new = pools.read_h2020_2017(tables[0]), pools.read_horizon_europe(tables[1])
    sealed, known = pools.read_exclusions(tables[2])
    left_out = pools.sealed_pics(old, new, sealed)
    assert left_out == {"400", "601"}  # a name of each is a name of a fresh pair
    positives = pools.positive_pool(old, new, left_out, known)
    assert [(p.a.pic, p.a.table, p.b.table, p.label) for p in positives] == [
        ("100", "2017", "2024", "same"), ("300", "2017", "2024", "same"), ("600", "2017", "2024", "same")]
    # without the exclusions, the sealed PIC and the pair already labelled come back
    assert {p.a.pic for p in pools.positive_pool(old, new, frozenset(), frozenset())} == {"100", "300", "400", "500", "600"}


def test_negatives_are_similar_names_of_other_pics_of_one_city(tables: tuple[Path, Path, Path]) -> None:
    old, new = pools.read_h2020_2017(tables[0]), pools.read_horizon_europe(tables[1])
    sealed, known = pools.read_exclusions(tables[2])
    negatives = pools.negative_pool(old, new, pools.sealed_pics(old, new, sealed), known)
    pics = {tuple(sorted((p.a.pic, p.b.pic))) for p in negatives}
    assert ("100", "102") in pics and ("200", "201") in pics
    # 101 is written as 100's 2017 name but for case: only 100's 2024 name is paired with it
    assert [p.a.table for p in negatives if {p.a.pic, p.b.pic} == {"100", "101"}] == ["2024"]
    assert all(compact(p.a.name) != compact(p.b.name) for p in negatives)
    assert not any("103" in pair for pair in pics)  # another city
    assert not any("400" in pair or "401" in pair for pair in pics)  # a sealed organisation's neighbours
    assert not any("601" in pair for pair in pics)  # a sealed organisation as a neighbour
    assert len(pics) == len(negatives)  # one pair per two PICs
    assert all(p.label == "different" and p.similarity >= pools.MIN_WIDE for p in negatives)
    assert {p.tier for p in negatives} <= set(pools.TIERS)
    unsealed = pools.negative_pool(old, new, frozenset(), known)
    assert {("400", "401"), ("600", "601")} <= {tuple(sorted((p.a.pic, p.b.pic))) for p in unsealed}


def test_the_results_hold_figures_only_and_the_dump_holds_the_pairs(tables: tuple[Path, Path, Path],
                                                                    tmp_path: Path) -> None:
    result, answered = pools.measure(*tables)
    assert result["positives"]["pairs"] == 3 and result["join"]["pics_in_both"] == 6
    assert result["source_2017"]["commit"] is None  # not the published file
    text = json.dumps(result, ensure_ascii=False)
    assert not any(word in text for word in ("Blauwald", "Verdemar", "Lumi", "Kvarnby", "Nordfjell", "Grenvik"))
    written = pools.dump(answered, tmp_path / "dump")
    assert "Blauwald Robotics GmbH" in written[0].read_text(encoding="utf-8")


def test_the_dump_is_refused_inside_the_repository(tables: tuple[Path, Path, Path]) -> None:
    with pytest.raises(SystemExit):
        pools.main([str(tables[0]), "--dump", str(pools.ROOT / "benchmarks")])


def test_docs_table_written_between_markers(tmp_path: Path) -> None:
    result = {"date": "2026-12-05", "machine": "x", "accept": 90.0, "review": 75.0,
              "positives": {"pairs": 10, "same": 4, "review": 1},
              "negatives": {"close": {"min_token_set_ratio": 80.0, "pairs": 20, "same": 2, "review": 3},
                            "wide": {"min_token_set_ratio": 65.0, "below_token_set_ratio": 80.0,
                                     "pairs": 30, "same": 0, "review": 1}}}
    docs = tmp_path / "linkage.md"
    docs.write_text("before\n<!-- linkage-pools:start -->\nold\n<!-- linkage-pools:end -->\nafter\n", encoding="utf-8")
    pools.write_docs(result, docs)
    text = docs.read_text(encoding="utf-8")
    assert "old" not in text and text.startswith("before\n") and text.endswith("after\n")
    assert "| one PIC, named differently (renames count as missed) | 10 | 4 | 1 |" in text
    assert "`token_set_ratio` 65 to under 80 | 30 | 0 | 1 |" in text
