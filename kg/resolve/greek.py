"""Greek names written in Latin letters: one key for the ways Greek is romanised, and the table words it reads as.

Greek organisations are written in Greek script, in the romanisation of ELOT 743 (``ΕΡΕΥΝΗΤΙΚΟ`` as
``EREVNITIKO``), as :mod:`anyascii` transliterates the script (``EREYNITIKO``), and in older or looser
spellings: ``ευ``/``αυ`` as ``ev``/``av``, ``ef``/``af``, ``eu``/``au`` or ``ey``/``ay``; ``η``, ``ι``, ``υ``,
``ει``, ``οι`` all as ``i`` or ``y``; ``ου`` as ``ou``, ``oy`` or ``u``; ``αι`` as ``ai`` or ``e``; ``χ`` as ``ch``,
``kh`` or ``h``; ``φ`` as ``f`` or ``ph``; ``β`` as ``v`` or ``b``; ``μπ`` as ``mp`` or ``mb``; ``γκ``, ``γγ`` as
``gk``, ``gg`` or ``g``; ``δ`` as ``d`` or ``dh``; an initial ``h`` for the old rough breathing (``Hellenic``,
``Hellinikos``); and letters doubled or not. :func:`romanised` folds a word written in any of them to one key,
so that ``HELLINIKOS`` and ``ELLINIKOS``, ``EREYNAS`` and ``EREVNAS``, ``ETAIRIA`` and ``ETERIA`` meet.

:func:`same_word` tells one word in two cases or in the classical spelling (``DIMOKRITIO``, ``DEMOCRITUS``);
:func:`phrase_at` finds a head phrase written so (``KYPRIAKON EMBORIKON KAI BIOMICHANIKON EPIMELITIRION``).
:meth:`GreekWords.read` reads a word of a Greek or Cypriot name (or one written in Greek script) as the word of the
project's tables it is written for (:func:`kg.resolve.orgnames.greek_word` gives it the tables): the Greek rows of
the head, word and translation tables, the legal forms and country words of Greece and Cyprus, and the place
names of their towns, each keyed by :func:`romanised` and, but for the legal forms, by its stem before a Greek
case ending (``PANEPISTIMION``, a genitive plural, is ``panepistimio``; ``ATHINON`` is ``athina``, the town
Athens). The tables then read it as they read the word they hold (a kind of body, a meaning, a town).

Examples
--------
>>> romanised("hellinikos") == romanised("ellinikos"), romanised("ereynas") == romanised("erevnas")
(True, True)
>>> romanised("etaireia") == romanised("etairia") == romanised("eteria")
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["GREEK_COUNTRIES", "GreekWords", "greek_words", "has_greek_script", "phrase_at", "reads_greek",
           "romanised", "same_word"]

#: The countries whose organisations' names are Greek (ISO 3166-1 codes, and the EU's ``EL``).
GREEK_COUNTRIES = frozenset({"GR", "EL", "CY"})

# Romanisations of one Greek letter or pair of letters, in the order they are folded: a pair before its letters.
_RULES = (
    (re.compile(r"^h(?=[aeiouy])"), ""),  # the rough breathing: Hellenic, Hellinikos
    (re.compile(r"[ck]h"), "h"),  # χ: ch, kh, h
    (re.compile(r"ph"), "f"),  # φ: ph, f
    (re.compile(r"(?<=[dgr])h"), ""),  # δ, γ, ρ: dh, gh, rh
    (re.compile(r"m[pb]"), "B"),  # μπ: mp, mb, b
    (re.compile(r"b"), "v"),  # β: b, v
    (re.compile(r"B"), "b"),
    (re.compile(r"n?g[kg]?"), "g"),  # γκ, γγ: gk, gg, ng, g
    (re.compile(r"ks"), "x"),  # ξ: ks, x
    (re.compile(r"c(?!h)"), "k"),  # κ: c, k
    (re.compile(r"o[uy]"), "u"),  # ου: ou, oy, u
    (re.compile(r"e[uyfv](?=[^aeiouy]|$)"), "ev"),  # ευ before a consonant: ev, ef, eu, ey
    (re.compile(r"a[uyfv](?=[^aeiouy]|$)"), "av"),  # αυ: av, af, au, ay
    (re.compile(r"e[uy](?=[aeiou])"), "ev"),  # ευ before a vowel: ev, eu, ey
    (re.compile(r"a[uy](?=[aeiou])"), "av"),
    (re.compile(r"[eoy]i|y"), "i"),  # η, ι, υ, ει, οι, υι: i, y
    (re.compile(r"ai"), "e"),  # αι: ai, e
    (re.compile(r"w"), "o"),  # ω: o, w
    (re.compile(r"(.)\1+"), r"\1"),  # λλ, σσ, ρρ …: one letter or two
)
# The case endings of Greek nouns and adjectives (declensions of -ος, -ο, -α, -η, -ης, -ι, -ιο, -εια), keyed, and
# the Latin -us of the classical spelling (Democritus, Δημόκριτος).
_ENDINGS = ("a", "e", "i", "o", "s", "u", "on", "os", "is", "as", "es", "io", "iu", "ion", "ias", "ios", "ia",
            "ika", "iki", "iko", "ikos", "ikis", "ikon", "iku", "ikes", "us")
# Two words are one word in two cases or two spellings when their keys' stems of this many letters or more agree.
_SAME_STEM = 6
# A stem keeps at least this many letters: shorter ones are many words'.
_STEM = 5
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def reads_greek(country: str | None) -> bool:
    """Whether names of ``country`` (an ISO or EU code) are read as Greek.

    >>> reads_greek("EL"), reads_greek("cy"), reads_greek("BG"), reads_greek(None)
    (True, True, False, False)
    """
    return bool(country) and country.upper() in GREEK_COUNTRIES


def has_greek_script(text: str) -> bool:
    """Whether ``text`` has a letter of the Greek script.

    >>> has_greek_script("Δήμος Αθηναίων"), has_greek_script("Dimos Athinaion")
    (True, False)
    """
    return _GREEK.search(text) is not None


@lru_cache(maxsize=200_000)
def romanised(word: str) -> str:
    """Return the key of a folded word (:func:`kg.resolve.normalise.normalise`) that every romanisation of one Greek
    word shares.

    Examples
    --------
    >>> romanised("etaireia"), romanised("etairia"), romanised("eteria")
    ('eteria', 'eteria', 'eteria')
    >>> romanised("efthynis"), romanised("eythinis"), romanised("efthinis")
    ('evthinis', 'evthinis', 'evthinis')
    >>> romanised("emborikon"), romanised("emporiki"), romanised("biomichanikon"), romanised("viomichaniki")
    ('eborikon', 'eboriki', 'viomihanikon', 'viomihaniki')
    >>> romanised("tilepikoinonion"), romanised("tilepikinonion"), romanised("flemingk")
    ('tilepikinonion', 'tilepikinonion', 'flemig')
    """
    for pattern, written in _RULES:
        word = pattern.sub(written, word)
    return word


def _stems(key: str) -> list[str]:
    """The stems of a key before a Greek case ending, each of ``_STEM`` letters or more."""
    return [key[:-len(e)] for e in _ENDINGS if key.endswith(e) and len(key) - len(e) >= _STEM]


def same_word(a: str, b: str) -> bool:
    """Whether two keys (:func:`romanised`) are one Greek word in two cases, or in the modern and the classical
    spelling (``η`` as ``i`` and as ``e``: Dimokritio, Democritus): a stem of ``_SAME_STEM`` letters or more
    before a case ending, ``e`` and ``i`` read alike.

    >>> same_word(romanised("dimokritio"), romanised("democritus")), same_word(romanised("thrakis"), "thrake")
    (True, True)
    >>> same_word(romanised("ethniko"), romanised("ethnikis")), same_word(romanised("kentro"), romanised("kentriko"))
    (True, False)
    """
    stems_a = {s.replace("e", "i") for s in (a, *_stems(a)) if len(s) >= _SAME_STEM}
    return any(s.replace("e", "i") in stems_a for s in (b, *_stems(b)) if len(s) >= _SAME_STEM)


def phrase_at(words: list[str], start: int, phrase: tuple[str, ...]) -> bool:
    """Whether ``words`` write the folded ``phrase`` at ``start``, each word as written or as one word in another
    romanisation or case (:func:`same_word`: ``KYPRIAKON EMBORIKON KAI BIOMICHANIKON EPIMELITIRION`` writes
    ``emporiko kai viomichaniko epimelitirio``, a chamber of commerce and industry).

    >>> phrase_at("kypriakon emborikon kai biomichanikon epimelitirion".split(), 1,
    ...           ("emporiko", "kai", "viomichaniko", "epimelitirio"))
    True
    """
    written = words[start:start + len(phrase)]
    return len(written) == len(phrase) and all(
        w == p or same_word(romanised(w), romanised(p)) for w, p in zip(written, phrase, strict=True))


def _by_stem(words: Iterable[tuple[str, str]], stems: Callable[[str], list[str]] = _stems) -> dict[str, str]:
    """The words by the ``stems`` of their keys; a stem that words saying two things share (two kinds, meanings,
    towns) is left out: it says neither."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for word, says in words:
        for stem in stems(romanised(word)):
            found[stem].add((says, word))
    return {stem: min(pairs)[1] for stem, pairs in found.items() if len({says for says, _ in pairs}) == 1}


