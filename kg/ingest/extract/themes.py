"""Themes: the theme concepts whose words (in :data:`kg.ingest.lexicon.THEMES`) the text uses."""

from __future__ import annotations

import regex

from kg.ingest import lexicon
from kg.ingest.entities import Finding
from kg.ingest.extract.context import Context

__all__ = ["find_themes"]


def find_themes(ctx: Context) -> None:
    """Add one finding per theme whose words occur in the text."""
    for theme, words in lexicon.THEMES.items():
        hit = regex.search(words, ctx.text, regex.IGNORECASE if theme != "sme-support" else 0)
        concept = ctx.reference.concept("Theme", theme)
        if hit and concept is not None:
            ctx.add(Finding("theme", theme, "resolved", ctx.sentence_at(hit.start()).text.strip(), str(concept),
                            score=0.6))
