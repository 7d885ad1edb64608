"""Dates and times in the eight languages, ranges, inferred years and impossible dates."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest.dates import find_dates, reference_date, zone_of_country

CASES = [
    # (language, text, reference, zone, expected (start, end) of the first mention)
    ("en", "on the 9th of October at 16:30 until 19:00 in Brussels", date(2019, 9, 1), "Europe/Brussels",
     ("2019-10-09T16:30:00+02:00", "2019-10-09T19:00:00+02:00")),
    ("en", "Save the date – October 9th!", date(2019, 9, 1), None, ("2019-10-09", None)),
    ("en", "08.11.2023 - 09.11.2023, Lodz", None, None, ("2023-11-08", "2023-11-09")),
    ("en", "from 8 to 9 November 2023", None, None, ("2023-11-08", "2023-11-09")),
    ("pl", "Spotkanie odbyło się 28 listopada w Lublinie.", date(2019, 12, 2), None, ("2019-11-28", None)),
    ("pl", "w dniach 28-29 listopada 2019 r., godz. 10:00", None, "Europe/Warsaw",
     ("2019-11-28T10:00:00+01:00", "2019-11-29")),
    ("ro", "marți, 10 noiembrie 2020, între orele 13.15-15.30 (ora locală)", None, "Europe/Bucharest",
     ("2020-11-10T13:15:00+02:00", "2020-11-10T15:30:00+02:00")),
    ("ro", "Atelierul va avea loc pe 10.11.2020.", None, None, ("2020-11-10", None)),
    ("it", "Il convegno si terrà il 12 e 13 marzo 2024 a Bologna, dalle 9:30 alle 17:00.", None, "Europe/Rome",
     ("2024-03-12T09:30:00+01:00", "2024-03-13T17:00:00+01:00")),
    ("es", "El taller será el jueves 5 de octubre de 2023 de 10:00 a 13:00 en Sevilla.", None, "Europe/Madrid",
     ("2023-10-05T10:00:00+02:00", "2023-10-05T13:00:00+02:00")),
    ("es", "del 12 al 14 de marzo de 2024", None, None, ("2024-03-12", "2024-03-14")),
    ("de", "Die Konferenz findet vom 14. bis 15. Juni 2022 in Dresden statt.", None, None, ("2022-06-14", "2022-06-15")),
    ("de", "Am Dienstag, 7. März 2023, 9.00 bis 12.30 Uhr", None, "Europe/Berlin",
     ("2023-03-07T09:00:00+01:00", "2023-03-07T12:30:00+01:00")),
    ("fr", "Le séminaire aura lieu le mardi 7 février 2023 à 14h30 à Lille.", None, "Europe/Paris",
     ("2023-02-07T14:30:00+01:00", None)),
    ("fr", "du 3 au 5 avril 2024", None, None, ("2024-04-03", "2024-04-05")),
    ("el", "Η ημερίδα θα πραγματοποιηθεί την Πέμπτη 23 Νοεμβρίου 2023 στις 10:00 στη Θεσσαλονίκη.", None,
     "Europe/Athens", ("2023-11-23T10:00:00+02:00", None)),
    ("el", "Το φόρουμ θα γίνει στις 5 Μαΐου.", date(2024, 4, 1), None, ("2024-05-05", None)),
]


@pytest.mark.parametrize(("lang", "text", "reference", "zone", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_dates_per_language(lang: str, text: str, reference: date | None, zone: str | None,
                            expected: tuple[str, str | None]) -> None:
    mentions = find_dates(text, lang, reference, zone)
    assert mentions, f"no date found in {text!r}"
    assert mentions[0].iso() == expected


def test_impossible_dates_are_rejected() -> None:
    assert find_dates("It was 31.02.2020.", "en") == []
    assert find_dates("30 February 2021", "en") == []


def test_year_is_inferred_from_the_document_date() -> None:
    # A December article announcing a January event: the closest January is the next year's.
    (mention,) = find_dates("The kick-off is on 15 January.", "en", date(2023, 12, 10))
    assert mention.start == date(2024, 1, 15)


def test_reference_date_is_the_first_full_date() -> None:
    assert reference_date("Posted 03.05.2021. Meeting on 28 May.", "en") == date(2021, 5, 3)


def test_times_without_a_zone_give_plain_dates() -> None:
    (mention,) = find_dates("9 October 2019, 16:30-19:00", "en")
    assert mention.iso() == ("2019-10-09", None)


def test_zone_of_country() -> None:
    assert zone_of_country("RO") == "Europe/Bucharest"
    assert zone_of_country("el") == "Europe/Athens"
    assert zone_of_country(None) is None
