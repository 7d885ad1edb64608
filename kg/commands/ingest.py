"""``eukg ingest article|table``, ``eukg sources`` and ``eukg remove``: grow the graph source by source."""

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KgError


def register(app: typer.Typer) -> None:
    """Add the ingestion commands to the root ``eukg`` app."""
    from kg.cli import StoreOption, console, fail

    ingest_app = typer.Typer(no_args_is_help=True, help="Turn an article or a partner table into graph data.")
    app.add_typer(ingest_app, name="ingest")

    DataDirOption = Annotated[
        Path | None,
        typer.Option("--data-dir", help="Project data folder where accepted sources are saved (default: data/)."),
    ]

    @app.command("sources")
    def sources_command(
        store: StoreOption = None, as_json: Annotated[bool, typer.Option("--json")] = False
    ) -> None:
        """List the sources in the store with their content hash, ingestion time and size."""
        from dataclasses import asdict

        from kg.ingest.sources import list_sources
        from kg.store import open_store

        try:
            infos = list_sources(open_store(store))
        except KgError as error:
            fail(error)
        if as_json:
            typer.echo(json.dumps([asdict(i) for i in infos], indent=2, ensure_ascii=False))
            return
        for info in infos:
            typer.echo(f"{info.identifier:<32} {info.triples:>7} triples  sha256 {(info.sha256 or '-')[:16]:<16}  "
                       f"{info.modified or '-':<20}  {info.title or ''}")

    @app.command("remove")
    def remove_command(
        source: Annotated[str, typer.Argument(help="The source identifier (see `eukg sources`).")],
        store: StoreOption = None,
        data_dir: DataDirOption = None,
    ) -> None:
        """Remove a source's facts from the store (and its saved file, when ingestion wrote it)."""
        from kg.ingest.sources import remove_source
        from kg.paths import DATA_DIR

        try:
            remove_source(source, store, data_dir or DATA_DIR)
        except KgError as error:
            fail(error)
        console.print(f"removed source {source}")

    _register_ingest(ingest_app, StoreOption, DataDirOption, console, fail)


def _register_ingest(ingest_app: typer.Typer, StoreOption, DataDirOption, console, fail) -> None:  # noqa: N803
    """Add ``ingest table`` and ``ingest article``."""
