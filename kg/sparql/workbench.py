"""What the query page of ``eukg serve`` asks the server for, besides SPARQL.

The page (``kg/static/query.html`` with ``workbench.js``) is a workbench: an examples gallery made
from the ``#+`` headers of the named queries, a field per parameter with the resolver behind it,
result views, downloads and shareable links. This module answers its requests:

========================  ==============================================================
``/queries.json``         the gallery: every named query with its header and parameters
``/vocabulary.json``      prefixes, classes and properties of the ontology, for completion
``/resolve.json``         ``?name=…&type=…``: what a typed name stands for (``kg.resolve``)
``/run``                  ``?query=NAME&PARAM=value&format=json|csv|tsv``: a named query, bound
``/static/FILE``          the page's own scripts and the vendored editor and chart libraries
========================  ==============================================================

Every answer is computed from the query files, the ontology and the store; nothing is fetched from
the internet, by the server or by the page.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Mapping
from importlib import resources

from rdflib import OWL, RDF, RDFS, SKOS, Graph

from kg.errors import KgError, QueryError
from kg.formats import RESULTS_FORMATS, UnknownFormat, results_format
from kg.namespaces import PREFIXES
from kg.paths import ONTOLOGY_FILE
from kg.sparql.queries import library
from kg.sparql.results import spreadsheet_csv
from kg.sparql.serve_checks import uses_service

#: Run a SPARQL query within the server's limits: (text, accept) -> (body, media type).
Answer = Callable[[str, str], tuple[bytes, str]]

_STATIC = re.compile(r"^[\w.-]+\.(?:js|css)$")
_MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
#: The formats of a ``/run`` answer (:mod:`kg.formats`), by name: their media type.
DOWNLOADS = {name: RESULTS_FORMATS[name].media_type for name in ("json", "csv", "tsv")}


class NotFound(KgError):
    """Nothing is at the asked path (answered 404)."""


def gallery(allow_service: bool = False) -> list[dict[str, object]]:
    """Return the examples gallery: each named query with its header, parameters and text.

    A query the server would refuse (it calls another endpoint, and ``--allow-service`` was not
    given) is marked ``"refused": true``; the page shows it greyed, with the reason.
    """
    return [
        {"name": q.name, "title": q.summary, "description": q.description, "tags": list(q.tags),
         "columns": list(q.columns), "query": q.text, "refused": not allow_service and uses_service(q.text),
         "params": [{"name": p.name, "type": p.type, "description": p.description, "default": p.default}
                    for p in q.params]}
        for q in library().values()
    ]


@functools.cache
def vocabulary() -> dict[str, object]:
    """Return the prefixes, and the classes and properties of the ontology as prefixed names with labels.

    >>> words = vocabulary()
    >>> "ekg:Project" in [c["name"] for c in words["classes"]]
    True
    >>> words["prefixes"]["skos"]
    'http://www.w3.org/2004/02/skos/core#'
    """
    graph = Graph()
    graph.parse(ONTOLOGY_FILE)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    kinds = {"classes": (OWL.Class, RDFS.Class),
             "properties": (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)}
    words: dict[str, object] = {"prefixes": {prefix: str(ns) for prefix, ns in PREFIXES.items()}}
    for kind, types in kinds.items():
        terms = {term for rdf_type in types for term in graph.subjects(RDF.type, rdf_type)}
        words[kind] = sorted(
            ({"name": graph.namespace_manager.normalizeUri(term), "iri": str(term), "label": _label(graph, term)}
             for term in terms if not str(term).startswith("_:")),
            key=lambda entry: entry["name"])
    return words


def _label(graph: Graph, term: object) -> str:
    """Return the English label of an ontology term, else any label, else ''."""
    labels = list(graph.objects(term, RDFS.label)) + list(graph.objects(term, SKOS.prefLabel))
    english = [label for label in labels if getattr(label, "language", None) in ("en", None)]
    return str((english or labels or [""])[0])


def resolve(resolver: object, name: str, type_: str | None, limit: int = 8) -> list[dict[str, object]]:
    """Return what ``name`` may stand for, best first, as the resolver decides (``eukg resolve --format json``)."""
    from kg.resolve.report import records

    if not name.strip():
        return []
    return records(resolver.decide(name, type_ or None, limit=limit))


def _download_format(value: str) -> str:
    """Return the ``/run`` format ``value`` stands for (by any alias of :mod:`kg.formats`: ``srj``, ``text/csv``)."""
    try:
        name = results_format(value).name
    except UnknownFormat:
        name = None
    if name not in DOWNLOADS:
        raise QueryError(f"unknown format {value!r}: use one of {', '.join(DOWNLOADS)}")
    return name


def run_named(answer: Answer, params: Mapping[str, list[str]]) -> tuple[bytes, str, str]:
    """Run a query for the page and return the body, its media type and a file name for a download.

    ``query=NAME`` runs a named query with the other parameters bound (as ``eukg query`` binds them);
    ``sparql=TEXT`` runs a text as it is. ``format`` is ``json`` (SPARQL results), ``csv`` (for
    spreadsheets: a text cell that would start a formula gets a leading quote) or ``tsv``.
    """
    fmt = _download_format(_one(params, "format") or "json")
    name, text = _query_text(params)
    body, media = answer(text, DOWNLOADS["json"])
    if fmt == "json":
        return body, media, f"{name}.json"
    columns, rows = _rows(body)
    if fmt == "csv":
        return spreadsheet_csv(columns, rows).encode("utf-8"), "text/csv; charset=utf-8", f"{name}.csv"
    return _tsv(columns, rows).encode("utf-8"), "text/tab-separated-values; charset=utf-8", f"{name}.tsv"


def _query_text(params: Mapping[str, list[str]]) -> tuple[str, str]:
    """Return a name for the answer and the query text asked for: a bound named query, or a text."""
    if _one(params, "sparql"):
        return "query", _one(params, "sparql")
    name = _one(params, "query")
    queries = library()
    if name not in queries:
        raise NotFound(f"no named query {name!r}")
    query = queries[name]
    return name, query.bind({p.name: _one(params, p.name) for p in query.params if _one(params, p.name)})


def _one(params: Mapping[str, list[str]], name: str) -> str:
    return (params.get(name) or [""])[0]


def _rows(body: bytes) -> tuple[list[str], list[list[str | None]]]:
    """Return the columns and rows (values as text, None where unbound) of SPARQL JSON results."""
    data = json.loads(body)
    columns = data["head"]["vars"]
    return columns, [[(row.get(c) or {}).get("value") for c in columns] for row in data["results"]["bindings"]]


def _tsv(columns: list[str], rows: list[list[str | None]]) -> str:
    """Return tab-separated values; tabs and line breaks inside a value become spaces.

    >>> _tsv(["a", "b"], [["x\\ty", None]])
    'a\\tb\\nx y\\t\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
    clean = [[re.sub(r"[\t\r\n]+", " ", value or "") for value in row] for row in rows]
    writer.writerows([columns, *clean])
    return out.getvalue()


def static_file(name: str) -> tuple[bytes, str]:
    """Return a file of ``kg/static`` (its scripts, styles and the vendored libraries) and its media type."""
    if not _STATIC.match(name):
        raise NotFound(f"nothing at /static/{name}")
    folder = resources.files("kg").joinpath("static")
    for candidate in (folder.joinpath(name), folder.joinpath("vendor").joinpath(name)):
        if candidate.is_file():
            return candidate.read_bytes(), _MEDIA[name[name.rindex("."):]]
    raise NotFound(f"nothing at /static/{name}")
