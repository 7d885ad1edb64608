"""Validation: SHACL shapes, data-quality queries and term checks, reported as plain-language problems.

- :mod:`kg.validate.report`: :class:`Problem`, :class:`Report` and how nodes are shown;
- :mod:`kg.validate.shacl`: pyshacl, the reference validator, and the project's shapes;
- :mod:`kg.validate.fast`: shacl-rust behind the same report, and incremental validation of a change;
- :mod:`kg.validate.qc`: the data-quality queries (``queries/qc/*-violation.rq``);
- :mod:`kg.validate.terms`: ill-typed literals and undeclared ``ekg:`` terms.

:func:`validate_store` runs them all on a store.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.paths import DATA_DIR
from kg.store.terms import to_dataset
from kg.validate.fast import choose_engine, store_quads_problems
from kg.validate.qc import qc_problems, qc_queries
from kg.validate.report import Problem, Report, located
from kg.validate.shacl import shacl_problems, shapes_graph
from kg.validate.terms import term_problems


def validate_store(store: ox.Store, shapes: Graph | None = None, data_dir: Path = DATA_DIR,
                   engine: str = "auto") -> Report:
    """Validate the union of every graph of ``store``; each problem names the files that state its node.

    ``data_dir`` is the data folder the store was built from, to name the file of each named graph.
    ``engine`` is ``pyshacl`` (the reference), ``fast`` (shacl-rust, same results) or ``auto``: the
    fast engine (:data:`kg.validate.fast.AUTO_THRESHOLD` is 0: it gives the same results).
    Ill-typed literals and undeclared ``ekg:`` terms are reported too (:mod:`kg.validate.terms`).
    """
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


__all__ = ["Problem", "Report", "located", "qc_problems", "qc_queries", "shacl_problems", "shapes_graph",
           "validate_store"]
