"""Word endings: whether one word of a name is another with an inflection or a place's adjective suffix.

``Zagreb`` and ``Zagrebu``, ``Łódź`` and ``Łódzki``, ``Slovenia`` and ``Slovenije`` are one word in two
grammatical forms; ``Nógrád`` and ``Nógrádsáp`` are two villages. Letters alone cannot tell them apart:
the endings can. ``kg/resolve/data/word_endings.tsv`` lists the case endings of nouns and adjectives and
the adjective suffixes of the languages of the EU and its neighbours, folded like names
(:func:`kg.resolve.normalise.normalise`).

Examples
--------
>>> is_ending("u"), is_ending("ski"), is_ending(""), is_ending("sap")
(True, True, True, False)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.resolve.lemmas import SIMPLEMMA_LANGUAGES
from kg.resolve.normalise import normalise

__all__ = ["WORD_ENDINGS", "endings", "endings_by_language", "is_ending", "one_language_endings",
           "translated_endings"]

#: The table of endings: language, then the endings separated by spaces.
WORD_ENDINGS = Path(__file__).with_name("data") / "word_endings.tsv"


@lru_cache(maxsize=2)
def endings_by_language(path: Path = WORD_ENDINGS) -> dict[str, frozenset[str]]:
    """Return the folded endings of each language of ``path``, by the language's simplemma code (Croatian's
    are ``hbs``'s, as :func:`kg.resolve.orgnames.country_languages` gives Croatia's names).

    Raises
    ------
    kg.errors.InputError
        A line that is not a language and its endings, naming the file and line.
    """
    found: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            language, _, words = line.rstrip("\n").partition("\t")
            if not language or not words.strip():
                raise InputError(path, "expected a language, a tab and its endings", number)
            found.setdefault(SIMPLEMMA_LANGUAGES.get(language, language), set()).update(
                normalise(word).replace(" ", "") for word in words.split())
    return {language: frozenset(found_ - {""}) for language, found_ in found.items()}


@lru_cache(maxsize=2)
def endings(path: Path = WORD_ENDINGS) -> frozenset[str]:
    """Return the folded endings of every language of ``path``."""
    return frozenset().union(*endings_by_language(path).values())


def one_language_endings(a: str, b: str, languages: frozenset[str]) -> bool:
    """Return whether two texts are nothing or endings of one language of ``languages``: ``Šalčininkai`` and
    ``Šalčininkų`` are one Lithuanian word, ``Kart`` and ``Karton`` no Polish one, nor ``Borovan`` and ``Borovo``
    (an English and a Bulgarian ending) one Bulgarian one.

    >>> one_language_endings("ai", "u", frozenset({"lt"})), one_language_endings("", "on", frozenset({"pl"}))
    (True, False)
    """
    by_language = endings_by_language()
    return any((not a or a in found) and (not b or b in found)
               for language in languages if (found := by_language.get(language)) is not None)


# English plural endings, which make no other name's English form.
_PLURAL = frozenset({"s", "es", "ns"})


def translated_endings(a: str, b: str, languages: frozenset[str], plurals: bool = False) -> bool:
    """Return whether one text is an English ending and the other an ending of another language of ``languages``
    (``Jagiellonian``, ``Jagielloński``: a name in English and in its language); English plurals count only with
    ``plurals`` (a common noun's: ``materials``, ``materialelor``; a name has none).

    >>> translated_endings("ian", "ski", frozenset({"pl", "en"})), translated_endings("an", "ovo", frozenset({"bg"}))
    (True, False)
    >>> translated_endings("s", "elor", frozenset({"ro"})), translated_endings("s", "elor", frozenset({"ro"}), True)
    (False, True)
    """
    english, own = _english_and_own(languages)
    english = english | _PLURAL if plurals else english
    return ((not a or a in english) and (not b or b in own)) or ((not b or b in english) and (not a or a in own))


@lru_cache(maxsize=64)
def _english_and_own(languages: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The English endings but plurals, and those of the other languages of ``languages``, read once per set."""
    by_language = endings_by_language()
    english = by_language.get("en", frozenset()) - _PLURAL  # a name has no plural: "Szente" and "Szentes" are two
    own = frozenset().union(*(by_language.get(language, frozenset()) for language in languages - {"en"}))
    return english, own


def is_ending(text: str) -> bool:
    """Return whether ``text`` is nothing or an ending of :func:`endings` (folded, as names are)."""
    return not text or text in endings()
