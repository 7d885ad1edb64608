"""The languages a country's names are written in: Croatian endings for Croatia's names, Spain's regional languages,
and legal forms one short form would confuse across countries."""

from __future__ import annotations

from kg.resolve.endings import endings_by_language
from kg.resolve.link import Record, compare
from kg.resolve.orgnames import country_languages, legal_form_kind, parse


def same(a: str, b: str, country: str, city_a: str | None = None, city_b: str | None = None) -> bool:
    return compare(Record(a, country, city_a), Record(b, country, city_b)).same


def test_croatian_endings_are_those_of_croatias_names():
    # Croatia's names are read in simplemma's Serbo-Croatian (hbs): the table's Croatian row is that language's
    assert "hbs" in country_languages("HR")
    assert "ka" in endings_by_language()["hbs"]
    assert same("Javna ustanova Nacionalni park Plitvička jezera", "Plitvice Lakes National Park", "HR")


def test_spanish_names_are_read_in_the_regional_languages_too():
    assert {"ca", "gl", "eu"} <= country_languages("ES")
    # the Basque "-ko" of a province's name: "Bizkaiko", of Bizkaia
    assert same("Bizkaiko Foru Aldundia", "Provincial Council of Bizkaia", "ES")
    assert not same("Bizkaiko Foru Aldundia", "Provincial Council of Gipuzkoa", "ES")


def test_the_czech_state_enterprise_is_no_slovene_sole_trader():
    czech, slovene = parse("Lesy České republiky, s. p.", "CZ"), parse("Mizarstvo Novak s.p.", "SI")
    assert legal_form_kind(czech.legal_form) == legal_form_kind(parse("Lesy SR, š.p.", "SK").legal_form)
    assert legal_form_kind(czech.legal_form) != legal_form_kind(slovene.legal_form)
    assert same("Lesy České republiky, s. p.", "Forests of the Czech Republic, state enterprise", "CZ")


def test_two_brands_beside_one_generic_name_are_two_companies():
    # two municipal companies of one generic name, each told apart by its brand written in capitals
    assert not same("Gradsko komunalno poduzeće ČAKOM d.o.o.",
                    "Gradsko komunalno poduzeće KOMUNALAC društvo s ograničenom odgovornošću", "HR")
    # one brand, said by one name only, is the same company
    assert same("CENIA, česká informační agentura životního prostředí", "CENIA, Czech Environmental Information Agency",
                "CZ")


def test_the_grouping_of_territorial_cooperation_is_one_form_in_every_language():
    spanish, french = parse("AECT Eurorégion Aquitaine-Euskadi-Navarre", "FR"), parse(
        "GECT Eurorégion Aquitaine-Euskadi-Navarre", "FR")
    assert spanish.legal_form == french.legal_form == "EGTC"
    assert spanish.core == french.core
    assert parse("Európai Területi Társulás Pons Danubii", "SK").legal_form == "EGTC"


def test_the_words_of_public_bodies_names_in_their_languages():
    assert same("Institut za oceanografiju i ribarstvo", "Institute of Oceanography and Fisheries", "HR", "Split",
                "Split")  # a Croatian case of a learned word: -iju
    assert same("Dubrovnik Airport Ltd", "Zračna luka Dubrovnik d.o.o.", "HR")
    assert parse("Deutscher Wetterdienst", "DE").core == ("germany", "meteorology")
    assert parse("Magyar Madártani Egyesület", "HU").core == parse("Hungarian Ornithological Association", "HU").core


def test_ltd_is_the_english_of_any_limited_company_outside_the_countries_whose_form_it_is():
    assert same("Debreceni Vízmű Zrt.", "Debrecen Waterworks Ltd.", "HU")
    assert not same("Debreceni Vízmű Zrt.", "Szeged Waterworks Ltd.", "HU")


