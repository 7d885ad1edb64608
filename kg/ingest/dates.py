"""Event dates and times written in the 24 official languages of the EU, found in running text.

Month and weekday names come from dateparser's language data (so every inflected form it knows,
such as the Polish genitive "listopada" or the Greek "Νοεμβρίου", is recognised); the range logic
("08.11.2023 - 09.11.2023", "8-9 November", "9th of October at 16:30 until 19:00",
"13.15-15.30") is this module's own. A date without a year takes the year that puts it closest to
the document's date. Impossible dates (31.02.2020) are rejected, never guessed.

Examples
--------
>>> [m.iso() for m in find_dates("marți, 10 noiembrie 2020, ora 10:00", "ro", tz="Europe/Bucharest")]
[('2020-11-10T10:00:00+02:00', None)]
>>> [m.iso() for m in find_dates("08.11.2023 - 09.11.2023", "en")]
[('2023-11-08', '2023-11-09')]
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo

from dateparser.languages.loader import default_loader

__all__ = ["LANGUAGES", "DateMention", "find_dates", "reference_date", "zone_of_country"]

LANGUAGES = ("bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv", "lt", "mt",
             "pl", "pt", "ro", "sk", "sl", "es", "sv")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Time zone of each country (ISO 3166 alpha-2) the graph's programmes cover; one zone per country.
_ZONES = {
    "AT": "Europe/Vienna", "BE": "Europe/Brussels", "BG": "Europe/Sofia", "HR": "Europe/Zagreb",
    "CY": "Asia/Nicosia", "CZ": "Europe/Prague", "DK": "Europe/Copenhagen", "EE": "Europe/Tallinn",
    "FI": "Europe/Helsinki", "FR": "Europe/Paris", "DE": "Europe/Berlin", "GR": "Europe/Athens",
    "EL": "Europe/Athens", "HU": "Europe/Budapest", "IE": "Europe/Dublin", "IT": "Europe/Rome",
    "LV": "Europe/Riga", "LT": "Europe/Vilnius", "LU": "Europe/Luxembourg", "MT": "Europe/Malta",
    "NL": "Europe/Amsterdam", "PL": "Europe/Warsaw", "PT": "Europe/Lisbon", "RO": "Europe/Bucharest",
    "SK": "Europe/Bratislava", "SI": "Europe/Ljubljana", "ES": "Europe/Madrid", "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo", "IS": "Atlantic/Reykjavik", "LI": "Europe/Vaduz", "CH": "Europe/Zurich",
    "UK": "Europe/London", "GB": "Europe/London", "AL": "Europe/Tirane", "BA": "Europe/Sarajevo",
    "ME": "Europe/Podgorica", "MK": "Europe/Skopje", "RS": "Europe/Belgrade", "TR": "Europe/Istanbul",
    "UA": "Europe/Kyiv", "MD": "Europe/Chisinau", "XK": "Europe/Belgrade",
}


def zone_of_country(code: str | None) -> str | None:
    """Return the IANA time zone of a country given by its ISO alpha-2 code (or None)."""
    return _ZONES.get(code.upper()) if code else None


@dataclass(frozen=True)
class DateMention:
    """A date or date range found in text, with optional start and end times."""

    start: date
    end: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    text: str = ""
    position: int = 0
    tz: str | None = field(default=None, compare=False)

    def iso(self) -> tuple[str, str | None]:
        """Return (start, end) as ISO dates, or as ISO date-times with offset when a time and zone are known."""
        return self.start_value(), self.end_value()

    def start_value(self) -> str:
        """The start: ``YYYY-MM-DD``, or ``YYYY-MM-DDThh:mm:ss+hh:mm`` when a time and zone are known."""
        return _value(self.start, self.start_time, self.tz)

    def end_value(self) -> str | None:
        """The end in the same form as :meth:`start_value`, or None for a single moment or day."""
        if self.end is None and (self.end_time is None or self.tz is None):
            return None
        return _value(self.end or self.start, self.end_time, self.tz)


def _value(day: date, moment: time | None, tz: str | None) -> str:
    if moment is None or tz is None:
        return day.isoformat()
    return datetime.combine(day, moment, tzinfo=ZoneInfo(tz)).isoformat()


def _fold(text: str) -> str:
    """Lower-case in NFC form (``casefold`` would decompose Greek ``ΐ`` and lose the final sigma)."""
    return unicodedata.normalize("NFC", text.lower())


@cache
def _month_names(lang: str) -> dict[str, int]:
    """Return every name and abbreviation of each month in ``lang`` (and English), lower-cased."""
    names: dict[str, int] = {}
    for code in {lang, "en"}:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTHS, start=1):
            for name in info.get(key, []):
                if len(name) >= 3:
                    names[_fold(name)] = number
    return names


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Return the (day month [year], month day [year], year month day) patterns of ``lang``."""
    # Known month names first, then any word: an inflected form dateparser does not list ("novembra",
    # "novembrī") is recognised by :func:`_month_of`.
    months = "|".join(sorted((re.escape(n) for n in _month_names(lang)), key=len, reverse=True)) + r"|[^\W\d_]{4,12}"
    day = r"(?P<d1>\d{1,2})(?:st|nd|rd|th|\.|er|º|η|ης)?"
    day2 = (r"(?:\s*(?:-|–|—|/|and|&|to|until|i|do|și|si|până\s+la|e|al|y|a|und|bis|et|au|και|έως|ως)\s*"
            r"(?P<d2>\d{1,2})(?:st|nd|rd|th|\.|er|η)?)?")
    dmy = re.compile(
        rf"(?<![\d.]){day}{day2}(?:\s+(?:of|de|del|di))?\s+(?P<m>{months})\.?(?![^\W\d_])"
        rf"(?:,?\s+(?:de\s+|del\s+)?(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    )
    mdy = re.compile(
        rf"(?<![^\W\d_])(?P<m>{months})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{day2}(?![\d])(?:,?\s+(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    )
    # Year first: Hungarian "2018. március 8.", Lithuanian "2023 m. sausio 9 d.", Latvian "2023. gada 9. janvārī".
    ymd = re.compile(
        rf"(?<![\d.])(?P<y>\d{{4}})\.?\s*(?:m\.|gada|г\.)?\s*(?P<m>{months})\.?\s+(?P<d1>\d{{1,2}})\.?"
        rf"(?:\s*(?:-|–)\s*(?P<d2>\d{{1,2}})\.?)?(?![\d])",
        re.IGNORECASE,
    )
    return ymd, dmy, mdy


_NUMERIC = re.compile(
    r"(?<![\d.])(?:(?P<d1>\d{1,2})\.?\s*[-–]\s*)?(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?![\d])"
    r"|(?<![\d-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d])"
)
_TIME = r"(?:[01]?\d|2[0-3])[:.h][0-5]\d"
_TIME_RANGE = re.compile(
    rf"(?<![\d.:])(?P<t1>{_TIME})(?![\d.]\d)(?:\s*(?:h|Uhr|ώρα)?\s*"
    rf"(?:-|–|—|to|until|till|do|până la|pana la|a|alle|al|à|au|bis|έως|ως)\s*(?P<t2>{_TIME})(?![\d.]\d))?",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(
    r"^[^\S\n]*(?:,[^\S\n]*)?(?:-|–|—|to|until|till|do|până\s+la|pana\s+la|al|au|bis|zum|έως|ως|a|e|y|i|și|si|and"
    r"|und|et|και|through|into)[^\S\n]*$",
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, reference: date) -> int:
    """Return the year that puts ``day.month`` closest to ``reference``."""
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _make(year, month, day)
        if candidate is not None:
            options.append((abs((candidate - reference).days), year))
    return min(options)[1] if options else reference.year


@dataclass
class _Raw:
    start: int
    end: int
    day: int
    month: int | None
    year: int | None
    day2: int | None = None
    text: str = ""


def _raw_mentions(text: str, lang: str) -> list[_Raw]:
    found: list[_Raw] = []
    text = unicodedata.normalize("NFC", text)
    taken: list[tuple[int, int]] = []
    buckets: dict[int, list[tuple[int, int]]] = {}  # the taken spans by 64-character bucket (linear time)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for k in range(a // 64, b // 64 + 1) for s, e in buckets.get(k, ()))

    def take(a: int, b: int) -> None:
        taken.append((a, b))
        for k in range(a // 64, b // 64 + 1):
            buckets.setdefault(k, []).append((a, b))

    for match in _NUMERIC.finditer(text):
        if match["iy"]:
            raw = _Raw(match.start(), match.end(), int(match["id"]), int(match["im"]), int(match["iy"]))
        else:
            raw = _Raw(match.start(), match.end(), int(match["d1"] or match["d"]), int(match["m"]), int(match["y"]),
                       int(match["d"]) if match["d1"] else None)
        found.append(raw)
        take(match.start(), match.end())
    months = _month_names(lang)
    for pattern in _patterns(lang):
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            month = _month_of(_fold(match["m"]).rstrip("."), months)
            if month is None:
                continue
            found.append(_Raw(match.start(), match.end(), int(match["d1"]), month,
                              int(match["y"]) if match["y"] else None, int(match["d2"]) if match["d2"] else None))
            take(match.start(), match.end())
    found.sort(key=lambda r: r.start)
    for raw in found:
        raw.text = text[raw.start:raw.end]
    return found


def _month_of(word: str, months: dict[str, int]) -> int | None:
    """Return the month ``word`` names: a month name, or an inflected form of one of five letters or more."""
    if word in months:
        return months[word]
    best = None
    for name, number in months.items():
        if len(name) < 5:
            continue
        common = len(os.path.commonprefix([name, word]))
        if common >= len(name) - 2 and len(word) - common <= 3 and (best is None or common > best[0]):
            best = (common, number)
    return best[1] if best else None


def reference_date(text: str, lang: str = "en", default: date | None = None) -> date:
    """Return the first full date (with a year) in ``text``, else ``default``, else mid-year of the first year named."""
    for raw in _raw_mentions(text, lang):
        if raw.year is not None and raw.month is not None and (day := _make(raw.year, raw.month, raw.day)):
            return day
    if default is not None:
        return default
    # No full date: the middle of the first year the text names ("European Week of Regions and Cities 2019").
    year = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", text)
    return date(int(year.group(1)), 7, 1) if year else date.today()


def find_dates(text: str, lang: str = "en", reference: date | None = None, tz: str | None = None) -> list[DateMention]:
    """Return the dates and date ranges written in ``text``, in order, with the times that follow them.

    Parameters
    ----------
    text : str
        Running text.
    lang : str, optional (default="en")
        ISO 639-1 code of the text's language (English month names are always understood too).
    reference : date, optional
        The document's date, used to give a year to dates written without one
        (default: :func:`reference_date` of ``text``).
    tz : str, optional
        IANA zone of the event's place; times are returned as date-times with that offset.

    Returns
    -------
    list of DateMention
        Impossible dates (31.02.2020) are left out.
    """
    if lang not in LANGUAGES:
        lang = "en"
    text = unicodedata.normalize("NFC", text)
    reference = reference or reference_date(text, lang)
    raws = _raw_mentions(text, lang)
    # A date range written as two dates: "08.11.2023 - 09.11.2023", "8 November to 9 November 2023".
    merged: list[tuple[_Raw, _Raw | None]] = []
    index = 0
    while index < len(raws):
        first = raws[index]
        second = raws[index + 1] if index + 1 < len(raws) else None
        if second is not None and first.day2 is None and _CONNECTOR.match(text[first.end:second.start]):
            merged.append((first, second))
            index += 2
        else:
            merged.append((first, None))
            index += 1
    mentions = []
    for number, (first, second) in enumerate(merged):
        last = second or first
        year = last.year or first.year
        month = first.month or last.month
        if month is None:
            continue
        year = year or _infer_year(month, first.day, reference)
        start = _make(year, month, first.day)
        if start is None:
            continue
        end = None
        if second is not None:
            end = _make(second.year or year, second.month or month, second.day)
            if end is None:
                continue
        elif first.day2 is not None:
            end = _make(year, month, first.day2)
            if end is None:
                continue
        if end is not None and end < start:
            if second is None or second.year is not None:
                continue
            end = _make(end.year + 1, end.month, end.day)
        # Times written after the date and before the next one.
        stop = merged[number + 1][0].start if number + 1 < len(merged) else len(text)
        window = text[last.end:min(stop, last.end + 250)]
        times = _TIME_RANGE.search(window)
        start_time = end_time = None
        if times:
            start_time = _time(times["t1"])
            end_time = _time(times["t2"]) if times["t2"] else None
        mentions.append(DateMention(start, end if end != start else None, start_time, end_time,
                                    text[first.start:last.end], first.start, tz))
    return mentions


def _time(text: str) -> time:
    hours, minutes = re.split(r"[:.h]", text)
    return time(int(hours), int(minutes))
