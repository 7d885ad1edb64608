"""Every kg.analytics module documents itself with runnable Examples (pytest runs every kg/ doctest:
``--doctest-modules`` in pyproject.toml)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg.analytics

MODULES = sorted(
    {"kg.analytics"} | {f"kg.analytics.{m.name}" for m in pkgutil.iter_modules(kg.analytics.__path__)}
)


@pytest.mark.parametrize("name", MODULES)
def test_every_analytics_module_has_examples(name: str) -> None:
    examples = doctest.DocTestFinder().find(importlib.import_module(name))
    assert sum(len(test.examples) for test in examples) > 0, f"{name} has no doctest Examples"
