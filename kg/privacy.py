"""Personal data: what it is (read from the ontology), opaque person IRIs, and the one filter every publication applies.

What is personal data is read from the ``ekg:personalData`` and ``ekg:identifiesPerson`` annotations of the
ontology (``ontology/eukg.ttl``) and of the store's reference data, never from a list in this module:

- every instance of a class marked ``ekg:personalData true`` (``ekg:Person``), and of its subclasses;
- everything classified by a concept marked ``ekg:personalData true`` through a property whose range is a
  SKOS concept class (``ekg:organisationType otype:natural-person``: sole traders, farmers);
- every participation (``ekg:participant``) of one of these.

:func:`public_quads` is the one filter ``eukg export``, ``eukg release``, ``eukg serve`` and ``eukg push``
apply (``--no-personal-data``). It drops every statement about or pointing at personal data, and then
*redacts* what is left: the values that identify a person (the properties marked
``ekg:identifiesPerson``: name, label, e-mail, telephone) are replaced by ``[person]`` inside every literal
(an event's title, a source's title, a description), and every IRI that contains one of them (an event
IRI minted from a title, a source named after a file) is replaced by an opaque IRI, the same one wherever
it occurs. A person's surname alone is redacted too, in the named graphs that describe the person, unless
the rest of the graph uses the same word (as "Urban" in "Regional and Urban Policy").

Person IRIs are opaque (:func:`person_iri`): a keyed hash (HMAC-SHA256) of the normalised name, with the
key kept in ``data/person-key``, so nobody without the key can compute a person's IRI from a name, while
the same source imported again gets the same IRIs.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.namespaces import EKG, ID, SOURCE
from kg.paths import DATA_DIR, ONTOLOGY_FILE
from kg.resolve.normalise import fold_char

__all__ = ["KEY_FILE", "REDACTION", "PersonalVocabulary", "person_iri", "person_key", "personal_nodes",
           "public_copy", "public_quads", "redacted_iri", "vocabulary", "without_personal_data"]

#: The key of :func:`person_iri` and :func:`redacted_iri`: 32 random bytes in hex, made once and kept with the data.
KEY_FILE = DATA_DIR / "person-key"
#: What replaces a person's name, e-mail address or telephone number inside a literal.
REDACTION = "[person]"

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_RANGE = ox.NamedNode(str(RDFS.range))
_CLASS_TYPES = {ox.NamedNode(str(OWL.Class)), ox.NamedNode(str(RDFS.Class))}
_SKOS_CONCEPT = ox.NamedNode(str(SKOS.Concept))
_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))
_PERSONAL = ox.NamedNode(str(EKG.personalData))
_IDENTIFIES = ox.NamedNode(str(EKG.identifiesPerson))
_PARTICIPANT = ox.NamedNode(str(EKG.participant))


# ---------------------------------------------------------------- opaque IRIs

def person_key(path: Path = KEY_FILE) -> bytes:
    """Return the key of the person IRIs, kept in ``path``; make it (32 random bytes) when there is none yet.

    The project's key is committed with the data (``data/person-key``): it makes person IRIs stable
    from one import to the next. A release does not contain it.
    """
    return _read_key(Path(path).resolve())


@functools.cache
def _read_key(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="ascii") as out:
                out.write(secrets.token_hex(32) + "\n")
        except FileExistsError:  # made by another process meanwhile
            pass
    text = path.read_text(encoding="ascii").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < 16:
        raise ValueError(f"{path}: the person key must be at least 32 hex digits on one line")
    return key


def _keyed_hash(text: str, key: bytes | None, length: int = 16) -> str:
    return hmac.new(key if key is not None else person_key(), text.encode("utf-8"), hashlib.sha256).hexdigest()[:length]


def person_iri(name: str, qualifier: str | None = None, key: bytes | None = None, folder: str = "person") -> URIRef:
    """Return the opaque IRI of the person called ``name``: ``id/person/`` and a keyed hash of the name.

    The name is compared without case, accents or punctuation ("Raluca Prelucă" and "RALUCA PRELUCA"
    are one person). ``qualifier`` (an organisation, an e-mail address, a country) tells namesakes
    apart. ``key`` defaults to :func:`person_key`. ``folder`` is ``organisation`` for a sole trader
    (an organisation whose name is a person's name).

    Examples
    --------
    >>> key = bytes(32)
    >>> person_iri("Raluca Prelucă", key=key) == person_iri("RALUCA  PRELUCA", key=key)
    True
    >>> str(person_iri("Raluca Prelucă", key=key)).startswith("https://w3id.org/eu-regional-kg/id/person/")
    True
    >>> person_iri("Raluca Prelucă", key=key) == person_iri("Raluca Prelucă", key=bytes(range(32)))
    False
    """
    text = " ".join(_tokens(_fold(name)[0]))
    if qualifier:
        text += "\n" + " ".join(_tokens(_fold(qualifier)[0]))
    return ID[f"{folder}/{_keyed_hash(text, key)}"]


def redacted_iri(iri: str, key: bytes | None = None) -> ox.NamedNode:
    """Return the opaque IRI that replaces ``iri`` (which holds a person's name) in a publication.

    It keeps the kind of resource (``id/event/``, ``source/``) and replaces the rest by a keyed hash of
    the whole IRI, so the same IRI always gets the same replacement and links between statements hold.

    Examples
    --------
    >>> redacted_iri("https://w3id.org/eu-regional-kg/id/event/maria-popescu-talk", key=bytes(32)).value[:50]
    'https://w3id.org/eu-regional-kg/id/event/redacted-'
    """
    digest = _keyed_hash(iri, key)
    for base in (str(ID), str(SOURCE)):
        if iri.startswith(base):
            folder, slash, _ = iri[len(base):].partition("/")
            return ox.NamedNode(f"{base}{folder}/redacted-{digest}" if slash else f"{base}redacted-{digest}")
    return ox.NamedNode(f"{ID}redacted/{digest}")


# ---------------------------------------------------------------- what the ontology marks

@dataclass(frozen=True)
class PersonalVocabulary:
    """The terms the ontology and the reference data mark as personal data."""

    classes: frozenset[ox.NamedNode]  # marked classes and their subclasses
    concepts: frozenset[ox.NamedNode]  # marked concepts: what they classify is personal
    classifying: frozenset[ox.NamedNode]  # properties whose values are concepts (range ⊑ skos:Concept)
    identifying: frozenset[ox.NamedNode]  # properties whose values identify a person


@functools.cache
def _ontology_store(path: Path) -> ox.Store:
    store = ox.Store()
    if path.exists():
        store.bulk_extend(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    return store


def _subjects(stores: Iterable[ox.Store], predicate: ox.NamedNode, obj) -> set:
    return {quad.subject for store in stores for quad in store.quads_for_pattern(None, predicate, obj)}


def _objects(stores: Iterable[ox.Store], subject, predicate: ox.NamedNode) -> set:
    return {quad.object for store in stores for quad in store.quads_for_pattern(subject, predicate, None)}


def _below(stores: list[ox.Store], tops: set) -> set:
    """Return ``tops`` and every class below one of them (``rdfs:subClassOf``, transitively)."""
    found, todo = set(tops), list(tops)
    while todo:
        for sub in _subjects(stores, _SUBCLASS, todo.pop()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def vocabulary(store: ox.Store | None = None, ontology_file: Path = ONTOLOGY_FILE) -> PersonalVocabulary:
    """Read what is personal data from the ontology file and from ``store`` (its ontology and reference graphs)."""
    stores = [_ontology_store(Path(ontology_file).resolve())] + ([store] if store is not None else [])
    marked = _subjects(stores, _PERSONAL, _TRUE)
    classes = {term for term in marked
               if _objects(stores, term, _RDF_TYPE) & _CLASS_TYPES or _objects(stores, term, _SUBCLASS)}
    concept_classes = _below(stores, {_SKOS_CONCEPT})
    concepts = {term for term in marked - classes if _objects(stores, term, _RDF_TYPE) & concept_classes}
    classifying = {q.subject for s in stores for q in s.quads_for_pattern(None, _RANGE, None)
                   if q.object in concept_classes}
    return PersonalVocabulary(frozenset(_below(stores, classes)), frozenset(concepts),
                              frozenset(classifying | {_RDF_TYPE}), frozenset(_subjects(stores, _IDENTIFIES, _TRUE)))


def personal_nodes(store: ox.Store, vocab: PersonalVocabulary | None = None) -> set[ox.NamedNode | ox.BlankNode]:
    """Return the nodes of ``store`` that are personal data, and the participations of these."""
    vocab = vocab or vocabulary(store)
    nodes = {quad.subject for cls in vocab.classes for quad in store.quads_for_pattern(None, _RDF_TYPE, cls)}
    nodes |= {quad.subject for prop in vocab.classifying for concept in vocab.concepts
              for quad in store.quads_for_pattern(None, prop, concept)}
    nodes |= {quad.subject for node in list(nodes) for quad in store.quads_for_pattern(None, _PARTICIPANT, node)}
    return nodes


def without_personal_data(quads: Iterable[ox.Quad], personal: set) -> Iterator[ox.Quad]:
    """Yield the quads that are not about, and do not point at, a personal node (no redaction)."""
    for quad in quads:
        if quad.subject not in personal and quad.object not in personal:
            yield quad


# ---------------------------------------------------------------- finding names in text

_TOKEN = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_GAP = 3  # most characters between two words of a name ("Popescu, Maria", "maria--popescu")


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Return ``text`` without case and accents, and the index in ``text`` of each folded character.

    Each character is folded by :func:`kg.resolve.normalise.fold_char`, so positions map back to ``text``.

    The index list is None when the folded text has the same length and positions (ASCII text).
    """
    if text.isascii():
        return text.lower(), None
    folded, origin = [], []
    for index, char in enumerate(text):
        part = fold_char(char)
        folded.append(part)
        origin.extend([index] * len(part))
    return "".join(folded), origin


def _tokens(folded: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(folded))


def _name_variants(value: str) -> set[tuple[str, ...]]:
    """The word sequences a name, e-mail address or telephone number is written as (folded)."""
    from kg.resolve.normalise import slug

    variants = {_tokens(_fold(value)[0]), _tokens(_fold(_APOSTROPHES.sub("", value))[0])}
    if "@" not in value:
        variants.add(tuple(slug(value, limit=200).split("-")))
        words = value.split()
        if 2 <= len(words) <= 4:  # "Popescu Maria", as lists of names often write them
            reordered = " ".join([words[-1], *words[:-1]])
            variants |= {_tokens(_fold(reordered)[0]), _tokens(_fold(_APOSTROPHES.sub("", reordered))[0])}
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) >= 6 and len(digits) >= len(re.sub(r"\W", "", value)) - 1:  # a telephone number
        variants.add((digits,))
    return {v for v in variants if v and sum(map(len, v)) >= 4}


def _surname_variants(value: str) -> set[tuple[str, ...]]:
    """The last word of a person's name, as it may be written alone ("Mrs Popescu", ``src:popescu``)."""
    words = value.split()
    if "@" in value or len(words) < 2 or any(c.isdigit() for c in value):
        return set()
    last = words[-1]
    variants = {_tokens(_fold(last)[0]), _tokens(_fold(_APOSTROPHES.sub("", last))[0])}
    return {v for v in variants if v and sum(map(len, v)) >= 3}


@dataclass
class _Match:
    start: int  # in the folded text
    end: int
    surname: tuple[str, ...] | None  # the surname, when only a surname matched


@dataclass
class NameFinder:
    """Finds the names (and e-mail addresses, telephone numbers) of the graph's persons in any text."""

    full: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))
    surnames: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))
    surname_graphs: dict[tuple[str, ...], set] = field(default_factory=lambda: defaultdict(set))
    first_words: frozenset[str] = frozenset()

    def add(self, value: str, graphs: Iterable) -> None:
        """Look for ``value``, and for its surname alone in ``graphs`` (where the person is described)."""
        for variant in _name_variants(value):
            self.full[variant[0]].append(variant)
        for variant in _surname_variants(value):
            self.surnames[variant[0]].append(variant)
            self.surname_graphs[variant].update(graphs)

    def __bool__(self) -> bool:
        return bool(self.full)

    def finalise(self) -> None:
        """Try longer sequences first."""
        for table in (self.full, self.surnames):
            for variants in table.values():
                variants.sort(key=len, reverse=True)
        self.first_words = frozenset(self.full) | frozenset(self.surnames)

    def find_in(self, text: str) -> list[_Match]:
        """Return the names found in ``text`` (:meth:`find` on its folded form)."""
        return self.find(text.lower() if text.isascii() else _fold(text)[0])

    def find(self, folded: str) -> list[_Match]:
        """Return the names found in the folded text, longest first at each position, not overlapping."""
        if self.first_words.isdisjoint(_TOKEN.findall(folded)):
            return []
        words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
        found: list[_Match] = []
        index = 0
        while index < len(words):
            match = self._at(words, index, self.full, False) or self._at(words, index, self.surnames, True)
            if match is None:
                index += 1
                continue
            found.append(match[0])
            index += match[1]
        return found

    @staticmethod
    def _at(words, index: int, table, surname: bool) -> tuple[_Match, int] | None:
        for variant in table.get(words[index][0], ()):
            size = len(variant)
            if index + size > len(words):
                continue
            window = words[index:index + size]
            if all(w[0] == v for w, v in zip(window, variant, strict=True)) and all(
                    window[i + 1][1] - window[i][2] <= _GAP for i in range(size - 1)):
                return _Match(window[0][1], window[-1][2], variant if surname else None), size
        return None


