"""``eukg analyze``: collaboration networks of the graph, their metrics, exports and write-back.

No ``from __future__ import annotations`` here: typer reads the annotations of the command at run
time. :func:`register` adds the command; the functions below it do its four jobs (check the options,
read the rows, build and measure the network, write the outputs).
"""

import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import unknown_name

NETWORK_NAMES = ("coparticipation", "bipartite", "regions", "programme-regions", "events")
OUTPUT_FORMATS = ("table", "csv", "json")


def _format(columns: list[str], rows: list[dict[str, object]], fmt: str, title: str) -> None:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
    elif fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        shown = [column for column in columns if column != "node"]  # the label says it; csv/json keep IRIs
        table = Table(title=title)
        for column in shown:
            table.add_column(column, overflow="fold", justify="left" if column == "label" else "right",
                             min_width=24 if column == "label" else None)
        for row in rows:
            table.add_row(*(f"{row[c]:.4g}" if isinstance(row[c], float) else str(row[c]) for c in shown))
        Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the ``analyze`` command to the root app."""
    from kg.commands.options import StoreOption

    @app.command()
    def analyze(
        network: Annotated[str | None, typer.Argument(help=f"One of {', '.join(NETWORK_NAMES)}.")] = None,
        metric: Annotated[str | None, typer.Option("--metric", "-m", help="The metric (see --list-metrics).")] = None,
        level: Annotated[int, typer.Option("--level", help="NUTS level of regions and programme-regions.")] = 2,
        top: Annotated[int, typer.Option("--top", help="Rows to print (0 = all).")] = 20,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
        seed: Annotated[int, typer.Option("--seed", help="Seed of Louvain, label propagation, sampling.")] = 42,
        k: Annotated[int | None, typer.Option("--k", help="Betweenness from k sampled sources.")] = None,
        by: Annotated[str, typer.Option("--by", help="Node attribute of groups for brokerage and "
                                        "cross-border share (country, type, programmes).")] = "country",
        events: Annotated[bool, typer.Option("--events/--no-events",
                                             help="Count shared events as ties (coparticipation, regions).")] = True,
        organisers: Annotated[bool, typer.Option("--organisers/--no-organisers",
                                                 help="Count ekg:organiser as taking part in an event.")] = True,
        project_partners: Annotated[bool, typer.Option(
            "--project-partners", help="Count the partners of an event's related project as taking part.")] = False,
        export: Annotated[str | None, typer.Option("--export", help="Write the network: graphml or gexf.")] = None,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="The file --export writes.")] = None,
        write_back: Annotated[bool, typer.Option(
            "--write-back", help="Store the scores as RDF in the derived graph graph:analytics/NETWORK-METRIC "
            "(listed by `eukg sources`; every build computes it again with the same parameters).")] = False,
        backend: Annotated[str | None, typer.Option(
            "--backend", help="auto (default: igraph on large networks when installed), networkx, igraph, "
            "or a networkx dispatch backend (e.g. parallel, if installed).")] = None,
        in_memory: Annotated[bool | None, typer.Option(
            "--in-memory/--on-disk", help="Read the store from an in-memory copy (its queries run 2-3.5x faster) "
            "or on disk; default: in memory up to 4 million quads and half the free RAM.")] = None,
        list_metrics: Annotated[bool, typer.Option("--list-metrics", help="List the metrics and exit.")] = False,
        endpoint: Annotated[str | None, typer.Option(
            "--endpoint", help="Build the network from this SPARQL 1.1 endpoint instead of the store.")] = None,
        user: Annotated[str | None, typer.Option("--user", help="User name for the endpoint.")] = None,
        password: Annotated[str | None, typer.Option("--password", help="Password for the endpoint.")] = None,
        timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the endpoint.")] = 60.0,
        store: StoreOption = None,
    ) -> None:
        """Build a collaboration network from the graph; rank its nodes by a metric, export it, store scores."""
        if list_metrics:
            _list_metrics()
            return
        _check_arguments(network, metric, fmt, k, export, out, write_back, endpoint)
        request = Analysis(
            network=network, metric=metric, export=export, out=out, write_back=write_back,
            network_options={"level": level, "events": events, "organisers": organisers,
                             "project_partners": project_partners},
            metric_options={"seed": seed, "k": k, "by": by, "backend": backend},
        )
        source = SourceChoice(store, in_memory, endpoint, user, password, timeout)
        graph, values = _run(request, source)
        if values is not None:
            from kg.analytics.report import ranking

            columns, rows = ranking(graph, metric, values, top=top or None)
            _format(columns, rows, fmt, f"{metric} in the {network} network")


@dataclass(frozen=True)
class Analysis:
    """What ``eukg analyze`` was asked for: the network and its options, the metric, the outputs."""

    network: str
    metric: str | None
    network_options: dict[str, object]
    metric_options: dict[str, object]
    export: str | None = None
    out: Path | None = None
    write_back: bool = False


@dataclass(frozen=True)
class SourceChoice:
    """Where the rows come from: the store (on disk or in memory) or a remote SPARQL endpoint."""

    store: Path | None
    in_memory: bool | None
    endpoint: str | None
    user: str | None
    password: str | None
    timeout: float

    def open(self):  # noqa: ANN201 - an oxigraph store or a rows function (kg.analytics.sources)
        if self.endpoint is None:
            from kg.store import open_store

            return open_store(self.store, in_memory=self.in_memory)
        from kg.analytics.sources import endpoint_rows
        from kg.sparql.remote import Endpoint

        return endpoint_rows(Endpoint(self.endpoint, self.user, self.password, timeout=self.timeout))


def _list_metrics() -> None:
    from kg.analytics.report import METRICS

    for item in METRICS.values():
        typer.echo(f"{item.name:<20} {item.description}")


def _check_arguments(network: str | None, metric: str | None, fmt: str, k: int | None, export: str | None,
                     out: Path | None, write_back: bool, endpoint: str | None) -> None:
    """Raise :class:`typer.BadParameter` for options that do not go together, before anything is read."""
    if network is None:
        raise typer.BadParameter(f"give the NETWORK: one of {', '.join(NETWORK_NAMES)}")
    if network not in NETWORK_NAMES:
        raise typer.BadParameter(unknown_name("network", network, NETWORK_NAMES))
    if fmt not in OUTPUT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(OUTPUT_FORMATS)}")
    if write_back and metric is None:
        raise typer.BadParameter("--write-back needs --metric")
    if metric is None and export is None:
        raise typer.BadParameter("give --metric NAME (see --list-metrics) or --export graphml|gexf --out FILE")
    if export is not None and out is None:
        raise typer.BadParameter("--export needs --out FILE")
    if k is not None and k < 1:
        raise typer.BadParameter("--k must be at least 1")
    if write_back and endpoint is not None:
        raise typer.BadParameter("--write-back stores scores in the embedded store; it cannot go with --endpoint")
    _check_names(metric, export)


def _check_names(metric: str | None, export: str | None) -> None:
    from kg.analytics.export import EXPORT_FORMATS
    from kg.analytics.report import METRICS

    if export is not None and export not in EXPORT_FORMATS:
        raise typer.BadParameter(f"--export must be one of {', '.join(EXPORT_FORMATS)}")
    if metric is not None and metric not in METRICS:
        raise typer.BadParameter(unknown_name("metric", metric, METRICS, "`eukg analyze --list-metrics` lists them"))


def _run(request: Analysis, source: SourceChoice):  # noqa: ANN202 - (networkx graph, values or None)
    """Build the network, compute the metric, export and store the scores; a :class:`KgError` ends the command."""
    from rich.console import Console

    from kg.analytics.networks import build_network
    from kg.analytics.report import compute
    from kg.commands.options import fail
    from kg.errors import KgError

    console = Console(stderr=True)
    try:
        rows = source.open()
        with console.status(f"building the {request.network} network"):
            graph = build_network(request.network, rows, **request.network_options)
        values = None
        if request.metric is not None:
            with console.status(f"computing {request.metric} on {graph.number_of_nodes()} nodes"):
                values = compute(graph, request.metric, **request.metric_options)
        if request.export is not None:
            _export(graph, request, values, console)
        if request.write_back:
            _write_back(request, source.store, values, console)
    except KgError as error:
        fail(error)
    return graph, values


def _export(graph, request: Analysis, values: dict | None, console) -> None:  # noqa: ANN001 - networkx, rich
    from kg.analytics.export import write_network

    write_network(graph, request.out, request.export, {request.metric: values} if values is not None else None)
    console.print(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {request.out}")


def _write_back(request: Analysis, store: Path | None, values: dict, console) -> None:  # noqa: ANN001 - rich
    from kg.analytics.writeback import score_recipe, store_scores

    recipe = score_recipe(request.network, request.metric, network_options=request.network_options,
                          metric_options=request.metric_options)
    with console.status("storing the scores (validated, as a derived graph)"):
        graph_iri = store_scores(store, values, recipe, notify=console.print)
    console.print(f"stored {len(values)} scores in the derived graph <{graph_iri}>; a build computes "
                  "them again from the rebuilt data")
