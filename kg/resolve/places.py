"""Place names in organisation names: one word for every name and form of a town (``kg/resolve/data/place_names.tsv``).

``Univerza v Ljubljani`` and ``University of Ljubljana``, ``Uniwersytet w Białymstoku`` and ``University of
Białystok``, ``Stadt Wien`` and ``City of Vienna`` name their town in two languages or two grammatical cases;
:func:`place_word` gives each such word its town's one name, within the records' country, so the names
compare as equal. The table is generated (:mod:`kg.resolve.place_table`); :func:`towns` are the places
that two names must not confuse (``Świdnica`` and ``Świdnik``).

Examples
--------
>>> place_word("ljubljani", "SI"), place_word("wien", "AT"), place_word("praze", "CZ")
('ljubljana', 'vienna', 'prague')
>>> place_word("ljubljani", "PL"), place_word("ljubljani", None)
('ljubljani', 'ljubljani')
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

__all__ = ["PLACE_NAMES", "PLACE_PHRASES", "TOWN_POPULATION", "countries_of_place", "is_place", "place_word",
           "places_beginning", "town_of",
           "town_phrases", "towns"]

#: The generated table of places, their other names and inflected forms.
PLACE_NAMES = Path(__file__).with_name("data") / "place_names.tsv"
#: The generated table of towns whose names of two words or more hold a head word of an organisation's name
#: (``Novo mesto``, ``Dobre Miasto``): a country and the folded name a line.
PLACE_PHRASES = Path(__file__).with_name("data") / "place_phrases.tsv"
#: Towns of this many inhabitants or more are the towns two names must not confuse.
TOWN_POPULATION = 10_000
_COLUMNS = ("country", "place", "population", "names")


# A word that no dictionary gives as a town's form is read as one when it keeps all the town's name but its
# last letter (two for names of seven letters or more) and adds at most this many (``Świdnicy``, ``Świdniku``).
_ENDING = 3
_STEM = 4  # letters of a town's name by which a word is looked up
_SHORTEST = 5  # towns with shorter names are matched by their table's forms only (``Koło`` is not ``kolei``)


@lru_cache(maxsize=2)
def _table(path: Path = PLACE_NAMES) -> tuple[dict[str, dict[str, str]], frozenset[str], dict[str, tuple[str, ...]]]:
    """Return country → folded name or form → place, the places of TOWN_POPULATION or more, and their first
    letters → those towns."""
    names: dict[str, dict[str, str]] = {}
    big = set()
    stems: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        lines = ((n, line.rstrip("\n")) for n, line in enumerate(handle, 1) if not line.startswith("#"))
        number, header = next(lines, (0, ""))
        if tuple(header.split("\t")) != _COLUMNS:
            raise InputError(path, f"the header must be {', '.join(_COLUMNS)}", number)
        for number, line in lines:
            values = line.split("\t")
            if len(values) != len(_COLUMNS) or not values[2].isdigit():
                raise InputError(path, "expected country, place, population (a number) and names", number)
            country, place, population, others = values
            table = names.setdefault(country, {})
            for name in (place, *others.split()):
                table.setdefault(name, place)
            if int(population) >= TOWN_POPULATION:
                big.add(place)
                if len(place) >= _SHORTEST:
                    stems.setdefault(place[:_STEM], []).append(place)
    return names, frozenset(big), {k: tuple(v) for k, v in stems.items()}


@lru_cache(maxsize=200_000)
def town_of(word: str) -> str | None:
    """Return the town a folded word names: itself, or the town whose name it keeps but for the last letter
    (two for names of seven letters or more), adding at most three (``swidnicy``, ``swidniku``); else None.

    Letters alone are weak evidence that a word is a town's form: record linkage uses it only to tell two
    towns apart (``Świdnicy`` and ``Świdniku``), not to match a name.

    >>> town_of("swidnicy"), town_of("swidniku"), town_of("swidnik"), town_of("pracy")
    ('swidnica', 'swidnik', 'swidnik', None)
    """
    if word in towns():
        return word
    best, best_common = None, 0
    for town in _table()[2].get(word[:_STEM], ()):
        common = len(os.path.commonprefix((town, word)))
        if common >= len(town) - (2 if len(town) >= 7 else 1) and 0 < len(word) - common <= _ENDING \
                and common > best_common:
            best, best_common = town, common
    return best


# The endings of Slavic adjectives of places, after the "sk" or "k" that makes them (Warszawa, warszawski;
# Žilina, žilinský; Łódź, łódzki), folded: Polish, Czech, Slovak, the South Slavic languages and Bulgarian.
_ADJECTIVE = re.compile(r"(?:sk|k)(?:iego|iej|ich|imi|im|eho|ych|ym|og|oj|ih|em|ie|i|a|e|o|y|u)$")
# A place adjective keeps at least this many letters of its town's name.
_ADJECTIVE_STEM = 4


def place_word(word: str, country: str | None, adjectives: bool = True) -> str:
    """Return the town's one name for a folded word that names it (another language, an inflected form, or a
    Slavic adjective of it, unless ``adjectives`` is false) in ``country``, else ``word``.

    >>> place_word("warszawski", "PL"), place_word("zilinsky", "SK"), place_word("lodzkiego", "PL")
    ('warsaw', 'zilina', 'lodz')
    >>> place_word("zagrebacka", "HR"), place_word("dubrovacki", "HR"), place_word("plocki", "PL")
    ('zagreb', 'dubrovnik', 'plock')
    >>> place_word("varnenski", "BG"), place_word("rusenska", "BG"), place_word("burgaski", "BG")
    ('varna', 'ruse', 'burgas')
    >>> place_word("miejski", "PL"), place_word("warszawski", "CZ"), place_word("goteborgs", "SE")
    ('miejski', 'warszawski', 'gothenburg')
    """
    if not country:
        return word
    table = _table()[0].get(country.upper(), {})
    found = table.get(word)
    if found is not None:
        return found
    if country.upper() in _GENITIVE_S and word.endswith("s") and (owner := table.get(word[:-1])) is not None:
        return owner  # the genitive of the Nordic languages: "Göteborgs Stad", "Stavangers"
    return _adjective_place(word, table) if adjectives else word


# Countries whose languages make a town's genitive with -s ("Göteborgs Stad", "Stavangers").
_GENITIVE_S = frozenset({"SE", "DK", "NO", "IS", "FO"})


def _adjective_place(word: str, table: dict[str, str]) -> str:
    """Return the place a Slavic adjective names (``warszawski``: Warszawa, ``zagrebacki``: Zagreb), found in
    ``table`` as its stem, or its stem with a last vowel added or left out, or with its palatalised ``c`` read
    as the ``k`` (or ``-nik``) of the name; else ``word``."""
    ending = _ADJECTIVE.search(word)
    if ending is None or ending.start() < _ADJECTIVE_STEM:
        return word
    stem = word[:ending.start()]
    candidates = [stem, stem + "a", stem + "e", stem + "o", stem + "y", stem + "sk", stem + "k",
                  stem[:-1] if stem[-1] in "aeiou" else stem]
    if stem.endswith("c"):  # k palatalised before the ending: Sisak, sisački; Rijeka, riječki; Zagreb, zagrebački
        candidates += [stem[:-1] + "k", stem[:-1] + "ka", stem[:-2], stem[:-2] + "nik"]
    if stem.endswith(("en", "an")):  # the -en- before a Bulgarian ending: Varna, varnenski; Ruse, rusenski
        candidates += [stem[:-2] + "a", stem[:-1]]
    if ending.group().startswith("sk"):  # a name ending in s: Burgas, burgaski
        candidates.append(stem + "s")
    return next((table[c] for c in candidates if c in table), word)


@lru_cache(maxsize=64)
def _by_stem(country: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """The names and forms of the places of ``country`` by their first ``_STEM`` letters: (name, place) pairs."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, place in _table()[0].get(country, {}).items():
        found.setdefault(name[:_STEM], []).append((name, place))
    return {k: tuple(v) for k, v in found.items()}


