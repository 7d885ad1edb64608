"""A short form (a name of one word) meets the longer names of its city in blocking, and is linked to its full name."""

from __future__ import annotations

from kg.resolve.blocking import SHORT_FORM_AMBIGUOUS, _candidate_pairs, link_records, short_form_keys
from kg.resolve.link import Record
from kg.resolve.merges import Organisation, links
from kg.resolve.thresholds import LINK_BLOCK_LIMIT

RECORDS = [
    Record("DWD", "DE", "Offenbach am Main"),
    Record("Deutscher Wetterdienst", "DE", "Offenbach am Main"),
    Record("Deutscher Werkbund Hessen", "DE", "Offenbach am Main"),  # its letters in order, another body
    Record("Deutsche Bahn AG", "DE", "Offenbach am Main"),  # the same first letter, not the letters
    Record("LNE", "FR", "Paris"),
    Record("Laboratoire national de métrologie et d'essais", "FR", "Trappes"),  # another city
    Record("Stichting Platform31", "NL", "Den Haag"),
    Record("PLATFORM31", "NL", "Den Haag"),
]


def test_a_short_form_and_its_full_name_in_one_city_are_linked() -> None:
    clusters = link_records(RECORDS).clusters
    assert [0, 1] in clusters
    assert [6, 7] in clusters


def test_a_short_form_is_not_one_body_with_another_name_of_its_letter() -> None:
    pairs = set().union(*_candidate_pairs(RECORDS, LINK_BLOCK_LIMIT))
    assert (0, 2) in pairs and (0, 3) not in pairs  # compared when the other name has the letters in order ...
    assert not any({0, 2} <= set(c) for c in link_records(RECORDS).clusters)  # ... and not linked


def test_only_short_against_long_is_compared() -> None:
    pairs = set().union(*_candidate_pairs(RECORDS, LINK_BLOCK_LIMIT))
    assert (1, 3) not in pairs and (2, 3) not in pairs  # the longer names of the block: not with each other


def test_a_short_form_of_another_city_is_not_compared() -> None:
    assert (4, 5) not in set().union(*_candidate_pairs(RECORDS, LINK_BLOCK_LIMIT))


def test_a_short_form_without_a_city_gets_no_short_form_key() -> None:
    assert short_form_keys(Record("DWD", "DE")) == set()
    assert short_form_keys(Record("Deutscher Wetterdienst", "DE")) == set()


def test_a_block_of_too_many_longer_names_is_left_out() -> None:
    records = [Record("DWD", "DE", "Offenbach"), Record("Deutscher Wetterdienst", "DE", "Offenbach"),
               *(Record(f"Dienst Nummer {n}", "DE", "Offenbach") for n in range(3))]
    assert (0, 1) in set().union(*_candidate_pairs(records, 100, 4))
    assert (0, 1) not in set().union(*_candidate_pairs(records, 100, 3))


AMBIGUOUS = [
    Record("EPC", "BE", "Brussels"),
    Record("EUROPEAN POLICY CENTRE", "BE", "Brussels"),
    Record("EUROPEAN PUBLISHERS COUNCIL", "BE", "Brussels"),
]


def test_a_short_form_the_same_as_two_bodies_goes_to_review() -> None:
    linkage = link_records(AMBIGUOUS)
    assert linkage.clusters == []
    assert [(i, j, m.method) for i, j, m in linkage.review] == [(0, 1, SHORT_FORM_AMBIGUOUS), (0, 2, SHORT_FORM_AMBIGUOUS)]


def test_a_short_form_the_same_as_two_bodies_is_not_linked_in_a_store() -> None:
    orgs = [Organisation(f"u:{n}", {r.name}, country=r.country, city=r.city) for n, r in enumerate(AMBIGUOUS)]
    found, uncertain = links(orgs)
    assert found == []
    assert {(u.a, u.b, u.match.method) for u in uncertain} == {("u:0", "u:1", SHORT_FORM_AMBIGUOUS),
                                                                ("u:0", "u:2", SHORT_FORM_AMBIGUOUS)}


def test_a_short_form_linked_in_a_store() -> None:
    orgs = [Organisation("u:dwd", {"DWD"}, country="DE", city="Offenbach"),
            Organisation("u:wetter", {"Deutscher Wetterdienst"}, country="DE", city="Offenbach")]
    assert [(link.a, link.b) for link in links(orgs)[0]] == [("u:dwd", "u:wetter")]


def test_a_town_name_gets_no_short_form_key() -> None:
    assert short_form_keys(Record("Torino", "IT", "Torino")) == set()
    assert short_form_keys(Record("Leoben", "AT", "Leoben")) == set()
