"""The resolver's thresholds: the one set the command line, article ingestion and table ingestion use.

Scores run from 0 to 100 (:func:`rapidfuzz.fuzz.ratio` of normalised names, 100 for an exact code,
acronym or label). A name resolves to its best candidate when that candidate scores at least
:data:`ACCEPT` and is at least :data:`MARGIN` points ahead of the runner-up; two or more candidates
within :data:`MARGIN` of a best score of at least :data:`ACCEPT` are a tie, answered as
*ambiguous* with the tied candidates listed.

How they were chosen
--------------------
``benchmarks/resolve_thresholds.py`` runs :meth:`kg.resolve.Resolver.best` over
``tests/resolver/name_variants.csv`` (167 names in 14 languages, 147 that must resolve and 20 that
must not) and the curated regional names (``kg/resolve/data/regional_names.tsv``) against the graph
built from the shipped data, for every ``ACCEPT`` in 80–98 and ``MARGIN`` in 0.5–8, and writes
precision and recall to ``benchmarks/results/resolve-thresholds.json`` (the table is in
docs/resolver.md). Precision is 1.00 from ``ACCEPT`` 88 upwards with ``MARGIN`` 3; below 88 typos
of one name start to land on a neighbour (``Lubuskie`` on ``Lubelskie`` scores 88.9). Recall stays
1.00 up to ``ACCEPT`` 90 and falls above it (inflected names scored on their lemmas reach 90–95).
``MARGIN`` 3 is the smallest margin at which no two regions of the same name (``Limburg`` NL42/BE22,
``Friesland`` NL12/DE94A) or a city and its municipality are decided silently, and the largest at
which recall is unchanged. The ingest resolver had used 92/80 with a 0.5-point tie rule; on the same
table that loses 6 names of recall and gains no precision, so the one set is the CLI's 90/3/70.
The table was written together with the resolver: these figures measure coverage of known variants,
so the thresholds sit in the middle of the plateau rather than at its edge.
"""

from __future__ import annotations

__all__ = [
    "ACCEPT", "FLOOR", "LABEL_KIND_WEIGHT", "LEMMA_LANGUAGES", "LEMMA_SCORE", "MARGIN", "MIN_FUZZY_LENGTH",
    "NAME_KIND_WEIGHT",
]

#: Score (0–100) the best candidate needs to be the answer.
ACCEPT = 90.0
#: Points the answer must be ahead of the runner-up; candidates closer than this to it are a tie.
MARGIN = 3.0
#: Candidates scoring below this are not returned at all.
FLOOR = 70.0
#: Names and labels whose core is shorter than this many characters match exactly only (codes, acronyms).
MIN_FUZZY_LENGTH = 4
#: Weight of the core score when only the label has a kind word the name lacks (``Lublin`` against
#: ``Lublin Voivodeship``); the rest is the score of the plain form, kind words kept.
LABEL_KIND_WEIGHT = 0.7
#: Weight of the core score when only the name has a kind word (``Județul Ilfov`` against ``Ilfov``).
NAME_KIND_WEIGHT = 0.9
#: Without a clear answer, a name is lemmatised in the languages of at most this many of the closest labels …
LEMMA_LANGUAGES = 2
#: … that score at least this.
LEMMA_SCORE = 75.0
