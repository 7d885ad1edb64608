"""The statements of a checked partner row: its project, organisation and participation, each fact once."""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from kg.ingest.reference import slug
from kg.ingest.table.builder import _Builder
from kg.ingest.table.checks import _check, _check_project
from kg.ingest.table.result import (
    _LOADED,
    _LOADED_KNOWN,
    _LOADED_NEW,
    _RESULT_KNOWN,
    _RESULT_NEW,
    _RESULT_PROJECTS,
    _SEEN,
    _UNTITLED,
    TableResult,
)
from kg.ingest.table.rows import _Row
from kg.ingest.table.sink import _W, _decimal, _Sink
from kg.ingest.triple_writer import from_rdflib, literal
from kg.namespaces import ID
from kg.reference.countries import country_triples, world_country
from kg.resolve.link import SCHEME_PROPERTIES
from kg.resolve.normalise import is_latin

_AMOUNTS = (("total_budget", "totalBudget"), ("eu_contribution", "euContribution"))


def _alt_language(name: str, alternative: str, language: str) -> str:
    """The language tag of ``alternative``: ``xx-Latn`` for a Latin transliteration of a name in another script."""
    return f"{language}-Latn" if is_latin(alternative) and not is_latin(name) else language


def _project_facts(row: _Row, checked: dict) -> dict[str, str]:
    """The single-valued facts of the row's project: dates, titles, code and own total."""
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
    return project_facts


def _facts(row: _Row, checked: dict, project: URIRef, participation: URIRef) -> list:
    values, amounts = row.values, checked["amounts"]
    project_facts = _project_facts(row, checked)
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


def _marks(values: dict[str, Any], identifiers: tuple[tuple[str, str | None], ...], new: bool
           ) -> tuple[dict[str, str], dict[str, str]]:
    """Names that record, in a project's and an organisation's facts, statements a loaded row wrote that are
    no single-valued fact (a priority, a programme, an identifier), so that later rows do not write them again,
    and that a loaded row named them (so that they are counted and described once)."""
    project = {_LOADED: "1"}
    if values.get("priority"):
        project[f"{_SEEN}priority{_SEEN}{values['priority']}"] = "1"
    if values.get("programme"):
        project[f"{_SEEN}programme{_SEEN}{values['programme']}"] = "1"
    organisation = {_LOADED_NEW if new else _LOADED_KNOWN: "1"}
    for identifier, _scheme in identifiers:
        organisation[f"{_SEEN}id{_SEEN}{identifier}"] = "1"
    return project, organisation


def _emit_project(sink: _Sink, row: _Row, builder: _Builder, project: URIRef, checked: dict,
                  written: set[str]) -> None:
    """Write the project's statements that no earlier loaded row wrote (``written``: the names of its facts
    and marks that earlier loaded rows gave)."""
    values, language = row.values, builder.mapping.language
    p = str(project)
    if _LOADED not in written:  # the project's first loaded row: the project's description
        sink.add(p, _W["type"], _W["Project"])
        if checked["new_project"]:  # a project of the graph has its acronym, perhaps spelt otherwise ("SCALE UP")
            sink.add(p, _W["acronym"], literal(str(values["project_acronym"])))
        if checked["new_project"] and not values.get("project_title") and checked["original"] is None:
            builder.memory.put(_UNTITLED, str(project), str(values["project_acronym"]))
    if values.get("project_title") and "project_title" not in written:
        builder.memory.delete(_UNTITLED, str(project))
        sink.add(p, _W["prefLabel"], literal(str(values["project_title"]), language))
    if checked["original"] is not None and "project_title_original" not in written:
        builder.memory.delete(_UNTITLED, str(project))
        sink.add(p, _W["prefLabel"], literal(checked["original"][0], checked["original"][1]))
    if values.get("project_code") and "project_code" not in written:
        sink.add(p, _W["projectCode"], literal(str(values["project_code"]).upper().replace(" ", "")))
    if values.get("priority") and f"{_SEEN}priority{_SEEN}{values['priority']}" not in written:
        sink.add(p, _W["priority"], literal(str(values["priority"])))
    for name, prop in (("start", "startDate"), ("end", "endDate")):
        if name in checked["dates"] and name not in written:
            sink.add(p, _W[prop], literal(checked["dates"][name].isoformat(), datatype=_W["date"]))
    if "project_total_budget" in checked["amounts"] and "project_total_budget" not in written:
        sink.add(p, _W["projectTotalBudget"], _decimal(checked["amounts"]["project_total_budget"]))
    _emit_programme_and_fund(sink, row, builder, p, written)


