"""Entity resolution: map a name as written in any EU language to the one resource of the graph it names.

The resolver reads the labels (``skos:prefLabel``, ``skos:altLabel``, ``rdfs:label``), acronyms and
codes (NUTS codes, ISO country codes) of every region, organisation, programme, fund, project,
country and place of the graph once, and builds three indexes:

* an exact index of codes and acronyms (``PL81``, ``CJIF``, ``DG REGIO``), matched only exactly;
* a fuzzy index of the *core* of every label: lower case, diacritics folded (``Łódź`` → ``lodz``),
  function words (``of``, ``de``, ``w`` …) and territorial designators (``Województwo``,
  ``Județul``, ``Region``, ``Comune``, ``Voivodeship`` …) left out, tokens sorted;
* the *plain* form of every label (function words left out, designators kept), used to prefer the
  label that also agrees in its designators (``Lubelskie Voivodeship`` the organisation over
  ``Lubelskie`` the region).

A name is scored against the core index with :func:`rapidfuzz.fuzz.ratio` (0–100). Where only the
label has a kind word the name lacks (``Lublin`` against ``Lublin Voivodeship``) the score is
``0.7 · core + 0.3 · plain``; where only the name has one (``Județul Ilfov`` against ``Ilfov``),
``0.9 · core + 0.1 · plain``; otherwise the core score. When that does not give a clear winner, the
name is lemmatised with :mod:`simplemma` in the languages of the best candidates' labels (``Województwa Lubelskiego`` →
``Województwo Lubelskie``, ``w Łodzi`` → ``w Łódź``, ``Timișoarei`` → ``Timișoara``) and scored
again; the dictionaries of a language are loaded only when a name needs them.

Translations and exonyms (``Turin``/``Torino``, ``Flemish Government``/``Vlaamse overheid``) are
not guessed: they are ``skos:altLabel`` variants in the data (see ``data/reference/aliases.ttl``).

Examples
--------
>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <http://data.europa.eu/nuts/code/PL81> a ekg:Region ; ekg:nutsCode "PL81" ;
...     skos:prefLabel "Lubelskie"@pl ; ekg:nutsLevel 2 .
... <http://data.europa.eu/nuts/code/PL43> a ekg:Region ; ekg:nutsCode "PL43" ;
...     skos:prefLabel "Lubuskie"@pl ; ekg:nutsLevel 2 .
... ''', format="turtle")
>>> resolver = Resolver.from_graph(g)
>>> resolver.best("Lubelskie").iri
'http://data.europa.eu/nuts/code/PL81'
>>> resolver.best("pl81").label
'Lubelskie'
>>> resolver.best("Lubuskie").iri
'http://data.europa.eu/nuts/code/PL43'
>>> resolver.best("Mazowieckie") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

__all__ = ["ACCEPT", "FLOOR", "MARGIN", "TYPES", "Candidate", "Resolver", "normalise"]

#: The kinds of resource the resolver knows, as accepted by ``type=``.
TYPES = ("region", "organisation", "programme", "project", "country", "place")

#: Score (0–100) a candidate needs for :meth:`Resolver.best` to accept it.
ACCEPT = 90.0
#: How far (in points) the accepted candidate must be ahead of the runner-up.
MARGIN = 3.0
#: Candidates scoring below this are not returned at all.
FLOOR = 70.0

_MIN_FUZZY_LENGTH = 4  # core strings shorter than this are matched exactly only
_LEMMA_LANGUAGES = 2  # lemmatise a name in the languages of at most this many of the closest labels …
_LEMMA_SCORE = 75.0  # … that score at least this

_EKG = "https://w3id.org/eu-regional-kg/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_DCTERMS = "http://purl.org/dc/terms/"

# Class → type, in order of priority when a resource has several classes.
_CLASS_TYPES: tuple[tuple[str, str], ...] = (
    (_EKG + "Country", "country"),
    (_EKG + "Region", "region"),
    (_EKG + "Programme", "programme"),
    (_EKG + "Fund", "programme"),
    (_EKG + "Project", "project"),
    (_EKG + "Organisation", "organisation"),
    (_EKG + "City", "place"),
    (_EKG + "Venue", "place"),
    (_EKG + "Place", "place"),
)
_LABEL_PROPERTIES = (_SKOS + "prefLabel", _SKOS + "altLabel", _SKOS + "hiddenLabel", _RDFS + "label")
_CODE_PROPERTIES = (_EKG + "acronym", _EKG + "nutsCode", _EKG + "isoCode", _EKG + "isoAlpha3", _SKOS + "notation")

_VALUES_CLASSES = " ".join(f"<{iri}>" for iri, _ in _CLASS_TYPES)
_VALUES_PROPERTIES = " ".join(f"<{iri}>" for iri in (*_LABEL_PROPERTIES, *_CODE_PROPERTIES))
_NAMES_QUERY = f"""
SELECT DISTINCT ?s ?class ?p ?value WHERE {{
  VALUES ?class {{ {_VALUES_CLASSES} }}
  VALUES ?p {{ {_VALUES_PROPERTIES} }}
  ?s a ?class ; ?p ?value .
  FILTER (isLiteral(?value))
}}"""
_FACTS_QUERY = f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?p {{ <{_EKG}nutsLevel> <{_EKG}parentRegion> <{_EKG}nutsVersion> <{_DCTERMS}isReplacedBy>
              <{_SKOS}exactMatch> }}
  ?s ?p ?o .
  {{ ?s a <{_EKG}Region> }} UNION {{ ?s a <{_EKG}Country> }}
}}"""

