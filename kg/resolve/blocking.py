"""Record linkage of many organisations at once: blocks by country and word, then :func:`kg.resolve.link.compare`.

Comparing every record with every other is quadratic; records are compared only within a *block*:
the same country and one of its two rarest core words (:func:`kg.resolve.orgnames.parse`) that at most
:data:`~kg.resolve.thresholds.LINK_BLOCK_LIMIT` names of that country share, or the same whole core.
Within a block of more than two records, only pairs whose sorted cores, as written or with each word once
(:func:`core_texts`), are at least :data:`~kg.resolve.thresholds.LINK_PREFILTER` alike
(:func:`rapidfuzz.process.extract`) are compared, but for the block of a body of the Research Organization Registry
and of an identifier the records share (:func:`registry_key`), whose names may share no word.
The city or region is a block key too: records that give the same city share a block on it and each of
their first core words. A name of one word (a short form, ``DWD``) meets the longer names of its city whose
first words begin with its letter (:func:`short_form_keys`): only short against long, and without the prefilter,
since a short form is never alike its full name, when the longer name has the short form's letters in order.
Pairs that :func:`compare` calls the same are joined into clusters (union-find), but a short form that only
such a block finds the same as longer names of two clusters could be either: those pairs go to review
(``SHORT_FORM_AMBIGUOUS``); uncertain pairs are returned for review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.process import extract

from kg.resolve.acronyms import SKIPPABLE
from kg.resolve.link import Match, Record, _short_form, compare, country_code, identifier_keys
from kg.resolve.normalise import normalise
from kg.resolve.orgnames import country_words, parse
from kg.resolve.places import place_word, towns
from kg.resolve.ror import ror_ids
from kg.resolve.thresholds import LINK_BLOCK_LIMIT, LINK_PREFILTER

__all__ = ["LONG", "SHORT", "SHORT_FORM_AMBIGUOUS", "SHORT_FORM_BLOCK_LIMIT", "Linkage", "block_keys", "core_texts",
           "link_records", "partner_key", "registry_key", "short_form_keys"]

# The block of the names that the Research Organization Registry gives to one body ("Univerzita Karlova", "Charles
# University"), which may share no word (:mod:`kg.resolve.ror`).
_REGISTRY = "ror"
# The block key of an identifier (a PIC, a VAT number as the national number it holds): records named alike in
# nothing ("JOTNE EPM TECHNOLOGY AS", "JOTNE CONNECT AS"; "GDi Gisdata d.o.o.") are compared when they share one.
_IDENTIFIER = "#"
# A record joins the blocks of its this many rarest core words (and those of its whole core and city).
_RAREST = 2
# A core of one word joins the block of its first this many letters: the word in another case or as an adjective.
_PREFIX = 4
#: A longer name meets the short forms that begin with the first letter of one of its first this many words
#: (function words and single letters left out): a short form's first letter begins a word of its full name, after
#: at most a head word or two ("Stichting", "Fundación Centro ..."), which cost it a little each
#: (:func:`kg.resolve.acronyms.alignment_cost`).
_START_WORDS = 3
#: The marks of the short-form keys of a short form and of a longer name (:func:`short_form_keys`).
SHORT, LONG = "<", ">"
#: A short-form key held by more longer names than this makes no block. Most longer names of a block lack the short
#: form's letters in order and are not compared, so it can be larger than LINK_BLOCK_LIMIT: with the towns of Keep.eu's
#: and Horizon Europe's names, 100 left out 9 of 739 blocks (25 short forms: "ENS", "EPC" among the 256 longer names
#: of Brussels of the letter E), 400 none, for 8,467 and 11,838 candidate pairs before the letters are checked.
SHORT_FORM_BLOCK_LIMIT = 400
#: The method of a pair held for review: a short form found the same as longer names of two clusters.
SHORT_FORM_AMBIGUOUS = "short-form-ambiguous"


@dataclass(frozen=True)
class Linkage:
    """The outcome of linking many records.

    Attributes
    ----------
    clusters : list of list of int
        Indexes of the records that are one body, each cluster of two or more records.
    review : list of (int, int, Match)
        Uncertain pairs, for a person to decide.
    compared : int
        How many pairs were compared.
    """

    clusters: list[list[int]]
    review: list[tuple[int, int, Match]]
    compared: int


def block_keys(record: Record) -> set[tuple[str, ...]]:
    """Return the block keys of a record: (country, word) for each core word, (country, core), (country, city, word),
    (country, the first letters of the word) for a core of one word, (country, ``ror``, identifier) for a name
    of one body of the Research Organization Registry, and (country, ``#``, identifier) for each of its identifiers
    (:func:`kg.resolve.link.identifier_keys`).

    Examples
    --------
    >>> sorted(block_keys(Record("Община Петрич", "BG")))
    [('BG', '=', 'petrich'), ('BG', 'petrich'), ('BG', '~', 'petr')]
    """
    country = country_code(record.country) or ""
    core = parse(record.name, country or None).core
    # The word of the country ("Deutsche Bahn": "germany") is a key only when it is the whole core.
    national = country_words().get(country, ("",))[0]
    words = [w for w in core if w != national] or list(core)
    keys = {(country, word) for word in words if len(word) >= 3 or word.isdigit()}
    keys.add((country, "=", " ".join(sorted(core))))
    if len(core) == 1 and len(core[0]) >= _PREFIX:  # one word left by the head words, in any case: "Bükki"
        keys.add((country, "~", core[0][:_PREFIX]))  # Nemzeti Park Igazgatóság, "Bükk National Park Directorate"
    if record.city and core:
        keys.add((country, "@" + normalise(record.city), words[0]))
    keys.update((country, _REGISTRY, identifier) for identifier in ror_ids(record.name, country or None))
    keys.update((country, _IDENTIFIER, identifier) for identifier in identifier_keys(record))
    return keys | short_form_keys(record)


def registry_key(key: tuple[str, ...]) -> bool:
    """Whether a block key is a body's of a register, whose members are all compared: of the Research Organization
    Registry, whose names of a body may be alike in nothing ("Univerzita Karlova", "Karls-Universität Prag",
    "Charles University"), or an identifier the records give.

    >>> registry_key(("CZ", "ror", "024d6js02")), registry_key(("HR", "#", "15351583880"))
    (True, True)
    >>> registry_key(("CZ", "karlova"))
    False
    """
    return len(key) == 3 and key[1] in (_REGISTRY, _IDENTIFIER)


def short_form_keys(record: Record) -> set[tuple[str, ...]]:
    """Return the short-form keys of a record: (country, city, SHORT, letter) for a name of one word, a short form
    (:func:`kg.resolve.link._short_form`: ``DWD``), (country, city, LONG, letter) for each first letter of the first
    ``_START_WORDS`` words of a longer name; none without a city (a bare acronym of a country is too vague).

    A short form is compared with the longer names of its key's partner (:func:`partner_key`), never with another
    short form of the block, and the longer names are not compared with each other.

    Examples
    --------
    >>> sorted(short_form_keys(Record("DWD", "DE", "Offenbach")))
    [('DE', '@offenbach', '<', 'd')]
    >>> sorted(short_form_keys(Record("Stichting Platform31", "NL", "Den Haag")))
    [('NL', '@den haag', '>', 'p'), ('NL', '@den haag', '>', 's')]
    >>> short_form_keys(Record("DWD", "DE"))
    set()
    """
    if not record.city:
        return set()
    country, city = country_code(record.country) or "", "@" + normalise(record.city)
    short = _short_form(record.name)
    if short is not None:
        return set() if _place(short, country, city) else {(country, city, SHORT, short[0])}
    words = [w for w in normalise(record.name).split() if w not in SKIPPABLE and len(w) > 1][:_START_WORDS]
    return {(country, city, LONG, word[0]) for word in words}


def _place(word: str, country: str, city: str) -> bool:
    """Whether a folded one-word name is a place's name (its city's, or a town's of the place table): a town's
    name stands for its municipality, which the word and core blocks meet, not for an abbreviation."""
    return word == "".join(city[1:].split()) or word in towns() or place_word(word, country or None) != word


def partner_key(key: tuple[str, ...]) -> tuple[str, ...] | None:
    """Return the short-form key whose holders a record of ``key`` is compared with (SHORT with LONG), or ``None``.

    Examples
    --------
    >>> partner_key(("DE", "@offenbach", "<", "d"))
    ('DE', '@offenbach', '>', 'd')
    >>> partner_key(("DE", "dwd")) is None
    True
    """
    if len(key) != 4:
        return None
    return (*key[:2], LONG if key[2] == SHORT else SHORT, key[3])


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def core_texts(name: str, country: str | None) -> tuple[str, str]:
    """The texts of a name's core words that the pairs of a block are prefiltered by: the words sorted, and each word
    once, sorted (a word a name writes twice may say nothing more: "Miasto Zabrze / Powiatowy Urząd Pracy w Zabrzu").

    >>> core_texts("Miasto Zabrze / Powiatowy Urząd Pracy w Zabrzu", "PL")
    ('labour zabrze zabrze', 'labour zabrze')
    """
    core = parse(name, country_code(country)).core
    return " ".join(sorted(core)), " ".join(sorted(set(core)))


def _prefiltered(members: list[int], cores: list[tuple[str, str]]) -> set[tuple[int, int]]:
    """The pairs of a block whose cores, as written or with each word once, are alike enough to be worth comparing
    (rapidfuzz, in C)."""
    pairs = set()
    for variant in range(2):
        texts = [cores[i][variant] for i in members]
        for row, text in enumerate(texts[:-1]):
            found = extract(text, texts[row + 1:], scorer=fuzz.ratio, score_cutoff=LINK_PREFILTER, limit=None)
            pairs.update((members[row], members[row + 1 + column]) for _, _, column in found)
    return pairs


def _spells(short: str, long: str) -> bool:
    """Whether the letters of ``short`` are found in ``long`` in order: what every way :func:`compare` finds a short
    form the same as a longer name needs (its words, an abbreviation of them, the word that names the body)."""
    rest = iter(long)
    return all(letter in rest for letter in short)


def _short_form_pairs(records: list[Record], keys: list[set[tuple[str, ...]]], limit: int) -> set[tuple[int, int]]:
    """The pairs of a short form and a longer name that share a short-form key (none when more than ``limit``
    longer names hold it) and whose letters the longer name has in order."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, found in enumerate(keys):
        for key in found:
            if len(key) == 4:
                blocks[key].append(i)
    letters: dict[int, str] = {}

    def folded(i: int) -> str:
        if i not in letters:
            letters[i] = "".join(normalise(records[i].name).split())
        return letters[i]

    pairs: set[tuple[int, int]] = set()
    for key, shorts in blocks.items():
        if key[2] == SHORT and len(longs := blocks.get(partner_key(key), ())) <= limit:
            pairs.update((min(i, j), max(i, j)) for i in shorts for j in longs if _spells(folded(i), folded(j)))
    return pairs


def _candidate_pairs(records: list[Record], limit: int, short_form_limit: int = SHORT_FORM_BLOCK_LIMIT
                     ) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The pairs that share a word, core or city block, and those that only a short-form block joins."""
    keys = [block_keys(record) for record in records]
    cores = [core_texts(r.name, r.country) for r in records]
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for found in keys:
        for key in found:
            counts[key] += 1
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, found in enumerate(keys):
        words = sorted((k for k in found if len(k) == 2), key=lambda k: (counts[k], k))[:_RAREST]
        for key in [*words, *(k for k in found if len(k) == 3)]:
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) > limit and key[1] != "=":
            continue
        every = len(members) <= 2 or registry_key(key)
        pairs.update(combinations(members, 2) if every else _prefiltered(members, cores))
    return pairs, _short_form_pairs(records, keys, short_form_limit) - pairs


def _held(found: list[tuple[int, int, Match]], records: list[Record], parent: list[int]) -> set[tuple[int, int]]:
    """The pairs of ``found`` (a short form and a longer name, the same) whose short form is the same as longer
    names of two clusters or more (``parent``: the clusters of the other blocks)."""
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j, _ in found:
        short, long = (i, j) if _short_form(records[i].name) is not None else (j, i)
        partners[short].add(_find(parent, long))
    return {(i, j) for i, j, _ in found if len(partners[i if _short_form(records[i].name) is not None else j]) > 1}


def link_records(records: list[Record], limit: int = LINK_BLOCK_LIMIT,
                 short_form_limit: int = SHORT_FORM_BLOCK_LIMIT) -> Linkage:
    """Link ``records``: compare the pairs that share a block, and cluster those that are the same body.

    Parameters
    ----------
    records : list of Record
        The organisations, from one source or many.
    limit : int, optional (default=LINK_BLOCK_LIMIT)
        A word shared by more records of one country than this makes no block.
    short_form_limit : int, optional (default=SHORT_FORM_BLOCK_LIMIT)
        A short-form key held by more longer names than this makes no block.

    Returns
    -------
    Linkage

    Examples
    --------
    >>> linkage = link_records([Record("ОБЩИНА ПЕТРИЧ", "BG"), Record("Municipality of Petrich", "BG"),
    ...                         Record("Община Сандански", "BG")])
    >>> linkage.clusters
    [[0, 1]]
    """
    parent = list(range(len(records)))
    review, by_short_form = [], []
    pairs, short_form_pairs = _candidate_pairs(records, limit, short_form_limit)
    for i, j in sorted(pairs | short_form_pairs):
        match = compare(records[i], records[j])
        if match.same and (i, j) in short_form_pairs:
            by_short_form.append((i, j, match))
        elif match.same:
            parent[_find(parent, i)] = _find(parent, j)
        elif match.review:
            review.append((i, j, match))
    held = _held(by_short_form, records, parent)
    for i, j, match in by_short_form:
        if (i, j) in held:
            review.append((i, j, Match(match.score, False, True, SHORT_FORM_AMBIGUOUS)))
        else:
            parent[_find(parent, i)] = _find(parent, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[_find(parent, i)].append(i)
    clusters = sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
    return Linkage(clusters, sorted(review, key=lambda r: r[:2]), len(pairs) + len(short_form_pairs))
