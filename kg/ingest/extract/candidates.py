"""Candidate names: tokens, capitalised spans, acronyms, quoted titles and parentheses of a sentence.

Every later step (organisations, persons, places, projects) works on the :class:`Sentence` objects
made here: the sentence's text, its offset in the document and its tokens with their folded form
(:func:`kg.resolve.normalise.fold`, the one fold that keeps each script).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from kg.resolve.normalise import fold

__all__ = ["Sentence", "Token", "fold", "is_acronym", "is_capitalised", "split_sentences"]

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-'’.&+/][\p{L}\p{M}\p{N}]+)*|[„“”\"«»()]")
_SENTENCE_END = regex.compile(r"(?<=[.!?;])(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mme|Hr|Fr|Ing|Mgr|Inż|dr|prof|mgr|inż|ing|"
                              r"dott|Dott|Sig|sig|Sr|Sra|nr|Nr|ul|pl|tel|Tel|κ|Κ))\s+(?=[\"„“«(]?[\p{Lu}\d])|\n\s*")
_QUOTES = "„“”\"«»"
#: Elided articles and prepositions written onto the next word ("dell'Università", "L’Autorità", "d'Europe").
_ELISION = regex.compile(r"(?i)^((?:[dlnsjcmt]|dell|dall|all|nell|sull|coll|quell|quest|un|qu|tutt|sant)['’])"
                         r"(\p{L}.*)$")


def is_capitalised(word: str) -> bool:
    """True for a word that starts with a capital letter or a digit followed by a letter ("4Pillars")."""
    if not word:
        return False
    if word[0].isupper():
        return True
    return word[0].isdigit() and any(c.isalpha() for c in word) and any(c.isupper() for c in word)


_LOWER_RUN = regex.compile(r"\p{Ll}{3,}")


@lru_cache(maxsize=100_000)
def is_acronym(word: str) -> bool:
    """True for an acronym: at least two capitals and no run of three or more lower-case letters."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or sum(1 for c in letters if c.isupper()) < 2:
        return False
    return _LOWER_RUN.search(word) is None and word[0].isupper() or word.isupper()


@dataclass(frozen=True)
class Token:
    """A word (or quote mark, or parenthesis) of a sentence."""

    text: str
    start: int  # offset in the document
    end: int
    folded: str

    @property
    def cap(self) -> bool:
        return is_capitalised(self.text)

    @property
    def punct(self) -> bool:
        return self.text in _QUOTES or self.text in "()"


@dataclass
class Sentence:
    """A sentence (or line) of the document with its tokens."""

    text: str
    start: int
    tokens: list[Token] = field(default_factory=list)

    def span_text(self, first: int, last: int) -> str:
        """Return the document text of tokens ``first``..``last`` (inclusive), quotes trimmed."""
        a, b = self.tokens[first].start - self.start, self.tokens[last].end - self.start
        return self.text[a:b].strip(_QUOTES + " ()")

    def words(self) -> list[int]:
        """Return the indices of word tokens (not quote marks or parentheses)."""
        return [i for i, t in enumerate(self.tokens) if not t.punct]


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (at sentence ends and line breaks) and tokenise each."""
    out = []
    start = 0
    bounds = [m for m in _SENTENCE_END.finditer(text)]
    for match in [*bounds, None]:
        end = match.start() if match is not None else len(text)
        chunk = text[start:end]
        if chunk.strip():
            sentence = Sentence(chunk, start)
            sentence.tokens = _tokens(chunk, start)
            out.append(sentence)
        if match is not None:
            start = match.end()
    return out


def _tokens(chunk: str, offset: int) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(chunk):
        word, at = m.group(0), offset + m.start()
        elided = _ELISION.match(word)
        if elided:
            cut = len(elided.group(1))
            tokens.append(Token(word[:cut], at, at + cut, fold(word[:cut])))
            word, at = word[cut:], at + cut
        tokens.append(Token(word, at, at + len(word), fold(word)))
    return tokens


def quoted(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Return (start, end, text) of the quoted passages of a sentence ("„Olza”", «title»)."""
    found = []
    for match in regex.finditer(r"[„“\"«]([^„“”\"«»\n]{2,160})[”“\"»]", sentence.text):
        found.append((sentence.start + match.start(1), sentence.start + match.end(1), match.group(1).strip()))
    return found


def parenthesised(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Return (start, end, text) of the parenthesised passages of a sentence ("(Spagna)", "(ANEL)")."""
    return [(sentence.start + m.start(1), sentence.start + m.end(1), m.group(1).strip())
            for m in regex.finditer(r"\(\s*([^()\n]{1,80}?)\s*\)", sentence.text)]
