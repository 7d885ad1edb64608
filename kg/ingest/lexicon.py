"""Words that signal an entity in each of the eight languages: the rule side of article extraction.

Everything here is data: regular-expression fragments (matched case-insensitively unless said
otherwise) keyed by the concept of data/reference/vocabularies.ttl they point to.
"""

from __future__ import annotations

__all__ = ["DEADLINE", "EVENT_TYPES", "NAME", "ONLINE", "ORGANISATION_PATTERNS", "PROGRAMME_WORDS", "PROJECT_WORDS",
           "ROLE_WORDS", "THEMES"]

#: One to four capitalised words (any script), joined by spaces or hyphens: the name slot of a pattern.
NAME = r"\p{Lu}[\p{L}\p{M}'’.-]*(?:[ -](?:\p{Lu}[\p{L}\p{M}'’.-]*|\d{1,4})){0,3}"

#: Words that introduce a project's name or acronym.
PROJECT_WORDS = (r"project|projects|projektu|projekt|projektów|proiectului|proiectul|proiect|progetto|progetti"
                 r"|proyecto|proyectos|projet|projets|Projekts|Projekt|έργου|έργο|προγράμματος|initiative|inicjatywy")

#: Words that introduce a programme's name.
PROGRAMME_WORDS = (r"programme|program|programu|programului|programul|programma|programa|Programm|programme"
                   r"|προγράμματος|πρόγραμμα")

#: Event types (concept local names) and the words that name them.
EVENT_TYPES: dict[str, str] = {
    "expert-exchange": r"expert exchange",
    "stakeholder-meeting": r"stakeholder group meeting|spotkanie (?:\w+ )?grupy interesariuszy"
                           r"|grupy interesariuszy|stakeholder meeting",
    "webinar": r"webinar\w*|webinarium|διαδικτυακ\w* σεμινάρι\w*",
    "workshop": r"workshop\w*|warsztat\w*|atelier\w*|laborator\w*|taller(?:es)?|εργαστήρι\w*|seminar\w*"
                r"|seminario|séminaire|σεμινάρι\w*",
    "info-day": r"info ?day|dzień informacyjny|zi(?:ua)? de informare|giornata informativa|jornada informativa"
                r"|infotag|journée d'information|ημερίδα",
    "conference": r"conference|konferencj\w*|conferin[țt]\w*|conferenza|conferencia|konferenz|conférence"
                  r"|συνέδρι\w*|forum|fórum|φόρουμ|congress\w*|congreso|kongress",
    "session": r"session|sesj\w*|sesiun\w*|sessione|sesión|sitzung|συνεδρία",
    "exhibition": r"stand|exhibition|stoisk\w*|expozi[țt]\w*|fiera|feria|messe|salon|έκθεση",
    "festival": r"festival\w*|week of|tydzień|săptămân\w*|settimana|semana|woche|semaine|εβδομάδα",
    "meeting": r"meeting|spotkani\w*|întâlnir\w*|reuniun\w*|riunione|incontro|reunión|encuentro|treffen"
               r"|réunion|rencontre|συνάντηση",
}

#: Words that say an event takes place online.
ONLINE = (r"\bonline\b|on-line|zoom|webex|microsoft teams|\bvirtual\w*|w trybie zdalnym|în format online"
          r"|in linea|en línea|virtuell|en ligne|à distance|διαδικτυακ\w*|webinar")

#: Words before a date that make it a deadline rather than an event day.
DEADLINE = (r"deadline|until|by|register|registration|până (?:la|în|miercuri|marți|luni|joi|vineri)?|până"
            r"|do dnia|do |termin|entro|scadenza|hasta|plazo|bis zum|bis|anmeldung|avant|jusqu|date limite"
            r"|έως|προθεσμία|published|posted|opublikowano|publicat")

