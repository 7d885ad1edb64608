"""Acronyms of organisation names: ``KU`` for ``Katholieke Universiteit``, ``CNRS`` for its long name.

An acronym is read as the first letters of a run of words, each word giving a prefix of itself of at
most :data:`MAX_PART` letters (``bwcon`` is *B*aden-*W*ürttemberg:*Con*nected), every word that is not
a function word giving at least one (``MFN`` is *M*useum *f*ür *N*aturkunde, ``CMC`` *C*âmara
*M*unicipal de *C*oimbra). Words are the folded words of :func:`kg.resolve.normalise` with hyphens
and glued capitals split (``Micro-Electronica``).

Examples
--------
>>> expansion("ku", ("katholieke", "universiteit", "leuven"))
(0, 2)
>>> expansion("cnrs", ("centre", "national", "de", "la", "recherche", "scientifique"))
(0, 6)
>>> expansion("lipova", ("obec", "lipova")) is None
True
"""

from __future__ import annotations

from functools import cache

from kg.resolve.keys import FUNCTION_WORDS

__all__ = ["MAX_ACRONYM", "MAX_PART", "expansion", "own_acronym"]

#: An acronym has at most this many letters.
MAX_ACRONYM = 10
#: A word gives at most this many letters of its beginning to an acronym.
MAX_PART = 3
# At most this share of an acronym's letters may be second or third letters of a word.
_INNER_SHARE = 0.5


def _spells(acronym: str, words: tuple[str, ...]) -> bool:
    """Whether ``acronym`` is prefixes of ``words`` in order, each content word giving one at least."""
    @cache
    def walk(i: int, w: int, inner: int) -> bool:
        if w == len(words):
            return i == len(acronym) and inner <= _INNER_SHARE * len(acronym)
        word = words[w]
        if word in FUNCTION_WORDS and walk(i, w + 1, inner):
            return True
        for n in range(1, min(MAX_PART, len(word)) + 1):
            if acronym.startswith(word[:n], i) and walk(i + n, w + 1, inner + n - 1):
                return True
        return False

    return walk(0, 0, 0)


def _is_acronym(token: str, words: tuple[str, ...]) -> bool:
    return 2 <= len(token) <= MAX_ACRONYM and token.isalnum() and not token.isdigit() and token not in words


def expansion(token: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    """Return the (start, end) of the longest run of two words or more of ``words`` that ``token`` abbreviates.

    Parameters
    ----------
    token : str
        A folded word (``ku``, ``cnrs``).
    words : tuple of str
        The folded words of the other name.

    Returns
    -------
    tuple of int or None
        The run's slice, or ``None`` when no run of two or more words spells ``token`` (or it is a word
        of ``words`` itself).
    """
    if not _is_acronym(token, words):
        return None
    for size in range(len(words), 1, -1):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            if run[0] not in FUNCTION_WORDS and run[-1] not in FUNCTION_WORDS and _spells(token, run):
                return start, start + size
    return None


def own_acronym(words: tuple[str, ...]) -> int | None:
    """Return the index of a word that is the acronym of all the other words of a name, if there is one.

    ``Zenica Economic Development Agency ZEDA`` and ``CEI - Central European Initiative`` write their
    acronym beside their name; it says nothing more.

    Examples
    --------
    >>> own_acronym(("cei", "central", "european", "initiative"))
    0
    >>> own_acronym(("grad", "zagreb")) is None
    True
    """
    if len(words) < 3:
        return None
    for at in (0, len(words) - 1):
        rest = words[:at] + words[at + 1:]
        if _is_acronym(words[at], rest) and len(words[at]) >= 2 and _spells(words[at], rest):
            return at
    return None
