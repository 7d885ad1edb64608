"""``eukg release DIR``: write a release of the built graph (also reached as ``eukg export --release DIR``)."""

# No ``from __future__ import annotations``: typer reads the annotations of the command defined in
# ``register``, which refer to ``StoreOption`` imported there.
from datetime import date
from pathlib import Path
from typing import Annotated

import typer


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"--issued needs a date YYYY-MM-DD, not {text!r}") from None


def run_release(
    folder: Path,
    store: Path | None = None,
    personal_data: bool = True,
    version: str | None = None,
    issued: str | None = None,
    force: bool = False,
    tables: bool = True,
) -> None:
    """Write a release of the store at ``store`` into ``folder`` and print what was written (the CLI's work)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kg import __version__
    from kg.commands.options import console, fail
    from kg.errors import KgError
    from kg.export.release import release, release_steps
    from kg.store import open_store

    issued_date = _parse_date(issued)
    steps = release_steps(tables=tables)
    try:
        with Progress(SpinnerColumn(), TextColumn("release: {task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
            task = bar.add_task("start", total=len(steps))

            def advance(name: str) -> None:
                bar.update(task, description=name, completed=steps.index(name) if name in steps else 0)

            result = release(
                open_store(store), folder, personal_data=personal_data, version=version or __version__,
                issued=issued_date, force=force, tables=tables, progress=advance,
            )
    except (KgError, OSError) as error:
        fail(error)
    total = sum(item.info.byte_size for item in result.files)
    console.print(
        f"wrote {len(result.files)} files ({total / 1e6:.1f} MB) to {result.folder}: "
        f"{result.statistics.triples} triples, {result.statistics.entities} entities"
        + ("" if personal_data else ", without personal data")
    )


def register(app: typer.Typer) -> None:
    """Add ``eukg release`` to ``app``."""
    from kg.commands.options import StoreOption

    @app.command("release")
    def release_command(
        folder: Annotated[Path, typer.Argument(help="The release folder (new, empty, or a release with --force).")],
        no_personal_data: Annotated[
            bool, typer.Option("--no-personal-data", help="Leave out persons' names, e-mails and phone numbers.")
        ] = False,
        version: Annotated[str | None, typer.Option("--version", help="Release version (default: package's).")] = None,
        issued: Annotated[str | None, typer.Option("--issued", help="Issued date YYYY-MM-DD (default: today).")] = None,
        force: Annotated[bool, typer.Option("--force", help="Replace an existing release in FOLDER.")] = False,
        no_csv: Annotated[bool, typer.Option("--no-csv", help="Leave out the CSVs of the contract queries.")] = False,
        store: StoreOption = None,
    ) -> None:
        """Write a release: every RDF format (+ .gz), ontology, shapes, CSVs and the VoID/DCAT description."""
        run_release(folder, store, personal_data=not no_personal_data, version=version, issued=issued, force=force,
                    tables=not no_csv)
