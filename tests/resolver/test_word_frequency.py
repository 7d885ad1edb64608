"""Word weights by rarity: the shipped table of common core words, its generator, and what it does to scores."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.resolve.link import Record, compare, core_score
from kg.resolve.thresholds import LINK_ACCEPT
from kg.resolve.word_frequency import ALL, FLOOR, MIN_NAMES, WORD_FREQUENCY, count, rarity, shares, write


def _common(country: str, letters: int = 7, how_many: int = 2) -> list[str]:
    """The most common words of ``country`` in the shipped table, of ``letters`` letters or more."""
    table = shares()[country]
    return sorted((w for w in table if len(w) >= letters and w.isalpha()), key=lambda w: -table[w])[:how_many]


def _rare(length: int, seed: str) -> str:
    """A word of ``length`` letters that the table does not hold (a rare word)."""
    word = (seed * length)[:length]
    assert all(word not in words for words in shares().values())
    return word


def test_the_shipped_table_says_where_it_came_from_and_is_small():
    text = WORD_FREQUENCY.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("python -m kg.ingest.name_words" in line for line in header)
    assert any("kohesio-beneficiaries-cee" in line and "horizon-europe-participations" in line for line in header)
    assert WORD_FREQUENCY.stat().st_size < 300_000
    table = shares()
    assert ALL in table and "HU" in table and "HR" in table
    assert all(0 < share <= 1 for words in table.values() for share in words.values())


def test_common_words_weigh_less_and_never_nothing():
    common = _common("HU")
    assert all(FLOOR <= rarity(w, "HU") < 0.7 for w in common)
    assert rarity(_rare(9, "qzx"), "HU") == 1.0
    # a country the table has no shares of uses those of all names
    assert rarity(common[0], "MT") == rarity(common[0], None)


def test_names_sharing_only_common_words_score_lower_than_names_sharing_rare_words():
    c1, c2 = _common("HU", letters=10)  # words as long as most of a name: a short word more weighs little beside them
    r1, r2 = _rare(len(c1), "qzx"), _rare(len(c2), "wvk")
    # a short word on one side only (on both, two companies' initials keep them apart whatever they share)
    on_common = core_score(("ab", c1, c2), (c1, c2), "HU")
    on_rare = core_score(("ab", r1, r2), (r1, r2), "HU")
    assert on_common < LINK_ACCEPT <= on_rare


def test_an_extra_common_word_costs_less_than_an_extra_rare_word_beside_common_words():
    c1, c2, common = _common("HU", how_many=3)
    extra = _rare(len(common), "jyf")
    assert core_score((c1, c2), (c1, c2, common), "HU") > core_score((c1, c2), (c1, c2, extra), "HU")


def test_beside_a_shared_rare_word_every_word_weighs_its_length():
    """Two names that share a rare word say which body they are: a word written beside it (the body's acronym,
    a misspelling) costs by its length, however rare, as it did before the weights."""
    (common,) = _common("HU", how_many=1)
    r1, extra = _rare(8, "qzx"), _rare(len(common), "jyf")
    assert core_score((r1,), (r1, common), "HU") == core_score((r1,), (r1, extra), "HU")


def test_two_companies_sharing_their_activity_words_are_not_one():
    c1, c2 = _common("HU")
    a = Record(f"AB {c1.title()} és {c2.title()} Kft.", "HU")
    b = Record(f"CD {c1.title()} és {c2.title()} Kft.", "HU")
    assert not compare(a, b).same
    assert compare(a, Record(f"AB {c1.upper()} ÉS {c2.upper()} KFT.", "HU")).same


def test_the_generator_counts_distinct_names_and_keeps_common_words(tmp_path):
    names = [(f"Alpha{i} Energy Agency", "XX") for i in range(MIN_NAMES)]
    names += [("Alpha0 Energy Agency", "XX"), ("Solo Trading", "YY"), ("Solo  Trading", "YY")]
    counts = count(names)
    assert counts.names[ALL] == MIN_NAMES + 1 and counts.names["XX"] == MIN_NAMES  # duplicates counted once
    path = tmp_path / "words.tsv"
    rows = write(counts, "a test", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and any("a test" in line for line in lines if line.startswith("#"))
    body = [line.split("\t") for line in lines if not line.startswith("#")]
    assert body[0] == ["country", "word", "names"] and len(body) == rows + 1
    assert ["XX", "*", str(MIN_NAMES)] in body and ["XX", "energy", str(MIN_NAMES)] in body
    assert not any(row[0] == "YY" for row in body)  # a country of too few names has no shares of its own
    assert not any(row[1] == "alpha7" for row in body)  # a word of one name is rare: not written
    assert shares(path)["XX"]["energy"] == 1.0


def test_a_broken_table_is_one_clear_error(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("country\tword\tnames\nHU\tkft\t12\n", encoding="utf-8")
    with pytest.raises(InputError, match="word \\*"):
        shares(path)


@pytest.mark.slow
def test_the_generator_reads_every_dataset():
    from kg.ingest.datasets import registry
    from kg.ingest.name_words import dataset_names

    names = list(dataset_names(registry()["h2020-norway"]))
    assert len({n for n, _ in names}) > 500 and {c for _, c in names} == {"NO"}


def test_a_town_keeps_its_whole_weight_however_common():
    # Zagreb is in one Croatian organisation name of thirty, but it tells two branches of a network apart
    assert rarity("zagreb", "HR") == 1.0 and all("zagreb" not in words for words in shares().values())
    a = Record("Krajské ředitelství policie Olomouckého kraje", "CZ", "Olomouc")
    b = Record("Krajské ředitelství policie Plzeňského kraje", "CZ")
    assert not compare(a, b).same
