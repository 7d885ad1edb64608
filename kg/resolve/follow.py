"""The linkage graph follows every write: links of the organisations a write touched are made again.

The writer (:mod:`kg.store.writer`) calls :func:`follow` through :mod:`kg.store.derived` in each write
to a store that has a linkage graph, on its checkpoint, before validating. Only the organisations whose
statements changed are linked again:

1. every link with an end among the changed IRIs is dropped (a removed source's organisations keep none);
2. each changed IRI that is still an organisation is compared with the organisations that share one of
   its blocking keys (:func:`kg.resolve.blocking.block_keys`), looked up in the snapshot's name index
   (:func:`kg.store.names.block_holders`), not with all of them: a word key held by more than
   :data:`~kg.resolve.thresholds.LINK_BLOCK_LIMIT` organisations makes no block, and in a block of more
   than two, pairs whose cores are less than :data:`~kg.resolve.thresholds.LINK_PREFILTER` alike are
   not compared, as in a full linkage (but in the block of a body of the Research Organization Registry); a
   short form is compared with the longer names of its city that hold the partner of its short-form key, and a
   longer name with the short forms (unless more than
   :data:`~kg.resolve.blocking.SHORT_FORM_BLOCK_LIMIT` longer names hold the key), all of them; a short
   form that only these blocks find the same as two longer names not linked to each other is linked to
   neither;
3. the decisions of ``data/linkage/decisions.tsv`` are applied to every pair they name: ``same`` links
   it, ``different`` drops its link; a link a person made and then took back is dropped;
4. each cluster a dropped or new link belongs to, with the links the cluster check held in it before (their
   link nodes, without ``owl:sameAs``), is checked as a full linkage checks it
   (:func:`kg.resolve.split.check_clusters`): its links are made again from its members, and a link that joins
   two members that compare clearly different is held (its node stays, its ``owl:sameAs`` goes), so a held
   link comes back when the member it conflicted with is gone;
5. the canonical organisation (``ekg:canonical``, the smallest IRI of the cluster) is set again for every
   cluster a dropped or new link belonged to.

A full build, or ``eukg link apply``, links every organisation anew (:func:`kg.resolve.merges.recompute`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import fuzz
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, SKOS

from kg.namespaces import EKG, GRAPH, SOURCE
from kg.resolve.blocking import (
    LONG,
    SHORT,
    SHORT_FORM_BLOCK_LIMIT,
    block_keys,
    core_texts,
    partner_key,
    registry_key,
)
from kg.resolve.link import Record
from kg.resolve.merges import (
    KEY_SEPARATOR,
    MATCHER,
    REVIEWER,
    Link,
    Organisation,
    best_match,
    block_rows,
    compute_derived,
    decide,
    decisions_of,
    hold_ambiguous,
    link_node,
    link_triples,
    organisations,
)
from kg.resolve.split import check_clusters
from kg.resolve.thresholds import LINK_BLOCK_LIMIT, LINK_PREFILTER
from kg.store import names
from kg.store.terms import to_oxigraph

__all__ = ["follow", "organisation"]

_TYPE = ox.NamedNode(str(RDF.type))
_ORGANISATION = ox.NamedNode(str(EKG.Organisation))
_SAME = ox.NamedNode(str(OWL.sameAs))
_CANONICAL = ox.NamedNode(str(EKG.canonical))
_LINK_SUBJECT = ox.NamedNode(str(RDF.subject))
_LINK_OBJECT = ox.NamedNode(str(RDF.object))
_BY = ox.NamedNode(str(PROV.wasAttributedTo))
_LABELS = (ox.NamedNode(str(SKOS.prefLabel)), ox.NamedNode(str(SKOS.altLabel)))
_IDENTIFIERS = (ox.NamedNode(str(EKG.organisationId)), ox.NamedNode(str(DCTERMS.identifier)))
_DATA_GRAPHS = (str(SOURCE), str(GRAPH["dataset/"]))
_WIKIDATA = "http://www.wikidata.org/entity/"
_LOCALITY = ox.NamedNode(str(EKG.locality))  # the town a table gives, as written


def _values(store: ox.Store, node: ox.NamedNode, *path: ox.NamedNode) -> set[str]:
    """The values reached from ``node`` along ``path`` (a property, or a chain of them), in any graph."""
    found: set = {node}
    for step in path:
        found = {q.object for n in found for q in store.quads_for_pattern(n, step, None, None)}
    return {term.value for term in found}


def organisation(store: ox.Store, iri: str) -> Organisation | None:
    """Return organisation ``iri`` as :func:`kg.resolve.merges.organisations` reads it, or None when it is
    not an organisation of a source or dataset graph, or has no name."""
    from kg.resolve.link import SCHEME_PROPERTIES, identifier_scheme

    node = ox.NamedNode(iri)
    graphs = {q.graph_name.value for q in store.quads_for_pattern(node, _TYPE, _ORGANISATION, None)
              if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(_DATA_GRAPHS)}
    labels = set().union(*(_values(store, node, label) for label in _LABELS)) if graphs else set()
    if not labels:
        return None
    countries = _values(store, node, ox.NamedNode(str(EKG.country)), ox.NamedNode(str(EKG.isoCode)))
    cities = _values(store, node, ox.NamedNode(str(EKG.city)), _LABELS[0]) | _values(store, node, _LOCALITY)
    stated = {value: scheme for scheme, prop in SCHEME_PROPERTIES.items()
              for value in _values(store, node, ox.NamedNode(str(prop)))}
    identifiers = {(stated.get(value) or identifier_scheme(value), value)
                   for p in _IDENTIFIERS for value in _values(store, node, p)}
    identifiers |= {("wikidata", value) for value in _values(store, node, ox.NamedNode(str(SKOS.exactMatch)))
                    if value.startswith(_WIKIDATA)}
    return Organisation(iri, labels, graphs, min(countries, default=None), min(cities, default=None), identifiers)


class _Follower:
    """One update of the linkage graph ``graph`` of a writer's checkpoint ``store``."""

    def __init__(self, store: ox.Store, graph: str, snapshot: Path, decisions: dict[tuple[str, str], str]) -> None:
        self.store, self.graph, self.snapshot, self.decisions = store, ox.NamedNode(graph), snapshot, decisions
        self.known: dict[str, Organisation | None] = {}
        self.cores: dict[str, set[tuple[str, str]]] = {}
        self.affected: set[str] = set()
        self.keys: dict[str, set[str]] = {}
        self.short_keys: dict[str, set[tuple[str, ...]]] = {}
        self.blocks: dict[str, set[str]] = {}

    def get(self, iri: str) -> Organisation | None:
        if iri not in self.known:
            self.known[iri] = organisation(self.store, iri)
        return self.known[iri]

    # -- the links in the store -------------------------------------------------------------------
    def neighbours(self, iri: str) -> set[str]:
        node = ox.NamedNode(iri)
        ahead = {q.object.value for q in self.store.quads_for_pattern(node, _SAME, None, self.graph)}
        return ahead | {q.subject.value for q in self.store.quads_for_pattern(None, _SAME, node, self.graph)}

    def partners(self, iri: str) -> set[str]:
        """The other ends of the link nodes of ``iri``: its links, and those the cluster check holds."""
        node, found = ox.NamedNode(iri), set()
        for end, other in ((_LINK_SUBJECT, _LINK_OBJECT), (_LINK_OBJECT, _LINK_SUBJECT)):
            for quad in self.store.quads_for_pattern(None, end, node, self.graph):
                found |= {q.object.value for q in self.store.quads_for_pattern(quad.subject, other, None, self.graph)}
        return found - {iri}

    def held(self, a: str, b: str) -> bool:
        """Whether the pair has a link node but no ``owl:sameAs``: a link the cluster check holds."""
        return b not in self.neighbours(a) and next(self.store.quads_for_pattern(
            ox.NamedNode(str(link_node(a, b))), None, None, self.graph), None) is not None

    def drop(self, a: str, b: str) -> None:
        """Remove the link of ``a`` and ``b`` and its evidence."""
        evidence = ox.NamedNode(str(link_node(a, b)))
        for quad in [*self.store.quads_for_pattern(evidence, None, None, self.graph),
                     *self.store.quads_for_pattern(ox.NamedNode(a), _SAME, ox.NamedNode(b), self.graph),
                     *self.store.quads_for_pattern(ox.NamedNode(b), _SAME, ox.NamedNode(a), self.graph)]:
            self.store.remove(quad)
        self.affected |= {a, b}

    def add(self, link: Link) -> None:
        self.drop(link.a, link.b)
        self.store.extend([ox.Quad(*(to_oxigraph(term) for term in triple), self.graph)
                           for triple in link_triples(link)])

    # -- candidates --------------------------------------------------------------------------------
    def core_texts(self, org: Organisation) -> set[tuple[str, str]]:
        if org.iri not in self.cores:
            self.cores[org.iri] = {core_texts(name, org.country) for name in org.names}
        return self.cores[org.iri]

    def alike(self, a: Organisation, b: Organisation) -> bool:
        return any(fuzz.ratio(x[v], y[v]) >= LINK_PREFILTER for x in self.core_texts(a) for y in self.core_texts(b)
                   for v in range(2))

    def read_blocks(self, orgs: Iterable[Organisation]) -> None:
        """Read the blocks of ``orgs`` from the name index, all at once (word blocks of more than
        :data:`LINK_BLOCK_LIMIT` organisations are left out)."""
        found = {org.iri: {key for name in org.names
                           for key in block_keys(Record(name, org.country, org.city, tuple(sorted(org.identifiers))))}
                 for org in orgs}
        keys = {iri: {KEY_SEPARATOR.join(key) for key in found[iri] if partner_key(key) is None} for iri in found}
        self.keys.update(keys)
        self.short_keys.update({iri: {key for key in found[iri] if partner_key(key) is not None} for iri in found})
        held = {KEY_SEPARATOR.join(k) for iri in found for key in self.short_keys[iri] for k in (key, partner_key(key))}
        every = set().union(*keys.values()) - set(self.blocks)
        wholes = {key for key in every if key.split(KEY_SEPARATOR)[1] == "="}
        wholes |= {key for key in held if key.split(KEY_SEPARATOR)[2] != LONG}  # short forms: few, all read
        self.blocks.update(names.block_holders(self.snapshot, every - wholes, LINK_BLOCK_LIMIT))
        longs = {key for key in held if key.split(KEY_SEPARATOR)[2] == LONG}
        self.blocks.update(names.block_holders(self.snapshot, longs, SHORT_FORM_BLOCK_LIMIT))
        self.blocks.update(names.block_holders(self.snapshot, wholes))

    def candidates(self, org: Organisation) -> set[str]:
        """The organisations that share a block with ``org`` (see the module docstring; :meth:`read_blocks` first)."""
        return self.word_candidates(org) | self.short_form_candidates(org)

    def word_candidates(self, org: Organisation) -> set[str]:
        """The organisations that share a word, core or city block with ``org``."""
        found: set[str] = set()
        for key in self.keys[org.iri] & self.blocks.keys():
            members, every = self.blocks[key], registry_key(tuple(key.split(KEY_SEPARATOR)))
            for iri in members - {org.iri} - found:
                other = self.get(iri)
                if other is not None and (len(members) <= 2 or every or self.alike(org, other)):
                    found.add(iri)
        return found

    def short_form_candidates(self, org: Organisation) -> set[str]:
        """The longer names of a short form's city that could begin it, or the short forms of a longer name's
        (:func:`kg.resolve.blocking.short_form_keys`), when no more than ``SHORT_FORM_BLOCK_LIMIT`` longer names
        hold the key."""
        found: set[str] = set()
        for key in self.short_keys[org.iri]:
            partner = partner_key(key)
            if KEY_SEPARATOR.join(key if key[2] == LONG else partner) in self.blocks:
                found |= self.blocks.get(KEY_SEPARATOR.join(partner), set()) - {org.iri}
        return {iri for iri in found if self.get(iri) is not None}