#: Role words (role concept local names) that the sentence of an organisation may contain.
ROLE_WORDS: dict[str, str] = {
    "lead-partner": r"lead partner|partener principal|partner wiodący|partner prowadzący|capofila|socio principal"
                    r"|jefe de fila|lead-partner|chef de file|επικεφαλής εταίρος|coordonat de|coordinated by",
    "organiser": r"organi[sz]ed by|organi[sz]er|organizat\w* de|organizowan\w*|organizator\w*|organizzat\w*"
                 r"|organizad\w*|veranstalt\w*|organisé\w*|διοργαν\w*",
    "partner": r"partner\w*|partener\w*|parteneri|socio|socios|εταίρ\w*",
    "speaker": r"speaker\w*|prelegent\w*|vorbitor\w*|relator\w*|ponente|referent\w*|intervenant\w*|ομιλητ\w*",
}

#: Patterns of organisation names (the whole match is the name) and the organisation type they imply.
ORGANISATION_PATTERNS: list[tuple[str, str]] = [
    (r"Consiliul Jude[țţt]ean(?: al)? " + NAME, "county-council"),
    (r"Municipiul " + NAME, "municipality"),
    (r"Primăria(?: Municipiului)? " + NAME, "municipality"),
    (r"Ora[șş]ul " + NAME, "municipality"),
    (r"Universitatea(?: de)? " + NAME, "university"),
    (r"Asocia[țţ]ia " + NAME, "association"),
    (r"Agen[țţ]ia(?: pentru)? " + NAME, "regional-development-agency"),
    (r"Urząd Marszałkowski Województwa " + NAME, "regional-authority"),
    (r"Województw[oa] " + NAME, "regional-authority"),
    (r"Urząd (?:Miasta|Gminy) " + NAME, "municipality"),
    (r"(?:Uniwersytet|Politechnika) " + NAME, "university"),
    (r"(?:Gmina|Miasto) " + NAME, "municipality"),
    (r"Ministerstwo " + NAME, "national-ministry"),
    (r"(?:University|Municipality|City|Region|County|Ministry|Chamber of Commerce) of (?:the )?" + NAME, None),
    (NAME + r" (?:University(?: of Technology)?|Municipality|City Council|County Council|Regional Council"
     r"|Development Agency|Chamber of Commerce|Science Park|Cluster|Government)", None),
    (r"(?:Comune|Città metropolitana|Provincia|Camera di Commercio|Università(?: degli Studi)?) di " + NAME, None),
    (r"Regione " + NAME, "regional-authority"),
    (r"(?:Ayuntamiento|Diputación|Universidad|Junta|Cámara de Comercio) de " + NAME, None),
    (r"(?:Stadt|Landkreis|Universität|Technische Universität|Hochschule|Industrie- und Handelskammer) " + NAME, None),
    (r"(?:Ville|Université|Chambre de commerce(?: et d'industrie)?|Conseil départemental|Métropole) d(?:e |')" + NAME,
     None),
    (r"Région " + NAME, "regional-authority"),
    (r"(?:Δήμος|Δήμου|Περιφέρεια|Περιφέρειας|Πανεπιστήμιο|Πανεπιστημίου|Επιμελητήριο) " + NAME, None),
    (r"European Commission(?: [–-] DG [A-Z]+)?|Comisia Europeană|Komisja Europejska|Commissione europea"
     r"|Comisión Europea|Europäische Kommission|Commission européenne|Ευρωπαϊκή Επιτροπή", "eu-institution"),
]

