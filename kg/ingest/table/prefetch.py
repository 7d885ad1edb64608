"""Names resolved ahead of the rows, in a second process: the import's rows and its name look-ups on two cores.

Resolving a name the graph does not know (ranking candidates, lemmatising it in the languages of
the closest labels) costs more than the rest of its row. For a large table, :class:`Prefetch`
forks a process that reads the table ahead of the import, resolves each distinct project acronym
and organisation name of its rows with :func:`kg.ingest.resolving.confident`, exactly as the
import would, and sends the answers back in batches. The import takes an answer the helper has
sent and resolves a name itself otherwise (one the helper read differently, one already dropped,
a helper that has failed), so the graph is the same either way. The import waits for a helper
that is behind (as it is while it reads a language's lemma dictionary, which the import would
otherwise read itself). Memory stays bounded: the helper remembers the last :data:`_KEEP` to twice
as many names it resolved, the import the answers of the last three to six times as many names it
was sent, and the pipe between them a few batches. The helper sends a name again once it has
forgotten it, and the import still holds the answer of every name the helper remembers, so a name
that comes back far down the table is resolved again by the helper, never by the import.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from itertools import islice
from pathlib import Path
from typing import Any

from kg.ingest.mapping import Mapping
from kg.ingest.resolving import NameResolver, confident
from kg.ingest.table.partners import _apply_patterns, _expand
from kg.ingest.tablefile import read_rows

#: Tables smaller than this (bytes) are resolved in the import's process alone (a fork costs more).
MIN_BYTES = 2_000_000
_ROWS = 200  # rows per batch of answers
_KEEP = 16_000  # names the helper remembers having resolved (the import holds three times as many answers)
_DONE = -1


def _names(values: dict[str, Any], mapping: Mapping) -> list[tuple[str, str]]:
    """The (kind, name) pairs the import resolves for one row's partners (as far as it can be told ahead)."""
    found = []
    for partner in _expand(values, mapping) if isinstance(values, dict) else []:
        if not isinstance(partner, dict):
            continue
        partner = _apply_patterns(partner, mapping)
        for field, kind in (("project_acronym", "project"), ("partner_name", "organisation")):
            value = partner.get(field)
            pattern = mapping.extract.get(field)
            if value is not None and pattern is not None:
                match = pattern.search(str(value))
                value = match.group(1 if pattern.groups else 0) if match else None
            if value not in (None, ""):
                found.append((kind, str(value)))
    return found


def _last(entries: dict, count: int) -> dict:
    """The ``count`` entries put in ``entries`` last (dropping the oldest one by one would rescan the dict's holes)."""
    return dict(islice(entries.items(), len(entries) - count, None))


def _helper(connection: Any, path: Path, mapping: Mapping, columns: Any, resolver: NameResolver) -> None:
    """The forked helper: read the table, resolve each name not seen lately, send the answers in batches."""
    try:
        seen: dict[tuple[str, str], None] = {}
        rows = read_rows(path, mapping.encoding, mapping.quoting, mapping.sheet)
        next(rows, None)  # the header
        answers: list = []
        count = 0
        for line, cells in rows:
            for key in _names(columns.values(cells, None), mapping):
                if key not in seen:
                    seen[key] = None
                    answers.append((key, confident(resolver, key[1], key[0])))
            if len(seen) > 2 * _KEEP:
                seen = _last(seen, _KEEP)
            count += 1
            if count % _ROWS == 0:
                connection.send_bytes(pickle.dumps((line, answers)))
                answers = []
        connection.send_bytes(pickle.dumps((_DONE, answers)))
    except Exception as error:  # the import resolves the rest itself
        connection.send_bytes(pickle.dumps((_DONE, [], f"{type(error).__name__}: {error}")))
    finally:
        connection.close()


class Prefetch:
    """The answers of the forked helper (:func:`_helper`), taken by :meth:`confident` row by row."""

    def __init__(self, path: Path, mapping: Mapping, columns: Any, resolver: NameResolver) -> None:
        self.resolver = resolver
        self.answers: dict[tuple[str, str], Any] = {}
        self.line = 0  # the helper has sent the answers of the rows up to this line
        self.error: str | None = None
        context = multiprocessing.get_context("fork")
        self.connection, theirs = context.Pipe(duplex=False)
        self.process = context.Process(target=_helper, args=(theirs, path, mapping, columns, resolver), daemon=True)
        self.process.start()
        theirs.close()

    @classmethod
    def start(cls, path: Path, mapping: Mapping, columns: Any, resolver: NameResolver,
              joined: Any) -> Prefetch | None:
        """A helper for a large table on a machine of two cores or more; None when the import resolves alone."""
        if (joined is not None or mapping.rows == "organisations" or (os.cpu_count() or 1) < 2
                or path.stat().st_size < MIN_BYTES or "fork" not in multiprocessing.get_all_start_methods()):
            return None
        return cls(path, mapping, columns, resolver)

    def _receive(self) -> None:
        try:
            message = pickle.loads(self.connection.recv_bytes())
        except (EOFError, OSError):
            message = (_DONE, [], "the helper stopped")
        line, answers = message[0], message[1]
        self.error = message[2] if len(message) > 2 else None
        if len(self.answers) > 6 * _KEEP:  # before the batch, whose rows come next
            self.answers = _last(self.answers, 3 * _KEEP)
        for key, answer in answers:  # in the order sent: a name sent again is the newest
            self.answers.pop(key, None)
            self.answers[key] = answer
        self.line = line

    def advance(self, line: int) -> None:
        """Take the answers the helper has sent up to the row at ``line``, waiting for them when it is behind (it
        resolves the names the import would resolve now, and is ahead as soon as it has read its dictionaries)."""
        while self.line != _DONE and self.line < line:
            self._receive()

    def confident(self, name: str, kind: str) -> Any:
        """:func:`kg.ingest.resolving.confident`: the helper's answer when it has sent one, else resolved here."""
        key = (kind, name)
        found = self.answers.get(key, self)
        return confident(self.resolver, name, kind) if found is self else found

    def close(self) -> None:
        """Stop the helper (done, or not needed any more) and wait for it."""
        self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
