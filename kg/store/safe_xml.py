"""Refuse hostile XML before an RDF/XML parser sees it.

pyoxigraph's RDF/XML parser expands internal entities without a limit (a "billion laughs"
document of a few hundred bytes expands to gigabytes). Internal entities are legitimate in
RDF/XML (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``), so they are not refused outright:
the file is first read by expat through defusedxml, which refuses external entities and DTDs
that point outside the file, and whose amplification limit stops entity-expansion bombs.
"""

from __future__ import annotations

import xml.sax
from pathlib import Path

import defusedxml.sax
from defusedxml import DefusedXmlException

from kg.errors import InputError


def check_rdfxml(path: Path) -> None:
    """Raise :class:`InputError` when ``path`` has external entities or expands entities abusively."""
    try:
        defusedxml.sax.parse(
            str(path),
            xml.sax.ContentHandler(),
            forbid_dtd=False,
            forbid_entities=False,
            forbid_external=True,
        )
    except DefusedXmlException as error:
        raise InputError(path, f"refused: the XML declares an external entity or DTD ({error})") from None
    except xml.sax.SAXParseException as error:
        message = error.getMessage()
        if "amplification" in message:
            message = f"refused: entity expansion too large, a possible entity-expansion bomb ({message})"
        else:
            message = f"not well-formed XML: {message}"
        raise InputError(path, message, line=error.getLineNumber()) from None
