"""Legal forms in record linkage: which forms are read, and when two forms are one company whose form changed.

Names as CORDIS and the national registers write them: a company converted to another form keeps its name
(``TURBODEN SRL`` became ``TURBODEN SPA``, ``ELKEM AS`` was listed as ``ELKEM ASA``), and a form written out,
without its diacritics or in another script is the form (``DRUSTVO S OGRANICENOM ODGOVORNOSCU``,
``MONOPROSOPI ANONYMOS ETAIREIA``), and words that say a company has one member or that the state owns it are no
part of its name (``… SA UNIPERSONAL``, ``… MONOPROSOPI EPE``, ``… SME MP SA``). Registers do not give one name to
two companies whose forms alone differ, so a name of common words converted is one company too (``LIFE CYCLE
ENGINEERING SRL`` and ``… SPA``) when it is written word for word the same. Each rule must keep two bodies apart: a
company and its partner of the same name (``… GMBH``, ``… KG``), a company and a foundation of one name, a group
company named by a word more, two names of one core written otherwise, and forms the Bulgarian registers give two
companies of one name (``ООД``, ``ЕООД``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.resolve.link import Record, compare
from kg.resolve.orgnames import (
    LEGAL_FORMS,
    _apart,
    _per_pair,
    curated_rows,
    legal_form_changed,
    legal_form_kind,
    legal_form_markers,
    legal_status,
    parse,
)


@pytest.mark.parametrize(("a", "b", "country"), [
    ("TURBODEN SRL", "TURBODEN SPA", "IT"),
    ("GORENJE GOSPODINJSKI APARATI D.D.", "GORENJE GOSPODINJSKI APARATI DOO", "SI"),
    ("RAYLASE AG", "RAYLASE GMBH", "DE"),
    ("WHITE RESEARCH SPRL", "WHITE RESEARCH SRL", "BE"),
    ("KUHNE LOGISTICS UNIVERSITY GMBH", "KUHNE LOGISTICS UNIVERSITY GGMBH", "DE"),
    ("MEOTEC GMBH & CO. KG", "MEOTEC GMBH", "DE"),
    ("CAIXA MAGICA SOFTWARE LDA", "CAIXA MAGICA SOFTWARE SA", "PT"),
    ("SATLANTIS MICROSATS SL", "SATLANTIS MICROSATS SA", "ES"),
    ("ELKEM AS", "ELKEM ASA", "NO"),
    ("SPINNOVA OY", "SPINNOVA OYJ", "FI"),
    ("CHEMOSVIT FIBROCHEM AS", "CHEMOSVIT FIBROCHEM SRO", "SK"),
    ("SIXSQ SARL", "SIXSQ SA", "CH"),
    ("UCC ACADEMY LIMITED", "UCC ACADEMY DESIGNATED ACTIVITY COMPANY", "IE"),
    ("VALSTYBES IMONE ORO NAVIGACIJA", "AKCINE BENDROVE ORO NAVIGACIJA", "LT"),
    ("SEMILAB FELVEZETO FIZIKAI LABORATORIUM RESZVENYTARSASAG",
     "SEMILAB FELVEZETO FIZIKAI LABORATORIUM ZARTKORUEN MUKODO RESZVENYTARSASAG", "HU"),
    ("RS ARASTIRMA EGITIM DANISMANLIK ILAC SANAYI TICARET LIMITED SIRKETI",
     "RS ARASTIRMA EGITIM DANISMANLIK ILAC SANAYI TICARET ANONIM SIRKETI", "TR"),
    ("Great Ormond Street Hospital for Children NHS Trust",
     "GREAT ORMOND STREET HOSPITAL FOR CHILDREN NHS FOUNDATION TRUST", "UK"),
    # development pool (one PIC, CORDIS H2020 and Horizon Europe names): forms of one country, a name of common words
    ("WE PLUS SRL", "WE PLUS SPA", "IT"),
    ("LIFE CYCLE ENGINEERING SRL", "LIFE CYCLE ENGINEERING SPA", "IT"),
    ("ARIA TECHNOLOGIES SA", "ARIA TECHNOLOGIES SAS", "FR"),
    ("LARGE SPACE STRUCTURES UG (HAFTUNGSBESCHRAENKT)", "LARGE SPACE STRUCTURES GMBH", "DE"),  # a UG is a GmbH
    ("CHINO SOCIETA A RESPONSABILITA LIMITATA SEMPLIFICATA", "CHINO SRL", "IT"),
    ("E3-MODELLING IKE", "E3-MODELLING AE", "EL"),
    ("ENERGY SERVICE GMBH", "ENERGY SERVICE AG", "DE"),  # the same name word for word: not two companies' names
    # a consortium company or an economic interest grouping become a company
    ("POLO D' INNOVAZIONE DI GENOMICA, GENETICA E BIOLOGIA SCARL",
     "POLO D'INNOVAZIONE DI GENOMICA, GENETICA E BIOLOGIA SRL", "IT"),
    ("AUTOTECH ENGINEERING, AIE", "AUTOTECH ENGINEERING SL", "ES"),
    # one member, owned by the state, a form written out in words or after the name's acronym
    ("GMV AEROSPACE AND DEFENCE SA UNIPERSONAL", "GMV AEROSPACE AND DEFENCE SA", "ES"),
    ("INTRACOM SA TELECOM SOLUTIONS", "INTRACOM SINGLE MEMBER SA TELECOM SOLUTIONS", "EL"),
    ("SYNELIXIS LYSEIS PLIROFORIKIS AUTOMATISMOU & TILEPIKOINONION MONOPROSOPI EPE",
     "SYNELIXIS LYSEIS PLIROFORIKIS AUTOMATISMOU & TILEPIKOINONION ANONIMI ETAIRIA", "EL"),
    ("INGENIERIA Y ECONOMIA DEL TRANSPORTE S.A.", "INGENIERIA Y ECONOMIA DEL TRANSPORTE SME MP SA", "ES"),
    ("INGENIERA DE SISTEMAS PARA LA DEFENSA DE ESPANA SA-ISDEFE",
     "INGENIERIA DE SISTEMAS PARA LA DEFENSA DE ESPANA SA-SME MP", "ES"),
    ("IKERLAN SCL", "IKERLAN S. COOP", "ES"),
    # a professional company (sociedad profesional) is an S.A. or an S.L. that says so
    ("ESTEYCO SAP", "ESTEYCO SA", "ES"),
    # a form written after the name in short (LV "Valsts SIA", CZ "SPOL SRO") or in words (ES "SA SOCIEDAD
    # UNIPERSONAL"): CORDIS against Kohesio and Keep.eu
    ("BERNU KLINISKA UNIVERSITATES SLIMNICA VALSTS SIA",
     'Valsts sabiedrība ar ierobežotu atbildību "Bērnu klīniskā universitātes slimnīca"', "LV"),
    ("CRYTUR SPOL SRO", "Crytur (Czech Republic)", "CZ"),
    ("Trabajos Catastrales S.A.U.", "TRABAJOS CATASTRALES SA SOCIEDAD UNIPERSONAL", "ES"),
    # an association's form and its acronym (CH, development pool of CORDIS names)
    ("SWISS CLINICAL TRIAL ORGANISATION VEREIN", "SWISS CLINICAL TRIAL ORGANISATION (SCTO)", "CH"),
    # the statuses Spanish law adds to the names of public-sector bodies (medio propio, fundación del sector público)
    ("CONSORCIO RED DE LABORATORIOS ALIMENTARIOS M.P.", "Consorcio Red de Laboratorios Alimentarios", "ES"),
    ("FUNDACION OBSERVATORIO DEL LITORAL, F.S.P.", "Fundación Observatorio del Litoral", "ES"),
    ("FUNDACION SECTOR PUBLICO ESTATAL OBSERVATORIO DEL LITORAL", "Fundación Observatorio del Litoral", "ES"),
])
def test_a_company_whose_legal_form_changed_is_one_body(a: str, b: str, country: str) -> None:
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("LEIPFINGER-BADER GMBH", "LEIPFINGER-BADER KG", "DE"),  # a company and a partnership: often its partner
    ("FIBEE I SP. Z O.O.", "FIBEE IV SP. Z O.O.", "PL"),  # a word more: another company of the group
    ("PLUS SRL", "WE PLUS SPA", "IT"),  # one core of common words, two names
    ("SINTEF AS", "Stiftelsen SINTEF", "NO"),  # a company and a foundation
    ("CIRCLE SPA", "MAGELLAN CIRCLE ITALY SRL", "IT"),  # words more: another company
    ("INGENIERIA Y ECONOMIA DEL TRANSPORTE SME MP SA", "INGENIERIA DE SISTEMAS PARA LA DEFENSA DE ESPANA SA-SME MP",
     "ES"),  # two state companies
    ("БОЖЕНЦИТУРС ООД", "БОЖЕНЦИТУРС ЕООД", "BG"),  # registers give two companies of one name these forms
    ("ЗАГОРКА ИНВЕСТ АД", "ЗАГОРКА ИНВЕСТ ЕАД", "BG"),
    ("TURBODEN SRL", "TURBODEN SA", None),  # of no country the records or their forms tell (Italy or Romania)
])
def test_two_legal_forms_stay_two_bodies(a: str, b: str, country: str | None) -> None:
    assert not compare(Record(a, country), Record(b, country)).same


def test_a_form_of_one_countrys_law_tells_the_country_of_records_that_give_none() -> None:
    assert compare(Record("TURBODEN SRL"), Record("TURBODEN SPA")).same  # an S.p.A. is Italian


def test_a_form_change_is_read_within_one_country_only() -> None:
    assert not legal_form_changed(parse("TURBODEN SRL", "IT"), parse("TURBODEN SPA", "FR"))
    assert legal_form_changed(parse("TURBODEN SRL", "IT"), parse("TURBODEN SPA", "IT"))


@pytest.mark.parametrize(("name", "country", "core", "form"), [
    ("LAVOLA 1981 SAU", "ES", ("lavola", "1981"), "S.A.U."),
    ("THE ENERGY SAVING TRUST LTD BY GUARANTEE", "UK", ("energy", "saving", "trust"), "CLG"),
    ("THE MANUFACTURING TECHNOLOGY CENTRE LIMITED LBG", "GB", ("manufacturing", "technology", "centre"), "CLG"),
    ("NATIONAL UNIVERSITY OF SINGAPORE PUBLIC COMPANY LIMITED BY GUARANTEE", "SG", None, "CLG"),
    ("EMC INFORMATION SYSTEMS INTERNATIONAL UNLIMITED COMPANY", "IE", None, "UC"),
    ("UCC ACADEMY DESIGNATED ACTIVITY COMPANY", "IE", None, "DAC"),
    ("LONDON SCHOOL OF HYGIENE AND TROPICAL MEDICINE ROYAL CHARTER", "UK", None, "RC"),
    ("FEIRMEOIRI AONTUITHE NA H-EIREANN IONTAOBIATHE CUIDEACHTA FAOI THEORAINN RATHAIOCHTA", "IE", None, "CLG"),
    ("TERA TEHNOPOLIS DRUŠTVO S OGRANIČENOM ODGOVORNOŠĆU ZA PROMICANJE NOVIH TEHNOLOGIJA", "HR",
     ("tera", "tehnopolis"), "d.o.o."),
    ("TERA TEHNOPOLIS DRUSTVO S OGRANICENOM ODGOVORNOSCU", "HR", ("tera", "tehnopolis"), "d.o.o."),
    ("TERA TEHNOPOLIS DOO ZA PROMICANJE NOVIH TEHNOLOGIJA", "HR", ("tera", "tehnopolis"), "d.o.o."),
    ("CTADVENTURE SPÓLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA", "PL", ("ctadventure",), "Sp. z o.o."),
    ("CTADVENTURE SP ZOO", "PL", ("ctadventure",), "Sp. z o.o."),
    ("ELPEDISON MONOPROSOPI ANONYMOS ETAIREIA", "EL", ("elpedison",), "Α.Ε."),
    ("ΕΛΠΕΔΙΣΟΝ ΜΟΝΟΠΡΟΣΩΠΗ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ", "GR", None, "Α.Ε."),
    ("ABC Ε.Π.Ε.", "GR", ("abc",), "Ε.Π.Ε."),
    ("ASTRONOMICKY USTAV AVCR VVI", "CZ", None, "v.v.i."),
    ("Astronomický ústav AV ČR, v. v. i.", "CZ", None, "v.v.i."),
    ("Centro Regionale Information Communication Technology scrl", "IT", None, "S.c.r.l."),
    ("CENTRO REGIONALE INFORMATION E COMMUNICATION TECHNOLOGY SCARL", "IT", None, "S.c.a.r.l."),
    ("STIFTUNG DEUTSCHES ELEKTRONEN-SYNCHROTRON DESY", "DE", None, "Stiftung"),
    ("ZENTRUM FUR SONNENENERGIE- UND WASSERSTOFF-FORSCHUNG BADEN-WURTTEMBERGSTIFTUNG", "DE", None, "Stiftung"),
    ("EIBIR GEMEINNUETZIGE GMBH ZUR FOERDERUNG DER ERFORSCHUNG", "AT", ("eibir",), "gGmbH"),
    ("GREAT ORMOND STREET HOSPITAL FOR CHILDREN NHS FOUNDATION TRUST", "UK", None, "NHS Trust"),
    ("SEMILAB FELVEZETO RESZVENYTARSASAG", "HU", ("semilab", "felvezeto"), "Rt."),
    ("ORO NAVIGACIJA VALSTYBĖS ĮMONĖ", "LT", ("aviation",), "VĮ"),
    ("WHITE RESEARCH SPRL", "BE", ("white", "research"), "SPRL"),
    ("RS ARASTIRMA LIMITED ŞIRKETI", "TR", ("rs", "arastirma"), "Ltd. Şti."),
    ("S.C. ALFA CONSTRUCT S.R.L.", "RO", ("alfa", "construct"), "SRL"),  # societate comercială, then its form
    ("Държавно предприятие Пристанищна инфраструктура", "BG", ("port", "infrastructure"), "ДП"),
    ("AZIENDA SPECIALE INNOVHUB - STAZIONI SPERIMENTALI PER L'INDUSTRIA", "IT", None, "Az. spec."),
    ("HOMO DIGITALIS ASTIKI MI KERDOSKOPIKI ETAIREIA", "EL", ("homo", "digitalis"), "Α.Μ.Κ.Ε."),
    ("GMV AEROSPACE AND DEFENCE SA UNIPERSONAL", "ES", ("gmv", "aerospace", "defence"), "S.A."),
    ("EYARD SOLUTIONS SL UNIPERSONAL", "ES", ("eyard", "solutions"), "S.L."),
    ("INGENIERIA DE SISTEMAS PARA LA DEFENSA DE ESPANA SA-SME MP", "ES", None, "S.A."),
    ("INGENIERA DE SISTEMAS PARA LA DEFENSA DE ESPANA SA-ISDEFE", "ES", None, "S.A."),  # its acronym after its form
    ("LAVOLA 1981 SOCIEDAD ANONIMA UNIPERSONAL", "ES", ("lavola", "1981"), "S.A.U."),  # the marker in the form
    ("IKERLAN SCL", "ES", ("ikerlan",), "S.Coop."),
    ("SYNELIXIS LYSEIS PLIROFORIKIS AUTOMATISMOU & TILEPIKOINONION MONOPROSOPI EPE", "EL",
     ("synelixis", "solutions", "information", "automatismou", "tilepikoinonion"), "Ε.Π.Ε."),
    ("BIOG3D MONOPROSOPI IKE", "EL", ("biog3d",), "Ι.Κ.Ε."),
    ("WORKABLE SOFTWARE SINGLE MEMBER PRIVATE COMPANY", "EL", ("workable", "software"), "Ι.Κ.Ε."),
    ("SMART AI SOLUTIONS SINGLE MEMBER P.C.", "EL", ("smart", "ai", "solutions"), "Ι.Κ.Ε."),
    ("Altair Engineering Single shareholder ltd", "EL", ("altair", "engineering"), "Ltd"),
    ("THINK SILICON RESEARCH AND TECHNOLOGY SINGLE MEMBER SOCIETE ANONYME", "EL", None, "Α.Ε."),
    # the Swiss and Austrian registers write an association's form after its name
    ("SWISS CLINICAL TRIAL ORGANISATION VEREIN", "CH", None, "Verein"),
    ("Verein Wiener Jugendzentren", "AT", ("wiener", "youth"), "Verein"),
])
def test_a_legal_form_is_read(name: str, country: str, core: tuple[str, ...] | None, form: str) -> None:
    parsed = parse(name, country)
    assert parsed.legal_form == form
    if core is not None:
        assert parsed.core == core


@pytest.mark.parametrize(("a", "b"), [
    ("S.A.U.", "S.A."), ("S.L.U.", "S.L."), ("CLG", "Ltd"), ("DAC", "Ltd"), ("Teoranta", "Ltd"), ("SPRL", "SRL"),
    ("Rt.", "Zrt."), ("S.c.a.r.l.", "S.c.r.l."), ("Sàrl", "SARL"), ("KG", "Sp. k."),
    ("UG", "GmbH"), ("S.r.l.s.", "S.r.l."), ("EURL", "SARL"), ("j.d.o.o.", "d.o.o."), ("GIE", "A.I.E."),
])
def test_forms_of_one_kind(a: str, b: str) -> None:
    assert legal_form_kind(a) == legal_form_kind(b)


@pytest.mark.parametrize(("name", "country", "status"), [
    ("SA Tartu Ülikooli Kliinikum", "EE", "foundation"),  # sihtasutus, not a société anonyme
    ("Stiftung Tierärztliche Hochschule Hannover", "DE", "foundation"),
    ("ORO NAVIGACIJA VĮ", "LT", "company"),
    ("ELKEM ASA", "NO", "company"),
])
def test_the_status_a_form_gives(name: str, country: str, status: str) -> None:
    assert legal_status(parse(name, country)) == status


def test_a_foundation_named_again_after_its_name_is_one_body() -> None:
    assert compare(Record("Bodensee-Stiftung", "DE"),
                   Record("Bodensee-Stiftung, Internationale Stiftung für Natur und Kultur", "DE")).same


def test_every_row_of_the_table_is_read_as_its_form() -> None:
    rows = curated_rows(LEGAL_FORMS, ("country", "form", "written"))
    unread = [(number, row["written"]) for number, row in rows
              if parse(f"Zorvath Quimbel {row['written']}", None if row["country"] == "*" else row["country"]).legal_form
              != row["form"]]
    assert not unread
    assert len(rows) > 600 and {row["country"] for _, row in rows} >= {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}


def test_a_pair_of_unknown_forms_is_one_line(tmp_path: Path) -> None:
    table = tmp_path / "apart.tsv"
    table.write_text("form\tother\nООД\tXYZ\n", encoding="utf-8")
    with pytest.raises(InputError, match="'XYZ' is not a short form"):
        _per_pair(table)
    assert frozenset(("ООД", "ЕООД")) in _apart()


def test_a_marker_without_letters_is_one_line(tmp_path: Path) -> None:
    table = tmp_path / "markers.tsv"
    table.write_text("country\twritten\nES\tunipersonal\nES\t--\n", encoding="utf-8")
    with pytest.raises(InputError, match="'--' has no letters or digits"):
        legal_form_markers(table)
    assert ("single", "member") in legal_form_markers()["*"]


def test_a_marker_is_no_word_of_a_name_without_a_form() -> None:
    """"SME" alone is a word of names (small and medium-sized enterprises); only "SME MP" is a marker."""
    assert "sme" in parse("EUROPEAN DIGITAL SME ALLIANCE", "ES").core


def test_a_name_of_common_words_under_two_forms_in_two_places_is_for_review() -> None:
    """Many a company is named by common words: in two towns, two forms are two companies as often as one converted
    (development pool: "ASTER SPA" in Rome is not the consortium "ASTER" of Bologna; "CIRCLE SRL" in Rozzano and
    "CIRCLE SPA" in Milan are one)."""
    moved = compare(Record("ASTER - SOCIETA CONSORTILE PER AZIONI", "IT", "BOLOGNA"), Record("ASTER SPA", "IT", "ROMA"))
    assert moved.review and not moved.same
    assert compare(Record("CIRCLE SRL", "IT", "Milano"), Record("CIRCLE SPA", "IT", "Milano")).same
    assert compare(Record("TURBODEN SRL", "IT", "Brescia"), Record("TURBODEN SPA", "IT", "Milano")).same


def test_italian_third_sector_forms_are_one_kind():
    """An Onlus became an ETS with the third-sector reform, an association or a foundation alike."""
    assert compare(Record("SAVE THE CHILDREN ITALIA ONLUS ASSOCIAZIONE", "IT"),
                   Record("SAVE THE CHILDREN ITALIA ETS", "IT")).same
    assert compare(Record("FONDAZIONE TELETHON", "IT"), Record("FONDAZIONE TELETHON ETS", "IT")).same
    assert legal_status(parse("LEGAMBIENTE APS", "IT")) == "association"
    assert legal_status(parse("GREEN TECH APS", "DK")) == "company"  # the Danish ApS, written in capitals


def test_a_form_before_another_form_inside_a_name_is_taken_out_too():
    """ "LIMITED LBG-IGBC": a company limited by guarantee writes both forms, then its acronym."""
    assert parse("IRISH GREEN BUILDING COUNCIL LIMITED LBG-IGBC", "IE").core == \
        parse("IRISH GREEN BUILDING COUNCIL LIMITED BY GUARANTEE", "IE").core


@pytest.mark.parametrize(("english", "country", "local"), [
    # a legal form written in English is one kind with the country's own
    ("SLOVAK WATER MANAGEMENT ENTERPRISE, state enterprise", "SK", "Slovenský vodohospodársky podnik, š.p."),
    ("Acme Joint-Stock Company", "BG", "Акме АД"),
    ("Acme Closed Joint Stock Company", "LT", "UAB Acme"),
    ("Acme Limited Liability Company", "LV", "Acme SIA"),
    ("Pannon Nonprofit Ltd.", "HU", "Pannon Nonprofit Kft."),
    ("IFKA Public Benefit Non-profit Limited Company", "HU", "IFKA Közhasznú Nonprofit Kft."),  # the form spelt out
])
def test_a_legal_form_in_english_is_the_countrys_own_kind(english: str, country: str, local: str) -> None:
    from kg.resolve.orgnames import legal_form_kind, parse

    written, own = parse(english, country).legal_form, parse(local, country).legal_form
    assert written and own and legal_form_kind(written) == legal_form_kind(own)


def test_a_legal_form_written_at_both_ends_is_taken_out_twice():
    assert parse("SOCIETA PER AZIONI ESERCIZI AEROPORTUALI SEA SPA", "IT").core == \
        parse("SOCIETA' PER AZIONI ESERCIZI AEROPORTUALI SEA", "IT").core


def test_a_form_inside_a_name_is_not_taken_out_a_second_time_with_what_follows_it():
    core = parse("Ani-Pall Kft Gyártó, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság", "HU").core
    assert "gyarto" in core


def test_a_spanish_religious_entity_says_its_status_not_its_name():
    """ "Entidad religiosa" (the register of religious entities) is a status, as the one-PIC CORDIS names write it."""
    assert compare(Record("UNIVERSIDAD DE LA IGLESIA DE DEUSTO", "ES", "BILBAO"),
                   Record("UNIVERSIDAD DE LA IGLESIA DE DEUSTO ENTIDAD RELIGIOSA", "ES", "Bilbao")).same


def test_an_english_company_is_the_limited_company_the_other_name_gives():
    """A partner list writes a Latvian SIA or a Lithuanian UAB as "… Company"; the word says what the form says."""
    assert compare(Record("Daugavpils Water Company", "LV", "Daugavpils"),
                   Record('Sabiedrība ar ierobežotu atbildību "Daugavpils ūdens"', "LV")).same
    assert compare(Record("Kaunas Water Company", "LT"), Record('Uždaroji akcinė bendrovė "Kauno vandenys"', "LT")).same
    # a name that writes its own word for company keeps it to compare: the Romanian "compania" is that word
    assert compare(Record("Arad Water Company", "RO"), Record("COMPANIA DE APĂ ARAD S.A.", "RO")).same
    # the water company of another town stays another
    assert not compare(Record("Jelgava Water Company", "LV"),
                       Record('Sabiedrība ar ierobežotu atbildību "Daugavpils ūdens"', "LV")).same


def test_a_legal_form_after_the_english_article_starts_the_name():
    """ "The Public Service of …" is the Slovene "javni zavod" translated, written after "The"."""
    name = parse("The Public Service of the Republic of Slovenia for Protection of Cultural Heritage", "SI")
    assert name.legal_form == "JZ" and name.core[:2] == ("republic", "slovenia")
    assert compare(Record("The Public Service of the Republic of Slovenia for Protection of Cultural Heritage", "SI"),
                   Record("JAVNI ZAVOD REPUBLIKE SLOVENIJE ZA VARSTVO KULTURNE DEDISCINE", "SI")).same


def test_an_english_foundation_or_association_after_a_name_is_its_form():
    """A Latvian nodibinājums or a Bulgarian сдружение written in English after the body's name."""
    assert compare(Record("Valmiera Development Agency Foundation", "LV"), Record("Valmiera Development Agency", "LV")).same
    assert compare(Record("ENERGY AGENCY OF PLOVDIV ASSOCIATION", "BG"), Record("Energy Agency of Plovdiv", "BG")).same
    # a university's foundation is a body of its own
    assert not compare(Record("SAN DIEGO STATE UNIVERSITY FOUNDATION", "US"), Record("San Diego State University", "US")).same
    # and a foundation first names a body of its own
    assert not compare(Record("Fondazione Politecnico di Milano", "IT"), Record("Politecnico di Milano", "IT")).same


