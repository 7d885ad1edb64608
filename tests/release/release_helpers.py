"""Helpers shared by the release tests (a module of its own: ``conftest`` is a name every test folder uses)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

ISSUED = date(2026, 1, 2)
VERSION = "9.9.9-test"


def release_files(folder: Path) -> dict[str, bytes]:
    """Every file of a release folder by its relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
