"""The cluster check: no cluster of the linkage holds two organisations that compare clearly different.

Links are pairwise and a cluster is their transitive closure, so a chain of links that are each acceptable can
join two bodies: a generic "PWiK sp. z o.o." without a town is like the water company of each town, and joins
them all. After the links are found (:func:`kg.resolve.merges.links`, or a write's :mod:`kg.resolve.follow`),
the members of each cluster of three or more are compared pairwise (:func:`conflicts`), and two members are a
*conflict* when they compare clearly different (:func:`kg.resolve.merges.best_match` scores them below
:data:`~kg.resolve.thresholds.LINK_REVIEW`: another country, another kind of body, two identifiers, a word on each
side …) or a person decided them ``different``. A cluster with a conflict is built again from its links
(:func:`split`), strongest first: a person's links and identifier links, which always join, then the matcher's
other links by descending score; a link that would join two parts holding a conflict is not made but held for
review (:data:`CLUSTER_CONFLICT`). For one conflict this removes the weakest link of the strongest path joining
the two members, then that of the next strongest path, until no path is left; a conflict that only a person's
or identifier links join is left as it is (they win). Ties are broken by the links' IRIs, so the outcome
depends on the links only, not on the order they are given in.

The pairwise comparison is bounded (:data:`CLUSTER_CHECK_LIMIT`): members that read alike (names, country, city,
identifiers) are compared once; in a cluster of more distinct members than the limit, each is compared with at most
that many of the members two links away from it (a chain through a generic record), not with every other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from itertools import combinations
from typing import Any, Protocol

from rapidfuzz import fuzz

from kg.resolve.link import Match
from kg.resolve.normalise import normalise
from kg.resolve.thresholds import LINK_REVIEW

__all__ = ["CLUSTER_CHECK_LIMIT", "CLUSTER_CONFLICT", "check_clusters", "conflicts", "fixed", "split"]

#: The method of a link held for review because it would join two organisations that compare clearly different.
CLUSTER_CONFLICT = "cluster-conflict"
#: A cluster of at most this many distinct members has every pair compared; in a larger one each member is compared
#: with this many of the members two links away at most.
CLUSTER_CHECK_LIMIT = 60

_Key = tuple[frozenset[str], str | None, str | None, frozenset[tuple[str, str]]]
#: The best match of two organisations (:func:`kg.resolve.merges.best_match`).
Compare = Callable[[Any, Any], Match]


class Link(Protocol):
    """A link as :class:`kg.resolve.merges.Link` holds it (a dataclass): its two IRIs, in order, and its match."""

    a: str
    b: str
    match: Match


def fixed(link: Link) -> bool:
    """Whether ``link`` is never removed by the check: a person's link (method ``review``) or one an identifier
    makes (``identifier:pic`` …)."""
    return link.match.method == "review" or link.match.method.startswith("identifier:")


def _key(org: Any) -> _Key:
    return frozenset(org.names), org.country, org.city, frozenset(org.identifiers)


def _pairs(members: list[str], linked: Mapping[str, set[str]], keys: Mapping[str, _Key]) -> Iterable[tuple[str, str]]:
    """The pairs of ``members`` (sorted) to compare: every pair in a cluster of at most :data:`CLUSTER_CHECK_LIMIT`
    distinct members; in a larger one, each member with the first :data:`CLUSTER_CHECK_LIMIT` (by IRI) of the
    members two links away from it (through a shared partner), so that a member is compared with at most that
    many others."""
    if len({keys[m] for m in members}) <= CLUSTER_CHECK_LIMIT:
        return combinations(members, 2)
    pairs = set()
    for member in members:
        away = sorted({far for near in linked[member] for far in linked[near]} - linked[member] - {member})
        pairs |= {(min(member, far), max(member, far)) for far in away[:CLUSTER_CHECK_LIMIT]}
    return sorted(pairs)


def conflicts(members: Iterable[str], linked: Mapping[str, set[str]], orgs: Mapping[str, Any],
              decisions: Mapping[tuple[str, str], str], best_match: Compare) -> set[tuple[str, str]]:
    """Return the pairs of ``members`` (of one cluster, sorted; ``linked``: each member's partners) that are clearly
    different: a person decided them ``different``, or they are not linked, nor decided ``same``, and their best
    match (``best_match`` of the organisations ``orgs`` names: :func:`kg.resolve.merges.best_match`) is below
    :data:`~kg.resolve.thresholds.LINK_REVIEW` (another country or kind of body, two identifiers, a word on each
    side …). Only the pairs of :func:`_pairs` are compared; members that read alike are compared once.
    """
    members = sorted(m for m in members if orgs.get(m) is not None)
    keys = {m: _key(orgs[m]) for m in members}
    scores: dict[tuple[_Key, _Key], float] = {}
    found = {(a, b) for (a, b), decided in decisions.items() if decided == "different" and a in keys and b in keys}
    for a, b in _pairs(members, linked, keys):
        if (a, b) in decisions or b in linked[a] or keys[a] == keys[b]:
            continue
        compared = (keys[a], keys[b])
        if compared not in scores:
            scores[compared] = scores[compared[::-1]] = best_match(orgs[a], orgs[b]).score
        if scores[compared] < LINK_REVIEW:
            found.add((a, b))
    return found


def _find(parent: dict[str, str], node: str) -> str:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def split(found: Iterable[Link], conflicting: set[tuple[str, str]],
          alike: Mapping[tuple[str, str], float] | None = None) -> tuple[list[Link], list[Link]]:
    """Return the links of one cluster that are kept and those held for review, so that no pair of
    ``conflicting`` is joined by the kept ones unless only fixed links (:func:`fixed`) join it.

    Links are taken strongest first: fixed links, then by score, then, of links that score alike, by how alike
    their names are as written (``alike``: (IRI, IRI) → 0–100, :func:`_alike`), then by IRIs.

    Examples
    --------
    >>> from kg.resolve.merges import MATCHER, Link
    >>> name = lambda a, b, score: Link(a, b, Match(score, True, False, "name"), (), MATCHER)
    >>> kept, held = split([name("u:a", "u:b", 95.0), name("u:b", "u:c", 91.0)], {("u:a", "u:c")})
    >>> [(k.a, k.b) for k in kept], [(h.a, h.b, h.match.method) for h in held]
    ([('u:a', 'u:b')], [('u:b', 'u:c', 'cluster-conflict')])
    """
    alike = alike or {}
    ordered = sorted(found, key=lambda link: (not fixed(link), -link.match.score, -alike.get((link.a, link.b), 0.0),
                                              link.a, link.b))
    parent: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    against: dict[str, set[str]] = defaultdict(set)
    for a, b in conflicting:
        against[a].add(b)
        against[b].add(a)
    kept, held = [], []
    for link in ordered:
        roots = []
        for end in (link.a, link.b):
            if end not in parent:
                parent[end], members[end] = end, {end}
            roots.append(_find(parent, end))
        one, two = roots
        if one != two and not fixed(link) and any(against[m] & members[two] for m in members[one]):
            held.append(replace(link, match=Match(link.match.score, False, True, CLUSTER_CONFLICT)))
            continue
        kept.append(link)
        if one != two:
            small, large = sorted((one, two), key=lambda root: (len(members[root]), root))
            parent[small] = large
            members[large] |= members.pop(small)
    return kept, held


def _alike(a: Any, b: Any) -> float:
    """How alike the names of two organisations are as written (the best of :func:`rapidfuzz.fuzz.ratio` of their
    normalised names): of two links that score alike, the one of names written alike is kept ("Ova Gradiška", a
    slip, is Nova Gradiška's Red Cross rather than Ivanić Grad's, 92.5 each)."""
    return max((fuzz.ratio(normalise(x), normalise(y)) for x in a.names for y in b.names), default=0.0)


def check_clusters(found: Iterable[Link], orgs: Mapping[str, Any], best_match: Compare,
                   decisions: Mapping[tuple[str, str], str] | None = None) -> tuple[list[Link], list[Link]]:
    """Return the links of ``found`` that are kept and those held for review (:data:`CLUSTER_CONFLICT`): each
    cluster of three or more organisations is checked for conflicts (:func:`conflicts`) and split (:func:`split`).

    Parameters
    ----------
    found : iterable of Link
        The links, a person's decisions applied.
    orgs : mapping
        IRI → the organisation (:class:`~kg.resolve.merges.Organisation`), for every end of ``found``.
    best_match : callable
        The best match of two organisations (:func:`kg.resolve.merges.best_match`).
    decisions : mapping, optional
        (IRI, IRI) in sorted order → ``same`` or ``different``: ``different`` is a conflict.
    """
    found = sorted(found, key=lambda link: (link.a, link.b))
    linked: dict[str, set[str]] = defaultdict(set)
    for link in found:
        linked[link.a].add(link.b)
        linked[link.b].add(link.a)
    parent = {end: end for end in linked}
    for link in found:
        one, two = _find(parent, link.a), _find(parent, link.b)
        parent[max(one, two)] = min(one, two)
    by_cluster: dict[str, list[Link]] = defaultdict(list)
    for link in found:
        by_cluster[_find(parent, link.a)].append(link)
    kept, held = [], []
    for root in sorted(by_cluster):
        cluster = by_cluster[root]
        members = {end for link in cluster for end in (link.a, link.b)}
        conflicting = conflicts(members, linked, orgs, decisions or {}, best_match) if len(members) > 2 else set()
        if not conflicting:
            kept += cluster
            continue
        ok, no = split(cluster, conflicting, {(link.a, link.b): _alike(orgs[link.a], orgs[link.b]) for link in cluster})
        kept += ok
        held += no
    return sorted(kept, key=lambda link: (link.a, link.b)), sorted(held, key=lambda link: (link.a, link.b))
