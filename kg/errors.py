"""The project's exceptions: each says which file, line or node is wrong and what is wrong."""

from __future__ import annotations

import errno
import os

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
