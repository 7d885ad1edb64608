"""The resolver's index: what it knows of every resource, built once from a graph and kept as JSON.

Reading the labels from the store and computing their keys takes about a second; reading this
index back from its JSON file (:mod:`kg.resolve.cache`) takes a few milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.internal_queries import internal_query
from kg.resolve.keys import keys
from kg.resolve.kinds import CLASS_TYPES, EKG
from kg.resolve.lemmas import words_of
from kg.resolve.normalise import compact, normalise
from kg.resolve.regional_names import RegionalName

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

__all__ = ["FORMAT", "QUERIES", "Index", "Resource", "read_graph", "read_store"]

#: Version of the JSON layout; a cache of another version is rebuilt.
FORMAT = 2

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_DCTERMS = "http://purl.org/dc/terms/"
_LABEL_KINDS = {
    _SKOS + "prefLabel": "pref", _SKOS + "altLabel": "alt", _SKOS + "hiddenLabel": "alt", _RDFS + "label": "rdfs",
    EKG + "acronym": "acronym",
}
_NUTS_CODE = EKG + "nutsCode"
_COUNTRY = EKG + "country"
#: The label kinds a text may name a resource by (:attr:`Resource.names`): codes are left out.
_NAME_KINDS = ("pref", "alt", "acronym")

#: The internal queries (``queries/internal/NAME.rq``) the index is read with: its names, and its facts. The
#: classes and properties are fixed lists in the query files; no value of a name is put into a query.
NAMES_QUERY = "resolver_names"
FACTS_QUERIES = ("resolver_facts", "resolver_where")
COUNTRY_QUERY = "resolver_countries"
QUERIES = (NAMES_QUERY, *FACTS_QUERIES, COUNTRY_QUERY)

#: (subject, class, property, value, language) rows of names, and (subject, property, object) rows of facts.
NameRow = tuple[str, str, str, str, str]
FactRow = tuple[str, str, str]


@dataclass
class Resource:
    """What the resolver keeps of one resource: its kind, display label and the facts that break ties.

    ``names`` (its labels and acronyms as written), ``region`` (the IRI of its NUTS region), ``country``
    (its country's ISO code) and ``otype`` (the local name of its organisation type) are what the
    article extractor's gazetteer (:class:`kg.ingest.entities.Gazetteer`) reads.
    """

    type: str
    label: str = ""
    level: int | None = None
    parent: str | None = None
    versions: set[str] = field(default_factory=set)
    replaced_by: set[str] = field(default_factory=set)
    same_as: set[str] = field(default_factory=set)
    names: list[str] = field(default_factory=list)
    region: str | None = None
    country: str | None = None
    otype: str | None = None


@dataclass(frozen=True)
class Label:
    """One label of one resource, with its matching keys (:func:`kg.resolve.keys.keys`) and language."""

    core: str
    iri: str
    plain: str
    kinds: frozenset[str]
    language: str


@dataclass
class Index:
    """Everything :class:`kg.resolve.Resolver` matches against.

    Attributes
    ----------
    resources : dict
        IRI → :class:`Resource`.
    exact : dict
        :func:`compact` form of every code, acronym and label → the IRIs that have it.
    labels : list of Label
        Every label with its keys, matched fuzzily.
    same_territory : dict
        IRI of a region → IRI of its only sub-region with the same name (``Wien`` AT13 → AT130).
    words : list of str
        The words of all labels as written: the vocabulary lemmas are cut down to.
    """

    resources: dict[str, Resource]
    exact: dict[str, list[str]]
    labels: list[Label]
    same_territory: dict[str, str]
    words: list[str]

    # ------------------------------------------------------------------ JSON

    def to_json(self) -> dict[str, object]:
        """Return the index as JSON-ready data (read back with :meth:`from_json`)."""
        return {
            "format": FORMAT,
            "resources": {
                iri: [r.type, r.label, r.level, r.parent, sorted(r.versions), sorted(r.replaced_by), sorted(r.same_as),
                      r.names, r.region, r.country, r.otype]
                for iri, r in self.resources.items()
            },
            "exact": self.exact,
            "labels": [[x.core, x.iri, x.plain, sorted(x.kinds), x.language] for x in self.labels],
            "same_territory": self.same_territory,
            "words": self.words,
        }

    @classmethod
    def from_json(cls, data: dict) -> Index:
        """Return the index :meth:`to_json` wrote; ValueError when ``data`` is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a resolver index of this version")
        try:
            resources = {
                iri: Resource(kind, label, level, parent, set(versions), set(replaced), set(same), names, region,
                              country, otype)
                for iri, (kind, label, level, parent, versions, replaced, same, names, region, country, otype)
                in data["resources"].items()
            }
            labels = [Label(core, iri, plain, frozenset(kinds), language)
                      for core, iri, plain, kinds, language in data["labels"]]
            return cls(resources, data["exact"], labels, data["same_territory"], data["words"])
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"a damaged resolver index: {error}") from error


def read_store(store: pyoxigraph.Store) -> tuple[list[NameRow], list[FactRow]]:
    """Return the name and fact rows of every resource of a pyoxigraph store (all graphs)."""
    from kg.store import select

    names = [
        (row["s"].value, row["class"].value, row["p"].value, row["value"].value, row["value"].language or "")
        for row in select(store, internal_query(NAMES_QUERY))
    ]
    facts = [(row["s"].value, row["p"].value, row["o"].value)
             for name in FACTS_QUERIES for row in select(store, internal_query(name))]
    facts += [(row["s"].value, _COUNTRY, row["o"].value) for row in select(store, internal_query(COUNTRY_QUERY))]
    return names, facts


