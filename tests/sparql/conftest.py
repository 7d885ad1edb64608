"""Fixtures of the SPARQL area: whether Wikidata can be reached, and the named queries."""

from __future__ import annotations

import socket

import pytest


@pytest.fixture(scope="session")
def wikidata_reachable() -> bool:
    """Whether query.wikidata.org answers a TCP connection within three seconds."""
    try:
        with socket.create_connection(("query.wikidata.org", 443), timeout=3):
            return True
    except OSError:
        return False
