"""The fast SHACL engine (shacl-rust) behind the same plain-language report, and incremental validation.

pyshacl stays the reference validator. shacl-rust validates the same shapes on the same data 60 to
300 times faster and reports the same results (tests/scale compares the (focus node, path,
severity) sets of both engines on the shipped data and on generated broken data). This module turns
its results into the same :class:`kg.validate.Problem` lines as pyshacl's.

:func:`source_problems` validates one new source against a built store without validating the
whole store: the data graph is the source, plus every statement the store makes about the source's
subjects, plus the ``rdf:type`` statements of every node the source refers to, plus the ontology's
``rdfs:subClassOf`` statements (``sh:class`` follows them). Only results on the source's subjects
are kept; they equal those of a full validation of the store with the source added.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import shacl_rust
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS

from kg.formats import RDF_SYNTAXES
from kg.namespaces import EKG, GRAPH
from kg.paths import DATA_DIR
from kg.store.files import dump_union, rdf_format
from kg.store.names import is_organisation, name_key
from kg.store.terms import to_rdflib
from kg.validate.qc import qc_problems
from kg.validate.report import SEVERITY_NAMES, Problem, expand, path_text, short

__all__ = [
    "AUTO_THRESHOLD", "ENGINES", "PreparedShapes", "SparqlConstraint", "change_problems", "choose_engine",
    "fast_shacl_problems", "load_source", "prepare_shapes", "source_problems", "sparql_problems", "split_shapes",
    "store_quads_problems", "subclasses",
]

ENGINES = ("auto", "pyshacl", "fast")
AUTO_THRESHOLD = 0
"""Above this many triples, ``auto`` picks the fast engine. It is 0: shacl-rust gives pyshacl's results
(tests/scale/test_validate_fast.py compares them on the shipped data and on generated broken data), and
pyshacl took 302 s on a 56,500-triple graph that shacl-rust validated in 4.7 s."""

_SEVERITIES = {
    "<http://www.w3.org/ns/shacl#Violation>": "Violation",
    "<http://www.w3.org/ns/shacl#Warning>": "Warning",
    "<http://www.w3.org/ns/shacl#Info>": "Info",
}
_SPARQL_COMPONENT = "<http://www.w3.org/ns/shacl#SPARQLConstraintComponent>"
# N-Triples literals inside a message, which pyshacl writes as their lexical form.
_NT_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"(?:\^\^<[^<>\s]*>|@[A-Za-z0-9-]+)?')
_DUMMY = "<urn:x:s> <urn:x:p> "
_EMPTY = Graph()


def choose_engine(engine: str, triples: int) -> str:
    """Return ``pyshacl`` or ``fast`` for ``engine`` (``auto`` decides by the number of triples)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r} (known: {', '.join(ENGINES)})")
    if engine == "auto":
        return "fast" if triples > AUTO_THRESHOLD else "pyshacl"
    return engine