def read_graph(graph: rdflib.Graph) -> tuple[list[NameRow], list[FactRow]]:
    """Return the name and fact rows of an rdflib graph; a Dataset is read as the union of its graphs."""
    from rdflib import Graph

    if hasattr(graph, "quads"):  # a Dataset or ConjunctiveGraph: query the union of its graphs
        union = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        graph = union
    names = [
        (str(s), str(c), str(p), str(v), getattr(v, "language", None) or "")
        for s, c, p, v in graph.query(internal_query(NAMES_QUERY))
    ]
    facts = [(str(s), str(p), str(o)) for name in FACTS_QUERIES for s, p, o in graph.query(internal_query(name))]
    facts += [(str(s), _COUNTRY, str(o)) for s, o in graph.query(internal_query(COUNTRY_QUERY))]
    return names, facts


def build(names: Iterable[NameRow], facts: Iterable[FactRow], regional: Iterable[RegionalName] = ()) -> Index:
    """Build the index from name and fact rows, with the curated regional names added to their regions."""
    types, texts, codes = _group(names)
    by_code = {code: iri for iri, found in codes.items() for code in found if types[iri] == "region"}
    for row in regional:
        iri = by_code.get(row.code)
        if iri is not None:  # a code the graph lacks is reported by the test of the file, not here
            texts[iri]["alt"].append((row.name, row.language))
    resources = {iri: Resource(kind, _display_label(texts[iri], iri),
                               names=list(dict.fromkeys(t for k in _NAME_KINDS for t, _ in texts[iri].get(k, []))))
                 for iri, kind in types.items()}
    _add_facts(resources, facts)
    exact: dict[str, set[str]] = defaultdict(set)
    labels: list[Label] = []
    written: list[str] = []
    for iri, by_kind in texts.items():
        for text in by_kind.get("code", []) + by_kind.get("acronym", []):
            exact[compact(text[0])].add(iri)
        for kind in ("pref", "alt", "rdfs"):
            for text, language in by_kind.get(kind, []):
                exact[compact(text)].add(iri)
                core, plain, kinds = keys(text)
                labels.append(Label(core, iri, plain, kinds, language))
                written.append(text)
    return Index(resources, {key: sorted(iris) for key, iris in exact.items()}, labels,
                 _same_territories(resources), words_of(written))


def _group(names: Iterable[NameRow]) -> tuple[dict[str, str], dict[str, dict[str, list]], dict[str, set[str]]]:
    """Group name rows by subject: its kind (the class of highest priority), texts by kind, NUTS codes."""
    priority = {iri: rank for rank, (iri, _) in enumerate(CLASS_TYPES)}
    type_of = dict(CLASS_TYPES)
    best_class: dict[str, str] = {}
    values: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for subject, cls, prop, value, language in names:
        if subject not in best_class or priority[cls] < priority[best_class[subject]]:
            best_class[subject] = cls
        values[subject].add((prop, value, language))
    texts: dict[str, dict[str, list]] = {}
    codes: dict[str, set[str]] = defaultdict(set)
    for subject in best_class:
        by_kind: dict[str, list] = defaultdict(list)
        for prop, value, language in sorted(values[subject]):
            by_kind[_LABEL_KINDS.get(prop, "code")].append((value, language))
            if prop == _NUTS_CODE:
                codes[subject].add(value)
        texts[subject] = by_kind
    return {iri: type_of[cls] for iri, cls in best_class.items()}, texts, codes


def _display_label(by_kind: dict[str, list], iri: str) -> str:
    """The label to show: English preferred label, else rdfs:label, preferred, alternative, code."""
    english = [text for text, lang in by_kind.get("pref", []) if lang.startswith("en")]
    for texts in (english, *([text for text, _ in by_kind.get(k, [])]
                             for k in ("rdfs", "pref", "alt", "code", "acronym"))):
        if texts:
            # The label with diacritics before its folded spelling (Łódź before Lodz).
            return min(texts, key=lambda text: (normalise(text), -len(text.encode()), text))
    return iri


def _add_facts(resources: dict[str, Resource], facts: Iterable[FactRow]) -> None:
    for subject, prop, obj in sorted(facts):
        resource = resources.get(subject)
        if resource is None:
            continue
        if prop in _WHERE:
            _add_where(resource, prop, obj)
        elif prop == EKG + "nutsLevel":
            resource.level = int(obj)
        elif prop == EKG + "parentRegion":
            resource.parent = obj
        elif prop == EKG + "nutsVersion":
            resource.versions.add(obj)
        elif prop == _DCTERMS + "isReplacedBy":
            resource.replaced_by.add(obj)
        elif prop == _SKOS + "exactMatch" and obj in resources:
            resource.same_as.add(obj)
            resources[obj].same_as.add(subject)


_WHERE = (EKG + "region", EKG + "country", EKG + "organisationType")


def _add_where(resource: Resource, prop: str, obj: str) -> None:
    """Keep the first (in sorted order) region, country code and organisation type of a resource."""
    if prop == EKG + "region":
        resource.region = resource.region or obj
    elif prop == EKG + "country":
        resource.country = resource.country or obj
    else:
        resource.otype = resource.otype or obj.rsplit("/", 1)[-1]


def _same_territories(resources: dict[str, Resource]) -> dict[str, str]:
    """A region whose only sub-region has the same name (Bretagne FRH → FRH0) is the same territory."""
    children: dict[str, list[str]] = defaultdict(list)
    for iri, resource in resources.items():
        if resource.parent in resources:
            children[resource.parent].append(iri)
    return {parent: kids[0] for parent, kids in children.items()
            if len(kids) == 1 and resources[kids[0]].label == resources[parent].label}
