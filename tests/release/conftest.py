"""Releases of the session's built store, written once: with and without personal data."""

from __future__ import annotations

import pytest
from release_helpers import ISSUED, VERSION

from kg.export.release import ReleaseResult, release


@pytest.fixture(scope="session")
def full_release(store, tmp_path_factory: pytest.TempPathFactory) -> ReleaseResult:
    """A release of the built store with personal data, issued on a fixed date."""
    return release(store, tmp_path_factory.mktemp("release") / "full", version=VERSION, issued=ISSUED)


@pytest.fixture(scope="session")
def public_release(store, tmp_path_factory: pytest.TempPathFactory) -> ReleaseResult:
    """A release of the built store without personal data."""
    return release(store, tmp_path_factory.mktemp("release") / "public", personal_data=False, version=VERSION,
                   issued=ISSUED)
