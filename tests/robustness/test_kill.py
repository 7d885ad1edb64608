"""A build killed with SIGKILL midway leaves the previous store intact and usable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build.stats import stats
from kg.sparql.queries import find, run
from kg.store import open_store
from kg.store.writer import build


def _abandoned(location: Path) -> list[Path]:
    return [p for p in location.parent.glob(f".{location.name}-*") if p != location.resolve()]


@pytest.mark.slow
def test_sigkill_during_build_keeps_previous_store(tmp_path: Path) -> None:
    location = tmp_path / "store"
    build(location, validate=False)
    before = stats(open_store(location))["graphs"]
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from kg.store.writer import build; build(sys.argv[1])", str(location)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not _abandoned(location) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.poll() is None, "the build finished before it could be killed"
    time.sleep(0.5)  # let it load part of the data
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    killed = _abandoned(location)
    assert killed, "the killed build left no directory: it was not killed midway"

    store = open_store(location)
    assert stats(store)["graphs"] == before
    assert len(run(find("projects"), store).rows) == 6

    build(location, validate=False)  # the next build cleans up after the dead one
    assert not any(path.exists() for path in killed)
    assert stats(open_store(location))["graphs"] == before


@pytest.mark.slow
def test_sigkill_during_table_ingest_keeps_previous_store(tmp_path: Path) -> None:
    import csv

    location = tmp_path / "store"
    build(location, validate=False)
    before = stats(open_store(location))["graphs"]
    table = tmp_path / "partners.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Project acronym", "Project title", "Programme", "Priority", "Start date", "End date",
                         "Partner name", "Partner role", "Partner type", "Country", "NUTS", "Total budget", "ERDF"])
        for i in range(3000):
            writer.writerow([f"PRJ{i // 5}", f"Project {i // 5}", "Interreg Europe", "Innovation", "01/01/2020",
                             "31/12/2022", f"Organisation {i}", "Partner", "SME", "Poland", "PL81", "1000", "800"])
    child = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "ingest", "table", str(table), "--mapping", "keep_eu", "--store",
         str(location), "--no-save"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill it the moment it starts writing its copy of the store: the most delicate point.
    deadline = time.monotonic() + 120
    while not _abandoned(location) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if child.poll() is not None:
        pytest.skip("the ingest finished between two polls; no moment to kill it")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    store = open_store(location)
    after = stats(store)["graphs"]
    partners = [g for g in after if g.endswith("/source/partners")]
    # Either the old store, untouched, or (if the kill came after the atomic swap) the complete new one.
    assert after == before or ({g: n for g, n in after.items() if g not in partners} == before and partners)
    assert "SME4GREEN" in {str(row[0]) for row in run(find("project_partners"), store).rows}
