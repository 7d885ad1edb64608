"""Merges as data: which organisation resources are one body, with the evidence, as a derived graph.

Each source keeps its statements in its own graph, under its own organisation IRIs. Record linkage
(:mod:`kg.resolve.blocking`) does not rewrite them: it states ``owl:sameAs`` between two organisation
IRIs in the derived graph :data:`LINKAGE_GRAPH`, and beside each link a reified link node
(``rdf:Statement`` and ``prov:Entity``) with its evidence: the score (``prov:value``), how it was decided
(``dcterms:description``: ``identifier:pic``, ``name``, ``review``), the source graphs it joins
(``prov:wasDerivedFrom``), and who decided (``prov:wasAttributedTo``: the matcher, or a person's review).

Why this shape:

* the sources' graphs are never edited, so removing a source removes its statements and nothing
  else; the derived graph is computed again from what is left (its recipe, :func:`recipe`), so no
  link outlives a source it joined;
* two sources that give different values of a one-valued property (a CORDIS NUTS 2016 region and a
  Kohesio NUTS 2021 region for one body) give them to two resources, so the SHACL ``sh:maxCount 1``
  of ``shapes/agents.ttl`` still holds for each; a query that wants the body follows ``owl:sameAs``
  (the store does no OWL reasoning, so nothing is merged behind the shapes' back);
* a person's decision is data: ``data/linkage/decisions.tsv`` (:mod:`kg.resolve.review`), read
  each time the graph is computed, overrides the matcher for that pair.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, XSD

from kg.internal_queries import internal_query
from kg.namespaces import EKG, GRAPH, ID
from kg.resolve.blocking import SHORT_FORM_AMBIGUOUS, link_records
from kg.resolve.link import SCHEME_PROPERTIES, Match, Record, compare, identifier_scheme, identifiers_conflict
from kg.resolve.split import CLUSTER_CONFLICT, check_clusters

__all__ = ["AMBIGUOUS", "KEY_SEPARATOR", "LINKAGE_GRAPH", "MATCHER", "REVIEWER", "Link", "Organisation", "best_match",
           "block_rows", "clusters", "compute_derived", "decide", "decisions_of", "hold_ambiguous", "linkage_graph",
           "links", "link_node", "link_triples", "organisations", "recipe", "recompute"]

#: The derived graph of the links.
LINKAGE_GRAPH = GRAPH["linkage"]
#: The agents a link is attributed to.
MATCHER = ID["agent/record-linkage"]
REVIEWER = ID["agent/review"]
#: How a pair held for review by :func:`hold_ambiguous` was decided (the review file's ``method``).
AMBIGUOUS = "identifier-ambiguous"
# The kind of identifier each sub-property of ekg:organisationId states, by the property's IRI.
_SCHEMES = {str(prop): scheme for scheme, prop in SCHEME_PROPERTIES.items()}


@dataclass
class Organisation:
    """An organisation resource as the sources describe it: names, graphs, country, city, identifiers."""

    iri: str
    names: set[str] = field(default_factory=set)
    graphs: set[str] = field(default_factory=set)
    country: str | None = None
    city: str | None = None
    identifiers: set[tuple[str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class Link:
    """Two organisation IRIs that are one body, the match that says so, and the graphs it joins."""

    a: str
    b: str
    match: Match
    graphs: tuple[str, ...]
    by: URIRef


def organisations(store: object) -> list[Organisation]:
    """Return the organisations of the source graphs of a pyoxigraph ``store``."""
    from kg.store.terms import select

    found: dict[str, Organisation] = {}
    for row in select(store, internal_query("linkage_organisations")):
        org = found.setdefault(row["org"].value, Organisation(row["org"].value))
        org.names.add(row["name"].value)
        org.graphs.add(row["graph"].value)
        org.country = _least(org.country, row["country"].value if row["country"] else None)
        org.city = _least(org.city, row["city"].value if row["city"] else None)
        if row["identifier"]:
            scheme = _SCHEMES[row["scheme"].value] if row["scheme"] else identifier_scheme(row["identifier"].value)
            org.identifiers.add((scheme, row["identifier"].value))
        if row["match"]:
            org.identifiers.add(("wikidata", row["match"].value))
    return sorted(found.values(), key=lambda o: o.iri)


def _least(a: str | None, b: str | None) -> str | None:
    """The smaller of two optional values: an organisation with two countries or cities gets one, always the same."""
    return b if a is None else a if b is None else min(a, b)


def _records(orgs: list[Organisation]) -> tuple[list[Record], list[int]]:
    records, owner = [], []
    for index, org in enumerate(orgs):
        for name in sorted(org.names):
            records.append(Record(name, org.country, org.city, tuple(sorted(org.identifiers))))
            owner.append(index)
    return records, owner


def _best_matches(orgs: list[Organisation]) -> dict[tuple[int, int], Match]:
    """The best match of every pair of organisations that share a block, by any of their names."""
    records, owner = _records(orgs)
    linkage = link_records(records)
    best: dict[tuple[int, int], Match] = {}
    joined = {(owner[i], owner[j]) for cluster in linkage.clusters for i in cluster for j in cluster}
    pairs = joined | {(owner[i], owner[j]) for i, j, _ in linkage.review}
    held = {tuple(sorted((owner[i], owner[j]))) for i, j, match in linkage.review
            if match.method == SHORT_FORM_AMBIGUOUS} - joined
    for a, b in pairs:
        if a < b:
            best[(a, b)] = best_match(orgs[a], orgs[b])
            if (a, b) in held and best[(a, b)].same:  # a short form the same as two bodies: either (blocking)
                best[(a, b)] = Match(best[(a, b)].score, False, True, SHORT_FORM_AMBIGUOUS)
    return best


def best_match(a: Organisation, b: Organisation) -> Match:
    """The best match of two organisations by any of their names (:func:`kg.resolve.link.compare`)."""
    best = None
    for name_a in sorted(a.names):
        for name_b in sorted(b.names):
            match = compare(Record(name_a, a.country, a.city, tuple(sorted(a.identifiers))),
                            Record(name_b, b.country, b.city, tuple(sorted(b.identifiers))))
            if best is None or match.score > best.score:
                best = match
    return best


def links(orgs: list[Organisation], decisions: dict[tuple[str, str], str] | None = None
          ) -> tuple[list[Link], list[Link]]:
    """Return the links (pairs that are one body) and the uncertain pairs, a person's decisions applied; links that
    would join two organisations that compare clearly different into one cluster are among the uncertain pairs
    (:mod:`kg.resolve.split`, method ``cluster-conflict``).

    Parameters
    ----------
    orgs : list of Organisation
        The organisations (:func:`organisations`).
    decisions : dict, optional
        (IRI, IRI) in sorted order → ``same`` or ``different`` (:func:`kg.resolve.review.read_decisions`).
    """
    decisions = decisions or {}
    index = {org.iri: i for i, org in enumerate(orgs)}
    found, uncertain = [], []
    matches = _best_matches(orgs)
    for i, j in decisions:
        if i in index and j in index:
            a, b = sorted((index[i], index[j]))
            matches.setdefault((a, b), compare(Record(min(orgs[a].names)), Record(min(orgs[b].names))))
    for (a, b), match in sorted(matches.items()):
        link, review = decide(orgs[a], orgs[b], match, decisions)
        found += [link] if link is not None else []
        uncertain += [review] if review is not None else []
    by_iri = {org.iri: org for org in orgs}
    found, held = hold_ambiguous(found, by_iri)
    found, conflicting = check_clusters(found, by_iri, best_match, decisions)
    return found, uncertain + held + conflicting


def decide(a: Organisation, b: Organisation, match: Match, decisions: dict[tuple[str, str], str]
           ) -> tuple[Link | None, Link | None]:
    """Return the link of two organisations (or None) and, when the pair is uncertain, it for review.

    A person's decision (``decisions``, keyed by the IRIs in sorted order) overrides the matcher.
    """
    key = tuple(sorted((a.iri, b.iri)))
    graphs = tuple(sorted(a.graphs | b.graphs))
    decided = decisions.get(key)
    if decided == "same":
        return Link(key[0], key[1], Match(match.score, True, False, "review"), graphs, REVIEWER), None
    if decided is None and match.same:
        return Link(key[0], key[1], match, graphs, MATCHER), None
    if decided is None and match.review:
        return None, Link(key[0], key[1], match, graphs, MATCHER)
    return None, None


def _record(org: Organisation) -> Record:
    return Record(min(org.names, default=""), org.country, org.city, tuple(sorted(org.identifiers)))


def hold_ambiguous(found: Iterable[Link], orgs: Mapping[str, Organisation | None]) -> tuple[list[Link], list[Link]]:
    """Split ``found`` into the links kept and those held for review: an organisation without identifiers
    that is linked to two organisations whose identifiers conflict (two PICs) could be either of them, so
    the matcher's links of it to each of those go to review instead of joining the two (chains of such
    records are not followed). A person's links (``REVIEWER``) are kept, and count as partners.

    Examples
    --------
    >>> one = Organisation("u:1", {"Ruse University"}, identifiers={("pic", "911111111")})
    >>> two = Organisation("u:2", {"Ruse University"}, identifiers={("pic", "922222222")})
    >>> plain = Organisation("u:3", {"Ruse University"})
    >>> same = Match(100.0, True, False, "name")
    >>> kept, held = hold_ambiguous([Link("u:1", "u:3", same, (), MATCHER), Link("u:2", "u:3", same, (), MATCHER)],
    ...                             {o.iri: o for o in (one, two, plain)})
    >>> kept, [(h.a, h.b, h.match.review, h.match.method) for h in held]
    ([], [('u:1', 'u:3', True, 'identifier-ambiguous'), ('u:2', 'u:3', True, 'identifier-ambiguous')])
    """
    found = list(found)
    partners: dict[str, list[tuple[Link, str]]] = defaultdict(list)
    for link in found:
        for end, other in ((link.a, link.b), (link.b, link.a)):
            mine, theirs = orgs.get(end), orgs.get(other)
            if mine is not None and theirs is not None and not mine.identifiers and theirs.identifiers:
                partners[end].append((link, other))
    held: dict[Link, None] = {}
    for pairs in partners.values():
        records = {other: _record(orgs[other]) for _, other in pairs}
        for link, other in pairs:
            if link.by == MATCHER and any(identifiers_conflict(records[other], records[them])
                                          for _, them in pairs if them != other):
                held[link] = None
    kept = [link for link in found if link not in held]
    return kept, [replace(link, match=Match(link.match.score, False, True, AMBIGUOUS)) for link in held]


def linkage_graph(found: list[Link], held: Iterable[Link] = ()) -> Graph:
    """Return the derived graph of ``found``: ``owl:sameAs`` and a link node with the evidence of each; and the
    link node of each of ``held``, the links the cluster check holds for review (:mod:`kg.resolve.split`), without
    ``owl:sameAs``: what a later write needs to make them again when the conflict is gone.

    Examples
    --------
    >>> g = linkage_graph([Link("https://w3id.org/eu-regional-kg/id/organisation/a",
    ...                         "https://w3id.org/eu-regional-kg/id/organisation/b",
    ...                         Match(100.0, True, False, "name"),
    ...                         ("https://w3id.org/eu-regional-kg/source/x",), MATCHER)])
    >>> len(list(g.subject_objects(OWL.sameAs)))
    1
    """
    graph = Graph()
    for cluster in clusters(found):
        canonical = URIRef(min(cluster))
        for member in sorted(cluster):
            graph.add((URIRef(member), EKG.canonical, canonical))
    for link in [*found, *held]:
        for triple in link_triples(link):
            graph.add(triple)
    return graph


def link_node(a: str, b: str) -> URIRef:
    """Return the IRI of the node that holds the evidence of the link of ``a`` and ``b`` (in any order)."""
    first, second = sorted((a, b))
    digest = hashlib.sha256(f"{first}\n{second}".encode()).hexdigest()[:20]
    return ID[f"link/{digest}"]


def link_triples(link: Link) -> list[tuple]:
    """Return the statements of one link: ``owl:sameAs``, and its node with the evidence; a link held for review
    (``link.match.same`` false: the cluster check's) has its node only, which states no ``owl:sameAs``."""
    a, b, node = URIRef(link.a), URIRef(link.b), link_node(link.a, link.b)
    triples = [(link.by, RDF.type, PROV.SoftwareAgent if link.by == MATCHER else PROV.Agent)]
    triples += [(a, OWL.sameAs, b)] if link.match.same else []
    triples += [(node, RDF.type, RDF.Statement), (node, RDF.type, PROV.Entity),
                (node, RDF.subject, a), (node, RDF.predicate, OWL.sameAs), (node, RDF.object, b),
                (node, PROV.value, Literal(f"{link.match.score:.1f}", datatype=XSD.decimal)),
                (node, DCTERMS.description, Literal(link.match.method)), (node, PROV.wasAttributedTo, link.by)]
    triples += [(node, PROV.wasDerivedFrom, URIRef(source)) for source in link.graphs]
    return triples


def recipe(decisions: Path | None = None) -> dict[str, object]:
    """Return the recipe of the linkage graph, which a full build computes again (:func:`recompute`)."""
    return {"kind": "linkage", "decisions": str(decisions) if decisions else None}


def decisions_of(spec: dict[str, object]) -> dict[tuple[str, str], str]:
    """Return the decisions of the file that the recipe ``spec`` names (none when it names none or it is absent)."""
    from kg.resolve.review import read_decisions

    path = spec.get("decisions")
    return read_decisions(Path(str(path))) if path and Path(str(path)).exists() else {}


def recompute(store: object, spec: dict[str, object]) -> Graph:
    """Compute the linkage graph of ``store`` again from ``spec`` (:func:`recipe`)."""
    found, uncertain = links(organisations(store), decisions_of(spec))
    return linkage_graph(found, _conflicting(uncertain))


def compute_derived(store: object, spec: dict[str, object], snapshot: Path | None = None) -> Graph:
    """:func:`recompute`, as :mod:`kg.store.derived` calls it; also writes the blocking keys of every
    organisation into the name index of ``snapshot``, which later writes look candidates up in
    (:func:`kg.resolve.follow.follow`)."""
    orgs = organisations(store)
    found, uncertain = links(orgs, decisions_of(spec))
    if snapshot is not None:
        from kg.store import names

        names.put_blocks(snapshot, [row for org in orgs for row in block_rows(org)], full=True)
    return linkage_graph(found, _conflicting(uncertain))


def _conflicting(uncertain: Iterable[Link]) -> list[Link]:
    """The links of ``uncertain`` that the cluster check held (:data:`kg.resolve.split.CLUSTER_CONFLICT`)."""
    return [link for link in uncertain if link.match.method == CLUSTER_CONFLICT]


def block_rows(org: Organisation) -> set[tuple[str, str]]:
    """Return the (blocking key, IRI) rows of an organisation for the name index: the keys of each of its names, and
    of its identifiers."""
    from kg.resolve.blocking import block_keys

    identifiers = tuple(sorted(org.identifiers))
    return {(KEY_SEPARATOR.join(key), org.iri) for name in org.names
            for key in block_keys(Record(name, org.country, org.city, identifiers))}


#: Joins the parts of a blocking key into the text the name index keeps.
KEY_SEPARATOR = "\x1f"


def clusters(found: list[Link]) -> list[set[str]]:
    """Return the sets of IRIs that ``found`` joins (each link joins two; chains join more)."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for link in found:
        neighbours[link.a].add(link.b)
        neighbours[link.b].add(link.a)
    seen: set[str] = set()
    groups = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        group, queue = set(), [start]
        while queue:
            node = queue.pop()
            if node not in group:
                group.add(node)
                queue.extend(neighbours[node] - group)
        seen |= group
        groups.append(group)
    return groups
