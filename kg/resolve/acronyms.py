"""Acronyms of organisation names: ``KU`` for ``Katholieke Universiteit``, ``CNRS`` for its long name.

An acronym is read as the first letters of a run of words, each word giving a prefix of itself of at
most :data:`MAX_PART` letters (``bwcon`` is *B*aden-*W*ürttemberg:*Con*nected), the last word any
prefix (``UBremen`` is *U*niversität *Bremen*), every word that is not a function word giving at
least one (``MFN`` is *M*useum *f*ür *N*aturkunde, ``CMC`` *C*âmara *M*unicipal de *C*oimbra);
function words and single letters may give none (:data:`SKIPPABLE`; the Polish ``na rzecz``, for, too). Words
are the folded words of :func:`kg.resolve.normalise` (a hyphen parts two words: ``Micro-Electronica``).

Examples
--------
>>> expansion("ku", ("katholieke", "universiteit", "leuven"))
(0, 2)
>>> expansion("cnrs", ("centre", "national", "de", "la", "recherche", "scientifique"))
(0, 6)
>>> expansion("lipova", ("obec", "lipova")) is None
True
"""

from __future__ import annotations

from functools import lru_cache

from kg.resolve.keys import FUNCTION_WORDS

__all__ = ["COMPOUND_PARTS", "INNER_LETTER", "MAX_ACRONYM", "MAX_PART", "MIN_INITIALS", "NEXT_LETTER", "PART_LETTER",
           "SKIPPABLE", "SYLLABLE_LETTER", "alignment_cost", "expansion", "initials", "own_acronym",
           "written_after"]

#: An acronym has at most this many letters.
MAX_ACRONYM = 10
#: A word of a name all in capitals is read as the initials of this many words or more (:func:`initials`).
MIN_INITIALS = 3
#: A word gives at most this many letters of its beginning to an acronym.
MAX_PART = 3
#: Words an acronym may leave out: the function words of the EU languages, and single letters
#: (``d'Histoire``, ``l'Aviation``).
SKIPPABLE = FUNCTION_WORDS | frozenset(
    "u v ve pri za nad pod od ot po pe tis tou ton tin kai ja un ir the og fur fuer pour per para por sur"
    " del della dello degli delle dei nel nella als bei an um uma uno una ein eine een con fra voor prie em nos nas"
    " pentru pro es rzecz"
    .split())
# At most this share of an acronym's letters may be second or third letters of a word.
_INNER_SHARE = 0.5


def _spells(acronym: str, words: tuple[str, ...]) -> bool:
    """Whether ``acronym`` is prefixes of ``words`` in order, each content word giving one at least."""
    memo: dict[tuple[int, int, int], bool] = {}

    def walk(i: int, w: int, inner: int) -> bool:
        if w == len(words):
            return i == len(acronym) and inner <= _INNER_SHARE * len(acronym)
        if i == len(acronym) or (w, i, inner) in memo:
            return memo.get((w, i, inner), False) if i < len(acronym) else (
                inner <= _INNER_SHARE * len(acronym) and all(x in SKIPPABLE or len(x) == 1 for x in words[w:]))
        word = words[w]
        found = (word in SKIPPABLE or len(word) == 1) and walk(i, w + 1, inner)
        last = w == len(words) - 1
        n = 1
        while not found and n <= (len(word) if last else min(MAX_PART, len(word))) and acronym.startswith(word[:n], i):
            found = walk(i + n, w + 1, inner + (0 if last else n - 1))
            n += 1
        memo[(w, i, inner)] = found
        return found

    return walk(0, 0, 0)


def _is_acronym(token: str, words: tuple[str, ...]) -> bool:
    return 2 <= len(token) <= MAX_ACRONYM and token.isalnum() and not token.isdigit() and token not in words


