"""The resolver's index kept beside the store: reused by later calls, rebuilt after a rebuild of the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.resolve.lemmas
from kg.resolve import Resolver, resolver_for_location
from kg.resolve.cache import cache_directory
from kg.store.snapshots import new_store_dir, swap_in

LUBELSKIE = """
@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://data.europa.eu/nuts/code/PL81> a ekg:Region ; ekg:nutsCode "PL81" ; ekg:nutsLevel 2 ;
    skos:prefLabel "Lubelskie"@pl ; skos:altLabel "Województwo lubelskie"@pl .
"""
PODLASKIE = """
@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://data.europa.eu/nuts/code/PL84> a ekg:Region ; ekg:nutsCode "PL84" ; ekg:nutsLevel 2 ;
    skos:prefLabel "Podlaskie"@pl .
"""


def build_store(location: Path, turtle: str) -> None:
    """Write a store of ``turtle`` into a new directory beside ``location`` and point the location at it."""
    directory = new_store_dir(location)
    writer = ox.Store(str(directory))
    writer.load(turtle.encode(), format=ox.RdfFormat.TURTLE)
    writer.flush()
    del writer
    swap_in(directory, location)


@pytest.fixture()
def location(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    build_store(path, LUBELSKIE)
    return path


def forbid_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Resolver:
        raise AssertionError("the index was built again instead of read from the cache")

    monkeypatch.setattr(Resolver, "from_store", classmethod(refuse))


def test_the_first_call_writes_the_index_beside_the_store_keyed_by_its_directory(location: Path) -> None:
    directory = cache_directory(location)
    assert not directory.exists()
    resolver = resolver_for_location(location)
    assert resolver.best("Lubelskie").iri.endswith("PL81")
    assert (directory / "index.json").is_file()
    assert directory.parent == location.parent
    assert location.resolve().name in directory.name  # the directory the link points at, not the link


def test_a_later_call_reads_the_index_instead_of_building_it(location: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = resolver_for_location(location)
    forbid_building(monkeypatch)
    again = resolver_for_location(location)
    assert again.resolve("Lubelskie") == first.resolve("Lubelskie")
    assert again.best("Lubelszczyzna").iri.endswith("PL81")  # the regional names are in the cached index too


def test_a_rebuilt_store_gets_a_new_index(location: Path) -> None:
    old = cache_directory(location)
    resolver_for_location(location)
    build_store(location, PODLASKIE)  # a rebuild: a new snapshot directory, the link moved to it
    new = cache_directory(location)
    assert new != old
    resolver = resolver_for_location(location)
    assert resolver.best("Podlaskie").iri.endswith("PL84")
    assert resolver.best("Lubelskie") is None
    assert (new / "index.json").is_file()


def test_the_index_of_a_deleted_snapshot_goes_with_it(location: Path) -> None:
    old = cache_directory(location)
    resolver_for_location(location)
    snapshot = location.resolve()
    build_store(location, PODLASKIE)
    shutil.rmtree(snapshot, ignore_errors=True)  # what the writer does once no process reads the old snapshot
    resolver_for_location(location)  # writes the new index, and deletes the caches of snapshots that are gone
    assert not old.exists() and cache_directory(location).is_dir()


def test_a_damaged_index_is_built_again(location: Path) -> None:
    resolver_for_location(location)
    index = cache_directory(location) / "index.json"
    index.write_text('{"format": 1, "resources"', encoding="utf-8")
    assert resolver_for_location(location).best("Lubelskie").iri.endswith("PL81")
    assert index.read_text(encoding="utf-8").endswith("}")


def test_an_unwritable_cache_still_resolves(location: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.resolve.cache.write_json", lambda *_: False)
    assert resolver_for_location(location).best("Lubelskie").iri.endswith("PL81")
    assert not (cache_directory(location) / "index.json").exists()


@pytest.mark.slow
def test_lemmas_of_a_language_are_cut_down_once_and_reused(location: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An inflected Polish name needs the Polish dictionary once; later processes read the cut-down one."""
    name = "w województwie lubelskim"  # "lubelskim" scores 88.9 against "Lubelskie"; its lemma "lubelski" 94
    assert resolver_for_location(location).best(name).iri.endswith("PL81")
    saved = cache_directory(location) / "lemmas-pl.json"
    assert saved.is_file()

    def refuse(language: str) -> None:
        raise AssertionError(f"simplemma's {language} dictionary was read again")

    monkeypatch.setattr(kg.resolve.lemmas, "_full_dictionary", refuse)
    forbid_building(monkeypatch)
    assert resolver_for_location(location).best(name).iri.endswith("PL81")


def test_a_missing_store_is_reported(tmp_path: Path) -> None:
    from kg.errors import StoreMissingError

    with pytest.raises(StoreMissingError, match="no store at"):
        resolver_for_location(tmp_path / "nowhere")
