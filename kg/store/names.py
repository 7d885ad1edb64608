"""An index of the organisations' names, in lower case, kept in each snapshot.

The quality query ``duplicate-organisation-violation`` looks for two organisations with the same
name, whatever the case. A writer judging one change must find, for each changed organisation, every
other organisation of the store with its name; the store has no index of lower-cased names, so
without one that is a pass over every ``skos:prefLabel`` of the store (2-3 s at 1M triples, ten times
that at 10M). This module keeps that index as a small SQLite file inside the snapshot directory: a
full build makes it, and the writer carries it into the checkpoint it changes, updating only the
organisations the change touched. Like the rest of a snapshot, the file is never written once the
snapshot is current.

>>> import tempfile, pyoxigraph as ox
>>> from kg.namespaces import EKG
>>> folder = Path(tempfile.mkdtemp())
>>> store = ox.Store()
>>> org, label = ox.NamedNode("https://example.org/a"), ox.NamedNode(str(SKOS.prefLabel))
>>> store.add(ox.Quad(org, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(EKG.Organisation))))
>>> store.add(ox.Quad(org, label, ox.Literal("Gmina Konin", language="pl")))
>>> create(folder, store)
>>> holders(folder, {"gmina konin"})
{'gmina konin': {'https://example.org/a': 'Gmina Konin'}}
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, SKOS

from kg.namespaces import EKG

__all__ = ["FILE_NAME", "block_holders", "blocks_filled", "carry", "create", "holders", "is_organisation", "name_key",
           "put_blocks"]

FILE_NAME = "organisation-names.sqlite"
_TYPE = ox.NamedNode(str(RDF.type))
_ORGANISATION = ox.NamedNode(str(EKG.Organisation))
_PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))


def name_key(label: str) -> str:
    """Return the key two names share when the duplicate-organisation query calls them the same (``LCASE``)."""
    return label.lower()


def _rows(store: ox.Store, organisations: Iterable[ox.NamedNode]) -> Iterator[tuple[str, str, str]]:
    for node in organisations:
        for quad in store.quads_for_pattern(node, _PREF_LABEL, None, None):
            yield name_key(quad.object.value), node.value, quad.object.value


def _organisations(store: ox.Store) -> Iterator[ox.NamedNode]:
    seen: set[str] = set()
    for quad in store.quads_for_pattern(None, _TYPE, _ORGANISATION, None):
        if isinstance(quad.subject, ox.NamedNode) and quad.subject.value not in seen:
            seen.add(quad.subject.value)
            yield quad.subject


def is_organisation(store: ox.Store, node: ox.NamedNode) -> bool:
    """Whether ``node`` is typed ``ekg:Organisation`` in some graph of ``store``."""
    return any(True for _ in store.quads_for_pattern(node, _TYPE, _ORGANISATION, None))


def _open(snapshot: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(snapshot / FILE_NAME)
    connection.execute("CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, iri TEXT NOT NULL, label TEXT NOT NULL)")
    connection.execute("CREATE INDEX IF NOT EXISTS names_key ON names (key)")
    connection.execute("CREATE INDEX IF NOT EXISTS names_iri ON names (iri)")
    connection.execute("CREATE TABLE IF NOT EXISTS blocks (key TEXT NOT NULL, iri TEXT NOT NULL)")
    connection.execute("CREATE INDEX IF NOT EXISTS blocks_key ON blocks (key)")
    connection.execute("CREATE INDEX IF NOT EXISTS blocks_iri ON blocks (iri)")
    connection.execute("CREATE TABLE IF NOT EXISTS filled (name TEXT PRIMARY KEY)")
    return connection


def create(snapshot: Path, store: ox.Store) -> None:
    """Write the index of every organisation's names of ``store`` into ``snapshot`` (replacing any)."""
    (snapshot / FILE_NAME).unlink(missing_ok=True)
    with closing(_open(snapshot)) as connection, connection:
        connection.executemany("INSERT INTO names VALUES (?, ?, ?)", _rows(store, _organisations(store)))


def carry(old: Path | None, new: Path, store: ox.Store, changed: Iterable[str]) -> None:
    """Give the checkpoint ``new`` the index of the snapshot ``old``, updated for the IRIs ``changed``.

    ``store`` is the checkpoint after the change. When ``old`` has no index (a store built before
    the index existed), it is made from ``store`` in full.
    """
    if old is None or not (old / FILE_NAME).exists():
        create(new, store)
        return
    shutil.copyfile(old / FILE_NAME, new / FILE_NAME)
    nodes = [ox.NamedNode(iri) for iri in changed]
    with closing(_open(new)) as connection, connection:
        connection.executemany("DELETE FROM names WHERE iri = ?", [(node.value,) for node in nodes])
        organisations = (node for node in nodes if is_organisation(store, node))
        connection.executemany("INSERT INTO names VALUES (?, ?, ?)", _rows(store, organisations))


def holders(snapshot: Path, keys: Iterable[str]) -> dict[str, dict[str, str]]:
    """Return, for each name key of ``keys``, the organisations that have it: ``{key: {iri: label}}``."""
    found: dict[str, dict[str, str]] = {}
    with closing(_open(snapshot)) as connection:
        for key in set(keys):
            for _, iri, label in connection.execute("SELECT * FROM names WHERE key = ? ORDER BY iri, label", (key,)):
                found.setdefault(key, {}).setdefault(iri, label)
    return found


# -- blocking keys of record linkage ------------------------------------------------------------------
# The same file keeps the blocking keys of the organisations (kg.resolve.blocking), written by whoever
# computes them (the linkage graph's kind, kg.store.derived), which replaces those of the IRIs a write
# changed: keys are opaque strings here.

def blocks_filled(snapshot: Path) -> bool:
    """Whether the blocking keys of every organisation of ``snapshot`` were written (:func:`put_blocks`, ``full``)."""
    with closing(_open(snapshot)) as connection:
        return connection.execute("SELECT 1 FROM filled WHERE name = 'blocks'").fetchone() is not None


def put_blocks(snapshot: Path, rows: Iterable[tuple[str, str]], full: bool = False,
               replaced: Iterable[str] = ()) -> None:
    """Add (key, IRI) rows to the blocking keys of ``snapshot``, after dropping those of the IRIs ``replaced``;
    ``full`` replaces them all and marks them complete."""
    with closing(_open(snapshot)) as connection, connection:
        connection.executemany("DELETE FROM blocks WHERE iri = ?", [(iri,) for iri in replaced])
        if full:
            connection.execute("DELETE FROM blocks")
            connection.execute("INSERT OR IGNORE INTO filled VALUES ('blocks')")
        connection.executemany("INSERT INTO blocks VALUES (?, ?)", rows)


def block_holders(snapshot: Path, keys: Iterable[str], limit: int = -1) -> dict[str, set[str]]:
    """Return, for each blocking key of ``keys``, the IRIs that have it; when ``limit`` is not negative, a
    key held by more than ``limit`` rows (a block too large to compare) is left out, its holders unread."""
    found: dict[str, set[str]] = {}
    with closing(_open(snapshot)) as connection:
        for key in set(keys):
            if limit >= 0:
                (count,) = connection.execute("SELECT COUNT(*) FROM (SELECT 1 FROM blocks WHERE key = ? LIMIT ?)",
                                              (key, limit + 1)).fetchone()
                if count > limit:
                    continue
            for (iri,) in connection.execute("SELECT iri FROM blocks WHERE key = ?", (key,)):
                found.setdefault(key, set()).add(iri)
    return found
