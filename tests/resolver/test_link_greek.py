"""Record linkage of Greek and Cypriot names written in several romanisations, in Greek script and in English.

Names of the labelled training pairs and of the development pool of PIC-joined CORDIS names (H2020 2017, Horizon
Europe 2024): ELOT 743 and older spellings (``HELLINIKOS``, ``ELLINIKOS``), case endings (``PANEPISTIMION``,
``ATHINON``), and the classical spelling English keeps (``DEMOCRITUS``, ``DIMOKRITIO``). Each reading must keep
two bodies apart: two towns whose names one romanisation writes alike, a university and the company that
manages its property, a municipality and its water company.
"""

from __future__ import annotations

import pytest

from kg.resolve.greek import romanised, same_word
from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse


@pytest.mark.parametrize(("a", "b", "city_a", "city_b"), [
    ("HELLINIKOS GEORGIKOS ORGANISMOS - DIMITRA", "ELLINIKOS GEORGIKOS ORGANISMOS - DIMITRA", None, None),
    ("Prisma Electronics ABEE", "PRISMA ILEKTRONIKA ABEE", None, None),
    ("AGRICULTURAL UNIVERSITY OF ATHENS", "GEOPONIKO PANEPISTIMION ATHINON", "ATHENS", "Athina"),
    ("DEMOCRITUS UNIVERSITY OF THRACE", "DIMOKRITIO PANEPISTIMIO THRAKIS", "KOMOTINI", "KOMOTINI"),
    ("FOUNDATION FOR RESEARCH AND TECHNOLOGY HELLAS", "IDRYMA TECHNOLOGIAS KAI EREVNAS", None, None),
    ("DIETHNIS AEROLIMENAS ATHINON AE", "ATHENS INTERNATIONAL AIRPORT S.A.", "SPATA", "SPATA"),
    ("AGROTIKES EFARMOGES I K E", "AGRICULTURAL APPLICATIONS IKE", "THESSALONIKI", "THESSALONIKI"),
    ("GREEK ATOMIC ENERGY COMMISSION", "ELLINIKI EPITROPI ATOMIKIS ENERGEIAS", None, None),
    ("THINK SILICON EREYNA KAI TECHNOLOGIA ANONYMI ETAIRIA",
     "THINK SILICON RESEARCH AND TECHNOLOGY SINGLE MEMBER SOCIETE ANONYME", None, None),
    ("EULAMBIA ADVANCED TECHNOLOGIES MONOPROSOPI ETAIRIA PERIORISMENIS EFTHINIS",
     "EULAMBIA ADVANCED TECHNOLOGIES ETAIRIA PERIORISMENIS EFTHINIS", "AG PARASKEYI", "Ag Paraskeyi"),
])
def test_romanisations_of_one_name_are_one_body(a: str, b: str, city_a: str | None, city_b: str | None) -> None:
    assert compare(Record(a, "EL", city_a), Record(b, "EL", city_b)).same


@pytest.mark.parametrize(("a", "b"), [
    ("PANEPISTIMIO DYTIKIS MAKEDONIAS", "PERIFEREIAKO TAMEIO ANAPTIXIS DYTIKIS MAKEDONIAS"),
    ("DIMOS KOZANIS", "DIMOTIKI EPICHEIRISI YDREFSIS KAI APOCHETEFSIS KOZANIS"),
    ("DIMOS ELEFSINAS", "ORGANISMOS LIMENOS ELEFSINAS ANONYMI ETAIREIA"),
    ("ETHNIKO KAI KAPODISTRIAKO PANEPISTIMIO ATHINON",
     "ETAIREIA AXIOPOIISEOS KAI DIACHEIRISEOS TIS PERIOUSIAS TOU PANEPISTIMIOU ATHINON"),
    ("ELLINIKO MESOGEIAKO PANEPISTIMIO",
     "MESOGEIAKO KENTRO IKANOTITON AGRODIATROFIS IDIOTIKI KEFALAIOUCHIKI ETAIREIA"),
    ("DIMOS IRAKLEIO", "DIMOS IRAKLEION"),  # Irakleio of Attica and Heraklion of Crete: one key, two towns
])
def test_other_greek_bodies_stay_apart(a: str, b: str) -> None:
    assert not compare(Record(a, "EL"), Record(b, "EL")).same


def test_the_cypriot_names_read_as_greek() -> None:
    assert compare(Record("CYPRUS CHAMBER OF COMMERCE AND INDUSTRY", "CY", "NICOSIA"),
                   Record("KYPRIAKON EMBORIKON KAI BIOMICHANIKON EPIMELITIRION", "CY", "LEFKOSIA")).same
    assert not compare(Record("THE CYPRUS INSTITUTE", "CY"), Record("PAIDAGOGIKO INSTITOUTO KYPROU", "CY")).same
    assert parse("PANEPISTIMIO KYPROU", "CY").core == parse("University of Cyprus", "CY").core


def test_romanisations_share_one_key() -> None:
    assert len({romanised(w) for w in ("etaireia", "etairia", "eteria")}) == 1
    assert len({romanised(w) for w in ("efthynis", "eythynis", "efthinis", "evthinis")}) == 1
    assert romanised("hellinikos") == romanised("ellinikos")
    assert romanised("emborikon") != romanised("emporiki")  # one word in two cases: read by their stems
    assert same_word(romanised("emborikon"), romanised("emporiki"))
    assert not same_word(romanised("kentro"), romanised("kentriko"))  # centre, central


def test_greek_words_are_read_only_in_greek_names() -> None:
    assert parse("EREYNITIKO KENTRO ATHINON", "GR").core == ("research", "centre", "athens")
    assert parse("EREYNITIKO KENTRO ATHINON", "PL").core == ("ereynitiko", "centre", "athinon")
    assert "fysikes" not in parse("Institute of Plasma Physics", "GR").core  # English, not φυσικές (natural)


def test_hellenic_is_the_country_also_in_the_neuter_though_a_suburb_bears_it():
    """Ελληνικό, "Hellenic" in the neuter, is also Elliniko, a suburb of Athens: in a name it says Greece."""
    a = Record("Ελληνικό Κέντρο Θαλάσσιων Ερευνών", "EL", "Ανάβυσσος")
    b = Record("Hellenic Centre for Marine Research", "EL", "Anavyssos")
    assert compare(a, b).same
