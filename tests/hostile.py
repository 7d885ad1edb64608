"""Literals and IRIs that would break an update or a query written by string formatting.

``HOSTILE_LITERALS`` hold quotes, line breaks, braces, ``\"\"\"`` and text that reads like SPARQL; pushed or written
back, each must arrive unchanged. ``HOSTILE_IRIS`` are strings pyoxigraph refuses to make IRIs of.
``ESCAPE_LITERALS`` add what only a parser that reads escapes exactly gets right: a backslash before ``u``
and four hex digits (SPARQL expands ``\\u`` escapes before parsing, N-Triples does not), control characters.
"""

from __future__ import annotations

import pyoxigraph as ox

EX = "http://example.org/"
HOSTILE_GRAPH = "http://example.org/graph/hostile"
HOSTILE_LITERALS = [
    ox.Literal('a "quoted" word'),
    ox.Literal("two\nlines\r\nand a\ttab"),
    ox.Literal("} } ; . GRAPH <http://example.org/evil> { <a> <b> <c> }"),
    ox.Literal('""" and \'\'\' and "" end"'),
    ox.Literal('" } } ; DROP ALL ; INSERT DATA { <http://example.org/x> <http://example.org/y> "'),
    ox.Literal("a backslash \\ at the end \\"),
    ox.Literal('ends with a quote"', language="en"),
    ox.Literal("#not a comment\n# nor this", datatype=ox.NamedNode(EX + "type")),
    ox.Literal("émoji 😀, line separator \u2028, paragraph \u2029"),
]
ESCAPE_LITERALS = [
    ox.Literal("a backslash-u: \\u0022 and \\U00000041"),
    ox.Literal("control characters \x01 \x7f"),
]
HOSTILE_IRIS = ["http://example.org/a>b", "http://example.org/a b", "http://example.org/a}b", 'http://example.org/a"b',
                "http://example.org/a>  } ; DROP ALL ; INSERT DATA { <http://example.org/x", "not an iri"]


def hostile_store(literals: list[ox.Literal] = HOSTILE_LITERALS, graph: str = HOSTILE_GRAPH) -> ox.Store:
    """Return a store with one statement per literal, all in the named ``graph``."""
    store = ox.Store()
    name = ox.NamedNode(graph)
    store.extend(ox.Quad(ox.NamedNode(f"{EX}s{n}"), ox.NamedNode(f"{EX}p"), literal, name)
                 for n, literal in enumerate(literals))
    return store
