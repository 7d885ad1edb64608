"""The registry of published datasets the graph can be built with (``datasets/``).

Each dataset is one small YAML file of ``datasets/``: who publishes it, where it was retrieved from
and when, under which licence, the compressed data files with their SHA-256 checksums, and the
mapping (:mod:`kg.ingest.table`) that turns its rows into the graph. ``eukg build --datasets
NAME,…|all`` builds them in as sources of their own kind (:class:`kg.store.writer.Writer`): each
dataset is converted against the graph as it is (so its organisations resolve to the ones already
known), validated and written by the one writer as a file of the store's local sources folder
(``STORE.local-sources/datasets/NAME.ttl``), and its statements go into its own named graph
``graph:dataset/NAME``. Those files are the record of the choice: later builds and ingests keep
them, and a dataset whose entry, data or mapping changed is converted again at the next
``eukg build``.

One organisation is one node across datasets: a store that holds datasets keeps the linkage graph of
record linkage (:mod:`kg.resolve.merges`), made before the first dataset is converted, so that every
later write links the organisations it brings with the ones already there
(:mod:`kg.resolve.follow`), and every full build links them all again.

>>> entry = registry()["h2020-norway"]
>>> entry.publisher
'The Research Council of Norway (Forskningsrådet)'
>>> [name for name in choose("all", {"a": entry, "b": entry})]
['a', 'b']
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import yaml
from rdflib import URIRef

from kg.errors import InputError, KgError, unknown_name
from kg.ingest.table import TableResult, ingest_table, load_mapping
from kg.layout import dataset_graph, dataset_sources_dir, local_sources_dir
from kg.paths import DATASETS_DIR
from kg.resolve.merges import LINKAGE_GRAPH, recipe, recompute
from kg.resolve.review import DECISIONS_FILE
from kg.store.manifest import file_sha256, read_manifest
from kg.store.reading import open_snapshot
from kg.store.snapshots import current_snapshot
from kg.store.writer import Writer

__all__ = ["DataFile", "Dataset", "DatasetStatus", "build_recipes", "choose", "convert", "ensure_linkage",
           "fingerprint", "put_datasets", "registry", "status", "verify"]

_FIELDS = ("name", "title", "publisher", "url", "licence", "retrieved", "files", "mapping")


@dataclass(frozen=True)
class DataFile:
    """One data file of a dataset: its path (relative to the registry folder) and SHA-256."""

    path: str
    sha256: str


@dataclass(frozen=True)
class Dataset:
    """One entry of the registry (a ``datasets/NAME.yaml`` file)."""

    name: str
    title: str
    publisher: str
    url: str
    licence: str
    retrieved: date
    files: tuple[DataFile, ...]
    mapping: str
    entry: Path
    description: str = ""

    @property
    def graph(self) -> URIRef:
        """The named graph of the dataset's statements."""
        return dataset_graph(self.name)

    def file_path(self, item: DataFile) -> Path:
        """Where ``item`` is on disk."""
        return self.entry.parent / item.path

    @property
    def mapping_path(self) -> Path | str:
        """The mapping: a file beside the entry when one is there, else the name of a shipped mapping."""
        beside = self.entry.parent / self.mapping
        return beside if beside.is_file() else self.mapping


def _entry(path: Path) -> Dataset:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, f"not a readable YAML file: {error}") from None
    missing = [key for key in _FIELDS if not isinstance(data, dict) or not data.get(key)]
    if missing:
        raise InputError(path, f"a dataset entry needs {', '.join(missing)}")
    if data["name"] != path.stem:
        raise InputError(path, f"the entry's name {data['name']!r} is not its file name {path.stem!r}")
    try:
        files = tuple(DataFile(str(item["path"]), str(item["sha256"])) for item in data["files"])
        retrieved = data["retrieved"] if isinstance(data["retrieved"], date) else date.fromisoformat(data["retrieved"])
    except (TypeError, KeyError, ValueError) as error:
        raise InputError(path, f"files need a path and a sha256, and retrieved a date (YYYY-MM-DD): {error}") from None
    return Dataset(name=data["name"], title=str(data["title"]), publisher=str(data["publisher"]), url=str(data["url"]),
                   licence=str(data["licence"]), retrieved=retrieved, files=files, mapping=str(data["mapping"]),
                   entry=path, description=str(data.get("description", "")).strip())


