"""``eukg link``: record linkage of organisations (is this record the same body as that one?)."""

# No ``from __future__ import annotations`` here: typer reads the annotations at run time.

import json
from pathlib import Path
from typing import Annotated

import typer

FORMATS = ("table", "json", "tsv")


def register(app: typer.Typer) -> None:
    """Add the ``link`` command group to the root app."""
    group = typer.Typer(no_args_is_help=True, help="Record linkage of organisations: one organisation, one node.")
    app.add_typer(group, name="link")

    @group.command("check")
    def check(
        pairs: Annotated[Path, typer.Argument(help="A tab-separated file with the columns name_a, country_a, "
                                              "city_or_region_a, name_b, country_b, city_or_region_b.")],
        fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or tsv.")] = "table",
    ) -> None:
        """Print, for each pair of PAIRS, whether the two records are the same organisation, with a score.

        The score runs from 0 to 100; pairs at or above the accept threshold are "same". JSON is a list
        of {"line", "name_a", …, "decision", "score", "review", "method"}; "review" is true for an
        uncertain pair (answered "different") that a person should decide. TSV has a header line and these
        columns, then the file's own further columns (a label), for a spreadsheet. A row that cannot be read is
        reported on stderr as FILE:LINE, the others are answered, and the exit status is then 1.
        """
        from kg.commands.options import fail, print_error
        from kg.errors import KgError
        from kg.resolve.pairs import check_pairs

        if fmt not in FORMATS:
            raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}, not {fmt!r}", param_hint="--format")
        problems: list[KgError] = []
        try:
            checked = check_pairs(pairs, problems)
        except KgError as error:
            fail(error)
        if fmt == "json":
            typer.echo(json.dumps([c.as_dict() for c in checked], ensure_ascii=False, indent=1))
        elif fmt == "tsv":
            _print_tsv(checked)
        else:
            _print_table(checked)
        for problem in problems:
            print_error(problem)
        if problems:
            raise typer.Exit(1)


    _register_review(group)


def _register_review(group: typer.Typer) -> None:
    from kg.commands.options import StoreOption, WaitOption
    from kg.resolve.review import DECISIONS_FILE, REVIEW_FILE

    @group.command("review")
    def review(
        out: Annotated[Path, typer.Option("--out", "-o", help="The review file to write.")] = REVIEW_FILE,
        decisions: Annotated[Path, typer.Option("--decisions", help="The decisions file.")] = DECISIONS_FILE,
        store: StoreOption = None,
    ) -> None:
        """Write the pairs of organisations the matcher is unsure of to a review file.

        Write same or different in the first column of a row, then run `eukg link decide FILE`.
        """
        from kg.commands.options import console, fail
        from kg.errors import KgError
        from kg.resolve.merges import links, organisations
        from kg.resolve.review import read_decisions, write_review
        from kg.store import open_store

        try:
            orgs = organisations(open_store(store))
            found, uncertain = links(orgs, read_decisions(decisions))
        except KgError as error:
            fail(error)
        names = {org.iri: " / ".join(sorted(org.names)) for org in orgs}
        write_review(out, [{"decision": "", "score": f"{u.match.score:.1f}", "method": u.match.method,
                            "name_a": names[u.a], "name_b": names[u.b], "iri_a": u.a, "iri_b": u.b,
                            "sources": " ".join(u.graphs)} for u in uncertain])
        console.print(f"{len(found)} links, {len(uncertain)} uncertain pairs written to {out}")

    @group.command("decide")
    def decide(
        review_file: Annotated[Path, typer.Argument(help="A review file with decisions filled in.")] = REVIEW_FILE,
        decisions: Annotated[Path, typer.Option("--decisions", help="The decisions file.")] = DECISIONS_FILE,
    ) -> None:
        """Keep the decisions of a review file (same or different) in the decisions file."""
        from kg.commands.options import console, fail
        from kg.errors import KgError
        from kg.resolve.review import read_review, write_decisions

        try:
            count = write_decisions(read_review(review_file), decisions)
        except KgError as error:
            fail(error)
        console.print(f"kept {count} decisions in {decisions}")

    @group.command("apply")
    def apply(
        decisions: Annotated[Path, typer.Option("--decisions", help="The decisions file.")] = DECISIONS_FILE,
        store: StoreOption = None,
        wait: WaitOption = None,
    ) -> None:
        """Link the organisations of the store and keep the links, with their evidence, as a derived graph."""
        from kg.commands.options import console, fail, notify
        from kg.errors import KgError
        from kg.resolve.merges import LINKAGE_GRAPH, recipe, recompute
        from kg.store import open_store
        from kg.store.writer import Writer

        try:
            spec = recipe(decisions.resolve())
            graph = recompute(open_store(store), spec)
            with Writer(store, wait=wait, notify=notify) as writer:
                writer.put_derived(str(LINKAGE_GRAPH), graph, spec)
        except KgError as error:
            fail(error)
        console.print(f"stored {len(graph)} statements in <{LINKAGE_GRAPH}>")


def _print_tsv(checked: list) -> None:
    import csv
    import sys

    rows = []
    for pair in checked:
        row = {**pair.as_dict(), "review": str(pair.match.review).lower()}
        rows.append(row | {name: value for name, value in pair.extra.items() if name not in row})
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["line"], delimiter="\t",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _print_table(checked: list) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("line", "name_a", "name_b", "decision", "score", "method")
    for pair in checked:
        decision = "same" if pair.match.same else "different" + (" (review)" if pair.match.review else "")
        table.add_row(str(pair.line), pair.a.name, pair.b.name, decision, f"{pair.match.score:.1f}",
                      pair.match.method)
    Console(width=160).print(table)
