"""Project–partner tables (CSV or XLSX) → one source graph, through a declarative YAML mapping.

Each row gives one or more partners of one project (a multi-valued cell holds several): the project
(resolved by acronym, else new), the partner organisation (found by its identifier, resolved by name,
else new with its country, NUTS region and type), the participation with its role and amounts, and
the programme (resolved by name). Rows are streamed (:mod:`kg.ingest.tablefile`) and checked; a row
with a problem is reported as ``FILE:LINE [column]: what is wrong``. The statements are streamed to
an N-Triples file (pyoxigraph's serialiser) that the writer loads in one replacement, so a file is
never half-loaded; what the import remembers per project and organisation is kept on disk
(:class:`kg.ingest.diskmap.DiskMap`), so memory does not grow with the table.
``on_error="skip-row"`` keeps the good rows, ``"reject-file"`` keeps nothing when any row is bad.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SDO, SKOS, XSD

from kg.errors import InputError, KgError
from kg.ingest.cells import AmountError, amount, parse_date, split_values
from kg.ingest.diskmap import DiskMap
from kg.ingest.mapping import FIELDS, MAPPINGS_DIR, Mapping, load_mapping
from kg.ingest.reference import ReferenceData, guess_organisation_type, slug
from kg.ingest.resolving import NameResolver, confident, normalise, resolver_for
from kg.ingest.tablefile import JoinedRows, read_rows
from kg.layout import source_graph
from kg.namespaces import EKG, ID, LANGUAGE
from kg.privacy import person_iri, vocabulary
from kg.reference.countries import COUNTRIES, country_triples, world_country
from kg.resolve.normalise import is_latin
from kg.store.manifest import file_sha256
from kg.store.terms import to_oxigraph

__all__ = ["FIELDS", "MAPPINGS_DIR", "Mapping", "RowProblem", "TableResult", "ingest_table", "load_mapping"]

SCHEMA = SDO
_AMOUNTS = (("total_budget", "totalBudget"), ("eu_contribution", "euContribution"))
_BATCH = 20000
# The spaces of the import's memory (:class:`DiskMap`).
_PROJECTS, _ORGANISATIONS, _FACTS, _DESCRIBED, _UNTITLED = "project", "organisation", "facts", "described", "untitled"
_MINTED = "minted"  # a project IRI minted here -> the key (name or code) it was minted for
_RESULT_PROJECTS, _RESULT_NEW, _RESULT_KNOWN = "result-project", "result-new", "result-known"
#: Facts whose name starts with it mark a statement a loaded row wrote; they never conflict (see :func:`_marks`).
_SEEN = "\x1f"
_LOADED = f"{_SEEN}loaded"


@lru_cache(maxsize=65536)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


#: The vocabulary terms a row writes, as pyoxigraph nodes made once (rdflib's namespace lookups are slow).
_T = {name: ox.NamedNode(str(term)) for name, term in {
    "type": RDF.type, "Project": EKG.Project, "acronym": EKG.acronym, "prefLabel": SKOS.prefLabel,
    "projectCode": EKG.projectCode, "priority": EKG.priority, "startDate": SCHEMA.startDate,
    "endDate": SCHEMA.endDate, "projectTotalBudget": EKG.projectTotalBudget, "programme": EKG.programme,
    "organisationId": EKG.organisationId, "Organisation": EKG.Organisation,
    "organisationType": EKG.organisationType, "region": EKG.region, "country": EKG.country,
    "ProjectParticipation": EKG.ProjectParticipation, "project": EKG.project, "participant": EKG.participant,
    "role": EKG.role, "totalBudget": EKG.totalBudget, "euContribution": EKG.euContribution,
    "decimal": XSD.decimal, "date": XSD.date, "altLabel": SKOS.altLabel, "fund": EKG.fund,
    "Programme": EKG.Programme, "identifier": DCTERMS.identifier}.items()}

_FUNDS = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?fund ?name WHERE { ?fund a ekg:Fund . ?fund ekg:acronym|skos:prefLabel|skos:altLabel ?name }"""



def _decimal(value: Decimal) -> ox.Literal:
    return ox.Literal(str(value), datatype=_T["decimal"])


@dataclass(frozen=True)
class RowProblem:
    """A problem of one row: file, line (1 = the header), column and what is wrong."""

    path: str
    line: int
    message: str
    column: str | None = None

    def text(self) -> str:
        column = f" [{self.column}]" if self.column else ""
        return f"{self.path}:{self.line}{column}: {self.message}"


@dataclass
class TableResult:
    """What ingesting a table produced: the source's statements in an N-Triples file, and the row reports."""

    identifier: str
    path: Path
    triples: int = 0
    rows: int = 0
    loaded_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    project_count: int = 0
    new_organisation_count: int = 0
    resolved_organisation_count: int = 0
    memory: Path | None = None  # what the import remembered per resource (:class:`DiskMap`), until discard

    @property
    def organisation_count(self) -> int:
        """The number of organisations of the loaded rows, new and known."""
        return self.new_organisation_count + self.resolved_organisation_count

    def _remembered(self, space: str) -> set[str]:
        if self.memory is None or not self.memory.exists():
            return set()
        memory = DiskMap(self.memory)
        try:
            return memory.keys(space)
        finally:
            memory.close()

    @property
    def projects(self) -> set[str]:
        """The IRIs of the projects of the loaded rows (read from disk: for small tables and tests)."""
        return self._remembered(_RESULT_PROJECTS)

    @property
    def new_organisations(self) -> set[str]:
        """The IRIs of the loaded rows' organisations that the graph did not know."""
        return self._remembered(_RESULT_NEW)

    @property
    def resolved_organisations(self) -> set[str]:
        """The IRIs of the loaded rows' organisations found in the graph."""
        return self._remembered(_RESULT_KNOWN)

    @property
    def graph(self) -> Graph:
        """The source's statements as an rdflib graph (read from :attr:`path`; for small tables and tests)."""
        graph = Graph()
        if self.path.stat().st_size:
            graph.parse(self.path, format="nt")
        return graph

    def discard(self) -> None:
        """Delete the N-Triples file and what the import remembered."""
        self.path.unlink(missing_ok=True)
        if self.memory is not None:
            self.memory.unlink(missing_ok=True)


