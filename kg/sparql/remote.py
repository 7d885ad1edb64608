"""Run named queries on a remote SPARQL 1.1 endpoint through SPARQLWrapper.

The query text is the one :meth:`kg.sparql.queries.NamedQuery.bind` gives (parameters as ``VALUES``
terms; the embedded store binds them with pyoxigraph's ``substitutions``), sent unchanged. The answer
comes back as the same :class:`kg.sparql.queries.Result` of rdflib terms, so CSV and JSON output do
not depend on where the query ran. A failed attempt is retried with exponential back-off when it may
succeed later (refused connection, timeout, server error); every failure ends as one
:class:`RemoteError` line that says which endpoint failed and how.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SELECT, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    Unauthorized,
    URITooLong,
)

from kg.errors import KgError
from kg.sparql.queries import NamedQuery, Result

__all__ = ["Endpoint", "RemoteError", "parse_json_results", "run_remote", "select_remote", "to_term"]

USER_AGENT = "eu-regional-kg (https://w3id.org/eu-regional-kg)"


class RemoteError(KgError):
    """A remote endpoint is down, too slow, refuses the query, or answers something that is not results."""


class _Retryable(Exception):
    """An attempt failed in a way that may not happen again; ``message`` says how."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL 1.1 query endpoint and how to talk to it.

    Parameters
    ----------
    url : str
        The query endpoint, such as ``http://localhost:8890/sparql``.
    user, password : str, optional
        Credentials; HTTP Basic is tried first, Digest when the server asks for it.
    timeout : float, optional (default=30)
        Seconds to wait for a connection and for each read.
    retries : int, optional (default=2)
        How many times a failed attempt is repeated.
    backoff : float, optional (default=0.5)
        Seconds before the first retry; the wait doubles at each retry.
    """

    url: str
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0
    retries: int = 2
    backoff: float = 0.5


def to_term(binding: Mapping[str, str]) -> Node:
    """Return the rdflib term of one SPARQL 1.1 JSON results binding.

    A simple literal comes back as an ``xsd:string`` literal, as the embedded store returns it, and
    SPARQL 1.0's ``typed-literal`` (still sent by Virtuoso) is read as a literal.
    """
    kind = binding.get("type")
    value = binding.get("value")
    if not isinstance(value, str):
        raise ValueError(f"a binding without a string value: {binding!r}")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return Literal(value, lang=binding["xml:lang"])
        return Literal(value, datatype=URIRef(binding.get("datatype") or XSD.string))
    raise ValueError(f"a binding of unknown type {kind!r}")


def parse_json_results(body: bytes) -> Result:
    """Return the rows of a SPARQL 1.1 Query Results JSON document, or raise :class:`ValueError`."""
    document = json.loads(body.decode("utf-8"))
    if not isinstance(document, dict) or not isinstance(document.get("head"), dict):
        raise ValueError("no 'head' object")
    columns = document["head"].get("vars")
    bindings = (document.get("results") or {}).get("bindings") if isinstance(document.get("results"), dict) else None
    if not isinstance(columns, list) or not isinstance(bindings, list):
        raise ValueError("not the results of a SELECT query ('head.vars' and 'results.bindings' expected)")
    rows = []
    for solution in bindings:
        if not isinstance(solution, dict):
            raise ValueError("a solution is not an object")
        rows.append(tuple(to_term(solution[c]) if c in solution else None for c in columns))
    return Result([str(c) for c in columns], rows)


def _wrapper(endpoint: Endpoint, text: str, auth: str) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(endpoint.url, agent=USER_AGENT)
    wrapper.setQuery(text)
    wrapper.queryType = SELECT  # its keyword sniffing takes words in comments for updates ("ADD")
    wrapper.setMethod(POST)
    wrapper.setRequestMethod(URLENCODED)
    wrapper.setReturnFormat(JSON)
    wrapper.setTimeout(endpoint.timeout)
    wrapper.timeout = endpoint.timeout  # setTimeout truncates to whole seconds; urlopen takes a float
    if endpoint.user is not None:
        wrapper.setHTTPAuth(auth)
        wrapper.setCredentials(endpoint.user, endpoint.password or "")
    return wrapper


def _short(body: object, limit: int = 200) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _attempt(endpoint: Endpoint, text: str, auth: str) -> Result:
    """Send the query once; raise :class:`_Retryable` or :class:`RemoteError` when it fails."""
    url = endpoint.url
    try:
        response = _wrapper(endpoint, text, auth).query().response
        content_type = response.headers.get("Content-Type", "") if response.headers else ""
        body = response.read()
    except (QueryBadFormed, URITooLong) as error:
        raise RemoteError(f"{url} refused the query as malformed: {_short(error)}") from None
    except EndPointNotFound:
        raise RemoteError(f"{url} is not a SPARQL endpoint (HTTP 404 Not Found)") from None
    except Unauthorized:
        raise RemoteError(f"{url} refused the credentials (HTTP 401 Unauthorized)") from None
    except EndPointInternalError as error:
        raise _Retryable(f"{url} failed with HTTP 500: {_short(error)}") from None
    except urllib.error.HTTPError as error:
        if error.code >= 500 or error.code == 429:
            raise _Retryable(f"{url} answered HTTP {error.code} {error.reason}") from None
        raise RemoteError(f"{url} answered HTTP {error.code} {error.reason}: {_short(error.read())}") from None
    except TimeoutError:
        raise _Retryable(f"{url} did not answer within {endpoint.timeout:g} s") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise _Retryable(f"{url} did not answer within {endpoint.timeout:g} s") from None
        raise _Retryable(f"{url} is down or unreachable: {getattr(reason, 'strerror', None) or reason}") from None
    except (ConnectionError, http.client.HTTPException) as error:
        raise _Retryable(f"{url} dropped the connection: {error.__class__.__name__} {error}") from None
    except ValueError as error:
        raise RemoteError(f"{endpoint.url} is not a valid endpoint URL: {error}") from None
    try:
        return parse_json_results(body)
    except (ValueError, KeyError, UnicodeDecodeError) as error:
        kind = content_type.split(";")[0].strip() or "no content type"
        raise RemoteError(
            f"{url} did not answer SPARQL JSON results ({kind}: {error}); it began with: {_short(body, 80)!r}"
        ) from None


def select_remote(
    endpoint: Endpoint, text: str, sleep: Callable[[float], None] = time.sleep
) -> Result:
    """Run the SELECT query ``text`` on ``endpoint``, retrying with exponential back-off.

    Raises
    ------
    RemoteError
        After the last attempt failed, or at once when a retry cannot help (malformed query, bad
        credentials, no endpoint at that address, an answer that is not SPARQL JSON results).
    """
    auth = BASIC
    attempts = max(0, endpoint.retries) + 1
    last = ""
    for attempt in range(attempts):
        try:
            return _attempt(endpoint, text, auth)
        except RemoteError as error:
            if "401" in str(error) and auth == BASIC and endpoint.user is not None:
                auth = DIGEST  # the server may only speak Digest (Virtuoso's /sparql-auth)
                try:
                    return _attempt(endpoint, text, auth)
                except _Retryable as retry:
                    last = retry.message
                    continue
            raise
        except _Retryable as error:
            last = error.message
        if attempt + 1 < attempts:
            sleep(endpoint.backoff * 2**attempt)
    tries = "attempt" if attempts == 1 else "attempts"
    raise RemoteError(f"{last} (gave up after {attempts} {tries})")


def run_remote(
    query: NamedQuery,
    endpoint: Endpoint,
    values: Mapping[str, str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Result:
    """Run the named ``query`` on ``endpoint`` with ``values`` bound exactly as for the embedded store."""
    result = select_remote(endpoint, query.bind(values), sleep=sleep)
    if query.columns and result.columns != list(query.columns):
        raise RemoteError(
            f"{endpoint.url} answered columns {result.columns} for {query.name}, not {list(query.columns)}"
        )
    return result
