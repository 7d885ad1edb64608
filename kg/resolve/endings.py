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
from kg.resolve.normalise import normalise

__all__ = ["WORD_ENDINGS", "endings", "is_ending"]

#: The table of endings: language, then the endings separated by spaces.
WORD_ENDINGS = Path(__file__).with_name("data") / "word_endings.tsv"


@lru_cache(maxsize=2)
def endings(path: Path = WORD_ENDINGS) -> frozenset[str]:
    """Return the folded endings of every language of ``path``.

    Raises
    ------
    kg.errors.InputError
        A line that is not a language and its endings, naming the file and line.
    """
    found: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            language, _, words = line.rstrip("\n").partition("\t")
            if not language or not words.strip():
                raise InputError(path, "expected a language, a tab and its endings", number)
            found.update(normalise(word).replace(" ", "") for word in words.split())
    found.discard("")
    return frozenset(found)


def is_ending(text: str) -> bool:
    """Return whether ``text`` is nothing or an ending of :func:`endings` (folded, as names are)."""
    return not text or text in endings()
