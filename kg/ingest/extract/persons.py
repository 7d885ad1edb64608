"""Persons: two or three capitalised words that start (or, in family-name-first order, end) with a first name.

First names come from gender-guesser's dictionary (see :mod:`kg.ingest.extract.lexicons`); Greek
and Cyrillic names are looked up in Latin transliteration (:func:`kg.resolve.normalise`). A title or function word
before the name ("Primarul", "Bürgermeister", "dr", "κ.") raises the score, and makes a name
whose first name the list does not know a person all the same. Words that head organisations,
country names, months and words that start sentences are never parts of a person's name.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kg.ingest.entities import Finding
from kg.ingest.extract import cues
from kg.ingest.extract.candidates import Sentence, Token, is_acronym
from kg.ingest.extract.context import Context
from kg.ingest.extract.cues import is_head
from kg.ingest.extract.lexicons import is_first_name
from kg.resolve.normalise import fold

__all__ = ["attach_emails", "find_persons", "is_first_name", "month_names"]

_PARTICLES = frozenset("van von ten der den de da di do dos del della la le zu af".split())
_MAX_NAME = 4
#: Beginnings of words that make a capitalised phrase a fund, programme or plan rather than a person.
_NOT_IN_NAMES = ("fund", "fond", "program", "strateg", "initiativ", "mechanism", "facilit", "plan", "instrument",
                 "award", "prize", "day", "week", "forum", "network", "transition")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from kg.ingest.extract.lexicons import countries

    return countries()


@lru_cache(maxsize=64)
def month_names(lang: str) -> frozenset[str]:
    """Return the month names of ``lang`` and English, folded like the text's words."""
    from kg.ingest.dates import _month_names

    try:
        names = _month_names(lang)
    except (KeyError, AttributeError, ValueError):
        names = _month_names("en")
    return frozenset(fold(name) for name in names)


def _nameable(ctx: Context, tok: Token) -> bool:
    """True for a token that may be part of a person's name."""
    text = tok.text
    if tok.punct or not text[:1].isupper() or (is_acronym(text) and len(text) > 1):
        return False
    if tok.folded in cues.NOT_NAMES or tok.folded in cues.PERSON_TITLES or is_head(tok.folded):
        return False
    if tok.folded in _countries() or tok.folded in month_names(ctx.lang) or tok.folded.startswith(_NOT_IN_NAMES):
        return False
    return not any(c.isdigit() for c in text)


def _run(ctx: Context, sentence: Sentence, index: int) -> int:
    """Return the last token index of the run of name words starting at ``index`` (particles allowed)."""
    toks = sentence.tokens
    last = index
    j = index + 1
    while j < len(toks) and j - index < _MAX_NAME:
        gap = sentence.text[toks[j - 1].end - sentence.start:toks[j].start - sentence.start]
        if gap.strip():
            break
        if _nameable(ctx, toks[j]) or (j == index + 1 and _surname_head(ctx, sentence, j)):
            last = j
        elif not (toks[j].folded in _PARTICLES and j + 1 < len(toks) and _nameable(ctx, toks[j + 1])):
            break
        j += 1
    return last


def _surname_head(ctx: Context, sentence: Sentence, j: int) -> bool:
    """True for a head word used as a family name after a first name ("Emanuel Câmara, presidente …")."""
    toks = sentence.tokens
    tok = toks[j]
    if not (tok.text[:1].isupper() and is_head(tok.folded) and is_first_name(toks[j - 1].text)):
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    gap = sentence.text[tok.end - sentence.start:nxt.start - sentence.start] if nxt else ","
    return nxt is None or gap.strip() != "" or not (nxt.cap or nxt.folded in cues.INNER_WORDS)


def _big_place(folded: str) -> bool:
    from kg.ingest.extract.lexicons import cities

    found = cities().get(folded)
    return folded in _countries() or bool(found and found[0].population >= 100_000)


def _titled(sentence: Sentence, index: int) -> bool:
    """True when a title or function word stands shortly before token ``index`` ("Primarul …, Name")."""
    toks = sentence.tokens
    return any(toks[k].folded.rstrip(".") in cues.PERSON_TITLES for k in range(max(0, index - 8), index))


def _score(ctx: Context, sentence: Sentence, first: int, last: int) -> float:
    toks = sentence.tokens
    words = [t for t in toks[first:last + 1] if t.folded not in _PARTICLES]
    if len(words) < 2 or len(words) > 3:
        return 0.0
    titled = _titled(sentence, first)
    if _big_place(words[-1].folded) or _big_place(" ".join(w.folded for w in words)) \
            or any(e.kind in ("region", "country") for e in ctx.gazetteer.entries.get(words[-1].folded, ())):
        return 0.0  # "Ville de Lille": a family name is no large town or country
    if is_first_name(words[0].text):
        if first == 0 and not is_first_name(words[-1].text) and len(sentence.words()) > 4 and not titled:
            return 0.7
        return 0.9 if titled else 0.8
    if len(words) == 2 and is_first_name(words[-1].text):
        return 0.75 if titled else 0.65  # family name first: "Bene Csaba"
    return 0.6 if titled else 0.0


def find_persons(ctx: Context) -> None:
    """Add the persons named in the text."""
    for sentence in ctx.sentences:
        toks = sentence.tokens
        index = 0
        while index < len(toks):
            tok = toks[index]
            if not _nameable(ctx, tok) or ctx.taken(tok.start, tok.end, ("organisation", "project", "programme")):
                index += 1
                continue
            last = _run(ctx, sentence, index)
            if last - index + 1 > 3 and is_first_name(toks[index + 2].text):
                last = index + 1  # two names in a row
            score = _score(ctx, sentence, index, last)
            if score <= 0 or ctx.taken(tok.start, toks[last].end, ("organisation", "project", "programme")):
                index += 1
                continue
            name = sentence.span_text(index, last)
            for place in [s[3] for s in ctx.within(tok.start, toks[last].end) if s[2] == "place"]:
                ctx.remove(place)
            ctx.add(Finding("person", name, "new", sentence.text.strip(), attrs={}, score=score),
                    tok.start, toks[last].end)
            index = last + 1


_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")


def attach_emails(ctx: Context) -> None:
    """Give each e-mail address to the person it names ("thomas.becker@…") or who stands on its line.

    An address whose local part is "first.last" with a known first name and that no person found
    owns makes a person of its own (with a lower score).
    """
    persons = ctx.result.of("person")
    for match in _EMAIL.finditer(ctx.text):
        email = match.group(0).rstrip(".")
        local = [w for w in regex.split(r"[._-]+", fold(email.split("@")[0])) if w]
        owner = next((p for p in persons if set(fold(p.name).split()) <= set(local)), None)
        if owner is None:
            line_start = ctx.text.rfind("\n", 0, match.start()) + 1
            line = ctx.text[line_start:match.start()]
            owner = next((p for p in persons if p.name in line), None)
        if owner is None and len(local) == 2 and is_first_name(local[0]) and len(local[1]) > 1:
            name = " ".join(w.capitalize() for w in local)
            sentence = ctx.sentence_at(match.start())
            owner = ctx.add(Finding("person", name, "new", sentence.text.strip(), attrs={"role": "contact person"},
                                    score=0.7), match.start(), match.end())
            persons.append(owner)
        if owner is not None and not owner.attrs.get("email"):
            owner.attrs["email"] = email
