"""Stored answers: the answer of a named query kept with the snapshot of the store it was computed from.

``eukg query NAME`` run without parameters, on the store (not ``--endpoint``), keeps the answer it computed
(unless the writer kept it first: :mod:`kg.store.answers` has the contract queries' answers computed after
each write on a big store, by :mod:`kg.sparql.precompute` through :func:`store_answer`)
in the snapshot directory it read (``SNAPSHOT/eukg-answers/NAME.VARIANT.KEY.tsv``), and every later run
on that snapshot reads it back instead of evaluating the query again: parsing a stored answer takes
0.2 s for the 333,952 rows of ``region_projects`` at 1M triples, where the query takes 6 s on disk
(docs/scale.md, "Stored answers"). The file is SPARQL TSV results (every RDF term written whole, so the
terms read back are the ones the store gave), after a first line of JSON saying what it is; it is written
to a hidden file and renamed, so a reader sees a whole answer or none.

An answer is tied to the state of the store, and a stale one is never read:

- A write through the one writer (:mod:`kg.store.writer`) makes a *new* snapshot directory (a fresh
  build, or a RocksDB checkpoint that copies only RocksDB's files) and swaps the store's link to it: the
  new snapshot has no stored answers. The snapshot directory is the store's generation.
- The key in the file's name is a SHA-256 of the query's text, of the variant, of pyoxigraph's version
  and of the snapshot's RocksDB files (names, sizes and times, :func:`store_fingerprint`), so an edited
  query file, another pyoxigraph, or a store directory written in place by anything else than the
  writer misses the stored answer and is evaluated again.
- The answer without personal data (``--no-personal-data``, computed on :func:`kg.privacy.public_copy`)
  is a variant of its own (``public``); its key also covers the person key and the ontology that
  :mod:`kg.privacy` reads, so it never holds a name or e-mail that the filter would leave out.

Only the queries of the project's library (``queries/NAME.rq``) run without parameters, without ``SERVICE``
and without functions whose value changes from one run to the next (``NOW()``, ``RAND()``, ``UUID()``,
``STRUUID()``, ``BNODE()``) are kept (:func:`storable`). ``EUKG_STORED_ANSWERS=0`` turns stored answers
off (every query is evaluated, nothing is kept). This module reads stored answers with pyoxigraph and
the standard library only, for the fast path of ``eukg query`` (:mod:`kg.sparql.fast`); computing an
answer (:func:`answer`) imports the store and the queries when it runs.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.files import write_atomically
from kg.paths import DATA_DIR, ONTOLOGY_FILE, QUERIES_DIR, default_store_path

__all__ = ["ANSWERS_DIR", "SWITCH", "Stored", "answer", "answer_file", "answer_key", "enabled", "keep",
           "read_stored", "read_stored_tsv", "snapshot_of", "storable", "store_answer", "store_fingerprint"]

#: The folder of the stored answers inside a snapshot directory.
ANSWERS_DIR = "eukg-answers"
#: ``EUKG_STORED_ANSWERS=0`` (or ``off``, ``no``, ``false``) evaluates every query and keeps no answer.
SWITCH = "EUKG_STORED_ANSWERS"
#: The layout of a stored answer; another layout is a miss, never misread.
_LAYOUT = 1
_TSV = ox.QueryResultsFormat.TSV
#: RocksDB's files that hold the data (tables, write-ahead logs, the current version): a write changes them.
_ROCKSDB_FILE = re.compile(r"\d+\.(?:sst|log)|CURRENT|MANIFEST-\d+")
#: Functions whose value changes from one evaluation to the next: a query that calls one is not kept.
_VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def enabled() -> bool:
    """Whether stored answers are read and kept (``EUKG_STORED_ANSWERS`` is not ``0``, ``off``, ``no``, ``false``)."""
    return os.environ.get(SWITCH, "1").strip().lower() not in ("0", "off", "no", "false")


def snapshot_of(location: Path | str | None) -> Path | None:
    """Return the snapshot directory of the store at ``location`` (default: the default store), or None.

    :func:`kg.store.snapshots.current_snapshot` without importing :mod:`kg.store` (and rdflib with it).
    """
    path = Path(location).expanduser() if location is not None else default_store_path()
    return path.resolve() if path.exists() else None


def store_fingerprint(snapshot: Path) -> str:
    """Return a digest of the names, sizes and modification times of the RocksDB files of ``snapshot``.

    A snapshot the writer swapped in never changes; a store directory opened for writing by anything
    else gets new log, table or manifest files, and so another fingerprint.
    """
    digest = hashlib.sha256()
    with os.scandir(snapshot) as entries:
        for name, stat in sorted((e.name, e.stat()) for e in entries if _ROCKSDB_FILE.fullmatch(e.name)):
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _privacy_inputs() -> bytes:
    """What the answers without personal data depend on besides the store: the person key and the ontology."""
    key = DATA_DIR / "person-key"
    parts = [key.read_bytes() if key.is_file() else b""]
    if ONTOLOGY_FILE.is_file():
        stat = ONTOLOGY_FILE.stat()
        parts.append(f"{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return b"\0".join(parts)


def answer_key(snapshot: Path, text: str, personal: bool = True) -> str:
    """Return the key of the answer of the query ``text`` on ``snapshot`` (with or without personal data)."""
    digest = hashlib.sha256(f"{_LAYOUT}\0{ox.__version__}\0{'all' if personal else 'public'}\0".encode())
    digest.update(text.encode("utf-8") + b"\0" + store_fingerprint(snapshot).encode())
    if not personal:
        digest.update(_privacy_inputs())
    return digest.hexdigest()


def _variant(personal: bool) -> str:
    return "all" if personal else "public"


def answer_file(snapshot: Path, name: str, key: str, personal: bool = True) -> Path:
    """Return the file of the stored answer of query ``name`` with ``key`` in ``snapshot``."""
    return snapshot / ANSWERS_DIR / f"{name}.{_variant(personal)}.{key[:32]}.tsv"


@dataclass(frozen=True)
class Stored:
    """A stored answer read back: its solutions and the title of its query (what ``--format table`` shows)."""

    solutions: ox.QuerySolutions
    title: str


def _split(data: bytes, key: str) -> tuple[dict, bytes] | None:
    """Return the head and the TSV of the stored answer in ``data``, or None when not whole or not ``key``'s."""
    head, newline, body = data.partition(b"\n")
    try:
        meta = json.loads(head)
    except ValueError:
        return None
    if not newline or not isinstance(meta, dict) or meta.get("key") != key or meta.get("bytes") != len(body):
        return None
    return meta, body


