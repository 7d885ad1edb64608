"""``kg.store.dump_union`` writes the union of every graph, one graph per thread, as one N-Triples file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import dump_union

EX = "https://example.org/"


def _store() -> ox.Store:
    store = ox.Store()
    shared = ox.BlankNode()
    p = ox.NamedNode(f"{EX}p")
    for number in range(7):
        graph = ox.NamedNode(f"{EX}g{number}")
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{number}"), p, ox.Literal(f"value {number}", language="pl"), graph))
        # The same blank node, and the same statement, in every graph.
        store.add(ox.Quad(shared, p, ox.NamedNode(f"{EX}o"), graph))
    store.add(ox.Quad(ox.NamedNode(f"{EX}d"), p, ox.Literal("in the default graph")))
    store.add_graph(ox.NamedNode(f"{EX}empty"))
    return store


def _union(store: ox.Store) -> set[ox.Triple]:
    return {quad.triple for quad in store}


@pytest.mark.parametrize("threads", [1, 2, 5, 20])
def test_the_file_holds_the_union(tmp_path: Path, threads: int) -> None:
    store = _store()
    path = tmp_path / "union.nt"
    dump_union(store, path, threads=threads)
    read = ox.Store()
    read.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    blank = [t for t in _union(read) if isinstance(t.subject, ox.BlankNode)]
    # One blank node, one statement about it: the parts share the store's blank-node identifiers.
    assert len(blank) == 1
    original = {t for t in _union(store) if not isinstance(t.subject, ox.BlankNode)}
    assert {t for t in _union(read) if not isinstance(t.subject, ox.BlankNode)} == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["union.nt"]  # no part left behind


def test_the_file_is_the_same_on_any_number_of_threads(tmp_path: Path) -> None:
    store = _store()
    dump_union(store, tmp_path / "one.nt", threads=1)
    dump_union(store, tmp_path / "three.nt", threads=3)
    assert (tmp_path / "one.nt").read_bytes() == (tmp_path / "three.nt").read_bytes()


def test_a_failed_dump_raises_and_leaves_no_parts(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        dump_union(_store(), tmp_path / "missing" / "union.nt", threads=2)
    assert list(tmp_path.iterdir()) == []