#: Themes (concept local names) and the words that signal them, in the eight languages.
THEMES: dict[str, str] = {
    "sme-support": r"\bSMEs?\b|\bMŚP\b|\bIMM(?:-uri(?:le|lor)?)?\b|\bPMI\b|\bPYMEs?\b|\bKMU\b|\bPME\b|\bΜμΕ\b"
                   r"|small and medium|małych i średnich|întreprinderi mici|piccole e medie|pequeñas y medianas"
                   r"|kleine und mittlere|petites et moyennes|μικρομεσαί",
    "just-transition": r"just transition|sprawiedliwej transformacji|sprawiedliwa transformacja|tranzi[țt]ie justă"
                       r"|transizione giusta|transición justa|gerechten übergang|transition juste|δίκαιη μετάβαση",
    "smart-specialisation": r"smart speciali[sz]ation|inteligentn\w+ specjalizacj\w+|specializare inteligentă"
                            r"|specializzazione intelligente|especialización inteligente|intelligente spezialisierung"
                            r"|spécialisation intelligente|έξυπνη εξειδίκευση|\bS3\b|\bRIS3\b",
    "innovation": r"innovation|innowac\w+|inova[țt]\w+|inovare|innovazion\w+|innovación|innovativ\w*|καινοτομ\w+",
    "internationalisation": r"internationali[sz]ation|internacjonalizacj\w+|internaționaliz\w+|internazionalizzazione"
                            r"|internacionalización|internationalisierung|διεθνοποίηση",
    "green-transition": r"green transition|green deal|green pact|pact(?:e|ul)? verd\w+|zielon\w+ transformacj\w+"
                        r"|tranzi[țt]ie verde|transizione verde|transición verde|grünen? (?:wandel|übergang)"
                        r"|transition verte|πράσινη μετάβαση|decarboni[sz]\w+",
    "digital-transition": r"digital transition|digitali[sz]ation|digitaliz\w+|cyfryzacj\w+|transformacj\w+ cyfrow\w+"
                          r"|digitalizzazione|digitalización|digitalisierung|numérique|ψηφιακ\w+",
    "circular-economy": r"circular economy|gospodark\w+ o obiegu zamkniętym|economi[ae] circular\w*"
                        r"|kreislaufwirtschaft|économie circulaire|κυκλική οικονομία",
    "culture-creative-industries": r"creative industr\w+|cultural and creative|industrii culturale"
                                   r"|przemysł\w* kreatywn\w+"
                                   r"|capital\w* europe\w+ a culturii|european capitals? of culture|ECoC"
                                   r"|industrie culturali|industrias culturales|kreativwirtschaft|industries créatives"
                                   r"|πολιτιστικ\w+ και δημιουργικ\w+",
    "clusters": r"\bcluster\w*|\bklast\w+|\bclustere\b",
    "entrepreneurship": r"entrepreneurship|przedsiębiorczoś\w+|antreprenoriat\w*|imprenditorialità|emprendimiento"
                        r"|unternehmertum|entrepreneuriat|επιχειρηματικότητα",
    "interregional-cooperation": r"interregional\w*|interreg|cross-border|transnational|trans-regional"
                                 r"|współprac\w+ międzyregionaln\w+|cooperare interregional\w*|transfrontalier\w*"
                                 r"|cooperación interregional|grenzüberschreitend\w*|διαπεριφερειακ\w+",
    "capacity-building": r"capacity[- ]building|budowanie potencjału|consolidarea capacită[țt]ii"
                         r"|rafforzamento delle capacità|desarrollo de capacidades|kapazitätsaufbau"
                         r"|renforcement des capacités|ενίσχυση ικανοτήτων",
    "governance": r"governance|stakeholder|interesariusz\w*|guvernan[țt]\w+|părților interesate|portatori di interesse"
                  r"|partes interesadas|interessenträger|parties prenantes|διακυβέρνηση",
    "access-to-finance": r"access to (?:EU )?fund\w*|access to finance|dostęp\w* do finansowania|acces la finan[țt]are"
                         r"|accesso ai finanziamenti|acceso a la financiación|zugang zu finanzierung"
                         r"|accès au financement|πρόσβαση σε χρηματοδότηση",
    "industrial-modernisation": r"industrial modernisation|modernizacj\w+ przemysł\w+|moderniz\w+ industrial\w*"
                                r"|industrielle modernisierung|modernisation industrielle",
    "crowdfunding": r"crowdfunding|finansowanie społecznościowe|finanțare participativă",
    "sme-growth": r"scale[- ]?up|scaling|skalowani\w+|growth of SMEs|SME growth|creșterii IMM|crescita delle PMI"
                  r"|crecimiento de las pymes|wachstum von kmu|croissance des PME",
    "innovation-management": r"innovation management|zarządzani\w+ innowacj\w+|managementul inovării"
                             r"|gestione dell'innovazione|gestión de la innovación|innovationsmanagement",
}
