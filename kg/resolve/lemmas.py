"""Lemmas of inflected names (``Województwa Lubelskiego`` → ``Województwo Lubelskie``), fast after the first time.

:mod:`simplemma` ships a dictionary per language (inflected form → lemma). Decoding one is what
costs: about 4 s for Polish or Finnish, 29 s for the 31 languages of the graph's labels. A name can
only match a label through a lemma close to a word of some label, so :class:`Lemmas` looks words
up in dictionaries cut down to the entries whose lemma is such a word or begins with the same six
bytes as one (so ``lubelskim`` keeps its lemma ``lubelski``, which scores 94 against
``Lubelskie``): about 23,000 entries for Polish instead of 3.7 million. Each cut-down dictionary
is built the first time a name needs that language and, when a directory is given (the
resolver's cache beside the store, :mod:`kg.resolve.cache`), written there as JSON and read back
by later processes in milliseconds.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

__all__ = ["LETTER_LANGUAGES", "SIMPLEMMA_LANGUAGES", "Lemmas", "hinted_languages"]

# Language tags of labels → simplemma language codes.
SIMPLEMMA_LANGUAGES = {
    "bg": "bg", "cs": "cs", "da": "da", "de": "de", "el": "el", "en": "en", "es": "es", "et": "et",
    "fi": "fi", "fr": "fr", "ga": "ga", "hr": "hbs", "sr": "hbs", "bs": "hbs", "hu": "hu", "it": "it",
    "lt": "lt", "lv": "lv", "nl": "nl", "pl": "pl", "pt": "pt", "ro": "ro", "sk": "sk", "sl": "sl",
    "sv": "sv", "ca": "ca", "gl": "gl", "is": "is", "nb": "nb", "nn": "nn", "no": "nb", "mk": "mk",
    "sq": "sq", "tr": "tr", "uk": "uk", "ru": "ru",
}
# Letters that only some languages write: a hint which dictionaries to try when no candidate is close.
LETTER_LANGUAGES = (
    ("łąęśżźćń", "pl"), ("șțşţăâî", "ro"), ("äöüß", "de"), ("řůěčšž", "cs"), ("őű", "hu"),
    ("ėįųūč", "lt"), ("āēīūņļķģ", "lv"), ("ãõç", "pt"), ("ñ", "es"), ("åø", "sv"), ("ľĺŕô", "sk"),
    ("đ", "hr"), ("èàòù", "it"), ("éêëç", "fr"),
)
#: Each letter of LETTER_LANGUAGES → the languages that write it (a letter in two lists hints at both).
_LETTER_LANGUAGE: dict[str, set[str]] = {}
for _letters, _language in LETTER_LANGUAGES:
    for _char in _letters:
        _LETTER_LANGUAGE.setdefault(_char, set()).add(SIMPLEMMA_LANGUAGES[_language])
_WORD = re.compile(r"\w+")
_PREFIX = 6  # bytes of a lemma that must begin a label word for its dictionary entries to be kept


def hinted_languages(name: str) -> set[str]:
    """Return the simplemma languages whose letters ``name`` contains (``ł`` → Polish, ``ș`` → Romanian …).

    Examples
    --------
    >>> sorted(hinted_languages("Łódź"))
    ['pl']
    """
    return set().union(*(_LETTER_LANGUAGE[char] for char in set(name.casefold()) & _LETTER_LANGUAGE.keys()))


def words_of(labels: Iterable[str]) -> list[str]:
    """Return the distinct words of ``labels`` as written, sorted (the vocabulary :class:`Lemmas` keeps)."""
    return sorted({word for label in labels for word in _WORD.findall(label) if not word.isdigit()})


@lru_cache(maxsize=1)
def _simplemma_dictionaries() -> tuple[Path, ...]:
    """simplemma's dictionary files, found without importing it (its rules take 0.1-0.3 s to import)."""
    spec = importlib.util.find_spec("simplemma")
    if spec is None or not spec.submodule_search_locations:
        return ()
    data = Path(next(iter(spec.submodule_search_locations))) / "strategies" / "dictionaries" / "data"
    return tuple(sorted(data.glob("*.plzma")))


def simplemma_languages() -> frozenset[str]:
    """Return the languages simplemma has a dictionary for."""
    return frozenset(path.stem for path in _simplemma_dictionaries())


