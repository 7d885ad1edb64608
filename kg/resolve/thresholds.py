"""The resolver's thresholds: the one set the command line, article ingestion and table ingestion use.

Scores run from 0 to 100 (:func:`rapidfuzz.fuzz.ratio` of normalised names, 100 for an exact code,
acronym or label). A name resolves to its best candidate when that candidate scores at least
:data:`ACCEPT` and is at least :data:`MARGIN` points ahead of the runner-up; two or more candidates
within :data:`MARGIN` of a best score of at least :data:`ACCEPT` are a tie, answered as
*ambiguous* with the tied candidates listed.

How they were chosen
--------------------
``benchmarks/resolve_thresholds.py`` runs :meth:`kg.resolve.Resolver.best` against the graph built
from the shipped data for every ``ACCEPT`` in 80–98 and ``MARGIN`` in 0.5–8, on two sets, and writes
``benchmarks/results/resolve-thresholds.json`` (the table is in docs/performance.md):

* the names: ``tests/resolver/name_variants.csv`` and the curated regional names, 207 names of
  which 177 must resolve and 30 must not (unknown bodies, ambiguous names, regional names that
  stand for several regions). Precision is 1.00 for every pair; recall is 1.00 up to ``ACCEPT`` 92
  with ``MARGIN`` up to 3, and falls with a larger margin (0.99 at 5) or ``ACCEPT`` (0.99 at 95).
  The table was written together with the resolver, so it cannot separate the thresholds below 92;
* 328 typos of those names (one letter dropped). Here ``ACCEPT`` 85 lets a wrong answer through
  (``Regiunea Nord-st`` → Nord-Vest instead of Nord-Est); from 88 up the only answer that is not the
  expected one is ``Łódzki`` (a typo of ``Łódzkie``, and the name of the subregion PL712 it
  resolves to). Recall on the typos is 0.81 at 88, 0.79 at 90, 0.70 at 92 and 0.44 at 95.

``ACCEPT`` 90 keeps two points between the answers and the first wrong one the grid shows, at two
points of typo recall: a wrong fact merged silently costs more than a missed one. ``MARGIN`` 3
answers the same as 0.5 on the names and leaves one typo more undecided (recall 0.787 against
0.790); a larger margin costs recall on the names, a smaller one lists fewer close rivals as a tie.

The ingest matcher that used 92/80 with a 0.5-point tie rule (a plain ratio over the labels)
scored precision 0.99 and recall 0.83 (122 of 147, one wrong) on ``name_variants.csv`` before it
was replaced, against 1.00 and 1.00 for this resolver.
"""

from __future__ import annotations

