"""Countries the knowledge graph links to, as RDF.

Covers the EU-27, the EFTA/EEA states and the United Kingdom, the candidate
and potential candidate countries, and the other countries that take part in
Interreg and Interreg NEXT programmes along the EU's borders.

Each country is identified by its Publications Office country authority IRI
(``http://publications.europa.eu/resource/authority/country/{ISO3}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal as TypingLiteral

from rdflib import RDF, SKOS, Graph, Literal, URIRef

# The ontology, the Publications Office's country table and NUTS codes, Wikidata's entities.
from kg.namespaces import COUNTRY, EKG
from kg.namespaces import NUTS as NUTS_CODE
from kg.namespaces import WIKIDATA as WD

CountryGroup = TypingLiteral[
    "EU", "EFTA/EEA", "candidate", "potential candidate", "other Interreg partner", "other"
]


@dataclass(frozen=True)
class Country:
    """A country with its codes, names and Interreg group.

    Attributes
    ----------
    iso2 : str
        ISO 3166-1 alpha-2 code (``GR``, ``GB``; ``XK`` for Kosovo).
    iso3 : str
        ISO 3166-1 alpha-3 code as used by the Publications Office (``XKX``
        for Kosovo).
    nuts_code : str
        The EU country code used by NUTS and Eurostat (``EL``, ``UK``).
    name_en : str
        Short English name.
    native_name : str
        Name in the (first) official language.
    native_lang : str
        BCP 47 language tag of ``native_name``.
    group : CountryGroup
        Relation to the EU with respect to Interreg.
    wikidata : str or None
        Wikidata Q-id of the country item.
    other_names : tuple of (str, str)
        Names in further official languages, as ``(name, language tag)``.
    """

    iso2: str
    iso3: str
    nuts_code: str
    name_en: str
    native_name: str
    native_lang: str
    group: CountryGroup
    wikidata: str | None = None
    other_names: tuple[tuple[str, str], ...] = ()

    @property
    def iri(self) -> URIRef:
        """The Publications Office country authority IRI."""
        return COUNTRY[self.iso3]

    @property
    def has_nuts(self) -> bool:
        """Whether the country is covered by NUTS 2021/2024 (EU members only).

        EFTA and candidate countries have *statistical regions* with the same
        code pattern, but those are not part of the NUTS classification.
        """
        return self.group == "EU"

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags of its official-language names, the native name's first."""
        return (self.native_lang, *(tag for _, tag in self.other_names))

    def native_labels(self) -> tuple[Literal, ...]:
        """All official-language names as language-tagged literals."""
        names = ((self.native_name, self.native_lang), *self.other_names)
        return tuple(Literal(name, lang=lang) for name, lang in names)


def _c(
    iso2: str,
    iso3: str,
    name_en: str,
    native: tuple[str, str],
    group: CountryGroup,
    wikidata: str,
    *others: tuple[str, str],
    nuts_code: str | None = None,
) -> Country:
    return Country(
        iso2=iso2,
        iso3=iso3,
        nuts_code=nuts_code or iso2,
        name_en=name_en,
        native_name=native[0],
        native_lang=native[1],
        group=group,
        wikidata=wikidata,
        other_names=others,
    )


