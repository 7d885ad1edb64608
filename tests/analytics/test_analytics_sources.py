"""Row sources: the store wrapper, callables kept as they are, and the notebooks' open-or-build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.analytics import sources


def test_store_rows_give_plain_values(tiny_store) -> None:
    rows = sources.store_rows(tiny_store)(
        "SELECT ?o ?label WHERE { ?o a <https://w3id.org/eu-regional-kg/ontology#Organisation> "
        "OPTIONAL { ?o <http://www.w3.org/2004/02/skos/core#altLabel> ?label } } ORDER BY ?o LIMIT 1"
    )
    assert rows == [{"o": "http://example.org/o1", "label": None}]


def test_fetch_binds_parameters_as_values(tiny_remote) -> None:
    rows = sources.fetch(tiny_remote, "organisation_regions", {"level": "1"})
    assert "VALUES ?level" in tiny_remote.calls[-1]
    assert {row["nuts"] for row in rows} == {"PL8", "PL7", "RO3"}


def test_analytics_queries_stay_out_of_the_public_library() -> None:
    from kg.sparql.queries import library

    assert not set(library()) & {"participations", "event_attendance", "organisation_regions"}
    assert {p.stem for p in sources.ANALYTICS_QUERIES_DIR.glob("*.rq")} == {
        "participations", "event_attendance", "organisation_regions"}


@pytest.mark.slow
def test_open_or_build_opens_an_existing_store(built_store_path) -> None:
    store = sources.open_or_build(built_store_path)
    assert len(store) > 1000


def test_open_or_build_builds_into_a_temporary_store_when_there_is_none(tmp_path, monkeypatch) -> None:
    built: list[Path] = []
    monkeypatch.setattr("kg.store.writer.build", lambda target: built.append(Path(target)))
    monkeypatch.setattr("kg.store.open_store", lambda path, in_memory: ("opened", Path(path), in_memory))
    result = sources.open_or_build(tmp_path / "missing")
    # The built store is copied into memory when small enough (the default of open_store's in_memory=None).
    assert len(built) == 1 and result == ("opened", built[0], None)
    assert not (tmp_path / "missing").exists()
    assert built[0].parent.name.startswith("eukg-store-")
    shutil.rmtree(built[0].parent)


def test_a_source_must_be_a_store_or_callable() -> None:
    with pytest.raises(TypeError):
        sources.as_rows("http://example.org/sparql")


def test_json_rows_feed_a_network_like_a_remote_endpoint(tiny_store) -> None:
    """A client that returns SPARQL 1.1 JSON results (as SPARQLWrapper does) plugs in through json_rows."""
    import json

    import networkx as nx
    import pyoxigraph as ox

    from kg.analytics.networks import coparticipation_network

    def endpoint(text: str) -> dict:
        solutions = tiny_store.query(text, use_default_graph_as_union=True)
        return json.loads(solutions.serialize(format=ox.QueryResultsFormat.JSON))

    remote = coparticipation_network(lambda text: sources.json_rows(endpoint(text)))
    assert nx.utils.graphs_equal(remote, coparticipation_network(tiny_store))
