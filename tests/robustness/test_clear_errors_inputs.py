"""One clear line instead of a traceback, and nothing lost: a huge literal, a full disk, a SERVICE that
answers garbage; a Turtle file with a byte-order mark is simply read (issue 21, item 8)."""

from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import handler_serve
from typer.testing import CliRunner

from kg.build.stats import stats
from kg.cli import app
from kg.errors import InputError, StoreWriteError
from kg.paths import DATA_DIR
from kg.store import current_snapshot, open_store
from kg.store.writer import Writer, build

PREFIXES = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix proj: <https://w3id.org/eu-regional-kg/id/project/> .
"""
TABLE_HEADER = ["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date",
                "Partner name", "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store built from a copy of the project's data: (store location, data folder)."""
    root = tmp_path_factory.mktemp("clear-errors")
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    build(root / "store", data_dir=data, validate=False)
    return root / "store", data


@pytest.fixture()
def copy(built: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A store of its own, built from its own copy of the data, for tests that write: (location, data folder)."""
    data = tmp_path / "data"
    shutil.copytree(built[1], data)
    build(tmp_path / "store", data_dir=data, validate=False)
    return tmp_path / "store", data


def _graphs(location: Path) -> dict[str, int]:
    return stats(open_store(location))["graphs"]


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones included) with its SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_error_line(result) -> str:
    """The command failed with one plain error line (a SystemExit, no exception escaped); return it."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), f"an exception escaped: {result.exception!r}"
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.output
    return lines[0]


def _huge_literal(data: Path, megabytes: int = 50) -> Path:
    target = data / "sources" / "960_huge_literal.ttl"
    with target.open("w", encoding="utf-8") as handle:
        handle.write(PREFIXES + "\n")
        handle.write('proj:huge skos:prefLabel "')
        block = "x" * (1024 * 1024)
        for _ in range(megabytes):
            handle.write(block)
        handle.write('"@en .\n')
    return target


def _table(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(TABLE_HEADER)
        writer.writerow(["GREENPORT", "Green ports for regions", "Interreg Europe", "Low-carbon economy",
                         "01/08/2019", "31/07/2023", "Gdynia Maritime Agency", "Lead partner", "Sectoral agency",
                         "Poland", "PL633", "1250000", "1062500"])
    return path


# ---------------------------------------------------------------- a 50 MB literal

@pytest.mark.slow
def test_a_huge_literal_fails_the_build_with_file_and_line(built: tuple[Path, Path], tmp_path: Path) -> None:
    location, data = built
    private = tmp_path / "data"
    shutil.copytree(data, private)
    _huge_literal(private)
    before = _graphs(location)
    with pytest.raises(InputError) as raised:
        build(location, data_dir=private, validate=False)
    assert "960_huge_literal.ttl" in str(raised.value) and raised.value.line == 4
    assert "longer than 16 MiB" in str(raised.value)
    assert _graphs(location) == before


@pytest.mark.slow
@pytest.mark.parametrize("command", ["build", "validate", "ingest"])
def test_a_huge_literal_is_one_line_in_every_command(copy: tuple[Path, Path], tmp_path: Path, command: str) -> None:
    location, data = copy
    _huge_literal(data)
    before_graphs, before_files = _graphs(location), _tree(data)
    args = {
        "build": ["build", "--store", str(location), "--data-dir", str(data)],
        "validate": ["validate", "--data-dir", str(data)],
        "ingest": ["ingest", "table", str(_table(tmp_path / "partners.csv")), "-m", "keep_eu",
                   "--store", str(location), "--data-dir", str(data)],
    }[command]
    line = _one_error_line(runner.invoke(app, args))
    assert "960_huge_literal.ttl:4:" in line and "longer than 16 MiB" in line
    assert _graphs(location) == before_graphs and _tree(data) == before_files


# ---------------------------------------------------------------- a full disk

def _no_space(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.slow
def test_a_full_disk_during_build_is_one_line_and_keeps_the_store(copy: tuple[Path, Path], monkeypatch) -> None:
    location, data = copy
    before_graphs, before_files, snapshot = _graphs(location), _tree(data), current_snapshot(location)
    monkeypatch.setattr("kg.store.writer.build_into", _no_space)
    line = _one_error_line(runner.invoke(app, ["build", "--store", str(location), "--data-dir", str(data)]))
    assert "No space left on device" in line and str(location) in line and "as they were" in line
    assert current_snapshot(location) == snapshot
    assert _graphs(location) == before_graphs and _tree(data) == before_files
    assert [p.name for p in location.parent.glob(".store-*")] == [snapshot.name], "the failed build left a folder"


@pytest.mark.slow
def test_a_full_disk_when_recording_an_ingest_puts_its_file_back(copy: tuple[Path, Path], tmp_path: Path,
                                                                 monkeypatch) -> None:
    """The source's file is written, then recording the new snapshot fails: the file goes again."""
    location, data = copy
    before_graphs, before_files = _graphs(location), _tree(data)
    monkeypatch.setattr("kg.store.writer.write_manifest", _no_space)
    table = _table(tmp_path / "partners.csv")
    line = _one_error_line(runner.invoke(app, ["ingest", "table", str(table), "-m", "keep_eu", "--store",
                                               str(location), "--data-dir", str(data)]))
    assert "No space left on device" in line
    assert _graphs(location) == before_graphs
    assert _tree(data) == before_files, "the ingested file (or a backup of it) was left behind"


@pytest.mark.slow
def test_a_full_disk_while_writing_the_second_of_two_sources_keeps_the_first_as_it_was(
        copy: tuple[Path, Path], monkeypatch) -> None:
    """Two sources in one write (as `eukg ingest article --accept` with two files): the first file is
    re-ingested (replaced), the second cannot be written; afterwards both are as they were."""
    from rdflib import Graph, Literal
    from rdflib.namespace import SKOS

    from kg.namespaces import ID
    from kg.store import writer as writer_module

    location, data = copy

    def graph(title: str) -> Graph:
        result = Graph()
        result.add((ID["project/sme4green"], SKOS.altLabel, Literal(title, lang="en")))
        return result

    with Writer(location, data) as writer:
        writer.put_sources({"first": graph("first title")})
    before_graphs, before_files = _graphs(location), _tree(data)
    real = writer_module.write_atomically

    def second_fails(target: Path, content: bytes) -> None:
        if target.stem == "second":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        real(target, content)

    monkeypatch.setattr(writer_module, "write_atomically", second_fails)
    with pytest.raises(StoreWriteError, match="No space left on device"), Writer(location, data) as writer:
        writer.put_sources({"first": graph("a new first title"), "second": graph("second title")})
    assert _graphs(location) == before_graphs
    assert _tree(data) == before_files


_FULL_DISK_SCRIPT = textwrap.dedent("""
    import hashlib, json, os, shutil, subprocess, sys
    from pathlib import Path
    root, data_source, table = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(root)], check=True)
    data, store = root / "data", root / "store"
    shutil.copytree(data_source, data)
    eukg = [sys.executable, "-m", "kg"]
    built = subprocess.run(eukg + ["build", "--store", str(store), "--data-dir", str(data)], capture_output=True)
    if built.returncode != 0:
        print(json.dumps({"setup": built.stderr.decode()[-500:]}))
        sys.exit(0)
    state = lambda: ({str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(data.rglob("*"))
                      if p.is_file()}, os.readlink(store), sorted(p.name for p in root.glob(".store-*")))
    free = shutil.disk_usage(root).free
    with open(root / "filler", "wb") as handle:
        handle.truncate(0)
        os.posix_fallocate(handle.fileno(), 0, free - 64 * 1024)
    before = state()
    runs = {}
    for name, args in {"ingest": ["ingest", "table", table, "-m", "keep_eu"], "build": ["build"]}.items():
        done = subprocess.run(eukg + args + ["--store", str(store), "--data-dir", str(data)], capture_output=True)
        runs[name] = [done.returncode, done.stderr.decode()]
    print(json.dumps({"runs": runs, "unchanged": state() == before}))
""")


@pytest.mark.slow
def test_a_real_full_disk_during_ingest_and_build(tmp_path: Path) -> None:
    """On a 40 MB tmpfs filled to its last 64 KB (a user namespace: no root needed where it works)."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no user namespaces here to mount a small tmpfs")
    mount = tmp_path / "disk"
    mount.mkdir()
    table = _table(tmp_path / "partners.csv")
    project = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([unshare, "-rm", sys.executable, "-c", _FULL_DISK_SCRIPT, str(mount), str(DATA_DIR),
                           str(table)], capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0 and "mount" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr[-200:]}")
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert "setup" not in outcome, outcome
    for name, (code, stderr) in outcome["runs"].items():
        assert code == 1, f"{name}: {stderr}"
        assert "Traceback" not in stderr and stderr.count("error:") == 1, f"{name}: {stderr}"
        assert "No space left on device" in stderr and "as they were" in stderr, f"{name}: {stderr}"
    assert outcome["unchanged"], "the data files, the store link or the snapshots changed"


# ---------------------------------------------------------------- SERVICE answering garbage

@contextmanager
def _garbage_endpoint(body: bytes, content_type: str) -> Iterator[str]:
    class Garbage(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _answer(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer  # noqa: N815 - the http.server API

    with handler_serve(Garbage) as url:
        yield f"{url}/sparql"


@pytest.mark.parametrize(("body", "content_type"), [
    (b"<html><body>Service unavailable</body></html>", "text/html"),
    (b"<html><body>not results</body></html>", "application/sparql-results+json"),
    (b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": 12}]}}', "application/sparql-results+json"),
    (b"\x00\xff\xfe garbage", "application/sparql-results+xml"),
])
def test_a_service_answering_garbage_is_one_line(built: tuple[Path, Path], tmp_path: Path, body: bytes,
                                                 content_type: str) -> None:
    location, _ = built
    query = tmp_path / "federated.rq"
    with _garbage_endpoint(body, content_type) as endpoint:
        query.write_text(f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}\n", encoding="utf-8")
        line = _one_error_line(runner.invoke(app, ["query", str(query), "--store", str(location)]))
    assert str(query) in line and "SERVICE" in line


# ---------------------------------------------------------------- a byte-order mark

@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), [
    ("970_bom.ttl", PREFIXES + 'proj:bom skos:prefLabel "Read despite its byte-order mark"@en .\n'),
    ("971_bom.nt", '<https://w3id.org/eu-regional-kg/id/project/bom> <http://www.w3.org/2004/02/skos/core#prefLabel> '
                   '"Read despite its byte-order mark"@en .\n'),
    ("972_bom.trig", PREFIXES + 'proj:bom skos:prefLabel "Read despite its byte-order mark"@en .\n'),
])
def test_a_file_with_a_byte_order_mark_is_read(built: tuple[Path, Path], tmp_path: Path, name: str,
                                               text: str) -> None:
    _, data = built
    private = tmp_path / "data"
    shutil.copytree(data, private)
    (private / "sources" / name).write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    location = tmp_path / "store"
    build(location, data_dir=private, validate=False)
    rows = open_store(location).query(
        'SELECT ?g WHERE { GRAPH ?g { ?s ?p "Read despite its byte-order mark"@en } }')
    assert [row["g"].value.rsplit("/", 1)[-1] for row in rows] == [Path(name).stem]


@pytest.mark.slow
def test_a_file_with_a_byte_order_mark_is_read_by_a_writer(copy: tuple[Path, Path]) -> None:
    location, data = copy
    (data / "sources" / "973_bom.ttl").write_bytes(
        codecs.BOM_UTF8 + (PREFIXES + 'proj:bom skos:prefLabel "Read by sync"@en .\n').encode("utf-8"))
    with Writer(location, data) as writer:
        change = writer.sync()
    assert [g.rsplit("/", 1)[-1] for g in change.loaded] == ["973_bom"]