def registry(folder: Path = DATASETS_DIR) -> dict[str, Dataset]:
    """Return the datasets of the registry ``folder`` by name (every ``*.yaml`` but mappings)."""
    if not folder.is_dir():
        return {}
    entries = sorted(p for p in folder.glob("*.yaml") if not p.name.endswith(".mapping.yaml"))
    return {entry.name: entry for entry in map(_entry, entries)}


def choose(choice: str | Iterable[str], known: dict[str, Dataset]) -> list[str]:
    """Return the dataset names ``choice`` means: ``all``, ``none``, or names separated by commas."""
    names = [n.strip() for n in choice.split(",")] if isinstance(choice, str) else list(choice)
    names = [n for n in names if n]
    if names == ["all"]:
        return sorted(known)
    if names == ["none"]:
        return []
    unknown = [n for n in names if n not in known]
    if unknown:
        raise KgError("; ".join(unknown_name("dataset", name, sorted(known), "`eukg datasets` lists them")
                                for name in unknown))
    return list(dict.fromkeys(names))


def verify(dataset: Dataset) -> None:
    """Raise :class:`InputError` naming the file when a data file is missing or not the one the entry records."""
    for item in dataset.files:
        path = dataset.file_path(item)
        if not path.is_file():
            raise InputError(path, f"dataset {dataset.name!r} names this file, and it is not there")
        found = file_sha256(path)
        if found != item.sha256:
            raise InputError(path, f"its SHA-256 is {found}, not {item.sha256} as {dataset.entry.name} records: "
                                   "the file changed; retrieve it again or update the entry")


def fingerprint(dataset: Dataset) -> str:
    """A checksum of everything the dataset's graph is made from: its entry, data files and mapping."""
    digest = hashlib.sha256(dataset.entry.read_bytes())
    for item in dataset.files:
        digest.update(item.sha256.encode())
    mapping = dataset.mapping_path
    if isinstance(mapping, Path):
        digest.update(mapping.read_bytes())
    return digest.hexdigest()


def _plain_copy(path: Path, folder: Path) -> Path:
    """Return ``path`` decompressed into ``folder`` when it is gzipped (streamed), else ``path``."""
    if path.suffix != ".gz":
        return path
    target = folder / path.stem
    with gzip.open(path, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)
    return target


def convert(dataset: Dataset, store: ox.Store, progress: Callable[[int], None] | None = None) -> TableResult:
    """Return the graph of ``dataset``'s rows, resolved against the organisations of ``store``.

    Rows with problems are left out (as ``eukg ingest table`` does) and listed in the result.
    """
    verify(dataset)
    mapping = load_mapping(dataset.mapping_path)
    with tempfile.TemporaryDirectory(prefix="eukg-dataset-") as tmp:
        tables = [_plain_copy(dataset.file_path(item), Path(tmp)) for item in dataset.files]
        return ingest_table(tables[0], mapping, store, identifier=f"dataset-{dataset.name}", progress=progress)


@dataclass(frozen=True)
class DatasetStatus:
    """Whether a dataset is in a store: ``absent``, ``current``, or ``stale`` (its entry, files or mapping changed)."""

    dataset: Dataset
    state: str


def _fingerprint_file(local_dir: Path, name: str) -> Path:
    # Hidden, so the loader (kg.layout.graph_files) skips it.
    return dataset_sources_dir(local_dir) / f".{name}.fingerprint"


def status(location: Path, known: dict[str, Dataset]) -> dict[str, DatasetStatus]:
    """Return the status of every dataset of ``known`` in the store at ``location``."""
    local_dir = local_sources_dir(location)
    converted = set(in_store(location))
    found = {}
    for name, dataset in known.items():
        mark = _fingerprint_file(local_dir, name)
        if name not in converted:
            state = "absent"
        else:
            state = "current" if mark.exists() and mark.read_text() == fingerprint(dataset) else "stale"
        found[name] = DatasetStatus(dataset, state)
    return found