def _stored_parts(snapshot: Path, name: str, text: str, personal: bool) -> tuple[dict, bytes] | None:
    """Return the head and the TSV of the stored answer of ``name`` on ``snapshot``, or None (:func:`read_stored`)."""
    if not enabled():
        return None
    key = answer_key(snapshot, text, personal)
    try:
        data = answer_file(snapshot, name, key, personal).read_bytes()
    except OSError:
        return None
    return _split(data, key)


def read_stored(snapshot: Path, name: str, text: str, personal: bool = True) -> Stored | None:
    """Return the stored answer of query ``name`` (its text ``text``) on ``snapshot``, or None when none is kept.

    None also when stored answers are off (:data:`SWITCH`), or the file is not whole.
    """
    if (found := _stored_parts(snapshot, name, text, personal)) is None:
        return None
    meta, body = found
    return Stored(ox.parse_query_results(body, format=_TSV), str(meta.get("title", "")))


def read_stored_tsv(snapshot: Path, name: str, text: str, personal: bool = True) -> bytes | None:
    """Return the stored answer of query ``name`` (its text ``text``) on ``snapshot`` as SPARQL TSV results, or None.

    The bytes pyoxigraph wrote (``QuerySolutions.serialize`` in TSV): one line of variables, then one line
    per row. None as :func:`read_stored` says.
    """
    found = _stored_parts(snapshot, name, text, personal)
    return None if found is None else found[1]


