"""The letter-count bound drops only texts that cannot reach the cut-off: the resolver's hits are unchanged."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from kg.resolve import Resolver
from kg.resolve.bound import LetterCounts

_LETTERS = "aaabcdeeeilnorstuwz  0ąłéЖ北"


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(0, 24))) for _ in range(count)]


@pytest.mark.parametrize("cutoff", [50.0, 70.0, 90.0])
def test_every_text_that_reaches_the_cutoff_is_kept(cutoff: float) -> None:
    texts = _texts(1, 3000)
    counts = LetterCounts(texts)
    for query in _texts(2, 60):
        if not query:
            continue
        kept = counts.possible(query, cutoff)
        reaching = [i for i, text in enumerate(texts) if fuzz.ratio(query, text) >= cutoff]
        assert set(reaching) <= set(kept.tolist())
        assert list(kept) == sorted(kept)
        assert len(kept) < len(texts)  # it does drop some
        full = process.extract(query, texts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=50)
        some = process.extract(query, [texts[i] for i in kept], scorer=fuzz.ratio, score_cutoff=cutoff, limit=50)
        assert [(s, i) for _, s, i in full] == [(s, int(kept[i])) for _, s, i in some]


def test_resolver_candidates_are_those_of_a_scan_of_every_label(tiny_graph_resolver_names) -> None:
    names, resolver = tiny_graph_resolver_names
    answers = [resolver.resolve(name, limit=50) for name in names]
    for counts in resolver._counts.values():  # every core possible: the scan of every label
        counts.possible = _every(len(counts.lengths))
    assert [resolver.resolve(name, limit=50) for name in names] == answers
    assert any(answers)


def _every(count: int):
    return lambda query, cutoff: np.arange(count)


@pytest.fixture()
def tiny_graph_resolver_names() -> tuple[list[str], Resolver]:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, SKOS

    ekg = "https://w3id.org/eu-regional-kg/ontology#"
    graph = Graph()
    labels = ["Uniwersytet Łódzki", "University of Lodz", "Lodz University of Technology", "Obec Lipová",
              "Obec Lipovec", "Gmina Lubartów", "Miasto Lublin", "Municipality of Petrich", "Община Петрич",
              "Grad Zagreb", "Zagrebačka županija", "Danube Test University"]
    for number, label in enumerate(labels):
        org = URIRef(f"https://w3id.org/eu-regional-kg/id/organisation/o{number}")
        graph.add((org, RDF.type, URIRef(ekg + "Organisation")))
        graph.add((org, SKOS.prefLabel, Literal(label)))
    names = ["University of Łódź", "Lodz Tech University", "Lipova", "Lublin", "Petrich", "Zagreb", "Danube Univ"]
    return names, Resolver.from_graph(graph)
