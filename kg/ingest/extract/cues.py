"""Cue words of the 24 official EU languages that classify candidate names.

Words are written as in their language, and every table is folded with :func:`kg.resolve.normalise.fold`
when this module is loaded, the fold the text's words get (lower case, no diacritics, each script kept),
so both sides of a comparison are folded alike. A word is matched as the beginning of a folded word, so
one stem covers a language's inflected forms ("uniwersytet" covers "Uniwersytetu", "savivaldyb" covers
"savivaldybės"). Words marked as *compound* heads are also found at the end of a compound word
("Staatsministeriums", "Landratsamt").
"""

from __future__ import annotations

from functools import lru_cache

from kg.resolve.normalise import fold


def _words(text: str) -> frozenset[str]:
    """Return the folded words of a table written as white-space separated words."""
    return frozenset(fold(word) for word in text.split())


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(word) for word in words)

#: Heads of organisation names: a name containing one of these words names an organisation.
ORGANISATION_HEADS = _words("""
university universit college school institute institut agency council municipality ministry ministr department
directorate secretariat authority chamber association federation confederation foundation office commission
committee parliament government administration cooperative region regio union society hospital partnership alliance
platform contact-point ltd plc gmbh srl sa spa ag inc bv nv oy ab as kft zrt sro doo ngo
universita agenzia comune regione provincia camera ministero consorzio associazione fondazione autorita amministrazion
segretariato istituto dipartimento direzione ente azienda societa unione confederazione federazione citta regione
universidad agencia ayuntamiento diputacion junta xunta generalitat gobierno consejeria ministerio consorcio
asociacion fundacion autoridad secretaria instituto direccion cabildo mancomunidad organismo
universidade agencia camara municipio ministerio associacao fundacao autoridade secretariado direcao confederacao
federacao comissao gabinete
universite agence commune ville conseil ministere chambre fondation autorite secretariat direction organes collectivite
metropole communaute syndicat etablissement prefecture
universitat hochschule agentur gemeinde landkreis landratsamt amt ministerium staatsministerium kammer verband verein
stiftung regierungsprasidi behorde gesellschaft kreis senat
universiteit hogeschool gemeente provincie agentschap ministerie kamer vereniging stichting secretariaat commissie
waterschap brouwerij bedrijf raad
uniwersytet politechnika akademia agencja gmina gminy urzad urzedu urzedem powiat starostwo ministerstw izba izby
stowarzyszen fundacj zwiazek zwiazku szkol instytut sekretariat komisj platform unia unie unii spolka zarzad
departament euroregion
univerzit agentur obec mesto mesta kraj krajem krajsk ministerstv komora sdruzeni zdruzeni nadace nadacia urad uradu
sekretariat vojvodstvi spolecn
univerz agencij obcin sluzb vlad ministrstv zbornic zavod skupnost dezel pisarn organom organu organa
sveuciliste agencija comisi opcin zupanij ministarstv udrug zaklad ured tajnist regij zajednic
egyetem ugynokseg onkormanyzat megye kozgyules miniszterium kamara egyesulet alapitvany hivatal titkarsag foosztaly
tarsulas
universitatea agentia agentiei primari municipiul consiliul consiliului judet ministerul asociati fundati autoritat
secretariatul directi institutul prefectur inspectorat
университет агенция община министерств камара сдружение фондация секретариат дирекция администрация
πανεπιστημ δημος δημου δημοι περιφερει επιμελητηρι υπουργει οργανισμ συνδεσμ ιδρυμα γραμματει αρχη αρχης υπηρεσι
προξενει εταιρει εταιρια ινστιτουτ επιτροπ
universitet agentur savivaldyb miest administracij ministerij rumai asociacij fond sekretoriat departament taryb
universitat agentur pasvaldib novad dome ministrij biedrib padom
ulikool agentuur vald linnavalitsus ministeerium koda uhing sihtasutus sekretariaat omavalitsus
yliopisto virasto kunta kaupunki ministerio kauppakamari yhdistys saatio sihteeristo liitto
hogskola myndighet kommun departement forening stiftelse lansstyrelse forbund styrelse kommune forening
ollscoil gniomhaireacht comhairle udaras roinn
aġenzija agenzija kunsill ministeru awtorita fondazzjoni segretarjat
""")