# Letters that Unicode does not decompose into a base letter and a combining mark.
_FOLD = str.maketrans({
    "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i", "ħ": "h",
    "ŀ": "l", "’": "'", "‘": "'",
})
_NON_WORD = re.compile(r"[\W_]+")
_ELISION = re.compile(r"\b[dlDL]['’]")  # d'Aosta, l'Ambiente: the article is a function word
# Legal forms at the end of a normalised company name (S.p.A. → "s p a", sp. z o.o. → "sp z o o").
_LEGAL_FORM = re.compile(
    r"(?: (?:s p a|s r l|s a|sp z o o|b v|n v|e v|d o o|s r o|gmbh|ltd|srl|spa|sa|ag|bv|nv|ab|oy|oyj|plc|inc"
    r"|sas|sarl|aps|kft|zrt|doo|sro))+$"
)
_QUALIFIER = re.compile(r"\((?:[A-Z]{2})\)")  # the country qualifier of NUTS labels: "Limburg (NL)"

# Words that carry no identity in a name, in the EU languages, after folding.
_FUNCTION_WORDS = frozenset(
    """
    the of and for in at on to a an
    de del della delle dei degli di da dal la le les lo il gli el los las y e et du des au aux
    der die das dem den des und von vom im am zu zur zum
    het van en op
    do da dos das no na
    w we z ze i o na dla
    si al ale lui din cu
    prov arr
    och af
    """.split()
)
# Words that say what kind of territory or body a name is, not which one, by kind: a name with a kind
# word the other name lacks is a weaker match (``Lublin`` is not ``Lublin Voivodeship``).
_TERRITORY_WORDS = """
    region regions regio regione regiune regiunea regiao regionen
    province provincia provincie provinz prowincja prov
    county judet judetul judetului judetean judeteana
    voivodeship voivodship voivodate wojewodztwo wojewodztwa wojewodztwie wojewodztwu
    district powiat kreis landkreis bezirk departement department
    zupanija apskritis kraj megye maakond okres
    """
_MUNICIPALITY_WORDS = """
    municipality municipal municipiul municipiului municipiu municipio comune commune gemeente gemeinde gmina
    city town miasto miasta miescie oras orasul orasului citta ville ciudad cidade stadt
    kreisfreie stadtkreis
    """
_DESIGNATORS: dict[str, str] = {
    **{word: "territory" for word in _TERRITORY_WORDS.split()},
    **{word: "municipality" for word in _MUNICIPALITY_WORDS.split()},
}
# Weight of the core score when only the label (resp. only the name) has a kind word the other lacks.
_LABEL_KIND_WEIGHT = 0.7
_NAME_KIND_WEIGHT = 0.9


