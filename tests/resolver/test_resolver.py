"""The resolver: names as written in EU languages → the one resource, or candidates when unsure."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.namespaces import PREFIXES
from kg.resolve import TYPES, Candidate, Resolver, normalise

VARIANTS = Path(__file__).with_name("name_variants.csv")
#: The precision and recall the resolver reaches on name_variants.csv (see docs/resolver.md).
MIN_PRECISION = 0.97
MIN_RECALL = 0.95


def expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    namespaces = {**PREFIXES, "period": "https://w3id.org/eu-regional-kg/id/period/"}
    return namespaces[prefix] + local


def variants() -> list[dict[str, str]]:
    with VARIANTS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def resolver(store) -> Resolver:
    return Resolver.from_store(store)


def test_the_table_is_big_and_varied() -> None:
    rows = variants()
    assert len(rows) >= 80
    assert len({row["lang"] for row in rows if row["lang"]}) >= 6
    assert sum(1 for row in rows if not row["expected"]) >= 15
    assert {row["type"] for row in rows if row["type"]} <= set(TYPES)


def test_every_expected_resource_exists(resolver: Resolver) -> None:
    expected = {expand(row["expected"]) for row in variants() if row["expected"]}
    assert {iri for iri in expected if iri not in resolver} == set()


@pytest.mark.parametrize(
    "module", ["kg.resolve", "kg.resolve.normalise", "kg.resolve.keys", "kg.resolve.lemmas"]
)
def test_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def evaluate(resolver: Resolver) -> tuple[float, float, list[str]]:
    """Precision and recall of Resolver.best on the table, and the rows it gets wrong."""
    true_positives = false_positives = positives = 0
    wrong = []
    for row in variants():
        expected = expand(row["expected"]) if row["expected"] else None
        best = resolver.best(row["name"], row["type"] or None)
        got = best.iri if best else None
        if expected:
            positives += 1
        if got is not None and got == expected:
            true_positives += 1
        elif got is not None:
            false_positives += 1
        if got != expected:
            wrong.append(f"{row['name']!r} [{row['type']}]: expected {expected}, got {got}")
    precision = true_positives / (true_positives + false_positives) if true_positives + false_positives else 1.0
    return precision, true_positives / positives, wrong


@pytest.mark.slow
def test_precision_and_recall(resolver: Resolver) -> None:
    precision, recall, wrong = evaluate(resolver)
    assert precision >= MIN_PRECISION, wrong
    assert recall >= MIN_RECALL, wrong


@pytest.mark.parametrize(
    ("name", "type_", "not_expected"),
    [
        ("Lubuskie", "region", "nuts:PL81"),
        ("Lubuskie", None, "orgn:lubelskie-voivodeship"),
        ("Turku", None, "place:turin"),
        ("Turku", "place", "place:turin"),
        ("Lublin", None, "nuts:PL81"),
    ],
)
def test_negatives_do_not_match(resolver: Resolver, name: str, type_: str | None, not_expected: str) -> None:
    best = resolver.best(name, type_)
    assert best is None or best.iri != expand(not_expected)


def test_ambiguous_name_gives_ranked_candidates(resolver: Resolver) -> None:
    assert resolver.best("Torino") is None
    candidates = resolver.resolve("Torino")
    assert {c.type for c in candidates[:3]} == {"region", "organisation", "place"}
    assert all(c.score == 100.0 for c in candidates[:3])
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)


def test_type_filter(resolver: Resolver) -> None:
    assert {c.type for c in resolver.resolve("Łódź", "region", limit=20)} == {"region"}
    with pytest.raises(ValueError, match="unknown type"):
        resolver.resolve("Łódź", "planet")


def test_nothing_close_is_empty(resolver: Resolver) -> None:
    assert resolver.resolve("xyzzy qwertz") == []
    assert resolver.resolve("") == []
    assert resolver.best("   ") is None


def test_nuts_code_resolves_directly(resolver: Resolver) -> None:
    best = resolver.best("PL81")
    assert best == Candidate(expand("nuts:PL81"), "Lubelskie", "region", 100.0)


def test_country_and_its_nuts_region_are_one_answer(resolver: Resolver) -> None:
    assert resolver.best("Polska").iri == expand("country:POL")
    assert resolver.best("Polska", "region").iri == expand("nuts:PL")


def test_limit(resolver: Resolver) -> None:
    assert len(resolver.resolve("Lubelskie", limit=2)) == 2


def test_normalise_folds_letters_without_decomposition() -> None:
    assert normalise("Łódź") == normalise("Lodz") == "lodz"
    assert normalise("Timișoara") == normalise("Timişoara") == "timisoara"
    assert normalise("Straße") == "strasse"


@pytest.mark.slow
def test_from_graph_matches_from_store(store, resolver: Resolver) -> None:
    from kg.store import to_dataset

    other = Resolver.from_graph(to_dataset(store))
    assert len(other) == len(resolver)
    for name in ("Województwa Lubelskiego", "Vlaamse overheid", "CJIF", "Torino"):
        assert other.resolve(name) == resolver.resolve(name)


def test_cli_json(built_store_path) -> None:
    result = CliRunner().invoke(app, ["resolve", "Județul Ilfov", "--type", "region", "--format", "json",
                                      "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records[0] == {"iri": expand("nuts:RO322"), "label": "Ilfov", "type": "region", "score": 100.0,
                          "status": "match"}
    assert all(set(record) == {"iri", "label", "type", "score", "status"} for record in records)


def test_cli_json_empty_list(built_store_path) -> None:
    result = CliRunner().invoke(app, ["resolve", "xyzzy qwertz", "--format", "json", "--store", str(built_store_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_cli_table_and_bad_type(built_store_path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["resolve", "Torino", "--store", str(built_store_path)])
    assert result.exit_code == 0 and "no clear match" in result.stdout
    result = runner.invoke(app, ["resolve", "Torino", "--type", "planet", "--store", str(built_store_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_regions_outside_eu_nuts_resolve(built_store_path) -> None:
    """A partner in Oslo gets the Norwegian statistical region, not a guess among EU regions."""
    result = CliRunner().invoke(
        app, ["resolve", "Oslo", "--type", "region", "--format", "json", "--store", str(built_store_path)]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found[0] == {
        "iri": "https://w3id.org/eu-regional-kg/id/statistical-region/NO081",
        "label": "Oslo",
        "type": "region",
        "score": 100.0,
        "status": "match",
    }


def test_statistical_region_level0_and_country_are_one_answer(resolver: Resolver) -> None:
    # sr:NO is linked to the country as nuts:PL is to Poland.  ("Norge" ties with NO0, whose only
    # label is the same word, as "Eesti" ties EE00 with Estonia: not decided here.)
    assert resolver.best("Norway").iri == expand("country:NOR")
    assert resolver.best("Norway", "region").iri == expand("sr:NO")