def _finder(store: ox.Store, personal: set, vocab: PersonalVocabulary) -> NameFinder:
    finder = NameFinder()
    for node in personal:
        values = [quad.object.value for prop in vocab.identifying for quad in store.quads_for_pattern(node, prop, None)
                  if isinstance(quad.object, ox.Literal)]
        if values:
            graphs = {quad.graph_name for quad in store.quads_for_pattern(node, None, None)}
            for value in values:
                finder.add(value, graphs)
    finder.finalise()
    return finder


# ---------------------------------------------------------------- the filter

@dataclass
class _Redactor:
    """Two passes over the public quads: find the names, then decide which surnames stand alone, then replace."""

    finder: NameFinder
    key: bytes | None
    texts: dict[str, list[_Match]] = field(default_factory=dict)  # only texts with a match
    surname_elsewhere: set[tuple[str, ...]] = field(default_factory=set)
    replaced: dict[str, object] = field(default_factory=dict)  # text -> what replaces a term with that text

    def scan(self, quads: Iterable[ox.Quad]) -> None:
        """Find the names in the subjects, objects and graph names of ``quads`` (predicates name no one)."""
        seen: dict[str, list[_Match]] = {}
        find, texts = self.finder.find_in, self.texts
        surname_graphs, elsewhere = self.finder.surname_graphs, self.surname_elsewhere
        for quad in quads:
            graph = quad.graph_name
            for term in (quad.subject, quad.object, graph):
                value = getattr(term, "value", None)
                if value is None:
                    continue
                matches = seen.get(value)
                if matches is None:
                    matches = seen[value] = find(value)
                    if matches:
                        texts[value] = matches
                for match in matches:
                    if match.surname is not None and graph not in surname_graphs[match.surname]:
                        elsewhere.add(match.surname)

    def decide(self) -> bool:
        """Keep the matches that stand (a surname alone only where the rest of the graph does not use it)."""
        for text, matches in self.texts.items():
            kept = [m for m in matches if m.surname is None or m.surname not in self.surname_elsewhere]
            if kept:
                self.replaced[text] = kept
        return bool(self.replaced)

    def term(self, term):
        matches = self.replaced.get(term.value) if isinstance(term, (ox.NamedNode, ox.Literal)) else None
        if not matches:
            return term
        if isinstance(term, ox.NamedNode):
            return redacted_iri(term.value, self.key)
        text = _replace(term.value, matches)
        if term.language:
            return ox.Literal(text, language=term.language)
        return ox.Literal(text, datatype=term.datatype)

    def redact(self, quad: ox.Quad) -> ox.Quad:
        replaced = self.replaced
        if not any(getattr(term, "value", None) in replaced for term in (quad.subject, quad.object, quad.graph_name)):
            return quad
        return ox.Quad(self.term(quad.subject), quad.predicate, self.term(quad.object), self.term(quad.graph_name))


