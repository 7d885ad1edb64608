"""Property: any sequence of ingest, re-ingest, remove and build keeps files, store and a fresh build in agreement."""

from __future__ import annotations

from pathlib import Path

import pytest
from clones import clone_store, source_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.build.full import graph_sizes
from kg.ingest.sources import remove_source, replace_source
from kg.namespaces import EKG, SOURCE
from kg.store import open_store
from kg.store.writer import build

IDS = ("s1", "s2", "s3")
MUNICIPALITY = URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/municipality")
SHARED = URIRef("https://w3id.org/eu-regional-kg/id/organisation/shared-org")


def _source(identifier: str, labels: int, shared: bool) -> Graph:
    """A small valid source; with ``shared`` it also describes one organisation that other sources describe too."""
    graph = source_document(identifier)
    org = URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/{identifier}-org")
    for number in range(labels):
        graph.add((org, SKOS.altLabel, Literal(f"{identifier} name {number}", lang="en")))
    if shared:
        graph.add((SHARED, RDF.type, EKG.Organisation))
        graph.add((SHARED, SKOS.prefLabel, Literal("Shared organisation", lang="en")))
        graph.add((SHARED, EKG.organisationType, MUNICIPALITY))
    return graph


operations = st.lists(
    st.one_of(
        st.tuples(st.just("ingest"), st.sampled_from(IDS), st.integers(0, 3), st.booleans(), st.booleans()),
        st.tuples(st.just("remove"), st.sampled_from(IDS)),
        st.tuples(st.just("build")),
    ),
    min_size=1,
    max_size=6,
)


def _apply(operation: tuple, location: Path, data: Path, present: dict[str, int]) -> None:
    kind = operation[0]
    if kind == "ingest":
        _, identifier, labels, shared, save = operation
        graph = _source(identifier, labels, shared)
        replace_source(identifier, graph, location, save=save)
        present[identifier] = len(graph)
    elif kind == "remove":
        identifier = operation[1]
        if identifier in present:
            assert remove_source(identifier, location)
            del present[identifier]
    else:
        result = build(location, data_dir=data)
        assert result.report.conforms, result.report


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=operations)
def test_any_sequence_of_writes_keeps_files_store_and_build_in_agreement(built_store_path: Path, tmp_path_factory,
                                                                        steps: list[tuple]) -> None:
    location, data = clone_store(built_store_path, tmp_path_factory.mktemp("prop"))
    present: dict[str, int] = {}
    for step in steps:
        _apply(step, location, data, present)
        sizes = graph_sizes(open_store(location))
        for identifier in IDS:
            assert sizes.get(str(SOURCE[identifier]), 0) == present.get(identifier, 0), (step, identifier)
    fresh = tmp_path_factory.mktemp("fresh") / "store"
    rebuilt = build(fresh, data_dir=data)
    assert rebuilt.report.conforms, rebuilt.report
    local = location.parent / f"{location.name}.local-sources"
    incremental = graph_sizes(open_store(location))
    # A fresh store has no local sources of this store's (--no-save); everything else is the same.
    unsaved = {str(SOURCE[path.stem]) for path in local.glob("*.ttl")} if local.is_dir() else set()
    assert {g: n for g, n in incremental.items() if g not in unsaved} == rebuilt.graph_sizes