def in_store(location: Path) -> list[str]:
    """Return the names of the datasets converted for the store at ``location``."""
    return sorted(p.name.split(".")[0] for p in dataset_sources_dir(local_sources_dir(location)).glob("*.ttl"))


def _without(location: Path, graph: URIRef) -> ox.Store:
    """The store at ``location`` without the named graph ``graph``: an in-memory copy when it has that graph.

    A dataset converted again resolves its organisations against everything but its own earlier
    version; otherwise the organisations it introduced would resolve to themselves and lose their
    description when its graph is replaced.
    """
    _, store = open_snapshot(location)
    own = ox.NamedNode(str(graph))
    if not store.contains_named_graph(own):
        return store
    copy = ox.Store()
    for name in [ox.DefaultGraph(), *store.named_graphs()]:
        if name != own:
            copy.bulk_extend(store.quads_for_pattern(None, None, None, name))
    return copy


def build_recipes(location: Path, decisions: Path = DECISIONS_FILE) -> dict[str, dict]:
    """The derived graphs a full build of the store at ``location`` must make whatever its manifest says: the
    linkage graph when the store's local sources hold datasets.

    The converted datasets are kept beside the store (:func:`in_store`); a store folder removed and built
    again beside them has no manifest, and without the linkage graph its build would take the organisations
    that two datasets name for duplicates.
    """
    return {str(LINKAGE_GRAPH): recipe(decisions.resolve())} if in_store(location) else {}


def ensure_linkage(writer: Writer, decisions: Path = DECISIONS_FILE) -> bool:
    """Give the store of ``writer`` a linkage graph (record linkage of its organisations, with the decisions
    of ``decisions``) when it has none; return whether one was made.

    The writer then keeps it up to date in every write, so that organisations of two datasets, or of a
    dataset and the source documents, are one body (``ekg:canonical``) instead of a duplicate.
    """
    manifest = read_manifest(current_snapshot(writer.location))
    if manifest is not None and str(LINKAGE_GRAPH) in manifest.derived:
        return False
    spec = recipe(decisions.resolve())
    _, store = open_snapshot(writer.location)
    try:
        graph = recompute(store, spec)
    finally:
        del store
    writer.put_derived(str(LINKAGE_GRAPH), graph, spec)
    return True


def put_datasets(writer: Writer, chosen: list[str], known: dict[str, Dataset],
                 progress: Callable[[str, int], None] | None = None,
                 notify: Callable[[str], None] | None = None) -> list[TableResult]:
    """Make the store of ``writer`` hold exactly the datasets ``chosen``: convert the missing or stale ones
    (against the store as it is), remove the others.

    ``progress`` receives the dataset's name and the rows read so far.
    """
    notify = notify or (lambda message: None)
    local_dir = local_sources_dir(writer.location)
    for name in in_store(writer.location):
        if name not in chosen:
            writer.remove_source(name, dataset=True)
            _fingerprint_file(local_dir, name).unlink(missing_ok=True)
            notify(f"removed dataset {name}")
    states = status(writer.location, known)
    if any(states[name].state != "current" for name in chosen) and ensure_linkage(writer):
        notify(f"record linkage: the organisations of the datasets are linked in <{LINKAGE_GRAPH}>")
    results = []
    for name in chosen:
        if states[name].state == "current":
            continue
        store = _without(writer.location, known[name].graph)
        result = convert(known[name], store, (lambda rows, n=name: progress(n, rows)) if progress else None)
        del store
        try:  # the rows' statements, streamed to N-Triples, which the writer bulk-loads
            writer.put_sources({name: result.path}, kind="dataset")
        finally:
            result.discard()
        _fingerprint_file(local_dir, name).write_text(fingerprint(known[name]))
        notify(f"dataset {name}: {result.loaded_rows:,} of {result.rows:,} rows, {result.triples:,} statements"
               + (f"; {result.rows - result.loaded_rows:,} rows left out ({result.problem_count:,} problems)"
                  if result.problem_count else ""))
        results.append(result)
    return results
