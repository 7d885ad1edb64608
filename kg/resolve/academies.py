"""National academies of sciences named beside their institutes' own names (``kg/resolve/data/academies.tsv``).

An academy's institutes write its name, short or long, in their language or in English, before, after or inside
their own: ``Ústav anorganické chemie AV ČR, v. v. i.`` and ``Institute of Inorganic Chemistry of the CAS``.
:func:`without_academy` gives a name without those words, so that two names of one institute compare by what
is their own.

Examples
--------
>>> without_academy("Ústav anorganické chemie AV ČR", "CZ")
'ustav anorganicke chemie'
>>> without_academy("Institute of Inorganic Chemistry of the Czech Academy of Sciences", "CZ")
'institute of inorganic chemistry of the'
>>> without_academy("Ústav anorganické chemie", "CZ") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
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


def without_academy(name: str, country: str | None) -> str | None:
    """Return the folded ``name`` without the forms of ``country``'s academy it writes, or None when it writes
    none."""
    pattern = academy_forms().get((country or "").upper())
    if pattern is None:
        return None
    folded = normalise(name)
    rest = pattern.sub(" ", folded)
    return " ".join(rest.split()) if rest != folded else None
