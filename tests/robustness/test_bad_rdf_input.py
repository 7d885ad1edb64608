"""Bad input ends in a clear error (file, line or node, and what is wrong) and leaves the store unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from loopback import handler_serve

from kg.build.stats import stats
from kg.errors import InputError, ValidationFailed
from kg.paths import DATA_DIR
from kg.store import open_store
from kg.store.writer import build

HEADER = """@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix nuts: <http://data.europa.eu/nuts/code/> .
@prefix proj: <https://w3id.org/eu-regional-kg/id/project/> .
@prefix orgn: <https://w3id.org/eu-regional-kg/id/organisation/> .
"""


@pytest.fixture(scope="module")
def location(tmp_path_factory: pytest.TempPathFactory) -> Path:
    location = tmp_path_factory.mktemp("robust") / "store"
    build(location, validate=False)
    return location


def _snapshot(location: Path) -> dict:
    return stats(open_store(location))["graphs"]


def _data_with(tmp_path: Path, name: str, content: bytes | str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    target = data / "sources" / name
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return data


PARSE_ERRORS = {
    "malformed Turtle": ("900_bad.ttl", HEADER + "\nproj:x a ekg:Project ;\n  ekg:acronym \"X\" \n  skos:prefLabel .\n", 11),
    "malformed JSON-LD": ("901_bad.jsonld", '{"@id": "https://example.org/a", "https://example.org/p": [1, }', None),
    "JSON-LD with a remote context": (
        "902_remote.jsonld",
        '{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "https://example.org/a", "name": "x"}',
        None,
    ),
    "malformed RDF/XML": (
        "903_bad.rdf",
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="https://example.org/a">\n</rdf:RDF>\n',
        4,
    ),
    "RDF/XML with an external entity": (
        "904_xxe.rdf",
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">\n'
        '<rdf:Description rdf:about="https://example.org/a"><ex:p>&xxe;</ex:p></rdf:Description></rdf:RDF>\n',
        None,
    ),
    "UTF-16 Turtle": ("905_utf16.ttl", (HEADER + 'proj:x skos:prefLabel "Județ"@ro .\n').encode("utf-16"), None),
    "Latin-1 Turtle": ("906_latin1.ttl", (HEADER + 'proj:x skos:prefLabel "Łódź"@pl .\n').encode("cp1250"), None),
    "binary garbage": ("907_binary.ttl", bytes(range(256)) * 4, None),
    "unknown extension": ("908_data.xlsx", b"PK\x03\x04", None),
}


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">'
        '<rdf:Description rdf:about="https://example.org/a"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>\n'
    )


PARSE_ERRORS["RDF/XML entity-expansion bomb"] = ("909_bomb.rdf", _billion_laughs(), None)


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(PARSE_ERRORS))
def test_unparsable_input_is_reported_and_store_kept(location: Path, tmp_path: Path, case: str) -> None:
    name, content, line = PARSE_ERRORS[case]
    before = _snapshot(location)
    with pytest.raises(InputError) as raised:
        build(location, data_dir=_data_with(tmp_path, name, content), validate=False)
    assert name in str(raised.value), f"the error does not name the file: {raised.value}"
    if line is not None:
        assert raised.value.line == line
    assert _snapshot(location) == before


@pytest.mark.slow
def test_bomb_message_says_why(location: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="entity"):
        build(location, data_dir=_data_with(tmp_path, "909_bomb.rdf", _billion_laughs()), validate=False)


def test_empty_file_is_fine_but_adds_nothing(location: Path, tmp_path: Path) -> None:
    # An empty Turtle file is valid RDF: it loads as an empty graph and changes no fact.
    result = build(tmp_path / "other", data_dir=_data_with(tmp_path, "910_empty.ttl", b""), validate=False)
    assert not any(g.endswith("910_empty") for g in result.graph_sizes)


VIOLATIONS = {
    "duplicate IRI with conflicting values": (
        HEADER + 'proj:sme4green ekg:acronym "SME-4-GREEN" .\n',
        "proj:sme4green",
        "acronym",
    ),
    "impossible date": (
        HEADER + 'proj:sme4green schema:startDate "2020-02-31"^^xsd:date .\n',
        "proj:sme4green",
        "start",
    ),
    "NUTS code that does not exist": (
        HEADER + "orgn:ecorys ekg:region nuts:NL99Z .\n",
        "orgn:ecorys",
        "NUTS region",
    ),
    "cyclic region hierarchy": (
        HEADER + "nuts:PL8 ekg:parentRegion nuts:PL81 .\n",
        "nuts:PL8",
        "",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(VIOLATIONS))
def test_invalid_facts_fail_the_build_and_keep_the_store(location: Path, tmp_path: Path, case: str) -> None:
    content, focus, words = VIOLATIONS[case]
    before = _snapshot(location)
    with pytest.raises(ValidationFailed) as raised:
        build(location, data_dir=_data_with(tmp_path, "911_conflict.ttl", content))
    report = raised.value.report
    lines = [p.line() for p in report.violations if p.focus == focus and words.lower() in p.message.lower()]
    assert lines, f"no violation on {focus} about {words!r}: {report.text()}"
    assert any("911_conflict.ttl" in line for line in lines)
    assert _snapshot(location) == before


@pytest.mark.slow
def test_cycle_is_named_by_the_quality_query(location: Path, tmp_path: Path) -> None:
    content, _, _ = VIOLATIONS["cyclic region hierarchy"]
    with pytest.raises(ValidationFailed) as raised:
        build(location, data_dir=_data_with(tmp_path, "912_cycle.ttl", content))
    assert "region-cycle-violation" in raised.value.report.text()


@pytest.mark.slow
def test_huge_file_with_an_error_at_its_end_names_the_line(location: Path, tmp_path: Path) -> None:
    # 50 MB of good Turtle, then one broken statement: the build reads it all, reports the line, keeps the store.
    before = _snapshot(location)
    data = _data_with(tmp_path, "913_huge.ttl", HEADER)
    target = data / "sources" / "913_huge.ttl"
    lines = HEADER.count("\n")
    with target.open("a", encoding="utf-8") as handle:
        block = "".join(f'proj:p{i} skos:prefLabel "Generated project number {i}"@en .\n' for i in range(10_000))
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)
            lines += 10_000
        handle.write('proj:broken skos:prefLabel "no closing quote .\n')
    with pytest.raises(InputError) as raised:
        build(location, data_dir=data, validate=False)
    assert "913_huge.ttl" in str(raised.value)
    assert raised.value.line == lines + 1
    assert _snapshot(location) == before


def test_jsonld_remote_context_is_never_fetched(tmp_path: Path) -> None:
    """A JSON-LD file naming a context on a server that would answer: refused, and the server sees no request."""
    import json
    from http.server import BaseHTTPRequestHandler

    import pyoxigraph as ox

    from kg.store import load_file

    requests: list[str] = []

    class Context(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            requests.append(self.path)
            body = json.dumps({"@context": {"name": "https://schema.org/name"}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    path = tmp_path / "remote.jsonld"
    store = ox.Store()
    with handler_serve(Context) as url:
        path.write_text(json.dumps({"@context": f"{url}/context.jsonld", "@id": "https://example.org/a", "name": "x"}),
                        encoding="utf-8")
        with pytest.raises(InputError) as raised:
            load_file(store, path, "https://example.org/g")
    assert str(path) in str(raised.value) and "remote context" in str(raised.value)
    assert requests == [] and len(store) == 0
