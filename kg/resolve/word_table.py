"""Build ``kg/resolve/data/word_translations.tsv``: words of organisation names and their translations, mined
from parallel text the project ships, for record linkage (:func:`kg.resolve.orgnames.parse`).

Run ``python -m kg.resolve.word_table`` to write the file again. It reads, offline, the Keep.eu export of
the Interreg 2014-2020 projects (``datasets/files/keep-eu-interreg-2014-2020.xlsx``, sheet ``Projects (lead
partners)``): a cross-border programme describes each project in the languages of its countries and in
English — the project's name (``Project Name``, ``Project Name language 2``, ``… language 3``) and its
description, expected results, outputs and achievements (``… 1``, ``… 2``, ``… EN``). Each text's language is
told among its programme's languages and English (:func:`simplemma.langdetect`); two texts of one project and
field in two languages are a *parallel pair*, split into sentence pairs when both have as many sentences.

A word is pooled with its other inflected forms by its lemma (:mod:`simplemma`, in the text's language), folded
as names are (:func:`kg.resolve.normalise.normalise`). For each two languages, a lemma of one and a lemma of the
other are *translations* when they occur together in :data:`MIN_TOGETHER` parallel segments or more, with a
Dice coefficient of :data:`MIN_DICE` or more, and each is the other's best partner (mutual best). Every word
of three letters or more competes for its partner, function words and place names too: a word left out of the
count would leave its translation to pair with the word it stands beside (Latvian ``jauns``, *new*, with
*create* when the short ``new`` was not counted). No row is written for words of three letters or fewer,
function words, numbers, head words (:data:`kg.resolve.orgnames.ORG_HEADS`: they name a kind of body and are
read so already), legal forms and place names (the place table and the towns of :mod:`kg.resolve.places`).

The translations of English lemmas make a *group* per English lemma (``development``: ``rozvoj``, ``razvoj``,
``fejlesztés``, ``Entwicklung`` …); a row is one folded form of a group's word as the texts write it, so every
form seen is the group's one word and no other word is swallowed as a stem would. Left out: a group whose
words the partners' names of the export write fewer than :data:`MIN_IN_NAMES` times in English or in its
other languages; a lemma whose translation a third language contradicts (:func:`_disputed`: Czech
``udržitelný`` paired with *regional*, while it translates German ``nachhaltig``, *sustainable*); a form
that is an English word of another meaning (:func:`_english_homograph`: French ``finance``, *funded*, is
not the English *finance* of a ministry's name); and a form two groups claim.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from kg.resolve.normalise import normalise

__all__ = ["KEEP_EU", "MIN_DICE", "MIN_IN_NAMES", "MIN_TOGETHER", "WORD_TRANSLATIONS", "Mined", "build", "main",
           "mine", "table"]

ROOT = Path(__file__).resolve().parents[2]
#: The Keep.eu export the translations are mined from.
KEEP_EU = ROOT / "datasets" / "files" / "keep-eu-interreg-2014-2020.xlsx"
#: The table written.
WORD_TRANSLATIONS = Path(__file__).with_name("data") / "word_translations.tsv"
_SHEET = "Projects (lead partners)"
#: The fields that say one thing in several languages, each as its columns.
_FIELDS = (
    ("Project Name", "Project Name language 2", "Project Name language 3"),
    ("Description 1", "Description 2", "Description EN"),
    ("Expected Results 1", "Expected Results 2", "Expected Results EN"),
    ("Expected Outputs 1", "Expected Outputs 2", "Expected Outputs EN"),
    ("Delivered Outputs 1", "Delivered Outputs 2", "Delivered Outputs EN"),
    ("Achievements 1", "Achievements 2", "Achievements EN"),
)
#: The languages (simplemma codes) of the countries a programme's name may name.
_COUNTRY_LANGUAGES = {
    "Germany": ("de",), "Austria": ("de",), "Liechtenstein": ("de",), "Switzerland": ("de", "fr", "it"),
    "Czech Republic": ("cs",), "Poland": ("pl",), "Slovakia": ("sk",), "Hungary": ("hu",), "Croatia": ("hbs",),
    "Serbia": ("hbs",), "Bosnia and Herzegovina": ("hbs",), "Montenegro": ("hbs",), "Slovenia": ("sl",),
    "Italy": ("it",), "Romania": ("ro",), "Bulgaria": ("bg",), "Greece": ("el",), "Cyprus": ("el",),
    "Spain": ("es",), "France": ("fr",), "Portugal": ("pt",), "Lithuania": ("lt",), "Latvia": ("lv",),
    "Estonia": ("et",), "Finland": ("fi",), "Sweden": ("sv",), "Norway": ("nb",), "Denmark": ("da",),
    "Netherlands": ("nl",), "Belgium": ("nl", "fr"), "Macedonia": ("mk",), "Turkey": ("tr",),
    "Albania": ("sq",), "Andorra": ("ca", "es", "fr"),
}
#: Two lemmas occurring together in fewer parallel segments are not counted as translations.
MIN_TOGETHER = 5
#: … nor two with a lower Dice coefficient (twice the segments together over the sum of each one's segments).
MIN_DICE = 0.5
_MIN_LETTERS = 4
#: Lemmas this long or longer are counted: a short word (``new``, ``art``) competes for its translation, which
#: would else be paired with another word (Latvian ``jauns``, *new*, with *create*), but is no row.
_MIN_COUNTED = 3
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[^\W\d_])")
_HEADER = (
    "# Words of organisation names and their translations, for record linkage (kg.resolve.orgnames).\n"
    "# Generated by `python -m kg.resolve.word_table`; do not edit by hand. Mined from the parallel texts\n"
    "# (project names, descriptions, results, outputs in the programme's languages and English) of the\n"
    "# Keep.eu export of Interreg 2014-2020 projects, datasets/files/keep-eu-interreg-2014-2020.xlsx, sheet\n"
    "# 'Projects (lead partners)' (Keep.eu, keep.eu, published by Interact for the European Commission),\n"
    "# lemmatised with simplemma (MIT); translations are lemmas that are each other's best partner by the Dice\n"
    "# coefficient over aligned segments.\n"
    "# Columns (tab-separated): meaning (the English word every row of it becomes), language (simplemma code),\n"
    "# word (a folded form the texts write), together (parallel segments of the two lemmas), dice.\n"
    "meaning\tlanguage\tword\ttogether\tdice\n"
)


def _sheet_rows(path: Path, sheet: str) -> Iterator[dict[str, object]]:
    """Yield the rows of one sheet of the workbook as dicts by header."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = book[sheet].iter_rows(values_only=True)
        header = next(rows)
        for row in rows:
            yield dict(zip(header, row, strict=False))
    finally:
        book.close()


