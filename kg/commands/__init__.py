"""Sub-commands of ``eukg`` contributed by the package's areas.

Each module here defines ``register(app: typer.Typer) -> None`` and adds its commands (ingest,
resolve, analyze, serve, push, release …) to the root app, so areas never edit ``kg/cli.py``.
A new module is added to :data:`MODULES`; the modules import their areas' code inside their
commands, so ``eukg --help`` stays quick.
"""

from __future__ import annotations

import typer

from kg.commands import analytics, datasets, ingest, link, release, resolver, scale, sparql

#: The modules whose commands ``eukg`` has, in the order they register them.
MODULES = (analytics, datasets, ingest, link, release, resolver, scale, sparql)


def register_all(app: typer.Typer) -> None:
    """Let every module of :data:`MODULES` register its commands on ``app``."""
    for module in MODULES:
        module.register(app)
