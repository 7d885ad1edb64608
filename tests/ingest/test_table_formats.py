"""Tables as publishers write them: CORDIS verbatim, joins, the mapping language, and the money queries."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF

from kg.errors import InputError
from kg.ingest.sources import replace_source
from kg.ingest.table import ingest_table, load_mapping
from kg.namespaces import EKG, ID
from kg.sparql.queries import find, run
from kg.store import open_store

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "tables"
CORDIS = SAMPLES / "cordis" / "organization.csv"
COUNTRY = "http://publications.europa.eu/resource/authority/country/"
ICCS = "999654356"


def run_named(store, name: str) -> list[dict[str, str]]:
    """The rows of named query ``name`` as dicts of plain strings."""
    result = run(find(name), store)
    return [{c: (str(term) if term is not None else None) for c, term in zip(result.columns, row, strict=True)}
            for row in result.rows]


def _without_time(graph: Graph) -> Graph:
    for triple in list(graph.triples((None, DCTERMS.modified, None))):
        graph.remove(triple)
    return graph


def _organisation(graph: Graph, pic: str) -> URIRef:
    return next(graph.subjects(EKG.pic, Literal(pic)))


def test_cordis_organisations_load_as_published(reference_store) -> None:
    result = ingest_table(CORDIS, load_mapping("cordis"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 10
        g = result.graph
        countries = {str(o) for o in g.objects(None, EKG.country)}
        # UK and EL as CORDIS writes them, Kosovo, and countries outside the reference graph.
        assert {COUNTRY + c for c in ("GBR", "GRC", "XKX", "GHA", "HKG", "CHE", "ESP")} == countries
        assert (URIRef(COUNTRY + "GHA"), RDF.type, EKG.Country) in g  # described by the source itself
        assert ID["role/third-party"] in set(g.objects(None, EKG.role))
        assert ID["organisation-type/higher-education"] in set(g.objects(None, EKG.organisationType))
        # One organisation (one PIC) in an H2020 and an FP7 project: one node, two participations.
        iccs = _organisation(g, ICCS)
        assert len(list(g.subjects(EKG.participant, iccs))) == 2
        assert len(result.new_organisations) == 9
        # The PIC is an ekg:pic, the VAT number beside it an ekg:vatNumber, both organisation identifiers.
        athens = _organisation(g, "999643007")
        assert {str(o) for o in g.objects(athens, EKG.organisationId)} == {"999643007", "EL090145420"}
        assert str(g.value(athens, EKG.vatNumber)) == "EL090145420"
        assert g.value(_organisation(g, "937808902"), EKG.vatNumber) is None  # CORDIS gives none
        # "960619,95" is a decimal comma.
        assert Decimal("960619.95") in {o.toPython() for o in g.objects(None, EKG.totalBudget)}
        # The country code CORDIS puts in nutsCode outside Europe is a warning, not a lost row.
        assert {w.column for w in result.warnings} == {"nutsCode"}
    finally:
        result.discard()


@pytest.mark.slow
def test_cordis_source_validates_reimports_identically_and_sums_money(store_copy) -> None:
    mapping = load_mapping("cordis")
    graphs = []
    for _ in range(2):
        result = ingest_table(CORDIS, mapping, open_store(store_copy))
        graphs.append(_without_time(result.graph))
        replace_source(result.identifier, result.path, store_copy, save=False)  # validated by the writer
        result.discard()
    assert isomorphic(graphs[0], graphs[1])
    store = open_store(store_copy)
    by_country = {row["country"]: row for row in run_named(store, "funding_by_country")}
    assert Decimal(by_country["GR"]["eu_contribution"]) == Decimal("1062265")  # 520625 + 541640 + 0
    assert Decimal(by_country["GR"]["total_budget"]) == Decimal("1481244.95")  # 520625 + 960619.95
    by_region = {row["nuts"]: row for row in run_named(store, "funding_by_region")}
    # The two Athens partners count once at every level, never once per region version or ancestor path.
    for code in ("EL", "EL3", "EL30", "EL303"):
        assert Decimal(by_region[code]["eu_contribution"]) == Decimal("1062265"), code
    organisations = {row["organisation_name"]: row for row in run_named(store, "funding_by_organisation")}
    iccs = organisations["EREVNITIKO PANEPISTIMIAKO INSTITOUTO SYSTIMATON EPIKOINONION KAI YPOLOGISTON"]
    assert int(iccs["projects"]) == 2


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_join_of_two_files_on_a_key(tmp_path, reference_store) -> None:
    """organization.csv joined with a project.csv beside it (constructed: two projects of the sample)."""
    organisations = tmp_path / "organization.csv"
    organisations.write_bytes(CORDIS.read_bytes())
    _write(tmp_path / "project.csv",
           '"id";"acronym";"title";"startDate";"endDate";"totalCost";"frameworkProgramme"\n'
           '"314056";"ARUM";"A project of the sample";"2012-09-01";"2015-08-31";"4 000 000,00";"FP7"\n'
           '"101060884";"DIVINE";"Another project";"2022-10-01";"2026-09-30";"6000000";"HORIZON"\n')
    result = ingest_table(organisations, load_mapping("cordis"), reference_store)
    try:
        g = result.graph
        projects = {str(g.value(s, EKG.acronym)): s for s in g.subjects(RDF.type, EKG.Project)}
        assert str(g.value(projects["ARUM"], EKG.projectTotalBudget)) == "4000000.00"
        assert str(g.value(projects["DIVINE"], URIRef("https://schema.org/startDate"))) == "2022-10-01"
        assert g.value(projects["EUROfusion"], EKG.projectTotalBudget) is None  # no row in project.csv
    finally:
        result.discard()


LIST_OF_OPERATIONS = (
    '"Naziv korisnika /\nBeneficiary";Šifra projekta;Naziv projekta;Županija;"Ukupni iznos\n(kn)";EU sredstva\n'
    '"Grad Zagreb\nHrvatske šume d.o.o.";KK.01.1.1.01;Zelena infrastruktura;Grad Zagreb;5.172.338,50 kn;'
    "4.396.487,72 kn\n"
    "Općina Lekenik;KK.01.1.1.02;Obnova škole;Sisačko-moslavačka;1.000.000,00 kn;850.000,00 kn\n"
    "Grad Sisak;KK.01.1.1.03;Most;Sisačko-moslavačka;12 dolara;10\n"
)
MAPPING = """
name: hr_operations
language: hr
columns:
  partner_name: ["Naziv korisnika / Beneficiary"]
  project_acronym: [Šifra projekta]
  project_code: [Šifra projekta]
  project_title: [Naziv projekta]
  nuts: [Županija]
  project_total_budget: [Ukupni iznos (kn)]
  erdf: [EU sredstva]
