"""The fast path of ``eukg query``: write a stored answer without loading typer, rdflib or the store.

The command line imports typer (and pydantic), rich, rdflib and the store before it runs a query:
0.4 to 0.6 s of CPU before the first row. A stored answer (:mod:`kg.sparql.stored`) is read with
pyoxigraph alone, so :func:`run` handles the plain forms of ``eukg query NAME`` (``--format``, ``--store``,
``--wide``, ``--no-personal-data``) when the current snapshot of the store holds the answer, and returns
False for anything else (parameters, ``--endpoint``, a path to an .rq file, ``--help``, an unknown
option or format, no stored answer …), which the typer command then handles as it always has. Both
write through :func:`kg.sparql.output.write_answer`, so the bytes are the same.
"""

from __future__ import annotations

import os
import re
import sys

from kg.argv import plain

__all__ = ["parse", "run"]

_VALUED = {"--format": "format", "-f": "format", "--store": "store"}
_FLAGS = {"--wide": "wide", "--no-personal-data": "no_personal_data"}
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


def parse(arguments: list[str]) -> dict[str, str] | None:
    """Return the name and options of ``query``'s arguments, or None when they are not plain ones.

    >>> parse(["regions", "-f", "csv", "--store=/tmp/s", "--wide"])
    {'name': 'regions', 'format': 'csv', 'store': '/tmp/s', 'wide': '1'}
    >>> parse(["regions", "-p", "level=2"]) is None, parse(["queries/regions.rq"]) is None
    (True, True)
    """
    found = plain(arguments, _VALUED, _FLAGS)
    if found is None or not _NAME.fullmatch(found["name"]) or found.get("store", "x") == "":
        return None
    return found


def run(arguments: list[str]) -> bool:
    """Write the stored answer of ``eukg query ARGUMENTS`` and return True, or return False for the typer command."""
    found = parse(arguments)
    if found is None:
        return False
    from kg.paths import QUERIES_DIR
    from kg.sparql import stored

    query = QUERIES_DIR / f"{found['name']}.rq"
    if os.path.exists(found["name"]):  # the command line reads a file of that name as the query (queries.find)
        return False
    snapshot = stored.snapshot_of(found.get("store"))
    if snapshot is None or not query.is_file() or not stored.enabled():
        return False
    from kg.formats import ResultsFormat, UnknownFormat
    from kg.sparql.output import output_format, write_answer

    try:
        fmt = output_format(found.get("format", "table"))
    except UnknownFormat:
        return False
    if not isinstance(fmt, ResultsFormat):
        return False
    try:
        answer = stored.read_stored(snapshot, found["name"], query.read_text(encoding="utf-8"),
                                    personal="no_personal_data" not in found)
    except (OSError, UnicodeDecodeError, SyntaxError):
        return False
    if answer is None:
        return False
    try:
        write_answer(answer.solutions, fmt, sys.stdout, sys.stdout.buffer, title=answer.title or found["name"],
                     wide="wide" in found)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has stopped (`| head`): nothing more to write, and nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return True
