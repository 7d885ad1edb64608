"""``eukg resolve``: which resource of the graph does a name stand for?"""

# No ``from __future__ import annotations`` here: typer reads the annotations at run time, and
# StoreOption is imported inside register() to avoid an import cycle with kg.cli.


import json
from typing import Annotated

import typer

from kg.resolve import TYPES

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    """Add the ``resolve`` command to the root app."""
    from kg.commands.options import StoreOption

    @app.command()
    def resolve(
        name: Annotated[str, typer.Argument(help="A name as written in a source, in any language, or a code.")],
        type_: Annotated[
            str | None, typer.Option("--type", "-t", help=f"Only resources of this type: {', '.join(TYPES)}.")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
        limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="The most candidates to print.")] = 5,
        store: StoreOption = None,
    ) -> None:
        """Print the resources NAME may stand for, best first, with a score from 0 to 100.

        The JSON format is a list of {"iri", "label", "type", "score"}; it is empty when nothing is close.
        """
        from kg.commands.options import fail
        from kg.errors import KgError
        from kg.resolve import ACCEPT, Resolver
        from kg.store import open_store

        if type_ is not None and type_ not in TYPES:
            raise typer.BadParameter(f"must be one of {', '.join(TYPES)}, not {type_!r}", param_hint="--type")
        if fmt not in FORMATS:
            raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}, not {fmt!r}", param_hint="--format")
        try:
            resolver = Resolver.from_store(open_store(store))
        except KgError as error:
            fail(error)
        candidates = resolver.resolve(name, type_, limit=limit)
        if fmt == "json":
            records = [
                {"iri": c.iri, "label": c.label, "type": c.type, "score": c.score} for c in candidates
            ]
            typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        best = resolver.best(name, type_)
        if best is not None:
            title = f"{name!r} is {best.label} ({best.type})"
        elif candidates:
            title = f"{name!r}: no clear match (accepted at {ACCEPT:g}); candidates"
        else:
            title = f"{name!r}: nothing close"
        table = Table(title=title)
        for column in ("score", "type", "label", "iri"):
            table.add_column(column, overflow="fold")
        for c in candidates:
            table.add_row(f"{c.score:.1f}", c.type, c.label, c.iri)
        Console().print(table)
