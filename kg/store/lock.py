"""The writer lock: one process at a time changes the store and the generated source files.

The lock is a file ``.NAME.lock`` beside the store location, taken with :mod:`filelock`. Readers
never take it: they read snapshots (:mod:`kg.store.snapshots`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from kg.errors import KgError
from kg.store.snapshots import resolve_location

__all__ = ["WriterBusy", "lock_path", "writer_lock"]

#: Seconds a writer waits quietly before it says that it is waiting.
NOTICE_AFTER = 1.0


class WriterBusy(KgError):
    """Another process kept the writer lock longer than the caller would wait."""


def lock_path(location: Path | str | None = None) -> Path:
    """Return the lock file of the store at ``location``."""
    path = resolve_location(location)
    return path.parent / f".{path.name}.lock"


@contextmanager
def writer_lock(location: Path | str | None = None, wait: float | None = None,
                notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the store's writer lock for the block.

    Parameters
    ----------
    location : path, optional
        The store location.
    wait : float, optional
        Seconds to wait for another writer at most (default: as long as it takes).
    notify : callable, optional
        Called once with a message when the lock is not free within a second.

    Raises
    ------
    WriterBusy
        When ``wait`` seconds passed and the other writer still holds the lock; nothing was changed.
    """
    path = lock_path(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    start = time.monotonic()
    try:
        lock.acquire(timeout=NOTICE_AFTER if wait is None else min(NOTICE_AFTER, wait))
    except Timeout:
        if notify is not None:
            notify(f"waiting for another eukg that is writing to {resolve_location(location)} …")
        remaining = None if wait is None else max(0.0, wait - (time.monotonic() - start))
        try:
            lock.acquire(timeout=-1 if remaining is None else remaining)
        except Timeout:
            raise WriterBusy(f"another eukg is still writing to {resolve_location(location)} after {wait:g} s; "
                             "nothing was changed (try again, or give --wait a longer time)") from None
    try:
        yield
    finally:
        lock.release()
