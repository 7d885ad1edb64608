"""Every SPARQL query the code runs lives in a .rq file: the package's own in queries/internal/, out of the
public library. Each one parses, runs with its parameters bound, and says in its header what it returns; no
query text is left in the Python of kg/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.internal_queries import INTERNAL_QUERIES_DIR, internal_query, internal_query_names, internal_query_path
from kg.namespaces import PREFIXES
from kg.paths import QUERIES_DIR
from kg.sparql.queries import NamedQuery, library, read_query

ROOT = Path(__file__).resolve().parents[1]
KG = ROOT / "kg"

#: Modules that still build SPARQL in Python, being moved to files or to pyoxigraph's terms by another change
#: (updates and INSERT DATA batches, the shape-generated queries of the fast validator). Empty it as they go.
NOT_YET_MOVED: frozenset[str] = frozenset()

#: A text that begins (after any comment lines) as a SPARQL query or update does: a prologue, or a query or
#: update keyword with a group `{` after it (SQL, which the store's name index speaks, has no braces).
_STARTS_AS_SPARQL = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(?:(?:PREFIX|BASE)\s+\S*:?\s*<|"
    r"(?:SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|WITH|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b[^;]*\{)", re.S)
#: Pieces of a graph pattern anywhere in a text: a fragment spliced into a query.
_PATTERN_PIECE = re.compile(r"\bWHERE\s*\{|\bGRAPH\s+[?$<]|\bVALUES\s+[?$]\w+\s*\{|\bFILTER\s*\(|\bOPTIONAL\s*\{")

_SAMPLE = {"iri": ox.NamedNode("http://example.org/x"), "integer": ox.Literal("1", datatype=ox.NamedNode(
    "http://www.w3.org/2001/XMLSchema#integer")), "date": ox.Literal("2020-01-01", datatype=ox.NamedNode(
    "http://www.w3.org/2001/XMLSchema#date")), "literal": ox.Literal("x"), "nuts": ox.Literal("PL81")}


def _queries() -> list[NamedQuery]:
    return [read_query(internal_query_path(name)) for name in internal_query_names()]


def _text(node: ast.AST) -> str | None:
    """The text of a string literal; an f-string's holes become ``{}``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)
    return None


def sparql_strings(source: str) -> list[tuple[int, str]]:
    """Return (line, start) of each string literal of ``source`` that is SPARQL: a query, an update, a prologue
    or a piece of a graph pattern. Docstrings are left out (they may show a query as an example)."""
    tree = ast.parse(source)
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        if isinstance(node, ast.JoinedStr):  # judged as a whole, not part by part
            skipped.update(id(part) for part in node.values)
    found = []
    for node in ast.walk(tree):
        text = None if id(node) in skipped else _text(node)
        if text and (_STARTS_AS_SPARQL.match(text) or _PATTERN_PIECE.search(text)):
            found.append((node.lineno, text.strip()[:60]))
    return sorted(found)


@pytest.mark.parametrize("source", [
    'Q = """\nPREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>\nSELECT ?s WHERE { ?s a ekg:Fund }"""',
    'def f(iri):\n    return f"SELECT ?label WHERE {{ <{iri}> ?p ?label }} LIMIT 10"',
    'prologue = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\\n" for p in PREFIXES)',
    'store.query("ASK { GRAPH ?g { ?s ?p ?o } }")',
    'u = ("DROP SILENT GRAPH <%s> ;\\n" "INSERT DATA { GRAPH <%s> { %s } }") % (g, g, data)',
    'q = "# every statement\\nCONSTRUCT { ?s ?p ?o } { ?s ?p ?o }"',
    'part = "OPTIONAL { ?s skos:prefLabel ?label }"',
    'where = f"WHERE {{ ?s a <{cls}> }}"',
])
def test_the_check_finds_sparql_in_python(source: str) -> None:
    assert sparql_strings(source), source


@pytest.mark.parametrize("source", [
    'def f():\n    """SELECT queries run here: ``SELECT * WHERE { ?s ?p ?o }``."""\n    return 1',
    '"""Module: a SPARQL SELECT with PREFIX lines, as ``PREFIX ekg: <…> SELECT ?s WHERE { ?s ?p ?o }``."""',
    'db.execute("SELECT value FROM entry WHERE space = ? AND key = ?", (space, key))',
    'db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)", rows)',
    'db.execute("DELETE FROM blocks")',
    'help_text = "Select the rows to delete; ask before you insert."',
    'message = f"query {name!r} has no parameter {param!r}"',
])
def test_the_check_leaves_other_strings_alone(source: str) -> None:
    assert not sparql_strings(source), source


