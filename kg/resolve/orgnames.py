"""The parts of an organisation's name that record linkage compares: its kinds, its legal form and its core.

An organisation's name is folded by :func:`kg.resolve.normalise` (any script to ASCII, case, punctuation),
its legal form is taken out (``data/legal_forms.tsv``: ``GmbH``, ``S.p.A.``, ``Sp. z o.o.``, ``ЕООД``,
``Α.Ε.`` … and their long forms), its head words are replaced by the kind of body they name
(``data/org_heads.tsv``: ``община``, ``Gemeinde``, ``Comune``, ``Gmina`` and ``Municipality`` are all
*municipality*), and function words are dropped. What is left, the *core*, says which body of that
kind it is.

Examples
--------
>>> parse("ОБЩИНА ПЕТРИЧ") == parse("Municipality of Petrich")
True
>>> parse("Grad Zagreb").kinds, parse("Zagrebačka županija").kinds
(frozenset({'municipality'}), frozenset({'county'}))
>>> parse("ENEA Operator spółka z ograniczoną odpowiedzialnością", "PL").legal_form
'Sp. z o.o.'
"""

from __future__ import annotations

import gzip
import html
import re
from collections import defaultdict
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from kg.errors import InputError
from kg.resolve.acronyms import own_acronym, written_after
from kg.resolve.endings import is_ending
from kg.resolve.greek import GREEK_COUNTRIES, GreekWords, greek_words, has_greek_script, phrase_at, reads_greek
from kg.resolve.keys import FUNCTION_WORDS
from kg.resolve.normalise import normalise, umlauts_plain
from kg.resolve.places import is_place, place_word, town_phrases, towns
from kg.resolve.region_names import region_form

__all__ = ["common_word",
    "AROUND", "ENGLISH_ARTICLE", "LEGAL_FORMS",
    "LEGAL_FORM_KINDS", "LEGAL_FORM_MARKERS", "LEGAL_FORM_STATUS", "ORG_HEADS", "ORG_WORDS",
    "UNIT_KINDS", "WORD_TRANSLATIONS",
    "OrgName",
    "greek_word", "head_words", "is_function_word", "legal_form_changed", "legal_form_kind", "legal_form_markers",
    "country_languages", "english_words", "legal_forms", "legal_status", "mined_translation", "parse", "respelt",
    "curated_rows", "meaning_phrases", "without_legal_form", "word_meanings", "word_translations", "written_name",
]

DATA = Path(__file__).with_name("data")
#: The curated legal forms, per country.
LEGAL_FORMS = DATA / "legal_forms.tsv"
#: The curated head words, per kind of body.
ORG_HEADS = DATA / "org_heads.tsv"
#: The curated kinds of legal form shared by several countries (``GmbH`` and ``Ltd``).
LEGAL_FORM_KINDS = DATA / "legal_form_kinds.tsv"
#: The curated status (company, association, foundation) of legal forms the kinds do not say.
LEGAL_FORM_STATUS = DATA / "legal_form_status.tsv"
#: The curated pairs of legal forms that two companies of one name hold side by side (``ООД`` and ``ЕООД``).
LEGAL_FORM_APART = DATA / "legal_form_apart.tsv"
#: The curated words beside a legal form that say a company has one member or that the state owns it ("unipersonal",
#: "single member"): no part of its name.
LEGAL_FORM_MARKERS = DATA / "legal_form_markers.tsv"
#: The curated words that say the same in several languages ("technische", "technology").
ORG_WORDS = DATA / "org_words.tsv"
#: Words that name a country or say that a body is of it (``hrvatska``, ``croatian``, ``latvijas``).
COUNTRY_WORDS = DATA / "country_words.tsv"
#: The words of names and their translations mined from parallel text (``python -m kg.resolve.word_table``).
WORD_TRANSLATIONS = DATA / "word_translations.tsv"

#: The kinds of body that are parts of another (a faculty of a university, a department of a ministry).
UNIT_KINDS = frozenset({"faculty", "department"})
# The meaning (org_words.tsv) of the words that say "republic".
_REPUBLIC = "republic"
#: What a town's core word becomes in a municipality named by the town's adjective: the land around the town.
AROUND = "-around"

# Function words of names in the languages of the EU beyond those the resolver's keys know, after folding.
_MORE_FUNCTION_WORDS = frozenset("u v ve pri za nad pod od ot po pe tis tou ton tin kai ja un ir the".split())
_STOP = FUNCTION_WORDS | _MORE_FUNCTION_WORDS
# Function words of one language, left out of the names of the countries that write it only: elsewhere the same
# letters are a name ("Pér", a Hungarian village; "L PROJEKT"; the Bulgarian letters "ЕС"). The Greek article "του"
# transliterates as "toy"; "z siedzibą w", "se sídlem v", "so sídlom v" say where a body sits, as "in" does.
_LANGUAGE_FUNCTION_WORDS = {
    "fr": "l d pour sur dans par", "ca": "l d dels els les amb",
    "it": "l d dell all nel nella sul sulla alla per con ed dello allo agli alle dallo dalla dai dagli dalle nello nei"
          " negli nelle sullo sui sugli sulle col coi su tra fra",
    "de": "fur fuer bei auf aus mit", "nl": "voor ter", "es": "para por con",
    "pt": "para por em nas nos pelo pela pelos pelas ao aos",
    "hu": "es", "ro": "pentru", "no": "og til ved det den av", "da": "og til ved det den af",
    "sv": "och till vid det den av", "pl": "przy oraz siedziba", "cs": "pro se sidlem", "sk": "pro so sidlom",
    "el": "gia sto stin stis toy toys", "mt": "ta tal tad tat taz tas tar tan tac ghall ghal",
}
# Words of one language that are function words of others (the Hungarian "dél", south, folds to the Spanish "del").
_LANGUAGE_CONTENT_WORDS = {"hu": "del"}
_COUNTRY_LANGUAGES = {
    "FR": "fr", "BE": "fr nl de", "LU": "fr de", "CH": "fr de it", "MC": "fr", "IT": "it", "SM": "it", "MT": "mt it",
    "DE": "de", "AT": "de", "LI": "de", "NL": "nl", "ES": "es ca", "AD": "ca es fr", "PT": "pt", "BR": "pt", "HU": "hu",
    "RO": "ro", "MD": "ro", "NO": "no", "DK": "da", "SE": "sv", "FI": "sv", "PL": "pl", "CZ": "cs", "SK": "sk",
    "GR": "el", "EL": "el", "CY": "el",
}


@lru_cache(maxsize=64)
def _stop(country: str | None) -> frozenset[str]:
    """The function words names of ``country`` leave out of their core: those of every language and its own
    languages' (:data:`_LANGUAGE_FUNCTION_WORDS`); the first only when the country is not known. A function word of
    another language that is a word of the country's own is kept (the Hungarian "dél", south, is no Spanish "del").

    >>> "per" in _stop("IT"), "per" in _stop("HU"), "es" in _stop("HU"), "es" in _stop(None), "del" in _stop("HU")
    (True, False, True, False, False)
    """
    languages = _COUNTRY_LANGUAGES.get((country or "").upper(), "").split()
    return _STOP.union(*(_LANGUAGE_FUNCTION_WORDS[language].split() for language in languages)) \
        - {word for language in languages for word in _LANGUAGE_CONTENT_WORDS.get(language, "").split()}


#: Every function word of the tables, whatever the country (the words the word table's miner leaves out).
ALL_FUNCTION_WORDS = _STOP.union(*(words.split() for words in _LANGUAGE_FUNCTION_WORDS.values()))


def is_function_word(word: str, country: str | None = None) -> bool:
    """Whether a folded word is a function word that names of ``country`` leave out of their core (``de``, ``und``;
    ``fuer`` in German-speaking countries)."""
    return word in _stop(country)


_QUOTES = re.compile(r"[\"'„“”«»‘’`]")
_PARENTHESES = re.compile(r"\(([^)]*)\)")
# A head stem at least this long found inside a longer word makes it a compound of that kind.
_COMPOUND_PART = 5
# … and ends at most this many letters before the word's end (``klini|kum``; not ``ad|minist|ration``).
_COMPOUND_TAIL = 4
# A word this long or longer this alike (rapidfuzz ratio) to a head word misspells it.
_MISSPELT_LENGTH = 7
_MISSPELT_SCORE = 90.0
# A word this long or longer that no table knows is read as the table word it misspells by one edit (a letter
# added, left out, replaced, or two letters swapped: ``governement``, ``insitute``); one this long by two
# (``accociation``).
_RESPELT_ONE = 7
_RESPELT_TWO = 11
# A legal form written as one word of this many letters is also read spelt out letter by letter (a.i.s.b.l.).
_SPELT_FORM = (3, 5)
# A legal form of this many words or more is recognised misspelt too.
_MISSPELT_FORM_WORDS = 3


@dataclass(frozen=True)
class OrgName:
    """The comparable parts of one organisation name.

    Attributes
    ----------
    core : tuple of str
        The words that say which body it is, in their order (kinds, legal form and function words out).
    kinds : frozenset of str
        The kinds of body its head words name (``municipality``, ``university``, ``faculty`` …).
    legal_form : str or None
        The short form of its legal form (``GmbH``, ``ЕООД``), when it has one.
    words : tuple of str
        All its folded words, head and function words and legal form kept, its own acronym out (what an
        acronym of another name is read against); not compared.
    acronyms : frozenset of str
        The folded words written as acronyms are (``KU``, ``UBremen``: two capitals or more, in a name not
        all in capitals), or the whole name when it is one word; not compared.
    country : str or None
        The country the name was read for (its legal forms and place names); not compared.
    """

    core: tuple[str, ...]
    kinds: frozenset[str]
    legal_form: str | None
    words: tuple[str, ...] = field(default=(), repr=False, compare=False)
    acronyms: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    country: str | None = field(default=None, repr=False, compare=False)


