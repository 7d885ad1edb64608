"""The one registry of RDF syntaxes and query-result formats (kg.formats), its aliases, and the options using it."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.formats import RDF_SYNTAXES, RESULTS_FORMATS, UnknownFormat, any_format, rdf_format, results_format

runner = CliRunner()


def _text(output: str) -> str:
    """The words of a command's output, without the box click and rich draw around an error."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())

RDF_ALIASES = {
    "ttl": ["ttl", "turtle", "text/turtle", "TTL", ".ttl"],
    "nt": ["nt", "ntriples", "n-triples", "application/n-triples"],
    "nq": ["nq", "nquads", "n-quads", "application/n-quads"],
    "trig": ["trig", "application/trig"],
    "jsonld": ["jsonld", "json-ld", "application/ld+json"],
    "xml": ["xml", "rdf", "rdfxml", "rdf/xml", "application/rdf+xml", ".rdf"],
    "n3": ["n3", "text/n3"],
}


@pytest.mark.parametrize(("name", "alias"), [(name, alias) for name, aliases in RDF_ALIASES.items()
                                             for alias in aliases])
def test_each_rdf_alias_resolves_to_its_syntax(name: str, alias: str) -> None:
    assert rdf_format(alias) is RDF_SYNTAXES[name]


@pytest.mark.parametrize(("alias", "name"), [
    ("csv", "csv"), ("text/csv", "csv"), ("tsv", "tsv"), ("text/tab-separated-values; charset=utf-8", "tsv"),
    ("json", "json"), ("srj", "json"), ("application/sparql-results+json", "json"), ("application/json", "json"),
    ("xml", "xml"), ("srx", "xml"), ("application/sparql-results+xml", "xml"), ("table", "table"),
    ("records", "records"),
])
def test_each_results_alias_resolves(alias: str, name: str) -> None:
    assert results_format(alias) is RESULTS_FORMATS[name]


def test_a_media_type_resolves_with_parameters() -> None:
    assert rdf_format("text/turtle; charset=utf-8").name == "ttl"
    assert rdf_format("Application/LD+JSON").name == "jsonld"


def test_the_registry_agrees_with_pyoxigraph() -> None:
    for syntax in RDF_SYNTAXES.values():
        assert syntax.media_type == syntax.oxigraph.media_type
        assert syntax.graphs == syntax.oxigraph.supports_datasets
    for fmt in RESULTS_FORMATS.values():
        if fmt.oxigraph is not None:
            assert fmt.oxigraph.media_type.split(";")[0] == fmt.media_type


def test_an_unknown_name_is_one_line_with_a_suggestion() -> None:
    with pytest.raises(UnknownFormat) as raised:
        rdf_format("turtel")
    message = str(raised.value)
    assert "\n" not in message
    assert "'turtel'" in message and "did you mean 'turtle'?" in message
    assert "accepted: ttl, nt, nq, trig, jsonld, xml, n3" in message
    assert isinstance(raised.value, KgError) and raised.value.suggestion == "turtle"
    with pytest.raises(UnknownFormat, match=r"did you mean 'ntriples'\?"):
        rdf_format("ntripels")
    with pytest.raises(UnknownFormat, match=r"unknown query results format 'cvs'.*did you mean 'csv'\?"):
        results_format("cvs")


def test_no_suggestion_when_nothing_is_close() -> None:
    with pytest.raises(UnknownFormat) as raised:
        any_format("zzzzzz")
    assert "did you mean" not in str(raised.value) and "accepted: table, csv" in str(raised.value)


def test_results_first_then_rdf() -> None:
    assert any_format("xml") is RESULTS_FORMATS["xml"]
    assert any_format("rdfxml") is RDF_SYNTAXES["xml"]
    assert any_format("n-quads") is RDF_SYNTAXES["nq"]


