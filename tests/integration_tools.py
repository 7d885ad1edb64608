"""The external programs the integration tests use (Virtuoso, raptor's rapper, Chromium, the Oxigraph server,
the eukg console script), and what a test does when one is missing.

Without it a test skips, saying what to install. With ``EUKG_REQUIRE_INTEGRATION=1`` (which .ci/run sets,
after installing them) it fails instead, so a CI run cannot stay green with its integration tests skipped.
A test declares its program with the marker ``@pytest.mark.tool(missing, reason)``, or calls
:func:`missing_tool` from a fixture.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

#: The environment variable that turns a missing program into a failure.
REQUIRE = "EUKG_REQUIRE_INTEGRATION"


def required() -> bool:
    """Whether every integration program must be there (``EUKG_REQUIRE_INTEGRATION=1``)."""
    return os.environ.get(REQUIRE, "").strip() not in ("", "0")


def missing_tool(reason: str) -> NoReturn:
    """Skip the running test because a program is missing (``reason`` says which and how to install it);
    fail it instead under ``EUKG_REQUIRE_INTEGRATION=1``."""
    if required():
        pytest.fail(f"{reason}, and {REQUIRE}=1 requires it", pytrace=False)
    pytest.skip(reason)


def check_marks(item: pytest.Item) -> None:
    """Apply :func:`missing_tool` to a test marked ``@pytest.mark.tool(missing, reason)`` whose program is missing."""
    for mark in item.iter_markers("tool"):
        is_missing, reason = mark.args
        if is_missing:
            missing_tool(reason)
