"""The NUTS region a regional authority's name names: ``Jihomoravský kraj`` and ``South Moravian Region`` are CZ064.

A region's authority is named after its region in the region's language and, by the sources that write English, by
the region's English name, which often shares no word with it (``Województwo Zachodniopomorskie``, *West
Pomeranian Voivodeship*; ``ΠΕΡΙΦΕΡΕΙΑ ΚΡΗΤΗΣ``, *Region of Crete*). The names of the regions of NUTS 2021 and 2024
(levels 1 to 3: each label of :mod:`kg.reference.nuts`, its former and its Latin one, each part of a bilingual
label) and the other names ``data/reference/aliases.ttl`` gives a NUTS region (English names above all) are read
by record linkage (:mod:`kg.resolve.link`) as an organisation's name is read (head words such as *kraj*,
*region*, *voivodeship*, *county* left out, words read through the word tables), so that it compares two names of
regional authorities by the regions they name; their words are no misspelt words of the tables
(:func:`region_words`).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from kg.paths import DATA_DIR
from kg.resolve.normalise import normalise

__all__ = ["ALIASES", "REGION_ENDING_LETTERS", "english_adjectives", "german_adjectives", "region_form", "region_names",
           "region_stem", "region_words"]

#: The reference file of the other names of NUTS regions.
ALIASES = DATA_DIR / "reference" / "aliases.ttl"
_NUTS = "http://data.europa.eu/nuts/code/"


def _country(nuts_country: str) -> str:
    """The ISO 3166-1 code of a NUTS country code (``EL`` is ``GR``, ``UK`` is ``GB``)."""
    from kg.reference.countries import get_country

    try:
        return get_country(nuts_country).iso2
    except KeyError:
        return nuts_country


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every name of a NUTS region of levels 1 to 3, with its code, by the region's country (ISO 3166-1)."""
    from rdflib import SKOS, Graph, Literal

    from kg.reference.nuts import nuts_regions

    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for region in nuts_regions().values():
        if region.level == 0 or region.is_extra_regio:
            continue
        for label in {region.label, region.former_label, region.latin_label} - {None}:
            for part in label.split("/"):
                found[_country(region.country_code)].add((part.strip(), region.code))
    for subject, predicate, name in Graph().parse(ALIASES, format="turtle"):
        if predicate in (SKOS.altLabel, SKOS.prefLabel) and str(subject).startswith(_NUTS) \
                and isinstance(name, Literal):
            code = str(subject)[len(_NUTS):]
            found[_country(code[:2])].add((str(name), code))
            if name.language == "en":
                found[_country(code[:2])].update((adjective, code) for adjective in english_adjectives(str(name)))
    for country in _GERMAN_ADJECTIVES:
        found[country].update((adjective, code) for name, code in list(found.get(country, ()))
                              for adjective in german_adjectives(name))
    return {country: tuple(sorted(names)) for country, names in found.items()}


# The countries whose regions' German names make the adjectives German writes in a regional authority's name.
_GERMAN_ADJECTIVES = ("AT", "DE")


def english_adjectives(name: str) -> tuple[str, ...]:
    """The English adjectives of a region's English name of one or two words, which sources write for the
    region's authority (``Styrian``, ``Lower Austrian``, ``Saxon``, ``Tyrolean``): the last word with ``-n``
    after ``-a``, without a last ``-y``, or with ``-ean`` after a consonant.

    >>> english_adjectives("Styria"), english_adjectives("Saxony"), english_adjectives("Tyrol")
    (('Styrian',), ('Saxon',), ('Tyrolean',))
    >>> english_adjectives("Lower Austria"), english_adjectives("South Moravian Region")
    (('Lower Austrian',), ())
    """
    words = name.split()
    if not 1 <= len(words) <= 2 or not words[-1].isalpha():
        return ()
    *first, last = words
    if last.endswith("a"):
        made = last + "n"
    elif last.endswith("y"):
        made = last[:-1]
    elif last[-1] not in "aeiouy":
        made = last + "ean"
    else:
        return ()
    return (" ".join([*first, made]),)


def german_adjectives(name: str) -> tuple[str, ...]:
    """The German adjectives of a region's German name of one word (``Steiermärkische``, ``Tiroler``,
    ``Bayerisches``, ``Kärntner``), in their case forms, as ``Amt der Steiermärkischen Landesregierung`` writes them.

    >>> german_adjectives("Tirol")[:2], "bayerische" in german_adjectives("Bayern")
    (('tiroler', 'tirolische'), True)
    """
    folded = normalise(name)
    if " " in folded or not folded.isalpha():
        return ()
    stems = [folded]
    if folded.endswith("n"):
        stems.append(folded[:-1])  # Bayern, Bayerische
    if folded.endswith("en"):
        stems.append(folded[:-2])  # Sachsen, Sächsische
    forms = [stem + ending for stem in stems for ending in ("er", "ische", "ischen", "isches", "ischer")]
    if folded.endswith("en"):
        forms.append(folded[:-2] + "ner")  # Kärnten, Kärntner
    return tuple(dict.fromkeys(forms))


def region_names(country: str | None) -> tuple[tuple[str, str], ...]:
    """Return every name of ``country``'s NUTS regions of levels 1 to 3, each with its code.

    Parameters
    ----------
    country : str or None
        An ISO 3166-1 alpha-2 code (``GR``, not ``EL``).

    Returns
    -------
    tuple of (str, str)
        (name, code) pairs, sorted; empty for a country without NUTS regions or without a code.

    Examples
    --------
    >>> ("South Moravian Region", "CZ064") in region_names("CZ")
    True
    """
    return _names().get(country or "", ())


@lru_cache(maxsize=1)
def region_words() -> frozenset[str]:
    """The folded words of every name of a NUTS region (no word of them is a misspelt word of the tables:
    ``Pomurska``, a Slovenian region, is not ``pomorska``, *maritime*).

    >>> "pomurska" in region_words()
    True
    """
    return frozenset(word for names in _names().values() for name, _ in names for word in normalise(name).split())


# A region's word gives its stem (:func:`region_stem`) to a word of another form when the stem has this many letters,
# and the other word adds an ending of at most REGION_ENDING_LETTERS letters to it.
_STEM_LETTERS = 5
#: A region's word in another case or gender keeps its stem and adds at most this many letters.
REGION_ENDING_LETTERS = 4


def region_stem(word: str) -> str:
    """Return the stem of a folded word of a region's name: the word without its last vowels.

    >>> region_stem("pomurska"), region_stem("istria")
    ('pomursk', 'istr')
    """
    return word.rstrip("aeiouy")


@lru_cache(maxsize=1)
def _region_stems() -> frozenset[str]:
    """The stems of the words of the names of NUTS regions."""
    return frozenset(stem for stem in map(region_stem, region_words()) if len(stem) >= _STEM_LETTERS)


@lru_cache(maxsize=100_000)
def region_form(word: str) -> bool:
    """Whether a folded word is a word of a region's name in that form or in another case or gender: the
    adjectives that name Slavic regions change their ending (``Pomurska`` regija, ``Pomurski`` tehnološki park;
    ``Małopolska``, ``Województwa Małopolskiego``), and no such word is a misspelt word of the tables
    (``pomurski`` is not ``pomorski``, *maritime*).

    >>> region_form("pomurski"), region_form("malopolskiego"), region_form("razvojna")
    (True, True, False)
    """
    if word in region_words():
        return True
    stems = _region_stems()
    return any(word[:end] in stems for end in range(max(_STEM_LETTERS, len(word) - REGION_ENDING_LETTERS), len(word)))