def programme_languages(programme: str) -> tuple[str, ...]:
    """Return the simplemma languages of the countries a programme's name names, and English.

    >>> programme_languages("2014 - 2020 INTERREG V-A Germany / Saxony - Czech Republic")
    ('cs', 'de', 'en')
    """
    found = {language for country, languages in _COUNTRY_LANGUAGES.items() if country in programme
             for language in languages}
    return tuple(sorted(found | {"en"}))


def _language(text: str, candidates: tuple[str, ...]) -> str | None:
    """Return the language of ``text`` among ``candidates``, or None when none has most of its words."""
    from simplemma import langdetect

    found = langdetect(text[:600], lang=candidates)
    return found[0][0] if found and found[0][0] in candidates and found[0][1] >= 0.3 else None


def parallel_texts(path: Path = KEEP_EU) -> Iterator[tuple[str, str, str, str]]:
    """Yield (language, text, other language, other text): one thing said in two languages by a project."""
    rows = [(programme_languages(str(row["Programme"] or "")), row) for row in _sheet_rows(path, _SHEET)]
    rows.sort(key=lambda r: r[0])  # a programme's languages after another's: simplemma loads each dictionary once
    for candidates, row in rows:
        if len(candidates) < 2:
            continue
        for columns in _FIELDS:
            texts = {str(row[c]).strip() for c in columns if row.get(c) and str(row[c]).strip()}
            told = [(lang, text) for text in sorted(texts) if (lang := _language(text, candidates))]
            for (la, ta), (lb, tb) in itertools.combinations(sorted(told), 2):
                if la != lb:
                    yield la, ta, lb, tb


def segments(text: str, other: str) -> list[tuple[str, str]]:
    """Split two texts that say one thing into sentence pairs when both have as many sentences, else one pair.

    >>> segments("Eins. Zwei.", "One. Two."), segments("Eins.", "One. Two.")
    ([('Eins.', 'One.'), ('Zwei.', 'Two.')], [('Eins.', 'One. Two.')])
    """
    a, b = _SENTENCE.split(text), _SENTENCE.split(other)
    return list(zip(a, b, strict=True)) if len(a) == len(b) else [(text, other)]


