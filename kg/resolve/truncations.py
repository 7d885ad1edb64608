"""Words a name writes cut short without a full stop, read as the words another name writes whole.

``ASSOC CHAMBRES AGRICULT ARC ATLANTIQUE`` cuts *association* and *agriculture* short, ``SINERGIE SOC CONS ARL``
writes *Società Consortile* and the initials of *a Responsabilità Limitata*, ``BUNDESMINISTERIUM F LAND- U
FORSTWIRTSCHAFT`` writes *für* and *und* as one letter. A word of one name is read as words of the other when
the two names are aligned in order (:func:`spelt_out`): a word both write anchors the alignment; a word the
other does not write is a truncation of the next word of the other that it begins (two letters shorter at
least), or the initials of the next words of the other. A word of the word tables (head words, word meanings,
translations), of the dictionaries of the country's languages (simplemma: the French ``arc`` is no truncation of
*archives*) or a town is written whole. A letter alone is the function word it begins (``F``, *für*); letters
written one after another (``J.M.A.``) are the initials of as many words.

What the words read so say is not evidence of the same body: the caller compares the rest of the names too
(:func:`kg.resolve.link` reads ``Univ`` as *University*, and the rest must still name one university).

Examples
--------
>>> spelt_out(("assoc", "chambres", "agricult", "arc"), ("association", "des", "chambres", "d", "agriculture",
...           "de", "l", "arc"))
(('association', 'chambres', 'agriculture', 'arc'), (0, 2), (0, 4))
>>> spelt_out(("sinergie", "soc", "cons", "arl"), ("sinergie", "societa", "consortile", "a", "responsabilita",
...           "limitata"), "IT")[0]
('sinergie', 'societa', 'consortile', 'a', 'responsabilita', 'limitata')
>>> spelt_out(("f", "land", "u", "forst"), ("fuer", "land", "umwelt", "und", "forst"), "AT")[0]
('fuer', 'land', 'und', 'forst')
>>> spelt_out(("univ", "rennes"), ("university", "bretagne"))
(('university', 'rennes'), (0,), (0,))
>>> spelt_out(("j", "m", "a", "coop"), ("jose", "maria", "arizmendiarrieta", "coop"))
(('jose', 'maria', 'arizmendiarrieta', 'coop'), (0, 1, 2), (0, 1, 2))
>>> spelt_out(("arc", "atlantique"), ("archives", "atlantique"), "FR") is None
True
"""

from __future__ import annotations

from functools import cache, lru_cache

from kg.resolve.lemmas import SIMPLEMMA_LANGUAGES
from kg.resolve.normalise import normalise
from kg.resolve.orgnames import head_words, is_function_word, word_meanings, word_translations
from kg.resolve.places import towns

__all__ = ["DICTIONARY_LETTERS", "MAX_INITIALS", "MIN_COMPOUND_PART", "MIN_CUT", "spelt_out"]

#: A truncation leaves out at least this many letters of the word it cuts short (one letter is an inflection).
MIN_CUT = 2
#: A word of at most this many letters may be the initials of as many words (``ARL``).
MAX_INITIALS = 4


@lru_cache(maxsize=1)
def _whole_words() -> frozenset[str]:
    """The words of the head, word and translation tables: words written whole, not cut short."""
    heads, _ = head_words()
    meanings, _ = word_meanings()
    return frozenset(w for phrase in (*heads, *meanings, *word_translations()) for w in phrase.split())


#: Words of a dictionary this long or shorter are kept to tell a word from a truncation (a truncation is short: a
#: longer word that begins a word of the other name is read as it, and the rest of the names must still agree).
DICTIONARY_LETTERS = 8


@cache
def _dictionary(language: str, other_scripts: bool = False) -> frozenset[str]:
    """The word forms of simplemma's dictionary of a language written in ASCII letters, of at most
    :data:`DICTIONARY_LETTERS` letters, lower-cased (about 220,000 for Polish, 8 MB, out of 3.7 million forms); with
    ``other_scripts``, those of a language of another script (Cyrillic, Greek) folded to Latin letters as names are
    (``борса``, ``borsa``).

    >>> "borsa" in _dictionary("bg", other_scripts=True), "borsa" in _dictionary("bg"), "archives" in _dictionary("fr")
    (True, False, True)
    """
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(language)
    if other_scripts and language in _OTHER_SCRIPTS:
        return frozenset(normalise(w) for w in forms if len(w) <= DICTIONARY_LETTERS and w.isalpha())
    return frozenset(w.lower() for w in forms if len(w) <= DICTIONARY_LETTERS and w.isascii() and w.isalpha())


#: The languages simplemma's dictionaries write in a script other than Latin letters.
_OTHER_SCRIPTS = frozenset({"bg", "mk", "el", "ru", "uk"})
#: The rest of a longer word after a word it begins, a word of the dictionaries this long or longer, makes the
#: longer word a compound of the two (``avto|borsa``, ``stadt|werke``), not the word written whole.
MIN_COMPOUND_PART = 4


