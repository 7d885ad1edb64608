"""The shared state of one extraction: the text, its sentences, what was found and which spans are taken."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.ingest.entities import Extraction, Finding, Gazetteer
from kg.ingest.extract.candidates import Sentence, fold
from kg.ingest.reference import ReferenceData
from kg.ingest.resolving import NameResolver, confident

__all__ = ["ACCEPT", "Context"]

_BUCKET = 64

#: Score from which a finding is accepted (merged by ``--accept``), per kind; measured on the dev set
#: (see docs/ingest-quality.md): the lowest thresholds at which the precision of accepted items stays
#: at least 0.9 for every kind with a margin (projects 0.7: 0.92; persons 0.65: 0.97, where 0.6 would
#: give 0.95; places at 0.7 would fall to 0.85, so they keep 0.8).
ACCEPT = {"project": 0.7, "programme": 0.7, "organisation": 0.8, "place": 0.8, "event": 0.7, "person": 0.65,
          "theme": 0.5}


@dataclass
class Context:
    """Everything the steps of :func:`kg.ingest.extract.extract` share."""

    text: str
    lang: str
    store: ox.Store
    resolver: NameResolver
    gazetteer: Gazetteer
    reference: ReferenceData
    sentences: list[Sentence]
    result: Extraction
    #: (start, end, kind) of the document spans claimed by a finding (a place inside an organisation's
    #: name is not a place of its own).
    spans: list[tuple[int, int, str, Finding]] = field(default_factory=list)
    _seen: dict[tuple[str, str], Finding] = field(default_factory=dict)
    #: The spans by 64-character bucket of the text, so that :meth:`taken` costs the same anywhere in a 2 MiB text.
    _buckets: dict[int, list[tuple[int, int, str, Finding]]] = field(default_factory=dict)
    _resolved: dict[tuple[str, str], object] = field(default_factory=dict)
    #: Gazetteer answers per name written (see :func:`kg.ingest.extract.places.lookup`).
    places: dict[str, object] = field(default_factory=dict)

    def add(self, finding: Finding, start: int | None = None, end: int | None = None) -> Finding:
        """Add ``finding`` (or count one more mention of an equal one) and claim its span; return the kept one."""
        key = (finding.kind, finding.iri or fold(finding.name))
        kept = self._seen.get(key)
        if kept is None:
            self._seen[key] = kept = finding
            self.result.findings.append(finding)
            kept.attrs.setdefault("position", start if start is not None else 0)
        else:
            kept.attrs["mentions"] = int(kept.attrs.get("mentions", 1)) + 1
            kept.score = max(kept.score, finding.score)
        if start is not None and end is not None:
            span = (start, end, finding.kind, kept)
            self.spans.append(span)
            for bucket in range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1):
                self._buckets.setdefault(bucket, []).append(span)
        return kept

    def remove(self, finding: Finding) -> None:
        """Take ``finding`` back (a longer name turned out to contain it)."""
        if finding in self.result.findings:
            self.result.findings.remove(finding)
        gone = [s for s in self.spans if s[3] is finding]
        self.spans = [s for s in self.spans if s[3] is not finding]
        for start, end, _kind, _f in gone:
            for bucket in range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1):
                self._buckets[bucket] = [s for s in self._buckets.get(bucket, []) if s[3] is not finding]
        self._seen = {k: v for k, v in self._seen.items() if v is not finding}

    def confident(self, name: str, kind: str):  # noqa: ANN201 - the resolver's candidate type
        """Return the resolver's confident match of ``name`` among resources of ``kind`` (cached per name)."""
        key = (fold(name), kind)
        if key not in self._resolved:
            self._resolved[key] = confident(self.resolver, name, kind)
        return self._resolved[key]

    def within(self, start: int, end: int) -> list[tuple[int, int, str, Finding]]:
        """Return the spans that overlap ``start``..``end``."""
        seen: dict[int, tuple[int, int, str, Finding]] = {}
        for bucket in range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1):
            for span in self._buckets.get(bucket, ()):
                if span[0] < end and span[1] > start:
                    seen.setdefault(id(span), span)
        return list(seen.values())

    def taken(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> Finding | None:
        """Return the finding whose span overlaps ``start``..``end`` (of one of ``kinds``), if any."""
        for _a, _b, kind, finding in self.within(start, end):
            if kinds is None or kind in kinds:
                return finding
        return None

    def sentence_at(self, position: int) -> Sentence:
        """Return the sentence that holds document offset ``position``."""
        best = self.sentences[0]
        low, high = 0, len(self.sentences) - 1
        while low <= high:
            mid = (low + high) // 2
            if self.sentences[mid].start <= position:
                best = self.sentences[mid]
                low = mid + 1
            else:
                high = mid - 1
        return best
