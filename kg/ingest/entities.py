"""Entities of an article: projects, programmes, organisations, places, events, persons and themes.

Rule-based with the graph as gazetteer: every label of the graph's projects, programmes,
organisations, places and NUTS regions is looked up among the text's word n-grams (exact match
after case and diacritics folding; acronyms must match their case), and the language patterns of
:mod:`kg.ingest.lexicon` propose names the graph does not know yet, which the resolver then tries.
Each finding keeps the sentence it came from and whether it was resolved, is new or is ambiguous.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox
import regex

from kg.ingest import lexicon
from kg.ingest.dates import find_dates, reference_date, zone_of_country
from kg.ingest.reference import ReferenceData, guess_organisation_type
from kg.ingest.resolving import TYPE_OF_CLASS, NameResolver, confident, normalise
from kg.ingest.text import sentences

__all__ = ["Extraction", "Finding", "Gazetteer", "extract"]

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


@dataclass
class Extraction:
    """All findings of one document, with its language and reference date."""

    language: str
    reference: date
    findings: list[Finding] = field(default_factory=list)

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


_GAZ_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT ?s ?class ?label ?level ?region ?iso ?otype WHERE {
  ?s a ?class . VALUES ?class { %s }
  { ?s skos:prefLabel ?label } UNION { ?s skos:altLabel ?label } UNION { ?s ekg:acronym ?label }
  OPTIONAL { ?s ekg:nutsLevel ?level }
  OPTIONAL { ?s ekg:organisationType ?otype }
  OPTIONAL { ?s ekg:region ?region }
  OPTIONAL { ?s ekg:country/ekg:isoCode ?iso }
}"""


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
    """The graph's labels, looked up among a text's word n-grams."""

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
    def from_store(cls, store: ox.Store) -> Gazetteer:
        """Read labels of projects, programmes, organisations, places, NUTS regions (levels 1-3) and countries."""
        classes = " ".join(f"<{c}>" for c in TYPE_OF_CLASS)
        # Copy each solution's values at once: a solution object is only valid while iterating.
        rows = [{name: row[name] for name in ("s", "class", "label", "level", "region", "iso", "otype")}
                for row in store.query(_GAZ_QUERY % classes, use_default_graph_as_union=True)]
        labels: dict[str, str] = {}
        for row in rows:
            iri = row["s"].value
            if iri not in labels or row["label"].language == "en":
                labels[iri] = row["label"].value
        entries: dict[str, list[Entry]] = {}
        written: dict[str, str] = {}
        for row in rows:
            iri = row["s"].value
            kind = TYPE_OF_CLASS[row["class"].value]
            label = row["label"].value
            if kind == "region" and (row["level"] is None or row["level"].value == "0"):
                continue
            key = normalise(label)
            if len(key) < 3 and kind != "project":
                continue
            upper = sum(1 for c in label if c.isupper())
            exact = label if upper >= 2 and len(label) <= 16 else None
            region = row["region"].value if row["region"] is not None else None
            if kind == "region":
                region = iri
            otype = row["otype"].value.rsplit("/", 1)[-1] if row["otype"] is not None else None
            entry = Entry(iri, kind, labels[iri], exact, region, row["iso"].value if row["iso"] else None, otype)
            bucket = entries.setdefault(key, [])
            if all(e.iri != iri or e.kind != kind for e in bucket):
                bucket.append(entry)
            written.setdefault(key, label)
        return cls(entries, labels, written)

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
                entries = self.entries.get(normalise(span))
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
        key = normalise(word)
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


def _pick(entries: list[Entry], key: str | None = None) -> tuple[Entry | None, list[Entry]]:
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


