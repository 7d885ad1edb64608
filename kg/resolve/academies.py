"""National academies of sciences named beside their institutes' own names (``kg/resolve/data/academies.tsv``).

An academy's institutes write its name, short or long, in their language or in English, before, after or inside
their own: ``Ústav anorganické chemie AV ČR, v. v. i.`` and ``Institute of Inorganic Chemistry of the CAS``.
:func:`without_academy` gives a name without those words, so that two names of one institute compare by what
is their own.

Examples
--------
>>> without_academy("Ústav anorganické chemie AV ČR", "CZ")
'Ústav anorganické chemie'
>>> without_academy("Institute of Inorganic Chemistry of the Czech Academy of Sciences", "CZ")
'Institute of Inorganic Chemistry'
>>> without_academy("Ústav anorganické chemie", "CZ") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.resolve.keys import FUNCTION_WORDS
from kg.resolve.normalise import normalise
from kg.resolve.orgnames import curated_rows

__all__ = ["ACADEMIES", "academy_forms", "without_academy"]

#: The curated table of academies' names per country.
ACADEMIES = Path(__file__).with_name("data") / "academies.tsv"


@lru_cache(maxsize=2)
def academy_forms(path: Path = ACADEMIES) -> dict[str, re.Pattern[str]]:
    """Return country code → a pattern of the folded forms of its academy's name, as whole words, longest first."""
    forms: dict[str, list[str]] = {}
    for number, row in curated_rows(path, ("country", "form")):
        if not re.fullmatch(r"[A-Z]{2}", row["country"]) or not normalise(row["form"]):
            raise InputError(path, "expected a country code and an academy's name", number)
        forms.setdefault(row["country"], []).append(normalise(row["form"]))
    return {country: re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(set(found), key=len, reverse=True))
                                + r")\b") for country, found in forms.items()}


_TOKEN = re.compile(r"[^\W_]+")
_SEPARATORS = " ,;:/-–—"


@lru_cache(maxsize=100_000)
def without_academy(name: str, country: str | None) -> str | None:
    """Return ``name`` as written without the forms of ``country``'s academy it writes and the function words that
    led to them, or None when it writes none (the rest keeps its case and punctuation, which other rules read:
    "J. Heyrovský", an initial).

    >>> without_academy("Nuclear Physics Institute of the ASCR, v.v.i.", "CZ")
    'Nuclear Physics Institute, v.v.i.'
    """
    pattern = academy_forms().get((country or "").upper())
    if pattern is None:
        return None
    tokens = [(found.start(), found.end(), normalise(found.group())) for found in _TOKEN.finditer(name)]
    owners = [i for i, (_, _, folded) in enumerate(tokens) for _ in folded.split()]
    words = [word for _, _, folded in tokens for word in folded.split()]
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    spans = []
    for found in pattern.finditer(" ".join(words)):
        first = owners[starts.index(found.start())]
        last = owners[max(i for i, start in enumerate(starts) if start < found.end())]
        while first > 0 and tokens[first - 1][2] in FUNCTION_WORDS:
            first -= 1  # "… Institute of the [CAS]"
        spans.append((tokens[first][0], tokens[last][1]))
    if not spans:
        return None
    rest = name
    for start, end in reversed(spans):
        rest = rest[:start].rstrip() + " " + rest[end:].lstrip()
    return re.sub(r"\s+([,;:])", r"\1", " ".join(rest.split())).strip(_SEPARATORS)
