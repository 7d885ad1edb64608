"""Builds are atomic: a failed build names the problem and leaves the previous store as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build.stats import stats
from kg.errors import InputError, StoreMissingError, ValidationFailed
from kg.paths import DATA_DIR
from kg.store import open_store
from kg.store.writer import build


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    return data


def _triples(location: Path) -> int:
    return sum(stats(open_store(location))["graphs"].values())


@pytest.fixture(scope="module")
def location(tmp_path_factory: pytest.TempPathFactory) -> Path:
    location = tmp_path_factory.mktemp("atomic") / "store"
    build(location)
    return location


@pytest.mark.slow
def test_build_counts_graphs_and_classes(location: Path) -> None:
    counts = stats(open_store(location))
    assert counts["classes"]["Project"] == 6
    assert counts["classes"]["Person"] == 8
    assert counts["classes"]["Region"] > 1600
    assert any(g.endswith("/source/004_48488dec5f390660") for g in counts["graphs"])


def test_malformed_turtle_names_file_and_line_and_keeps_old_store(location: Path, tmp_path: Path) -> None:
    before = _triples(location)
    data = _copy_data(tmp_path)
    broken = data / "sources" / "999_broken.ttl"
    broken.write_text('@prefix ex: <https://example.org/> .\n\nex:a ex:b "unterminated .\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        build(location, data_dir=data)
    assert "999_broken.ttl" in str(raised.value) and raised.value.line == 3
    assert _triples(location) == before
    assert not [p for p in location.parent.iterdir() if p.name.startswith(".store-") and p != location.resolve()]


@pytest.mark.slow
def test_violation_fails_build_and_keeps_old_store(location: Path, tmp_path: Path) -> None:
    before = _triples(location)
    data = _copy_data(tmp_path)
    (data / "sources" / "998_bad.ttl").write_text(
        "@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .\n"
        "<https://w3id.org/eu-regional-kg/id/project/x> a ekg:Project .\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as raised:
        build(location, data_dir=data)
    assert "acronym" in str(raised.value) and "998_bad.ttl" in str(raised.value)
    assert _triples(location) == before


@pytest.mark.slow
def test_wrong_encoding_is_reported(location: Path, tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "sources" / "997_latin1.ttl").write_bytes(
        '@prefix ex: <https://example.org/> .\nex:a ex:b "Județ" .\n'.encode("utf-16")
    )
    with pytest.raises(InputError, match="997_latin1.ttl"):
        build(location, data_dir=data)


@pytest.mark.slow
def test_rebuild_swaps_in_a_new_store(location: Path) -> None:
    """The old snapshot stays while a reader holds it (this process opened it) and goes once nobody does."""
    from kg.store.snapshots import collect_garbage, hold, release

    first = location.resolve()
    hold(first)
    build(location)
    assert location.resolve() != first and first.exists()
    release(first)
    collect_garbage(location)
    assert not first.exists()


def test_missing_store_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(StoreMissingError, match="eukg build"):
        open_store(tmp_path / "nowhere")