@pytest.mark.parametrize(("a", "b", "country"), [
    ("Pons Danubii European Grouping of Territorial Cooperation",
     "Európske zoskupenie územnej spolupráce Pons Danubii s ručeným obmedzením", "SK"),
    ("EGTC TATRY", "EUROPEJSKIE UGRUPOWANIE WSPÓŁPRACY TERYTORIALNEJ TATRY Z O.O.", "PL"),
    ("Ipoly-völgye EGTC", "Ipoly-völgye Korlátolt Felelősségű Európai Területi Társulás", "HU"),
    ("Arrabona EGTC", "Arrabona Korlátolt Felelősségű Európai Területi Együttműködési Csoportosulás", "HU"),
])
def test_a_european_grouping_of_territorial_cooperation_with_limited_liability_is_an_egtc(
        a: str, b: str, country: str) -> None:
    """An EGTC whose members' liability is limited writes so beside its form, in its country's language."""
    assert compare(Record(a, country), Record(b, country)).same


@pytest.mark.parametrize(("name", "country", "form"), [
    ("ABC spółka z ograniczoną odpowiedzialnością", "PL", "Sp. z o.o."),
    ("ABC Korlátolt Felelősségű Társaság", "HU", "Kft."),
    ("ABC društvo s ograničenom odgovornošću", "HR", "d.o.o."),
])
def test_the_limited_liability_of_a_company_stays_its_form(name: str, country: str, form: str) -> None:
    assert parse(name, country).legal_form == form


def test_an_egtc_named_after_a_town_is_not_the_town() -> None:
    """"Arrabona" is Győr in Latin: the grouping its authorities formed is no municipality."""
    egtc = Record("Arrabona Korlátolt Felelősségű Európai Területi Együttműködési Csoportosulás", "HU")
    assert not compare(egtc, Record("Győr Megyei Jogú Város Önkormányzata", "HU")).same
    assert compare(egtc, Record("Arrabona EGTC", "HU")).same