def _clusters_of(follower: _Follower, start: Iterable[str], held: bool = False) -> list[set[str]]:
    """The clusters (joined by ``owl:sameAs``; with ``held``, by the links the cluster check holds too) of the
    IRIs ``start``."""
    step = follower.partners if held else follower.neighbours
    seen: set[str] = set()
    groups = []
    for first in sorted(start):
        if first in seen:
            continue
        group, queue = set(), [first]
        while queue:
            iri = queue.pop()
            if iri not in group:
                group.add(iri)
                queue.extend(step(iri) - group)
        seen |= group
        groups.append(group)
    return groups


def _set_canonical(follower: _Follower) -> None:
    """Set ``ekg:canonical`` again for every cluster an affected IRI belongs to or belonged to."""
    store, graph = follower.store, follower.graph
    members = set(follower.affected)
    for iri in follower.affected:
        for quad in store.quads_for_pattern(ox.NamedNode(iri), _CANONICAL, None, graph):
            members |= {q.subject.value for q in store.quads_for_pattern(None, _CANONICAL, quad.object, graph)}
    for iri in members:
        for quad in list(store.quads_for_pattern(ox.NamedNode(iri), _CANONICAL, None, graph)):
            store.remove(quad)
    follower.affected = members
    for group in _clusters_of(follower, members):
        if len(group) > 1:
            canonical = ox.NamedNode(min(group))
            store.extend([ox.Quad(ox.NamedNode(iri), _CANONICAL, canonical, graph) for iri in sorted(group)])
            follower.affected |= group


