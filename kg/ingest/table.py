"""Project–partner tables (CSV or XLSX) → one source graph, through a declarative YAML mapping.

Each row gives one or more partners of one project (a multi-valued cell holds several): the project
(resolved by acronym, else new), the partner organisation (found by its identifier, resolved by name,
else new with its country, NUTS region and type), the participation with its role and amounts, and
the programme (resolved by name). Rows are streamed (:mod:`kg.ingest.tablefile`) and checked; a row
with a problem is reported as ``FILE:LINE [column]: what is wrong``. The statements are streamed to
an N-Triples file (pyoxigraph's serialiser) that the writer loads in one replacement, so memory holds
only one entry per project and organisation, and a file is never half-loaded.
``on_error="skip-row"`` keeps the good rows, ``"reject-file"`` keeps nothing when any row is bad.
"""

from __future__ import annotations

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
from kg.ingest.mapping import FIELDS, MAPPINGS_DIR, Mapping, load_mapping
from kg.ingest.reference import ReferenceData, guess_organisation_type, slug
from kg.ingest.resolving import NameResolver, confident, normalise, resolver_for
from kg.ingest.tablefile import JoinedRows, read_rows
from kg.layout import source_graph
from kg.namespaces import EKG, ID, LANGUAGE
from kg.privacy import person_iri, vocabulary
from kg.reference.countries import COUNTRIES, country_triples, world_country
from kg.store.manifest import file_sha256
from kg.store.terms import to_oxigraph

__all__ = ["FIELDS", "MAPPINGS_DIR", "Mapping", "RowProblem", "TableResult", "ingest_table", "load_mapping"]

SCHEMA = SDO
_AMOUNTS = (("total_budget", "totalBudget"), ("eu_contribution", "euContribution"))
_BATCH = 20000


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
    "decimal": XSD.decimal, "date": XSD.date}.items()}


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
    projects: set[str] = field(default_factory=set)
    new_organisations: set[str] = field(default_factory=set)
    resolved_organisations: set[str] = field(default_factory=set)

    @property
    def graph(self) -> Graph:
        """The source's statements as an rdflib graph (read from :attr:`path`; for small tables and tests)."""
        graph = Graph()
        if self.path.stat().st_size:
            graph.parse(self.path, format="nt")
        return graph

    def discard(self) -> None:
        """Delete the N-Triples file."""
        self.path.unlink(missing_ok=True)


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
        prefix = f"{mapping.join.file}:" if joined is not None else None
        for name, accepted in mapping.columns.items():
            for candidate in accepted:
                if prefix is not None and candidate.startswith(prefix):  # a header of the joined file only
                    key = normalise(candidate[len(prefix):])
                    if key in join_keys:
                        self._use(name, self.width + join_keys.index(key),
                                  f"{joined.path.name}:{joined.header[join_keys.index(key)].strip()}")
                        break
                elif normalise(candidate) in keys:
                    self._use(name, keys.index(normalise(candidate)), str(header[keys.index(normalise(candidate))]))
                    break
                elif normalise(candidate) in join_keys:
                    position = join_keys.index(normalise(candidate))
                    self._use(name, self.width + position, f"{joined.path.name}:{joined.header[position].strip()}")
                    break
        self.join_key = None
        if joined is not None:
            if normalise(mapping.join.key) not in keys:
                raise InputError(path, f"no column {mapping.join.key!r} to join {joined.path.name} on", line=1)
            self.join_key = keys.index(normalise(mapping.join.key))
        for name in mapping.constants:
            self.headers.setdefault(name, f"{name} (constant)")
        missing = [name for name in mapping.required if name not in self.index and name not in mapping.constants]
        if missing:
            wanted = "; ".join(f"{name} (one of: {', '.join(mapping.columns.get(name, [name]))})" for name in missing)
            raise InputError(path, f"missing column(s) for mapping {mapping.name!r}: {wanted}", line=1)

    def _use(self, name: str, position: int, header: str) -> None:
        self.index[name] = position
        self.headers[name] = " ".join(header.split())

    def values(self, cells: list[Any], joined: JoinedRows | None) -> dict[str, Any]:
        """Return the row's raw value of each field (``values:`` translations and constants applied)."""
        if joined is not None:
            other = joined.cells(cells[self.join_key] if self.join_key < len(cells) else None) or []
            cells = list(cells) + [None] * (self.width - len(cells)) + list(other)
        found: dict[str, Any] = dict(self.mapping.constants)
        for name, position in self.index.items():
            value = cells[position] if position < len(cells) else None
            if isinstance(value, str):
                value = value.strip() or None
            if value is not None:
                found[name] = value
        for name, table in self.mapping.values.items():
            if name in found:
                found[name] = table.get(str(found[name]).strip().lower(), found[name])
        return found


