"""Reading a document safely: size limit, encoding, binary files, HTML to text, language, sentences."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError

__all__ = ["LANGUAGES", "MAX_ARTICLE_BYTES", "Document", "detect_language", "language_name", "read_document",
           "sentences"]

#: Articles larger than this are refused: news items and event pages are a few kB; 2 MiB is far above any.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
#: The 24 official languages of the EU (ISO 639-1): the languages ingestion supports.
LANGUAGES = ("bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv", "lt", "mt",
             "pl", "pt", "ro", "sk", "sl", "es", "sv")
#: Other languages the detector knows, so that a text in one of them is named and refused, not taken for English.
_OTHERS = ("JAPANESE", "CHINESE", "KOREAN", "RUSSIAN", "UKRAINIAN", "ARABIC", "TURKISH", "HINDI", "HEBREW",
           "PERSIAN", "THAI", "VIETNAMESE", "INDONESIAN", "SERBIAN", "ALBANIAN", "BOSNIAN", "MACEDONIAN",
           "BELARUSIAN", "GEORGIAN", "ARMENIAN", "AZERBAIJANI", "NYNORSK", "BOKMAL", "ICELANDIC", "CATALAN",
           "BASQUE", "LATIN", "ESPERANTO", "WELSH", "AFRIKAANS", "SWAHILI")


@dataclass(frozen=True)
class Document:
    """A document's plain text, its content hash, its media type and its language (if known)."""

    path: Path
    text: str
    sha256: str
    media_type: str


class _TextOfHtml(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
              "footer", "title", "td", "th", "ul", "ol", "table", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == "a":
            for name, value in attrs:
                if name == "href" and value and value.startswith("mailto:"):
                    self.parts.append(f" {value[7:]} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML page, one block per line."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(path, "a binary file (it contains NUL bytes), not a text or HTML article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start} cannot be "
                               "decoded (Latin-1 or Windows-1252? re-save the file as UTF-8)") from None


def read_document(path: Path) -> Document:
    """Read a plain-text or HTML article, refusing empty, oversized, binary and non-UTF-8 files.

    Raises
    ------
    InputError
        With the file name and what is wrong.
    """
    if not path.is_file():
        raise InputError(path, "no such file")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(path, f"the file is {size / 1e6:.1f} MB, larger than the {MAX_ARTICLE_BYTES // 2**20} MiB "
                               "limit for one article")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "the file is empty")
    text = _decode(path, data)
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 8:
        raise InputError(path, "a binary file (it contains control characters), not a text or HTML article")
    media_type = "text/plain"
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or re.match(r"\s*(<!doctype html|<html)", text, re.I):
        text = html_to_text(text)
        media_type = "text/html"
    if not text.strip():
        raise InputError(path, "the file has no text")
    return Document(path, text, hashlib.sha256(data).hexdigest(), media_type)


@cache
def _detector():  # noqa: ANN202 - lingua's type
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    codes = {getattr(IsoCode639_1, code.upper(), None) for code in LANGUAGES}
    languages = [language for language in Language.all() if language.iso_code_639_1 in codes]
    languages += [getattr(Language, name) for name in _OTHERS if hasattr(Language, name)]
    # Low-accuracy mode (trigram models only): 0.4 s and 70 MB to load, against 6 s and 600 MB for the full
    # models of these languages; articles are long enough for trigrams (dev set: see docs/ingest-quality.md).
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the language of ``text`` (``en`` when the detector cannot tell).

    The detector knows the 24 official EU languages and some 30 others, so that a Japanese or Russian
    text is named as such (and refused by ingestion) rather than taken for English.
    """
    found = _detector().detect_language_of(text[:5000])
    return found.iso_code_639_1.name.lower() if found is not None else "en"


def language_name(code: str) -> str:
    """Return the English name of the language with ISO 639-1 ``code`` ("ja" → "Japanese")."""
    from lingua import IsoCode639_1, Language

    iso = getattr(IsoCode639_1, code.upper(), None)
    found = next((language for language in Language.all() if language.iso_code_639_1 == iso), None)
    return found.name.capitalize() if found is not None else code


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"„“«(]?[A-ZÀ-ÖØ-ÞĀ-ŽΑ-Ω0-9])|\n\s*")


def sentences(text: str) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, sentence) pairs at sentence ends and line breaks."""
    result = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        chunk = text[start:match.start()]
        if chunk.strip():
            result.append((start, chunk))
        start = match.end()
    if text[start:].strip():
        result.append((start, text[start:]))
    return result
