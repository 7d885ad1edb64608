"""What a company's registered name says of its line of business, and the name without it.

Two customs write a company's trade into its registered name. South Slavic and Romanian names give it a segment
of its own (``ELEKTRO LJUBLJANA, podjetje za distribucijo električne energije, d.d.``: :func:`without_activity`).
Hungarian, Polish, Czech, Slovak, Greek and Turkish names write a formula of trade words beside the company's own
name (``SZILVIO Kereskedelmi és Szolgáltató Kft.``, *trading and services*; ``Przedsiębiorstwo
Produkcyjno-Handlowo-Usługowe TAMIR``; ``ASELSAN Elektronik Sanayi ve Ticaret A.Ş.``), which its short name and
other registers leave out: :func:`without_trades` gives the name without them (``kg/resolve/data/trade_words.tsv``,
curated per language).

Examples
--------
>>> found = without_trades("SZILVIO Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság", "HU")
>>> found.rest, sorted(found.words)
('szilvio korlatolt felelossegu tarsasag', ['kereskedelmi', 'szolgaltato'])
>>> without_trades("SZILVIO Kft.", "HU") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kg.errors import InputError
from kg.resolve.normalise import normalise
from kg.resolve.orgnames import country_languages, curated_rows

__all__ = ["TRADE_WORDS", "TradeWords", "Trades", "trade_words", "without_activity", "without_trades"]

#: The curated table of trade words per language.
TRADE_WORDS = Path(__file__).with_name("data") / "trade_words.tsv"
_ROLES = ("trade", "and")


class TradeWords(NamedTuple):
    """The trade words of a set of languages: whole words, stems (beginnings), endings, and the words for *and*."""

    words: frozenset[str]
    stems: tuple[str, ...]
    endings: tuple[str, ...]
    ands: frozenset[str]

    def names_trade(self, word: str) -> bool:
        """Whether ``word`` (folded) is a trade word: one of the words, or a word of a stem or with an ending, longer
        than it (``faipari``, *wood-industrial*, not ``ipari`` read twice)."""
        return word in self.words or any(word.startswith(s) and len(word) > len(s) for s in self.stems) \
            or any(word.endswith(e) and len(word) > len(e) for e in self.endings)


class Trades(NamedTuple):
    """A name without its trade words (``rest``, folded) and the trade words it wrote (``words``)."""

    rest: str
    words: frozenset[str]


@lru_cache(maxsize=2)
def _rows(path: Path = TRADE_WORDS) -> tuple[tuple[str, str, str, str], ...]:
    """(language, role, folded word, how it matches: ``word``, ``stem`` or ``ending``) of each row of the table."""
    rows = []
    for number, row in curated_rows(path, ("language", "role", "word")):
        written = row["word"]
        word = normalise(written.strip("*"))
        if row["role"] not in _ROLES or not word or " " in word:
            raise InputError(path, f"expected a role ({', '.join(_ROLES)}) and one word", number)
        match = "stem" if written.endswith("*") else "ending" if written.startswith("*") else "word"
        rows.append((row["language"], row["role"], word, match))
    return tuple(rows)


@lru_cache(maxsize=256)
def trade_words(country: str | None, path: Path = TRADE_WORDS) -> TradeWords:
    """Return the trade words of ``country``'s languages (:func:`kg.resolve.orgnames.country_languages`); none for a
    country not known, whose naming custom is not known either.

    >>> trade_words("PL").names_trade("handlowo"), trade_words("HU").names_trade("epitoipari")
    (True, True)
    >>> trade_words("GB").names_trade("trading")
    False
    """
    languages = country_languages(country) or frozenset()
    rows = [(role, word, match) for language, role, word, match in _rows(path) if language in languages]
    trades = {kind: tuple(word for role, word, match in rows if role == "trade" and match == kind)
              for kind in ("word", "stem", "ending")}
    return TradeWords(words=frozenset(trades["word"]), stems=trades["stem"], endings=trades["ending"],
                      ands=frozenset(word for role, word, _ in rows if role == "and"))


def _glued(words: list[str], table: TradeWords) -> list[str]:
    """``words`` with runs of single letters written as one word where that is a trade word (``P.P.H.U.``)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j]) == 1:
            j += 1
        if j - i >= 2 and table.names_trade("".join(words[i:j])):
            out.append("".join(words[i:j]))
            i = j
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=100_000)
def without_trades(name: str, country: str | None) -> Trades | None:
    """Return ``name`` (folded) without the runs of trade words it writes (trade words and the words for *and*
    between them) and the trade words, or None when it writes none or nothing is left but them.

    >>> without_trades("TAMIR PRZEDSIĘBIORSTWO PRODUKCYJNO-USŁUGOWO-HANDLOWE SP. Z O.O.", "PL").rest
    'tamir sp z o o'
    >>> without_trades("Kereskedelmi és Szolgáltató", "HU") is None
    True
    """
    table = trade_words(country)
    if not table.words and not table.stems:
        return None
    words = _glued(normalise(name).split(), table)
    kept: list[str] = []
    found: set[str] = set()
    for i, word in enumerate(words):
        if table.names_trade(word):
            found.add(word)
        elif not (word in table.ands and 0 < i < len(words) - 1 and table.names_trade(words[i - 1])
                  and table.names_trade(words[i + 1])):
            kept.append(word)
    if not found or not kept:
        return None
    return Trades(" ".join(kept), frozenset(found))


# A segment after a company's name that says what it does or that it is a public company, not which company it is,
# as South Slavic and Romanian registered names write it: "ELEKTRO LJUBLJANA, podjetje za distribucijo električne
# energije, d.d.", "KOMUNALA KRANJ, javno podjetje, d.o.o.", "Hrvatske vode, pravna osoba za upravljanje vodama" (a
# legal person for water management).
_ACTIVITY = re.compile(r"(?:javno\s+)?(?:podjetje|družba|društvo|poduzeće|preduzeće|societate|pravna\s+osoba)"
                       r"\s+(?:za|pentru)\s"
                       r"|javno\s+(?:komunalno\s+)?(?:podjetje|poduzeće|preduzeće)\s*$", re.IGNORECASE)


def without_activity(name: str) -> str | None:
    """Return ``name`` without its segments after the first that describe the company's activity, or None when it
    has none.

    >>> without_activity("ELEKTRO LJUBLJANA, podjetje za distribucijo električne energije, d.d.")
    'ELEKTRO LJUBLJANA, d.d.'
    """
    parts = re.split(r"\s*,\s*", name)
    kept = [parts[0], *(p for p in parts[1:] if not _ACTIVITY.match(p))]
    return ", ".join(kept) if len(kept) < len(parts) else None
