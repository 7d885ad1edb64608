"""Sub-commands of ``eukg`` contributed by the package's areas.

Each module here defines ``register(app: typer.Typer) -> None`` and adds its commands (ingest,
resolve, analyze, serve, push, release …) to the root app, so areas never edit ``kg/cli.py``.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register_all(app: typer.Typer) -> None:
    """Import every module of this package and let it register its commands on ``app``."""
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)
