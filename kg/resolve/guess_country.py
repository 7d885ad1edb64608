"""The country of an organisation's record that gives none, told from its name and its city.

A name is read in its country's ways: its legal forms, words and places (:func:`kg.resolve.orgnames.parse`).
Two records that both give no country would be read in no country's, and two names of one Polish company,
``ADD SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ`` and ``ADD Sp. z o.o.``, would not be read as one.
:func:`guessed_country` tells the country when what the record writes names one only: a legal form of one
country's law (``SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ``; a ``d.o.o.``, of several countries, tells
nothing), a city or town of one country (``Ljubljana``), the Greek alphabet; clues that name several
countries count for the country they share (an ``AB``, Swedish, Finnish or Lithuanian, in ``Kaunas``). The
guess is a reading aid, not evidence that two records are of two countries: two records whose guessed
countries differ are read in no country, and compared as such.

Examples
--------
>>> guessed_country("ADD SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ"), guessed_country("Agronom d.o.o.", "Zagreb")
('PL', 'HR')
>>> guessed_country("UAB Agronom"), guessed_country("Agronom AB"), guessed_country("Agronom AB", "Kaunas")
('LT', None, 'LT')
>>> guessed_country("Agronom d.o.o."), guessed_country("Universität Wien", "Wien")
(None, 'AT')
>>> guessed_country("Δήμος Θεσσαλονίκης")
'GR'
>>> guessed_country("ADD Sp. z o.o.", "Vienna") is None  # two clues, two countries
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from kg.resolve.normalise import normalise
from kg.resolve.orgnames import legal_forms
from kg.resolve.places import countries_of_place

__all__ = ["form_countries", "guessed_country"]

# The countries of a name in the Greek alphabet.
_GREEK = re.compile(r"[\u0370-\u03ff]")
_GREEK_COUNTRIES = frozenset({"GR", "CY"})
# The countries whose legal forms are English ones (the table's codes).
_ENGLISH = ("UK", "IE", "MT", "CY")
# A city written with what is not its name after it: "Blagoevgrad (BG413)", "Wien, Austria".
_CITY_PARTS = re.compile(r"\s*[(,/;]\s*")


def _iso(code: str) -> str:
    """Return the ISO 3166-1 code of a country code of the legal forms table, which writes the publishers'
    ``EL`` and ``UK``; a code the reference table does not know stays as it is."""
    from kg.reference.countries import get_country

    try:
        return get_country(code).iso2
    except KeyError:
        return code


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[tuple[str, ...], frozenset[str]], int]:
    """Folded words of a legal form → the countries whose law has it, and the most words a form has. Left out:
    the forms the table gives for any country (``GmbH``) and those of English-speaking countries, which names
    translated into English write for a body of any country (``Ltd``)."""
    table = legal_forms()
    anywhere = set(table.get("*", {})) | {words for country in _ENGLISH for words in table.get(country, {})}
    countries: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for country, forms in table.items():
        for words in set(forms) - anywhere:
            if country != "*":
                countries[words].add(_iso(country))
    return {words: frozenset(found) for words, found in countries.items()}, max(map(len, countries), default=0)


@lru_cache(maxsize=20_000)
def form_countries(name: str) -> frozenset[str]:
    """Return the countries of the longest legal form that ends or starts the name, else none (a form that the
    table gives for any country is none of them).

    >>> sorted(form_countries("Agronom AB")), sorted(form_countries("АГОРА ООД")), form_countries("Agora GmbH")
    (['FI', 'LT', 'SE'], ['BG'], frozenset())
    """
    words = normalise(name).split()
    forms, longest = _forms()
    for n in range(min(longest, len(words) - 1), 0, -1):
        found = forms.get(tuple(words[-n:]), frozenset()) | forms.get(tuple(words[:n]), frozenset())
        if found:
            return found
    return frozenset()


def _city_countries(city: str | None) -> frozenset[str]:
    """The countries that have a place of the city's name (as written, else its first part), else none."""
    if not city:
        return frozenset()
    for text in (city, _CITY_PARTS.split(city.strip())[0]):
        found = countries_of_place(normalise(text))
        if found:
            return found
    return frozenset()


@lru_cache(maxsize=20_000)
def guessed_country(name: str, city: str | None = None) -> str | None:
    """Return the one country that the record's legal form, city and alphabet all allow, else None.

    Parameters
    ----------
    name : str
        The organisation's name as written.
    city : str, optional
        Its city or region as the record writes it.
    """
    clues = [found for found in (form_countries(name), _city_countries(city),
                                 _GREEK_COUNTRIES if _GREEK.search(name) else frozenset()) if found]
    if not clues:
        return None
    shared = frozenset.intersection(*clues)
    if len(shared) == 1:
        return next(iter(shared))
    return "GR" if shared == _GREEK_COUNTRIES else None

