"""``eukg ingest article|table``, ``eukg sources`` and ``eukg remove``: grow the graph source by source."""

import itertools
import json
from pathlib import Path
from typing import Annotated

import typer

from kg.commands.options import DataDirOption, StoreOption, WaitOption, console, fail, notify, print_error
from kg.errors import KgError, ValidationFailed


def register(app: typer.Typer) -> None:
    """Add the ingestion commands to the root ``eukg`` app."""
    ingest_app = typer.Typer(no_args_is_help=True, help="Turn an article or a partner table into graph data.")
    app.add_typer(ingest_app, name="ingest")

    @app.command("sources")
    def sources_command(
        store: StoreOption = None, as_json: Annotated[bool, typer.Option("--json")] = False
    ) -> None:
        """List the sources in the store with their content hash, ingestion time and size."""
        from dataclasses import asdict

        from kg.ingest.sources import list_sources
        from kg.store import open_snapshot

        try:
            snapshot, opened = open_snapshot(store)
            infos = list_sources(opened, snapshot)
        except KgError as error:
            fail(error)
        if as_json:
            typer.echo(json.dumps([asdict(i) for i in infos], indent=2, ensure_ascii=False))
            return
        for info in infos:
            typer.echo(f"{info.identifier:<32} {info.kind:<9} {info.triples:>7} triples  "
                       f"sha256 {(info.sha256 or '-')[:16]:<16}  {info.modified or '-':<20}  {info.title or ''}")

    @app.command("sync")
    def sync_command(store: StoreOption = None, data_dir: DataDirOption = None, wait: WaitOption = None) -> None:
        """Bring the store up to date with the files: load changed sources, drop removed ones (or build anew).

        Every writing command (build, ingest, remove, analyze --write-back) does this first; run it
        after editing data/sources/ by hand, or to check that files and store agree.
        """
        from kg.store.writer import Writer

        try:
            with Writer(store, data_dir, wait=wait, notify=notify) as writer:
                change = writer.sync()
        except KgError as error:
            fail(error)
        if not change.changed:
            console.print("the store is up to date with the files")
        elif change.full_build:
            console.print(f"built the store anew ({change.reason})")
        else:
            console.print(f"loaded {len(change.loaded)} and removed {len(change.removed)} source graph(s)")

    @app.command("remove")
    def remove_command(
        source: Annotated[str, typer.Argument(help="The source identifier (see `eukg sources`).")],
        store: StoreOption = None,
        data_dir: DataDirOption = None,
        delete_file: Annotated[bool, typer.Option(
            "--delete-file", help="Also delete a hand-edited file of data/sources/ (ingested files always go).")
        ] = False,
        wait: WaitOption = None,
    ) -> None:
        """Remove a source: its file (data/ingested/ or the local sources), then its facts in the store."""
        from kg.ingest.sources import remove_source

        try:
            remove_source(source, store, data_dir, delete_file=delete_file, wait=wait, notify=notify)
        except KgError as error:
            fail(error)
        console.print(f"removed source {source}")

    _register_ingest(ingest_app)


_NO_SAVE_HELP = ("Keep the source outside the repository (in the local sources folder beside the store, which the "
                 "store records), instead of data/ingested/.")


_WARNINGS_SHOWN = 50


def _table_reporter():
    """Return the import's ``report``: it prints each row problem, and the first 50 warnings, as they are found."""
    warnings = itertools.count(1)

    def report(kind: str, item) -> None:
        if kind == "problem":
            console.print(f"row problem: {item.text()}", markup=False, highlight=False)
        elif next(warnings) <= _WARNINGS_SHOWN:
            console.print(f"warning: {item.text()}", markup=False, highlight=False)
    return report


def _put_table(result, out: Path | None, store, data_dir, no_save: bool, wait) -> bool:
    """Write the table's source as TriG (``out``; returns False) or put it in through the writer (True)."""
    from kg.ingest.sources import replace_source
    from kg.ingest.trig import write_trig

    if out is not None:
        graph = result.graph
        write_trig(graph, result.identifier, out)
        console.print(f"wrote {len(graph)} statements of source {result.identifier} to {out}")
        return False
    with console.status(f"validating and writing source {result.identifier}"):
        replace_source(result.identifier, result.path, store, data_dir, save=not no_save, wait=wait, notify=notify)
    return True