def _apply_decisions(follower: _Follower) -> None:
    """Link the pairs decided ``same``, drop those decided ``different`` and links a person no longer makes."""
    store, graph = follower.store, follower.graph
    for quad in list(store.quads_for_pattern(None, _BY, ox.NamedNode(str(REVIEWER)), graph)):
        ends = [next(iter(store.quads_for_pattern(quad.subject, p, None, graph)), None)
                for p in (_LINK_SUBJECT, _LINK_OBJECT)]
        if None not in ends:
            pair = tuple(sorted(end.object.value for end in ends))
            if follower.decisions.get(pair) != "same":
                follower.drop(*pair)
    for (a, b), decided in follower.decisions.items():
        first, second = follower.get(a), follower.get(b)
        if decided == "different":
            if b in follower.partners(a):
                follower.drop(a, b)
        elif first is not None and second is not None:
            link, _ = decide(first, second, best_match(first, second), follower.decisions)
            follower.add(link)


def follow(store: ox.Store, spec: dict[str, object], graph: str, changed: set[str], snapshot: Path | None) -> set[str]:
    """Bring the linkage graph ``graph`` of the checkpoint ``store`` up to date after a write that changed
    the statements of the IRIs ``changed``; return the organisation IRIs whose links or canonical changed.

    ``snapshot`` is the checkpoint's directory, whose name index holds the blocking keys. Without them
    (the graph was just given by ``eukg link apply``, or linked by an older version), they are written;
    and when something changed, the graph is computed anew.
    """
    if snapshot is not None and not names.blocks_filled(snapshot) and not changed:
        names.put_blocks(snapshot, [row for org in organisations(store) for row in block_rows(org)], full=True)
        return set()
    if snapshot is None or not names.blocks_filled(snapshot):
        return _relink_all(store, spec, graph, snapshot)
    if not changed:
        return set()
    follower = _Follower(store, graph, snapshot, decisions_of(spec))
    touched = {iri: follower.get(iri) for iri in sorted(changed)}
    names.put_blocks(snapshot, [row for org in touched.values() if org is not None for row in block_rows(org)],
                     replaced=touched)
    orgs = [org for org in touched.values() if org is not None]
    _forget(follower, touched)
    follower.read_blocks(orgs)
    proposed = _proposals(follower, orgs)
    # An organisation without identifiers that a touched one links to is linked again as a whole, so that
    # hold_ambiguous sees all its partners, as in a full linkage.
    plain = [follower.get(iri) for iri in sorted({end for link in proposed.values() for end in (link.a, link.b)}
                                                 - set(touched)) if not follower.get(iri).identifiers]
    if plain:
        _forget(follower, [org.iri for org in plain])
        follower.read_blocks(plain)
        proposed.update(_proposals(follower, plain))
    for link in hold_ambiguous(proposed.values(), follower.known)[0]:
        follower.add(link)
    _apply_decisions(follower)
    _check_clusters(follower)
    _set_canonical(follower)
    return {iri for iri in follower.affected if follower.get(iri) is not None}


