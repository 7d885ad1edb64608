"""Articles: extraction per entity kind and language, the report contract, the draft, --accept."""

from __future__ import annotations

import json
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
    assert set(report["projects"][0]) == {"acronym", "name", "programme"}
    assert set(report["organisations"][0]) == {"name", "iri", "type", "country", "role", "project"}
    assert set(report["places"][0]) == {"name", "iri", "country", "nuts"}
    assert set(report["events"][0]) == {"title", "type", "start", "end", "place", "project"}
    assert set(report["persons"][0]) == {"name", "affiliation", "role", "email"}
    event = report["events"][0]
    assert event == {"title": "Economia circolare e piccole e medie imprese", "type": "workshop",
                     "start": "2024-03-14T09:30:00+01:00", "end": "2024-03-14T13:00:00+01:00",
                     "place": "Bologna", "project": "GREENLAB"}
    bologna = next(p for p in report["places"] if p["name"] == "Bologna")
    assert bologna == {"name": "Bologna", "iri": "http://data.europa.eu/nuts/code/ITH55", "country": "IT",
                       "nuts": "ITH55"}
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


def test_accept_merges_a_conforming_draft_and_reingest_replaces_it(tmp_path, store_copy) -> None:
    path = tmp_path / "jetforce-note.txt"
    path.write_text("JETforCE workshop in Lodz\nWorkshop of the JETforCE project in Lodz on 12 March 2024.\n",
                    encoding="utf-8")
    runner = CliRunner()
    args = ["ingest", "article", str(path), "--accept", "--store", str(store_copy), "--data-dir", str(tmp_path)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert (tmp_path / "sources" / "jetforce-note.ttl").exists()
    path.write_text("JETforCE workshop in Lodz\nWorkshop of the JETforCE project in Lodz on 19 March 2024.\n",
                    encoding="utf-8")
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    rows = open_store(store_copy).query(
        "SELECT ?d WHERE { GRAPH <https://w3id.org/eu-regional-kg/source/jetforce-note> { ?e <https://schema.org/startDate> ?d } }")
    assert [r["d"].value for r in rows] == ["2024-03-19"]


def test_accept_refuses_a_draft_that_does_not_conform(tmp_path, store_copy) -> None:
    path = tmp_path / "new-org.txt"
    # A new organisation whose NUTS region is unknown: the organisation shape requires one.
    path.write_text("The Acme Cluster is a partner of the NEWPROJ project.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--lang", "en", "--accept", "--no-save",
                                      "--store", str(store_copy)])
    assert result.exit_code == 1
    assert "do not conform" in result.output
    assert "new-org" not in [g.value.rsplit("/", 1)[-1] for g in open_store(store_copy).named_graphs()]


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
    assert contract(result, reference)["programmes"] == ["Horizon Europe", "Green Harbours Facility"]
