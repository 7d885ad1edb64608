"""Record linkage of many organisations at once: blocks by country and word, then :func:`kg.resolve.link.compare`.

Comparing every record with every other is quadratic; records are compared only within a *block*:
the same country and one of its two rarest core words (:func:`kg.resolve.orgnames.parse`) that at most
:data:`~kg.resolve.thresholds.LINK_BLOCK_LIMIT` names of that country share, or the same whole core.
Within a block of more than two records, only pairs whose sorted cores are at least
:data:`~kg.resolve.thresholds.LINK_PREFILTER` alike (:func:`rapidfuzz.process.extract`) are compared.
The city or region is a block key too: records that give the same city share a block on it and each of
their first core words. Pairs that :func:`compare` calls the same are joined into clusters (union-find);
uncertain pairs are returned for review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.process import extract

from kg.resolve.link import Match, Record, compare, country_code
from kg.resolve.normalise import normalise
from kg.resolve.orgnames import parse
from kg.resolve.thresholds import LINK_BLOCK_LIMIT, LINK_PREFILTER

__all__ = ["Linkage", "block_keys", "link_records"]

# A record joins the blocks of its this many rarest core words (and those of its whole core and city).
_RAREST = 2


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
    """Return the block keys of a record: (country, word) for each core word, (country, core), (country, city, word).

    Examples
    --------
    >>> sorted(block_keys(Record("Община Петрич", "BG")))
    [('BG', '=', 'petrich'), ('BG', 'petrich')]
    """
    country = country_code(record.country) or ""
    core = parse(record.name, country or None).core
    keys = {(country, word) for word in core if len(word) >= 3 or word.isdigit()}
    keys.add((country, "=", " ".join(sorted(core))))
    if record.city and core:
        keys.add((country, "@" + normalise(record.city), core[0]))
    return keys


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _prefiltered(members: list[int], cores: list[str]) -> list[tuple[int, int]]:
    """The pairs of a block whose cores are alike enough to be worth comparing (rapidfuzz, in C)."""
    texts = [cores[i] for i in members]
    pairs = []
    for row, text in enumerate(texts[:-1]):
        found = extract(text, texts[row + 1:], scorer=fuzz.ratio, score_cutoff=LINK_PREFILTER, limit=None)
        pairs.extend((members[row], members[row + 1 + column]) for _, _, column in found)
    return pairs


def _candidate_pairs(records: list[Record], limit: int) -> set[tuple[int, int]]:
    keys = [block_keys(record) for record in records]
    cores = [" ".join(sorted(parse(r.name, country_code(r.country)).core)) for r in records]
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
        pairs.update(_prefiltered(members, cores) if len(members) > 2 else combinations(members, 2))
    return pairs


def link_records(records: list[Record], limit: int = LINK_BLOCK_LIMIT) -> Linkage:
    """Link ``records``: compare the pairs that share a block, and cluster those that are the same body.

    Parameters
    ----------
    records : list of Record
        The organisations, from one source or many.
    limit : int, optional (default=LINK_BLOCK_LIMIT)
        A word shared by more records of one country than this makes no block.

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
    review = []
    pairs = _candidate_pairs(records, limit)
    for i, j in sorted(pairs):
        match = compare(records[i], records[j])
        if match.same:
            parent[_find(parent, i)] = _find(parent, j)
        elif match.review:
            review.append((i, j, match))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[_find(parent, i)].append(i)
    clusters = sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
    return Linkage(clusters, review, len(pairs))