# fmt: off
COUNTRIES: tuple[Country, ...] = (
    # EU-27
    _c("AT", "AUT", "Austria", ("Österreich", "de"), "EU", "Q40"),
    _c("BE", "BEL", "Belgium", ("Belgique", "fr"), "EU", "Q31",
       ("België", "nl"), ("Belgien", "de")),
    _c("BG", "BGR", "Bulgaria", ("България", "bg"), "EU", "Q219"),
    _c("HR", "HRV", "Croatia", ("Hrvatska", "hr"), "EU", "Q224"),
    _c("CY", "CYP", "Cyprus", ("Κύπρος", "el"), "EU", "Q229", ("Kıbrıs", "tr")),
    _c("CZ", "CZE", "Czechia", ("Česko", "cs"), "EU", "Q213"),
    _c("DK", "DNK", "Denmark", ("Danmark", "da"), "EU", "Q35"),
    _c("EE", "EST", "Estonia", ("Eesti", "et"), "EU", "Q191"),
    _c("FI", "FIN", "Finland", ("Suomi", "fi"), "EU", "Q33", ("Finland", "sv")),
    _c("FR", "FRA", "France", ("France", "fr"), "EU", "Q142"),
    _c("DE", "DEU", "Germany", ("Deutschland", "de"), "EU", "Q183"),
    _c("GR", "GRC", "Greece", ("Ελλάδα", "el"), "EU", "Q41", nuts_code="EL"),
    _c("HU", "HUN", "Hungary", ("Magyarország", "hu"), "EU", "Q28"),
    _c("IE", "IRL", "Ireland", ("Éire", "ga"), "EU", "Q27", ("Ireland", "en")),
    _c("IT", "ITA", "Italy", ("Italia", "it"), "EU", "Q38"),
    _c("LV", "LVA", "Latvia", ("Latvija", "lv"), "EU", "Q211"),
    _c("LT", "LTU", "Lithuania", ("Lietuva", "lt"), "EU", "Q37"),
    _c("LU", "LUX", "Luxembourg", ("Lëtzebuerg", "lb"), "EU", "Q32",
       ("Luxembourg", "fr"), ("Luxemburg", "de")),
    _c("MT", "MLT", "Malta", ("Malta", "mt"), "EU", "Q233", ("Malta", "en")),
    _c("NL", "NLD", "Netherlands", ("Nederland", "nl"), "EU", "Q55"),
    _c("PL", "POL", "Poland", ("Polska", "pl"), "EU", "Q36"),
    _c("PT", "PRT", "Portugal", ("Portugal", "pt"), "EU", "Q45"),
    _c("RO", "ROU", "Romania", ("România", "ro"), "EU", "Q218"),
    _c("SK", "SVK", "Slovakia", ("Slovensko", "sk"), "EU", "Q214"),
    _c("SI", "SVN", "Slovenia", ("Slovenija", "sl"), "EU", "Q215"),
    _c("ES", "ESP", "Spain", ("España", "es"), "EU", "Q29"),
    _c("SE", "SWE", "Sweden", ("Sverige", "sv"), "EU", "Q34"),
    # EFTA/EEA and the United Kingdom
    _c("IS", "ISL", "Iceland", ("Ísland", "is"), "EFTA/EEA", "Q189"),
    _c("LI", "LIE", "Liechtenstein", ("Liechtenstein", "de"), "EFTA/EEA", "Q347"),
    _c("NO", "NOR", "Norway", ("Norge", "nb"), "EFTA/EEA", "Q20", ("Noreg", "nn")),
    _c("CH", "CHE", "Switzerland", ("Schweiz", "de"), "EFTA/EEA", "Q39",
       ("Suisse", "fr"), ("Svizzera", "it"), ("Svizra", "rm")),
    _c("GB", "GBR", "United Kingdom", ("United Kingdom", "en"),
       "other Interreg partner", "Q145", nuts_code="UK"),
    # candidates and potential candidates
    _c("AL", "ALB", "Albania", ("Shqipëria", "sq"), "candidate", "Q222"),
    _c("BA", "BIH", "Bosnia and Herzegovina", ("Bosna i Hercegovina", "bs"),
       "candidate", "Q225", ("Bosna i Hercegovina", "hr"),
       ("Босна и Херцеговина", "sr")),
    _c("GE", "GEO", "Georgia", ("საქართველო", "ka"), "candidate", "Q230"),
    _c("MD", "MDA", "Moldova", ("Moldova", "ro"), "candidate", "Q217"),
    _c("ME", "MNE", "Montenegro", ("Crna Gora", "cnr"), "candidate", "Q236"),
    _c("MK", "MKD", "North Macedonia", ("Северна Македонија", "mk"),
       "candidate", "Q221"),
    _c("RS", "SRB", "Serbia", ("Србија", "sr"), "candidate", "Q403"),
    _c("TR", "TUR", "Türkiye", ("Türkiye", "tr"), "candidate", "Q43"),
    _c("UA", "UKR", "Ukraine", ("Україна", "uk"), "candidate", "Q212"),
    _c("XK", "XKX", "Kosovo", ("Kosova", "sq"), "potential candidate", "Q1246",
       ("Косово", "sr")),
    # other Interreg / Interreg NEXT partner countries
    _c("AD", "AND", "Andorra", ("Andorra", "ca"), "other Interreg partner", "Q228"),
    _c("MC", "MCO", "Monaco", ("Monaco", "fr"), "other Interreg partner", "Q235"),
    _c("SM", "SMR", "San Marino", ("San Marino", "it"),
       "other Interreg partner", "Q238"),
    _c("FO", "FRO", "Faroe Islands", ("Føroyar", "fo"), "other Interreg partner",
       "Q4628", ("Færøerne", "da")),
    _c("GL", "GRL", "Greenland", ("Kalaallit Nunaat", "kl"),
       "other Interreg partner", "Q223", ("Grønland", "da")),
    _c("BY", "BLR", "Belarus", ("Беларусь", "be"), "other Interreg partner", "Q184"),
    _c("RU", "RUS", "Russia", ("Россия", "ru"), "other Interreg partner", "Q159"),
    _c("AM", "ARM", "Armenia", ("Հայաստան", "hy"), "other Interreg partner", "Q399"),
    _c("AZ", "AZE", "Azerbaijan", ("Azərbaycan", "az"),
       "other Interreg partner", "Q227"),
    _c("EG", "EGY", "Egypt", ("مصر", "ar"), "other Interreg partner", "Q79"),
    _c("IL", "ISR", "Israel", ("ישראל", "he"), "other Interreg partner", "Q801"),
    _c("JO", "JOR", "Jordan", ("الأردن", "ar"), "other Interreg partner", "Q810"),
    _c("LB", "LBN", "Lebanon", ("لبنان", "ar"), "other Interreg partner", "Q822"),
    _c("PS", "PSE", "Palestine", ("فلسطين", "ar"), "other Interreg partner",
       "Q219060"),
    _c("TN", "TUN", "Tunisia", ("تونس", "ar"), "other Interreg partner", "Q948"),
    _c("DZ", "DZA", "Algeria", ("الجزائر", "ar"), "other Interreg partner", "Q262"),
    _c("MA", "MAR", "Morocco", ("المغرب", "ar"), "other Interreg partner", "Q1028"),
)
# fmt: on


