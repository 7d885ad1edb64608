"""SHACL validation by pyshacl, the reference validator: the project's shapes and their results as problems."""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import SH

from kg.paths import SHAPES_DIR
from kg.validate.report import SEVERITY_NAMES, Problem, path_text, short


def shapes_graph(shapes_dir: Path = SHAPES_DIR) -> Graph:
    """Return all shapes of ``shapes_dir`` as one rdflib graph."""
    graph = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        graph.parse(path)
    return graph


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
                focus=short(focus),
                message=str(message),
                path=path_text(results, results.value(result, SH.resultPath)),
                value=None if value is None else short(value),
            )
        )
    return problems
