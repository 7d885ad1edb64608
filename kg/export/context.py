"""The JSON-LD ``@context`` of the release: the project's prefix map, kept in the repository as ``context.jsonld``.

The file is generated from :data:`kg.namespaces.PREFIXES` (``python -m kg.export.context``) and a test
fails when the two drift. Release JSON-LD files carry the same context inline, so a reader needs no
network access to expand them; the file is also shipped in the release and is served under
:data:`CONTEXT_URL` for documents that refer to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from kg.namespaces import PREFIXES

CONTEXT_FILE = Path(__file__).with_name("context.jsonld")
CONTEXT_URL = "https://w3id.org/eu-regional-kg/context.jsonld"


def context() -> dict[str, str]:
    """Return the ``@context`` object: each project prefix mapped to its namespace, sorted by prefix.

    Examples
    --------
    >>> context()["ekg"]
    'https://w3id.org/eu-regional-kg/ontology#'
    """
    return {prefix: PREFIXES[prefix] for prefix in sorted(PREFIXES)}


def context_text() -> str:
    """Return the text of ``context.jsonld`` as it should be."""
    return json.dumps({"@context": context()}, indent=2, ensure_ascii=False) + "\n"


def load_context() -> dict:
    """Return the ``@context`` object stored in the repository's ``context.jsonld``."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def document_loader() -> Callable[[str, dict | None], dict]:
    """Return a pyld document loader that serves the project's context from the repository and nothing else.

    pyld's default loader fetches any remote context; a release must expand without the network, so this
    loader answers :data:`CONTEXT_URL` from ``context.jsonld`` and refuses every other URL.
    """
    from pyld.jsonld import JsonLdError

    document = {"@context": load_context()}

    def load(url: str, options: dict | None = None) -> dict:
        if url != CONTEXT_URL:
            raise JsonLdError(f"refusing to fetch {url}: only {CONTEXT_URL} is served, from the repository",
                              "jsonld.LoadDocumentError", code="loading document failed")
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": document}

    return load


def main() -> None:
    """Regenerate ``context.jsonld`` from the prefix map."""
    CONTEXT_FILE.write_text(context_text(), encoding="utf-8")
    print(f"wrote {CONTEXT_FILE}")


if __name__ == "__main__":
    main()
