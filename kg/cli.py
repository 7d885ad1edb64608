"""The ``eukg`` command line: each command is a thin call into one module of the package."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.commands import register_all
from kg.commands.options import DataDirOption, StoreOption, WaitOption, console, fail, notify
from kg.errors import KgError

app = typer.Typer(no_args_is_help=True, add_completion=False, help="The EU regional policy knowledge graph.")


@app.callback()
def options(
    local_sources: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation
        typer.Option("--local-sources", envvar="EUKG_LOCAL_SOURCES", file_okay=False,
                     help="Folder of the sources kept outside the repository (ingest --no-save, every ingest of "
                          "an installed package) and of the converted datasets (default: STORE.local-sources)."),
    ] = None,
) -> None:
    """The EU regional policy knowledge graph."""
    if local_sources is not None:  # the writer, and the processes it starts, read it from the environment
        # Imported only here: kg.layout imports rdflib, a tenth of a second every command would pay.
        from kg.layout import LOCAL_SOURCES_VARIABLE

        os.environ[LOCAL_SOURCES_VARIABLE] = str(local_sources.expanduser().resolve())


@app.command()
def build(
    store: StoreOption = None,
    data_dir: DataDirOption = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation.")] = False,
    datasets: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation
        typer.Option("--datasets", help="Published datasets to build in (`eukg datasets` lists them): NAME,… or "
                     "all, or none to take them out. Default: the ones the store has."),
    ] = None,
    wait: WaitOption = None,
) -> None:
    """Build the graph (ontology, reference data, data/ and chosen datasets) into a new store, validate, swap it in."""
    from kg.commands.datasets import build_datasets
    from kg.ingest.datasets import build_recipes
    from kg.paths import DATA_DIR
    from kg.store.writer import Writer

    try:
        if datasets is not None:  # a misspelt name fails at once, not after a minute of building
            from kg.ingest.datasets import choose, registry

            choose(datasets, registry())
        with Writer(store, data_dir or DATA_DIR, wait=wait, notify=notify) as writer:
            with console.status("building") as status:
                result = writer.build(validate=not no_validate, progress=lambda p: status.update(f"loading {p}"),
                                      derived=build_recipes(writer.location))
            console.print(f"built {result.location} with {result.triples} triples in {len(result.graph_sizes)} graphs")
            if result.report is not None:
                console.print(_report_summary(result.report.text()), markup=False, highlight=False, soft_wrap=True)
            build_datasets(writer, datasets)
            _prepare_answers(writer)
    except KgError as error:
        fail(error)


def _prepare_answers(writer) -> None:
    """Compute the stored answers of the contract queries on the new store, with a progress bar (a store of at
    least ``EUKG_STORED_ANSWERS_FROM`` statements; :mod:`kg.store.answers`)."""
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    start = time.perf_counter()
    with Progress(TextColumn("answers of the contract queries"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("", total=None)
        done = writer.prepare_answers(lambda kept, total, name: bar.update(task, completed=kept, total=total,
                                                                          description=name))
    if done:
        seconds = time.perf_counter() - start
        console.print(f"kept the answers of the contract queries for `eukg query` ({seconds:.1f} s)")


def _report_summary(text: str) -> str:
    """Return a validation report's first line, naming its first warning when it has warnings and no violations.

    >>> _report_summary("conforms: 0 violation(s), 1 warning(s)\\nWarning: evt:x [data/a.ttl] no place")
    'conforms: 0 violation(s), 1 warning(s): evt:x [data/a.ttl] no place'
    >>> _report_summary("conforms: 0 violation(s), 3 warning(s)\\nWarning: a\\nWarning: b\\nWarning: c")
    'conforms: 0 violation(s), 3 warning(s): a; and 2 more (`eukg validate --built` lists them)'
    """
    lines = text.splitlines()
    warnings = [line.removeprefix("Warning:").strip() for line in lines[1:] if line.startswith("Warning:")]
    if not lines or not warnings or not lines[0].startswith("conforms"):
        return lines[0] if lines else ""
    more = f"; and {len(warnings) - 1} more (`eukg validate --built` lists them)" if len(warnings) > 1 else ""
    return f"{lines[0]}: {warnings[0]}{more}"


@app.command()
def validate(
    store: StoreOption = None,
    data_dir: Annotated[
        Optional[Path], typer.Option("--data-dir", help="The data folder whose files are validated (default: data/).")
    ] = None,
    built: Annotated[
        bool, typer.Option("--built", help="Validate the built store instead of the project files.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="SHACL engine: pyshacl (the reference), fast (shacl-rust, same results) "
            "or auto (the fast engine; it gives pyshacl's results).",
        ),
    ] = "auto",
) -> None:
    """Validate the data against the SHACL shapes and quality queries; exit 1 on violations."""
    import pyoxigraph as ox

    from kg.build.full import load_all
    from kg.paths import DATA_DIR
    from kg.store import open_store
    from kg.validate import validate_store

    try:
        if built:
            target = open_store(store)
        else:
            target = ox.Store()
            load_all(target, data_dir or DATA_DIR)
        if engine not in ("auto", "pyshacl", "fast"):
            raise typer.BadParameter(f"unknown engine {engine!r}: use pyshacl, fast or auto", param_hint="--engine")
        with console.status("validating"):  # a spinner on stderr, only when it is a terminal
            report = validate_store(target, data_dir=data_dir or DATA_DIR, engine=engine)
    except KgError as error:
        fail(error)
    typer.echo(report.text())
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def stats(store: StoreOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Print the triples per named graph and the instances per class."""
    from kg.build.stats import stats as compute
    from kg.store import open_store

    try:
        counts = compute(open_store(store))
    except KgError as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    typer.echo(f"{sum(counts['graphs'].values())} triples in {len(counts['graphs'])} graphs")
    for graph, n in counts["graphs"].items():
        typer.echo(f"  {n:>8}  {graph}")
    typer.echo("instances per class:")
    for name, n in counts["classes"].items():
        typer.echo(f"  {n:>8}  {name}")