def storable(named) -> bool:
    """Whether the answer of the named query ``named`` (a :class:`kg.sparql.queries.NamedQuery`) may be kept.

    A query of the project's library (``queries/NAME.rq``) run without parameters (none given, none with
    a default: its text runs as it is), without ``SERVICE`` or volatile functions: its answer depends on
    the store and on its text only.
    """
    in_library = named.path.resolve() == (QUERIES_DIR / f"{named.name}.rq").resolve()
    return (enabled() and in_library and not named.terms() and not _SERVICE.search(named.text)
            and not _VOLATILE.search(named.text))


def keep(snapshot: Path, named, answer: ox.QuerySolutions, personal: bool = True) -> ox.QuerySolutions:
    """Store ``answer``, the answer of ``named`` on ``snapshot``, and return it read back from what was stored.

    The rows are evaluated here (read them inside :func:`kg.sparql.queries.evaluation_errors`). When the
    snapshot cannot be written (a store of another user, a full disk, a snapshot that a write removed
    meanwhile), nothing is kept and the answer is returned all the same.
    """
    buffer = io.BytesIO()
    answer.serialize(buffer, format=_TSV)
    body = buffer.getvalue()
    try:  # the key reads the snapshot's files: a snapshot removed meanwhile is an OSError too
        store_answer(snapshot, named, body, personal)
    except OSError:
        pass
    return ox.parse_query_results(body, format=_TSV)


def store_answer(snapshot: Path, named, answer: ox.QuerySolutions | bytes, personal: bool = True) -> Path:
    """Store ``answer`` (solutions, or their SPARQL TSV) as the answer of ``named`` on ``snapshot``; return its file.

    What the writer's precomputation (:mod:`kg.sparql.precompute`) calls: nothing is read back.

    Raises
    ------
    OSError
        When the snapshot cannot be written (nothing is left behind: the file is written whole or not at all).
    """
    if isinstance(answer, ox.QuerySolutions):
        buffer = io.BytesIO()
        answer.serialize(buffer, format=_TSV)
        answer = buffer.getvalue()
    key = answer_key(snapshot, named.text, personal)
    target = answer_file(snapshot, named.name, key, personal)
    head = json.dumps({"layout": _LAYOUT, "query": named.name, "key": key, "title": named.summary or named.name,
                       "bytes": len(answer)}, ensure_ascii=False).encode("utf-8")
    _write(target, head + b"\n" + answer)
    return target


def _write(target: Path, data: bytes) -> None:
    """Write ``data`` whole (:func:`kg.files.write_atomically`); drop the older answers of the same query.

    The answers' folder is made only inside a snapshot that still exists: a snapshot that a write
    removed meanwhile raises :class:`FileNotFoundError` instead of coming back as an orphan folder.
    """
    query, variant = target.name.split(".")[:2]
    target.parent.mkdir(exist_ok=True)
    write_atomically(target, data)
    for older in target.parent.glob(f"{query}.{variant}.*.tsv"):
        if older != target:
            older.unlink(missing_ok=True)


def answer(named, location: Path | str | None = None, personal: bool = True) -> ox.QuerySolutions:
    """Return the answer of the parameterless named query ``named`` on the store at ``location``: the stored
    one when the current snapshot has it, else the query's, evaluated and kept (:func:`keep`).

    ``personal`` False answers from :func:`kg.privacy.public_copy` of the store. Read the solutions inside
    :func:`kg.sparql.queries.evaluation_errors`.

    Raises
    ------
    StoreMissingError
        When no store has been built at ``location``.
    """
    from kg.sparql.queries import solutions
    from kg.store import open_snapshot

    use = storable(named)
    snapshot = snapshot_of(location)
    if use and snapshot is not None and (found := read_stored(snapshot, named.name, named.text, personal)):
        return found.solutions
    snapshot, store = open_snapshot(location)  # the snapshot now current: its answer is kept with it
    if not personal:
        from kg.privacy import public_copy

        store = public_copy(store)
    live = solutions(named, store)
    return keep(snapshot, named, live, personal) if use else live
