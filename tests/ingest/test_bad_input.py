"""Bad input: empty, wrong encoding, binary, too large, missing columns; always a clear error naming the file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.ingest.table import ingest_table, load_mapping
from kg.ingest.text import MAX_ARTICLE_BYTES, read_document

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _article_error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(path) in str(info.value)
    return str(info.value)


def test_empty_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _article_error(path)
    path.write_bytes(b"  \n\n ")
    assert "empty" in _article_error(path)


def test_latin1_article_is_reported_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Întâlnire la Timișoara, l'Università di Bologna, Zürich".encode("cp1252", errors="replace"))
    message = _article_error(path)
    assert "not UTF-8" in message and "offset" in message


def test_utf16_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text("Workshop of the GREENLAB project in Bologna on 14 March 2024.", encoding="utf-16")
    assert read_document(path).text.startswith("Workshop")


def test_binary_article(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(PNG * 20)
    assert "binary" in _article_error(path)


def test_fifty_megabyte_article_is_refused_with_the_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        block = b"Workshop of the GREENLAB project in Bologna on 14 March 2024.\n" * 1000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    message = _article_error(path)
    assert "MB" in message and "limit" in message


def test_cli_reports_bad_article_without_traceback(tmp_path: Path, built_store_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(PNG)
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--store", str(built_store_path)])
    assert result.exit_code == 1
    assert "binary" in result.output and "Traceback" not in result.output


@pytest.fixture(scope="module")
def mapping():
    return load_mapping("keep_eu")


def _table_error(path: Path, reference_store, mapping) -> str:
    with pytest.raises(InputError) as info:
        ingest_table(path, mapping, reference_store)
    assert str(path) in str(info.value)
    return str(info.value)


def test_empty_table(tmp_path: Path, reference_store, mapping) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "empty" in _table_error(path, reference_store, mapping)
    path.write_text("Project acronym,Partner name,Partner role,Country\n", encoding="utf-8")
    assert "no rows" in _table_error(path, reference_store, mapping)


def test_latin1_table_is_read_in_its_encoding(tmp_path: Path, reference_store, mapping) -> None:
    """A table saved in Latin-1 (a spreadsheet's "CSV" on Windows) is read in the encoding its mapping names
    (a short file's encoding cannot be told from cp1250's by detection alone)."""
    path = tmp_path / "latin1.csv"
    path.write_bytes(("Project acronym,Partner name,Partner role,Country,Partner type\n"
                      "ABC,Société coopérative de Liège,Partner,BE,Association\n").encode("latin-1"))
    mapping = dataclasses.replace(mapping, encoding="latin-1")
    result = ingest_table(path, mapping, reference_store)
    assert result.problems == []
    assert "Société coopérative de Liège" in {str(o) for o in result.graph.objects()}


def test_binary_table(tmp_path: Path, reference_store, mapping) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(PNG * 10)
    assert "binary" in _table_error(path, reference_store, mapping)
    fake = tmp_path / "data.xlsx"
    fake.write_bytes(PNG)
    assert "XLSX" in _table_error(fake, reference_store, mapping)


def test_table_with_missing_columns_names_them(tmp_path: Path, reference_store, mapping) -> None:
    path = tmp_path / "partners.csv"
    path.write_text("Acronym,Title\nABC,A project\n", encoding="utf-8")
    message = _table_error(path, reference_store, mapping)
    for column in ("partner_name", "partner_role", "country"):
        assert column in message
    assert "project_acronym" not in message.split("missing column(s)")[1].split(":")[0]


def _store_state(location: Path) -> dict:
    from kg.build.stats import stats
    from kg.store import open_store

    return stats(open_store(location))["graphs"]


BAD_FILES = {
    "empty article": ("article", "empty.txt", b""),
    "Latin-1 article": ("article", "latin1.txt", "Întâlnire la Timișoara, Zürich".encode("cp1252", errors="replace")),
    "binary article": ("article", "image.html", PNG * 20),
    "empty table": ("table", "empty.csv", b""),
    "binary table": ("table", "data.csv", PNG * 10),
    "table with missing columns": ("table", "partners.csv", b"Acronym,Title\nABC,A project\n"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_cli_bad_input_names_the_file_and_leaves_the_store(case: str, tmp_path: Path, store_copy: Path) -> None:
    kind, name, content = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(content)
    before = _store_state(store_copy)
    args = ["ingest", kind, str(path), "--store", str(store_copy), "--data-dir", str(tmp_path / "data")]
    args += ["--accept"] if kind == "article" else ["--mapping", "keep_eu"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert path.name in result.output and "Traceback" not in result.output
    assert _store_state(store_copy) == before
    assert not (tmp_path / "data" / "ingested").exists()
