"""Contract queries rewritten for pyoxigraph's speed return exactly the rows of their earlier text."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox

from kg.sparql.queries import library, run

# queries/persons.rq before the person-only role branch.
PERSONS_BEFORE = """
PREFIX ekg:     <https://w3id.org/eu-regional-kg/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX schema:  <https://schema.org/>

SELECT ?person (MIN(?person_name) AS ?name)
       (MIN(COALESCE(?org_en, ?org_any)) AS ?affiliation_name)
       (GROUP_CONCAT(DISTINCT STR(?role_label); separator="; ") AS ?role)
       (MIN(?mail) AS ?email)
WHERE {
  ?person a ekg:Person ; schema:name ?person_name .
  OPTIONAL {
    ?person ekg:affiliation ?organisation .
    OPTIONAL { ?organisation skos:prefLabel ?org_en FILTER (LANGMATCHES(LANG(?org_en), "en")) }
    OPTIONAL { ?organisation skos:prefLabel ?org_any }
  }
  OPTIONAL {
    { ?participation ekg:participant ?person ; ekg:role/skos:prefLabel ?role_label FILTER (LANGMATCHES(LANG(?role_label), "en")) }
    UNION
    { ?person schema:jobTitle ?role_label FILTER NOT EXISTS { ?any_participation ekg:participant ?person } }
  }
  OPTIONAL { ?person schema:email ?mail }
}
GROUP BY ?person
ORDER BY ?name
"""

# Persons with a role, two roles, a job title only, a job title and a role, neither; an organisation
# that takes part with a role (not a person: must not appear).
PEOPLE = b"""
@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix ex: <https://example.org/> .
ex:lead skos:prefLabel "lead partner"@en , "partener principal"@ro .
ex:speaker skos:prefLabel "speaker"@en .
ex:org a ekg:Organisation ; skos:prefLabel "Org"@en , "Organizacja"@pl .
ex:a a ekg:Person ; schema:name "Ana" ; ekg:affiliation ex:org ; schema:email "a@example.org" .
ex:b a ekg:Person ; schema:name "Bo" ; schema:jobTitle "Director" .
ex:c a ekg:Person ; schema:name "Cy" ; schema:jobTitle "Officer" .
ex:d a ekg:Person ; schema:name "Di" .
ex:p1 ekg:participant ex:a ; ekg:role ex:lead .
ex:p2 ekg:participant ex:a ; ekg:role ex:speaker .
ex:p3 ekg:participant ex:c ; ekg:role ex:speaker .
ex:p4 ekg:participant ex:org ; ekg:role ex:lead .
"""


def _both(store: ox.Store, name: str, before: str) -> tuple[list, list]:
    query = library()[name]
    return run(query, store).rows, run(replace(query, text=before), store).rows


def test_persons_rows_equal_the_earlier_formulation(store: ox.Store) -> None:
    now, before = _both(store, "persons", PERSONS_BEFORE)
    assert now == before and len(now) > 0
    small = ox.Store()
    small.load(input=PEOPLE, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:x-test:g"))
    now, before = _both(small, "persons", PERSONS_BEFORE)
    assert now == before
    roles = {str(row[0]).rsplit("/", 1)[1]: sorted(str(row[3] or "").split("; ")) for row in now}
    assert roles == {"a": ["lead partner", "speaker"], "b": ["Director"], "c": ["speaker"], "d": [""]}
