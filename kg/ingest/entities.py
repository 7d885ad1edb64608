"""What extraction finds in an article (:class:`Finding`, :class:`Extraction`) and the resolver's names as a gazetteer.

The extraction itself is :mod:`kg.ingest.extract` (one module per kind of entity); :func:`extract`
is kept here as its entry point.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import pyoxigraph as ox
import regex

from kg.resolve import normalise

if TYPE_CHECKING:
    from kg.resolve.index import Index

__all__ = ["Extraction", "Finding", "Gazetteer", "extract", "pick"]

KIND_ORDER = ("project", "programme", "organisation", "place", "region", "country")


@dataclass
class Finding:
    """One entity found in the text."""

    kind: str  # project, programme, organisation, place, event, person, theme
    name: str
    status: str  # resolved, new, ambiguous
    sentence: str
    iri: str | None = None
    candidates: list[str] = field(default_factory=list)
    attrs: dict[str, object] = field(default_factory=dict)
    #: Confidence from 0 to 1 (see each kind's module for what raises it).
    score: float = 0.5
    #: Whether ``--accept`` merges it (its score reaches the kind's threshold).
    accepted: bool = False


@dataclass
class Extraction:
    """All findings of one document, with its language and reference date."""

    language: str
    reference: date
    findings: list[Finding] = field(default_factory=list)

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


@dataclass(frozen=True)
class Entry:
    """A resource the gazetteer knows: IRI, kind, preferred label, NUTS region and country."""

    iri: str
    kind: str
    label: str
    exact: str | None  # the label as written, when it must match case (acronyms)
    region: str | None = None
    country: str | None = None
    otype: str | None = None


class Gazetteer:
    """The names of the resolver's index (:mod:`kg.resolve.index`), looked up among a text's word n-grams."""

    MAX_WORDS = 8

    def __init__(self, entries: dict[str, list[Entry]], labels: dict[str, str],
                 written: dict[str, str] | None = None) -> None:
        self.entries = entries
        self.labels = labels
        self.written = written or {}  # matching key -> the label as written
        # One-word names of places and regions by their first four letters, for inflected forms.
        self.stems: dict[str, list[str]] = {}
        for key, bucket in entries.items():
            if " " not in key and len(key) >= 5 and any(e.kind in ("place", "region") for e in bucket):
                self.stems.setdefault(key[:4], []).append(key)

    @classmethod
    def from_index(cls, index: Index) -> Gazetteer:
        """Return the names of the resolver's index (:class:`kg.resolve.index.Index`) as a gazetteer.

        Every resource the resolver knows is in it by its labels and acronyms (and, for NUTS regions of
        levels 1-3, by the curated regional names), with its NUTS region, country and organisation type.
        """
        entries: dict[str, list[Entry]] = {}
        written: dict[str, str] = {}
        labels: dict[str, str] = {}
        for iri, resource in index.resources.items():
            if resource.type == "region" and not resource.level:
                continue
            labels[iri] = resource.label
            region = iri if resource.type == "region" else resource.region
            for name in resource.names:
                key = normalise(name)
                if len(key) < 3 and resource.type != "project":
                    continue
                upper = sum(1 for c in name if c.isupper())
                exact = name if upper >= 2 and len(name) <= 16 else None
                bucket = entries.setdefault(key, [])
                if all(e.iri != iri for e in bucket):
                    bucket.append(Entry(iri, resource.type, resource.label, exact, region, resource.country,
                                        resource.otype))
                written.setdefault(key, name)
        return cls(entries, labels, written)

    @classmethod
    def from_store(cls, store: ox.Store) -> Gazetteer:
        """Return the gazetteer of the resolver's index of ``store`` (built here: prefer :meth:`from_index`)."""
        from kg.resolve import Resolver

        return cls.from_index(Resolver.from_store(store).index)

    @staticmethod
    def key(name: str) -> str:
        """Return the matching key of ``name`` (folded; cached, since the same words recur)."""
        return _key(name)

    def find(self, text: str, inflected: bool = False) -> list[tuple[int, int, list[Entry]]]:
        """Return (start, end, entries) of the longest non-overlapping label matches in ``text``.

        With ``inflected`` (languages that decline names: pl, ro, el, de), a one-word place or region
        name also matches its inflected forms ("Lubelskiego", "Θεσσαλονίκης", "Sachsens"); see
        :meth:`inflected_place`.
        """
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        found = []
        index = 0
        while index < len(tokens):
            match = None
            for size in range(min(self.MAX_WORDS, len(tokens) - index), 0, -1):
                start, end = tokens[index][0], tokens[index + size - 1][1]
                span = text[start:end]
                entries = self.entries.get(_key(span))
                if not entries:
                    continue
                entries = [e for e in entries if _case_fits(span, e)]
                if entries:
                    match = (start, end, entries, size)
                    break
            if match is None and inflected:
                start, end = tokens[index]
                previous = text[tokens[index - 1][0]:tokens[index - 1][1]] if index else ""
                name = self.inflected_name(text[start:end], _REGION_WORD.fullmatch(previous) is not None)
                if name is not None:
                    match = (start, end, [e for e in self.entries[name] if e.kind in ("place", "region")], 1)
            if match:
                found.append(match[:3])
                index += match[3]
            else:
                index += 1
        return found

    def inflected_name(self, word: str, after_region_word: bool = False) -> str | None:
        """Return the matching key of the one-word place or region name that ``word`` is an inflected form of.

        The word must be capitalised (or follow a word such as "województwie", where Polish writes the
        region's adjective in lower case), share all but the last one or two letters of the name (one
        for names shorter than seven letters) and add at most four letters of ending. Among several
        such names, the longest shared beginning wins, then the larger region ("lubelskim" is the
        voivodeship Lubelskie, PL81, rather than its subregion Lubelski, PL814).
        """
        if not (word[:1].isupper() or after_region_word) or word.isupper():
            return None
        key = _key(word)
        best: tuple[int, int, str] | None = None
        for name in self.stems.get(key[:4], []):
            common = len(os.path.commonprefix([name, key]))
            if name == key or common < len(name) - (2 if len(name) >= 7 else 1) or len(key) - common > 4:
                continue
            level = min(len(e.region or e.iri) for e in self.entries[name])
            if best is None or (common, -level) > best[:2]:
                best = (common, -level, name)
        return best[2] if best else None


