"""Project–partner tables (CSV or XLSX) → one source graph, through a declarative YAML mapping.

Each row is one partner of one project: it gives the project (resolved by acronym, else new), the
partner organisation (resolved by name, else new with its country, NUTS region and type), the
participation with its role and amounts, and the programme (resolved by name). Rows are read one by
one (``csv`` or openpyxl's read-only mode) and checked; a row with a problem is reported with its
file and line. ``on_error="skip-row"`` keeps the good rows, ``"reject-file"`` keeps nothing when any
row is bad. The graph is loaded into the store in one replacement, so a file is never half-loaded.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from kg.errors import InputError, KgError
from kg.ingest.reference import ReferenceData, guess_organisation_type, slug
from kg.ingest.resolving import NameResolver, confident, normalise, resolver_for
from kg.ingest.sources import stamp
from kg.layout import source_graph
from kg.namespaces import EKG, ID, LANGUAGE
from kg.privacy import person_iri, vocabulary

__all__ = ["MAPPINGS_DIR", "MAX_TABLE_BYTES", "Mapping", "RowProblem", "TableResult", "ingest_table", "load_mapping"]

MAPPINGS_DIR = Path(__file__).parent / "mappings"
#: Tables larger than this are refused (about 100,000 partner rows); split bigger exports.
MAX_TABLE_BYTES = 20 * 1024 * 1024
FIELDS = ("project_acronym", "project_title", "project_code", "programme", "priority", "start", "end",
          "partner_name", "partner_role", "partner_type", "country", "nuts", "total_budget", "erdf")
SCHEMA = "https://schema.org/"


@dataclass(frozen=True)
class Mapping:
    """A declarative mapping from a table's headers and cell values to the graph's terms."""

    name: str
    columns: dict[str, list[str]]
    required: list[str]
    language: str = "en"
    date_formats: list[str] = field(default_factory=lambda: ["%Y-%m-%d"])
    roles: dict[str, str] = field(default_factory=dict)
    organisation_types: dict[str, str] = field(default_factory=dict)


def load_mapping(name_or_path: str | Path) -> Mapping:
    """Load a mapping by name (a file of :data:`MAPPINGS_DIR`) or from a YAML file path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = MAPPINGS_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in MAPPINGS_DIR.glob("*.yaml")))
        raise KgError(f"unknown mapping {str(name_or_path)!r} (known: {known}; or give a path to a .yaml file)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise InputError(path, f"not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise InputError(path, "a mapping needs a 'columns' table (field: [header names])")
    unknown = sorted(set(data["columns"]) - set(FIELDS))
    if unknown:
        raise InputError(path, f"unknown field(s) {', '.join(unknown)} (known: {', '.join(FIELDS)})")
    columns = {k: [v] if isinstance(v, str) else list(v) for k, v in data["columns"].items()}
    required = list(data.get("required", ["project_acronym", "partner_name"]))
    for needed in ("project_acronym", "partner_name"):
        if needed not in required:
            required.append(needed)
    return Mapping(
        name=str(data.get("name", path.stem)),
        columns=columns,
        required=required,
        language=str(data.get("language", "en")),
        date_formats=list(data.get("date_formats", ["%Y-%m-%d"])),
        roles={str(k).lower(): str(v) for k, v in (data.get("roles") or {}).items()},
        organisation_types={str(k).lower(): str(v) for k, v in (data.get("organisation_types") or {}).items()},
    )


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
    """What ingesting a table produced."""

    identifier: str
    graph: Graph
    rows: int = 0
    loaded_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    projects: set[str] = field(default_factory=set)
    new_organisations: set[str] = field(default_factory=set)
    resolved_organisations: set[str] = field(default_factory=set)


def _header_key(text: Any) -> str:
    return normalise(str(text or ""))


def _read_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """Yield (line, cells) of a CSV or XLSX file, the header first; line 1 is the header."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises zipfile, KeyError and its own errors
            raise InputError(path, f"not a readable XLSX workbook ({type(error).__name__}: {error})") from None
        try:
            for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
                yield number, list(row)
        finally:
            book.close()
        return
    if suffix not in (".csv", ".tsv", ".txt"):
        raise InputError(path, f"unsupported table type {suffix!r}: give a .csv or .xlsx file")
    raw = path.read_bytes()[:65536]
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "a binary file, not a CSV table")
    encoding = "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    try:
        with path.open(encoding=encoding, newline="") as handle:
            sample = handle.read(8192)
            handle.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
            except csv.Error:
                dialect = csv.excel
            reader = csv.reader(handle, dialect)
            for cells in reader:
                yield reader.line_num, cells
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 (or UTF-16 with a byte-order mark) text: byte {error.start} "
                               f"cannot be decoded; re-save the table as UTF-8") from None


def _column_index(header: list[Any], mapping: Mapping, path: Path) -> dict[str, int]:
    keys = [_header_key(h) for h in header]
    index: dict[str, int] = {}
    for name, accepted in mapping.columns.items():
        for candidate in accepted:
            if _header_key(candidate) in keys:
                index[name] = keys.index(_header_key(candidate))
                break
    missing = [name for name in mapping.required if name not in index]
    if missing:
        wanted = "; ".join(f"{name} (one of: {', '.join(mapping.columns.get(name, [name]))})" for name in missing)
        raise InputError(path, f"missing column(s) for mapping {mapping.name!r}: {wanted}", line=1)
    return index


def _cell(cells: list[Any], index: dict[str, int], name: str) -> Any:
    position = index.get(name)
    if position is None or position >= len(cells):
        return None
    value = cells[position]
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return value


def _amount(value: Any) -> Decimal:
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif "," in text:
        head, _, tail = text.rpartition(",")
        text = f"{head.replace(',', '')}.{tail}" if len(tail) != 3 else text.replace(",", "")
    amount = Decimal(text)
    if amount < 0 or not amount.is_finite():
        raise InvalidOperation
    return amount


def _date(value: Any, formats: list[str]) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for fmt in formats:
        try:
            return datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError


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
        # Organisation types marked as personal data (natural persons): their members get opaque IRIs.
        self.personal_types = {concept.value for concept in vocabulary(store).concepts}
        # Single-valued facts of each resource: field -> (value, line that gave it; 0 = the graph).
        self.facts: dict[URIRef, dict[str, tuple[str, int]]] = {}

    def project(self, acronym: str) -> tuple[URIRef, bool]:
        key = normalise(acronym)
        if key not in self.projects:
            found = confident(self.resolver, acronym, "project")
            self.projects[key] = URIRef(found.iri) if found is not None else ID[f"project/{slug(acronym)}"]
            self.facts[self.projects[key]] = self._facts_in_graph(self.projects[key]) if found is not None else {}
            return self.projects[key], found is None
        return self.projects[key], False

    def _facts_in_graph(self, project: URIRef) -> dict[str, tuple[str, int]]:
        """The single-valued facts the graph already states about an existing project."""
        if self.store is None:
            return {}
        facts: dict[str, tuple[str, int]] = {}
        subject = ox.NamedNode(str(project))
        for name, prop in (("start", SCHEMA + "startDate"), ("end", SCHEMA + "endDate"),
                           ("project_code", str(EKG.projectCode)), ("project_title", str(SKOS.prefLabel))):
            for quad in self.store.quads_for_pattern(subject, ox.NamedNode(prop), None, None):
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
                found.append((name, f"{label}: {name} {value!r} conflicts with "
                                    f"{before!r}, which {where}"))
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

    def organisation(self, name: str, iso2: str, kind: str | None = None) -> tuple[URIRef, bool]:
        """Return the organisation's IRI and whether it is new (not yet in the graph).

        A new organisation of a type marked as personal data (a sole trader) gets an opaque IRI
        (:func:`kg.privacy.person_iri`), never one made of its name.
        """
        key = (normalise(name), iso2)
        if key not in self.organisations:
            found = confident(self.resolver, name, "organisation")
            if found is not None:
                self.organisations[key] = (URIRef(found.iri), False)
            elif kind is not None and str(self.reference.concept("OrganisationType", kind)) in self.personal_types:
                self.organisations[key] = (person_iri(name, iso2, folder="organisation"), True)
            else:
                self.organisations[key] = (ID[f"organisation/{slug(name)}-{iso2.lower()}"], True)
        return self.organisations[key]


def _row_triples(line: int, cells: list[Any], index: dict[str, int], builder: _Builder, path: Path,
                 result: TableResult) -> tuple[list[tuple[Any, Any, Any]], list[RowProblem], list[RowProblem]]:
    """Check one row and return its triples, its problems and its warnings."""
    mapping, reference = builder.mapping, builder.reference
    problems: list[RowProblem] = []
    warnings: list[RowProblem] = []

    def problem(message: str, column: str | None = None) -> None:
        problems.append(RowProblem(str(path), line, message, column))

    values = {name: _cell(cells, index, name) for name in index}
    for name in mapping.required:
        if values.get(name) in (None, ""):
            problem("empty required cell", name)
    if problems:
        return [], problems, warnings
    acronym = str(values["project_acronym"])
    partner = str(values["partner_name"])
    role_text = str(values.get("partner_role") or "partner").lower()
    role_local = mapping.roles.get(role_text, slug(role_text))
    role = reference.concept("Role", role_local)
    if role is None:
        problem(f"unknown partner role {values.get('partner_role')!r} (add it to the mapping's roles)", "partner_role")
    country = reference.country(str(values["country"])) if values.get("country") else None
    if values.get("country") and country is None:
        problem(f"unknown country {values['country']!r}", "country")
    region = None
    if values.get("nuts"):
        region = reference.region(str(values["nuts"]))
        if region is None:
            problem(f"{values['nuts']!r} is not a NUTS code of the graph's NUTS regions", "nuts")
        elif country is not None and region[1] and region[1] != country[1]:
            problem(f"NUTS region {values['nuts']} is not in country {values['country']}", "nuts")
    amounts = {}
    for name, term in (("total_budget", EKG.totalBudget), ("erdf", EKG.erdfContribution)):
        if values.get(name) is not None:
            try:
                amounts[term] = _amount(values[name])
            except (InvalidOperation, ValueError):
                problem(f"{values[name]!r} is not an amount in euro", name)
    dates = {}
    for name in ("start", "end"):
        if values.get(name) is not None:
            try:
                dates[name] = _date(values[name], mapping.date_formats)
            except ValueError:
                problem(f"{values[name]!r} is not a date (formats: {', '.join(mapping.date_formats)})", name)
    if "start" in dates and "end" in dates and dates["end"] < dates["start"]:
        problem(f"the project ends ({dates['end']}) before it starts ({dates['start']})", "end")
    if "total_budget" not in [p.column for p in problems] and EKG.erdfContribution in amounts \
            and EKG.totalBudget in amounts and amounts[EKG.erdfContribution] > amounts[EKG.totalBudget]:
        problem("the ERDF contribution is larger than the total budget", "erdf")
    if problems or country is None:
        return [], problems, warnings
    # A new organisation must carry what the organisation shape requires: a NUTS region and a type.
    organisation, new = builder.organisation(
        partner, country[1], mapping.organisation_types.get(str(values.get("partner_type") or "").lower()))
    kind = None
    if new:
        if values.get("partner_type"):
            kind = mapping.organisation_types.get(str(values["partner_type"]).lower())
        else:  # no type given: the one an earlier row gave, else a guess from the name
            kind = builder.facts.get(organisation, {}).get("partner_type", (None, 0))[0]
        kind = kind or guess_organisation_type(partner)
        if region is None:
            problem(f"{partner!r} is not in the graph yet and needs a NUTS code to be added", "nuts")
        if kind is None or reference.concept("OrganisationType", kind) is None:
            problem(f"the type of new organisation {partner!r} is unknown: give a partner type the mapping's "
                    "organisation_types knows", "partner_type")
        if problems:
            return [], problems, warnings
    project, _new_project = builder.project(acronym)
    participation = ID[f"participation/{project.rsplit('/', 1)[-1]}-{organisation.rsplit('/', 1)[-1]}"[:200]]
    # The shapes allow one title (per language), code, start and end per project, one region and type
    # per organisation, one role and one amount of each kind per participation: rows that disagree
    # with earlier rows (or the graph) on any of them are problems, never a second value.
    project_facts = {name: dates[name].isoformat() for name in dates}
    if values.get("project_title"):
        project_facts["project_title"] = str(values["project_title"])
    if values.get("project_code"):
        project_facts["project_code"] = str(values["project_code"]).upper().replace(" ", "")
    organisation_facts = {"nuts": str(region[0]).rsplit("/", 1)[-1], "partner_type": str(kind)} if new else {}
    participation_facts = {"partner_role": role_local}
    participation_facts.update({column: str(amounts[term]) for column, term in
                                (("total_budget", EKG.totalBudget), ("erdf", EKG.erdfContribution))
                                if term in amounts})
    facts = [(project, f"project {acronym}", project_facts), (organisation, f"partner {partner!r}", organisation_facts),
             (participation, f"the participation of {partner!r} in {acronym}", participation_facts)]
    for subject, label, subject_facts in facts:
        for column, message in builder.conflicts(subject, label, subject_facts):
            problem(message, column)
    if problems:
        return [], problems, warnings
    for subject, _label, subject_facts in facts:
        builder.remember(subject, subject_facts, line)
    triples: list[tuple[Any, Any, Any]] = []
    result.projects.add(str(project))
    triples += [(project, RDF.type, EKG.Project), (project, EKG.acronym, Literal(acronym))]
    if values.get("project_title"):
        triples.append((project, SKOS.prefLabel, Literal(str(values["project_title"]), lang=mapping.language)))
    if values.get("project_code"):
        triples.append((project, EKG.projectCode, Literal(str(values["project_code"]).upper().replace(" ", ""))))
    if values.get("priority"):
        triples.append((project, EKG.priority, Literal(str(values["priority"]))))
    for name, prop in (("start", "startDate"), ("end", "endDate")):
        if name in dates:
            triples.append((project, URIRef(SCHEMA + prop), Literal(dates[name].isoformat(), datatype=XSD.date)))
    if values.get("programme"):
        programme = builder.programme(str(values["programme"]))
        if programme is None:
            warnings.append(RowProblem(str(path), line, f"programme {values['programme']!r} is not in the graph; "
                                       "the project is loaded without it", "programme"))
        else:
            triples.append((project, EKG.programme, programme))
    (result.new_organisations if new else result.resolved_organisations).add(str(organisation))
    if new and region is not None and kind is not None:
        triples += [(organisation, RDF.type, EKG.Organisation),
                    (organisation, SKOS.prefLabel, Literal(partner, lang=mapping.language)),
                    (organisation, EKG.country, URIRef(country[0])),
                    (organisation, EKG.region, URIRef(region[0])),
                    (organisation, EKG.organisationType, reference.concept("OrganisationType", kind))]
    triples += [(participation, RDF.type, EKG.ProjectParticipation), (participation, EKG.project, project),
                (participation, EKG.participant, organisation), (participation, EKG.role, role)]
    for term, amount in amounts.items():
        triples.append((participation, term, Literal(amount, datatype=XSD.decimal)))
    return triples, problems, warnings


def ingest_table(path: Path, mapping: Mapping, store: ox.Store, on_error: str = "skip-row",
                 identifier: str | None = None, progress: Callable[[int], None] | None = None,
                 resolver: NameResolver | None = None) -> TableResult:
    """Read the table at ``path`` with ``mapping`` and return its source graph and row problems.

    Nothing is loaded here: the caller replaces the source graph with ``result.graph`` (see
    :func:`kg.ingest.sources.replace_source`). With ``on_error="reject-file"`` the graph is empty when
    any row has a problem.

    Raises
    ------
    InputError
        The file is missing, empty, too large, binary, not UTF-8, or lacks a required column.
    """
    from kg.ingest.sources import check_identifier, identifier_for

    if on_error not in ("skip-row", "reject-file"):
        raise KgError(f"--on-error must be skip-row or reject-file, not {on_error!r}")
    if not path.is_file():
        raise InputError(path, "no such file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "the file is empty")
    if size > MAX_TABLE_BYTES:
        raise InputError(path, f"the file is {size / 1e6:.1f} MB, larger than the {MAX_TABLE_BYTES // 2**20} MiB "
                               "limit for one table: split the export")
    identifier = check_identifier(identifier or identifier_for(path))
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    graph = Graph()
    result = TableResult(identifier, graph)
    builder = _Builder(mapping, resolver or resolver_for(store), ReferenceData.from_store(store), store,
                       str(source_graph(identifier)))
    rows = _read_rows(path)
    header = next(rows, None)
    if header is None or not any(str(c or "").strip() for c in header[1]):
        raise InputError(path, "the table has no header row")
    index = _column_index(header[1], mapping, path)
    for line, cells in rows:
        if not any(str(c or "").strip() for c in cells):
            continue
        result.rows += 1
        triples, problems, warnings = _row_triples(line, cells, index, builder, path, result)
        result.problems += problems
        result.warnings += warnings
        if not problems:
            result.loaded_rows += 1
            for triple in triples:
                graph.add(triple)
        if progress is not None:
            progress(result.rows)
    if result.rows == 0:
        raise InputError(path, "the table has a header but no rows")
    if result.problems and on_error == "reject-file":
        graph.remove((None, None, None))
        result.loaded_rows = 0
        return result
    doc = source_graph(identifier)
    graph.add((doc, RDF.type, EKG.SourceDocument))
    graph.add((doc, DCTERMS.identifier, Literal(identifier)))
    graph.add((doc, DCTERMS.title, Literal(f"{path.name} ({mapping.name} table, {result.loaded_rows} rows)")))
    graph.add((doc, DCTERMS.language, LANGUAGE[_LANG3.get(mapping.language, "ENG")]))
    graph.add((doc, DCTERMS.format, Literal("text/csv" if path.suffix.lower() != ".xlsx" else
                                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    graph.add((doc, EKG.sha256, Literal(digest.hexdigest())))
    stamp(graph, identifier)
    return result


_LANG3 = {"en": "ENG", "pl": "POL", "ro": "RON", "it": "ITA", "es": "SPA", "de": "DEU", "fr": "FRA", "el": "ELL"}
