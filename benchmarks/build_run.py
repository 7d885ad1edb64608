"""`eukg build` in a process of its own, timed, and what the graph it built holds: shared by the dataset benchmarks.

:func:`build` runs the command into a store and returns its wall and CPU seconds, its peak resident
memory and its messages; :func:`counts` counts the organisations (with a region, their alternative
names, the regions and countries they are placed in), projects and participations of the store, or of
one named graph of it (:mod:`benchmarks.dataset_build`, :mod:`benchmarks.datasets_build`).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_COUNTS = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT
  (COUNT(DISTINCT ?o) AS ?organisations) (COUNT(DISTINCT ?withRegion) AS ?with_region)
  (COUNT(DISTINCT ?alt) AS ?alternative_names) (COUNT(DISTINCT ?region) AS ?regions)
  (COUNT(DISTINCT ?country) AS ?countries) (COUNT(DISTINCT ?p) AS ?projects)
  (COUNT(DISTINCT ?part) AS ?participations)
WHERE {
  { ?o a ekg:Organisation . OPTIONAL { ?o ekg:region ?region . BIND(?o AS ?withRegion) }
    OPTIONAL { ?o ekg:country ?country }
    OPTIONAL { ?o skos:altLabel ?label . BIND(CONCAT(STR(?o), STR(?label)) AS ?alt) } }
  UNION { ?p a ekg:Project } UNION { ?part a ekg:ProjectParticipation } }"""
_TYPES = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT ?type (COUNT(?o) AS ?n) WHERE { ?o a ekg:Organisation ; ekg:organisationType ?type }
GROUP BY ?type ORDER BY DESC(?n)"""


def build(store: Path, datasets: str | None = None) -> dict:
    """Run ``eukg build [--datasets DATASETS]`` into ``store`` in a child process.

    Returns
    -------
    dict
        ``wall_s`` and ``cpu_s`` (the child's user and system seconds), ``peak_mb`` (the largest resident
        memory of the children so far) and ``messages`` (what the build printed).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "kg", "build", "--store", str(store)]
    run = subprocess.run(command + (["--datasets", datasets] if datasets else []), capture_output=True, text=True,
                         env={**os.environ, "EUKG_STORE": str(store)}, cwd=ROOT, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": round(time.perf_counter() - start, 1),
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
            "peak_mb": round(after.ru_maxrss / 1024), "messages": run.stderr + run.stdout}


def counts(location: Path, graph: str | None = None) -> dict:
    """What the store at ``location`` holds, or its named graph ``graph`` (an IRI): organisations (with a region,
    alternative names, regions, countries), projects and participations; with ``graph``, also its statements and
    its organisations by type."""
    import pyoxigraph as ox

    from kg.store import open_snapshot

    _, store = open_snapshot(location)
    scope = {"default_graph": ox.NamedNode(graph)} if graph else {"use_default_graph_as_union": True}
    row = next(iter(store.query(_COUNTS, **scope)))
    found = {key: int(row[key].value) for key in ("organisations", "with_region", "alternative_names", "regions",
                                                  "countries", "projects", "participations")}
    if graph:
        found["statements"] = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        found["types"] = {row["type"].value.rsplit("/", 1)[-1]: int(row["n"].value)
                          for row in store.query(_TYPES, **scope)}
    return found