class _Sink:
    """Writes triples to an N-Triples file in batches, with pyoxigraph's serialiser."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("wb")
        self.batch: list[ox.Triple] = []
        self.count = 0

    def add(self, s: Any, p: Any, o: Any) -> None:
        self.batch.append(ox.Triple(s, p, o))
        if len(self.batch) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            ox.serialize(self.batch, self.handle, ox.RdfFormat.N_TRIPLES)
            self.count += len(self.batch)
            self.batch = []

    def close(self) -> None:
        self.flush()
        self.handle.close()


class _Columns:
    """Where each field of a row comes from: a column of the main file, of the joined file, or a constant."""

    def __init__(self, header: list[Any], mapping: Mapping, path: Path, joined: JoinedRows | None) -> None:
        self.mapping = mapping
        keys = [normalise(str(h or "")) for h in header]
        join_keys = [normalise(h) for h in joined.header] if joined is not None else []
        self.width = len(header)
        self.index: dict[str, int] = {}
        self.headers: dict[str, str] = {}
        prefix = f"{mapping.join.label}:" if joined is not None else None
        for name, accepted in mapping.columns.items():
            for candidate in accepted:
                if prefix is not None and candidate.startswith(prefix):  # a header of the joined rows only
                    key = normalise(candidate[len(prefix):])
                    if key in join_keys:
                        self._use_joined(name, join_keys.index(key), joined)
                        break
                elif normalise(candidate) in keys:
                    self._use(name, keys.index(normalise(candidate)), str(header[keys.index(normalise(candidate))]))
                    break
                elif normalise(candidate) in join_keys:
                    self._use_joined(name, join_keys.index(normalise(candidate)), joined)
                    break
        self.join_key: list[int] = []
        if joined is not None:
            missing = [key for key in mapping.join.key if normalise(key) not in keys]
            if missing:
                raise InputError(path, f"no column {', '.join(map(repr, missing))} to join {joined.label} on", line=1)
            self.join_key = [keys.index(normalise(key)) for key in mapping.join.key]
        for name in mapping.constants:
            self.headers.setdefault(name, f"{name} (constant)")
        self.partners, self.partners_header = None, None
        if mapping.partners is not None:
            found = [keys.index(normalise(c)) for c in mapping.partners.columns if normalise(c) in keys]
            if found:
                self.partners, self.partners_header = found[0], " ".join(str(header[found[0]]).split())
        self.above: dict[str, Any] = {}  # the last value of each fill_down field
        missing = [name for name in mapping.required if name not in self.index and name not in mapping.constants]
        if missing:
            wanted = "; ".join(f"{name} (one of: {', '.join(mapping.columns.get(name, [name]))})" for name in missing)
            raise InputError(path, f"missing column(s) for mapping {mapping.name!r}: {wanted}", line=1)

    def _use_joined(self, name: str, position: int, joined: JoinedRows) -> None:
        self._use(name, self.width + position, f"{joined.label}:{joined.header[position].strip()}")

    def _use(self, name: str, position: int, header: str) -> None:
        self.index[name] = position
        self.headers[name] = " ".join(header.split())

    def values(self, cells: list[Any], joined: JoinedRows | None) -> dict[str, Any]:
        """Return the row's raw value of each field (``values:`` translations and constants applied)."""
        if joined is not None:
            other = joined.cells([cells[p] if p < len(cells) else None for p in self.join_key]) or []
            cells = list(cells) + [None] * (self.width - len(cells)) + list(other)
        found: dict[str, Any] = dict(self.mapping.constants)
        for name, position in self.index.items():
            value = cells[position] if position < len(cells) else None
            if isinstance(value, str):
                value = value.strip() or None
            if value is not None:
                found[name] = value
        for name in self.mapping.fill_down:  # a continuation row: the value of the row above
            if name in self.index and found.get(name) is None and name in self.above:
                found[name] = self.above[name]
            elif name in self.index:
                self.above[name] = found.get(name)
        for name, table in self.mapping.values.items():
            if name in found:
                found[name] = table.get(str(found[name]).strip().lower(), found[name])
                if found[name] == "":  # translated to nothing ("N.a." → ""): an empty cell
                    del found[name]
        return found

    def more_partners(self, cells: list[Any]) -> list[str]:
        """Return the names in the row's cell of further partners (the mapping's ``partners`` column)."""
        if self.partners is None or self.partners >= len(cells):
            return []
        return split_values(cells[self.partners], self.mapping.partners.separators)


#: What a further partner (the mapping's ``partners`` column) does not share with the row's first partner.
_OWN_FIELDS = ("partner_id", "partner_type", "partner_role", "nuts", "total_budget", "eu_contribution")