def _build_index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in COUNTRIES:
        for code in {country.iso2, country.iso3, country.nuts_code}:
            if index.setdefault(code, country) is not country:
                raise ValueError(f"country code {code!r} is ambiguous")
    return index


_BY_CODE: dict[str, Country] = _build_index()


def get_country(code: str) -> Country:
    """Look a country up by ISO 3166-1 alpha-2, alpha-3 or EU/NUTS code.

    Parameters
    ----------
    code : str
        ``"PL"``, ``"pol"``, ``"EL"``, ``"GR"``, ``"UK"``, ``"GBR"`` ...
        (case-insensitive, surrounding whitespace ignored).

    Returns
    -------
    Country

    Raises
    ------
    KeyError
        If the code names none of the countries in :data:`COUNTRIES`.
    """
    try:
        return _BY_CODE[code.strip().upper()]
    except KeyError:
        raise KeyError(
            f"unknown country code {code!r}: expected an ISO 3166-1 alpha-2 or "
            "alpha-3 code or an EU country code (EL, UK) of one of the "
            f"{len(COUNTRIES)} countries in kg.reference.countries.COUNTRIES"
        ) from None


def country_iri(code: str) -> URIRef:
    """Return the Publications Office IRI of a country.

    Parameters
    ----------
    code : str
        ISO 3166-1 alpha-2 or alpha-3 code, or the EU/NUTS code (``EL``,
        ``UK``), case-insensitive.

    Returns
    -------
    URIRef
        e.g. ``http://publications.europa.eu/resource/authority/country/GRC``.

    Raises
    ------
    KeyError
        If the code is unknown.
    """
    return get_country(code).iri