def _clean(value: Any) -> Any:
    return " ".join(value.split()) or None if isinstance(value, str) else value


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
    rows = []
    for i in range(many):
        row = {name: _clean(value) for name, value in values.items()}
        for name, parts in split.items():
            row[name] = parts[i] if len(parts) == many else (parts[0] if parts else None)
        rows.append(row)
    return rows


class _Builder:
    """Turns checked rows into triples, minting or resolving each resource once."""

    def __init__(self, mapping: Mapping, resolver: NameResolver, reference: ReferenceData,
                 store: ox.Store | None = None, own_graph: str | None = None) -> None:
        self.mapping = mapping
        self.own_graph = own_graph  # the previous version of this source: replaced, so not a conflict
        self.resolver = resolver
        self.reference = reference
        self.store = store
        self.projects: dict[str, URIRef] = {}
        self.organisations: dict[tuple[str, str], tuple[URIRef, bool]] = {}
        self.programmes: dict[str, URIRef | None] = {}
        self.countries: dict[str, tuple[str, str] | None] = {}
        self.described: set[str] = set()  # resources whose description was written
        self.untitled: dict[str, str] = {}  # new projects no row gave a title yet: IRI -> acronym
        self._concepts: dict[tuple[str, str], URIRef | None] = {}
        # Organisation types marked as personal data (natural persons): their members get opaque IRIs.
        self.personal_types = {concept.value for concept in vocabulary(store).concepts}
        # Single-valued facts of each resource: field -> (value, line that gave it; 0 = the graph).
        self.facts: dict[URIRef, dict[str, tuple[str, int]]] = {}
        self.identifiers = self._identifiers_in_graph()
        self.project_codes = self._identifiers_in_graph("projectCode")
        # The countries of the reference graph; any other is described by the source that names it.
        self.reference_countries = {str(country.iri) for country in COUNTRIES}

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

    def project(self, acronym: str, code: str | None = None) -> tuple[URIRef, bool]:
        """Return the project's IRI and whether it is new: found by its code first, else resolved by acronym.

        With a code, two projects that share an acronym (several H2020 projects are called INTERACT) are
        two projects; a project the acronym resolves to is taken only when the graph gives it no other code.
        """
        key = f"code {code}" if code else normalise(acronym)
        if key in self.projects:
            return self.projects[key], False
        known = self.project_codes.get(code) if code else None
        found = None if known else self._elsewhere(confident(self.resolver, acronym, "project"))
        facts = self._facts_in_graph(URIRef(known or found.iri)) if (known or found) else {}
        if found is not None and code and facts.get("project_code", (code, 0))[0] != code:
            found, facts = None, {}
        if known or found:
            self.projects[key] = URIRef(known or found.iri)
        else:
            self.projects[key] = ID[f"project/{slug(acronym)}" + (f"-{slug(code)}" if code else "")]
        self.facts[self.projects[key]] = facts
        return self.projects[key], not (known or found)

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

    def conflicts(self, subject: URIRef, label: str, row_facts: dict[str, str]) -> list[tuple[str, str]]:
        """Return (field, message) for each of the row's facts about ``subject`` that differs from one given before."""
        known = self.facts.setdefault(subject, {})
        found = []
        for name, value in row_facts.items():
            if name in known and known[name][0] != value:
                before, line = known[name]
                where = "the graph states" if line == 0 else f"line {line} gives"
                found.append((name, f"{label}: {name} {value!r} conflicts with {before!r}, which {where}"))
        return found

    def remember(self, subject: URIRef, row_facts: dict[str, str], line: int) -> None:
        """Record the facts about ``subject`` of a row that loads."""
        known = self.facts.setdefault(subject, {})
        for name, value in row_facts.items():
            known.setdefault(name, (value, line))

    def programme(self, name: str) -> URIRef | None:
        key = normalise(name)
        if key not in self.programmes:
            found = confident(self.resolver, name, "programme")
            self.programmes[key] = URIRef(found.iri) if found is not None else None
        return self.programmes[key]

    def organisation(self, name: str, iso2: str, kind: str | None = None,
                     identifier: str | None = None) -> tuple[URIRef, bool]:
        """Return the organisation's IRI and whether it is new (not yet in the graph).

        An organisation is found by its identifier (PIC, VAT …) first, then by name. A new
        organisation of a type marked as personal data (a sole trader) gets an opaque IRI
        (:func:`kg.privacy.person_iri`), never one made of its name.
        """
        key = ("id", identifier) if identifier else (normalise(name), iso2)
        if key not in self.organisations:
            known = self.identifiers.get(identifier) if identifier else None
            found = None if known else self._elsewhere(confident(self.resolver, name, "organisation"))
            if known is not None or found is not None:
                self.organisations[key] = (URIRef(known or found.iri), False)
            elif kind is not None and str(self.concept("OrganisationType", kind)) in self.personal_types:
                self.organisations[key] = (person_iri(name, identifier or iso2, folder="organisation"), True)
            else:
                tail = slug(identifier) if identifier else iso2.lower()
                self.organisations[key] = (ID[f"organisation/{slug(name, 60)}-{tail}"], True)
        return self.organisations[key]


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
        self.problems.append(RowProblem(str(self.path), self.line, message, self.headers.get(name, name)))

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
                amounts[name] = amount(values[name], mapping.exchange_rates, mapping.decimal_separator)
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
    else:  # no type given: the one an earlier row gave, else a guess from the name
        kind = builder.facts.get(organisation, {}).get("partner_type", (None, 0))[0]
    return kind or guess_organisation_type(str(values["partner_name"])) or mapping.organisation_types.get("")


