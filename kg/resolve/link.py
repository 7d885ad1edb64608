"""Record linkage of organisations: are two records (name, country, city, identifiers) the same body?

Identifiers decide first: two records that share a PIC, a VAT number, a national number or a Wikidata
item are the same body, and two that give different values of one of them are not. Otherwise the
names decide, compared by :func:`name_score` on the parts :func:`kg.resolve.orgnames.parse` finds
(kinds of body, legal form, core words), within one country: records of two different countries are
never the same body. The thresholds are :data:`~kg.resolve.thresholds.LINK_ACCEPT` and
:data:`~kg.resolve.thresholds.LINK_REVIEW`; a pair between the two is uncertain and goes to review.

Examples
--------
>>> compare(Record("община Петрич", "BG"), Record("Municipality of Petrich", "BG")).same
True
>>> compare(Record("Grad Zagreb", "HR"), Record("Zagrebačka županija", "HR")).same
False
>>> compare(Record("Obec Lipová", "CZ"), Record("Obec Lipová", "SK")).same
False
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Indel, Levenshtein

from kg.namespaces import EKG
from kg.resolve.academies import without_academy
from kg.resolve.acronyms import MAX_ACRONYM, SKIPPABLE, alignment_cost, expansion, initials
from kg.resolve.cognates import cognate_score
from kg.resolve.endings import is_ending, one_language_endings, translated_endings
from kg.resolve.given_names import is_first_name
from kg.resolve.greek import reads_greek, romanised, same_word
from kg.resolve.guess_country import guessed_country
from kg.resolve.networks import RESEARCH
from kg.resolve.networks import split as network_split
from kg.resolve.normalise import is_latin, normalise, umlauts_plain
from kg.resolve.orgnames import (
    ORG_HEADS,
    UNIT_KINDS,
    OrgName,
    common_word,
    country_languages,
    country_word,
    country_words,
    curated_rows,
    english_words,
    is_function_word,
    is_head_word,
    legal_form_changed,
    legal_form_kind,
    legal_status,
    parse,
    quoted_name,
    without_legal_form,
    word_meanings,
    written_name,
)
from kg.resolve.places import is_place, place_word, places_beginning, town_of, towns
from kg.resolve.region_names import REGION_ENDING_LETTERS, region_names, region_stem
from kg.resolve.ror import same_body as same_registry_body
from kg.resolve.ror import two_bodies as two_registry_bodies
from kg.resolve.thresholds import (
    LINK_ACCEPT,
    LINK_ACRONYM_SHORT,
    LINK_CITY_PENALTY,
    LINK_INFLECTED_STEM,
    LINK_LEGAL_FORM_PENALTY,
    LINK_LEGAL_STATUS_CAP,
    LINK_ONE_KIND_CAP,
    LINK_ONE_KIND_PENALTY,
    LINK_OTHER_KIND_CAP,
    LINK_REGISTRY,
    LINK_REVIEW,
    LINK_SEGMENT_PENALTY,
    LINK_STEM_LENGTH,
    LINK_STEM_SUFFIX,
    LINK_WORD_MATCH,
)
from kg.resolve.trades import without_activity, without_trades
from kg.resolve.truncations import spelt_out
from kg.resolve.word_frequency import rarity

__all__ = ["IDENTIFIER_SCHEMES", "SCHEME_PROPERTIES", "Match", "Record", "compare", "country_code", "identifier_keys",
           "identifier_scheme", "identifiers_conflict", "name_score", "region_cores"]

#: The identifiers that decide a pair before its names, strongest first.
IDENTIFIER_SCHEMES = ("pic", "vat", "national", "wikidata")
#: The sub-property of ekg:organisationId that states each kind of identifier a source names (a mapping's
#: ``identifier_scheme``, its ``partner_vat``): what the table import writes and record linkage reads.
SCHEME_PROPERTIES = {"pic": EKG.pic, "vat": EKG.vatNumber, "national": EKG.nationalNumber}
_VAT_PREFIX = re.compile(r"^[A-Z]{2}(?=[0-9])")
_PIC = re.compile(r"^[0-9]{9}$")
_VAT = re.compile(r"^[A-Z]{2}[0-9A-Z]{8,12}$")
# What a Norwegian or Swiss VAT number writes after the organisation number ("NO974760673MVA": merverdiavgift;
# "CHE105833232MWST", Mehrwertsteuer, TVA, IVA).
_VAT_SUFFIX = re.compile(r"(?<=[0-9])(?:MVA|MWST|TVA|IVA)$")


@dataclass(frozen=True)
class Record:
    """One organisation as a source gives it.

    Attributes
    ----------
    name : str
        Its name as written.
    country : str or None
        Its country: an ISO 3166-1 or EU code (``EL``, ``UK``) or an English or native name.
    city : str or None
        Its city or region as the source writes it.
    identifiers : tuple of (str, str)
        (scheme, value) pairs, scheme one of :data:`IDENTIFIER_SCHEMES`.
    """

    name: str
    country: str | None = None
    city: str | None = None
    identifiers: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True)
class Match:
    """The answer for one pair of records.

    Attributes
    ----------
    score : float
        0–100: 100 for a shared identifier or the same name.
    same : bool
        Whether the records are the same body (``score >= LINK_ACCEPT``).
    review : bool
        Whether the pair is uncertain (``LINK_REVIEW <= score < LINK_ACCEPT``) and a person should decide.
    method : str
        How it was decided: ``identifier:pic`` …, ``identifier-conflict:vat`` …, ``country``,
        ``registry:ror`` (two names the Research Organization Registry gives to one body, :mod:`kg.resolve.ror`),
        ``registry-conflict:ror`` (an uncertain pair of names it gives to two bodies: not sent to review), ``name``.
    """

    score: float
    same: bool
    review: bool
    method: str


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from kg.reference.countries import COUNTRIES

    names: dict[str, str] = {}
    for country in COUNTRIES:
        for text in (country.name_en, country.native_name, *(n for n, _ in country.other_names)):
            names[normalise(text)] = country.iso2
    return names


@lru_cache(maxsize=1024)
def country_code(text: str | None) -> str | None:
    """Return the ISO 3166-1 alpha-2 code of a country as sources write it (``EL``, ``UK``, ``Bulgaria``), also
    with its code or a second name beside it (``Bulgaria (BG)``, ``BG - Bulgaria``); text that names no country
    is returned folded.

    Examples
    --------
    >>> country_code("EL"), country_code("uk"), country_code("Bulgaria"), country_code("GH"), country_code("")
    ('GR', 'GB', 'BG', 'GH', None)
    >>> country_code("Bulgaria (BG)"), country_code("BG - България"), country_code("Atlantis")
    ('BG', 'BG', 'atlantis')
    >>> country_code("Netherlands (the)"), country_code("Sofia, Bulgaria"), country_code("Česká republika")
    ('NL', 'BG', 'CZ')
    """
    if text is None or not text.strip():
        return None
    found = _known_country(text) or _state_named(text)
    if found is None:  # "Bulgaria (BG)", "Netherlands (the)": the parts that name a country name this one
        named = {_known_country(part) or _state_named(part) for part in _COUNTRY_PARTS.split(text) if part.strip()}
        named.discard(None)
        found = named.pop() if len(named) == 1 else None
    if found is not None:
        return found
    return text.strip().upper() if re.fullmatch(r"[A-Za-z]{2}", text.strip()) else normalise(text)


# What separates a country's name from its code or a second name: parentheses, a slash, a comma, a dash.
_COUNTRY_PARTS = re.compile(r"\s*[()/,;|]\s*|\s+[-–]\s+")
# The words of a state's official long name in the EU's languages beside the country's name or adjective
# ("Česká republika", "Rzeczpospolita Polska", "Kingdom of Spain", "République française").
_STATE_FORMS = frozenset(
    "republic republika republik republique repubblica republica republiek rzeczpospolita respublika vabariik "
    "tasavalta dimokratia demokratia kingdom koenigreich konigreich koninkrijk reino regno royaume kongeriget "
    "kongeriket konungariket grand duchy grossherzogtum grand duche bundesrepublik federal federale "
    "of the de la del di della van der des du".split())


def _state_named(text: str) -> str | None:
    """The ISO code of the one country whose name or adjective is what a state's long name says beside the words
    of its form (:data:`_STATE_FORMS`): "Česká republika" is Czechia, "Slovenská republika" (Slovak, or Slovene) no
    one country."""
    written = normalise(text).split()
    words = [w for w in written if w not in _STATE_FORMS]
    if not words or len(words) == len(written):
        return None
    rest = " ".join(words)
    if (found := _known_country(rest)) is not None:
        return found
    named = {code for code, (_, table_words, stems) in country_words().items()
             if all(w in table_words or w.startswith(stems) for w in words)}
    return named.pop() if len(named) == 1 else None


def _known_country(text: str) -> str | None:
    """The ISO code of a country's code or name (English, native or another of its names), else None."""
    from kg.reference.countries import get_country, world_country

    try:
        return get_country(text).iso2
    except KeyError:
        pass
    folded = normalise(text)
    if folded in _country_names():
        return _country_names()[folded]
    if (found := world_country(text)) is not None:  # "Czech Republic", "Turkey", "the Netherlands"
        return found.iso2
    if re.fullmatch(r"[A-Za-z]{2}", text.strip()):
        return text.strip().upper()
    return None


def _reading_countries(a: Record, b: Record, country_a: str | None, country_b: str | None
                       ) -> tuple[str | None, str | None]:
    """The countries in whose ways the two names are read: a record that gives no country is read as the other's,
    two that give none as the one their names and cities tell (:func:`kg.resolve.guess_country.guessed_country`),
    when they do not tell two."""
    if not country_a and not country_b:
        guess_a, guess_b = guessed_country(a.name, a.city), guessed_country(b.name, b.city)
        if guess_a and guess_b and guess_a != guess_b:
            return None, None
        country_a = country_b = guess_a or guess_b
    return country_a or country_b, country_b or country_a


def _identifier(scheme: str, value: str) -> str:
    folded = normalise(value).replace(" ", "").upper()
    if scheme == "vat":
        folded = _VAT_SUFFIX.sub("", _VAT_PREFIX.sub("", folded))
    if scheme == "wikidata":
        folded = folded.rsplit("/", 1)[-1]
    return folded


def identifier_scheme(value: str) -> str:
    """The kind of an identifier no source said the kind of, told by its form: nine digits a PIC, two letters and
    digits a VAT number, an IRI (Kohesio's beneficiary) a ``uri`` that decides nothing, else a national number.

    >>> identifier_scheme("999 908 532"), identifier_scheme("HR15351583880"), identifier_scheme("15351583880")
    ('pic', 'vat', 'national')
    >>> identifier_scheme("https://linkedopendata.eu/entity/Q1")
    'uri'
    """
    if value.startswith(("http://", "https://")):
        return "uri"
    compact = re.sub(r"[\s.-]", "", value).upper()
    return "pic" if _PIC.match(compact) else "vat" if _VAT.match(compact) else "national"


def identifier_keys(record: Record) -> set[str]:
    """Return the record's identifiers as :func:`compare` reads them, a VAT number as the national number it holds:
    two records that share one are one body, or two of the same number in two schemes.

    >>> sorted(identifier_keys(Record("U", identifiers=(("vat", "HR15351583880"), ("pic", "999999999")))))
    ['15351583880', 'pic:999999999']
    """
    return {(_identifier(s, v) if s in ("vat", "national") else f"{s}:{_identifier(s, v)}")
            for s, v in record.identifiers if s in IDENTIFIER_SCHEMES and v and v.strip()}


def _by_identifiers(a: Record, b: Record) -> Match | None:
    """Decide a pair by the identifiers of one scheme both give, strongest first: equal, one body; different, two.
    Else a VAT number of one that is the other's national number after its country prefix (the Croatian OIB, the
    Norwegian organisation number) is one body; that they differ says nothing (a national number of another
    register)."""
    ids_a = {s: _identifier(s, v) for s, v in a.identifiers if v and v.strip()}
    ids_b = {s: _identifier(s, v) for s, v in b.identifiers if v and v.strip()}
    for scheme in IDENTIFIER_SCHEMES:
        if scheme in ids_a and scheme in ids_b:
            if ids_a[scheme] == ids_b[scheme]:
                return Match(100.0, True, False, f"identifier:{scheme}")
            return Match(0.0, False, False, f"identifier-conflict:{scheme}")
    for one, other in ((ids_a, ids_b), (ids_b, ids_a)):
        if "vat" in one and one["vat"] == other.get("national"):
            return Match(100.0, True, False, "identifier:vat")
    return None


def identifiers_conflict(a: Record, b: Record) -> bool:
    """Whether the identifiers of two records say they are two bodies (``identifier-conflict:…``).

    >>> identifiers_conflict(Record("U", identifiers=(("pic", "911111111"),)),
    ...                      Record("U", identifiers=(("pic", "922222222"),)))
    True
    >>> identifiers_conflict(Record("U", identifiers=(("pic", "911111111"),)), Record("U"))
    False
    """
    decided = _by_identifiers(a, b)
    return decided is not None and not decided.same


# The Slavic and Greek "evro-" (Евро-, Evropski, Ευρω-) is "euro-".
_EURO = frozenset({"evro", "euro"})


@lru_cache(maxsize=500_000)
def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if {a[:4], b[:4]} == _EURO:
        return _word_similarity("euro" + a[4:], "euro" + b[4:])  # "ЕВРОРАДАР" is "EURORADAR", "Evropski" "Europski"
    if a.isdigit() or b.isdigit() or _two_towns(a, b):
        return 0.0  # two towns: "Świdnica" and "Świdnik" (the forms of one town are one word, kg.resolve.places)
    short, long = sorted((a, b), key=len)
    if _swapped(a, b):
        return 100.0  # "Koprivncia" is "Koprivnica" with two letters swapped
    if len(short) >= LINK_STEM_LENGTH and umlauts_plain(a) == umlauts_plain(b):
        return 100.0  # "OESTERREICHISCHE" is "Österreichische" written without its marks
    if len(short) >= LINK_STEM_LENGTH and long.endswith(short) and len(long) - len(short) >= 2:
        return 0.0  # a word with a prefix is another word: "organic" and "bioorganic", "physics" and "geophysics"
    if _other_town(a, b):
        return fuzz.ratio(a, b)
    if len(short) >= LINK_STEM_LENGTH and long.startswith(short) and len(long) - len(short) <= LINK_STEM_SUFFIX \
            and is_ending(long[len(short):]):
        return 100.0
    if _inflected(short, long):
        return 100.0
    if len(long) - len(short) <= LINK_STEM_SUFFIX and _swapped(short, long[:len(short)]) \
            and is_ending(long[len(short):]):
        return 100.0  # a slip of typing and an ending: "Vizdeme" and "Vidzemes"
    if len(short) < LINK_STEM_LENGTH:
        return 0.0
    return max(fuzz.ratio(a, b), cognate_score(a, b))  # one learned word in two languages: "sismologique"


@lru_cache(maxsize=500_000)
def _greek_similarity(a: str, b: str) -> float:
    """Return :func:`_word_similarity` of two words of Greek names, or of their romanisation keys
    (:func:`kg.resolve.greek.romanised`: ``HELLINIKOS`` and ``ELLINIKOS``, ``EREYNAS`` and ``EREVNAS``) when
    higher, 100 for one word in two cases or spellings (:func:`kg.resolve.greek.same_word`); two towns stay two
    words."""
    plain = _word_similarity(a, b)
    if plain == 100.0 or a.isdigit() or b.isdigit() or _two_towns(a, b):
        return plain
    key_a, key_b = romanised(a), romanised(b)
    return 100.0 if same_word(key_a, key_b) else max(plain, _word_similarity(key_a, key_b))


def _two_places(a: str, b: str, country: str) -> bool:
    """Whether two folded words are the names or forms of two places of ``country`` in the table of places
    (:func:`kg.resolve.places.is_place`, towns of a thousand inhabitants or more): ``Głogów`` and ``Głogówek``,
    two towns and municipalities, though one reads as the other with an ending.

    >>> _two_places("glogow", "glogowek", "PL"), _two_places("glogow", "glogowie", "PL")
    (True, False)
    """
    return is_place(a, country) and is_place(b, country) \
        and place_word(a, country, adjectives=False) != place_word(b, country, adjectives=False)


@lru_cache(maxsize=64)
def _similarity(country: str | None) -> Callable[[str, str], float]:
    """The word similarity of names of ``country``: :func:`_greek_similarity` for Greek and Cypriot names, and
    no likeness between the names of two places of the country (:func:`_two_places`)."""
    similar = _greek_similarity if reads_greek(country) else _word_similarity
    if not country:
        return similar

    def in_country(a: str, b: str) -> float:
        if a == b:
            return 100.0
        if _one_region(a, b, country):
            return 100.0  # "Steiermark" and "Styrian", "Kärnten" and "Carinthia": one region's names
        if _two_places(a, b, country):
            return 0.0
        score = similar(a, b)
        if score == 100.0 and similar is _word_similarity and _other_language_endings(a, b, country):
            return min(fuzz.ratio(a, b), _OTHER_WORD)  # "Kart", "Karton"; "Anton", "Antonovo": no ending of its
        if score < 100.0 and (_place_inflected(a, b, country) or _fleeting_vowel(a, b, country)):
            return 100.0  # "Biržai" and "Biržų": a town and its genitive; "Karlovac" and "Karlovca"
        if score < 100.0 and _first_name_inflected(a, b, country):
            return 100.0  # "Jan" and "Jana": a patron's first name and its genitive
        return score
    return in_country


# A first name's case ending adds at most this many letters ("Jan", "Jana"; "Ion", "Ionescu" is no case).
_FIRST_NAME_ENDING = 2


@lru_cache(maxsize=200_000)
def _first_name_inflected(a: str, b: str, country: str) -> bool:
    """Whether two folded words are one first name of the name list (:func:`kg.resolve.given_names.is_first_name`)
    and its form with a case ending of a language of ``country``, however short the name: the patron of
    "Teatr im. Jana Kochanowskiego" is the "Jan Kochanowski" of its English name.

    >>> _first_name_inflected("jan", "jana", "PL"), _first_name_inflected("jan", "janos", "PL")
    (True, False)
    """
    short, long = sorted((a, b), key=len)
    languages = country_languages(country)
    return bool(languages) and long.startswith(short) and 0 < len(long) - len(short) <= _FIRST_NAME_ENDING \
        and is_first_name(short) and one_language_endings("", long[len(short):], languages - {"en"})


# A town's name and a form of it with another ending of its country's language share at least this many letters.
_PLACE_STEM = 4


@lru_cache(maxsize=500_000)
def _place_inflected(a: str, b: str, country: str) -> bool:
    """Whether two folded words are one town of ``country`` (:func:`kg.resolve.places.is_place`) in two cases: the
    same stem with two endings of one of its languages (``Biržai``, ``Biržų``; ``Kaunas``, ``Kauno``), of fewer
    letters than other words need (:func:`_inflected`), as a town's name is known and no other place's name
    begins with the stem (``Radomia``, of Radom, is not ``Radomsko``).

    >>> _place_inflected("birzai", "birzu", "LT"), _place_inflected("birzai", "birzu", "LV")
    (True, False)
    >>> _place_inflected("radomia", "radomsko", "PL")
    False
    """
    languages = country_languages(country)
    return bool(languages) and _one_stem_two_endings(a, b, _PLACE_STEM, languages - {"en"}) \
        and (is_place(a, country) or is_place(b, country)) \
        and len(places_beginning(a[:len(os.path.commonprefix((a, b)))], country)) == 1


def _one_stem_two_endings(a: str, b: str, min_stem: int, languages: frozenset[str]) -> bool:
    """Whether two words share a stem of ``min_stem`` letters or more, the shorter adding at most two letters to it
    and the longer at most ``LINK_STEM_SUFFIX`` and one, and their two rests are endings of one of ``languages``
    (:func:`kg.resolve.endings.one_language_endings`): one word in two cases, if it is a place's name.

    >>> _one_stem_two_endings("birzai", "birzu", 4, frozenset({"lt"}))
    True
    >>> _one_stem_two_endings("ape", "apes", 4, frozenset({"lv"}))  # a stem too short for this bound
    False
    """
    short, long = sorted((a, b), key=len)
    stem = len(os.path.commonprefix((a, b)))
    return stem >= min_stem and len(short) - stem <= 2 and len(long) - stem <= LINK_STEM_SUFFIX + 1 \
        and one_language_endings(a[stem:], b[stem:], languages)


# The languages whose nouns lose the vowel of their last syllable before an ending (Croatian "nepostojano a", Czech
# and Slovak "pohyblivé e"): "Karlovac", "Karlovca"; "Zadar", "Zadra"; "Písek", "Písku"; "Lučenec", "Lučenca".
_FLEETING_LANGUAGES = frozenset({"hbs", "sl", "cs", "sk", "pl"})
_FLEETING_VOWELS = "ae"
# A town's name keeps at least this many letters before its fleeting vowel.
_FLEETING_STEM = 3


