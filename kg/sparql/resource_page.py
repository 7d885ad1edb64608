"""Resource pages: every IRI of the graph resolves on the local server, as linked data should.

``GET /id/KIND/slug`` is the page of ``https://w3id.org/eu-regional-kg/id/KIND/slug``; a resource
outside the project's namespace (a NUTS region, a country, a term of a reused vocabulary) has its
page at ``GET /resource?iri=…``, with a link to its official page. A browser gets HTML; a client
asking for ``text/turtle``, ``application/trig``, ``application/n-quads`` or ``application/ld+json``
(or ``?format=ttl|trig|nq|jsonld``) gets the statements in that syntax. A page shows each statement
with the named graph (the source) that states it, the resources that link to it, and its labels in
every language. It reads what the server serves, so ``eukg serve --no-personal-data`` pages hold no
personal data.
"""

from __future__ import annotations

import html
import json
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.errors import KgError
from kg.formats import RDF_SYNTAXES, UnknownFormat, rdf_format
from kg.internal_queries import internal_query_path
from kg.namespaces import ID, PREFIXES
from kg.sparql.queries import read_query

#: Run a SPARQL query within the server's limits: (text, accept) -> (body, media type).
Answer = Callable[[str, str], tuple[bytes, str]]

#: The RDF syntaxes a page is given in (:mod:`kg.formats`): short name -> (rdflib format, media type).
SYNTAXES = {name: (RDF_SYNTAXES[name].rdflib, RDF_SYNTAXES[name].media_type)
            for name in ("ttl", "trig", "nq", "jsonld")}
_JSON = "application/sparql-results+json"
_LABELS = ("skos:prefLabel", "skos:altLabel", "rdfs:label")


class NoSuchResource(KgError):
    """The graph says nothing about the asked IRI (answered 404)."""


@dataclass
class Description:
    """What the graph says about one resource: its statements and the links to it, with their graphs."""

    iri: URIRef
    statements: list[tuple[URIRef, Node, URIRef, str | None]]  # property, value, graph, value label
    links: list[tuple[Node, URIRef, URIRef, str | None]]  # subject, property, graph, subject label


def requested_iri(path: str, params: Mapping[str, list[str]]) -> URIRef:
    """Return the IRI a page path stands for: ``/id/…`` in the project's namespace, else ``?iri=``.

    >>> requested_iri("/id/project/scale-up", {})
    rdflib.term.URIRef('https://w3id.org/eu-regional-kg/id/project/scale-up')
    >>> requested_iri("/resource", {"iri": ["http://data.europa.eu/nuts/code/PL81"]})
    rdflib.term.URIRef('http://data.europa.eu/nuts/code/PL81')
    """
    if path.startswith("/id/"):
        return URIRef(str(ID) + urllib.parse.unquote(path[len("/id/"):]))
    iri = (params.get("iri") or [""])[0]
    if not iri or any(c in iri for c in '<>" {}|\\^`') or ":" not in iri:
        raise NoSuchResource(f"/resource needs ?iri= with an absolute IRI, not {iri!r}")
    return URIRef(iri)


def page_link(iri: str) -> str:
    """Return the local page of ``iri``: ``/id/…`` for the project's resources, else ``/resource?iri=…``.

    >>> page_link("https://w3id.org/eu-regional-kg/id/region/x")
    '/id/region/x'
    >>> page_link("http://data.europa.eu/nuts/code/PL81")
    '/resource?iri=http%3A%2F%2Fdata.europa.eu%2Fnuts%2Fcode%2FPL81'
    """
    if iri.startswith(str(ID)):
        return "/id/" + urllib.parse.quote(iri[len(str(ID)):], safe="/-_.~")
    return "/resource?" + urllib.parse.urlencode({"iri": iri})


def describe(answer: Answer, iri: URIRef) -> Description:
    """Ask the store what it says about ``iri`` and what links to it (``queries/internal/resource_*.rq``)."""
    statements = [(row["property"], row["value"], row["graph"], _text(row.get("value_label")))
                  for row in _select(answer, "resource_statements", iri)]
    links = [(row["subject"], row["property"], row["graph"], _text(row.get("subject_label")))
             for row in _select(answer, "resource_links", iri)]
    if not statements and not links:
        raise NoSuchResource(f"the graph says nothing about <{iri}>")
    return Description(iri, statements, links)


def _select(answer: Answer, name: str, iri: URIRef) -> list[dict[str, Node]]:
    query = read_query(internal_query_path(name))
    body, _ = answer(query.bind({"resource": str(iri)}), _JSON)
    return [{var: _term(value) for var, value in row.items()} for row in json.loads(body)["results"]["bindings"]]


def _term(value: dict[str, str]) -> Node:
    """Return the rdflib term of one value of SPARQL JSON results."""
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    return Literal(value["value"], lang=value.get("xml:lang"), datatype=value.get("datatype"))


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)


