"""Private copies of a built store, with their own data folder, for tests that write."""

from __future__ import annotations

from pathlib import Path

from kg.store import open_store


def clone_store(built: Path, folder: Path) -> tuple[Path, Path]:
    """Copy the built store and the project's data folder into ``folder``; return the copy's location and data.

    The copy records its own data folder, so a writer on it writes files there, never into the project.
    """
    import dataclasses
    import shutil

    from kg.paths import DATA_DIR
    from kg.store.manifest import read_manifest, write_manifest
    from kg.store.snapshots import current_snapshot, new_store_dir

    data = folder / "data"
    shutil.copytree(DATA_DIR, data)
    location = folder / "store"
    snapshot = new_store_dir(location, create=False)
    open_store(built).backup(str(snapshot))
    manifest = read_manifest(current_snapshot(built))
    old = str(DATA_DIR.resolve())
    manifest.data_dir = str(data.resolve())
    manifest.files = {graph: dataclasses.replace(entry, path=entry.path.replace(old, manifest.data_dir, 1))
                      for graph, entry in manifest.files.items()}
    write_manifest(snapshot, manifest)
    location.symlink_to(snapshot.name)
    return location, data


def source_document(identifier: str):
    """A graph holding only the description of source ``identifier`` (what every source must state)."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF

    from kg.namespaces import EKG, SOURCE

    graph = Graph()
    doc = SOURCE[identifier]
    graph.add((doc, RDF.type, EKG.SourceDocument))
    graph.add((doc, DCTERMS.identifier, Literal(identifier)))
    graph.add((doc, DCTERMS.title, Literal(f"source {identifier}")))
    graph.add((doc, DCTERMS.language, URIRef("http://publications.europa.eu/resource/authority/language/ENG")))
    return graph


def organisation_source(identifier: str, name: str):
    """A source ``identifier`` stating one organisation (an SME) named ``name``: a write that changes answers."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, SKOS

    from kg.namespaces import EKG

    graph = source_document(identifier)
    org = URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/{identifier}-agency")
    graph.add((org, RDF.type, EKG.Organisation))
    graph.add((org, SKOS.prefLabel, Literal(name, lang="en")))
    graph.add((org, EKG.organisationType, URIRef("https://w3id.org/eu-regional-kg/id/organisation-type/sme")))
    return graph
