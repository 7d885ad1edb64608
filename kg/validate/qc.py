"""The data-quality queries (the ODK convention): each ``queries/qc/NAME-violation.rq`` row is a problem.

They add checks SHACL expresses badly; each is a SELECT whose rows (``?focus`` and ``?message``) are problems.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.paths import QUERIES_DIR
from kg.validate.report import Problem, short


def qc_queries(queries_dir: Path = QUERIES_DIR / "qc") -> list[Path]:
    """Return the data-quality queries: files named ``*-violation.rq``."""
    return sorted(queries_dir.glob("*-violation.rq"))


def qc_problems(store: ox.Store, queries: Iterable[Path] | None = None) -> list[Problem]:
    """Run each violation query over the store; every row is a problem."""
    problems = []
    for path in queries if queries is not None else qc_queries():
        for row in store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True):
            focus, message = row["focus"], row["message"]
            problems.append(
                Problem(
                    severity="Violation",
                    focus=short(URIRef(focus.value)) if isinstance(focus, ox.NamedNode) else str(focus),
                    message=f"{message.value if message is not None else 'violates'} ({path.stem})",
                )
            )
    return problems
