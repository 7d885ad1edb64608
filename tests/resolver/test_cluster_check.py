"""The cluster check (kg.resolve.split): no cluster holds two organisations that compare clearly different.

A chain of acceptable links joins two bodies: a record without a town named like the water works of two towns
links to both, which are two. The check splits such a cluster where its weakest name link is, keeps identifier
links and a person's links, and gives the same links whatever the order of its input.
"""

from __future__ import annotations

import itertools

from kg.resolve.link import Match
from kg.resolve.merges import MATCHER, REVIEWER, Link, Organisation, best_match, clusters, links
from kg.resolve.split import CLUSTER_CHECK_LIMIT, CLUSTER_CONFLICT, check_clusters, conflicts, split

NAME = "Zakład Wodociągowy"


def _name(a: str, b: str, score: float) -> Link:
    return Link(a, b, Match(score, True, False, "name"), (), MATCHER)


def _pairs(found: list[Link]) -> set[tuple[str, str]]:
    return {(link.a, link.b) for link in found}


def _chain() -> list[Organisation]:
    """The water works of Szczecin, a record of the name without a town, and the water works of Kraków."""
    return [Organisation("u:a", {NAME + " Szczecin"}, {"g:1"}, "PL", "Szczecin"), Organisation("u:b", {NAME}, {"g:2"}, "PL"),
            Organisation("u:c", {NAME + " Kraków"}, {"g:3"}, "PL", "Kraków")]


def test_a_chain_joining_two_clearly_different_bodies_is_split() -> None:
    found, uncertain = links(_chain())
    assert _pairs(found) == {("u:b", "u:c")}  # the two links score alike: the names written more alike are kept
    held = [u for u in uncertain if u.match.method == CLUSTER_CONFLICT]
    assert [(h.a, h.b, h.match.review, h.match.same) for h in held] == [("u:a", "u:b", True, False)]


def test_the_conflict_is_found_by_comparing_the_members() -> None:
    orgs = {org.iri: org for org in _chain()}
    linked = {"u:a": {"u:b"}, "u:b": {"u:a", "u:c"}, "u:c": {"u:b"}}
    assert conflicts(orgs, linked, orgs, {}, best_match) == {("u:a", "u:c")}  # a word on each side: two towns
    assert conflicts(orgs, linked, orgs, {("u:a", "u:c"): "same"}, best_match) == set()


def test_the_weakest_name_link_on_the_path_goes() -> None:
    kept, held = split([_name("u:a", "u:b", 91.0), _name("u:b", "u:c", 99.0), _name("u:c", "u:d", 95.0)],
                       {("u:a", "u:d")})
    assert _pairs(kept) == {("u:b", "u:c"), ("u:c", "u:d")}
    assert [(h.a, h.b, h.match.method, h.match.score) for h in held] == [("u:a", "u:b", CLUSTER_CONFLICT, 91.0)]


def test_every_path_joining_a_conflict_is_cut() -> None:
    # a square: two paths from a to c, each loses its weakest link
    square = [_name("u:a", "u:b", 99.0), _name("u:b", "u:c", 92.0), _name("u:a", "u:d", 93.0),
              _name("u:c", "u:d", 98.0)]
    kept, held = split(square, {("u:a", "u:c")})
    assert _pairs(held) == {("u:b", "u:c"), ("u:a", "u:d")}
    assert _pairs(kept) == {("u:a", "u:b"), ("u:c", "u:d")}


def test_an_identifier_link_is_kept() -> None:
    pic = Link("u:a", "u:b", Match(100.0, True, False, "identifier:pic"), (), MATCHER)
    kept, held = split([pic, _name("u:b", "u:c", 100.0)], {("u:a", "u:c")})
    assert _pairs(kept) == {("u:a", "u:b")} and _pairs(held) == {("u:b", "u:c")}


def test_a_persons_decision_is_kept_and_wins() -> None:
    person = Link("u:a", "u:b", Match(40.0, True, False, "review"), (), REVIEWER)
    kept, held = split([person, _name("u:b", "u:c", 100.0)], {("u:a", "u:c")})
    assert _pairs(kept) == {("u:a", "u:b")} and _pairs(held) == {("u:b", "u:c")}
    both = Link("u:b", "u:c", Match(40.0, True, False, "review"), (), REVIEWER)
    kept, held = split([person, both], {("u:a", "u:c")})  # a conflict only a person's links join stays
    assert _pairs(kept) == {("u:a", "u:b"), ("u:b", "u:c")} and held == []


def test_a_persons_different_is_a_conflict() -> None:
    orgs = {o.iri: o for o in (Organisation("u:a", {NAME}, {"g"}, "PL"), Organisation("u:b", {NAME}, {"g"}, "PL"),
                               Organisation("u:c", {NAME.upper()}, {"g"}, "PL"))}
    found = [_name("u:a", "u:b", 100.0), _name("u:b", "u:c", 100.0)]
    assert check_clusters(found, orgs, best_match)[1] == []
    kept, held = check_clusters(found, orgs, best_match, {("u:a", "u:c"): "different"})
    assert _pairs(kept) == {("u:a", "u:b")} and _pairs(held) == {("u:b", "u:c")}


def test_the_outcome_does_not_depend_on_the_order() -> None:
    orgs = _chain() + [Organisation("u:d", {NAME + " w Krakowie"}, {"g:4"}, "PL", "Kraków"),
                       Organisation("u:e", {NAME.upper()}, {"g:5"}, "PL")]
    answers = set()
    for order in itertools.permutations(orgs):
        found, uncertain = links(list(order))
        answers.add((frozenset(_pairs(found)), frozenset(_pairs(u for u in uncertain
                                                                 if u.match.method == CLUSTER_CONFLICT))))
    assert len(answers) == 1
    kept, held = next(iter(answers))
    together = clusters([_name(a, b, 100.0) for a, b in kept])
    assert held and not any({"u:a", "u:c"} <= group or {"u:a", "u:d"} <= group for group in together)
    # checking the kept links again changes nothing
    by_iri = {org.iri: org for org in orgs}
    found, _ = links(orgs)
    assert check_clusters(reversed(found), by_iri, best_match) == (found, [])



def test_a_large_cluster_is_compared_two_links_away_and_bounded() -> None:
    """A generic record linked to 100 others, all clearly different from each other (a stand-in comparison): each
    is compared with at most CLUSTER_CHECK_LIMIT others, and the cluster is split all the same."""
    spokes = [f"u:{n:03d}" for n in range(100)]
    orgs = {iri: Organisation(iri, {iri}, {"g"}, "PL") for iri in ["u:hub", *spokes]}
    compared = []

    def unlike(a: Organisation, b: Organisation) -> Match:
        compared.append((a.iri, b.iri))
        return Match(10.0, False, False, "name")

    star = [_name(spoke, "u:hub", 95.0) for spoke in spokes]
    kept, held = check_clusters(star, orgs, unlike)
    assert 0 < len(compared) <= len(spokes) * CLUSTER_CHECK_LIMIT
    assert len(kept) == 1 and len(held) == 99  # the hub keeps the first of its links (ties by IRIs)
