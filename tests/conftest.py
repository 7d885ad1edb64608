"""Shared fixtures: a store built once per test session from the project's own files."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from integration_tools import check_marks

from kg.store import open_store
from kg.store.writer import build

CORPUS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``tool`` whose program is missing skips, or fails under ``EUKG_REQUIRE_INTEGRATION=1``."""
    check_marks(item)


@pytest.fixture(scope="session")
def built_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the project's graph once into a temporary store and return its location."""
    location = tmp_path_factory.mktemp("store") / "store"
    result = build(location)
    assert result.report is not None and result.report.conforms, result.report
    return location


@pytest.fixture(scope="session")
def store(built_store_path: Path) -> ox.Store:
    """The built store, opened read-only."""
    return open_store(built_store_path)


@pytest.fixture()
def corpus_dir() -> Path:
    """The shared source documents; tests that need them skip when they are absent."""
    if not CORPUS_DIR.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS_DIR
