"""The in-memory copy of the built store: the same quads and answers, for reading only."""

from __future__ import annotations

import uuid
from pathlib import Path

import pyoxigraph as ox
import pytest
from group_concat import rows_with_parts_sorted

from kg.errors import KgError
from kg.sparql.queries import library, run
from kg.store import copy_quads, open_store
from kg.store import memory as store_module


def _is_in_memory(store: ox.Store, tmp_path: Path) -> bool:
    try:
        store.backup(str(tmp_path / f"backup-{uuid.uuid4().hex}"))
    except RuntimeError as error:
        assert "in-memory" in str(error)
        return True
    return False


def test_in_memory_copy_holds_the_same_quads_and_answers(built_store_path: Path, tmp_path: Path) -> None:
    on_disk = open_store(built_store_path)
    copy = open_store(built_store_path, in_memory=True)
    assert _is_in_memory(copy, tmp_path) and not _is_in_memory(on_disk, tmp_path)
    assert set(copy.quads_for_pattern(None, None, None, None)) == set(on_disk.quads_for_pattern(None, None, None, None))
    assert set(copy.named_graphs()) == set(on_disk.named_graphs())
    # Every contract query orders its rows totally, so both give the same rows in the same order; only
    # the order inside a GROUP_CONCAT cell is the engine's (SPARQL leaves it open).
    for name, query in library().items():
        if "contract" in query.tags:
            in_memory, disk = run(query, copy).rows, run(query, on_disk).rows
            assert rows_with_parts_sorted(in_memory) == rows_with_parts_sorted(disk), name


def test_copy_keeps_empty_named_graphs() -> None:
    source = ox.Store()
    empty = ox.NamedNode("https://example.org/graph/empty")
    source.add_graph(empty)
    source.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
                       ox.Literal("x"), ox.NamedNode("https://example.org/graph/full")))
    copy = copy_quads(source, ox.Store())
    assert set(copy.named_graphs()) == {empty, ox.NamedNode("https://example.org/graph/full")}
    assert len(copy) == 1


def test_the_store_is_opened_for_reading_only(built_store_path: Path) -> None:
    """Every change goes through the one writer (kg.store.writer), never through an opened store."""
    with pytest.raises(ValueError, match="written only through kg.store.writer"):
        open_store(built_store_path, read_only=False)


def test_by_default_only_small_stores_are_copied(built_store_path: Path, tmp_path: Path, monkeypatch) -> None:
    assert not _is_in_memory(open_store(built_store_path), tmp_path)  # the default stays on disk
    assert _is_in_memory(open_store(built_store_path, in_memory=None), tmp_path)
    monkeypatch.setattr(store_module, "IN_MEMORY_MAX_QUADS", 10)
    assert not _is_in_memory(open_store(built_store_path, in_memory=None), tmp_path)


def test_copies_are_made_by_default_only_while_they_fit_in_half_the_free_ram(monkeypatch) -> None:
    monkeypatch.setattr(store_module, "available_memory", lambda: 10 * 1024**3)
    assert store_module.fits_in_memory(1_000_000)
    assert not store_module.fits_in_memory(1_000_000, copies=5)  # 5 million quads together
    monkeypatch.setattr(store_module, "available_memory", lambda: 1024**3)
    assert not store_module.fits_in_memory(1_000_000)  # about 0.75 GB: more than half of 1 GB
    monkeypatch.setattr(store_module, "available_memory", lambda: None)  # unknown: the quad count decides
    assert store_module.fits_in_memory(1_000_000)


def test_a_copy_the_ram_cannot_hold_is_refused_with_a_clear_error(built_store_path: Path, tmp_path: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setattr(store_module, "available_memory", lambda: 1000)
    with pytest.raises(KgError, match=r"needs about .* MB of RAM .* \(--on-disk\)") as error:
        open_store(built_store_path, in_memory=True)
    assert str(built_store_path) in str(error.value)
    assert not _is_in_memory(open_store(built_store_path, in_memory=None), tmp_path)  # the default reads on disk
