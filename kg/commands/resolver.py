"""``eukg resolve``: which resource of the graph does a name stand for?"""

# No ``from __future__ import annotations`` here: typer reads the annotations at run time, and
# StoreOption is imported inside register(), where the command is made.


from typing import Annotated

import typer

from kg.errors import unknown_name
from kg.resolve.kinds import TYPES
from kg.resolve.report import FORMATS, json_text, table


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

        The JSON format is a list of {"iri", "label", "type", "score", "status"}; it is empty when
        nothing is close. "status" is "match" for the answer, "ambiguous" for each candidate of a tie
        (all of them are listed, whatever --limit says) and "candidate" for the others. The index is
        built on the first call and kept beside the store, so later calls answer at once.
        """
        from kg.commands.options import fail
        from kg.errors import KgError
        from kg.resolve import resolver_for_location

        if type_ is not None and type_ not in TYPES:
            raise typer.BadParameter(unknown_name("type", type_, TYPES), param_hint="--type")
        if fmt not in FORMATS:
            raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}, not {fmt!r}", param_hint="--format")
        try:
            resolver = resolver_for_location(store)
        except KgError as error:
            fail(error)
        decision = resolver.decide(name, type_, limit=limit)
        if fmt == "json":
            typer.echo(json_text(decision))
            return
        from rich.console import Console

        Console().print(table(name, decision))
