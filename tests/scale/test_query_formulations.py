"""Contract queries rewritten for pyoxigraph's speed return exactly the rows of their earlier text, in its order."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
import pytest

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

# queries/event_participants.rq and queries/programme_projects.rq before they grouped in a sub-select and
# sorted by keys held in memory (their #PARAM lines left out: both run without parameters here).
EVENT_PARTICIPANTS_BEFORE = """
PREFIX ekg:     <https://w3id.org/eu-regional-kg/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX schema:  <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>

SELECT ?event
       (MIN(COALESCE(?title_en, ?title_any)) AS ?title)
       (MIN(COALESCE(?org_en, ?org_any)) AS ?organisation_name)
       (MIN(?name) AS ?person_name)
       (MIN(STR(?role_en)) AS ?role)
WHERE {
  {
    { SELECT ?participation WHERE { ?participation a ekg:EventParticipation } }
    { SELECT ?participation ?event WHERE { ?participation ekg:event ?event } }
    { SELECT ?participation ?agent WHERE { ?participation ekg:participant ?agent } }
    { SELECT ?participation ?role_concept WHERE { ?participation ekg:role ?role_concept } }
    { SELECT ?role_concept ?role_en WHERE {
        { SELECT DISTINCT ?role_concept WHERE { ?any_participation ekg:role ?role_concept } }
        ?role_concept skos:prefLabel ?role_en FILTER (LANGMATCHES(LANG(?role_en), "en"))
    } }
  } UNION {
    ?event ekg:organiser ?agent .
    FILTER NOT EXISTS { ?other ekg:event ?event ; ekg:participant ?agent }
    BIND ("organiser"@en AS ?role_en)
  }
  { SELECT ?event WHERE { ?event a ekg:Event } }
  OPTIONAL { SELECT ?agent ?name WHERE { ?agent schema:name ?name } }
  OPTIONAL { SELECT ?agent ?affiliation WHERE { ?agent ekg:affiliation ?affiliation } }
  BIND (COALESCE(?affiliation, ?agent) AS ?organisation)
  OPTIONAL { SELECT ?organisation ?org_en WHERE {
      { SELECT ?organisation WHERE { ?organisation a ekg:Organisation } }
      { SELECT ?organisation ?org_en WHERE { ?organisation skos:prefLabel ?org_en FILTER (LANGMATCHES(LANG(?org_en), "en")) } }
  } }
  OPTIONAL { SELECT ?organisation ?org_any WHERE {
      { SELECT ?organisation WHERE { ?organisation a ekg:Organisation } }
      { SELECT ?organisation ?org_any WHERE { ?organisation skos:prefLabel ?org_any } }
  } }
  OPTIONAL { SELECT ?event ?title_en WHERE {
      { SELECT ?event WHERE { ?event a ekg:Event } }
      { SELECT ?event ?title_en WHERE { ?event skos:prefLabel ?title_en FILTER (LANGMATCHES(LANG(?title_en), "en")) } }
  } }
  OPTIONAL { SELECT ?event ?title_any WHERE {
      { SELECT ?event WHERE { ?event a ekg:Event } }
      { SELECT ?event ?title_any WHERE { ?event skos:prefLabel ?title_any } }
  } }
}
GROUP BY ?event ?agent ?role_en
ORDER BY ?event ?role ?organisation_name ?person_name
"""

PROGRAMME_PROJECTS_BEFORE = """
PREFIX ekg:     <https://w3id.org/eu-regional-kg/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX schema:  <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>

