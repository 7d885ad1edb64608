"""The N-Triples sink of a table import, and the vocabulary terms a row writes as pyoxigraph nodes."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, SDO, SKOS, XSD

from kg.namespaces import EKG

SCHEMA = SDO
_BATCH = 20000


@lru_cache(maxsize=65536)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


#: The vocabulary terms a row writes, as pyoxigraph nodes made once (rdflib's namespace lookups are slow).
_T = {name: ox.NamedNode(str(term)) for name, term in {
    "type": RDF.type, "Project": EKG.Project, "acronym": EKG.acronym, "prefLabel": SKOS.prefLabel,
    "projectCode": EKG.projectCode, "priority": EKG.priority, "startDate": SCHEMA.startDate,
    "endDate": SCHEMA.endDate, "projectTotalBudget": EKG.projectTotalBudget, "programme": EKG.programme,
    "organisationId": EKG.organisationId, "Organisation": EKG.Organisation,
    "organisationType": EKG.organisationType, "region": EKG.region, "country": EKG.country,
    "ProjectParticipation": EKG.ProjectParticipation, "project": EKG.project, "participant": EKG.participant,
    "role": EKG.role, "totalBudget": EKG.totalBudget, "euContribution": EKG.euContribution,
    "decimal": XSD.decimal, "date": XSD.date, "altLabel": SKOS.altLabel, "fund": EKG.fund,
    "Programme": EKG.Programme, "identifier": DCTERMS.identifier}.items()}


def _decimal(value: Decimal) -> ox.Literal:
    return ox.Literal(str(value), datatype=_T["decimal"])


class _Sink:
    """Writes triples to an N-Triples file in batches, with pyoxigraph's serialiser."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("wb")
        self.batch: list[ox.Triple] = []
        self.count = 0

    def add(self, s: Any, p: Any, o: Any) -> None:
        batch = self.batch
        batch.append(ox.Triple(s, p, o))
        if len(batch) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            ox.serialize(self.batch, self.handle, ox.RdfFormat.N_TRIPLES)
            self.count += len(self.batch)
            self.batch = []

    def close(self) -> None:
        self.flush()
        self.handle.close()