def _check(row: _Row, builder: _Builder) -> dict | None:
    """Check one partner row; return what its statements need, or None when it has problems."""
    mapping, values = builder.mapping, row.values
    for name in mapping.required:
        if values.get(name) in (None, ""):
            row.problem("empty required cell", name)
    if row.problems:
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
    partner = str(values["partner_name"])
    identifier = str(values["partner_id"]) if values.get("partner_id") else None
    organisation, new = builder.organisation(
        partner, country[1] if country else "xx",
        mapping.organisation_types.get(str(values.get("partner_type") or "").lower()), identifier)
    kind = _organisation_kind(row, builder, organisation) if new else None
    if new and (kind is None or builder.concept("OrganisationType", kind) is None):
        given = f"the type {values['partner_type']!r}" if values.get("partner_type") else "no type"
        row.problem(f"{given} of new organisation {partner!r}: not one the mapping's organisation_types knows, "
                    "and the name suggests none", "partner_type")
        return None
    return {"role": role, "role_local": role_local, "country": country, "region": region, "amounts": amounts,
            "dates": dates, "organisation": organisation, "new": new, "kind": kind, "identifier": identifier}


def _facts(row: _Row, checked: dict, project: URIRef, participation: URIRef) -> list:
    values, dates, amounts = row.values, checked["dates"], checked["amounts"]
    project_facts = {name: dates[name].isoformat() for name in dates}
    if values.get("project_title"):
        project_facts["project_title"] = str(values["project_title"])
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


def _emit_project(sink: _Sink, row: _Row, builder: _Builder, project: URIRef, checked: dict) -> None:
    values, language = row.values, builder.mapping.language
    p = _node(str(project))
    if str(project) not in builder.described:
        builder.described.add(str(project))
        sink.add(p, _T["type"], _T["Project"])
        sink.add(p, _T["acronym"], ox.Literal(str(values["project_acronym"])))
        if checked["new_project"]:
            builder.untitled[str(project)] = str(values["project_acronym"])
    if values.get("project_title"):
        builder.untitled.pop(str(project), None)
        sink.add(p, _T["prefLabel"], ox.Literal(str(values["project_title"]), language=language))
    if values.get("project_code"):
        sink.add(p, _T["projectCode"], ox.Literal(str(values["project_code"]).upper().replace(" ", "")))
    if values.get("priority"):
        sink.add(p, _T["priority"], ox.Literal(str(values["priority"])))
    for name, prop in (("start", "startDate"), ("end", "endDate")):
        if name in checked["dates"]:
            sink.add(p, _T[prop], ox.Literal(checked["dates"][name].isoformat(), datatype=_T["date"]))
    if "project_total_budget" in checked["amounts"]:
        sink.add(p, _T["projectTotalBudget"], _decimal(checked["amounts"]["project_total_budget"]))
    if values.get("programme"):
        programme = builder.programme(str(values["programme"]))
        if programme is None:
            row.warning(f"programme {values['programme']!r} is not in the graph; the project is loaded without it",
                        "programme")
        else:
            sink.add(p, _T["programme"], _node(str(programme)))


def _emit_organisation(sink: _Sink, row: _Row, builder: _Builder, checked: dict) -> None:
    organisation, country, region = checked["organisation"], checked["country"], checked["region"]
    o = _node(str(organisation))
    if checked["identifier"]:
        sink.add(o, _T["organisationId"], ox.Literal(checked["identifier"]))
    if not checked["new"] or str(organisation) in builder.described:
        return
    builder.described.add(str(organisation))
    sink.add(o, _T["type"], _T["Organisation"])
    sink.add(o, _T["prefLabel"], ox.Literal(str(row.values["partner_name"]),
                                                        language=builder.mapping.language))
    sink.add(o, _T["organisationType"],
             _node(str(builder.concept("OrganisationType", checked["kind"]))))
    if region is not None:
        sink.add(o, _T["region"], _node(str(region[0])))
    if country is not None:
        sink.add(o, _T["country"], _node(country[0]))
        if country[0] not in builder.reference_countries and country[0] not in builder.described:
            builder.described.add(country[0])  # a country outside the reference graph: described here
            for triple in country_triples(world_country(country[1])):
                sink.add(*(to_oxigraph(term) for term in triple))