def _register_ingest(ingest_app: typer.Typer) -> None:
    """Add ``ingest table`` and ``ingest article``."""

    @ingest_app.command("table")
    def table_command(
        file: Annotated[Path, typer.Argument(help="A CSV or XLSX project-partner table.")],
        mapping: Annotated[str, typer.Option("--mapping", "-m", help="Mapping name (keep_eu) or YAML file.")],
        on_error: Annotated[str, typer.Option("--on-error", help="skip-row or reject-file.")] = "skip-row",
        source_id: Annotated[str | None, typer.Option("--id", help="Source identifier (default: file name).")] = None,
        out: Annotated[Path | None, typer.Option("--out", help="Write the source graph as TriG, load nothing.")] = None,
        no_save: Annotated[bool, typer.Option("--no-save", help=_NO_SAVE_HELP)] = False,
        join: Annotated[Path | None, typer.Option("--join", help="The second file of a mapping with join: "
                                                                 "(default: the file it names, beside FILE).")]
        = None,
        store: StoreOption = None,
        data_dir: DataDirOption = None,
        wait: WaitOption = None,
    ) -> None:
        """Load a project-partner table (Keep.eu, CORDIS, Kohesio …) as one source; bad rows are reported by line."""
        try:
            _ingest_table(file, mapping, on_error, source_id, out, no_save, store, data_dir, wait, join)
        except KgError as error:
            fail(error)

    @ingest_app.command("article")
    def article_command(
        files: Annotated[list[Path], typer.Argument(help="News items, invitations or event pages: text or HTML.")],
        lang: Annotated[str | None, typer.Option("--lang", help="Language (ISO 639-1, one of the 24 official EU "
                                                                "languages); default: detect.")] = None,
        accept: Annotated[bool, typer.Option("--accept", help="Merge the facts whose score reaches the threshold "
                                                              "(marked accepted); say how many are held back.")]
        = False,
        accept_all: Annotated[bool, typer.Option("--accept-all", help="Merge every fact found, low scores included.")]
        = False,
        report: Annotated[str, typer.Option("--report", help="text (review) or json (report contract).")] = "text",
        out: Annotated[Path | None, typer.Option("--out", help="Write the draft named graph(s) as TriG.")] = None,
        source_id: Annotated[str | None, typer.Option("--id", help="Source identifier (default: file name).")] = None,
        no_save: Annotated[bool, typer.Option("--no-save", help="With --accept: " + _NO_SAVE_HELP)] = False,
        store: StoreOption = None,
        data_dir: DataDirOption = None,
        wait: WaitOption = None,
    ) -> None:
        """Extract projects, programmes, organisations, places, events, persons and themes from articles.

        With several files, the graph's labels are read once, `--report json` prints one JSON object per
        line, and `--accept` validates all drafts in one SHACL pass and merges all of them or none.
        """
        _check_article_options(report, lang, source_id, len(files), accept, accept_all)
        try:
            drafts, held_back, failed = _read_articles(files, store, lang, source_id, report, accept, accept_all)
            if out is not None:
                from kg.ingest.trig import drafts_to_trig

                out.write_text(drafts_to_trig(drafts), encoding="utf-8")
                console.print(f"wrote {len(drafts)} draft graph(s) to {out}")
            if accept and held_back:
                console.print(f"--accept holds back {held_back} low-confidence fact(s) (marked ? in the text report, "
                              "\"accepted\": false in JSON); --accept-all merges them too")
            if (accept or accept_all) and drafts:
                _merge_drafts(drafts, store, data_dir, no_save, wait)
        except KgError as error:
            fail(error)
        if failed:
            raise typer.Exit(1)


