"""The one writer: concurrent writers, crashes at every delicate moment, provenance, what ingest accepts the build accepts."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from clones import clone_store, source_document
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import InputError, KgError
from kg.ingest.sources import list_sources, remove_source, replace_source
from kg.namespaces import EKG, SOURCE
from kg.store import names, open_snapshot, open_store
from kg.store.lock import WriterBusy, writer_lock
from kg.store.snapshots import current_snapshot
from kg.store.writer import Writer, build

EUKG = Path(sys.executable).with_name("eukg")
HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date", "Partner name",
          "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
ENG = URIRef("http://publications.europa.eu/resource/authority/language/ENG")


def _table(path: Path, acronym: str, rows: list[tuple[str, str, str]]) -> Path:
    """A Keep.eu-style table of one project: (partner, country, NUTS code) per row."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, (partner, country, nuts) in enumerate(rows):
            writer.writerow([acronym, f"Project {acronym}", "Interreg Europe", "Innovation", "01/01/2021", "31/12/2023",
                             partner, "Lead partner" if number == 0 else "Partner", "SME", country, nuts, "1000",
                             "800"])
    return path


def _source(identifier: str, labels: int) -> Graph:
    """A small valid source: its description and ``labels`` alternative names of one organisation."""
    graph = source_document(identifier)
    for number in range(labels):
        graph.add((URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/{identifier}"), SKOS.altLabel,
                   Literal(f"{identifier} {number}", lang="en")))
    return graph


