"""Entity resolution: map a name as written in any EU language to the one resource of the graph it names.

This package is the project's one resolver: ``eukg resolve``, article ingestion and table ingestion
(:mod:`kg.ingest.resolving` is a thin adapter) all use it, with one normalisation
(:func:`normalise`) and one set of thresholds (:mod:`kg.resolve.thresholds`).

* :mod:`~kg.resolve.normalise`: the one normalisation of names (any script to ASCII, case, punctuation),
  and its variant :func:`fold` that keeps each script (the article extractor's words and cue tables);
* :mod:`~kg.resolve.thresholds`: ACCEPT, MARGIN, FLOOR and the weights, and how they were chosen;
* :mod:`~kg.resolve.keys`: the core and plain keys of a name (function, kind and legal-form words);
* :mod:`~kg.resolve.index`: what is read from the graph, kept as JSON;
* :mod:`~kg.resolve.regional_names`: the curated regional names and nicknames (``data/regional_names.tsv``);
* :mod:`~kg.resolve.lemmas`: simplemma lemmas with dictionaries cut down to the graph's words;
* :mod:`~kg.resolve.resolver`: :class:`Resolver`, :class:`Candidate`, :class:`Decision`;
* :mod:`~kg.resolve.cache`: the index kept beside the store (:func:`resolver_for_location`);
* record linkage of organisations (docs/linkage.md): :mod:`~kg.resolve.orgnames` (legal forms and head
  words, ``data/legal_forms.tsv``, ``data/org_heads.tsv``), :mod:`~kg.resolve.networks` (the research networks
  whose names institutes write before their own, learnt from the datasets: ``data/network_prefixes.tsv``),
  :mod:`~kg.resolve.link` (are two records one body?), :mod:`~kg.resolve.blocking` (many records at once),
  :mod:`~kg.resolve.pairs` (``eukg link check``), :mod:`~kg.resolve.merges` (the links as a derived graph),
  :mod:`~kg.resolve.split` (no cluster joins two records that compare clearly different) and
  :mod:`~kg.resolve.review` (the review and decisions files).

A name is scored against every label's *core* with :func:`rapidfuzz.fuzz.ratio` (0–100), weighted
by kind words (``Lublin`` is not ``Lublin Voivodeship``); codes and acronyms match exactly. Without a
clear winner, the name is lemmatised in the languages of the closest labels (``Województwa
Lubelskiego`` → ``Województwo Lubelskie``) and scored again. A tie between candidates is reported as
ambiguous with the tied candidates; translations and exonyms are ``skos:altLabel`` data
(``data/reference/aliases.ttl``), regional nicknames are rows of ``data/regional_names.tsv``.

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
>>> resolver.best("Lubelszczyzna").iri
'http://data.europa.eu/nuts/code/PL81'
>>> resolver.best("Mazowieckie") is None
True
"""

from __future__ import annotations

from kg.resolve.kinds import TYPE_OF_CLASS, TYPES
from kg.resolve.normalise import compact, fold, fold_char, normalise, slug
from kg.resolve.resolver import AMBIGUOUS, MATCH, NONE, UNSURE, Candidate, Decision, Resolver
from kg.resolve.thresholds import ACCEPT, FLOOR, MARGIN

__all__ = [
    "ACCEPT", "AMBIGUOUS", "FLOOR", "MARGIN", "MATCH", "NONE", "TYPES", "TYPE_OF_CLASS", "UNSURE", "Candidate",
    "Decision", "Resolver", "compact", "fold", "fold_char", "normalise", "resolver_for_location", "slug",
]


def resolver_for_location(location=None) -> Resolver:  # noqa: ANN001 - a path, a string or None
    """Return a resolver for the store at ``location``, its index kept beside the store (:mod:`kg.resolve.cache`)."""
    from kg.resolve.cache import resolver_for_location as cached

    return cached(location)
