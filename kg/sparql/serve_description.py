"""The SPARQL 1.1 Service Description of ``eukg serve``, answered to ``GET /sparql`` without a query.

It says, in the ``sd:`` vocabulary, where the endpoint is, that it takes SPARQL 1.1 queries (no
updates), that queries see the union of the named graphs as the default graph, and which result
formats it writes (the W3C's ``formats:`` IRIs). See https://www.w3.org/TR/sparql11-service-description/.
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.namespaces import FORMATS, SD

__all__ = ["FORMATS", "service_description"]


_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "N-Triples")


def service_description(endpoint: str) -> bytes:
    """Return the Turtle description of the endpoint at the URL ``endpoint``.

    Examples
    --------
    >>> b"sd:UnionDefaultGraph" in service_description("http://127.0.0.1:7878/sparql")
    True
    """
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in _RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    return graph.serialize(format="turtle", encoding="utf-8")
