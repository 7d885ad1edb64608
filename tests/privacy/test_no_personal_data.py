"""Issue 21 §1: with ``--no-personal-data`` no name of a person the graph knows appears anywhere.

An article (written for this test) names persons in its title, in an event's title and in its file name,
and a partner table lists a sole trader. The names are then looked for in every export format, in a
release (gzip copies included), in the answers of ``eukg serve --no-personal-data`` and in an Oxigraph
server after ``eukg push --no-personal-data``: none may be there, while the same searches find them in
the full export.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import subprocess
import sys
import unicodedata
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from loopback import oxigraph_serve
from typer.testing import CliRunner

from kg.cli import app
from kg.export import EXPORT_FORMATS
from kg.store import open_store

ARTICLE = """Interview with Ioana Vasilescu: cycling lanes for Timisoara

On 12 June 2025 the ECoC-SME project holds the workshop "Ioana Vasilescu presents green mobility" in Timisoara.
Mrs Vasilescu explains how the municipality plans safe cycling lanes.
Contact: Ioana Vasilescu, project manager, ioana.vasilescu@example.org
"""
TABLE_HEADER = ["Project acronym", "Project title", "Programme", "Start date", "End date", "Partner name",
                "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"]
TABLE_ROWS = [
    ["ORCHARD", "Gheorghe Munteanu and the orchards of Banat", "Interreg Europe", "01/08/2019", "31/07/2023",
     "Municipiul Timișoara", "Lead partner", "Local public authority", "RO", "RO424", "300000", "255000"],
    ["ORCHARD", "Gheorghe Munteanu and the orchards of Banat", "Interreg Europe", "01/08/2019", "31/07/2023",
     "Gheorghe Munteanu", "Partner", "Sole trader", "RO", "RO424", "20000", "17000"],
]
#: The names this test puts in; the graph's own persons are added from the store.
NAMES = {"Ioana Vasilescu", "Gheorghe Munteanu"}

PERSON_NAMES = """
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT DISTINCT ?value WHERE {
  { ?p a ekg:Person ; schema:name|schema:email|schema:telephone ?value }
  UNION
  { ?o ekg:organisationType ?type ; skos:prefLabel ?value . ?type ekg:personalData true }
}"""


def _fold(text: str) -> str:
    """Lower case, no accents: a name is found however a format writes it."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _needles(values: set[str]) -> set[str]:
    """Every full name (also as a slug), e-mail address and telephone number, and the surnames of :data:`NAMES`.

    The surnames of the graph's other persons are left out: a surname the rest of the graph uses as a word
    ("Urban" in "Regional and Urban Policy") is kept on purpose (docs/release.md).
    """
    needles = {_fold(value) for value in values}
    needles |= {_fold("-".join(value.split())) for value in values if "@" not in value}
    return needles | {_fold(name.split()[-1]) for name in NAMES}


def _leaks(text: str, needles: set[str]) -> list[str]:
    folded = _fold(text)
    return sorted(n for n in needles if n in folded)


def _readable(path: Path) -> str:
    data = path.read_bytes()
    text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    if ".jsonld" in path.name:  # undo any \\u escapes
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


@pytest.fixture(scope="module")
def ingested(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built store with the article and the partner table ingested."""
    folder = tmp_path_factory.mktemp("privacy")
    location = folder / "store"
    open_store(built_store_path).backup(str(location))
    article = folder / "interview-ioana-vasilescu.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    table = folder / "orchard-partners.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([TABLE_HEADER, *TABLE_ROWS])
    runner = CliRunner()
    for args in (["ingest", "article", str(article), "--lang", "en", "--accept", "--no-save"],
                 ["ingest", "table", str(table), "--mapping", "keep_eu", "--no-save"]):
        result = runner.invoke(app, [*args, "--store", str(location)])
        assert result.exit_code == 0, result.output
    return location


@pytest.fixture(scope="module")
def needles(ingested: Path) -> set[str]:
    values = {row["value"].value for row in open_store(ingested).query(PERSON_NAMES, use_default_graph_as_union=True)}
    assert NAMES <= values, f"the ingest did not find the persons of the test: {values}"
    return _needles(values)


@pytest.mark.slow
def test_the_full_export_holds_the_names(ingested: Path, needles: set[str], tmp_path: Path) -> None:
    out = tmp_path / "full.nq"
    result = CliRunner().invoke(app, ["export", "--format", "nq", "--out", str(out), "--store", str(ingested)])
    assert result.exit_code == 0, result.output
    assert {"vasilescu", "munteanu", "ioana-vasilescu"} <= set(_leaks(out.read_text(encoding="utf-8"), needles))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_no_name_in_any_export_format(ingested: Path, needles: set[str], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"public.{fmt}"
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), "--no-personal-data",
                                      "--store", str(ingested)])
    assert result.exit_code == 0, result.output
    text = _readable(out)
    assert _leaks(text, needles) == []
    # the source is kept, its title with the name redacted; the event is kept under its opaque IRI
    # (the extractor names events by kind and date, never by a title that may hold a name)
    assert "[person]" in text and "ecoc-sme-2025-06-12-" in text


@pytest.mark.slow
def test_no_name_in_the_release(ingested: Path, needles: set[str], tmp_path: Path) -> None:
    folder = tmp_path / "release"
    result = CliRunner().invoke(app, ["release", str(folder), "--no-personal-data", "--store", str(ingested)])
    assert result.exit_code == 0, result.output
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert any(path.suffix == ".gz" for path in files) and any(path.suffix == ".csv" for path in files)
    leaked = {path.name: _leaks(_readable(path), needles) for path in files}
    assert {name: found for name, found in leaked.items() if found} == {}


EUKG = Path(sys.executable).with_name("eukg")
EVERYTHING = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"


def _post(url: str, query: str, accept: str) -> bytes:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


@contextmanager
def _eukg_serve(store: Path, *extra: str) -> Iterator[str]:
    command = [str(EUKG), "serve", "--store", str(store), "--port", "0", "--max-results", "1000000", *extra]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    try:
        first = server.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert found, first
        yield found.group(0)
    finally:
        server.kill()
        server.wait()


@pytest.mark.slow
@pytest.mark.tool(not EUKG.exists(), "the eukg console script is not installed beside this Python")
def test_no_name_in_the_served_answers(ingested: Path, needles: set[str]) -> None:
    with _eukg_serve(ingested, "--no-personal-data") as url:
        rows = _post(f"{url}/sparql", EVERYTHING, "text/csv").decode("utf-8")
        assert rows.count("\n") > 20_000
        assert _leaks(rows, needles) == []
        graph = _post(f"{url}/sparql", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
        assert _leaks(graph.decode("utf-8"), needles) == []


@pytest.mark.slow
def test_no_name_on_a_pushed_oxigraph_server(ingested: Path, needles: set[str], tmp_path: Path) -> None:
    with oxigraph_serve(tmp_path / "oxigraph") as server:
        result = CliRunner().invoke(app, ["push", "--endpoint", f"{server}/query", "--graph-store", f"{server}/store",
                                          "--no-personal-data", "--state", str(tmp_path / "state.json"),
                                          "--store", str(ingested)])
        assert result.exit_code == 0, result.output
        rows = _post(f"{server}/query", EVERYTHING, "text/csv").decode("utf-8")
        assert rows.count("\n") > 20_000
        assert _leaks(rows, needles) == []


def test_a_surname_the_graph_uses_as_a_word_is_kept(built_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "public.nt"
    result = CliRunner().invoke(app, ["export", "--format", "nt", "--out", str(out), "--no-personal-data",
                                      "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Wieslaw Urban" not in text and "Regional and Urban Policy" in text
