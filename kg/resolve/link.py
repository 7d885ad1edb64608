"""Record linkage of organisations: are two records (name, country, city, identifiers) the same body?

Identifiers decide first: two records that share a PIC, a VAT number, a national number or a Wikidata
item are the same body, and two that give different values of one of them are not. Otherwise the
names decide, compared by :func:`name_score` on the parts :func:`kg.resolve.orgnames.parse` finds
(kinds of body, legal form, core words), within one country: records of two different countries are
never the same body. The thresholds are :data:`~kg.resolve.thresholds.LINK_ACCEPT` and
:data:`~kg.resolve.thresholds.LINK_REVIEW`; a pair between the two is uncertain and goes to review.

Examples
--------
>>> compare(Record("община Петрич", "BG"), Record("Municipality of Petrich", "BG")).same
True
>>> compare(Record("Grad Zagreb", "HR"), Record("Zagrebačka županija", "HR")).same
False
>>> compare(Record("Obec Lipová", "CZ"), Record("Obec Lipová", "SK")).same
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from kg.resolve.normalise import compact, normalise
from kg.resolve.orgnames import OrgName, parse
from kg.resolve.thresholds import (
    LINK_ACCEPT,
    LINK_CITY_PENALTY,
    LINK_LEGAL_FORM_PENALTY,
    LINK_ONE_KIND_PENALTY,
    LINK_OTHER_KIND_CAP,
    LINK_REVIEW,
    LINK_STEM_LENGTH,
    LINK_STEM_SUFFIX,
    LINK_WORD_MATCH,
)

__all__ = ["IDENTIFIER_SCHEMES", "Match", "Record", "compare", "country_code", "identifiers_conflict", "name_score"]

#: The identifiers that decide a pair before its names, strongest first.
IDENTIFIER_SCHEMES = ("pic", "vat", "national", "wikidata")
_VAT_PREFIX = re.compile(r"^[A-Z]{2}(?=[0-9])")


@dataclass(frozen=True)
class Record:
    """One organisation as a source gives it.

    Attributes
    ----------
    name : str
        Its name as written.
    country : str or None
        Its country: an ISO 3166-1 or EU code (``EL``, ``UK``) or an English or native name.
    city : str or None
        Its city or region as the source writes it.
    identifiers : tuple of (str, str)
        (scheme, value) pairs, scheme one of :data:`IDENTIFIER_SCHEMES`.
    """

    name: str
    country: str | None = None
    city: str | None = None
    identifiers: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True)
class Match:
    """The answer for one pair of records.

    Attributes
    ----------
    score : float
        0–100: 100 for a shared identifier or the same name.
    same : bool
        Whether the records are the same body (``score >= LINK_ACCEPT``).
    review : bool
        Whether the pair is uncertain (``LINK_REVIEW <= score < LINK_ACCEPT``) and a person should decide.
    method : str
        How it was decided: ``identifier:pic`` …, ``identifier-conflict:vat`` …, ``country``,
        ``name``.
    """

    score: float
    same: bool
    review: bool
    method: str


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from kg.reference.countries import COUNTRIES

    names: dict[str, str] = {}
    for country in COUNTRIES:
        for text in (country.name_en, country.native_name, *(n for n, _ in country.other_names)):
            names[normalise(text)] = country.iso2
    return names


@lru_cache(maxsize=1024)
def country_code(text: str | None) -> str | None:
    """Return the ISO 3166-1 alpha-2 code of a country as sources write it (``EL``, ``UK``, ``Bulgaria``).

    Examples
    --------
    >>> country_code("EL"), country_code("uk"), country_code("Bulgaria"), country_code("GH"), country_code("")
    ('GR', 'GB', 'BG', 'GH', None)
    """
    if text is None or not text.strip():
        return None
    from kg.reference.countries import get_country

    try:
        return get_country(text).iso2
    except KeyError:
        pass
    folded = normalise(text)
    if folded in _country_names():
        return _country_names()[folded]
    return text.strip().upper() if re.fullmatch(r"[A-Za-z]{2}", text.strip()) else folded


def _identifier(scheme: str, value: str) -> str:
    folded = normalise(value).replace(" ", "").upper()
    if scheme == "vat":
        folded = _VAT_PREFIX.sub("", folded)
    if scheme == "wikidata":
        folded = folded.rsplit("/", 1)[-1]
    return folded


def _by_identifiers(a: Record, b: Record) -> Match | None:
    ids_a = {s: _identifier(s, v) for s, v in a.identifiers if v and v.strip()}
    ids_b = {s: _identifier(s, v) for s, v in b.identifiers if v and v.strip()}
    for scheme in IDENTIFIER_SCHEMES:
        if scheme in ids_a and scheme in ids_b:
            if ids_a[scheme] == ids_b[scheme]:
                return Match(100.0, True, False, f"identifier:{scheme}")
            return Match(0.0, False, False, f"identifier-conflict:{scheme}")
    return None


def identifiers_conflict(a: Record, b: Record) -> bool:
    """Whether the identifiers of two records say they are two bodies (``identifier-conflict:…``).

    >>> identifiers_conflict(Record("U", identifiers=(("pic", "911111111"),)),
    ...                      Record("U", identifiers=(("pic", "922222222"),)))
    True
    >>> identifiers_conflict(Record("U", identifiers=(("pic", "911111111"),)), Record("U"))
    False
    """
    decided = _by_identifiers(a, b)
    return decided is not None and not decided.same


@lru_cache(maxsize=500_000)
def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if a.isdigit() or b.isdigit():
        return 0.0
    short, long = sorted((a, b), key=len)
    if len(short) >= LINK_STEM_LENGTH and long.startswith(short) and len(long) - len(short) <= LINK_STEM_SUFFIX:
        return 100.0
    if len(short) < LINK_STEM_LENGTH:
        return 0.0
    return fuzz.ratio(a, b)


def _coverage(words: tuple[str, ...], others: tuple[str, ...]) -> float:
    """How well ``others`` cover ``words``: each word's best similarity, weighted by its length."""
    total = sum(len(w) for w in words)
    return sum(len(w) * max(_word_similarity(w, o) for o in others) for w in words) / total


