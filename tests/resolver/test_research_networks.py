"""Research networks: the table learnt from the datasets' names, its generator, and institutes renamed with them."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.resolve import networks
from kg.resolve.link import Record, compare
from kg.resolve.networks import NETWORK_PREFIXES, count, prefixes, split, write


def test_the_shipped_table_says_where_it_came_from_and_holds_the_research_networks():
    text = NETWORK_PREFIXES.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("python -m kg.ingest.network_prefixes" in line for line in header)
    assert any("horizon-europe-participations" in line for line in header)
    assert ("hun", "ren") in prefixes("HU")
    assert ("network", "research", "lukasiewicz") in prefixes("PL")  # SIEĆ BADAWCZA ŁUKASIEWICZ, read by the word table
    assert {("leibniz",), ("helmholtz", "centre"), ("max", "planck")} <= set(prefixes("DE"))
    assert ("fraunhofer",) in prefixes("AT") and ("rise",) in prefixes("SE")


def test_kind_words_common_words_and_a_network_with_its_institute_word_are_no_network():
    known = set(prefixes("DE")) | set(prefixes("HU")) | set(prefixes("HR")) | set(prefixes("LT"))
    for words in (("institute",), ("european",), ("national",), ("centre",), ("leibniz", "institute"),
                  ("srednja",), ("hungary",), ("hun",), ("szegedi",), ("kalvarija",), ("rietavas",)):
        assert words not in known


def _names(network: str, owns: list[str], country: str = "XX") -> list[tuple[str, str]]:
    return [(f"{network} {own}", country) for own in owns]


_OWNS = ["Institute Qaplor", "Research Centre Vexmir", "Institute Drunvel", "Laboratory Zoltrax", "Kiwumbe Institute"]


def test_a_network_is_learnt_from_names_it_begins_in_one_country(tmp_path):
    records = _names("Zyxquor", _OWNS) + _names("Zyxquor", ["Institute Qaplor"])  # a name twice counts once
    # a word that begins names but stands inside as many is no network's name
    others = ["Institute Brelka", "Institute Fordune", "Laboratory Gimzor", "Research Hoptal", "Institute Jurrow"]
    records += _names("Plimbo", others) + [(f"{own} Plimbo", "XX") for own in _OWNS[:4]] + \
        [(f"{own} Plimbo Institute", "XX") for own in others]
    # a town before a kind of body many towns have is no network ("X pirminės sveikatos priežiūros centras")
    records += [(f"{town} Research Institute of Health", "XX") for town in ("Varnio", "Skuodo", "Rietavo")]
    records += _names("Rietavo", ["Research Institute of Health", "Laboratory of Health", "Institute of Roads",
                                  "Research Laboratory"]) + \
        [(f"{town} {body}", "XX") for town in ("Skuodo", "Varnio") for body in ("Laboratory of Health",
                                                                                "Institute of Roads")]
    records += _names("Gravlund", ["Bakery Qaplor", "Hotel Vexmir", "Shop Drunvel", "Garage Zoltrax"])  # no research
    records += _names("Quendril", _OWNS[:3])  # too few names
    path = tmp_path / "networks.tsv"
    assert write(count(records), "test", path) > 0
    found = {tuple(line.split("\t")[:2]) for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")}
    assert ("XX", "zyxquor") in found and ("*", "zyxquor") in found
    assert not {p for _, p in found} & {"plimbo", "gravlund", "quendril", "rietavo"}


def test_an_ordinary_word_before_research_names_is_no_network_and_a_short_one_may_be_an_acronym(tmp_path):
    """``federal`` and ``aegean`` are words of the English dictionary many bodies write first; ``rise`` (RISE) is a
    word too, but one of an acronym's length."""
    records = [(f"{network} {own} {i}", "XX") for i, network in enumerate(("Federal", "Aegean", "Rise")) for own in _OWNS]
    path = tmp_path / "networks.tsv"
    write(count(records), "test", path)
    found = {line.split("\t")[1] for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    assert "rise" in found and not found & {"federal", "aegean"}


def test_an_adjective_of_the_shipped_table_reads_no_two_bodies_of_a_region_as_one():
    assert ("federal",) not in prefixes("AT") and ("aegean",) not in prefixes("GR")
    assert not compare(Record("Federal Government of Lower Austria", "AT", "St. Pölten"),
                       Record("Gardens of Lower Austria", "AT", "St. Pölten")).same


def test_a_table_with_a_bad_row_is_reported_with_its_line(tmp_path):
    path = tmp_path / "networks.tsv"
    path.write_text("# a comment\ncountry\tprefix\tnames\tholding\tresearch\nHU\thun ren\t13\tmany\t13\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"networks.tsv:3: expected a country"):
        networks._table(path)
    path.write_text("country\tprefix\n", encoding="utf-8")
    with pytest.raises(InputError, match="the header must be"):
        networks._table(path)


def test_a_name_is_read_as_a_network_and_an_own_name():
    assert split(("hun", "ren", "energiatudomanyi", "kutatokozpont"), "HU") == [
        (("hun", "ren"), ("energiatudomanyi", "kutatokozpont"))]
    assert split(("hun", "ren"), "HU") == []  # the network itself has no own name
    assert split(("energiatudomanyi", "kutatokozpont"), "HU") == []


@pytest.mark.parametrize(("a", "b", "country", "city_a", "city_b"), [
    ("MAGYAR TUDOMANYOS AKADEMIA ENERGIATUDOMANYI KUTATOKOZPONT", "HUN-REN ENERGIATUDOMANYI KUTATOKOZPONT", "HU",
     "BUDAPEST", "Budapest"),
    ("INSTYTUT TELE- I RADIOTECHNICZNY", "SIEC BADAWCZA LUKASIEWICZ - INSTYTUT TELE- I RADIOTECHNICZNY", "PL",
     "WARSZAWA", "Warszawa"),
    ("PRZEMYSLOWY INSTYTUT AUTOMATYKI I POMIAROW PIAP",
     "SIEC BADAWCZA LUKASIEWICZ - PRZEMYSLOWY INSTYTUT AUTOMATYKI I POMIAROW PIAP", "PL", None, None),
    ("SP FIRE RESEARCH AS", "RISE FIRE RESEARCH AS", "NO", "TRONDHEIM", None),
    ("SP PROCESSUM AKTIEBOLAG", "RISE PROCESSUM AB", "SE", None, None),
    ("INSTITUT FUER VERBUNDWERKSTOFFE GMBH", "LEIBNIZ-INSTITUT FUR VERBUNDWERKSTOFFE GMBH", "DE", None, None),
    ("MAX-PLANCK-INSTITUT FUR EISENFORSCHUNG GMBH", "INSTITUT FUR EISENFORSCHUNG GMBH", "DE", None, None),
    ("HUN-REN SZAMITASTECHNIKAI ES AUTOMATIZALASI KUTATOINTEZET", "SZAMITASTECHNIKAI ES AUTOMATIZALASI KUTATOINTEZET",
     "HU", None, None),
    # the institute's acronym before its network's name
    ("ZENTRUM FUER EUROPAEISCHE WIRTSCHAFTSFORSCHUNG GmbH",
     "ZEW - LEIBNIZ-ZENTRUM FUR EUROPAISCHE WIRTSCHAFTSFORSCHUNG GMBH MANNHEIM", "DE", "Mannheim", "MANNHEIM"),
])
def test_an_institute_is_one_body_when_its_network_is_renamed_joined_or_left(a, b, country, city_a, city_b):
    assert compare(Record(a, country, city_a), Record(b, country, city_b)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    # an institute of a network and the network, whatever its name is read as
    ("AGENCIA ESTATAL CONSEJO SUPERIOR DE INVESTIGACIONES CIENTIFICAS",
     "Institut de Ciències del Mar, Agencia Estatal Consejo Superior de Investigaciones Científicas", "ES"),
    ("Agencia Estatal Consejo Superior de Investigaciones Científicas",
     "Estación Experimental de Aula Dei - Agencia Estatal Consejo Superior de Investigaciones Científicas (EEAD-CSIC)",
     "ES"),
    # the departments of two universities, the bodies of two regions or towns
    ("ARISTOTLE UNIVERSITY OF THESSALONIKI-SPECIAL ACCOUNT FOR RESEARCH FUNDS - DEPARTMENT OF CIVIL ENGINEERING",
     "UNIVERSITY OF THESSALY-SPECIAL ACCOUNT FUNDS FOR RESEARCH-DEPARTMENT OF CIVIL ENGINEERING", "GR"),
    ("Region of East Macedonia and Thrace (REMTH) - Regional Development Fund",
     "Region of Thessaly - Regional Development Fund", "GR"),
    ("MAŁOPOLSKIE CENTRUM PRZEDSIĘBIORCZOŚCI", "ŚLĄSKIE CENTRUM PRZEDSIĘBIORCZOŚCI", "PL"),
    ("Viešoji įstaiga Kalvarijos pirminės sveikatos priežiūros centras",
     "Viešoji įstaiga Rietavo pirminės sveikatos priežiūros centras", "LT"),
    ("DEUTSCHES INSTITUT FUR WIRTSCHAFTSFORSCHUNG DIW (INSTITUT FUR KONJUNKTURFORSCHUNG) EV",
     "RWI - LEIBNIZ-INSTITUT FUR WIRTSCHAFTSFORSCHUNG e.V.", "DE"),
    # a network and its branch in a country
    ("TECNALIA SERBIA DOO BEOGRAD", "GEOLOGICAL SURVEY OF SERBIA", "RS"),
    # two institutes of one network: the network never makes two names alike
    ("HUN-REN ENERGIATUDOMANYI KUTATOKOZPONT", "HUN-REN TERMESZETTUDOMANYI KUTATOKOZPONT", "HU"),
    ("FRAUNHOFER-INSTITUT FUR PRODUKTIONSTECHNIK UND AUTOMATISIERUNG IPA",
     "FRAUNHOFER-INSTITUT FUR ARBEITSWIRTSCHAFT UND ORGANISATION IAO", "DE"),
    ("SIEC BADAWCZA LUKASIEWICZ - PORT POLSKI OSRODEK ROZWOJU TECHNOLOGII",
     "SIEC BADAWCZA LUKASIEWICZ - INSTYTUT TELE- I RADIOTECHNICZNY", "PL"),
    # an institute and its network's headquarters
    ("FRAUNHOFER-GESELLSCHAFT ZUR FORDERUNG DER ANGEWANDTEN FORSCHUNG EV",
     "FRAUNHOFER-INSTITUT FUR PRODUKTIONSTECHNIK UND AUTOMATISIERUNG IPA", "DE"),
    ("HUN-REN MAGYAR KUTATASI HALOZAT", "HUN-REN ENERGIATUDOMANYI KUTATOKOZPONT", "HU"),
    # a network's institute and a university's of the same words
    ("LEIBNIZ-INSTITUT FUR VERBUNDWERKSTOFFE GMBH",
     "TECHNISCHE UNIVERSITAT KAISERSLAUTERN INSTITUT FUR VERBUNDWERKSTOFFE", "DE"),
    ("ERASMUS UNIVERSITAIR MEDISCH CENTRUM ROTTERDAM", "ERASMUS UNIVERSITEIT ROTTERDAM", "NL"),
    # an own name of kind words and a place says no body
    ("HELMHOLTZ-ZENTRUM DRESDEN-ROSSENDORF EV", "FORSCHUNGSZENTRUM DRESDEN-ROSSENDORF EV", "DE"),
    ("Srednja škola Ivan Švear", "Osnovna škola Ivan Švear", "HR"),
])
def test_two_bodies_of_one_network_or_of_like_names_stay_apart(a, b, country):
    assert not compare(Record(a, country), Record(b, country)).same


def test_an_own_name_in_two_places_is_no_renamed_institute():
    # An academy's institute is read by kg.resolve.academies, in any of its sites (tests/resolver/test_link_academies.py)
    assert not compare(Record("ETHIC OCEAN", "FR", "Pantin"), Record("MERCATOR OCEAN", "FR", "Toulouse")).same


@pytest.mark.slow
def test_the_generator_learns_the_networks_from_the_datasets(tmp_path, capsys):
    from kg.ingest.network_prefixes import main

    target = tmp_path / "networks.tsv"
    assert main([str(target)]) == 0
    assert "networks from the names of" in capsys.readouterr().out
    rows = {tuple(line.split("\t")[:2]) for line in target.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")}
    assert {("HU", "hun ren"), ("PL", "network research lukasiewicz"), ("DE", "leibniz"), ("*", "fraunhofer"),
            ("*", "rise")} <= rows
