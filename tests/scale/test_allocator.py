"""``eukg`` starts itself on mimalloc where the wheel is installed (kg.build.allocator); nothing else changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import allocator

ROOT = Path(__file__).resolve().parents[2]

needs_mimalloc = pytest.mark.skipif(allocator.mimalloc_library() is None,
                                    reason="mimalloc is only installed on Linux (cmeel-mimalloc)")


def _eukg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the command line as the console script does (``python -m kg`` has the same entry point)."""
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env if env is not None else dict(os.environ), timeout=300, check=False)


def _plain_environment() -> dict[str, str]:
    env = allocator.system_environment()
    env.pop(allocator.SWITCH)
    return env


@needs_mimalloc
def test_the_library_is_a_shared_object_of_the_installed_wheel() -> None:
    library = allocator.mimalloc_library()
    assert library is not None and library.name.startswith("libmimalloc.so")
    assert library.read_bytes()[:4] == b"\x7fELF"


@needs_mimalloc
def test_eukg_relaunches_itself_on_mimalloc() -> None:
    run = _eukg("allocator", env=_plain_environment())
    assert run.returncode == 0, run.stderr
    assert "this process runs on: mimalloc" in run.stdout


@needs_mimalloc
def test_eukg_allocator_system_keeps_the_c_library_malloc() -> None:
    run = _eukg("allocator", env={**_plain_environment(), allocator.SWITCH: "system"})
    assert run.returncode == 0, run.stderr
    assert "this process runs on: system" in run.stdout


def test_a_relaunched_process_does_not_relaunch_again() -> None:
    # As after a relaunch whose preload the loader refused: the process goes on, on the system malloc.
    run = _eukg("allocator", env={**_plain_environment(), allocator.RELAUNCHED: "1"})
    assert run.returncode == 0, run.stderr
    assert "this process runs on: system" in run.stdout


@needs_mimalloc
def test_library_option_prints_a_path_for_ld_preload() -> None:
    run = _eukg("allocator", "--library")
    assert run.returncode == 0, run.stderr
    assert Path(run.stdout.strip()) == allocator.mimalloc_library()


def test_library_option_fails_plainly_without_mimalloc(monkeypatch) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    monkeypatch.setattr(allocator, "mimalloc_library", lambda: None)
    result = CliRunner().invoke(app, ["allocator", "--library"])
    assert result.exit_code == 1
    assert "mimalloc is not installed" in result.output


@needs_mimalloc
def test_environment_puts_mimalloc_first_and_keeps_other_preloads() -> None:
    library = str(allocator.mimalloc_library())
    env = allocator.environment({"LD_PRELOAD": "/opt/other.so", "PATH": "/bin"})
    assert env["LD_PRELOAD"].split() == [library, "/opt/other.so"]
    assert env["PATH"] == "/bin"
    # Asked twice, mimalloc is not preloaded twice.
    assert allocator.environment(env)["LD_PRELOAD"].split() == [library, "/opt/other.so"]


def test_environment_leaves_the_system_allocator_when_asked() -> None:
    env = {"EUKG_ALLOCATOR": "system", "LD_PRELOAD": "/opt/other.so"}
    assert allocator.environment(env) == env


def test_system_environment_removes_only_mimalloc() -> None:
    env = allocator.system_environment({"LD_PRELOAD": "/x/libmimalloc.so.3 /opt/other.so"})
    assert env["LD_PRELOAD"] == "/opt/other.so" and env[allocator.SWITCH] == "system"
    assert "LD_PRELOAD" not in allocator.system_environment({"LD_PRELOAD": "/x/libmimalloc.so"})


def test_without_mimalloc_there_is_nothing_to_preload(monkeypatch) -> None:
    monkeypatch.setattr(allocator, "mimalloc_library", lambda: None)
    assert allocator.environment({"PATH": "/bin"}) == {"PATH": "/bin"}


@needs_mimalloc
def test_a_bulk_load_on_mimalloc_stores_the_same_quads(tmp_path: Path) -> None:
    data = tmp_path / "data.nq"
    data.write_text("".join(
        f'<https://example.org/s{i}> <https://example.org/p> "value {i}"@en <https://example.org/g{i % 3}> .\n'
        for i in range(5000)), encoding="utf-8")
    script = ("import sys, pyoxigraph as ox\nfrom kg.build.allocator import in_use\n"
              "s = ox.Store(sys.argv[2]); s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)\n"
              "s.optimize(); s.flush(); print(in_use(), len(s))\n")
    run = subprocess.run([sys.executable, "-c", script, str(data), str(tmp_path / "store")], cwd=ROOT,
                         capture_output=True, text=True, env=allocator.environment(), timeout=300, check=True)
    assert run.stdout.split() == ["mimalloc", "5000"]
    here = ox.Store()
    here.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    there = ox.Store.read_only(str(tmp_path / "store"))
    assert set(there) == set(here)
