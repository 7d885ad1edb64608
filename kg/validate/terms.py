"""Values and terms the ontology does not know: ill-typed literals and undeclared terms of ``ekg:``.

SHACL judges the values its shapes constrain; these two checks cover every statement of the data:

- a literal whose text is not a value of its XSD datatype (``"twelve"^^xsd:integer``,
  ``"2020-02-31"^^xsd:date``, ``"-1"^^xsd:nonNegativeInteger``) is a **violation**. The lexical
  spaces and facets are those of XSD 1.1 (RDF 1.1's datatypes), checked by elementpath's XSD types;
- a property or class of the project's namespace (``ekg:``) that the ontology does not declare
  (a ``startDate`` in ``ekg``, a slip for ``schema:startDate``) is a **warning**, one per term and file.

Each problem names the node (or the term), the file that states it and the line where its text is
written (the first line of the file holding it, where it can be found). Full validation
(:func:`kg.validate.validate_store`) checks the whole store, a write (:func:`kg.validate.fast.change_problems`)
the statements of the nodes it touches.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from elementpath.datatypes import builtin_atomic_types
from rdflib import URIRef
from rdflib.namespace import RDF, XSD

from kg.internal_queries import internal_query
from kg.layout import ONTOLOGY_GRAPH, graph_files
from kg.namespaces import EKG
from kg.paths import DATA_DIR
from kg.validate.report import Problem, short

__all__ = ["ill_typed", "term_problems"]

_XSD = str(XSD)
_EKG = str(EKG)
_RDF_TYPE = ox.NamedNode(str(RDF.type))
#: The datatypes of most literals, never ill-typed: skipped before any look-up.
_NOT_JUDGED = frozenset({ox.NamedNode(str(XSD.string)), ox.NamedNode(str(RDF.langString))})
#: Types whose lexical pattern is another's: elementpath 5.1's xs:float pattern has a stray space that
#: refuses "1.0E3"; XSD gives float and double the same lexical space.
_SAME_PATTERN = {"float": "double"}
#: XSD types whose values need more than their text (a namespace context, a schema), or none at all.
_UNCHECKED = frozenset({"string", "anyAtomicType", "anySimpleType", "QName", "NOTATION", "ENTITY", "ID", "IDREF"})


@functools.lru_cache(maxsize=1 << 16)
def ill_typed(text: str, datatype: str) -> bool:
    """Whether ``text`` is not a value of the XSD datatype ``datatype`` (an IRI); other datatypes pass.

    Examples
    --------
    >>> ill_typed("twelve", "http://www.w3.org/2001/XMLSchema#integer")
    True
    >>> ill_typed("2020-02-29", "http://www.w3.org/2001/XMLSchema#date")
    False
    >>> ill_typed("2019-02-29", "http://www.w3.org/2001/XMLSchema#date")
    True
    >>> ill_typed("-1", "http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
    True
    """
    if not datatype.startswith(_XSD):
        return False
    local = datatype[len(_XSD):]
    kind = _type(local)
    if kind is None or local in _UNCHECKED:
        return False
    # The text must match the type's lexical pattern (after XSD's whitespace collapsing, which every
    # checked type has) and make a value within its facets ("2019-02-29" matches a date's pattern only).
    pattern = getattr(_type(_SAME_PATTERN.get(local, local)), "pattern", None)
    if pattern is not None and pattern.pattern != "^$" and not pattern.match(text.strip()):
        return True
    try:
        kind.make(text)
    except (ValueError, TypeError, ArithmeticError):
        return True
    return False


def _type(local: str) -> type | None:
    """Return elementpath's class of the XSD type ``local`` (``integer``, ``date`` …), or None."""
    return builtin_atomic_types.get(f"{{{_XSD[:-1]}}}{local}")


def _graph_files(data_dir: Path) -> dict[str, Path]:
    return {str(item.graph): item.path for item in graph_files(data_dir)}


def _shown(path: Path, data_dir: Path) -> str:
    """The file as :func:`kg.layout.file_of_graph` names it: relative to the project when it is in it."""
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def _first_lines(path: Path, needles: Iterable[str]) -> dict[str, int]:
    """Return the number of the first line of ``path`` that holds each of ``needles`` (those found)."""
    pending, found = set(needles), {}
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                for needle in [n for n in pending if n in line]:
                    found[needle] = number
                    pending.discard(needle)
                if not pending:
                    break
    except OSError:
        pass
    return found


class _Locator:
    """Names the file (and line) that states a problem, from the named graph it is in."""

    def __init__(self, files: Mapping[str, Path], data_dir: Path, unwritten: Iterable[str] = ()) -> None:
        self.files, self.data_dir, self.unwritten = files, data_dir, frozenset(unwritten)
        self.wanted: dict[Path, set[str]] = {}

    def want(self, graph: str, needles: Iterable[str]) -> None:
        path = self.files.get(graph)
        if path is not None and graph not in self.unwritten:
            self.wanted.setdefault(path, set()).update(n for n in needles if n)

    def where(self, graph: str, needles: Iterable[str], lines: dict[Path, dict[str, int]]) -> str:
        path = self.files.get(graph)
        if path is None:
            return graph
        found = [lines.get(path, {}).get(n) for n in needles]
        line = next((n for n in found if n is not None), None)
        return _shown(path, self.data_dir) + (f":{line}" if line else "")

    def lines(self) -> dict[Path, dict[str, int]]:
        return {path: _first_lines(path, needles) for path, needles in self.wanted.items()}


def _literal_needles(literal: ox.Literal) -> list[str]:
    """Texts that write ``literal`` in a file, most telling first (Turtle and JSON-LD, RDF/XML, bare)."""
    text = literal.value
    return [f'"{text}"', f">{text}<", text] if text.strip() else []


def _term_needles(iri: str) -> list[str]:
    local = iri[len(_EKG):]
    return [f"ekg:{local}", f"<{iri}>", iri, local]


def _ill_typed_quads(store: ox.Store, quads: Iterable[ox.Quad] | None) -> list[ox.Quad]:
    """Return the statements of ``quads`` (default: the whole store) whose literal is ill-typed."""
    if quads is not None:
        bad = []
        for quad in quads:
            value = quad.object
            if isinstance(value, ox.Literal) and (datatype := value.datatype) not in _NOT_JUDGED \
                    and ill_typed(value.value, datatype.value):
                bad.append(quad)
        return bad
    bad = [row["o"] for row in store.query(internal_query("typed_literals"), use_default_graph_as_union=True)
           if ill_typed(row["o"].value, row["o"].datatype.value)]
    return [quad for literal in bad for quad in store.quads_for_pattern(None, None, literal, None)]


def _undeclared_uses(store: ox.Store, quads: list[ox.Quad] | None) -> list[tuple[str, str, str, int, str]]:
    """Return (graph, term, kind, uses, first node) for each ``ekg:`` term ``quads`` (default: the store) use
    that the ontology graph of ``store`` does not declare."""
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
    declared = {q.subject.value for q in store.quads_for_pattern(None, None, None, ontology)}

    seen: dict[object, bool] = {}

    def unknown(term: object) -> bool:
        answer = seen.get(term)
        if answer is None:
            answer = seen[term] = (isinstance(term, ox.NamedNode) and term.value.startswith(_EKG)
                                   and term.value not in declared)
        return answer

    if quads is None:  # the distinct (graph, term) pairs first, in the store; the uses of the few unknown ones
        # the distinct properties and classes each graph uses (queries/internal/graph_*.rq)
        pairs = [(row["g"], row["term"], kind) for name, kind in (("graph_predicates", "property"),
                                                                  ("graph_classes", "class"))
                 for row in store.query(internal_query(name)) if unknown(row["term"]) and row["g"] != ontology]
        uses = {(g.value, term.value, kind): list(store.quads_for_pattern(None, term, None, g) if kind == "property"
                                                  else store.quads_for_pattern(None, _RDF_TYPE, term, g))
                for g, term, kind in pairs}
    else:
        uses = {}
        for quad in quads:
            predicate = quad.predicate
            if unknown(predicate):
                term, kind = predicate.value, "property"
            elif predicate == _RDF_TYPE and unknown(quad.object):
                term, kind = quad.object.value, "class"
            else:
                continue
            graph = quad.graph_name
            if not isinstance(graph, ox.DefaultGraph) and graph != ontology:
                uses.setdefault((graph.value, term, kind), []).append(quad)
    return sorted((graph, term, kind, len(found), min(str(q.subject.value) for q in found))
                  for (graph, term, kind), found in uses.items() if found)


def term_problems(store: ox.Store, quads: Iterable[ox.Quad] | None = None, data_dir: Path = DATA_DIR,
                  files: Mapping[str, Path] | None = None, unwritten: Iterable[str] = ()) -> list[Problem]:
    """Return the ill-typed literals (violations) and undeclared ``ekg:`` terms (warnings) of the data.

    Parameters
    ----------
    store : pyoxigraph.Store
        The data, with the ontology in its graph ``graph:ontology``.
    quads : iterable of pyoxigraph.Quad, optional
        The statements to check (default: every statement of ``store``).
    data_dir : path, optional
        The data folder the graphs were loaded from, to name each problem's file.
    files : mapping, optional
        Named graph IRI → the file it was loaded from (default: the files of ``data_dir``).
    unwritten : iterable of str, optional
        Graphs whose file of ``files`` is not written yet (a source being ingested): named, no line.
    """
    quads = None if quads is None else list(quads)
    locator = _Locator(files if files is not None else _graph_files(data_dir), data_dir, unwritten)
    bad = _ill_typed_quads(store, quads)
    unknown = _undeclared_uses(store, quads)
    for quad in bad:
        locator.want(quad.graph_name.value, _literal_needles(quad.object))
    for graph, term, *_ in unknown:
        locator.want(graph, _term_needles(term))
    lines = locator.lines()
    problems = []
    for quad in bad:
        literal = quad.object
        datatype = short(URIRef(literal.datatype.value))
        where = locator.where(quad.graph_name.value, _literal_needles(literal), lines)
        problems.append(Problem("Violation", short(_rdflib_node(quad.subject)),
                                f'"{literal.value}" is not a valid {datatype}', short(URIRef(quad.predicate.value)),
                                None, (where,)))
    for graph, term, kind, uses, node in unknown:
        where = locator.where(graph, _term_needles(term), lines)
        times = "once" if uses == 1 else f"{uses} times"
        problems.append(Problem("Warning", short(URIRef(term)),
                                f"is not declared by the ontology: used as a {kind} {times} (first on "
                                f"{short(URIRef(node)) if node.startswith(('http:', 'https:', 'urn:')) else node})",
                                None, None, (where,)))
    return problems


def _rdflib_node(term: ox.NamedNode | ox.BlankNode) -> object:
    return URIRef(term.value) if isinstance(term, ox.NamedNode) else f"_:{term.value}"
