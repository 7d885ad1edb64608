"""Whether a SPARQL query calls another endpoint through ``SERVICE``: a fast bound first, then rdflib's parser.

rdflib's SPARQL parser is exact but slow on large texts (a 270 KB query takes about a minute), so
:func:`uses_service` first looks for the word ``SERVICE`` (in any case) and for ``\\u``/``\\U``
escapes, which SPARQL resolves before parsing: a text with neither cannot call another endpoint,
and that scan is linear. Only a text that has one is parsed, and ``eukg serve`` does that in its
query worker, inside the query's time limit (:mod:`kg.sparql.serve_workers`), never in the server's own
process.
"""

from __future__ import annotations

import re

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

__all__ = ["might_use_service", "uses_service"]

_SERVICE_OR_ESCAPE = re.compile(r"service|\\u|\\U", re.IGNORECASE)


def might_use_service(text: str) -> bool:
    """Return False when ``text`` certainly has no ``SERVICE`` call; linear in the text's length.

    Examples
    --------
    >>> might_use_service("SELECT * WHERE { ?s ?p ?o }")
    False
    >>> might_use_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    """
    return _SERVICE_OR_ESCAPE.search(text) is not None


def _walk(node: object):
    yield node
    if isinstance(node, dict):  # rdflib's CompValue is a dict
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _walk(value)


def uses_service(text: str, update: bool = False) -> bool:
    """Return whether a query (or update) calls another endpoint through ``SERVICE``.

    A text that :func:`might_use_service` clears is not parsed. Otherwise the text is parsed with
    rdflib's SPARQL parser; text it cannot parse counts as using ``SERVICE``, so a parser gap never
    lets a call through.

    Examples
    --------
    >>> uses_service("SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }")
    False
    >>> uses_service("SELECT * WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } }")
    True
    """
    if not might_use_service(text):
        return False
    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception:  # noqa: BLE001 - any parse failure counts as a call: the conservative answer
        return True
    return any(getattr(node, "name", None) == "ServiceGraphPattern" for node in _walk(tree))