def _runs(token: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The runs of two words or more that could spell ``token``: from a content word of its first letter,
    to a content word, with no more content words than ``token`` has letters; longest first."""
    runs = []
    for start, first in enumerate(words):
        if first in SKIPPABLE or first[0] != token[0]:
            continue
        content = 0
        for end in range(start + 1, len(words) + 1):
            word = words[end - 1]
            if word in SKIPPABLE or len(word) == 1:
                continue
            content += 1
            if content > len(token):
                break
            if end - start >= 2 and word[0] in token:
                runs.append((start, end))
    return sorted(runs, key=lambda r: (r[0] - r[1], r[0]))


@lru_cache(maxsize=100_000)
def expansion(token: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    """Return the (start, end) of the longest run of two words or more of ``words`` that ``token`` abbreviates.

    Parameters
    ----------
    token : str
        A folded word (``ku``, ``cnrs``).
    words : tuple of str
        The folded words of the other name.

    Returns
    -------
    tuple of int or None
        The run's slice, or ``None`` when no run of two or more words spells ``token`` (or it is a word
        of ``words`` itself).
    """
    if not _is_acronym(token, words):
        return None
    return next((run for run in _runs(token, words) if _spells(token, words[run[0]:run[1]])), None)


def initials(token: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    """Return the (start, end) of a run of :data:`MIN_INITIALS` content words or more of ``words`` whose first
    letters are ``token``, letter for letter (function words give none), or ``None``.

    A name all in capitals does not tell its acronym from its words (``CHU DE NICE``); a word that is the
    initials of three words of the other name or more, and nothing else of it, is read as their acronym.

    Examples
    --------
    >>> initials("chu", ("centre", "hospitalier", "universitaire", "de", "nice"))
    (0, 3)
    >>> initials("vas", ("vaci", "szakkepzesi", "centrum")) is None
    True
    """
    if not _is_acronym(token, words) or len(token) < MIN_INITIALS:
        return None
    for start, first in enumerate(words):
        if first in SKIPPABLE or first[0] != token[0]:
            continue
        letters, end = [], start
        while end < len(words) and len(letters) < len(token):
            if words[end] not in SKIPPABLE:
                letters.append(words[end][0])
            end += 1
        if "".join(letters) == token:
            return start, end
    return None


def own_acronym(words: tuple[str, ...]) -> int | None:
    """Return the index of a word that is the acronym of all the other words of a name, if there is one.

    ``Zenica Economic Development Agency ZEDA`` and ``CEI - Central European Initiative`` write their
    acronym beside their name; it says nothing more.

    Examples
    --------
    >>> own_acronym(("cei", "central", "european", "initiative"))
    0
    >>> own_acronym(("grad", "zagreb")) is None
    True
    """
    if len(words) < 3:
        return None
    for at in (0, len(words) - 1):
        rest = words[:at] + words[at + 1:]
        if _is_acronym(words[at], rest) and len(words[at]) >= 2 and _spells(words[at], rest):
            return at
    return None


# A word written in capitals after a name is its acronym when it has this many letters or more, ...
_WRITTEN_AFTER_LETTERS = 3


def written_after(token: str, words: tuple[str, ...]) -> bool:
    """Whether ``token``, written in capitals after the name of ``words``, is its acronym though it does not spell
    it word by word: its letters are in the name in order, the first the name's, and most begin a word.

    Such an acronym takes a letter from inside a word (``VDCCI``: the V and D of Vidin, then the first letters of
    Chamber of Commerce and Industry).

    >>> written_after("vdcci", ("vidin", "chamber", "of", "commerce", "and", "industry"))
    True
    >>> written_after("vcc", ("vidin", "chamber", "of", "commerce", "and", "industry"))
    True
    >>> written_after("cci", ("vidin", "chamber", "of", "commerce", "and", "industry"))
    False
    >>> written_after("dvi", ("vidin", "chamber", "of", "commerce", "and", "industry"))
    False
    """
    if len(token) < _WRITTEN_AFTER_LETTERS or not _is_acronym(token, words) or not words \
            or token[0] != words[0][0]:
        return False
    starts, at = 0, 0
    text = " ".join(words)
    for letter in token:
        found = text.find(letter, at)
        if found < 0:
            return False
        starts += found == 0 or text[found - 1] == " "
        at = found + 1
    return 2 * starts > len(token)


#: The cost of a letter of a short form that continues the letter before it in one word (``CEN`` of ``centro``).
NEXT_LETTER = 0.25
#: The cost of a letter that starts a syllable inside the last word of a long form, after the word gave its first
#: letter: a consonant after a vowel, or after a consonant that follows a vowel, and before a vowel (the ``V`` of
#: Craio-Va, the ``B`` and ``T`` of Pharma-Bio-Tec, the second ``D`` of Wetter-Dienst). Not in the words before
#: the last: three letters so found fit too many names of a city (``MDW`` is not Me-Dizinische Universität Wien).
SYLLABLE_LETTER = 0.75
#: The cost of any other letter found inside a word, not after the letter before it: the start of a part of a
#: compound (the ``I`` of Agrobio-Institute).
INNER_LETTER = 1.0
#: A letter inside a word starts a part of a compound only in a word this long, after the word gave its first
#: letter, and this many letters into it: ``Wetter-Dienst``; not the ``C`` of ``reCherche``, the ``I`` of
#: ``partnershIp`` (BEIA is not the Batteries European Partnership Association).
COMPOUND_LENGTH = 10
_COMPOUND_PART = 3
_VOWELS = frozenset("aeiouy")
#: Combining forms and head words that are parts of compound words (Pharma-Bio-Tec, Agro-Bio-Institute): a letter of
#: a short form that begins one, three letters or more into a word that gave a letter before and right after the end
#: of another, costs :data:`PART_LETTER` ("VPN" is not VPI-Photo-Nics: "vpi" is no part).
COMPOUND_PARTS = ("agro", "bio", "tec", "tech", "pharm", "pharma", "nano", "geo", "eco", "electro", "info", "micro",
                  "hydro", "aero", "photo", "thermo", "neuro", "chem", "medi", "institu", "zentrum", "centr")
#: The cost of a letter that begins a known part of a compound (:data:`COMPOUND_PARTS`): that of a letter that
#: continues the one before it.
PART_LETTER = NEXT_LETTER
# Head words that end a compound after any part (Forschungs-Zentrum): a letter that begins one costs PART_LETTER too.
_HEAD_PARTS = ("institu", "zentrum", "centr", "center")


def _syllable_start(word: str, at: int) -> bool:
    """Whether ``word[at]`` is a consonant that starts a syllable (V-CV, VC-CV) two letters or more into the word."""
    if at < 2 or at + 1 >= len(word) or word[at] in _VOWELS or word[at + 1] not in _VOWELS or not word[at].isalpha():
        return False
    before = word[at - 1]
    return before in _VOWELS or (before != word[at] and before.isalpha() and word[at - 2] in _VOWELS)


def _letter_cost(word: str, at: int, last: int, final: bool) -> float:
    """The cost of ``word[at]`` as the next letter of a short form, after ``word[last]`` (-1: none of the word yet);
    ``final``: the word is the long form's last."""
    if at == 0:
        return 0.0
    if at == last + 1:
        return NEXT_LETTER
    if last < 0:
        return float("inf")
    if at >= _COMPOUND_PART and (word.startswith(_HEAD_PARTS, at) or (
            word.startswith(COMPOUND_PARTS, at) and word[:at].endswith(COMPOUND_PARTS))):
        return PART_LETTER
    if final and _syllable_start(word, at):
        return SYLLABLE_LETTER
    return INNER_LETTER if len(word) >= COMPOUND_LENGTH and at >= _COMPOUND_PART else float("inf")


