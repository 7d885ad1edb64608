"""A release without personal data names nobody, in any file, CSVs and gzip copies included."""

from __future__ import annotations

import gzip

import pyoxigraph as ox
from rdflib import RDF

from kg.namespaces import EKG, SDO

PERSONAL_QUERY = f"""
SELECT DISTINCT ?value WHERE {{
  ?person a <{EKG.Person}> ; ?p ?value .
  VALUES ?p {{ <{SDO.name}> <{SDO.email}> <{SDO.telephone}> }}
}}"""


def personal_values(store) -> set[str]:
    return {row["value"].value for row in store.query(PERSONAL_QUERY, use_default_graph_as_union=True)}


def file_texts(folder) -> dict[str, str]:
    texts = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            texts[path.name] = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    return texts


def test_store_has_personal_data_to_leave_out(store, full_release) -> None:
    values = personal_values(store)
    assert len(values) >= 3
    texts = file_texts(full_release.folder)
    assert all(any(v in text for text in texts.values()) for v in values)


def test_no_names_emails_or_phones_anywhere(store, public_release) -> None:
    values = personal_values(store)
    for name, text in file_texts(public_release.folder).items():
        leaked = [v for v in values if v in text]
        assert leaked == [], f"{name} holds personal data"


def test_persons_csv_is_empty_without_personal_data(public_release, full_release) -> None:
    public = (public_release.folder / "csv" / "persons.csv").read_text(encoding="utf-8").splitlines()
    assert public == ["person,name,affiliation_name,role,email"]
    full = (full_release.folder / "csv" / "persons.csv").read_text(encoding="utf-8").splitlines()
    assert len(full) > 1


def test_no_person_is_described(public_release) -> None:
    triples = list(ox.parse(path=str(public_release.folder / "eukg.nt"), format=ox.RdfFormat.N_TRIPLES))
    personal = {str(SDO.name), str(SDO.email), str(SDO.telephone)}
    persons = [t for t in triples if t.predicate.value == str(RDF.type) and t.object == ox.NamedNode(str(EKG.Person))]
    assert persons == []
    # schema:name also names events and places; e-mail and telephone are said only of persons
    assert [t for t in triples if t.predicate.value in personal - {str(SDO.name)}] == []
