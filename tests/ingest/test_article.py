"""Articles: extraction per entity kind and language, the report contract, the draft, --accept."""

from __future__ import annotations

import html
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.article import contract, ingest_article
from kg.ingest.reference import ReferenceData
from kg.store import open_store

ARTICLES = Path(__file__).parent / "data" / "articles"
ANNOTATIONS = json.loads((Path(__file__).parent / "data" / "annotations.json").read_text(encoding="utf-8"))
CONTRACT_KEYS = {"language", "projects", "programmes", "organisations", "places", "events", "persons", "themes"}


@pytest.fixture(scope="module")
def reference(reference_store) -> ReferenceData:
    return ReferenceData.from_store(reference_store)


def test_the_annotated_articles_cover_the_eight_languages() -> None:
    assert {a["language"] for a in ANNOTATIONS.values()} == {"en", "pl", "ro", "it", "es", "de", "fr", "el"}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_each_language_finds_every_kind(name: str, reference_store, reference) -> None:
    expected = ANNOTATIONS[name]
    report = contract(ingest_article(ARTICLES / name, reference_store, reference=reference), reference)
    assert report["language"] == expected["language"]
    assert [p["acronym"] for p in report["projects"]] == expected["project"]
    assert "Interreg Europe" in report["programmes"]
    names = {o["name"] for o in report["organisations"]}
    assert set(expected["organisation"]) & names
    assert {p["name"] for p in report["places"]} & set(expected["place"])
    assert report["events"][0]["start"][:10] == expected["event"][0]["start"]
    assert report["persons"][0]["email"] == expected["person"][0]["email"]
    assert report["themes"]


def test_contract_shape_and_values(reference_store, reference) -> None:
    report = contract(ingest_article(ARTICLES / "it_bologna.txt", reference_store, reference=reference), reference)
    assert set(report) == CONTRACT_KEYS
    for kind, keys in CONTRACT_ITEM_KEYS.items():
        assert set(report[kind][0]) == keys | REVIEW_KEYS, kind
    event = {k: v for k, v in report["events"][0].items() if k not in REVIEW_KEYS}
    assert event == {"title": None, "type": "workshop", "start": "2024-03-14", "end": "2024-03-14",
                     "start_time": "2024-03-14T09:30:00+01:00", "end_time": "2024-03-14T13:00:00+01:00",
                     "place": "Bologna", "project": "GREENLAB"}
    bologna = next(p for p in report["places"] if p["name"] == "Bologna")
    assert {k: v for k, v in bologna.items() if k not in REVIEW_KEYS} == {
        "name": "Bologna", "iri": "http://data.europa.eu/nuts/code/ITH55", "country": "IT", "nuts": "ITH55"}
    assert 0 <= bologna["score"] <= 1 and isinstance(bologna["accepted"], bool) and "Bologna" in bologna["sentence"]
    comune = next(o for o in report["organisations"] if o["name"] == "Comune di Bologna")
    assert comune["type"] == "municipality" and comune["country"] == "IT" and comune["role"] == "partner"
    assert comune["iri"] is not None


def test_existing_resources_are_resolved(tmp_path, reference_store, reference) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Workshop of the JETforCE project in Lodz on 12 March 2024, with the Ministry of Funds and "
                    "Regional Policy.\n", encoding="utf-8")
    result = ingest_article(path, reference_store, lang="en", reference=reference)
    report = contract(result, reference)
    assert report["projects"][0]["acronym"] == "JETforCE"
    org = report["organisations"][0]
    assert org["iri"] == "https://w3id.org/eu-regional-kg/id/organisation/ministry-of-funds-and-regional-policy"
    assert report["places"][0]["iri"] == "https://w3id.org/eu-regional-kg/id/place/lodz"
    statuses = {f.name: f.status for f in result.extraction.findings}
    assert statuses["JETforCE"] == "resolved"


