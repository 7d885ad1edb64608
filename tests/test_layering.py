"""The package keeps its flow: the import-linter contracts of pyproject.toml hold (no layer imports one above
it, no import cycle inside any package of kg)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("importlinter", reason="import-linter is in the test extra: pip install -e '.[test]'")


def test_import_contracts_hold() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command as main; "
         "sys.argv = ['lint-imports', '--no-cache']; main()"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_commands_are_imported_explicitly() -> None:
    """``eukg``'s sub-command modules are named in kg.commands.MODULES, not found by name at run time."""
    import pkgutil

    import kg.commands

    found = {m.name for m in pkgutil.iter_modules(kg.commands.__path__)} - {"options"}
    assert {m.__name__.rsplit(".", 1)[-1] for m in kg.commands.MODULES} == found
