"""Property-based tests: no parameter value changes a query's structure; no file content crashes a load."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError, QueryError
from kg.sparql.queries import find, run
from kg.store import load_file


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=60))
def test_any_acronym_value_only_filters(store: ox.Store, value: str) -> None:
    result = run(find("project_partners"), store, {"project_acronym": value})
    assert all(str(row[0]).lower() == value.lower() for row in result.rows)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=40))
def test_any_integer_parameter_is_checked(store: ox.Store, value: str) -> None:
    try:
        result = run(find("events"), store, {"year": value})
    except QueryError as error:
        assert "integer" in str(error)
    else:
        assert all(str(row[3]).startswith(value.strip().lstrip("+").zfill(4)) for row in result.rows)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".rdf", ".trig"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300))
def test_random_bytes_load_or_fail_cleanly(tmp_path_factory: pytest.TempPathFactory, suffix: str, content: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / f"input{suffix}"
    path.write_bytes(content)
    store = ox.Store()
    try:
        load_file(store, path, "https://example.org/g")
    except InputError as error:
        assert str(path) in str(error)