_CODE = regex.compile(r"\b[A-Z]{2,5}\d{3,6}\b")
_ACRONYM = r"[\p{Lu}\d][\p{L}\d]*(?:[-+][\p{L}\d]+)*(?: [\p{Lu}\d]{2,})?"
_PROJECT_BEFORE = regex.compile(rf"(?:{lexicon.PROJECT_WORDS})\s+[\"„“«']?(?:{_CODE.pattern}\s+)?({_ACRONYM})")
_PROJECT_AFTER = regex.compile(rf"[\"„“«']?({_ACRONYM})[\"”“»']?\s+(?:{lexicon.PROJECT_WORDS})\b")
_PROGRAMME = regex.compile(rf"(?:{lexicon.PROGRAMME_WORDS})\s+(?:[\"„“«]([^\"”“»\n]{{4,80}})[\"”“»]|({lexicon.NAME}))")
_TITLE_AFTER = regex.compile(r"^\s*(?:[-–:]\s*)([^/\"”“»\n]{12,200}?)(?:[/\"”“»\n]|\.\s|\.$|$)")
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PERSON = r"\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?(?: \p{Lu}(?:\p{Ll}+|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?){1,2}"
_PERSON_ROLE = regex.compile(rf"(?m)^\s*(?:[^\p{{L}}\p{{N}}\s]\s*)?(?:[\p{{L}}\d ]{{2,20}}\s?:\s*)?({_PERSON})"
                             rf"\s*[–—-]\s*([^;\n]{{3,160}})")
_PERSON_FROM = regex.compile(rf"({_PERSON}) (?:from|of|z|ze|din|de la|di|de|del|von|vom|du|de la|από)"
                             rf" (?:the )?(\p{{Lu}}[^,;.\n]{{2,80}}?)(?= and |,|;|\.|\n| și | i | e | y | und | et |$)")
_CONTACT = regex.compile(rf"(?:[Cc]ontact|[Kk]ontakt|[Cc]ontatto|[Cc]ontacto|[Cc]ontacta[țt]i|[Cc]ontactez"
                         rf"|[Εε]πικοινων\w*)\s+(?:the |our )?((?:\p{{Ll}}+ ){{0,3}})({_PERSON})")
_NOT_PERSON_WORDS = {"european", "commission", "save", "the", "date", "project", "programme", "session", "region",
                     "regional", "week", "cities", "university", "municipiul", "consiliul", "key", "speakers",
                     "persoană", "contact", "invitație", "location", "in", "person", "by", "village",
                     "agora", "convention", "centre", "interreg", "europe", "green", "local", "el", "la", "il", "le",
                     "les", "der", "die", "das", "lo", "los", "las", "ayuntamiento", "comune", "ville", "stadt",
                     "universidad", "università", "université", "universität", "technische", "municipality", "city",
                     "το", "η", "ο", "οι"}


def _sentence_at(chunks: list[tuple[int, str]], position: int) -> str:
    best = ""
    for offset, chunk in chunks:
        if offset <= position:
            best = chunk
        else:
            break
    return best.strip()