def test_a_patrons_first_name_in_another_case_is_the_name():
    assert same("Teatr im. Jana Kochanowskiego w Opolu", "Jan Kochanowski Theatre in Opole", "PL")
    # a word that is no first name stays short and its own
    assert not same("Teatr im. Jana Kochanowskiego w Opolu", "Teatr im. Adama Mickiewicza w Opolu", "PL")


def test_head_words_of_regional_and_local_bodies():
    # a Swedish county's administrative board, a German Hanseatic city, a Czech statutory city
    assert same("Länsstyrelsen i Kalmar län", "The County Administrative Board of Kalmar", "SE")
    assert same("Hansestadt Rostock", "Hanseatic City of Rostock", "DE")
    assert same("Statutární město Liberec", "The Statutory City of Liberec", "CZ")
    # a Hungarian county's self-government written with the county's noun, a Hungarian authority
    assert same("Győr-Moson-Sopron Megye Önkormányzata", "Győr-Moson-Sopron County Council", "HU")
    assert same("Nemzeti Közlekedési Hatóság", "National Transport Authority", "HU")
    # a city with county rights (megyei jogú város), as English writes it; a university's clinical centre
    assert same("Békéscsaba Megyei Jogú Város Önkormányzata", "Békéscsaba City with County Rights", "HU")
    assert same("Municipality of Nyíregyháza with County Rights", "Nyíregyháza Megyei Jogú Város Önkormányzata", "HU")
    assert same("Debreceni Egyetem Klinikai Központ", "University of Debrecen Clinical Centre", "HU")
    assert not same("Debreceni Egyetem Klinikai Központ", "University of Debrecen", "HU")
    # Hungarian words of public bodies' names: an association of municipalities, an enterprise foundation
    assert same("Mórahalmi Többcélú Kistérségi Társulás", "Multi-purpose Micro-regional Association of Mórahalom", "HU")
    assert same("Hajdú-Bihar Megyei Vállalkozásfejlesztési Alapítvány",
                "Hajdú-Bihar County Enterprise Development Foundation", "HU")
    assert not same("Mórahalmi Többcélú Kistérségi Társulás", "Multi-purpose Micro-regional Association of Kistelek",
                    "HU")
    # a school district centre, and the school district centre of another town
    assert same("Szegedi Tankerületi Központ", "Szeged School District Centre", "HU")
    assert not same("Szegedi Tankerületi Központ", "Kisteleki Tankerületi Központ", "HU")
    # a board of one county is not another's
    assert not same("Länsstyrelsen i Kalmar län", "The County Administrative Board of Skåne", "SE")


def test_the_english_country_is_no_county():
    assert "county" not in parse("University of the Basque Country", "ES").kinds
    assert parse("Euskal Herriko Unibertsitatea", "ES").core == parse("University of the Basque Country", "ES").core


def test_a_forest_service_and_a_forestry_institute_stay_two():
    # the Slovene "zavod" is written "Service" or "Institute" in English: the forest service is no forestry institute
    assert not same("Zavod za gozdove Slovenije", "Slovenian Forestry Institute", "SI", "Ljubljana", "Ljubljana")
    assert same("Gozdarski inštitut Slovenije", "Slovenian Forestry Institute", "SI", "Ljubljana", "Ljubljana")


def test_a_chamber_of_commerce_lists_its_sectors_otherwise():
    assert same("Cámara Oficial de Comercio, Industria y Navegación de Sevilla", "Seville Chamber for Commerce and Industry",
                "ES", "Sevilla", "Seville")
    assert same("Klaipėdos prekybos, pramonės ir amatų rūmai", "Klaipėda Chamber of Commerce, Industry and Crafts", "LT")
    # a chamber of crafts is another chamber; so is another town's
    assert not same("Hrvatska gospodarska komora", "Hrvatska obrtnička komora", "HR")
    assert not same("Chamber of Commerce and Industry of Zala County",
                    "Chamber of Commerce and Industry of Szabolcs-Szatmár-Bereg County", "HU")


