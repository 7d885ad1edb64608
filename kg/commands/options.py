"""What every command module shares: the console, the one-line failure, and the common options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

__all__ = ["DataDirOption", "StoreOption", "WaitOption", "console", "fail", "notify"]

console = Console(stderr=True)

StoreOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation
    typer.Option("--store", help="Store directory (default: $EUKG_STORE or ~/.local/share/eu-regional-kg/store)."),
]

DataDirOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--data-dir", help="Project data folder the store is derived from (default: the one the store "
                 "was built from, else data/)."),
]

WaitOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option("--wait", help="Seconds to wait for another eukg that is writing (default: as long as it takes)."),
]


def print_error(error: Exception | str) -> None:
    """Print ``error`` as one plain line on stderr (never wrapped: a path stays whole)."""
    console.print("[red]error:[/red]", end=" ")
    console.print(str(error), markup=False, highlight=False, soft_wrap=True)


def fail(error: Exception) -> None:
    """Print ``error`` as one plain line on stderr (:func:`print_error`) and exit with status 1."""
    print_error(error)
    raise typer.Exit(1)


def notify(message: str) -> None:
    """Print a writer's message (waiting for the lock, reconciling) as one plain line on stderr."""
    console.print(message, markup=False, highlight=False)
