"""The result of a table import (:class:`TableResult`, its :class:`RowProblem` reports) and the spaces of
what the import remembers on disk (:class:`kg.ingest.diskmap.DiskMap`).
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.ingest.diskmap import DiskMap

# The spaces of the import's memory (:class:`DiskMap`).
_PROJECTS, _ORGANISATIONS, _FACTS, _UNTITLED = "project", "organisation", "facts", "untitled"
_RESULT_PROJECTS, _RESULT_NEW, _RESULT_KNOWN = "result-project", "result-new", "result-known"
#: Facts whose name starts with it mark a statement a loaded row wrote; they never conflict (see :func:`_marks`).
_SEEN = "\x1f"
_LOADED = f"{_SEEN}loaded"
#: In a project's facts: the key (name or code) its IRI was taken for, as (key, 0) — one record a project.
_MINTED = f"{_SEEN}minted"
#: In a project's facts: this import minted it (the graph had no such project), even if its first row was left out.
_NEW_PROJECT = f"{_SEEN}new-project"
#: In an organisation's facts: a loaded row named it (as a new organisation, or as one the graph knows).
_LOADED_NEW, _LOADED_KNOWN = f"{_LOADED}{_SEEN}new", f"{_LOADED}{_SEEN}known"
#: The row problems and warnings a result keeps (the first ones); the others are counted, and handed to the
#: import's ``report`` as they come, so a messy table's bad rows do not fill the memory.
SAMPLE = 1_000


@dataclass(frozen=True)
class RowProblem:
    """A problem of one row: file, line (1 = the header), column and what is wrong."""

    path: str
    line: int
    message: str
    column: str | None = None

    def text(self) -> str:
        column = f" [{self.column}]" if self.column else ""
        return f"{self.path}:{self.line}{column}: {self.message}"


@dataclass
class TableResult:
    """What ingesting a table produced: the source's statements in an N-Triples file, and the row reports.

    Row problems and warnings are counted (:attr:`problem_count`, :attr:`warning_count`) and handed to
    :attr:`report` as they are found (:meth:`add_problem`, :meth:`add_warning`); :attr:`problems` and
    :attr:`warnings` keep the first :data:`SAMPLE` of each.

    Its files are in a temporary folder of their own (:meth:`in_temporary_folder`), which :meth:`discard`
    deletes, and which is deleted all the same when the result is dropped without it or the process ends.
    """

    identifier: str
    path: Path
    triples: int = 0
    rows: int = 0
    loaded_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)  # the first SAMPLE
    warnings: list[RowProblem] = field(default_factory=list)  # the first SAMPLE
    problem_count: int = 0
    warning_count: int = 0
    project_count: int = 0
    new_organisation_count: int = 0
    resolved_organisation_count: int = 0
    memory: Path | None = None  # what the import remembered per resource (:class:`DiskMap`), until discard
    folder: Path | None = None  # the temporary folder of path and memory, deleted by discard
    #: Called with ("problem" or "warning", the report) for each one as it is found.
    report: Callable[[str, RowProblem], None] | None = field(default=None, repr=False, compare=False)
    _finalizer: weakref.finalize | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def in_temporary_folder(cls, identifier: str) -> TableResult:
        """Return an empty result whose files are in a new temporary folder (``eukg-IDENTIFIER-…``)."""
        folder = Path(tempfile.mkdtemp(prefix=f"eukg-{identifier}-"))
        result = cls(identifier, folder / f"{identifier}.nt", memory=folder / "memory.sqlite", folder=folder)
        result._finalizer = weakref.finalize(result, shutil.rmtree, folder, ignore_errors=True)
        return result

    def add_problem(self, problem: RowProblem) -> None:
        """Count a row problem, keep it when fewer than :data:`SAMPLE` are kept, and :attr:`report` it."""
        self.problem_count += 1
        if len(self.problems) < SAMPLE:
            self.problems.append(problem)
        if self.report is not None:
            self.report("problem", problem)

    def add_warning(self, warning: RowProblem) -> None:
        """Count a warning, keep it when fewer than :data:`SAMPLE` are kept, and :attr:`report` it."""
        self.warning_count += 1
        if len(self.warnings) < SAMPLE:
            self.warnings.append(warning)
        if self.report is not None:
            self.report("warning", warning)

    def add_reports(self, problems: list[RowProblem], warnings: list[RowProblem]) -> None:
        """:meth:`add_problem` each of ``problems`` and :meth:`add_warning` each of ``warnings`` (one row's)."""
        for problem in problems:
            self.add_problem(problem)
        for warning in warnings:
            self.add_warning(warning)

    @property
    def organisation_count(self) -> int:
        """The number of organisations of the loaded rows, new and known."""
        return self.new_organisation_count + self.resolved_organisation_count

    def _remembered(self, space: str) -> set[str]:
        if self.memory is None or not self.memory.exists():
            return set()
        memory = DiskMap(self.memory)
        try:
            return memory.keys(space)
        finally:
            memory.close()

    @property
    def projects(self) -> set[str]:
        """The IRIs of the projects of the loaded rows (read from disk: for small tables and tests)."""
        return self._remembered(_RESULT_PROJECTS)

    @property
    def new_organisations(self) -> set[str]:
        """The IRIs of the loaded rows' organisations that the graph did not know."""
        return self._remembered(_RESULT_NEW)

    @property
    def resolved_organisations(self) -> set[str]:
        """The IRIs of the loaded rows' organisations found in the graph."""
        return self._remembered(_RESULT_KNOWN)

    @property
    def graph(self) -> Graph:
        """The source's statements as an rdflib graph (read from :attr:`path`; for small tables and tests)."""
        graph = Graph()
        if self.path.stat().st_size:
            graph.parse(self.path, format="nt")
        return graph

    def discard(self) -> None:
        """Delete the N-Triples file and what the import remembered (their folder, when they have one)."""
        if self._finalizer is not None:
            self._finalizer()
        self.path.unlink(missing_ok=True)
        if self.memory is not None:
            self.memory.unlink(missing_ok=True)
