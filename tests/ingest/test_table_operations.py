"""Lists of operations and the Financial Transparency System, loaded as published (verbatim samples)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS
from reimport import imported_twice

from kg.ingest.table import ingest_table, load_mapping
from kg.ingest.tablefile import read_rows
from kg.namespaces import EKG, ID

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "tables"
CROATIA = SAMPLES / "operations" / "hr-karta-projekata.csv"
DENMARK = SAMPLES / "operations" / "dk-erdf-esf-2014-2020.csv"
AUSTRIA = SAMPLES / "operations" / "at-iwb-efre-2014-2020.csv"
FLANDERS = SAMPLES / "operations" / "be-vl-efro-2014-2020.xls"
FTS = SAMPLES / "fts" / "fts-2017-cef.csv"


def _by_label(graph: Graph, label: str) -> URIRef:
    return next(s for s in graph.subjects(SKOS.prefLabel, None) if str(graph.value(s, SKOS.prefLabel)) == label)


def _participations(graph: Graph, organisation: URIRef) -> list[URIRef]:
    return list(graph.subjects(EKG.participant, organisation))


def test_croatian_list_loads_with_ids_out_of_the_beneficiary_cell_and_kuna_and_euro(reference_store) -> None:
    result = ingest_table(CROATIA, load_mapping("hr_operations"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 34
        g = result.graph
        # "Ministarstvo socijalne politike i mladih (15351583880)": the OIB is the identifier, not the name.
        ministry = _by_label(g, "Ministarstvo socijalne politike i mladih")
        assert g.value(ministry, EKG.organisationId) == Literal("15351583880")
        assert g.value(ministry, EKG.nationalNumber) == Literal("15351583880")  # the mapping says what it is
        assert g.value(ministry, EKG.organisationType) == ID["organisation-type/national-ministry"]
        assert not any("(" in str(o) for s in g.subjects(RDF.type, EKG.Organisation)
                       for o in g.objects(s, SKOS.prefLabel))
        # "5.172.338,50 kn" at the kuna's fixed rate; the operation is listed in two counties: one participation.
        (participation,) = _participations(g, ministry)
        assert g.value(participation, EKG.euContribution).toPython() == Decimal("686487.29")
        # Amounts written in euro stay as they are.
        amounts = {o.toPython() for o in g.objects(None, EKG.euContribution)}
        assert Decimal("4226742.89") in amounts  # "4.226.742,89 €"
        assert len(result.projects) == 31  # 34 rows, three of them an operation's second county
    finally:
        result.discard()


def test_danish_list_loads_bilingual_headers_and_the_partners_cell(reference_store) -> None:
    result = ingest_table(DENMARK, load_mapping("dk_operations"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 30
        g = result.graph
        project = _by_label(g, "Vækst 2.0")  # Windows-1252 read as such; the title's trailing space gone
        assert g.value(project, EKG.projectTotalBudget).toPython() == Decimal("2066221.02")  # 15.414.794 kr.
        # "Professionshøjskolen University College Syddanmark.\nProfessionshøjskolen Lillebælt/…": one partner
        # a line, the full stop that ends the line is not part of the name.
        project = _by_label(g, "Viden og Innovationslaboratorier")
        partners = {str(g.value(g.value(p, EKG.participant), SKOS.prefLabel)): g.value(p, EKG.role)
                    for p in g.subjects(EKG.project, project)}
        assert partners == {"Erhvervsakademiet Lillebælt": ID["role/lead-partner"],
                            "Professionshøjskolen University College Syddanmark": ID["role/partner"],
                            "Professionshøjskolen Lillebælt/University College Lillebælt": ID["role/partner"],
                            "Erhvervsakademi Kolding": ID["role/partner"]}
        # Only the contract holder has the amounts: the project's money counts once.
        assert len([p for p in g.subjects(EKG.project, project) if g.value(p, EKG.euContribution)]) == 1
        # "Bornholms Regionskommune" leads and is named twice more among the partners: one participation.
        project = _by_label(g, "Ungeguide (Tidligere Ung på vej og Social Helpdesk)")
        assert [g.value(p, EKG.role) for p in g.subjects(EKG.project, project)] == [ID["role/lead-partner"]]
    finally:
        result.discard()


def test_austrian_list_loads_headers_broken_over_two_lines_and_one_row_per_beneficiary(reference_store) -> None:
    mapping = load_mapping("at_operations")
    assert "Name des Begünstigten/ name of beneficiary" in mapping.columns["partner_name"]
    result = ingest_table(AUSTRIA, mapping, reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 49
        g = result.graph
        # The header is "Name des Begünstigten/\nname of beneficiary" in the file.
        assert "TR Flachdachbau GmbH" in {str(o) for o in g.objects(None, SKOS.prefLabel)}
        amounts = {o.toPython() for o in g.objects(None, EKG.totalBudget)}
        assert {Decimal("403514.06"), Decimal("349856.4")} <= amounts  # "403514,06", "349856,4"
        # Two rows, two beneficiaries of one operation, each with its own eligible expenditure.
        project = _by_label(g, "BIOCARB-K, Biobasierte Carbonwerkstoffe und Keramiken")
        budgets = {g.value(p, EKG.totalBudget).toPython() for p in g.subjects(EKG.project, project)}
        assert budgets == {Decimal("322030"), Decimal("3735010")}
        assert g.value(project, EKG.projectTotalBudget) is None
    finally:
        result.discard()


def test_fts_commitment_with_continuation_rows(reference_store) -> None:
    result = ingest_table(FTS, load_mapping("fts"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 58
        g = result.graph
        (project,) = g.subjects(RDF.type, EKG.Project)
        assert str(g.value(project, EKG.projectCode)) == "SI2.765808.1"
        assert len(list(g.subjects(EKG.project, project))) == 58  # every continuation row joins the commitment
        # "NAVIAIR*" and "LUFTFARTSVERKET*SWEDISH CIVIL AVIATION ADMINISTRATION": the legal name before the star.
        names = {str(o) for s in g.subjects(RDF.type, EKG.Organisation) for o in g.objects(s, SKOS.prefLabel)}
        assert {"NAVIAIR", "LUFTFARTSVERKET"} <= names and not any("*" in n for n in names)
        coordinators = [p for p in g.subjects(EKG.role, ID["role/coordinator"])]
        assert len(coordinators) == 1
        first = _by_label(g, "DARJAVNO PREDPRIYATIE RAKOVODSTVO NA VAZDUSHNOTO DVIJENIE TPP")
        assert g.value(first, EKG.organisationId) == Literal("BG000697179")
        assert g.value(first, EKG.vatNumber) == Literal("BG000697179")  # the FTS mapping's identifier_scheme
        (share,) = _participations(g, first)
        assert g.value(share, EKG.euContribution).toPython() == Decimal("15829.60")
        countries = {str(o).rsplit("/", 1)[-1] for o in g.objects(None, EKG.country)}
        assert {"BGR", "USA", "GBR"} <= countries
    finally:
        result.discard()


def test_a_real_xls_workbook_reads_with_line_breaks_in_a_cell() -> None:
    rows = list(read_rows(FLANDERS))
    assert rows[0] == (1, ["Nr", "Promotor", "Co-promotoren", "Project", "Totale projectkost", "efro", "Percent",
                           "Vlaamse co-financiering ", "cofinanciering naam"])
    line, cells = next(r for r in rows if r[1][0] == 956)
    assert cells[2].split("\n") == ["Provincie Oost- Vlaanderen - Economie", "Provincie Vlaams-Brabant",
                                    "Provincie Antwerpen"]
    assert isinstance(cells[0], int) and cells[4] == 718272.36


def test_flemish_xls_list_loads_with_its_co_promoters(reference_store) -> None:
    result = ingest_table(FLANDERS, load_mapping("be_vl_operations"), reference_store)
    try:
        assert result.problems == [] and result.loaded_rows == result.rows == 23
        g = result.graph
        project = _by_label(g, "Innovatief belevingswinkelen in Hasselt, hoofdstak van de smaak en shoppingstad")
        assert str(g.value(project, EKG.projectCode)) == "991"  # a numeric cell
        partners = {str(g.value(g.value(p, EKG.participant), SKOS.prefLabel)): g.value(p, EKG.role)
                    for p in g.subjects(EKG.project, project)}
        assert partners == {"Stad Hasselt": ID["role/lead-partner"], "CityLife": ID["role/partner"],
                            "CityDepot": ID["role/partner"], "PXL Hogeschool": ID["role/partner"]}
        lead = next(p for p in g.subjects(EKG.project, project) if g.value(p, EKG.role) == ID["role/lead-partner"])
        assert g.value(lead, EKG.euContribution).toPython() == Decimal("329815.7")
        town = _by_label(g, "Stad Turnhout")  # "Stad Turnhout " in the cell
        assert g.value(town, EKG.organisationType) == ID["organisation-type/municipality"]
    finally:
        result.discard()


def test_bad_rows_are_one_line_each_and_the_good_rows_load(tmp_path, reference_store) -> None:
    text = CROATIA.read_text(encoding="utf-8")
    bad = tmp_path / "karta.csv"
    bad.write_text(text.replace('"642.763,99 kn","642.763,99 kn"', '"642.763,99 USD","642.763,99 kn"', 1)
                   .replace("18.06.2015,17.06.2016", "18.06.2015,31.02.2016", 1), encoding="utf-8")
    result = ingest_table(bad, load_mapping("hr_operations"), reference_store)
    try:
        lines = [p.text() for p in result.problems]
        assert lines == [
            f"{bad}:2 [Zaključni datum provedbe aktivnosti]: '31.02.2016' is not a date "
            "(formats: %d.%m.%Y, %Y-%m-%d %H:%M:%S)",
            f"{bad}:5 [Bespovratna sredstva]: '642.763,99 USD' is not an amount in euro (unknown currency "
            "'usd')"]
        assert result.loaded_rows == 32
    finally:
        result.discard()


def test_reimporting_a_list_of_operations_gives_the_same_graph(store_copy) -> None:
    first, second = imported_twice(DENMARK, "dk_operations", store_copy)
    assert len(first) > 700 and isomorphic(first, second)


def test_the_command_prints_one_line_per_bad_row_and_loads_the_rest(tmp_path, store_copy) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    bad = tmp_path / "karta.csv"
    bad.write_text(CROATIA.read_text(encoding="utf-8").replace('"642.763,99 kn","642.763,99 kn"',
                                                               '"642.763,99 USD","642.763,99 kn"', 1), encoding="utf-8")
    out = CliRunner().invoke(app, ["ingest", "table", str(bad), "-m", "hr_operations", "--store", str(store_copy),
                                   "--no-save"])
    assert out.exit_code == 0, out.output
    assert f"{bad}:5 [Bespovratna sredstva]: '642.763,99 USD' is not an amount in euro" in " ".join(out.output.split())
    assert "Traceback" not in out.output and "33 of 34 rows" in out.output


def test_the_new_mapping_keys_refuse_mistakes_with_one_clear_line(tmp_path) -> None:
    import pytest

    from kg.errors import InputError

    cases = {"patterns: {partner_name: '(?P<partner_name>.+'}": "is not a regular expression",
             "patterns: {partner_name: '(?P<oib>\\\\d+)'}": "unknown field.*oib.*pattern of partner_name",
             "partners: {role: partner}": "'partners' needs columns",
             "fill_down: [commitment]": "unknown field.*commitment.*fill_down"}
    for key, message in cases.items():
        path = tmp_path / "m.yaml"
        path.write_text(f"columns: {{partner_name: [A], project_acronym: [B]}}\n{key}\n", encoding="utf-8")
        with pytest.raises(InputError, match=message):
            load_mapping(path)
    path.write_text("columns: {partner_name: [A], project_acronym: [B]}\ncurrency: dkk\n", encoding="utf-8")
    assert load_mapping(path).currency == "DKK"