def _check_clusters(follower: _Follower) -> None:
    """Check the clusters a write changed as a full linkage does (:func:`kg.resolve.split.check_clusters`): each
    cluster of an affected IRI, with the links the check held before, its links made again from its members,
    split where two members compare clearly different; and those of two members a person decided different."""
    start = set(follower.affected)
    for (a, b), decided in sorted(follower.decisions.items()):
        if decided == "different" and follower.get(a) is not None and _canonical_of(follower, a) is not None \
                and _canonical_of(follower, a) == _canonical_of(follower, b):
            start.add(a)
    for group in _clusters_of(follower, start, held=True):
        pairs = sorted({tuple(sorted((a, b))) for a in group for b in follower.partners(a)})
        if len(group) < 3 and not any(follower.held(a, b) for a, b in pairs):
            continue
        found = []
        for a, b in pairs:
            first, second = follower.get(a), follower.get(b)
            link = None if first is None or second is None else \
                decide(first, second, best_match(first, second), follower.decisions)[0]
            if link is None:
                follower.drop(a, b)
            else:
                found.append(link)
        kept, held = check_clusters(found, follower.known, best_match, follower.decisions)
        for link in kept:
            if link.b not in follower.neighbours(link.a):
                follower.add(link)
        for link in held:
            if not follower.held(link.a, link.b):
                follower.add(link)