# A short form takes letters from this many words of the long form, or this many letters inside one word, at least
# ("NVE" is no abbreviation of "Never", "SOFI" none of "Sofiaplan"; "PBT" is Pharma-Bio-Tec).
_WORDS_USED = 2
_JUMPS = 2


@lru_cache(maxsize=20_000)
def alignment_cost(short: str, words: tuple[str, ...], weights: tuple[float, ...]) -> float:
    """Return how far ``short`` is from a plain abbreviation of all of ``words`` (0: their first letters).

    The letters of ``short`` are found in order in ``words`` (Schwartz & Hearst 2003), the first at the
    start of a word. A letter at a word's start costs nothing, one that continues the letter before it in a
    word :data:`NEXT_LETTER` (``cen`` of ``centro``), as does one that begins a known part of a compound after
    another (:data:`PART_LETTER`: ``pbt`` of ``pharmabiotec``), one that starts a syllable inside the last word
    :data:`SYLLABLE_LETTER` (``v`` of ``craiova``), any other letter inside a long word :data:`INNER_LETTER`
    (the start of a part of a compound). A word that gives no letter costs its weight (``weights``, one per
    word: nothing for a function word, more for a word that names the body). Two letters at least must not
    continue the first (``sofi`` is no abbreviation of ``sofiaplan``), and two words at least give letters,
    or one word two letters at starts of its parts (``nve`` is none of ``never``; ``pbt`` is
    ``pharmabiotec``). The cheapest alignment is kept.

    Parameters
    ----------
    short : str
        A folded short form (``dwd``).
    words : tuple of str
        The folded words of the long form.
    weights : tuple of float
        What leaving out each word costs.

    Returns
    -------
    float
        The cost of the cheapest alignment, ``inf`` when the letters cannot be found in order.

    Examples
    --------
    >>> alignment_cost("dwd", ("deutscher", "wetterdienst"), (1.0, 1.0))
    0.75
    >>> alignment_cost("lne", ("laboratoire", "national", "de", "metrologie", "et", "essais"), (1, 1, 0, 1, 0, 1))
    1.0
    >>> alignment_cost("abc", ("cab",), (1.0,))
    inf
    >>> alignment_cost("sofia", ("sofiaplan",), (1.0,))  # one word gives all its letters
    inf
    >>> alignment_cost("nve", ("never",), (1.0,))
    inf
    >>> alignment_cost("sofi", ("sofiaplan",), (1.0,))
    inf
    """
    return min((_core_cost(short, words, weights, start) for start, word in enumerate(words) if word[0] == short[0]),
               default=float("inf"))


def _core_cost(short: str, words: tuple[str, ...], weights: tuple[float, ...], start: int) -> float:
    """The cheapest alignment of ``short`` whose first letter is the first of ``words[start]``."""
    lead = sum(weights[:start])
    memo: dict[tuple[int, int, int, int, int], float] = {}

    def best(i: int, w: int, last: int, jumps: int, used: int) -> float:
        if i == len(short):
            done = used >= _WORDS_USED or jumps >= _JUMPS
            return lead + sum(weights[w + (last >= 0):]) if done and jumps else float("inf")
        if w == len(words):
            return float("inf")
        key = (i, w, last, jumps, used)
        if key not in memo:
            word = words[w]
            cost = best(i, w + 1, -1, jumps, used) + (weights[w] if last < 0 else 0.0)
            for at in range(last + 1, len(word)):
                if word[at] == short[i]:
                    letter = _letter_cost(word, at, last, w == len(words) - 1)
                    if letter == float("inf"):
                        continue
                    cost = min(cost, letter + best(i + 1, w, at, min(_JUMPS, jumps + (last < 0 or at != last + 1)),
                                                   min(_WORDS_USED, used + (last < 0))))
            memo[key] = cost
        return memo[key]

    return best(1, start, 0, 0, 1)