def test_no_sparql_is_left_in_the_python_of_kg() -> None:
    """Every query the code runs is a file: queries/internal/NAME.rq, read with kg.internal_queries."""
    found = {}
    for path in sorted(KG.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name not in NOT_YET_MOVED and (strings := sparql_strings(path.read_text(encoding="utf-8"))):
            found[name] = strings
    assert not found, f"SPARQL in Python (move it to queries/internal/NAME.rq): {found}"


def test_the_modules_not_yet_moved_exist() -> None:
    """The list of exceptions names real modules, so it shrinks as they are moved, never goes stale."""
    assert all((ROOT / name).is_file() for name in NOT_YET_MOVED)


def test_there_are_internal_queries() -> None:
    assert {"graph_sizes", "class_counts", "resolver_names", "linkage_organisations", "resource_links"} \
        <= set(internal_query_names())


@pytest.mark.parametrize("query", _queries(), ids=lambda q: q.name)
def test_every_internal_query_runs_with_its_parameters_bound(query: NamedQuery) -> None:
    """It parses, runs on an empty store with each parameter bound as a term, and returns the columns its
    header names. A parameter with a ``#PARAM ?name`` line is bound through ``VALUES`` (the queries the server
    answers over its protocol); any other one with pyoxigraph's ``substitutions``, which binds only a
    projected variable, so such a parameter is a column too."""
    assert query.summary, f"{query.path}: no #+ summary"
    by_values = {p.name for p in query.params if re.search(rf"^\s*#PARAM \?{p.name}\s*$", query.text, re.MULTILINE)}
    text = query.bind({p.name: _SAMPLE[p.type].value for p in query.params if p.name in by_values})
    substitutions = {ox.Variable(p.name): _SAMPLE[p.type] for p in query.params if p.name not in by_values}
    solutions = ox.Store().query(text, use_default_graph_as_union=True, substitutions=substitutions)
    if isinstance(solutions, ox.QueryBoolean):  # an ASK query: no columns, false on an empty store
        assert not solutions
        return
    assert [variable.value for variable in solutions.variables] == list(query.columns)
    rows = list(solutions)
    # a query of one aggregate (COUNT) answers one row on an empty store; any other query none
    assert rows == [] or (len(rows) == 1 and "COUNT(" in query.text.upper())
    assert {p.name for p in query.params} - by_values <= set(query.columns)


@pytest.mark.parametrize("query", _queries(), ids=lambda q: q.name)
def test_every_internal_query_parses_in_rdflib_too(query: NamedQuery) -> None:
    """The resolver's index reads an rdflib graph with the same queries (kg.resolve.index.read_graph)."""
    prepareQuery(query.text)


@pytest.mark.parametrize("query", _queries(), ids=lambda q: q.name)
def test_internal_queries_use_the_projects_prefixes(query: NamedQuery) -> None:
    declared = dict(re.findall(r"^PREFIX\s+(\w*):\s*<([^>]*)>", query.text, re.MULTILINE))
    assert {p: iri for p, iri in declared.items() if p in PREFIXES} == {p: PREFIXES[p] for p in declared
                                                                          if p in PREFIXES}


def test_every_internal_query_is_run_by_the_code() -> None:
    """No file is left over: each name is named in kg/ (the modules ask for them by name)."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in KG.rglob("*.py"))
    assert [name for name in internal_query_names() if f'"{name}"' not in code] == []


def test_internal_queries_stay_out_of_the_public_library() -> None:
    catalogue = (QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    for name in internal_query_names():
        assert name not in library()
        assert f"`{name}`" not in catalogue
    assert INTERNAL_QUERIES_DIR.parent == QUERIES_DIR


def test_a_query_is_read_once_and_an_unknown_name_is_refused() -> None:
    assert internal_query("graph_sizes") is internal_query("graph_sizes")
    with pytest.raises(LookupError, match="no internal query 'graph_size' .*graph_sizes"):
        internal_query("graph_size")


def test_the_distribution_ships_the_internal_queries(monkeypatch: pytest.MonkeyPatch) -> None:
    """setup.py makes queries/internal/ the package kg._data.queries.internal, with every file of it."""
    import fnmatch
    import runpy

    import setuptools

    given: dict = {}
    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: given.update(kwargs))
    monkeypatch.chdir(ROOT)
    runpy.run_path(str(ROOT / "setup.py"))
    package = "kg._data.queries.internal"
    assert package in given["packages"]
    assert given["package_dir"][package] == "queries/internal"
    assert any(fnmatch.fnmatch("graph_sizes.rq", pattern) for pattern in given["package_data"][package])
