"""Cognates: one learned word of Latin or Greek stock written in two languages of the EU.

The word tables (:mod:`kg.resolve.orgnames`) translate the words names often hold; the learned words of
science and administration they do not hold are still recognisable across languages, as one stem with the
suffix each language gives it: *seismological*, *sismologique*, *sismologico*; *nanotechnology*,
*nanotecnologia*; *dynamics*, *dynamique*; *biostructures*, *biostrutture*. :func:`cognate_score` compares two
words by their stems after those suffixes (:data:`SUFFIXES`: -ical/-ique/-ico/-isch/-iczny/-ikai,
-y/-ie/-ia/-ija, -cy/-tija/-zia/-cja, -ation/-azione/-acion/-acao and their case endings (-aciju, -acijos; the
Romanian plural -ații), -al/-ale/-el, -ar/-aire/-are, -an/-ian/-een, -ure/-ura …), folded to one spelling
(``ph`` as ``f``, ``th`` as ``t``, ``ch``, ``k`` and the Slavic ``h`` of a Greek *chi* as ``c``: *technology*,
*tecnologia*, *tehnologija*; ``ae`` as ``e``, ``y`` as ``i``, ``z`` as ``s``, the Polish ``w`` as ``v``, ``ct`` as
``t``, double letters single). The South Slavic adjective of a science loses the *g* of its stem (*arheološki*,
*archaeological*); the Slavic and Baltic adjectives of a word in *-ation* (*inovačná*, *innowacyjny*,
*inovacijski*, *inovacinis*) have suffixes of their own.

The stem keeps what tells two sciences apart: *-ology* is part of it (``physics`` is ``phys``, ``physiology``
``physiolog``), and two stems must be one folded stem, or of eight letters or more and at least
:data:`COGNATE_SCORE` alike (``electronic`` and ``electrical`` are two: ``electron``, ``electr``).

Examples
--------
>>> cognate_score("seismological", "sismologique"), cognate_score("nanotechnology", "nanotecnologia")
(94.1, 100.0)
>>> cognate_score("dynamics", "dynamique"), cognate_score("biostructures", "biostrutture")
(100.0, 100.0)
>>> cognate_score("biosystems", "biosistemi"), cognate_score("banca", "banco")
(100.0, 0.0)
>>> cognate_score("democracy", "demokratija"), cognate_score("innovation", "inovaciju")  # -cy, a Lithuanian case
(100.0, 100.0)
>>> cognate_score("integration", "integratsiooni"), cognate_score("situations", "situatii")  # Estonian, Romanian
(100.0, 100.0)
>>> cognate_score("demographic", "demografiai")  # a Hungarian adjective
100.0
>>> cognate_score("hidrobioloshki", "hydrobiological")  # Macedonian Cyrillic, transliterated
100.0
>>> cognate_score("physics", "chemistry"), cognate_score("electronic", "electrical"), cognate_score("ethics", "eth")
(0.0, 0.0, 0.0)
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["COGNATE_SCORE", "SUFFIXES", "cognate_score", "learned_stem"]

#: The suffixes of learned words in the languages of the EU, folded (:func:`kg.resolve.normalise.normalise`).
SUFFIXES = tuple(sorted(set("""
    ical icale icali icals ics ic ico ica ici ichi iche ique iques isch ische ischen ischer ischem iczny iczna
    iczne icznych icznej iczneg icky icka icke ickych icki ikos iki ika ik ikai ikas ikus ikum ico
    y ie ia ias ies ii ija ije iji iju ijom ijo ijos ijas iya iyata io iu ium
    ation ations azione azioni acion aciones acao acoes atie aties acja acji acije acija ationen ace acia
    atio aatio atii atiei atiile atiilor aciju acijos acijai acijas aciji acijo acijam aciok acio acios
    acni acny acna acne acneho acnej acnych acnim acyjny acyjna acyjne acyjnej acyjnego acyjnych
    acijski acijska acijsko acijske acijskih acijskog acinis acine aciniu acines atsioon atsiooni atsioonide
    cy cies tija tijos tiju tie ties tia tias zia cia cja cji cje tsiia
    iai ikai iak
    al als ale ali aux ales aal alis alny alna alne alni alnej alnego alnych alnim alniho
    ar ars aire aires are ari aris arny arna arne
    an ans ian ians ean een eens eenne eennes eo ea eos eas eu eus ejski ejska ejskie ejsky aisch aische
    ure ures ura ure uren uur
    ski ska sko skie skiego skiej skim sky ske skych skog skom skoj skyi skiy skii
    shki shka shko shke shkih shkog shkom shkoj
    s es e a o i en
