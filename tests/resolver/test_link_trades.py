"""Companies' names with and without the trade words of their country's naming custom (kg.resolve.trades)."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.resolve.link import Record, compare
from kg.resolve.trades import trade_words, without_trades


@pytest.mark.parametrize(("a", "b", "country"), [
    ("SZILVIO Kft.", "SZILVIO Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság", "HU"),
    ("TIMPA Bt.", "TIMPA Faipari Kereskedelmi és Szolgáltató Betéti Társaság", "HU"),
    ("KALATHERM Kft.", "KALATHERM Gyártó és Kereskedelmi Korlátolt Felelősségű Társaság", "HU"),
    ("TAMIR Sp. z o.o.", "TAMIR PRZEDSIĘBIORSTWO PRODUKCYJNO-USŁUGOWO-HANDLOWE SPÓŁKA Z OGRANICZONĄ "
                         "ODPOWIEDZIALNOŚCIĄ", "PL"),
    ("LAMIX Mirosław Laszko", "PRYWATNE PRZEDSIĘBIORSTWO PRODUKCYJNO-HANDLOWE LAMIX MIROSŁAW LASZKO", "PL"),
    ("P.P.H.U. AGROMIX Jan Kowal", "AGROMIX Jan Kowal", "PL"),
    ("ASELSAN ELEKTRONIK A.S.", "ASELSAN ELEKTRONIK SANAYI VE TICARET ANONIM SIRKETI", "TR"),
    ("KLEEMANN HELLAS SA", "KLEEMANN HELLAS ANONYMI VIOMICHANIKI KAI EMPORIKI ETAIREIA", "EL"),
    ("BAU MONT s.r.o.", "BAU MONT obchodní s.r.o.", "CZ"),
])
def test_a_company_s_name_with_its_trade_words_is_the_company(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("ALFA Ipari Kft.", "ALFA Kereskedelmi Kft.", "HU"),  # two trades: two companies, for a person to tell
    ("Agro Kft.", "Agro Kereskedelmi és Szolgáltató Kft.", "HU"),  # a name many companies write
    ("HSSMI LIMITED", "HSSMI TRADING LIMITED", "GB"),  # an English name's trade names a group's company
    ("Dopravný úrad", "Mestská dopravná spoločnosť, a.s. Považská Bystrica", "SK"),
    ("Zachodnia Izba Przemysłowo-Handlowa", "Zachodnia Izba Przemysłowa", "PL"),  # a chamber: no company
])
def test_names_that_differ_in_more_than_trade_words_stay_apart(a, b, country):
    assert not compare(Record(a, country), Record(b, country)).same


def test_the_trade_words_are_those_of_the_country_s_languages():
    assert trade_words("PL").names_trade("uslugowe")
    assert not trade_words("HU").names_trade("uslugowe")
    assert not trade_words("XX").words  # a country not known: no custom known either
    assert without_trades("Kereskedelmi és Szolgáltató Kft.", "HU").rest == "kft"
    assert without_trades("Alfa és Társa Kft.", "HU") is None  # "és" alone, between no trade words, is kept


def test_a_bad_row_of_the_table_is_named(tmp_path):
    table = tmp_path / "trade_words.tsv"
    table.write_text("language\trole\tword\nhu\tbusiness\tkereskedelmi\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"trade_words.tsv:2"):
        trade_words("HU", table)