_REGION_WORD = regex.compile(r"(?i)wojew[oó]dztw\w*|regiun\w*|regione|región|région|regionu?|περιφέρει\w*")
_INFLECTING = {"pl", "ro", "el", "de"}
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-'’.&+/][\p{L}\p{M}\p{N}]+)*")


def _case_fits(span: str, entry: Entry) -> bool:
    if entry.exact is not None:
        return span.replace("-", " ") == entry.exact.replace("-", " ")
    if entry.kind in ("place", "region") and len(span) > 3 and span.isupper() and not entry.label.isupper():
        return False  # "CIRCULAR NORD" is an acronym, not the Nord département
    return span[:1].isupper() or span[:1].isdigit() or not entry.label[:1].isupper()


def pick(entries: list[Entry], key: str | None = None) -> tuple[Entry | None, list[Entry]]:
    """Choose among the resources one label names: one kind first (project > … > country), else ambiguous.

    Among several resources of one kind, the one whose preferred label is the name wins.
    """
    for kind in KIND_ORDER:
        of_kind = [e for e in entries if e.kind == kind]
        if of_kind:
            if kind == "region" and any(e.kind == "place" for e in entries):
                continue
            distinct = {e.iri for e in of_kind}
            if len(distinct) == 1:
                return of_kind[0], []
            preferred = {e.iri for e in of_kind if key is not None and normalise(e.label) == key}
            if len(preferred) == 1:
                return next(e for e in of_kind if e.iri in preferred), []
            return None, of_kind
    return None, entries




@lru_cache(maxsize=200_000)
def _key(text: str) -> str:
    return normalise(text)


def extract(text: str, lang: str, store: ox.Store, resolver, gazetteer: Gazetteer | None = None,  # noqa: ANN001
            reference=None, document_date: date | None = None) -> Extraction:  # noqa: ANN001
    """Find the entities of ``text`` (in language ``lang``): see :func:`kg.ingest.extract.extract`."""
    from kg.ingest.extract import extract as run

    return run(text, lang, store, resolver, gazetteer, reference, document_date)
