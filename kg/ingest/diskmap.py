"""What a table import remembers about each project and organisation, on disk, so memory stays constant.

A table of a million rows names hundreds of thousands of projects and organisations, and the
import must remember each one: its IRI, whether its description was written, the single-valued
facts earlier rows gave (to report a row that contradicts them). :class:`DiskMap` keeps those in a
temporary SQLite file (the standard library's ``sqlite3``) whose page cache is bounded, so the
import's memory does not grow with the table.

>>> import tempfile
>>> memory = DiskMap(Path(tempfile.mkdtemp()) / "m.sqlite")
>>> memory.put("project", "https://example.org/p", ("https://example.org/p", True))
>>> memory.get("project", "https://example.org/p")
('https://example.org/p', True)
>>> memory.get("project", "missing", "default")
'default'
>>> memory.add("seen", "a"), memory.add("seen", "a"), memory.count("seen")
(True, False, 1)
>>> memory.add_new("seen", "b"); sorted(memory.keys("seen")), memory.count("seen")
(['a', 'b'], 2)
>>> memory.close(); memory.path.unlink()
"""

from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

__all__ = ["DiskMap"]

_CACHE_KIB = 32 * 1024  # SQLite's page cache
_RECENT = 200_000  # entries kept in memory, in front of the file (a table names its resources close together)
_ABSENT = object()  # a deleted entry, not yet deleted in the file
_BITS = 1 << 27  # of the filter that tells which keys were ever written to the file (16 MB)


class DiskMap:
    """Key → value maps in named spaces, in a SQLite file at ``path`` (created; the caller deletes it).

    Values are plain Python values (``marshal``: strings, numbers, tuples, lists, dicts); keys are
    strings. The most recently written entries (at most ``recent``) are held in memory and written to
    the file in batches when more come, and by :meth:`close`. The file is a scratch pad of one
    import, never shared: it has no journal.
    """

    def __init__(self, path: Path, recent: int = _RECENT) -> None:
        self.path = path
        self._db = sqlite3.connect(path)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", f"cache_size=-{_CACHE_KIB}"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("CREATE TABLE IF NOT EXISTS entry (space TEXT, key TEXT, value BLOB, "
                         "PRIMARY KEY (space, key)) WITHOUT ROWID")
        self._counts: dict[str, int] = {}
        self._recent: dict[tuple[str, str], Any] = {}
        self._limit = recent
        # A Bloom filter (two bits per key) of the keys written to the file: a key it has not seen is not
        # looked up there, so new keys (most of a table's) cost no query.
        self._written = bytearray(_BITS // 8)
        self._flushed = False

    def _read(self, space: str, key: str) -> Any:
        found = self._recent.get((space, key), self)
        if found is not self:
            return found
        if not self._flushed or not self._maybe_written(space, key):
            return _ABSENT
        row = self._db.execute("SELECT value FROM entry WHERE space = ? AND key = ?", (space, key)).fetchone()
        return _ABSENT if row is None else (None if row[0] is None else marshal.loads(row[0]))

    def _write(self, space: str, key: str, value: Any) -> None:
        self._recent[(space, key)] = value
        if len(self._recent) > self._limit:
            self._flush(len(self._recent) // 2)

    @staticmethod
    def _bits(space: str, key: str) -> tuple[int, int]:
        code = hash((space, key)) & 0xFFFFFFFFFFFFFFFF
        return code % _BITS, (code >> 32) % _BITS

    def _maybe_written(self, space: str, key: str) -> bool:
        first, second = self._bits(space, key)
        return bool(self._written[first >> 3] & (1 << (first & 7)) and self._written[second >> 3] & (1 << (second & 7)))

    def _flush(self, count: int | None = None, space: str | None = None) -> None:
        """Write the ``count`` oldest recent entries (all by default; those of ``space`` only, when given) to the file.

        They are written in key order, which SQLite's B-tree takes in faster than the order they came in.
        """
        if space is not None:
            keys = [key for key in self._recent if key[0] == space]
        else:
            keys = list(islice(self._recent, count)) if count is not None else list(self._recent)
        entries = sorted((key, self._recent.pop(key)) for key in keys)
        self._flushed = self._flushed or bool(entries)
        for key, _value in entries:
            for bit in self._bits(*key):
                self._written[bit >> 3] |= 1 << (bit & 7)
        self._db.executemany("DELETE FROM entry WHERE space = ? AND key = ?",
                             [key for key, value in entries if value is _ABSENT])
        self._db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)",
                             [(*key, None if value is None else marshal.dumps(value))
                              for key, value in entries if value is not _ABSENT])

    def get(self, space: str, key: str, default: Any = None) -> Any:
        """Return the value of ``key`` in ``space``, or ``default``."""
        found = self._read(space, key)
        return default if found is _ABSENT else found

    def __contains__(self, item: tuple[str, str]) -> bool:
        """Whether ``(space, key)`` has a value."""
        return self._read(*item) is not _ABSENT

    def put(self, space: str, key: str, value: Any) -> None:
        """Set the value of ``key`` in ``space`` (not None: None marks the members of a set)."""
        self._write(space, key, value)

    def add(self, space: str, key: str) -> bool:
        """Put ``key`` in the set ``space``; return True when it was not there."""
        if self._read(space, key) is not _ABSENT:
            return False
        self._write(space, key, None)
        self._counts[space] = self._counts.get(space, 0) + 1
        return True

    def add_new(self, space: str, key: str) -> None:
        """Put ``key``, which the caller knows is not there yet, in the set ``space`` (no look-up)."""
        self._write(space, key, None)
        self._counts[space] = self._counts.get(space, 0) + 1

    def count(self, space: str) -> int:
        """The number of keys :meth:`add` put in ``space``."""
        return self._counts.get(space, 0)

    def delete(self, space: str, key: str) -> None:
        """Remove ``key`` from ``space`` (nothing happens when it is not there)."""
        if self._read(space, key) is not _ABSENT:
            self._write(space, key, _ABSENT)

    def items(self, space: str) -> Iterator[tuple[str, Any]]:
        """Yield (key, value) of ``space``, in key order, read in pages (the space may be large)."""
        self._flush(space=space)
        after = ""
        while True:
            rows = self._db.execute("SELECT key, value FROM entry WHERE space = ? AND key > ? ORDER BY key "
                                    "LIMIT 10000", (space, after)).fetchall()
            if not rows:
                return
            for key, value in rows:
                yield key, None if value is None else marshal.loads(value)
            after = rows[-1][0]

    def keys(self, space: str) -> set[str]:
        """Return the keys of ``space`` as a set (for small maps and tests)."""
        return {key for key, _ in self.items(space)}

    def close(self, keep: Iterable[str] | None = None) -> None:
        """Write what is pending and close the file (it stays on disk).

        With ``keep``, only the pending entries of those spaces are written: the others are not read again.
        """
        if keep is None:
            self._flush()
        for space in keep or ():
            self._flush(space=space)
        self._db.commit()
        self._db.close()