def test_a_generic_name_with_no_town_is_not_one_towns_body():
    # a centre for entrepreneurship is in many towns: a record with no city is not the one of Pleternica
    assert not same("Centar za poduzetništvo", "Entrepreneurial Centre Pleternica Ltd.", "HR", None, "Pleternica")
    # a country's name left out is no such guess: a ministry is its country's only one
    assert same("Ministerstvo na kulturata", "Ministry of Culture of the Republic of Bulgaria", "BG", None, "Sofia")


def test_more_words_of_bodies_names():
    assert same("Ligue pour la protection des oiseaux", "League for the Protection of Birds (LPO)", "FR")
    assert same("Polskie Towarzystwo Ochrony Ptaków", "Polish Society for the Protection of Birds", "PL")
    assert same("Nacionalni inštitut za biologijo", "National Institute of Biology", "SI")  # -ijo, a learned word's case
    assert same("Vilniaus universiteto Chemijos ir geomokslų fakultetas",
                "Vilnius University Faculty of Chemistry and Geosciences", "LT")


def test_the_south_slavic_uprava_heads_an_agency():
    assert same("Lučka uprava Split", "Split Port Authority", "HR")
    # a ministry's directorate stays a body of its own; the genitive "uprave" is a ministry's remit
    assert not same("Ministarstvo financija - Carinska uprava", "Ministarstvo financija", "HR")
    assert "agency" not in parse("Ministarstvo uprave", "HR").kinds


def test_two_quarters_of_the_compass_name_two_regions():
    # the cohesion regions of the Czech south-east and north-east are two councils
    assert not same("Regionální rada regionu soudržnosti Jihovýchod", "Regionální rada regionu soudržnosti Severovýchod",
                    "CZ")
    assert same("Zalaegerszegi Szakképzési Centrum", "Zalaegerszeg Centre of Vocational Training", "HU")


def test_a_city_of_two_words_in_another_case_is_the_city():
    # the locative of Novi Sad ("u Novom Sadu"): each word keeps its letters before an ending of the language
    assert same("Univerzitet u Novom Sadu", "University of Novi Sad", "RS", "Novi Sad", "Novi Sad")
    assert same("Fakulteta za informacijske študije v Novem mestu", "Faculty of Information Studies in Novo mesto",
                "SI", "Novo mesto", "Novo mesto")
    # a village whose name begins with its county's is no case of the county's name
    assert not same("NÓGRÁD KÖZSÉG ÖNKORMÁNYZATA", "NÓGRÁDSÁP KÖZSÉG ÖNKORMÁNYZATA", "HU", "Nógrád", "Nógrád")


def test_where_a_body_sits_is_said_as_in():
    # "so sídlom v", "se sídlem v", "z siedzibą w": with its seat in
    assert parse("Regionálny úrad verejného zdravotníctva so sídlom v Banskej Bystrici", "SK").core == parse(
        "Regionálny úrad verejného zdravotníctva v Banskej Bystrici", "SK").core
    assert "siedziba" not in parse("Małopolski Ośrodek Doradztwa Rolniczego z siedzibą w Karniowicach", "PL").core


def test_national_bodies_in_their_languages():
    # Bosnia and Herzegovina's name in the genitive is the country's name
    assert same("Agencija za statistiku Bosne i Hercegovine", "Agency for Statistics of Bosnia and Herzegovina", "BA")
    # the Greek article "του", transliterated "toy", is left out as "tou" is
    assert "toy" not in parse("Γενικά Αρχεία του Κράτους", "GR").core
    # a Swedish agency's name is a compound that ends in its head word
    assert "agency" in parse("Folkhälsomyndigheten", "SE").kinds
    assert same("Hidrobiološki zavod Ohrid", "Хидробиолошки завод Охрид", "MK")
    # a segment that says what kind of legal person the body is and what it does is no part of its name
    assert same("Croatian Waters", "Hrvatske vode, pravna osoba za upravljanje vodama", "HR", "Zagreb", "Grad Zagreb")


