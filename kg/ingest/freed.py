"""Memory a long import has freed, given back to the system.

An allocator keeps the pages a process frees, to hand them out again. In a long table import the
freed pieces (SQLite's pages, the batches sent to the statement writer, large dictionaries and
strings) are scattered and new requests do not always fit them, so the heap, and the process's
resident memory, grows with the table while what is in use stays flat (docs/ingest.md, "Streaming,
in constant memory"). :func:`give_back` asks the allocator the process runs on to return its free
pages: mimalloc's ``mi_collect`` (``eukg`` runs on mimalloc: :mod:`kg.build.allocator`), else glibc's
``malloc_trim``; it does nothing where there is neither (macOS, musl).

>>> give_back() in ("mimalloc", "glibc", None)
True
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from functools import cache

__all__ = ["give_back"]


@cache
def _release() -> tuple[str, Callable[[], object]] | None:
    """The allocator of this process and its call that returns free pages, or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        process = ctypes.CDLL(None)  # the symbols of the process: the C library and a preloaded mimalloc
    except OSError:
        return None
    collect = getattr(process, "mi_collect", None)
    if collect is not None:
        collect.argtypes, collect.restype = [ctypes.c_bool], None
        return "mimalloc", lambda: collect(True)
    trim = getattr(process, "malloc_trim", None)
    if trim is not None:
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
        return "glibc", lambda: trim(0)
    return None


def give_back() -> str | None:
    """Return the allocator's free pages to the system; return the allocator (``mimalloc``, ``glibc``) or None."""
    found = _release()
    if found is None:
        return None
    found[1]()
    return found[0]
