"""The one normalisation of names: every module that compares or keys names folds them here.

:func:`normalise` transliterates any script to ASCII with :mod:`anyascii` (Greek, Cyrillic, and
the Latin letters Unicode does not decompose: ``Ł``, ``ß``, ``ø``, ``þ``), folds case, and turns
punctuation into single spaces. :func:`compact` drops the spaces too (codes and acronyms:
``DG REGIO`` = ``dg-regio``), and :func:`slug` makes the same form into an IRI segment.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

__all__ = ["compact", "normalise", "slug"]

_NON_WORD = re.compile(r"[\W_]+", re.ASCII)


@lru_cache(maxsize=100_000)
def normalise(text: str) -> str:
    """Return ``text`` transliterated to ASCII, case-folded, with punctuation turned into single spaces.

    Parameters
    ----------
    text : str
        A name in any script.

    Returns
    -------
    str
        Lower-case ASCII letters and digits separated by single spaces ('' for a name without any).

    Examples
    --------
    >>> normalise("Łódź")
    'lodz'
    >>> normalise("Județul  Timiș") == normalise("Judeţul Timiş")
    True
    >>> normalise("Valle d’Aosta/Vallée d’Aoste")
    'valle d aosta vallee d aoste'
    >>> normalise("Θεσσαλονίκη"), normalise("Пловдив"), normalise("Straße")
    ('thessaloniki', 'plovdiv', 'strasse')
    """
    return " ".join(_NON_WORD.sub(" ", anyascii(text).casefold()).split())


def compact(text: str) -> str:
    """Return :func:`normalise` of ``text`` without spaces, the key of codes and acronyms.

    Examples
    --------
    >>> compact("DG REGIO") == compact("dg-regio")
    True
    """
    return normalise(text).replace(" ", "")


def slug(text: str, limit: int = 60) -> str:
    """Return a lower-case ASCII identifier made from ``text``, for minting IRIs.

    Parameters
    ----------
    text : str
        A name in any script.
    limit : int, optional (default=60)
        The most characters to keep (a cut never leaves a trailing hyphen).

    Returns
    -------
    str
        Words of :func:`normalise` joined by hyphens, or ``x`` when nothing is left.

    Examples
    --------
    >>> slug("Universitatea Babeș-Bolyai")
    'universitatea-babes-bolyai'
    >>> slug("Περιφέρεια Κρήτης")
    'perifereia-kritis'
    >>> slug("!!!")
    'x'
    """
    return normalise(text).replace(" ", "-")[:limit].rstrip("-") or "x"