def test_a_compound_ends_in_a_head_word_of_the_tables():
    # "rahvus|raamatukogu", the national library: a head word, not only a head stem, ends a compound
    national = parse("Rahvusraamatukogu", "EE")
    assert national.kinds == {"library"} and national.core == ("national",)
    assert parse("Kansallisarkisto", "FI").core == parse("National Archives", "FI").core


def test_an_agency_may_be_named_by_a_word_that_says_nothing():
    # "-amt", an office, "-verket": the English "Agency" is the one kind the other name leaves unsaid
    assert same("UMWELTBUNDESAMT", "German Federal Environment Agency", "DE", "Dessau-Roßlau", "Dessau-Rosslau")
    assert same("Livsmedelsverket", "Swedish Food Agency", "SE")
    # a job centre is no employment agency of its town
    assert not same("Agentur für Arbeit Dresden", "Jobcenter Dresden", "DE", "Dresden", "Dresden")
    assert same("Jobcenter Aarhus", "Job Centre Aarhus", "DK", "Aarhus", "Aarhus")


def test_a_word_may_say_the_kind_the_other_name_gives_by_a_head_word():
    # a union is an association; a regional body is a county's
    assert same("Gasilska zveza Slovenije", "Firefighting Association of Slovenia", "SI")
    assert same("Областна администрация Варна", "Regional Administration Varna", "BG", "Варна", "Varna")
    # "Eestimaa" is Estonia, no county named after a town
    assert "county" not in parse("Eestimaa Looduse Fond", "EE").kinds
    assert parse("Valgamaa Omavalitsuste Liit", "EE").kinds  # Valga county's: a county's word still


def test_a_states_body_is_the_nations():
    assert same("PANSTWOWY INSTYTUT GEOLOGICZNY - PANSTWOWY INSTYTUT BADAWCZY",
                "Polish Geological Institute - National Research Institute", "PL", "Warszawa", "Warszawa")
    assert not same("Państwowy Instytut Geologiczny", "Narodowy Instytut Geologiczny Ukrainy", "PL")


def test_a_head_office_is_the_body():
    """ "Hoofdkantoor" (head office) says where a body sits, not which: the Dutch vehicle authority's head office is
    the authority (a pair of CORDIS names of one PIC)."""
    assert same("HOOFDKANTOOR DIENST WEGVERKEER (RDW)", "DIENST WEGVERKEER (RDW)", "NL")
    assert same("Equinor ASA Head Office", "EQUINOR ASA", "NO")
    assert not same("Equinor ASA Head Office", "Equinor Energy AS", "NO")


def test_a_local_action_group_in_its_language_in_english_and_by_its_acronym():
    """LEADER's local action groups: Kohesio writes them in their language ("Místní akční skupina …, z.s.",
    "Helyi Akciócsoport … Egyesület"), Keep.eu's partners in English, and they call themselves by the acronym of
    their language (MAS, LGD); two groups of one country stay two."""
    assert same("MAS Podřipsko, z.s.", "Local Action Group Podřipsko", "CZ")
    assert same("Místní akční skupina Podřipsko, z.s.", "MAS Podřipsko", "CZ")
    assert same("Helyi Akciócsoport Zala Termálvölgye Egyesület",
                "Zala Termálvölgye LEADER Local Action Group Association", "HU")
    assert not same("MAS Podřipsko", "MAS Opavsko", "CZ")
    assert not same("Lokalna akcijska grupa Posavina", "Grad Posavina", "HR")


def test_lithuanian_schools_and_training_centres_named_by_their_town():
    """Kohesio's Lithuanian names write the town in the genitive and Keep.eu's English ones in the nominative; a
    school is a "mokykla", vocational training "profesinis rengimas", the labour market "darbo rinka"."""
    assert same("Panevėžio darbo rinkos mokymo centras", "Panevėžys Labour Market Training Centre", "LT", None,
                "Panevėžys")
    assert same("Alytaus profesinio rengimo centras", "Alytus vocational training centre", "LT", None, "Alytus")
    assert same("Plungės technologijų ir verslo mokykla", "Plunge Technology and Business School", "LT", None,
                "Plunge")
    assert not same("Plungės technologijų ir verslo mokykla", "Plungės kultūros centras", "LT")