def extract(text: str, lang: str, store: ox.Store, resolver: NameResolver, gazetteer: Gazetteer | None = None,
            reference: ReferenceData | None = None, document_date: date | None = None) -> Extraction:
    """Find the entities of ``text`` (in language ``lang``) and resolve them against the graph in ``store``."""
    gazetteer = gazetteer or Gazetteer.from_store(store)
    reference = reference or ReferenceData.from_store(store)
    chunks = sentences(text)
    result = Extraction(lang, document_date or reference_date(text, lang))
    inflected = lang in _INFLECTING
    spans = gazetteer.find(text, inflected)
    taken: list[tuple[int, int]] = [(s, e) for s, e, _ in spans]
    # Spans of places and regions: an organisation's name may contain one ("Comune di Bologna").
    # A name that is also a city's or region's is a place span too ("Turin" names the city and its municipality).
    place_spans = {(s, e) for s, e, entries in spans if any(x.kind in ("place", "region") for x in entries)}
    span_findings: dict[tuple[int, int], Finding] = {}

    def overlaps(a: int, b: int) -> bool:
        return any(a < e and b > s for s, e in taken)

    seen: dict[tuple[str, str], Finding] = {}

    def add(finding: Finding) -> Finding:
        key = (finding.kind, finding.iri or normalise(finding.name))
        if key in seen:
            seen[key].attrs.setdefault("mentions", 1)
            seen[key].attrs["mentions"] = int(seen[key].attrs["mentions"]) + 1
            return seen[key]
        seen[key] = finding
        result.findings.append(finding)
        return finding

    # --- graph labels found in the text
    located: list[tuple[int, Finding]] = []
    for start, end, entries in spans:
        name = text[start:end]
        if normalise(name) not in gazetteer.entries:  # an inflected form: name the place as the graph does
            name = gazetteer.written.get(gazetteer.inflected_name(name, True) or "", name)
        chosen, ambiguous = _pick(entries, normalise(name))
        sentence = _sentence_at(chunks, start)
        if chosen is None:
            kind = "place" if ambiguous[0].kind == "region" else ambiguous[0].kind
            if kind == "country":
                continue
            finding = add(Finding(kind, name, "ambiguous", sentence, None, sorted({e.iri for e in ambiguous})))
        else:
            if chosen.kind == "country":
                located.append((start, Finding("country", name, "resolved", sentence, chosen.iri,
                                               attrs={"country": chosen.country})))
                continue
            kind = "place" if chosen.kind == "region" else chosen.kind
            attrs: dict[str, object] = {"country": chosen.country, "region": chosen.region, "type": chosen.otype,
                                        "label": chosen.label}
            finding = add(Finding(kind, name, "resolved", sentence, chosen.iri, attrs=attrs))
        located.append((start, finding))
        span_findings[(start, end)] = finding

    # --- project codes and acronyms the graph does not know
    for pattern in (_PROJECT_BEFORE, _PROJECT_AFTER):
        for match in pattern.finditer(text):
            acronym, begin = _without_leading_word(match.group(1).strip(" -"), match.start(1))
            if sum(1 for c in acronym if c.isupper() or c.isdigit()) < 2 or len(acronym) < 3:
                continue
            if overlaps(begin, match.end(1)) or normalise(acronym) in gazetteer.entries:
                continue
            sentence = _sentence_at(chunks, begin)
            found = confident(resolver, acronym, "project")
            finding = add(Finding("project", acronym, "resolved" if found else "new", sentence,
                                  found.iri if found else None, attrs={"acronym": acronym}))
            located.append((begin, finding))
            taken.append((begin, match.end(1)))
    # --- programmes named after a programme word ("programului „Single Market Program”")
    for match in _PROGRAMME.finditer(text):
        group = 1 if match.group(1) else 2
        name = match.group(group).strip(" .,;")
        if overlaps(match.start(group), match.end(group)) or len(name) < 4:
            continue
        found = confident(resolver, name, "programme")
        finding = add(Finding("programme", name, "resolved" if found else "new",
                              _sentence_at(chunks, match.start(group)), found.iri if found else None))
        located.append((match.start(group), finding))
        taken.append((match.start(group), match.end(group)))

    for finding in result.of("project"):
        position = text.find(finding.name)
        if position < 0:
            continue
        window = text[max(0, position - 30):position + len(finding.name) + 260]
        code = _CODE.search(window)
        if code and code.group(0) != finding.name:
            finding.attrs["code"] = code.group(0)
        title = _TITLE_AFTER.match(text[position + len(finding.name):position + len(finding.name) + 260])
        if title and finding.status == "new":
            finding.attrs["title"] = title.group(1).strip()

    # --- organisations named by a pattern
    for pattern, kind in lexicon.ORGANISATION_PATTERNS:
        for match in regex.finditer(pattern, text):
            name = _ARTICLE.sub("", match.group(0).strip(" .,;"))
            if len(name.split()) < 2:
                continue  # "The University": a type word without a name
            inner = [(a, b) for a, b in taken if a < match.end() and b > match.start()]
            if any((a, b) not in place_spans or a < match.start() or b > match.end() for a, b in inner):
                continue
            for span in inner:
                _forget(result, located, seen, span_findings.pop(span, None), kind="organisation")
            sentence = _sentence_at(chunks, match.start())
            found = confident(resolver, name, "organisation")
            close = [] if found else [c for c in resolver.resolve(name, type="organisation", limit=3) if c.score >= 85]
            status = "resolved" if found else ("ambiguous" if close else "new")
            org_type = kind or guess_organisation_type(name)
            attrs = {"type": org_type}
            # The place the name carries ("Municipiul Timișoara" is in Timiș, RO).
            for _s, _e, entries in gazetteer.find(name, inflected):
                chosen, _ = _pick([e for e in entries if e.kind in ("place", "region")] or entries)
                if chosen is not None and chosen.kind in ("place", "region"):
                    attrs.update({"country": chosen.country, "region": chosen.region})
            finding = add(Finding("organisation", name, status, sentence, found.iri if found else None,
                                  [c.iri for c in close], attrs))
            located.append((match.start(), finding))
            taken.append((match.start(), match.end()))

    located.sort(key=lambda item: item[0])
    projects = result.of("project")
    project_counts = Counter(f.iri or f.name for f in projects for _ in range(int(f.attrs.get("mentions", 1))))
    main_project = None
    if projects:
        top = project_counts.most_common(1)[0][0]
        main_project = next(f for f in projects if (f.iri or f.name) == top)
    programmes = result.of("programme")
    for project in projects:
        same = [p for p in programmes if p.sentence == project.sentence]
        chosen_programme = same[0] if same else (programmes[0] if len(programmes) == 1 else None)
        if chosen_programme is not None:
            project.attrs["programme"] = chosen_programme

    # --- roles, countries and projects of organisations from their sentences
    for finding in result.of("organisation"):
        lowered = finding.sentence.lower()
        at = max(lowered.find(finding.name.lower()), 0)
        words_found = [(abs(m.start() - at) + (0 if m.start() < at else 1000), role)
                       for role, words in lexicon.ROLE_WORDS.items()
                       for m in regex.finditer(rf"\b(?:{words})\b", lowered)]
        if words_found:
            finding.attrs.setdefault("role", min(words_found)[1])  # the role word nearest before the name
        in_sentence = [p for p in projects if p.name in finding.sentence]
        project = in_sentence[0] if in_sentence else main_project
        if project is not None and "role" in finding.attrs:
            finding.attrs["project"] = project
        if not finding.attrs.get("country"):
            for _pos, other in located:
                if other.sentence == finding.sentence and other.kind in ("place", "country") \
                        and other.attrs.get("country"):
                    finding.attrs["country"] = other.attrs["country"]
                    if other.kind == "place":
                        finding.attrs.setdefault("region", other.attrs.get("region"))
                    break

    fallback_country = next((f.attrs.get("country") for _p, f in located if f.kind in ("place", "country")
                             and f.status == "resolved" and f.attrs.get("country")), None) or _country_of_language(lang)
    for finding in result.of("organisation"):
        if finding.status == "new" and not finding.attrs.get("country"):
            finding.attrs["country"] = fallback_country

    # --- events: a date, with an event-type word in its sentence or in the document's title
    title_line = next((c.strip() for _o, c in chunks if c.strip()), "")
    places = [f for f in result.of("place") if f.status == "resolved"]
    first_place = places[0] if places else None
    tz = zone_of_country((first_place.attrs.get("country") if first_place else None) or _country_of_language(lang))
    events: dict[str, Finding] = {}
    for mention in find_dates(text, lang, result.reference, tz):
        sentence = _sentence_at(chunks, mention.position)
        before = text[max(0, mention.position - 40):mention.position].lower()
        if regex.search(rf"(?:{lexicon.DEADLINE})\W*(?:\w+\W+){{0,2}}$", before):
            continue
        event_type = _event_type(sentence) or _event_type(title_line)
        if event_type is None:
            continue
        online = bool(regex.search(lexicon.ONLINE, sentence, regex.IGNORECASE)) or event_type == "webinar"
        place = next((f for p, f in located if f.kind == "place" and f.status == "resolved"
                      and f.sentence == sentence), None) or (None if online else first_place)
        key = mention.start_value()
        if key in events:
            continue
        title = _quoted(sentence) or _quoted(title_line)
        event = Finding("event", title or f"{event_type} {mention.start.isoformat()}", "new", sentence,
                        attrs={"type": event_type, "start": mention.start_value(), "end": mention.end_value(),
                               "place": place, "online": online, "project": main_project,
                               "date_text": mention.text, "titled": title is not None})
        events[key] = event
        result.findings.append(event)

    # --- persons
    _persons(text, chunks, result, located)

    # --- themes
    for theme, words in lexicon.THEMES.items():
        hit = regex.search(words, text, regex.IGNORECASE if theme not in ("sme-support",) else 0)
        if hit and reference.concept("Theme", theme) is not None:
            result.findings.append(Finding("theme", theme, "resolved", _sentence_at(chunks, hit.start()),
                                           str(reference.concept("Theme", theme))))
    return result


