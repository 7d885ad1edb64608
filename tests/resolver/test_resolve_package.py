"""One resolver: the CLI, article ingestion and table ingestion share its kinds, thresholds and decisions."""

from __future__ import annotations

import kg.ingest.resolving as resolving
import kg.ingest.table.run as table_run
import kg.resolve.resolver
from kg.namespaces import EKG
from kg.resolve import thresholds
from kg.resolve.kinds import CLASS_TYPES, TYPE_OF_CLASS, TYPES


def test_every_class_the_resolver_reads_is_in_the_ontology_namespace() -> None:
    for iri, kind in CLASS_TYPES:
        local = iri.removeprefix(str(EKG))
        assert iri != local and str(getattr(EKG, local)) == iri
        assert kind in TYPES


def test_ingestion_has_no_matcher_or_thresholds_of_its_own(store) -> None:
    assert resolving.TYPE_OF_CLASS is TYPE_OF_CLASS
    assert resolving.LabelResolver is kg.resolve.Resolver
    assert not any(hasattr(resolving, name) for name in ("CONFIDENT", "CUTOFF"))
    assert isinstance(resolving.resolver_for(store), kg.resolve.Resolver)
    assert table_run.resolver_for is resolving.resolver_for


def test_decisions_read_the_one_set_of_thresholds() -> None:
    assert kg.resolve.resolver.ACCEPT is thresholds.ACCEPT
    assert kg.resolve.resolver.MARGIN is thresholds.MARGIN
    assert kg.resolve.ACCEPT == thresholds.ACCEPT and kg.resolve.FLOOR == thresholds.FLOOR
    assert thresholds.FLOOR < thresholds.ACCEPT <= 100 and 0 < thresholds.MARGIN < thresholds.ACCEPT - thresholds.FLOOR


def test_confident_prefers_the_one_exact_label_of_a_tie(store) -> None:
    resolver = resolving.resolver_for(store)
    found = resolving.confident(resolver, "Interreg Europe", "programme")
    assert found is not None and found.label == "Interreg Europe"
    assert resolving.confident(resolver, "Friesland", "region") is None