def test_a_hungarian_compound_of_a_trade_and_kezelo_is_its_management():
    assert same("Zsolnay Örökségkezelő Nonprofit Korlátolt Felelősségű Társaság",
                "Zsolnay Heritage Management Non-Profit Ltd.", "HU", None, "Pécs")


def test_a_regions_adjective_is_the_region():
    """Keep.eu's English partners write a region's adjective where CORDIS and Kohesio write the region or its own
    adjective (word table: "Istrian", "Istre"; "Masovian", "Mazowieckie"); the region's name as written stays a
    region's word, so a town named after it is still read so ("Nowy Dwór Mazowiecki")."""
    assert same("Regional Development Agency of Slavonia and Baranja",
                "Regionalna razvojna agencija Slavonije i Baranje d.o.o.", "HR")
    assert same("Masovian Voivodeship", "WOJEWODZTWO MAZOWIECKIE", "PL")
    assert same("Archaeological museum of Istria", "Arheološki muzej Istre", "HR")
    assert not same("Istrian Development Agency", "Slavonian Development Agency", "HR")
    assert same("City of Nowy Dwór Mazowiecki", "Nowy Dwor Municipality", "PL", "Nowy Dwór Mazowiecki",
                "Nowy Dwór Mazowiecki")


def test_a_romanian_river_basin_administration():
    assert same("ADMINISTRATIA BAZINALA DE APA BANAT", "BANAT RIVER BASIN ADMINISTRATION", "RO", "TIMISOARA",
                "TIMISOARA")


def test_two_national_institutes_of_one_country_differ_by_their_remit():
    """Keep.eu writes both in English: the country's name, read as its region code, is no name the two share, so a
    remit each says and the other does not keeps them two (the rewording of a company's activity words needs a name
    both share: "EUROPEAN DYNAMICS …")."""
    assert not same("Institute of the Republic of Slovenia for Nature Conservation",
                    "Social Protection Institute of the Republic of Slovenia", "SI", "Ljubljana", "Ljubljana")
    assert same("Institute of the Republic of Slovenia for Nature Conservation",
                "Zavod Republike Slovenije za varstvo narave", "SI", "Ljubljana", "Ljubljana")


def test_a_town_added_to_a_generic_name_with_no_city_is_for_review():
    """A municipal transport company of no town ("Przedsiębiorstwo Komunikacji Miejskiej Sp. z o.o.", as Kohesio
    writes a beneficiary with no city) may be any town's: one of Katowice is not joined to it, but to its own name
    with Katowice given as the city."""
    generic = "PRZEDSIĘBIORSTWO KOMUNIKACJI MIEJSKIEJ SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ"
    assert not same("PRZEDSIĘBIORSTWO KOMUNIKACJI MIEJSKIEJ KATOWICE SP. Z O.O.", generic, "PL")
    assert same("PRZEDSIĘBIORSTWO KOMUNIKACJI MIEJSKIEJ KATOWICE SP. Z O.O.", generic, "PL", "Katowice", "Katowice")


def test_a_croatian_town_and_a_municipality_of_one_name_are_two():
    """ "Grad Novigrad" (a town in Istria) is not the "Općina Novigrad" near Zadar; as in Poland (gmina, miasto)."""
    assert not same("GRAD NOVIGRAD", "Općina Novigrad", "HR")
    assert same("GRAD NOVIGRAD", "Grad Novigrad", "HR")


def test_a_romanian_association_in_english_with_its_projects():
    """Romanian "proiect" (project) in its cases ("proiectelor"), and a name quoted with two commas (",,"), as
    Kohesio writes the Romanian low quote."""
    assert same("CENTER OF CONSULTANCY AND PROJECT MANAGEMENT – EUROPROJECT",
                'ASOCIATIA ,,CENTRUL DE CONSULTANTA SI MANAGEMENT AL PROIECTELOR" EUROPROJECT', "RO", "Slatina")
