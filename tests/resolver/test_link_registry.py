"""Names the Research Organization Registry gives to one body (:mod:`kg.resolve.ror`, :mod:`kg.resolve.ror_table`).

A body's name in its language and in English can share no word ("Univerzita Karlova", "Charles University");
the registry's names join them, in the matcher and in the blocks of the linkage of many records.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.resolve import ror, ror_table
from kg.resolve.blocking import link_records
from kg.resolve.link import Record, compare
from kg.resolve.thresholds import LINK_ACCEPT


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Univerzita Karlova", "Charles University", "CZ"),
    ("Eesti Maaülikool", "Estonian University of Life Sciences", "EE"),
    ("Česká zemědělská univerzita v Praze", "Czech University of Life Sciences Prague", "CZ"),
    ("NATIONAL UNIVERSITY OF IRELAND, GALWAY", "UNIVERSITY OF GALWAY", "IE"),
])
def test_two_names_of_one_registry_body_are_one_body(a: str, b: str, country: str) -> None:
    match = compare(Record(a, country), Record(b, country))
    assert match.same and match.method == "registry:ror"


def test_the_registry_joins_no_two_of_its_bodies_and_only_in_their_country() -> None:
    assert not compare(Record("University of Tartu", "EE"), Record("Estonian University of Life Sciences", "EE")).same
    assert not compare(Record("Univerzita Karlova", "CZ"), Record("Charles University", "SK")).same
    assert compare(Record("Univerzita Karlova", None), Record("Charles University", None)).method != "registry:ror"


def test_a_registry_pair_keeps_the_checks_of_any_pair() -> None:
    """A city that disagrees costs what it costs any pair, and leaves a registry pair accepted."""
    match = compare(Record("Univerzita Karlova", "CZ", "Praha"), Record("Charles University", "CZ", "Brno"))
    assert match.same and match.score < 95


def test_the_linkage_of_many_records_blocks_on_the_registry() -> None:
    """The two names share no word, so only the registry's block brings them together."""
    records = [Record("Univerzita Karlova", "CZ"), Record("Charles University", "CZ"), Record("Masarykova univerzita",
                                                                                              "CZ")]
    assert [sorted(c) for c in link_records(records).clusters if len(c) > 1] == [[0, 1]]


def _write(path: Path, text: str) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(text)


def test_a_name_the_registry_gives_to_two_bodies_says_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    path = tmp_path / "names.tsv.gz"
    _write(path, "# a comment\nror\tcountry\tkey\tname\n"
                 "01\tXX\tinstitute of physics\tInstitute of Physics\n02\tXX\tinstitute of physics\tInstitute of Physics\n"
                 "01\tXX\tfyzikalni ustav\tFyzikální ústav\n03\tXX\tlandesmuseum\tLandesmuseum\n")
    table = ror._table(path)
    monkeypatch.setattr(ror, "_table", lambda: table)
    assert ror.ror_ids("Institute of Physics", "XX") == frozenset()
    assert ror.ror_ids("Fyzikální ústav", "XX") == {"01"} and ror.ror_ids("Landesmuseum", "YY") == frozenset()
    assert not ror.same_body("Institute of Physics", "Fyzikální ústav", "XX")


def test_a_bad_registry_table_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv.gz"
    _write(path, "ror\tcountry\tkey\tname\n01\tXX\n")
    with pytest.raises(InputError, match=r"names\.tsv\.gz.*2|tab-separated"):
        ror._table(path)
    _write(path, "id\tname\n")
    with pytest.raises(InputError, match="header"):
        ror._table(path)


def test_the_shipped_table_is_keyed_as_names_are_read_now() -> None:
    """Every 500th row's key is the key of its name today: a change to how names are read that would leave the
    table's keys behind is caught here (run ``python -m kg.resolve.ror_table SOURCE`` again)."""
    with gzip.open(ror.ROR_NAMES, "rt", encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]
    assert lines[0] == list(ror.COLUMNS) and len(lines) > 100_000
    stale = [row for row in lines[1::500] if ror.name_key(row[3], row[1]) != row[2]]
    assert stale == []


def _record(identifier: str, names: list[dict], status: str = "active", country: str = "CZ") -> dict:
    return {"id": f"https://ror.org/{identifier}", "status": status, "names": names,
            "locations": [{"geonames_details": {"country_code": country}}]}


def test_the_table_is_built_from_the_latest_release_of_each_record(tmp_path: Path) -> None:
    old = {"id": "https://ror.org/01", "name": "Old Name Institute", "aliases": [], "labels": [], "acronyms": ["ONI"],
           "country": {"country_code": "CZ"}}
    new = _record("01", [{"value": "New Name Institute", "types": ["ror_display", "label"]},
                         {"value": "NNI", "types": ["acronym"]},
                         {"value": "Ústav nového jména", "types": ["label"], "lang": "cs"}])
    gone = _record("02", [{"value": "Withdrawn Institute", "types": ["ror_display"]}], status="withdrawn")
    for release, record in (("v1.9", old), ("v1.10", new), ("v1.10/v1", old), ("v2.0", gone)):
        folder = tmp_path / release
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{record['id'].rsplit('/', 1)[1]}.json").write_text(json.dumps(record), encoding="utf-8")
    rows = ror_table.rows(ror_table.read_records(tmp_path))
    assert [(r[0], r[1], r[3]) for r in rows] == [("01", "CZ", "New Name Institute"), ("01", "CZ", "Ústav nového jména")]
    out = tmp_path / "names.tsv.gz"
    ror_table.main(tmp_path, out)
    first = out.read_bytes()
    ror_table.main(tmp_path, out)
    assert out.read_bytes() == first and ror._table(out)[("CZ", "new name institute")] == {"01"}


def test_a_file_that_is_no_dump_is_named(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="dump.json.*list of records"):
        list(ror_table.read_records(path))
    path.write_text("[", encoding="utf-8")
    with pytest.raises(InputError, match="not a ROR data dump"):
        list(ror_table.read_records(path))


def test_the_accept_threshold_is_below_the_registry_score() -> None:
    from kg.resolve.thresholds import LINK_CITY_PENALTY, LINK_REGISTRY

    assert LINK_REGISTRY - LINK_CITY_PENALTY >= LINK_ACCEPT


def test_a_registry_block_of_three_names_alike_in_nothing_is_compared_whole() -> None:
    """A block of more than two records is prefiltered by how alike the names are, but not a registry body's."""
    records = [Record("Univerzita Karlova", "CZ"), Record("Karls-Universität Prag", "CZ"), Record("Charles University",
                                                                                                   "CZ")]
    assert [sorted(c) for c in link_records(records).clusters] == [[0, 1, 2]]


@pytest.mark.parametrize(("a", "b", "country"), [
    ("IT-UNIVERSITETET I KOBENHAVN", "KOBENHAVNS UNIVERSITET", "DK"),
    ("BERLINER HOCHSCHULE FUR TECHNIK", "Hochschule für Technik und Wirtschaft Berlin", "DE"),
])
def test_an_uncertain_pair_of_two_registry_bodies_is_not_sent_to_review(a: str, b: str, country: str) -> None:
    match = compare(Record(a, country), Record(b, country))
    assert not match.same and not match.review and match.method == "registry-conflict:ror"

