"""The extraction pipeline's modules, each on short texts written for these tests (several EU languages)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest.entities import Extraction, Gazetteer
from kg.ingest.extract import extract
from kg.ingest.extract.candidates import fold, is_acronym, split_sentences
from kg.ingest.extract.context import Context
from kg.ingest.extract.cues import is_head, type_of
from kg.ingest.extract.events import event_type
from kg.ingest.extract.lexicons import countries, is_first_name
from kg.ingest.extract.places import is_word
from kg.ingest.extract.projects import is_coined
from kg.ingest.reference import ReferenceData
from kg.ingest.resolving import LabelResolver


@pytest.fixture(scope="module")
def tools(reference_store):  # noqa: ANN001, ANN201
    resolver = LabelResolver.from_store(reference_store)
    return Gazetteer.from_index(resolver.index), ReferenceData.from_store(reference_store), resolver


def run(text: str, lang: str, reference_store, tools) -> Extraction:  # noqa: ANN001
    gazetteer, reference, resolver = tools
    return extract(text, lang, reference_store, resolver, gazetteer, reference, date(2024, 6, 1))


def names(result: Extraction, kind: str) -> list[str]:
    return [f.name for f in result.of(kind)]


# --- candidates


def test_sentences_split_elided_articles_and_keep_offsets() -> None:
    text = "La riunione dell'Agenzia si è svolta. Poi l’Università ha parlato."
    sentences = split_sentences(text)
    assert len(sentences) == 2
    words = [t.text for t in sentences[0].tokens]
    assert "dell'" in words and "Agenzia" in words
    token = sentences[1].tokens[-2]
    assert text[token.start:token.end] == token.text


def test_fold_and_acronyms() -> None:
    assert fold("Łódź  Straße") == "lodz strasse"
    assert is_acronym("INNO-DROP") and is_acronym("CCDR") and not is_acronym("Interreg")
    assert is_coined("Community4Ports") and is_coined("BlueNet") and not is_coined("Harbour") and not is_coined("ΜμΕ")


# --- cues and lexicons


@pytest.mark.parametrize("word", ["Uniwersytetu", "savivaldybės", "Δήμου", "Landratsamt", "Primăria", "Gemeente",
                                  "Staatsministeriums", "Agenzia", "Önkormányzat", "Ayuntamiento"])
def test_organisation_heads_in_many_languages(word: str) -> None:
    assert is_head(fold(word))


def test_words_that_are_no_heads() -> None:
    assert not any(is_head(fold(w)) for w in ("organised", "Harbour", "meeting", "Maria"))


def test_organisation_types_from_heads() -> None:
    assert type_of("Uniwersytet Gdański") == "university"
    assert type_of("Comune di Trento") == "municipality"
    assert type_of("Επιμελητήριο Λάρισας") == "business-support-organisation"
    assert type_of("Acme Holdings") is None


def test_first_names_and_country_names_in_eu_languages() -> None:
    assert is_first_name("Małgorzata") and is_first_name("Jonas") and is_first_name("Μαρία")
    assert not is_first_name("Harbour")
    table = countries()
    assert table["spagna"] == "ES" and table["nyderlandai"] == "NL" and table["ελλαδα"] == "GR"


def test_common_words_are_told_from_town_names() -> None:
    assert is_word("Finale", "it") and is_word("Services", "en")
    assert not is_word("Gubinie", "pl")


def test_event_types_in_several_languages() -> None:
    assert event_type("Die Konferenz fand in Graz statt") == "conference"
    assert event_type("Sestanek partnerjev v Kopru") == "meeting"
    assert event_type("The weather was fine") is None


# --- organisations, countries from the text


def test_organisation_with_country_in_parentheses(reference_store, tools) -> None:
    text = "Partner del progetto: Università di Cadice (Spagna) e Comune di Gdynia (Polonia), capofila.\n"
    result = run(text, "it", reference_store, tools)
    orgs = {f.name: f for f in result.of("organisation")}
    assert orgs["Università di Cadice"].attrs["country"] == "ES"
    assert orgs["Comune di Gdynia"].attrs["country"] == "PL"


def test_organisation_country_stays_unknown_without_evidence(reference_store, tools) -> None:
    text = "The Harbour Development Agency joined the meeting.\n"
    result = run(text, "en", reference_store, tools)
    agency = next(f for f in result.of("organisation") if "Agency" in f.name)
    assert agency.attrs.get("country") is None


def test_lowercase_head_after_a_name_lithuanian(reference_store, tools) -> None:
    text = "Susitikime dalyvavo Kauno miesto savivaldybės administracija ir partneriai.\n"
    result = run(text, "lt", reference_store, tools)
    assert "Kauno miesto savivaldybės administracija" in names(result, "organisation")


def test_role_word_near_the_name(reference_store, tools) -> None:
    text = "El socio principal, la Universidad de Cádiz, presentó el proyecto SEAGRASS.\n"
    result = run(text, "es", reference_store, tools)
    org = next(f for f in result.of("organisation") if f.name.startswith("Universidad"))
    assert org.attrs["role"] == "lead-partner"
    assert org.attrs["project"].name == "SEAGRASS"


def test_two_organisations_joined_by_a_conjunction(reference_store, tools) -> None:
    text = "Agenția de Dezvoltare Regională Nord și Secretariatul Comun au organizat sesiunea.\n"
    result = run(text, "ro", reference_store, tools)
    found = names(result, "organisation")
    assert "Agenția de Dezvoltare Regională Nord" in found and "Secretariatul Comun" in found


# --- persons


def test_persons_with_and_without_title(reference_store, tools) -> None:
    text = ("Primarul orașului, Ion Popescu, a vorbit. Bürgermeister Klaus Weber begrüßte die Gäste.\n"
            "Contact: Anna Lindqvist.\n")
    result = run(text, "ro", reference_store, tools)
    assert {"Ion Popescu", "Klaus Weber", "Anna Lindqvist"} <= set(names(result, "person"))


@pytest.mark.slow
def test_family_name_first_and_no_organisation_as_person(reference_store, tools) -> None:
    text = "A megbeszélésen Kovács Péter polgármester és a Zala Megyei Közgyűlés vett részt.\n"
    result = run(text, "hu", reference_store, tools)
    assert "Kovács Péter" in names(result, "person")
    assert all("Közgyűlés" not in n for n in names(result, "person"))


def test_email_goes_to_its_person(reference_store, tools) -> None:
    text = "Kontakt: Ewa Zielińska, ewa.zielinska@example.org\n"
    result = run(text, "pl", reference_store, tools)
    person = next(f for f in result.of("person") if f.name == "Ewa Zielińska")
    assert person.attrs["email"] == "ewa.zielinska@example.org"


# --- places


def test_inflected_town_after_a_locative(reference_store, tools) -> None:
    text = "Spotkanie odbyło się w Koninie i w Gubinie.\n"
    result = run(text, "pl", reference_store, tools)
    assert {"Koninie", "Gubinie"} <= set(names(result, "place"))


def test_common_words_are_not_towns(reference_store, tools) -> None:
    text = "Im Rahmen des Projekts wurden neue Services vorgestellt.\n"
    result = run(text, "de", reference_store, tools)
    assert not {"Rahmen", "Services"} & set(names(result, "place"))


def test_place_inside_an_organisation_is_not_a_place(reference_store, tools) -> None:
    text = "The Regione Toscana hosted the partners.\n"
    result = run(text, "en", reference_store, tools)
    assert "Toscana" not in names(result, "place")


def test_country_names_and_venues(reference_store, tools) -> None:
    text = "Partnerji iz Slovenije in Hrvaške so se srečali v Hotel Admiral.\n"
    result = run(text, "sl", reference_store, tools)
    found = names(result, "place")
    assert "Slovenije" in found and "Hotel Admiral" in found


# --- projects


def test_projects_next_to_project_words(reference_store, tools) -> None:
    text = ("Il progetto „SEALINK: Connecting ports” è partito. Proiectul transfrontalier Blue Harbour continuă. "
            "The projects BLUEX, GREENY and TIDEWAY met.\n")
    result = run(text, "it", reference_store, tools)
    assert {"SEALINK", "Blue Harbour", "BLUEX", "GREENY", "TIDEWAY"} <= set(names(result, "project"))


def test_a_programme_before_a_project_word_is_not_the_project(reference_store, tools) -> None:
    result = run("The ALPINE project NIVEA2 won.\n", "en", reference_store, tools)
    assert names(result, "project") == ["NIVEA2"]


def test_hashtags_are_no_projects(reference_store, tools) -> None:
    result = run("Follow #MadeWithPorts today.\n", "en", reference_store, tools)
    assert names(result, "project") == []


# --- events


def test_event_dates_need_a_year_and_datelines_are_no_events(reference_store, tools) -> None:
    text = "Date: 03.02.2024\nThe workshop took place on 20-21 May 2024 in Graz.\nRegister by 1 May 2024.\n"
    result = run(text, "en", reference_store, tools)
    assert [(e.attrs["start"], e.attrs["end"]) for e in result.of("event")] == [("2024-05-20", "2024-05-21")]


def test_year_first_and_inflected_month_dates(reference_store, tools) -> None:
    hu = run("A műhelytalálkozót 2023. április 12-én tartották.\n", "hu", reference_store, tools)
    sl = run("Sestanek je bil 18. novembra 2022 v Kopru.\n", "sl", reference_store, tools)
    assert [e.attrs["start"] for e in hu.of("event")] == ["2023-04-12"]
    assert [e.attrs["start"] for e in sl.of("event")] == ["2022-11-18"]


# --- scores and acceptance


def test_every_finding_has_a_score_a_sentence_and_accepted(reference_store, tools) -> None:
    text = "Die Hochschule Harz (Deutschland) ist Leadpartner des Projekts HARZLINK. Maria Schulz sprach.\n"
    result = run(text, "de", reference_store, tools)
    for finding in result.findings:
        assert 0 <= finding.score <= 1 and finding.sentence and isinstance(finding.accepted, bool)
    person = next(f for f in result.of("person"))
    assert person.accepted and person.score >= 0.8


def test_context_claims_spans(reference_store, tools) -> None:
    gazetteer, reference, resolver = tools
    text = "Alpha Beta"
    ctx = Context(text, "en", reference_store, resolver, gazetteer, reference, split_sentences(text),
                  Extraction("en", date(2024, 1, 1)))
    from kg.ingest.entities import Finding

    kept = ctx.add(Finding("organisation", "Alpha Beta", "new", text), 0, 10)
    assert ctx.taken(6, 8) is kept and ctx.taken(6, 8, ("place",)) is None
    ctx.remove(kept)
    assert ctx.taken(0, 10) is None and kept not in ctx.result.findings


def test_gazetteer_is_the_resolvers_index_with_regional_names(tools) -> None:  # noqa: ANN001
    """The gazetteer knows what the resolver knows: a curated regional name finds its NUTS region in a text."""
    gazetteer = tools[0]
    found = gazetteer.find("Spotkanie partnerów odbyło się na Lubelszczyzna w maju.")
    entries = [e for _, _, bucket in found for e in bucket]
    assert any(e.kind == "region" and e.iri.endswith("/PL81") and e.country == "PL" for e in entries)
