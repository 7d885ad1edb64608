"""Research networks that name their institutes: the leading words a network writes before an institute's own name.

A research institute keeps its own name when its network is renamed or left: ``MAGYAR TUDOMANYOS AKADEMIA
ENERGIATUDOMANYI KUTATOKOZPONT`` became ``HUN-REN ENERGIATUDOMANYI KUTATOKOZPONT``, ``INSTYTUT TELE- I
RADIOTECHNICZNY`` became ``SIEC BADAWCZA LUKASIEWICZ - INSTYTUT TELE- I RADIOTECHNICZNY``, ``SP PROCESSUM AB``
became ``RISE PROCESSUM AB``. Record linkage reads such a name as a network and an own name
(:func:`split`) and compares the own names (:func:`kg.resolve.link.compare`).

The networks are learnt from data, not listed by hand: ``data/network_prefixes.tsv``, shipped with the package,
holds the leading core words (:func:`kg.resolve.orgnames.parse`) that begin many organisation names of the
datasets of ``datasets/`` (:func:`count` and :func:`write`, run by ``python -m kg.ingest.network_prefixes``). A
run of one to :data:`MAX_WORDS` leading words is a network's name when, among the distinct cores of one country
(or of all countries together):

- it begins :data:`MIN_NAMES` or more of them, and at least :data:`MIN_INITIAL` of those holding it (a network
  writes its name first; "european", "national" stand anywhere);
- one of its words is rare among all names (a share below :data:`kg.resolve.word_frequency.MIN_SHARE`) and no
  place: a network has a name of its own, a town or a kind of body ("institute", "srednja") is none;
- it does not end with a word naming a research body (``leibniz institute`` is the network ``leibniz`` and an
  institute's name), and no longer run found begins most of the names it begins (``hun`` is a part of ``hun ren``);
- at least :data:`MIN_RESEARCH` of the own names after it name a research body (an institute, a laboratory,
  research in one of the EU's languages: :data:`RESEARCH`): the networks read here are research networks, whose
  institutes keep their names when the network changes;
- at most :data:`MAX_GENERIC` of the own names after it follow three leading runs or more: those are kinds of
  body that many places have, and the run before them a town's or a region's name ("Rietavo pirminės sveikatos
  priežiūros centras", a town's primary health care centre).

The "rare word" is rare among all names, not the country's: ``leibniz`` is in one German name of sixty. A word of
more than :data:`ACRONYM_LETTERS` letters that the word tables or the English dictionary know is no network's name
(``federal``, ``aegean``, ``black``: an adjective or a region many bodies write first); a shorter one may be an
acronym (``RISE``, ``HUN-REN``). What the table still holds that is no network (a region's name: ``thessaly``)
only costs when two names of one place share a distinctive own name after it, which
:func:`kg.resolve.link.compare` demands.

Examples
--------
>>> split(("hun", "ren", "energiatudomanyi", "kutatokozpont"), "HU")
[(('hun', 'ren'), ('energiatudomanyi', 'kutatokozpont'))]
>>> split(("energiatudomanyi", "kutatokozpont"), "HU")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.resolve.acronyms import expansion
from kg.resolve.orgnames import english_words, head_words, mined_translation, parse, word_meanings
from kg.resolve.places import is_place
from kg.resolve.word_frequency import ALL, MIN_SHARE, distinct_records, shares

__all__ = ["ACRONYM_LETTERS", "MAX_GENERIC", "MAX_WORDS", "MIN_INITIAL", "MIN_NAMES", "MIN_RESEARCH",
           "NETWORK_PREFIXES", "RESEARCH", "NetworkCounts", "count", "prefixes", "split", "write"]

#: The shipped table of the networks' leading words, per country and overall.
NETWORK_PREFIXES = Path(__file__).with_name("data") / "network_prefixes.tsv"
#: A word before a network's name of at most this many letters is an institute's acronym (:func:`split`).
ACRONYM_LETTERS = 4
#: A network's name is at most this many core words.
MAX_WORDS = 4
#: ... begins at least this many distinct cores of a country ...
MIN_NAMES = 4
#: ... and at least this share of the cores that hold it ...
MIN_INITIAL = 0.5
#: ... and at least this share of the own names after it name a research body.
MIN_RESEARCH = 0.3
#: An own name that follows this many leading runs or more is a kind of body many places have ("pirminės sveikatos
#: priežiūros centras", a primary health care centre) ...
_GENERIC_LEADS = 3
#: ... and a network's own names are at most this share of such names.
MAX_GENERIC = 0.25
#: The stems of the words that name a research body or research, in the EU's languages (folded, as core words are):
#: institute, laboratory, research (not "centre": an entrepreneurship centre, a health centre; German Forschung,
#: Hungarian kutató, Italian ricerca, French recherche, Spanish investigación, Polish badawczy, Romanian
#: cercetare, Finnish tutkimus, Czech výzkum, Slovak výskum, Slovenian raziskovalni, Croatian istraživanje, Greek
#: erevna, Lithuanian tyrimų, Latvian pētījumu, Estonian uurimis, Dutch onderzoek, Nordic forskning).
RESEARCH = re.compile(r"institut|research|laborator|kutat|forsch|ricerc|recherch|investiga"
                      r"|badaw|cercet|tutki|vyzkum|vyskum|raziskov|istraz|ereun|tyrim|petij|uurimis|onderzoek"
                      r"|forskning")
_COLUMNS = ("country", "prefix", "names", "holding", "research")
_HEADER = (
    "# The leading words of research networks' names, which their institutes write before their own names, for\n"
    "# record linkage (kg.resolve.networks). Generated by `python -m kg.ingest.network_prefixes`; do not edit.\n"
    "# Read from the organisation names of the datasets of datasets/: {sources}.\n"
    "# Rows: runs of 1 to {words} leading core words that begin {names} or more distinct cores of a country (or of\n"
    "# all, country *), {initial:g} or more of those holding them, with a rare word that is no place nor ordinary\n"
    "# word (one of {acronym}+ letters the word tables or English dictionary know), not ending with a research word,\n"
    "# {research:g} or more of the own names after them naming a research body and at most\n"
    "# {generic:g} of them following three leading runs or more (a kind of body many towns have).\n"
    "# Columns (tab-separated): country (ISO 3166-1 alpha-2, or * for all), prefix (folded core words),\n"
    "# names (cores it begins), holding (cores holding it anywhere), research (own names naming a research body).\n"
)


class NetworkCounts:
    """The distinct cores of organisation names, per country (``*`` for all)."""

    def __init__(self) -> None:
        self.cores: dict[str, set[tuple[str, ...]]] = {}

    def add(self, name: str, country: str | None) -> None:
        """Count one organisation name of ``country`` (an ISO code or ``None``)."""
        core = parse(name, country).core
        if core:
            for key in {country or ALL, ALL}:
                self.cores.setdefault(key, set()).add(core)

    def rows(self) -> list[tuple[str, str, int, int, int]]:
        """The rows of the table: (country, prefix, names it begins, names holding it, own names of research)."""
        found = []
        for key in sorted(self.cores, key=lambda k: (k != ALL, k)):
            found += [(key, " ".join(p), *figures) for p, figures in _networks(self.cores[key], key)]
        return found


def _runs(cores: set[tuple[str, ...]]) -> tuple[dict[tuple[str, ...], set[tuple[str, ...]]], Counter, Counter]:
    """Return each leading run of 1 to MAX_WORDS words → the own names after it, each run → the cores holding it
    anywhere, and each own name → the leading runs it follows."""
    owns: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    holding: Counter[tuple[str, ...]] = Counter()
    leads: Counter[tuple[str, ...]] = Counter()
    for core in cores:
        for k in range(1, min(MAX_WORDS, len(core) - 1) + 1):
            owns.setdefault(core[:k], set()).add(core[k:])
            leads[core[k:]] += 1
        holding.update({core[i:i + k] for k in range(1, MAX_WORDS + 1) for i in range(len(core) - k + 1)})
    return owns, holding, leads


def _named(prefix: tuple[str, ...], country: str) -> bool:
    """Whether a run of words has a name of its own (a word rare among all names, no place and no ordinary word:
    :func:`_ordinary`), and does not end with a word naming a research body."""
    common = shares().get(ALL, {})
    place_country = None if country == ALL else country
    return not RESEARCH.search(prefix[-1]) and any(
        len(w) >= 3 and common.get(w, 0.0) < MIN_SHARE and not is_place(w, place_country)
        and not _ordinary(w, place_country) for w in prefix)


def _ordinary(word: str, country: str | None) -> bool:
    """Whether a folded word is an ordinary word, not a network's name: one of more than :data:`ACRONYM_LETTERS`
    letters (a shorter one may be an acronym: ``RISE``, ``HUN-REN``) known to the head or word tables, to the mined
    translations of ``country``'s languages (:func:`kg.resolve.orgnames.mined_translation`) or to simplemma's
    English dictionary (``federal``, ``black``, ``aegean``: an adjective or a region before many bodies' names).

    >>> _ordinary("federal", "AT"), _ordinary("leibniz", "DE"), _ordinary("rise", None)
    (True, False, False)
    """
    heads, _ = head_words()
    meanings, _ = word_meanings()
    return len(word) > ACRONYM_LETTERS and (word in heads or word in meanings or word in english_words()
                                             or mined_translation(word, country) != word)


def _networks(cores: set[tuple[str, ...]], country: str) -> list[tuple[tuple[str, ...], tuple[int, int, int]]]:
    """The networks' leading words among ``cores`` of ``country`` and their figures (names, holding, research)."""
    owns, holding, leads = _runs(cores)
    found = {}
    for prefix, after in owns.items():
        names = len(after)
        if names < MIN_NAMES or names < MIN_INITIAL * holding[prefix] or not _named(prefix, country):
            continue
        if sum(1 for own in after if leads[own] >= _GENERIC_LEADS) > MAX_GENERIC * names:
            continue  # a town's name before its health centre, school, utility: names many towns' bodies have
        research = sum(1 for own in after if RESEARCH.search(" ".join(own)))
        if research >= MIN_RESEARCH * names:
            found[prefix] = (names, holding[prefix], research)
    return sorted((p, figures) for p, figures in found.items() if not _part_of_longer(p, found))


#: A run of words is a part of a network's longer name when that begins this share of the names the run begins.
_LONGER = 0.75


def _part_of_longer(prefix: tuple[str, ...], found: dict[tuple[str, ...], tuple[int, int, int]]) -> bool:
    """Whether a longer run found begins most names ``prefix`` begins (``hun`` is a part of ``hun ren``)."""
    return any(len(p) == len(prefix) + 1 and p[:len(prefix)] == prefix and figures[0] >= _LONGER * found[prefix][0]
               for p, figures in found.items())


def count(records: Iterable[tuple[str, str | None]]) -> NetworkCounts:
    """Count the distinct (name, country) ``records`` (country an ISO code)."""
    counts = NetworkCounts()
    for name, country in distinct_records(records):
        counts.add(name, country)
    return counts


def write(counts: NetworkCounts, sources: str, path: Path = NETWORK_PREFIXES) -> int:
    """Write the networks of ``counts`` to ``path`` with a header naming ``sources``; return the rows written."""
    rows = counts.rows()
    header = _HEADER.format(sources=sources, words=MAX_WORDS, names=MIN_NAMES, initial=MIN_INITIAL,
                            research=MIN_RESEARCH, generic=MAX_GENERIC,
                            acronym=ACRONYM_LETTERS + 1)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        out.write("\t".join(_COLUMNS) + "\n")
        out.writelines("\t".join(str(v) for v in row) + "\n" for row in rows)
    return len(rows)


@lru_cache(maxsize=2)
def _table(path: Path = NETWORK_PREFIXES) -> dict[str, frozenset[tuple[str, ...]]]:
    """Return country (``*`` for all) → the networks' leading words."""
    found: dict[str, set[tuple[str, ...]]] = {}
    with path.open(encoding="utf-8") as handle:
        lines = [(n, line.rstrip("\n")) for n, line in enumerate(handle, 1) if line.strip() and line[0] != "#"]
    if not lines or tuple(lines[0][1].split("\t")) != _COLUMNS:
        raise InputError(path, f"the header must be {', '.join(_COLUMNS)}", lines[0][0] if lines else None)
    for number, line in lines[1:]:
        values = line.split("\t")
        if len(values) != len(_COLUMNS) or not values[1].strip() or not all(v.isdigit() for v in values[2:]):
            raise InputError(path, "expected a country, a prefix and three numbers", number)
        found.setdefault(values[0], set()).add(tuple(values[1].split()))
    return {key: frozenset(value) for key, value in found.items()}


@lru_cache(maxsize=256)
def prefixes(country: str | None) -> tuple[tuple[str, ...], ...]:
    """Return the networks' leading words of ``country`` and of all countries, the longest first."""
    table = _table()
    known = table.get(ALL, frozenset()) | (table.get(country, frozenset()) if country else frozenset())
    return tuple(sorted(known, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=256)
def _by_first_word(country: str | None) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The :func:`prefixes` of ``country`` by their first word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for p in prefixes(country):
        found.setdefault(p[0], []).append(p)
    return {word: tuple(runs) for word, runs in found.items()}


def split(core: tuple[str, ...], country: str | None) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Return each reading of a core as a network's leading words and an own name (of one word or more).

    The network's words begin the core, or follow the institute's acronym, written first: a word of at most
    :data:`ACRONYM_LETTERS` letters that abbreviates the own name (:func:`kg.resolve.acronyms.expansion`: ``ZEW -
    LEIBNIZ-ZENTRUM FUR EUROPAISCHE WIRTSCHAFTSFORSCHUNG``; not ``RWI - LEIBNIZ-INSTITUT FUR WIRTSCHAFTSFORSCHUNG``,
    whose acronym spells the institute's older name, Rheinisch-Westfälisches Institut).
    """
    found = []
    first = _by_first_word(country)
    for start in (0, 1):
        for p in first.get(core[start], ()) if len(core) > start else ():
            end = start + len(p)
            if len(core) > end and core[start:end] == p and (start == 0 or _acronym_of(core[0], core[end:])):
                found.append((p, core[end:]))
    return found


def _acronym_of(word: str, own: tuple[str, ...]) -> bool:
    return len(word) <= ACRONYM_LETTERS and expansion(word, own) is not None