def _eukg(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(EUKG), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


def _agree(location: Path, data: Path) -> None:
    """Files and store agree: each source file's triples are its graph's, and no graph lacks its file."""
    snapshot, store = open_snapshot(location)
    sizes = {info.identifier: info.triples for info in list_sources(store, snapshot) if info.kind != "derived"}
    files = {path.stem: path for folder in ("sources", "ingested") for path in (data / folder).glob("*.ttl")}
    assert set(sizes) == set(files)
    for identifier, path in files.items():
        assert sizes[identifier] == len(Graph().parse(path)), identifier


@pytest.fixture()
def clone(built_store_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    return clone_store(built_store_path, tmp_path)


@pytest.mark.slow
def test_four_ingests_started_together_all_land(clone, tmp_path: Path) -> None:
    location, data = clone
    tables = {name: _table(tmp_path / f"{name}.csv", f"PRJ{name}", [(f"Agency {name}", "Poland", "PL81")])
              for name in "ABCD"}
    children = [subprocess.Popen([str(EUKG), "ingest", "table", str(path), "-m", "keep_eu", "--id", name,
                                  "--store", str(location)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True) for name, path in tables.items()]
    outputs = [child.communicate(timeout=600)[0] for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], outputs
    assert {p.stem for p in (data / "ingested").glob("*.ttl")} == set("ABCD")
    listed = {i.identifier for i in list_sources(open_store(location))}
    assert set("ABCD") <= listed
    # A fifth, a re-ingest of A with another partner, replaces A.
    _table(tables["A"], "PRJA", [("Other Agency", "Poland", "PL81")])
    assert _eukg("ingest", "table", str(tables["A"]), "-m", "keep_eu", "--id", "A", "--store", str(location)).returncode == 0
    names = {r["n"].value for r in open_store(location).query(
        "SELECT ?n WHERE { GRAPH <https://w3id.org/eu-regional-kg/source/A> { ?o <http://www.w3.org/2004/02/skos/core#prefLabel> ?n } }")}
    assert any("Other Agency" in n for n in names) and not any("Agency A" in n for n in names)
    _agree(location, data)


@pytest.mark.slow
def test_a_second_writer_waits_and_says_so_or_gives_up_after_wait(clone) -> None:
    location, _ = clone
    with writer_lock(location):
        busy = _eukg("remove", "nothing", "--store", str(location), "--wait", "0.5")
        assert busy.returncode == 1 and "still writing" in busy.stderr and "nothing was changed" in busy.stderr
        with pytest.raises(WriterBusy):
            Writer(location, wait=0.2).__enter__()
    messages: list[str] = []
    holder = threading.Thread(target=lambda: _hold(location, 2.0))
    holder.start()
    time.sleep(0.3)
    with Writer(location, notify=messages.append) as writer:
        writer.sync()
    holder.join()
    assert any("waiting for another eukg" in m for m in messages)


def _hold(location: Path, seconds: float) -> None:
    with writer_lock(location):
        time.sleep(seconds)


@pytest.mark.slow
@pytest.mark.parametrize("point", ["validated", "files-written", "before-swap", "swapped"])
def test_an_ingest_killed_at_any_point_leaves_files_and_store_consistent(clone, tmp_path: Path, point: str) -> None:
    location, data = clone
    table = _table(tmp_path / "t.csv", "PRJK", [("Killed Agency", "Romania", "RO424")])
    killed = _eukg("ingest", "table", str(table), "-m", "keep_eu", "--id", "killed", "--store", str(location),
                   env={"EUKG_CRASH_AT": point})
    assert killed.returncode == -9, killed.stderr
    assert _eukg("sync", "--store", str(location)).returncode == 0
    _agree(location, data)
    assert (data / "ingested" / "killed.ttl").exists() == (point != "validated")
    assert build(location, data_dir=data).report.conforms


@pytest.mark.slow
@pytest.mark.parametrize("point", ["file-removed", "before-swap"])
def test_a_remove_killed_midway_is_finished_by_the_next_command(clone, point: str) -> None:
    location, data = clone
    replace_source("gone", _source("gone", 2), location)
    killed = _eukg("remove", "gone", "--store", str(location), env={"EUKG_CRASH_AT": point})
    assert killed.returncode == -9
    assert not (data / "ingested" / "gone.ttl").exists()
    assert _eukg("sync", "--store", str(location)).returncode == 0
    assert "gone" not in {i.identifier for i in list_sources(open_store(location))}
    _agree(location, data)


@pytest.mark.slow
def test_a_build_killed_before_its_swap_leaves_the_previous_store(clone) -> None:
    location, data = clone
    before = open_snapshot(location)[0]
    killed = _eukg("build", "--store", str(location), "--data-dir", str(data), env={"EUKG_CRASH_AT": "built"})
    assert killed.returncode == -9
    assert open_snapshot(location)[0] == before
    _agree(location, data)


def test_a_trig_source_that_writes_into_another_graph_is_refused(clone) -> None:
    location, data = clone
    hostile = data / "sources" / "hostile.trig"
    hostile.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
                       "GRAPH <https://w3id.org/eu-regional-kg/graph/nuts> { <https://example.org/a> "
                       "<https://example.org/b> <https://example.org/d> . }\n"
                       "GRAPH <https://w3id.org/eu-regional-kg/source/004_48488dec5f390660> { <https://example.org/a> "
                       "<https://example.org/b> <https://example.org/e> . }\n", encoding="utf-8")
    for attempt in (lambda: build(location, data_dir=data), lambda: Writer(location).__enter__().sync()):
        with pytest.raises(InputError) as raised:
            attempt()
        message = str(raised.value)
        assert "hostile.trig" in message and "graph/nuts" in message and "004_48488dec5f390660" in message
    sizes = {g.value for g in open_store(location).named_graphs()}
    assert str(SOURCE.hostile) not in sizes


@pytest.mark.slow
def test_what_ingest_loads_the_next_build_accepts_for_regions_outside_the_eu(clone, tmp_path: Path) -> None:
    """Statistical regions (Serbia, Norway), the UK's NUTS 2016 codes and organisations with no known place
    are valid: ingest and the next build both accept them (a missing country is a warning)."""
    location, data = clone
    table = _table(tmp_path / "wide.csv", "WIDE", [("Novi Sad Agency", "Serbia", "RS122"),
                                                   ("Trondheim Institute", "Norway", "NO060"),
                                                   ("Manchester Council", "United Kingdom", "UKD33")])
    result = _eukg("ingest", "table", str(table), "-m", "keep_eu", "--store", str(location))
    assert result.returncode == 0 and "3 of 3 rows" in result.stderr, result.stderr
    graph = _source("placeless", 0)
    org = URIRef("https://w3id.org/eu-regional-kg/id/organisation/placeless-university")
    graph.add((org, RDF.type, EKG.Organisation))
    graph.add((org, SKOS.prefLabel, Literal("Placeless University", lang="en")))
    graph.add((org, EKG.organisationType, URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/university")))
    with Writer(location) as writer:
        change = writer.put_sources({"placeless": graph})
    assert [w.message for w in change.warnings] == ["no country is known for this organisation"]
    rebuilt = build(location, data_dir=data)
    assert rebuilt.report.conforms, rebuilt.report


def test_ingest_refuses_what_the_build_would_refuse_and_writes_nothing(clone) -> None:
    location, data = clone
    graph = _source("dangling", 0)
    graph.add((SOURCE.dangling, RDFS.seeAlso, URIRef("https://w3id.org/eu-regional-kg/id/project/no-such-project")))
    with pytest.raises(KgError, match="no-such-project"):
        replace_source("dangling", graph, location)
    assert not (data / "ingested" / "dangling.ttl").exists()


def test_removing_a_source_others_refer_to_is_refused(clone) -> None:
    location, data = clone
    org = URIRef("https://w3id.org/eu-regional-kg/id/organisation/base-org")
    base = _source("base", 0)
    base.add((org, RDF.type, EKG.Organisation))
    base.add((org, SKOS.prefLabel, Literal("Base Organisation", lang="en")))
    base.add((org, EKG.organisationType, URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/municipality")))
    replace_source("base", base, location)
    referrer = _source("referrer", 0)
    referrer.add((SOURCE.referrer, RDFS.seeAlso, org))
    replace_source("referrer", referrer, location)
    with pytest.raises(KgError, match="base-org"):
        remove_source("base", location)
    _agree(location, data)


@pytest.mark.slow
def test_a_duplicate_organisation_name_is_refused_at_ingest_as_the_build_would(clone) -> None:
    """The duplicate-organisation check, answered for the change's organisations only, finds a name
    that an organisation of another source already has, whatever its case."""
    location, data = clone
    first = _source("first", 0)
    second = _source("second", 0)
    for graph, slug, name in ((first, "one", "Twin Agency"), (second, "two", "TWIN agency")):
        org = URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/{slug}")
        graph.add((org, RDF.type, EKG.Organisation))
        graph.add((org, SKOS.prefLabel, Literal(name, lang="en")))
        graph.add((org, EKG.organisationType, URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/sme")))
    replace_source("first", first, location)
    with pytest.raises(KgError, match="same name .*organisation/two"):
        replace_source("second", second, location)
    second.serialize(data / "ingested" / "second.ttl", format="turtle")
    with pytest.raises(KgError, match="same name"):
        build(location, data_dir=data)


def test_one_name_in_two_countries_is_two_bodies_and_in_one_country_a_duplicate(clone) -> None:
    """Omega d.o.o. of Croatia and Omega d.o.o. of Slovenia (both in Kohesio's beneficiaries) are two bodies."""
    location, _ = clone
    country = "http://publications.europa.eu/resource/authority/country/"
    sources = {}
    for identifier, slug, code in (("hr", "omega-hr", "HRV"), ("si", "omega-si", "SVN"), ("si2", "omega-si2", "SVN")):
        sources[identifier] = _organisation_source(identifier, slug, "Omega d.o.o.")
        org = URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/{slug}")
        sources[identifier].add((org, EKG.country, URIRef(country + code)))
    replace_source("hr", sources["hr"], location)
    replace_source("si", sources["si"], location)
    with pytest.raises(KgError, match="same name .*organisation/omega-si2"):
        replace_source("si2", sources["si2"], location)


def test_a_body_without_identifier_that_two_identified_bodies_could_be_is_no_duplicate(clone) -> None:
    """A list of operations names two bodies "Grad Pleternica" with two national numbers; a list of
    beneficiaries names one without a number. Which of the two it is, is record linkage's review; neither
    the writer nor the build calls it a duplicate of one. Without the second identified body it is one."""
    location, data = clone
    sources = {}
    for identifier, slug, number in (("a", "pleternica-1", "40247645244"), ("b", "pleternica-2", "66543941002"),
                                     ("c", "pleternica-hr", None)):
        sources[identifier] = _organisation_source(identifier, slug, "Grad Pleternica")
        if number:
            org = URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/{slug}")
            sources[identifier].add((org, EKG.organisationId, Literal(number)))
    replace_source("a", sources["a"], location)
    with pytest.raises(KgError, match="same name .*organisation/pleternica-hr"):
        replace_source("c", sources["c"], location)
    replace_source("b", sources["b"], location)
    replace_source("c", sources["c"], location)
    for identifier in "abc":
        sources[identifier].serialize(data / "ingested" / f"{identifier}.ttl", format="turtle")
    build(location, data_dir=data)


def _organisation_source(identifier: str, slug: str, name: str) -> Graph:
    graph = _source(identifier, 0)
    org = URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/{slug}")
    graph.add((org, RDF.type, EKG.Organisation))
    graph.add((org, SKOS.prefLabel, Literal(name, lang="en")))
    graph.add((org, EKG.organisationType, URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/sme")))
    return graph


def test_a_name_freed_by_a_change_can_be_taken_and_a_store_without_a_name_index_still_checks(clone) -> None:
    """The writer's index of organisation names follows every change: an organisation renamed by a
    re-ingest or removed with its source frees its name; a snapshot made before the index existed
    gets one, and still refuses a duplicate."""
    location, _ = clone
    replace_source("first", _organisation_source("first", "one", "Twin Agency"), location)
    replace_source("first", _organisation_source("first", "one", "Renamed Agency"), location)
    replace_source("second", _organisation_source("second", "two", "TWIN agency"), location)
    remove_source("second", location)
    replace_source("third", _organisation_source("third", "three", "twin AGENCY"), location)

    (current_snapshot(location) / names.FILE_NAME).unlink()
    with pytest.raises(KgError, match="same name .*organisation/one"):
        replace_source("fourth", _organisation_source("fourth", "four", "Renamed agency"), location)
    assert (current_snapshot(location) / names.FILE_NAME).exists() is False
    replace_source("fourth", _organisation_source("fourth", "four", "Fourth Agency"), location)
    assert (current_snapshot(location) / names.FILE_NAME).exists()
