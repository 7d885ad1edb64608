"""Reading one HTTP request of ``eukg serve`` within its limits: a clear 400, 411 or 413, never a held thread.

The whole request must arrive within the read time-out (:class:`DeadlineReader`), however slowly
it trickles in. The body is read only after its ``Content-Length`` is checked (digits only, one value, at most the
size limit); a body that is shorter than announced gets a 400 when the client closes its side or
when the read time-out passes; text that is not UTF-8 (in the body or in a ``%``-escape) gets a 400.
After a refusal, :func:`drain` reads what the client is still sending, so that it reads the answer
instead of a connection reset.
"""

from __future__ import annotations

import re
import socket
import time
import urllib.parse
from email.message import Message
from typing import BinaryIO

from kg.sparql.serve_results import ProtocolError

__all__ = ["DeadlineReader", "content_length", "drain", "parse_form", "read_body"]

_DIGITS = re.compile(r"[0-9]+")
#: The most form fields a request may have (a SPARQL request has two or three).
MAX_FIELDS = 100


class DeadlineReader:
    """A socket's reader that gives up at a deadline for the whole request, not per read.

    A socket time-out bounds each read only, so a client that sends one byte of its headers every
    few seconds would hold a thread for ever; this reader shortens each read's time-out to what is
    left of ``seconds`` and raises :class:`TimeoutError` (setting :attr:`timed_out`) once it has passed.
    After each read the socket's time-out is ``seconds`` again, for the writes of the answer.
    """

    def __init__(self, raw: BinaryIO, connection: socket.socket, seconds: float) -> None:
        self._raw, self._connection, self._seconds = raw, connection, seconds
        self._deadline = time.monotonic() + seconds
        self.timed_out = False

    def _left(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            self.timed_out = True
            raise TimeoutError("the request took longer than the read time-out")
        self._connection.settimeout(left)

    def readline(self, limit: int = -1) -> bytes:
        """Read one line before the deadline."""
        self._left()
        try:
            return self._raw.readline(limit)
        except TimeoutError:
            self.timed_out = True
            raise
        finally:
            self._connection.settimeout(self._seconds)

    def read(self, size: int = -1) -> bytes:
        """Read ``size`` bytes before the deadline."""
        self._left()
        try:
            return self._raw.read(size)
        except TimeoutError:
            self.timed_out = True
            raise
        finally:
            self._connection.settimeout(self._seconds)

    def __getattr__(self, name: str) -> object:
        return getattr(self._raw, name)


def content_length(headers: Message, limit: int) -> int:
    """Return the body's length from ``headers``, checked against ``limit`` bytes.

    Raises
    ------
    ProtocolError
        400 for a length that is not a number of bytes or several differing lengths, 411 for a
        chunked body, 413 for a body over ``limit``.
    """
    values = {value.strip() for value in headers.get_all("Content-Length") or []}
    if not values:
        if headers.get("Transfer-Encoding"):
            raise ProtocolError(411, "send the body with a Content-Length (chunked transfer encoding is not supported)")
        return 0
    if len(values) > 1:
        raise ProtocolError(400, f"the request has several Content-Length values: {', '.join(sorted(values))}")
    [value] = values
    if not _DIGITS.fullmatch(value):
        raise ProtocolError(400, f"Content-Length {value[:40]!r} is not a number of bytes")
    length = int(value)
    if length > limit:
        raise ProtocolError(413, f"the request body has {length} bytes; this endpoint takes at most {limit} bytes")
    return length


def read_body(rfile: BinaryIO, length: int) -> str:
    """Read ``length`` bytes of body and return them as text.

    The socket's time-out bounds the wait (see :class:`kg.sparql.serve.SparqlServer`).

    Raises
    ------
    ProtocolError
        400 when fewer bytes come than announced, or the body is not UTF-8.
    """
    try:
        raw = rfile.read(length)
    except TimeoutError:
        raise ProtocolError(400, f"the body did not arrive: Content-Length says {length} bytes") from None
    if len(raw) < length:
        raise ProtocolError(400, f"the body has {len(raw)} bytes, its Content-Length says {length}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"the body is not UTF-8 text (byte {error.start})") from None


def parse_form(text: str) -> dict[str, list[str]]:
    """Parse a query string or form body; every ``%``-escape must decode as UTF-8.

    Raises
    ------
    ProtocolError
        400 for an escape that is not UTF-8 or too many fields.
    """
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"a %-escape of the request is not UTF-8 text: {error.reason}") from None
    except ValueError:
        raise ProtocolError(400, f"the request has more than {MAX_FIELDS} fields") from None


def drain(connection: socket.socket, most: int, seconds: float = 2.0) -> None:
    """Close our side, then read and drop up to ``most`` bytes the client still sends, for at most ``seconds``.

    A socket closed with unread data sends a reset, which can reach the client before it has read
    the answer (a 413 to an upload still under way); reading what comes lets it read the answer.
    """
    deadline = time.monotonic() + seconds
    try:
        connection.shutdown(socket.SHUT_WR)
        while most > 0 and (left := deadline - time.monotonic()) > 0:
            connection.settimeout(left)
            chunk = connection.recv(65536)
            if not chunk:
                return
            most -= len(chunk)
    except OSError:  # the client has gone, or the time is up
        return
