"""Wall and CPU seconds of a measured piece of work, shared by the benchmark scripts."""

from __future__ import annotations

import resource
import time


def cpu_now() -> float:
    """CPU seconds of this process (all its threads) and of its finished children (spawned workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Clock:
    """Wall and CPU seconds since it was made. The machine is shared: CPU seconds show the work done,
    which is what a quiet machine's wall time approaches (parallel steps excepted)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), cpu_now()

    def read(self) -> dict[str, float]:
        return {"seconds": time.perf_counter() - self.wall, "cpu_seconds": cpu_now() - self.cpu}