def normalise(text: str) -> str:
    """Return ``text`` in lower case, with diacritics folded and punctuation turned into spaces.

    Examples
    --------
    >>> normalise("Łódź")
    'lodz'
    >>> normalise("Județul  Timiș")
    'judetul timis'
    >>> normalise("Valle d’Aosta/Vallée d’Aoste")
    'valle d aosta vallee d aoste'
    """
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(_NON_WORD.sub(" ", folded).split())


def _compact(text: str) -> str:
    return normalise(text).replace(" ", "")


def _plain_tokens(normalised: str) -> list[str]:
    words = normalised.split()
    # A single letter at the end is a designation, not a function word: "Interreg A" is not "Interreg".
    tokens = [t for i, t in enumerate(words) if t not in _FUNCTION_WORDS or (len(t) == 1 and i == len(words) - 1)]
    return tokens or words


def _keys(text: str) -> tuple[str, str, frozenset[str]]:
    """Return the keys of a name: its core (designators out, tokens sorted), plain form and kinds."""
    plain = _plain_tokens(_LEGAL_FORM.sub("", normalise(_ELISION.sub(" ", _QUALIFIER.sub(" ", text)))))
    core = [t for t in plain if t not in _DESIGNATORS] or plain
    kinds = frozenset(_DESIGNATORS[t] for t in plain if t in _DESIGNATORS)
    return " ".join(sorted(core)), " ".join(plain), kinds


def _combine(core_score: float, plain_q: str, kinds_q: frozenset[str], plain_l: str, kinds_l: frozenset[str]) -> float:
    """Combine the core score with the plain score, weighted by which side has kind words the other lacks."""
    if kinds_l - kinds_q:
        weight = _LABEL_KIND_WEIGHT
    elif kinds_q - kinds_l:
        weight = _NAME_KIND_WEIGHT
    else:
        return core_score
    return weight * core_score + (1 - weight) * fuzz.ratio(plain_q, plain_l)


# Language tags of labels → simplemma language codes.
_SIMPLEMMA_LANGUAGES = {
    "bg": "bg", "cs": "cs", "da": "da", "de": "de", "el": "el", "en": "en", "es": "es", "et": "et",
    "fi": "fi", "fr": "fr", "ga": "ga", "hr": "hbs", "sr": "hbs", "bs": "hbs", "hu": "hu", "it": "it",
    "lt": "lt", "lv": "lv", "nl": "nl", "pl": "pl", "pt": "pt", "ro": "ro", "sk": "sk", "sl": "sl",
    "sv": "sv", "ca": "ca", "gl": "gl", "is": "is", "nb": "nb", "nn": "nn", "no": "nb", "mk": "mk",
    "sq": "sq", "tr": "tr", "uk": "uk", "ru": "ru",
}
# Letters that only some languages write: a hint which dictionaries to try when no candidate is close.
_LETTER_LANGUAGES = (
    ("łąęśżźćń", "pl"), ("șțşţăâî", "ro"), ("äöüß", "de"), ("řůěčšž", "cs"), ("őű", "hu"),
    ("ėįųūč", "lt"), ("āēīūņļķģ", "lv"), ("ãõç", "pt"), ("ñ", "es"), ("åø", "sv"), ("ľĺŕô", "sk"),
    ("đ", "hr"), ("èàòù", "it"), ("éêëç", "fr"),
)


@lru_cache(maxsize=50_000)
def _lemma(token: str, language: str) -> str:
    import simplemma

    try:
        return simplemma.lemmatize(token, lang=language)
    except ValueError:  # a language simplemma does not know
        return token


def _lemmatised(name: str, language: str) -> list[str]:
    """Return the name lemmatised in ``language``, as written and with each word capitalised.

    Proper nouns lemmatise to their capitalised nominative (``Lubelskiego`` → ``Lubelskie``),
    common nouns to the lower-case lemma (``województwa`` → ``województwo``); both are returned.
    """
    words = re.findall(r"\w+", name)
    variants = {
        " ".join(_lemma(w, language) for w in words),
        " ".join(_lemma(w[:1].upper() + w[1:], language) for w in words),
    }
    return sorted(variants)


