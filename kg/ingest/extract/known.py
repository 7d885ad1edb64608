"""Names the graph already knows: labels of projects, programmes, organisations, places and NUTS regions.

Every label of those resources is looked up among the text's word n-grams (see
:class:`kg.ingest.entities.Gazetteer`); a name that is also a country's only records where the
country is written (organisations and places near it take it as their country).
"""

from __future__ import annotations

from kg.ingest.entities import Finding, pick
from kg.ingest.extract.context import Context
from kg.ingest.extract.places import is_word

__all__ = ["find_known"]

_INFLECTING = {"pl", "ro", "el", "de", "cs", "sk", "sl", "hr", "lt", "lv", "et", "fi", "hu", "bg"}
#: Scores of a name the graph knows, by kind: an exact label of the graph is strong evidence.
_SCORE = {"project": 0.9, "programme": 0.9, "organisation": 0.9, "place": 0.85, "region": 0.85}


def find_known(ctx: Context) -> None:
    """Add a finding for every label of the graph found in the text."""
    gazetteer = ctx.gazetteer
    for start, end, entries in gazetteer.find(ctx.text, ctx.lang in _INFLECTING):
        if ctx.taken(start, end, ("programme",)):
            continue  # "Interreg V-A Česká republika - Polsko": the programme's name, not its places
        name = ctx.text[start:end]
        key = gazetteer.key(name)
        inflected = key not in gazetteer.entries
        if inflected:  # an inflected form: name the place as the graph does
            key = gazetteer.inflected_name(name, True) or key
        chosen, ambiguous = pick(entries, key)
        sentence = ctx.sentence_at(start).text.strip()
        if chosen is None:
            kind = "place" if ambiguous[0].kind == "region" else ambiguous[0].kind
            if kind in ("country", "organisation"):
                continue
            ctx.add(Finding(kind, name, "ambiguous", sentence, None, sorted({e.iri for e in ambiguous}),
                            score=0.4), start, end)
            continue
        if chosen.kind == "country":
            ctx.add(Finding("place", name, "resolved", sentence, chosen.iri,
                            attrs={"country": chosen.country, "is_country": True, "evidence": "graph"},
                            score=0.95), start, end)
            continue
        kind = "place" if chosen.kind == "region" else chosen.kind
        if kind == "organisation" and len(name) <= 3:
            continue  # a two- or three-letter label is too often something else
        attrs: dict[str, object] = {"country": chosen.country, "region": chosen.region, "type": chosen.otype,
                                    "label": chosen.label, "evidence": "graph"}
        if kind == "project":
            attrs["acronym"] = name
        score = _SCORE.get(chosen.kind, 0.8) - (0.1 if inflected else 0.0)
        if kind == "place" and " " not in name and (is_word(name, ctx.lang) or is_word(name, "en")):
            score = 0.6  # "Este", "Norte", "Centre": a region named by a word of the language
        if kind == "organisation" and _continues(ctx.text, end):
            score = 0.7  # the graph's name inside a longer one: a unit of it, or another organisation
        ctx.add(Finding(kind, name, "resolved", sentence, chosen.iri, attrs=attrs, score=score), start, end)


def _continues(text: str, end: int) -> bool:
    """True when a capitalised word follows ``end`` after a single space (the name goes on)."""
    after = text[end:end + 2]
    return len(after) == 2 and after[0] == " " and after[1].isupper()