_ARTICLE = regex.compile(r"^(?:The|the|Der|Die|Das|La|Le|Les|L'|El|Il|Lo|Το|Η|Ο)\s+")


def _without_leading_word(acronym: str, start: int) -> tuple[str, int]:
    """Drop a capitalised word before an acronym ("The TRANSPORTLAB" → "TRANSPORTLAB"); "SCALE UP" stays."""
    first, _, rest = acronym.partition(" ")
    if rest and sum(1 for c in first if c.isupper() or c.isdigit()) < 2:
        return rest, start + len(first) + 1
    return acronym, start


def _forget(result: Extraction, located: list[tuple[int, Finding]], seen: dict[tuple[str, str], Finding],
            finding: Finding | None, kind: str) -> None:
    """Take back one mention of ``finding`` (of ``kind``) that a longer name turned out to contain."""
    if finding is None or finding.kind != kind:
        return
    mentions = int(finding.attrs.get("mentions", 1))
    if mentions > 1:
        finding.attrs["mentions"] = mentions - 1
        return
    result.findings.remove(finding)
    located[:] = [(p, f) for p, f in located if f is not finding]
    seen.pop(next(k for k, v in seen.items() if v is finding), None)


def _country_of_language(lang: str) -> str | None:
    return {"pl": "PL", "ro": "RO", "it": "IT", "es": "ES", "de": "DE", "fr": "FR", "el": "GR"}.get(lang)