@lru_cache(maxsize=200_000)
def _fleeting_vowel(a: str, b: str, country: str) -> bool:
    """Whether one of two folded words is a town of ``country`` (:func:`kg.resolve.places.is_place`) whose last
    syllable's vowel the other drops before an ending of a language of :data:`_FLEETING_LANGUAGES` ("Karlovac",
    "Karlovca": the city of Karlovac's genitive, as in "Turistička zajednica grada Karlovca"), the other no other
    place.

    >>> _fleeting_vowel("karlovac", "karlovca", "HR"), _fleeting_vowel("zadar", "zadra", "HR")
    (True, True)
    >>> _fleeting_vowel("karlovac", "karlovca", "DE"), _fleeting_vowel("zadar", "zadruga", "HR")  # a cooperative
    (False, False)
    """
    languages = (country_languages(country) or frozenset()) & _FLEETING_LANGUAGES
    if not languages:
        return False
    for town, form in ((a, b), (b, a)):
        stem, vowel, last = town[:-2], town[-2:-1], town[-1:]
        if len(stem) >= _FLEETING_STEM and vowel and vowel in _FLEETING_VOWELS and last.isalpha() \
                and last not in "aeiouy" and form.startswith(stem + last) and is_place(town, country) \
                and place_word(form, country, adjectives=False) in (form, town) \
                and one_language_endings("", form[len(stem) + 1:], languages):
            return True
    return False


def _other_language_endings(a: str, b: str, country: str) -> bool:
    """Whether two words read as one word with two endings only through endings that no language of ``country``
    has, or through two languages' endings (:func:`kg.resolve.endings.one_language_endings`); not a word
    written without its marks, with two letters swapped or a long word with one letter slipped (``Promocamea``),
    nor one learned word of English in two languages (:func:`kg.resolve.cognates.cognate_score`:
    ``météorologique``, ``meteorological``; not the villages ``Borovan`` and ``Borovo``)."""
    languages = country_languages(country)
    if languages is None or umlauts_plain(a) == umlauts_plain(b) or _swapped(a, b) \
            or (min(len(a), len(b)) >= _SLIP_LENGTH and Levenshtein.distance(a, b) == 1) \
            or (_learned_english(a, b) and cognate_score(a, b) == 100.0):
        return False
    shared = len(os.path.commonprefix((a, b)))
    if max(len(a), len(b)) - shared > LINK_STEM_SUFFIX + 1:
        return False  # no ending: a letter left out or changed inside the word ("ANTARTICHESKI")
    # English endings ("s") inflect no name of a country that does not write English: "Szente", "Szentes"
    own = languages if country.upper() in _ENGLISH_COUNTRIES else languages - {"en"}
    # but a plural of an English noun is that noun in English: "materials", Romanian "materialelor"
    plurals = any(w[-1:] == "s" and w[:-1] in english_words() for w in (a, b))
    # the stem may end before the letters both endings begin with: "Podlaski-e", "Podlaski-ego"
    for stem in range(shared, max(shared - LINK_STEM_SUFFIX, 0) - 1, -1):
        if one_language_endings(a[stem:], b[stem:], own):
            return False
        # a name in English and in its language, of a stem long enough to be one name: "Jagiellonian", "Jagielloński"
        if stem >= _TRANSLATED_STEM and translated_endings(a[stem:], b[stem:], languages, plurals):
            return False
    return True


def _learned_english(a: str, b: str) -> bool:
    """Whether one of two words is an English word of simplemma's dictionary or has an English learned suffix
    (``Iberian``): a cognate in English of the other, not a name of the country (``Borovan``)."""
    return any(w in english_words() or w.endswith(_LEARNED_SUFFIXES) for w in (a, b))


# English suffixes of learned words and of the adjectives of peoples and places.
_LEARNED_SUFFIXES = ("ian", "ical", "ics", "ology", "ation")
# Two words that differ by what is no ending of their country's languages are two words, however alike their
# letters: at most this alike ("Szente", "Szentes", two villages).
_OTHER_WORD = 80.0
# A word this long with one letter more, less or other is the same word slipped ("Promocamea", "Promocamera").
_SLIP_LENGTH = 8
# A word in English and in another language with another ending is one word when they share this many letters.
_TRANSLATED_STEM = 6
# The countries whose names are written in English too.
_ENGLISH_COUNTRIES = frozenset({"GB", "UK", "IE", "MT", "US", "CA", "AU", "NZ", "ZA", "IN"})


@lru_cache(maxsize=64)
def _region_words(country: str | None) -> dict[str, frozenset[str]]:
    """The one-word names of ``country``'s NUTS regions (:func:`region_cores`: in their languages, in English, and
    their adjectives), each with the codes of the regions it names; a name the word table reads as a region's
    meaning is kept as written too ("Mazowieckie", read "masovia", for the "Mazowiecki" of a town's name)."""
    words: dict[str, set[str]] = {}
    for core, codes in region_cores(country).items():
        if len(core) == 1:
            words.setdefault(core[0], set()).update(codes)
    for name, code, core in _parsed_regions(country):
        for word in normalise(name).split() if len(core) == 1 else ():
            if word != core[0] and parse(word, country).core == core:  # "Istarska" of "Istarska županija"
                words.setdefault(word, set()).add(code)
    return {word: frozenset(codes) for word, codes in words.items()}


@lru_cache(maxsize=500_000)
def _one_region(a: str, b: str, country: str) -> bool:
    """Whether two words are two names of one NUTS region of ``country``, in any case: ``Wirtschaftskammer
    Steiermark`` is the ``Styrian Chamber of Commerce``, ``Fachhochschule Kärnten`` the ``Carinthia University of
    Applied Sciences``, ``Turistička zajednica Istarske županije`` the ``Istria County Tourist Board``."""
    if not _region_word_codes(a, country) & _region_word_codes(b, country):
        return False
    # a town's name is the town's, though a NUTS 3 region bears it ("Radom", "Radomsko": Radomski)
    return not any(is_place(w, country) or place_word(w, country) != w for w in (a, b))


def _region_word_codes(word: str, country: str) -> frozenset[str]:
    """The codes of the regions a one-word name of a region names, the word as written or with an ending of the
    country's languages (the stem of a name of five letters or more: ``Istarske``, of ``Istarska``; not
    ``Nógrádsáp``, a village of the county of Nógrád)."""
    words = _region_words(country)
    if word in words:
        return words[word]
    stems, languages = _region_stems(country), country_languages(country) or frozenset()
    return next((stems[word[:end]] for end in range(len(word) - 1, max(len(word) - REGION_ENDING_LETTERS, 3), -1)
                 if word[:end] in stems and one_language_endings(word[end:], "", languages)), frozenset())


@lru_cache(maxsize=64)
def _region_stems(country: str | None) -> dict[str, frozenset[str]]:
    """The stems (without their last vowels, four letters or more) of the one-word names of ``country``'s
    regions, each with the codes of the regions it names."""
    stems: dict[str, set[str]] = {}
    for word, codes in _region_words(country).items():
        stem = region_stem(word)
        if len(word) >= 5 and len(stem) >= 4:
            stems.setdefault(stem, set()).update(codes)
    return {stem: frozenset(codes) for stem, codes in stems.items()}


# A word this long or longer written with two neighbouring letters swapped is the same word misspelt.
_SWAP_LENGTH = 7


def _swapped(a: str, b: str) -> bool:
    """Whether two words of ``_SWAP_LENGTH`` letters or more are one with two neighbouring letters swapped
    (``koprivncia``, ``koprivnica``): a slip of typing, where two places' names differ in a letter or more."""
    return len(a) == len(b) >= _SWAP_LENGTH and OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2


def _two_towns(a: str, b: str) -> bool:
    """Whether two words name two towns (``Świdnicy`` and ``Świdniku``: :func:`kg.resolve.places.town_of`)."""
    town_a = town_of(a)
    return town_a is not None and (town_b := town_of(b)) is not None and town_a != town_b


def _other_town(a: str, b: str) -> bool:
    """Whether one word is a town and the other leaves out more than its last letter (``Gryfino`` and
    ``gryficki``, the adjective of Gryfice): the other word names another town, or none."""
    town = a if a in towns() else b if b in towns() else None
    return town is not None and len(os.path.commonprefix((a, b))) < len(town) - 1


def _inflected(short: str, long: str) -> bool:
    """Whether two words are one stem with two endings: ``Žilina``/``Žilinský``, ``Slovenije``/``Slovenia``.

    The longer word is longer; the stem is at least ``LINK_INFLECTED_STEM`` letters and all the shorter
    word but its last two at most; the longer word's ending is at most ``LINK_STEM_SUFFIX`` + 1 letters
    (``Szomor`` and ``Szomód``, two villages, are not one word).
    """
    stem = len(os.path.commonprefix((short, long)))
    return (len(long) >= len(short) and short != long and stem >= LINK_INFLECTED_STEM and len(short) - stem <= 2
            and len(long) - stem <= LINK_STEM_SUFFIX + 1 and not short.isdigit()
            and is_ending(short[stem:]) and is_ending(long[stem:]))


def _word_weight(word: str, country: str | None) -> float:
    """What a core word weighs in a name: its length, times a factor that falls with the share of the country's
    organisation names that hold it (:func:`kg.resolve.word_frequency.rarity`: "kereskedelmi", *trading*, which
    every fifth Hungarian company writes, weighs less than a rare word of its length)."""
    return len(word) * rarity(word, country)


@lru_cache(maxsize=200_000)
def _weights(words: tuple[str, ...], country: str | None) -> tuple[float, ...]:
    """The :func:`_word_weight` of each word of a core (a core is compared with many others)."""
    return tuple(_word_weight(w, country) for w in words)


def _coverage(words: tuple[str, ...], others: tuple[str, ...], country: str | None = None, rarity_weights: bool = True
              ) -> float:
    """How well ``others`` cover ``words``: each word's best similarity, weighted by :func:`_word_weight` (by its
    length alone without ``rarity_weights``)."""
    weights = _weights(words, country) if rarity_weights else tuple(len(w) for w in words)
    similar = _similarity(country)
    return sum(weight * max(similar(w, o) for o in others)
               for weight, w in zip(weights, words, strict=True)) / sum(weights)


def _numbers(words: tuple[str, ...]) -> set[str]:
    return {w for w in words if any(c.isdigit() for c in w)}


def _unmatched(words: tuple[str, ...], others: tuple[str, ...], country: str | None = None) -> bool:
    """True when a word of ``words`` (4+ letters) has nothing like it in ``others`` (names of ``country``)."""
    similar = _similarity(country)
    return any(len(w) >= LINK_STEM_LENGTH and max(similar(w, o) for o in others) < LINK_WORD_MATCH
               for w in words)


# Kinds a name may leave unsaid: the one a bare place name stands for ("Petrich" for "Община Петрич"; a bare
# "Lublin" is the city, not the region "Województwo Lubelskie" nor a county), and
# those that say how a body is constituted, as a legal form does ("Fondazione ICONS" and "ICONS"), and an agency,
# whose head one language writes as a word that says nothing ("Umweltbundesamt", an office; "Livsmedelsverket").
_UNSAID_KINDS = frozenset({"municipality", "district-municipality", "association", "foundation", "agency",
                           "consortium"})
# Two cores whose words joined are this alike are one name split otherwise ("Regional Management"/"Regionalmanagement").
_JOINED = 97.0
# Beside the words two cores share, the others joined must be this alike to be one word written apart.
_JOINED_REST = 90.0


def _joined_score(a: tuple[str, ...], b: tuple[str, ...], country: str | None) -> float:
    """Return how alike two cores are as one name written with its words apart or together ("Nowa Sól", "Nowasól").

    The words both cores hold count as matched, by their weight (:func:`_word_weight`), and only the others are
    compared joined: two companies that share their activity words ("… Kereskedelmi és Szolgáltató Kft.") are
    as alike as their own words, not as the long joined string of the words they share.
    """
    shared = set(a) & set(b)
    rest_a, rest_b = (tuple(w for w in x if w not in shared) for x in (a, b))
    if not shared:
        return fuzz.ratio("".join(a), "".join(b))
    if not rest_a or not rest_b:
        return 0.0  # one name is the other with a word more: "Fincantieri" and "Fincantieri SI"
    weight_shared = sum(_word_weight(w, country) for w in shared)
    weight_rest = max(sum(_word_weight(w, country) for w in rest) for rest in (rest_a, rest_b))
    rest = fuzz.ratio("".join(rest_a), "".join(rest_b))
    if rest < _JOINED_REST:
        return 0.0  # the words left are other words, not one written apart: "M.I.T. Consulting", "PM Consulting"
    return (weight_shared * 100.0 + weight_rest * rest) / (weight_shared + weight_rest)


# Names of this many core words or more that cover each other as well as LINK_ACCEPT asks are one name reworded,
# though each says a word the other does not ("EUROPEAN DYNAMICS ADVANCED SYSTEMS OF TELECOMMUNICATIONS INFORMATICS
# AND TELEMATICS SA", "… ADVANCED INFORMATION TECHNOLOGY AND TELECOMMUNICATION SYSTEMS SA"); in shorter names such a
# word names another body ("INSA de Strasbourg Kinn", "INSA de Strasbourg Lesja").
_REWORDED_LENGTH = 4


def _name_shared(a: tuple[str, ...], b: tuple[str, ...], country: str | None) -> bool:
    """Whether two cores share a rare word, the name of their body, beside the words they reword ("EUROPEAN
    DYNAMICS …"); a region or country read as its code is none: "Institute of the Republic of Slovenia for Nature
    Conservation" and the "Social Protection Institute of the Republic of Slovenia" are two institutes."""
    return any(rarity(w, country) >= 1.0 and not w.startswith("<") for w in set(a) & set(b))


def _reworded(a: tuple[str, ...], b: tuple[str, ...], country: str | None, marks: frozenset[str]) -> bool:
    """Whether every word of one core that the other has nothing like is a common word of a language, no place nor
    name (:func:`kg.resolve.orgnames.common_word`): "informatics", "telematics"; not the towns of two Red Cross
    societies nor two doctors' names."""
    similar = _similarity(country)
    return all(common_word(w) and not is_place(w, country) and w not in marks
               for words, others in ((a, b), (b, a)) for w in words
               if len(w) >= LINK_STEM_LENGTH and max(similar(w, o) for o in others) < LINK_WORD_MATCH)


def _own_letters(a: tuple[str, ...], b: tuple[str, ...], country: str | None) -> bool:
    """Whether each core says something of its own that the other does not write, one side at least by a short word
    (initials, a run of single letters read as one: "D & H" is "DH"): two companies beside their shared words ("AB
    ADVANCED INFORMATION TECHNOLOGY SYSTEMS SA", "CD …"; "D & H METAL …", "IK METÁL …"), two local action groups ("MAS
    Český les", "MAS Český sever"). A title's letters written apart are the title ("D-r" is "Dr")."""
    own_a, own_b = _own_short(a, b, country), _own_short(b, a, country)
    return bool(own_a) and (bool(own_b) or _unmatched(b, a, country)) or bool(own_b) and _unmatched(a, b, country)


def _own_short(core: tuple[str, ...], other: tuple[str, ...], country: str | None) -> set[str]:
    """The short words of ``core`` (:func:`_short_words`, runs of single letters joined) that ``other`` does not
    write, as a word or as its own run of letters; the country's code aside ("Centar … CERURA HR")."""
    others = set(other) | set(_short_words(other)) | {(country or "").lower()}
    return {w for w in _short_words(core) if len(w) > 1 and not (
        country and any(_first_name_inflected(w, o, country) for o in other))} - others


