"""The scale area's commands: ``eukg validate-source`` (one new source against the built store,
without revalidating it) and ``eukg allocator`` (which malloc the toolkit runs on)."""

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the scale area's commands to the root app."""
    from kg.commands.options import StoreOption

    @app.command("validate-source")
    def validate_source(
        source: Annotated[Path, typer.Argument(help="The new source file (Turtle, N-Quads, ...).")],
        store: StoreOption = None,
    ) -> None:
        """Validate one new source against the built store (fast, incremental); exit 1 on violations.

        Only the source, what the store says about its subjects and the types of the nodes it refers
        to are validated; the problems reported are those on the source's subjects, the same a full
        validation would report on them.
        """
        from kg.commands.options import fail
        from kg.errors import InputError, KgError
        from kg.layout import source_graph
        from kg.store import open_store
        from kg.validate import Report, shapes_graph
        from kg.validate.fast import load_source, source_problems
        from kg.validate.terms import term_problems

        try:
            if not source.is_file():
                raise InputError(source, "no such file")
            target = open_store(store)
            graph = str(source_graph(source.stem))
            new = load_source(source, graph)
            terms = term_problems(target, new.quads_for_pattern(None, None, None, None), files={graph: source})
            report = Report(source_problems(target, new, shapes_graph()) + terms)
        except KgError as error:
            fail(error)
        typer.echo(report.text())
        if not report.conforms:
            raise typer.Exit(1)

    @app.command("allocator")
    def allocator(
        library: Annotated[
            bool, typer.Option("--library", help="Print only the path of the mimalloc library.")
        ] = False,
    ) -> None:
        """Say which memory allocator eukg runs on, and where mimalloc is for other programs.

        ``eukg`` starts itself on mimalloc when it is installed (builds and queries take a quarter to
        a third less time);
        ``EUKG_ALLOCATOR=system`` keeps the C library's malloc. A notebook gets the same speed when
        its server starts with ``LD_PRELOAD="$(eukg allocator --library)"``.
        With ``--library``, exit 1 when mimalloc is not installed.
        """
        from kg.build.allocator import in_use, mimalloc_library

        path = mimalloc_library()
        if library:
            if path is None:
                typer.echo("mimalloc is not installed here (it comes with the package on Linux)", err=True)
                raise typer.Exit(1)
            typer.echo(str(path))
            return
        typer.echo(f"this process runs on: {in_use()}")
        typer.echo(f"mimalloc library: {path if path else 'not installed'}")
