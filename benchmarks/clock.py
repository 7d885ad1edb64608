"""Wall and CPU seconds of a measured piece of work, shared by the benchmark scripts."""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path


def cpu_now() -> float:
    """CPU seconds of this process (all its threads) and of its finished children (spawned workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Clock:
    """Wall and CPU seconds since it was made. The machine is shared: CPU seconds show the work done,
    which is what a quiet machine's wall time approaches (parallel steps excepted)."""

    def __init__(self) -> None:
        self.wall, self.cpu, self.times = time.perf_counter(), cpu_now(), os.times()

    def read(self) -> dict[str, float]:
        return {"seconds": time.perf_counter() - self.wall, "cpu_seconds": cpu_now() - self.cpu}

    def read_apart(self) -> dict[str, float]:
        """Wall seconds, this process's CPU seconds and its finished children's apart, and the load average."""
        after = os.times()
        return {"seconds": round(time.perf_counter() - self.wall, 3),
                "cpu_seconds": round(after.user + after.system - self.times.user - self.times.system, 3),
                "children_cpu_seconds": round(after.children_user + after.children_system
                                              - self.times.children_user - self.times.children_system, 3),
                "load": round(os.getloadavg()[0], 2)}

    def mark(self, path: Path, what: str) -> None:
        """Write when ``what`` started, so that a parent that stops this process at its cap can still
        say how long the work had run (:func:`stopped_after`)."""
        path.write_text(json.dumps({"what": what, "epoch": time.time() - (time.perf_counter() - self.wall),
                                    "cpu": self.cpu}))


def process_cpu(pid: int) -> float:
    """CPU seconds used so far by the running process ``pid`` (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of proc(5); the split starts at field 3.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stopped_after(mark: Path, pid: int) -> dict[str, object] | None:
    """What the process ``pid`` was measuring when it is stopped, and for how long, from its
    :meth:`Clock.mark`: lower bounds of that work's wall and CPU seconds. None without a mark."""
    if not mark.exists():
        return None
    started = json.loads(mark.read_text())
    return {"what": started["what"], "seconds": time.time() - started["epoch"],
            "cpu_seconds": process_cpu(pid) - started["cpu"]}