#: Heads that name an organisation only when capitalised: "Région Alsace" (the authority), "région Hauts-de-France"
#: (the place).
CAPITALISED_HEADS = _words("region regio regione regiune regija regiao")

#: Heads that also end compound words ("Staatsministeriums", "Kreislaufwirtschaftsverband").
COMPOUND_HEADS = ("ministerium", "kammer", "verband", "verein", "stiftung", "prasidi", "behorde", "gesellschaft",
                  "hochschule", "ratsamt", "institut", "sekretariat", "agentur", "savivaldyb", "onkormanyzat",
                  "kozgyules", "foosztaly", "kauppakamari", "liitto", "handelskammare", "kommune")
COMPOUND_HEADS = _folded(COMPOUND_HEADS)

#: Words that, lower case, may stand inside an organisation's name after its head.
INNER_WORDS = _words("""
of for the and de di del della delle dei degli da do dos das du des d l la le les el los las y e et und fur der die
das den dem van voor en het te ten w z ze na i oraz a v ve za pro pri in na s so al ai alla al pentru din si al
ale a lui του της των και για στη στο στην za na u o and i ta fi tal u ta
""")

#: Conjunctions: a head word after one starts another organisation ("X și Secretariatul Comun").
CONJUNCTIONS = _words("and und et e y i a si és es ir un ja och og en και и oraz ili in")

#: Words that say an organisation's role in a project.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "lead-partner": ("lead partner", "leading partner", "capofila", "socio principal", "jefe de fila", "chef de file",
                     "leadpartner", "lead-partner", "partener principal", "partener lider", "lider", "lidera",
                     "partner wiodac", "partner prowadzac", "wiodacy partner", "vodilni partner", "vedouci partner",
                     "hlavni partner", "vodeci partner", "vezeto partner", "επικεφαλης εταιρος", "επικεφαλη εταιρο",
                     "coordinator", "coordinated by", "coordonat", "coordinato", "coordinado", "koordinator",
                     "koordynator", "coordenado", "parceiro principal", "beneficiario principal",
                     "pagrindinis partneris",
                     "vadosais partneris", "juhtpartner", "johtava kumppani", "huvudpartner", "hovedpartner",
                     "projectleider", "penprojekt", "водещ партньор"),
    "organiser": ("organised by", "organized by", "organiser", "organizer", "organizat", "organizowan",
                  "organizator", "organizzat", "organizad", "veranstalt", "organise", "organisee", "διοργαν",
                  "hosted by", "host", "ospitat", "anfitrion", "gastgeber", "organizuje", "organizira", "szervez",
                  "organizavo", "organizacij", "организ"),
    "partner": ("partner", "partener", "partneri", "socio", "socios", "parceiro", "parceria", "partenaire",
                "εταιρ", "partnerem", "partnerji", "partnerstv", "partnerek", "partneriai", "partneris", "kumppani",
                "партньор", "consorzio", "consorcio", "consortium", "konsorc"),
}
ROLE_WORDS = {role: _folded(words) for role, words in ROLE_WORDS.items()}

#: Words for "project" in the 24 languages (folded).
PROJECT_WORDS = ("project", "projects", "projekt", "projektu", "projekte", "projektes", "projekts", "projektem",
                 "projekcie", "projektow", "projektas", "projekto", "projekta", "projektet", "projekti", "projektin",
                 "projektile", "projekty", "projektov", "progetto", "progetti", "proyecto", "proyectos", "projeto",
                 "projetos", "projecto", "projet", "projets", "proiect", "proiectul", "proiectului", "proiectele",
                 "project", "projectu", "projekat", "projektom", "projektum", "projektje", "projekte", "hanke",
                 "hankkeen", "hankkeessa", "εργο", "εργου", "εργα", "проект", "проекта", "proġett", "tionscadal",
                 "initiative", "inicjatyw", "iniciativ")
