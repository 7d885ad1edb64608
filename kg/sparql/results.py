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
from collections.abc import Iterable, Sequence

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.query import Result as RdflibResult
from rdflib.term import Node, Variable

from kg.errors import QueryError
from kg.formats import RdfSyntax, ResultsFormat, rdf_format, results_format
from kg.namespaces import PREFIXES
from kg.sparql.output import prefixed_iri, spreadsheet_cell
from kg.sparql.queries import NamedQuery, Result, evaluation_errors
from kg.store import to_oxigraph


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
    return prefixed_iri(str(term))


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


def remote_answer(result: Result) -> ox.QuerySolutions:
    """Return a remote endpoint's rows as pyoxigraph solutions, so that they are written as a local answer is."""
    return ox.parse_query_results(to_sparql_results(result, "json").encode("utf-8"),
                                  format=ox.QueryResultsFormat.JSON)
