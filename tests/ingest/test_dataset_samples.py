"""The mappings of the Interreg and Horizon Europe datasets on real samples of their files.

``tests/data/tables/interreg/sweden-partners.json``: 9 records of Tillväxtverket's table of Swedish partners in
Interreg projects (datasets/interreg-sweden-partners), as published: a JSON list of records.
``tests/data/tables/cordis/horizon-europe-organization.csv``: 12 rows of CORDIS's Horizon Europe
participations (datasets/horizon-europe-participations). ``tests/data/tables/interreg/keep-closed-2014-2020.xlsx``:
12 partner rows of five projects of Keep.eu's export of closed Interreg projects of 2014-2020, with their rows of
the projects sheet (datasets/keep-eu-interreg-2014-2020). Sources: tests/data/tables/README.md.
"""

from __future__ import annotations

import gzip
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, URIRef

from kg.errors import InputError
from kg.ingest.table import ingest_table, load_mapping
from kg.ingest.tablefile import read_rows
from kg.namespaces import EKG, ID
from kg.paths import DATASETS_DIR

TABLES = Path(__file__).resolve().parents[1] / "data" / "tables"
SWEDEN = TABLES / "interreg" / "sweden-partners.json"
HORIZON = TABLES / "cordis" / "horizon-europe-organization.csv"
KEEP = TABLES / "interreg" / "keep-closed-2014-2020.xlsx"
NUTS = "http://data.europa.eu/nuts/code/"


def _mapping(name: str):
    return load_mapping(DATASETS_DIR / f"{name}.mapping.yaml")


def test_swedish_interreg_partners_load_from_json_with_programmes_counties_and_roles(reference_store) -> None:
    result = ingest_table(SWEDEN, _mapping("interreg-sweden-partners"), reference_store)
    try:
        g = result.graph
        # A partner without a name, and an end date that does not exist (31 February): one line each, the
        # record's number standing for the line, the column as the file names it.
        assert sorted((p.line, p.column) for p in result.problems) == [(6, "slutdatum"), (7, "organisationsnamn")]
        assert "'2027-02-31' is not a date" in result.problems[0].message
        assert result.rows == 9 and result.loaded_rows == 7
        # The county's name is its NUTS 3 region; the programme is the graph's.
        assert URIRef(NUTS + "SE331") in set(g.objects(None, EKG.region))  # Västerbottens län
        programmes = {str(p).rsplit("/", 1)[-1] for p in g.objects(None, EKG.programme)}
        assert programmes == {"interreg-aurora", "interreg-baltic-sea-region-2021-2027"}
        assert {ID["role/lead-partner"], ID["role/partner"], ID["role/associated-partner"]} <= set(
            g.objects(None, EKG.role))
        # A university whose rows name two counties (its campuses), a company typed two ways: the first is
        # kept, with a warning, and every participation loads.
        kept = {(w.line, w.column) for w in result.warnings if "keeps the first" in w.message}
        assert kept == {(3, "organisationstyp"), (5, "nuts3")}
        ltu = next(s for s, name in g.subject_objects(URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))
                   if str(name) == "Luleå Tekniska Universitet")
        assert set(g.objects(ltu, EKG.region)) == {URIRef(NUTS + "SE332")}
        assert len(list(g.subjects(EKG.participant, ltu))) == 2
        assert Decimal("149355") in {o.toPython() for o in g.objects(None, EKG.totalBudget)}
    finally:
        result.discard()