def _event_type(sentence: str) -> str | None:
    lowered = sentence.lower()
    for kind, words in lexicon.EVENT_TYPES.items():
        if regex.search(rf"(?<!\w)(?:{words})(?!\w)", lowered):
            return kind
    return None


def _quoted(sentence: str) -> str | None:
    match = regex.search(r"[„“\"«]([^„“”\"«»]{8,160})[”“\"»]", sentence)
    return match.group(1).strip() if match else None


def _persons(text: str, chunks: list[tuple[int, str]], result: Extraction,
             located: list[tuple[int, Finding]]) -> None:
    organisations = result.of("organisation")
    persons: dict[str, Finding] = {}

    def org_in(fragment: str) -> Finding | None:
        for org in organisations:
            if org.name in fragment:
                return org
        return None

    def person(name: str, position: int, role: str | None, affiliation: Finding | None) -> Finding | None:
        words = name.lower().split()
        if any(w in _NOT_PERSON_WORDS for w in words) or len(words) < 2:
            return None
        if any(normalise(name) in normalise(org.name) for org in organisations):
            return None
        key = normalise(name)
        if key in persons:
            found = persons[key]
        else:
            found = Finding("person", name, "new", _sentence_at(chunks, position), attrs={})
            persons[key] = found
            result.findings.append(found)
        if role and not found.attrs.get("role"):
            found.attrs["role"] = role
        if affiliation is not None and not found.attrs.get("affiliation"):
            found.attrs["affiliation"] = affiliation
        return found

    for match in _PERSON_ROLE.finditer(text):
        rest = match.group(2)
        cleaned = regex.sub(r"(?i)\b(?:e-?mail|tel|phone|telefon)\b\.?:?", "", _EMAIL.sub("", rest))
        role = regex.split(r"\s+(?:pentru|for|dla|per|para|für|pour|για|at|w|în|la)\s+", cleaned)[0].strip(" ,.;:")
        person(match.group(1), match.start(1), role or None, org_in(rest))
    for match in _PERSON_FROM.finditer(text):
        sentence = _sentence_at(chunks, match.start())
        role = None
        for name, words in lexicon.ROLE_WORDS.items():
            if name == "speaker" and regex.search(rf"(?:{words})", sentence.lower()):
                role = "speaker"
        affiliation = org_in(match.group(2)) or Finding("organisation", match.group(2).strip(), "new", sentence)
        person(match.group(1), match.start(1), role, affiliation)
    for match in _CONTACT.finditer(text):
        role = match.group(1).strip() or "contact person"
        person(match.group(2), match.start(2), role, None)
    for match in _EMAIL.finditer(text):
        email = match.group(0).rstrip(".")
        local = normalise(regex.sub(r"[._-]+", " ", email.split("@")[0]))
        owner = next((p for p in persons.values() if set(normalise(p.name).split()) <= set(local.split())), None)
        if owner is None:
            line_start = text.rfind("\n", 0, match.start()) + 1
            line = text[line_start:match.start()]
            owner = next((p for p in persons.values() if p.name in line), None)
        if owner is None and len(local.split()) >= 2:
            name = " ".join(w.capitalize() for w in local.split())
            owner = person(name, match.start(), "contact person", org_in(_sentence_at(chunks, match.start())))
        if owner is not None and not owner.attrs.get("email"):
            owner.attrs["email"] = email
