"""The project's exceptions: each says which file, line or node is wrong and what is wrong."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable

#: System errors whose text is looked for in the message of an ``OSError`` that has no ``errno``
#: (pyoxigraph reports RocksDB's I/O errors as one long text).
_SYSTEM_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO)


def os_reason(error: OSError) -> str:
    """Return the short reason of ``error``: its ``strerror``, else a known system error its text names."""
    if error.strerror:
        return error.strerror
    text = str(error)
    return next((os.strerror(code) for code in _SYSTEM_ERRORS if os.strerror(code) in text), text)


class KgError(Exception):
    """Base class of every error the toolkit reports to a user."""


class InputError(KgError):
    """An input file cannot be read or parsed."""

    def __init__(self, path: object, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class StoreWriteError(KgError):
    """The store or a data file could not be written (a full disk, no permission); nothing was changed."""

    def __init__(self, location: object, error: OSError) -> None:
        self.location = str(location)
        reason = os_reason(error)
        where = f" ({error.filename})" if error.filename else ""
        super().__init__(f"{self.location}: cannot write: {reason}{where}; the store and the data files are as "
                         "they were")


class StoreMissingError(KgError):
    """No store has been built at the given location."""


class ValidationFailed(KgError):
    """SHACL validation found violations; the report lists them."""

    def __init__(self, report: object) -> None:
        self.report = report
        super().__init__(str(report))


class QueryError(KgError):
    """A named query is unknown, malformed, or given a bad parameter."""


def did_you_mean(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Return the names of ``known`` closest to a misspelt ``name``, closest first (none when nothing is close).

    >>> did_you_mean("projets", ["projects", "project_partners", "regions"])
    ['projects', 'project_partners']
    >>> did_you_mean("xyz", ["projects"])
    []
    """
    import difflib

    names = list(known)
    by_case = {candidate.lower(): candidate for candidate in names}
    close = difflib.get_close_matches(name.lower(), list(by_case), n=n, cutoff=0.6)
    return [by_case[candidate] for candidate in close]


def unknown_name(what: str, name: str, known: Iterable[str], listing: str | None = None) -> str:
    """Return one line saying that ``name`` is no ``what``, with the closest known names, or where to see them.

    ``listing`` says where the known names are listed (a command); without a close name and without
    ``listing``, the line lists the known names.

    >>> unknown_name("query", "projets", ["projects", "regions"], "`eukg queries` lists them")
    "unknown query 'projets'; did you mean projects?"
    >>> unknown_name("metric", "zzz", ["degree", "betweenness"])
    "unknown metric 'zzz' (known: degree, betweenness)"
    >>> unknown_name("query", "zzz", ["projects"], "`eukg queries` lists them")
    "unknown query 'zzz' (`eukg queries` lists them)"
    """
    names = list(known)
    close = did_you_mean(name, names)
    if close:
        choices = close[0] if len(close) == 1 else f"{', '.join(close[:-1])} or {close[-1]}"
        return f"unknown {what} {name!r}; did you mean {choices}?"
    return f"unknown {what} {name!r} ({listing or 'known: ' + (', '.join(names) or 'none')})"
