"""The safe defaults of the commands that talk to the network: localhost, read-only, no SERVICE, personal data optional."""

from __future__ import annotations

import typer.main

from kg.cli import app


def _defaults(name: str) -> dict[str, object]:
    command = typer.main.get_command(app)
    assert hasattr(command, "commands")
    return {p.name: p.default for p in command.commands[name].params}


def test_serve_binds_to_localhost_read_only_without_service_by_default() -> None:
    serve = _defaults("serve")
    assert serve["host"] == "127.0.0.1"
    assert "allow_update" not in serve and "token" not in serve  # changes go through ingest and build only
    assert serve["allow_service"] is False
    assert serve["timeout"] > 0 and serve["max_results"] > 0
    assert serve["cors"] is None  # no web page of another origin may read the answers
    assert serve["no_personal_data"] is False  # an option: `--no-personal-data` serves a copy without persons


def test_every_command_that_publishes_the_graph_can_leave_out_personal_data() -> None:
    for name in ("export", "release", "serve", "push"):
        assert "no_personal_data" in _defaults(name), f"eukg {name} has no --no-personal-data"
