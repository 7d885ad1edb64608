"""Organisations: names built around an organisation head word, and acronyms.

A head word ("Università", "Uniwersytet", "savivaldybės", "Δήμος", "Landratsamt"; see
:data:`kg.ingest.extract.cues.ORGANISATION_HEADS`) anchors a name; the name grows over the
capitalised words, further head words, joining words ("di", "für", "w") and quoted names next to
it, never across punctuation. A head that is the only word ("the Secretariat") names no
organisation. Acronyms that nothing else claims are organisations with a low score.

Each organisation's country and region come from the text next to it first: a country or city in
parentheses or after "from/din/aus/z/iz …", then a place inside its name; otherwise they stay unknown.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kg.ingest.entities import Finding
from kg.ingest.extract import cues
from kg.ingest.extract.candidates import Sentence, fold, is_acronym
from kg.ingest.extract.context import Context
from kg.ingest.extract.cues import is_head
from kg.ingest.extract.events import event_type
from kg.ingest.extract.lexicons import is_first_name
from kg.ingest.extract.places import place_of
from kg.ingest.reference import guess_organisation_type

__all__ = ["find_organisations", "is_head", "locate_organisations"]

_MAX_TOKENS = 12
_STOP_ACRONYMS = frozenset("eu ue eu's nuts sme smes pme pmi kmu covid erdf efre feder fesr ipa ict it ai pdf ceo phd "
                           "cet cest utc gdp pib bip usd eur rs ri un nato ngo ong faq www http https mr dr tel fax "
                           "la le el il de del ii iii iv vi vii".split())
_FROM = regex.compile(r"^\s*(?:,\s*)?(?:from|of|in|din|de|da|di|del|aus|von|z|ze|iz|iš|is|z\s+|από|της|du|de la|"
                      r"w|we|v|ve|u|en|em|no|na|from the)\s+(\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?)")
_ROMAN = regex.compile(r"[IVXLC]+(?:-[A-D])?")
_PAREN = regex.compile(r"^\s*\(\s*([^()\n]{2,40}?)\s*\)")


def _joined(sentence: Sentence, a: int, b: int) -> bool:
    """True when tokens ``a`` and ``b`` (b = a + 1) are separated by spaces only."""
    left, right = sentence.tokens[a].end - sentence.start, sentence.tokens[b].start - sentence.start
    return sentence.text[left:right].strip() in ("", "-")


def _grow_right(sentence: Sentence, end: int, ctx: Context | None = None) -> int:
    toks = sentence.tokens
    j = end + 1
    while j < len(toks) and j - end < _MAX_TOKENS and _joined(sentence, j - 1, j):
        tok = toks[j]
        if ctx is not None and ctx.taken(tok.start, tok.end, ("programme", "project", "person")):
            break
        if tok.text in "„“\"«":
            close = next((k for k in range(j + 1, min(j + 8, len(toks))) if toks[k].text in "”“\"»"), None)
            if close is None:
                break
            end, j = close, close + 1
            continue
        if tok.punct:
            break
        if tok.cap or is_head(tok.folded):
            end, j = j, j + 1
            continue
        if tok.folded in cues.INNER_WORDS:
            k = j + 1 if j + 1 < len(toks) and toks[j + 1].folded not in cues.INNER_WORDS else j + 2
            if k < len(toks) and _joined(sentence, k - 1, k) and (toks[k].cap or toks[k].text in "„“\"«") \
                    and not _ends_name(sentence, end, k) \
                    and not (tok.folded in cues.CONJUNCTIONS and is_head(toks[k].folded)):
                j = k
                continue
        break
    return end


def _ends_name(sentence: Sentence, end: int, nxt: int) -> bool:
    """True when the capitalised word at ``nxt`` (after a joining word) starts something else.

    "municipiului Vetovo din Bulgaria": a country after a name that already has a proper name is where
    the organisation is; "Landkreises Emmendingen und Thomas Köhler": a first name starts a person.
    """
    from kg.ingest.extract.lexicons import countries

    toks = sentence.tokens
    word = toks[nxt]
    if word.folded in countries():
        return True
    return is_first_name(word.text) and nxt + 1 < len(toks) and toks[nxt + 1].cap and not is_head(toks[nxt + 1].folded)


def _grow_left(sentence: Sentence, start: int) -> int:
    toks = sentence.tokens
    while start > 0 and _joined(sentence, start - 1, start):
        tok = toks[start - 1]
        if tok.punct or not (tok.cap or is_head(tok.folded)) or tok.folded in cues.NOT_NAMES \
                or tok.folded in cues.PERSON_TITLES:
            break
        if start - 1 == 0 and not is_head(tok.folded) and not is_acronym(tok.text) and len(toks) > 3:
            break  # a sentence's first word is capitalised anyway
        if _is_country(tok.text):
            break  # "Lenkijos Respublikos Grodeko savivaldybėje": the country is where, not who
        start -= 1
    return start


@lru_cache(maxsize=20_000)
def _is_country(word: str) -> bool:
    from kg.ingest.extract.lexicons import countries

    key = fold(word)
    return key in countries() or any(key.startswith(name[:-1]) and len(name) - 1 <= len(key) <= len(name) + 3
                                     for name in _country_stems().get(key[:4], ()))


@lru_cache(maxsize=1)
def _country_stems() -> dict[str, tuple[str, ...]]:
    from kg.ingest.extract.lexicons import countries

    out: dict[str, list[str]] = {}
    for name in countries():
        if " " not in name and len(name) >= 5:
            out.setdefault(name[:4], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def _span_at(ctx: Context, sentence: Sentence, index: int) -> tuple[int, int, float] | None:
    """Return (first, last, score) of the organisation name headed by token ``index``, or None."""
    toks = sentence.tokens
    tok = toks[index]
    first, last = _grow_left(sentence, index), _grow_right(sentence, index, ctx)
    words = [t for t in toks[first:last + 1] if not t.punct]
    named = [t for t in words if t.cap and not cues.is_head_token(t.text, t.folded)]
    if len(words) < 2:
        return None
    if len(words) == 2 and words[-1] is tok and is_first_name(words[0].text):
        return None  # "Emanuel Câmara": a person whose family name is a head word
    if event_type(sentence.span_text(first, last)):
        return None  # "Coal Regions in Transition Virtual Week": an event's name
    if named:
        return first, last, 0.85
    if tok.cap and index > 0:
        return first, last, 0.7  # "Joint Secretariat", "Autorità di Gestione"
    return None


def find_organisations(ctx: Context) -> None:
    """Add the organisations named around head words, then the acronyms nothing else claims."""
    for sentence in ctx.sentences:
        index = 0
        while index < len(sentence.tokens):
            tok = sentence.tokens[index]
            if tok.punct or not cues.is_head_token(tok.text, tok.folded):
                index += 1
                continue
            span = _span_at(ctx, sentence, index)
            if span is None:
                index += 1
                continue
            first, last, score = span
            _add(ctx, sentence, first, last, score)
            index = max(last + 1, index + 1)
    for sentence in ctx.sentences:
        for i, tok in enumerate(sentence.tokens):
            if is_acronym(tok.text) and len(tok.text) >= 2 and tok.folded not in _STOP_ACRONYMS \
                    and not ctx.taken(tok.start, tok.end) and not _ROMAN.fullmatch(tok.text) \
                    and tok.folded not in _country_codes():
                last = _grow_right(sentence, i, ctx)
                words = [t for t in sentence.tokens[i + 1:last + 1] if not t.punct]
                named = [t for t in words if not is_acronym(t.text) and t.folded not in cues.INNER_WORDS]
                if named or (len(words) == 1 and is_acronym(words[0].text)):
                    _add(ctx, sentence, i, last, 0.65)  # "RKW Sachsen", "CCDR Norte", "DG REGIO"


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    from kg.ingest.extract.lexicons import countries

    return frozenset(fold(c) for c in countries().values() if c)


def _add(ctx: Context, sentence: Sentence, first: int, last: int, score: float) -> None:
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    for a, b, kind, inner in ctx.within(start, end):
        if kind == "organisation" and start <= a and b <= end and (a, b) != (start, end) \
                and inner.attrs.get("evidence") == "graph" and " " not in inner.name:
            ctx.remove(inner)  # "University of Turin" is not the city of Turin that the graph knows as "Turin"
    other = ctx.taken(start, end)
    if other is not None and other.kind in ("project", "programme", "person", "organisation"):
        return
    name = regex.sub(r"^(?:The|the|Der|Die|Das|La|Le|Les|L'|El|Il|Lo|Το|Η|Ο)\s+", "", sentence.span_text(first, last))
    if len(name) < 2:
        return
    while (inner := ctx.taken(start, end, ("place",))) is not None:
        ctx.remove(inner)  # "Regione Toscana" is an organisation, not the place Toscana
    same = _same_organisation(ctx, name)
    if same is not None:
        ctx.add(same, start, end)
        return
    found = ctx.confident(name, "organisation")
    attrs: dict[str, object] = {"type": cues.type_of(name) or guess_organisation_type(name),
                                "evidence": "head" if score > 0.5 else "acronym"}
    ctx.add(Finding("organisation", name, "resolved" if found else "new", sentence.text.strip(),
                    found.iri if found else None, attrs=attrs, score=score), start, end)


@lru_cache(maxsize=20_000)
def _signature(name: str) -> frozenset[str]:
    return frozenset(w for w in regex.findall(r"\w+", fold(name)) if w not in cues.INNER_WORDS and not is_head(w))


@lru_cache(maxsize=20_000)
def _heads(name: str) -> frozenset[str]:
    return frozenset(w[:5] for w in regex.findall(r"\w+", fold(name)) if is_head(w))


def _same_organisation(ctx: Context, name: str) -> Finding | None:
    """Return the organisation already found that ``name`` names too ("primăria din Vetovo", "Primăria Vetovo")."""
    mine = _signature(name)
    heads = _heads(name)
    for other in ctx.result.of("organisation"):
        theirs = _signature(other.name)
        if mine and theirs and (mine <= theirs or theirs <= mine) and heads & _heads(other.name):
            return other
    return None


def _country_next_to(ctx: Context, end: int) -> tuple[str | None, str | None]:
    """Return (country, region) written right after an organisation: "(Spagna)", "din Bulgaria", "aus Dänemark"."""
    after = ctx.text[end:end + 80]
    for pattern in (_PAREN, _FROM):
        match = pattern.match(after)
        if match:
            found = place_of(ctx, match.group(1))
            if found is not None:
                return found
    return None, None


def _country_inside(ctx: Context, name: str) -> tuple[str | None, str | None]:
    """Return (country, region) of the place an organisation's name holds ("Comune di Bologna")."""
    words = [w.strip("„“”\"«»()") for w in name.split()]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a[:1].isupper() and b[:1].isupper()]
    for word in pairs + [w for w in words if w[:1].isupper()]:
        if is_head(fold(word)):
            continue
        found = place_of(ctx, word)
        if found is not None:
            return found
    return None, None


def locate_organisations(ctx: Context) -> None:
    """Set each organisation's country and region from the text next to it or inside its name."""
    for _start, end, kind, finding in list(ctx.spans):
        if kind != "organisation" or finding.attrs.get("country"):
            continue
        country, region = _country_next_to(ctx, end)
        if country is None:
            country, region = _country_inside(ctx, finding.name)
        if country:
            finding.attrs["country"] = country
            finding.attrs.setdefault("region", region)
