"""SPARQL updates from fixed templates, filled only with terms and triples serialised by pyoxigraph.

An update template is a file ``queries/internal/NAME.ru``: a SPARQL 1.1 update with a ``#+`` header
(``summary``, ``description``, ``params``, as the named queries have) and a ``${name}`` placeholder,
in the syntax of Python's :class:`string.Template`, for each parameter. A parameter of type ``iri``
takes a :class:`pyoxigraph.NamedNode`, written as ``<…>`` by pyoxigraph; one of type ``triples``
takes pyoxigraph triples, written as N-Triples by pyoxigraph's serialiser. Nothing else is ever put
into the text, so no value can change the update's structure: pyoxigraph refuses to make an IRI
with ``>``, a space or ``}``, and its serialiser escapes a literal's quotes, backslashes and line
breaks.

Examples
--------
>>> import pyoxigraph as ox
>>> replace = update_template("writeback_replace_graph")
>>> graph = ox.NamedNode("http://example.org/g")
>>> triple = ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
...                    ox.Literal('say "}" '))
>>> store = ox.Store()
>>> store.update(replace.fill(graph=graph, triples=[triple]))
>>> [q.object.value for q in store.quads_for_pattern(None, None, None, graph)]
['say "}" ']
>>> replace.fill(graph="http://example.org/g", triples=[triple])
Traceback (most recent call last):
...
kg.errors.KgError: writeback_replace_graph: parameter 'graph' takes a pyoxigraph NamedNode, not str
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import yaml

from kg.errors import KgError
from kg.internal_queries import INTERNAL_QUERIES_DIR
from kg.sparql.queries import parse_header

__all__ = ["UpdateTemplate", "update_template"]

_KINDS = ("iri", "triples")


@dataclass(frozen=True)
class UpdateTemplate:
    """A SPARQL update with ``${name}`` placeholders, each of a declared kind (``iri`` or ``triples``)."""

    name: str
    template: string.Template
    params: dict[str, str]
    summary: str = ""

    def fill(self, **values: object) -> str:
        """Return the update with each parameter written by pyoxigraph; refuse any other kind of value."""
        if set(values) != set(self.params):
            raise KgError(f"{self.name}: give the parameters {sorted(self.params)}, not {sorted(values)}")
        return self.template.substitute({name: self._serialised(name, value) for name, value in values.items()})

    def _serialised(self, name: str, value: object) -> str:
        if self.params[name] == "iri":
            if not isinstance(value, ox.NamedNode):
                raise KgError(f"{self.name}: parameter {name!r} takes a pyoxigraph NamedNode, "
                              f"not {type(value).__name__}")
            return str(value)
        triples = list(value) if isinstance(value, Iterable) else [value]
        if not all(isinstance(triple, ox.Triple) for triple in triples):
            raise KgError(f"{self.name}: parameter {name!r} takes pyoxigraph Triples")
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _split(text: str) -> tuple[dict, str]:
    """Return the YAML of the ``#+`` header and the update below it."""
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#+"))
    try:
        return parse_header(text), body
    except yaml.YAMLError as error:
        raise KgError(f"the #+ header is not valid YAML: {error}") from None


@functools.cache
def update_template(name: str, folder: Path = INTERNAL_QUERIES_DIR) -> UpdateTemplate:
    """Read the update template ``folder/NAME.ru`` and check its placeholders against its header."""
    path = folder / f"{name}.ru"
    try:
        header, body = _split(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgError(f"no update template {path}") from None
    except KgError as error:
        raise KgError(f"{path}: {error}") from None
    params = {str(p["name"]): str(p.get("type", "")) for p in header.get("params") or ()}
    template = string.Template(body)
    bad = [f"{n} ({k or 'no type'})" for n, k in params.items() if k not in _KINDS]
    if bad or not template.is_valid() or set(template.get_identifiers()) != set(params):
        raise KgError(f"{path}: the placeholders {sorted(template.get_identifiers())} must be the parameters of "
                      f"its header, each of type {' or '.join(_KINDS)} (header: {sorted(params)}; wrong: {bad})")
    return UpdateTemplate(name, template, params, str(header.get("summary", "")))
