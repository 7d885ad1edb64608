"""Place names in organisation names: one word for every name and form of a town (``kg/resolve/data/place_names.tsv``).

``Univerza v Ljubljani`` and ``University of Ljubljana``, ``Uniwersytet w Białymstoku`` and ``University of
Białystok``, ``Stadt Wien`` and ``City of Vienna`` name their town in two languages or two grammatical cases;
:func:`place_word` gives each such word its town's one name, within the records' country, so the names
compare as equal. The table is generated (:mod:`kg.resolve.place_table`); :func:`towns` are the places
that two names must not confuse (``Świdnica`` and ``Świdnik``).

Examples
--------
>>> place_word("ljubljani", "SI"), place_word("wien", "AT"), place_word("praze", "CZ")
('ljubljana', 'vienna', 'prague')
>>> place_word("ljubljani", "PL"), place_word("ljubljani", None)
('ljubljani', 'ljubljani')
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

__all__ = ["PLACE_NAMES", "place_word", "towns"]

#: The generated table of places, their other names and inflected forms.
PLACE_NAMES = Path(__file__).with_name("data") / "place_names.tsv"
#: Towns of this many inhabitants or more are the towns two names must not confuse.
TOWN_POPULATION = 10_000
_COLUMNS = ("country", "place", "population", "names")


@lru_cache(maxsize=2)
def _table(path: Path = PLACE_NAMES) -> tuple[dict[str, dict[str, str]], frozenset[str]]:
    """Return country → folded name or form → place, and the places of TOWN_POPULATION or more."""
    names: dict[str, dict[str, str]] = {}
    big = set()
    with path.open(encoding="utf-8", newline="") as handle:
        lines = ((n, line.rstrip("\n")) for n, line in enumerate(handle, 1) if not line.startswith("#"))
        number, header = next(lines, (0, ""))
        if tuple(header.split("\t")) != _COLUMNS:
            raise InputError(path, f"the header must be {', '.join(_COLUMNS)}", number)
        for number, line in lines:
            values = line.split("\t")
            if len(values) != len(_COLUMNS) or not values[2].isdigit():
                raise InputError(path, "expected country, place, population (a number) and names", number)
            country, place, population, others = values
            table = names.setdefault(country, {})
            for name in (place, *others.split()):
                table.setdefault(name, place)
            if int(population) >= TOWN_POPULATION:
                big.add(place)
    return names, frozenset(big)


def place_word(word: str, country: str | None) -> str:
    """Return the town's one name for a folded word that names it (another language, an inflected form) in
    ``country``, else ``word``."""
    if not country:
        return word
    return _table()[0].get(country.upper(), {}).get(word, word)


def towns() -> frozenset[str]:
    """Return the folded names of the towns of the table with TOWN_POPULATION inhabitants or more."""
    return _table()[1]
