"""Fixtures of the ingestion tests: a private, writable copy of the built store per test."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from clones import clone_store

from kg.store import open_store

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def store_copy(built_store_path: Path, tmp_path: Path) -> Path:
    """A copy of the built store (with a copy of data/ it records as its data folder) that a test may change."""
    location, _ = clone_store(built_store_path, tmp_path)
    return location


@pytest.fixture()
def data_copy(store_copy: Path) -> Path:
    """The data folder of :func:`store_copy`."""
    return store_copy.parent / "data"


@pytest.fixture(scope="session")
def reference_store(built_store_path: Path) -> ox.Store:
    """The built store, read-only."""
    return open_store(built_store_path)