def _numbers(words: tuple[str, ...]) -> set[str]:
    return {w for w in words if any(c.isdigit() for c in w)}


def _unmatched(words: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """True when a word of ``words`` (4+ letters) has nothing like it in ``others``."""
    return any(len(w) >= LINK_STEM_LENGTH and max(_word_similarity(w, o) for o in others) < LINK_WORD_MATCH
               for w in words)


def core_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Return 0–100: how alike two cores are, every word of each covered by the other.

    Examples
    --------
    >>> core_score(("nova", "ves"), ("nova", "ves"))
    100.0
    >>> core_score(("nova", "ves"), ("nova", "ves", "zitavou")) < 75
    True
    >>> core_score(("lodz",), ("lodzki",))
    100.0
    """
    if not a or not b:
        return 0.0
    words = min(_coverage(a, b), _coverage(b, a))
    joined_a, joined_b = "".join(a), "".join(b)
    if len(a) != len(b) and min(len(joined_a), len(joined_b)) >= LINK_STEM_LENGTH and abs(
            len(joined_a) - len(joined_b)) <= LINK_STEM_SUFFIX:
        words = max(words, fuzz.ratio(joined_a, joined_b))  # words split or joined: "Nowa Sól", "Nowasól"
    if (_numbers(a) and _numbers(b) and _numbers(a) != _numbers(b)) or (_unmatched(a, b) and _unmatched(b, a)):
        words = min(words, LINK_OTHER_KIND_CAP)  # "Turu tn 3" is not "Turu tn 12a"; "Jurbarko …" not "Tauragės …"
    return words


def name_score(a: OrgName, b: OrgName) -> float:
    """Return 0–100: how alike two parsed names are, their kinds and legal forms considered.

    Examples
    --------
    >>> name_score(parse("Uniwersytet Łódzki"), parse("University of Łódź"))
    100.0
    >>> faculty = parse("Sveučilište u Zagrebu Fakultet organizacije i informatike")
    >>> name_score(parse("Sveučilište u Zagrebu"), faculty) < 75
    True
    """
    score = core_score(a.core, b.core)
    if a.kinds and b.kinds and a.kinds != b.kinds:
        score = min(score, LINK_OTHER_KIND_CAP)
    elif a.kinds != b.kinds:
        score -= LINK_ONE_KIND_PENALTY
    if a.legal_form and b.legal_form and compact(a.legal_form) != compact(b.legal_form):
        score -= LINK_LEGAL_FORM_PENALTY
    return max(score, 0.0)


def _places_disagree(a: str | None, b: str | None) -> bool:
    if not a or not b or not a.strip() or not b.strip():
        return False
    return fuzz.token_set_ratio(normalise(a), normalise(b)) < LINK_ACCEPT


def compare(a: Record, b: Record) -> Match:
    """Return whether two organisation records are the same body, with a score and how it was decided.

    Parameters
    ----------
    a, b : Record
        The two records.

    Returns
    -------
    Match

    Examples
    --------
    >>> compare(Record("ОБЩИНА ПЕТРИЧ", "BG"), Record("Община Петрич", "Bulgaria"))
    Match(score=100.0, same=True, review=False, method='name')
    >>> compare(Record("X", identifiers=(("pic", "999"),)), Record("Y", identifiers=(("pic", "999"),))).method
    'identifier:pic'
    """
    decided = _by_identifiers(a, b)
    if decided is not None:
        return decided
    country_a, country_b = country_code(a.country), country_code(b.country)
    score = name_score(parse(a.name, country_a), parse(b.name, country_b))
    if country_a and country_b and country_a != country_b:
        return Match(round(min(score, LINK_OTHER_KIND_CAP), 1), False, False, "country")
    if _places_disagree(a.city, b.city):
        score -= LINK_CITY_PENALTY
    score = round(max(score, 0.0), 1)
    return Match(score, score >= LINK_ACCEPT, LINK_REVIEW <= score < LINK_ACCEPT, "name")
