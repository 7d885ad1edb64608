"""Which of many texts can reach a score against a query: a bound from letter counts, before rapidfuzz scores.

:meth:`kg.resolve.Resolver.resolve` scores a name's core against the cores of every label of a type
(``fuzz.ratio``, keeping those of at least :data:`~kg.resolve.thresholds.FLOOR`). rapidfuzz scores
each of them, so one name costs time in proportion to the labels of the graph: 10 ms at 31,000
organisation labels, and a dataset of 24,000 new organisations (Kohesio's beneficiaries) built after
the others spent most of its build in that scan. ``fuzz.ratio`` is ``200 * LCS / (len(a) +
len(b))``, and the longest common subsequence of two texts has at most, of each letter, the fewer of
the two counts; so the sum of those minima over the letters bounds the score from above, and a text
whose bound is below the cut-off cannot reach it. :class:`LetterCounts` keeps the counts of every
text as columns of an array and returns, in their order, the texts that may reach the cut-off
(about 2 % of the labels for a typical name): rapidfuzz then scores those only, with the same
scores, the same positions and so the same order as over all of them.

>>> counts = LetterCounts(["lublin", "lubelskie", "krakow"])
>>> [int(i) for i in counts.possible("lublin", 60.0)]  # "krakow" cannot reach 60
[0, 1]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["LetterCounts"]

#: The letters counted one by one (the alphabet of normalised cores); every other character is counted
#: in one bucket, which only raises the bound (two different characters there count as if alike).
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz "
_OTHER = len(_ALPHABET)
_BUCKET = np.full(128, _OTHER, dtype=np.int64)
_BUCKET[[ord(c) for c in _ALPHABET]] = np.arange(_OTHER)
#: The most of one letter counted in a text (the counts are bytes).
_MOST = 255
#: A margin for the float comparison with the cut-off: a text at the limit is kept, never dropped.
_MARGIN = 1e-6


def _buckets(text: str) -> np.ndarray:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return np.where(codes < 128, _BUCKET[np.minimum(codes, 127)], _OTHER)


class LetterCounts:
    """The letter counts of ``texts``, to find those whose ``fuzz.ratio`` with a query may reach a cut-off."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), self.lengths)
        cells = rows * (_OTHER + 1) + _buckets("".join(texts))
        counts = np.bincount(cells, minlength=len(texts) * (_OTHER + 1)).reshape(len(texts), _OTHER + 1)
        # One array per letter, of counts up to _MOST: min(count, q) is exact for any q of at most _MOST.
        self.columns = np.ascontiguousarray(np.minimum(counts.T, _MOST).astype(np.uint8))
        self.texts = np.empty(len(texts), dtype=object)
        self.texts[:] = list(texts)

    def texts_at(self, positions: np.ndarray) -> list[str]:
        """Return the texts at ``positions`` (of :meth:`possible`), in that order."""
        return self.texts[positions].tolist()

    def possible(self, query: str, cutoff: float) -> np.ndarray:
        """Return the positions, ascending, of the texts whose ``fuzz.ratio`` with ``query`` may reach ``cutoff``."""
        wanted = np.bincount(_buckets(query), minlength=_OTHER + 1)
        if wanted.max(initial=0) > _MOST:  # a query of more than _MOST of one letter: every text may
            return np.arange(len(self.lengths))
        shared = np.zeros(len(self.lengths), dtype=np.uint16)  # at most 38 letters of _MOST each
        least = np.empty(len(self.lengths), dtype=np.uint8)
        for letter in np.flatnonzero(wanted):
            np.minimum(self.columns[letter], np.uint8(wanted[letter]), out=least)
            shared += least
        return np.flatnonzero(200.0 * shared >= (cutoff - _MARGIN) * (self.lengths + len(query)))
