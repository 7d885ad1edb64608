"""Events: full dates (day, month and year written) that are not deadlines or publication dates.

The event's type comes from an event word in the date's sentence, else in the document's title
("kick-off meeting", "konferencja", "Netzwerktreffen"); a dated sentence without one is an event of
type "other" with a lower score. The place is a place of the same sentence, the project the
article's main project.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kg.ingest import lexicon
from kg.ingest.dates import DateMention, find_dates, zone_of_country
from kg.ingest.entities import Finding
from kg.ingest.extract.candidates import Sentence
from kg.ingest.extract.context import Context

__all__ = ["event_type", "find_events"]

_DEADLINE = regex.compile(rf"(?<!\w)(?:{lexicon.DEADLINE}|deadline|frist|rok|termín|határidő|prazo|scadenz\w*"
                          r"|tähtaeg|published|publié|pubblicat\w*|publicad\w*|veröffentlicht|objavljeno|zveřejněno"
                          r"|paskelbta|közzétéve|publikálva|gepubliceerd|publicerad|julkaistu|updated)\W*(?:\w+\W+){0,2}$"
                          r"|(?<!\w)(?:date|datum|data|fecha|datė|dátum|päivämäärä|posted)\s*:\s*$", regex.IGNORECASE)
_EXTRA_TYPES = {
    "meeting": r"kick-?off|sestanek|srečanje|setkání|schůzk\w*|találkozó|ülés|susitikim\w*|bijeenkomst|sanāksme"
               r"|kohtumine|kokous|möte|møde|среща|sastan\w*|σύσκεψη|netzwerktreffen|treffen|spotkani\w*",
    "conference": r"konferenc\w*|konferenz\w*|konferens\w*|conferentie|konverents\w*|konferenssi|конференция"
                  r"|συνέδριο|workshop|delavnic\w*|műhely\w*|dirbtuv\w*",
    "other": r"launch|lansare|lancio|lanzamiento|lançamento|lancement|start|kick|ceremon\w*|signature|semnat\w*"
             r"|firma|podpis\w*|unterzeich\w*|aláír\w*|pasiraš\w*|evenimen\w*|evento|event\w*|veranstaltung\w*"
             r"|rendezvény\w*|renginys|renginio|dogod\w*|akce|akci|wydarzen\w*|εκδήλωσ\w*|събитие|tapahtum\w*"
             r"|evenement|évènement|événement|jornada\w*|forum|fórum|tag|dag|day|week|woche|semana|settimana",
}


_WORDS = {kind: "|".join(w for w in (lexicon.EVENT_TYPES.get(kind), _EXTRA_TYPES.get(kind)) if w)
          for kind in [*lexicon.EVENT_TYPES, *[k for k in _EXTRA_TYPES if k not in lexicon.EVENT_TYPES]]}
_TYPE_PATTERNS = [(kind, regex.compile(rf"(?<!\w)(?:{words})(?!\w)")) for kind, words in _WORDS.items()]
_ONLINE = regex.compile(lexicon.ONLINE, regex.IGNORECASE)


@lru_cache(maxsize=10_000)
def event_type(sentence: str) -> str | None:
    """Return the event type a sentence names (an event type concept's local name), or None."""
    lowered = sentence.lower()
    for kind, pattern in _TYPE_PATTERNS:
        if pattern.search(lowered):
            return "meeting" if kind == "other" and "kick" in lowered else kind
    return None


def _score(ctx: Context, sentence: Sentence, mention: DateMention, dated: bool, title: str) -> float | None:
    """Return the score of the event a date stands for, or None when it is no event's date.

    Deadlines and datelines ("Date: 10.05.2023", a day alone on its line) are no events. A date
    without a year counts only in a sentence that names an event, when the text has a full date
    somewhere (the year is then the one closest to it).
    """
    before = ctx.text[max(0, mention.position - 40):mention.position]
    if _DEADLINE.search(before):
        return None
    kind = event_type(sentence.text)
    if not regex.search(r"\d{4}", mention.text):
        return 0.6 if kind and dated else None
    line = sentence.text.strip()
    if len(regex.findall(r"\p{L}{2,}", line.replace(mention.text, ""))) <= 3 and mention.end is None and not kind \
            and not ctx.taken(sentence.start, sentence.start + len(sentence.text), ("place",)):
        return None  # a day alone on its line: the page's dateline
    if kind:
        return 0.8
    return 0.7 if event_type(title) else 0.55


def find_events(ctx: Context) -> None:
    """Add an event for each full date that is no deadline."""
    title = ctx.sentences[0].text.strip() if ctx.sentences else ""
    places = [f for f in ctx.result.of("place") if f.attrs.get("country")]
    tz = zone_of_country(places[0].attrs.get("country") if places else None)
    projects = sorted(ctx.result.of("project"), key=lambda p: -int(p.attrs.get("mentions", 1)))
    seen: set[str] = set()
    mentions = find_dates(ctx.text, ctx.lang, ctx.result.reference, tz)
    full = any(regex.search(r"\d{4}", m.text) for m in mentions)
    towns = [(a, f) for a, _b, k, f in ctx.spans if k == "place" and not f.attrs.get("is_country")]
    first_town = min(towns, key=lambda t: t[0])[1] if towns else None
    for mention in mentions:
        sentence = ctx.sentence_at(mention.position)
        score = _score(ctx, sentence, mention, full, title)
        key = mention.start_value()
        if score is None or key in seen:
            continue
        seen.add(key)
        kind = event_type(sentence.text) or event_type(title)
        here = ctx.within(sentence.start, sentence.start + len(sentence.text))
        place = next((f for _a, _b, k, f in sorted(here, key=lambda s: s[0])
                      if k == "place" and not f.attrs.get("is_country")), None)
        online = bool(_ONLINE.search(sentence.text))
        if place is None and not online:
            place = first_town  # the article's first town
        ctx.add(Finding("event", f"{kind or 'event'} {mention.start.isoformat()}", "new", sentence.text.strip(),
                        attrs={"type": kind or "other", "start": mention.start_value(), "end": mention.end_value(),
                               "place": place, "online": online, "project": projects[0] if projects else None,
                               "date_text": mention.text, "titled": False}, score=score), None, None)
