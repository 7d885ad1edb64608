"""``eukg serve`` and ``eukg push``: the store as a SPARQL endpoint, and the store into a remote one."""

from typing import Annotated

import typer


def _origin(value: str | None) -> str | None:
    """Check ``--cors``: one web origin, or nothing."""
    from kg.sparql.serve import check_origin

    try:
        return None if value is None else check_origin(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``push`` to the root app."""
    from kg.commands.options import StoreOption, console, fail

    @app.command()
    def serve(
        host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="Port to listen on (0 picks a free one).")] = 7878,
        store: StoreOption = None,
        timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run.")] = 30.0,
        max_results: Annotated[
            int, typer.Option("--max-results", help="Most rows or triples an answer may have.")
        ] = 10_000,
        no_personal_data: Annotated[
            bool, typer.Option("--no-personal-data",
                               help="Serve a copy without personal data (kg.privacy, as export does).")
        ] = False,
        allow_service: Annotated[
            bool, typer.Option("--allow-service", help="Allow federated queries (SERVICE).")
        ] = False,
        in_memory: Annotated[
            bool | None, typer.Option(
                "--in-memory/--on-disk", help="Each query worker reads an in-memory copy of the store (queries "
                "2-3.5x faster, one copy per worker) or the store on disk; default: in memory while the "
                "copies of all workers hold at most 4 million quads and half of the free RAM.")
        ] = None,
        cors: Annotated[
            str | None, typer.Option(
                "--cors", metavar="ORIGIN", callback=_origin,
                help="Let the web pages of this one origin (e.g. https://app.example.org) read the answers; "
                "by default no page of another origin may.")
        ] = None,
        max_request_bytes: Annotated[
            int, typer.Option("--max-request-bytes", min=1,
                              help="Largest request body in bytes (a larger one gets 413).")
        ] = 1_000_000,
    ) -> None:
        """Serve the store as a read-only SPARQL 1.1 Protocol endpoint (/sparql) with a query page (/).

        The server follows the store: after `eukg build` or `eukg ingest`, queries are answered from
        the new graph without a restart. Changes reach the graph through ingest and build only; `eukg
        push` loads the graph into a triple store that takes SPARQL Update.
        """
        from kg.errors import KgError
        from kg.privacy import public_copy
        from kg.sparql.serve import ServerConfig, serve_location
        from kg.store import fits_in_memory, open_store

        try:
            workers = ServerConfig.workers
            if in_memory is None:
                in_memory = fits_in_memory(len(open_store(store)), copies=workers)
            config = ServerConfig(timeout=timeout, max_results=max_results, allow_service=allow_service,
                                  workers=workers, in_memory=in_memory, cors=cors,
                                  max_request_bytes=max_request_bytes)
            server = serve_location(store, host, port, config, transform=public_copy if no_personal_data else None)
        except (KgError, OSError) as error:
            fail(error)
        if host not in ("127.0.0.1", "localhost", "::1"):
            console.print(f"[yellow]warning:[/yellow] listening on {host}, reachable from other machines")
        bound_host, bound_port = server.server_address[:2]
        base = f"http://{bound_host}:{bound_port}"
        mode = "read-only, follows the store" + (", queries in memory" if in_memory else "")
        console.print(f"SPARQL endpoint {base}/sparql ({mode}), query page {base}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


    from pathlib import Path

    @app.command()
    def push(
        endpoint: Annotated[str, typer.Option("--endpoint", help="The remote SPARQL query endpoint.")],
        graph_store: Annotated[
            str | None, typer.Option("--graph-store", help="Graph Store HTTP Protocol URL (else SPARQL Update).")
        ] = None,
        update_endpoint: Annotated[
            str | None, typer.Option("--update-endpoint", help="SPARQL Update URL (default: --endpoint).")
        ] = None,
        user: Annotated[str | None, typer.Option("--user", help="User name for the remote store.")] = None,
        password: Annotated[str | None, typer.Option("--password", help="Password for the remote store.")] = None,
        batch_size: Annotated[int, typer.Option("--batch-size", help="Triples per request.")] = 5000,
        state: Annotated[
            Path | None, typer.Option("--state", help="Resume file (default: push-state.json beside the store).")
        ] = None,
        timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for each request.")] = 60.0,
        no_personal_data: Annotated[
            bool, typer.Option("--no-personal-data",
                               help="Push a copy without personal data (kg.privacy, as export does).")
        ] = False,
        store: StoreOption = None,
    ) -> None:
        """Load the store into a remote triple store, one named graph per source, and check the counts."""
        from kg.errors import KgError
        from kg.privacy import public_copy
        from kg.sparql.push import push as run_push
        from kg.sparql.remote import Endpoint
        from kg.store import open_store, resolve_location

        state_file = state or resolve_location(store).parent / "push-state.json"
        try:
            source = public_copy(open_store(store)) if no_personal_data else open_store(store)
            with console.status("pushing") as status:
                report = run_push(source, Endpoint(endpoint, user, password, timeout=timeout),
                                  graph_store=graph_store, update_endpoint=update_endpoint, batch_size=batch_size,
                                  state_file=state_file, progress=lambda m: status.update(f"pushed {m}"))
        except KgError as error:
            fail(error)
        console.print(report.text())
        if report.mismatches:
            raise typer.Exit(1)
        state_file.unlink(missing_ok=True)
