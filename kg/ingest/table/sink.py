"""The N-Triples sink of a table import (:class:`kg.ingest.triple_writer.TripleWriter`), and the vocabulary terms
a row writes: as IRIs for the sink (:data:`_W`), as pyoxigraph nodes for looking the graph up (:data:`_T`)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, SDO, SKOS, XSD

from kg.ingest.triple_writer import Literal, TripleWriter, literal
from kg.namespaces import EKG

SCHEMA = SDO
#: The table import's sink: statements as IRIs (``str``) and literals (:func:`kg.ingest.triple_writer.literal`).
_Sink = TripleWriter


@lru_cache(maxsize=65536)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


#: The vocabulary terms a row writes, as IRIs made once (rdflib's namespace lookups are slow).
_W = {name: str(term) for name, term in {
    "type": RDF.type, "Project": EKG.Project, "acronym": EKG.acronym, "prefLabel": SKOS.prefLabel,
    "projectCode": EKG.projectCode, "priority": EKG.priority, "startDate": SCHEMA.startDate,
    "endDate": SCHEMA.endDate, "projectTotalBudget": EKG.projectTotalBudget, "programme": EKG.programme,
    "organisationId": EKG.organisationId, "Organisation": EKG.Organisation,
    "organisationType": EKG.organisationType, "region": EKG.region, "country": EKG.country,
    "ProjectParticipation": EKG.ProjectParticipation, "project": EKG.project, "participant": EKG.participant,
    "role": EKG.role, "totalBudget": EKG.totalBudget, "euContribution": EKG.euContribution,
    "decimal": XSD.decimal, "date": XSD.date, "altLabel": SKOS.altLabel, "fund": EKG.fund,
    "Programme": EKG.Programme, "identifier": DCTERMS.identifier, "locality": EKG.locality}.items()}


#: The same terms as pyoxigraph nodes, for looking the graph up.
_T = {name: ox.NamedNode(iri) for name, iri in _W.items()}


def _decimal(value: Decimal) -> Literal:
    return literal(str(value), datatype=_W["decimal"])
