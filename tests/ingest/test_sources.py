"""Sources as named graphs: replace, remove, list; provenance kept per source."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.ingest import sources
from kg.namespaces import EKG, SOURCE
from kg.store import open_store

ORG = URIRef("https://w3id.org/eu-regional-kg/id/organisation/test-org")


def _graph(identifier: str, label: str) -> Graph:
    g = Graph()
    doc = SOURCE[identifier]
    g.add((doc, RDF.type, EKG.SourceDocument))
    g.add((doc, DCTERMS.identifier, Literal(identifier)))
    g.add((doc, EKG.sha256, Literal("a" * 64)))
    g.add((ORG, SKOS.altLabel, Literal(label, lang="en")))
    sources.stamp(g, identifier)
    return g


def _labels(location: Path) -> set[str]:
    rows = open_store(location).query(
        "SELECT ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?l }",
        substitutions={}, use_default_graph_as_union=True)
    return {r["l"].value for r in rows if r["l"].value.startswith("label")}


def test_replace_twice_keeps_only_the_new_version(store_copy: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    sources.replace_source("t1", _graph("t1", "label two"), store_copy)
    assert _labels(store_copy) == {"label two"}


def test_removing_one_source_keeps_the_other_sources_statements(store_copy: Path) -> None:
    sources.replace_source("a", _graph("a", "label a"), store_copy)
    sources.replace_source("b", _graph("b", "label b"), store_copy)
    assert _labels(store_copy) == {"label a", "label b"}
    assert sources.remove_source("a", store_copy)
    assert _labels(store_copy) == {"label b"}
    ids = [i.identifier for i in sources.list_sources(open_store(store_copy))]
    assert "b" in ids and "a" not in ids


def test_failure_leaves_the_old_graph(store_copy: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    with pytest.raises(RuntimeError), sources.store_transaction(store_copy) as store:
        sources.replace_in(store, "t1", _graph("t1", "label broken"))
        raise RuntimeError("boom")
    assert _labels(store_copy) == {"label one"}


def test_list_sources_shows_hash_and_time(store_copy: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    infos = {i.identifier: i for i in sources.list_sources(open_store(store_copy))}
    assert infos["t1"].sha256 == "a" * 64 and infos["t1"].modified is not None
    assert infos["t1"].triples == 5
    assert "000_ed8f61d908b37646" in infos  # the curated sources are listed too


def test_remove_unknown_source_is_a_clear_error(store_copy: Path) -> None:
    with pytest.raises(KgError, match="no source 'nope'"):
        sources.remove_source("nope", store_copy)
    with pytest.raises(KgError, match="not a source identifier"):
        sources.remove_source("../x", store_copy)


def test_saved_file_is_removed_but_curated_files_are_not(store_copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    saved = sources.save_source_file(_graph("t1", "label one"), "t1", data)
    assert Graph().parse(saved).value(SOURCE.t1, EKG.sha256) is not None
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    curated = data / "sources" / "000_ed8f61d908b37646.ttl"
    curated.write_text("# curated\n", encoding="utf-8")
    sources.remove_source("t1", store_copy, data)
    sources.remove_source("000_ed8f61d908b37646", store_copy, data)
    assert not saved.exists() and curated.exists()


def test_cli_sources_and_remove(store_copy: Path, tmp_path: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    runner = CliRunner()
    listed = runner.invoke(app, ["sources", "--store", str(store_copy)])
    assert listed.exit_code == 0 and "t1" in listed.output
    removed = runner.invoke(app, ["remove", "t1", "--store", str(store_copy), "--data-dir", str(tmp_path)])
    assert removed.exit_code == 0, removed.output
    again = runner.invoke(app, ["remove", "t1", "--store", str(store_copy), "--data-dir", str(tmp_path)])
    assert again.exit_code == 1 and "no source 't1'" in again.output


def test_an_accepted_source_survives_a_rebuild(tmp_path: Path) -> None:
    """`--accept` writes data/sources/ID.ttl, so `eukg build` keeps the source (validated with the rest)."""
    import shutil

    from kg.build import build
    from kg.paths import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    g = _graph("kept", "label kept")
    g.add((SOURCE.kept, DCTERMS.title, Literal("a kept source")))
    g.add((SOURCE.kept, DCTERMS.language, URIRef("http://publications.europa.eu/resource/authority/language/ENG")))
    g.remove((ORG, None, None))
    sources.save_source_file(g, "kept", data)
    result = build(tmp_path / "store", data_dir=data)
    assert result.report is not None and result.report.conforms, result.report
    assert "kept" in [i.identifier for i in sources.list_sources(open_store(tmp_path / "store"))]


def test_the_same_statement_from_two_sources_keeps_each_provenance(store_copy: Path) -> None:
    """Two sources state the very same triple: it is in both graphs, and removing one source keeps the other's."""
    statement = (ORG, RDF.type, EKG.Organisation)
    for identifier in ("a", "b"):
        g = _graph(identifier, f"label {identifier}")
        g.add(statement)
        sources.replace_source(identifier, g, store_copy)
    query = "SELECT ?g ?org WHERE { GRAPH ?g { ?org a <https://w3id.org/eu-regional-kg/ontology#Organisation> } }"

    def stating() -> set[str]:
        rows = open_store(store_copy).query(query, substitutions={ox.Variable("org"): ox.NamedNode(str(ORG))})
        return {r["g"].value.rsplit("/", 1)[-1] for r in rows}

    assert stating() == {"a", "b"}
    sources.remove_source("a", store_copy)
    assert stating() == {"b"}


def test_ingest_needs_no_network(tmp_path: Path, built_store_path: Path, monkeypatch) -> None:
    """Language detection, dates, resolution and the draft: nothing is fetched while an article is ingested."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    path = tmp_path / "offline.txt"
    path.write_text("Warsztaty projektu GREENBUS odbędą się 28 listopada 2024 r. w Lublinie.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--report", "json", "--store",
                                      str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert '"language": "pl"' in result.output and '"start": "2024-11-28' in result.output
