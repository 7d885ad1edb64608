"""The programme catalogue: the programmes and funds the issue names exist, with their hierarchy and managing bodies."""

from __future__ import annotations

import pytest

from kg.resolve import Resolver
from kg.store import select

PROG = "https://w3id.org/eu-regional-kg/id/programme/"
FUND = "https://w3id.org/eu-regional-kg/id/fund/"


@pytest.fixture(scope="module")
def resolver(store) -> Resolver:
    return Resolver.from_store(store)


@pytest.mark.parametrize(
    ("name", "iri"),
    [
        ("Interreg Europe 2014-2020", PROG + "interreg-europe-2014-2020"),
        ("Interreg Europe 2021-2027", PROG + "interreg-europe-2021-2027"),
        ("Interreg Baltic Sea Region", PROG + "interreg-baltic-sea-region"),
        ("Interreg A", PROG + "interreg-a"),
        ("Interreg B", PROG + "interreg-b"),
        ("Interreg C", PROG + "interreg-c"),
        ("Single Market Programme", PROG + "single-market-programme"),
        ("SMP COSME", PROG + "smp-cosme"),
        ("COSME", PROG + "cosme"),
        ("Just Transition Fund", FUND + "jtf"),
        ("Just Transition Platform", PROG + "just-transition-platform"),
        ("ERDF", FUND + "erdf"),
        ("Cohesion Fund", FUND + "cohesion-fund"),
        ("ESF+", FUND + "esf-plus"),
        ("Horizon Europe", PROG + "horizon-europe"),
        ("European Capitals of Culture", PROG + "european-capitals-of-culture"),
        ("Interreg Central Europe", PROG + "interreg-central-europe"),
        ("URBACT", PROG + "urbact"),
        ("ESPON", PROG + "espon"),
        ("INTERACT", PROG + "interact"),
        ("Interreg NEXT", PROG + "interreg-next"),
    ],
)
def test_issue_programmes_resolve(resolver: Resolver, name: str, iri: str) -> None:
    best = resolver.best(name, "programme")
    assert best is not None and best.iri == iri


ANCESTORS = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT ?programme ?ancestor WHERE { ?programme ekg:parentProgramme+ ?ancestor }"""


@pytest.mark.parametrize(
    ("programme", "ancestors"),
    [
        ("interreg-europe-2021-2027", {"interreg-europe", "interreg-c", "interreg"}),
        ("interreg-baltic-sea-region-2014-2020", {"interreg-baltic-sea-region", "interreg-b", "interreg"}),
        ("interreg-next-poland-ukraine", {"interreg-next", "interreg-a", "interreg"}),
        ("jtp-groundwork", {"just-transition-platform", "just-transition-mechanism"}),
    ],
)
def test_programme_hierarchy(store, programme: str, ancestors: set[str]) -> None:
    from rdflib import URIRef

    rows = select(store, ANCESTORS, {"programme": URIRef(PROG + programme)})
    assert {row["ancestor"].value.removeprefix(PROG) for row in rows} == ancestors


MANAGED = """
PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
SELECT ?programme ?body ?country ?region WHERE {
  ?programme a ekg:Programme ; ekg:managingBody ?body .
  OPTIONAL { ?body ekg:country ?country }
  OPTIONAL { ?body ekg:region ?region }
}"""


def test_managing_bodies_are_located_organisations(store) -> None:
    rows = list(select(store, MANAGED))
    assert len(rows) >= 15
    assert [row["body"].value for row in rows if row["country"] is None or row["region"] is None] == []
    managed = {row["programme"].value.removeprefix(PROG): row["body"].value.rsplit("/", 1)[-1] for row in rows}
    assert managed["interreg-europe"] == "region-hauts-de-france"
    assert managed["interreg-central-europe"] == "city-of-vienna"