""".split()), key=lambda s: (-len(s), s)))
#: Two stems of eight letters or more this alike (rapidfuzz ratio) are one stem written in two languages.
COGNATE_SCORE = 90.0
# A stem is at least this long, and this long when only one word loses a suffix of the learned kind.
_STEM, _STEM_ONE = 4, 5
_LONG_STEM = 8
# Two words with bare inflections are one word spelt in two languages when their folded stems are one of this many
# letters or more (``biosystems``, ``biosistemi``).
_SPELT_STEM = 7
# The suffixes that make a learned word (all but the bare inflections of the last line of SUFFIXES).
_INFLECTIONS = frozenset({"s", "es", "e", "a", "o", "i", "en"})
_SPELLINGS = (("ph", "f"), ("th", "t"), ("ch", "c"), ("h", "c"), ("ae", "e"), ("k", "c"), ("y", "i"), ("z", "s"),
              ("w", "v"), ("ct", "t"))
# Suffixes of the sciences' names and of their adjectives in the spelling of _SPELLINGS, read off a whole word so
# spelt when its stem is of three letters: "physics", "fyzika", "fizyki" are "fis", the science; "physical",
# "fyzikální" are "fis", its adjective, another word ("Instytut Fizyki" is not "Instytut Chemii Fizycznej").
_SPELT_SUFFIXES = tuple(sorted(
    [(s, "science") for s in "ics ica ici icu ice".split()]
    + [(s, "adjective") for s in "ical icalni icalna icalne icalnej icalnego icalnic icni icna icne icnej icnego"
                                " icsni icsna icsne icsnej icsnego icsnic icsnih".split()],
    key=lambda s: (-len(s[0]), s[0])))
_SPELT_SUFFIX_STEM = 3
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def learned_stem(word: str) -> tuple[str, bool]:
    """Return the folded stem of a folded word without its longest suffix that leaves ``_STEM`` letters, and whether
    the suffix is one of a learned word (not a bare inflection).

    >>> learned_stem("meteorological"), learned_stem("meteorologique"), learned_stem("laboratory")
    (('meteorolog', True), ('meteorolog', True), ('laborator', True))
    """
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _STEM:
            stem = word[:-len(suffix)]
            if suffix.startswith(("sk", "shk")) and stem.endswith("olo"):
                stem += "g"  # the South Slavic adjective of a science loses its g: "arheološki", archaeological
                # (from Cyrillic "хидробиолошки", hydrobiological, transliterated with "sh")
            return _folded(stem), suffix not in _INFLECTIONS
    return _folded(word), False


def _folded(stem: str) -> str:
    for written, read in _SPELLINGS:
        stem = stem.replace(written, read)
    if stem.endswith("ij"):  # the South Slavic j between i and an ending: medijacija, mediation
        stem = stem[:-1]
    return _DOUBLE.sub(r"\1", stem)


def _spelt_stem(word: str) -> tuple[str, str] | None:
    """Return the stem of a folded word spelt as :data:`_SPELLINGS` read it, without a suffix of
    :data:`_SPELT_SUFFIXES`, and the suffix's kind, when one leaves ``_SPELT_SUFFIX_STEM`` letters or more; else None.

    >>> _spelt_stem("fyziky"), _spelt_stem("physics"), _spelt_stem("fizycznej"), _spelt_stem("fiscal")
    (('fis', 'science'), ('fis', 'science'), ('fis', 'adjective'), None)
    """
    spelt = _folded(word)
    return next(((spelt[:-len(s)], kind) for s, kind in _SPELT_SUFFIXES
                 if spelt.endswith(s) and len(spelt) - len(s) >= _SPELT_SUFFIX_STEM), None)


@lru_cache(maxsize=200_000)
def cognate_score(a: str, b: str) -> float:
    """Return 100 when two folded words are one learned word in two languages, the likeness of their stems when
    both are long and at least :data:`COGNATE_SCORE` alike, else 0 (see the module's description)."""
    spelt_a = _spelt_stem(a)
    if spelt_a is not None and spelt_a == _spelt_stem(b) and not (a.isdigit() or b.isdigit()):
        return 100.0
    (stem_a, learned_a), (stem_b, learned_b) = learned_stem(a), learned_stem(b)
    shortest = min(len(stem_a), len(stem_b))
    if a.isdigit() or b.isdigit() or not (learned_a or learned_b or shortest >= _SPELT_STEM):
        return 0.0
    if stem_a == stem_b:
        return 100.0 if shortest >= (_STEM if learned_a and learned_b else _STEM_ONE) else 0.0
    if shortest < _LONG_STEM:
        return 0.0
    score = fuzz.ratio(stem_a, stem_b)
    return round(score, 1) if score >= COGNATE_SCORE else 0.0