def _emit_programme_and_fund(sink: _Sink, row: _Row, builder: _Builder, p: str, written: set[str]) -> None:
    """Write the project's programme (by code, else by name) and fund; warn of a programme or fund not in the graph."""
    values = row.values
    if values.get("programme_code"):
        sink.add(p, _W["programme"], _programme_by_code(sink, row, builder))
    elif values.get("programme"):
        programme = builder.programme(str(values["programme"]))
        if programme is None:
            row.warning(f"programme {values['programme']!r} is not in the graph; the project is loaded without it",
                        "programme")
        elif f"{_SEEN}programme{_SEEN}{values['programme']}" not in written:
            sink.add(p, _W["programme"], str(programme))
    if values.get("fund"):
        fund = builder.fund(str(values["fund"]))
        if fund is None:
            row.warning(f"fund {values['fund']!r} is not in the graph; the project is loaded without it", "fund")
        else:
            sink.add(p, _W["fund"], fund)


def _programme_by_code(sink: _Sink, row: _Row, builder: _Builder) -> str:
    """Return the programme of the row's code (a CCI such as 2014BG16RFOP001): the graph's programme with that
    identifier, else one this source describes, with the code and the row's programme name."""
    code = str(row.values["programme_code"]).strip().upper()
    known = builder.programme_codes()
    if code not in known:
        known[code] = str(ID[f"programme/{slug(code)}"])
        programme = known[code]
        sink.add(programme, _W["type"], _W["Programme"])
        sink.add(programme, _W["identifier"], literal(code))
        sink.add(programme, _W["prefLabel"], literal(str(row.values.get("programme") or code), "en"))
    return known[code]


def _emit_organisation(sink: _Sink, row: _Row, builder: _Builder, checked: dict, written: set[str]) -> None:
    """Write the organisation's statements that no earlier loaded row wrote (``checked["first"]``: whether this is
    the organisation's first loaded row; absent, it is)."""
    organisation, country, region = checked["organisation"], checked["country"], checked["region"]
    o = str(organisation)
    for identifier, scheme in checked["identifiers"]:
        if f"{_SEEN}id{_SEEN}{identifier}" not in written:
            sink.add(o, _W["organisationId"], literal(identifier))
            if scheme is not None:  # the identifier's kind, as the mapping says (ekg:pic, ekg:vatNumber …)
                sink.add(o, str(SCHEME_PROPERTIES[scheme]), literal(identifier))
    if not checked["new"] or not checked.get("first", True):
        return
    sink.add(o, _W["type"], _W["Organisation"])
    _emit_names(sink, o, row.values, builder.mapping.language_of(country[1] if country else None))
    sink.add(o, _W["organisationType"],
             str(builder.concept("OrganisationType", checked["kind"])))
    if region is not None:
        sink.add(o, _W["region"], str(region[0]))
    if country is not None:
        sink.add(o, _W["country"], country[0])
        if country[0] not in builder.reference_countries and country[0] not in builder.other_countries:
            builder.other_countries.add(country[0])  # a country outside the reference graph: described here
            for triple in country_triples(world_country(country[1])):
                sink.add(*(from_rdflib(term) for term in triple))


def _emit_names(sink: _Sink, organisation: str, values: dict, language: str | None) -> None:
    """Write a new organisation's name, its other name (``partner_alt_name``), its short name
    (``partner_acronym``: CORDIS's shortName, as ``ekg:acronym``), each when given and not the name itself, and
    the town of its address as written (``partner_city``, as ``ekg:locality``)."""
    name = str(values["partner_name"])
    sink.add(organisation, _W["prefLabel"], literal(name, language))
    alternative = values.get("partner_alt_name")
    if alternative and alternative != name:
        alternative = str(alternative)
        sink.add(organisation, _W["altLabel"], literal(alternative, _alt_language(name, alternative, language)))
    acronym = values.get("partner_acronym")
    if acronym and str(acronym).strip() and str(acronym) != name:
        sink.add(organisation, _W["acronym"], literal(str(acronym).strip()))
    city = " ".join(str(values.get("partner_city") or "").split())
    if city:
        sink.add(organisation, _W["locality"], literal(city))


