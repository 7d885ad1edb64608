"""The checks of one partner row: required cells, place, amounts, dates, role and organisation type."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import URIRef

from kg.ingest.cells import AmountError, amount, parse_date
from kg.ingest.mapping import Mapping
from kg.ingest.reference import guess_organisation_type, slug
from kg.ingest.table.builder import _Builder
from kg.ingest.table.rows import _Row


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
        elif region is None and country is not None and _country_code(values["nuts"], values["country"], country):
            row.warning(f"{values['nuts']!r} is the country's code, no region; the partner is loaded with its "
                        "country only", "nuts")
        elif region is None and country is not None and builder.mapping.unknown_nuts == "parent":
            region = _region_above(row, builder, str(values["nuts"]), country[1])
        elif region is None:
            row.problem(f"{values['nuts']!r} is not a NUTS code of the graph's NUTS regions", "nuts")
        elif country is not None and region[1] and region[1] != country[1]:
            row.problem(f"NUTS region {values['nuts']} is not in country {values['country']}", "nuts")
        elif country is None and region[1]:
            country = builder.country(region[1])
    return country, region


def _region_above(row: _Row, builder: _Builder, code: str, iso2: str) -> tuple[str, str | None] | None:
    """The nearest region above NUTS ``code`` (one the graph does not know: an older version's, such as NUTS 2013's
    HU102, now HU11 and HU12) that the graph knows in the row's country, with a warning; None (the country only)
    when there is none."""
    code = code.strip().upper().replace(" ", "")
    for length in range(len(code) - 1, 2, -1):
        region = builder.reference.region(code[:length])
        if region is not None and region[1] == iso2:
            row.warning(f"{code!r} is not a NUTS code of the graph's NUTS regions (an older version's?): the "
                        f"partner is loaded with the region above it, {code[:length]}", "nuts")
            return region
    row.warning(f"{code!r} is not a NUTS code of the graph's NUTS regions, nor is any region above it: the partner "
                "is loaded with its country only", "nuts")
    return None


def _country_code(nuts: Any, written: Any, country: tuple[str, str]) -> bool:
    """Whether a NUTS cell holds the row's country code (CORDIS's way of saying the region is not known).

    >>> _country_code("IE", "IE", ("…/IRL", "IE")), _country_code("EL", "EL", ("…/GRC", "GR"))
    (True, True)
    >>> _country_code("IE0", "IE", ("…/IRL", "IE"))
    False
    """
    code = str(nuts).strip().upper()
    return code in (str(written).strip().upper(), str(country[1]).upper())


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
    """Find or mint the row's organisation; return its IRI, whether it is new, its type and identifiers (its
    ``partner_id``, found by, then its ``partner_vat``)."""
    values, mapping = row.values, builder.mapping
    partner = str(values["partner_name"])
    identifier = str(values["partner_id"]) if values.get("partner_id") else None
    vat = vat_number(str(values["partner_vat"]), country[1] if country else None) if values.get("partner_vat") else None
    given = values.get("partner_type")
    hint = mapping.organisation_types.get(str(given).lower()) if given else mapping.type_from_name(partner)
    organisation, new = builder.organisation(partner, country[1] if country else "xx", hint, identifier)
    kind = _organisation_kind(row, builder, organisation) if new else None
    if new and (kind is None or builder.concept("OrganisationType", kind) is None):
        given = f"the type {values['partner_type']!r}" if values.get("partner_type") else "no type"
        row.problem(f"{given} of new organisation {partner!r}: not one the mapping's organisation_types knows, "
                    "and the name suggests none", "partner_type")
        return None
    identifiers = ((identifier, mapping.identifier_scheme),) if identifier else ()
    return {"organisation": organisation, "new": new, "kind": kind,
            "identifiers": identifiers + (((vat, "vat"),) if vat and vat != identifier else ())}


def vat_number(value: str, iso2: str | None) -> str | None:
    """Return a VAT number as the VAT Information Exchange System writes it: no spaces, dots or dashes, capitals,
    its country's prefix (``EL`` for Greece) put before a number written without one; None for a cell that holds no
    number (``MISSING``).

    >>> vat_number("917 453 527", "NO"), vat_number("EL094014201", "GR"), vat_number("094014201", "GR")
    ('NO917453527', 'EL094014201', 'EL094014201')
    >>> vat_number("MISSING", "FR") is None
    True
    """
    compact = re.sub(r"[\s.\-/]", "", value).upper()
    if not any(c.isdigit() for c in compact):
        return None
    if compact[:1].isdigit() and iso2:
        compact = ("EL" if iso2.upper() == "GR" else iso2.upper()) + compact
    return compact


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


def _check_project(row: _Row, builder: _Builder) -> dict | None:
    """Check a row that gives its project alone (no partner); return what the project's statements need, or None
    when it has problems. Its country is checked (and gives the original title's language); its region and
    the partner's amounts are nobody's."""
    mapping, values = builder.mapping, row.values
    if not _required(row, mapping):
        return None
    country, _region = _check_place(row, builder)
    amounts, dates = _check_amounts_dates(row, mapping)
    if row.problems:
        return None
    return {"dates": dates, "amounts": amounts, "original": _original_title(values, mapping, country)}


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