def _term(text: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Parse one N-Triples term with pyoxigraph's parser."""
    if text.startswith("_:"):
        return ox.BlankNode(text[2:])
    triple = next(iter(ox.parse(input=f"{_DUMMY}{text} .\n", format=ox.RdfFormat.N_TRIPLES)))
    return triple.object


def _lexical(match: re.Match[str]) -> str:
    term = _term(match.group(0))
    return term.value if isinstance(term, ox.Literal) else match.group(0)


def _problem(result: dict) -> Problem:
    focus = to_rdflib(_term(result["focusNode"]))
    messages = result.get("messages") or ["does not conform to its shape"]
    # shacl-rust lists its own description first and the shape's sh:message last, as pyshacl reports it.
    message = _NT_LITERAL.sub(_lexical, messages[-1])
    value_text = result.get("value")
    if value_text is None and result.get("sourceConstraintComponent") == _SPARQL_COMPONENT:
        value_text = result["focusNode"]  # pyshacl reports $this as the value of a SPARQL result
    path_node = result.get("resultPath")
    path = to_rdflib(_term(path_node)) if path_node and not path_node.startswith("_:") else path_node
    value = None if value_text is None else to_rdflib(_term(value_text))
    return Problem(
        severity=_SEVERITIES.get(result.get("severity", ""), "Violation"),
        focus=short(focus),
        message=message,
        path=path_text(_EMPTY, path) if path is not None else None,
        value=None if value is None else short(value),
    )


def _shapes_file(shapes: Graph) -> io.BytesIO:
    return io.BytesIO(shapes.serialize(format="turtle", encoding="utf-8"))


# ---------------------------------------------------------------- SPARQL constraints, all focus nodes at once

_TEMPLATE_VAR = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class SparqlConstraint:
    """One ``sh:sparql`` SELECT constraint of a node shape that targets classes, run once for all its focus nodes.

    ``query`` is the constraint's ``sh:select`` as the shapes write it, ``prefixes`` the prefixes its
    ``sh:prefixes`` declare (given to pyoxigraph's parser, not written into the text) and ``targets``
    the shape's ``sh:targetClass`` IRIs.
    """

    query: str
    message: str | None
    severity: str
    prefixes: tuple[tuple[str, str], ...] = ()
    targets: tuple[str, ...] = ()


def split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """Return ``shapes`` without their ``sh:sparql`` constraints, and those constraints to run set-wide.

    shacl-rust runs a SPARQL constraint once per focus node, which took three quarters of its time.
    :func:`sparql_problems` runs the constraint's own query once, ``$this`` left free, and keeps the
    rows whose ``$this`` is an instance of one of the shape's target classes: the rows of the
    per-node runs, with no query text written here. Only node shapes whose only targets are
    ``sh:targetClass`` are taken; a SPARQL constraint on any other shape stays with shacl-rust.
    """
    rest = Graph()
    for triple in shapes:
        rest.add(triple)
    constraints = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        targets = tuple(sorted(str(t) for t in shapes.objects(shape, SH.targetClass)))
        select = shapes.value(constraint, SH.select)
        if not targets or select is None or list(shapes.objects(shape, SH.path)) or _other_targets(shapes, shape):
            continue
        prefixes = tuple(sorted(
            (str(shapes.value(d, SH.prefix)), str(shapes.value(d, SH.namespace)))
            for declarer in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(declarer, SH.declare)
        ))
        message = shapes.value(constraint, SH.message) or shapes.value(shape, SH.message)
        severity = shapes.value(constraint, SH.severity) or shapes.value(shape, SH.severity) or SH.Violation
        constraints.append(SparqlConstraint(str(select), None if message is None else str(message),
                                            SEVERITY_NAMES.get(severity, "Violation"), prefixes, targets))
        rest.remove((shape, SH.sparql, constraint))
        _remove_tree(rest, constraint)
    return rest, constraints


def _other_targets(shapes: Graph, shape: object) -> bool:
    others = (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    return any(shapes.value(shape, p) is not None for p in others) or (shape, RDF.type, RDFS.Class) in shapes


def _remove_tree(graph: Graph, node: object) -> None:
    for _, p, o in list(graph.triples((node, None, None))):
        graph.remove((node, p, o))
        if isinstance(o, BNode) and p != SH.prefixes:
            _remove_tree(graph, o)


def sparql_problems(store: ox.Store, constraints: list[SparqlConstraint],
                    focus: set[str] | None = None) -> list[Problem]:
    """Run each SPARQL constraint over the union of ``store``'s graphs; one problem per row on a focus node.

    A row is kept when its ``$this`` is typed (``rdf:type``) with a target class of the constraint
    or a subclass of one (``rdfs:subClassOf`` statements of ``store``), as ``sh:targetClass`` asks,
    and, with ``focus``, is one of these IRIs.
    """
    problems = []
    edges = [(q.subject, q.object) for q in store.quads_for_pattern(None, _SUBCLASS_OF, None, None)]
    for constraint in constraints:
        classes = subclasses(edges, [ox.NamedNode(t) for t in constraint.targets])
        rows = store.query(constraint.query, prefixes=dict(constraint.prefixes), use_default_graph_as_union=True)
        for row in rows:
            node = row["this"]
            if focus is not None and (node is None or node.value not in focus):
                continue
            if not _typed(store, node, classes):
                continue
            this = to_rdflib(node)

            def binding(match: re.Match[str], row: ox.QuerySolution = row) -> str:
                name = "this" if match.group(0).startswith("{$") else match.group(1)
                term = row[name]
                return match.group(0) if term is None else term.value

            message = _TEMPLATE_VAR.sub(binding, constraint.message) if constraint.message else "violates a rule"
            # pyshacl reports $this as the value of a SPARQL result, and no path.
            problems.append(Problem(constraint.severity, short(this), message, None, short(this)))
    return problems


def _typed(store: ox.Store, node: object, classes: set) -> bool:
    """Whether ``store`` types ``node`` (an IRI or a blank node) with one of ``classes``."""
    if not isinstance(node, ox.NamedNode | ox.BlankNode):
        return False
    return any(q.object in classes for q in store.quads_for_pattern(node, _RDF_TYPE, None, None))


@dataclass(frozen=True)
class PreparedShapes:
    """Shapes made ready once for many validations: the Turtle shacl-rust reads, and the SPARQL constraints.

    ``class_targets`` lists each shape that targets classes only, with its classes; ``untargeted`` is
    the Turtle of the shapes without those ``sh:targetClass`` statements. Incremental validation
    gives such a shape the source's subjects as ``sh:targetNode``s instead, so the nodes the source
    only refers to (present with their types alone) are not validated and then thrown away.
    """

    turtle: bytes
    constraints: tuple[SparqlConstraint, ...]
    class_targets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    untargeted: bytes = b""


def prepare_shapes(shapes: Graph) -> PreparedShapes:
    """Split ``shapes`` (:func:`split_shapes`) and serialise the rest for shacl-rust."""
    rest, constraints = split_shapes(shapes)
    untargeted = Graph()
    for triple in rest:
        untargeted.add(triple)
    class_targets = []
    for shape in sorted(set(rest.subjects(SH.targetClass, None))):
        if not isinstance(shape, URIRef) or _other_targets(rest, shape):
            continue
        classes = tuple(sorted(str(c) for c in rest.objects(shape, SH.targetClass)))
        class_targets.append((str(shape), classes))
        untargeted.remove((shape, SH.targetClass, None))
    return PreparedShapes(rest.serialize(format="turtle", encoding="utf-8"), tuple(constraints),
                          tuple(class_targets), untargeted.serialize(format="turtle", encoding="utf-8"))


def fast_shacl_problems(data: Path, shapes: Graph | PreparedShapes, store: ox.Store | None = None,
                        focus: set[str] | None = None) -> list[Problem]:
    """Validate the RDF file ``data`` (all its graphs, as one union) against ``shapes`` with shacl-rust.

    When ``store`` holds the same data, the shapes' SPARQL constraints run as one query each over it
    (:func:`split_shapes`) and shacl-rust checks the rest. ``focus`` keeps only the results on these IRIs.
    """
    constraints: tuple[SparqlConstraint, ...] = ()
    if store is not None:
        prepared = shapes if isinstance(shapes, PreparedShapes) else prepare_shapes(shapes)
        shapes_file, constraints = io.BytesIO(prepared.turtle), prepared.constraints
    else:
        graph = shapes if isinstance(shapes, Graph) else Graph().parse(data=shapes.turtle, format="turtle")
        shapes_file = _shapes_file(graph)
    problems = _shacl_problems(str(data), _format_name(data), shapes_file, focus)
    if constraints:
        problems += sparql_problems(store, list(constraints), focus)
    return problems


def _shacl_problems(data: str | io.BytesIO, data_format: str, shapes_file: io.BytesIO,
                    focus: set[str] | None) -> list[Problem]:
    """Run shacl-rust on ``data`` (a path or a binary stream) and return its results on ``focus`` as problems."""
    report = shacl_rust.validate_file(data, shapes_file, data_format=data_format, shapes_format="turtle",
                                      experimental_index=True)
    results = report["results"]
    if focus is not None:
        results = [r for r in results if r["focusNode"][1:-1] in focus]
    return [_problem(result) for result in results]


def _format_name(path: Path) -> str:
    """The data format shacl-rust reads ``path`` in: the suffix of its syntax (``ttl``, ``nq``, ``rdf``...)."""
    fmt = rdf_format(path)
    return next(syntax.suffix.lstrip(".") for syntax in RDF_SYNTAXES.values() if syntax.oxigraph == fmt)


def store_quads_problems(store: ox.Store, shapes: Graph | PreparedShapes,
                         work_dir: Path | None = None) -> list[Problem]:
    """Validate the union of every graph of ``store`` with shacl-rust (through an N-Triples dump of the union)."""
    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        dump = Path(tmp) / "store.nt"
        dump_union(store, dump)
        return fast_shacl_problems(dump, shapes, store)


# ---------------------------------------------------------------- incremental validation

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))
_TARGET_NODE = ox.NamedNode(str(SH.targetNode))