def _short_words(core: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a core shorter than a stem, numbers aside, each run of single letters joined into one."""
    return tuple(w for w, joined in _letter_runs(core) if joined or (len(w) < LINK_STEM_LENGTH and not w.isdigit()))


def _letter_runs(core: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The words of a core with each run of single letters (not digits) joined into one word, and whether a word is
    such a run ("M G" is "mg").

    >>> _letter_runs(("m", "g", "giurgiu", "1", "a"))
    [('mg', True), ('giurgiu', False), ('1', False), ('a', False)]
    """
    runs: list[tuple[str, bool]] = []
    for i, w in enumerate(core):
        if len(w) == 1 and not w.isdigit() and i and len(core[i - 1]) == 1 and not core[i - 1].isdigit() and runs:
            runs[-1] = (runs[-1][0] + w, True)
        else:
            runs.append((w, False))
    return runs


def _split_otherwise(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two cores of as many words part their words elsewhere: a word of one begins a longer word of the
    other ("KUNSTAKADEMIS SKOLER", "KUNST-AKADEMISSKOLER"), not two words that differ by a letter (two villages)."""
    if min(len(a), len(b)) < 2:
        return False  # one word each: a word extended is another ("KRAMA", "KRAMAS"), not one parted elsewhere
    rest_a, rest_b = set(a) - set(b), set(b) - set(a)
    return any(x != y and len(min(x, y, key=len)) >= LINK_STEM_LENGTH and (x.startswith(y) or y.startswith(x))
               for x in rest_a for y in rest_b)


def core_score(a: tuple[str, ...], b: tuple[str, ...], country: str | None = None,
               marks: frozenset[str] = frozenset()) -> float:
    """Return 0–100: how alike two cores are, every word of each covered by the other, the words of ``country``'s
    names weighed by how rare they are (:func:`_word_weight`); ``marks`` are words the names write as acronyms are
    (a name of its own, "Učilište LINK"), which no rewording changes.

    Examples
    --------
    >>> core_score(("nova", "ves"), ("nova", "ves"))
    100.0
    >>> core_score(("nova", "ves"), ("nova", "ves", "zitavou")) < 75
    True
    >>> core_score(("lodz",), ("lodzki",))
    100.0
    """
    if not a or not b:
        return 0.0
    # Rarity weighs words only where two names share no rare word: then common words must not make them alike
    # ("… Kereskedelmi és Szolgáltató Kft."); a shared rare word already says which body it is, and a word
    # written beside it (the body's acronym, a misspelling) weighs by its length, as in any other name.
    common_only = not any(rarity(w, country) >= 1.0 for w in set(a) & set(b))
    words = min(_coverage(a, b, country, common_only), _coverage(b, a, country, common_only))
    joined_a, joined_b = "".join(a), "".join(b)
    joined = 0.0
    if (len(a) != len(b) or _split_otherwise(a, b)) and min(len(joined_a), len(joined_b)) >= LINK_STEM_LENGTH \
            and abs(len(joined_a) - len(joined_b)) <= LINK_STEM_SUFFIX:
        joined = _joined_score(a, b, country)  # words split or joined: "Nowa Sól", "Nowasól"
        words = max(words, joined)
    unmatched = joined < _JOINED and _unmatched(a, b, country) and _unmatched(b, a, country) \
        and not (min(len(a), len(b)) >= _REWORDED_LENGTH and words >= LINK_ACCEPT and _name_shared(a, b, country)
                 and _reworded(a, b, country, marks))
    if (_numbers(a) and _numbers(b) and _numbers(a) != _numbers(b)) or unmatched or _other_directions(a, b) \
            or _own_letters(a, b, country):
        words = min(words, LINK_OTHER_KIND_CAP)  # "Turu tn 3" is not "Turu tn 12a"; "Jurbarko …" not "Tauragės …"
    return words


# Points of the compass, folded, in the EU's languages where they are no other common word: two names that give
# two (``Campus Nord`` and ``Campus Sud``, ``Nord-Est`` and ``Nord-Vest``) name two bodies, as two numbers do.
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                         "northeast", "northwest", "southeast", "southwest", "nord",
                         "sud", "sued", "ouest", "ost", "noord", "zuid", "oost", "norte", "oeste", "ovest", "vest",
                         "nordost", "nordwest", "suedost", "suedwest", "sudost", "sudwest", "sever", "istok",
                         "zapad"})


# Words of a core that say the middle of a land, as a point of the compass says a side of it: the Portuguese "Centro"
# and "Norte" are two regions, and their coordination commissions two bodies.
_MIDDLE = frozenset({"centre", "center", "central", "centro", "centru", "middle"})


def _other_directions(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two cores both give points of the compass, and not the same, or one gives the middle
    (:data:`_MIDDLE`) and no point and the other a point and no middle.

    >>> _other_directions(("campus", "nord"), ("campus", "sud")), _other_directions(("nord", "est"), ("nord",))
    (True, False)
    >>> _other_directions(("regional", "development", "centre"), ("regional", "development", "north"))
    True
    >>> _other_directions(("research", "centre", "north"), ("research", "north"))
    False
    """
    directions_a, directions_b = _DIRECTIONS.intersection(a), _DIRECTIONS.intersection(b)
    if directions_a and directions_b:
        return directions_a != directions_b
    middle_a, middle_b = bool(_MIDDLE.intersection(a)), bool(_MIDDLE.intersection(b))
    return (middle_a and not middle_b and bool(directions_b)) or (middle_b and not middle_a and bool(directions_a))


def _without_legal_form_span(name: OrgName) -> tuple[int, tuple[str, ...]]:
    """The words of ``name`` without its legal form, and where they start, when they are one word: the legal form
    gives an acronym no letters then, as one letter of the name says too little ("TSP" is not TeleSPazio SpA, "OSR"
    not Otid SRl, "EAB" not Einride AB); after two words or more it may ("CEPSA": Compañía Española de Petróleos
    SA)."""
    words = without_legal_form(name.words, name.country)
    if len(words) != 1:
        return 0, name.words
    if words and name.words[:len(words)] == words:
        return 0, words
    if words and name.words[-len(words):] == words:
        return len(name.words) - len(words), words
    return 0, name.words


def _spells_some_beside(run: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether some content words of ``run``, not all, are words of a name: ``CIT INNOVATION CENTRE`` does not
    write *Cavan Innovation Technology* as its acronym; ``ACTA ASSOCIATION DE COORDINATION TECHNIQUE AGRICOLE``
    writes its acronym beside all its words."""
    content = set(run) - SKIPPABLE
    return bool(content & set(words)) and not content <= set(words)


def _acronym_score(a: OrgName, b: OrgName, one_town: bool = False) -> float:
    """Return the best score of the two names with a word of one read as an acronym of words of the other.

    ``KU Leuven`` is compared as ``Katholieke Universiteit Leuven``; a name that is an acronym of two
    letters only scores at most ``LINK_ACRONYM_SHORT`` (it stands for too many bodies) unless its letters spell the
    other name whole (``IK``, Instytut Kolejnictwa), a letter of a place's name only when the records are of
    ``one_town`` (``RS``, Region Stockholm, both in Stockholm; every body of a town has its initial): two bodies
    that one such name would join are kept apart by the check of each cluster (:mod:`kg.resolve.split`). Only the
    words written as acronyms are read so (:attr:`OrgName.acronyms`): ``Vas`` is not *Va*ci *S*zakképzési; in a name
    that writes none so (all in capitals: ``CHU DE NICE``), a word of its core that is the initials of three words of
    the other or more (:func:`kg.resolve.acronyms.initials`) of which it writes none or all beside it; the legal
    form gives none of its letters (:func:`_without_legal_form_span`).
    """
    best = 0.0
    for x, y in ((a, b), (b, a)):
        start, words = _without_legal_form_span(y)
        for i, token in enumerate(x.words):
            run = expansion(token, words) if token in x.acronyms else \
                initials(token, words) if not x.acronyms and token in x.core else None
            if run is None and token in x.acronyms:
                run = initials(token, _in_english(words, y.country))  # "FDPA": Fundacja na rzecz Rozwoju … in English
            if run is None or (token not in x.acronyms and _spells_some_beside(words[run[0]:run[1]], x.words)):
                continue  # "CIT INNOVATION CENTRE" is no "Cavan Innovation & Technology" centre
            expanded = parse(" ".join(x.words[:i] + y.words[start + run[0]:start + run[1]] + x.words[i + 1:]),
                             y.country)
            score = name_score(expanded, y, acronyms=False)
            if len(x.words) == 1 and len(token) < 3:
                spelt = y.words[start + run[0]:start + run[1]]
                whole = score >= 100.0 and (one_town or not any(is_place(w, y.country) for w in spelt))
                score = score if whole else min(score, LINK_ACRONYM_SHORT)  # two letters for many bodies
            best = max(best, score)
    return best


def _in_english(words: tuple[str, ...], country: str | None) -> tuple[str, ...]:
    """The words of a name, each that the tables translate in English (its meaning, its kind, its country): what an
    acronym of its English name spells ("FDPA", Foundation for the Development of Polish Agriculture, of "Fundacja
    na rzecz Rozwoju Polskiego Rolnictwa")."""
    return tuple(_word_in_english(word, country) for word in words)


@lru_cache(maxsize=100_000)
def _word_in_english(word: str, country: str | None) -> str:
    if word in SKIPPABLE:
        return word
    parsed = parse(word, country)
    if len(parsed.core) == 1:
        return parsed.core[0]
    if not parsed.core and not parsed.kinds and parsed.legal_form:
        return legal_status(parsed) or word  # "Fundacja", a Polish foundation's form
    return next(iter(parsed.kinds)) if len(parsed.kinds) == 1 and not parsed.core else word


# Kinds of bodies that govern a territory: a company is never one.
_AUTHORITY_KINDS = frozenset({"municipality", "county", "region", "district-municipality"})


def _company_and_authority(a: OrgName, status_a: str | None, b: OrgName, status_b: str | None) -> bool:
    """Whether ``a`` is a company, or a grouping of authorities (an EGTC), and ``b`` a territorial authority that is
    none ("Brodska posavina d.d." and "Brod-posavina County"; "Ogres novada pašvaldības SIA …", a company of the
    municipality, and the municipality; "Arrabona EGTC", named in Latin after Győr, and the city of Győr)."""
    return (status_a == "company" or a.legal_form in _GROUPING_FORMS) and status_b != "company" \
        and b.legal_form not in _GROUPING_FORMS and bool(b.kinds & _AUTHORITY_KINDS)


# Legal forms of a body that territorial authorities form together and that is none of them: the European grouping
# of territorial cooperation.
_GROUPING_FORMS = frozenset({"EGTC"})


# Polish and Latvian towns and the rural municipalities around them often share a name: a "gmina" (without
# "miejska", "miasto") or a "novads" is the rural one, a "miasto", "gmina miejska", "pilsēta" or "city" the town.
# A Romanian "comuna" is a rural municipality, a "municipiul" or "orașul" a town: two of one name are two places
# (the commune Sfântu Gheorghe in the Danube delta, the city Sfântu Gheorghe in Covasna). A Croatian "općina" is a
# municipality, a "grad" a town: "Grad Novigrad" in Istria is not the "Općina Novigrad" near Zadar.
_URBAN_WORDS = frozenset({"miasto", "miasta", "miejska", "miejskiej", "pilseta", "pilsetas", "valstspilseta",
                          "valstspilsetas", "city", "town", "municipiul", "municipiului", "municipiu", "orasul",
                          "orasului", "oras", "linn", "linna", "linnavalitsus", "linnavolikogu", "grad", "grada"})
_RURAL_WORDS = frozenset({"gmina", "gminy", "novads", "novada", "comuna", "comunei", "vald", "valla",
                          "vallavalitsus", "vallavolikogu", "rural", "opcina", "opcine"})


# How English names the rural municipality around a town of its name ("Jelgava Local Municipality", a novads), where
# a "Local Government" is any municipality's ("Local Government of Lenti", the town).
_LOCAL_MUNICIPALITY = ("local", "municipality")


def _town_and_country_side(a: OrgName, b: OrgName) -> bool:
    """Whether ``a`` names a rural municipality and ``b`` the town of its name (``Gmina Grudziądz`` and
    ``Gmina-Miasto Grudziądz``; ``Daugavpils novada dome`` and ``Daugavpils City Council``; ``Tartu vald`` and
    ``Tartu linn``)."""
    words_a, words_b = set(a.words), set(b.words)
    rural = bool(words_a & _RURAL_WORDS) or _LOCAL_MUNICIPALITY in zip(a.words, a.words[1:], strict=False)
    return rural and not words_a & _URBAN_WORDS and bool(words_b & _URBAN_WORDS)


def _two_authorities_names(a: OrgName, b: OrgName) -> bool:
    """Whether two names of a municipality's, county's or region's authority name it by one word each, two words
    that are not one word in another form (:func:`_similarity`: an ending of the country's languages, letters
    swapped, a region's other name), nor one spelling of one name (:func:`_spelling_key`: ``Nesebar``, ``Nessebar``;
    ``Strumiani``, ``Strumyani``): the many villages whose names differ by a letter (``Bekecs``, ``Békés``;
    ``Jászalsószentgyörgy``, ``Jászfelsőszentgyörgy``) are no place of the table of towns to tell them apart."""
    if not (a.kinds & _AUTHORITY_KINDS and b.kinds & _AUTHORITY_KINDS) or len(a.core) != 1 or len(b.core) != 1:
        return False
    x, y = a.core[0], b.core[0]
    country = a.country or b.country
    if x == y or _spelling_key(x) == _spelling_key(y):
        return False
    if _similarity(country)(x, y) < 100.0:
        return not _one_place_inflected(a, b)
    # Two names of a municipality in its language write its name in one case: in two forms, they are two places
    # ("Obec Krásná", "Město Krásno"; "Priekules novada", "Priekuļu novada"), unless one is a town of the table of
    # towns ("Gmina Miasta Jaworzna", "Jaworzno"), whose forms its endings are.
    if "municipality" not in a.kinds & b.kinds or _english_head(a) or _english_head(b):
        return False
    return not (is_place(x, country) or is_place(y, country)) and place_word(x, country) != place_word(y, country)


@lru_cache(maxsize=1)
def _english_authority_words() -> frozenset[str]:
    """The words of the English head words of municipalities', counties' and regions' names."""
    return frozenset(word for _, row in curated_rows(ORG_HEADS, ("kind", "language", "word"))
                     if row["language"] == "en" and row["kind"] in _AUTHORITY_KINDS
                     for word in normalise(row["word"]).split())


def _english_head(name: OrgName) -> bool:
    """Whether a name says what body it is in English ("Priekule County Municipality")."""
    return bool(_english_authority_words().intersection(name.words))


def _spelling_key(word: str) -> str:
    """A folded word with its doubled letters single and ``y``, ``j`` as ``i``, ``w`` as ``v``: the spellings and
    transliterations of one name (``Nessebar``, ``Strumyani``)."""
    return re.sub(r"(.)\1+", r"\1", word.translate(_SPELLING))


_SPELLING = str.maketrans({"y": "i", "j": "i", "w": "v"})


def _legal_form_penalty(a: OrgName, b: OrgName) -> float:
    """Return what two legal forms of two kinds cost a pair (``LINK_LEGAL_FORM_PENALTY``), nothing when neither
    or one name gives a form, both give one kind (``GmbH``, ``Ltd``), or the names are one company whose form
    changed (:func:`kg.resolve.orgnames.legal_form_changed`: ``TURBODEN SRL``, ``TURBODEN SPA``)."""
    if not (a.legal_form and b.legal_form) or legal_form_kind(a.legal_form) == legal_form_kind(b.legal_form):
        return 0.0
    return 0.0 if legal_form_changed(a, b) or _limited_in_english(a, b) else LINK_LEGAL_FORM_PENALTY


# The English form a name translated into English gives any company whose members' liability is limited ...
_ENGLISH_LIMITED = "Ltd"
# ... of these kinds (legal_form_kinds.tsv), in a country whose own forms it is not (Cyprus registers Ltd).
_LIMITED_KINDS = frozenset({"private-limited", "public-limited"})
_LTD_COUNTRIES = _ENGLISH_COUNTRIES | {"CY"}


def _limited_in_english(a: OrgName, b: OrgName) -> bool:
    """Whether one of two names is the other's in English with "Ltd" for the other's form of a limited company,
    private or public: partner lists translate a Hungarian Zrt. or a Polish S.A. as "Ltd" ("Debreceni Vízmű Zrt.",
    "Debrecen Waterworks Ltd."); in the countries whose form it is, "Ltd" and "PLC" stay two forms.

    >>> _limited_in_english(parse("Szegedi Vízmű Zrt.", "HU"), parse("Szeged Waterworks Ltd.", "HU"))
    True
    >>> _limited_in_english(parse("ACME PLC", "UK"), parse("ACME Ltd", "UK"))
    False
    """
    country = (a.country or b.country or "").upper()
    forms = (a.legal_form, b.legal_form)
    return _ENGLISH_LIMITED in forms and country not in _LTD_COUNTRIES \
        and all(legal_form_kind(form) in _LIMITED_KINDS for form in forms if form)


def name_score(a: OrgName, b: OrgName, acronyms: bool = True, one_town: bool = False) -> float:
    """Return 0–100: how alike two parsed names are, their kinds and legal forms considered.

    With ``acronyms``, a name that scores below ``LINK_ACCEPT`` is also compared with a word of one read
    as the acronym of words of the other (``KU Leuven``, ``CNRS``); ``one_town`` says the two records give one
    town (:func:`_acronym_score`).

    Examples
    --------
    >>> name_score(parse("Uniwersytet Łódzki"), parse("University of Łódź"))
    100.0
    >>> faculty = parse("Sveučilište u Zagrebu Fakultet organizacije i informatike")
    >>> name_score(parse("Sveučilište u Zagrebu"), faculty) < 75
    True
    """
    a, b = _kind_said(a, b), _kind_said(b, a)
    a, b = _department_said(a, b), _department_said(b, a)
    a, b = _one_word(a, b), _one_word(b, a)
    a, b = _company_said(a, b), _company_said(b, a)
    score = core_score(a.core, b.core, a.country or b.country, a.acronyms | b.acronyms)
    if score < 100.0 and _one_place_inflected(a, b):
        score = 100.0  # "Apes novada pašvaldība", "Ape Municipality": a small town's name and its genitive
    if score < 100.0 and _spaced_otherwise(a, b):
        score = 100.0  # one name with its words spaced otherwise: "… PARA LA CIENCIAY LA TECNOLOGIA"
    parent_named = _parent_named(a.kinds, b.kinds)
    if score < LINK_ACCEPT and parent_named:
        score = max(score, _unit_without_parent_place(a, b))
    kinds_a, kinds_b = _kinds_with_form(a, b), _kinds_with_form(b, a)
    if _owner_place_unsaid(kinds_a, kinds_b) or _owner_place_unsaid(kinds_b, kinds_a):
        kinds_a = kinds_b = kinds_a & kinds_b  # "Turistička zajednica grada Dubrovnika"
        score -= LINK_ONE_KIND_PENALTY
    if (kinds_a and kinds_b and kinds_a != kinds_b and not _constituted_too(kinds_a, kinds_b)
            and not parent_named) or (kinds_a ^ kinds_b) & UNIT_KINDS:
        score = min(score, LINK_OTHER_KIND_CAP)  # a part of a body (a faculty, a DG) on one side is another record
    elif kinds_a != kinds_b and not (_region_left_unsaid(a, b) or _region_left_unsaid(b, a)):
        score -= LINK_ONE_KIND_PENALTY
        if (kinds_a ^ kinds_b) - _UNSAID_KINDS and not parent_named:
            # "Bragança" is not "Instituto Politécnico de Bragança"
            score = min(score, LINK_ONE_KIND_CAP)
    score -= _legal_form_penalty(a, b)
    status_a, status_b = legal_status(a), legal_status(b)
    if status_a and status_b and status_a != status_b:
        score = min(score, LINK_LEGAL_STATUS_CAP)  # "SINTEF AS" and "Stiftelsen SINTEF": two legal persons
    if _two_authorities_names(a, b):
        score = min(score, LINK_ONE_KIND_CAP)  # "Bekecs" and "Békés": two villages, however alike their letters
    if _town_and_country_side(a, b) or _town_and_country_side(b, a):
        score = min(score, LINK_ONE_KIND_CAP)  # "Gmina Puławy" and "Miasto Puławy": two municipalities of one name
    if _company_and_authority(a, status_a, b, status_b) or _company_and_authority(b, status_b, a, status_a):
        score = min(score, LINK_OTHER_KIND_CAP)  # "RAGUSA d.o.o." is not the City of Dubrovnik (Ragusa)
    if _own_mark(a, b) and _own_mark(b, a):
        score = min(score, LINK_OTHER_KIND_CAP)  # "… poduzeće ČAKOM d.o.o." and "… poduzeće KOMUNALAC d.o.o."
    if acronyms and score < LINK_ACCEPT:
        score = max(score, _acronym_score(a, b, one_town))
    return max(score, 0.0)


# The kinds of body named after their place alone: a municipality's, a county's or a region's name is the place's.
_PLACE_NAMED_KINDS = frozenset({"municipality", "district-municipality", "county", "region"})
# A place's name and a form of it with another ending share at least this many letters ("Ape", "Apes").
_SHORT_PLACE_STEM = 3
# The languages that write a municipality's name in the genitive before the head word ("Apes novads", "Šakių rajono
# savivaldybė", "Oulun kaupunki"), where English writes the nominative: a Hungarian or Swedish name there is the
# nominative ("Baja Város", "Umeå kommun"), and a Slavic one after its head word ("Obec Krásno", not "Krásná").
_GENITIVE_FIRST = frozenset({"lv", "lt", "fi", "et"})


def _one_place_inflected(a: OrgName, b: OrgName) -> bool:
    """Whether two names of one kind of body named after its place (:data:`_PLACE_NAMED_KINDS`), one in English and
    one in the country's language that begins with it, each name it by one word, the same stem with two endings of
    one language of :data:`_GENITIVE_FIRST`, however short: the place may be too small for the table of places
    (:func:`_place_inflected`), and the genitive is how its own language writes a municipality's name where English
    writes the nominative ("Apes novada pašvaldība", "Ādažu novada dome"; the "Ape Municipality", the "Ādaži
    municipality council"). Two names in one language write one case (:func:`_two_authorities_names`: "Baj község",
    "Baja város" are two towns), and two places of the table stay two (:func:`_two_places`).

    >>> _one_place_inflected(parse("Apes novada pašvaldība", "LV"), parse("Ape Municipality", "LV"))
    True
    >>> _one_place_inflected(parse("Baj Község Önkormányzata", "HU"), parse("Baja Város Önkormányzata", "HU"))
    False
    """
    country = a.country or b.country
    languages = country_languages(country)
    if not country or not languages or a.kinds != b.kinds or not a.kinds or not a.kinds <= _PLACE_NAMED_KINDS \
            or len(a.core) != 1 or len(b.core) != 1 or a.core == b.core or _english_head(a) == _english_head(b):
        return False
    native = b if _english_head(a) else a
    if not native.words or native.words[0] != native.core[0]:
        return False
    x, y = a.core[0], b.core[0]
    return _one_stem_two_endings(x, y, _SHORT_PLACE_STEM, languages & _GENITIVE_FIRST) \
        and not _two_places(x, y, country)


# Words of a core that say a kind of body another name gives by a head word: a union is an association ("Gasilska
# zveza Slovenije", the "Firefighting Association of Slovenia"), and a regional body is a county's or a region's
# ("Областна администрация Варна", the "Regional Administration Varna").
_KIND_WORDS = {"union": frozenset({"association"}), "regional": frozenset({"county", "region"})}


def _kind_said(name: OrgName, other: OrgName) -> OrgName:
    """Return ``name`` with a word of :data:`_KIND_WORDS` read as the kind it says when ``other`` gives that kind and
    neither the word nor ``name`` the kind, else ``name``."""
    for word, kinds in _KIND_WORDS.items():
        said = (other.kinds - name.kinds) & kinds
        if said and word in name.core and word not in other.core and len(name.core) > 1:
            return OrgName(tuple(w for w in name.core if w != word), name.kinds | said, name.legal_form, name.words,
                           name.acronyms, name.country)
    return name


# The unit kind an English name says a French département with, and the kind the département's own name gives.
_DEPARTMENT, _COUNTY = "department", "county"
# NUTS codes of this many characters are of level 3 (``FRK27``, Savoie): a county, a département, a județ.
_NUTS3_LENGTH = 5


def _department_said(name: OrgName, other: OrgName) -> OrgName:
    """Return ``name`` with its English "Department" read as a county when its core is the name of a NUTS 3 region
    of its country and ``other`` is that county: "Savoie Department" is the "Département de la Savoie", not a
    department of a body; else ``name``.

    >>> _department_said(parse("Savoie Department", "FR"), parse("Département de la Savoie", "FR")).kinds
    frozenset({'county'})
    >>> _department_said(parse("Physics Department", "FR"), parse("Département de la Savoie", "FR")).kinds
    frozenset({'department'})
    """
    if _DEPARTMENT not in name.kinds or _COUNTY not in other.kinds or _COUNTY in name.kinds \
            or _DEPARTMENT in other.kinds or not name.core:
        return name
    if not any(len(code) == _NUTS3_LENGTH for code in _region_codes(name.core, name.country or other.country)):
        return name
    return replace(name, kinds=(name.kinds - {_DEPARTMENT}) | {_COUNTY})


# The English word that says a body is a company, and the kinds of legal form it says when the other name gives one.
_COMPANY_WORD = "company"
_COMPANY_KINDS = frozenset({"private-limited", "public-limited"})


def _company_said(name: OrgName, other: OrgName) -> OrgName:
    """Return ``name`` without the English "Company" it ends with when it gives no legal form and ``other`` gives
    that of a limited company and no word "company" ("Compania de Apă Arad S.A." writes one): partner lists write a
    Latvian SIA or a Lithuanian UAB so ("Daugavpils Water Company", "SIA Daugavpils ūdens"), and the word then says
    what the form says; else ``name``.

    >>> _company_said(parse("Daugavpils Water Company", "LV"), parse("SIA Daugavpils ūdens", "LV")).core
    ('daugavpils', 'water')
    """
    if name.legal_form or not other.legal_form or len(name.core) < 2 or name.core[-1] != _COMPANY_WORD \
            or not name.words or name.words[-1] != _COMPANY_WORD \
            or legal_form_kind(other.legal_form) not in _COMPANY_KINDS:
        return name
    similar = _similarity(name.country or other.country)
    if any(similar(_COMPANY_WORD, word) >= LINK_WORD_MATCH for word in other.core):
        return name
    return _with_core(name, name.core[:-1])


# Words that public bodies' names in one language write where another writes the other: a state's body is the
# nation's ("Statens veterinärmedicinska anstalt", the "National Veterinary Institute").
_ONE_WORD = {"state": "national"}


def _one_word(name: OrgName, other: OrgName) -> OrgName:
    """Return ``name`` with a word of :data:`_ONE_WORD` written as the other name writes it, when it writes that one
    and not this, else ``name``."""
    for word, said in _ONE_WORD.items():
        if word in name.core and said in other.core and word not in other.core and said not in name.core:
            return _with_core(name, tuple(said if w == word else w for w in name.core))
    return name


# The kinds of the place a body is of ("Turistička zajednica grada Dubrovnika", the tourist board of the city of
# Dubrovnik), which another name of the body may leave unsaid ("Dubrovnik Tourist Board"): a town's. Not a county's:
# read so, "Città metropolitana di Bologna" became the "Comune di Bologna" on the labelled pairs.
_OWNER_PLACE_KINDS = frozenset({"municipality"})
# ... for the kinds of body a town owns: its agencies, tourist board, library and museum. Not a university: the
# English "City" is no town's in "City University of London", which is not the "University of London".
_TOWN_BODY_KINDS = frozenset({"agency", "tourist-board", "library", "museum"})


def _own_mark(name: OrgName, other: OrgName) -> bool:
    """Whether ``name`` writes as an acronym is (in capitals, in a name of small letters) a word of its own that
    ``other`` has no word as alike as ``LINK_ACCEPT`` asks: the brand of one company, which two bodies of one
    generic name tell themselves apart by ("Gradsko komunalno poduzeće ČAKOM d.o.o." and "… KOMUNALAC …").

    >>> _own_mark(parse("Gradsko komunalno poduzeće ČAKOM d.o.o.", "HR"), parse("Gradsko komunalno poduzeće", "HR"))
    True
    """
    similar = _similarity(name.country or other.country)
    return any(w in name.acronyms and not w.isdigit() and max(similar(w, o) for o in other.core) < LINK_ACCEPT
               for w in name.core) if other.core else False


def _owner_place_unsaid(named: frozenset[str], bare: frozenset[str]) -> bool:
    """Whether ``named`` is ``bare``, a kind of body a town owns, and the kind of the town it is of, which ``bare``
    leaves unsaid: no place kind on that side, so the city's and the county's bodies stay two."""
    return bool(bare) and bare < named and named - bare <= _OWNER_PLACE_KINDS and bare <= _TOWN_BODY_KINDS


def _kinds_with_form(name: OrgName, other: OrgName) -> frozenset[str]:
    """Return the kinds of ``name``, and the kind that says how the body is constituted when its legal form says
    it and the other name gives it, and no other kind, as a head word more ("Sihtasutus …", an Estonian
    foundation's form, and "Foundation …"); a foundation named beside a body of another kind with no such form
    stays a body of its own ("Fondazione Politecnico di Milano"), but for the English "Foundation" or
    "Association" that ends a name of the other's kinds, its form said in English (a Latvian nodibinājums, a
    Bulgarian сдружение: "Energy Agency of Plovdiv Association"), not a university's.

    >>> sorted(_kinds_with_form(parse("Energy Agency of Plovdiv Association", "BG"), parse("Energy Agency of Plovdiv",
    ...     "BG")))
    ['agency']
    """
    status = legal_status(name) if name.legal_form else None
    if other.kinds - name.kinds == {status} and status in _CONSTITUTED:
        return name.kinds | {status}
    last = name.words[-1] if name.words else None
    if last in _CONSTITUTED and name.kinds - {last} == other.kinds and other.kinds and not other.kinds & _SCHOOLS:
        return other.kinds  # "Valmiera Development Agency Foundation": the agency's form, said in English after it
    return name.kinds


# Kinds of body whose foundation is a body of its own, which a name writes after theirs too ("San Diego State
# University Foundation" raises money for the university).
_SCHOOLS = frozenset({"university", "college"})


def _region_left_unsaid(named: OrgName, bare: OrgName) -> bool:
    """Whether ``bare`` names by a region's name alone, with no kind, the region whose authority ``named`` is: a
    region's authority is known by its region's name ("Carinthia" is "Land Kärnten", the "Government of Catalonia"
    the "Generalitat de Catalunya"), but a town's name is its municipality's too ("Stockholm" is not "Region
    Stockholm").

    >>> _region_left_unsaid(parse("Land Kärnten", "AT"), parse("Carinthia", "AT"))
    True
    >>> _region_left_unsaid(parse("Region Stockholm", "SE"), parse("Stockholm", "SE"))
    False
    """
    country = named.country or bare.country
    if bare.kinds or not named.kinds or not named.kinds <= _REGION_KINDS:
        return False
    codes = region_cores(country).get(bare.core, frozenset())
    return bool(codes & _region_codes(named.core, country)) and not any(is_place(w, country) for w in bare.core)


# Kinds of body whose remits change with governments, and their names with them ...
_REMIT_KINDS = frozenset({"ministry"})
# ... by this many words at most ("… Prosvete" made "… Prosvete, Nauke i Tehnološkog Razvoja"): more is a body of
# the ministry's ("CIVI POL CONSEIL, SOCIETE DE CONSEIL ET DE SERVICE DU MINISTERE DE L'INTERIEUR").
_REMIT_WORDS = 3


def _remits_added(a: Record, b: Record, name_a: OrgName, name_b: OrgName, country: str | None) -> bool:
    """Whether two names of a ministry of one country are one ministry given remits or relieved of some: the
    shorter name's words, as written, are the longer's with at most ``_REMIT_WORDS`` words inserted or added, which
    name no place, region nor body ("Ministry for Finance" and "Ministry for Finance and Employment";
    "Bundesministerium für Landesverteidigung" and "… für Landesverteidigung und Sport"), and both names are one
    part each: a unit of the ministry writes its name after the ministry's, or the ministry's in another case
    ("Ministarstvo rada …, Uprava za tržište rada"; "MINISTERSTVO NA VATREShNITE RABOTI Institut po psihologiya";
    "Užimtumo tarnyba prie … ministerijos").
    """
    if not country or name_a.kinds != name_b.kinds or name_a.kinds != _REMIT_KINDS:
        return False
    (short, short_core), (long, long_core) = sorted(((_content_words(name_a), name_a.core),
                                                     (_content_words(name_b), name_b.core)), key=lambda x: len(x[0]))
    if len(short) == len(long) or any(_part_after(r.name, country) for r in (a, b)):
        return False
    if not (_in_order(short, long) or not set(short) & set(long) and _in_order(short_core, long_core)):
        return False  # the shorter's words in order, words inserted between them: as written, or as the tables
    # read them when the two names are in two languages (no word written the same in both)
    added = [w for w in long_core if w not in short_core]
    return 0 < len(added) <= _REMIT_WORDS and not any(
        is_place(w, country) or place_word(w, country) != w or _region_word_codes(w, country) or _names_body(w)
        for w in added)


# The sectors a chamber of commerce lists beside commerce, which its names in two languages or two datasets list
# otherwise ("Cámara Oficial de Comercio, Industria y Navegación", "Chamber of Commerce and Industry"): not crafts,
# whose chamber is another body ("Obrtnička komora", "Gospodarska komora").
_CHAMBER_SECTORS = frozenset({"commerce", "economics", "industry", "marine", "service", "agriculture", "official"})
_CHAMBER = frozenset({"chamber"})
# The words that make a chamber one of commerce: commerce, or the economy ("Gospodarska komora").
_COMMERCE = frozenset({"commerce", "economics"})


def _sectors_listed_otherwise(a: OrgName, b: OrgName) -> bool:
    """Whether two names of chambers are one chamber that lists its sectors otherwise: both only chambers, both of
    commerce (said by a head word or a word), and the same other words, a place or a name at least.

    >>> _sectors_listed_otherwise(parse("Official Chamber of Commerce, Industry and Shipping of Seville", "ES"),
    ...                           parse("Seville Chamber for Commerce and Industry", "ES"))
    True
    >>> _sectors_listed_otherwise(parse("Chamber of Commerce and Industry of Zala County", "HU"),
    ...                           parse("Chamber of Commerce and Industry of Szabolcs-Szatmár-Bereg County", "HU"))
    False
    """
    if a.kinds != _CHAMBER or b.kinds != _CHAMBER:
        return False
    rest_a, rest_b = (frozenset(x.core) - _CHAMBER_SECTORS for x in (a, b))
    return bool(rest_a) and rest_a == rest_b and all(_of_commerce(x) for x in (a, b))


def _of_commerce(name: OrgName) -> bool:
    """Whether a chamber's name says commerce, in its core or in its head phrase ("chamber of commerce", whose word
    the head takes): a word of it read alone means commerce or the economy."""
    return bool(_COMMERCE & set(name.core)) or any(
        len(core := parse(w, name.country).core) == 1 and core[0] in _COMMERCE for w in name.words)


def _part_after(name: str, country: str | None) -> bool:
    """Whether a ministry's name writes a part after its own that is more than the list of its remits going on: a
    part that names a kind of body, a unit or a place ("…, Uprava za tržište rada"; not "Ministry for Transport,
    Infrastructure and Public Works")."""
    return any(parse(part, country).kinds or _names_unit(part)
               or any(is_place(w, country) for w in normalise(part).split()) for part in _parts(name, country)[0][1:])


def _content_words(name: OrgName) -> tuple[str, ...]:
    """The words of a name as written (:func:`kg.resolve.orgnames.written_name`) without its function words, whose
    place changes as remits are listed ("… for Transport and Infrastructure", "… for Transport, Infrastructure and
    Public Works")."""
    return tuple(w for w in written_name(name) if w not in SKIPPABLE)


def _names_body(word: str) -> bool:
    """Whether a core word names a body, alone or as the end of a compound: an institute, a centre, an
    inspectorate (``infotehnoloogiakeskus``, an IT centre)."""
    return any(word == form or (len(form) >= _COMPOUND_BODY and word.endswith(form)) for form in _body_forms())


# A word of a body this long or longer ends the compounds that name such a body (``…keskus``, a centre).
_COMPOUND_BODY = 5
# The meanings of the word tables that name a body of a ministry's.
_BODY_MEANINGS = frozenset({"institute", "centre", "inspectorate", "observatory", "academy", "secretariat",
                            "commission", "factory", "airport", "port", "group"})


@lru_cache(maxsize=1)
def _body_forms() -> frozenset[str]:
    words, _ = word_meanings()
    return frozenset(w for w, meaning in words.items() if meaning in _BODY_MEANINGS) | _BODY_MEANINGS


# Kinds of the body a faculty or department belongs to, which its name may give or leave out.
_PARENT_KINDS = frozenset({"university"})


def _parent_named(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names of one kind of unit differ only by the kind of body it belongs to, which one gives
    (``Filozofski fakultet Sveučilišta u Zagrebu`` and ``Filozofski fakultet u Zagrebu``: a faculty both); a
    university and its faculty stay two records."""
    return bool(a & b & UNIT_KINDS) and bool(a ^ b) and (a ^ b) <= _PARENT_KINDS


def _spaced_otherwise(a: OrgName, b: OrgName) -> bool:
    """Whether two names write the same letters without their legal forms, spaced otherwise ("CIENCIA Y LA",
    "CIENCIAY LA"), each being most of its name: a legal form inside a name leaves its written name a part of it
    only (``Pašvaldības SIA "Ventspils reiss"``, whose own name is the quoted one)."""
    written_a, written_b = written_name(a), written_name(b)
    return "".join(written_a) == "".join(written_b) and 2 * len(written_a) > len(a.words) \
        and 2 * len(written_b) > len(b.words)


def _unit_without_parent_place(a: OrgName, b: OrgName) -> float:
    """Return how alike two names of one unit are when one names its parent with the parent's town and the other
    gives no place ("Fakultet organizacije i informatike", "Sveučilište u Zagrebu, Fakultet organizacije i
    informatike"), the unit's own words a name of their own (distinctive, weighing as the words-added rule asks:
    not "Filozofski fakultet", which many universities have); else 0."""
    country = a.country or b.country
    placed_a, placed_b = (any(is_place(w, country) for w in x.core) for x in (a, b))
    if placed_a == placed_b:
        return 0.0
    core_a, core_b = (tuple(w for w in x.core if not is_place(w, country)) for x in (a, b))
    if not _own_name(core_a if placed_b else core_b, country):
        return 0.0
    return core_score(core_a, core_b, country)  # less LINK_ONE_KIND_PENALTY below, as the kinds differ


def _constituted_too(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one set of kinds is the other, which already says how the body is constituted, with another such
    kind added (``Consorzio … Associazione``: a consortium constituted as an association); a foundation or an
    association added to a body of another kind is a body of its own (``Fondazione Politecnico di Milano``)."""
    return (a < b or b < a) and not (a ^ b) - _CONSTITUTED and bool(a & b & _CONSTITUTED)


_PARENTHESES = re.compile(r"\(([^)]*)\)")
# Kinds of a segment that say where a body is (``Община Невестино, област Кюстендил``), not another body.
_PLACE_KINDS = frozenset({"county", "region"})
# Words of a segment that name a body of their own (``…, Institute of Archaeology``), beside the kinds.
_BODY_WORDS = frozenset({"institute", "centre", "academy"})
_SEGMENT_BREAK = re.compile(r"\s+[-–—]+\s*|[-–—]+\s+|[,/;|:]")


def _segments(name: str) -> list[str]:
    return [s for s in _SEGMENT_BREAK.split(name) if normalise(s)]


# Words (folded) that, opening a segment written after a body's name, name a unit of its administration, which
# the head words (kind ``department``) do not cover: Croatian, Serbian and Slovene ``uprava``, ``služba``,
# ``sektor``, ``ured``/``urad``, ``direktorat``; Bulgarian ``дирекция``, ``отдел``, ``сектор``; Polish ``biuro``,
# ``referat``; Czech and Slovak ``odbor``, ``sekce``/``sekcia``; Hungarian ``főosztály``, ``osztály``; Romanian
# ``direcția``; Latvian ``nodaļa``, Lithuanian ``skyrius``, Estonian ``osakond``. They are no head
# words of a body's own name (``Gradska uprava`` is a town's administration, ``Дирекция Природен парк …`` a park's
# body), only of a segment after one (``Ministarstvo rada …, Uprava za tržište rada …``: a directorate).
_UNIT_WORDS = frozenset("""uprava sluzba sektor ured urad direktorat direkcija direktsiya otdel biuro referat odbor
    sekce sekcia foosztaly osztaly directia nodala skyrius osakond""".split())
# Words that may come before a unit word (``Главна дирекция``, ``Generalna direkcija``: a chief directorate).
_UNIT_LEADS = frozenset("glavna glavni generalna generalni generalny glowne".split())


def _names_unit(segment: str) -> bool:
    """Whether a segment written after a body's name opens with a word that names a unit of it (:data:`_UNIT_WORDS`).

    >>> _names_unit("Uprava za tržište rada"), _names_unit("Главна дирекция ОПОС"), _names_unit("Zagreb")
    (True, True, False)
    """
    words = normalise(segment).split()
    words = words[1:] if words[:1] and words[0] in _UNIT_LEADS else words
    return bool(words) and words[0] in _UNIT_WORDS


def _unit_added(text: str, core: tuple[str, ...], country: str | None) -> bool:
    """Whether ``text`` writes, after its first segment, a unit of a body (:func:`_names_unit`) that ``core`` does
    not name: ``Ministarstvo zaštite okoliša i energetike - Uprava za zaštitu prirode`` is a directorate of the
    ministry, not ``Ministarstvo zaštite okoliša i energetike``."""
    return any(_names_unit(s) and not set(parse(s, country).core) <= set(core) for s in _segments(text)[1:])


def _adds_nothing(head: OrgName, tail: OrgName, places: frozenset[str]) -> bool:
    """Whether the last segments of a name (``tail``) say nothing its first ones (``head``) do not.

    They do not when they name again a kind of body or an institute, centre or academy the head names
    (a description, or the name in a second language), when they say where the body is (a county or
    region after a body that names its kind; the country or the record's city), or when the head is a
    part of a body and the tail the body it belongs to. Anything else may be a part or another body
    (``…, Faculty of Law``, ``… – DG GROW``, ``CNRS - IPCMS``).
    """
    if head.kinds & UNIT_KINDS:
        return True
    bodies = set(tail.core) & _BODY_WORDS
    if tail.kinds and tail.kinds <= _PLACE_KINDS and not bodies and head.kinds:
        return True
    if _acronym_tail(head, tail):
        return True
    if tail.kinds or bodies:  # a foundation's legal form says its kind ("Bodensee-Stiftung, Internationale Stiftung …")
        return not (tail.kinds - head.kinds - {legal_status(head)}) and not bodies - set(head.core) \
            and not _places_more(tail, head)
    return bool(tail.core) and set(tail.core) <= places


def _acronym_tail(head: OrgName, tail: OrgName) -> bool:
    """Whether the last segments of a name are the acronym of its first ones, and its town at most: "Municipality of
    Giurgiu/ M.G.", "Institutul Naţional de Cercetare-Dezvoltare pentru Fizica Materialelor - INCDFM Bucureşti"
    (single letters are read as one word)."""
    country = head.country or tail.country
    own = [w for w, _ in _letter_runs(tail.core) if not is_place(w, country)]
    return len(own) == 1 and len(own[0]) >= 2 and expansion(own[0], head.words) is not None


def _places_more(tail: OrgName, head: OrgName) -> bool:
    """Whether the last segments of a name name a town the first ones do not: a body of the head's kind in another
    town is its branch ("Hrvatska gospodarska komora - Županijska komora Split", the chamber's county chamber in
    Split), not its name again ("Obalni dom upokojencev Koper – Casa costiera del pensionato Capodistria")."""
    country = head.country or tail.country
    return any(is_place(w, country) and w not in head.core for w in tail.core)


def _says_again(head: OrgName, tail: OrgName) -> bool:
    """Whether the last segments of a name are its first ones again, in another language or spelling: "Hlavné mesto
    SR Bratislava / Hauptstadt der Slowakischen Republik Bratislava" (a unit of the body is not its name again)."""
    return not (head.kinds | tail.kinds) & UNIT_KINDS and name_score(head, tail, acronyms=False) >= LINK_ACCEPT


def _segment_score(part: OrgName, other: OrgName, acronyms: bool = True) -> float:
    """Return :func:`name_score` of a part of a name (a segment, the name without a word it writes beside) and
    ``other``, less ``LINK_SEGMENT_PENALTY``; below ``LINK_ACCEPT`` it counts as 0: the rules that read a part of a
    name find the same body, not more pairs to review."""
    score = name_score(part, other, acronyms=acronyms) - LINK_SEGMENT_PENALTY
    return score if score >= LINK_ACCEPT else 0.0


def _head_score(name: str, other: OrgName, country: str | None, places: frozenset[str]) -> float:
    """Return the best score of ``other`` against the first segments of ``name`` when what follows adds nothing.

    ``Bodensee-Stiftung, Internationale Stiftung für Natur und Kultur`` and ``Municipality of Zemen,
    Bulgaria`` are ``Bodensee-Stiftung`` and ``Municipality of Zemen``; ``University of Maribor, Faculty
    for Agriculture`` is not ``University of Maribor`` (:func:`_adds_nothing`). ``places`` are the folded
    words of the country's names and of the records' cities. A score below ``LINK_ACCEPT`` counts as 0.
    """
    segments = _segments(name)
    best = 0.0
    for k in range(1, len(segments)):
        head, tail = parse(" ".join(segments[:k]), country), parse(" ".join(segments[k:]), country)
        if _adds_nothing(head, tail, places) or _says_again(head, tail):
            best = max(best, _segment_score(head, other))
    return best


# A name and a second name of its body after a dash: a brand, a patron, a description ("Zadar County Development
# Agency - ZADRA NOVA", "UNIVERSITE TOULOUSE III- PAUL SABATIER"). A comma, a slash or a parenthesis often writes a
# unit, a branch or a site instead ("Hrvatski Crveni križ, Gradsko društvo … Vrbovec").
_DASH = re.compile(r"\s+[-–—]+\s*|[-–—]+\s+")
# The kinds of a body that writes its units after a dash: an authority, a ministry (a county's development agency
# is no such body).
_GOVERNING_KINDS = _AUTHORITY_KINDS | {"ministry", "government-office"}
# Words of a second name that name a part or a site of a body, not the body: a laboratory, a clinic, a branch, a
# campus, a plant, a cluster ("Hebrew University of Jerusalem, Mt. Scopus", "Business Upper Austria - Plastic
# Cluster").
_PART_WORDS = frozenset("""laboratory lab laboratories chair clinic branch campus site plant cluster sede filiale
    niederlassung standort mt mount""".split())
# A one-word name before the dash names one body when it has this many letters or more and is no word of a language.
_DISTINCTIVE_LETTERS = 5


def _dashed_name_score(name: str, other: OrgName, country: str | None) -> float:
    """Return the score of ``other`` against what ``name`` writes before a dash, less ``LINK_SEGMENT_PENALTY``,
    when what follows it is a second name of the body (:func:`_second_name`) or of its town
    (:func:`_town_named_twice`); a score below ``LINK_ACCEPT`` counts as 0.

    >>> _dashed_name_score("Zadar County Development Agency - ZADRA NOVA", parse("Zadar County Development Agency",
    ...     "HR"), "HR")
    96.0
    >>> _dashed_name_score("Grad Split - Dječji vrtić Cvit", parse("Grad Split", "HR"), "HR")
    0.0
    """
    parts = [part for part in _DASH.split(name) if normalise(part)]
    if len(parts) != 2:
        return 0.0
    head, tail = parse(parts[0], country), parse(parts[1], country)
    if not (_second_name(head, tail, parts[1]) or _town_named_twice(head, tail, parts)) \
            or (tail.legal_form and other.legal_form and tail.legal_form != other.legal_form):
        return 0.0  # "FAM - TECHNIKA ODLEWNICZA SP. Z O.O." is a company of "FAM SPÓŁKA AKCYJNA"'s group
    return _segment_score(head, other)


def _town_named_twice(head: OrgName, tail: OrgName, texts: list[str]) -> bool:
    """Whether a municipality writes after a dash its town's name in its second language ("Grad Pula - Pola",
    "Općina Vrsar - Orsera", "GRAD BUJE - BUIE"; ``texts`` are the two parts as written).

    The word after the dash is no kind, unit or other place of the country, no acronym of the name nor a word in
    capitals after a name that is not (a unit: "… - DURA"), the town before it is one word, and the two are
    spelt alike (:data:`_TOWN_NAMES_ALIKE`): a city's district is written after a dash too ("Mestská časť Košice
    - Poľov").

    >>> _town_named_twice(parse("Grad Pula", "HR"), parse("Pola", "HR"), ["Grad Pula", "Pola"])
    True
    >>> _town_named_twice(parse("Grad Split", "HR"), parse("Solin", "HR"), ["Grad Split", "Solin"])
    False
    """
    word, country = texts[1].strip(), head.country or tail.country
    if not head.kinds & _AUTHORITY_KINDS or len(head.core) != 1 or tail.kinds or len(tail.words) != 1 \
            or len(tail.core) != 1 or len(word) < _TOWN_LETTERS or not word.isalpha() or _names_unit(word):
        return False
    town, second = head.core[0], tail.core[0]
    return not (is_place(second, country) and second != town) and not expansion(second, head.words) \
        and not (word.isupper() and not texts[0].isupper()) \
        and Indel.normalized_similarity(town, second) >= _TOWN_NAMES_ALIKE


# A town's second name has this many letters or more ("Pola", "Buie").
_TOWN_LETTERS = 4
# A town's two names are this alike or more (rapidfuzz Indel similarity: "Pula" and "Pola" 0.75, "Vrsar" and "Orsera"
# 0.55); a city's district after a dash is no second name ("Košice - Poľov" 0.18, "Bratislava - Rača" 0.43).
_TOWN_NAMES_ALIKE = 0.5


# A word of this many capitals, at most, written first in a name that is not all capitals, is its acronym.
_LEADING_ACRONYM = 5
_LEADING = re.compile(rf"^([A-Z]{{2,{_LEADING_ACRONYM}}})\s+(.+)$")


def _leading_acronym_score(name: str, other: OrgName, country: str | None) -> float:
    """Return the score of ``other`` against ``name`` without the acronym it writes first, in capitals, before a name
    in capitals and small letters of three core words or more (the acronym of its own language: "IRP Institute of
    entrepreneurship research", Inštitut za raziskovanje podjetništva), less ``LINK_SEGMENT_PENALTY``; below
    ``LINK_ACCEPT`` it counts as 0. Not for companies (a legal form on either side): their mark is their name.

    >>> _leading_acronym_score("IRP Institute of entrepreneurship research",
    ...     parse("Institute for Entrepreneurship Research", "SI"), "SI")
    96.0
    """
    found = _LEADING.match(name.strip())
    if not found or found.group(2).isupper():
        return 0.0
    rest = parse(found.group(2), country)
    if len(rest.core) < 3 or found.group(1).lower() in rest.core or rest.legal_form or other.legal_form:
        return 0.0  # a company's mark before its activity words is its name ("IMZ Mezőgazdasági … Kft.")
    return _segment_score(rest, other)


def _parent_ministry(head: OrgName, tail: OrgName) -> bool:
    """Whether the part after a dash names the ministry a body that is none belongs to ("General Inspectorate for
    Emergency Situation – Ministry of Internal Affairs")."""
    return tail.kinds == {"ministry"} and "ministry" not in head.kinds


def _names_one(core: tuple[str, ...]) -> bool:
    """Whether a core of one word says which body it is: a word of :data:`_DISTINCTIVE_LETTERS` letters or more that
    is no word of a language (``TRGO``, ``AGENCIJA`` do not)."""
    return len(core) > 1 or (len(core) == 1 and len(core[0]) >= _DISTINCTIVE_LETTERS and not common_word(core[0]))


def _second_name(head: OrgName, tail: OrgName, text: str) -> bool:
    """Whether the part of a name after a dash (``tail``, written ``text``) is a second name of the body the part
    before it names (``head``): words of two or more, no kind of body, unit, part, site, place nor legal form of
    their own (the country's name aside), after the name of a body that is no territorial authority nor ministry
    (:data:`_GOVERNING_KINDS`) and is more than a place's name.

    A territorial authority writes its units so ("Cuneo Municipality - Environment and Territory sector", "GMINA
    MIEJSKA KRAKÓW - GRODZKI URZĄD PRACY"), a body its branches and sites ("Osnovna škola … - Škabrnje", "Hebrew
    University of Jerusalem, Mt. Scopus"), and a place's name with a second one is a body of its own
    ("Baden-Württemberg - Connected e.V.").
    """
    country = head.country or tail.country
    if (head.kinds and head.kinds <= _GOVERNING_KINDS) or head.kinds & UNIT_KINDS \
            or all(is_place(w, country) for w in head.core) or not _names_one(head.core):
        return False
    if (tail.kinds and not _parent_ministry(head, tail)) or len(tail.core) < 2 or _names_unit(text) \
            or set(tail.core) & (_PART_WORDS | _BODY_WORDS):
        return False
    return not any(is_place(w, country) and w not in _country_words(country) for w in tail.core)


# A word in parentheses of a name all in capitals is its acronym when it is at most this long and no town.
_CAPITAL_ACRONYM = 6


def _capital_acronyms(name: str) -> list[str]:
    """The words in parentheses or in the last segment of a name written all in capitals that can be its acronym
    (``… (ICAR)``, ``… RENOVABLES - APPA``): short, and not a town (``… (VRBOVSKO)``)."""
    segments = _segments(name)
    last = segments[-1:] if len(segments) > 1 else []
    return [w for w in _PARENTHESES.findall(name) + last if len(w.strip()) <= _CAPITAL_ACRONYM
            and " " not in w.strip() and town_of(normalise(w)) is None]


def _written_acronym(name: str, other: OrgName) -> float:
    """Return ``LINK_ACCEPT`` when ``other`` is one word that ``name`` writes as a segment of its own.

    ``EuroGeoSurveys - EGS`` and ``International Committee for Animal Recording (ICAR)`` give their
    acronyms ``EGS`` and ``ICAR``. The word must be the first segment (``DESCUBRE - Fundación …``), or be
    written with two capitals or more in a name that is not all capitals, as acronyms are: ``Strojarska
    škola, Zagreb`` or ``Škola (Zagreb)`` is not the city. In a name all in capitals, a short word in
    parentheses that is no town is its acronym (``INTERNATIONAL COMMITTEE FOR ANIMALRECORDING (ICAR)``); so is a
    first word that spells the words after it (``VDE VERBAND DER ELEKTROTECHNIK …``).
    """
    if len(other.words) != 1 or len(other.words[0]) < 3:
        return 0.0
    segments = _segments(name)
    if len(segments) > 1 and " " in name.strip() and normalise(segments[0]) == other.words[0]:
        return LINK_ACCEPT  # "DESCUBRE - Fundación Andaluza …"
    words = normalise(name).split()
    if len(words) > 1 and words[0] == other.words[0] and (run := expansion(words[0], tuple(words[1:]))) and run[0] == 0:
        return LINK_ACCEPT  # "VDE VERBAND DER ELEKTROTECHNIK …": the acronym first, then the words it spells
    written = _capital_acronyms(name) if name.isupper() else \
        _PARENTHESES.findall(name) + (segments if len(segments) > 1 else [])
    return LINK_ACCEPT if any(normalise(w) == other.words[0] and sum(c.isupper() for c in w) >= 2
                              for w in written) else 0.0


# A name of more parts than this is not read part by part (:func:`_second_names_score`).
_MAX_PARTS = 6
# The kinds a part of a name may name beside its legal form and still say no more than it: how a body is constituted.
_CONSTITUTED = frozenset({"association", "foundation", "consortium"})
_JOINING_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _hyphen_parts(text: str) -> list[str]:
    """``text`` split at each hyphen written without spaces between two runs of two words or more
    (``EUROPEAN COUNCIL OF TRANSPORT USERS-CONSEIL EUROPEEN …``), not within a compound name (``RHEINLAND-PFALZ``)."""
    pieces = _JOINING_HYPHEN.split(text)
    parts = [pieces[0]]
    for piece in pieces[1:]:
        if len(parts[-1].split()) >= 2 and len(piece.split()) >= 2:
            parts.append(piece)
        else:
            parts[-1] += "-" + piece
    return parts


def _name_parts(name: str) -> list[str]:
    """The parts of a name that may each be a name of the body: its segments (:func:`_segments`), the text of each
    parenthesis, and what an asterisk or a hyphen between two runs of words sets apart (``… SA*TAP PORTUGAL``)."""
    parts = []
    for segment in _segments(name):
        for piece in _PARENTHESES.sub(" ", segment).split("*"):
            parts += _hyphen_parts(piece)
        parts += _PARENTHESES.findall(segment)
    return [part for part in parts if normalise(part)]


@lru_cache(maxsize=100_000)
def _legal_words_only(part: str, country: str | None) -> bool:
    """Whether a part of a name is a legal form (``… -SOCIETA PER AZIONI``), or words that say how a body is
    constituted (``ASOCIACION``)."""
    # A legal form is taken from the end of a name: the part is read after a word of a name, which stays.
    words = [w for w in without_legal_form(("name", *normalise(part).split()), country)[1:] if w not in SKIPPABLE]
    return all(parse(w, country).kinds and parse(w, country).kinds <= _CONSTITUTED for w in words)


def _abbreviates(short: str, long: str, country: str | None, places: frozenset[str]) -> bool:
    """Whether ``short``, its place words aside (``TAP PORTUGAL``), is one word that abbreviates ``long``."""
    words = [w for w in normalise(short).split() if w not in places]
    return len(words) == 1 and _short_form_score(words[0], long, country) >= LINK_ACCEPT


def _part_adds_nothing(part: str, reading: str, country: str | None, places: frozenset[str]) -> bool:
    """Whether a part of a name says nothing beside the part(s) read as its name: it names the country, the city or
    their county or region (not a body of theirs, a municipality: ``Municipality of X - Y`` is no name of ``Y``),
    is an acronym of the reading or the reading one of it (``NIBIO - NORSK INSTITUTT FOR BIOOKONOMI``), or is the
    reading in another language, compared through the word tables (``FRIENDS OF EUROPE - LES AMIS DE L'EUROPE``)."""
    parsed = parse(part, country)
    if parsed.kinds <= _PLACE_KINDS and set(parsed.core) <= places:
        return True
    if _abbreviates(part, reading, country, places) or _abbreviates(reading, part, country, places):
        return True
    return name_score(parsed, parse(reading, country), acronyms=False) >= LINK_ACCEPT


@lru_cache(maxsize=100_000)
def _parts(name: str, country: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The parts of a name (:func:`_name_parts`) that may name the body, and those that are a legal form or say how
    the body is constituted (:func:`_legal_words_only`)."""
    every = _name_parts(name)
    if len(every) < 2:
        return tuple(every), ()
    legal = tuple(p for p in every if _legal_words_only(p, country))
    return tuple(p for p in every if p not in legal), legal


def _readings(name: str, country: str | None, places: frozenset[str], others: tuple[str, ...]) -> list[str]:
    """The runs of parts of a name (:func:`_parts`) that are its name when every other part adds nothing
    (:func:`_part_adds_nothing`) or is a part of the other name too (``others``, in another language or as its
    acronym): ``FRIENDS OF EUROPE`` of ``FRIENDS OF EUROPE - LES AMIS DE L'EUROPE``; ``TECHNICKA UNIVERZITA
    OSTRAVA`` of ``VYSOKA SKOLA BANSKA - TECHNICKA UNIVERZITA OSTRAVA`` beside ``VSB - TECHNICAL UNIVERSITY OF
    OSTRAVA``.

    A part that is a legal form, or says how the body is constituted, is no name of its own: each reading keeps it
    (``AUTOTECH ENGINEERING, AIE`` is read whole, an economic interest grouping, not a company ``… SL``).
    """
    parts, legal = _parts(name, country)
    if not 1 < len(parts) <= _MAX_PARTS:
        return []
    said = [p for p in parts if any(_part_adds_nothing(p, other, country, places) for other in others)]
    runs = [(i, j) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1) if j - i < len(parts)]
    return [" ".join(parts[i:j] + legal) for i, j in runs
            if all(p in said or _part_adds_nothing(p, " ".join(parts[i:j]), country, places)
                   for p in parts[:i] + parts[j:])]


def _brand_score(name: str, parsed: OrgName, other: OrgName, country: str | None, places: frozenset[str]) -> float:
    """Return the score of ``other`` against the name ``name`` writes after a first part of one word, its own short
    name ("Iscte - Instituto Universitário de Lisboa", "AFIL – Associazione Fabbrica Intelligente Lombardia"), less
    ``LINK_SEGMENT_PENALTY``, when the whole names are alike (``LINK_REVIEW``) and what follows names a body by
    ``_BRAND_REST`` words, or by a place or a word of its own and a kind or another word; else 0. The first word is
    no place, kind of body nor legal form ("Lisboa - Instituto …")."""
    parts, legal = _parts(name, country)
    if len(parts) < 2 or len(words := normalise(parts[0]).split()) != 1 or len(words[0]) < _BRAND_LETTERS \
            or not words[0].isalpha() or words[0] in places or is_place(words[0], country) \
            or parse(parts[0], country).kinds or not without_legal_form(tuple(words), country):
        return 0.0
    rest = parse(" ".join(parts[1:] + legal), country)
    named = any(is_place(w, country) or not common_word(w) for w in rest.core)
    if not (len(rest.core) >= _BRAND_REST or named and (len(rest.core) > 1 or rest.kinds)) \
            or name_score(parsed, other) < LINK_REVIEW:
        return 0.0  # "UMMI, ZAVOD ZA IZOBRAŽEVANJE": an institute for education names no body
    return _segment_score(rest, other)


# A body's own short name before its name is a word of this many letters or more, and the name after it this many
# words, if they are all common words ("Centre for Social Innovation"; not "Zavod za izobraževanje", for education).
_BRAND_LETTERS = 3
_BRAND_REST = 3


def _second_names_score(a: str, b: str, country: str | None, places: frozenset[str]) -> float:
    """Return the best score of two names read by their parts (:func:`_readings`), one name at least by a part,
    less ``LINK_SEGMENT_PENALTY``; a score below ``LINK_ACCEPT`` counts as 0.

    A reading of one word (an acronym: ``Norwegian institute of Bioeconomy Research - NIBIO`` and
    ``NIBIO - NORSK INSTITUTT FOR BIOOKONOMI``) names the body only when the whole names are alike too
    (``LINK_REVIEW``): two bodies may write one acronym, and an acronym spells other names than its own.
    """
    parts_a, parts_b = (parts if len(parts := _parts(x, country)[0]) > 1 else () for x in (a, b))
    if not parts_a and not parts_b:
        return 0.0
    readings_a, readings_b = _readings(a, country, places, parts_b), _readings(b, country, places, parts_a)
    if not readings_a and not readings_b:
        return 0.0
    alike = None
    best = 0.0
    for x in readings_a + [a]:
        for y in readings_b + [b]:
            if (x, y) == (a, b):
                continue
            if 1 in (len(x.split()), len(y.split())):
                alike = name_score(parse(a, country), parse(b, country)) >= LINK_REVIEW if alike is None else alike
                if not alike:
                    continue
            best = max(best, _segment_score(parse(x, country), parse(y, country)))
    return best


# A one-word name that another name abbreviates at this cost or less (kg.resolve.acronyms.alignment_cost) is that
# body: it scores LINK_ACCEPT, and each unit of cost more _SHORT_FORM_SLOPE points less.
_SHORT_FORM_COST = 1.5
_SHORT_FORM_SLOPE = 10.0
# ... plus this much for each letter more than _SHORT_FORM_LETTERS, up to _SHORT_FORM_MORE letters, and less for each
# letter fewer (_allowed_cost): five letters in order are rarely found by a costly alignment by chance, three often
# (calibrated on the pairs of a CORDIS name and its short name, and of the short name against other bodies of its city).
_SHORT_FORM_PER_LETTER = 0.5
_SHORT_FORM_LETTERS = 4
_SHORT_FORM_MORE = 1
# What leaving out a word of the long form costs: a head word (Stichting, Fundación, Institut), another word.
_HEAD_WEIGHT, _WORD_WEIGHT = 0.5, 1.0
# Epithets of a body chartered by a crown, which its acronym often leaves out (NEN: Koninklijk Nederlands
# Normalisatie-instituut): leaving one out costs nothing.
_ROYAL = frozenset("koninklijk koninklijke royal kongelige kongelig kungliga kungl koniglich konigliche koeniglich"
                   " koenigliche reale".split())
# Given names, which an acronym of a body named after a person leaves out before the surname (LUH: Gottfried
# Wilhelm Leibniz Universität Hannover): leaving one out that another word follows costs _HEAD_WEIGHT.
_GIVEN_NAMES = frozenset(
    "johann johannes wolfgang friedrich wilhelm gottfried karl carl ludwig maximilian georg august heinrich"
    " christian albert ernst otto hans justus ruprecht julius philipp martin gottlieb christoph emil fritz"
    " jan adam mikolaja jozefa stanislawa tadeusza kazimierza wladyslawa jerzego marii jana"
    " jean pierre louis joseph claude marie francois jacques charles"
    " giovanni giuseppe carlo luigi alessandro guglielmo"
    " juan carlos miguel pablo antonio jose luis"
    " joao pedro"
    " tomas karel vytautas janis".split())
# Conjunctions joining two coordinated terms (Aveugles et Handicapés Visuels): an acronym often leaves out the
# second term (_skip_weights).
_AND = frozenset("et and und y e i en og och ja".split())
# Prepositions that attach a body to a parent body after its name (Lietuvos geologijos tarnyba prie Aplinkos
# ministerijos, "under the Ministry of Environment"; Institut … beim …; Institute … at …): the words from one on
# may be left out of the long form (_long_forms).
_ATTACHING = frozenset("prie przy pri pie at under beim bei presso".split())
# A one-word name of this many letters or more may be the word that names a body (_named_by) ...
_NAMED_BY_LETTERS = 3
# ... whose name names no kind of body but these.
_UNSAID_BODY_KINDS = frozenset({"association", "foundation", "consortium"})
# Long forms of more words than this are not aligned.
_LONG_FORM_WORDS = 24


def _short_form(name: str) -> str | None:
    """The folded letters of a name written as one word (``DWD``, ``FIBIO-HRC``) of 2 to ``MAX_ACRONYM`` letters."""
    if len(name.split()) != 1:
        return None
    letters = "".join(normalise(name).split())
    return letters if 2 <= len(letters) <= MAX_ACRONYM and not letters.isdigit() else None


def _skip_weights(words: tuple[str, ...], country: str | None) -> tuple[float, ...]:
    """What each word of a long form that gives a short form no letter costs
    (:func:`kg.resolve.acronyms.alignment_cost`): nothing for a function word or a royal epithet (Koninklijk), less
    for a head word (Stichting, Fundación), an institute, centre or academy, the state's name (Republike Slovenije:
    CMEPIUS is the Centre of the Republic of Slovenia for Mobility …), a given name before another word
    (Gottfried Wilhelm Leibniz …) and the words of the second of two coordinated terms that a function word ends
    (Aveugles et Handicapés Visuels de …). The legal form is no word of a long form
    (:func:`kg.resolve.orgnames.without_legal_form`)."""
    def weight(word: str) -> float:
        if word in SKIPPABLE or len(word) == 1 or word in _ROYAL:
            return 0.0
        parsed = parse(word, country)
        return _HEAD_WEIGHT if parsed.kinds or set(parsed.core) <= _BODY_WORDS | _STATE_WORDS else _WORD_WEIGHT

    weights = [weight(w) for w in words]
    for k in range(len(words) - 1):
        if words[k] in _GIVEN_NAMES and words[k + 1] not in SKIPPABLE:
            weights[k] = min(weights[k], _HEAD_WEIGHT)
    for k in _state_name_words(words, country):  # "Republike Slovenije", "of the Republic of Slovenia"
        weights[k] = min(weights[k], _HEAD_WEIGHT)
    for k in range(1, len(words) - 1):  # "Aveugles et Handicapés Visuels de": the second of two coordinated terms
        end = next((j for j in range(k + 1, len(words)) if words[j] in SKIPPABLE), None)
        if words[k] in _AND and weights[k - 1] > 0 and end is not None:
            weights[k + 1:end] = [min(w, _HEAD_WEIGHT) for w in weights[k + 1:end]]
    return tuple(weights)


def _state_name_words(words: tuple[str, ...], country: str | None) -> list[int]:
    """The places in ``words`` of a state's name: a word of the state's form (republic, kingdom) and the country's
    name just before it or after it, function words between ("Slovak Republic", "Republike Slovenije", "Republic of
    Slovenia")."""
    def names_country(j: int | None) -> bool:
        return j is not None and (country_word(words[j], country) != words[j] or words[j] in _country_words(country))

    found = []
    for k, word in enumerate(words):
        if set(parse(word, country).core) & _STATE_WORDS:
            after = next((j for j in range(k + 1, len(words)) if words[j] not in SKIPPABLE), None)
            named = [j for j in (k - 1 if k else None, after) if names_country(j)]
            found += [k, *named] if named else []
    return found


def _long_forms(name: str, country: str | None) -> list[tuple[str, ...]]:
    """The folded words of a name, and of its first segment unless the rest names a part of a body (``…, Faculty
    of Law``): ``MFN`` abbreviates ``Museum für Naturkunde - Leibniz-Institut für Evolutions- …``; and of the words
    before a preposition that attaches the body to a parent (:data:`_ATTACHING`), after two words or more: ``LGT``
    abbreviates ``Lietuvos geologijos tarnyba prie Aplinkos ministerijos``."""
    segments = _segments(name)
    texts = [name]
    if len(segments) > 1 and not parse(" ".join(segments[1:]), country).kinds & UNIT_KINDS \
            and not any(_names_unit(s) for s in segments[1:]):
        texts.append(segments[0])
    forms = [words for text in texts if 0 < len(words := tuple(normalise(text).split())) <= _LONG_FORM_WORDS]
    return forms + [form[:k] for form in forms
                    for k in range(2, len(form) - 1) if form[k] in _ATTACHING][:1]


def _named_by(short: str, long_name: str, country: str | None) -> bool:
    """Whether the one-word name ``short`` (folded) is the distinctive word of ``long_name`` that names the body.

    ``Xylofutur`` is ``XYLOFUTUR PRODUITS ET MATERIAUX …``, ``CETEST`` is ``CENTRO DE ENSAYOS Y ANALISIS CETEST SL``,
    ``Symlog`` is ``INSTITUT SYMLOG``. Not when the word is a town, a word of the country's names, a head
    word or a function word (``Bragança`` is not ``Instituto Politécnico de Bragança``), when the long name
    names a kind of body other than an association, a foundation or a consortium (``Lipová`` is not
    ``Základní škola Lipová``), or when it is a company named by the word and more (``ENEA Operator sp. z o.o.``:
    a subsidiary of ENEA).
    """
    long = parse(long_name, country)
    if len(short) < _NAMED_BY_LETTERS or short not in long.words or long.kinds - _UNSAID_BODY_KINDS:
        return False
    if short in SKIPPABLE or town_of(place_word(short, country)) is not None or short in _country_words(country) \
            or parse(short).kinds:
        return False
    return not (legal_status(long) == "company" and long.words[0] == short and len(long.core) > 1)


def _allowed_cost(short: str, words: tuple[str, ...]) -> float:
    """The alignment cost at which ``short`` scores ``LINK_ACCEPT`` against ``words``: more for a short form of more
    letters (``_SHORT_FORM_PER_LETTER``), but not when it writes a word of ``words`` whole, whose letters say
    little more than its first (``E-Institute`` is no abbreviation of Energy Institute)."""
    letters = len(short)
    if any(len(w) >= _NAMED_BY_LETTERS and w in short for w in words):
        letters = min(letters, _SHORT_FORM_LETTERS)
    return _SHORT_FORM_COST + _SHORT_FORM_PER_LETTER * min(letters - _SHORT_FORM_LETTERS, _SHORT_FORM_MORE)


def _town_named(short: str, forms: list[tuple[str, ...]], country: str | None) -> bool:
    """Whether ``short`` is a town of ``country`` that a word of ``forms`` names (its name, a form or its adjective):
    ``Burgas`` is no abbreviation of ``Burgaski svoboden universitet``, a body of the town."""
    town = place_word(short, country)
    return is_place(town, country) and any(place_word(w, country) == town for words in forms for w in words)


def _short_form_score(short_name: str, long_name: str, country: str | None) -> float:
    """Return how plainly ``long_name`` is what the one-word ``short_name`` abbreviates (0 when it is not one word).

    The letters of the short form are aligned with the words of the long name, or of its first segment
    (:func:`kg.resolve.acronyms.alignment_cost`: ``DWD`` with Deutscher Wetterdienst, ``LNE`` with
    Laboratoire National de métrologie et d'Essais, ``Rannis`` with RANNSóknamiðstöð ÍSlands), or of the words
    after a first word that is the short form (``LKR Leichtmetallkompetenzzentrum Ranshofen``); a cost of
    ``_SHORT_FORM_COST`` scores ``LINK_ACCEPT`` for a short form of four letters, less for three, more for five or
    more (:func:`_allowed_cost`). A short form that is a word of the long form is no abbreviation of
    it (``ENEA`` is not ``ENEA Operator sp. z o.o.``); one of two letters scores at most ``LINK_ACRONYM_SHORT``.
    """
    short = _short_form(short_name)
    if short is None:
        return 0.0
    if _named_by(short, long_name, country):
        return LINK_ACCEPT
    # The legal form gives no letters: "CSP" is not "CENTAI INSTITUTE SPA".
    forms = [words for words in (without_legal_form(w, country) for w in _long_forms(long_name, country)) if words]
    forms += [words[1:] for words in forms if len(words) > 1 and words[0] == short]  # "LKR LEICHTMETALL…"
    if _town_named(short, forms, country):
        return 0.0
    margins = [_allowed_cost(short, words) - alignment_cost(short, words, _skip_weights(words, country))
               for words in forms if short not in words]
    if not margins or max(margins) == -float("inf"):
        return 0.0
    score = min(100.0, LINK_ACCEPT + max(margins) * _SHORT_FORM_SLOPE)
    return min(score, LINK_ACRONYM_SHORT) if len(short) < 3 else score


@lru_cache(maxsize=256)
def _country_words(code: str | None) -> frozenset[str]:
    """The folded words of a country's names (``latvia``, ``latvija``)."""
    if not code:
        return frozenset()
    return frozenset(w for text, iso in _country_names().items() if iso == code for w in text.split())


def _city_words(a: Record, b: Record, country: str | None) -> frozenset[str]:
    """The folded words (four letters or more) of the records' cities or regions, each the one name of its town."""
    return _words_of_city(a.city, country) | _words_of_city(b.city, country)


@lru_cache(maxsize=10_000)
def _words_of_city(city: str | None, country: str | None) -> frozenset[str]:
    """The folded words of a city: four letters or more, or three in a city of several words ("Novi Sad")."""
    if not city:
        return frozenset()
    words = normalise(city).split()
    least = _CITY_PART if len(words) > 1 else LINK_STEM_LENGTH
    return frozenset(place_word(w, country) for w in words if len(w) >= least and not is_function_word(w, country))


# A word of a city of several words this long or longer is one of its words ("Novi Sad", "Novom Sadu"); inflected,
# it keeps all its letters.
_CITY_PART = 3


@lru_cache(maxsize=200_000)
def _city_form(word: str, cities: frozenset[str]) -> str:
    """Return the city word that ``word`` inflects (``Ljubljani`` in Ljubljana: all its letters but the last, or the
    last two for a name of seven or more, all of a word of three, and an ending of at most ``LINK_STEM_SUFFIX``, each
    word's rest an ending of the endings table: ``Nógrádsáp`` is no case of Nógrád), else ``word``."""
    for city in cities:
        common = len(os.path.commonprefix((word, city)))
        kept = len(city) if len(city) < LINK_STEM_LENGTH else len(city) - (2 if len(city) >= 7 else 1)
        if word != city and common >= kept and len(word) - common <= LINK_STEM_SUFFIX \
                and is_ending(word[common:]) and is_ending(city[common:]) and not _two_towns(word, city):
            return city
    return word


# The words of a state's long name beside the country's name ("Ministry of the Environment of the Czech Republic",
# "… of the Republic of Estonia", "Kingdom of Spain"), left out with it.
_STATE_WORDS = frozenset({"republic", "kingdom", "principality"})


def _without_places(a: OrgName, b: OrgName, country: str | None,
                    cities: frozenset[str]) -> tuple[OrgName, OrgName] | None:
    """Read the words that inflect the records' city as the city, and drop from each core the words naming the
    country (with ``republic``, ``kingdom`` …) or the city that the other core lacks (``… of Latvia``, ``… v
    Praze`` in Praha); ``None`` when neither has one."""
    if (a.kinds | b.kinds) & _AUTHORITY_KINDS:  # an authority is named by its place: "Obec Mosty u Jablunkova" is
        # not "Město Jablunkov", but a town's region may be left out ("Nowy Dwór [Mazowiecki]")
        cities = frozenset(w for w in cities if _region_word_codes(w, country))
    words = _country_words(country) | _STATE_WORDS | cities
    formed = (a, b)
    if cities:
        formed = tuple(OrgName(tuple(_city_form(w, cities) for w in x.core), x.kinds, x.legal_form, x.words,
                               x.acronyms, x.country) for x in (a, b))
    inflected = formed != (a, b)
    a, b = formed
    if _numbers(a.core) != _numbers(b.core):
        return None  # "ТРАНС ГРУП БЪЛГАРИЯ 1 ООД" is not "ТРАНС ГРУП ООД"
    if not words or not (words & (set(a.core) ^ set(b.core))):
        return (a, b) if inflected else None  # "Univerzitet u Novom Sadu", the "University of Novi Sad"
    if words & (set(a.core) - set(b.core)) and words & (set(b.core) - set(a.core)):
        return None  # each names a place the other does not: "Sofia Energy Agency", "Bulgarian Energy Agencies"
    if any(words & (set(x.core) - set(y.core)) and _towns_more(y, x, words, country) for x, y in ((a, b), (b, a))):
        return None  # the city of one record, another town in the other's name: "… Water-Blagoevgrad", "… - Burgas"

    def drop(x: OrgName, y: OrgName) -> OrgName:
        kept = tuple(w for w in x.core if w not in words or w in y.core)
        return OrgName(kept, x.kinds, x.legal_form, x.words, x.acronyms, x.country) if kept and kept != x.core else x

    return drop(a, b), drop(b, a)


def _generic_town_left_out(a: Record, b: Record, names: tuple[OrgName, OrgName], without: tuple[OrgName, OrgName],
                           cities: frozenset[str]) -> bool:
    """Whether the city was left out of the name of the one record that gives one, when the other gives none and
    the names left are common words only: a body of a generic name is in every town ("Centar za poduzetništvo",
    with no town, is not the "Entrepreneurial Centre Pleternica"); a country's name left out is no such guess
    ("Ministerstvo na kulturata", the "Ministry of Culture of the Republic of Bulgaria")."""
    if bool(a.city) == bool(b.city):
        return False
    dropped = {w for name, left in zip(names, without, strict=True) for w in set(name.core) - set(left.core)}
    return bool(dropped & cities) and all(common_word(w) for x in without for w in x.core)


def _towns_more(x: OrgName, y: OrgName, words: frozenset[str], country: str | None) -> bool:
    """Whether ``x`` names a place of ``country`` (:func:`kg.resolve.places.is_place`) that ``y`` does not, beside
    ``words``."""
    return any(w not in words and w not in y.core and is_place(w, country) for w in x.core)


# A word written with a full stop after it and at most this many letters is an abbreviation or an initial.
_ABBREVIATION = 5
_ABBREVIATED = re.compile(rf"(?<![^\W\d_])([^\W\d_]{{1,{_ABBREVIATION}}})\.(?!\w\.)")


def _abbreviated(name: str) -> frozenset[str]:
    """The folded words ``name`` writes abbreviated: letters and a full stop (``J.J. Strossmayera``,
    ``Slov. gorice``), not one of a run of letters with stops (``d.o.o.``).

    >>> sorted(_abbreviated("Sveučilište J. J. Strossmayera")), sorted(_abbreviated("Sveti Andraž v Slov. gor."))
    (['j'], ['gor', 'slov'])
    """
    return frozenset(normalise(w) for w in _ABBREVIATED.findall(name))


def _spelt_out(x: OrgName, abbreviations: frozenset[str], y: OrgName) -> OrgName | None:
    """Return ``x`` with each abbreviated core word read as the word in its place in ``y`` that it begins
    (``J.`` as ``Josipa``, ``Slov.`` as ``Slovenskih``), or ``None`` when it has none so read; both cores must
    have as many words."""
    if not abbreviations or len(x.core) != len(y.core):
        return None
    core = tuple(o if w in abbreviations and len(o) > len(w) and o.startswith(w) else w
                 for w, o in zip(x.core, y.core, strict=True))
    return OrgName(core, x.kinds, x.legal_form, x.words, x.acronyms, x.country) if core != x.core else None


def _abbreviations_score(a: Record, b: Record, name_a: OrgName, name_b: OrgName) -> float:
    """Return the score of the two names with the words one abbreviates spelt out as the other writes them."""
    best = 0.0
    for x, name, y in ((name_a, a.name, name_b), (name_b, b.name, name_a)):
        spelt = _spelt_out(x, _abbreviated(name), y)
        if spelt is not None:
            best = max(best, name_score(spelt, y))
    return best


# A word of a name's rest carries its identity when its rarity (kg.resolve.word_frequency) is this or more.
_IDENTITY_RARITY = 0.8


def _identity(words: tuple[str, ...], country: str | None) -> OrgName | None:
    """``words`` parsed, when their core says which body it is (``None`` else): it holds a rare word
    (``_IDENTITY_RARITY``) of four letters or more that is neither a head word nor a town (``Compania de Apa``, a
    water company, and ``d.o.o.`` say none)."""
    name = parse(" ".join(words), country)
    return name if any(len(w) >= LINK_STEM_LENGTH and rarity(w, country) >= _IDENTITY_RARITY and town_of(w) is None
                       and not parse(w, country).kinds for w in name.core) else None


def _truncations_score(name_a: OrgName, name_b: OrgName) -> float:
    """Return the score of the two names with the words one cuts short without a full stop read as the other
    writes them (:func:`kg.resolve.truncations.spelt_out`: ``ASSOC … AGRICULT``, ``SOC CONS ARL``), at most the score
    of the rest of the names: the words so read say nothing of which body it is (``Univ Rennes`` is not every
    university, an initial ``J`` is no word matched). The dictionaries of the country's languages are looked in
    only for a reading that would decide the pair (``ARC`` is a French word, not *archives* cut short)."""
    best = 0.0
    for x, y in ((name_a, name_b), (name_b, name_a)):
        score = _truncated_score(x, y, dictionaries=False)
        if score >= LINK_ACCEPT:
            score = _truncated_score(x, y, dictionaries=True)
        best = max(best, score)
    return best


def _truncated_score(x: OrgName, y: OrgName, dictionaries: bool) -> float:
    """The score of :func:`_truncations_score` for the words ``x`` cuts short."""
    found = spelt_out(x.words, y.words, x.country, dictionaries)
    if found is None:
        return 0.0
    words, read, targets = found
    rest = tuple(w for i, w in enumerate(words) if i not in read)
    form = frozenset(normalise(x.legal_form).split()) if x.legal_form else frozenset()
    if all(w in form or w in SKIPPABLE for w in rest):
        return 0.0  # the words cut short are all that names the body: "TETA EOOD" is not "TETAMAT EOOD"
    rest_x = _identity(rest, x.country)
    rest_y = _identity(tuple(w for i, w in enumerate(y.words) if i not in targets), y.country)
    if rest_x is None or rest_y is None:
        return 0.0
    return min(name_score(parse(" ".join(words), x.country), y), name_score(rest_x, rest_y))


def _marks(name: OrgName) -> frozenset[str]:
    """The core words of ``name`` that mark one body: written as acronyms are, of three letters or more (``REDEA``,
    ``BSC``), or letters and digits (``SIGMA2``)."""
    return frozenset(w for w in name.core if (w in name.acronyms and len(w) >= 3)
                     or (any(c.isdigit() for c in w) and not w.isdigit()))


def _marks_score(a: OrgName, b: OrgName) -> float:
    """Return ``LINK_ACCEPT`` when two names in one place write the same marks and no other (``Javna ustanova za razvoj
    Međimurske županije REDEA``, ``Regionalna razvojna agencija Međimurje REDEA d.o.o.``) and say the same of
    being a part of a body, else 0 (``CNRS - IPCMS`` and ``CNRS - LAAS`` write two marks each)."""
    marks = _marks(a)
    if not marks or marks != _marks(b) or (a.kinds & UNIT_KINDS) != (b.kinds & UNIT_KINDS):
        return 0.0
    if marks in (frozenset(a.core), frozenset(b.core)):
        return 0.0  # a name that is its mark only is a short form, read as one ("SINTEF" is not "SINTEF Energi AS")
    rest_a, rest_b = (tuple(w for w in x.core if w not in marks) for x in (a, b))
    if _own_letters(rest_a, rest_b, a.country or b.country):
        return 0.0  # "AE PLAST …" and "TS-PLAST …", "MAS Český les" and "MAS Český sever": words of their own
    if _DIRECTIONS.intersection(rest_a) != _DIRECTIONS.intersection(rest_b):
        return 0.0  # the east and the west district of one town ("… RAYON "IZTOCHEN"", "… RAYON "ZAPADEN""), a land
        # and its west ("MAS Krušné hory", "MAS Krušné hory - západ")
    if not any(_word_similarity(x, y) >= LINK_WORD_MATCH for x in rest_a for y in rest_b
               if min(len(x), len(y)) >= LINK_STEM_LENGTH):
        return 0.0  # a mark of a kind of body: "MAS Krušné hory" and "MAS Achát" are two local action groups
    if _unmatched(rest_a, rest_b) and _unmatched(rest_b, rest_a):
        return 0.0  # each says something the other does not: "INSA de Strasbourg Kinn", "INSA de Strasbourg Lesja"
    status_a, status_b = legal_status(a), legal_status(b)
    if status_a and status_b and status_a != status_b:
        return 0.0  # "SINTEF AS" and "Stiftelsen SINTEF": a company and a foundation
    return LINK_ACCEPT


def _without_academies(a: Record, b: Record, country: str | None) -> tuple[Record, Record] | None:
    """The two records named without their country's academy of sciences when both names write it and more, else
    None: the academy's words say nothing of which of its institutes a name is ("Institute of Physics, Academy of
    Sciences of the Czech Republic" is not the "Nuclear Physics Institute of the Czech Academy of Sciences")."""
    rest_a, rest_b = without_academy(a.name, country), without_academy(b.name, country)
    if not rest_a or not rest_b:
        return None
    return replace(a, name=rest_a), replace(b, name=rest_b)


def _academy_score(a: Record, b: Record, country: str | None, apart: bool = False) -> float:
    """Return how alike two names are when one writes its country's academy of sciences and the other does not,
    without it (:func:`kg.resolve.academies.without_academy`: ``Ústav fyzikální chemie J. Heyrovského AV ČR`` and
    ``J. Heyrovský Institute of Physical Chemistry``), else 0 (two names that both write it are compared without
    it before: :func:`_without_academies`). The other must be a name of its own, weighing as much as the
    words-added rule asks (``_CONTAINED_WEIGHT``: ``Számítástechnikai és Automatizálási Kutatóintézet``, not
    ``Institute of Physics``, which many bodies are), and so must both names of records in two places (``apart``:
    an academy's institute has several sites, and one name in the country)."""
    rest_a, rest_b = without_academy(a.name, country), without_academy(b.name, country)
    if (rest_a is None) == (rest_b is None) or "" in (rest_a, rest_b):
        return 0.0
    name_a = parse(rest_a if rest_a is not None else a.name, country)
    name_b = parse(rest_b if rest_b is not None else b.name, country)
    if not all(_own_name(name.core, country) for name, rest in ((name_a, rest_a), (name_b, rest_b))
               if rest is None or apart):
        return 0.0
    return name_score(name_a, name_b)


def _activity_score(a: Record, b: Record, country_a: str | None, country_b: str | None) -> float:
    """Return how alike two names are without what they say of the company's line of business, when one says more
    of it (:mod:`kg.resolve.trades`), else 0: without the segments that describe it (``ELEKTRO LJUBLJANA, podjetje za
    distribucijo električne energije, d.d.``), or two companies' names of one country without the trade words of
    its naming custom, when those of one are all among the other's and the name left is one of its own
    (:func:`_distinctive`: ``SZILVIO Kereskedelmi és Szolgáltató Kft.`` is ``SZILVIO Kft.``; ``ALFA Ipari Kft.``
    is not ``ALFA Kereskedelmi Kft.``, nor ``Agro Kereskedelmi Kft.`` ``Agro Kft.``, a name of many companies)."""
    plain_a, plain_b = without_activity(a.name), without_activity(b.name)
    score = 0.0
    if plain_a is not None or plain_b is not None:
        score = name_score(parse(plain_a or a.name, country_a), parse(plain_b or b.name, country_b))
    if country_a and country_b and country_a != country_b:
        return score
    return max(score, _trades_score(a.name, b.name, country_a or country_b))


def _trades_score(name_a: str, name_b: str, country: str | None) -> float:
    """Return how alike two companies' names are without their trade words (:func:`_activity_score`), else 0."""
    trades_a, trades_b = without_trades(name_a, country), without_trades(name_b, country)
    if trades_a is None and trades_b is None:
        return 0.0
    words_a = trades_a.words if trades_a else frozenset()
    words_b = trades_b.words if trades_b else frozenset()
    if not (words_a <= words_b or words_b <= words_a):
        return 0.0
    rest_a = parse(trades_a.rest if trades_a else name_a, country)
    rest_b = parse(trades_b.rest if trades_b else name_b, country)
    if not all(legal_status(rest) == "company" or len(trades.words) >= 2
               for rest, trades in ((rest_a, trades_a), (rest_b, trades_b)) if trades is not None):
        return 0.0
    if not _distinctive(rest_a.core, country) or not _distinctive(rest_b.core, country):
        return 0.0
    return name_score(rest_a, rest_b)


# Words that say whom a university is named after: the Polish "im." (imienia), a saint (St, Sv., sveti …).
_PATRON_MARKERS = frozenset({"im", "imienia"})
# The kinds of body whose name may give or leave out its patron: one university of its name in its town.
_PATRON_KINDS = frozenset({"university", "college"})
# ... and the word of an institute, which names its patron after "im." as a university does.
_INSTITUTE = "institute"


def _patron_words(name: OrgName, country: str | None, saints: bool = True) -> frozenset[str]:
    """The core words of a name that name its patron: the words after ``im.`` or (with ``saints``) a saint's word, up
    to a function word or a place ("Uniwersytet Medyczny im. Piastów Śląskich we Wrocławiu": piastow, slaskich;
    "Sofiyski universitet Sv. Kliment Ohridski": saint, kliment, ohridski)."""
    words = name.words
    for at, word in enumerate(words):
        saint = saints and parse(word, country).core == ("saint",)
        if word not in _PATRON_MARKERS and not saint:
            continue
        patron = {"saint"} if saint else set()
        for k, after in enumerate(words[at + 1:]):
            if after in SKIPPABLE or (k and (is_place(after, country) or place_word(after, country) != after)):
                break  # the patron's first word may be a town's name too: "im. Piastów Śląskich"
            patron.update(parse(after, country).core or (after,))
        return frozenset(patron) & frozenset(name.core)
    return frozenset()


def _patron_score(a: OrgName, b: OrgName, country: str | None) -> float:
    """Return how alike two names of a university or of an institute are without the patron one gives and the
    other leaves out ("Uniwersytet Medyczny im. Piastów Śląskich we Wrocławiu", "Wroclaw Medical University"; "Sofia
    University St. Kliment Ohridski", "Sofia University"; "Instytut Fizyki Jądrowej im. Henryka Niewodniczańskiego",
    "Institute of Nuclear Physics": an institute's patron after ``im.`` only); 0 when neither or both give one, or
    they name other kinds."""
    institutes = not a.kinds and not b.kinds and _INSTITUTE in a.core and _INSTITUTE in b.core
    if not institutes and (a.kinds != b.kinds or not a.kinds or not a.kinds <= _PATRON_KINDS):
        return 0.0  # a university hospital's patron is not left out: "Fakultní nemocnice u sv. Anny v Brně"
    patron_a, patron_b = _patron_words(a, country, not institutes), _patron_words(b, country, not institutes)
    if bool(patron_a) == bool(patron_b):
        return 0.0
    rest_a, rest_b = (tuple(w for w in x.core if w not in p) for x, p in ((a, patron_a), (b, patron_b)))
    return core_score(rest_a, rest_b, country) if rest_a and rest_b else 0.0


def _names_score(a: Record, b: Record, country_a: str | None, country_b: str | None) -> float:
    """Return how alike the names of two records are: whole, without country and city words, with abbreviations
    spelt out, by their first segments, by an acronym one writes in a segment of its own, and by a one-word name
    the other abbreviates."""
    if (not country_a or not country_b or country_a == country_b) \
            and (academy_less := _without_academies(a, b, country_a or country_b)):
        return _names_score(*academy_less, country_a, country_b)
    name_a, name_b = parse(a.name, country_a), parse(b.name, country_b)
    score = name_score(name_a, name_b, one_town=bool(a.city) and normalise(a.city or "") == normalise(b.city or ""))
    if country_a and country_b and country_a != country_b:
        return score
    regions = _regions_named(name_a, name_b, country_a or country_b)
    if regions is not None:  # "Jihomoravský kraj" is the "South Moravian Region", not the "Jihočeský kraj"
        return 100.0 if regions else min(score, LINK_OTHER_KIND_CAP)
    if score >= LINK_ACCEPT:
        return score
    country = country_a or country_b
    score = max(score, _one_slip_score(name_a, name_b, country), _regions_score(name_a, name_b, country),
                _national_score(name_a, name_b, country), _quoted_name_score(a.name, name_b, country),
                _quoted_name_score(b.name, name_a, country))
    if score < LINK_ACCEPT:
        score = max(score, _compounds_score(a, b, country_a, country_b, name_a, name_b))
    if score >= LINK_ACCEPT:
        return score
    # Two records in two places: a town's name in one is no word to leave out ("Technical University of Munich"
    # in Munich is not "Technical University Dresden" in Dresden), and a one-word name is no short form of the other.
    apart = _places_disagree(a.city, b.city, country)
    cities = frozenset() if apart else _city_words(a, b, country)
    without = _without_places(name_a, name_b, country, cities)
    if without is not None and not _generic_town_left_out(a, b, (name_a, name_b), without, cities):
        score = max(score, name_score(*without))
    if score < LINK_ACCEPT and "." in a.name + b.name:
        score = max(score, _abbreviations_score(a, b, name_a, name_b))
    if score < LINK_ACCEPT and _remits_added(a, b, name_a, name_b, country):
        score = LINK_ACCEPT  # "Ministry for Finance" and "Ministry for Finance and Employment": one ministry renamed
    if score < LINK_ACCEPT and _sectors_listed_otherwise(name_a, name_b):
        score = LINK_ACCEPT  # "… Chamber of Commerce, Industry and Shipping of Seville", "Seville Chamber of Commerce"
    if score < LINK_ACCEPT:
        score = max(score, _truncations_score(name_a, name_b), _academy_score(a, b, country, apart),
                    _activity_score(a, b, country_a, country_b), _patron_score(name_a, name_b, country))
    if score >= LINK_ACCEPT:
        return score
    places = _country_words(country) | (
        frozenset() if apart else {w for c in (a.city, b.city) if c for w in normalise(c).split()})
    score = max(score, _head_score(a.name, name_b, country_a, places), _head_score(b.name, name_a, country_b, places),
                _dashed_name_score(a.name, name_b, country_a), _dashed_name_score(b.name, name_a, country_b),
                _leading_acronym_score(a.name, name_b, country_a), _leading_acronym_score(b.name, name_a, country_b),
                _written_acronym(a.name, name_b), _written_acronym(b.name, name_a),
                _second_names_score(a.name, b.name, country, places))
    if apart:
        return score
    score = max(score, _brand_score(a.name, name_a, name_b, country, places),
                _brand_score(b.name, name_b, name_a, country, places))
    score = max(score, _contained_score((a.name, name_a), (b.name, name_b), country, (a.city, b.city)),
                _town_tail_score(a.name, name_a, name_b, country), _town_tail_score(b.name, name_b, name_a, country))
    score = max(score, _marks_score(name_a, name_b), _network_score(name_a, name_b, country),
                _network_score(*without, country) if without is not None else 0.0)
    return max(score, _short_form_score(a.name, b.name, country), _short_form_score(b.name, a.name, country))


def _compounds_score(a: Record, b: Record, country_a: str | None, country_b: str | None, name_a: OrgName,
                     name_b: OrgName) -> float:
    """Return the score of two names read with their compounds of two words of the word table split: "Nemzeti
    Agrárkutatási és Innovációs Központ" is the "National Agricultural Research and Innovation Centre". A second
    reading, for names not otherwise alike: the first keeps such a compound one word that names the body, as the
    network and academy rules need ("Energiatudományi Kutatóközpont")."""
    split_a, split_b = parse(a.name, country_a, compounds=True), parse(b.name, country_b, compounds=True)
    if split_a == name_a and split_b == name_b:
        return 0.0
    return name_score(split_a, split_b)


# A name written word for word as another but for one word misspelt by one edit is the other's spelling when that
# word has this many letters or more and this many other words that say which body it is are written alike.
_SLIP_WORD_LENGTH = 5
_SLIP_SAME_WORDS = 3
#: The score of two such names.
SLIP_SCORE = 96.0


def _one_slip_score(a: OrgName, b: OrgName, country: str | None) -> float:
    """Return :data:`SLIP_SCORE` when two names are written word for word alike but for one word misspelt by one
    edit (``okoliša``, ``okolša``: a slip the word tables would read as a word and a stranger), no number nor place
    name, among :data:`_SLIP_SAME_WORDS` or more words alike that are neither function nor head words; else 0."""
    written_a, written_b = written_name(a), written_name(b)
    if len(written_a) != len(written_b):
        return 0.0
    differ = [(x, y) for x, y in zip(written_a, written_b, strict=True) if x != y]
    alike = [x for x, y in zip(written_a, written_b, strict=True) if x == y and not is_function_word(x, country)
             and not is_head_word(x)]
    if len(differ) != 1 or len(alike) < _SLIP_SAME_WORDS:
        return 0.0
    x, y = differ[0]
    if min(len(x), len(y)) < _SLIP_WORD_LENGTH or not (x.isalpha() and y.isalpha()) or OSA.distance(x, y) > 1 \
            or is_place(x, country) or is_place(y, country):
        return 0.0
    return SLIP_SCORE


# The kinds of body of a region's or county's authority, whose names name their NUTS region.
_REGION_KINDS = frozenset({"region", "county"})


def _regions_named(a: OrgName, b: OrgName, country: str | None) -> bool | None:
    """Whether two names of authorities of one kind, a region's or a county's, name one NUTS region (True) or two
    (False), by their cores among the cores of the country's region names (:func:`region_cores`:
    ``Województwo Zachodniopomorskie`` and ``West Pomeranian Voivodeship`` are PL42); True too for two names of
    one other kind, or of none, whose cores are names of one region as written ("Regierung von Oberbayern",
    "Government of Upper Bavaria"; "Wirtschaftskammer Oberösterreich", "Upper Austrian Chamber of Commerce": looked
    up, not compared with every region's name, which every pair of names of one kind would pay); None when their kinds
    differ or either names no region with nothing more ("Prefectura Județului Cluj" is not the county's
    council)."""
    if a.kinds != b.kinds or (a.kinds & _AUTHORITY_KINDS and not a.kinds <= _REGION_KINDS):
        return None  # a municipality is not named by its NUTS 3 region ("Gmina Puławy", "Miasto Puławy")
    if not a.kinds or not a.kinds <= _REGION_KINDS:  # a body of another kind named by its region alone, as the
        cores = region_cores(country)  # region's names are written: one region, one body ("Regierung von Oberbayern")
        return True if cores.get(a.core, frozenset()) & cores.get(b.core, frozenset()) else None
    codes_a, codes_b = _region_codes(a.core, country), _region_codes(b.core, country)
    if not codes_a or not codes_b:
        return None
    return bool(codes_a & codes_b)


@lru_cache(maxsize=64)
def region_cores(country: str | None) -> dict[tuple[str, ...], frozenset[str]]:
    """Return the cores of the names of ``country``'s NUTS regions (:func:`kg.resolve.region_names.region_names`,
    read by :func:`parse`), each with the codes of the regions it names (a region and its NUTS 2 or 3 of one name:
    ``Praha``, CZ01 and CZ010).

    >>> region_cores("CZ")[("jihomoravsky",)]
    frozenset({'CZ064'})
    """
    cores: dict[tuple[str, ...], set[str]] = {}
    for _, code, core in _parsed_regions(country):
        if core:
            cores.setdefault(core, set()).add(code)
    return {core: frozenset(codes) for core, codes in cores.items()}


@lru_cache(maxsize=64)
def _parsed_regions(country: str | None) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The names of ``country``'s NUTS regions (:func:`kg.resolve.region_names.region_names`), each with its code
    and its core as :func:`parse` reads it, read once for :func:`region_cores` and :func:`_region_words`."""
    return tuple((name, code, parse(name, country).core) for name, code in region_names(country))


@lru_cache(maxsize=10_000)
def _region_codes(core: tuple[str, ...], country: str | None) -> frozenset[str]:
    """The codes of the NUTS regions of ``country`` whose name a core writes, as written or in another form
    (:func:`core_score`: ``Województwa Dolnośląskiego``, the genitive of ``Województwo Dolnośląskie``)."""
    cores = region_cores(country)
    if core in cores:
        return cores[core]
    found = [codes for named, codes in cores.items() if core_score(core, named, country) >= LINK_ACCEPT]
    return frozenset().union(*found)


# A region's name in a name is at most this many words ("South Great Plain").
_REGION_SPAN = 3
_REGION_KEY = 4


@lru_cache(maxsize=64)
def _region_index(country: str | None) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The cores of ``country``'s NUTS regions' names (:func:`region_cores`) by the first letters of their first
    word, each with the broadest code it names (``Praha`` is CZ01 and CZ010: CZ01)."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for core, codes in region_cores(country).items():
        if len(core) <= _REGION_SPAN and len(core[0]) >= _REGION_KEY:
            found.setdefault(core[0][:_REGION_KEY], []).append((core, min(codes, key=lambda c: (len(c), c))))
    return {key: tuple(cores) for key, cores in found.items()}


@lru_cache(maxsize=100_000)
def _with_regions(core: tuple[str, ...], country: str | None) -> tuple[str, ...]:
    """Return ``core`` with each run of words that names a NUTS region of ``country`` (as written or in another
    form: :func:`core_score`) made one word of the region's code, so that a body named after its region compares
    by the region, not by the words of one language: ``Jihomoravské muzeum`` and ``South Moravian Museum``.

    >>> _with_regions(("jihomoravske", "znojmo"), "CZ"), _with_regions(("south", "moravian", "znojmo"), "CZ")
    (('<cz064>', 'znojmo'), ('<cz064>', 'znojmo'))
    """
    index, out, i = _region_index(country), [], 0
    while i < len(core):
        found = next(((length, code) for length in range(min(_REGION_SPAN, len(core) - i), 0, -1)
                      for named, code in index.get(core[i][:_REGION_KEY], ())
                      if len(named) == length and core_score(core[i:i + length], named, country) >= LINK_ACCEPT),
                     None)
        out.append(f"<{found[1].lower()}>" if found else core[i])
        i += found[0] if found else 1
    return tuple(out)


def _national_score(a: OrgName, b: OrgName, country: str | None) -> float:
    """Return how alike two names are when one says ``national`` where the other names the country, and neither
    says both: a body of the whole country is named national in its language and after the country in English
    ("Országos Meteorológiai Szolgálat", the "Hungarian Meteorological Service"); else 0."""
    found = country_words().get((country or "").upper())
    if not found:
        return 0.0
    own = found[0]
    for x, y in ((a, b), (b, a)):
        if "national" in x.core and own not in x.core and own in y.core and "national" not in y.core:
            return name_score(_with_core(x, tuple(own if w == "national" else w for w in x.core)), y)
    return 0.0


def _quoted_name_score(name: str, other: OrgName, country: str | None) -> float:
    """Return how alike ``other`` is to the name ``name`` writes in quotes, less ``LINK_SEGMENT_PENALTY``, when that
    is a body's whole name, a kind of body and a word of its own, and the words before it say what the body is
    (``Profesionālās izglītības kompetences centrs “Rīgas Tehniskā koledža”``, the Riga Technical College, a
    vocational education centre); else 0. A score below ``LINK_ACCEPT`` counts as 0."""
    quoted = quoted_name(name)
    if quoted is None:
        return 0.0
    inner = parse(quoted, country)
    if not inner.kinds or not inner.core or inner.kinds & _AUTHORITY_KINDS:
        return 0.0
    return _segment_score(inner, other)


def _regions_score(a: OrgName, b: OrgName, country: str | None) -> float:
    """Return how alike two names are with the names of regions they write read as the regions
    (:func:`_with_regions`), when both write one; else 0. An authority named by a region alone is left to
    :func:`_regions_named`: a town or municipality named as its region is not the region ("Békés", a town and
    its county), while a body of a region's names more ("Hasičský záchranný sbor Jihomoravského kraje")."""
    region_a, region_b = _with_regions(a.core, country), _with_regions(b.core, country)
    if region_a == a.core or region_b == b.core:
        return 0.0
    if (a.kinds | b.kinds) & _AUTHORITY_KINDS and any(all(w.startswith("<") for w in r) for r in (region_a, region_b)):
        return 0.0
    return name_score(_with_core(a, region_a), _with_core(b, region_b))


# The words of a name that another name holds whole, in their order, with words more, weigh this much together
# (:func:`_word_weight`, places and the country's names left out) when they say which body both names are: several
# rare words (``Instituut voor Tropische Geneeskunde``), not one or two a group's companies share (``Avinor``,
# ``Toshiba Europe``).
_CONTAINED_WEIGHT = 20.0
# Lighter, a rare first word the other name begins with is one body or a company of its group, as often one as the
# other in the training pairs ("SPINVERSE OY" and "SPINVERSE INNOVATION MANAGEMENT OY", "AVINOR AS" and "AVINOR
# FLYSIKRING AS"): for a person to tell.
_CONTAINED_REVIEW = 80.0


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether every word of ``short`` is in ``long``, in the same order."""
    rest = iter(long)
    return all(word in rest for word in short)


def _named_after(text: str, core: tuple[str, ...], country: str | None) -> bool:
    """Whether ``text`` writes all of ``core`` after segments of a name of their own, two words or more: a body
    written before the one it belongs to (``Estación Experimental de Aula Dei - Agencia Estatal CSIC``), not an
    acronym written first (``IOS, Institut za okoljevarstvo in senzorje, …``)."""
    segments = _segments(text)
    return any(len(parse(" ".join(segments[:k]), country).core) >= 2
               and _in_order(core, parse(" ".join(segments[k:]), country).core) for k in range(1, len(segments)))


def _contained_score(a_written: tuple[str, OrgName], b_written: tuple[str, OrgName], country: str | None,
                     cities: tuple[str | None, str | None] = (None, None)) -> float:
    """Return ``LINK_ACCEPT`` when one core is the other with words more and the words both hold name the body.

    ``Prins Leopold Instituut voor Tropische Geneeskunde`` is ``Instituut voor Tropische Geneeskunde``, ``Istituto
    per lo Studio e la Prevenzione e la Rete Oncologica`` is ``Istituto per lo Studio e la Prevenzione Oncologica``:
    the shorter core, all in the longer in its order, weighs ``_CONTAINED_WEIGHT`` or more without its places and
    the country's names, and the words added weigh no more than it and name no institute, centre, academy or
    research body (a part of the body, or another one), and the longer does not write the shorter after a segment
    of its own (:func:`_named_after`). Both names name the same kinds of body (one may say how the body is
    constituted: an association, a foundation, a consortium), no part of one (a faculty), under one legal form's
    kind, with the same numbers; the caller reads names of one place only. A name the other begins with whose
    first word is rare and no place scores ``_CONTAINED_REVIEW`` (:func:`_leads`). A town the longer adds is the
    shorter record's city (``cities``, the records' own), when it gives one: a cluster "– BLAGOEVGRAD" is not the
    cluster of the same words in Sofia; when it gives none, a town added to a name of frequent words (no word of
    rarity 1) scores ``_CONTAINED_REVIEW``. Else 0.
    """
    (_, a), (_, b) = a_written, b_written
    ordered = sorted(zip((a_written, b_written), cities, strict=True), key=lambda written: len(written[0][1].core))
    ((_, short), short_city), ((long_text, long), _) = ordered
    if not short.core or len(long.core) == len(short.core) or not _in_order(short.core, long.core) \
            or _named_after(long_text, short.core, country) or _unit_added(long_text, short.core, country):
        return 0.0
    if (a.kinds ^ b.kinds) - _CONSTITUTED or (a.kinds | b.kinds) & UNIT_KINDS or _numbers(a.core) != _numbers(b.core) \
            or _legal_form_penalty(a, b):
        return 0.0
    added = [w for w in long.core if w not in short.core]
    if any(RESEARCH.search(w) or w in _BODY_WORDS for w in added):
        return 0.0  # "Slovak Academy of Sciences" and its "Institute of Landscape Ecology": a part of it
    city = _words_of_city(short_city, country)
    if city and any(is_place(w, country) and place_word(w, country) not in city for w in added):
        return 0.0
    places = _country_words(country)
    own = sum(_word_weight(w, country) for w in short.core if w not in places and not is_place(w, country))
    common = _common_words(a_written[0], country) | _common_words(b_written[0], country)
    if own >= _CONTAINED_WEIGHT and sum(_word_weight(w, country) for w in added) <= own \
            and _distinctive(short.core, country, common):
        unsaid = not city and any(is_place(w, country) for w in added) \
            and all(rarity(w, country) < 1.0 for w in short.core)
        return _CONTAINED_REVIEW if unsaid else LINK_ACCEPT  # a town a name of frequent words leaves unsaid, with
        # no city to say it is that town's: "Przedsiębiorstwo Komunikacji Miejskiej" of Katowice, or of Jaworzno
    return _CONTAINED_REVIEW if _leads(short.core, long.core, country) else 0.0


# A word of the shorter name whose rarity (kg.resolve.word_frequency.rarity) is this or more names its body: without
# one, a name of common words ("Przedsiębiorstwo Gospodarki Komunalnej", a municipal company) is that of many bodies,
# and words added to it ("… "SANIKOM"", "Elbląskie …") name one of them.
_DISTINCTIVE_RARITY = 0.95


def _own_name(core: tuple[str, ...], country: str | None) -> bool:
    """Whether ``core`` is a name of its own as the words-added rule asks of the shorter name: distinctive
    (:func:`_distinctive`) and weighing ``_CONTAINED_WEIGHT`` or more ("Számítástechnikai és Automatizálási
    Kutatóintézet", not "Institute of Physics" nor "Filozofski fakultet", which many bodies are)."""
    return _distinctive(core, country) and sum(_word_weight(w, country) for w in core) >= _CONTAINED_WEIGHT


def _distinctive(core: tuple[str, ...], country: str | None, common: frozenset[str] = frozenset()) -> bool:
    """Whether ``core`` holds a word of four letters or more, no place and not among ``common``, that few names of
    its country hold."""
    return any(len(w) >= 4 and rarity(w, country) >= _DISTINCTIVE_RARITY and not is_place(w, country)
               and w not in common for w in core)


@lru_cache(maxsize=100_000)
def _common_words(text: str, country: str | None = None) -> frozenset[str]:
    """The folded words a name written in capitals and small letters writes in small letters after its first word:
    common nouns and adjectives, not a name of its own (``Střední uměleckoprůmyslová škola`` is a school of applied
    arts, one of many; ``Tehnička škola Ruđera Boškovića`` is named after a person). A name all in capitals or all
    in small letters tells nothing.

    >>> sorted(_common_words("Střední uměleckoprůmyslová škola")), _common_words("TEHNIČKA ŠKOLA RUĐERA BOŠKOVIĆA")
    (['art', 'industry', 'skola'], frozenset())
    """
    if text.isupper() or text.islower():
        return frozenset()
    words = _WORD.findall(text)[1:]
    return frozenset(w for word in words if word.islower() for w in parse(word, country).core)


def _leads(short: tuple[str, ...], long: tuple[str, ...], country: str | None) -> bool:
    """Whether ``long`` begins with all of ``short`` and the first word of ``short`` is a rare word of
    ``LINK_STEM_LENGTH`` letters or more that is no place (``SPINVERSE`` and ``SPINVERSE INNOVATION MANAGEMENT``)."""
    first = short[0]
    return long[:len(short)] == short and len(first) >= LINK_STEM_LENGTH and not first.isdigit() \
        and rarity(first, country) >= 1.0 and not is_place(first, country)


# A company's own name of this many letters or more, all of rare words, names it without the town it is in.
_OWN_TOWNLESS = 5


def _town_tail_score(text: str, name: OrgName, other: OrgName, country: str | None) -> float:
    """Return how alike ``other`` is to a company's name ``text`` (parsed: ``name``) without the towns it writes
    after its legal form, where the company is (``Metalflex d.o.o. Tolmin``), when ``other`` writes no town.

    The parser keeps such a town (:func:`kg.resolve.orgnames.parse`): the water companies of two towns
    (``ВОДОСНАБДЯВАНЕ И КАНАЛИЗАЦИЯ ЕООД, Ямбол``) are two bodies. It is left out only when the words left are the
    other name's, all rare (:func:`kg.resolve.word_frequency.rarity` 1) and no place, one of ``_OWN_TOWNLESS``
    letters or more: a name of its own that no second company of the country writes. The caller reads names of
    records not in two places. Else 0.
    """
    words = normalise(text).split()
    tail = 0
    while tail < min(len(name.core), len(words)) - 1 and name.core[-1 - tail] == words[-1 - tail] \
            and is_place(words[-1 - tail], country) and words[-1 - tail] not in other.core:
        tail += 1
    if not tail or not name.legal_form or name.core[:-tail] != other.core:
        return 0.0
    rest = parse(" ".join(words[:-tail]), country)
    own = other.core
    if rest.legal_form != name.legal_form or rest.core != own or any(is_place(w, country) for w in own) \
            or any(rarity(w, country) < 1.0 for w in own) or max(len(w) for w in own) < _OWN_TOWNLESS:
        return 0.0
    return name_score(rest, other)


# Words a name may write before an institute's own name instead of a network's (``MAGYAR TUDOMANYOS AKADEMIA``,
# ``SP``): at most this many.
_OTHER_NETWORK_WORDS = 4
# Words of an own name that weigh this much together (_word_weight: letters times rarity), each of this rarity or
# more (a share of the country's names of about one in 160 or less), say which institute it is.
_OWN_WEIGHT = 12.0
_OWN_RARITY = 0.8


def _own_name_distinctive(own: tuple[str, ...], country: str | None) -> bool:
    """Whether an institute's own name says which body it is by its words that are no place, no country's name
    ("TECNALIA SERBIA" is a branch), no number and no research word (:data:`kg.resolve.networks.RESEARCH`:
    "Institute", "Zentrum"): one of four letters or more that is rare among the country's names
    (:func:`kg.resolve.word_frequency.rarity`: ``Processum``, ``Fire``), or words of ``_OWN_RARITY`` or more that
    weigh ``_OWN_WEIGHT`` or more together (:func:`_word_weight`: ``Szamitastechnikai es Automatizalasi``, which
    many spellings of one institute make common in Hungarian names; not "Regional Development Fund")."""
    words = [w for w in own if len(w) >= LINK_STEM_LENGTH and not w.isdigit() and not RESEARCH.match(w)
             and not is_place(w, country) and w not in _country_words(country)]
    return any(rarity(w, country) >= 1.0 for w in words) or \
        sum(_word_weight(w, country) for w in words if rarity(w, country) >= _OWN_RARITY) >= _OWN_WEIGHT


def _not_a_network(word: str, prefix: tuple[str, ...], country: str | None) -> bool:
    """Whether a word written before an own name says that the words before it are no network's name: a research
    word (an institute's name: the ``Institut de Ciències del Mar`` of CSIC is not CSIC), a place (a region's body),
    or a word of the other name's network (``Estación Experimental de Aula Dei - Agencia Estatal CSIC`` is an
    institute of ``Agencia Estatal CSIC``, which it names after its own name). A country's name may be a network's
    (``MAGYAR TUDOMANYOS AKADEMIA``, the Hungarian Academy of Sciences)."""
    return bool(RESEARCH.search(word)) or is_place(word, country) or word in prefix


def _with_core(name: OrgName, core: tuple[str, ...]) -> OrgName:
    return OrgName(core, name.kinds, name.legal_form, name.words, name.acronyms, name.country)


def _network_score(a: OrgName, b: OrgName, country: str | None) -> float:
    """Return how alike two names are as one institute whose network was renamed, joined or left.

    One name is a network's leading words (:func:`kg.resolve.networks.split`, learnt from data) and an own name;
    the other writes the same own name after at most ``_OTHER_NETWORK_WORDS`` other words naming no research body
    and no place, or none
    (``HUN-REN ENERGIATUDOMANYI KUTATOKOZPONT`` and ``MAGYAR TUDOMANYOS AKADEMIA ENERGIATUDOMANYI KUTATOKOZPONT``,
    ``RISE PROCESSUM AB`` and ``SP PROCESSUM AB``). Only the own names are compared, with each name's kinds and legal
    form, so the network never makes two names alike (``HUN-REN X KUTATOKOZPONT`` is not ``HUN-REN Y
    KUTATOKOZPONT``), and the own name must say which body it is (:func:`_own_name_distinctive`). A score below
    ``LINK_ACCEPT`` counts as 0. It reads names of one place (or of none): ``ETHIC OCEAN`` in Pantin is not
    ``MERCATOR OCEAN`` in Toulouse; and institutes, not the departments of a university.
    """
    best = 0.0
    for x, y in ((a, b), (b, a)):
        if x.kinds & UNIT_KINDS:
            continue  # a department of a university is no network's institute
        for prefix, own in network_split(x.core, country):
            if not _own_name_distinctive(own, country):
                continue
            for k in range(min(_OTHER_NETWORK_WORDS, len(y.core) - 1) + 1):
                if k and _not_a_network(y.core[k - 1], prefix, country):
                    break
                best = max(best, _segment_score(_with_core(x, own), _with_core(y, y.core[k:]), acronyms=False))
    return best


_WORD = re.compile(r"[^\W\d_]+")
# Letters two writings of one word must differ in (diacritics only) to name two places.
_DIACRITICS_DIFFER = 2


# Letters written two ways for one letter: the Romanian s and t with a comma below, and with the cedilla that older
# fonts gave them ("REȘIȚA", "REŞIŢA").
_ONE_LETTER = str.maketrans("şţ", "șț")


def _diacritics_disagree(a: str, b: str, country: str | None = None) -> bool:
    """Whether both names write a word with diacritics, each otherwise in two letters or more (``Komoró``,
    ``Kömörő``), or one writes a word of the other with an ending of one or two letters with diacritics
    (``Kružlov``, ``Kružlová``: a village and its neighbour, not an inflected form) that the place names of
    ``country`` do not give as one town's forms (``Kolín``, ``Kolíně``).

    A name written without any (``Kohtla-Jarve``) does not disagree: it only leaves them out; nor does one
    letter (``Sütőde``, ``Sütöde``: a slip, or a font without ``ő``).
    """
    words_a = {w.casefold().translate(_ONE_LETTER) for w in _WORD.findall(a)}
    words_b = {w.casefold().translate(_ONE_LETTER) for w in _WORD.findall(b)}
    folded_b = {normalise(w): w for w in words_b - words_a if not w.isascii()}
    if any(len(w) == len(v) and sum(x != y for x, y in zip(w, v, strict=True)) >= _DIACRITICS_DIFFER
           for w in words_a - words_b if not w.isascii() and (v := folded_b.get(normalise(w)))):
        return True
    return any(_accented_ending(w, v, country) or _accented_ending(v, w, country)
               for w in words_a - words_b for v in words_b - words_a)


def _accented_ending(short: str, long: str, country: str | None) -> bool:
    """Whether ``long`` is ``short`` with an ending of one or two letters, one with diacritics, that is not a form
    of one town (:func:`kg.resolve.places.place_word`) nor of a common word (``Regional``, ``Regională``)."""
    ending = long[len(short):]
    if len(short) < LINK_STEM_LENGTH or not long.startswith(short) or not 0 < len(ending) <= 2 \
            or common_word(normalise(short)):
        return False
    accented = not ending.isascii() and is_latin(ending)  # "á", not the Cyrillic "те" of "средните"
    return accented and place_word(normalise(short), country) != place_word(normalise(long), country)


@lru_cache(maxsize=200_000)
def _names_region(place: str, country: str | None) -> bool:
    """Whether a record's city or region names a region, a county or a province, not a town: by its head word
    ("Blagoevgrad Province", "Istarska županija") or as one of the country's NUTS regions is named that no town of
    the table is ("Nógrád", "Bucureşti - Ilfov"; not "Praha", a region and a town)."""
    parsed = parse(place, country)
    if parsed.kinds & _PLACE_KINDS:
        return True
    return parsed.core in region_cores(country) and not any(is_place(w, country) for w in parsed.core)


@lru_cache(maxsize=50_000)
def _nuts_codes(place: str, country: str | None) -> frozenset[str]:
    """The NUTS codes of the regions a record's city or region names, when it names a region (:func:`_names_region`),
    else none."""
    return _region_codes(parse(place, country).core, country) if _names_region(place, country) else frozenset()


def _nested_regions(a: str, b: str, country: str | None) -> bool:
    """Whether two records' regions are NUTS regions one of which is or lies in the other.

    >>> _nested_regions("Jihovýchod", "Jihomoravský kraj", "CZ")
    True
    >>> _nested_regions("Olomoucký kraj", "Zlínský kraj", "CZ")
    False
    """
    codes_a, codes_b = _nuts_codes(a, country), _nuts_codes(b, country)
    return any(x.startswith(y) or y.startswith(x) for x in codes_a for y in codes_b)


def _places_disagree(a: str | None, b: str | None, country: str | None = None) -> bool:
    """Whether two records' cities or regions are two places: their words, each town's forms and names one word
    (``München``, ``Munich``; ``Venezia``, ``Venice``), share too little (``DUBLIN 8`` and ``Dublin`` agree); one
    written with two neighbouring letters swapped is the other (``Ciezsyn``, ``Cieszyn``: :func:`_swapped`)."""
    if not a or not b or not a.strip() or not b.strip():
        return False
    if _names_region(a, country) != _names_region(b, country):
        return False  # a town and a region: the town may lie in it ("Pazin", "Istarska županija"), tables do not say
    if _nested_regions(a, b, country):
        return False  # a NUTS 2 region and a county in it ("Jihovýchod", "Jihomoravský kraj")
    words_a, words_b = (" ".join(place_word(w, country) for w in normalise(x).split()) for x in (a, b))
    return fuzz.token_set_ratio(words_a, words_b) < LINK_ACCEPT and not _swapped(words_a, words_b)


def _number_on_one_side(a: str, b: str, country_a: str | None, country_b: str | None) -> bool:
    """Whether one name has a number of its own in its core and the other none (a numbered body of a group, a
    school; a number written onto a word, "Xeryon2", is no number of its own)."""
    numbers_a = any(w.isdigit() for w in parse(a, country_a).core)
    return numbers_a != any(w.isdigit() for w in parse(b, country_b).core)


def _letters_only(a: str, b: str, country_a: str | None, country_b: str | None) -> bool:
    """Whether two names' cores are letters alone (``В и К ООД``, *V i K*, the water and sewerage company many
    towns have): initials of common words, no name of one body.

    >>> _letters_only("В и К ООД", "В И К ЕООД", "BG", "BG"), _letters_only("В и К ООД", "ВиК Бебреш", "BG", "BG")
    (True, False)
    """
    cores = parse(a, country_a).core, parse(b, country_b).core
    return all(core and all(len(w) == 1 for w in core) for core in cores)


def _common_name_moved(a: Record, b: Record, country_a: str | None, country_b: str | None) -> bool:
    """Whether two records in two places are one name of common words under two legal forms (``ASTER SPA`` in Rome,
    ``ASTER - SOCIETA CONSORTILE PER AZIONI`` in Bologna): a change of form
    (:func:`kg.resolve.orgnames.legal_form_changed`) only by their words, which many a company's name is made of."""
    name_a, name_b = parse(a.name, country_a), parse(b.name, country_b)
    return _legal_form_penalty(name_a, name_b) == 0.0 and bool(name_a.legal_form and name_b.legal_form) \
        and legal_form_kind(name_a.legal_form) != legal_form_kind(name_b.legal_form) \
        and not legal_form_changed(name_a, name_b, common=False)


def _one_common_word(a: str, b: str, country_a: str | None, country_b: str | None) -> bool:
    """Whether two names say one common word of a language that many organisations' names hold
    (:func:`kg.resolve.word_frequency.rarity`) and no more, their kinds and places aside (``Association "Youth
    Municipal Council"``, ``Youth Non-governmental organization Bolyarovo``): a name bodies of many places bear;
    not "Mayo County Council", "Ulster University", "THALES"."""
    cores = (parse(a, country_a).core, country_a), (parse(b, country_b).core, country_b)
    return all(len(core) == 1 and common_word(core[0]) and rarity(core[0], country) < 1.0
               for core, country in cores)


# What parts a record's names of one body: CORDIS's asterisk, Keep.eu's "represented by".
_ALTERNATIVE = re.compile(r"\*|,?\s+represented\s+by\s+", re.IGNORECASE)


def _alternatives(name: str) -> list[str]:
    """The names a record gives apart with an asterisk, as CORDIS writes a body's other name after its legal one
    ("HELSE BERGEN HF*HAUKELAND UNIVERSITY HOSPITAL", "ARGO … ANONYMI ETAIREIA*ARGO SEMICONDUCTORS SOCIETE
    ANONYME"), or the body and the one that acts for it, as Keep.eu's partners write them ("DOLJ COUNTY represented
    by DOLJ COUNTY COUNCIL"), each of two letters or more; none for a name without one ("Q*Bird B.V." is one name).

    >>> _alternatives("HELSE BERGEN HF*HAUKELAND UNIVERSITY HOSPITAL"), _alternatives("Q*Bird B.V.")
    (['HELSE BERGEN HF', 'HAUKELAND UNIVERSITY HOSPITAL'], [])
    >>> _alternatives("Province of the Tyrol represented by Tyrolean Regional Government")
    ['Province of the Tyrol', 'Tyrolean Regional Government']
    """
    parts = [part.strip() for part in _ALTERNATIVE.split(name)]
    if len(parts) < 2 or any(len(normalise(part).replace(" ", "")) < 2 for part in parts if part):
        return []
    return [part for part in parts if part]


def _one_registry_body(a: str, b: str, country: str | None) -> bool:
    """Whether the Research Organization Registry gives two names to one body of their country
    (:func:`kg.resolve.ror.same_body`), and they do not give two legal forms: the registry records a body, not its
    legal persons ("SURF BV" and "STICHTING SURF" are two).

    >>> _one_registry_body("Univerzita Karlova", "Charles University", "CZ")
    True
    """
    if not same_registry_body(a, b, country):
        return False
    form_a, form_b = parse(a, country).legal_form, parse(b, country).legal_form
    return not (form_a and form_b and form_a != form_b)


def compare(a: Record, b: Record) -> Match:
    """Return whether two organisation records are the same body, with a score and how it was decided.

    Parameters
    ----------
    a, b : Record
        The two records.

    Returns
    -------
    Match

    Examples
    --------
    >>> compare(Record("ОБЩИНА ПЕТРИЧ", "BG"), Record("Община Петрич", "Bulgaria"))
    Match(score=100.0, same=True, review=False, method='name')
    >>> compare(Record("X", identifiers=(("pic", "999"),)), Record("Y", identifiers=(("pic", "999"),))).method
    'identifier:pic'
    """
    decided = _by_identifiers(a, b)
    if decided is not None:
        return decided
    country_a, country_b = country_code(a.country), country_code(b.country)
    read_a, read_b = _reading_countries(a, b, country_a, country_b)
    score = _names_score(a, b, read_a, read_b)
    alternatives_a, alternatives_b = _alternatives(a.name), _alternatives(b.name)
    if score < LINK_ACCEPT and (alternatives_a or alternatives_b):
        score = max(score, *(_names_score(replace(a, name=x), replace(b, name=y), read_a, read_b)
                             for x in alternatives_a or [a.name] for y in alternatives_b or [b.name]))
    if country_a and country_b and country_a != country_b:
        return Match(round(min(score, LINK_OTHER_KIND_CAP), 1), False, False, "country")
    country_a, country_b = read_a, read_b  # the checks below read the names in those countries too
    method = "name"
    if score < LINK_ACCEPT and _one_registry_body(a.name, b.name, country_a or country_b):
        score, method = LINK_REGISTRY, "registry:ror"  # "Univerzita Karlova", "Charles University"
    elif LINK_REVIEW <= score < LINK_ACCEPT and two_registry_bodies(a.name, b.name, country_a or country_b):
        score, method = min(score, LINK_OTHER_KIND_CAP), "registry-conflict:ror"  # nothing for a person to review:
        # the registry knows "IT-Universitetet i København" and "Københavns Universitet" as two universities
    if _places_disagree(a.city, b.city, country_a or country_b):
        score -= LINK_CITY_PENALTY
        if score >= LINK_ACCEPT and (_common_name_moved(a, b, country_a, country_b)
                                     or _letters_only(a.name, b.name, country_a, country_b)
                                     or _one_common_word(a.name, b.name, country_a, country_b)):
            score = LINK_ACCEPT - 1  # "ASTER SPA" in Rome is not "ASTER - SOCIETA CONSORTILE PER AZIONI" in Bologna;
            # a "Youth" association of Kyustendil is not the "Youth" NGO of Bolyarovo
    if score >= LINK_ACCEPT and _diacritics_disagree(a.name, b.name, country_a or country_b):
        score = LINK_ACCEPT - 1  # "Komoró" and "Kömörő": two villages, for a person to tell
    if score >= LINK_ACCEPT and _number_on_one_side(a.name, b.name, country_a, country_b):
        score = min(score, LINK_ONE_KIND_CAP)  # "Lhyfe Production 1" is a subsidiary of "Lhyfe"
    score = round(max(score, 0.0), 1)
    return Match(score, score >= LINK_ACCEPT, LINK_REVIEW <= score < LINK_ACCEPT, method)
