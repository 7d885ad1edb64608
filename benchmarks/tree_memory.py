"""Peak memory of a process and the processes it starts (forked helpers, child processes), sampled from /proc.

``resource.getrusage`` gives a process's own peak, and its children's only as the largest one's once
they have ended; an import whose helpers run beside it needs the sum. :class:`TreeMemory` samples,
in a thread, the resident and proportional set sizes (RSS, PSS: a page shared by a forked helper and
its parent counted half in each) of this process and its descendants, and keeps the peaks of their
sums and a few samples along the way.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

__all__ = ["TreeMemory"]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    todo, found = [pid], []
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


def _kib(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class TreeMemory:
    """Samples the memory of the process ``pid`` (default: this one) and its descendants every ``interval`` s.

    Use as a context manager; then :attr:`peak_rss_mb` and :attr:`peak_pss_mb` are the peaks of the
    sums over the tree, :attr:`peak_processes` the most processes seen at once, and :attr:`samples`
    (elapsed s, progress, tree RSS MB, tree PSS MB, each process's RSS MB) one sample in ``every``.
    """

    def __init__(self, pid: int | None = None, interval: float = 0.2, every: int = 25) -> None:
        self.pid = pid or os.getpid()
        self.interval, self.every = interval, every
        self.peak_rss_mb = self.peak_pss_mb = 0.0
        self.peak_processes = 0
        self.samples: list[tuple] = []
        self.progress = 0  # set by the caller (rows done), recorded with the samples
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._start = time.perf_counter()

    def sample(self) -> tuple[float, float, list[int]]:
        """Take one sample; return (tree RSS MB, tree PSS MB, each process's RSS MB, this one's first)."""
        pids = _tree(self.pid)
        each = [_kib(f"/proc/{pid}/status", "VmRSS:") / 1024 for pid in pids]
        rss = sum(each)
        pss = sum(_kib(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in pids) / 1024
        self.peak_rss_mb, self.peak_pss_mb = max(self.peak_rss_mb, rss), max(self.peak_pss_mb, pss)
        self.peak_processes = max(self.peak_processes, len(pids))
        return rss, pss, [round(mb) for mb in each]

    def _run(self) -> None:
        count = 0
        while not self._stop.wait(self.interval):
            rss, pss, each = self.sample()
            if count % self.every == 0:
                self.samples.append((round(time.perf_counter() - self._start, 1), self.progress, round(rss), round(pss),
                                     each))
            count += 1

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