def _context(store: ox.Store, quads: list[ox.Quad]) -> list[ox.Quad]:
    """Return what ``store`` knows that the shapes need to judge the subjects of ``quads``.

    That is every statement about those subjects, the ``rdf:type`` statements of every node they refer
    to (for ``sh:class``), and the ``rdfs:subClassOf`` statements (``sh:class`` and ``sh:targetClass``
    follow them).
    """
    subjects = {q.subject for q in quads}
    context: list[ox.Quad] = []
    for subject in subjects:
        if isinstance(subject, ox.NamedNode):
            context.extend(store.quads_for_pattern(subject, None, None, None))
    referenced = {q.object for q in quads if isinstance(q.object, ox.NamedNode)}
    referenced.update(q.object for q in context if isinstance(q.object, ox.NamedNode))
    for node in referenced - subjects:
        context.extend(store.quads_for_pattern(node, _RDF_TYPE, None, None))
    context.extend(store.quads_for_pattern(None, _SUBCLASS_OF, None, None))
    return context


def subclasses(edges: Iterable[tuple[object, object]], classes: Iterable[object]) -> set:
    """Return ``classes`` and every class below one of them along the (subclass, superclass) ``edges``.

    Examples
    --------
    >>> sorted(subclasses([("b", "a"), ("c", "b"), ("d", "x")], ["a"]))
    ['a', 'b', 'c']
    """
    below: dict[object, set] = {}
    for sub, sup in edges:
        below.setdefault(sup, set()).add(sub)
    found, todo = set(classes), list(classes)
    while todo:
        for sub in below.get(todo.pop(), ()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def _target_nodes(quads: Iterable[ox.Quad], shapes: PreparedShapes, keep: set[str]) -> bytes:
    """Return, as N-Triples, ``SHAPE sh:targetNode NODE`` for each class-targeting shape and each kept instance.

    A node is an instance of a class when ``quads`` type it with the class or one of its subclasses,
    as for ``sh:targetClass``.
    """
    instances: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    edges: set[tuple[ox.NamedNode, ox.NamedNode]] = set()
    for quad in quads:
        if quad.predicate == _RDF_TYPE:
            if isinstance(quad.subject, ox.NamedNode) and quad.subject.value in keep:
                instances.setdefault(quad.object, set()).add(quad.subject)
        elif quad.predicate == _SUBCLASS_OF:
            edges.add((quad.subject, quad.object))
    triples = []
    for shape, classes in shapes.class_targets:
        below = subclasses(edges, [ox.NamedNode(c) for c in classes])
        nodes = set().union(*(instances.get(c, ()) for c in below))
        triples += [ox.Triple(ox.NamedNode(shape), _TARGET_NODE, node) for node in sorted(nodes, key=str)]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def load_source(path: Path, graph: URIRef | str | None = None) -> ox.Store:
    """Read one source file into an in-memory store (its named graph, or ``graph`` for triple formats)."""
    from kg.store import load_file

    source = ox.Store()
    load_file(source, path, graph)
    return source


def source_problems(store: ox.Store, source: ox.Store, shapes: Graph | PreparedShapes,
                    subjects: Iterable[str] | None = None) -> list[Problem]:
    """Validate the new source ``source`` against the data of ``store`` and keep the results on its subjects.

    The data validated is the source plus its context in the store (:func:`_context`). Only the
    source's subjects are focus nodes: the class-targeting shapes get them as ``sh:targetNode``s
    (see :class:`PreparedShapes`), so the nodes the source merely refers to are not validated.

    Parameters
    ----------
    store : pyoxigraph.Store
        The built store the source is added to (the source may or may not be loaded in it already).
    source : pyoxigraph.Store
        The new source's statements.
    shapes : rdflib.Graph or PreparedShapes
        The SHACL shapes (prepare them once with :func:`prepare_shapes` to validate many sources).
    subjects : iterable of str, optional
        The IRIs whose results to keep (default: every subject of ``source``).
    """
    prepared = shapes if isinstance(shapes, PreparedShapes) else prepare_shapes(shapes)
    new = list(source.quads_for_pattern(None, None, None, None))
    if subjects is not None:
        keep = set(subjects)
    else:
        keep = {q.subject.value for q in new if isinstance(q.subject, ox.NamedNode)}
    # A set: the source may already be in the store, and a statement must not count twice.
    quads = list(dict.fromkeys(new + _context(store, new)))
    local = ox.Store()
    local.extend(quads)
    data = io.BytesIO(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    shapes_file = io.BytesIO(prepared.untargeted + _target_nodes(quads, prepared, keep))
    problems = _shacl_problems(data, "nq", shapes_file, keep)
    return problems + sparql_problems(local, list(prepared.constraints), keep)


#: The quality query that needs the whole store to judge a node; for a change it is answered by
#: :func:`_duplicate_organisations` (the others are judged on the change and its context).
DUPLICATE_QC = "duplicate-organisation-violation"
_ORGANISATION_ID = ox.NamedNode(str(EKG.organisationId))
_COUNTRY = ox.NamedNode(str(EKG.country))
#: Name keys -> ``{key: {organisation IRI: label}}`` (:func:`kg.store.names.holders` of a snapshot).
NameIndex = Callable[[set[str]], dict[str, dict[str, str]]]
_PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))


