"""One normalisation of names for every script, used by every module that folds names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.resolve import Resolver, compact, fold, fold_char, normalise, slug
from kg.resolve.link import Record, compare

KG = Path(__file__).resolve().parents[2] / "kg"


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Łódź", "lodz"),  # a letter Unicode does not decompose
        ("Timișoara", "timisoara"),  # comma below …
        ("Timişoara", "timisoara"),  # … and cedilla
        ("Straße", "strasse"),
        ("Ærøskøbing", "aeroskobing"),
        ("Þingvellir", "thingvellir"),
        ("Θεσσαλονίκη", "thessaloniki"),  # Greek
        ("ΚΡΉΤΗ", "kriti"),  # Greek capitals with a tonos
        ("Пловдив", "plovdiv"),  # Bulgarian Cyrillic
        ("Смолян", "smolyan"),
        ("Valle d’Aosta/Vallée d’Aoste", "valle d aosta vallee d aoste"),
        ("  Sp. z o.o.  ", "sp z o o"),
        ("İstanbul", "istanbul"),  # Turkish dotted capital I
    ],
)
def test_normalise_folds_scripts_case_and_punctuation(written: str, folded: str) -> None:
    assert normalise(written) == folded


def test_normalise_of_other_scripts_is_latin_and_not_empty() -> None:
    for text in ("東京", "القاهرة", "Երևան", "თბილისი"):
        assert re.fullmatch(r"[a-z0-9 ]+", normalise(text)), text


def test_compact_and_slug_are_built_on_normalise() -> None:
    assert compact("DG REGIO") == compact("dg-regio") == "dgregio"
    assert slug("Περιφέρεια Κρήτης") == "perifereia-kritis"
    assert slug("Université d’Angers") == "universite-d-angers"
    assert slug("x" * 100, limit=10) == "x" * 10
    assert slug("—") == "x"


@pytest.fixture(scope="module")
def resolver(store) -> Resolver:
    return Resolver.from_store(store)


@pytest.mark.parametrize(
    ("native", "latin", "code"),
    [("Пловдив", "Plovdiv", "BG421"), ("Θεσσαλονίκη", "Thessaloniki", "EL522"),
     ("Κεντρική Μακεδονία", "Kentriki Makedonia", "EL52")],
)
def test_names_in_another_script_resolve_like_their_transliteration(resolver: Resolver, native: str, latin: str,
                                                                    code: str) -> None:
    native_best, latin_best = resolver.best(native, "region"), resolver.best(latin, "region")
    assert native_best is not None and native_best.iri.endswith("/" + code)
    assert latin_best == native_best


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Łódź", "lodz"), ("Δήμος  Θεσσαλονίκης", "δημοσ θεσσαλονικησ"), ("ΚΡΉΤΗ", "κρητη"),
     ("Община Смолян", "община смолян"), ("dell’Università", "dell'universita"), ("Međimurje", "medimurje"),
     ("Straße", "strasse"), ("Ærø", "aero")],
)
def test_fold_keeps_the_script_and_drops_case_and_accents(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_fold_char_folds_like_fold_one_character_at_a_time() -> None:
    for text in ("Łódź", "Θεσσαλονίκη", "Primăria Timișoara", "Ærø", "İstanbul"):
        assert "".join(map(fold_char, text)) == fold(text)


def test_ingestion_uses_the_one_normalisation() -> None:
    import kg.ingest.extract.candidates
    import kg.ingest.extract.cues
    import kg.ingest.extract.lexicons
    import kg.ingest.extract.persons
    import kg.ingest.reference
    import kg.ingest.resolving
    import kg.ingest.table.builder
    import kg.ingest.table.columns
    import kg.ingest.table.run
    import kg.privacy

    assert kg.ingest.resolving.normalise is normalise
    assert kg.ingest.reference.slug is slug
    for module in (kg.ingest.table.builder, kg.ingest.table.columns, kg.ingest.table.run):
        assert module.normalise is normalise, module.__name__
    for module in (kg.ingest.extract.candidates, kg.ingest.extract.cues, kg.ingest.extract.lexicons,
                   kg.ingest.extract.persons):
        assert module.fold is fold, module.__name__
    assert kg.privacy.fold_char is fold_char


def test_cue_tables_are_folded_like_the_text() -> None:
    """Every cue word is stored as :func:`fold` makes it, so a word of the text folded the same way finds it."""
    from kg.ingest.extract import cues

    tables = [cues.ORGANISATION_HEADS, cues.CAPITALISED_HEADS, cues.COMPOUND_HEADS, cues.INNER_WORDS,
              cues.CONJUNCTIONS, cues.PROJECT_WORDS, cues.PROGRAMME_WORDS, cues.PERSON_TITLES, cues.VENUE_HEADS,
              cues.NOT_NAMES, cues.LOCATIVES, *cues.ROLE_WORDS.values(), *(s for _, s in cues.TYPE_OF_HEAD)]
    unfolded = sorted(w for table in tables for w in table if fold(w) != w)
    assert unfolded == []
    assert cues.is_head(fold("Δήμου")) and cues.type_of("ΔΉΜΟΣ Θεσσαλονίκης") == "municipality"
    assert cues.is_head(fold("Агенцията")) and fold("Lângă") in cues.LOCATIVES


#: Modules that may still call unicodedata: dates.py puts text in NFC to read month names (no folding).
ALLOWED = {"ingest/dates.py"}


def test_no_other_module_folds_names_itself() -> None:
    """Folding accents by hand (unicodedata.normalize + combining) belongs to kg.resolve.normalise only."""
    folding = []
    for path in sorted(KG.rglob("*.py")):
        relative = path.relative_to(KG).as_posix()
        text = path.read_text(encoding="utf-8")
        if relative not in ALLOWED and ("unicodedata" in text or "import anyascii" in text
                                        or "from anyascii" in text) and relative != "resolve/normalise.py":
            folding.append(relative)
    assert folding == []


def test_bulgarian_cyrillic_is_romanised_as_bulgaria_romanises_it():
    """The hard sign is a vowel, щ "sht", х "h" (the Transliteration Act of 2009), as Kohesio's transliterated names
    and the towns' Latin names write them; a Ukrainian or Russian text keeps anyascii's romanisation."""
    assert normalise("Община Търговище") == normalise("OBShTINA TARGOVIShTE") == "obshtina targovishte"
    assert normalise("Хасково") == "haskovo" and normalise("Български Червен кръст") == "balgarski cherven krast"
    assert normalise("Харківщина") == "kharkivshchina"
    assert compare(Record("Община Търговище", "BG"), Record("Municipality of Targovishte", "BG")).same
    assert compare(Record("БЪЛГАРСКА ТЪРГОВСКО-ПРОМИШЛЕНА ПАЛАТА", "BG"),
                   Record("Bulgarian Chamber of Commerce and Industry", "BG")).same
    assert not compare(Record("Търговско-промишлена палата Враца", "BG"),
                       Record("Търговско-промишлена палата Видин", "BG")).same
