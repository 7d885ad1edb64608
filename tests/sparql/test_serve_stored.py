"""``eukg serve`` answers a library query sent as it is from the stored answers (kg.sparql.serve_stored): the
bytes of the live answer in every format, within the row limit, never stale after a write, and without
personal data in the public mode."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from clones import clone_store, organisation_source
from loopback import threaded

from kg.ingest.sources import remove_source, replace_source
from kg.privacy import public_copy
from kg.sparql import serve_stored, stored
from kg.sparql.queries import evaluation_errors, find, solutions
from kg.sparql.serve import ServerConfig, serve_location
from kg.sparql.serve_results import RESULT_TYPES, answer
from kg.store import open_store
from kg.store.snapshots import current_snapshot

CONTRACT = ["projects", "project_partners", "organisations", "events", "event_participants", "region_projects",
            "programme_projects", "persons", "regions"]
ACCEPT = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
          "text/tab-separated-values"]
PERSONAL = ["persons", "event_participants"]
LIMIT = 1_000_000


@contextmanager
def _serving(location: Path, config: ServerConfig, **options: object) -> Iterator[str]:
    server = serve_location(location, port=0, config=config, **options)
    with threaded(server) as url:
        yield url


def _post(url: str, query: str, accept: str = ACCEPT[0]) -> tuple[int, bytes]:
    request = urllib.request.Request(f"{url}/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _stored_files(location: Path) -> list[str]:
    folder = current_snapshot(location) / stored.ANSWERS_DIR
    return sorted(path.name for path in folder.glob("*.tsv")) if folder.is_dir() else []


def _live(store: ox.Store, name: str, accept: str, limit: int = LIMIT) -> bytes:
    """The body a worker writes for the query evaluated on ``store`` (no stored answer)."""
    return answer(store, find(name).text, accept, limit)[0]


@pytest.fixture(scope="module")
def clone(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return clone_store(built_store_path, tmp_path_factory.mktemp("serve-stored"))


def test_only_the_text_of_a_storable_library_query_is_answered_from_stored_answers() -> None:
    assert all(serve_stored.library_query(find(name).text) is not None for name in CONTRACT)
    assert serve_stored.library_query(find("regions").text + " ") is None
    assert serve_stored.library_query("SELECT * WHERE { ?s ?p ?o }") is None
    assert not [named for named in map(find, CONTRACT) if named.terms()]


def test_every_contract_query_is_served_with_the_live_bytes_in_every_format_kept_then_read(clone) -> None:
    location, _ = clone
    store = open_store(location)
    live = {(name, accept): _live(store, name, accept) for name in CONTRACT for accept in ACCEPT}
    assert {accept for accept in ACCEPT} <= set(RESULT_TYPES)
    with _serving(location, ServerConfig(workers=2, max_results=LIMIT)) as url:
        for name in CONTRACT:
            for accept in ACCEPT:  # the first is evaluated and kept, the others are read back
                status, body = _post(url, find(name).text, accept)
                assert status == 200 and body == live[name, accept], (name, accept)
                assert any(f.startswith(f"{name}.all.") for f in _stored_files(location)), name
    assert live["regions", "text/csv"].count(b"\r\n") > 2  # answers with rows: the comparison could fail


def test_a_stored_answer_is_what_is_served(clone) -> None:
    """The server reads the file: an answer planted under the query's key is the one sent."""
    location, _ = clone
    named = find("events")
    row = ox.parse_query_results(b"?event\n<https://example.org/planted-event>\n", format=ox.QueryResultsFormat.TSV)
    stored.keep(current_snapshot(location), named, row)
    with _serving(location, ServerConfig(workers=1)) as url:
        status, body = _post(url, named.text, "text/csv")
        assert status == 200 and body == b"event\r\nhttps://example.org/planted-event\r\n"
        status, body = _post(url, named.text + "\n", "text/csv")  # not the library's text: evaluated
        assert status == 200 and b"planted" not in body


def test_the_named_query_route_reads_the_stored_answer(clone) -> None:
    location, _ = clone
    named = find("programme_projects")
    row = ox.parse_query_results(b"?programme\n\"planted programme\"\n", format=ox.QueryResultsFormat.TSV)
    stored.keep(current_snapshot(location), named, row)
    with _serving(location, ServerConfig(workers=1)) as url:
        with urllib.request.urlopen(f"{url}/run?query=programme_projects&format=csv", timeout=60) as response:
            assert response.read().decode().splitlines() == ["programme", "planted programme"]


