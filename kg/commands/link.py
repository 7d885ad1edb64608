"""``eukg link``: record linkage of organisations (is this record the same body as that one?)."""

# No ``from __future__ import annotations`` here: typer reads the annotations at run time.

import json
from pathlib import Path
from typing import Annotated

import typer

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    """Add the ``link`` command group to the root app."""
    group = typer.Typer(no_args_is_help=True, help="Record linkage of organisations: one organisation, one node.")
    app.add_typer(group, name="link")

    @group.command("check")
    def check(
        pairs: Annotated[Path, typer.Argument(help="A tab-separated file with the columns name_a, country_a, "
                                              "city_or_region_a, name_b, country_b, city_or_region_b.")],
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """Print, for each pair of PAIRS, whether the two records are the same organisation, with a score.

        The score runs from 0 to 100; pairs at or above the accept threshold are "same". JSON is a list
        of {"line", "name_a", …, "decision", "score", "review", "method"}; "review" is true for an
        uncertain pair (answered "different") that a person should decide.
        """
        from kg.commands.options import fail
        from kg.errors import KgError
        from kg.resolve.pairs import check_pairs

        if fmt not in FORMATS:
            raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}, not {fmt!r}", param_hint="--format")
        try:
            checked = check_pairs(pairs)
        except KgError as error:
            fail(error)
        if fmt == "json":
            typer.echo(json.dumps([c.as_dict() for c in checked], ensure_ascii=False, indent=1))
            return
        _print_table(checked)


def _print_table(checked: list) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("line", "name_a", "name_b", "decision", "score", "method")
    for pair in checked:
        decision = "same" if pair.match.same else "different" + (" (review)" if pair.match.review else "")
        table.add_row(str(pair.line), pair.a.name, pair.b.name, decision, f"{pair.match.score:.1f}",
                      pair.match.method)
    Console(width=160).print(table)
