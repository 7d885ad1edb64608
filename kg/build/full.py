"""A full build: the ontology, the generated reference tables and every data file into a new store, validated.

:class:`kg.store.writer.Writer` runs it under the writer lock and swaps the result in.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import store as kgstore
from kg.errors import ValidationFailed
from kg.internal_queries import internal_query
from kg.layout import COUNTRIES_GRAPH, NUTS_GRAPH, STATISTICAL_REGIONS_GRAPH, UK_NUTS_GRAPH, graph_files
from kg.paths import DATA_DIR, ONTOLOGY_FILE
from kg.reference.countries import countries_graph
from kg.reference.nuts import nuts_graph
from kg.reference.other_regions import statistical_regions_graph, uk_nuts_graph
from kg.store import names
from kg.validate import Report, validate_store


@dataclass
class BuildResult:
    """What a build produced: where the store is, its graphs with their sizes, and the validation report."""

    location: Path
    graph_sizes: dict[str, int] = field(default_factory=dict)
    report: Report | None = None

    @property
    def triples(self) -> int:
        return sum(self.graph_sizes.values())


def load_all(store: ox.Store, data_dir: Path = DATA_DIR, ontology_file: Path = ONTOLOGY_FILE,
             progress: Callable[[str], None] | None = None, local_dir: Path | None = None) -> None:
    """Load the generated reference graphs and every data file of the project into ``store``.

    The files are bulk-loaded (fast, not transactional): ``store`` must be a new one that is thrown
    away when a file does not parse, as :func:`build_into` does.
    """
    kgstore.load_graph(store, nuts_graph(), NUTS_GRAPH)
    kgstore.load_graph(store, uk_nuts_graph(), UK_NUTS_GRAPH)
    kgstore.load_graph(store, statistical_regions_graph(), STATISTICAL_REGIONS_GRAPH)
    kgstore.load_graph(store, countries_graph(), COUNTRIES_GRAPH)
    for item in graph_files(data_dir, ontology_file, local_dir):
        if progress:
            progress(str(item.path))
        kgstore.load_file(store, item.path, item.graph, bulk=True)


def graph_sizes(store: ox.Store) -> dict[str, int]:
    """Return the number of triples in each named graph of ``store``."""
    rows = store.query(internal_query("graph_sizes"))
    return {row["g"].value: int(row["n"].value) for row in rows}


def build_into(new_dir: Path, data_dir: Path = DATA_DIR, ontology_file: Path = ONTOLOGY_FILE,
               validate: bool = True, progress: Callable[[str], None] | None = None,
               local_dir: Path | None = None, derived: dict[str, dict] | None = None
               ) -> tuple[dict[str, int], Report | None]:
    """Build the whole graph into the new, empty store directory ``new_dir``; return its graph sizes and report.

    The derived graphs of ``derived`` (graph IRI → recipe) are computed again from their recipes
    (:mod:`kg.store.derived`): the links of record linkage before the validation, which reads them,
    the analytics scores once the data conforms.
    Only :class:`kg.store.writer.Writer` calls this, holding the writer lock; it records the files
    and swaps the directory in.

    Raises
    ------
    InputError
        A file does not parse.
    ValidationFailed
        The data has SHACL or quality violations.
    """
    store: ox.Store | None = None
    try:
        store = ox.Store(str(new_dir))
        load_all(store, data_dir, ontology_file, progress, local_dir)
        names.create(new_dir, store)
        _derive(store, new_dir, derived, True, progress)
        report = validate_store(store, data_dir=data_dir) if validate else None
        if report is not None and not report.conforms:
            raise ValidationFailed(report)
        _derive(store, new_dir, derived, False, progress)
        store.optimize()
        sizes = graph_sizes(store)
        store.flush()
        store = None  # closed before the swap
    except BaseException as error:
        # Close the store before its folder is deleted: a bulk loader's store writes its last files
        # when it closes, and the loaders' frames in the traceback would keep it open.
        traceback.clear_frames(error.__traceback__)
        store = None  # noqa: F841 - dropping the last reference closes the store
        raise
    return sizes, report


def _derive(store: ox.Store, new_dir: Path, derived: dict[str, dict] | None, early: bool,
            progress: Callable[[str], None] | None) -> None:
    """Compute the derived graphs of ``derived`` that are computed ``early`` (before validation) or not."""
    from kg.store import derived as kinds

    for graph_iri, recipe in (derived or {}).items():
        if kinds.early(recipe) == early:
            if progress:
                progress(f"recomputing {graph_iri}")
            kgstore.load_graph(store, kinds.compute(store, recipe, new_dir), graph_iri)