def _with_more_partners(partners: list[dict[str, Any]], columns: _Columns,
                        cells: list[Any]) -> Iterator[tuple[dict[str, Any], dict[str, str]]]:
    """Yield each partner of the row with its headers: the row's own, then those of the ``partners`` column."""
    for values in partners:
        yield values, columns.headers
    names = columns.more_partners(cells) if partners else []
    if not names:
        return
    shared = {name: value for name, value in partners[0].items() if name not in _OWN_FIELDS}
    headers = {**columns.headers, "partner_name": columns.partners_header,
               "partner_role": f"{columns.partners_header} (role)"}
    for name in names:
        yield {**shared, "partner_name": name, "partner_role": columns.mapping.partners.role}, headers


def _apply_patterns(values: dict[str, Any], mapping: Mapping) -> dict[str, Any]:
    """Return ``values`` with the fields the mapping's ``patterns`` pull out of a cell (a value that does not
    match stays as it is)."""
    if not mapping.patterns:
        return values
    values = dict(values)
    for name, pattern in mapping.patterns.items():
        if values.get(name) is None:
            continue
        match = pattern.fullmatch(str(values[name]).strip())
        if match is None:
            continue
        for group, found in match.groupdict().items():
            if found is not None and found.strip():
                values[group] = " ".join(found.split())
    return values


def _clean(value: Any) -> Any:
    return " ".join(value.split()) or None if isinstance(value, str) else value


_PARTNER_AMOUNTS = ("total_budget", "eu_contribution")


def _expand(values: dict[str, Any], mapping: Mapping) -> list[dict[str, Any]] | str:
    """Return one value set per partner of the row (a multi-valued cell holds several), or a problem."""
    if not mapping.multi_valued:
        return [{name: " ".join(v.split()) if isinstance(v, str) else v for name, v in values.items()}]
    split = {name: split_values(values[name], mapping.separators) for name in mapping.multi_valued if name in values}
    counts = {len(v) for v in split.values() if len(v) > 1}
    if len(counts) > 1:
        return (f"the multi-valued cells hold different numbers of values "
                f"({', '.join(f'{k}: {len(v)}' for k, v in split.items())})")
    many = counts.pop() if counts else 1
    # One amount for several partners of one cell is none of theirs: copied to each, it would count once per
    # partner. It is left out (the caller warns); a project's total (project_total_budget) stays the project's.
    shared = {name for name in _PARTNER_AMOUNTS if many > 1 and values.get(name) is not None
              and len(split.get(name, [None])) != many}
    rows = []
    for i in range(many):
        row = {name: _clean(value) for name, value in values.items() if name not in shared}
        for name, parts in split.items():
            if name not in shared:
                row[name] = parts[i] if len(parts) == many else (parts[0] if parts else None)
        rows.append(row)
    return rows


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
        self.reference = reference
        self.store = store
        self.programmes: dict[str, URIRef | None] = {}
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

    def _elsewhere(self, found: Any) -> Any:
        """``found`` when some graph other than this source's own previous version describes it, else None."""
        if found is None or self.store is None:
            return found
        for quad in self.store.quads_for_pattern(_node(found.iri), _T["type"], None, None):
            if getattr(quad.graph_name, "value", None) != self.own_graph:
                return found
        return None

    def project(self, acronym: str, code: str | None = None, programme: str | None = None) -> tuple[URIRef, bool]:
        """Return the project's IRI and whether it is new: found by its code first, else resolved by acronym.

        With a code, two projects that share an acronym (several H2020 projects are called INTERACT) are
        two projects; a project the acronym resolves to is taken only when the graph gives it no other code.
        Without a code, an acronym is one project per programme (Interreg programmes reuse acronyms): the
        second programme's project gets the programme in its IRI.
        """
        key = f"code {code}" if code else normalise(acronym) + (f" | {normalise(programme)}" if programme else "")
        seen = self.memory.get(_PROJECTS, key)
        if seen is not None:
            return URIRef(seen), False
        known = self.project_codes.get(code) if code else None
        found = None if known else self._elsewhere(confident(self.resolver, acronym, "project"))
        facts = self._facts_in_graph(URIRef(known or found.iri)) if (known or found) else {}
        if found is not None and code and facts.get("project_code", (code, 0))[0] != code:
            found, facts = None, {}
        if (known or found) and programme and not code \
                and self.memory.get(_MINTED, str(known or found.iri), key) != key:
            known, found, facts = None, None, {}  # the acronym of another programme's project: a second project
        iri = URIRef(known or found.iri) if (known or found) else self._mint(acronym, code, programme, key)
        if self.memory.get(_MINTED, str(iri)) is None:
            self.memory.put(_MINTED, str(iri), key)
        self.memory.put(_PROJECTS, key, str(iri))
        self.memory.put(_FACTS, str(iri), {**self.facts(iri), **facts})
        return iri, not (known or found)

    def _mint(self, acronym: str, code: str | None, programme: str | None, key: str) -> URIRef:
        """A new project's IRI: from its acronym and code, else its acronym (and programme, when the acronym is
        taken by another programme's project); a hash of the key when two names shorten to one slug."""
        base = f"project/{slug(acronym)}" + (f"-{slug(code)}" if code else "")
        if programme and not code and self.memory.get(_MINTED, str(ID[base]), key) != key:
            base = f"{base}-{slug(programme)}"
        if self.memory.get(_MINTED, str(ID[base]), key) != key:  # two names whose shortened slugs are one
            base = f"project/{slug(acronym)}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"
        return ID[base]

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
        if all(name in known for name in row_facts):
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
                for row in self.store.query(_FUNDS, use_default_graph_as_union=True):
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
        found = None if known else self._elsewhere(confident(self.resolver, name, "organisation"))
        if known is not None or found is not None:
            iri, new = URIRef(known or found.iri), False
        elif kind is not None and str(self.concept("OrganisationType", kind)) in self.personal_types:
            iri, new = person_iri(name, identifier or iso2, folder="organisation"), True
        else:
            tail = slug(identifier) if identifier else iso2.lower()
            iri, new = ID[f"organisation/{slug(name, 60)}-{tail}"], True
        self.memory.put(_ORGANISATIONS, key, (str(iri), new))
        return iri, new