def _duplicate_organisations(store: ox.Store, focus: set[str], names: NameIndex | None = None) -> list[Problem]:
    """The rows of ``queries/qc/duplicate-organisation-violation.rq`` that involve an organisation of ``focus``.

    The query groups every organisation's name in the store (7 s at 1M triples). Here ``names``, the
    snapshot's index of lower-cased names (:func:`kg.store.names.holders`), gives the organisations
    that share a name with one of ``focus``; without it, one pass over the ``skos:prefLabel``
    statements does (2-3 s at 1M). Each pair is reported on its smaller IRI, with the query's message.
    """
    keys: set[str] = set()
    for iri in focus:
        node = ox.NamedNode(iri)
        if is_organisation(store, node):
            keys.update(name_key(q.object.value) for q in store.quads_for_pattern(node, _PREF_LABEL, None, None))
    holders: dict[str, dict[str, str]] = {}
    if names is not None:
        holders = names(keys) if keys else {}
    for quad in store.quads_for_pattern(None, _PREF_LABEL, None, None) if keys and names is None else ():
        key = name_key(quad.object.value)
        if key in keys and isinstance(quad.subject, ox.NamedNode):
            holders.setdefault(key, {}).setdefault(quad.subject.value, quad.object.value)
    problems = []
    linked = store.contains_named_graph(_LINKAGE)
    for named in holders.values():
        organisations = sorted(iri for iri in named if is_organisation(store, ox.NamedNode(iri)))
        identified = {iri: _values(store, iri, _ORGANISATION_ID) for iri in organisations}
        ambiguous = len(set().union(*identified.values())) > 1
        for number, first in enumerate(organisations):
            for other in organisations[number + 1:]:
                if ambiguous and not (identified[first] and identified[other]):
                    continue  # which of the name's identified bodies one without identifier is: linkage's review
                if linked and bool(identified[first]) != bool(identified[other]) \
                        and not _in_one_graph(store, first, other):
                    continue  # one without identifier, of another source: record linkage links it or holds it
                if (first in focus or other in focus) and not _different_identifiers(store, first, other) \
                        and not _linked_across_sources(store, first, other):
                    message = (f'has the same name "{named[first]}" as <{other}>: merge them into one resource '
                               f"({DUPLICATE_QC})")
                    problems.append(Problem("Violation", short(URIRef(first)), message))
    return problems


