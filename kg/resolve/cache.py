"""The resolver's index kept beside the store, so that ``eukg resolve`` answers at once after the first call.

A store location (``store``) is a link to the directory a build wrote (``.store-STAMP-PID-NS``); a
rebuild or an accepted ingestion writes a new directory and moves the link (:mod:`kg.store`). The
cache of that store is the directory ``.resolver-<target>-<fingerprint>`` beside the link, where
``<target>`` is the name of the directory the link points at and ``<fingerprint>`` a hash of the
resolver's code, its curated regional names and simplemma's dictionaries. So a new store, or a
changed resolver, never reads an old index; caches of stores that are gone are deleted when a new
one is written. The cache holds:

* ``index.json``: the index (:class:`kg.resolve.index.Index`), written by the first call;
* ``lemmas-LANG.json``: simplemma's dictionary of a language cut down to the graph's label words
  (:mod:`kg.resolve.lemmas`), written the first time a name needs that language.

When the cache cannot be written (a read-only disk), the resolver works all the same, only
building its index in every process.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from functools import lru_cache
from pathlib import Path

from kg.internal_queries import internal_query_path
from kg.resolve.index import FORMAT, QUERIES, Index
from kg.resolve.lemmas import simplemma_data_size, simplemma_languages, write_json
from kg.resolve.regional_names import REGIONAL_NAMES
from kg.resolve.resolver import Resolver

__all__ = ["cache_directory", "resolver_for_location"]

_PREFIX = ".resolver-"
_INDEX = "index.json"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Return a hash of what the index depends on besides the store: this package's code and data, the queries
    it is read with, simplemma's."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    package = Path(__file__).parent
    for path in sorted(package.glob("*.py")) + [REGIONAL_NAMES] + [internal_query_path(name) for name in QUERIES]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    # simplemma's dictionaries by name and size (importlib.metadata for its version would take 0.1 s)
    for language in sorted(simplemma_languages()):
        digest.update(language.encode())
    digest.update(str(simplemma_data_size()).encode())
    return digest.hexdigest()[:16]


def cache_directory(location: Path | str | None = None) -> Path:
    """Return the cache directory of the store at ``location`` (default: the project's store).

    Raises
    ------
    StoreMissingError
        When no store has been built there.
    """
    from kg.errors import StoreMissingError
    from kg.paths import default_store_path

    # As kg.store.resolve_location, without importing kg.store (and rdflib): this is on the fast path.
    path = Path(location).expanduser() if location is not None else default_store_path()
    if not path.exists():
        raise StoreMissingError(f"no store at {path}: run `eukg build` first (or pass --store)")
    return path.parent / f"{_PREFIX}{path.resolve().name}-{fingerprint()}"


def resolver_for_location(location: Path | str | None = None) -> Resolver:
    """Return a resolver for the store at ``location``, its index read from the cache or built and cached.

    Raises
    ------
    StoreMissingError
        When no store has been built there.
    """
    directory = cache_directory(location)
    index = _read(directory / _INDEX)
    if index is None:
        from kg.store import open_store

        resolver = Resolver.from_store(open_store(location), lemma_directory=directory)
        if write_json(directory / _INDEX, resolver.index.to_json()):
            _remove_stale(directory)
        return resolver
    return Resolver(index, lemma_directory=directory)


def _read(path: Path) -> Index | None:
    try:
        return Index.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):  # absent, unreadable, half-written or of another version: rebuild it
        return None


def _remove_stale(current: Path) -> None:
    """Delete the caches beside ``current`` whose store is gone, or that an older resolver wrote for the same store."""
    target = current.name[len(_PREFIX):].rsplit("-", 1)[0]
    for other in current.parent.glob(f"{_PREFIX}*"):
        if other == current or not other.is_dir():
            continue
        other_target = other.name[len(_PREFIX):].rsplit("-", 1)[0]
        if other_target == target or not (current.parent / other_target).exists():
            shutil.rmtree(other, ignore_errors=True)
