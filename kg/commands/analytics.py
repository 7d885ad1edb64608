"""``eukg analyze``: collaboration networks of the graph, their metrics, exports and write-back.

No ``from __future__ import annotations`` here: typer reads the annotations of the command at run
time, and the ``--store`` option type is imported from :mod:`kg.cli` inside :func:`register`.
"""

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

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
        from rich.console import Console

        from kg.commands.options import fail
        from kg.errors import KgError

        console = Console(stderr=True)
        if list_metrics:
            from kg.analytics.report import METRICS

            for item in METRICS.values():
                typer.echo(f"{item.name:<20} {item.description}")
            return
        if network is None:
            raise typer.BadParameter(f"give the NETWORK: one of {', '.join(NETWORK_NAMES)}")
        if network not in NETWORK_NAMES:
            raise typer.BadParameter(f"NETWORK must be one of {', '.join(NETWORK_NAMES)}, not {network!r}")
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

        from kg.analytics.export import EXPORT_FORMATS, write_network
        from kg.analytics.networks import build_network
        from kg.analytics.report import METRICS, compute, ranking
        from kg.analytics.writeback import score_recipe, store_scores
        from kg.store import open_store

        if export is not None and export not in EXPORT_FORMATS:
            raise typer.BadParameter(f"--export must be one of {', '.join(EXPORT_FORMATS)}")
        if metric is not None and metric not in METRICS:
            raise typer.BadParameter(f"unknown metric {metric!r}; known metrics: {', '.join(METRICS)}")
        try:
            if endpoint is not None:
                from kg.analytics.sources import endpoint_rows
                from kg.sparql.remote import Endpoint

                source = endpoint_rows(Endpoint(endpoint, user, password, timeout=timeout))
            else:
                source = open_store(store, in_memory=in_memory)
            network_options = {"level": level, "events": events, "organisers": organisers,
                               "project_partners": project_partners}
            metric_options = {"seed": seed, "k": k, "by": by, "backend": backend}
            with console.status(f"building the {network} network"):
                graph = build_network(network, source, **network_options)
            values = None
            if metric is not None:
                with console.status(f"computing {metric} on {graph.number_of_nodes()} nodes"):
                    values = compute(graph, metric, **metric_options)
            if export is not None:
                write_network(graph, out, export, {metric: values} if values is not None else None)
                console.print(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {out}")
            if write_back:
                recipe = score_recipe(network, metric, network_options=network_options, metric_options=metric_options)
                with console.status("storing the scores (validated, as a derived graph)"):
                    graph_iri = store_scores(store, values, recipe, notify=console.print)
                console.print(f"stored {len(values)} scores in the derived graph <{graph_iri}>; a build computes "
                              "them again from the rebuilt data")
        except KgError as error:
            fail(error)
        if values is not None:
            columns, rows = ranking(graph, metric, values, top=top or None)
            _format(columns, rows, fmt, f"{metric} in the {network} network")
