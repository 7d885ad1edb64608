"""The Examples of every kg.analytics docstring run, so the documentation cannot rot."""

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
def test_doctests(name: str) -> None:
    if name == "kg.analytics.plots":
        pytest.importorskip("matplotlib")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no doctest Examples"
    assert result.failed == 0, f"{result.failed} doctest(s) of {name} failed"
