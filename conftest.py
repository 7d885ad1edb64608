"""The doctests of kg/ (``--doctest-modules``, pyproject.toml): those whose Examples need an optional
dependency skip, naming it, when it is not installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent / "tests"
#: Modules whose Examples import an optional dependency (the ``analytics`` extra), and that dependency.
OPTIONAL = {"kg/analytics/plots.py": "matplotlib", "kg/analytics/igraph_backend.py": "igraph"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the doctests of :data:`OPTIONAL` modules to skip when their dependency is missing."""
    for item in items:
        needs = OPTIONAL.get(item.nodeid.split("::")[0])
        if needs is not None and importlib.util.find_spec(needs) is None:
            item.add_marker(pytest.mark.skip(reason=f"{needs} is not installed (pip install '.[analytics]')"))


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Collect nothing from the helper modules of tests/ (conftest.py, loopback.py …): only kg/ has Examples, and
    a second import of a conftest.py as a doctest module would clash with the others of that name."""
    helper = collection_path.suffix == ".py" and not collection_path.name.startswith("test_")
    return True if helper and TESTS in collection_path.parents else None
