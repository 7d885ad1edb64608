"""Files written whole or not at all: a hidden temporary file, flushed to disk, renamed over the target.

A reader of ``target`` sees the old content or the new one, never a part, and after a power loss the
rename is on disk too (the folder is flushed as well). The store's writer keeps source files this way
(:mod:`kg.store.writer`), the stored answers of :mod:`kg.sparql.stored` too. Standard library only: the
fast path of ``eukg query`` imports it.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["fsync_dir", "write_atomically"]


def fsync_dir(folder: Path) -> None:
    """Flush ``folder``'s entries to disk, so that a rename or a deletion in it survives a power loss."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a hidden temporary file, fsync'd, then renamed over it.

    Raises
    ------
    OSError
        When the folder cannot be made or written; its ``filename`` is ``target``, and no temporary
        file is left behind.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomically(folder / "a" / "b.txt", b"whole")
    >>> (folder / "a" / "b.txt").read_bytes(), sorted(p.name for p in (folder / "a").iterdir())
    (b'whole', ['b.txt'])
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        error.filename = str(target)
        raise
