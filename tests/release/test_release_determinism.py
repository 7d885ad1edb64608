"""The same graph gives byte-identical release files, whatever the store and the blank-node labels."""

from __future__ import annotations

import gzip

import pyoxigraph as ox
import pytest
from release_helpers import ISSUED, VERSION, release_files

from kg.export.canonical import canonical_quads
from kg.export.files import write
from kg.export.rdf import RDF_FORMATS
from kg.export.release import release
from kg.store import open_store
from kg.store.writer import build


@pytest.mark.slow
def test_two_releases_of_the_same_store_are_byte_identical(store, full_release, tmp_path) -> None:
    again = release(store, tmp_path / "again", version=VERSION, issued=ISSUED)
    first, second = release_files(full_release.folder), release_files(again.folder)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


@pytest.mark.slow
def test_a_rebuilt_store_gives_the_same_release(full_release, tmp_path) -> None:
    # A second build loads the same files into a new store: its internal order may differ, the release may not.
    location = tmp_path / "store"
    build(location, validate=False)
    again = release(open_store(location), tmp_path / "rebuilt", version=VERSION, issued=ISSUED)
    first, second = release_files(full_release.folder), release_files(again.folder)
    assert [name for name in first if first[name] != second.get(name)] == []


def test_blank_node_labels_do_not_change_the_output() -> None:
    p, q = ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/q")
    g = ox.NamedNode("http://example.org/g")

    def statements(a: str, b: str) -> list[ox.Quad]:
        x, y = ox.BlankNode(a), ox.BlankNode(b)
        return [ox.Quad(x, p, y, g), ox.Quad(y, q, ox.Literal("leaf"), g), ox.Quad(x, q, ox.Literal("root"), g)]

    one = ox.serialize(canonical_quads(statements("first", "second")), format=ox.RdfFormat.N_QUADS)
    two = ox.serialize(canonical_quads(reversed(statements("zz", "aa"))), format=ox.RdfFormat.N_QUADS)
    assert one == two
    assert b"_:c14n" in one


def test_output_is_sorted(full_release) -> None:
    lines = (full_release.folder / "eukg.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines)) == full_release.statistics.triples


def test_gzip_copies_are_deterministic(full_release, tmp_path) -> None:
    for fmt in RDF_FORMATS.values():
        plain = full_release.folder / f"eukg.{fmt.extension}"
        name = plain.name
        packed = (full_release.folder / (name + ".gz")).read_bytes()
        assert gzip.decompress(packed) == plain.read_bytes()
        assert packed[4:8] == b"\0\0\0\0"  # mtime 0
        assert packed[3] & 0x08 == 0  # no file name stored
    first = write(tmp_path / "a.txt", lambda w: w.write(b"same content\n"))[1]
    second = write(tmp_path / "b.txt", lambda w: w.write(b"same content\n"))[1]
    assert first.sha256 == second.sha256
