"""Generated sections of the docs: figures between two HTML comments, written from a results file.

>>> import tempfile
>>> page = Path(tempfile.mkdtemp()) / "page.md"
>>> _ = page.write_text("intro\\n<!-- x:start -->\\nold\\n<!-- x:end -->\\noutro\\n", encoding="utf-8")
>>> replace_section(page, "<!-- x:start -->", "<!-- x:end -->", "| new |")
>>> page.read_text(encoding="utf-8")
'intro\\n<!-- x:start -->\\n| new |\\n<!-- x:end -->\\noutro\\n'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["replace_section"]


def replace_section(docs: Path, start: str, end: str, body: str) -> None:
    """Replace what stands between the markers ``start`` and ``end`` of the page ``docs`` with ``body``."""
    text = docs.read_text(encoding="utf-8")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    docs.write_text(f"{head}{start}\n{body}\n{end}{tail}", encoding="utf-8")
