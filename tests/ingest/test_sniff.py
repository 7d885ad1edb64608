"""`eukg ingest article` refuses RDF, JSON and tables, saying what the file looks like and which command reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.ingest.sniff import refuse_non_article, what_it_looks_like

FILES = {
    "data.ttl": ("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\n", "Turtle", "data/sources/"),
    "data.txt": ("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\n", "Turtle or TriG", "data/sources/"),
    "triples.txt": ("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
                    "<https://example.org/a> <https://example.org/b> \"d\" .\n", "N-Triples or N-Quads", "data/sources/"),
    "data.json": ('{"@context": {"name": "https://schema.org/name"}, "name": "x"}', "JSON-LD", "data/sources/"),
    "plain.json": ('{"projects": [1, 2, 3]}', "JSON", "not an article"),
    "partners.txt": ("Project acronym;Partner name;Country;NUTS\nABC;Acme;PL;PL81\nABC;Beta;RO;RO424\n", "CSV",
                     "eukg ingest table"),
    "partners.csv": ("a,b,c\n1,2,3\n", "CSV", "eukg ingest table"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_non_articles_are_refused_naming_what_they_look_like(tmp_path: Path, name: str) -> None:
    text, kind, hint = FILES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert what_it_looks_like(path) == kind
    with pytest.raises(InputError) as raised:
        refuse_non_article(path)
    assert name in str(raised.value) and kind in str(raised.value) and hint in str(raised.value)


@pytest.mark.parametrize("text", [
    "Kick-off meeting of the GREENPORT project in Gdynia on 12 May 2024.\nPartners: Acme, Beta; Gamma.\n",
    "<html><body><h1>Workshop</h1><p>On 3 June, partners met in Lodz.</p></body></html>",
    "Projekt, który łączy regiony: spotkanie w Lublinie, 5 czerwca 2024 r., godz. 10:00.\n",
    "",
])
def test_articles_pass(tmp_path: Path, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    assert what_it_looks_like(path) is None
    refuse_non_article(path)


def test_the_command_refuses_with_one_line_and_changes_nothing(tmp_path: Path, built_store_path: Path) -> None:
    path = tmp_path / "graph.jsonld"
    path.write_text('{"@id": "https://example.org/a"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--accept", "--store", str(built_store_path)])
    assert result.exit_code == 1 and "looks like JSON-LD, not an article" in result.output
    assert "Traceback" not in result.output