@dataclass
class _Row:
    """One partner of one row: its values, and what checking them found."""

    line: int
    values: dict[str, Any]
    headers: dict[str, str]
    path: Path
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    def problem(self, message: str, name: str | None = None) -> None:
        found = RowProblem(str(self.path), self.line, message, self.headers.get(name, name))
        if found not in self.problems:  # two fields read from one column: one report
            self.problems.append(found)

    def warning(self, message: str, name: str | None = None) -> None:
        self.warnings.append(RowProblem(str(self.path), self.line, message, self.headers.get(name, name)))


def _check_place(row: _Row, builder: _Builder) -> tuple[tuple[str, str] | None, tuple[str, str | None] | None]:
    values, reference = row.values, builder.reference
    country = builder.country(str(values["country"])) if values.get("country") else None
    if values.get("country") and country is None:
        row.problem(f"unknown country {values['country']!r}", "country")
    region = None
    if values.get("nuts"):
        region = reference.region(str(values["nuts"]))
        if region is None and country is not None and country[0] not in builder.reference_countries:
            row.warning(f"{values['nuts']!r}: no NUTS region outside Europe; the partner is loaded with its "
                        "country only", "nuts")
        elif region is None:
            row.problem(f"{values['nuts']!r} is not a NUTS code of the graph's NUTS regions", "nuts")
        elif country is not None and region[1] and region[1] != country[1]:
            row.problem(f"NUTS region {values['nuts']} is not in country {values['country']}", "nuts")
        elif country is None and region[1]:
            country = builder.country(region[1])
    return country, region


@lru_cache(maxsize=4096)
def _parse_date_text(text: str, formats: tuple[str, ...]) -> Any:
    return parse_date(text, list(formats))


def _parse_date(value: Any, formats: tuple[str, ...]) -> Any:
    """:func:`kg.ingest.cells.parse_date`, cached by cell text (a table repeats its projects' dates)."""
    return _parse_date_text(value, formats) if isinstance(value, str) else parse_date(value, list(formats))


def _check_amounts_dates(row: _Row, mapping: Mapping) -> tuple[dict[str, Decimal], dict]:
    values = row.values
    amounts: dict[str, Decimal] = {}
    for name in ("total_budget", "eu_contribution", "project_total_budget"):
        if values.get(name) is not None:
            try:
                cell = values[name]
                if values.get("currency") and isinstance(cell, str):  # a currency column: "337478.4" + "SEK"
                    cell = f"{cell} {values['currency']}"
                amounts[name] = amount(cell, mapping.exchange_rates, mapping.decimal_separator, mapping.currency)
            except AmountError as error:
                row.problem(str(error), name)
    dates = {}
    for name in ("start", "end"):
        if values.get(name) is not None:
            try:
                dates[name] = _parse_date(values[name], tuple(mapping.date_formats))
            except ValueError:
                row.problem(f"{values[name]!r} is not a date (formats: {', '.join(mapping.date_formats)})", name)
    if "start" in dates and "end" in dates and dates["end"] < dates["start"]:
        row.problem(f"the project ends ({dates['end']}) before it starts ({dates['start']})", "end")
    if {"eu_contribution", "total_budget"} <= set(amounts) and amounts["eu_contribution"] > amounts["total_budget"]:
        row.problem("the EU contribution is larger than the partner's total budget", "eu_contribution")
    return amounts, dates


def _organisation_kind(row: _Row, builder: _Builder, organisation: URIRef) -> str | None:
    values, mapping = row.values, builder.mapping
    if values.get("partner_type"):
        kind = mapping.organisation_types.get(str(values["partner_type"]).lower())
    else:  # no type given: the one an earlier row gave, else the mapping's name patterns, else a guess
        kind = builder.facts(organisation).get("partner_type", (None, 0))[0]
    name = str(values["partner_name"])
    return (kind or mapping.type_from_name(name) or guess_organisation_type(name)
            or mapping.organisation_types.get(""))


def _required(row: _Row, mapping: Mapping) -> bool:
    """Apply the mapping's ``extract`` patterns and report each empty required cell; return True when all is well."""
    for name, pattern in mapping.extract.items():
        if row.values.get(name) is not None:
            found = pattern.search(str(row.values[name]))
            if found is None:
                row.problem(f"{row.values[name]!r} does not contain what the mapping extracts "
                            f"({pattern.pattern})", name)
                continue
            row.values[name] = found.group(1 if pattern.groups else 0)
    for name in mapping.required:
        if row.values.get(name) in (None, ""):
            row.problem("empty required cell", name)
    return not row.problems