def places_beginning(stem: str, country: str) -> frozenset[str]:
    """Return the places of ``country`` a name or form of which begins with the folded ``stem`` (of ``_STEM``
    letters or more).

    >>> sorted(places_beginning("radoms", "PL")), sorted(places_beginning("birz", "LT"))
    (['radomsko'], ['birzai'])
    """
    return frozenset(place for name, place in _by_stem(country.upper()).get(stem[:_STEM], ()) if name.startswith(stem))


def towns() -> frozenset[str]:
    """Return the folded names of the towns of the table with TOWN_POPULATION inhabitants or more."""
    return _table()[1]


@lru_cache(maxsize=1)
def _countries() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for country, names in _table()[0].items():
        for name in names:
            found.setdefault(name, set()).add(country)
    return {name: frozenset(countries) for name, countries in found.items()}


def countries_of_place(name: str) -> frozenset[str]:
    """Return the countries that have a place of this folded name or form (none for a name no place has).

    >>> sorted(countries_of_place("ljubljana")), sorted(countries_of_place("policie"))
    (['SI'], [])
    """
    return _countries().get(name, frozenset())


def is_place(word: str, country: str | None = None) -> bool:
    """Whether a folded word is a name or form of a place of ``country`` in the table; without a country,
    whether it is a town of TOWN_POPULATION inhabitants or more of any country.

    >>> is_place("olomouc", "CZ"), is_place("zagreb"), is_place("policie", "CZ"), is_place("plast", "HU")
    (True, True, False, False)
    """
    return word in _table()[0].get(country.upper(), {}) if country else word in towns()


@lru_cache(maxsize=2)
def _phrase_table(path: Path = PLACE_PHRASES) -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """Return country → first word → the folded names of towns of two words or more it begins, longest first."""
    found: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        lines = ((n, line.rstrip("\n")) for n, line in enumerate(handle, 1) if not line.startswith("#"))
        number, header = next(lines, (0, ""))
        if header != "country\tplace":
            raise InputError(path, "the header must be country, place", number)
        for number, line in lines:
            values = line.split("\t")
            if len(values) != 2 or len(values[1].split()) < 2:
                raise InputError(path, "expected a country and a place's name of two words or more", number)
            words = tuple(values[1].split())
            found.setdefault(values[0], {}).setdefault(words[0], []).append(words)
    return {country: {first: tuple(sorted(phrases, key=len, reverse=True)) for first, phrases in by_first.items()}
            for country, by_first in found.items()}


def town_phrases(country: str | None) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the first word → the folded names of two words or more, longest first, of the towns of ``country``
    whose names hold a head word of an organisation's name after a word that is none (``PLACE_PHRASES``).

    >>> town_phrases("SI")["novo"]
    (('novo', 'mesto'),)
    """
    return _phrase_table().get(country.upper(), {}) if country else {}
