"""Property-based tests of the resolver and the date extraction, and a bounded fuzz run of the article ingester."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.ingest.article import ingest_article
from kg.ingest.dates import find_dates
from kg.resolve import TYPES, Resolver

LANGUAGES = ["en", "pl", "ro", "it", "es", "de", "fr", "el"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def resolver(store: ox.Store) -> Resolver:
    return Resolver.from_store(store)


@pytest.mark.slow
@FUZZ
@given(name=st.text(max_size=80), kind=st.sampled_from([None, *TYPES]))
def test_resolver_answers_any_text_with_ranked_candidates(resolver: Resolver, name: str, kind: str | None) -> None:
    candidates = resolver.resolve(name, type=kind)
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert kind is None or all(c.type == kind for c in candidates)
    best = resolver.best(name, type=kind)
    assert best is None or (candidates and best.iri == candidates[0].iri)


@FUZZ
@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_numeric_dates_come_back_exactly(day: dt.date) -> None:
    text = f"The meeting takes place on {day.day:02d}.{day.month:02d}.{day.year} in the town hall."
    found = find_dates(text, "en", reference=dt.date(2020, 1, 1))
    assert [m.start for m in found] == [day]


@FUZZ
@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_written_dates_come_back_exactly(day: dt.date) -> None:
    text = f"Save the date: {day.day} {MONTHS_EN[day.month - 1]} {day.year}."
    found = find_dates(text, "en", reference=dt.date(2020, 1, 1))
    assert found and found[0].start == day


@FUZZ
@given(text=st.text(max_size=300), lang=st.sampled_from(LANGUAGES))
def test_date_extraction_never_crashes_and_dates_are_real(text: str, lang: str) -> None:
    for mention in find_dates(text, lang, reference=dt.date(2021, 6, 1)):
        assert isinstance(mention.start, dt.date)
        assert mention.end is None or mention.end >= mention.start


# A bounded fuzz run: article-like texts mixing names, dates, e-mails and noise.
WORDS = st.sampled_from([
    "project", "projektu", "proiectului", "workshop", "conference", "Interreg Europe", "SME4GREEN", "Ilfov",
    "Consiliul Județean Ilfov", "Łódź", "28 listopada", "10 noiembrie 2020", "08.11.2023 - 09.11.2023",
    "31.02.2020", "at 16:30 until 19:00", "contact:", "jan.kowalski@example.org", "University of", "Municipiul",
    "\n", "—", "«", "»", "<b>", "</p>", "&amp;", "ECoC-SME", "PGI06047", "Kraków", "Θεσσαλονίκη", "Torino",
])


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(WORDS, st.text(max_size=20)), min_size=1, max_size=60))
def test_article_ingester_fuzz(store: ox.Store, tmp_path_factory: pytest.TempPathFactory, parts: list[str]) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "article.txt"
    path.write_text(" ".join(parts), encoding="utf-8")
    try:
        result = ingest_article(path, store, lang="en")
    except KgError as error:  # empty or otherwise refused input: a clear error naming the file
        assert str(path) in str(error) or path.name in str(error)
        return
    assert len(result.graph) > 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(min_size=0, max_size=400), suffix=st.sampled_from([".txt", ".html", ".htm", ".md"]))
def test_article_reader_takes_any_bytes(tmp_path_factory: pytest.TempPathFactory, content: bytes, suffix: str) -> None:
    from kg.ingest.text import read_document

    path = Path(tmp_path_factory.mktemp("bytes")) / f"article{suffix}"
    path.write_bytes(content)
    try:
        document = read_document(path)
    except KgError as error:
        assert str(path) in str(error)
    else:
        assert document.text.strip() and "\x00" not in document.text


@pytest.fixture(scope="module")
def label_resolver(store: ox.Store):  # noqa: ANN201 - kg.ingest.resolving.LabelResolver
    """The table ingester's resolver, built once: reading the graph's labels is the slow part."""
    from kg.ingest.resolving import LabelResolver

    return LabelResolver.from_store(store)


CELLS = st.one_of(st.sampled_from(["GREENPORT", "Acme GmbH", "Partner", "Lead partner", "PL81", "XX999", "Poland",
                                   "01/02/2020", "31/02/2020", "1 000,50", "-5", "", "SME", "€ 300000"]),
                  st.text(max_size=12))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELLS, min_size=0, max_size=14), min_size=0, max_size=6),
       header=st.lists(st.sampled_from(["Project acronym", "Partner name", "Partner role", "Country", "NUTS",
                                        "Start date", "Partner type", "Total budget", "Junk"]),
                       min_size=1, max_size=9))
def test_table_reader_takes_any_rows(store: ox.Store, label_resolver, tmp_path_factory: pytest.TempPathFactory,
                                     rows: list[list[str]], header: list[str]) -> None:
    import csv

    from kg.ingest.table import ingest_table, load_mapping

    path = Path(tmp_path_factory.mktemp("table")) / "partners.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    try:
        result = ingest_table(path, load_mapping("keep_eu"), store, resolver=label_resolver)
    except KgError as error:
        assert str(path) in str(error)
        return
    assert result.loaded_rows + len({p.line for p in result.problems}) == result.rows
    assert all(p.path == str(path) and p.line >= 2 for p in result.problems)