def curated_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Return (line, row) of a curated or generated tab-separated file, gzipped when its name ends in ``.gz``;
    ``#`` lines are comments."""
    opened = gzip.open(path, "rt", encoding="utf-8", newline="") if path.suffix == ".gz" else path.open(
        encoding="utf-8", newline="")
    with opened as handle:
        lines = [(number, line) for number, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise InputError(path, "no header line")
    header_line, header = lines[0]
    names = tuple(header.rstrip("\n").split("\t"))
    if names != columns:
        raise InputError(path, f"the header must be {', '.join(columns)}, not {', '.join(names)}", header_line)
    rows = []
    for number, line in lines[1:]:
        values = line.rstrip("\n").split("\t")
        if len(values) != len(columns) or not all(v.strip() for v in values):
            raise InputError(path, f"expected {len(columns)} non-empty tab-separated values", number)
        rows.append((number, dict(zip(columns, values, strict=True))))
    return rows


@lru_cache(maxsize=4)
def legal_forms(path: Path = LEGAL_FORMS) -> dict[str, dict[tuple[str, ...], str]]:
    """Return the legal forms of ``path``: country (``*`` for any) → folded words → short form.

    Examples
    --------
    >>> legal_forms()["PL"][("spolka", "z", "o", "o")]
    'Sp. z o.o.'

    A form written with one letter a word is also read with its letters joined, and a short form of one word
    spelt out:

    >>> legal_forms()["CZ"][("ops",)], legal_forms()["BE"][("a", "i", "s", "b", "l")]
    ('o.p.s.', 'AISBL')
    """
    table: dict[str, dict[tuple[str, ...], str]] = {}
    for number, row in curated_rows(path, ("country", "form", "written")):
        words = tuple(normalise(row["written"]).split())
        if not words:
            raise InputError(path, f"{row['written']!r} has no letters or digits", number)
        forms = table.setdefault(row["country"], {})
        forms[words] = row["form"]
        if len(words) > 1 and all(len(w) == 1 for w in words):  # "o.p.s." is also written "OPS"
            forms.setdefault(("".join(words),), row["form"])
        if len(words) == 1 and _SPELT_FORM[0] <= len(words[0]) <= _SPELT_FORM[1] and words[0].isalpha():
            forms.setdefault(tuple(words[0]), row["form"])  # "AISBL" is also written "a.i.s.b.l."
    return table


def _per_form(path: Path, column: str, allowed: tuple[str, ...] = ()) -> dict[str, str]:
    """Read a table of a value (``column``, one of ``allowed`` when given) per short legal form of
    ``legal_forms.tsv``; a form that table lacks, or a value not allowed, is one line naming the file."""
    forms = {form for table in legal_forms().values() for form in table.values()}
    values = {}
    for number, row in curated_rows(path, (column, "form")):
        if row["form"] not in forms:
            raise InputError(path, f"{row['form']!r} is not a short form of {LEGAL_FORMS.name}", number)
        if allowed and row[column] not in allowed:
            raise InputError(path, f"{row[column]!r} is not {', '.join(allowed[:-1])} or {allowed[-1]}", number)
        values[row["form"]] = row[column]
    return values


@lru_cache(maxsize=4)
def _form_kinds(path: Path = LEGAL_FORM_KINDS) -> dict[str, str]:
    return _per_form(path, "kind")


def legal_form_kind(form: str) -> str:
    """Return the kind of a legal form (``GmbH`` and ``Ltd`` are ``private-limited``), or the form itself.

    Examples
    --------
    >>> legal_form_kind("GmbH") == legal_form_kind("Ltd"), legal_form_kind("ЕООД") == legal_form_kind("ООД")
    (True, False)
    """
    return _form_kinds().get(form, form)


# Kinds of legal form (legal_form_kinds.tsv) that make a company or an association.
_STATUS_OF_KIND = {"private-limited": "company", "public-limited": "company", "nonprofit-limited": "company",
                   "association": "association"}
# Kinds of body (head words) that say how it is constituted: "Stiftelsen SINTEF", "Verein …".
_STATUS_KINDS = ("foundation", "association")


@lru_cache(maxsize=4)
def _form_status(path: Path = LEGAL_FORM_STATUS) -> dict[str, str]:
    return _per_form(path, "status", ("company", "association", "foundation"))


def legal_status(name: OrgName) -> str | None:
    """Return the kind of legal person a name says its body is: ``company``, ``association`` or ``foundation``.

    Its legal form says it (``GmbH``, ``AS``, ``e.V.``, ``Stichting``), or else a head word (``Stiftelsen``,
    ``Fundación``, ``Verein``); None when the name says neither.

    Examples
    --------
    >>> legal_status(parse("SINTEF AS", "NO")), legal_status(parse("Stiftelsen SINTEF", "NO"))
    ('company', 'foundation')
    >>> legal_status(parse("SINTEF", "NO")) is None
    True
    """
    if name.legal_form:
        found = _STATUS_OF_KIND.get(legal_form_kind(name.legal_form)) or _form_status().get(name.legal_form)
        if found:
            return found
    return next((kind for kind in _STATUS_KINDS if kind in name.kinds), None)


# Kinds of legal form (legal_form_kinds.tsv) that are no company whose members' liability is limited but that the law
# lets become one, keeping its person: a consortium company (S.c.a.r.l.), an economic interest grouping (A.I.E., GIE).
_CONVERTIBLE_KINDS = frozenset({"consortium-limited", "grouping"})


def _company_form(form: str) -> bool:
    """Whether a legal form makes a company whose members' liability is limited, or a body that may become one
    (:data:`_CONVERTIBLE_KINDS`): not a partnership (a KG, whose partner is often a company of the same name), nor a
    form that is no company (an association, a foundation)."""
    kind = legal_form_kind(form)
    if kind in _CONVERTIBLE_KINDS:
        return True
    return kind != "partnership" and (_STATUS_OF_KIND.get(kind) or _form_status().get(form)) == "company"


@lru_cache(maxsize=4)
def _apart(path: Path = LEGAL_FORM_APART) -> frozenset[frozenset[str]]:
    pairs = {frozenset((row["form"], row["other"])) for _, row in _per_pair(path)}
    return frozenset(pairs)


def _per_pair(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a table of two short legal forms of ``legal_forms.tsv`` a line (``form``, ``other``)."""
    forms = {form for table in legal_forms().values() for form in table.values()}
    rows = curated_rows(path, ("form", "other"))
    for number, row in rows:
        unknown = [f for f in row.values() if f not in forms]
        if unknown:
            raise InputError(path, f"{unknown[0]!r} is not a short form of {LEGAL_FORMS.name}", number)
    return rows


# A core names one company when a word of it has this many letters or more, and no dictionary, table or town
# knows it ("TURBODEN", "SPINNOVA"; not "ENERGY SERVICE", "SOKOL").
_DISTINCTIVE = 5


def _distinctive(core: tuple[str, ...]) -> bool:
    """Whether a core has a word that names one body: long, of letters, and no word of simplemma's English
    dictionary, of the head, word or legal form tables, nor a town's name."""
    known, _ = _vocabulary()
    return any(len(w) >= _DISTINCTIVE and w.isalpha() and w not in known and w not in _english() and w not in towns()
               for w in core)


def common_word(word: str) -> bool:
    """Whether a folded word is a word of a language, not a name: a word of the head, word, translation or legal
    form tables or of simplemma's English dictionary, and no town's name (``telematics``, not ``kurzeme``)."""
    known, _ = _vocabulary()
    return (word in known or word in _english()) and word not in towns()


def written_name(name: OrgName) -> tuple[str, ...]:
    """The folded words of a name as written, without its legal form (nor the words beside it that say it has one
    member): every word, function and head words kept."""
    return _legal_form_taken(tuple(name.words), name.country)[0]


def legal_form_changed(a: OrgName, b: OrgName, common: bool = True) -> bool:
    """Whether two names of one country are one company whose legal form changed: the same core and kinds, two
    company forms (:func:`_company_form`: an AG made a GmbH, an Oy listed as an Oyj, an S.r.l. become an
    S.p.A., a state enterprise a joint-stock company, a consortium company or a grouping become a company), and a
    core that names one body (:func:`_distinctive`) or, with ``common``, the same name written word for word.

    The registers of most EU countries do not give a name to a second company when they differ only in their legal
    forms; a core of common words ("LIFE CYCLE ENGINEERING") must be the whole name word for word, function words
    too: "PLUS SRL" and "WE PLUS SPA" have one core, not one name. A word added is no change of form ("CARL ZEISS
    AG", "CARL ZEISS SMT GMBH"); two forms a country's registers give two companies of one name
    (``legal_form_apart.tsv``: ``ООД``, ``ЕООД``) are none either.

    Examples
    --------
    >>> legal_form_changed(parse("TURBODEN SRL", "IT"), parse("TURBODEN SPA", "IT"))
    True
    >>> legal_form_changed(parse("LIFE CYCLE ENGINEERING SRL", "IT"), parse("LIFE CYCLE ENGINEERING SPA", "IT"))
    True
    >>> legal_form_changed(parse("AUTOTECH ENGINEERING, AIE", "ES"), parse("AUTOTECH ENGINEERING SL", "ES"))
    True
    >>> legal_form_changed(parse("LEIPFINGER-BADER GMBH", "DE"), parse("LEIPFINGER-BADER KG", "DE"))
    False
    >>> legal_form_changed(parse("PLUS SRL", "IT"), parse("WE PLUS SPA", "IT"))
    False

    Without ``common``, a name of common words is none (record linkage asks it of two records in two places):

    >>> legal_form_changed(parse("CIRCLE SRL", "IT"), parse("CIRCLE SPA", "IT"), common=False)
    False
    """
    if not (a.legal_form and b.legal_form and a.country and b.country) or a.country.upper() != b.country.upper():
        return False
    if a.core != b.core or a.kinds != b.kinds or frozenset((a.legal_form, b.legal_form)) in _apart():
        return False
    if not (_company_form(a.legal_form) and _company_form(b.legal_form)):
        return False
    return _distinctive(a.core) or (common and written_name(a) == written_name(b))


@lru_cache(maxsize=4)
def head_words(path: Path = ORG_HEADS) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Return the head words of ``path``: folded word or phrase → kind, and (folded stem, kind) pairs.

    Examples
    --------
    >>> words, stems = head_words()
    >>> words["obshtina"], words["gemeinde"], words["dimos"]
    ('municipality', 'municipality', 'municipality')
    >>> ("universit", "university") in stems
    True
    """
    words: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    for number, row in curated_rows(path, ("kind", "language", "word")):
        written = row["word"]
        folded = normalise(written.rstrip("*"))
        if not folded:
            raise InputError(path, f"{written!r} has no letters or digits", number)
        if written.endswith("*"):
            stems.append((folded, row["kind"]))
        else:
            words[folded] = row["kind"]
    return words, tuple(sorted(stems, key=lambda s: -len(s[0])))


@lru_cache(maxsize=4)
def word_meanings(path: Path = ORG_WORDS) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Return the words of ``path`` that say the same in several languages: folded word → meaning, and stems.

    Examples
    --------
    >>> words, _ = word_meanings()
    >>> words["technische"], words["technology"], words["medyczny"]
    ('technology', 'technology', 'medical')
    """
    words: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    for number, row in curated_rows(path, ("meaning", "language", "word")):
        folded = normalise(row["word"].rstrip("*"))
        if not folded or (" " in folded and row["word"].endswith("*")):
            raise InputError(path, f"{row['word']!r} must be a word or a phrase, with letters or digits", number)
        if " " in folded:
            continue  # a phrase: meaning_phrases
        if row["word"].endswith("*"):
            stems.append((folded, row["meaning"]))
        else:
            words[folded] = row["meaning"]
    return words, tuple(sorted(stems, key=lambda s: -len(s[0])))


@lru_cache(maxsize=4)
def country_words(path: Path = COUNTRY_WORDS) -> dict[str, tuple[str, frozenset[str], tuple[str, ...]]]:
    """Return, per country code, the folded words of ``path`` that name the country and its folded stems, with
    the one word that stands for them all (the longest word of the country's English name).

    Examples
    --------
    >>> word, words, stems = country_words()["HR"]
    >>> word, "hrvatsk" in stems, "croatia" in stems
    ('croatia', True, True)
    """
    from kg.reference.countries import get_country

    found: dict[str, tuple[str, set[str], list[str]]] = {}
    for number, row in curated_rows(path, ("country", "language", "word")):
        try:
            country = get_country(row["country"])
        except KeyError:
            raise InputError(path, f"{row['country']!r} is no country code", number) from None
        one = max(normalise(country.name_en).split(), key=len)
        _, words, stems = found.setdefault(country.iso2, (one, set(), []))
        folded = normalise(row["word"].rstrip("*"))
        (stems.append if row["word"].endswith("*") else words.add)(folded)
    return {code: (one, frozenset(words), tuple(stems)) for code, (one, words, stems) in found.items()}


@lru_cache(maxsize=200_000)
def country_word(word: str, country: str | None) -> str:
    """Return the country's one word for a folded word that names ``country`` or says a body is of it, else
    ``word``.

    >>> country_word("hrvatske", "HR"), country_word("croatian", "HR"), country_word("latvijas", "LV")
    ('croatia', 'croatia', 'latvia')
    >>> country_word("slovenska", "SK"), country_word("slovenska", "PL"), country_word("zagreb", "HR")
    ('slovakia', 'slovenska', 'zagreb')
    >>> country_word("magyargec", "HU"), country_word("magyarorszagi", "HU"), country_word("roman", "RO")
    ('magyargec', 'hungary', 'roman')
    """
    table = country_words().get(country.upper()) if country else None
    if table is None:
        return word
    one, words, stems = table
    # a stem with an ending only: "hrvatskoj", "deutschen"; not the village "Magyargéc" of "magyar*", nor a town
    # of the country whose name reads as such a word (Roman, a town of Romania)
    if word in words:
        return one
    return one if any(word.startswith(s) and is_ending(word[len(s):]) for s in stems) \
        and not is_place(word, country) else word


@lru_cache(maxsize=4)
def word_translations(path: Path = WORD_TRANSLATIONS) -> dict[str, str]:
    """Return the words of ``path`` and their translations: folded word → the English word of its meaning.

    The table is generated (:mod:`kg.resolve.word_table`) from the parallel texts of Interreg projects.

    Examples
    --------
    >>> table = word_translations()
    >>> table["entwicklung"], table["rozwoju"], table["desarrollo"]
    ('development', 'development', 'development')
    """
    table = {}
    for number, row in curated_rows(path, ("meaning", "language", "word", "together", "dice")):
        if " " in row["word"] or normalise(row["word"]) != row["word"]:
            raise InputError(path, f"{row['word']!r} must be one folded word", number)
        table[row["word"]] = row["meaning"]
    return table


@lru_cache(maxsize=4)
def _translations_by_language(path: Path = WORD_TRANSLATIONS) -> dict[str, dict[str, str]]:
    """The mined translations of ``path`` (:func:`word_translations`): folded word → its language → meaning."""
    table: dict[str, dict[str, str]] = {}
    for _, row in curated_rows(path, ("meaning", "language", "word", "together", "dice")):
        table.setdefault(row["word"], {})[row["language"]] = row["meaning"]
    return table


# Language tags of kg.reference.countries that simplemma (and the mined table) write otherwise.
_MINED_LANGUAGE = {"cnr": "hbs"}
# Languages so close that a word written alike is one word (Bulgarian and Macedonian ``zashtita``, protection;
# Czech and Slovak): the mined table holds a form under the language whose texts paired it first.
_CLOSE_LANGUAGES = {"bg": ("mk",), "mk": ("bg", "hbs"), "hbs": ("mk", "sl"), "sl": ("hbs",), "cs": ("sk",),
                    "sk": ("cs",)}


# Languages a country's bodies write their names in beside its official ones: Spain's co-official languages of its
# autonomous communities ("Bizkaiko Foru Aldundia", "Generalitat de Catalunya", "Xunta de Galicia"), the German of
# South Tyrol ("Autonome Provinz Bozen").
_REGIONAL_LANGUAGES = {"ES": ("ca", "gl", "eu"), "IT": ("de",)}


@lru_cache(maxsize=128)
def country_languages(country: str | None) -> frozenset[str] | None:
    """Return the languages (simplemma codes) of ``country``'s names, its regional ones (:data:`_REGIONAL_LANGUAGES`),
    those close to them (:data:`_CLOSE_LANGUAGES`) and English, or None when the country is not known (every
    language then).

    >>> sorted(country_languages("BE")), sorted(country_languages("BG")), country_languages(None)
    (['de', 'en', 'fr', 'nl'], ['bg', 'en', 'mk'], None)
    """
    from kg.reference.countries import get_country
    from kg.resolve.lemmas import SIMPLEMMA_LANGUAGES

    if not country:
        return None
    try:
        known = get_country(country)
    except KeyError:
        return None
    tags = (*known.languages, *_REGIONAL_LANGUAGES.get(known.iso2, ()))
    own = {_MINED_LANGUAGE.get(tag, SIMPLEMMA_LANGUAGES.get(tag, tag)) for tag in tags}
    return frozenset({"en"} | own | {close for language in own for close in _CLOSE_LANGUAGES.get(language, ())})


def mined_translation(word: str, country: str | None = None) -> str:
    """Return the English word of a folded word in the mined translations (:func:`word_translations`) of a
    language of ``country`` or English (of any language when the country is not known), else ``word``: the
    Greek ``erga`` (*works*, *projects*) is no Croatian word (``ERGA d.o.o.``).

    >>> mined_translation("erga", "GR"), mined_translation("erga", "HR"), mined_translation("erga")
    ('project', 'erga', 'project')
    """
    found = _translations_by_language().get(word)
    if not found:
        return word
    languages = country_languages(country)
    return next((meaning for language, meaning in found.items() if languages is None or language in languages),
                word)


@lru_cache(maxsize=200_000)
def _meaning(word: str, country: str | None = None) -> str:
    """The meaning of a word in the curated word table, else in the mined translations of the languages of
    ``country`` (:func:`mined_translation`; whose English word may have a curated meaning: ``technische`` and
    ``technical`` are ``technology``), else the word."""
    words, stems = word_meanings()
    if word in words:
        return words[word]
    curated = next((meaning for stem, meaning in stems if word.startswith(stem)
                    and (len(stem) > _SHORT_STEM or _derived(word[len(stem):], country))), None)
    if curated is not None:
        return curated
    mined = mined_translation(word, country)
    return word if mined == word else _meaning(mined, country)


@lru_cache(maxsize=4)
def meaning_phrases(path: Path = ORG_WORDS) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Return the phrases of ``path`` that are one meaning ("health care", *health*: the Estonian "tervishoid" is one
    word), by their first folded word, longest first.

    >>> meaning_phrases()["health"][0]
    (('health', 'care'), 'health')
    """
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for _, row in curated_rows(path, ("meaning", "language", "word")):
        folded = tuple(normalise(row["word"]).split())
        if len(folded) > 1:
            found.setdefault(folded[0], []).append((folded, row["meaning"]))
    return {first: tuple(sorted(p, key=lambda p: -len(p[0]))) for first, p in found.items()}


@lru_cache(maxsize=1)
def _phrases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The head phrases by their first word, longest first."""
    words, _ = head_words()
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for w, kind in words.items():
        if " " in w:
            found.setdefault(w.split()[0], []).append((tuple(w.split()), kind))
    return {first: tuple(sorted(p, key=lambda p: -len(p[0]))) for first, p in found.items()}


@lru_cache(maxsize=200_000)
def _misspelt_head(word: str) -> list[str]:
    """Return the kind of a head word that ``word`` (7+ letters) misspells: ``önykormányzata``, ``župnije``."""
    if len(word) < _MISSPELT_LENGTH:
        return []
    words, stems = head_words()
    found = process.extractOne(word, [w for w in words if " " not in w], scorer=fuzz.ratio,
                               score_cutoff=_MISSPELT_SCORE)
    if found:
        return [words[found[0]]]
    return next(([kind] for stem, kind in stems
                 if len(stem) >= _MISSPELT_LENGTH and fuzz.ratio(word[:len(stem) + 1], stem) >= _MISSPELT_SCORE), [])


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], dict[tuple[str, str], tuple[str, ...]]]:
    """The words of the head, word, translation, legal form and marker tables (each word of a phrase), and those of the
    head, word and translation tables long enough to be misspelt (:data:`_RESPELT_ONE`) by their first letter
    and last two (what a slip keeps), English first: ``governement`` is one edit from ``government`` and
    ``gouvernement``."""
    heads, _ = head_words()
    meanings, _ = word_meanings()
    forms = {w for table in legal_forms().values() for form in table for w in form}
    forms |= {w for markers in legal_form_markers().values() for marker in markers for w in marker}
    english = {normalise(row["word"]) for _, row in curated_rows(ORG_HEADS, ("kind", "language", "word"))
               if row["language"] == "en"} | {w for w, m in (*meanings.items(), *word_translations().items()) if w == m}
    words = {w for phrase in (*heads, *meanings, *word_translations()) for w in phrase.split()}
    long: dict[tuple[str, str], list[str]] = defaultdict(list)
    for w in sorted((w for w in words if len(w) >= _RESPELT_ONE - 1), key=lambda w: (w not in english, w)):
        long[(w[0], w[-2:])].append(w)
    return frozenset(words) | frozenset(forms), {key: tuple(found) for key, found in long.items()}


