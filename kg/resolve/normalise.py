"""The one normalisation of names: every module that compares or keys names folds them here.

:func:`normalise` transliterates any script to ASCII with :mod:`anyascii` (Greek, Cyrillic, and
the Latin letters Unicode does not decompose: ``Ł``, ``ß``, ``ø``, ``þ``; the Cyrillic soft sign, which
anyascii writes as an apostrophe, is left out), folds case, and turns punctuation into single spaces.
:func:`compact` drops the spaces too (codes and acronyms: ``DG REGIO`` = ``dg-regio``), and :func:`slug` makes
the same form into an IRI segment.

:func:`fold` is the variant for reading text word by word: it folds case and diacritics and the same
Latin letters, but keeps each script and the punctuation (``Δήμου`` → ``δημου``, ``d’Aosta`` →
``d'aosta``), so cue words can be told apart by language and a word's folded form lines up with the
word. :func:`fold_char` folds one character, for callers that must keep positions (redacting names
in place). Tables of cue words are folded with :func:`fold` when they are loaded, like the text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from anyascii import anyascii

__all__ = ["compact", "fold", "fold_char", "is_latin", "normalise", "slug", "umlauts_plain"]

_NON_WORD = re.compile(r"[\W_]+", re.ASCII)
_PLUS = re.compile(r"(?<=\w)\+(?!\w)")  # a trailing "+" is a word: ESF+ (the ESF's successor) is not the ESF


# The Cyrillic soft sign, a mark of the consonant before it, which anyascii writes as an apostrophe that would split
# its word in two ("Львівська", L'vivs'ka), is left out.
_SIGNS = str.maketrans("", "", "ьЬ")
# Letters that Russian or Ukrainian write and Bulgarian does not: a Cyrillic text without them is read as Bulgarian
# (or Macedonian or Serbian, which share these letters' romanisation).
_NOT_BULGARIAN = frozenset("ыэёіїєґЫЭЁІЇЄҐ")
# Bulgaria's official romanisation (the Transliteration Act of 2009), where it differs from anyascii's: the hard sign
# is a vowel ("Търговище", Targovishte; "България", Balgaria), not a split; щ is "sht", х "h" ("Хасково", Haskovo).
_BULGARIAN = str.maketrans({"ъ": "a", "Ъ": "A", "щ": "sht", "Щ": "SHT", "х": "h", "Х": "H"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _romanisable(text: str) -> str:
    """``text`` with the Cyrillic letters whose romanisation Bulgarian fixes otherwise than anyascii written so,
    when it is no Russian or Ukrainian text, and without soft signs."""
    if _CYRILLIC.search(text) and not _NOT_BULGARIAN.intersection(text):
        text = text.translate(_BULGARIAN)
    return text.translate(_SIGNS)


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
    >>> normalise("ESF+"), normalise("ESF")
    ('esf plus', 'esf')
    >>> normalise("Львівська міська рада")
    'lvivska miska rada'
    >>> normalise("Община Търговище"), normalise("Хасково")
    ('obshtina targovishte', 'haskovo')
    """
    return " ".join(_NON_WORD.sub(" ", _PLUS.sub(" plus", anyascii(_romanisable(text))).casefold()).split())


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


#: Letters Unicode does not decompose into a base letter and a mark, and the final sigma.
_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ς": "σ"}


@cache
def fold_char(char: str) -> str:
    """Return one character case-folded and without diacritics, in its own script ('' for a lone mark).

    Examples
    --------
    >>> fold_char("Ł"), fold_char("ș"), fold_char("Ή"), fold_char("Æ")
    ('l', 's', 'η', 'ae')
    """
    out = []
    # lower() and not casefold(): casefold writes a Greek iota subscript as a letter (ᾳ → αι), and person
    # IRIs (kg.privacy) are keyed with this fold, so it must not change.
    for lower in char.lower():
        decomposed = unicodedata.normalize("NFKD", _LETTERS.get(lower, lower))
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Return ``text`` case-folded, without diacritics, in its own script, with single spaces.

    Parameters
    ----------
    text : str
        A word or a text in any script.

    Returns
    -------
    str
        The text of :func:`fold_char` of each character (a final sigma becomes ``σ``), the typographic
        apostrophe written ``'``, runs of white space as one space.

    Examples
    --------
    >>> fold("Łódź"), fold("Δήμου Θεσσαλονίκης"), fold("Община  Смолян")
    ('lodz', 'δημου θεσσαλονικησ', 'община смолян')
    >>> fold("dell’Università")
    "dell'universita"
    """
    if text.isascii():
        return " ".join(text.casefold().split())
    return " ".join("".join(map(fold_char, text)).replace("’", "'").split())


_DIGRAPH = re.compile(r"(?<=[aou])e|(?<=a)a")


def umlauts_plain(word: str) -> str:
    """Return a folded word with the digraphs written for a letter with a mark read as that letter: ``oe``, ``ae``,
    ``ue`` for the German and Scandinavian ``ö``, ``ä``, ``ü``, ``ø``, ``æ`` and ``aa`` for the Danish ``å``, which
    :func:`normalise` folds to ``o``, ``a``, ``u`` (``OESTERREICH`` and ``Österreich``, ``Aarhus`` and ``Århus``).
    Both words compared are read so: a word that holds such a pair of letters as letters of its own reads as
    another word only when the other word is written without it.

    >>> umlauts_plain("oesterreich") == umlauts_plain(normalise("Österreich"))
    True
    >>> umlauts_plain("aarhus"), umlauts_plain("muenchen"), umlauts_plain("wien")
    ('arhus', 'munchen', 'wien')
    """
    return _DIGRAPH.sub("", word)


def is_latin(text: str) -> bool:
    """Return True when every letter of ``text`` is a Latin letter (and it has one).

    >>> is_latin("Municipality of Petrich"), is_latin("Община Петрич"), is_latin("2020")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)