def _partner(row: _Row, builder: _Builder, country: tuple[str, str] | None) -> dict | None:
    """Find or mint the row's organisation; return its IRI, whether it is new, its type and identifier."""
    values, mapping = row.values, builder.mapping
    partner = str(values["partner_name"])
    identifier = str(values["partner_id"]) if values.get("partner_id") else None
    given = values.get("partner_type")
    hint = mapping.organisation_types.get(str(given).lower()) if given else mapping.type_from_name(partner)
    organisation, new = builder.organisation(partner, country[1] if country else "xx", hint, identifier)
    kind = _organisation_kind(row, builder, organisation) if new else None
    if new and (kind is None or builder.concept("OrganisationType", kind) is None):
        given = f"the type {values['partner_type']!r}" if values.get("partner_type") else "no type"
        row.problem(f"{given} of new organisation {partner!r}: not one the mapping's organisation_types knows, "
                    "and the name suggests none", "partner_type")
        return None
    return {"organisation": organisation, "new": new, "kind": kind, "identifier": identifier}


def _check(row: _Row, builder: _Builder) -> dict | None:
    """Check one partner row; return what its statements need, or None when it has problems."""
    mapping, values = builder.mapping, row.values
    if not _required(row, mapping):
        return None
    role_text = str(values.get("partner_role") or "partner").lower()
    role_local = mapping.roles.get(role_text, slug(role_text))
    role = builder.concept("Role", role_local)
    if role is None:
        row.problem(f"unknown partner role {values.get('partner_role')!r} (add it to the mapping's roles)",
                    "partner_role")
    country, region = _check_place(row, builder)
    amounts, dates = _check_amounts_dates(row, mapping)
    if row.problems:
        return None
    partner = _partner(row, builder, country)
    if partner is None:
        return None
    return {"role": role, "role_local": role_local, "country": country, "region": region, "amounts": amounts,
            "dates": dates, **partner, "original": _original_title(values, mapping, country)}


def _list_organisation(row: _Row, builder: _Builder, result: TableResult) -> bool:
    """Check one row of a list of organisations (``rows: organisations``) and hold its organisation.

    An organisation is written once the whole list is read (:func:`_write_listed`), with the region
    most of its rows give: a body the list names in several regions equally often (a ministry, a
    national agency) is in none of them in particular and is written without a region. Its other
    spellings become alternative names.
    """
    if not _required(row, builder.mapping):
        return False
    country, region = _check_place(row, builder)
    partner = None if row.problems else _partner(row, builder, country)
    if partner is None:
        return False
    organisation = partner["organisation"]
    builder.memory.add(_RESULT_NEW if partner["new"] else _RESULT_KNOWN, str(organisation))
    held = builder.listed.setdefault(organisation, _Listed(row, {**partner, "country": country}))
    if region is not None:
        held.regions.setdefault(region, []).append(row.line)
    if str(row.values["partner_name"]) != held.row.values["partner_name"]:
        held.spellings.add(str(row.values["partner_name"]))
    return True


@dataclass
class _Listed:
    """An organisation of a list (``rows: organisations``): its first row, the regions its rows give, its spellings."""

    row: _Row
    checked: dict
    regions: dict[tuple, list[int]] = field(default_factory=dict)  # region -> lines that give it
    spellings: set[str] = field(default_factory=set)

    def region(self, result: TableResult) -> tuple | None:
        """The region most of its rows give, or None (with a warning) when none does."""
        if len(self.regions) < 2:
            return next(iter(self.regions), None)
        ranked = sorted(self.regions.items(), key=lambda item: -len(item[1]))
        if len(ranked[0][1]) * 2 > sum(len(lines) for lines in self.regions.values()):
            return ranked[0][0]
        lines = sorted(line for found in self.regions.values() for line in found)
        result.warnings.append(RowProblem(
            str(self.row.path), self.row.line, f"{self.row.values['partner_name']!r} is listed in "
            f"{len(self.regions)} regions (lines {', '.join(map(str, lines[:5]))}{' …' if len(lines) > 5 else ''}) "
            "and none holds most of its rows: it is loaded without a region", self.row.headers.get("nuts", "nuts")))
        return None


def _write_listed(sink: _Sink, builder: _Builder, result: TableResult) -> None:
    """Write the organisations of a list (``rows: organisations``), each once."""
    for organisation, held in builder.listed.items():
        checked = {**held.checked, "region": held.region(result)}
        _emit_organisation(sink, held.row, builder, checked, set())
        if checked["new"]:
            language = builder.mapping.language_of(checked["country"][1] if checked["country"] else None)
            for name in sorted(held.spellings):
                sink.add(_node(str(organisation)), _T["altLabel"], ox.Literal(name, language=language))


def _original_title(values: dict[str, Any], mapping: Mapping, country: tuple[str, str] | None) -> tuple | None:
    """Return (title, language) of the row's title in the programme's language, or None.

    Its language is the country's (``languages:``); a title in the mapping's own language is the
    ``project_title`` itself, so it is taken only when the row gives no ``project_title``.
    """
    text = values.get("project_title_original")
    if not text:
        return None
    language = mapping.language_of(country[1] if country else None)
    if language == mapping.language and values.get("project_title"):
        return None
    return str(text), language


def _alt_language(name: str, alternative: str, language: str) -> str:
    """The language tag of ``alternative``: ``xx-Latn`` for a Latin transliteration of a name in another script."""
    return f"{language}-Latn" if is_latin(alternative) and not is_latin(name) else language