def test_the_store_and_release_tables_come_from_the_registry() -> None:
    from kg.export import EXPORT_FORMATS, export_format
    from kg.export.rdf import RDF_FORMATS
    from kg.sparql.serve_results import SHORT_FORMATS
    from kg.store import QUAD_FORMATS
    from kg.store import RDF_FORMATS as SUFFIXES

    assert SUFFIXES[".xml"] == SUFFIXES[".rdf"] == ox.RdfFormat.RDF_XML and ".n3" not in SUFFIXES
    assert QUAD_FORMATS == {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD}
    assert list(RDF_FORMATS) == ["nq", "trig", "nt", "ttl", "rdf", "jsonld"]
    assert list(EXPORT_FORMATS) == ["ttl", "nt", "nq", "trig", "jsonld", "xml"]
    assert export_format("json-ld") == "jsonld" and export_format("application/rdf+xml") == "xml"
    with pytest.raises(UnknownFormat, match="unknown export format 'n3'"):
        export_format("n3")
    assert SHORT_FORMATS["n-triples"] == "application/n-triples" and SHORT_FORMATS["tsv"] == "text/tab-separated-values"


def test_query_format_alias_writes_a_construct_as_turtle(built_store_path, tmp_path) -> None:
    path = tmp_path / "projects.rq"
    path.write_text("PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>\n"
                    "CONSTRUCT { ?p a ekg:Project } WHERE { ?p a ekg:Project }", encoding="utf-8")
    result = runner.invoke(app, ["query", str(path), "--format", "turtle", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert len(graph) > 0
    result = runner.invoke(app, ["query", str(path), "-f", "n-quads", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert len(Dataset().parse(data=result.stdout, format="nquads")) == len(graph)


def test_query_rdf_format_on_a_select_says_so(built_store_path) -> None:
    result = runner.invoke(app, ["query", "projects", "--format", "turtle", "--store", str(built_store_path)])
    assert result.exit_code == 1
    assert "CONSTRUCT or DESCRIBE" in result.output


def test_query_results_aliases(built_store_path) -> None:
    result = runner.invoke(app, ["query", "projects", "-f", "records", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)
    result = runner.invoke(app, ["query", "projects", "-f", "srx", "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    assert "http://www.w3.org/2005/sparql-results#" in result.stdout


def test_query_unknown_format_is_one_line_with_suggestion(built_store_path) -> None:
    result = runner.invoke(app, ["query", "projects", "-f", "turtel", "--store", str(built_store_path)])
    assert result.exit_code == 2
    assert "unknown query output format 'turtel' (did you mean 'turtle'?)" in _text(result.output)


@pytest.mark.slow
@pytest.mark.parametrize(("alias", "parser"), [("json-ld", "json-ld"), ("n-triples", "nt"), ("rdfxml", "xml")])
def test_export_accepts_aliases(built_store_path, tmp_path, alias: str, parser: str) -> None:
    out = tmp_path / "graph.out"
    result = runner.invoke(app, ["export", "--format", alias, "--out", str(out), "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    graph = Dataset() if parser == "json-ld" else Graph()
    assert len(graph.parse(out, format=parser)) > 0 or sum(len(g) for g in graph.graphs()) > 0


def test_export_unknown_format_suggests(built_store_path, tmp_path) -> None:
    result = runner.invoke(app, ["export", "--format", "jsonl", "--out", str(tmp_path / "x"), "--store",
                                 str(built_store_path)])
    assert result.exit_code == 2
    assert "unknown export format 'jsonl' (did you mean 'jsonld'?)" in _text(result.output)


def test_the_endpoint_answers_a_select_in_tsv() -> None:
    from kg.sparql.serve_results import SHORT_FORMATS, answer

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("v")))
    body, content_type = answer(store, "SELECT ?s ?o WHERE { ?s ?p ?o }", SHORT_FORMATS["tsv"], 10)
    assert content_type == "text/tab-separated-values; charset=utf-8"
    assert body.decode("utf-8").splitlines() == ["?s\t?o", '<http://example.org/a>\t"v"']