__all__ = [
    "ACCEPT", "FLOOR", "LABEL_KIND_WEIGHT", "LEMMA_LANGUAGES", "LEMMA_SCORE", "LINK_ACCEPT", "LINK_ACRONYM_SHORT",
    "LINK_BLOCK_LIMIT", "LINK_CITY_PENALTY", "LINK_INFLECTED_STEM", "LINK_LEGAL_FORM_PENALTY", "LINK_LEGAL_STATUS_CAP",
    "LINK_ONE_KIND_CAP",
    "LINK_ONE_KIND_PENALTY", "LINK_OTHER_KIND_CAP", "LINK_PREFILTER", "LINK_REGISTRY", "LINK_REVIEW",
    "LINK_SEGMENT_PENALTY",
    "LINK_STEM_LENGTH", "LINK_STEM_SUFFIX", "LINK_WORD_MATCH", "MARGIN", "MIN_FUZZY_LENGTH", "NAME_KIND_WEIGHT",
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

# Record linkage of organisations (kg.resolve.link) has thresholds of its own: it compares two records
# (name, country, city), not a name with the labels of the graph. They were chosen on the training
# split of the labelled sample of real names, benchmarks/data/org_pairs.tsv, with
# benchmarks/linkage_quality.py, which reports every split (docs/linkage.md). On the first 566 training
# pairs, LINK_ACCEPT 85 gave precision 0.961 and recall 0.961, 88 gave 0.982 / 0.952, 90 gave 0.991 / 0.944,
# 92 gave 0.991 / 0.935. On the 1,006 training pairs of 2026-12-04 (with the acronyms, segments and the
# pairs of Keep.eu and CORDIS), 85 gives 0.972 / 0.826, 88 gives 0.985 / 0.813, 90 gives 0.990 / 0.811 and
# 92 gives 0.992 / 0.796: 90 is still the lowest that keeps precision above the 0.98 target with a margin
# (a wrong merge costs more than a missed one). The penalties and caps were set on the same split, by
# the kinds of pair they decide (a city and its county, a faculty, numbers in addresses, legal forms,
# acronyms of two letters, segments).

#: Score (0–100) at which two organisation records are the same body.
LINK_ACCEPT = 90.0
#: Pairs scoring at least this and below LINK_ACCEPT are uncertain: they go to the review file.
LINK_REVIEW = 75.0
#: Points taken off when both records have a legal form and the forms differ (``X OOD`` and ``X EOOD``).
LINK_LEGAL_FORM_PENALTY = 12.0
#: Highest score of two names that say their bodies are two kinds of legal person (a company, an association, a
#: foundation: ``SINTEF AS`` and ``Stiftelsen SINTEF``), by their legal forms or head words: a pair to review.
LINK_LEGAL_STATUS_CAP = 80.0
#: Points taken off when only one name says what kind of body it is (``Petrich`` and ``Община Петрич``).
LINK_ONE_KIND_PENALTY = 6.0
#: Highest score of two names of which only one says what kind of body it is, when that kind is not one a bare
#: place name stands for (``Thessaloniki`` and ``Thessaloniki Chamber of Commerce and Industry``): a pair to review.
LINK_ONE_KIND_CAP = 80.0
#: Highest score of two names that name different kinds of body (a city and its county, a university
#: and its faculty or its hospital).
LINK_OTHER_KIND_CAP = 60.0
#: Highest score of a name that is an acronym of two letters (``UR``) against the words it abbreviates: it
#: stands for too many bodies to be more than a pair to review.
LINK_ACRONYM_SHORT = 80.0
#: Points taken off a name that matches the other only without its last segments (``Bodensee-Stiftung,
#: Internationale Stiftung für Natur und Kultur`` against ``Bodensee-Stiftung``).
LINK_SEGMENT_PENALTY = 4.0
#: Points taken off when both records give a city or region and they do not agree.
LINK_CITY_PENALTY = 4.0
#: Score of two names that the Research Organization Registry gives to one body of their country, and to no other
#: (``Univerzita Karlova`` and ``Charles University``, :mod:`kg.resolve.ror`): above LINK_ACCEPT, below a shared
#: identifier's 100, so that a city that disagrees (LINK_CITY_PENALTY) still leaves it accepted.
LINK_REGISTRY = 95.0
#: A word ending another that is at least this long, with at most LINK_STEM_SUFFIX more letters, is the same
#: word inflected (``Zagreb``, ``Zagrebu``; ``Łódź``, ``Łódzki``).
LINK_STEM_LENGTH = 4
LINK_STEM_SUFFIX = 3
#: Two words sharing a beginning this long, the shorter with at most two letters more, the longer with at most
#: LINK_STEM_SUFFIX + 1, are the same word inflected (``Žilina``, ``Žilinský``; ``Slovenije``, ``Slovenia``).
LINK_INFLECTED_STEM = 5
#: Two words this alike (rapidfuzz ratio) are the same word misspelt; a name with a word unlike every word of
#: the other, and the other with such a word too, names another body (``Jurbarko …``, ``Tauragės …``).
LINK_WORD_MATCH = 75.0
#: In a bulk run, a word shared by more than this many names of one country does not make a block.
LINK_BLOCK_LIMIT = 100
#: In a bulk run, pairs of a block whose sorted cores are less alike than this (rapidfuzz ratio) are not compared.
LINK_PREFILTER = 60.0
