"""Names where a query parameter expects an IRI: ``-p event=ewrc-2019``, ``-p organisation="City of Turin"``.

A parameter of type ``iri`` takes an absolute IRI as it is, and a prefixed name of the project's prefix
map (``orgn:city-of-turin``, ``nuts:PL81``) expanded. Any other value is looked up in the store:

1. as a local name or code (``ewrc-2019``, ``PL81``): the resources of the parameter's class whose IRI
   ends with it (``evt:ewrc-2019``, ``nuts:PL81``);
2. as a name in any language: the project's resolver (:mod:`kg.resolve`, as ``eukg resolve``) for the
   kinds it knows (regions, organisations, programmes, projects, countries, places), and the labels of
   the class's instances (events, themes, funds, instruments) with the resolver's normalisation and
   thresholds.

The class is the parameter's ``class`` in the query header (``class: ekg:Event``), else the one its
name says (``event``, ``organisation``, ``programme`` …). A parameter of type ``nuts`` takes a NUTS
code, or a region's name, which becomes its code. One confident match is used; a tie or no match is a
:class:`~kg.errors.QueryError` of one line that names the candidates, or points to ``eukg resolve``.
Binding stays :meth:`kg.sparql.queries.NamedQuery.bind`'s: this only turns names into IRIs and codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from kg.errors import KgError, QueryError
from kg.internal_queries import internal_query
from kg.namespaces import EKG, PREFIXES
from kg.sparql.queries import NamedQuery, Parameter

__all__ = ["Resolved", "parameter_class", "resolve_names"]

_IRI_OK = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
_PREFIXED = re.compile(r"^(?P<prefix>[A-Za-z][\w-]*):(?P<local>[^\s/<>\"{}|\\^`]+)$")
_NUTS_CODE = re.compile(r"^[A-Za-z]{2}[0-9A-Za-z]{0,3}$")
_LOCAL_NAME = re.compile(r"^[\w.-]+$")

#: Class (local name in the ontology) → the prefixes of the project's IRIs of its instances.
CLASS_PREFIXES: dict[str, tuple[str, ...]] = {
    "Event": ("evt",), "Organisation": ("orgn",), "PublicOrganisation": ("orgn",), "Project": ("proj",),
    "Programme": ("prog", "fund"), "Fund": ("fund",), "Theme": ("theme",), "Region": ("nuts", "sr"),
    "StatisticalRegion": ("sr",), "Country": ("country",), "Place": ("place",), "City": ("place",),
    "Venue": ("place",), "PolicyInstrument": ("instr",), "Person": ("person",),
}
#: A parameter's name → the class it stands for, when the header declares none.
NAME_CLASSES = {
    "event": "Event", "organisation": "Organisation", "programme": "Programme", "project": "Project",
    "theme": "Theme", "region": "Region", "nuts": "Region", "country": "Country", "place": "Place",
    "fund": "Fund", "instrument": "PolicyInstrument",
}


@dataclass(frozen=True)
class Resolved:
    """A name a parameter was given, and the IRI (or NUTS code) it stands for."""

    parameter: str
    name: str
    value: str
    label: str

    def line(self) -> str:
        """One line for stderr: which IRI the name became."""
        return f"{self.parameter}={self.name!r} is {self.value} ({self.label})"


def parameter_class(param: Parameter) -> str | None:
    """Return the ontology class (its local name) of a parameter's values: declared, else from the name."""
    declared = param.cls
    if declared:
        expanded = _expand(declared) or declared
        return expanded[len(str(EKG)):] if expanded.startswith(str(EKG)) else expanded.rsplit("/", 1)[-1]
    return NAME_CLASSES.get(param.name)


def resolve_names(query: NamedQuery, values: Mapping[str, str], location: Path | str | None,
                  report: Callable[[Resolved], None] | None = None) -> dict[str, str]:
    """Return ``values`` with each name given to an ``iri`` or ``nuts`` parameter replaced by its IRI or code.

    ``location`` is the store the names are looked up in (opened only when a name needs it); ``report``
    is told each name that was resolved.
    """
    lookup = _Lookup(location)
    bound = dict(values)
    for name, raw in values.items():
        param = query.parameter(name)
        resolved = None
        if param.type == "iri":
            bound[name], resolved = _iri_value(param, raw.strip(), lookup)
        elif param.type == "nuts":
            bound[name], resolved = _nuts_value(param, raw.strip(), lookup)
        if resolved is not None and report is not None:
            report(resolved)
    return bound


def _expand(value: str) -> str | None:
    """Return the IRI of a prefixed name of the project's prefix map, else None."""
    match = _PREFIXED.match(value)
    if match and match["prefix"] in PREFIXES:
        return PREFIXES[match["prefix"]] + match["local"]
    return None


def _iri_value(param: Parameter, value: str, lookup: _Lookup) -> tuple[str, Resolved | None]:
    expanded = _expand(value)
    if expanded is not None:
        return expanded, None
    if _IRI_OK.match(value):
        return value, None
    if not value:
        return value, None  # to_term says what is wrong
    cls = parameter_class(param)
    candidates = lookup.by_local_name(value, cls) or lookup.by_name(value, cls)
    return _decide(param, value, cls, candidates)