PROJECT_WORDS = _folded(PROJECT_WORDS)

#: Words for "programme" (folded): a name after them is a programme, not a project.
PROGRAMME_WORDS = ("programme", "program", "programu", "programului", "programul", "programma", "programa",
                   "programm", "programmes", "programa", "programas", "programmet", "ohjelma", "ohjelman",
                   "programos", "programas", "programmas", "programmi", "programja", "programot", "programme",
                   "προγραμμα", "προγραμματος", "програма", "програмата", "programme", "programom", "programa")
PROGRAMME_WORDS = _folded(PROGRAMME_WORDS)

#: Titles and functions written before a person's name.
PERSON_TITLES = _words("""
mr mrs ms dr prof professor sir lady mayor deputy president vice-president director manager head coordinator
minister secretary chair chairman chairwoman commissioner governor ambassador consul ceo officer expert
herr frau burgermeister oberburgermeister landrat minister staatssekretar prasident direktor leiter leiterin
sindaco presidente assessore direttore direttrice dott dottssa ing avv consigliere
alcalde alcaldesa presidenta director directora consejero consejera conselleiro secretario
maire president presidente directeur directrice monsieur madame m mme depute ministre
burgemeester wethouder gedeputeerde voorzitter directeur
pan pani burmistrz wojt starosta marszalek prezydent dyrektor dyrektorka prezes wicemarszalek wojewoda mgr inz
primar primarul primarului viceprimar viceprimarul presedinte presedintele directorul directoarea domnul doamna
ministrul secretarul prefect prefectul
starosta hejtman primator reditel reditelka namestek ministr
zupan zupanja zupana direktor direktorica minister ministrica
gradonacelnik zupan ravnatelj
polgarmester alpolgarmester elnok igazgato miniszter
meras vicemeras direktorius direktore ministras pirmininkas seniunas
mers priekssedetajs direktors ministrs
linnapea direktor minister
pormestari johtaja ministeri
borgmastare direktor minister
borgmester direktor minister
prezident
δημαρχος δημαρχου περιφερειαρχης προεδρος διευθυντης υπουργος προξενος προξενου κ κα κυριος κυρια
кмет директор министър председател
sindku president direttur ministru
""")

#: Heads of place names that are not in a gazetteer: venues, squares, buildings, lakes.
VENUE_HEADS = _words("""
hotel palazzo piazza plaza platz palais place square hall auditorium teatro theatre theater castello castle schloss
zamek palac palacio palacete fabrica lacul lago lake jezioro museo museum muzeum musee parco park centrum
""")

#: Capitalised words that start sentences or headings and are never names on their own.
NOT_NAMES = _words("""
the a an this that these those on in at by for from with and or but as of to it its our we he she they you
der die das ein eine im am zum zur mit und auf fur von bei
il lo la i gli le un una nel nella del della con per su da dal
el los las un una en con por para del al
o os as um uma no na do da em com por para
le la les un une des du au aux dans avec pour par sur
de het een in op met voor van bij
w z na do od dla przez po we ze
v ve na do od pro pri se s z za
pe la cu din pentru in si
az a egy
ο η το οι τα ένας μια στο στη στην σε με για από
""")

#: Locative words before a place name ("in", "w", "la", "v", "σε"): a small town's name needs one.
LOCATIVES = _words("""
in im am at near from to into bei aus nach von zu w we z ze do na pod przy la in din din la spre lângă langa
v ve u iz na pri kod iš į ties prie a en em no na nos para da do de di dal nel nella a al à au aux près
te bij naar uit van i í ar pie från till fra til på og σε στη στην στο στον στις από κοντά ve в от до край
""")


