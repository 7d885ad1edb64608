"""First names: ``gender-guesser``'s dictionary of about 48,000 European and other first names (4 MB, read in
about 0.3 s; ``names-dataset`` was measured too: 11 s and 1.9 GB to load, too heavy to load per command).

The article extractor finds persons by them (:mod:`kg.ingest.extract.persons`); record linkage reads a patron's
first name in another case by them ("Teatr im. Jana Kochanowskiego", the "Jan Kochanowski Theatre").

Examples
--------
>>> is_first_name("Jan"), is_first_name("Ministry")
(True, False)
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from kg.resolve.normalise import fold, normalise

__all__ = ["first_names", "is_first_name"]


@cache
def first_names() -> frozenset[str]:
    """Return the folded first names of gender-guesser's dictionary (European and other countries)."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 30:
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            name = parts[1]
            for variant in {name.replace("+", " "), name.replace("+", "-"), name.replace("+", "")}:
                names.add(fold(variant))
    return frozenset(names)


@lru_cache(maxsize=50_000)
def is_first_name(word: str) -> bool:
    """True when ``word`` is a first name of the name list (Greek and Cyrillic words transliterated)."""
    key = normalise(word) if not word.isascii() and any(ord(c) > 0x036F for c in word) else fold(word)
    return len(key) >= 2 and key in first_names()