def _emit(sink: _Sink, row: _Row, builder: _Builder, result: TableResult) -> bool:
    """Check one partner row and write its statements; return True when it loads."""
    checked = _check(row, builder)
    if checked is None:
        return False
    code = str(row.values["project_code"]).upper().replace(" ", "") if row.values.get("project_code") else None
    project, checked["new_project"] = builder.project(str(row.values["project_acronym"]), code)
    organisation = checked["organisation"]
    participation = ID[f"participation/{project.rsplit('/', 1)[-1]}-{organisation.rsplit('/', 1)[-1]}"[:200]]
    # The shapes allow one title (per language), code, start, end and total per project, one region and type
    # per organisation, one role and one amount of each kind per participation: rows that disagree
    # with earlier rows (or the graph) on any of them are problems, never a second value.
    facts = _facts(row, checked, project, participation)
    for subject, label, subject_facts in facts:
        for name, message in builder.conflicts(subject, label, subject_facts):
            row.problem(message, name)
    if row.problems:
        return False
    for subject, _label, subject_facts in facts:
        builder.remember(subject, subject_facts, row.line)
    result.projects.add(str(project))
    (result.new_organisations if checked["new"] else result.resolved_organisations).add(str(organisation))
    _emit_project(sink, row, builder, project, checked)
    _emit_organisation(sink, row, builder, checked)
    s = ox.NamedNode(str(participation))
    sink.add(s, _T["type"], _T["ProjectParticipation"])
    sink.add(s, _T["project"], _node(str(project)))
    sink.add(s, _T["participant"], _node(str(organisation)))
    sink.add(s, _T["role"], _node(str(checked["role"])))
    for name, prop in _AMOUNTS:
        if name in checked["amounts"]:
            sink.add(s, _T[prop], _decimal(checked["amounts"][name]))
    return True


def _source_description(sink: _Sink, path: Path, mapping: Mapping, result: TableResult, digest: str) -> None:
    from kg.ingest.sources import stamp

    graph = Graph()
    doc = source_graph(result.identifier)
    graph.add((doc, RDF.type, EKG.SourceDocument))
    graph.add((doc, DCTERMS.identifier, Literal(result.identifier)))
    graph.add((doc, DCTERMS.title, Literal(f"{path.name} ({mapping.name} table, {result.loaded_rows} rows)")))
    graph.add((doc, DCTERMS.language, LANGUAGE[_LANG3.get(mapping.language, "ENG")]))
    graph.add((doc, DCTERMS.format, Literal("text/csv" if path.suffix.lower() != ".xlsx" else
                                               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    graph.add((doc, EKG.sha256, Literal(digest)))
    stamp(graph, result.identifier)
    for triple in graph:
        sink.add(*(to_oxigraph(term) for term in triple))


def _rows(path: Path, mapping: Mapping, join: Path | None) -> tuple[_Columns, JoinedRows | None, Iterator]:
    joined = None
    if mapping.join is not None:
        second = join or path.with_name(mapping.join.file)
        if second.is_file() or not mapping.join.optional:
            joined = JoinedRows(second, mapping.join.on, normalise, mapping.encoding)
    rows = read_rows(path, mapping.encoding)
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
    result = TableResult(identifier, Path(name))
    sink = _Sink(result.path)
    try:
        builder = _Builder(mapping, resolver or resolver_for(store), ReferenceData.from_store(store), store,
                           str(source_graph(identifier)))
        _stream(rows, columns, joined, builder, sink, result, path, progress)
        for project, acronym in builder.untitled.items():  # a project needs a name: its acronym, when no title
            sink.add(_node(project), _T["prefLabel"], ox.Literal(acronym, language=mapping.language))
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
        for values in partners:
            row = _Row(line, values, columns.headers, path)
            _emit(sink, row, builder, result)
            result.problems += row.problems
            result.warnings += row.warnings
        if len(result.problems) == before:
            result.loaded_rows += 1
        if progress is not None and result.rows % 1000 == 0:
            progress(result.rows)
    if progress is not None:
        progress(result.rows)


_LANG3 = {"en": "ENG", "pl": "POL", "ro": "RON", "it": "ITA", "es": "SPA", "de": "DEU", "fr": "FRA", "el": "ELL",
          "hr": "HRV", "bg": "BUL", "cs": "CES", "sk": "SLK", "sl": "SLV", "hu": "HUN", "pt": "POR", "nl": "NLD"}
