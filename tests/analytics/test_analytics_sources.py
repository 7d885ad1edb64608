"""Row sources: the store wrapper, callables kept as they are, and the notebooks' open-or-build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.analytics import sources
from kg.errors import StoreMissingError


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


def test_open_or_build_builds_into_a_temporary_store_when_none_is_named_and_none_exists(tmp_path, monkeypatch) -> None:
    built: list[Path] = []
    monkeypatch.delenv("EUKG_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setattr("kg.store.writer.build", lambda target: built.append(Path(target)))
    monkeypatch.setattr("kg.store.open_store", lambda path, in_memory: ("opened", Path(path), in_memory))
    result = sources.open_or_build()
    # The built store is copied into memory when small enough (the default of open_store's in_memory=None).
    assert len(built) == 1 and result == ("opened", built[0], None)
    assert not (tmp_path / "data-home").exists()
    assert built[0].parent.name.startswith("eukg-store-")
    shutil.rmtree(built[0].parent)


def _never_build(target: object) -> None:
    raise AssertionError(f"built {target} instead of failing")


@pytest.mark.parametrize(("make", "said"), [
    (lambda path: path.symlink_to(".store-20261204T000000"), "is a link to .store-20261204T000000, which does not"),
    (lambda path: None, "nothing is there"),
    (lambda path: path.write_text("x"), "it is a file, not a store folder"),
    (lambda path: path.mkdir(), "not a store that can be opened"),
], ids=["copied-relative-link", "missing", "a-file", "an-empty-folder"])
def test_open_or_build_fails_in_one_line_on_a_named_store_it_cannot_open(tmp_path, monkeypatch, make, said) -> None:
    """$EUKG_STORE naming a store that cannot be opened (a symlink to a relative snapshot folder copied
    elsewhere) is an error naming the path, not a quiet build of the default store."""
    path = tmp_path / "store"
    make(path)
    monkeypatch.setenv("EUKG_STORE", str(path))
    monkeypatch.setattr("kg.store.writer.build", _never_build)
    with pytest.raises(StoreMissingError) as raised:
        sources.open_or_build()
    message = str(raised.value)
    assert message.startswith(f"{path}: cannot open the store $EUKG_STORE names: ") and said in message
    assert "\n" not in message


def test_open_or_build_fails_on_a_store_named_by_its_argument(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("EUKG_STORE", raising=False)
    monkeypatch.setattr("kg.store.writer.build", _never_build)
    with pytest.raises(StoreMissingError, match="^.*missing: cannot open the store: nothing is there"):
        sources.open_or_build(tmp_path / "missing")


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