def simplemma_data_size() -> int:
    """Return the total size of simplemma's dictionary files (it changes when a new version changes them)."""
    return sum(path.stat().st_size for path in _simplemma_dictionaries())


def _full_dictionary(language: str) -> Iterable[tuple[bytes, bytes]]:
    """Yield (form, lemma) of simplemma's dictionary for ``language``, UTF-8 encoded."""
    try:  # the bytes dictionary itself: a third faster than decoding every entry through the public mapping
        from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

        raw = _load_dictionary_from_disk(language)
    except ImportError:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        for form, lemma in DefaultDictionaryFactory(cache_max_size=0).get_dictionary(language).items():
            yield form.encode(), lemma.encode()
        return
    yield from raw.items()


class Lemmas:
    """Lemmatise names in a language with simplemma, against dictionaries cut down to ``vocabulary``.

    Parameters
    ----------
    vocabulary : iterable of str
        The words of the labels names are matched against, as written.
    directory : Path, optional
        Where cut-down dictionaries are kept between processes (``lemmas-LANG.json``); None keeps
        them in memory only.
    """

    def __init__(self, vocabulary: Iterable[str], directory: Path | None = None) -> None:
        variants = {variant.encode() for word in set(vocabulary)
                    for variant in (word, word.lower(), word.capitalize())}
        self._prefixes = {variant[:_PREFIX] for variant in variants if len(variant) >= _PREFIX}
        self._short = {variant for variant in variants if len(variant) < _PREFIX}
        self._directory = directory
        self._dictionaries: dict[str, dict[str, str]] = {}

    def dictionary(self, language: str) -> dict[str, str]:
        """Return the cut-down dictionary of ``language`` (from memory, the directory, or built now)."""
        found = self._dictionaries.get(language)
        if found is None:
            found = self._read(language)
            if found is None:
                found = {form.decode(): lemma.decode() for form, lemma in _full_dictionary(language)
                         if form != lemma and (lemma[:_PREFIX] in self._prefixes or lemma in self._short)
                         } if language in simplemma_languages() else {}
                self._write(language, found)
            self._dictionaries[language] = found
        return found

    def lemma(self, token: str, language: str) -> str:
        """Return the lemma of ``token`` in ``language``: its dictionary entry as written, or with the case of
        its first letter flipped (as simplemma looks words up), else ``token`` itself.

        simplemma's rules for words its dictionary lacks are not applied: on the 207 names and 328
        typos of ``benchmarks/resolve_thresholds.py`` they change no answer, and importing them
        (400 regular expressions) takes 0.3-0.7 s, more than a cached ``eukg resolve`` may.
        """
        dictionary = self.dictionary(language)
        found = dictionary.get(token)
        if found is None:
            found = dictionary.get(token.lower() if token[:1].isupper() else token.capitalize())
        return found if found is not None else token

    def variants(self, name: str, language: str) -> list[str]:
        """Return ``name`` lemmatised in ``language``, word by word as written and with each word capitalised.

        Proper nouns lemmatise to their capitalised nominative (``Lubelskiego`` → ``Lubelskie``),
        common nouns to the lower-case lemma (``województwa`` → ``województwo``); both are returned.
        """
        words = _WORD.findall(name)
        found = {
            " ".join(self.lemma(w, language) for w in words),
            " ".join(self.lemma(w[:1].upper() + w[1:], language) for w in words),
        }
        return sorted(found)

    # ------------------------------------------------------------------ persistence

    def _path(self, language: str) -> Path | None:
        return self._directory / f"lemmas-{language}.json" if self._directory is not None else None

    def _read(self, language: str) -> dict[str, str] | None:
        path = self._path(language)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # unreadable or half-written by a killed process: build it again
        return data if isinstance(data, dict) else None

    def _write(self, language: str, dictionary: dict[str, str]) -> None:
        path = self._path(language)
        if path is not None:
            write_json(path, dictionary)


def write_json(path: Path, data: object) -> bool:
    """Write ``data`` as JSON to ``path`` atomically (a temporary file renamed); False when the disk refuses."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the store beside it is readable
        os.replace(temporary, path)
    except OSError:
        return False
    return True