# English names publishers write for a country of COUNTRIES that neither its names here nor pycountry's give
# (folded: lower case, hyphens as spaces).
_WRITTEN_NAMES = {
    "turkey": "TR", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "macedonia": "MK", "fyrom": "MK", "former yugoslav republic of macedonia": "MK", "holland": "NL",
    "hellas": "GR", "bosnia herzegovina": "BA", "bosnia": "BA", "kosovo": "XK", "czech rep": "CZ",
}


def world_country(code: str) -> Country | None:
    """Look a country up among every country of ISO 3166-1, as publishers write it.

    The countries of :data:`COUNTRIES` come first (so ``EL``, ``UK`` and ``XK`` are Greece, the
    United Kingdom and Kosovo); any other ISO 3166-1 country (Ghana, Hong Kong …) comes from
    ``pycountry``, with its English name and the Publications Office IRI of its alpha-3 code.

    Parameters
    ----------
    code : str
        An alpha-2, alpha-3 or EU code, or an English country name (case-insensitive).

    Returns
    -------
    Country or None
        None when no country has that code or name.

    Examples
    --------
    >>> world_country("GH").iri
    rdflib.term.URIRef('http://publications.europa.eu/resource/authority/country/GHA')
    >>> world_country("EL").iso2
    'GR'
    >>> world_country("Czech Republic").iso2, world_country("Turkey").iso2, world_country("the Netherlands").iso2
    ('CZ', 'TR', 'NL')
    """
    text = code.strip()
    if text.upper() in _BY_CODE:
        return _BY_CODE[text.upper()]
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    written = _WRITTEN_NAMES.get(" ".join(re.split(r"[\s-]+", text.casefold())))
    if written is not None:
        return _BY_CODE[written]
    import pycountry

    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        return None
    if found.alpha_2 in _BY_CODE:
        return _BY_CODE[found.alpha_2]
    name = getattr(found, "common_name", None) or found.name
    return Country(iso2=found.alpha_2, iso3=found.alpha_3, nuts_code=found.alpha_2, name_en=name,
                   native_name=name, native_lang="en", group="other")


def country_triples(country: Country) -> list[tuple[URIRef, URIRef, URIRef | Literal]]:
    """Return the statements that describe ``country`` (type, labels, codes, group, links).

    Parameters
    ----------
    country : Country

    Returns
    -------
    list of tuple
        ``ekg:Country`` with its English and native ``skos:prefLabel``, ISO codes, the EU code as
        ``skos:notation``, the country group and ``skos:exactMatch`` links to the NUTS level-0 region
        (EU members) and to Wikidata.
    """
    s = country.iri
    triples = [(s, RDF.type, EKG.Country), (s, SKOS.prefLabel, Literal(country.name_en, lang="en"))]
    triples += [(s, SKOS.prefLabel, label) for label in country.native_labels()]
    triples += [(s, EKG.isoCode, Literal(country.iso2)), (s, EKG.isoAlpha3, Literal(country.iso3)),
                (s, SKOS.notation, Literal(country.nuts_code)), (s, EKG.countryGroup, Literal(country.group))]
    if country.has_nuts:
        triples.append((s, SKOS.exactMatch, NUTS_CODE[country.nuts_code]))
    if country.wikidata:
        triples.append((s, SKOS.exactMatch, WD[country.wikidata]))
    return triples


def countries_graph() -> Graph:
    """Build a fresh graph describing every country in :data:`COUNTRIES`.

    Returns
    -------
    rdflib.Graph
        The statements of :func:`country_triples` for each country.
    """
    graph = Graph()
    graph.bind("ekg", EKG)
    graph.bind("skos", SKOS)
    graph.bind("nuts", NUTS_CODE)
    graph.bind("country", COUNTRY)
    graph.bind("wd", WD)
    for country in COUNTRIES:
        for triple in country_triples(country):
            graph.add(triple)
    return graph