def test_html_is_read_as_text(tmp_path, reference_store, reference) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><head><script>var x = 'SCRIPTONLY';</script></head><body><h1>Workshop of the GREENLAB "
                    "project</h1><p>On 14 March 2024 in Bologna. Contact: <a href='mailto:ana.popescu@example.org'>"
                    "Ana Popescu</a></p></body></html>", encoding="utf-8")
    result = ingest_article(path, reference_store, lang="en", reference=reference)
    assert "SCRIPTONLY" not in result.document.text and result.document.media_type == "text/html"
    report = contract(result, reference)
    assert report["events"][0]["start"] == "2024-03-14"
    assert any(p["email"] == "ana.popescu@example.org" for p in report["persons"])


def test_cli_json_report_and_trig_draft(tmp_path, built_store_path) -> None:
    out = tmp_path / "draft.trig"
    result = CliRunner().invoke(app, ["ingest", "article", str(ARTICLES / "es_sevilla.txt"), "--report", "json",
                                      "--out", str(out), "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):result.stdout.rindex("}") + 1])
    assert set(report) == CONTRACT_KEYS and report["language"] == "es"
    dataset = Dataset()
    dataset.parse(out, format="trig")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://w3id.org/eu-regional-kg/source/es_sevilla" in graphs


@pytest.mark.slow
def test_accept_merges_a_conforming_draft_and_reingest_replaces_it(tmp_path, store_copy, data_copy) -> None:
    path = tmp_path / "jetforce-note.txt"
    path.write_text("JETforCE workshop in Lodz\nWorkshop of the JETforCE project in Lodz on 12 March 2024.\n",
                    encoding="utf-8")
    runner = CliRunner()
    args = ["ingest", "article", str(path), "--accept", "--store", str(store_copy)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert (data_copy / "ingested" / "jetforce-note.ttl").exists()
    path.write_text("JETforCE workshop in Lodz\nWorkshop of the JETforCE project in Lodz on 19 March 2024.\n",
                    encoding="utf-8")
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    rows = open_store(store_copy).query(
        "SELECT ?d WHERE { GRAPH <https://w3id.org/eu-regional-kg/source/jetforce-note> { ?e <https://schema.org/startDate> ?d } }")
    assert [r["d"].value for r in rows] == ["2024-03-19"]


@pytest.mark.slow
def test_accept_all_takes_an_organisation_with_no_known_place(tmp_path, store_copy) -> None:
    """Country and region are required only where a source states them: an article that names a new
    organisation without a place is merged by --accept-all (the missing country is a warning), and the
    next build accepts it."""
    from kg.store.writer import build

    path = tmp_path / "new-org.txt"
    path.write_text("The Acme Development Agency is a partner of the NEWPROJ project.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--lang", "en", "--accept-all",
                                      "--store", str(store_copy)])
    assert result.exit_code == 0, result.output
    assert "new-org" in [g.value.rsplit("/", 1)[-1] for g in open_store(store_copy).named_graphs()]
    rebuilt = build(store_copy, data_dir=store_copy.parent / "data")
    assert rebuilt.report is not None and rebuilt.report.conforms


def test_accept_holds_back_what_cannot_be_merged_and_says_how_much(tmp_path, store_copy) -> None:
    path = tmp_path / "new-org.txt"
    path.write_text("The Acme Development Agency is a partner of the NEWPROJ project.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--lang", "en", "--accept", "--no-save",
                                      "--store", str(store_copy)])
    assert result.exit_code == 0, result.output
    assert "holds back 1 low-confidence fact" in " ".join(result.output.split())
    rows = open_store(store_copy).query(
        "SELECT ?p WHERE { GRAPH <https://w3id.org/eu-regional-kg/source/new-org> { ?p a ?c } }")
    kinds = {r["p"].value.rsplit("/", 2)[-2] for r in rows}
    assert "project" in kinds and "organisation" not in kinds


@pytest.mark.slow
@pytest.mark.corpus
def test_corpus_projects_are_found(corpus_dir, reference_store, reference) -> None:
    expected = {"000": "JETforCE", "001": "SCALE UP", "002": "GoSmart", "003": "ECoC-SME", "004": "SME4GREEN"}
    for path in sorted(corpus_dir.glob("*.txt")):
        report = contract(ingest_article(path, reference_store, reference=reference), reference)
        acronyms = [p["acronym"] for p in report["projects"]]
        assert any(expected[path.name[:3]] in a for a in acronyms), (path.name, acronyms)


