"""Finds or mints the resources of a table's rows: projects, organisations, programmes, funds and countries."""

from __future__ import annotations

import hashlib
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import SKOS

from kg.ingest.diskmap import DiskMap
from kg.ingest.mapping import Mapping
from kg.ingest.reference import ReferenceData, slug
from kg.ingest.resolving import NameResolver, confident, normalise
from kg.ingest.table.result import _FACTS, _MINTED, _NEW_PROJECT, _ORGANISATIONS, _PROJECTS
from kg.ingest.table.rows import _Listed
from kg.ingest.table.sink import _T, SCHEMA, _node
from kg.internal_queries import internal_query
from kg.namespaces import EKG, ID
from kg.privacy import person_iri, vocabulary
from kg.reference.countries import COUNTRIES, world_country


class _Builder:
    """Turns checked rows into triples, minting or resolving each resource once."""

    def __init__(self, mapping: Mapping, resolver: NameResolver, reference: ReferenceData, memory: DiskMap,
                 store: ox.Store | None = None, own_graph: str | None = None) -> None:
        self.mapping = mapping
        # Per project and organisation (their IRIs, which were described, their facts): on disk, so that
        # memory does not grow with the table.
        self.memory = memory
        self.own_graph = own_graph  # the previous version of this source: replaced, so not a conflict
        self.resolver = resolver
        self.prefetch: Any = None  # names resolved ahead by a second process (:class:`.prefetch.Prefetch`), if any
        self.reference = reference
        self.store = store
        self.programmes: dict[str, URIRef | None] = {}
        self.families: dict[str, set[str]] = {}  # a programme's IRI -> it, the programmes above and below it
        self.funds: dict[str, str] | None = None  # the graph's funds by acronym and name, read when asked
        self.codes: dict[str, str] | None = None  # programmes by identifier (CCI), read when asked
        self.listed: dict[URIRef, _Listed] = {}  # rows: organisations — each organisation, written at the end
        self.countries: dict[str, tuple[str, str] | None] = {}
        self._concepts: dict[tuple[str, str], URIRef | None] = {}
        # Organisation types marked as personal data (natural persons): their members get opaque IRIs.
        self.personal_types = {concept.value for concept in vocabulary(store).concepts}
        self.identifiers = self._identifiers_in_graph()
        self.project_codes = self._identifiers_in_graph("projectCode")
        # The countries of the reference graph; any other is described by the source that names it.
        self.reference_countries = {str(country.iri) for country in COUNTRIES}
        self.other_countries: set[str] = set()  # countries outside the reference graph, described by this source

    def concept(self, kind: str, local: str) -> URIRef | None:
        """:meth:`ReferenceData.concept`, remembered (every row asks for a role and a type)."""
        key = (kind, local)
        if key not in self._concepts:
            self._concepts[key] = self.reference.concept(kind, local)
        return self._concepts[key]

    def _identifiers_in_graph(self, prop: str = "organisationId") -> dict[str, str]:
        """The resources of the graph by identifier (an organisation's PIC or VAT, a project's code), in other
        sources than this one."""
        found: dict[str, str] = {}
        if self.store is None:
            return found
        for quad in self.store.quads_for_pattern(None, _T[prop], None, None):
            if getattr(quad.graph_name, "value", None) != self.own_graph:
                found.setdefault(quad.object.value, quad.subject.value)
        return found

    def country(self, value: str) -> tuple[str, str] | None:
        """Return (IRI, ISO alpha-2) of the country written ``value``: the graph's countries, else any ISO country."""
        if value not in self.countries:
            found = self.reference.country(value)
            if found is None:
                country = world_country(value)
                found = (str(country.iri), country.iso2) if country is not None else None
            self.countries[value] = found
        return self.countries[value]

    def _confident(self, name: str, kind: str) -> Any:
        """:func:`kg.ingest.resolving.confident` of ``name`` as a ``kind`` (the answer resolved ahead, if any)."""
        if self.prefetch is not None:
            return self.prefetch.confident(name, kind)
        return confident(self.resolver, name, kind)

    def _described_elsewhere(self, iri: str) -> bool:
        """Whether a graph other than this source's own previous version gives ``iri`` a type (describes it)."""
        return any(getattr(quad.graph_name, "value", None) != self.own_graph
                   for quad in self.store.quads_for_pattern(_node(iri), _T["type"], None, None))

    def _elsewhere(self, found: Any) -> Any:
        """``found`` when some graph other than this source's own previous version describes it, else None."""
        if found is None or self.store is None:
            return found
        return found if self._described_elsewhere(found.iri) else None

    def project(self, acronym: str, code: str | None = None, programme: str | None = None) -> tuple[URIRef, bool]:
        """Return the project's IRI and whether it is new: found by its code first, else resolved by acronym.

        With a code, two projects that share an acronym (several H2020 projects are called INTERACT) are
        two projects; a project the acronym resolves to is taken only when the graph gives it no other code.
        Without a code, an acronym is one project per programme (Interreg programmes reuse acronyms): the
        second programme's project gets the programme in its IRI.
        """
        key = f"code {code}" if code else normalise(acronym) + (f" | {normalise(programme)}" if programme else "")
        seen = self.memory.get(_PROJECTS, key)
        if seen is not None:  # new when this import minted it (its first row may have been rejected)
            return URIRef(seen), _NEW_PROJECT in self.facts(URIRef(seen))
        known = self.project_codes.get(code) if code else None
        found = None if known else self._elsewhere(self._confident(acronym, "project"))
        facts = self._facts_in_graph(URIRef(known or found.iri)) if (known or found) else {}
        if found is not None and code and facts.get("project_code", (code, 0))[0] != code:
            found, facts = None, {}
        if found is not None and self._other_programme(found.iri, programme):
            found, facts = None, {}  # the same acronym in another programme (SCALE-UP of Horizon Europe, of Interreg)
        if (known or found) and programme and not code and self._minted(str(known or found.iri), key) != key:
            known, found, facts = None, None, {}  # the acronym of another programme's project: a second project
        iri = URIRef(known or found.iri) if (known or found) else self._mint(acronym, code, programme, key)
        self.memory.put(_PROJECTS, key, str(iri))
        # One record a project: the key its IRI was taken for, whether this import minted it, and the graph's
        # facts about a project found there (a new one has none yet).
        before = self.facts(iri)
        record = {**before, **facts}
        record.setdefault(_MINTED, (key, 0))
        if not (known or found):
            record.setdefault(_NEW_PROJECT, ("1", 0))
        if record != before:
            self.memory.put(_FACTS, str(iri), record)
        return iri, not (known or found)

    def _other_programme(self, project: str, programme: str | None) -> bool:
        """Whether the graph gives ``project`` programmes and none is the row's ``programme``, above or below it."""
        if not programme or self.store is None:
            return False
        row = self.programme(programme)
        quads = self.store.quads_for_pattern(_node(project), _T["programme"], None, None)
        stated = {quad.object.value for quad in quads if getattr(quad.graph_name, "value", None) != self.own_graph}
        return row is not None and bool(stated) and not stated & self._programme_family(str(row))

    def _programme_family(self, programme: str) -> set[str]:
        """``programme``, the programmes above it and those below it (``ekg:parentProgramme``)."""
        if programme not in self.families:
            parent = ox.NamedNode(str(EKG.parentProgramme))
            family = {programme}
            for up in (True, False):
                todo = [programme]
                while todo:
                    node = _node(todo.pop())
                    quads = self.store.quads_for_pattern(node, parent, None, None) if up else \
                        self.store.quads_for_pattern(None, parent, node, None)
                    for quad in quads:
                        other = quad.object.value if up else quad.subject.value
                        if other not in family:
                            family.add(other)
                            todo.append(other)
            self.families[programme] = family
        return self.families[programme]

    def _minted(self, iri: str, default: str | None) -> str | None:
        """The key (name or code) the project IRI ``iri`` was taken for, else ``default``."""
        return self.facts(iri).get(_MINTED, (default, 0))[0]

    def _mint(self, acronym: str, code: str | None, programme: str | None, key: str) -> URIRef:
        """A new project's IRI: from its acronym and code, else its acronym (and programme, when the acronym is
        taken by another programme's project); a hash of the key when two names shorten to one slug."""
        base = f"project/{slug(acronym)}" + (f"-{slug(code)}" if code else "")
        if programme and not code and self._taken(base, key):
            base = f"{base}-{slug(programme)}"
        if self._taken(base, key):  # two names whose shortened slugs are one
            base = f"project/{slug(acronym)}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"
        return ID[base]

    def _taken(self, base: str, key: str) -> bool:
        """Whether the IRI ``base`` is another project's: minted here for another key, or a project another
        source of the graph describes (another dataset's GREEN, which the resolver did not take for this one)."""
        iri = str(ID[base])
        minted = self._minted(iri, None)
        if minted is not None or self.store is None:
            return minted not in (None, key)
        return self._described_elsewhere(iri)

    def _facts_in_graph(self, project: URIRef) -> dict[str, tuple[str, int]]:
        """The single-valued facts the graph already states about an existing project."""
        if self.store is None:
            return {}
        facts: dict[str, tuple[str, int]] = {}
        subject = ox.NamedNode(str(project))
        for name, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate),
                           ("project_code", EKG.projectCode), ("project_title", SKOS.prefLabel),
                           ("project_total_budget", EKG.projectTotalBudget)):
            for quad in self.store.quads_for_pattern(subject, ox.NamedNode(str(prop)), None, None):
                if getattr(quad.graph_name, "value", None) == self.own_graph:
                    continue
                literal = quad.object
                if name == "project_title" and getattr(literal, "language", None) != self.mapping.language:
                    continue
                facts.setdefault(name, (literal.value, 0))
        return facts

    def facts(self, subject: URIRef) -> dict[str, tuple[str, int]]:
        """The single-valued facts known about ``subject``: field -> (value, line that gave it; 0 = the graph)."""
        return self.memory.get(_FACTS, str(subject)) or {}

    def conflicts(self, known: dict[str, tuple[str, int]], label: str,
                  row_facts: dict[str, str]) -> list[tuple[str, str]]:
        """Return (field, message) for each of the row's facts that differs from one ``known`` before."""
        found = []
        for name, value in row_facts.items():
            if name in known and known[name][0] != value:
                before, line = known[name]
                where = "the graph states" if line == 0 else f"line {line} gives"
                found.append((name, f"{label}: {name} {value!r} conflicts with {before!r}, which {where}"))
        return found

    def remember(self, subject: URIRef, known: dict[str, tuple[str, int]], row_facts: dict[str, str],
                 line: int) -> None:
        """Record the facts about ``subject`` of a row that loads (``known``: its facts before the row)."""
        if known.keys() >= row_facts.keys():
            return
        for name, value in row_facts.items():
            known.setdefault(name, (value, line))
        self.memory.put(_FACTS, str(subject), known)

    def programme(self, name: str) -> URIRef | None:
        key = normalise(name)
        if key not in self.programmes:
            found = confident(self.resolver, name, "programme")
            self.programmes[key] = URIRef(found.iri) if found is not None else None
        return self.programmes[key]

    def programme_codes(self) -> dict[str, str]:
        """The graph's programmes by identifier (a CCI code), read once; the source adds the ones it describes."""
        if self.codes is None:  # not this source's own previous version: it describes its programmes again
            self.codes = {code.upper(): iri for code, iri in self._identifiers_in_graph("identifier").items()
                          if any(True for _ in self.store.quads_for_pattern(_node(iri), _T["type"], _T["Programme"]))}
        return self.codes

    def fund(self, name: str) -> str | None:
        """Return the IRI of the graph's fund written ``name`` (its acronym or a name in any language), or None."""
        if self.funds is None:
            self.funds = {}
            if self.store is not None:
                for row in self.store.query(internal_query("fund_names"), use_default_graph_as_union=True):
                    self.funds.setdefault(row["name"].value.lower(), row["fund"].value)
                    self.funds.setdefault(normalise(row["name"].value), row["fund"].value)
        # exactly as written first: ESF and ESF+ are two funds, which the normalised names do not tell apart
        return self.funds.get(name.lower()) or self.funds.get(normalise(name))

    def organisation(self, name: str, iso2: str, kind: str | None = None,
                     identifier: str | None = None) -> tuple[URIRef, bool]:
        """Return the organisation's IRI and whether it is new (not yet in the graph).

        An organisation is found by its identifier (PIC, VAT …) first, then by name. A new
        organisation of a type marked as personal data (a sole trader) gets an opaque IRI
        (:func:`kg.privacy.person_iri`), never one made of its name.
        """
        key = f"id\x1f{identifier}" if identifier else f"name\x1f{normalise(name)}\x1f{iso2}"
        seen = self.memory.get(_ORGANISATIONS, key)
        if seen is not None:
            return URIRef(seen[0]), seen[1]
        known = self.identifiers.get(identifier) if identifier else None
        found = None if known else self._elsewhere(self._confident(name, "organisation"))
        if known is not None or found is not None:
            iri, new = URIRef(known or found.iri), False
        elif kind is not None and str(self.concept("OrganisationType", kind)) in self.personal_types:
            iri, new = person_iri(name, identifier or iso2, folder="organisation"), True
        else:
            tail = slug(identifier) if identifier else iso2.lower()
            iri, new = ID[f"organisation/{slug(name, 60)}-{tail}"], True
        self.memory.put(_ORGANISATIONS, key, (str(iri), new))
        return iri, new