def negotiate(accept: str, fmt: str | None) -> str:
    """Return ``html`` or a key of :data:`SYNTAXES`: ``?format=`` first, then the Accept header.

    >>> negotiate("text/html,application/xhtml+xml", None)
    'html'
    >>> negotiate("text/turtle;q=0.9, application/ld+json", None)
    'jsonld'
    >>> negotiate("*/*", "ttl"), negotiate("*/*", "turtle"), negotiate("*/*", "n-quads")
    ('ttl', 'ttl', 'nq')
    """
    if fmt:
        try:
            name = rdf_format(fmt).name  # any alias of kg.formats: turtle, n-quads, json-ld, a media type
        except UnknownFormat:
            name = None
        if name in SYNTAXES:
            return name
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, _, rest = part.strip().partition(";")
        quality = 1.0
        for option in rest.split(";"):
            key, _, value = option.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media.strip().lower()))
    by_media = {media: name for name, (_, media) in SYNTAXES.items()}
    for _, _, media in sorted(ranked):
        if media in ("text/html", "application/xhtml+xml"):
            return "html"
        if media in by_media:
            return by_media[media]
    return "html"


def rdf(description: Description, syntax: str) -> tuple[bytes, str]:
    """Return the statements about the resource (each in its source's graph) in an RDF syntax."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    for prop, value, graph, _ in description.statements:
        dataset.graph(graph).add((description.iri, prop, value))
    rdflib_format, media = SYNTAXES[syntax]
    if syntax == "ttl":
        merged = Graph(namespace_manager=dataset.namespace_manager)
        for subject, prop, value, _ in dataset.quads():
            merged.add((subject, prop, value))
        return merged.serialize(format=rdflib_format).encode("utf-8"), f"{media}; charset=utf-8"
    return dataset.serialize(format=rdflib_format).encode("utf-8"), f"{media}; charset=utf-8"


def render_html(description: Description) -> bytes:
    """Return the HTML page of a resource: labels, statements with their sources, incoming links."""
    names = NamespaceManager(Dataset(), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace)
    iri = str(description.iri)
    labels = [value for prop, value, _, _ in description.statements
              if isinstance(value, Literal) and _short(names, prop) in _LABELS]
    title = next((str(v) for v in labels if v.language == "en"), str(labels[0]) if labels else iri)
    own = iri.startswith(str(ID))
    parts = [_HEAD.format(title=html.escape(title)), f"<h1>{html.escape(title)}</h1>",
             f'<p class="iri"><code>{html.escape(iri)}</code>',
             "" if own else f' · <a href="{html.escape(iri)}" rel="external">official page</a>',
             " · as " + ", ".join(f'<a href="{html.escape(page_link(iri))}{"&" if "?" in page_link(iri) else "?"}'
                                  f'format={name}">{name}</a>' for name in SYNTAXES) + "</p>"]
    if labels:
        parts.append("<h2>Names</h2><ul class=\"labels\">" + "".join(
            f"<li>{html.escape(str(v))} <span class=\"lang\">{html.escape(v.language or '')}</span></li>"
            for v in labels) + "</ul>")
    parts.append("<h2>Statements</h2>" + _table(("property", "value", "source"), (
        (_term_html(names, prop, None), _term_html(names, value, label), _term_html(names, graph, None))
        for prop, value, graph, label in description.statements)))
    if description.links:
        parts.append("<h2>Linked from</h2>" + _table(("resource", "property", "source"), (
            (_term_html(names, subject, label), _term_html(names, prop, None), _term_html(names, graph, None))
            for subject, prop, graph, label in description.links)))
    parts.append('<p class="nav"><a href="/">query page</a></p></body></html>')
    return "".join(parts).encode("utf-8")


def _short(names: NamespaceManager, iri: Node) -> str:
    try:
        return names.normalizeUri(iri) if isinstance(iri, URIRef) else str(iri)
    except ValueError:
        return str(iri)


def _term_html(names: NamespaceManager, term: Node, label: str | None) -> str:
    if isinstance(term, URIRef):
        shown = html.escape(label or _short(names, term))
        return f'<a href="{html.escape(page_link(str(term)))}" title="{html.escape(str(term))}">{shown}</a>'
    if isinstance(term, Literal) and term.language:
        return f'{html.escape(str(term))} <span class="lang">{html.escape(term.language)}</span>'
    return html.escape(str(term))


def _table(header: tuple[str, ...], rows: object) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_HEAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} · eu-regional-kg</title>
<style>body{{font-family:system-ui,sans-serif;margin:1.5em;max-width:70em}}table{{border-collapse:collapse;width:100%}}
th,td{{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}}
.lang{{color:#777;font-size:.8em}}.iri code{{word-break:break-all}}</style></head><body>"""
