"""Loading one N-Triples/N-Quads file on several threads gives exactly what one loader gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.store import load_file, parallel_load
from kg.store.parallel_load import line_cuts, parallel_bulk_load

EX = "https://example.org/"


def _write_nquads(path: Path, statements: int, blank: bool = True) -> None:
    quads = []
    for number in range(statements):
        subject = ox.NamedNode(f"{EX}s{number % 97}") if number % 5 or not blank else ox.BlankNode(f"b{number % 7}")
        value = ox.Literal(f"value {number} é", language="fr") if number % 3 else ox.Literal(str(number))
        graph = ox.NamedNode(f"{EX}g{number % 4}") if number % 2 else ox.DefaultGraph()
        quads.append(ox.Quad(subject, ox.NamedNode(f"{EX}p{number % 11}"), value, graph))
    ox.serialize(quads, str(path), format=ox.RdfFormat.N_QUADS)


def _contents(store: ox.Store) -> set[str]:
    return {str(quad) for quad in store}


@pytest.mark.parametrize("threads", [2, 3, 7])
def test_parallel_load_equals_one_loader(tmp_path: Path, threads: int) -> None:
    path = tmp_path / "data.nq"
    _write_nquads(path, 5_000, blank=False)
    one, many = ox.Store(), ox.Store()
    one.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    parallel_bulk_load(many, path, ox.RdfFormat.N_QUADS, threads=threads)
    assert len(many) == len(one) > 0
    assert _contents(many) == _contents(one)


def test_blank_nodes_keep_their_identity(tmp_path: Path, monkeypatch) -> None:
    """A store renames each load's blank nodes apart: a file with ``_:`` is not cut."""
    path = tmp_path / "data.nq"
    _write_nquads(path, 3_000)
    cut: list[int] = []
    monkeypatch.setattr(parallel_load, "line_cuts", lambda *args: cut.append(1) or line_cuts(*args))
    store = ox.Store()
    parallel_bulk_load(store, path, ox.RdfFormat.N_QUADS, threads=4)
    assert cut == []
    assert len({quad.subject for quad in store if isinstance(quad.subject, ox.BlankNode)}) == 7


def test_cuts_fall_on_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "data.nq"
    _write_nquads(path, 1_000, blank=False)
    data = path.read_bytes()
    cuts = line_cuts(path, 6)
    assert cuts[0] == 0 and cuts[-1] == len(data) and cuts == sorted(set(cuts))
    assert all(data[cut - 1:cut] == b"\n" for cut in cuts[1:-1])
    assert len(line_cuts(path, 1)) == 2


def test_error_in_a_later_part_names_the_line_of_the_whole_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "broken.nt"
    lines = [f"<{EX}s{n}> <{EX}p> \"{n}\" ." for n in range(2_000)]
    lines[1_733] = f"<{EX}s> <{EX}p> \"unterminated ."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SyntaxError) as raised:
        parallel_bulk_load(ox.Store(), path, ox.RdfFormat.N_TRIPLES, threads=4)
    assert raised.value.lineno == 1_734
    # through the project's loader (bulk, above the size threshold): the file and line are named
    monkeypatch.setattr("kg.store.files.PARALLEL_MIN_BYTES", 0)
    with pytest.raises(InputError) as error:
        load_file(ox.Store(), path, f"{EX}g", bulk=True)
    assert error.value.line == 1_734 and str(path) in str(error.value)


def test_only_line_formats(tmp_path: Path) -> None:
    path = tmp_path / "data.ttl"
    path.write_text(f"<{EX}s> <{EX}p> 1 .\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Turtle cannot be cut"):
        parallel_bulk_load(ox.Store(), path, ox.RdfFormat.TURTLE)


def test_large_files_take_the_parallel_path(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "data.nt"
    path.write_text(f"<{EX}s> <{EX}p> \"x\" .\n<{EX}t> <{EX}p> \"y\" .\n", encoding="utf-8")
    calls: list[Path] = []
    real = parallel_load.parallel_bulk_load

    def spy(store, file, fmt, to_graph=None, threads=None):
        calls.append(file)
        return real(store, file, fmt, to_graph, threads)

    monkeypatch.setattr("kg.store.files.parallel_bulk_load", spy)
    monkeypatch.setattr("kg.store.files.PARALLEL_MIN_BYTES", 0)
    store = ox.Store()
    load_file(store, path, f"{EX}g", bulk=True)
    assert calls == [path]
    assert {quad.graph_name for quad in store} == {ox.NamedNode(f"{EX}g")} and len(store) == 2


@pytest.mark.parametrize(("text", "found"), [
    (b"", False),
    (b"<a_b> <p> <c> .\n", False),
    (b"<a> <p> _:x .\n", True),
    (b"<a> <p> <c_> .\n<d> <p> \"ends in _\" .\n_", False),  # "_" as the last byte of the file
    (b"<a> <p> \"_:\" .\n", True),  # inside a literal: cut anyway, to stay on the safe side
])
def test_has_blank_nodes(tmp_path: Path, text: bytes, found: bool) -> None:
    path = tmp_path / "data.nt"
    path.write_bytes(text)
    assert parallel_load.has_blank_nodes(path) is found


@pytest.mark.parametrize("found", [True, False])
def test_has_blank_nodes_past_many_underscores(tmp_path: Path, monkeypatch, found: bool) -> None:
    # Past the first underscores the search for the pair takes over; it must see a blank node after them.
    monkeypatch.setattr(parallel_load, "_UNDERSCORES_BEFORE_PAIR_SEARCH", 5)
    path = tmp_path / "data.nt"
    lines = [f"<{EX}s_{number}> <{EX}p_q> <{EX}o_{number}> .\n" for number in range(20)]
    lines.append(f"_:b <{EX}p> <{EX}o> .\n" if found else f"<{EX}s> <{EX}p> <{EX}o_last> .\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert parallel_load.has_blank_nodes(path) is found