def _facts(row: _Row, checked: dict, project: URIRef, participation: URIRef) -> list:
    values, dates, amounts = row.values, checked["dates"], checked["amounts"]
    project_facts = {name: dates[name].isoformat() for name in dates}
    if values.get("project_title"):
        project_facts["project_title"] = str(values["project_title"])
    if checked["original"] is not None:
        project_facts["project_title_original"] = checked["original"][0]
    if values.get("project_code"):
        project_facts["project_code"] = str(values["project_code"]).upper().replace(" ", "")
    if "project_total_budget" in amounts:
        project_facts["project_total_budget"] = str(amounts["project_total_budget"])
    organisation_facts = {}
    if checked["new"]:
        organisation_facts["partner_type"] = str(checked["kind"])
        if checked["region"] is not None:
            organisation_facts["nuts"] = str(checked["region"][0]).rsplit("/", 1)[-1]
    participation_facts = {"partner_role": checked["role_local"]}
    participation_facts.update({name: str(amounts[name]) for name, _ in _AMOUNTS if name in amounts})
    partner, acronym = values["partner_name"], values["project_acronym"]
    return [(project, f"project {acronym}", project_facts),
            (checked["organisation"], f"partner {partner!r}", organisation_facts),
            (participation, f"the participation of {partner!r} in {acronym}", participation_facts)]