def test_several_articles_in_one_call_are_accepted_together(tmp_path, store_copy) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("Workshop of the JETforCE project in Lodz on 12 March 2024.\n", encoding="utf-8")
    second.write_text("Conference of the JETforCE project in Lodz on 20 May 2024.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(first), str(second), "--lang", "en", "--report",
                                      "json", "--accept", "--no-save", "--store", str(store_copy)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["events"][0]["start"] for r in lines] == ["2024-03-12", "2024-05-20"]
    graphs = [g.value.rsplit("/", 1)[-1] for g in open_store(store_copy).named_graphs()]
    assert "one" in graphs and "two" in graphs


def test_programme_named_after_a_programme_word(tmp_path, reference_store, reference) -> None:
    path = tmp_path / "prog.txt"
    path.write_text("The BLUEWAVE project is co-funded by the programme “Green Harbours Facility” and by "
                    "Horizon Europe.\n", encoding="utf-8")
    result = ingest_article(path, reference_store, lang="en", reference=reference)
    status = {f.name: (f.status, f.iri) for f in result.extraction.of("programme")}
    assert status["Green Harbours Facility"] == ("new", None)
    assert status["Horizon Europe"] == ("resolved", "https://w3id.org/eu-regional-kg/id/programme/horizon-europe")
    assert sorted(contract(result, reference)["programmes"]) == ["Green Harbours Facility", "Horizon Europe"]


def _as_html(text: str) -> str:
    """The article as a web page: title, heading, paragraphs, a script, and e-mail addresses as mailto links."""
    import re

    title, *paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]

    def para(block: str) -> str:
        escaped = html.escape(block, quote=False)
        return "<p>" + re.sub(r"[\w.+-]+@[\w.-]+\.example", lambda m: f'<a href="mailto:{m[0]}">{m[0]}</a>', escaped) + "</p>"

    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<script>var tracking = 'Workshop 01.01.2030';</script><style>p { margin: 0 }</style></head>"
            f"<body><nav><a href='/'>Home</a></nav><h1>{html.escape(title)}</h1>"
            + "".join(para(p) for p in paragraphs) + "</body></html>")


def _essentials(report: dict) -> dict:
    return {"language": report["language"], "projects": [p["acronym"] for p in report["projects"]],
            "programmes": report["programmes"], "organisations": sorted(o["name"] for o in report["organisations"]),
            "places": sorted(p["name"] for p in report["places"]),
            "events": [(e["type"], e["start"], e["end"]) for e in report["events"]],
            "persons": sorted((p["name"], p["email"]) for p in report["persons"]), "themes": sorted(report["themes"])}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_html_page_gives_the_same_findings_as_the_text(name: str, tmp_path, reference_store, reference) -> None:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    page = tmp_path / f"{Path(name).stem}.html"
    page.write_text(_as_html(text), encoding="utf-8")
    from_html = ingest_article(page, reference_store, reference=reference)
    assert from_html.document.media_type == "text/html" and "tracking" not in from_html.document.text
    from_text = ingest_article(ARTICLES / name, reference_store, reference=reference)
    assert _essentials(contract(from_html, reference)) == _essentials(contract(from_text, reference))


def _is_iso(value: str) -> bool:
    """YYYY-MM-DD, or an ISO date-time that begins with one and carries its UTC offset."""
    if len(value) == 10:
        return date.fromisoformat(value).isoformat() == value
    moment = datetime.fromisoformat(value)
    return value[:10] == moment.date().isoformat() and moment.utcoffset() is not None


CONTRACT_ITEM_KEYS = {"projects": {"acronym", "name", "programme"},
                      "organisations": {"name", "iri", "type", "country", "nuts", "role", "project"},
                      "places": {"name", "iri", "country", "nuts"},
                      "events": {"title", "type", "start", "end", "start_time", "end_time", "place", "project"},
                      "persons": {"name", "affiliation", "role", "email"}}