def _parse_params(params: list[str]) -> dict[str, str]:
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise typer.BadParameter(f"--param takes name=value, not {item!r}")
        values[name.strip()] = value
    return values


def _source(location: Path | None, no_personal_data: bool):
    """The store at ``location`` to query, or its copy without personal data (:func:`kg.privacy.public_copy`)."""
    from kg.store import open_store

    if no_personal_data:
        from kg.privacy import public_copy

        return public_copy(open_store(location))
    return open_store(location)


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A named query (see `eukg queries`) or a path to an .rq file.")],
    param: Annotated[list[str], typer.Option("--param", "-p", help="name=value, bound as an RDF term.")] = [],  # noqa: B006
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, tsv, json (records), srj (SPARQL JSON) or xml "
                          "(SPARQL XML); for a CONSTRUCT query an RDF syntax: ttl, nt, nq, trig, jsonld, rdfxml, "
                          "n3 (or an alias, e.g. turtle).")
    ] = "table",
    store: StoreOption = None,
    endpoint: Annotated[
        Optional[str], typer.Option("--endpoint", help="Run on this SPARQL 1.1 endpoint instead of the store.")
    ] = None,
    user: Annotated[Optional[str], typer.Option("--user", help="User name for the endpoint.")] = None,
    password: Annotated[Optional[str], typer.Option("--password", help="Password for the endpoint.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the endpoint.")] = 30.0,
    retries: Annotated[int, typer.Option("--retries", help="Retries, with exponential back-off.")] = 2,
    wide: Annotated[
        bool, typer.Option("--wide", help="Show whole IRIs in the table (default: prefixed names, orgn:…).")
    ] = False,
    no_personal_data: Annotated[
        bool, typer.Option("--no-personal-data", help="Answer from a copy of the store without personal data "
                           "(kg.privacy, as export does): no person's name or e-mail.")
    ] = False,
) -> None:
    """Run a named SPARQL query (or an .rq file) and print its rows.

    A parameter that expects an IRI also takes a prefixed name (orgn:city-of-turin), a local name or
    code (ewrc-2019, PL81) or a name in any language, looked up in the store as `eukg resolve` does.
    A named query without parameters is answered from the answer stored with the store when the store
    has not been written since it was computed (kg.sparql.stored); EUKG_STORED_ANSWERS=0 evaluates it.
    """
    from kg.formats import RdfSyntax, UnknownFormat
    from kg.sparql import output as answers
    from kg.sparql import results, stored
    from kg.sparql.params import resolve_names
    from kg.sparql.queries import evaluation_errors, find, solutions

    try:
        output = answers.output_format(fmt)
    except UnknownFormat as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None
    if isinstance(output, RdfSyntax) and endpoint is not None:
        raise typer.BadParameter(f"{fmt} (RDF) is written from the store, not from --endpoint", param_hint="--format")
    if no_personal_data and endpoint is not None:
        raise typer.BadParameter("applies to the store, not to --endpoint", param_hint="--no-personal-data")
    try:
        named = find(name)
        values = resolve_names(named, _parse_params(param), store, report=lambda r: console.print(
            r.line(), markup=False, highlight=False, soft_wrap=True))
        if isinstance(output, RdfSyntax):
            triples = results.construct(named, _source(store, no_personal_data), values)
            sys.stdout.buffer.write(results.to_rdf(triples, output))
            return
        answer = None
        if endpoint is not None:
            from kg.sparql.remote import Endpoint, run_remote

            remote = Endpoint(endpoint, user, password, timeout=timeout, retries=retries)
            answer = results.remote_answer(run_remote(named, remote, values))
        elif values:  # parameters go the live way
            answer = solutions(named, _source(store, no_personal_data), values)
        with evaluation_errors(named):  # the store evaluates the query as its rows are written
            if answer is None:
                answer = stored.answer(named, store, personal=not no_personal_data)
            answers.write_answer(answer, output, sys.stdout, sys.stdout.buffer, title=named.summary or named.name,
                                 wide=wide)
    except KgError as error:
        fail(error)
    except BrokenPipeError:  # the reader has stopped (`| head`): nothing more to write, and nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@app.command("queries")
