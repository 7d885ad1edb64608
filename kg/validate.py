"""SHACL validation and data-quality queries, reported as a list of plain-language problems.

pyshacl is the reference validator. The ODK convention adds checks SHACL expresses badly: each
``queries/qc/NAME-violation.rq`` is a SELECT whose rows (``?focus`` and ``?message``) are problems.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kg.layout import file_of_graph
from kg.namespaces import PREFIXES
from kg.paths import DATA_DIR, QUERIES_DIR, SHAPES_DIR
from kg.store.terms import to_dataset

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


def shapes_graph(shapes_dir: Path = SHAPES_DIR) -> Graph:
    """Return all shapes of ``shapes_dir`` as one rdflib graph."""
    graph = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        graph.parse(path)
    return graph


def _short(term: object) -> str:
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>" if isinstance(term, URIRef) else text


def _expand(short: str) -> str | None:
    """Return the full IRI of a node written by :func:`_short`, or None for a literal or blank node."""
    if short.startswith("<") and short.endswith(">"):
        return short[1:-1]
    prefix, sep, local = short.partition(":")
    if sep and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    return None


def _path_text(results: Graph, path: object) -> str | None:
    if path is None:
        return None
    if isinstance(path, URIRef):
        return _short(path)
    return "(complex path)"


def shacl_problems(data: Graph, shapes: Graph | None = None) -> list[Problem]:
    """Validate ``data`` against ``shapes`` with pyshacl and return the problems (without file names)."""
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        allow_warnings=True,
        advanced=True,
    )
    problems = []
    for result in results.subjects(SH.resultSeverity, None):
        severity = SEVERITY_NAMES.get(results.value(result, SH.resultSeverity), "Violation")
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage) or "does not conform to its shape"
        value = results.value(result, SH.value)
        problems.append(
            Problem(
                severity=severity,
                focus=_short(focus),
                message=str(message),
                path=_path_text(results, results.value(result, SH.resultPath)),
                value=None if value is None else _short(value),
            )
        )
    return problems


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
                    focus=_short(URIRef(focus.value)) if isinstance(focus, ox.NamedNode) else str(focus),
                    message=f"{message.value if message is not None else 'violates'} ({path.stem})",
                )
            )
    return problems


def _files_of(store: ox.Store, focus: str, data_dir: Path) -> tuple[str, ...]:
    iri = _expand(focus)
    if iri is None:
        return ()
    rows = store.query(
        "SELECT DISTINCT ?focus ?g WHERE { GRAPH ?g { ?focus ?p ?o } }",
        substitutions={ox.Variable("focus"): ox.NamedNode(iri)},
    )
    return tuple(sorted(file_of_graph(row["g"].value, data_dir) or row["g"].value for row in rows))


def located(store: ox.Store, problems: Iterable[Problem], data_dir: Path = DATA_DIR) -> list[Problem]:
    """Return ``problems`` with the files that state each problem's node (read from ``store``'s graphs);
    a problem that names its files already keeps them."""
    return [p if p.files else Problem(p.severity, p.focus, p.message, p.path, p.value,
                                      _files_of(store, p.focus, data_dir))
            for p in problems]


def validate_store(store: ox.Store, shapes: Graph | None = None, data_dir: Path = DATA_DIR,
                   engine: str = "auto") -> Report:
    """Validate the union of every graph of ``store``; each problem names the files that state its node.

    ``data_dir`` is the data folder the store was built from, to name the file of each named graph.
    ``engine`` is ``pyshacl`` (the reference), ``fast`` (shacl-rust, same results) or ``auto``: the
    fast engine (:data:`kg.validate_fast.AUTO_THRESHOLD` is 0: it gives the same results).
    Ill-typed literals and undeclared ``ekg:`` terms are reported too (:mod:`kg.validate_terms`).
    """
    from kg.validate_fast import choose_engine, store_quads_problems
    from kg.validate_terms import term_problems

    shapes = shapes if shapes is not None else shapes_graph()
    if choose_engine(engine, len(store)) == "fast":
        shacl = store_quads_problems(store, shapes)
    else:
        data = Graph()
        for quad_graph in to_dataset(store).graphs():
            data += quad_graph
        shacl = shacl_problems(data, shapes)
    terms = term_problems(store, data_dir=data_dir)
    return Report(located(store, shacl + qc_problems(store) + terms, data_dir))


__all__ = ["Problem", "Report", "located", "qc_problems", "shacl_problems", "shapes_graph", "validate_store"]
