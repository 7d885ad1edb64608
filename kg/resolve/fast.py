"""The fast path of ``eukg resolve``: answer without loading typer (nor kg.commands) when the arguments are plain.

typer builds a pydantic adapter for every parameter it coerces, and importing pydantic alone takes
about 0.2 s, half of what ``eukg resolve`` may take once its index is cached beside the store
(:mod:`kg.resolve.cache`). :func:`run` handles the plain forms (a name and ``--type``, ``--format``,
``--limit``, ``--store`` with valid values) and returns False for anything else (``--help``, an
unknown option, a bad value, a missing store …), which the typer command then handles and reports as
it always has; both print through :mod:`kg.resolve.report`.
"""

from __future__ import annotations

import sys

from kg.argv import plain

__all__ = ["parse", "run"]

_OPTIONS = {"--type": "type", "-t": "type", "--format": "format", "-f": "format", "--limit": "limit",
            "-n": "limit", "--store": "store"}


def parse(arguments: list[str]) -> dict[str, str] | None:
    """Return the name and options of ``resolve``'s arguments, or None when they are not plain ones."""
    found = plain(arguments, _OPTIONS)
    return found if found is not None and _valid(found) else None


def _valid(found: dict[str, str]) -> bool:
    from kg.resolve.kinds import TYPES
    from kg.resolve.report import FORMATS

    limit = found.get("limit", "5")
    return (found.get("type", TYPES[0]) in TYPES and found.get("format", "table") in FORMATS
            and limit.isdigit() and int(limit) >= 1 and found.get("store", "x") != "")


def run(arguments: list[str]) -> bool:
    """Answer ``eukg resolve ARGUMENTS`` and return True, or return False for the typer command to handle."""
    found = parse(arguments)
    if found is None:
        return False
    from kg.errors import KgError
    from kg.resolve import resolver_for_location
    from kg.resolve.report import json_text, table

    try:
        resolver = resolver_for_location(found.get("store"))
    except KgError:
        return False  # the typer command reports it in the project's one-line form
    decision = resolver.decide(found["name"], found.get("type"), limit=int(found.get("limit", "5")))
    if found.get("format", "table") == "json":
        sys.stdout.write(json_text(decision) + "\n")
    else:
        from rich.console import Console

        Console().print(table(found["name"], decision))
    return True