def test_the_row_limit_holds_for_stored_answers(clone) -> None:
    location, _ = clone
    named = find("regions")
    with evaluation_errors(named):
        rows = len(list(stored.answer(named, location)))  # kept
    assert rows > 2
    with _serving(location, ServerConfig(workers=1, max_results=rows - 1)) as url:
        status, body = _post(url, named.text)
        assert status == 413 and f"more than {rows - 1} results".encode() in body
    with _serving(location, ServerConfig(workers=1, max_results=rows)) as url:
        assert _post(url, named.text, "text/csv") == (200, _live(open_store(location), "regions", "text/csv"))


def test_an_answer_over_the_limit_is_refused_and_not_kept(built_store_path: Path, tmp_path: Path) -> None:
    location, _ = clone_store(built_store_path, tmp_path)
    with _serving(location, ServerConfig(workers=1, max_results=2)) as url:
        assert _post(url, find("regions").text)[0] == 413
    assert not [f for f in _stored_files(location) if f.startswith("regions.")]


@pytest.mark.parametrize("no_personal_data", [False, True], ids=["all", "public"])
def test_after_a_write_the_server_serves_the_new_answer(built_store_path: Path, tmp_path: Path,
                                                        no_personal_data: bool) -> None:
    location, _ = clone_store(built_store_path, tmp_path)
    text = find("organisations").text
    options = {"transform": public_copy} if no_personal_data else {}
    with _serving(location, ServerConfig(workers=2, max_results=LIMIT), **options) as url:
        before = _post(url, text, "text/csv")
        assert before[0] == 200 and _post(url, text, "text/csv") == before and _stored_files(location)
        replace_source("served-stored", organisation_source("served-stored", "Served Stored Agency"), location)
        added = _post(url, text, "text/csv")
        assert added[0] == 200 and b"Served Stored Agency" in added[1]
        assert _post(url, text, "text/csv") == added  # kept with the new snapshot, read back
        remove_source("served-stored", location)
        assert _post(url, text, "text/csv") == before


@pytest.mark.parametrize("name", PERSONAL)
def test_the_public_mode_never_serves_a_name_or_email(built_store_path: Path, tmp_path: Path, name: str) -> None:
    location, _ = clone_store(built_store_path, tmp_path)
    named = find(name)
    people = solutions(find("persons"), open_store(location))
    personal = {term.value for row in people for term in (row["name"], row["email"]) if term is not None}
    assert personal
    with evaluation_errors(named):
        list(stored.answer(named, location))  # the answer with personal data is kept with the snapshot
    public = public_copy(open_store(location))
    with _serving(location, ServerConfig(workers=1, max_results=LIMIT), transform=public_copy) as url:
        for _ in range(2):  # evaluated and kept, then read back
            for accept in ACCEPT:
                status, body = _post(url, named.text, accept)
                assert status == 200 and body == _live(public, name, accept), accept
                assert not [value for value in personal if value.encode() in body], accept
    assert any(f.startswith(f"{name}.public.") for f in _stored_files(location))


def test_the_server_holds_the_bodies_of_stored_answers_of_its_snapshot_only(clone) -> None:
    location, _ = clone
    server = serve_location(location, port=0, config=ServerConfig(workers=1, max_results=LIMIT))
    with threaded(server) as url:
        text = find("persons").text
        assert server.answers.key(server.snapshot, "SELECT * WHERE { ?s ?p ?o }", "text/csv", True) is None
        assert server.answers.key(server.snapshot, text, "text/csv", None) is None  # no stored answers served
        key = server.answers.key(server.snapshot, text, "text/csv", True)
        first = _post(url, text, "text/csv")
        held = server.answers.get(key)
        assert held is not None and held[1] == first[1] and first[0] == 200
        assert _post(url, text, "text/csv") == first
        assert server.answers.key(location.parent / "data", text, "text/csv", True)  # a directory, not the snapshot
        assert server.answers.get(key) is None  # another snapshot: emptied
