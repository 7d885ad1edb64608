"""What ``eukg resolve`` prints: a table or JSON records, with each candidate's status.

Shared by the typer command (:mod:`kg.commands.resolver`) and its fast path
(:mod:`kg.resolve.fast`), so both print the same thing.
"""

from __future__ import annotations

import json

from kg.resolve.resolver import AMBIGUOUS, MATCH, Candidate, Decision
from kg.resolve.thresholds import ACCEPT, MARGIN

__all__ = ["FORMATS", "json_text", "rows", "table"]

#: The output formats of ``eukg resolve``.
FORMATS = ("table", "json")


def rows(decision: Decision) -> list[tuple[Candidate, str]]:
    """Return the candidates to print with their status: every tied candidate, then the others up to the limit.

    The status is ``match`` for the answer, ``ambiguous`` for each candidate of a tie and
    ``candidate`` for the others.
    """
    tied = {c.iri for c in decision.tied}
    shown = list(decision.tied) + [c for c in decision.candidates if c.iri not in tied]
    shown = shown[: max(len(decision.candidates), len(decision.tied))]
    result = []
    for position, candidate in enumerate(shown):
        if candidate.iri in tied:
            status = "ambiguous"
        elif position == 0 and decision.status == MATCH:
            status = "match"
        else:
            status = "candidate"
        result.append((candidate, status))
    return result


def records(decision: Decision) -> list[dict[str, object]]:
    """Return the ``{"iri", "label", "type", "score", "status"}`` records of the candidates, best first."""
    return [{"iri": c.iri, "label": c.label, "type": c.type, "score": c.score, "status": status}
            for c, status in rows(decision)]


def json_text(decision: Decision) -> str:
    """Return the JSON list of :func:`records`."""
    return json.dumps(records(decision), ensure_ascii=False, indent=2)


def title(name: str, decision: Decision) -> str:
    """Return the table's title: the answer, the tie and its candidates, or that there is no clear match."""
    if decision.status == MATCH:
        best = decision.candidates[0]
        return f"{name!r} is {best.label} ({best.type})"
    if decision.status == AMBIGUOUS:
        listed = "; ".join(f"{c.label} ({c.type})" for c in decision.tied)
        return (f"{name!r} is ambiguous, no clear match: {len(decision.tied)} candidates within {MARGIN:g} "
                f"points of each other: {listed}")
    if decision.candidates:
        return f"{name!r}: no clear match (accepted at {ACCEPT:g}); candidates"
    return f"{name!r}: nothing close"


def table(name: str, decision: Decision):  # noqa: ANN201 - a rich Table (rich is imported only here)
    """Return the rich table of the candidates, titled with :func:`title`."""
    from rich.table import Table

    result = Table(title=title(name, decision))
    for column in ("score", "status", "type", "label", "iri"):
        result.add_column(column, overflow="fold")
    for candidate, status in rows(decision):
        result.add_row(f"{candidate.score:.1f}", status, candidate.type, candidate.label, candidate.iri)
    return result
