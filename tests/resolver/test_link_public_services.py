"""Public services' names in their language and in English: schools, kindergartens, water companies, social
welfare centres, parks, research centres, as programme and beneficiary lists write them (Kohesio, Keep.eu)."""

from __future__ import annotations

import pytest

from kg.resolve.link import Record, compare
from kg.resolve.orgnames import parse


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Osnovna škola Sunce", "Sunce Primary School", "HR"),
    ("Szkoła Podstawowa nr 3 w Bochni", "Primary School No. 3 in Bochnia", "PL"),
    ("Dječji vrtić Sunce", "Kindergarten Sunce", "HR"),
    ("Wodociągi i Kanalizacja w Bochni", "Waterworks and Sewerage in Bochnia", "PL"),
    ("JP VODOVOD-KANALIZACIJA Ljubljana", "Ljubljana Waterworks and Sewerage", "SI"),
    ("Ośrodek Pomocy Społecznej w Gdyni", "Social Welfare Centre in Gdynia", "PL"),
    ("Centar za socijalnu skrb Split", "Social Welfare Centre Split", "HR"),
    ("Javni Zavod Krajinski Park Goricko", "Goričko Nature Park Public Institute", "SI"),
    ("ZNANSTVENO-RAZISKOVALNO SREDISCE KOPER", "Science and Research Centre Koper", "SI"),
    ("Lokalna akcijska grupa Zagorje", "Local Action Group Zagorje", "HR"),
    ("Lokalna Grupa Działania Dolina Karpia", "Local Action Group Dolina Karpia", "PL"),
    ("Místní akční skupina Podlipansko", "Local Action Group Podlipansko", "CZ"),
    ("Vietējā rīcības grupa Zied zeme", "Local Action Group Zied zeme", "LV"),
    ("Opća bolnica Pula", "General Hospital Pula", "HR"),
    ("Splošna bolnišnica Celje", "General Hospital Celje", "SI"),
    ("BUKKI NEMZETI PARK IGAZGATOSAG", "Bükk National Park Directorate", "HU"),
    ("Direcția Silvică Timiș", "Timis Forest Directorate", "RO"),
    ("Tallinna Tehnikaülikool", "Tallinn University of Technology", "EE"),
    ("Tartu Ülikooli Kliinikum", "Tartu University Hospital", "EE"),
    ("HAFEN WIEN GMBH", "Port of Vienna", "AT"),
    ("Luka Koper d.d.", "Port of Koper", "SI"),
    ("Hellenic Centre for Marine Research", "ELLINIKOS KENTRO THALASSION EREVNON", "GR"),
    ("Regionalna inspektsia po okolnata sreda i vodite Ruse", "Regional Inspectorate of Environment and Water Ruse",
     "BG"),
    ("SPITALUL JUDETEAN DE URGENTA SATU MARE", "Satu Mare County Emergency Hospital", "RO"),
    ("Národní památkový ústav", "National Heritage Institute", "CZ"),
    ("Camera de Comerț și Industrie Timiș", "Timis Chamber of Commerce and Industry", "RO"),
    ("Agenția pentru Dezvoltare Regională Vest", "West Regional Development Agency", "RO"),  # Regională: no village
    ("Hrvatski Crveni križ", "Croatian Red Cross", "HR"),
    ("Polski Czerwony Krzyż", "Polish Red Cross", "PL"),
    ("Български Червен кръст", "Bulgarian Red Cross", "BG"),
    ("Klinički bolnički centar Rijeka", "Clinical Hospital Centre Rijeka", "HR"),
    ("Univerzitetni klinični center Ljubljana", "University Medical Centre Ljubljana", "SI"),
    ("Fakultní nemocnice Brno", "University Hospital Brno", "CZ"),
    ("Národný park Slovenský raj", "Slovenský raj National Park", "SK"),
    ("Ente Parco Nazionale delle Cinque Terre", "Cinque Terre National Park", "IT"),
    ("Geološki zavod Slovenije", "Geological Survey of Slovenia", "SI"),
    ("Hrvatski geološki institut", "Croatian Geological Survey", "HR"),
    ("Zavod Republike Slovenije za varstvo narave", "Institute of the Republic of Slovenia for Nature Conservation",
     "SI"),
    ("Miestna akčná skupina Horný Liptov", "Local Action Group Horný Liptov", "SK"),
    ("Hospodářská komora České republiky", "Economic Chamber of the Czech Republic", "CZ"),
    ("Industrie- und Handelskammer Chemnitz", "Chemnitz Chamber of Industry and Commerce", "DE"),
    ("Hochschule für angewandte Wissenschaften Hamburg", "Hamburg University of Applied Sciences", "DE"),
    ("Gimnazija Kranj", "Kranj Grammar School", "SI"),
    # an institute of technology in English is a technical college in German and Swedish
    ("THD - Technische Hochschule Deggendorf", "Deggendorf Institute of Technology", "DE"),
    ("Blekinge Tekniska Högskola", "Blekinge Institute of Technology", "SE"),
    ("Karlsruher Institut für Technologie", "Karlsruhe Institute of Technology", "DE"),
    ("Instituto Tecnológico de Aragón", "Aragon Institute of Technology", "ES"),
    ("KUNGLIGA TEKNISKA HOEGSKOLAN", "KTH Royal Institute of Technology", "SE"),
    ("Turistička zajednica Istarske županije", "Istria County Tourist Board", "HR"),
    ("Turistička zajednica grada Zagreba", "Zagreb City Tourist Board", "HR"),
    ("Obalni dom upokojencev Koper", "Coastal Retirement Home Koper", "SI"),
    ("Dom za starije i nemoćne osobe Varaždin", "Home for the Elderly Varaždin", "HR"),
    ("Seniorenheim Graz", "Retirement Home Graz", "AT"),
    # a region's name in its language, in English and as an adjective
    ("Wirtschaftskammer Steiermark", "Styrian Chamber of Commerce", "AT"),
    ("Fachhochschule Kärnten", "Carinthia University of Applied Sciences", "AT"),
    ("Nationalpark Bayerischer Wald", "Bavarian Forest National Park", "DE"),
])
def test_a_public_service_in_its_language_and_in_english_is_one_body(a, b, country):
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Osnovna škola Sunce", "Srednja škola Sunce", "HR"),  # a primary and a secondary school
    ("Szkoła Podstawowa nr 3 w Bochni", "Szkoła Podstawowa nr 4 w Bochni", "PL"),
    ("Lokalna akcijska grupa Zagorje", "Lokalna akcijska grupa Prigorje", "HR"),  # two local action groups
    ("Opća bolnica Pula", "Opća bolnica Zadar", "HR"),
    ("Bükki Nemzeti Park Igazgatóság", "Őrségi Nemzeti Park Igazgatóság", "HU"),  # two parks' directorates
    ("Direcția Silvică Timiș", "Direcția Silvică Arad", "RO"),
    ("Tartu Ülikooli Kliinikum", "Tartu Ülikool", "EE"),  # a university and its hospital
    ("Porto di Trieste", "Porto di Venezia", "IT"),
    ("Hrvatski Crveni križ, Gradsko društvo Crvenog križa Split",
     "Hrvatski Crveni križ, Gradsko društvo Crvenog križa Zadar", "HR"),  # two towns' societies
    ("Regional Inspectorate of Environment and Water-Blagoevgrad",
     '"REGIONALNA INSPEKTsIYa PO OKOLNATA SREDA I VODITE" - Burgas', "BG"),  # two towns' inspectorates
    ("PRZEDSIĘBIORSTWO GOSPODARKI KOMUNALNEJ I WODOCIĄGOWEJ SP. Z O.O.",
     "PRZEDSIĘBIORSTWO GOSPODARKI KOMUNALNEJ SP. Z O. O.", "PL"),  # a name of many towns' companies, and more
    ("Slovenian Forestry Institute", "Slovenian Forest Service", "SI"),  # a research institute and a public service
    ("Wirtschaftskammer Steiermark", "Wirtschaftskammer Kärnten", "AT"),  # two Länder's chambers
    ("Národný park Slovenský raj", "Národný park Muránska planina", "SK"),
    ("Fakultní nemocnice Brno", "Masarykova univerzita", "CZ"),  # a university hospital and a university
    ("Karlsruhe Institute of Technology", "Karlsruhe University of Applied Sciences", "DE"),
    ("Turistička zajednica grada Zagreba", "Turistička zajednica grada Splita", "HR"),
    ("Dom upokojencev Koper", "Dom upokojencev Izola", "SI"),
    ("GMINA MIASTA RADOMIA", "GMINA MIASTO RADOMSKO", "PL"),  # two towns, though one NUTS 3 region bears both names
])
def test_schools_and_companies_of_common_names_stay_apart(a, b, country):
    assert not compare(Record(a, country), Record(b, country)).same


def test_a_transliteration_in_capitals_writes_no_acronyms():
    """Kohesio's transliterated Bulgarian names write "Ya", "Ts", "Zh" in capitals' words: those are no acronyms,
    which would mark one body ("VODOSNABDYaVANE I KANALIZATsIYa", water supply and sewerage, is the name of many)."""
    assert parse("VODOSNABDYaVANE I KANALIZATsIYa EAD", "BG").acronyms == frozenset()
    assert parse("Vidin chamber of commerce and industry VDCCI", "BG").acronyms == {"vdcci"}
    assert not compare(Record("VODOSNABDYaVANE I KANALIZATsIYa EAD", "BG"),
                       Record("VODOSNABDYaVANE I KANALIZATsIYa EOOD", "BG")).same
