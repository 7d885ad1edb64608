"""The query page as a workbench: gallery, parameters with the resolver, views, downloads, links, resource pages."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from loopback import threaded
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from kg.privacy import public_copy
from kg.sparql.queries import library
from kg.sparql.serve import ServerConfig, make_server

PROJECT = "https://w3id.org/eu-regional-kg/id/project/"
NUTS_PL81 = "http://data.europa.eu/nuts/code/PL81"


@contextmanager
def serving(store, config: ServerConfig) -> Iterator[str]:
    server = make_server(store, "127.0.0.1", 0, config)
    with threaded(server) as url:
        yield url


@pytest.fixture(scope="module")
def site(store) -> Iterator[str]:
    with serving(store, ServerConfig(timeout=30, max_results=5000)) as url:
        yield url


def get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def test_the_gallery_gives_each_named_query_with_its_header_and_parameters(site: str) -> None:
    gallery = {entry["name"]: entry for entry in json.loads(get(f"{site}/queries.json")[2])}
    assert set(gallery) == set(library())
    region = gallery["region_projects"]
    assert region["title"] and "contract" in region["tags"]
    assert region["params"] == [{"name": "nuts", "type": "literal", "description": "a NUTS code, such as PL81",
                                 "default": None}]
    federated = [name for name, q in library().items() if "federated" in q.tags]
    assert federated and all(gallery[name]["refused"] for name in federated)
    assert not any(entry["refused"] for name, entry in gallery.items() if name not in federated)


def test_a_server_that_allows_service_refuses_no_example(store) -> None:
    with serving(store, ServerConfig(allow_service=True)) as url:
        assert not any(entry["refused"] for entry in json.loads(get(f"{url}/queries.json")[2]))


def test_the_vocabulary_for_completion_comes_from_the_ontology(site: str) -> None:
    words = json.loads(get(f"{site}/vocabulary.json")[2])
    assert words["prefixes"]["ekg"] == "https://w3id.org/eu-regional-kg/ontology#"
    assert {"ekg:Project", "ekg:Organisation"} <= {c["name"] for c in words["classes"]}
    participant = next(p for p in words["properties"] if p["name"] == "ekg:participant")
    assert participant["iri"].endswith("#participant") and participant["label"]


def test_a_parameter_field_resolves_a_typed_name(site: str) -> None:
    found = json.loads(get(f"{site}/resolve.json?" + urllib.parse.urlencode({"name": "Lubelszczyzna",
                                                                            "type": "region"}))[2])
    assert found[0]["iri"] == NUTS_PL81 and found[0]["status"] == "match"
    assert json.loads(get(f"{site}/resolve.json?name=")[2]) == []


def test_a_named_query_runs_with_its_parameters_bound(site: str) -> None:
    status, kind, body = get(f"{site}/run?query=region_projects&nuts=PL81")
    assert status == 200 and kind.startswith("application/sparql-results+json")
    rows = json.loads(body)["results"]["bindings"]
    assert rows and {row["nuts"]["value"] for row in rows} == {"PL81"}


def test_downloads_as_csv_tsv_and_json(site: str) -> None:
    status, kind, body = get(f"{site}/run?query=regions&country_code=PL&format=csv&download=1")
    assert status == 200 and kind.startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(body.decode())))
    assert any(row["nuts"] == "PL81" for row in table)
    status, kind, body = get(f"{site}/run?query=regions&country_code=PL&format=tsv")
    lines = body.decode().splitlines()
    assert kind.startswith("text/tab-separated-values") and lines[0].split("\t")[:2] == ["region", "nuts"]
    assert len(lines) == len(table) + 1


def test_the_csv_download_is_neutralised_for_spreadsheets(site: str) -> None:
    query = 'SELECT ?cell WHERE { VALUES ?cell { "=HYPERLINK(\\"http://x\\")" } }'
    body = get(f"{site}/run?" + urllib.parse.urlencode({"sparql": query, "format": "csv"}))[2].decode()
    assert body.splitlines()[1].startswith("\"'=HYPERLINK")


def test_bad_requests_get_one_line(site: str) -> None:
    assert get(f"{site}/run?query=no_such_query")[0] == 404
    status, _, body = get(f"{site}/run?query=regions&format=xlsx")
    assert status == 400 and b"unknown format" in body
    status, _, body = get(f"{site}/run?query=regions&level=two")
    assert status == 400 and b"integer" in body
    assert get(f"{site}/static/..%2Fserve.py")[0] == 404
    assert get(f"{site}/static/no-such.js")[0] == 404


def test_the_vendored_editor_is_served_from_the_package(site: str) -> None:
    for name in ("codemirror.js", "sparql.js", "show-hint.js", "chart.umd.min.js", "cytoscape.min.js",
                 "workbench.js"):
        status, kind, body = get(f"{site}/static/{name}")
        assert status == 200 and kind.startswith("text/javascript") and len(body) > 1000, name
    page = get(f"{site}/")[2].decode()
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def _project_iri(store) -> str:
    rows = store.query("SELECT ?p WHERE { GRAPH ?g { ?p <https://w3id.org/eu-regional-kg/ontology#acronym> "
                       '"SCALE UP" } }')
    return next(iter(rows))["p"].value


def test_a_resource_page_shows_statements_with_their_sources_and_incoming_links(site: str, store) -> None:
    iri = _project_iri(store)
    status, kind, body = get(f"{site}/id/{iri[len('https://w3id.org/eu-regional-kg/id/'):]}", "text/html")
    page = body.decode()
    assert status == 200 and kind.startswith("text/html")
    assert "SCALE UP" in page and "<h2>Statements</h2>" in page and "<h2>Linked from</h2>" in page
    assert "/resource?iri=https%3A%2F%2Fw3id.org%2Feu-regional-kg%2Fsource%2F" in page  # the stating source
    assert 'href="/id/' in page  # links to the pages of other resources


def test_a_resource_page_by_content_negotiation(site: str, store) -> None:
    iri = _project_iri(store)
    path = f"{site}/id/{iri[len('https://w3id.org/eu-regional-kg/id/'):]}"
    status, kind, body = get(path, "text/turtle")
    assert status == 200 and kind.startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef(iri), None, None) in graph
    status, kind, body = get(path, "application/ld+json")
    assert kind.startswith("application/ld+json")
    dataset = Dataset().parse(data=body, format="json-ld")
    assert any(str(g.identifier).startswith("https://w3id.org/eu-regional-kg/source/") for g in dataset.graphs()
               if len(g))
    status, kind, _ = get(path + "?format=trig", "text/html")
    assert kind.startswith("application/trig")


def test_a_nuts_region_has_a_local_page_with_its_names_in_every_language(site: str, store) -> None:
    status, _, body = get(f"{site}/resource?" + urllib.parse.urlencode({"iri": NUTS_PL81}))
    page = body.decode()
    assert status == 200 and f'href="{NUTS_PL81}" rel="external">official page' in page
    labels = [row["l"] for row in store.query(
        f"SELECT ?l WHERE {{ GRAPH ?g {{ <{NUTS_PL81}> <{SKOS.prefLabel}>|<{SKOS.altLabel}> ?l }} }}")]
    languages = {label.language for label in labels if label.language}
    assert len(languages) >= 2
    for label in labels:
        assert label.value in page
    for language in languages:
        assert f'<span class="lang">{language}</span>' in page


def test_an_unknown_resource_is_404(site: str) -> None:
    assert get(f"{site}/id/project/no-such-project")[0] == 404
    assert get(f"{site}/resource?iri=not%20an%20iri")[0] == 404


def test_resource_pages_obey_no_personal_data(store) -> None:
    person = next(iter(store.query(
        "SELECT ?p ?e WHERE { GRAPH ?g { ?p <https://schema.org/email> ?e } }")))
    iri, email = person["p"].value, person["e"].value
    path = "/id/" + iri[len("https://w3id.org/eu-regional-kg/id/"):]
    with serving(store, ServerConfig()) as url:
        assert email in get(url + path)[2].decode()
    with serving(public_copy(store), ServerConfig()) as url:
        status, _, body = get(url + path)
        assert email not in body.decode()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _dom(url: str, tmp_path) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
               f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=20000", "--dump-dom", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (apt-get install chromium)")
def test_a_shared_link_runs_the_query_with_its_parameters(site: str, tmp_path) -> None:
    dom = _dom(f"{site}/?query=region_projects&p.nuts=PL81&view=table&run=1", tmp_path)
    assert 'data-rows="1"' in dom, dom[-2000:]
    assert "<td>PL81</td>" in dom and "SCALE UP" in dom
    assert 'class="on" data-name="region_projects"' in dom or 'data-name="region_projects" class="on"' in dom


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (apt-get install chromium)")
def test_iris_in_the_table_link_to_resource_pages_with_labels(site: str, tmp_path) -> None:
    dom = _dom(f"{site}/?query=project_partners&run=1", tmp_path)
    assert 'id="result-table"' in dom, dom[-2000:]
    assert '<a href="/id/organisation/' in dom and ">Ilfov County Council</a>" in dom


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (apt-get install chromium)")
def test_a_bar_chart_and_a_network_view(site: str, tmp_path) -> None:
    dom = _dom(f"{site}/?query=organisation_types_per_country&view=bar&run=1", tmp_path)
    assert '<canvas id="chart"' in dom and 'data-points="' in dom, dom[-2000:]
    dom = _dom(f"{site}/?query=project_partners&view=network&run=1", tmp_path)  # projects and their partners
    nodes = int(dom.split('data-nodes="')[1].split('"')[0])
    edges = int(dom.split('data-edges="')[1].split('"')[0])
    assert nodes >= 10 and edges >= nodes - 6 and "<canvas" in dom


def test_a_line_chart_of_an_answer_whose_only_category_is_a_number(site: str, tmp_path) -> None:
    """Events per year: both columns are numbers; the year is the axis, the count the line."""
    query = ("PREFIX schema: <https://schema.org/> PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#> "
             "SELECT ?year (COUNT(?event) AS ?events) WHERE { ?event a ekg:Event ; schema:startDate ?date } GROUP BY (YEAR(?date) AS ?year) ORDER BY ?year")
    dom = _dom(f"{site}/?{urllib.parse.urlencode({'sparql': query, 'view': 'line', 'run': '1'})}", tmp_path)
    assert '<canvas id="chart"' in dom and int(dom.split('data-points="')[1].split('"')[0]) > 0, dom[-2000:]