class _Lemmatiser:
    """Folded lemmas of a text's words in a language, remembering the folded forms each lemma was written in."""

    def __init__(self) -> None:
        self.forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.capitals: Counter[tuple[str, str]] = Counter()
        self.inside: Counter[tuple[str, str]] = Counter()
        self._cache: dict[tuple[str, str], str] = {}

    def lemmas(self, text: str, language: str) -> set[str]:
        found = set()
        for at, token in enumerate(_WORD.findall(text)):
            key = (token, language)
            lemma = self._cache.get(key)
            if lemma is None:
                lemma = self._cache[key] = _lemma(token, language)
            if len(lemma) >= _MIN_COUNTED:
                found.add(lemma)
                self.forms[(language, lemma)][normalise(token)] += 1
                if at:  # a sentence's first word has its capital from the sentence
                    self.inside[(language, lemma)] += 1
                    self.capitals[(language, lemma)] += token[:1].isupper()
        return found


def _lemma(token: str, language: str) -> str:
    """The folded lemma of a word (its folded self when simplemma does not know it)."""
    from simplemma import lemmatize

    try:
        return normalise(lemmatize(token, lang=language))
    except ValueError:  # a language simplemma lacks
        return normalise(token)


def _counts(texts: Iterable[tuple[str, str, str, str]], lemmatiser: _Lemmatiser
            ) -> tuple[dict[tuple[str, str], Counter], dict[tuple[str, str], Counter]]:
    """Count, per pair of languages, the segments each lemma occurs in and those two lemmas occur in together."""
    alone: dict[tuple[str, str], Counter] = defaultdict(Counter)
    together: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for la, ta, lb, tb in texts:
        for sa, sb in segments(ta, tb):
            a, b = lemmatiser.lemmas(sa, la), lemmatiser.lemmas(sb, lb)
            alone[(la, lb)].update((0, w) for w in a)
            alone[(la, lb)].update((1, w) for w in b)
            together[(la, lb)].update(itertools.product(a, b))
    return alone, together


def _pairs(alone: dict[tuple[str, str], Counter], together: dict[tuple[str, str], Counter]
           ) -> list[tuple[tuple[str, str], tuple[str, str], int, float]]:
    """Return the translations: ((language, lemma), (other language, lemma), segments together, Dice), each
    lemma the other's best partner by Dice among those :data:`MIN_TOGETHER` times together or more."""
    found = []
    for (la, lb), pairs in together.items():
        counts = alone[(la, lb)]
        best: list[dict[str, tuple[float, str]]] = [{}, {}]
        for (a, b), n in sorted(pairs.items()):  # in one order whatever the hash seed: ties go the same way
            if n < MIN_TOGETHER:
                continue
            dice = 2 * n / (counts[(0, a)] + counts[(1, b)])
            if dice > best[0].get(a, (0.0, ""))[0]:
                best[0][a] = (dice, b)
            if dice > best[1].get(b, (0.0, ""))[0]:
                best[1][b] = (dice, a)
        for a, (dice, b) in best[0].items():
            if dice >= MIN_DICE and best[1][b][1] == a:
                found.append(((la, a), (lb, b), pairs[(a, b)], round(dice, 2)))
    return sorted(found)


#: English words that say no thing (auxiliaries, quantities, pronouns), which the texts pair with anything.
ENGLISH_FUNCTION_WORDS = frozenset(
    "will would shall should could must have been being from into onto upon with within without through "
    "between among about above below after before during each every more most other others another such "
    "some many much also only very than then that this these those there their them they what which while "
    "where when whom whose three four five first second third both either neither".split())


def _excluded() -> tuple[frozenset[str], object]:
    """The folded words no row may have: function words, legal forms of one word (``gmbh``, ``spolka``; not
    each word of ``societe cooperative ouvriere de production`` or ``designated activity company``, which are
    words of names too) and place names; and a test for head words (:func:`kg.resolve.orgnames.head_words`,
    their stems and compounds)."""
    from kg.resolve import orgnames
    from kg.resolve.places import _table, towns

    names, _, _ = _table()
    places = {name for table in names.values() for name in (*table, *table.values())}
    forms = {form[0] for table in orgnames.legal_forms().values() for form in table if len(form) == 1}
    words = orgnames.ALL_FUNCTION_WORDS | ENGLISH_FUNCTION_WORDS | forms | places | set(towns())
    return frozenset(words), lambda word: bool(orgnames._kinds_of(word)[0])


