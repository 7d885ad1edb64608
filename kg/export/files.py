"""Release files: each written once, streamed to disk, with a deterministic gzip copy, its size and SHA-256.

A gzip member normally records the time and the original file name; both are left out (``mtime=0``,
empty name), so the same content always compresses to the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_LEVEL = 6


@dataclass(frozen=True)
class FileInfo:
    """A written file: its path, size in bytes and SHA-256 (hex)."""

    path: Path
    byte_size: int
    sha256: str


class _Sink:
    """A binary writer that sends every chunk to a file, an optional gzip stream and a hash."""

    def __init__(self, plain: BinaryIO, compressed: BinaryIO | None) -> None:
        self.plain = plain
        self.compressed = compressed
        self.size = 0
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.plain.write(data)
        if self.compressed is not None:
            self.compressed.write(data)
        self.digest.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self.plain.flush()


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
    with path.open("wb") as plain:
        if gzipped:
            with gz_path.open("wb") as raw, gzip.GzipFile(
                filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=level
            ) as compressed:
                sink = _Sink(plain, compressed)
                produce(sink)
        else:
            sink = _Sink(plain, None)
            produce(sink)
    written = [FileInfo(path, sink.size, sink.digest.hexdigest())]
    if gzipped:
        written.append(file_info(gz_path))
    return written


def write_bytes(path: Path, data: bytes, gzipped: bool = False) -> list[FileInfo]:
    """Write ``data`` to ``path`` (and a deterministic ``path.gz``); return what was written."""
    return write(path, lambda writer: writer.write(data), gzipped=gzipped)