@dataclass(frozen=True)
class Candidate:
    """A resource a name may stand for.

    Attributes
    ----------
    iri : str
        The resource's IRI.
    label : str
        Its display label (English where the graph has one).
    type : str
        One of :data:`TYPES`.
    score : float
        How well the name matches one of its labels, 0 to 100.
    """

    iri: str
    label: str
    type: str
    score: float


@dataclass
class _Resource:
    iri: str
    type: str
    labels: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # property → texts
    level: int | None = None
    parent: str | None = None
    versions: set[str] = field(default_factory=set)
    replaced_by: set[str] = field(default_factory=set)
    same_as: set[str] = field(default_factory=set)
    label: str = ""

    def display_label(self) -> str:
        english = [text for text, lang in self.labels.get("pref", []) if lang.startswith("en")]
        for texts in (english, self.labels.get("rdfs", []), self.labels.get("pref", []),
                      self.labels.get("alt", []), self.labels.get("code", [])):
            if texts:
                plain_texts = [text if isinstance(text, str) else text[0] for text in texts]
                # The label with diacritics before its folded spelling (Łódź before Lodz).
                return min(plain_texts, key=lambda text: (normalise(text), -len(text.encode()), text))
        return self.iri


@dataclass(frozen=True)
class _Entry:
    iri: str
    plain: str
    kinds: frozenset[str]
    language: str


