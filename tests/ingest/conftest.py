"""Fixtures of the ingestion tests: a private, writable copy of the built store per test."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import open_store

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def store_copy(built_store_path: Path, tmp_path: Path) -> Path:
    """A copy of the built store that a test may change; returns its location."""
    location = tmp_path / "store"
    open_store(built_store_path).backup(str(location))
    return location


@pytest.fixture(scope="session")
def reference_store(built_store_path: Path) -> ox.Store:
    """The built store, read-only."""
    return open_store(built_store_path)
