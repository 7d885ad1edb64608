"""The project's exceptions: each says which file, line or node is wrong and what is wrong."""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error the toolkit reports to a user."""


class InputError(KgError):
    """An input file cannot be read or parsed."""

    def __init__(self, path: object, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class StoreMissingError(KgError):
    """No store has been built at the given location."""


class ValidationFailed(KgError):
    """SHACL validation found violations; the report lists them."""

    def __init__(self, report: object) -> None:
        self.report = report
        super().__init__(str(report))


class QueryError(KgError):
    """A named query is unknown, malformed, or given a bad parameter."""