class Resolver:
    """Resolve names to the regions, organisations, programmes, projects, countries and places of a graph.

    Build it once with :meth:`from_store` or :meth:`from_graph`, then call :meth:`resolve` (ranked
    candidates) or :meth:`best` (one decision, or None when the name is unknown or ambiguous).
    """

    def __init__(self, resources: dict[str, _Resource]) -> None:
        self._resources = resources
        self._exact: dict[str, set[str]] = defaultdict(set)  # compact code/acronym/label → IRIs
        self._cores: dict[str | None, list[str]] = defaultdict(list)  # type → core keys
        self._entries: dict[str | None, list[_Entry]] = defaultdict(list)  # type → entries, parallel to cores
        for resource in resources.values():
            resource.label = resource.display_label()
        # A region whose only sub-region has the same name (Bretagne FRH → FRH0, Wien AT13 → AT130) is
        # the same territory: names resolve to the deepest region of such a chain.
        children: dict[str, list[str]] = defaultdict(list)
        for resource in resources.values():
            if resource.parent in resources:
                children[resource.parent].append(resource.iri)
        self._same_territory: dict[str, str] = {}
        for parent, kids in children.items():
            if len(kids) == 1 and resources[kids[0]].label == resources[parent].label:
                self._same_territory[parent] = kids[0]
        for resource in resources.values():
            for text in resource.labels.get("code", []):
                self._exact[_compact(text)].add(resource.iri)
            for kind in ("pref", "alt", "rdfs"):
                for text, language in resource.labels.get(kind, []):
                    self._exact[_compact(text)].add(resource.iri)
                    core, plain, kinds = _keys(text)
                    entry = _Entry(resource.iri, plain, kinds, language)
                    for key in (None, resource.type):
                        self._cores[key].append(core)
                        self._entries[key].append(entry)

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_store(cls, store: pyoxigraph.Store) -> Resolver:
        """Read the names of every resource of the :data:`TYPES` from a pyoxigraph store (all graphs).

        Parameters
        ----------
        store : pyoxigraph.Store
            The built store; its named graphs are read as one union graph.
        """
        from kg.store import select

        names = [
            (row["s"].value, row["class"].value, row["p"].value, row["value"].value, row["value"].language or "")
            for row in select(store, _NAMES_QUERY)
        ]
        facts = [(row["s"].value, row["p"].value, row["o"].value) for row in select(store, _FACTS_QUERY)]
        return cls(_collect(names, facts))

    @classmethod
    def from_graph(cls, graph: rdflib.Graph) -> Resolver:
        """Read the names of every resource of the :data:`TYPES` from an rdflib graph or dataset.

        A :class:`rdflib.Dataset` is read as the union of its graphs.
        """
        from rdflib import Graph

        if hasattr(graph, "quads"):  # a Dataset or ConjunctiveGraph: query the union of its graphs
            union = Graph()
            for s, p, o, _ in graph.quads((None, None, None, None)):
                union.add((s, p, o))
            graph = union
        names = [
            (str(s), str(c), str(p), str(v), getattr(v, "language", None) or "")
            for s, c, p, v in graph.query(_NAMES_QUERY)
        ]
        facts = [(str(s), str(p), str(o)) for s, p, o in graph.query(_FACTS_QUERY)]
        return cls(_collect(names, facts))

    def __len__(self) -> int:
        """The number of resources the resolver knows."""
        return len(self._resources)

    def __contains__(self, iri: object) -> bool:
        """Whether the resolver knows the resource ``iri`` (a string)."""
        return iri in self._resources

    # ------------------------------------------------------------------ resolution

    def resolve(self, name: str, type: str | None = None, limit: int = 5) -> list[Candidate]:  # noqa: A002
        """Return the resources ``name`` may stand for, best first.

        Parameters
        ----------
        name : str
            A name as written in a source: any language, with or without diacritics, inflected,
            a NUTS code, an ISO country code or an acronym.
        type : str, optional
            Only consider resources of this type (one of :data:`TYPES`).
        limit : int, optional (default=5)
            The most candidates to return.

        Returns
        -------
        list of Candidate
            Candidates scoring at least :data:`FLOOR`, best first; empty when nothing is close.

        Raises
        ------
        ValueError
            When ``type`` is not one of :data:`TYPES`.
        """
        return self._rank(name, type)[:limit]

    def best(self, name: str, type: str | None = None) -> Candidate | None:  # noqa: A002
        """Return the one resource ``name`` stands for, or None when it is unknown or ambiguous.

        The best candidate is accepted when it scores at least :data:`ACCEPT` and is at least
        :data:`MARGIN` points ahead of the runner-up; otherwise call :meth:`resolve` to see the
        ranked candidates.
        """
        ranked = self._rank(name, type)
        return ranked[0] if _decisive(ranked) else None

    # ------------------------------------------------------------------ internals

    def _rank(self, name: str, type: str | None) -> list[Candidate]:  # noqa: A002
        if type is not None and type not in TYPES:
            raise ValueError(f"unknown type {type!r}: use one of {', '.join(TYPES)}")
        if not name or not name.strip():
            return []
        scores: dict[str, float] = {}
        language_scores: dict[str, float] = {}
        self._score_exact(name, type, scores)
        self._score_fuzzy(name, type, scores, language_scores)
        ranked = self._candidates(scores, type)
        if not _decisive(ranked) and not (ranked and ranked[0].score >= 100.0):  # lemmas cannot break a tie at 100
            # The languages of the closest labels, and of letters only some languages write.
            close = sorted(language_scores, key=lambda lang: -language_scores[lang])
            languages = {lang for lang in close[:_LEMMA_LANGUAGES] if language_scores[lang] >= _LEMMA_SCORE}
            for letters, language in _LETTER_LANGUAGES:
                if any(char in letters for char in name.casefold()):
                    languages.add(language)
            for language in sorted(languages):
                for variant in _lemmatised(name, language):
                    if variant != name:
                        self._score_fuzzy(variant, type, scores, {})
            ranked = self._candidates(scores, type)
        return ranked

    def _score_exact(self, name: str, type: str | None, scores: dict[str, float]) -> None:  # noqa: A002
        for iri in self._exact.get(_compact(name), ()):
            if type is None or self._resources[iri].type == type:
                scores[iri] = 100.0

    def _score_fuzzy(
        self, name: str, type: str | None, scores: dict[str, float], languages: dict[str, float]  # noqa: A002
    ) -> None:
        core, plain, kinds = _keys(name)
        if len(core) < _MIN_FUZZY_LENGTH:
            return
        cores, entries = self._cores[type], self._entries[type]
        hits = process.extract(core, cores, scorer=fuzz.ratio, score_cutoff=FLOOR, limit=200)
        for _, core_score, index in hits:
            entry = entries[index]
            if len(cores[index]) < _MIN_FUZZY_LENGTH:
                continue
            score = _combine(core_score, plain, kinds, entry.plain, entry.kinds)
            if score > scores.get(entry.iri, 0.0):
                scores[entry.iri] = score
            if entry.language:
                language = _SIMPLEMMA_LANGUAGES.get(entry.language.split("-")[0].lower())
                if language and score > languages.get(language, 0.0):
                    languages[language] = score

    def _candidates(self, scores: dict[str, float], type: str | None) -> list[Candidate]:  # noqa: A002
        merged: dict[str, float] = {}
        for iri, score in scores.items():
            while iri in self._same_territory:
                iri = self._same_territory[iri]
            merged[iri] = max(score, merged.get(iri, 0.0))
        scores = merged
        kept = {
            iri: score
            for iri, score in scores.items()
            if score >= FLOOR and not self._redundant(iri, scores, type)
        }
        ordered = sorted(kept.items(), key=lambda item: (-item[1], self._tie_key(item[0])))
        return [
            Candidate(iri, self._resources[iri].label, self._resources[iri].type, round(score, 1))
            for iri, score in ordered
        ]

    def _tie_key(self, iri: str) -> tuple[int, int, str]:
        resource = self._resources[iri]
        current = 0 if ("2024" in resource.versions or not resource.versions) else 1
        return (current, -(resource.level or 0), iri)

    def _redundant(self, iri: str, scores: dict[str, float], type: str | None) -> bool:  # noqa: A002
        """Whether another candidate with at least the same score stands for the same thing.

        * a NUTS level-0 region and its country (when no type is asked for, the country stays);
        * a region whose code was replaced in NUTS 2024 by a candidate of the same name, or a
          2021-only region with the same name as a 2024 candidate.
        """
        resource = self._resources[iri]
        score = scores[iri]
        if resource.type != "region":
            return False

        def rival(other: str) -> bool:
            return other in scores and scores[other] >= score - 1e-9

        if type is None and any(rival(other) for other in resource.same_as):
            return True
        if any(rival(other) for other in resource.replaced_by):
            return True
        label = resource.label
        for other, other_score in scores.items():
            candidate = self._resources[other]
            if other == iri or candidate.type != "region" or other_score < score - 1e-9:
                continue
            if candidate.label != label:
                continue
            if not ({"2024"} & resource.versions) and "2024" in candidate.versions:
                return True
        return False


