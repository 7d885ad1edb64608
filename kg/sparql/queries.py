"""Named SPARQL queries: find them, read their ``#+`` headers, bind parameters as RDF terms, run them.

A query file ``queries/NAME.rq`` starts with a grlc-style YAML header in ``#+`` comment lines
(summary, description, tags, params, columns) and stays runnable as it is. Each parameter's text
value becomes the RDF term its type asks for (:meth:`NamedQuery.terms`). On the embedded store the
terms are bound with pyoxigraph's ``substitutions`` (:func:`solutions`, :func:`run`): the query text
is never changed. A remote SPARQL 1.1 endpoint has no such binding, so for it (:mod:`kg.sparql.remote`)
:meth:`NamedQuery.bind` replaces the parameter's ``#PARAM ?name`` comment line with
``VALUES ?name { term }``, the term serialised by rdflib: a value is never formatted into the query
text, so it cannot change the query's structure. The two give the same rows for every named query
and parameter (``tests/sparql/test_binding.py``).
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import yaml
from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, unknown_name
from kg.paths import QUERIES_DIR
from kg.store import select, to_rdflib

PARAM_LINE = re.compile(r"^(?P<indent>\s*)#PARAM \?(?P<name>\w+)\s*$", re.MULTILINE)
PARAM_TYPES = ("literal", "integer", "date", "iri", "nuts")
# ``SERVICE <iri>``, ``SERVICE SILENT ?endpoint``, ``SERVICE wd:sparql``: only to word an error message.
_SERVICE_CALL = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(?:<|[?$]|[A-Za-z][\w.-]*:)", re.IGNORECASE)
_IRI_OK = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


@dataclass(frozen=True)
class Parameter:
    """A query parameter: its variable name, its kind of value, and what it means."""

    name: str
    type: str = "literal"
    description: str = ""
    default: str | None = None
    #: The class of the resources an ``iri`` parameter takes (``class: ekg:Event`` in the header), if declared.
    cls: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query file with the metadata of its header."""

    name: str
    path: Path
    text: str
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    params: tuple[Parameter, ...] = ()
    columns: tuple[str, ...] = ()
    header: dict = field(default_factory=dict, compare=False, repr=False)

    def parameter(self, name: str) -> Parameter:
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (its parameters: {known})")

    def terms(self, values: Mapping[str, str] | None = None) -> dict[str, Node]:
        """Return the RDF term of each given parameter and of each other parameter with a default, by name.

        Raises
        ------
        QueryError
            For a name that is not a parameter of the query, or a value its type does not take.
        """
        terms = {name: to_term(self.parameter(name), raw) for name, raw in (values or {}).items()}
        for param in self.params:
            if param.name not in terms and param.default is not None:
                terms[param.name] = to_term(param, param.default)
        return terms

    def bind(self, values: Mapping[str, str] | None = None) -> str:
        """Return the query text with each parameter of :meth:`terms` bound through ``VALUES`` (for remote endpoints).

        The embedded store binds the same terms with ``substitutions`` instead (:meth:`store_binding`).
        """
        return self._values(self.terms(values))

    def store_binding(self, values: Mapping[str, str] | None = None) -> tuple[str, dict[str, Node]]:
        """Return the text and the ``substitutions`` that bind the parameters of :meth:`terms` on the embedded store.

        pyoxigraph substitutes a variable only when the query projects it (SEP-0007: the bound value is
        then the column's value in every row). A parameter among the header's ``columns`` is therefore
        substituted; one that the query does not return (``project_acronym`` restricting
        ``project_partners``) is bound through ``VALUES`` in the text, as :meth:`bind` binds it.
        """
        terms = self.terms(values)
        substituted = {name: term for name, term in terms.items() if name in self.columns}
        text = self._values({name: term for name, term in terms.items() if name not in substituted})
        return text, substituted

    def _values(self, terms: Mapping[str, Node]) -> str:
        """Return the text with the ``#PARAM`` line of each parameter in ``terms`` replaced by its ``VALUES``."""
        if not terms:
            return self.text

        def replace(match: re.Match[str]) -> str:
            term = terms.get(match["name"])
            if term is None:
                return match[0]
            return f"{match['indent']}VALUES ?{match['name']} {{ {term.n3()} }}"

        return PARAM_LINE.sub(replace, self.text)


def to_term(param: Parameter, raw: str) -> Node:
    """Convert a parameter's text value to the RDF term its type asks for, or raise :class:`QueryError`."""
    value = raw.strip()
    if param.type == "iri":
        if not _IRI_OK.match(value):
            raise QueryError(f"parameter {param.name!r} needs an absolute IRI, not {raw!r}")
        return URIRef(value)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise QueryError(f"parameter {param.name!r} needs an integer, not {raw!r}")
        return Literal(int(value), datatype=XSD.integer)
    if param.type == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise QueryError(f"parameter {param.name!r} needs a date YYYY-MM-DD, not {raw!r}")
        return Literal(value, datatype=XSD.date)
    if param.type == "nuts":
        if not re.fullmatch(r"[A-Za-z]{2}[0-9A-Za-z]{0,3}", value):
            raise QueryError(f"parameter {param.name!r} needs a NUTS code such as PL81, not {raw!r}")
        return Literal(value.upper())
    return Literal(raw)


