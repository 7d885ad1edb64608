"""The curated regional names and nicknames (kg/resolve/data/regional_names.tsv), tested like code."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.resolve import AMBIGUOUS, MATCH, Resolver, normalise
from kg.resolve.regional_names import REGIONAL_NAMES, RegionalName, read_regional_names

ROWS = read_regional_names()


def by_name() -> dict[str, set[str]]:
    codes: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        codes[row.name].add(row.code)
    return dict(codes)


@pytest.fixture(scope="module")
def resolver(store) -> Resolver:
    return Resolver.from_store(store)


@pytest.fixture(scope="module")
def region_codes(store) -> dict[str, str]:
    """NUTS (and statistical-region) code → IRI of every region of the built graph."""
    from kg.store import select

    rows = select(store, """
        PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
        SELECT ?r ?code WHERE { ?r a ekg:Region ; ekg:nutsCode ?code }""")
    return {row["code"].value: row["r"].value for row in rows}


def test_the_file_covers_the_names_the_issue_names_in_several_languages() -> None:
    names = {row.name for row in ROWS}
    assert {"Lubelszczyzna", "Górny Śląsk", "Ardeal", "Lusatia"} <= names
    assert len({row.language for row in ROWS}) >= 8
    assert len(ROWS) >= 40


def test_rows_are_distinct() -> None:
    keys = [(normalise(row.name), row.code) for row in ROWS]
    assert len(keys) == len(set(keys))


def test_every_code_is_a_region_of_the_graph(region_codes: dict[str, str]) -> None:
    missing = [f"line {row.line}: {row.code}" for row in ROWS if row.code not in region_codes]
    assert missing == []


@pytest.mark.parametrize(("name", "codes"), sorted((name, sorted(codes)) for name, codes in by_name().items()))
def test_each_name_resolves_to_its_regions(resolver: Resolver, region_codes: dict[str, str], name: str,
                                           codes: list[str]) -> None:
    """A name with one row resolves to its region; a name with several answers ambiguous, listing exactly them."""
    decision = resolver.decide(name, "region")
    expected = {region_codes[code] for code in codes}
    if len(codes) == 1:
        assert decision.status == MATCH, decision
        assert decision.best.iri in expected
    else:
        assert decision.status == AMBIGUOUS, decision
        assert {c.iri for c in decision.tied} == expected


def test_names_resolve_without_diacritics_and_in_any_case(resolver: Resolver, region_codes: dict[str, str]) -> None:
    assert resolver.best("LUBELSZCZYZNA").iri == region_codes["PL81"]
    assert resolver.best("Sonderjylland", "region").iri == region_codes["DK032"]
    assert resolver.best("Thraki", "region").iri == region_codes["EL51"]  # Θράκη transliterated


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Lubelszczyzna\tpl81\tpl\tnote", "'pl81' is not a NUTS code (two capital letters, then up to three)"),
        ("Lubelszczyzna\tPL81\tPolish\tnote", "'Polish' is not a language tag such as pl or de-AT"),
        ("\tPL81\tpl\tnote", "the name is empty"),
        ("Lubelszczyzna\tPL81\tpl", "expected 4 tab-separated columns, found 3"),
    ],
)
def test_a_bad_row_is_one_line_naming_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "names.tsv"
    path.write_text(f"# comment\nname\tcode\tlanguage\tnote\nOpolszczyzna\tPL52\tpl\tok\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_regional_names(path)
    assert str(raised.value) == f"{path}:4: {message}"


def test_a_file_without_its_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("Lubelszczyzna\tPL81\tpl\tnote\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"names.tsv:1: the header must be"):
        read_regional_names(path)


def test_the_shipped_file_is_read_by_the_resolver_from_its_package() -> None:
    assert REGIONAL_NAMES.is_file() and REGIONAL_NAMES.parent.parent.name == "resolve"
    assert all(isinstance(row, RegionalName) and row.line > 0 for row in ROWS)
