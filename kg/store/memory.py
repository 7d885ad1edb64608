"""In-memory copies of the store: when they pay, whether the RAM holds them, and making them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

__all__ = ["IN_MEMORY_BYTES_PER_QUAD", "IN_MEMORY_MAX_QUADS", "available_memory", "copy_quads", "fits_in_memory",
           "in_memory_copy", "size_text"]

#: The largest store :func:`open_store` copies into memory when asked to decide (``in_memory=None``):
#: a copy takes about 0.7 GB of RAM and 6.5 s per million quads on a 2-core machine.
IN_MEMORY_MAX_QUADS = 4_000_000
#: RAM an in-memory copy takes per quad (peak RSS of a 1,020,985-quad copy: 709-779 MB).
IN_MEMORY_BYTES_PER_QUAD = 750


def available_memory() -> int | None:
    """Bytes of RAM the system can still give (``MemAvailable``), or None where that is unknown."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def fits_in_memory(quads: int, copies: int = 1) -> bool:
    """Whether ``copies`` in-memory copies of a store of ``quads`` quads should be made by default:
    together at most :data:`IN_MEMORY_MAX_QUADS` quads, and at most half of the RAM still available."""
    available = available_memory()
    needed = quads * copies * IN_MEMORY_BYTES_PER_QUAD
    return quads * copies <= IN_MEMORY_MAX_QUADS and (available is None or needed <= available // 2)


def size_text(size: int) -> str:
    """Return a byte count as MB or GB."""
    return f"{size / 1e9:.1f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def copy_quads(source: ox.Store, target: ox.Store) -> ox.Store:
    """Copy every quad of ``source`` into ``target``, empty named graphs included; return ``target``."""
    target.bulk_extend(source.quads_for_pattern(None, None, None, None))
    for graph in source.named_graphs():
        target.add_graph(graph)
    return target


def in_memory_copy(store: ox.Store) -> ox.Store:
    """Return a copy of ``store`` held in memory.

    Queries on the store on disk spend most of their time in RocksDB's look-ups (every term is
    stored by the hash of its text, so a join or an ORDER BY reads the texts back one by one). On the
    in-memory copy the same queries gave the same rows 2–3.5× faster at 1M quads (the contract
    queries; docs/scale.md, "Reading: an in-memory copy"). The copy takes about 6.5 s and 0.7 GB per million quads.
    """
    return copy_quads(store, ox.Store())