def _decisive(ranked: list[Candidate]) -> bool:
    if not ranked or ranked[0].score < ACCEPT:
        return False
    return len(ranked) == 1 or ranked[0].score - ranked[1].score >= MARGIN


def _collect(
    names: Iterable[tuple[str, str, str, str, str]], facts: Iterable[tuple[str, str, str]]
) -> dict[str, _Resource]:
    """Group (subject, class, property, value, language) rows and region facts into resources."""
    priority = {iri: rank for rank, (iri, _) in enumerate(_CLASS_TYPES)}
    type_of = dict(_CLASS_TYPES)
    best_class: dict[str, str] = {}
    values: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for subject, cls, prop, value, language in names:
        if subject not in best_class or priority[cls] < priority[best_class[subject]]:
            best_class[subject] = cls
        values[subject].add((prop, value, language))
    resources: dict[str, _Resource] = {}
    kinds = {
        _SKOS + "prefLabel": "pref", _SKOS + "altLabel": "alt", _SKOS + "hiddenLabel": "alt", _RDFS + "label": "rdfs"
    }
    for subject, cls in best_class.items():
        resource = _Resource(subject, type_of[cls])
        for prop, value, language in sorted(values[subject]):
            if prop in kinds:
                resource.labels[kinds[prop]].append((value, language))
            else:
                resource.labels["code"].append(value)
        resources[subject] = resource
    for subject, prop, obj in facts:
        resource = resources.get(subject)
        if resource is None:
            continue
        if prop == _EKG + "nutsLevel":
            resource.level = int(obj)
        elif prop == _EKG + "parentRegion":
            resource.parent = obj
        elif prop == _EKG + "nutsVersion":
            resource.versions.add(obj)
        elif prop == _DCTERMS + "isReplacedBy":
            resource.replaced_by.add(obj)
        elif prop == _SKOS + "exactMatch" and obj in resources:
            resource.same_as.add(obj)
            resources[obj].same_as.add(subject)
    return resources