def _canonical_of(follower: _Follower, iri: str) -> str | None:
    quad = next(follower.store.quads_for_pattern(ox.NamedNode(iri), _CANONICAL, None, follower.graph), None)
    return None if quad is None else quad.object.value


def _forget(follower: _Follower, iris: Iterable[str]) -> None:
    """Drop every link of ``iris``, and every link of them the cluster check held: they are linked again."""
    for iri in iris:
        for other in follower.partners(iri):
            follower.drop(iri, other)
        follower.affected.add(iri)


def _proposals(follower: _Follower, orgs: Iterable[Organisation]) -> dict[tuple[str, str], Link]:
    """The links of ``orgs`` with their candidates, and those a person decided ``same`` (by pair)."""
    found: dict[tuple[str, str], Link] = {}
    for org in orgs:
        for other_iri in sorted(follower.candidates(org)):
            other = follower.get(other_iri)
            link, _ = decide(org, other, best_match(org, other), follower.decisions)
            if link is not None and not _ambiguous_short_form(follower, org, other, link):
                found[(link.a, link.b)] = link
    scope = {org.iri for org in orgs}
    for (a, b), decided in follower.decisions.items():
        if decided != "same" or not {a, b} & scope:
            continue
        first, second = follower.get(a), follower.get(b)
        if first is not None and second is not None:
            found[(a, b)] = decide(first, second, best_match(first, second), follower.decisions)[0]
    return found


def _ambiguous_short_form(follower: _Follower, org: Organisation, other: Organisation, link: Link) -> bool:
    """Whether the matcher's ``link`` joins a short form, met only in a short-form block, to one of two longer names
    it is the same as that are not linked to each other (a full linkage holds those for review)."""
    if link.by != MATCHER or other.iri in follower.word_candidates(org):
        return False
    short = next((o for o in (org, other) if any(k[2] == SHORT for k in follower.short_keys.get(o.iri, ()))), None)
    if short is None:
        return False
    if short.iri not in follower.short_keys or short.iri not in follower.keys:
        follower.read_blocks([short])
    partners = {iri for iri in follower.short_form_candidates(short) - follower.word_candidates(short)
                if best_match(short, follower.get(iri)).same}
    return any(b not in follower.neighbours(a) | {a} for a in partners for b in partners)


def _relink_all(store: ox.Store, spec: dict[str, object], graph: str, snapshot: Path | None) -> set[str]:
    """Replace the linkage graph with one computed from every organisation (and fill the keys' index)."""
    name = ox.NamedNode(graph)
    before = {q.subject.value for q in store.quads_for_pattern(None, None, None, name)
              if isinstance(q.subject, ox.NamedNode)}
    if store.contains_named_graph(name):
        store.remove_graph(name)
    fresh = compute_derived(store, spec, snapshot)
    store.extend([ox.Quad(*(to_oxigraph(term) for term in triple), name) for triple in fresh])
    after = {str(s) for s in fresh.subjects()}
    return {iri for iri in before | after if "/id/link/" not in iri and "/id/agent/" not in iri}