def _ingest_table(file: Path, mapping: str, on_error: str, source_id: str | None, out: Path | None, no_save: bool,
                  store: Path | None, data_dir: Path | None, wait: float | None, join: Path | None) -> None:
    """Read a partner table, print its problems, and write it as TriG or merge it (``ingest table``)."""
    from rich.progress import Progress

    from kg.ingest.table import ingest_table, load_mapping
    from kg.resolve import resolver_for_location
    from kg.store import open_store

    loaded_mapping = load_mapping(mapping)
    reader = open_store(store)
    result = None
    try:
        with Progress(console=console, transient=True) as bar:
            task = bar.add_task(f"reading {file.name}", total=None)
            result = ingest_table(file, loaded_mapping, reader, on_error, source_id,
                                  progress=lambda n: bar.update(task, completed=n), join=join,
                                  resolver=resolver_for_location(store), report=_table_reporter())
        del reader
        if result.warning_count > _WARNINGS_SHOWN:
            console.print(f"… and {result.warning_count - _WARNINGS_SHOWN} more warnings")
        if result.problem_count and on_error == "reject-file":
            console.print(f"rejected {file}: {result.problem_count} row(s) with problems; nothing was loaded")
            raise typer.Exit(1)
        if not _put_table(result, out, store, data_dir, no_save, wait):
            return
    finally:
        if result is not None:
            result.discard()
    console.print(
        f"loaded source {result.identifier}: {result.loaded_rows} of {result.rows} rows, "
        f"{result.project_count} projects, {result.resolved_organisation_count} known and "
        f"{result.new_organisation_count} new organisations, {result.problem_count} rows skipped"
    )


def _read_articles(files: list[Path], store: Path | None, lang: str | None, source_id: str | None, report: str,
                   accept: bool, accept_all: bool) -> tuple[dict, int, int]:
    """Extract every article and print its report; return the drafts to merge, the facts held back, the failures.

    The graph's names are read once, through the resolver's index kept beside the store
    (:func:`kg.resolve.resolver_for_location`); the gazetteer is made from the same index.
    """
    from kg.ingest.article import contract, ingest_article, review_text
    from kg.ingest.entities import Gazetteer
    from kg.ingest.reference import ReferenceData
    from kg.ingest.sniff import refuse_non_article
    from kg.resolve import resolver_for_location
    from kg.store import open_store

    reader = open_store(store)
    reference = ReferenceData.from_store(reader)
    resolver = resolver_for_location(store)
    gazetteer = Gazetteer.from_index(resolver.index)
    drafts: dict = {}
    held_back = failed = 0
    for file in files:
        try:
            refuse_non_article(file)
            result = ingest_article(file, reader, lang, source_id, resolver=resolver, gazetteer=gazetteer,
                                    reference=reference)
        except KgError as error:
            if len(files) == 1:
                raise
            failed += 1
            print_error(error)
            continue
        if result.identifier in drafts:
            print_error(f"{file}: source {result.identifier} is given twice")
            failed += 1
            continue
        drafts[result.identifier] = result.graph if accept_all or not accept else result.accepted_graph
        held_back += result.held_back
        if report == "json":
            indent = 2 if len(files) == 1 else None
            typer.echo(json.dumps(contract(result, reference), ensure_ascii=False, indent=indent))
        else:
            typer.echo(review_text(result) + "\n")
    return drafts, held_back, failed


def _merge_drafts(drafts: dict, store: Path | None, data_dir: Path | None, no_save: bool, wait: float | None) -> None:
    """Validate the drafts together with the graph and write them, or print why none was merged."""
    from kg.ingest.sources import replace_sources

    try:
        with console.status(f"validating {len(drafts)} draft(s) with the graph and writing them"):
            replace_sources(drafts, store, data_dir, save=not no_save, wait=wait, notify=notify)
    except ValidationFailed as error:
        console.print(error.report.text(), markup=False, highlight=False)
        console.print(f"not merged: {len(drafts)} draft(s) do not conform together (see above)")
        raise typer.Exit(1) from None
    console.print(f"merged {len(drafts)} source(s): {', '.join(sorted(drafts))[:300]}")


def _check_article_options(report: str, lang: str | None, source_id: str | None, files: int, accept: bool,
                           accept_all: bool) -> None:
    """Refuse contradictory or unknown options of ``ingest article`` with one line each."""
    from kg.ingest.text import LANGUAGES

    if report not in ("text", "json"):
        raise typer.BadParameter("--report must be text or json")
    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(f"--lang must be one of {', '.join(LANGUAGES)}")
    if source_id is not None and files > 1:
        raise typer.BadParameter("--id names one source: give one file with it")
    if accept and accept_all:
        raise typer.BadParameter("give --accept or --accept-all, not both")