constants:
  country: HR
  partner_role: beneficiary
  partner_type: municipality
values:
  nuts: {grad zagreb: HR050, sisačko-moslavačka: HR028}
multi_valued: [partner_name]
exchange_rates: {HRK: 7.53450}
roles: {beneficiary: beneficiary}
organisation_types: {municipality: municipality}
"""


@pytest.mark.slow
def test_mapping_language_reads_a_list_of_operations(tmp_path, reference_store) -> None:
    """Constants, values, a multi-valued cell, headers with line breaks, kuna amounts, cp1250, ``;``."""
    mapping_file = _write(tmp_path / "hr.yaml", MAPPING)
    table = _write(tmp_path / "operacije.csv", LIST_OF_OPERATIONS, encoding="cp1250")
    result = ingest_table(table, load_mapping(mapping_file), reference_store)
    try:
        assert [p.text() for p in result.problems] == [
            f"{table}:7 [Ukupni iznos (kn)]: '12 dolara' is not an amount in euro (unknown currency 'dolara')"]
        g = result.graph
        names = {str(o) for s in g.subjects(RDF.type, EKG.Organisation) for o in g.objects(s, None)}
        assert {"Grad Zagreb", "Hrvatske šume d.o.o.", "Općina Lekenik"} <= names
        participations = list(g.subjects(RDF.type, EKG.ProjectParticipation))
        assert len(participations) == 3  # two partners in the first row's cell
        totals = {o.toPython() for o in g.objects(None, EKG.projectTotalBudget)}
        assert totals == {Decimal("686487.29"), Decimal("132722.81")}  # kuna at 7.53450 per euro
        # One EU amount for the two partners of the first row's cell is neither's (it would count twice).
        assert {o.toPython() for o in g.objects(None, EKG.euContribution)} == {Decimal("112814.39")}
        assert [(w.line, w.column) for w in result.warnings] == [(4, "EU sredstva")]  # the header spans lines 1-3
    finally:
        result.discard()


def test_several_values_that_do_not_pair_are_one_problem_line(tmp_path, reference_store) -> None:
    mapping_file = _write(tmp_path / "hr.yaml", MAPPING.replace("multi_valued: [partner_name]",
                                                                "multi_valued: [partner_name, nuts]"))
    table = _write(tmp_path / "o.csv", "Naziv korisnika / Beneficiary;Šifra projekta;Županija\n"
                                       '"A\nB\nC";X1;"Grad Zagreb\nSisačko-moslavačka"\n')
    result = ingest_table(table, load_mapping(mapping_file), reference_store)
    try:
        assert [p.text() for p in result.problems] == [
            f"{table}:2: the multi-valued cells hold different numbers of values (partner_name: 3, nuts: 2)"]
    finally:
        result.discard()


def test_unknown_field_is_named_and_erdf_is_an_older_name(tmp_path) -> None:
    bad = _write(tmp_path / "bad.yaml", "columns: {partner_name: [A], budget_eu: [B]}\n")
    with pytest.raises(InputError, match="unknown field.*budget_eu"):
        load_mapping(bad)
    old = _write(tmp_path / "old.yaml", "columns: {partner_name: [A], erdf: [B]}\n")
    assert load_mapping(old).columns["eu_contribution"] == ["B"]


def test_a_vat_number_is_written_as_vies_writes_it_and_a_scheme_must_be_known(tmp_path, reference_store) -> None:
    """A second identifier, ``partner_vat``: spaces and dots out, the country's prefix (EL for Greece) before a
    number written without one, a cell with no number (``MISSING``) none; ``identifier_scheme`` is one of three."""
    from kg.ingest.table.checks import vat_number

    assert vat_number("094 014 201", "GR") == "EL094014201" and vat_number("NO917453527MVA", "NO") == "NO917453527MVA"
    assert vat_number("MISSING", "FR") is None
    mapping = tmp_path / "m.yaml"
    mapping.write_text("name: m\ncolumns: {project_acronym: [a], partner_name: [n], partner_id: [i]}\n"
                       "identifier_scheme: tax\n", encoding="utf-8")
    with pytest.raises(InputError, match="identifier_scheme: 'tax' is not one of pic, vat, national"):
        load_mapping(mapping)


def test_organisation_identifiers_finds_a_body_by_any_spelling_of_its_identifiers(reference_store) -> None:
    """``organisation_identifiers``: each identifier with its kind; a VAT number found as written, without its
    prefix or with spaces; a PIC found; nothing for an identifier no body has."""
    import pyoxigraph as ox

    from kg.store.terms import to_oxigraph

    result = ingest_table(CORDIS, load_mapping("cordis"), reference_store)
    try:
        store, graph = ox.Store(), ox.NamedNode("https://w3id.org/eu-regional-kg/graph/dataset/cordis-sample")
        store.extend(ox.Quad(*map(to_oxigraph, triple), graph) for triple in result.graph)
    finally:
        result.discard()
    query = find("organisation_identifiers")
    rows = {(row[2].toPython(), row[3].toPython()) for row in run(query, store, {"identifier": "EL 090145420"}).rows}
    assert rows == {("vat", "EL090145420")}
    for written in ("090145420", "el090145420", "999643007"):
        names = {str(row[1]) for row in run(query, store, {"identifier": written}).rows}
        assert names == {"ETHNIKO KAI KAPODISTRIAKO PANEPISTIMIO ATHINON"}, written
    assert run(query, store, {"identifier": "EL090145421"}).rows == []
    kinds = {row[2].toPython() for row in run(query, store).rows}
    assert kinds == {"pic", "vat"}


def test_cordis_rows_without_an_activity_type_or_with_the_uks_own_nuts_codes_load(tmp_path, reference_store) -> None:
    """CORDIS leaves activityType empty for some partners, and writes the UK's own NUTS 2021 codes (UKK24), which
    no NUTS version of the EU has: such rows load, with the type their name tells, else ``other``, and in the region
    above, with a warning."""
    text = CORDIS.read_text(encoding="utf-8").replace('"OTH";"10 15 NOTRE DAME MEWS"', '"";"10 15 NOTRE DAME MEWS"')
    text = text.replace('"MOTOR NEURONE DISEASE ASSOCIATION"', '"MOTOR NEURONE DISEASE"')  # a name that tells no type
    text = text.replace('"Northampton";"UK";"UKF24"', '"Bournemouth";"UK";"UKK24"')
    path = _write(tmp_path / "organization.csv", text)
    result = ingest_table(path, load_mapping("cordis"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == 10
        g = result.graph
        association = _organisation(g, "937808902")
        assert g.value(association, EKG.organisationType) == ID["organisation-type/other"]
        assert str(g.value(association, EKG.region)).endswith("/UKK2")
        assert any("UKK24" in w.message for w in result.warnings)
    finally:
        result.discard()