# A town's name is read in the cases of nouns only (Athina, Athinon, Athinas) and in the genitive plural of its
# people's name that a municipality's name writes (ΔΗΜΟΣ ΑΘΗΝΑΙΩΝ, ΔΗΜΟΣ ΠΑΤΡΕΩΝ: -αιων, -εων), by a stem of this many
# letters or more.
_TOWN_ENDINGS = ("a", "i", "o", "s", "u", "n", "on", "os", "is", "as", "es", "iu", "eon")
_TOWN_STEM = 4


def _town_stems(key: str) -> list[str]:
    """The stems of the key of a town's name before a noun's case ending (``athin`` of ``athina``, ``athinon``;
    not ``alexandr`` of Alexandreia, which ``alexandros`` has)."""
    return [key[:-len(e)] for e in _TOWN_ENDINGS if key.endswith(e) and len(key) - len(e) >= _TOWN_STEM]


@dataclass(frozen=True)
class GreekWords:
    """The Greek words of the project's tables, read by :meth:`read`: built by :func:`greek_words`.

    Attributes
    ----------
    by_key : dict of str to str
        Words of the tables, of the legal forms and towns' names by :func:`romanised` key, a word of the tables
        first (``elliniko`` is Greek before it is the town Elliniko).
    stems : tuple of (str, str)
        The tables' stems (``erevn*``) by key, longest first.
    by_stem : dict of str to str
        The tables' words by the stems of their keys before a case ending (a word is read by its stem when it has
        an ending too: ``dimosiou``, *public*, is not ``dimos``).
    towns : dict of str to str
        The towns' names by their keys and their stems before a noun's case ending.
    forms : dict of str to str
        The words of legal forms by key, one spelling a key (``etaireia`` for ``etairia`` and ``eteria``).
    """

    by_key: dict[str, str]
    stems: tuple[tuple[str, str], ...]
    by_stem: dict[str, str]
    towns: dict[str, str]
    forms: dict[str, str]

    def form_word(self, word: str) -> str | None:
        """Return the one spelling of a legal form's word that ``word`` writes (``eteria``, ``etaireia``), or None."""
        return self.forms.get(romanised(word))

    def read(self, word: str) -> str:
        """Return the word of the tables that a folded word of a Greek name is written for, else ``word``: the
        table's word of the same key (``eteria`` is ``etaireia``), of the same stem before a case ending
        (``epimelitirion`` is ``epimelitirio``), the table's stem the key begins with (``ereynitiko``, ``erevn*``),
        or a town's name of the same stem (``athinon``, ``athina``)."""
        key = romanised(word)
        if key in self.forms or key in self.by_key:
            return self.forms.get(key) or self.by_key[key]
        found = next((self.by_stem[s] for s in _stems(key) if s in self.by_stem), None) or \
            next((stem for keyed, stem in self.stems if key.startswith(keyed)), None)
        return found or next((self.towns[s] for s in _town_stems(key) if s in self.towns), word)