@lru_cache(maxsize=64)
def _languages(country: str | None) -> tuple[str, ...]:
    """The simplemma languages of a country's official languages (English for no country)."""
    if not country:
        return ("en",)
    from kg.reference.countries import get_country

    try:
        found = get_country(country)
    except KeyError:
        return ("en",)
    return tuple(SIMPLEMMA_LANGUAGES[t] for t in found.languages if t in SIMPLEMMA_LANGUAGES)


@lru_cache(maxsize=50_000)
def _may_be_cut(word: str, country: str | None, dictionaries: bool) -> bool:
    """Whether a folded word of two letters or more may be a word cut short: no word of the tables, nor a town,
    nor (with ``dictionaries``) of the dictionaries of the country's languages."""
    return (len(word) >= 2 and word.isalpha() and word.isascii() and word not in _whole_words()
            and word not in towns()
            and not (dictionaries and any(word in _dictionary(lang) for lang in _languages(country))))


def _compound_of(word: str, longer: str, country: str | None) -> bool:
    """Whether ``longer`` is ``word`` and a word of the dictionaries of the country's languages of
    :data:`MIN_COMPOUND_PART` letters or more: ``АВТОБОРСА`` (a car market) is *avto* and *borsa*, another word
    than ``АВТО`` (cars), not what ``АВТО`` cuts short."""
    rest = longer[len(word):]
    return len(rest) >= MIN_COMPOUND_PART and any(rest in _dictionary(lang, other_scripts=True)
                                                  for lang in _languages(country))


def _initials(letters: str, others: tuple[str, ...], start: int) -> tuple[int, int] | None:
    """The first run of words of ``others`` from ``start`` on whose initials are ``letters``."""
    for k in range(start, len(others) - len(letters) + 1):
        if "".join(o[0] for o in others[k:k + len(letters)]) == letters:
            return k, k + len(letters)
    return None


def _read_as(word: str, others: tuple[str, ...], start: int, country: str | None, dictionaries: bool
             ) -> tuple[int, int] | None:
    """The span of ``others`` from ``start`` on that ``word`` cuts short: the first function word a letter alone
    begins; the first word a longer word begins, else the first words whose initials it is (:data:`MAX_INITIALS`)."""
    if len(word) == 1:
        return next(((k, k + 1) for k in range(start, len(others)) if others[k].startswith(word)
                     and len(others[k]) > 1 and is_function_word(others[k], country)), None)
    if not _may_be_cut(word, country, dictionaries):
        return None
    for k in range(start, len(others)):
        if others[k].startswith(word) and len(others[k]) - len(word) >= MIN_CUT \
                and not (dictionaries and _compound_of(word, others[k], country)):
            return k, k + 1
    return _initials(word, others, start) if len(word) <= MAX_INITIALS else None


def _run(words: tuple[str, ...], start: int) -> int:
    """How many letters alone ``words`` writes one after another from ``start`` on (``j m a``)."""
    end = start
    while end < len(words) and len(words[end]) == 1 and words[end].isalpha():
        end += 1
    return end - start


class _Reading:
    """The words of a name read against another's, built word by word in order."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.read: list[int] = []
        self.targets: list[int] = []

    def keep(self, word: str) -> None:
        self.words.append(word)

    def spell(self, others: tuple[str, ...], span: tuple[int, int]) -> int:
        self.read.extend(range(len(self.words), len(self.words) + span[1] - span[0]))
        self.targets.extend(range(*span))
        self.words.extend(others[span[0]:span[1]])
        return span[1]


def spelt_out(words: tuple[str, ...], others: tuple[str, ...], country: str | None = None, dictionaries: bool = True
              ) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]] | None:
    """Return ``words`` with the words cut short read as the words of ``others`` they stand for, where the words
    so read are in the result and which words of ``others`` they are; ``None`` when no word is so read.

    The two are aligned in order: a word ``others`` writes from the aligned point on anchors the alignment there; a
    word it does not write is read as the words after that point it stands for (:func:`_read_as`), and letters
    alone one after another as the first words after it with those initials. Without ``dictionaries``, the
    dictionaries of the country's languages are not looked in (decoding one takes seconds: a caller reads the
    names without first, and again with them only when that reading would decide).
    """
    reading, at, i = _Reading(), 0, 0
    while i < len(words):
        run = _run(words, i)
        span = _initials("".join(words[i:i + run]), others, at) if run >= 2 else None
        if span is not None:
            if others[span[0]:span[1]] == words[i:i + run]:
                for word in words[i:i + run]:  # the letters the other writes too ("d o o")
                    reading.keep(word)
                at = span[1]
            else:
                at = reading.spell(others, span)
            i += run
            continue
        word = words[i]
        i += 1
        if word in others[at:]:
            at = others.index(word, at) + 1
            reading.keep(word)
        elif (span := _read_as(word, others, at, country, dictionaries)) is not None:
            at = reading.spell(others, span)
        else:
            reading.keep(word)
    return (tuple(reading.words), tuple(reading.read), tuple(reading.targets)) if reading.read else None