SELECT (MIN(STR(COALESCE(?name_en, ?name_any))) AS ?programme_name) ?acronym
WHERE {
  { SELECT DISTINCT ?programme ?acronym WHERE {
      { SELECT ?project WHERE { ?project a ekg:Project } }
      { SELECT ?project ?acronym WHERE { ?project ekg:acronym ?acronym } }
      { SELECT ?project ?direct WHERE { ?project ekg:programme ?direct } }
      { SELECT ?direct ?programme WHERE {
          { SELECT DISTINCT ?direct WHERE { ?funded ekg:programme ?direct } }
          ?direct ekg:parentProgramme* ?programme .
      } }
  } }
  { SELECT ?programme ?name_en ?name_any WHERE {
      { SELECT DISTINCT ?programme WHERE {
          { SELECT DISTINCT ?direct WHERE { ?funded ekg:programme ?direct } }
          ?direct ekg:parentProgramme* ?programme .
      } }
      OPTIONAL { ?programme skos:prefLabel ?name_en FILTER (LANGMATCHES(LANG(?name_en), "en")) }
      OPTIONAL { ?programme skos:prefLabel ?name_any }
  } }
}
GROUP BY ?programme ?acronym
ORDER BY ?programme_name LCASE(?acronym) ?acronym
"""

# Two events (titles in English and German, one in Polish only), organisations named in English and
# Polish, a person with an affiliation, an organiser stated only as ekg:organiser and one who also takes
# part (counted once, in their role).
MEETINGS = b"""
@prefix ekg: <https://w3id.org/eu-regional-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix ex: <https://example.org/> .
ex:speaker skos:prefLabel "speaker"@en , "Redner"@de .
ex:guest skos:prefLabel "participant"@en .
ex:e1 a ekg:Event ; skos:prefLabel "Forum"@en , "Forum de"@de ; ekg:organiser ex:o3 , ex:o1 .
ex:e2 a ekg:Event ; skos:prefLabel "Spotkanie"@pl .
ex:o1 a ekg:Organisation ; skos:prefLabel "Zeta"@en , "Alfa"@pl .
ex:o2 a ekg:Organisation ; skos:prefLabel "Biuro"@pl .
ex:o3 a ekg:Organisation ; skos:prefLabel "Agency"@en .
ex:ana a ekg:Person ; schema:name "Ana" ; ekg:affiliation ex:o2 .
ex:p1 a ekg:EventParticipation ; ekg:event ex:e1 ; ekg:participant ex:o1 ; ekg:role ex:speaker .
ex:p2 a ekg:EventParticipation ; ekg:event ex:e1 ; ekg:participant ex:ana ; ekg:role ex:guest .
ex:p3 a ekg:EventParticipation ; ekg:event ex:e2 ; ekg:participant ex:o2 ; ekg:role ex:guest .
ex:p4 a ekg:EventParticipation ; ekg:event ex:e2 ; ekg:participant ex:o1 ; ekg:role ex:guest .
"""


def _both(store: ox.Store, name: str, before: str) -> tuple[list, list]:
    query = library()[name]
    return run(query, store).rows, run(replace(query, text=before), store).rows


def _roles(rows: list) -> dict:
    return {str(row[0]).rsplit("/", 1)[1]: sorted(str(row[3] or "").split("; ")) for row in rows}


def _attendance(rows: list) -> list:
    return [(str(row[1]), str(row[2]), str(row[3]), str(row[4])) for row in rows]


# Each query, its earlier text, and a small graph with what its rows then say (None: the built store only).
FORMULATIONS = {
    "persons": (PERSONS_BEFORE, PEOPLE, _roles,
                {"a": ["lead partner", "speaker"], "b": ["Director"], "c": ["speaker"], "d": [""]}),
    "event_participants": (EVENT_PARTICIPANTS_BEFORE, MEETINGS, _attendance, [
        ("Forum", "Agency", "None", "organiser"), ("Forum", "Biuro", "Ana", "participant"),
        ("Forum", "Zeta", "None", "speaker"), ("Spotkanie", "Biuro", "None", "participant"),
        ("Spotkanie", "Zeta", "None", "participant")]),
    "programme_projects": (PROGRAMME_PROJECTS_BEFORE, None, None, None),
}


@pytest.mark.parametrize("name", FORMULATIONS)
def test_rows_and_order_equal_the_earlier_formulation(store: ox.Store, name: str) -> None:
    before, graph, shape, expected = FORMULATIONS[name]
    now, earlier = _both(store, name, before)
    assert now == earlier and len(now) > 0
    if graph is None:
        return
    small = ox.Store()
    small.load(input=graph, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:x-test:g"))
    now, earlier = _both(small, name, before)
    assert now == earlier
    assert shape(now) == expected
