"""Release files: each written once, streamed to disk, with a deterministic gzip copy, its size and SHA-256.

A gzip member normally records the time and the original file name; both are left out (``mtime=0``,
empty name), so the same content always compresses to the same bytes.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_LEVEL = 6
CHUNK = 1 << 20
"""Bytes gathered before a chunk is handed to the writing thread."""
QUEUED_CHUNKS = 16


@dataclass(frozen=True)
class FileInfo:
    """A written file: its path, size in bytes and SHA-256 (hex)."""

    path: Path
    byte_size: int
    sha256: str


class _Sink:
    """A binary writer that sends every chunk to a file, an optional gzip stream and a hash, on a second thread.

    Writes are gathered into chunks of :data:`CHUNK` bytes and handed over a bounded queue to a thread
    that writes, compresses and hashes them; zlib, hashlib and file writes release the GIL, so that
    work runs on another core while the serialiser goes on. :meth:`close` waits for the thread and
    raises what it raised.
    """

    def __init__(self, plain: BinaryIO, compressed: BinaryIO | None) -> None:
        self.plain = plain
        self.compressed = compressed
        self.size = 0
        self.digest = hashlib.sha256()
        self._buffer = bytearray()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUED_CHUNKS)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._drain, name="release-sink", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is not None:
                continue  # keep emptying the queue so that the writer is never blocked
            try:
                self.plain.write(chunk)
                if self.compressed is not None:
                    self.compressed.write(chunk)
                self.digest.update(chunk)
                self.size += len(chunk)
            except BaseException as error:  # noqa: BLE001 - raised again by close()
                self._error = error

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= CHUNK:
            self._queue.put(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def flush(self) -> None:
        """Nothing to do: :meth:`close` writes what is left."""

    def close(self) -> None:
        """Hand over the last chunk, wait for the thread, and raise its error if it had one."""
        if self._buffer:
            self._queue.put(bytes(self._buffer))
            self._buffer.clear()
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


def file_info(path: Path) -> FileInfo:
    """Return the size and SHA-256 of an existing file."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return FileInfo(path, path.stat().st_size, digest.hexdigest())


def write(path: Path, produce: Callable[[BinaryIO], None], gzipped: bool = True,
          level: int = GZIP_LEVEL) -> list[FileInfo]:
    """Write ``path`` (and ``path.gz`` when ``gzipped``) with ``produce(writer)``; return what was written.

    ``produce`` receives a binary writer and writes the content in as many chunks as it likes; the content
    is never held in memory as a whole.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> plain, packed = write(folder / "a.txt", lambda w: w.write(b"hello\\n"))
    >>> plain.byte_size, gzip.decompress(packed.path.read_bytes())
    (6, b'hello\\n')
    >>> packed.sha256 == write(folder / "b.txt", lambda w: w.write(b"hello\\n"))[1].sha256
    True
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    gz_path = path.with_name(path.name + ".gz")
    with path.open("wb") as plain, contextlib.ExitStack() as stack:
        compressed = None
        if gzipped:
            raw = stack.enter_context(gz_path.open("wb"))
            compressed = stack.enter_context(
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=level))
        sink = _Sink(plain, compressed)
        try:
            produce(sink)
        finally:
            sink.close()
    written = [FileInfo(path, sink.size, sink.digest.hexdigest())]
    if gzipped:
        written.append(file_info(gz_path))
    return written


def write_bytes(path: Path, data: bytes, gzipped: bool = False) -> list[FileInfo]:
    """Write ``data`` to ``path`` (and a deterministic ``path.gz``); return what was written."""
    return write(path, lambda writer: writer.write(data), gzipped=gzipped)
