"""The generated namespace module stays in step with the ontology, and every term used exists."""

from __future__ import annotations

import re

import pytest
from rdflib import OWL, RDF, RDFS, Graph
from rdflib.namespace import SKOS

from kg.build import namespace_codegen
from kg.namespaces import EKG
from kg.paths import DATA_DIR, ONTOLOGY_FILE, PROJECT_ROOT, QUERIES_DIR, SHAPES_DIR

EKG_NS = str(EKG._NS)


def test_generated_module_matches_ontology() -> None:
    generated = namespace_codegen.generate()
    on_disk = namespace_codegen.TARGET.read_text(encoding="utf-8")
    assert on_disk == generated, "kg/namespaces.py is stale: run `python -m kg.build.namespace_codegen`"


def test_mistyped_term_fails() -> None:
    with pytest.raises(AttributeError):
        EKG.Projekt  # noqa: B018


def test_every_class_and_property_has_english_label_and_definition() -> None:
    graph = Graph().parse(ONTOLOGY_FILE)
    terms = [
        t
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for t in graph.subjects(RDF.type, kind)
        if str(t).startswith(EKG_NS)
    ]
    assert len(terms) > 40
    for term in terms:
        labels = [lab for lab in graph.objects(term, RDFS.label) if lab.language == "en"]
        definitions = [d for d in graph.objects(term, SKOS.definition) if d.language == "en"]
        assert labels, f"{term} has no English rdfs:label"
        assert definitions, f"{term} has no English skos:definition"


def _files_using_terms():
    yield from DATA_DIR.rglob("*.ttl")
    yield from SHAPES_DIR.glob("*.ttl")
    yield from QUERIES_DIR.rglob("*.rq")
    yield from (PROJECT_ROOT / "kg").rglob("*.py")


@pytest.mark.parametrize("path", sorted(_files_using_terms()), ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_terms_used_exist_in_ontology(path) -> None:
    defined = set(dir(EKG))
    text = path.read_text(encoding="utf-8")
    used = set(re.findall(r"\bekg:([A-Za-z][A-Za-z0-9_]*)", text))
    used |= set(re.findall(r"\bEKG\.([A-Za-z][A-Za-z0-9_]*)", text))
    unknown = {term for term in used if term not in defined and not hasattr(EKG, term)} - {"_NS", "_fail"}
    assert not unknown, f"{path.name} uses terms missing from the ontology: {sorted(unknown)}"