def parse_header(text: str) -> dict:
    """Return the YAML of the ``#+`` lines at the top of a query file."""
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    return yaml.safe_load("\n".join(lines)) or {} if lines else {}


def read_query(path: Path) -> NamedQuery:
    """Read a query file and its header."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"no query file {path}") from None
    try:
        header = parse_header(text)
    except yaml.YAMLError as error:
        raise QueryError(f"{path}: the #+ header is not valid YAML: {error}") from None
    params = tuple(
        Parameter(p["name"], p.get("type", "literal"), p.get("description", ""),
                  None if p.get("default") is None else str(p["default"]), p.get("class"))
        for p in header.get("params") or ()
    )
    for param in params:
        if param.type not in PARAM_TYPES:
            raise QueryError(f"{path}: parameter {param.name!r} has unknown type {param.type!r}")
    return NamedQuery(
        name=path.stem, path=path, text=text,
        summary=str(header.get("summary", "")), description=str(header.get("description", "")),
        tags=tuple(header.get("tags") or ()), params=params,
        columns=tuple(header.get("columns") or ()), header=header,
    )


def library(queries_dir: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Return the named queries of ``queries_dir`` by name (quality-control queries excluded)."""
    return {path.stem: read_query(path) for path in sorted(queries_dir.glob("*.rq"))}


def find(name_or_path: str, queries_dir: Path = QUERIES_DIR) -> NamedQuery:
    """Return the named query ``name_or_path``: a name from the library, or a path to an .rq file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.exists():
        return read_query(candidate)
    path = queries_dir / f"{name_or_path}.rq"
    if not path.exists():
        known = sorted(path.stem for path in queries_dir.glob("*.rq"))
        raise QueryError(unknown_name("query", name_or_path, known, "`eukg queries` lists them"))
    return read_query(path)


@dataclass
class Result:
    """The rows of a SELECT query as rdflib terms (None where unbound), in column order."""

    columns: list[str]
    rows: list[tuple[Node | None, ...]]


@contextlib.contextmanager
def evaluation_errors(query: NamedQuery) -> Iterator[None]:
    """Turn what pyoxigraph raises while it parses, evaluates or writes ``query`` into one :class:`QueryError` line.

    Evaluation is lazy: an error can come while the rows are read or serialised, so a caller reads them
    inside this context.
    """
    try:
        yield
    except BrokenPipeError:  # the answer's reader has gone: not the query's failure
        raise
    except SyntaxError as error:
        raise QueryError(f"{query.path}: not valid SPARQL: {error}") from None
    except OSError as error:  # a SERVICE call to an endpoint that cannot be reached
        raise QueryError(f"{query.path}: a SERVICE endpoint could not be reached: {_one_line(error)}") from None
    except RuntimeError as error:
        # pyoxigraph's evaluation errors; a SERVICE answer that is not SPARQL results is one of them.
        raise QueryError(f"{query.path}: {_evaluation_failure(query.text)}: {_one_line(error)}") from None


def solutions(query: NamedQuery, store: ox.Store, values: Mapping[str, str] | None = None,
              default_graph: list[str] | None = None) -> ox.QuerySolutions:
    """Evaluate the SELECT ``query`` on the embedded store, parameters bound as :meth:`NamedQuery.store_binding` says.

    The solutions are pyoxigraph's, read lazily: read them (or serialise them with
    ``QuerySolutions.serialize``) inside :func:`evaluation_errors`. ``default_graph`` restricts the query
    to the listed named graphs; by default it sees the union.

    Raises
    ------
    QueryError
        For a bad parameter value, text that is not SPARQL, or a query that is not a SELECT query.
    """
    text, substituted = query.store_binding(values)
    with evaluation_errors(query):
        answer = select(store, text, bindings=substituted, default_graph=default_graph)
    if not isinstance(answer, ox.QuerySolutions):
        raise QueryError(f"{query.path}: only SELECT queries can be run by name")
    return answer


def run(query: NamedQuery, store: ox.Store, values: Mapping[str, str] | None = None,
        default_graph: list[str] | None = None) -> Result:
    """Run ``query`` on the embedded store, with ``values`` bound as RDF terms; return its rows as rdflib terms.

    ``default_graph`` restricts the query to the listed named graphs; by default it sees the union.
    Where no rdflib term is needed, :func:`solutions` gives pyoxigraph's own, without the conversion.
    """
    answer = solutions(query, store, values, default_graph)
    with evaluation_errors(query):
        columns = [v.value for v in answer.variables]
        # Rows repeat many values (types, countries, codes, labels); an rdflib Literal costs a few µs to
        # make, so each distinct term is converted once per query (organisations at 1M: 1.4 s -> 0.5 s).
        convert = functools.lru_cache(maxsize=1 << 16)(to_rdflib)
        # A solution iterates its values in the order of ``solutions.variables``, faster than by name.
        rows = [tuple(map(convert, solution)) for solution in answer]
    return Result(columns, rows)


def _one_line(error: BaseException, limit: int = 300) -> str:
    """Return the text of ``error`` on one line, cut at ``limit`` characters."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _evaluation_failure(text: str) -> str:
    """Say what failed when a query's evaluation raises: its SERVICE call, when the query makes one."""
    if _SERVICE_CALL.search(text):
        return "a SERVICE endpoint did not answer with SPARQL results"
    return "the query could not be evaluated"
