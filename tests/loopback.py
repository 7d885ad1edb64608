"""Servers the tests start on loopback: a free port, and a real Oxigraph server (``pip install oxigraph``)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float, what: str) -> None:
    """Wait until something listens on ``port`` of 127.0.0.1; fail the test after ``seconds``."""
    for _ in range(round(seconds * 10)):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{what} did not start within {seconds:.0f} s")


@contextmanager
def oxigraph_serve(location: Path, union_default_graph: bool = True) -> Iterator[str]:
    """Run ``oxigraph serve`` on a store at ``location`` and yield its base URL; skip when it is not installed."""
    if not Path(OXIGRAPH).exists():
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    command = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, 10, "the Oxigraph server")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
