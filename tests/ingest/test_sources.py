"""Sources as named graphs: replace, remove, list; provenance kept per source."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError, ValidationFailed
from kg.ingest import sources
from kg.namespaces import EKG, SOURCE
from kg.store import open_snapshot, open_store
from kg.store.writer import Writer

ORG = URIRef("https://w3id.org/eu-regional-kg/id/organisation/test-org")
ENG = URIRef("http://publications.europa.eu/resource/authority/language/ENG")


def _graph(identifier: str, label: str) -> Graph:
    g = Graph()
    doc = SOURCE[identifier]
    g.add((doc, RDF.type, EKG.SourceDocument))
    g.add((doc, DCTERMS.identifier, Literal(identifier)))
    g.add((doc, EKG.sha256, Literal("a" * 64)))
    g.add((doc, DCTERMS.title, Literal(f"source {identifier}")))
    g.add((doc, DCTERMS.language, ENG))
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


def test_a_version_that_does_not_validate_leaves_the_old_graph_and_file(store_copy: Path, data_copy: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    saved = (data_copy / "ingested" / "t1.ttl").read_bytes()
    broken = _graph("t1", "label broken")
    broken.add((ORG, RDF.type, EKG.Organisation))  # an organisation with no type from the scheme
    with pytest.raises(ValidationFailed, match="organisation"):
        sources.replace_source("t1", broken, store_copy)
    assert _labels(store_copy) == {"label one"}
    assert (data_copy / "ingested" / "t1.ttl").read_bytes() == saved


def test_list_sources_shows_hash_and_time(store_copy: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    infos = {i.identifier: i for i in sources.list_sources(*reversed(open_snapshot(store_copy)))}
    assert infos["t1"].sha256 == "a" * 64 and infos["t1"].modified is not None
    assert infos["t1"].triples == 7 and infos["t1"].kind == "ingested"
    assert "000_ed8f61d908b37646" in infos  # the curated sources are listed too


def test_remove_unknown_source_is_a_clear_error(store_copy: Path) -> None:
    with pytest.raises(KgError, match="no source 'nope'"):
        sources.remove_source("nope", store_copy)
    with pytest.raises(KgError, match="not a source identifier"):
        sources.remove_source("../x", store_copy)


def test_ingested_files_go_with_their_source_and_hand_edited_ones_need_an_option(store_copy: Path,
                                                                                   data_copy: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    saved = data_copy / "ingested" / "t1.ttl"
    assert Graph().parse(saved).value(SOURCE.t1, EKG.sha256) is not None
    assert sources.remove_source("t1", store_copy)
    assert not saved.exists() and _labels(store_copy) == set()
    curated = data_copy / "sources" / "hand.ttl"
    Graph().parse(data=_graph("hand", "label hand").serialize(format="turtle"), format="turtle").serialize(curated)
    with Writer(store_copy) as writer:
        assert writer.sync().loaded == [str(SOURCE.hand)]
    with pytest.raises(KgError, match="hand-edited file .*--delete-file"):
        sources.remove_source("hand", store_copy)
    assert curated.exists() and _labels(store_copy) == {"label hand"}
    assert sources.remove_source("hand", store_copy, delete_file=True)
    assert not curated.exists() and _labels(store_copy) == set()


def test_cli_sources_and_remove(store_copy: Path, tmp_path: Path) -> None:
    sources.replace_source("t1", _graph("t1", "label one"), store_copy)
    runner = CliRunner()
    listed = runner.invoke(app, ["sources", "--store", str(store_copy)])
    assert listed.exit_code == 0 and "t1" in listed.output
    removed = runner.invoke(app, ["remove", "t1", "--store", str(store_copy)])
    assert removed.exit_code == 0, removed.output
    again = runner.invoke(app, ["remove", "t1", "--store", str(store_copy)])
    assert again.exit_code == 1 and "no source 't1'" in again.output


@pytest.mark.slow
@pytest.mark.parametrize("save", [True, False])
def test_an_ingested_source_survives_a_rebuild(store_copy: Path, data_copy: Path, save: bool) -> None:
    """Saved (data/ingested/) or not (the store's local sources), the next `eukg build` keeps the source."""
    from kg.store.writer import build

    g = _graph("kept", "label kept")
    g.remove((ORG, None, None))
    sources.replace_source("kept", g, store_copy, save=save)
    assert (data_copy / "ingested" / "kept.ttl").exists() == save
    result = build(store_copy, data_dir=data_copy)
    assert result.report is not None and result.report.conforms, result.report
    infos = {i.identifier: i for i in sources.list_sources(*reversed(open_snapshot(store_copy)))}
    assert infos["kept"].kind == ("ingested" if save else "local")


def test_the_same_statement_from_two_sources_keeps_each_provenance(store_copy: Path) -> None:
    """Two sources state the very same triple: it is in both graphs, and removing one source keeps the other's."""
    statement = (ORG, RDF.type, EKG.Organisation)
    for identifier in ("a", "b"):
        g = _graph(identifier, f"label {identifier}")
        g.add(statement)
        g.add((ORG, SKOS.prefLabel, Literal("Test organisation", lang="en")))
        g.add((ORG, EKG.organisationType, URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/municipality")))
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
