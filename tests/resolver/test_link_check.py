"""Record linkage of organisations: what ``eukg link check`` answers for real name variants, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import head_words, legal_form_kind, legal_forms, legal_status, parse

ROOT = Path(__file__).resolve().parents[2]
HEADER = "name_a\tcountry_a\tcity_or_region_a\tname_b\tcountry_b\tcity_or_region_b\n"


@pytest.mark.parametrize(("a", "b", "country"), [
    ("община Петрич", "ОБЩИНА ПЕТРИЧ", "BG"),
    ("Община Петрич", "Municipality of Petrich", "BG"),
    ("RZESZOWSKA AGENCJA ROZWOJU REGIONALNEGO S.A.", "RZESZOWSKA AGENCJA ROZWOJU REGIONALNEGO SPÓŁKA AKCYJNA", "PL"),
    ("Sveučilište u Zagrebu", "University of Zagreb", "HR"),
    ("Saldus County Municipality", "Saldus novada pašvaldība", "LV"),
    # acronyms, written beside the name or standing for it
    ("Katholieke Universiteit Leuven", "KU Leuven", "BE"),
    ("Centre national de la recherche scientifique", "CNRS", "FR"),
    ("SILICON AUSTRIA LABS GMBH", "SAL", "AT"),
    ("Zenica Economic Development Agency ZEDA", "Zenica Economic Development Agency", "BA"),
    ("International Committee for Animal Recording (ICAR)", "ICAR", "IT"),
    ("LEIBNIZ-INSTITUT FUR ASTROPHYSIK POTSDAM (AIP)", "AIP", "DE"),
    ("VDE VERBAND DER ELEKTROTECHNIK ELEKTRONIK INFORMATIONSTECHNIK EV", "VDE", "DE"),
    ("Cine-Regio a.i.s.b.l.", "Cine-Regio", "BE"),
    # a name with segments that add nothing: a description, the country, the province, a second language
    ("Bodensee-Stiftung", "Bodensee-Stiftung, Internationale Stiftung für Natur und Kultur", "DE"),
    ("Municipality of Zemen", "Municipality of Zemen, Bulgaria", "BG"),
    ("Nevestino municipality", "Община Невестино, област Кюстендил", "BG"),
    ("Univerza na Primorskem", "UNIVERZA NA PRIMORSKEM/UNIVERSITÀ DEL LITORALE", "SI"),
    ("State Fire and Rescue Service", "State fire and rescue service of Latvia", "LV"),
    # head words and legal forms in other languages, misspelt, or of one kind in two countries
    ("Fachhochschule Salzburg", "Salzburg University of Applied Sciences", "AT"),
    ("Žilina self–governing region", "Žilinský samosprávny kraj", "SK"),
    ("PAKS VÁROS ÖNKORMÁNYZATA", "PAKS VÁROS ÖNYKORMÁNYZATA", "HU"),
    ("FERROPATENT Kereskedelmi és Szolgáltató Zárkörűen Működő Részvénytársaság",
     "FERROPATENT Kereskedelmi és Szolgáltató Zártkörűen Működő Részvénytársaság", "HU"),
    ("Regionalmanagement Burgenland GmbH", "Regionalmanagement Burgenland Ltd.", "AT"),
    ("Regional Management Burgenland GmbH", "Regionalmanagement Burgenland GmbH", "AT"),
    # diacritics left out, or one of them written otherwise
    ("Kohtla-Järve Linnavalitsus", "Kohtla-Jarve Linnavalitsus", "EE"),
    ("Royal Sütőde Kft.", "Royal Sütöde Kft.", "HU"),
    # a town named in another case or language (kg/resolve/data/place_names.tsv)
    ("University of Ljubljana", "Univerza v Ljubljani", "SI"),
    ("Uniwersytet w Białymstoku", "University of Białystok", "PL"),
    ("Univerzita v Praze", "University in Prague", "CZ"),
    ("Stadt Wien", "City of Vienna", "AT"),
    ("Technische Universität München", "Technical University of Munich", "DE"),
    ("Helsingin yliopisto", "University of Helsinki", "FI"),
    ("Město Kolín", "Město v Kolíně", "CZ"),
])
def test_variants_of_one_body_are_the_same(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Grad Varaždin", "Varaždinska županija", "HR"),
    ("Sveučilište u Splitu", "Sveučilište u Splitu, Ekonomski fakultet", "HR"),
    ("Universitätsklinikum Heidelberg", "Universität Heidelberg", "DE"),
    ("Universität Wien", "Wirtschaftsuniversität Wien", "AT"),
    ("Alytaus miesto savivaldybės administracija", "Alytaus rajono savivaldybės administracija", "LT"),
    ("Tapa vald, Tapa linn, Turu tn 12a korteriühistu", "Tapa vald, Tapa linn, Turu tn 3 korteriühistu", "EE"),
    # a segment that names a part of the body, or another body, is not a description
    ("University of Maribor", "University of Maribor, Faculty for Agriculture and Life Sciences", "SI"),
    ("University of Vienna", "University of Vienna, Institute of Prehistoric and Historical Archaeology", "AT"),
    ("Ministry of Construction, Transport and Infrastructure",
     "Ministry of Construction, Transport and Infrastructure – Directorate for Inland Waterways", "RS"),
    # an acronym of two letters stands for too many bodies; villages one letter apart stay two
    ("UNIVERSITE DE ROUEN NORMANDIE", "UR", "FR"),
    ("SZOMOR KÖZSÉG ÖNKORMÁNYZATA", "SZOMÓD KÖZSÉG ÖNKORMÁNYZATA", "HU"),
    ("X OOD", "X EOOD", "BG"),
    # a place written as a segment or in parentheses is not an acronym of the body
    ("Strojarska tehnička škola Fausta Vrančića, Zagreb", "Zagreb", "HR"),
    ("Osnovna škola Ivana Gorana Kovačića (Vrbovsko)", "VRBOVSKO", "HR"),
    ("GIMNAZIJA JURJA BARAKOVIĆA (ZADAR)", "ZADAR", "HR"),
    ("ENEA OPERATOR SP. Z O.O.", "ENEA", "PL"),
    # a bare place name is not a body of another kind there; a DG is a part of the Commission
    ("Bragança", "Instituto Politécnico de Bragança", "PT"),
    ("Thessaloniki", "THESSALONIKI CHAMBER OF COMMERCE AND INDUSTRY", "GR"),
    ("European Commission – DG REGIO", "European Commission", "BE"),
    # a word in capitals of an all-capitals name, or a title-case word, is not read as an acronym
    ("Vas Megyei Szakképzési Centrum", "Váci Szakképzési Centrum", "HU"),
    ("CNRS - IPCMS", "Centre National de la Recherche Scientifique", "FR"),
    # two addresses whose words joined are alike are still two addresses; a number on one side only
    ("Rakvere linn, Kungla tn 11 korteriühistu", "Rakvere linn, L. Koidula tn 11 korteriühistu", "EE"),
    ("ТРАНС ГРУП БЪЛГАРИЯ 1 ООД", "ТРАНС ГРУП ООД", "BG"),
    # two villages written with other diacritics in two letters or more
    ("KOMORÓ KÖZSÉG ÖNKORMÁNYZATA", "KÖMÖRŐ KÖZSÉGI ÖNKORMÁNYZAT", "HU"),
    # neighbouring places whose names differ in an ending: two towns, or a village and its neighbour
    ("Powiatowy Urząd Pracy w Świdnicy", "Powiatowy Urząd Pracy w Świdniku", "PL"),
    ("Obec Kružlov", "Obec Kružlová", "SK"),
    ("POWIAT GRYFICKI/POWIATOWY URZĄD PRACY W GRYFICACH", "POWIAT GRYFIŃSKI/POWIATOWY URZĄD PRACY W GRYFINIE", "PL"),
    # a company and a foundation or an association of one name are two legal persons
    ("SINTEF AS", "Stiftelsen SINTEF", "NO"),
    ("Stiftung Warentest", "Warentest GmbH", "DE"),
    ("X-Net e.V.", "X-Net GmbH", "DE"),
])
def test_hard_negatives_are_different(a: str, b: str, country: str) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_same_name_in_two_countries_is_two_bodies() -> None:
    assert not compare(Record("OBČINA NAKLO", "SI"), Record("Obec Náklo", "CZ")).same
    assert compare(Record("OBČINA NAKLO", "SI"), Record("Občina Naklo", "Slovenia")).same


@pytest.mark.parametrize(("a", "b"), [("БОЖЕНЦИТУРС ЕООД", "Боженцитурс ЕООД"), ('UAB "Gangas"', "UAB „Gangas\""),
                                      ("ADD SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ", "ADD Sp. z o.o.")])
def test_a_record_without_a_country_is_read_as_the_others(a: str, b: str) -> None:
    """The legal form of a name with no country is read in the country the other record gives."""
    country = {"Б": "BG", "U": "LT", "A": "PL"}[a[0]]
    assert compare(Record(a, country), Record(b)).same and compare(Record(a), Record(b, country)).same
    assert not compare(Record(a, country), Record(b, "RO" if country != "RO" else "HU")).same


@pytest.mark.parametrize(("a", "b", "city"), [
    ("ADD SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ", "ADD Sp. z o.o.", None),
    ("Δήμος Θεσσαλονίκης", "Municipality of Thessaloniki", None),
    ("Uniwersytet Warszawski", "University of Warsaw", "Warszawa"),
    ("Technische Universität München", "Technical University of Munich", "München"),
])
def test_two_records_without_countries_are_read_in_the_one_their_names_and_cities_tell(a: str, b: str,
                                                                                       city: str | None) -> None:
    assert compare(Record(a, city=city), Record(b, city=city)).same


@pytest.mark.parametrize(("a", "b", "city"), [("ALFA Ipari Kft.", "ALFA Kereskedelmi Kft.", None),
                                              ("Gmina Cieszyn", "Powiat Cieszyński", "Cieszyn")])
def test_two_bodies_without_countries_stay_two(a: str, b: str, city: str | None) -> None:
    assert not compare(Record(a, city=city), Record(b, city=city)).same


@pytest.mark.parametrize("written", ["Slovenia (SI)", "SI - Slovenija", "SI/Slovenia", "Slovenija"])
def test_a_country_written_with_its_code_beside_it_is_that_country(written: str) -> None:
    assert compare(Record("OBČINA NAKLO", "SI"), Record("Občina Naklo", written)).same
    assert not compare(Record("Obec Náklo", "CZ"), Record("Občina Naklo", written)).same


@pytest.mark.parametrize(("written", "code"), [
    ("Česká republika", "CZ"), ("Rzeczpospolita Polska", "PL"), ("Kingdom of Spain", "ES"), ("Hellenic Republic", "GR"),
    ("Netherlands (the)", "NL"), ("Sofia, Bulgaria", "BG"),
])
def test_a_state_s_long_name_or_a_country_beside_other_words_is_that_country(written: str, code: str) -> None:
    from kg.resolve.link import country_code

    assert country_code(written) == code


@pytest.mark.parametrize("written", ["Slovenská republika", "Germany, Austria", "Republic of Atlantis"])
def test_a_state_s_name_that_names_no_one_country_is_none(written: str) -> None:
    """"Slovenská" is the adjective of Slovakia and of Slovenia; two countries are no one country."""
    from kg.resolve.link import country_code

    assert country_code(written) not in {"SK", "SI", "DE", "AT"} and len(country_code(written)) > 2


def test_an_identifier_decides_before_the_names() -> None:
    same = compare(Record("ACME", identifiers=(("pic", "999 888 777"),)), Record("Other", identifiers=(("pic", "999888777"),)))
    clash = compare(Record("ACME", "DE", identifiers=(("vat", "DE123"),)), Record("ACME", "DE", identifiers=(("vat", "DE456"),)))
    assert (same.same, same.method) == (True, "identifier:pic")
    assert (clash.same, clash.method) == (False, "identifier-conflict:vat")


def test_a_vat_number_holds_the_national_number() -> None:
    """The Croatian VAT number is HR and the OIB; the Norwegian and Swiss ones write MVA or MWST after the number. A
    national number that is not the VAT number's says nothing: it may be another register's."""
    oib = Record("Ministarstvo", "HR", identifiers=(("national", "15351583880"),))
    vat = Record("MINISTRY OF LABOUR", "HR", identifiers=(("pic", "999999999"), ("vat", "HR15351583880")))
    assert (compare(oib, vat).same, compare(vat, oib).method) == (True, "identifier:vat")
    norway = compare(Record("A", "NO", identifiers=(("national", "948979357"),)),
                     Record("B", "NO", identifiers=(("vat", "NO948979357MVA"),)))
    swiss = compare(Record("A", "CH", identifiers=(("national", "CHE-105.833.232"),)),
                    Record("B", "CH", identifiers=(("vat", "CHE105833232MWST"),)))
    assert norway.same and swiss.same
    other = compare(Record("Grad Zagreb", "HR", identifiers=(("national", "61817894937"),)),
                    Record("GRAD ZAGREB", "HR", identifiers=(("vat", "HR12345678901"),)))
    assert (other.same, other.method) == (True, "name")


def test_curated_files_are_well_formed() -> None:
    forms = legal_forms()
    words, stems = head_words()
    assert forms["BG"][("eood",)] == "ЕООД" and forms["IT"][("s", "p", "a")] == "S.p.A."
    assert words["gmina"] == words["comune"] == words["obshtina"] == "municipality"
    assert parse("KOSZALIN - MIASTO NA PRAWACH POWIATU").kinds == {"municipality"}
    assert parse("Technische Universiteit Delft").core == parse("Delft University of Technology").core[::-1]
    lines = (ROOT / "kg/resolve/data/legal_forms.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line and not line.startswith("#")]
    assert len(rows) == len(set(rows)), "a legal form is listed twice"
    assert legal_form_kind("GmbH") == legal_form_kind("Ltd") == legal_form_kind("Sp. z o.o.")
    assert legal_form_kind("ООД") != legal_form_kind("ЕООД")
    assert legal_status(parse("SINTEF AS", "NO")) == "company" and legal_status(parse("Stichting X", "NL")) == "foundation"
    for name in ("org_heads.tsv", "org_words.tsv", "legal_form_kinds.tsv", "legal_form_status.tsv",
                 "legal_form_markers.tsv", "place_names.tsv", "country_words.tsv"):
        lines = (ROOT / "kg/resolve/data" / name).read_text(encoding="utf-8").splitlines()
        rows = [line for line in lines if line and not line.startswith("#")]
        assert len(rows) == len(set(rows)), f"a row of {name} is listed twice"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", "link", "check", *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def test_link_check_prints_json_for_each_pair(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(HEADER + "община Петрич\tBG\tBlagoevgrad Province\tMunicipality of Petrich\tBG\t\n"
                     "Grad Zagreb\tHR\t\tZagrebačka županija\tHR\t\n", encoding="utf-8")
    result = _run(str(pairs), "--format", "json")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert [(a["line"], a["decision"]) for a in answers] == [(2, "same"), (3, "different")]
    assert 0 <= answers[1]["score"] < answers[0]["score"] <= 100


def test_link_check_names_the_bad_line(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(HEADER + "A\tBG\t\tB\tBG\t\nonly two\tBG\n", encoding="utf-8")
    result = _run(str(pairs))
    assert result.returncode == 1
    assert f"{pairs}:3: expected 6 tab-separated values" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


def test_link_check_answers_the_rows_around_a_bad_one(tmp_path: Path) -> None:
    """Each row that cannot be read is named on stderr, the others are answered, and the status says so."""
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(HEADER + "Grad Zagreb\tHR\t\tGrad Zagreb\tHR\t\nonly two\tBG\n\tHR\t\tB\tHR\t\n"
                     "Grad Split\tHR\t\tGrad Zagreb\tHR\t\n", encoding="utf-8")
    result = _run(str(pairs), "--format", "json")
    assert result.returncode == 1
    assert [(a["line"], a["decision"]) for a in json.loads(result.stdout)] == [(2, "same"), (5, "different")]
    errors = " ".join(result.stderr.split())
    assert f"{pairs}:3: expected 6" in errors and f"{pairs}:4: name_a is empty" in errors


def test_read_pairs_raises_for_a_bad_row_without_a_list_of_problems(tmp_path: Path) -> None:
    from kg.errors import InputError
    from kg.resolve.pairs import read_pairs

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(HEADER + "A\tBG\t\tB\tBG\t\nonly two\tBG\n", encoding="utf-8")
    with pytest.raises(InputError, match=":3"):
        read_pairs(pairs)
    problems: list[InputError] = []
    assert [line for line, *_ in read_pairs(pairs, problems)] == [2] and len(problems) == 1


def test_link_check_names_a_missing_column(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("name_a\tname_b\nA\tB\n", encoding="utf-8")
    result = _run(str(pairs))
    assert result.returncode == 1 and "lacks the column(s) country_a" in " ".join(result.stderr.split())


def test_place_table_names_a_bad_line(tmp_path: Path) -> None:
    from kg.errors import InputError
    from kg.resolve.places import _table

    path = tmp_path / "places.tsv"
    path.write_text("# a comment\ncountry\tplace\tpopulation\tnames\nSI\tljubljana\tmany\tljubljani\n", encoding="utf-8")
    with pytest.raises(InputError, match="population"):
        _table(path)
    path.write_text("SI\tljubljana\t1\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        _table(path)


def test_place_table_is_generated_from_what_the_dependencies_ship() -> None:
    rows = (ROOT / "kg/resolve/data/place_names.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("# Generated by `python -m kg.resolve.place_table`")
    places = {tuple(r.split("\t")[:2]): r.split("\t")[3].split() for r in rows if not r.startswith("#")}
    assert "ljubljani" in places[("SI", "ljubljana")] and "wien" in places[("AT", "vienna")]
    assert "praze" in places[("CZ", "prague")] and places[("PL", "swidnik")] == []
    # a dictionary's abbreviation is no form of a town's name: "T" is not Traian
    assert not [name for names in places.values() for name in names if len(name) < 3]


def test_an_abbreviation_s_letters_are_no_town() -> None:
    """The letters of the Romanian "U.A.T." (administrative-territorial unit) name no town of a dictionary."""
    from kg.resolve.link import Record, compare

    assert compare(Record("Municipality of Alexandria", "RO"), Record("MUNICIPIUL ALEXANDRIA/U.A.T. ALEXANDRIA", "RO")).same
    assert compare(Record("Negru Vodă Local Council", "RO"), Record("U.A.T. ORAS NEGRU VODA", "RO")).same


def test_link_check_reads_pairs_files_as_people_write_them(tmp_path: Path) -> None:
    """Without the city columns, with trailing empty cells trimmed or one too many, with capitals in the header, or
    as CSV."""
    files = {
        "no-cities.tsv": "name_a\tcountry_a\tname_b\tcountry_b\nGrad Zagreb\tHR\tGrad Zagreb\tHR\n",
        "trimmed.tsv": HEADER + "Grad Zagreb\tHR\t\tGrad Zagreb\tHR\n",
        "tab-too-many.tsv": HEADER + "Grad Zagreb\tHR\t\tGrad Zagreb\tHR\t\t\n",
        "capitals.tsv": HEADER.upper() + "Grad Zagreb\tHR\t\tGrad Zagreb\tHR\t\n",
        "pairs.csv": HEADER.replace("\t", ",") + '"Grad Zagreb, City of Zagreb",HR,,Grad Zagreb,HR,\n',
        "pairs-semicolon.csv": HEADER.replace("\t", ";") + "Grad Zagreb;HR;;Grad Zagreb;HR;\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = _run(str(tmp_path / name), "--format", "json")
        assert result.returncode == 0, (name, result.stderr)
        assert [a["line"] for a in json.loads(result.stdout)] == [2], name
    answers = json.loads(_run(str(tmp_path / "pairs.csv"), "--format", "json").stdout)
    assert answers[0]["name_a"] == "Grad Zagreb, City of Zagreb"


def test_link_check_reads_tab_separated_names_a_csv_writer_quoted(tmp_path: Path) -> None:
    """Python's csv module and spreadsheets quote a tab-separated value that holds quotes, doubling them; a name
    written with quotes of its own, unquoted, is read as written."""
    import csv

    pairs = tmp_path / "pairs.tsv"
    with pairs.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t")
        writer.writerow(HEADER.strip().split("\t"))
        writer.writerow(['Grad "Zagreb"', "HR", "", "City of Zagreb", "HR", ""])
    with pairs.open("a", encoding="utf-8") as out:
        out.write('"Zora" "ES" EOOD\tBG\t\tЗора ЕС ЕООД\tBG\t\n')
    answers = json.loads(_run(str(pairs), "--format", "json").stdout)
    assert [a["name_a"] for a in answers] == ['Grad "Zagreb"', '"Zora" "ES" EOOD']
    assert [a["decision"] for a in answers] == ["same", "same"]


def test_link_check_names_a_row_missing_a_name_column(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(HEADER.replace("\t", ",") + "A,BG\n", encoding="utf-8")
    result = _run(str(pairs))
    assert result.returncode == 1 and f"{pairs}:2: expected 6 ','-separated values" in " ".join(result.stderr.split())


def test_link_check_reads_a_file_without_a_header_in_the_columns_order(tmp_path: Path) -> None:
    """A first line that names none of the columns and has a cell for each is the first pair; a header written
    with spaces for the underscores is a header."""
    headerless = tmp_path / "headerless.tsv"
    headerless.write_text("Grad Zagreb\tHR\t\tGrad Zagreb\tHR\t\nGrad Split\tHR\t\tGrad Zagreb\tHR\t\n", encoding="utf-8")
    answers = json.loads(_run(str(headerless), "--format", "json").stdout)
    assert [(a["line"], a["decision"]) for a in answers] == [(1, "same"), (2, "different")]
    spaced = tmp_path / "spaced.tsv"
    spaced.write_text(HEADER.replace("_", " ").title() + "Grad Zagreb\tHR\t\tGrad Zagreb\tHR\t\n", encoding="utf-8")
    assert [a["line"] for a in json.loads(_run(str(spaced), "--format", "json").stdout)] == [2]
    short = tmp_path / "short.tsv"
    short.write_text("Grad Zagreb\tHR\tGrad Zagreb\tHR\n", encoding="utf-8")
    assert "lacks the column(s)" in " ".join(_run(str(short)).stderr.split())


def test_link_check_prints_tsv_with_the_files_own_columns(tmp_path: Path) -> None:
    import csv

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(HEADER.strip() + "\tlabel\nGrad Zagreb\tHR\t\tGrad Split\tHR\t\tdifferent\n", encoding="utf-8")
    result = _run(str(pairs), "--format", "tsv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines(), delimiter="\t"))
    assert [(r["line"], r["name_b"], r["decision"], r["review"], r["label"]) for r in rows] == [
        ("2", "Grad Split", "different", "false", "different")]
    assert 0 <= float(rows[0]["score"]) <= 100


def test_link_check_reads_identifier_columns(tmp_path: Path) -> None:
    """``identifiers_a`` and ``identifiers_b`` give PICs, VAT and national numbers, which decide before the names."""
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(HEADER.strip() + "\tidentifiers_a\tidentifiers_b\n"
                     "JOTNE EPM TECHNOLOGY AS\tNO\t\tJOTNE CONNECT AS\tNO\t\tnational:948979357\t999584421; NO948979357MVA\n"
                     "Grad Zagreb\tHR\t\tGrad Zagreb\tHR\t\t999111111\t999222222\n"
                     "Grad Split\tHR\t\tGrad Split\tHR\t\t\t\n", encoding="utf-8")
    answers = json.loads(_run(str(pairs), "--format", "json").stdout)
    assert [(a["decision"], a["method"]) for a in answers] == [
        ("same", "identifier:vat"), ("different", "identifier-conflict:pic"), ("same", "name")]
