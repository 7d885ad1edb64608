"""An ASGI app that answers every request with the bytes of one file: the HTTP layer of uvicorn alone.

:mod:`benchmarks.serve_load` runs it under uvicorn (``--uvicorn PYTHON``, an interpreter that has
uvicorn, which the project does not depend on) with the bytes of ``eukg serve``'s ``/queries.json``,
to compare what another HTTP layer serves with the ``http only`` row of ``eukg serve``.
"""

from __future__ import annotations

import os
from pathlib import Path

BODY = Path(os.environ["FIXED_ANSWER_FILE"]).read_bytes()
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope: dict, receive, send) -> None:
    """Answer an HTTP request with :data:`BODY`; ignore lifespan events."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
