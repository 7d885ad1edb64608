"""Snapshots of the store: immutable store directories behind one symbolic link.

A store location ``L`` is a symbolic link to a directory ``.L-STAMP-PID-NS`` beside it. A writer
makes a new directory (a fresh build, or a RocksDB checkpoint of the current one: hard links, cheap),
changes it, and :func:`swap_in` replaces the link in one atomic rename. A snapshot is never written
once the link points at it, so every reader sees one consistent state.

A snapshot directory is thus the store's generation: each write makes a new one. What readers keep
beside RocksDB's files in a snapshot (the stored answers of :mod:`kg.sparql.stored`, computed from
that snapshot's data) belongs to that generation only: a checkpoint copies RocksDB's files, nothing
else, so the next snapshot starts without them.

Readers mark the snapshot they opened with a shared ``flock`` on a file named after it in ``.eukg-readers/``
(:func:`hold`). A snapshot is deleted only when it is not current and nobody holds it
(:func:`collect_garbage`, run by the writer): a server or notebook that opened the store before a
build goes on reading its snapshot until it moves to the new one.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path

from kg.files import fsync_dir
from kg.paths import default_store_path

__all__ = ["collect_garbage", "current_snapshot", "discard", "fsync_dir", "hold", "new_store_dir", "release",
           "resolve_location", "swap_in"]

_READERS = ".eukg-readers"
# Snapshot directory -> the open file whose shared lock marks it as read by this process.
_held: dict[str, int] = {}


def resolve_location(location: Path | str | None) -> Path:
    """Return ``location`` as a path, or the default store path when it is None."""
    return Path(location).expanduser() if location is not None else default_store_path()


def current_snapshot(location: Path | str | None = None) -> Path | None:
    """Return the snapshot directory the store location points at, or None when there is no store."""
    path = resolve_location(location)
    return path.resolve() if path.exists() else None


def _mark(snapshot: Path) -> Path:
    """The file whose shared locks mark ``snapshot`` as read: ``.eukg-readers/SNAPSHOT`` beside it."""
    folder = snapshot.parent / _READERS
    folder.mkdir(exist_ok=True)
    return folder / snapshot.name


def hold(snapshot: Path) -> None:
    """Mark ``snapshot`` as read by this process (a shared lock) so no writer deletes it meanwhile."""
    key = str(snapshot)
    if key in _held:
        return
    fd = os.open(_mark(snapshot), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_SH)
    _held[key] = fd


def release(snapshot: Path | str) -> None:
    """Drop this process's mark on ``snapshot`` (its store must be closed or no longer used)."""
    fd = _held.pop(str(snapshot), None)
    if fd is not None:
        os.close(fd)


def _unused(snapshot: Path) -> bool:
    """Whether no process holds ``snapshot`` (tried with a non-blocking exclusive lock)."""
    mark = _mark(snapshot)
    try:
        fd = os.open(mark, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    os.close(fd)
    return True


def collect_garbage(location: Path | str | None = None) -> list[Path]:
    """Delete the snapshots beside ``location`` that are not current and that no process reads.

    Only a writer calls this, under the writer lock (:mod:`kg.store.lock`), so no other snapshot is
    being built: directories left by a killed build go too.
    """
    path = resolve_location(location)
    current = current_snapshot(path)
    removed = []
    for candidate in sorted(path.parent.glob(f".{path.name}-*")):
        if not candidate.is_dir() or candidate == current:
            continue
        if _unused(candidate):
            shutil.rmtree(candidate, ignore_errors=True)
            _mark(candidate).unlink(missing_ok=True)
            removed.append(candidate)
    for mark in (path.parent / _READERS).glob(f".{path.name}-*"):
        if not (path.parent / mark.name).exists():
            mark.unlink(missing_ok=True)
    return removed


def new_store_dir(location: Path | str | None = None, create: bool = True) -> Path:
    """Return a fresh directory beside ``location`` for a snapshot being made (made unless ``create`` is False)."""
    path = resolve_location(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    new_dir = path.parent / f".{path.name}-{stamp}-{os.getpid()}-{time.monotonic_ns()}"
    if create:
        new_dir.mkdir()
    return new_dir


def swap_in(new_dir: Path, location: Path | str | None = None) -> Path:
    """Point ``location`` at ``new_dir`` atomically; the previous snapshot stays until nobody reads it."""
    path = resolve_location(location)
    if path.exists() and not path.is_symlink():
        # A store directory from before links were used: move it aside so the link can take its name.
        path.rename(path.parent / f".{path.name}-legacy-{os.getpid()}-{time.monotonic_ns()}")
    link = path.parent / f".{path.name}.link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    link.symlink_to(new_dir.name)
    os.replace(link, path)
    fsync_dir(path.parent)
    collect_garbage(path)
    return path


def discard(new_dir: Path) -> None:
    """Delete a snapshot directory whose making failed."""
    shutil.rmtree(new_dir, ignore_errors=True)
    _mark(new_dir).unlink(missing_ok=True)