def _values(store: ox.Store, iri: str, prop: ox.NamedNode) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), prop, None, None)}


def _different_identifiers(store: ox.Store, first: str, other: str) -> bool:
    """Whether two organisations have identifiers (``ekg:organisationId``) or countries that differ: two bodies."""
    return any(any(a != b for a in _values(store, first, prop) for b in _values(store, other, prop))
               for prop in (_ORGANISATION_ID, _COUNTRY))


_CANONICAL = ox.NamedNode(str(EKG.canonical))
_TYPE = ox.NamedNode(str(RDF.type))
_ORGANISATION = ox.NamedNode(str(EKG.Organisation))


_LINKAGE = ox.NamedNode(str(GRAPH["linkage"]))


def _in_one_graph(store: ox.Store, first: str, other: str) -> bool:
    """Whether one graph states both organisations."""
    def graphs(iri: str) -> set:
        return {q.graph_name for q in store.quads_for_pattern(ox.NamedNode(iri), _TYPE, _ORGANISATION, None)}

    return bool(graphs(first) & graphs(other))


def _linked_across_sources(store: ox.Store, first: str, other: str) -> bool:
    """Whether record linkage joined two organisations (one ``ekg:canonical`` body) that no one graph states both."""
    def bodies(iri: str) -> set:
        return {q.object for q in store.quads_for_pattern(ox.NamedNode(iri), _CANONICAL, None, None)}

    def graphs(iri: str) -> set:
        return {q.graph_name for q in store.quads_for_pattern(ox.NamedNode(iri), _TYPE, _ORGANISATION, None)}

    return bool(bodies(first) & bodies(other)) and not graphs(first) & graphs(other)


