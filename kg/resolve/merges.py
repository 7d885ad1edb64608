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
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, XSD

from kg.namespaces import GRAPH, ID
from kg.resolve.blocking import link_records
from kg.resolve.link import Match, Record, compare

__all__ = ["LINKAGE_GRAPH", "MATCHER", "REVIEWER", "Link", "Organisation", "links", "linkage_graph",
           "organisations", "recipe"]

#: The derived graph of the links.
LINKAGE_GRAPH = GRAPH["linkage"]
#: The agents a link is attributed to.
MATCHER = ID["agent/record-linkage"]
REVIEWER = ID["agent/review"]
_QUERY = Path(__file__).with_name("data") / "organisations.rq"
_PIC = re.compile(r"^[0-9]{9}$")
_VAT = re.compile(r"^[A-Z]{2}[0-9A-Z]{8,12}$")


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


def _scheme(value: str) -> str:
    compact = re.sub(r"[\s.-]", "", value).upper()
    return "pic" if _PIC.match(compact) else "vat" if _VAT.match(compact) else "national"


def organisations(store: object) -> list[Organisation]:
    """Return the organisations of the source graphs of a pyoxigraph ``store``."""
    from kg.store.terms import select

    found: dict[str, Organisation] = {}
    for row in select(store, _QUERY.read_text(encoding="utf-8")):
        org = found.setdefault(row["org"].value, Organisation(row["org"].value))
        org.names.add(row["name"].value)
        org.graphs.add(row["graph"].value)
        org.country = org.country or (row["country"].value if row["country"] else None)
        org.city = org.city or (row["city"].value if row["city"] else None)
        if row["identifier"]:
            org.identifiers.add((_scheme(row["identifier"].value), row["identifier"].value))
        if row["match"]:
            org.identifiers.add(("wikidata", row["match"].value))
    return sorted(found.values(), key=lambda o: o.iri)


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
    pairs = {(owner[i], owner[j]) for cluster in linkage.clusters for i in cluster for j in cluster}
    pairs |= {(owner[i], owner[j]) for i, j, _ in linkage.review}
    for a, b in pairs:
        if a >= b:
            continue
        for name_a in orgs[a].names:
            for name_b in orgs[b].names:
                ra = Record(name_a, orgs[a].country, orgs[a].city, tuple(sorted(orgs[a].identifiers)))
                rb = Record(name_b, orgs[b].country, orgs[b].city, tuple(sorted(orgs[b].identifiers)))
                match = compare(ra, rb)
                if (a, b) not in best or match.score > best[(a, b)].score:
                    best[(a, b)] = match
    return best


def links(orgs: list[Organisation], decisions: dict[tuple[str, str], str] | None = None
          ) -> tuple[list[Link], list[Link]]:
    """Return the links (pairs that are one body) and the uncertain pairs, a person's decisions applied.

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
        key = tuple(sorted((orgs[a].iri, orgs[b].iri)))
        graphs = tuple(sorted(orgs[a].graphs | orgs[b].graphs))
        decided = decisions.get(key)
        if decided == "same":
            found.append(Link(key[0], key[1], Match(match.score, True, False, "review"), graphs, REVIEWER))
        elif decided is None and match.same:
            found.append(Link(key[0], key[1], match, graphs, MATCHER))
        elif decided is None and match.review:
            uncertain.append(Link(key[0], key[1], match, graphs, MATCHER))
    return found, uncertain


def _link_node(link: Link) -> URIRef:
    digest = hashlib.sha256(f"{link.a}\n{link.b}".encode()).hexdigest()[:20]
    return ID[f"link/{digest}"]


def linkage_graph(found: list[Link]) -> Graph:
    """Return the derived graph of ``found``: ``owl:sameAs`` and a link node with the evidence of each.

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
    for agent in {link.by for link in found}:
        graph.add((agent, RDF.type, PROV.SoftwareAgent if agent == MATCHER else PROV.Agent))
    for link in found:
        a, b, node = URIRef(link.a), URIRef(link.b), _link_node(link)
        graph.add((a, OWL.sameAs, b))
        graph.add((node, RDF.type, RDF.Statement))
        graph.add((node, RDF.type, PROV.Entity))
        graph.add((node, RDF.subject, a))
        graph.add((node, RDF.predicate, OWL.sameAs))
        graph.add((node, RDF.object, b))
        graph.add((node, PROV.value, Literal(f"{link.match.score:.1f}", datatype=XSD.decimal)))
        graph.add((node, DCTERMS.description, Literal(link.match.method)))
        graph.add((node, PROV.wasAttributedTo, link.by))
        for source in link.graphs:
            graph.add((node, PROV.wasDerivedFrom, URIRef(source)))
    return graph


def recipe(decisions: Path | None = None) -> dict[str, object]:
    """Return the recipe of the linkage graph, which a full build computes again (:func:`recompute`)."""
    return {"kind": "linkage", "decisions": str(decisions) if decisions else None}


def recompute(store: object, spec: dict[str, object]) -> Graph:
    """Compute the linkage graph of ``store`` again from ``spec`` (:func:`recipe`)."""
    from kg.resolve.review import read_decisions

    path = spec.get("decisions")
    decisions = read_decisions(Path(str(path))) if path and Path(str(path)).exists() else {}
    found, _ = links(organisations(store), decisions)
    return linkage_graph(found)


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
