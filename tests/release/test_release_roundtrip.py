"""Every release file parses with a second, independent parser into the graph of the store.

pyoxigraph writes the bulk formats, so rdflib (and Debian's raptor ``rapper``, when installed) reads them
back; rdflib writes the JSON-LD, so pyoxigraph and pyld read it back. Graphs are compared as sets of
canonical N-Quads lines (RDFC-1.0 blank-node labels), which is graph isomorphism.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export.canonical import canonical_quads
from kg.export.context import CONTEXT_URL, document_loader
from kg.paths import SHAPES_DIR
from kg.privacy import public_copy

RAPPER = shutil.which("rapper")


def canonical(statements: Iterable[ox.Quad | ox.Triple]) -> set[str]:
    """Return statements as canonical N-Quads lines (triples go to the default graph)."""
    quads = [s if isinstance(s, ox.Quad) else ox.Quad(s.subject, s.predicate, s.object) for s in statements]
    return {str(quad) for quad in canonical_quads(quads)}


@pytest.fixture(scope="module")
def store_quads(store) -> set[str]:
    return canonical(store)


@pytest.fixture(scope="module")
def store_triples(store) -> set[str]:
    return canonical({ox.Triple(q.subject, q.predicate, q.object) for q in store})


def via_rdflib(path: Path, fmt: str, quads: bool) -> set[str]:
    """Parse ``path`` with rdflib and hand its statements over as rdflib-written N-Quads/N-Triples."""
    if quads:
        data = Dataset().parse(path, format=fmt).serialize(format="nquads", encoding="utf-8")
        return canonical(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    data = Graph().parse(path, format=fmt).serialize(format="nt", encoding="utf-8")
    return canonical(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


@pytest.mark.slow
@pytest.mark.parametrize(("name", "fmt"), [("eukg.nq", "nquads"), ("eukg.trig", "trig")])
def test_quad_formats_read_back_with_rdflib(full_release, store_quads, name: str, fmt: str) -> None:
    assert via_rdflib(full_release.folder / name, fmt, quads=True) == store_quads


@pytest.mark.slow
@pytest.mark.parametrize(("name", "fmt"), [("eukg.nt", "nt"), ("eukg.ttl", "turtle"), ("eukg.rdf", "xml")])
def test_triple_formats_read_back_with_rdflib(full_release, store_triples, name: str, fmt: str) -> None:
    assert via_rdflib(full_release.folder / name, fmt, quads=False) == store_triples


@pytest.mark.slow
def test_trig_keeps_one_named_graph_per_source(full_release, store) -> None:
    graphs = {g.identifier for g in Dataset().parse(full_release.folder / "eukg.trig", format="trig").graphs()}
    assert {str(g) for g in graphs} >= {g.value for g in store.named_graphs()}
    assert any("/source/" in str(g) for g in graphs)


@pytest.mark.tool(RAPPER is None, "Debian's raptor `rapper` is not installed (apt-get install raptor2-utils)")
@pytest.mark.parametrize(("name", "syntax"), [("eukg.nt", "ntriples"), ("eukg.ttl", "turtle"), ("eukg.rdf", "rdfxml")])
def test_rapper_reads_the_triple_formats(full_release, store_triples, name: str, syntax: str) -> None:
    done = subprocess.run([RAPPER, "-q", "-i", syntax, "-o", "ntriples", str(full_release.folder / name)],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert canonical(ox.parse(done.stdout, format=ox.RdfFormat.N_TRIPLES)) == store_triples


def test_jsonld_reads_back_with_pyoxigraph(full_release, store_quads) -> None:
    parsed = ox.parse(path=str(full_release.folder / "eukg.jsonld"), format=ox.RdfFormat.JSON_LD)
    assert canonical(parsed) == store_quads


@pytest.mark.slow
def test_jsonld_expands_with_pyld_to_the_same_quads(full_release, store_quads) -> None:
    document = json.loads((full_release.folder / "eukg.jsonld").read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict) and "@graph" in document  # compacted, context inline
    loader = document_loader()
    expanded = jsonld.expand(document, {"documentLoader": loader})
    assert all("@id" in graph and "@graph" in graph for graph in expanded)
    nquads = jsonld.to_rdf(expanded, {"format": "application/n-quads", "documentLoader": loader})
    assert canonical(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)) == store_quads


def test_pyld_loader_serves_only_the_project_context() -> None:
    loader = document_loader()
    assert loader(CONTEXT_URL, {})["document"]["@context"]["ekg"].endswith("ontology#")
    with pytest.raises(jsonld.JsonLdError):
        loader("https://schema.org/", {})
    remote = {"@context": "https://example.org/remote-context.jsonld", "@id": "https://example.org/x"}
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(remote, {"documentLoader": loader})
    referring = {"@context": CONTEXT_URL, "@id": "ekg:Project", "dcterms:title": "x"}
    [node] = jsonld.expand(referring, {"documentLoader": loader})
    assert node["@id"] == "https://w3id.org/eu-regional-kg/ontology#Project"


def test_ontology_file_is_the_ontology_graph(full_release, store) -> None:
    graph = ox.NamedNode("https://w3id.org/eu-regional-kg/graph/ontology")
    expected = canonical(q.triple for q in store.quads_for_pattern(None, None, None, graph))
    assert via_rdflib(full_release.folder / "ontology.ttl", "turtle", quads=False) == expected


def test_shapes_file_is_isomorphic_to_the_shapes(full_release) -> None:
    shapes = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    released = Graph().parse(full_release.folder / "shapes.ttl", format="turtle")
    assert len(released) == len(shapes) > 0
    assert isomorphic(released, shapes)


@pytest.mark.tool(RAPPER is None, "Debian's raptor `rapper` is not installed (apt-get install raptor2-utils)")
@pytest.mark.parametrize(("name", "syntax"), [("eukg.nq", "nquads"), ("eukg.trig", "trig")])
def test_rapper_reads_the_quad_formats(full_release, store_quads, name: str, syntax: str) -> None:
    done = subprocess.run([RAPPER, "-q", "-i", syntax, "-o", "nquads", str(full_release.folder / name)],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert canonical(ox.parse(done.stdout, format=ox.RdfFormat.N_QUADS)) == store_quads


def test_jsonld_reads_back_with_rdflib(full_release, store_quads) -> None:
    # A third parser, independent of pyoxigraph (which wrote the expanded JSON-LD the release compacts).
    data = Dataset().parse(full_release.folder / "eukg.jsonld", format="json-ld")
    assert canonical(ox.parse(data.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)) \
        == store_quads


@pytest.mark.tool(RAPPER is None, "Debian's raptor `rapper` is not installed (apt-get install raptor2-utils)")
@pytest.mark.parametrize("name", ["ontology.ttl", "shapes.ttl", "dataset.ttl"])
def test_rapper_reads_the_other_turtle_files(full_release, name: str) -> None:
    path = full_release.folder / name
    done = subprocess.run([RAPPER, "-q", "-i", "turtle", "-o", "ntriples", str(path)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    expected = Graph().parse(path, format="turtle").serialize(format="nt", encoding="utf-8")
    assert canonical(ox.parse(done.stdout, format=ox.RdfFormat.N_TRIPLES)) \
        == canonical(ox.parse(expected, format=ox.RdfFormat.N_TRIPLES)) != set()


@pytest.mark.slow
@pytest.mark.parametrize(("name", "fmt", "quads"), [("eukg.nq.gz", "nquads", True), ("eukg.trig.gz", "trig", True),
                                                    ("eukg.ttl.gz", "turtle", False), ("eukg.jsonld.gz", "json-ld", True)])
def test_the_release_without_personal_data_is_the_public_copy(public_release, store, name: str, fmt: str,
                                                              quads: bool) -> None:
    public = public_copy(store)
    expected = canonical(public) if quads else canonical({ox.Triple(q.subject, q.predicate, q.object) for q in public})
    assert len(expected) < len(canonical(store))
    with gzip.open(public_release.folder / name) as unpacked:
        data = unpacked.read()
    plain = public_release.folder / name.removesuffix(".gz")
    assert data == plain.read_bytes()
    assert via_rdflib(plain, fmt, quads=quads) == expected