#: Keys every item carries for review: its score, whether --accept merges it, and its sentence.
REVIEW_KEYS = {"score", "accepted", "sentence"}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_every_contract_item_has_the_keys_iso_dates_and_null_not_empty(name: str, reference_store,
                                                                      reference) -> None:
    report = contract(ingest_article(ARTICLES / name, reference_store, reference=reference), reference)
    assert set(report) == CONTRACT_KEYS
    for kind, keys in CONTRACT_ITEM_KEYS.items():
        for item in report[kind]:
            assert set(item) == keys | REVIEW_KEYS, (kind, item)
            assert isinstance(item.pop("accepted"), bool) and 0 <= item.pop("score") <= 1
            for value in item.values():
                assert value is None or (isinstance(value, str) and value.strip() and value != "None"), (kind, item)
    assert all(isinstance(x, str) and x for x in report["programmes"] + report["themes"])
    for event in report["events"]:
        assert _is_iso(event["start"]), event
        assert event["end"] is None or (_is_iso(event["end"]) and event["end"] >= event["start"]), event
    for place in report["places"]:
        assert place["nuts"] is None or place["iri"] is not None
    json.dumps(report)  # the object is JSON as it is


def test_unknown_values_are_null(tmp_path, reference_store, reference) -> None:
    path = tmp_path / "bare.txt"
    path.write_text("Conference of the NEWPROJ project on 3 May 2024.\n", encoding="utf-8")
    report = contract(ingest_article(path, reference_store, lang="en", reference=reference), reference)
    for kind in ("projects", "events"):
        for item in report[kind]:
            assert {item.pop(k) is not None for k in REVIEW_KEYS} == {True}
    assert report["projects"] == [{"acronym": "NEWPROJ", "name": None, "programme": None}]
    assert report["events"] == [{"title": None, "type": "conference", "start": "2024-05-03", "end": None,
                                 "start_time": None, "end_time": None, "place": None, "project": "NEWPROJ"}]
    assert report["places"] == [] and report["persons"] == [] and report["organisations"] == []


def test_a_leading_word_is_not_part_of_an_acronym(tmp_path, reference_store, reference) -> None:
    path = tmp_path / "the.txt"
    path.write_text("The TRANSPORTLAB project meets the SCALE UP project in Lodz.\n", encoding="utf-8")
    report = contract(ingest_article(path, reference_store, lang="en", reference=reference), reference)
    assert sorted(p["acronym"] for p in report["projects"]) == ["SCALE UP", "TRANSPORTLAB"]


def test_an_organisation_named_after_a_city_is_not_the_city(tmp_path, reference_store, reference) -> None:
    path = tmp_path / "turin.txt"
    path.write_text("The University of Turin is the lead partner of the GREENPORT project.\n", encoding="utf-8")
    report = contract(ingest_article(path, reference_store, lang="en", reference=reference), reference)
    assert [(o["name"], o["role"]) for o in report["organisations"]] == [("University of Turin", "lead partner")]
    assert report["organisations"][0]["iri"] != "https://w3id.org/eu-regional-kg/id/organisation/city-of-turin"


@pytest.mark.parametrize(("lang", "text", "nuts"), [
    ("pl", "Spotkanie w województwie lubelskim i na Podkarpaciu.", "PL81"),
    ("el", "Η ημερίδα για τις επιχειρήσεις της Θεσσαλονίκης.", "EL522"),
    ("de", "Die Unternehmen Sachsens und ihre Cluster.", "DED"),
])
def test_inflected_place_names_are_found(lang: str, text: str, nuts: str, tmp_path, reference_store,
                                         reference) -> None:
    path = tmp_path / "place.txt"
    path.write_text(text + "\n", encoding="utf-8")
    report = contract(ingest_article(path, reference_store, lang=lang, reference=reference), reference)
    assert nuts in [p["nuts"] for p in report["places"]], report["places"]
