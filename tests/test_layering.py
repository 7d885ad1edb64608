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


def test_the_one_import_by_name_is_the_derived_graphs_registry() -> None:
    """kg.store.derived names its plugins as "module:function" (declared in pyproject's contract); each
    resolves to a function of a layer above the store, and no other module of kg imports by name."""
    import importlib

    from kg.store import derived

    names = [name for kind in derived.KINDS.values() for name in (kind.compute, kind.update) if name]
    for name in names:
        module, function = name.split(":")
        assert module.split(".")[1] in {"analytics", "resolve"}, name
        assert callable(getattr(importlib.import_module(module), function)), name
    by_name = [path.relative_to(ROOT).as_posix() for path in (ROOT / "kg").rglob("*.py")
               if "import_module(" in path.read_text(encoding="utf-8")]
    assert by_name == ["kg/store/derived.py"]