def _emit_participation(sink: _Sink, participation: URIRef, project: URIRef, checked: dict,
                        written: set[str]) -> None:
    s = str(participation)
    if "partner_role" not in written:  # else an earlier row wrote it (with the same role)
        sink.add(s, _W["type"], _W["ProjectParticipation"])
        sink.add(s, _W["project"], str(project))
        sink.add(s, _W["participant"], str(checked["organisation"]))
        sink.add(s, _W["role"], str(checked["role"]))
    for name, prop in _AMOUNTS:
        if name in checked["amounts"] and name not in written:
            sink.add(s, _W[prop], _decimal(checked["amounts"][name]))


def _count(builder: _Builder, project: URIRef, checked: dict, written: list[set[str]]) -> bool:
    """Count the project and organisation of a loaded row, unless an earlier loaded row named them (their
    facts' marks tell); return whether the organisation is counted now (no earlier loaded row named it)."""
    memory = builder.memory
    if _LOADED not in written[0]:
        memory.add_new(_RESULT_PROJECTS, str(project))
    if (_LOADED_NEW if checked["new"] else _LOADED_KNOWN) in written[1]:
        return False
    memory.add_new(_RESULT_NEW if checked["new"] else _RESULT_KNOWN, str(checked["organisation"]))
    return True


def _emit_project_alone(sink: _Sink, row: _Row, builder: _Builder) -> bool:
    """Check a row that names no partner (``unnamed_partners: project``) and write its project; return True when
    it loads. The partner's amounts are nobody's without a partner: they are not loaded."""
    checked = _check_project(row, builder)
    if checked is None:
        return False
    if "partner_name" in row.headers:  # the file has the column (else the import warned once for the file)
        row.warning("no partner name: the project is loaded alone, without its partner and the partner's amounts",
                    "partner_name")
    project, checked["new_project"] = _row_project(row, builder)
    facts = _project_facts(row, checked)
    before = builder.facts(project)
    for name, message in builder.conflicts(before, f"project {row.values['project_acronym']}", facts):
        row.problem(message, name)
    if row.problems:
        return False
    written = {name for name, (_value, line) in before.items() if line}
    builder.remember(project, before, {**facts, **_marks(row.values, (), False)[0]}, row.line)
    if _LOADED not in written:
        builder.memory.add_new(_RESULT_PROJECTS, str(project))
    _emit_project(sink, row, builder, project, checked, written)
    return True


def _row_project(row: _Row, builder: _Builder) -> tuple[URIRef, bool]:
    """The row's project (by acronym, code and programme) and whether it is new."""
    code = str(row.values["project_code"]).upper().replace(" ", "") if row.values.get("project_code") else None
    programme = str(row.values["programme"]) if row.values.get("programme") else None
    return builder.project(str(row.values["project_acronym"]), code, programme)


def _emit(sink: _Sink, row: _Row, builder: _Builder, result: TableResult) -> bool:
    """Check one partner row and write its statements; return True when it loads."""
    if not row.values.get("partner_name") and builder.mapping.unnamed_partners == "project":
        return _emit_project_alone(sink, row, builder)
    checked = _check(row, builder)
    if checked is None:
        return False
    project, checked["new_project"] = _row_project(row, builder)
    organisation = checked["organisation"]
    participation = ID[f"participation/{project.rsplit('/', 1)[-1]}-{organisation.rsplit('/', 1)[-1]}"[:200]]
    # The shapes allow one title (per language), code, start, end and total per project, one region and type
    # per organisation, one role and one amount of each kind per participation: rows that disagree
    # with earlier rows (or the graph) on any of them are problems, never a second value.
    facts = _facts(row, checked, project, participation)
    known = [builder.facts(subject) for subject, _label, _facts in facts]
    for index, ((_subject, label, subject_facts), before) in enumerate(zip(facts, known, strict=True)):
        for name, message in builder.conflicts(before, label, subject_facts):
            if index == 1 and name in builder.mapping.keep_first and before[name][1]:  # an earlier row's
                row.warning(f"{message}; the organisation keeps the first", name)
                del subject_facts[name]
            else:
                row.problem(message, name)
    if row.problems:
        return False
    # What earlier loaded rows gave (line > 0): their statements are written already.
    written = [{name for name, (_value, line) in before.items() if line} for before in known]
    marks = _marks(row.values, checked["identifiers"], checked["new"])
    for (subject, _label, subject_facts), before, mark in zip(facts, known, (*marks, {}), strict=True):
        builder.remember(subject, before, {**subject_facts, **mark}, row.line)
    checked["first"] = _count(builder, project, checked, written)
    _emit_project(sink, row, builder, project, checked, written[0])
    _emit_organisation(sink, row, builder, checked, written[1])
    _emit_participation(sink, participation, project, checked, written[2])
    return True
