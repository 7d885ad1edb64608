"""The matching keys of a name: its *core* (fuzzy-matched), its *plain* form and its kinds.

The core leaves out function words (``of``, ``de``, ``w`` …), territorial and municipal kind words
(``Województwo``, ``Județul``, ``Region``, ``Comune`` …), legal forms (``S.p.A.``, ``sp. z o.o.``) and
the country qualifiers of NUTS labels (``Limburg (NL)``), and sorts its tokens. The plain form keeps
the kind words, so that a label that agrees in them can be preferred.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from kg.resolve.normalise import normalise
from kg.resolve.thresholds import LABEL_KIND_WEIGHT, NAME_KIND_WEIGHT

__all__ = ["Keys", "combine", "keys"]

_ELISION = re.compile(r"\b[dlDL]['’]")  # d'Aosta, l'Ambiente: the article is a function word
# Legal forms at the end of a normalised company name (S.p.A. → "s p a", sp. z o.o. → "sp z o o").
_LEGAL_FORM = re.compile(
    r"(?: (?:s p a|s r l|s a|sp z o o|b v|n v|e v|d o o|s r o|gmbh|ltd|srl|spa|sa|ag|bv|nv|ab|oy|oyj|plc|inc"
    r"|sas|sarl|aps|kft|zrt|doo|sro))+$"
)
_QUALIFIER = re.compile(r"\((?:[A-Z]{2})\)")  # the country qualifier of NUTS labels: "Limburg (NL)"

# Words that carry no identity in a name, in the EU languages, after folding.
FUNCTION_WORDS = frozenset(
    """
    the of and for in at on to a an
    de del della delle dei degli di da dal la le les lo il gli el los las y e et du des au aux
    der die das dem den des und von vom im am zu zur zum
    het van en op
    do da dos das no na
    w we z ze i o na dla imienia
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
DESIGNATORS: dict[str, str] = {
    **{word: "territory" for word in _TERRITORY_WORDS.split()},
    **{word: "municipality" for word in _MUNICIPALITY_WORDS.split()},
}

#: (core, plain, kinds) of a name.
Keys = tuple[str, str, frozenset[str]]


def _plain_tokens(normalised: str) -> list[str]:
    words = normalised.split()
    # A single letter at the end is a designation, not a function word: "Interreg A" is not "Interreg".
    tokens = [t for i, t in enumerate(words) if t not in FUNCTION_WORDS or (len(t) == 1 and i == len(words) - 1)]
    return tokens or words


def keys(text: str) -> Keys:
    """Return the keys of a name: its core (kind words out, tokens sorted), plain form and kinds.

    Examples
    --------
    >>> keys("Województwo Lubelskie")
    ('lubelskie', 'wojewodztwo lubelskie', frozenset({'territory'}))
    >>> keys("Valle d'Aosta")[0]
    'aosta valle'
    """
    plain = _plain_tokens(_LEGAL_FORM.sub("", normalise(_ELISION.sub(" ", _QUALIFIER.sub(" ", text)))))
    core = [t for t in plain if t not in DESIGNATORS] or plain
    kinds = frozenset(DESIGNATORS[t] for t in plain if t in DESIGNATORS)
    return " ".join(sorted(core)), " ".join(plain), kinds


def combine(core_score: float, plain_q: str, kinds_q: frozenset[str], plain_l: str, kinds_l: frozenset[str]) -> float:
    """Combine the core score with the plain score, weighted by which side has kind words the other lacks.

    Examples
    --------
    >>> combine(100.0, "lublin", frozenset(), "lublin voivodeship", frozenset({"territory"})) < 90
    True
    """
    if kinds_l - kinds_q:
        weight = LABEL_KIND_WEIGHT
    elif kinds_q - kinds_l:
        weight = NAME_KIND_WEIGHT
    else:
        return core_score
    return weight * core_score + (1 - weight) * fuzz.ratio(plain_q, plain_l)