def _groups(pairs: list[tuple[tuple[str, str], tuple[str, str], int, float]]) -> list[set[tuple[str, str]]]:
    """Group each English lemma with its translations, as (language, lemma) nodes; two English lemmas whose
    translations share a folded lemma are one group when they are spellings of one word (``centre``/``center``:
    rapidfuzz ratio :data:`_SPELLING` or more)."""
    from rapidfuzz import fuzz

    groups: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, b, _, _ in pairs:
        if (a[0] == "en") != (b[0] == "en"):
            english, other = (a, b) if a[0] == "en" else (b, a)
            groups[english[1]] |= {english, other}
    by_lemma: dict[str, set[str]] = defaultdict(set)
    for english, nodes in groups.items():
        for _, lemma in nodes:
            by_lemma[lemma].add(english)
    for _, englishes in sorted(by_lemma.items()):
        first, *others = sorted(englishes)
        for other in others:
            if first in groups and other in groups and other != first and fuzz.ratio(first, other) >= _SPELLING:
                groups[first] |= groups.pop(other)
    return list(groups.values())


#: Two English lemmas this alike (rapidfuzz ratio) that share a translation are spellings of one word.
_SPELLING = 80
#: An English lemma written with a capital this often is a name (of a place, a people, a language).
_PROPER = 0.7
#: A group is written when the partners' names of the export write its English words and its other languages'
#: words this often each.
MIN_IN_NAMES = 2


def _name_words(path: Path) -> Counter[str]:
    """Count the folded words of the organisations' names of the export (partners and lead partners)."""
    found: Counter[str] = Counter()
    for sheet, column in (("Partners", "Project Partner"), (_SHEET, "Lead Partner")):
        for row in _sheet_rows(path, sheet):
            found.update(set(normalise(str(row.get(column) or "")).split()))
    return found


def _strength(pairs: list[tuple[tuple[str, str], tuple[str, str], int, float]]
              ) -> dict[tuple[str, str], tuple[int, float]]:
    """Each node's strongest translation: (segments together, Dice)."""
    found: dict[tuple[str, str], tuple[int, float]] = {}
    for a, b, n, dice in pairs:
        for node in (a, b):
            found[node] = max(found.get(node, (0, 0.0)), (n, dice), key=lambda s: s[1])
    return found


def _common_english(node: tuple[str, str], lemmatiser: _Lemmatiser) -> bool:
    """Whether an English lemma is a common word: in simplemma's English dictionary, and not written with a
    capital most times as the names of places and peoples are (``Polish``, ``Danube``, ``Zemen``)."""
    from kg.resolve.orgnames import _english

    return node[1] in _english() and lemmatiser.capitals[node] <= _PROPER * lemmatiser.inside[node]


class Mined(NamedTuple):
    """What the parallel texts and the partners' names of the export say: the lemmas and the forms they are
    written in, the translations (:func:`_pairs`) and how many names write each folded word."""

    lemmatiser: _Lemmatiser
    pairs: list[tuple[tuple[str, str], tuple[str, str], int, float]]
    named: Counter[str]


def mine(path: Path = KEEP_EU) -> Mined:
    """Read the export: count its parallel texts' lemmas and its names' words."""
    lemmatiser = _Lemmatiser()  # place names and function words are counted too: their translations are theirs
    alone, together = _counts(parallel_texts(path), lemmatiser)
    return Mined(lemmatiser, _pairs(alone, together), _name_words(path))


def _disputed(pairs: list[tuple[tuple[str, str], tuple[str, str], int, float]],
              groups: list[set[tuple[str, str]]]) -> set[tuple[str, str]]:
    """The lemmas whose translation another language contradicts: two lemmas of two languages other than English
    that translate each other in :data:`_DISPUTING` segments or more, of two groups, where one has at most half
    the other's evidence for its English word (segments together): Czech ``udržitelný``, paired with *regional*
    in 5 segments, translates German ``nachhaltig``, *sustainable* in 37; Slovak ``kvalita``, paired with
    *situation*, Polish ``jakość``, *quality*. The weaker is wrong."""
    group_of = {node: i for i, group in enumerate(groups) for node in group}
    english: dict[tuple[str, str], int] = defaultdict(int)
    for a, b, n, _ in pairs:
        if (a[0] == "en") != (b[0] == "en"):
            other = b if a[0] == "en" else a
            english[other] = max(english[other], n)
    found = set()
    for a, b, n, _ in pairs:
        if "en" in (a[0], b[0]) or n < _DISPUTING or a not in group_of or b not in group_of \
                or group_of[a] == group_of[b]:
            continue
        weak, strong = sorted((a, b), key=lambda node: (english[node], node))
        if 2 * english[weak] <= english[strong]:
            found.add(weak)
    return found


