"""The report of a validation: problems in plain language, each naming its node and the files that state it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kg.internal_queries import internal_query
from kg.layout import file_of_graph
from kg.namespaces import PREFIXES
from kg.paths import DATA_DIR

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Problem:
    """One problem in the data: the node, the property path, what is wrong, and where it was stated."""

    severity: str
    focus: str
    message: str
    path: str | None = None
    value: str | None = None
    files: tuple[str, ...] = ()

    def line(self) -> str:
        """Return the problem as one line of plain language."""
        where = f" [{', '.join(self.files)}]" if self.files else ""
        path = f" {self.path}:" if self.path else ""
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {self.focus}{where}{path} {self.message}{value}"


@dataclass
class Report:
    """The outcome of a validation: conforming when it holds no violation (warnings are allowed)."""

    problems: list[Problem] = field(default_factory=list)

    @property
    def violations(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def text(self) -> str:
        """Return the report as plain text: a summary line, then one line per problem."""
        warnings = len(self.problems) - len(self.violations)
        head = "conforms" if self.conforms else "does NOT conform"
        lines = [f"{head}: {len(self.violations)} violation(s), {warnings} warning(s)"]
        lines += [p.line() for p in sorted(self.problems, key=lambda p: (p.severity != "Violation", p.focus))]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


def short(term: object) -> str:
    """Return ``term`` as a report shows it: a prefixed name when a project prefix fits, else ``<IRI>`` or its text.

    >>> from kg.namespaces import EKG
    >>> short(EKG.Project)
    'ekg:Project'
    """
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>" if isinstance(term, URIRef) else text


def expand(shown: str) -> str | None:
    """Return the full IRI of a node written by :func:`short`, or None for a literal or blank node."""
    if shown.startswith("<") and shown.endswith(">"):
        return shown[1:-1]
    prefix, sep, local = shown.partition(":")
    if sep and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    return None


def path_text(results: Graph, path: object) -> str | None:
    """Return a result's property path as a report shows it (a complex path is not spelled out)."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return short(path)
    return "(complex path)"


def _files_of(store: ox.Store, focus: str, data_dir: Path) -> tuple[str, ...]:
    iri = expand(focus)
    if iri is None:
        return ()
    rows = store.query(
        internal_query("focus_graphs"),
        substitutions={ox.Variable("focus"): ox.NamedNode(iri)},
    )
    return tuple(sorted(file_of_graph(row["g"].value, data_dir) or row["g"].value for row in rows))


def located(store: ox.Store, problems: Iterable[Problem], data_dir: Path = DATA_DIR) -> list[Problem]:
    """Return ``problems`` with the files that state each problem's node (read from ``store``'s graphs);
    a problem that names its files already keeps them."""
    return [p if p.files else Problem(p.severity, p.focus, p.message, p.path, p.value,
                                      _files_of(store, p.focus, data_dir))
            for p in problems]
