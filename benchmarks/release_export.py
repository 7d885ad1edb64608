"""Time a release against rdflib serialising the same graph, on the built store scaled up to N triples.

Not a test: prints seconds per step. The scaled graph copies every statement about a resource of the
project (``id/`` IRIs) K times, renaming those IRIs and their source graphs, so its shape follows the
real data; the NUTS, countries and ontology graphs are kept once.

    python benchmarks/release_export.py --triples 1000000 [--store DIR] [--no-baseline] [--no-csv]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.export.release import release
from kg.namespaces import ID, PREFIXES, SOURCE, bind_prefixes
from kg.store import open_store

PROJECT = str(ID)
SOURCES = str(SOURCE)


def _rename(term, copy: int):
    if isinstance(term, ox.NamedNode) and (term.value.startswith(PROJECT) or term.value.startswith(SOURCES)):
        return ox.NamedNode(f"{term.value}-{copy}")
    return term


def scaled_store(store: ox.Store, triples: int) -> ox.Store:
    """Return an in-memory store of about ``triples`` statements built from copies of ``store``'s data."""
    quads = list(store)
    copied = [q for q in quads if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(PROJECT)]
    kept = len(quads)
    copies = max(1, (triples - kept) // max(1, len(copied)))
    scaled = ox.Store()
    scaled.bulk_extend(quads)
    for copy in range(copies):
        scaled.bulk_extend(
            ox.Quad(_rename(q.subject, copy), q.predicate, _rename(q.object, copy), _rename(q.graph_name, copy))
            for q in copied
        )
    return scaled


def rdflib_serialise(dataset: Dataset, folder: Path) -> dict[str, float]:
    """Serialise ``dataset`` with rdflib in the release's six formats (the plain baseline); return seconds per format.

    N-Quads, TriG and JSON-LD (compacted with the project's prefixes) keep the named graphs; Turtle,
    N-Triples and RDF/XML get the union of all graphs, as in a release.
    """
    seconds: dict[str, float] = {}
    union = bind_prefixes(Graph())
    for graph in dataset.graphs():
        union += graph
    bind_prefixes(dataset)
    for name, target, fmt, kwargs in (
        ("nq", dataset, "nquads", {}), ("trig", dataset, "trig", {}), ("nt", union, "nt", {}),
        ("ttl", union, "turtle", {}), ("rdf", union, "xml", {}),
        ("jsonld", dataset, "json-ld", {"context": PREFIXES, "auto_compact": True}),
    ):
        start = time.perf_counter()
        target.serialize(destination=str(folder / f"baseline.{name}"), format=fmt, encoding="utf-8", **kwargs)
        seconds[name] = round(time.perf_counter() - start, 2)
    return seconds


def rdflib_baseline(store: ox.Store, folder: Path) -> dict[str, float]:
    """Serialise the store with rdflib in the release's formats (the plain baseline); return seconds per format."""
    dataset = Dataset()
    dataset.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return rdflib_serialise(dataset, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-csv", action="store_true", help="Leave out the CSVs of the contract queries.")
    args = parser.parse_args()
    store = scaled_store(open_store(args.store), args.triples)
    print(f"{len(store)} quads")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = release(store, Path(tmp) / "release", force=True, tables=not args.no_csv)
        total = time.perf_counter() - start
        size = sum(item.info.byte_size for item in result.files)
        print(f"release: {total:.1f} s, {size / 1e6:.0f} MB, steps {result.seconds}")
        if not args.no_baseline:
            seconds = rdflib_baseline(store, Path(tmp))
            print(f"rdflib serialising the same formats: {sum(seconds.values()):.1f} s, {seconds}")


if __name__ == "__main__":
    main()