@lru_cache(maxsize=100_000)
def is_head(folded: str) -> bool:
    """True for a (folded) word that heads organisation names, in any of the EU's languages."""
    if len(folded) < 2:
        return False
    if folded in CAPITALISED_HEADS:
        return False  # decided by the caller, which sees the case (see :func:`is_head_token`)
    if folded in ORGANISATION_HEADS:
        return True
    for size in range(5, min(len(folded), 24) + 1):
        if folded[:size] in ORGANISATION_HEADS and len(folded) - size <= 5:
            return True
    return len(folded) >= 8 and any(h in folded[2:] and folded.index(h, 2) + len(h) >= len(folded) - 3
                                    for h in COMPOUND_HEADS)


#: Organisation types (concept local names) by the beginnings of head words (folded).
TYPE_OF_HEAD: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("university", ("universit", "uniwersytet", "politechnik", "univerz", "sveucilist", "egyetem", "πανεπιστημ",
                    "университет", "ulikool", "yliopist", "hogskol", "hochschul", "hogeschool", "ollscoil",
                    "akademi", "college")),
    ("municipality", ("municipal", "municipi", "comune", "ayuntamiento", "camara municipal", "commune", "gemeente",
                      "gemeinde", "gmin", "urzad miasta", "obec", "obcin", "opcin", "onkormanyzat", "primari",
                      "δημο", "община", "savivaldyb", "pasvaldib", "vald", "kunta", "kommun", "mesto", "miest",
                      "city of", "city council", "stadt", "ville")),
    ("county-council", ("county", "powiat", "diputacion", "landkreis", "landratsamt", "judet", "zupanij", "megye",
                        "kraj", "apskrit", "novad", "maakun", "lan")),
    ("national-ministry", ("ministr", "minist", "υπουργ", "министерств", "staatsministerium")),
    ("regional-authority", ("region", "regij", "regiun", "wojewodztw", "vojvodstvi", "junta", "xunta",
                            "generalitat", "περιφερει", "urzad marszalk", "regierungsprasidi", "dezel", "provinc")),
    ("regional-development-agency", ("agenc", "agenzia", "agentur", "agentschap", "ugynokseg", "agentuur",
                                     "virasto", "aġenzija", "агенция")),
    ("business-support-organisation", ("chamber", "camera", "camara", "chambre", "kammer", "kamer", "izba",
                                       "komora", "zbornic", "kamara", "επιμελητηρι", "камара", "koda")),
    ("research-organisation", ("institut", "istituto", "instituto", "instytut", "ινστιτουτ")),
    ("association", ("associa", "asocia", "stowarzysz", "sdruzeni", "zdruzen", "udrug", "egyesulet", "verein",
                     "verband", "vereniging", "forening", "yhdistys", "biedrib", "uhing", "συνδεσμ", "сдружение",
                     "confedera", "federa", "union", "zwiazek")),
    ("ngo", ("foundation", "fundac", "fondazione", "fundacao", "fondation", "stiftung", "stichting", "nadac",
             "zaklad", "alapitvany", "ιδρυμα", "фондация", "saatio", "stiftelse")),
    ("eu-institution", ("european commission", "comisia europeana", "komisja europejska", "commissione europea",
                        "comision europea", "europaische kommission", "commission europeenne", "europese commissie",
                        "evropska komisija", "europska komisija", "europos komisija", "ευρωπαικη επιτροπη")),
)
TYPE_OF_HEAD = tuple((kind, _folded(stems)) for kind, stems in TYPE_OF_HEAD)


def type_of(name: str) -> str | None:
    """Return the organisation type (a concept's local name) the head words of ``name`` say, or None."""
    folded = fold(name)
    words = folded.replace("-", " ").split()
    for kind, stems in TYPE_OF_HEAD:
        for stem in stems:
            if (" " in stem and stem in folded) or any(w.startswith(stem) for w in words):
                return kind
    return None


def is_head_token(text: str, folded: str) -> bool:
    """True for a word of the text that heads organisation names (case-sensitive heads included)."""
    return is_head(folded) or (folded in CAPITALISED_HEADS and text[:1].isupper())