def _replace(text: str, matches: list[_Match]) -> str:
    """Replace the matched spans of ``text`` (positions in its folded form) by :data:`REDACTION`."""
    _, origin = _fold(text)
    spans = []
    for match in matches:
        start, end = (match.start, match.end) if origin is None else (origin[match.start], origin[match.end - 1] + 1)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], REDACTION]
        last = end
    out.append(text[last:])
    return "".join(out)


def public_quads(store: ox.Store, key: bytes | None = None) -> Iterator[ox.Quad]:
    """Yield the quads of ``store`` without personal data: the one filter of every publication.

    Statements about or pointing at personal data (see the module) are left out; in the others, every
    name, e-mail address or telephone number of a person of the graph is replaced by ``[person]``
    inside literals, and every IRI that contains one by :func:`redacted_iri`. ``store`` is read twice.
    """
    vocab = vocabulary(store)
    personal = personal_nodes(store, vocab)
    finder = _finder(store, personal, vocab)
    if not finder:
        yield from without_personal_data(store, personal)
        return
    redactor = _Redactor(finder, key)
    redactor.scan(without_personal_data(store, personal))
    if not redactor.decide():
        yield from without_personal_data(store, personal)
        return
    for quad in without_personal_data(store, personal):
        yield redactor.redact(quad)


def public_copy(store: ox.Store, key: bytes | None = None) -> ox.Store:
    """Return an in-memory copy of ``store`` without personal data (:func:`public_quads`)."""
    copy = ox.Store()
    copy.bulk_extend(public_quads(store, key))
    return copy