def _marks(values: dict[str, Any], identifier: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """Names that record, in a project's and an organisation's facts, statements a loaded row wrote that are
    no single-valued fact (a priority, a programme, an identifier), so that later rows do not write them again."""
    project = {_LOADED: "1"}
    if values.get("priority"):
        project[f"{_SEEN}priority{_SEEN}{values['priority']}"] = "1"
    if values.get("programme"):
        project[f"{_SEEN}programme{_SEEN}{values['programme']}"] = "1"
    organisation = {}
    if identifier:
        organisation[f"{_SEEN}id{_SEEN}{identifier}"] = "1"
    return project, organisation


def _emit_project(sink: _Sink, row: _Row, builder: _Builder, project: URIRef, checked: dict,
                  written: set[str]) -> None:
    """Write the project's statements that no earlier loaded row wrote (``written``: the names of its facts
    and marks that earlier loaded rows gave)."""
    values, language = row.values, builder.mapping.language
    p = _node(str(project))
    if _LOADED not in written and builder.memory.add(_DESCRIBED, str(project)):
        sink.add(p, _T["type"], _T["Project"])
        sink.add(p, _T["acronym"], ox.Literal(str(values["project_acronym"])))
        if checked["new_project"]:
            builder.memory.put(_UNTITLED, str(project), str(values["project_acronym"]))
    if values.get("project_title") and "project_title" not in written:
        builder.memory.delete(_UNTITLED, str(project))
        sink.add(p, _T["prefLabel"], ox.Literal(str(values["project_title"]), language=language))
    if checked["original"] is not None and "project_title_original" not in written:
        builder.memory.delete(_UNTITLED, str(project))
        sink.add(p, _T["prefLabel"], ox.Literal(checked["original"][0], language=checked["original"][1]))
    if values.get("project_code") and "project_code" not in written:
        sink.add(p, _T["projectCode"], ox.Literal(str(values["project_code"]).upper().replace(" ", "")))
    if values.get("priority") and f"{_SEEN}priority{_SEEN}{values['priority']}" not in written:
        sink.add(p, _T["priority"], ox.Literal(str(values["priority"])))
    for name, prop in (("start", "startDate"), ("end", "endDate")):
        if name in checked["dates"] and name not in written:
            sink.add(p, _T[prop], ox.Literal(checked["dates"][name].isoformat(), datatype=_T["date"]))
    if "project_total_budget" in checked["amounts"] and "project_total_budget" not in written:
        sink.add(p, _T["projectTotalBudget"], _decimal(checked["amounts"]["project_total_budget"]))
    _emit_programme_and_fund(sink, row, builder, p, written)


def _emit_programme_and_fund(sink: _Sink, row: _Row, builder: _Builder, p: ox.NamedNode, written: set[str]) -> None:
    """Write the project's programme (by code, else by name) and fund; warn of a programme or fund not in the graph."""
    values = row.values
    if values.get("programme_code"):
        sink.add(p, _T["programme"], _node(_programme_by_code(sink, row, builder)))
    elif values.get("programme"):
        programme = builder.programme(str(values["programme"]))
        if programme is None:
            row.warning(f"programme {values['programme']!r} is not in the graph; the project is loaded without it",
                        "programme")
        elif f"{_SEEN}programme{_SEEN}{values['programme']}" not in written:
            sink.add(p, _T["programme"], _node(str(programme)))
    if values.get("fund"):
        fund = builder.fund(str(values["fund"]))
        if fund is None:
            row.warning(f"fund {values['fund']!r} is not in the graph; the project is loaded without it", "fund")
        else:
            sink.add(p, _T["fund"], _node(fund))


def _programme_by_code(sink: _Sink, row: _Row, builder: _Builder) -> str:
    """Return the programme of the row's code (a CCI such as 2014BG16RFOP001): the graph's programme with that
    identifier, else one this source describes, with the code and the row's programme name."""
    code = str(row.values["programme_code"]).strip().upper()
    known = builder.programme_codes()
    if code not in known:
        known[code] = str(ID[f"programme/{slug(code)}"])
        programme = _node(known[code])
        sink.add(programme, _T["type"], _T["Programme"])
        sink.add(programme, _T["identifier"], ox.Literal(code))
        sink.add(programme, _T["prefLabel"], ox.Literal(str(row.values.get("programme") or code), language="en"))
    return known[code]


def _emit_organisation(sink: _Sink, row: _Row, builder: _Builder, checked: dict, written: set[str]) -> None:
    """Write the organisation's statements that no earlier loaded row wrote."""
    organisation, country, region = checked["organisation"], checked["country"], checked["region"]
    o = _node(str(organisation))
    if checked["identifier"] and f"{_SEEN}id{_SEEN}{checked['identifier']}" not in written:
        sink.add(o, _T["organisationId"], ox.Literal(checked["identifier"]))
    if not checked["new"] or not builder.memory.add(_DESCRIBED, str(organisation)):
        return
    sink.add(o, _T["type"], _T["Organisation"])
    language = builder.mapping.language_of(country[1] if country else None)
    sink.add(o, _T["prefLabel"], ox.Literal(str(row.values["partner_name"]), language=language))
    alternative = row.values.get("partner_alt_name")
    if alternative and alternative != row.values["partner_name"]:
        sink.add(o, _T["altLabel"], ox.Literal(str(alternative), language=_alt_language(
            str(row.values["partner_name"]), str(alternative), language)))
    sink.add(o, _T["organisationType"],
             _node(str(builder.concept("OrganisationType", checked["kind"]))))
    if region is not None:
        sink.add(o, _T["region"], _node(str(region[0])))
    if country is not None:
        sink.add(o, _T["country"], _node(country[0]))
        if country[0] not in builder.reference_countries and country[0] not in builder.other_countries:
            builder.other_countries.add(country[0])  # a country outside the reference graph: described here
            for triple in country_triples(world_country(country[1])):
                sink.add(*(to_oxigraph(term) for term in triple))


def _emit_participation(sink: _Sink, participation: URIRef, project: URIRef, checked: dict,
                        written: set[str]) -> None:
    s = ox.NamedNode(str(participation))
    if "partner_role" not in written:  # else an earlier row wrote it (with the same role)
        sink.add(s, _T["type"], _T["ProjectParticipation"])
        sink.add(s, _T["project"], _node(str(project)))
        sink.add(s, _T["participant"], _node(str(checked["organisation"])))
        sink.add(s, _T["role"], _node(str(checked["role"])))
    for name, prop in _AMOUNTS:
        if name in checked["amounts"] and name not in written:
            sink.add(s, _T[prop], _decimal(checked["amounts"][name]))


def _count(result: TableResult, builder: _Builder, project: URIRef, checked: dict, written: list[set[str]]) -> None:
    """Count the project and organisation of a loaded row, unless an earlier loaded row named them."""
    memory = builder.memory
    if _LOADED not in written[0]:
        memory.add(_RESULT_PROJECTS, str(project))
    memory.add(_RESULT_NEW if checked["new"] else _RESULT_KNOWN, str(checked["organisation"]))


def _emit(sink: _Sink, row: _Row, builder: _Builder, result: TableResult) -> bool:
    """Check one partner row and write its statements; return True when it loads."""
    checked = _check(row, builder)
    if checked is None:
        return False
    code = str(row.values["project_code"]).upper().replace(" ", "") if row.values.get("project_code") else None
    programme = str(row.values["programme"]) if row.values.get("programme") else None
    project, checked["new_project"] = builder.project(str(row.values["project_acronym"]), code, programme)
    organisation = checked["organisation"]
    participation = ID[f"participation/{project.rsplit('/', 1)[-1]}-{organisation.rsplit('/', 1)[-1]}"[:200]]
    # The shapes allow one title (per language), code, start, end and total per project, one region and type
    # per organisation, one role and one amount of each kind per participation: rows that disagree
    # with earlier rows (or the graph) on any of them are problems, never a second value.
    facts = _facts(row, checked, project, participation)
    known = [builder.facts(subject) for subject, _label, _facts in facts]
    for (_subject, label, subject_facts), before in zip(facts, known, strict=True):
        for name, message in builder.conflicts(before, label, subject_facts):
            row.problem(message, name)
    if row.problems:
        return False
    # What earlier loaded rows gave (line > 0): their statements are written already.
    written = [{name for name, (_value, line) in before.items() if line} for before in known]
    marks = _marks(row.values, checked["identifier"])
    for (subject, _label, subject_facts), before, mark in zip(facts, known, (*marks, {}), strict=True):
        builder.remember(subject, before, {**subject_facts, **mark}, row.line)
    _count(result, builder, project, checked, written)
    _emit_project(sink, row, builder, project, checked, written[0])
    _emit_organisation(sink, row, builder, checked, written[1])
    _emit_participation(sink, participation, project, checked, written[2])
    return True


def _source_description(sink: _Sink, path: Path, mapping: Mapping, result: TableResult, digest: str) -> None:
    from kg.ingest.sources import stamp

    graph = Graph()
    doc = source_graph(result.identifier)
    graph.add((doc, RDF.type, EKG.SourceDocument))
    graph.add((doc, DCTERMS.identifier, Literal(result.identifier)))
    graph.add((doc, DCTERMS.title, Literal(f"{path.name} ({mapping.name} table, {result.loaded_rows} rows)")))
    graph.add((doc, DCTERMS.language, LANGUAGE[_LANG3.get(mapping.language, "ENG")]))
    graph.add((doc, DCTERMS.format, Literal(_MEDIA_TYPES.get(path.suffix.lower(), "text/csv"))))
    graph.add((doc, EKG.sha256, Literal(digest)))
    stamp(graph, result.identifier)
    for triple in graph:
        sink.add(*(to_oxigraph(term) for term in triple))


def _rows(path: Path, mapping: Mapping, join: Path | None) -> tuple[_Columns, JoinedRows | None, Iterator]:
    joined = None
    if mapping.join is not None:  # a file beside the table (or --join), or a sheet of the workbook
        second = join or (path.with_name(mapping.join.file) if mapping.join.file else path)
        if mapping.join.sheet and second.suffix.lower() not in (".xlsx", ".xlsm"):
            raise InputError(second, f"the mapping joins the sheet {mapping.join.sheet!r}: give the XLSX workbook")
        if second.is_file() or not mapping.join.optional:
            joined = JoinedRows(second, mapping.join.on, normalise, mapping.encoding, mapping.join.sheet)
    rows = read_rows(path, mapping.encoding, mapping.quoting, mapping.sheet)
    header = next(rows, None)
    if header is None or not any(str(c or "").strip() for c in header[1]):
        raise InputError(path, "the table has no header row")
    return _Columns(header[1], mapping, path, joined), joined, rows


def ingest_table(path: Path, mapping: Mapping, store: ox.Store, on_error: str = "skip-row",
                 identifier: str | None = None, progress: Callable[[int], None] | None = None,
                 resolver: NameResolver | None = None, join: Path | None = None) -> TableResult:
    """Read the table at ``path`` with ``mapping`` and return its source statements and row problems.

    Nothing is loaded here: the caller puts ``result.path`` (N-Triples) in as the source (see
    :func:`kg.ingest.sources.replace_source`). With ``on_error="reject-file"`` the file is empty when
    any row has a problem. ``join`` is the second file of a mapping with ``join:`` (default: the file
    the mapping names, beside ``path``).

    Raises
    ------
    InputError
        The file is missing, empty, binary, in no known encoding, or lacks a required column.
    """
    from kg.ingest.sources import check_identifier, identifier_for

    if on_error not in ("skip-row", "reject-file"):
        raise KgError(f"--on-error must be skip-row or reject-file, not {on_error!r}")
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.stat().st_size == 0:
        raise InputError(path, "the file is empty")
    identifier = check_identifier(identifier or identifier_for(path))
    columns, joined, rows = _rows(path, mapping, join)
    handle, name = tempfile.mkstemp(prefix=f"eukg-{identifier}-", suffix=".nt")
    os.close(handle)
    result = TableResult(identifier, Path(name), memory=Path(name).with_suffix(".sqlite"))
    sink = _Sink(result.path)
    memory = DiskMap(result.memory)
    try:
        builder = _Builder(mapping, resolver or resolver_for(store), ReferenceData.from_store(store), memory, store,
                           str(source_graph(identifier)))
        _stream(rows, columns, joined, builder, sink, result, path, progress)
        _write_listed(sink, builder, result)
        for project, acronym in memory.items(_UNTITLED):  # a project needs a name: its acronym, when no title
            sink.add(_node(project), _T["prefLabel"], ox.Literal(acronym, language=mapping.language))
        result.project_count = memory.count(_RESULT_PROJECTS)
        result.new_organisation_count = memory.count(_RESULT_NEW)
        result.resolved_organisation_count = memory.count(_RESULT_KNOWN)
        if result.rows == 0:
            raise InputError(path, "the table has a header but no rows")
        if result.problems and on_error == "reject-file":
            sink.close()
            result.path.write_bytes(b"")
            result.loaded_rows = result.triples = 0
            return result
        _source_description(sink, path, mapping, result, file_sha256(path))
        sink.close()
    except BaseException:
        sink.close()
        result.discard()
        raise
    finally:
        memory.close()
    result.triples = sink.count
    return result


def _stream(rows: Iterator, columns: _Columns, joined: JoinedRows | None, builder: _Builder, sink: _Sink,
            result: TableResult, path: Path, progress: Callable[[int], None] | None) -> None:
    for line, cells in rows:
        if not any(str(c or "").strip() for c in cells):
            continue
        result.rows += 1
        values = columns.values(cells, joined)
        partners = _expand(values, builder.mapping)
        before = len(result.problems)
        if isinstance(partners, str):
            result.problems.append(RowProblem(str(path), line, partners))
            partners = []
        for name in _PARTNER_AMOUNTS:
            if len(partners) > 1 and values.get(name) is not None and name not in partners[0]:
                result.warnings.append(RowProblem(
                    str(path), line, f"one amount ({values[name]}) for the {len(partners)} partners of the row: "
                    "given to none of them", columns.headers.get(name, name)))
        named = set()
        for values, headers in _with_more_partners(partners, columns, cells):
            values = _apply_patterns(values, builder.mapping)
            name = normalise(str(values.get("partner_name") or ""))
            if name and name in named:  # a partner named twice in one row (the lead again among the partners)
                continue
            named.add(name)
            row = _Row(line, values, headers, path)
            if builder.mapping.rows == "organisations":
                _list_organisation(row, builder, result)
            else:
                _emit(sink, row, builder, result)
            result.problems += row.problems
            result.warnings += row.warnings
        if len(result.problems) == before:
            result.loaded_rows += 1
        if progress is not None and result.rows % 1000 == 0:
            progress(result.rows)
    if progress is not None:
        progress(result.rows)


_MEDIA_TYPES = {".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".xls": "application/vnd.ms-excel"}
_LANG3 = {"en": "ENG", "pl": "POL", "ro": "RON", "it": "ITA", "es": "SPA", "de": "DEU", "fr": "FRA", "el": "ELL",
          "hr": "HRV", "bg": "BUL", "cs": "CES", "sk": "SLK", "sl": "SLV", "hu": "HUN", "pt": "POR", "nl": "NLD",
          "da": "DAN", "fi": "FIN", "sv": "SWE", "lt": "LIT", "lv": "LAV", "et": "EST", "mt": "MLT", "ga": "GLE"}
