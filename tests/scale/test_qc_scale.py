"""The linear duplicate-organisation check finds exactly what the pairwise one found."""

from __future__ import annotations

import pyoxigraph as ox

from kg.paths import QUERIES_DIR

PAIRWISE = """
PREFIX ekg:  <https://w3id.org/eu-regional-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?focus ?message WHERE {
  ?focus a ekg:Organisation ; skos:prefLabel ?label .
  ?other a ekg:Organisation ; skos:prefLabel ?other_label .
  FILTER (?focus != ?other && LCASE(STR(?label)) = LCASE(STR(?other_label)) && STR(?focus) < STR(?other))
  BIND (CONCAT("has the same name \\"", STR(?label), "\\" as <", STR(?other), ">: merge them into one resource") AS ?message)
}
"""

DATA = b"""
@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix o: <https://w3id.org/eu-regional-kg/id/organisation/> .
o:a a ekg:Organisation ; skos:prefLabel "Same Name"@en , "Other"@de .
o:b a ekg:Organisation ; skos:prefLabel "same name"@fr .
o:c a ekg:Organisation ; skos:prefLabel "SAME NAME"@en , "Other"@it .
o:d a ekg:Organisation ; skos:prefLabel "Unique"@en .
o:e skos:prefLabel "Same Name"@en .
"""


def _rows(store: ox.Store, query: str) -> list[tuple[str, str]]:
    return sorted((r["focus"].value, r["message"].value) for r in store.query(query, use_default_graph_as_union=True))


def test_grouped_duplicate_check_equals_pairwise_check(store: ox.Store) -> None:
    grouped = (QUERIES_DIR / "qc" / "duplicate-organisation-violation.rq").read_text(encoding="utf-8")
    small = ox.Store()
    small.load(input=DATA, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:x-test:g"))
    expected = _rows(small, PAIRWISE)
    assert len(expected) == 4
    assert _rows(small, grouped) == expected
    # And on the shipped data (no duplicates there).
    assert _rows(store, grouped) == _rows(store, PAIRWISE)