def _nuts_value(param: Parameter, value: str, lookup: _Lookup) -> tuple[str, Resolved | None]:
    is_code = bool(_NUTS_CODE.match(value))
    if is_code and (not lookup.available() or lookup.by_local_name(value, "Region")):
        return value, None
    if not lookup.available():
        return value, None  # to_term says what is wrong
    candidates = lookup.by_name(value, "Region")
    if is_code and not candidates:
        return value, None  # a code the store does not have: the query answers no rows
    iri, resolved = _decide(param, value, "Region", candidates)
    code = iri.rstrip("/").rsplit("/", 1)[-1]
    return code, Resolved(param.name, value, code, resolved.label if resolved else code)


@dataclass(frozen=True)
class _Candidates:
    status: str  # "match", "ambiguous", "unsure" or "none", as kg.resolve.Decision
    found: list[tuple[str, str]]  # (iri, label), best first


def _decide(param: Parameter, value: str, cls: str | None, candidates: _Candidates) -> tuple[str, Resolved]:
    """Return the one IRI ``candidates`` agree on, or raise a one-line :class:`QueryError`."""
    if candidates.status == "match":
        iri, label = candidates.found[0]
        return iri, Resolved(param.name, value, iri, label)
    what = f"{cls.lower()} " if cls else ""
    listed = "; ".join(f"{iri} ({label})" for iri, label in candidates.found[:5])
    pick = f"pick one with -p {param.name}=IRI"
    if candidates.status == "ambiguous":
        raise QueryError(f"parameter {param.name!r}: {value!r} may be {len(candidates.found)} {what}resources: "
                         f"{listed}; {pick}")
    if candidates.status == "unsure" and candidates.found:
        raise QueryError(f"parameter {param.name!r}: no {what}resource is clearly named {value!r}; the closest: "
                         f"{listed}; {pick}")
    raise QueryError(f"parameter {param.name!r}: no {what}resource is named {value!r}; `eukg resolve {value!r}` "
                     f"shows the closest names, or give an absolute IRI")


class _Lookup:
    """The store and the resolver the names are looked up in, opened on first use."""

    def __init__(self, location: Path | str | None) -> None:
        self.location = location
        self._store = None
        self._resolver = None
        self._missing: KgError | None = None

    def available(self) -> bool:
        try:
            self.store()
        except QueryError:
            return False
        return True

    def store(self):  # noqa: ANN201 - a pyoxigraph Store
        if self._store is None and self._missing is None:
            from kg.store import open_store

            try:
                self._store = open_store(self.location)
            except KgError as error:
                self._missing = error
        if self._store is None:
            raise QueryError(f"a name was given where an IRI is expected, and there is no store to look it up in "
                             f"({self._missing}); give an absolute IRI")
        return self._store

    def resolver(self):  # noqa: ANN201 - a kg.resolve.Resolver
        if self._resolver is None:
            from kg.resolve import resolver_for_location

            self.store()
            self._resolver = resolver_for_location(self.location)
        return self._resolver

    def by_local_name(self, value: str, cls: str | None) -> _Candidates | None:
        """Return the resources whose IRI is a namespace of ``cls`` (of any class: all) followed by ``value``."""
        if not _LOCAL_NAME.match(value):
            return None
        prefixes = CLASS_PREFIXES.get(cls or "") or tuple(dict.fromkeys(p for ps in CLASS_PREFIXES.values()
                                                                         for p in ps))
        iris = dict.fromkeys(PREFIXES[prefix] + local for prefix in prefixes
                             for local in (value, value.upper(), value.lower()))
        found = [iri for iri in iris if self._exists(iri)]
        if not found:
            return None
        labelled = [(iri, self._label(iri)) for iri in found]
        return _Candidates("match" if len(found) == 1 else "ambiguous", labelled)

    def by_name(self, value: str, cls: str | None) -> _Candidates:
        """Return what the name ``value`` stands for: the resolver's decision, or the best labels of ``cls``."""
        from kg.resolve import TYPE_OF_CLASS

        kind = TYPE_OF_CLASS.get(str(EKG) + cls) if cls else None
        if cls is None or kind is not None:
            decision = self.resolver().decide(value, kind, limit=5)
            shown = decision.tied or decision.candidates
            return _Candidates(decision.status, [(c.iri, c.label) for c in shown])
        return self._by_label(value, cls)

    def _by_label(self, value: str, cls: str) -> _Candidates:
        from rapidfuzz import fuzz

        from kg.resolve import normalise
        from kg.resolve.resolver import Candidate, decide
        from kg.store import select

        wanted = normalise(value)
        best: dict[str, Candidate] = {}
        # the names of the class's instances: labels, titles, names, acronyms (queries/internal/class_labels.rq)
        for solution in select(self.store(), internal_query("class_labels"), {"class": URIRef(str(EKG) + cls)}):
            iri, label = solution["s"].value, solution["label"].value
            score = fuzz.ratio(wanted, normalise(label))
            if iri not in best or score > best[iri].score:
                best[iri] = Candidate(iri, label, cls.lower(), score)
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.iri))
        ranked = [c for c in ranked if c.score >= 50][:5]
        status, tied = decide(ranked)
        return _Candidates(status, [(c.iri, c.label) for c in (tied or ranked)])

    def _exists(self, iri: str) -> bool:
        import pyoxigraph as ox

        node = ox.NamedNode(iri)
        return next(iter(self.store().quads_for_pattern(node, None, None)), None) is not None

    def _label(self, iri: str) -> str:
        from kg.store import select

        names = select(self.store(), internal_query("resource_names"), {"resource": URIRef(iri)})
        labels = [solution["label"] for solution in names]
        english = [label for label in labels if getattr(label, "language", None) in ("en", None)]
        chosen = english or labels
        return chosen[0].value if chosen else iri.rsplit("/", 1)[-1]