def greek_words(words: Iterable[tuple[str, str]], stems: Iterable[str], forms: Iterable[str],
                towns: Iterable[tuple[str, str]]) -> GreekWords:
    """Return the index :meth:`GreekWords.read` reads words of Greek names by.

    Parameters
    ----------
    words : iterable of (str, str)
        The folded Greek words of the tables (read inflected), each with what it says (a kind, a meaning).
    stems : iterable of str
        The folded stems of the tables (``erevn``), read as a word's beginning.
    forms : iterable of str
        The folded words of the legal forms (read as written).
    towns : iterable of (str, str)
        The folded names of towns, each with its town.

    Examples
    --------
    >>> index = greek_words([("panepistimio", "university"), ("panepistimiou", "university")], ["erevn"],
    ...                     ["etaireia"], [("athina", "athens")])
    >>> [index.read(w) for w in ("panepistimion", "ereynitiko", "etairia", "athinon", "alexandros")]
    ['panepistimio', 'erevn', 'etaireia', 'athina', 'alexandros']
    """
    words, forms, towns = sorted(set(words)), sorted(set(forms)), sorted(set(towns))
    by_key = _by_stem(towns, lambda key: [key])  # a key two towns' names share is neither's (Irakleio, Iraklio)
    for word, _ in reversed(words):
        by_key[romanised(word)] = word  # a word of the tables before a town's name, the first of one key
    keyed = sorted((romanised(s), s) for s in set(stems) if len(s) >= 4)
    keyed_stems = tuple(sorted(keyed, key=lambda s: -len(s[0])))
    spelling = {romanised(w): w for w in reversed(forms)}
    return GreekWords(by_key, keyed_stems, _by_stem(words), _by_stem(towns, _town_stems), spelling)