#: Two lemmas of two languages that translate each other this often dispute their English translations.
_DISPUTING = 10


def _english_homograph(form: str, meaning: str, english_forms: set[str], english: Counter[str]) -> bool:
    """Whether a form of another language is an English word, of a lemma the English texts write
    (:data:`MIN_TOGETHER` times or more: ``english`` holds, per form, how often), that is not one of its group's
    English words nor spelt as its meaning: French ``finance`` and ``finances``, *funded*, are English *finance*,
    not *fund*; German ``plant``, *plans*, is English *plant*. An English name that writes it means the English
    word."""
    from rapidfuzz import fuzz

    return english[form] >= MIN_TOGETHER and form not in english_forms and fuzz.ratio(form, meaning) < _SPELLING


def _english_written(lemmatiser: _Lemmatiser) -> Counter[str]:
    """Each folded form of the English texts → how often they write its lemma (its most written lemma's count)."""
    found: Counter[str] = Counter()
    for (language, _), forms_of in lemmatiser.forms.items():
        if language == "en":
            total = sum(forms_of.values())
            for f in forms_of:
                found[f] = max(found[f], total)
    return found


def build(path: Path = KEEP_EU) -> list[tuple[str, str, str, int, float]]:
    """Return the rows of the table: (meaning, language, folded word, segments together, Dice), sorted."""
    return table(mine(path))


def table(mined: Mined) -> list[tuple[str, str, str, int, float]]:
    """Return the rows of the table from what :func:`mine` read, sorted.

    A group is an English lemma and its translations, written when its English word is a common word of four
    letters or more and no head word, and when the partners' names of the export write its English words and
    its other words :data:`MIN_IN_NAMES` times each. A lemma is left out when another language contradicts its
    translation (:func:`_disputed`), a form when it is an English word of another meaning
    (:func:`_english_homograph`) or when two groups claim it.
    """
    lemmatiser, pairs, named = mined
    excluded, is_head = _excluded()
    strength = _strength(pairs)

    def english_of(group: set[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted((n for n in group if n[0] == "en"), key=lambda n: (-sum(lemmatiser.forms[n].values()), n))

    def writable(english: tuple[str, str]) -> bool:  # a common English word of four letters or more, no head
        return len(english[1]) >= _MIN_LETTERS and english[1] not in excluded and not is_head(english[1]) \
            and _common_english(english, lemmatiser)

    groups = [group for group in _groups(pairs) if writable(english_of(group)[0])]
    english_written = _english_written(lemmatiser)
    disputed = _disputed(pairs, groups)

    def forms(node: tuple[str, str]) -> list[str]:
        return [f for f in lemmatiser.forms[node] if len(f) >= _MIN_LETTERS and " " not in f and f.isalpha()
                and f not in excluded and not is_head(f)]

    rows = []
    for group in groups:
        english = english_of(group)
        written = {node: fs for node in group if node not in disputed and len(node[1]) >= _MIN_LETTERS
                   and node[1] not in excluded and (fs := forms(node))}
        english_forms = {f for node, fs in written.items() if node[0] == "en" for f in fs}
        if min(sum(named[f] for node, fs in written.items() if (node[0] == "en") == in_english for f in fs)
               for in_english in (True, False)) < MIN_IN_NAMES:  # words of names, in English and another language
            continue
        # the group's word: its English form that names write most ("planning", not the lemma "plan")
        meaning = max(english_forms, key=lambda f: (named[f], f == english[0][1], f))
        rows += [(meaning, node[0], f, *strength[node]) for node, fs in written.items() for f in fs
                 if node[0] == "en" or not _english_homograph(f, meaning, english_forms, english_written)]
    meanings: dict[str, set[str]] = defaultdict(set)
    for meaning, _, word, _, _ in rows:
        meanings[word].add(meaning)
    return sorted({row for row in rows if len(meanings[row[2]]) == 1})  # a form two groups claim is no one's


def main(path: Path = WORD_TRANSLATIONS, source: Path = KEEP_EU) -> None:
    """Write the table to ``path``."""
    rows = build(source)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(_HEADER)
        for meaning, language, word, together, dice in rows:
            out.write(f"{meaning}\t{language}\t{word}\t{together}\t{dice}\n")
    print(f"{path}: {len(rows)} words of {len({r[0] for r in rows})} meanings", file=sys.stderr)


if __name__ == "__main__":
    main()
