"""Run ``eukg`` on mimalloc instead of the C library's malloc.

perf on a 1M-quad bulk load showed about a third of the CPU in glibc's malloc and free
(``_int_free``, ``unlink_chunk``, ``malloc_consolidate``): pyoxigraph's loader sorts millions of
small keys and frees them again, and RocksDB does the same while it reads. With mimalloc
preloaded, the build at 1M took 25-30 % less time and the contract queries 25-35 % less, at
about the same peak memory (1.01 against 0.99 GB at 1M; 3.8 against 3.4 GB for the 10M build;
docs/scale.md, "The allocator"; figures in docs/performance.md).

A process keeps the allocator it started with, so the ``eukg`` console script starts itself once
more with mimalloc in ``LD_PRELOAD`` (:func:`relaunch_on_mimalloc`), and the benchmark harness
starts the project's steps the same way (:func:`environment`). mimalloc comes from the
``cmeel-mimalloc`` wheel on Linux; elsewhere, or with ``EUKG_ALLOCATOR=system``, everything runs on
the system allocator, only slower.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

#: ``system`` keeps the C library's allocator; anything else (or unset) uses mimalloc where it is installed.
SWITCH = "EUKG_ALLOCATOR"
#: Set in the environment of the relaunched process, so that a library the loader refuses cannot
#: make ``eukg`` start itself over and over.
RELAUNCHED = "EUKG_ALLOCATOR_RELAUNCHED"
DISTRIBUTION = "cmeel-mimalloc"


def mimalloc_library() -> Path | None:
    """Return the path of the mimalloc shared library installed with the package, or None.

    None on systems other than Linux (``LD_PRELOAD`` is how Linux's loader replaces malloc) and
    when the ``cmeel-mimalloc`` wheel is not installed.
    """
    if not sys.platform.startswith("linux"):
        return None
    # Imported here, not at the top: importlib.metadata takes tens of milliseconds, and every ``eukg``
    # command imports this module twice (before and after the relaunch), the second time without needing it.
    from importlib import metadata

    try:
        files = metadata.distribution(DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.name.startswith("libmimalloc.so"):
            path = Path(str(file.locate()))
            if path.is_file():
                return path.resolve()
    return None


def in_use() -> str:
    """Return ``"mimalloc"`` when this process runs on mimalloc, else ``"system"``."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return "mimalloc" if any("libmimalloc" in line for line in maps) else "system"
    except OSError:
        return "system"


def wanted(env: Mapping[str, str] = os.environ) -> bool:
    """Return whether ``env`` asks for mimalloc (the default) rather than the system allocator."""
    return env.get(SWITCH, "mimalloc").strip().lower() != "system"


def environment(env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Return a copy of ``env`` under which a new process starts on mimalloc.

    ``env`` comes back unchanged when mimalloc is not installed or ``EUKG_ALLOCATOR=system``.
    Libraries already in ``LD_PRELOAD`` stay, after mimalloc.
    """
    new = dict(env)
    library = mimalloc_library()
    if library is None or not wanted(env):
        return new
    preload = [entry for entry in new.get("LD_PRELOAD", "").split() if entry and Path(entry).name != library.name]
    new["LD_PRELOAD"] = " ".join([str(library), *preload])
    return new


def system_environment(env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Return a copy of ``env`` under which a new process starts on the system allocator."""
    new = dict(env)
    preload = [entry for entry in new.get("LD_PRELOAD", "").split() if "libmimalloc" not in Path(entry).name]
    if preload:
        new["LD_PRELOAD"] = " ".join(preload)
    else:
        new.pop("LD_PRELOAD", None)
    new[SWITCH] = "system"
    return new


def relaunch_on_mimalloc() -> None:
    """Replace this process by the same command on mimalloc, once; return when that is not needed.

    Nothing happens when the process already runs on mimalloc, was relaunched before, is asked to
    keep the system allocator, or has no mimalloc library to load.
    """
    if os.environ.get(RELAUNCHED) or not wanted() or in_use() == "mimalloc":
        return
    new = environment()
    if new.get("LD_PRELOAD") == os.environ.get("LD_PRELOAD"):
        return
    new[RELAUNCHED] = "1"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, sys.orig_argv, new)