@lru_cache(maxsize=1)
def _table_languages() -> dict[str, frozenset[str]]:
    """Word → the languages (simplemma codes, as :func:`country_languages` gives) the head and word tables write it
    in, each word of a phrase; a word of a row in several languages (``mul``) is in none of them: it is a slip of
    any language's word."""
    from kg.resolve.lemmas import SIMPLEMMA_LANGUAGES

    found: dict[str, set[str]] = defaultdict(set)
    for path, columns in ((ORG_HEADS, ("kind", "language", "word")), (ORG_WORDS, ("meaning", "language", "word"))):
        for _, row in curated_rows(path, columns):
            tag = row["language"]
            for w in normalise(row["word"].rstrip("*")).split():
                found[w].add(_MINED_LANGUAGE.get(tag, SIMPLEMMA_LANGUAGES.get(tag, tag)))
    return {w: frozenset(languages) for w, languages in found.items() if "mul" not in languages}


def english_words() -> Container[str]:
    """The word forms of simplemma's English dictionary (folded as they are written there)."""
    return _english()


@lru_cache(maxsize=1)
def _english() -> Container[str]:
    """The word forms of simplemma's English dictionary (loaded once: its shared cache would load it again after
    other languages)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory(cache_max_size=1).get_dictionary("en")


@lru_cache(maxsize=200_000)
def respelt(word: str, country: str | None = None) -> str:
    """Return the word of the head or word tables that a folded word misspells, else ``word``.

    A word of :data:`_RESPELT_ONE` letters or more that no table knows (nor the place names of ``country``, nor
    a town's name: ``Gradiška``, not ``gradska``, nor a word of a region's name: ``Pomurska``, not ``pomorska``) is
    read as the table word it misspells by one edit, and one of :data:`_RESPELT_TWO` or more by two: the
    optimal string alignment distance, for which two letters swapped are one edit. Both begin with the same
    letter and end with the same two, as slips do: a word of another language (``zentrum``, ``centrum``) or
    another ending (``akademii``, ``akademia``) is none, and an acronym's letters stay. A word simplemma's
    English dictionary knows is a word of its own (``country``, not ``county`` misspelt). A word two edits from
    a form of the mined translations only (:func:`word_translations`) is not read so: their many inflected
    forms put another word two edits from one of them as often as a slip (``corporación``, ``cooperación``), and
    a word is no slip of a mined form of a language ``country`` does not write (:func:`mined_translation`).

    Examples
    --------
    >>> respelt("governement"), respelt("insitute"), respelt("accociation"), respelt("koprivnica", "HR")
    ('government', 'institute', 'association', 'koprivnica')

    A short word, or one two edits away, is not read so: it may be another word.

    >>> respelt("agencia"), respelt("innovatia"), respelt("production"), respelt("country")
    ('agencia', 'innovatia', 'production', 'country')
    >>> respelt("corporacion"), respelt("meteorologia")
    ('corporacion', 'meteorologia')

    A word written with ``oe``, ``ae`` or ``ue`` for a letter with a mark (:func:`umlauts_plain`) is read as the
    word of the tables or the place it writes so:

    >>> respelt("oesterreich", "AT"), respelt("muenchen", "DE")
    ('osterreich', 'munchen')
    """
    known, long = _vocabulary()
    plain = umlauts_plain(word)
    if plain != word and word not in known and (plain in known or country_word(plain, country) != plain
                                                or place_word(plain, country) != plain):
        return plain  # "OESTERREICH", "MUENCHEN": a word of the tables or a place written without its marks
    if len(word) < _RESPELT_ONE or word in known or word in _stop(country) or place_word(word, country) != word \
            or word in towns():
        return word
    budget = 2 if len(word) >= _RESPELT_TWO else 1
    # a slip keeps the first and last letters: "zentrum" is not "centrum" misspelt, nor "akademii" "akademia"
    found = process.extract(word, long.get((word[0], word[-2:]), ()), scorer=OSA.distance, score_cutoff=budget,
                            limit=None)
    mined = _mined_only()  # a mined form of a language the country does not write is no word it misspells
    found = [f for f in found if f[0] not in mined or mined_translation(f[0], country) != f[0]]
    if not found or region_form(word):  # the names of regions are read only for a word that would be respelt
        return word
    languages, heads = country_languages(country), head_words()[0]  # "foiskola" (Hungarian, college) is no slip
    found = [f for f in found if languages is None or f[0] not in heads  # of the Swedish "förskola" (kindergarten)
             or _table_languages().get(f[0], languages) & languages]
    if not found:
        return word
    nearest, edits, _ = min(found, key=lambda f: f[1])  # the first of the nearest: English first
    if edits > 1 and nearest in mined:  # two edits from one of a mined word's many inflected forms is
        return word  # as often another word: "corporacion" is not "cooperacion", nor "meteorologia" "metodologia"
    return word if word in _english() else nearest  # "production", "country": English words, not misspelt


@lru_cache(maxsize=1)
def _mined_only() -> frozenset[str]:
    """The words of the mined translations (:func:`word_translations`) that no curated table holds."""
    heads, _ = head_words()
    meanings, _ = word_meanings()
    return frozenset(w for w, meaning in word_translations().items() if w != meaning) - set(heads) - set(meanings)


@lru_cache(maxsize=200_000)
def _kinds_of(word: str) -> tuple[frozenset[str], bool]:
    """Return the kinds a word names, and whether it is a compound that ends in a head (``Universitätsklinikum``,
    ``Wirtschaftsuniversität``: a compound's first part says which body it is, so it stays in the core)."""
    words, stems = head_words()
    kinds = set()
    if word in words:
        kinds.add(words[word])
    else:
        kinds.update(next(([kind] for stem, kind in stems if word.startswith(stem)), [])
                     or (_misspelt_head(word) if word not in word_meanings()[0] else []))  # "miestna", local
    whole = bool(kinds)  # the word is a head itself ("nagyközség", a large village): no compound of a head
    if word in words:
        return frozenset(kinds), False  # "länsstyrelsen", a county's board, is no other kind it ends in
    compound = False
    for _, kind in _compound_heads(word):
        kinds.add(kind)
        compound = compound or (not whole and not kinds - {kind})
    return frozenset(kinds), compound


def is_head_word(word: str) -> bool:
    """Whether a folded word names a kind of body (a head word of ``data/org_heads.tsv``, or a compound ending in
    one).

    >>> is_head_word("universiteit"), is_head_word("delft")
    (True, False)
    """
    return bool(_kinds_of(word)[0])


def _compound_heads(word: str) -> list[tuple[int, str]]:
    """Where each head stem (of ``_COMPOUND_PART`` letters or more, not a neutral word) that ends ``word`` begins
    in it, after a first part, and the kind it names: ``keskkonnaministeerium`` ends in ``ministeerium``."""
    _, stems = head_words()
    found = []
    for stem, kind in stems:
        at = word.find(stem, 1)
        if len(stem) >= _COMPOUND_PART and at > 0 and len(word) - at - len(stem) <= _COMPOUND_TAIL \
                and kind != "neutral":
            found.append((at, kind))
    if not found:
        found = [(len(word) - len(head), kind) for head, kind in _long_heads()
                 if word.endswith(head) and len(word) - len(head) >= _COMPOUND_PART]
    return found


# A head word (not a stem) this long ends the compounds that name such a body ("rahvus|raamatukogu").
_LONG_HEAD = 7


@lru_cache(maxsize=1)
def _long_heads() -> tuple[tuple[str, str], ...]:
    """The head words of :data:`_LONG_HEAD` letters or more, one word each, that name a kind (not neutral ones)."""
    words, _ = head_words()
    return tuple((w, k) for w, k in words.items() if len(w) >= _LONG_HEAD and " " not in w and k != "neutral")


def _compound_meaning(word: str, country: str | None) -> str:
    """Return the meaning in the word tables of the first part of a compound that ends in a head word
    (``keskkonnaministeerium``, the ministry of the environment, is ``environment``; ``Wirtschaftsuniversität``
    ``economics``, with the German joining ``s``), else the word: the compound stays whole when the tables do not
    know its first part (``Universitätsklinikum``).

    >>> _compound_meaning("keskkonnaministeerium", "EE"), _compound_meaning("universitatsklinikum", "DE")
    ('environment', 'universitatsklinikum')
    """
    for at, _ in _compound_heads(word):
        first = word[:at]
        for part in (first, first[:-1] if first.endswith("s") else first):
            meaning = _meaning(part, country)
            if meaning != part and len(part) >= _COMPOUND_PART:
                return meaning
    return word


# A stem of the word table this short covers a longer word only when what follows it is a suffix and an ending
# (:func:`_derived`): "natur" is in "naturalne", not in the brands "Naturaldent" and "Naturalis".
_SHORT_STEM = 5
# ... a suffix of at most this many letters before the ending ("zdravotn|ick|ych", "natur|aln|e").
_SUFFIX = 3


def _derived(rest: str, country: str | None) -> bool:
    """Whether ``rest``, what follows a short stem in a word, is a suffix of at most ``_SUFFIX`` letters and an
    ending of a language of ``country`` (of any language when it is not known), or either alone.

    >>> _derived("alne", "PL"), _derived("aldent", "HR"), _derived("ickych", "CZ")
    (True, False, True)
    """
    return any(len(rest) - len(ending) <= _SUFFIX for ending in _country_endings(country) if rest.endswith(ending))


@lru_cache(maxsize=256)
def _country_endings(country: str | None) -> frozenset[str]:
    """The endings of the languages of ``country`` (of every language when it is not known), and none: read once
    per country, not once per word."""
    from kg.resolve.endings import endings_by_language

    languages = country_languages(country)
    return frozenset({""}).union(*(own for language, own in endings_by_language().items()
                                   if languages is None or language in languages))


@lru_cache(maxsize=1)
def _meaning_words() -> frozenset[str]:
    """The English words the word tables give as meanings (``transfer``, ``conservation``)."""
    return frozenset(word_meanings()[0].values()) | frozenset(m for _, m in word_meanings()[1]) | \
        frozenset(word_translations().values())


@lru_cache(maxsize=200_000)
def _compound_parts(word: str, country: str | None, two_words: bool = False) -> tuple[str, ...]:
    """Return the two parts of a compound whose first part is a stem of the word table and whose second is a
    word the tables know, joined or not by a letter (``naturschutz``, ``technologie|transfer``,
    ``termeszet|vedelmi``), else the word: its stem alone would read the compound as its first part only
    (*nature*, *technology*). A compound that ends in a head word is read by its kind
    (:func:`_compound_meaning`).

    >>> _compound_parts("naturschutz", "DE"), _compound_parts("technologietransfer", "AT")
    (('natur', 'schutz'), ('technologie', 'transfer'))
    >>> _compound_parts("zdravotnickych", "CZ"), _compound_parts("technologie", "DE")
    (('zdravotnickych',), ('technologie',))
    """
    words, stems = word_meanings()
    if word in words:
        return (word,)
    if country == "EE" and word.endswith(_EE_LAND) and len(word) - len(_EE_LAND) >= _EE_LAND_STEM \
            and country_word(word[:-len(_EE_LAND)], country) == word[:-len(_EE_LAND)]:  # "Eestimaa" is Estonia
        return word[:-len(_EE_LAND)], _EE_COUNTY  # "Valgamaa" is the county of Valga, "Valga maakond"
    for stem, _ in stems:
        if len(stem) < _COMPOUND_PART or not word.startswith(stem):
            continue
        rest = word[len(stem):]
        for part in (rest, rest[1:], rest[2:]):  # the stem's own ending, a joining letter: technologi|e|transfer
            if len(part) >= _COMPOUND_PART - 1 and not _kinds_of(part)[0] and \
                    (part in _meaning_words() or _meaning(part, country) != part):
                return word[:len(word) - len(part)], part
        return (word,)
    return _two_words(word, words) if two_words or country in _TWO_WORD_COUNTRIES else (word,)


# An Estonian county is its town's or land's name with "maa" (land): Valgamaa, Pärnumaa, Saaremaa ("maakond").
_EE_LAND, _EE_COUNTY = "maa", "maakond"
# The countries whose names glue two words of the table into one (Estonian "arenduskeskus", development centre);
# elsewhere the parts of such a compound are read whole ("natuurwetenschappelijk" is no "science" of its own).
_TWO_WORD_COUNTRIES = frozenset({"EE"})
_EE_LAND_STEM = 4


def _two_words(word: str, words: dict[str, str]) -> tuple[str, ...]:
    """Return a compound of two words of the word table written as one word (``arenduskeskus``, *development
    centre*), else the word (a compound that ends in a head word is read by its kind: :func:`_compound_meaning`)."""
    for at in range(_COMPOUND_PART, len(word) - _COMPOUND_PART + 2):  # a last part of four letters: teadus|park
        first, rest = word[:at], word[at:]
        if first in words and rest in words:
            return first, rest
    return (word,)


def _greek_phrases(words: list[str]) -> list[str]:
    """Replace the Greek head phrases of ``data/org_heads.tsv`` that a Greek name writes in any romanisation or case
    (:func:`kg.resolve.greek.phrase_at`) by one word of their kind, as :func:`_join_phrases` does."""
    phrases = _greek_head_phrases()
    out, i = [], 0
    while i < len(words):
        found = next(((phrase, kind) for phrase, kind in phrases if phrase_at(words, i, phrase)), None)
        out.append(f"<{found[1]}>" if found else words[i])
        i += len(found[0]) if found else 1
    return out


@lru_cache(maxsize=1)
def _greek_head_phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """The Greek head phrases (of two words or more), longest first."""
    rows = curated_rows(ORG_HEADS, ("kind", "language", "word"))
    found = {(tuple(normalise(row["word"]).split()), row["kind"]) for _, row in rows if row["language"] == "el"}
    return tuple(sorted((p for p in found if len(p[0]) > 1), key=lambda p: (-len(p[0]), p)))


def _join_phrases(words: list[str], country: str | None = None) -> list[tuple[str, bool]]:
    """Replace head phrases (``megyei jogú város``, ``county municipality``) by one word of their kind, and the word
    table's phrases (``health care``) by their meaning; each word
    comes with whether it is in a town's name of two words or more of ``country`` that holds a head word
    (:func:`kg.resolve.places.town_phrases`: ``Novo mesto``), whose words name no kind of body."""
    phrases = _phrases()
    towns_at = town_phrases(country)
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        town = next((p for p in towns_at.get(words[i], ()) if tuple(words[i:i + len(p)]) == p), None)
        if town is not None:
            out += [(w, True) for w in town]
            i += len(town)
            continue
        for phrase, kind in phrases.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                out.append((f"<{kind}>", False))
                i += len(phrase)
                break
        else:
            found = next(((phrase, meaning) for phrase, meaning in meaning_phrases().get(words[i], ())
                          if tuple(words[i:i + len(phrase)]) == phrase), None)
            out.append((found[1] if found else words[i], False))  # "health care", one meaning
            i += len(found[0]) if found else 1
    return out


def _country_codes(country: str | None) -> list[str]:
    """The codes ``legal_forms.tsv`` may write ``country`` with: its ISO code and the EU's (``GR`` and ``EL``,
    ``GB`` and ``UK``: kg.reference.countries), or the code as given for a country it does not hold."""
    if not country:
        return []
    from kg.reference.countries import get_country

    try:
        known = get_country(country)
    except KeyError:
        return [country.upper()]
    return list(dict.fromkeys((known.iso2, known.nuts_code)))


@lru_cache(maxsize=512)
def _forms_for(country: str | None) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The legal forms of ``country`` (its ISO or EU code) and those used everywhere, longest first; of one writing
    both give, the country's (``S.R.L.`` is an S.L. in Spain)."""
    table = legal_forms()
    found = []
    for key in _country_codes(country):
        found += list(table.get(key, {}).items())
    if reads_greek(country):  # each word of a Greek form in the one spelling parse reads it in (_read_word)
        found += [(spelt, short) for form, short in found
                  if (spelt := tuple(_greek_words().form_word(w) or w for w in form)) != form]
    found += list(table.get("*", {}).items())
    return tuple(sorted(found, key=lambda f: -len(f[0])))


@lru_cache(maxsize=512)
def _joined_forms(country: str | None) -> frozenset[str]:
    """The legal forms of ``country`` written with one letter a word, as one word of three letters or more
    (``doo``, ``sro``): like a form of several words, one inside a name ends its name part."""
    return frozenset("".join(form) for form, _ in _forms_for(country)
                     if len(form) >= _SPELT_FORM[0] and all(len(w) == 1 for w in form))


@lru_cache(maxsize=512)
def _form_writings(country: str | None) -> frozenset[tuple[str, ...]]:
    """Every writing of the legal forms of ``country`` and those used everywhere (:func:`_forms_for`), as a set: read
    once per country, not once per name."""
    return frozenset(form for form, _ in _forms_for(country))


# A legal form of one word of this many letters or more glued to the last word of a name of three words or more is
# its legal form ("… BADEN-WURTTEMBERGSTIFTUNG"), when what is before it is this long.
_GLUED_FORM = 7
_GLUED_STEM = 5
_GLUED_WORDS = 3


def _unglued(words: list[str], country: str | None) -> list[str]:
    """Return ``words`` with a one-word legal form glued to the end of the last word written apart (a name of
    three words or more, written all together: ``… baden wurttembergstiftung`` is ``… baden wurttemberg stiftung``)."""
    if len(words) < _GLUED_WORDS:
        return words
    last = words[-1]
    for form, _ in _forms_for(country):
        if len(form) == 1 and len(form[0]) >= _GLUED_FORM and last.endswith(form[0]) \
                and len(last) - len(form[0]) >= _GLUED_STEM:
            return [*words[:-1], last[:-len(form[0])], form[0]]
    return words


# Prepositions that say where a body is, after its legal form ("PWiK sp. z o.o. w Jarocinie", "… s.r.o. v Praze").
_LOCATIVE = frozenset({"w", "we", "v", "ve", "u", "in", "din"})


@lru_cache(maxsize=4)
def legal_form_markers(path: Path = LEGAL_FORM_MARKERS) -> dict[str, frozenset[tuple[str, ...]]]:
    """Return the words of ``path`` that say a company has one member or that the state owns it: country (``*`` for
    any) → their folded writings.

    Examples
    --------
    >>> ("medio", "propio") in legal_form_markers()["ES"], ("m", "p") in legal_form_markers()["ES"]
    (True, True)
    """
    table: dict[str, set[tuple[str, ...]]] = {}
    for number, row in curated_rows(path, ("country", "written")):
        words = tuple(normalise(row["written"]).split())
        if not words:
            raise InputError(path, f"{row['written']!r} has no letters or digits", number)
        table.setdefault(row["country"], set()).add(words)
    return {country: frozenset(found) for country, found in table.items()}


@lru_cache(maxsize=512)
def _markers_for(country: str | None) -> tuple[tuple[str, ...], ...]:
    """The markers of ``country`` and of every country, longest first."""
    table = legal_form_markers()
    found = {marker for key in (*_country_codes(country), "*") for marker in table.get(key, ())}
    return tuple(sorted(found, key=lambda m: (-len(m), m)))


def _without_markers(words: list[str], country: str | None) -> list[str]:
    """Return ``words`` without the markers of :func:`legal_form_markers` (``unipersonal``, ``single member``)."""
    markers = _markers_for(country)
    out, i = [], 0
    while i < len(words):
        found = next((m for m in markers if tuple(words[i:i + len(m)]) == m), None)
        if found is None:
            out.append(words[i])
        i += len(found) if found else 1
    return out


def _take_legal_form(words: list[str], country: str | None) -> tuple[list[str], str | None]:
    """Remove a legal form from ``words`` (:func:`_take_form`), and the words that say the company has one member or
    that the state owns it (:func:`legal_form_markers`), wherever they are: ``GMV … SA UNIPERSONAL`` is ``GMV …``, an
    S.A.; ``SYNELIXIS … MONOPROSOPI EPE`` is ``SYNELIXIS …``, an E.P.E.

    A name that holds a marker only inside a legal form the table writes out (``Sociedad Anónima Unipersonal``,
    ``Entreprise unipersonnelle à responsabilité limitée``) keeps that form.

    >>> _take_legal_form("intracom single member sa telecom solutions".split(), "EL")
    (['intracom', 'sa', 'telecom', 'solutions'], None)
    >>> _take_legal_form("ingenieria y economia del transporte sme mp sa".split(), "ES")
    (['ingenieria', 'y', 'economia', 'del', 'transporte'], 'S.A.')
    """
    rest, form = _legal_form_taken(tuple(words), country)
    return list(rest), form


@lru_cache(maxsize=200_000)
def _legal_form_taken(words: tuple[str, ...], country: str | None) -> tuple[tuple[str, ...], str | None]:
    """:func:`_take_legal_form` of a tuple of words, once per name and country (a pair's names are read again by
    many rules)."""
    rest, form = _take_form(list(words), country)
    unmarked = _without_markers(rest, country)
    if unmarked == rest or not unmarked:
        return tuple(rest), form
    again, other = _take_form(unmarked, country)
    return tuple(again), other or form


# Words that say the next one is a town ("ЕООД, гр. Пловдив": гр., град, a city).
_TOWN_WORDS = frozenset({"gr", "grad", "g", "city", "town", "miasto", "mesto", "ville", "citta", "ciudad"})
# Words that say a municipality is a town's, so that an adjective of the town in its name is the town, not the land
# around it ("Львівська міська рада", Lviv City Council; "Община Добричка" is the municipality around Dobrich).
_CITY_WORDS = _TOWN_WORDS | {"miska", "gradska", "gradsko", "miejska", "mestna", "mestska"}
# A tail after a legal form this long at most may be where the company is.
_TOWN_TAIL = 3


def _where_it_is(tail: list[str], country: str | None) -> list[str]:
    """The words of a name after a legal form inside it that say where the company is, else none: a place after a
    preposition (``… sp. z o.o. w Jarocinie``) or a tail of towns only (``ВОДОСНАБДЯВАНЕ И КАНАЛИЗАЦИЯ ЕООД, Ямбол``,
    ``"…" ЕООД, гр. Пловдив``): the water companies of Yambol and of Plovdiv are two bodies, so their towns stay.

    >>> _where_it_is(["w", "jarocinie"], "PL"), _where_it_is(["gr", "plovdiv"], "BG")
    (['jarocinie'], ['plovdiv'])
    >>> _where_it_is(["za", "proizvodnju"], "HR")
    []
    """
    if tail and tail[0] in _LOCATIVE:
        return tail[1:]
    places = [w for w in tail if w not in _TOWN_WORDS]
    if places and len(places) <= _TOWN_TAIL and all(is_place(w, country) for w in places):
        return places
    return []


def _after_inner_form(head: list[str], tail: list[str], country: str | None) -> list[str]:
    """The words of a name after a legal form inside it that stay: where the company is (:func:`_where_it_is`), or
    the whole tail after a one-word name when it names a kind of body before any function word, as the name written
    out does (``RERA a.s. – Regional Development Agency of South Bohemia``); not a company's activity (``d.o.o. za
    proizvodnju``, ``S.R.L. pentru``, ``ELES d.o.o. sistemski operater …``, ``d.d. društvo za proizvodnju …``) nor
    its tie to another body (``HOLONIX SRL - SPIN OFF DEL POLITECNICO DI MILANO``).

    >>> _after_inner_form(["rera"], "regional development agency of south bohemia".split(), "CZ")[:2]
    ['regional', 'development']
    >>> _after_inner_form(["pag", "91"], ["za", "proizvodnju"], "HR"), _after_inner_form(["pag"], ["za", "x"], "HR")
    ([], [])
    """
    where = _where_it_is(tail, country)
    if where or len(head) != 1 or len(tail) < _FORM_AND_ACRONYM:
        return where
    stops = _stop(country)
    first_stop = next((i for i, w in enumerate(tail) if w in stops), len(tail))
    kind_at = next((i for i, w in enumerate(tail[:first_stop]) if _kinds_of(w)[0] - {"neutral"}), None)
    # "… d.d. društvo za proizvodnju …": a body's word and what it is for, the company's activity
    return tail if kind_at is not None and not (kind_at == 0 and first_stop == 1) else where


#: The English article, which a name translated into English may write before the legal form it starts with, and
#: which :func:`kg.resolve.ror.name_key` leaves out.
ENGLISH_ARTICLE = "the"


def _take_form(words: list[str], country: str | None) -> tuple[list[str], str | None]:
    """Remove a legal form from the end or the start of ``words``, or (several words) from inside.

    A form of several words inside a name (or of letters written as one word, ``doo``) ends its name part:
    ``PAG 91 d.o.o. za proizvodnju`` is ``PAG 91``; but where the body is, after a preposition, stays
    (``PWiK sp. z o.o. w Jarocinie``). A form glued to the last word is taken out too (:func:`_unglued`).
    """
    words = _unglued(words, country)
    for form, short in _forms_for(country):
        n = len(form)
        if len(words) > n and tuple(words[-n:]) == form:
            return _start_form(_inner_end_form(words[:-n], country), country), short
        if len(words) > n and tuple(words[:n]) == form:
            return words[n:], short
        if len(words) > n + 1 and words[0] == ENGLISH_ARTICLE and tuple(words[1:n + 1]) == form:
            return words[n + 1:], short  # "The Public Institute of …": the form after the English article
    joined = _joined_forms(country)
    for form, short in _forms_for(country):
        n = len(form)
        if n < 2 and form[0] not in joined:
            continue
        for start in range(1, len(words) - n):
            if tuple(words[start:start + n]) == form:
                head = _inner_end_form(words[:start], country)  # "… LIMITED LBG-IGBC": two forms, one company
                return head + _after_inner_form(words[:start], words[start + n:], country), short
    return _take_misspelt_form(words, country)


def without_legal_form(words: tuple[str, ...], country: str | None = None) -> tuple[str, ...]:
    """Return folded ``words`` without the legal form :func:`parse` takes out (``centai institute spa`` is
    ``centai institute``).

    >>> without_legal_form(("centai", "institute", "spa"), "IT")
    ('centai', 'institute')
    """
    return _legal_form_taken(tuple(words), country)[0]


def _inner_end_form(words: list[str], country: str | None) -> list[str]:
    """Remove a second legal form that ends ``words`` once the last is taken: a company that is a partner of
    another form (``DRAGON POLAND spółka z ograniczoną odpowiedzialnością spółka komandytowa``: sp. z o.o. sp. k.,
    is ``DRAGON POLAND``)."""
    for form, _ in _forms_for(country):
        n = len(form)
        if len(words) > n and tuple(words[-n:]) == form:
            return words[:-n]
    return words


def _start_form(words: list[str], country: str | None) -> list[str]:
    """Remove a legal form that begins ``words`` once the last is taken: the Romanian ``S.C.`` (societate
    comercială) before an ``S.R.L.`` or an ``S.A.`` (``S.C. ALFA S.R.L.`` is ``ALFA``)."""
    for form, _ in _forms_for(country):
        n = len(form)
        if len(words) > n and tuple(words[:n]) == form:
            return words[n:]
    return words


def _take_misspelt_form(words: list[str], country: str | None) -> tuple[list[str], str | None]:
    """Remove a long legal form (three words or more) misspelt at the end of ``words``.

    ``Zárkörűen Működő Részvénytársaság`` is ``Zártkörűen Működő Részvénytársaság`` (Zrt.).
    """
    for form, short in _forms_for(country):
        n = len(form)
        if n >= _MISSPELT_FORM_WORDS and len(words) > n and fuzz.ratio(
                " ".join(words[-n:]), " ".join(form)) >= _MISSPELT_SCORE:
            return words[:-n], short
    return words, None


# Two words written together, the second's capital inside (``ViennaEuropean``, ``industryVDCCI``): lines of a
# form joined without a space. Three small letters before it, so that ``eBay`` or ``McLean`` stay one word.
_GLUED = re.compile(r"(?<=[^\W\d_A-Z]{3})(?=[A-Z](?:[^\W\d_A-Z]{2}|[A-Z]+\b))")


# The English possessive: "St. Anne's", "King's College" (an apostrophe between letters and a final s).
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\b", re.IGNORECASE)


def _text_of(name: str) -> str:
    """Return ``name`` without quotes, and without a parenthesis that is not the whole name, its glued words apart;
    HTML character references read as their characters (``&QUOT;IZOSTAL&QUOT;``, as an export may write quotes).

    >>> _text_of('Board of Education for ViennaEuropean Office'), _text_of('"Zora" (Sofia)')
    ('Board of Education for Vienna European Office', ' Zora   ')
    >>> _text_of("&QUOT;IZOSTAL&QUOT; S.A.")
    ' IZOSTAL  S.A.'
    >>> _text_of("St. Anne's University Hospital")  # an English possessive is its noun
    'St. Anne University Hospital'
    """
    text = _GLUED.sub(" ", _QUOTES.sub(" ", _POSSESSIVE.sub("", html.unescape(name))))
    without = _PARENTHESES.sub(" ", text)
    return without if normalise(without) else text


_TOKEN = re.compile(r"[^\W_]+")


def _written_acronyms(name: str) -> frozenset[str]:
    """The folded words of ``name`` written as acronyms (``KU`` of ``KU Leuven``), or its one word."""
    tokens = _TOKEN.findall(_QUOTES.sub(" ", name))
    if len(tokens) == 1:
        return frozenset({normalise(tokens[0])})
    if all(sum(c.isupper() for c in t) > sum(c.islower() for c in t) for t in tokens if len(t) > 1):
        return frozenset()  # "VAS MEGYEI …", "VODOSNABDYaVANE I KANALIZATsIYa" (a transliteration's "Ya"): every
        # word is in capitals, none is told apart
    return frozenset(normalise(t) for t in tokens if sum(c.isupper() for c in t) >= 2)


@lru_cache(maxsize=200_000)
def _core_word(word: str, country: str | None, municipality: bool, city: bool = False, alone: bool = False) -> str:
    """Return a word of a name's core: one name of its town ("Ljubljani", "Wien"), the town's land for the adjective
    of a town in a municipality's name ("Община Добричка", the municipality around Dobrich, is not "Община град
    Добрич") unless the name says it is the city's (``city``: "Львівська міська рада", Lviv City Council), a
    country's adjective in a municipality's name read apart from the country ("Město Česká Kamenice" is not
    "Městys Kamenice"), or its meaning in the word tables, unless it is a municipality's name ``alone`` in its core,
    no place of the table of places (whose words are read alike wherever they stand: Montana, Bulgaria) and a word of
    the tables only in languages the country does not write (:func:`_foreign_word`)."""
    town = place_word(word, country)
    if town != word:  # a town's adjective, unless the name says it is the city's
        around = not city and place_word(word, country, adjectives=False) == word
    else:  # a country's adjective, whatever the name says of the city
        town = country_word(word, country)
        around = town != word
    if around and municipality:
        return town + AROUND
    if municipality and alone and not is_place(town, country) and _foreign_word(town, country):
        return town
    return _meaning(town, country)


@lru_cache(maxsize=4)
def _word_languages(path: Path = ORG_WORDS) -> dict[str, frozenset[str]]:
    """The languages (simplemma codes; ``mul`` for several) of each folded word of the curated word table."""
    from kg.resolve.lemmas import SIMPLEMMA_LANGUAGES

    found: dict[str, set[str]] = defaultdict(set)
    for _, row in curated_rows(path, ("meaning", "language", "word")):
        if not row["word"].endswith("*"):
            found[normalise(row["word"])].add(SIMPLEMMA_LANGUAGES.get(row["language"], row["language"]))
    return {word: frozenset(languages) for word, languages in found.items()}


def _foreign_word(word: str, country: str | None) -> bool:
    """Whether the curated word table gives ``word`` only in languages that ``country``'s names are not written in:
    in a municipality's name it is the place's own name, the Latvian Roja and Ape ("Roja Municipality", "Ape
    Municipality"), not the Spanish *red* or the Romanian *waters*.

    >>> _foreign_word("roja", "LV"), _foreign_word("roja", "ES"), _foreign_word("roja", None)
    (True, False, False)
    """
    own = country_languages(country)
    languages = _word_languages().get(word, frozenset())
    return own is not None and bool(languages) and "mul" not in languages and not languages & own


@lru_cache(maxsize=1)
def _greek_words() -> GreekWords:
    """The Greek words of the tables (:mod:`kg.resolve.greek`): the Greek rows of the head, word and translation
    tables with what each says, their stems, the country words of Greece and Cyprus, the words of their legal
    forms, and the names of their towns (:mod:`kg.resolve.places`)."""
    from kg.resolve.places import _table

    words: list[tuple[str, str]] = []
    stems: list[str] = []
    for path, columns in ((ORG_HEADS, ("kind", "language", "word")), (ORG_WORDS, ("meaning", "language", "word")),
                          (WORD_TRANSLATIONS, ("meaning", "language", "word", "together", "dice")),
                          (COUNTRY_WORDS, ("country", "language", "word"))):
        for _, row in curated_rows(path, columns):
            if row["language"] == "el" or row[columns[0]] in GREEK_COUNTRIES:
                folded = normalise(row["word"].rstrip("*"))
                if row["word"].endswith("*"):
                    stems.append(folded)
                else:
                    words.append((folded, row[columns[0]]))
    towns = [(name, town) for country in ("GR", "CY") for name, town in _table()[0].get(country, {}).items()
             if " " not in name]
    forms = [w for code in GREEK_COUNTRIES for form in legal_forms().get(code, {}) for w in form if len(w) > 2]
    return greek_words(words, stems, forms, towns)


def greek_word(word: str) -> str:
    """Return the word of the tables a folded word of a Greek name is written for (:meth:`GreekWords.read`).

    >>> greek_word("panepistimion"), greek_word("athinon"), greek_word("ereynitiko"), greek_word("hellinikos")
    ('panepistimio', 'athina', 'erevn', 'elliniko')
    >>> greek_word("anonimos"), greek_word("epimelitirion"), greek_word("alexandros"), greek_word("university")
    ('anonimos', 'epimelitirio', 'alexandros', 'university')
    """
    return _greek_words().read(word)


@lru_cache(maxsize=200_000)
def _read_word(word: str, country: str | None, greek: bool) -> str:
    """Return a folded word of a name as the tables read it: the table word a Greek name's word is written for
    (:func:`greek_word`: ``EREYNITIKO``, ``PANEPISTIMION``, ``ATHINON``) when ``greek`` and no table nor town
    knows the word as written, else the word it misspells (:func:`respelt`). A word of the English dictionary
    is read so as a Greek town's name only (``PATRON``, of Patra; ``physics`` in a Greek name is English, not
    ``fysikes``, *natural*)."""
    if greek and (spelling := _greek_words().form_word(word)):
        return spelling  # one spelling of a legal form's words, as _forms_for reads the forms
    if greek and word not in _vocabulary()[0] and not is_place(word, country):
        found = greek_word(word)
        if found != word and (word not in _english() or any(is_place(found, c) for c in ("GR", "CY"))):
            return found
    return respelt(word, country)


# A name with a legal form and its acronym after it has this many words or more (a word of a name, the two).
_FORM_AND_ACRONYM = 3


def _form_before_acronym(words: list[str], country: str | None) -> tuple[list[str], str | None]:
    """Return ``words`` without a legal form between a name and its own acronym, and the form (``INGENIERIA DE
    SISTEMAS PARA LA DEFENSA DE ESPANA SA-ISDEFE``, an S.A.), or ``words`` and None.

    >>> _form_before_acronym("ingenieria de sistemas para la defensa de espana sa isdefe".split(), "ES")[1]
    'S.A.'
    """
    if len(words) < _FORM_AND_ACRONYM:
        return words, None
    rest, form = _take_legal_form(words[:-1], country)
    if form is None or own_acronym((*rest, words[-1])) != len(rest):
        return words, None
    return [*rest, words[-1]], form


# Kinds that are another kind with a word of the core: a polytechnic (Politechnika, Politecnico, Universidad
# Politécnica) is a university of technology.
# Kinds a country's names say otherwise: Latvia has had no counties since 2009, and its municipality, the novads, is
# written "county" in English ("Alojas novada dome", "Aloja County Council"); a Swedish or Norwegian university
# college (högskola, høgskole) writes "University" in English and often became one by name ("Södertörns högskola",
# "Södertörn University"; "Malmö högskola", "Malmö universitet").
_COUNTRY_KINDS = {("LV", "county"): "municipality", ("SE", "college"): "university", ("NO", "college"): "university"}
_KIND_AND_WORD = {"polytechnic": ("university", "technology"), "institute-of-technology": ("college", "technology")}


def _form_at_an_end(words: list[str], kept: list[str], country: str | None) -> bool:
    """Whether ``kept`` is ``words`` without a legal form written at its beginning or its end, and nothing more
    ("Ani-Pall Kft Gyártó, Kereskedelmi …": a form inside a name ends its name part, but the rest is no form)."""
    n = len(words) - len(kept)
    return n > 0 and any(part == kept and tuple(rest) in _form_writings(country)
                         for part, rest in ((words[:len(kept)], words[len(kept):]), (words[n:], words[:n])))


# The kinds of a faculty's, a hospital's and a university's head words (:func:`_teaching_hospital`).
_FACULTY, _HOSPITAL, _UNIVERSITY = "faculty", "hospital", "university"


def _teaching_hospital(read: list[tuple[str, frozenset[str], bool]]) -> list[tuple[str, frozenset[str], bool]]:
    """Return the words read with a faculty's head word before a hospital's read as a university's: the "Faculty
    Hospital" is how English writes the Czech and Slovak "fakultní nemocnice", a university hospital, not a faculty.

    >>> parse("Faculty Hospital Nitra", "SK").kinds == parse("Fakultná nemocnica Nitra", "SK").kinds
    True
    """
    return [(word, frozenset({_UNIVERSITY}), compound) if _FACULTY in kinds and i + 1 < len(read)
            and _HOSPITAL in read[i + 1][1] else (word, kinds, compound)
            for i, (word, kinds, compound) in enumerate(read)]


@lru_cache(maxsize=200_000)
def parse(name: str, country: str | None = None, compounds: bool = False) -> OrgName:
    """Return the kinds, legal form and core words of an organisation's name.

    Parameters
    ----------
    name : str
        The name as a source writes it, in any script.
    country : str, optional
        The ISO 3166-1 alpha-2 code of the organisation's country: its legal forms are looked for
        beside those used everywhere (``GmbH``, ``Ltd``, ``S.A.``).

    Returns
    -------
    OrgName

    Examples
    --------
    >>> parse('"Зора-ЕС" ЕООД', "BG")
    OrgName(core=('zora', 'es'), kinds=frozenset(), legal_form='ЕООД')
    >>> parse("Sveučilište u Zagrebu").core, parse("University of Zagreb").core
    (('zagrebu',), ('zagreb',))
    """
    greek = reads_greek(country) or has_greek_script(name)
    folded = normalise(_text_of(name)).split()
    written = [_read_word(w, country, greek) for w in (_greek_phrases(folded) if greek else folded)]
    words, form = _take_legal_form(written, country)
    if form is not None and (again := _take_legal_form(words, country))[1] == form and again[0] \
            and _form_at_an_end(words, again[0], country):
        words = again[0]  # the form written twice at the two ends: "SOCIETA PER AZIONI ESERCIZI AEROPORTUALI SEA SPA"
    if form is None:
        before, form = _form_before_acronym(written, country)
        words = before if form else words
    words = [part for word in words for part in _compound_parts(word, country, compounds)]
    acronym = own_acronym(tuple(words))
    if acronym is not None:  # "CEI - Central European Initiative": the acronym beside the name says nothing more
        words = words[:acronym] + words[acronym + 1:]
        written = [w for w in written if w != written[acronym]] if acronym < len(written) else written
    elif len(words) > 2 and words[-1] in _written_acronyms(_GLUED.sub(" ", name)) \
            and written_after(words[-1], tuple(words[:-1])):
        words = words[:-1]  # "Vidin chamber of commerce and industry VDCCI": an acronym with a letter inside a word
    elif form is not None and (whole := own_acronym(tuple(written))) is not None and written[whole] in words:
        # "Stichting Wetenschappelijk Onderzoek Verkeersveiligheid SWOV": the acronym spells the legal form too
        words = [w for w in words if w != written[whole]]
        written = [w for w in written if w != written[whole]]
    read = [(word, *((frozenset(), False) if town else (frozenset({word[1:-1]}), False) if word.startswith("<")
                     else _kinds_of(word)))
            for word, town in _join_phrases(words, country)]
    read = _teaching_hospital(read)
    kinds = set().union(*(found for _, found, _ in read)) - {"neutral"}
    last = len(read) - 1 if form and len(read) > 1 else -1  # a word that ends a company's name before its legal
    # form is none of the function words, which join words: "FINCANTIERI SI SPA" (Sistemi Integrati)
    city = bool(_CITY_WORDS.intersection(written))  # "Львівська міська рада": the city's council
    # A country's adjective before "republic" names the country, not the land around a town: "Hlavné mesto Slovenskej
    # republiky Bratislava", the capital of the Slovak Republic
    republic = {i for i in range(len(read) - 1) if _meaning(read[i + 1][0], country) == _REPUBLIC}
    kept = [i for i, (word, found, compound) in enumerate(read)
            if (not found or compound) and (word not in _stop(country) or i == last)]
    core = [_core_word(_compound_meaning(read[i][0], country) if read[i][2] else read[i][0], country,
                       "municipality" in kinds and i not in republic, city, len(kept) == 1) for i in kept]
    kinds = {_COUNTRY_KINDS.get((country, kind), kind) for kind in kinds}
    for kind, (means, word) in _KIND_AND_WORD.items():  # "Politecnico di Milano" is a university of technology
        if kind in kinds:
            kinds = kinds - {kind} | {means}
            core += [word] if word not in core else []
    if not core:  # a name made of head words only ("Regional Agency"): its words are its core
        core = [w for w in words if w not in _stop(country)] or list(words)
    quoted = _quoted_core(name, core, country)
    if quoted is not None:
        core = list(quoted.core)
    return OrgName(tuple(core), frozenset(kinds), form, tuple(written), _written_acronyms(name), country)


_QUOTED = re.compile(r"[\"„“”«»]([^\"„“”«»]+)[\"„“”«»]")


@lru_cache(maxsize=100_000)
def quoted_name(name: str) -> str | None:
    """The words a name writes in quotes, outside parentheses, if any.

    >>> quoted_name('Profesionālās izglītības kompetences centrs “Rīgas Tehniskā koledža”')
    'Rīgas Tehniskā koledža'
    """
    found = _QUOTED.search(_PARENTHESES.sub(" ", html.unescape(name)))
    return found.group(1) if found else None


def _quoted_core(name: str, core: list[str], country: str | None) -> OrgName | None:
    """The name in quotes when the core read from the whole name holds none of its words: a legal form inside a
    name ends its name part, but a quoted name after it is the company's own (``Pašvaldības SIA "Ventspils
    siltums"``, a municipal company, is not ``Pašvaldības``; *siltums* is heat, the table's ``heating``).

    >>> parse('Pašvaldības SIA "Ventspils siltums"', "LV").core
    ('ventspils', 'heating')
    """
    found = quoted_name(name)  # not "(buv. UAB „Irvi“)", a former name
    if found is None:
        return None
    inner = parse(found, country)
    return inner if inner.core and not set(inner.core) & set(core) else None