def _focus_nodes(store: ox.Store, changed: set[str]) -> set[str]:
    """Return ``changed`` (IRIs whose statements changed) and the IRIs that refer to one of them."""
    focus = set(changed)
    for iri in changed:
        for quad in store.quads_for_pattern(None, None, ox.NamedNode(iri), None):
            if isinstance(quad.subject, ox.NamedNode):
                focus.add(quad.subject.value)
    return focus


def change_problems(store: ox.Store, changed: Iterable[str], shapes: Graph | PreparedShapes,
                    qc: Iterable[Path] = (), names: NameIndex | None = None, data_dir: Path = DATA_DIR,
                    files: dict[str, Path] | None = None, unwritten: Iterable[str] = ()) -> list[Problem]:
    """Validate what a change touched: the nodes whose statements changed and the nodes that refer to them.

    ``store`` holds the data after the change; ``changed`` are the IRIs that gained or lost
    statements. Every statement ``store`` makes about the focus nodes is validated in its context
    (:func:`source_problems`), so the result equals that of a full validation on these nodes. The
    quality queries ``qc`` run on the same data, except the duplicate-organisation check, which needs
    the whole store (:func:`_duplicate_organisations`, which looks names up in ``names`` when given);
    only rows on the focus nodes (or nodes these refer to) are kept. The statements of the focus nodes
    are checked for ill-typed literals and undeclared ``ekg:`` terms (:func:`kg.validate.terms.term_problems`;
    ``data_dir``, ``files`` and ``unwritten`` name their files, as there).
    """
    from kg.validate.terms import term_problems

    prepared = shapes if isinstance(shapes, PreparedShapes) else prepare_shapes(shapes)
    focus = _focus_nodes(store, set(changed))
    source = ox.Store()
    source.bulk_extend([quad for iri in focus for quad in store.quads_for_pattern(ox.NamedNode(iri), None, None, None)])
    problems = source_problems(store, source, prepared, subjects=focus)
    new = list(source.quads_for_pattern(None, None, None, None))
    problems += term_problems(store, new, data_dir, files, unwritten)
    local = ox.Store()
    local.bulk_extend(list(dict.fromkeys(new + _context(store, new))))
    referred = focus | {q.object.value for q in new if isinstance(q.object, ox.NamedNode)}
    for path in qc:
        if path.stem == DUPLICATE_QC:
            problems += _duplicate_organisations(store, focus, names)
            continue
        rows = qc_problems(local, [path])
        problems += [p for p in rows if (expand(p.focus) or p.focus) in referred]
    return problems
