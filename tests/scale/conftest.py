"""Fixtures of the scale tests: a small generated graph with a new source of injected violations."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import NewSourceResult, write_graph, write_new_source  # noqa: E402


@dataclass
class Generated:
    """A generated graph (with the project's reference data) and a new source, on disk and in stores."""

    graph_file: Path
    new_file: Path
    new: NewSourceResult
    base: ox.Store  # reference + generated graph
    full: ox.Store  # reference + generated graph + new source
    source: ox.Store  # the new source alone


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    folder = tmp_path_factory.mktemp("generated")
    graph_file, new_file = folder / "graph.nq", folder / "new.nq"
    result = write_graph(graph_file, 2_000, seed=3, with_reference=True)
    new = write_new_source(new_file, result, violations=2, projects=14)
    base, full, source = ox.Store(), ox.Store(), ox.Store()
    base.bulk_load(path=str(graph_file), format=ox.RdfFormat.N_QUADS)
    full.bulk_load(path=str(graph_file), format=ox.RdfFormat.N_QUADS)
    full.bulk_load(path=str(new_file), format=ox.RdfFormat.N_QUADS)
    source.bulk_load(path=str(new_file), format=ox.RdfFormat.N_QUADS)
    return Generated(graph_file, new_file, new, base, full, source)


@pytest.fixture(scope="session")
def pyshacl_report(generated: Generated):
    """The reference validation (pyshacl) of reference data + generated graph + new source, run once."""
    from kg.validate import validate_store

    return validate_store(generated.full, engine="pyshacl")
