"""Opening the built store for reading: on disk, or as an in-memory copy."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, StoreMissingError
from kg.store import memory
from kg.store.snapshots import hold, resolve_location

__all__ = ["open_snapshot", "open_store"]


def open_snapshot(location: Path | str | None = None) -> tuple[Path, ox.Store]:
    """Open the current snapshot of the store read-only and mark it as read; return its directory and store.

    The mark (:func:`kg.store.snapshots.hold`) keeps writers from deleting the snapshot while this
    process reads it, even after a build or an ingest has moved the store to a newer one.
    """
    path = resolve_location(location)
    for _ in range(100):
        if not path.exists():
            break
        target = path.resolve()
        hold(target)
        if target.is_dir() and path.resolve() == target:
            return target, ox.Store.read_only(str(target))
    raise StoreMissingError(f"no store at {path}: run `eukg build` first (or pass --store)")


def open_store(location: Path | str | None = None, read_only: bool = True,
               in_memory: bool | None = False) -> ox.Store:
    """Open the built store at ``location`` (default: :func:`kg.paths.default_store_path`) for reading.

    Parameters
    ----------
    location : path, optional
        The store's location.
    read_only : bool
        Must be True: the store changes only through the one writer (:mod:`kg.store.writer`).
    in_memory : bool or None
        Return an in-memory copy (:func:`kg.store.memory.in_memory_copy`) instead of the store on
        disk: its queries run 2–3.5× faster, which repays the copy when several queries follow
        (notebooks, analytics). None copies when :func:`kg.store.memory.fits_in_memory` says so.

    Raises
    ------
    StoreMissingError
        When no store has been built there.
    ValueError
        When the store is asked for writing: every change goes through :class:`kg.store.writer.Writer`.
    KgError
        When an in-memory copy is asked for and the system has not got the RAM it needs.
    """
    if not read_only:
        raise ValueError("the store is written only through kg.store.writer.Writer (eukg build, ingest, remove)")
    path, store = open_snapshot(location)
    if in_memory is False:
        return store
    quads = len(store)
    if in_memory is None:
        return memory.in_memory_copy(store) if memory.fits_in_memory(quads) else store
    available, size = memory.available_memory(), memory.size_text
    if available is not None and quads * memory.IN_MEMORY_BYTES_PER_QUAD > available:
        raise KgError(f"an in-memory copy of the store at {resolve_location(location)} ({quads:,} quads) needs "
                      f"about {size(quads * memory.IN_MEMORY_BYTES_PER_QUAD)} of RAM and {size(available)} "
                      "are available: read it on disk (--on-disk)")
    return memory.in_memory_copy(store)