def list_queries() -> None:
    """List the named queries and the question each answers."""
    from kg.sparql.queries import library

    for named in library().values():
        params = ", ".join(p.name for p in named.params)
        typer.echo(f"{named.name:<24} {named.summary}" + (f"  [params: {params}]" if params else ""))


@app.command()
def export(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="The file to write.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="ttl, nt, nq, trig, jsonld or xml, or an alias (turtle, n-triples, "
                          "nquads, json-ld, rdfxml, a media type).")
    ] = "ttl",
    no_personal_data: Annotated[
        bool, typer.Option("--no-personal-data",
                           help="Leave out personal data: persons, sole traders, their participations; "
                                "their names redacted elsewhere.")
    ] = False,
    store: StoreOption = None,
    release: Annotated[
        Optional[Path], typer.Option("--release", help="Write a whole release into this folder (`eukg release`).")
    ] = None,
) -> None:
    """Export the whole graph to one RDF file (--out), or a whole release (--release DIR)."""
    if release is not None:
        from kg.commands.release import run_release

        return run_release(release, store, personal_data=not no_personal_data)
    if out is None:
        raise typer.BadParameter("give --out FILE (one file) or --release DIR (a release)")
    from kg.export import export as run_export
    from kg.export import export_format
    from kg.formats import UnknownFormat
    from kg.store import open_store

    try:
        fmt = export_format(fmt)
    except UnknownFormat as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None
    try:
        count = run_export(open_store(store), out, fmt, personal_data=not no_personal_data)
    except KgError as error:
        fail(error)
    console.print(f"wrote {count} statements to {out}")


def main() -> None:
    """Run the command line (the ``eukg`` console script, :mod:`kg.__main__`, calls it once on mimalloc)."""
    app()


register_all(app)


if __name__ == "__main__":
    main()
