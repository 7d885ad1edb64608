"""``eukg datasets``: the published datasets the graph can be built with, and building them in."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.commands.options import StoreOption, console, fail

__all__ = ["build_datasets", "register"]


def build_datasets(writer, choice: str | None) -> None:
    """Give the store of ``writer`` the datasets ``choice`` names (``None``: the ones it has), with progress bars."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kg.ingest.datasets import choose, in_store, put_datasets, registry

    known = registry()
    if choice is None:
        chosen = [name for name in in_store(writer.location) if name in known]
    else:
        chosen = choose(choice, known)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                  transient=True) as bar:
        tasks: dict[str, int] = {}

        def rows(name: str, count: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"dataset {name}")
            bar.update(tasks[name], description=f"dataset {name}: {count:,} rows")

        put_datasets(writer, chosen, known, progress=rows, notify=lambda message: console.print(message, markup=False))


def datasets(store: StoreOption = None,
             as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False) -> None:
    """List the published datasets of datasets/: publisher, licence, retrieval date, and whether the store has them."""
    import json

    from rich.table import Table

    from kg.errors import KgError
    from kg.ingest.datasets import registry, status
    from kg.store.snapshots import resolve_location

    try:
        states = status(resolve_location(store), registry())
    except KgError as error:
        fail(error)
    if as_json:
        rows = [{"name": s.dataset.name, "title": s.dataset.title, "publisher": s.dataset.publisher,
                 "url": s.dataset.url, "licence": s.dataset.licence, "retrieved": s.dataset.retrieved.isoformat(),
                 "in_store": s.state} for s in states.values()]
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    table = Table("name", "title", "publisher", "retrieved", "in the store")
    for state in states.values():
        table.add_row(state.dataset.name, state.dataset.title, state.dataset.publisher,
                      state.dataset.retrieved.isoformat(), state.state)
    console.print(table)
    console.print("Build them in with `eukg build --datasets NAME,…|all`; licences: `eukg datasets --json`.")


def register(app: typer.Typer) -> None:
    """Add ``eukg datasets`` to ``app``."""
    app.command(name="datasets")(datasets)