def test_horizon_europe_rows_load_with_lump_sums_and_country_codes_for_regions(reference_store) -> None:
    result = ingest_table(HORIZON, _mapping("horizon-europe-participations"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 12
        g = result.graph
        # A lump-sum project's "0" total cost is no total: the EU contribution loads without one.
        leader = [p for p in g.subjects(EKG.role, None) if "leader-2030" in str(p)]
        assert len(leader) == 4 and not any(g.value(p, EKG.totalBudget) for p in leader)
        assert all(g.value(p, EKG.euContribution) is not None for p in leader)
        # "IL" in nutsCode for an Israeli university is the country's code, not a region (Israel, associated to
        # the programme, has no NUTS regions): a warning, and the partner loads with its country only; so does
        # the United States' "US". Ireland's "IE" is its NUTS 0 region.
        warned = {w.line: w.message for w in result.warnings}
        assert "the country's code" in warned[13] and "outside Europe" in warned[12] and set(warned) == {12, 13}
        assert URIRef(NUTS + "IE") in set(g.objects(None, EKG.region))
        assert ID["role/third-party"] in set(g.objects(None, EKG.role))
        assert ID["organisation-type/other"] in set(g.objects(None, EKG.organisationType))  # no activity type
        assert {str(p).rsplit("/", 1)[-1] for p in g.objects(None, EKG.programme)} == {"horizon-europe"}
    finally:
        result.discard()


def test_a_json_table_is_a_list_of_records_and_anything_else_is_one_line(tmp_path) -> None:
    rows = list(read_rows(SWEDEN))
    assert rows[0] == (0, list(rows[0][1])) and rows[0][1][:3] == ["id", "program", "projekttyp"]
    assert [line for line, _cells in rows[1:]] == list(range(1, 10))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text('{"count": 1, "results": [{"a": 1}]}', encoding="utf-8")
    assert list(read_rows(wrapped)) == [(0, ["a"]), (1, [1])]
    for text, message in (('{"a": 1}', "list of records"), ("[1, 2]", "list of records"), ("[{", "not a readable JSON")):
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=rf"bad\.json.*{message}"):
            list(read_rows(bad))


def test_keep_first_is_only_for_an_organisations_region_and_type(tmp_path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns: {project_acronym: [A], partner_name: [B], start: [C]}\nkeep_first: [nuts, start]\n",
                       encoding="utf-8")
    with pytest.raises(InputError, match=r"m\.yaml: keep_first: start cannot differ"):
        load_mapping(mapping)


def test_an_acronym_of_another_programmes_project_is_a_new_project(tmp_path, reference_store) -> None:
    """Horizon Europe's SCALE-UP (its nine rows in the dataset's file) is not the graph's Interreg Europe
    project SCALE UP, and the graph's project keeps its one acronym."""
    with gzip.open(DATASETS_DIR / "files" / "horizon-europe-participations.csv.gz", "rt", encoding="utf-8") as handle:
        lines = [line for n, line in enumerate(handle) if n == 0 or line.startswith('"101060264";')]
    table = tmp_path / "scale-up.csv"
    table.write_text("".join(lines), encoding="utf-8")
    result = ingest_table(table, _mapping("horizon-europe-participations"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == 9 and result.project_count == 1
        project = next(result.graph.subjects(EKG.projectCode, None))
        assert project != ID["project/scale-up"] and (project, EKG.acronym, None) in result.graph
        assert (ID["project/scale-up"], None, None) not in result.graph
    finally:
        result.discard()


def test_keep_eu_closed_projects_join_their_sheets_with_partners_of_several_countries(reference_store) -> None:
    result = ingest_table(KEEP, _mapping("keep-eu-interreg-2014-2020"), reference_store)
    try:
        g = result.graph
        # SMILE, as published, ends the day before it starts: both its rows are left out, the column as the
        # joined sheet names it.
        assert {(p.line, p.column) for p in result.problems} == {(3, "Projects (lead partners):Project end"),
                                                                  (10, "Projects (lead partners):Project end")}
        assert result.rows == 12 and result.loaded_rows == 10
        # GREEN of POCTEFA and GREEN of Bulgaria-Turkey are two projects, each with its own programme.
        greens = {s for s, a in g.subject_objects(EKG.acronym) if str(a) == "GREEN"}
        assert len(greens) == 2
        assert {str(g.value(s, EKG.programme)).rsplit("/", 1)[-1] for s in greens} == {
            "interreg-v-a-spain-france-andorra-poctefa-2014-2020", "interreg-ipa-cbc-bulgaria-turkey-2014-2020"}
        # A cross-border partnership: Let us be active! joins partners of Finland, Estonia and Latvia.
        active = next(s for s, a in g.subject_objects(EKG.acronym) if str(a) == "Let us be active!")
        assert g.value(active, EKG.programme) == ID["programme/interreg-central-baltic"]
        countries = {str(g.value(g.value(p, EKG.participant), EKG.country)).rsplit("/", 1)[-1]
                     for p in g.subjects(EKG.project, active)}
        assert countries == {"FIN", "EST", "LVA"}
        # NUTS 2013's HU102 (Pest) is no NUTS 2021 region: the partner gets the region above it, HU1; France's
        # FR623 (Haute-Garonne, now FRJ23) has none the graph knows: the partners load with their country.
        regions = set(g.objects(None, EKG.region))
        assert URIRef(NUTS + "HU1") in regions and URIRef(NUTS + "HU102") not in regions
        above = {w.message.split("'")[1] for w in result.warnings if "with the region above it" in w.message}
        country_only = {w.message.split("'")[1] for w in result.warnings if "country only" in w.message}
        assert above == {"HU102"} and country_only == {"FR623"}
        # The project's budget is the project's own; "Turkey" is Türkiye.
        assert Decimal("522687.51") in {o.toPython() for o in g.objects(None, EKG.projectTotalBudget)}
        assert not list(g.objects(None, EKG.totalBudget))
        assert ID["role/lead-partner"] in set(g.objects(None, EKG.role))
    finally:
        result.discard()


def test_unknown_nuts_is_problem_or_parent(tmp_path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns: {project_acronym: [A], partner_name: [B]}\nunknown_nuts: guess\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"m\.yaml: unknown_nuts: 'guess' is not one of problem, parent"):
        load_mapping(mapping)
    assert _mapping("horizon-europe-participations").unknown_nuts == "parent"  # the UK's own codes (UKK24)
    assert _mapping("h2020-norway").unknown_nuts == "problem"


def test_a_project_whose_first_row_is_left_out_keeps_its_acronym(tmp_path, reference_store) -> None:
    """The first row of ZETA is left out after its project was minted (its partner's type contradicts the row
    above); the next row describes the project in full, acronym included (the Keep.eu dataset had 19 such
    projects without an acronym)."""
    table = tmp_path / "partners.csv"
    table.write_text("acronym;partner;role;type;country\nALFA;Ente Alfa;lead;sme;IT\nZETA;Ente Alfa;lead;ngo;IT\n"
                     "ZETA;Ente Beta;partner;ngo;IT\n", encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns: {project_acronym: [acronym], partner_name: [partner], partner_role: [role], "
                       "partner_type: [type], country: [country]}\nroles: {lead: lead-partner, partner: partner}\n"
                       "organisation_types: {sme: sme, ngo: ngo}\n", encoding="utf-8")
    result = ingest_table(table, load_mapping(mapping), reference_store)
    try:
        assert [(p.line, p.column) for p in result.problems] == [(3, "type")] and result.loaded_rows == 2
        zeta = next(s for s in set(result.graph.subjects()) if str(s).endswith("/project/zeta"))
        assert [str(a) for a in result.graph.objects(zeta, EKG.acronym)] == ["ZETA"]
    finally:
        result.discard()


def test_a_new_project_never_takes_the_iri_of_another_sources_project(tmp_path, reference_store) -> None:
    """Two datasets without project codes minted one IRI, project/green, for the Swedish partners' GREEN of
    the North Sea programme and Keep.eu's GREEN of POCTEFA: a new project whose IRI another source's project
    has gets its programme in its IRI."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_extend(reference_store.quads_for_pattern(None, None, None, None))
    other = ox.NamedNode("https://w3id.org/eu-regional-kg/graph/dataset/other")
    store.add(ox.Quad(ox.NamedNode(str(ID["project/zeta"])), ox.NamedNode(str(RDF.type)),
                      ox.NamedNode(str(EKG.Project)), other))
    table = tmp_path / "partners.csv"
    table.write_text("acronym;programme;partner;country\nZETA;URBACT;Ente Alfa;IT\n", encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns: {project_acronym: [acronym], programme: [programme], partner_name: [partner], "
                       "country: [country]}\norganisation_types: {'': other}\n", encoding="utf-8")
    result = ingest_table(table, load_mapping(mapping), store)
    try:
        assert result.problems == [] and result.loaded_rows == 1
        assert set(result.graph.subjects(EKG.acronym, None)) == {ID["project/zeta-urbact"]}
    finally:
        result.discard()
