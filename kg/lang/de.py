"""German language knowledge for the rules extractor: plain data, no logic.

Relation patterns run over a sentence in which every entity mention is replaced by a placeholder
(``⟨O3⟩`` organization, ``⟨P1⟩`` person, ``⟨R2⟩`` product); the macros are explained in
:mod:`kg.extract.patterns`. Groups ``s`` and ``o`` name subject and object; ``pair`` relates every
entity of a coordination to every other; options: ``implicit`` (the missing side is the organisation
the text is about), ``status``, ``conf``.
"""

CODE = "de"

# -------------------------------------------------------------------- text
ABBREVIATIONS = (
    "z. B.", "z.B.", "u. a.", "u.a.", "d. h.", "d.h.", "bzw.", "ca.", "Dr.", "Prof.", "Nr.", "Mio.", "Mrd.",
    "Bio.", "Tsd.", "Str.", "St.", "vgl.", "ggf.", "evtl.", "inkl.", "zzgl.", "Jh.", "Jhd.", "usw.", "etc.",
    "Inc.", "Corp.", "Co.", "Ltd.", "Mr.", "Mrs.", "Hr.", "Fr.", "v. a.", "o. ä.", "sog.", "bspw.", "Abs.",
    "Jan.", "Feb.", "Mär.", "Apr.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.", "US.", "u. U.", "i. d. R.",
)
MONTHS = ("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
COORDINATORS = ("und", "sowie", "oder", "&")
NEGATIONS = ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "dementiert",
             "dementierte", "bestreitet", "bestritt", "weder", "ohne")
# Negation words that deny a detail, not the relation ("einen nicht genannten Betrag").
NOT_NEGATING = (r"\bnicht\s(?:näher\s|öffentlich\s)?(?:bekannt|genannt|beziffert|offengelegt|veröffentlicht|kommentiert)\w*",
                r"\bkeine\s(?:Angaben|Details|Summe|Zahlen)\b")
# A whole sentence that denies what it reports ("Gerüchte ... wies ein Sprecher zurück").
SENTENCE_DENIALS = (r"\bwies\b.*\bzurück\b", r"\bweist\b.*\bzurück\b", r"\bzurückgewiesen\b",
                    r"\bdementierte?\b", r"\bbestritt\b", r"\bbestreitet\b")
RUMOR_CUES = ("Kreisen zufolge", "Insidern zufolge", "Gerüchte", "gerüchteweise", "angeblich", "soll angeblich",
              "in Verhandlungen", "Verhandlungen", "erwägt", "erwägen", "prüft", "Medienberichten zufolge",
              "möglich", "möglichen", "Interesse an")
FORMER_CUES = ("ehemalig", "früher", "Ex-", "einstig", "vormalig", "Ex-Chef", "bisherig", "zuvor", "vorher")
ANNOUNCED_CUES = ("kündigt", "kündigte", "angekündigt", "plant", "planen", "will", "wollen", "soll ",
                  "sollen", "vereinbart", "einigten", "geeinigt", "bekannt gegeben", "gab bekannt")

# A sentence that says a company raised money ("Mistral hat 1,7 Milliarden Euro eingesammelt").
# Verbs of raising put the company before them, "Runde für" after them.
FUNDING_CUES = (r"\beingesammelt\b", r"\bsammel\w*\s", r"\berhielt\b", r"\berhält\b", r"\bbekommt\b", r"\bbekam\b",
                r"\babgeschlossen\b", r"\b(?:Millionen|Milliarden|Mio\.|Mrd\.)\s(?:Euro|Dollar|US-Dollar)\s(?:\S+\s){0,3}?erhalten\b")
FUNDING_FOR = (r"(?:[Rr]unde|Finanzierung|Investment|Kapitalspritze)\w*\s(?:\S+\s)?(?:für|in|bei)\s",)

# -------------------------------------------------------------------- entities
LEGAL_SUFFIXES = ("AG", "GmbH", "SE", "KG", "KGaA", "GmbH & Co. KG", "e.V.", "Inc.", "Inc", "Corp.", "Corp",
                  "Ltd.", "Ltd", "LLC", "S.A.", "N.V.", "B.V.", "plc", "Co.", "Holding")
# Last words that make a capitalised name an organisation ("Apple Records", "Aleph Alpha Labs").
ORG_NAME_HEADS = ("Records", "Labs", "Lab", "Ventures", "Capital", "Partners", "Technologies", "Systems", "Group",
                  "Holding", "Holdings", "Bank", "Motors", "Electronics", "Software", "Robotics", "Semiconductor",
                  "Media", "Studios", "Games", "Networks", "Pharma", "Energy", "Solutions", "Fund", "Ventures",
                  "Automotive", "Mobility", "Telecom", "Foundation", "Institute",
                  # English company names in German text ("Analog Devices", "Linear Technology")
                  "Founders", "Devices", "Technology", "Instruments", "Semiconductors", "Communications", "Microsystems",
                  "Interactive", "Entertainment", "Computing", "Industries", "Dynamics", "Corporation",
                  "Company", "Laboratories", "Pharmaceuticals", "Analytics", "Security", "Therapeutics",
                  # divisions and subsidiaries named after their parent ("Siemens Components", "BMW Motorrad",
                  # "Voith Hydro", "Salt Mobile")
                  "Components", "Microelectronics", "Pictures", "Mobile", "Motorrad", "Cars", "Trucks", "Aerospace",
                  "Services", "Digital", "Music", "Publishing", "Research", "Engineering", "Consulting", "Logistics",
                  "Financial", "Insurance", "Paper", "Hydro", "Turbo", "Power", "Chemicals", "Materials", "Displays",
                  "Optics", "Photonics", "Medical", "Healthcare", "Aviation", "Lighting", "Division", "Studio")
# Heads of nouns that introduce a name of a class ("der Chiphersteller Nvidia", "das KI-Unternehmen
# Scale AI"); compounds count by their last part, inflection endings are allowed.
ORG_DESCRIPTORS = (
    "unternehmen", "konzern", "firma", "startup", "start-up", "hersteller", "anbieter", "dienst", "zulieferer",
    "gigant", "riese", "bauer", "investor", "investoren", "fonds", "bank", "labor", "gruppe", "holding",
    "betreiber", "händler", "agentur", "verband", "pionier", "dienstleister", "spezialist", "marktführer",
    "rivale", "geldgeber", "kapitalgeber", "tochter", "tochterfirma", "eigentümer", "mutter", "rivalen",
    "softwarehaus", "autobauer", "behörde", "organisation", "institut", "universität", "versandhaus",
    "versender", "plattformbetreiber", "netzbetreiber", "provider", "partner", "firmen", "konzerne",
    "konkurrent", "konkurrenten", "wettbewerber", "töchter", "marke", "fintech", "insurtech", "proptech", "studio", "entwicklerstudio", "spielestudio", "lieferant",
    "vermögensverwalter", "ausrüster", "mitbewerber", "gesellschaft", "abteilung", "sparte", "geschäftsbereich",
)
PRODUCT_DESCRIPTORS = (
    "suchmaschine", "plattform", "app", "webportal", "portal", "netzwerk", "smartphone", "chip", "prozessor",
    "grafikchip", "modell", "sprachmodell", "ki-modell", "software", "betriebssystem", "browser", "messenger",
    "konsole", "spielkonsole", "tablet", "brille", "assistent", "sprachassistent", "chatbot", "kassenschlager",
    "bestseller", "handy", "uhr", "smartwatch", "streamingdienst-app", "cloud-dienst", "videoplattform",
    "datenbrille", "bildgenerator", "chip-system", "chipsystem", "prozessorsystem", "system-on-a-chip", "fahrzeug", "elektroauto", "auto", "roboter", "gerät",
    "computerspiel", "videospiel", "handyspiel", "onlinespiel", "rollenspiel", "strategiespiel", "spielreihe", "spieleserie", "lampe", "kamera", "radioempfänger",
    "programmiersprache", "skriptsprache", "abfragesprache", "datenbank", "datenbanksystem", "verwaltungssystem",
    "bezahlsystem", "zahlungssystem", "navigationssystem", "textverarbeitung", "tabellenkalkulation",
    "entwicklungsumgebung", "programm", "computer", "rechner", "drucker", "fernseher", "router", "flugzeug",
    "flugmotor", "triebwerk", "organizer", "mikrocontroller", "speicher", "festplatte",
)
# Words opening a bracket after a name that gives the same firm's or product's other name ("Tamedia (seit
# 2020 TX Group)", "Hynix (ehemals Hynix Semiconductor Inc.)"): the two names are one entity
# (kg/extract/renames.py; "seit" takes a year).
RENAME_CUES = ("heute", "ehemals", "vormals", "früher", "jetzt", "inzwischen", "später", "seit", "umbenannt in",
               "später umbenannt in", "heute bekannt als", "bekannt als")
# Words after a number that make "brand + number" a quantity, not a model ("Siemens 300 Mitarbeiter" vs
# "Nokia 3310", kg/extract/model_codes.py).
QUANTITY_WORDS = ("Millionen", "Milliarden", "Mio", "Mrd", "Prozent", "Euro", "Dollar", "Franken",
                      "Mitarbeiter", "Mitarbeitern", "Beschäftigte", "Beschäftigten", "Stück", "Einheiten",
                      "Kunden", "Filialen", "Standorte", "Jahre", "Jahren", "Tage", "Tagen", "Stunden")
# Head nouns that make the subject of an encyclopedia lead a product ("Die Siedler ist eine
# Computerspielreihe"); read only for the title line's name (kg/extract/titles.py).
TITLE_PRODUCT_HEADS = ("spiel", "spiele", "spielreihe", "spieleserie", "spielserie", "reihe", "serie", "programm", "suite",
                       "system", "datenbank", "konsole", "spielkonsole", "videospielkonsole", "karte", "bezahlverfahren",
                       "zahlungsverfahren")
# First words of a title line that is about a topic, not a name ("Geschichte AMDs") (kg/extract/titles.py).
TITLE_TOPICS = ("Geschichte", "Liste", "Übernahme", "Chronik", "Fusion", "Gründung", "Entwicklung")
# Places: a name the tagger reads as an organisation or product that is one of these is a place
# ("An der Universität Padua promovierte er"; kg/extract/mentions.py).
PLACES = frozenset((
    "Aachen", "Afrika", "Amerika", "Amsterdam", "Argentinien", "Asien", "Atlanta", "Augsburg", "Austin",
    "Australien", "Baden-Württemberg", "Bangalore", "Barcelona", "Basel", "Bayern", "Belgien", "Berlin", "Bern",
    "Bielefeld", "Bonn", "Boston", "Brandenburg", "Brasilien", "Bremen", "Brüssel", "Budapest", "Chicago", "China",
    "Cupertino", "Darmstadt", "Denver", "Deutschland", "Dortmund", "Dresden", "Dublin", "Dänemark", "Düsseldorf",
    "Edinburgh", "England", "Erlangen", "Essen", "Europa", "Finnland", "Florenz", "Florida", "Frankfurt",
    "Frankreich", "Freiburg", "Genf", "Graz", "Griechenland", "Großbritannien", "Hamburg", "Hannover",
    "Heidelberg", "Helsinki", "Hessen", "Hongkong", "Indien", "Indonesien", "Ingolstadt", "Innsbruck", "Irland",
    "Israel", "Italien", "Japan", "Jena", "Kalifornien", "Kanada", "Karlsruhe", "Kiel", "Kopenhagen", "Korea",
    "Kyoto", "Kyōto", "Kärnten", "Köln", "Lausanne", "Leipzig", "Linz", "London", "Los Angeles", "Luxemburg",
    "Luzern", "Lyon", "Madrid", "Mailand", "Mainz", "Malaysia", "Manchester", "Mannheim", "Marseille",
    "Massachusetts", "Mexiko", "Montreal", "Moskau", "Mountain View", "Mumbai", "München", "Münster", "Neapel",
    "Neu-Delhi", "New York", "Niederlande", "Niedersachsen", "Nordamerika", "Nordrhein-Westfalen", "Norwegen",
    "Nürnberg", "Osaka", "Oslo", "Paderborn", "Padua", "Palo Alto", "Paris", "Peking", "Polen", "Portugal",
    "Potsdam", "Prag", "Redmond", "Regensburg", "Rom", "Rumänien", "Russland", "Sachsen", "Salzburg",
    "San Francisco", "San Jose", "Santa Clara", "Schottland", "Schweden", "Schweiz", "Seattle", "Seoul",
    "Shanghai", "Shenzhen", "Silicon Valley", "Singapur", "Spanien", "Stockholm", "Stuttgart", "Sydney",
    "Südamerika", "Südkorea", "Taipeh", "Taiwan", "Tel Aviv", "Texas", "Thailand", "Thüringen", "Tirol", "Tokio",
    "Tokyo", "Toronto", "Tschechien", "Turin", "Türkei", "USA", "Ukraine", "Ulm", "Ungarn", "Vancouver", "Venedig",
    "Vietnam", "Warschau", "Washington", "Wien", "Wiesbaden", "Wolfsburg", "Zürich", "Österreich",
))
INFLECTIONS = ("", "s", "es", "n", "en", "e", "ern", "er", "in", "innen")
# Descriptors that carry a relation themselves; they stay in the text for the relation patterns.
RELATIONAL_DESCRIPTORS = ("eigentümer", "tochter", "zulieferer", "rivale", "konkurrent", "wettbewerber", "mitbewerber",
                          "partner", "investor",
                          "geldgeber", "mutter", "kapitalgeber", "konkurrenz", "marke", "töchter", "mehrheitseigner", "lieferant", "besitzer")
# Endings of German common nouns: a capitalised word with one of them does not continue a name.
NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "e", "en", "er", "ern", "chen", "nis",
                "isse", "tät", "ismus", "rat", "amt", "markt")
# Capitalised prefixes of compounds that never name an entity ("KI-Unternehmen", "US-Riese").
GENERIC_PREFIXES = (
    "KI", "US", "EU", "IT", "Tech", "Online", "Internet", "Software", "Auto", "Daten", "Medien", "Chip", "Handy",
    "Cloud", "Web", "Musik", "Video", "Bild", "Foto", "Spiele", "Netz", "Telekom", "Finanz", "Technologie",
    "Konzern", "Firmen", "Unternehmens", "Display", "Bildschirm", "Smartphone", "China", "Japan", "Europa",
    "Silicon", "Startup", "Start", "Social", "Tesla", "Elektro", "Batterie", "Energie", "Mobilfunk", "Branchen",
    "Kurznachrichten", "Ex", "Vize", "Co", "Mit", "Top", "Super", "Mega", "Apps", "Streaming", "Halbleiter",
    "Diplom", "Doktor", "Honorar", "Ehren", "Gast", "Senior", "Junior",
)
# A plural noun after "die" that points back at the last list of organisations ("die Autobauer").
GROUP_ANAPHORS = ("Autobauer", "Autohersteller", "Konzerne", "Unternehmen", "Firmen", "Hersteller",
                  "Eigentümer", "Partner", "Investoren", "Geldgeber", "Anbieter", "Konkurrenten")
# Noun phrases that point back at an organisation ("das Unternehmen", "der US-Technologieriese").
ORG_ANAPHOR_HEADS = ("unternehmen", "konzern", "firma", "startup", "start-up", "hersteller", "anbieter",
                     "gigant", "riese", "zulieferer", "dienst", "musikdienst", "softwarekonzern", "japaner",
                     "amerikaner", "südkoreaner", "chinesen", "pionier", "marktführer", "spezialist")
ANAPHOR_DETERMINERS = ("der", "die", "das", "den", "dem", "des")
PERSON_PRONOUNS = ("er", "ihn", "ihm")
ORG_PRONOUNS = ()
# Demonstratives that stand for the last name before them when a verb follows ("... der Sicherheitsfirma
# Fireeye. Diese hatte 2013 Mandiant übernommen"); before a noun they are determiners ("Diese Firma").
DEMONSTRATIVES = ("Diese", "Dieser", "Dieses", "diese", "dieser", "Letztere", "Letzterer", "letztere", "letzterer")
FINITE_VERBS = ("hat", "hatte", "hatten", "haben", "ist", "war", "waren", "sind", "sei", "wird", "wurde", "wurden",
                "werden", "will", "wollte", "soll", "sollte", "kann", "konnte", "muss", "musste", "darf", "gehört",
                "gehörte", "übernahm", "übernimmt", "kaufte", "kauft", "gründete", "investierte", "investiert",
                "beteiligte", "lieferte", "liefert", "verklagte", "verklagt", "arbeitet", "arbeitete", "kooperiert")
NAME_PARTICLES = ("von", "vom", "zu", "der", "van", "de", "di", "da", "du", "le", "la", "ter", "den")
# The particles that may follow a given name ("Werner von Siemens"); not the articles, nor "zu" ("wechselte
# Peter zu Siemens").
GIVEN_NAME_PARTICLES = ("von", "vom", "van", "de", "di", "da", "du", "le", "la", "ter", "bin")
# Words for people (not roles) in front of a name: "der Milliardär Kirk Kerkorian".
PERSON_DESCRIPTORS = ("Milliardär", "Milliardärin", "Multimilliardär", "Unternehmer", "Unternehmerin", "Investorin",
                      "Gründerin", "Informatiker", "Informatikerin", "Programmierer", "Programmiererin", "Ökonom",
                      "Ökonomin", "Tech-Milliardär", "Risikokapitalgeber", "Erfinder", "Erfinderin", "Aktivist",
                      "Aktivistin", "Politiker", "Politikerin", "Minister", "Ministerin", "Bundeskanzler")
# Words that end a descriptor phrase in front of a name ("in den deutschen Softwarekonzern SAP").
PREPOSITIONS = ("in", "an", "von", "mit", "für", "bei", "zu", "und", "oder", "als", "durch", "über", "gegen", "nach", "um")
POSSESSIVES = ("sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihrer", "unser", "unsere")
COPULAS = ("ist", "war")  # "Square ist ein Zahlungsdienstleister": the descriptor types the name
DETERMINERS = ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "einer")
# Words that open an apposition or relative clause after a name ("Cisco, der seit Jahren mit Splunk arbeitet,
# übernimmt"); the patterns also see the sentence without such a clause where it names nobody.
APPOSITION_OPENERS = DETERMINERS + ("deren", "dessen", "welche", "welcher", "welches", "einer der", "eines der")

ROLE_TITLES = (
    "Chief Executive Officer", "Chief AI Officer", "Chief Technology Officer", "Chief Operating Officer",
    "Chief Financial Officer", "Chief Scientist", "Chief Product Officer", "CEO", "CTO", "CFO", "COO", "Co-CEO",
    "Co-Chef", "Co-Chefin", "Finanzvorstand", "Finanzvorständin", "Technikvorstand", "Personalvorstand",
    "Vorstandsvorsitzender", "Vorstandsvorsitzende", "Vorstandschef", "Vorstandschefin", "Vorstandsmitglied",
    "Konzernchef", "Konzernchefin", "Firmenchef", "Firmenchefin", "Unternehmenschef", "Finanzchef",
    "Technikchef", "Entwicklungschef", "Forschungschef", "KI-Chef", "Aufsichtsratschef", "Aufsichtsratsvorsitzender",
    "Geschäftsführer", "Geschäftsführerin", "Präsident", "Präsidentin", "Vizepräsident", "Vizepräsidentin",
    "Sprecher", "Sprecherin", "Pressesprecher", "Pressesprecherin", "Unternehmenssprecher", "Konzernsprecher",
    "Chef", "Chefin", "Vorstand", "Manager", "Managerin", "Direktor", "Direktorin", "Leiter", "Leiterin",
    "Gründer", "Gründerin", "Mitgründer", "Mitgründerin", "Mitbegründer", "Ingenieur", "Ingenieurin",
    "Forscher", "Forscherin", "Entwickler", "Entwicklerin", "Mitarbeiter", "Mitarbeiterin", "Berater", "Beraterin",
    "Analyst", "Analystin", "Investor", "Chefentwickler", "Chefdesigner", "Chefwissenschaftler",
    "Vorsitzender", "Vorsitzende", "Konzernsprecherin", "Unternehmenssprecherin", "Co-Geschäftsführer",
    "Co-Geschäftsführerin",
)
ROLE_NORMAL = {
    "chef": "CEO", "chefin": "CEO", "konzernchef": "CEO", "konzernchefin": "CEO", "firmenchef": "CEO",
    "firmenchefin": "CEO", "unternehmenschef": "CEO", "vorstandschef": "CEO", "vorstandschefin": "CEO",
    "vorstandsvorsitzender": "CEO", "vorstandsvorsitzende": "CEO", "chief executive officer": "CEO",
    "sprecher": "spokesperson", "sprecherin": "spokesperson", "pressesprecher": "spokesperson",
    "pressesprecherin": "spokesperson", "unternehmenssprecher": "spokesperson", "konzernsprecher": "spokesperson",
    "finanzchef": "CFO", "technikchef": "CTO", "geschäftsführer": "managing director",
    "geschäftsführerin": "managing director", "präsident": "president", "präsidentin": "president",
    "gründer": "founder", "gründerin": "founder", "mitgründer": "co-founder", "mitbegründer": "co-founder",
    "mitarbeiter": "employee", "mitarbeiterin": "employee", "berater": "advisor", "beraterin": "advisor",
    "aufsichtsratschef": "chairman", "aufsichtsratsvorsitzender": "chairman", "vorstand": "board member",
    "vorstandsmitglied": "board member", "entwickler": "engineer", "ingenieur": "engineer",
    "forscher": "researcher", "leiter": "head", "leiterin": "head", "direktor": "director", "direktorin": "director",
}
# Role compounds after an organisation: "Microsoft-Chef", "Meta-Sprecherin".
ROLE_COMPOUNDS = (
    "Chef", "Chefin", "Konzernchef", "Vorstandschef", "Vorstandschefin", "Sprecher", "Sprecherin",
    "Manager", "Managerin", "Vorstand", "Finanzchef", "Technikchef", "KI-Chef", "Mitarbeiter", "Mitarbeiterin",
    "Entwickler", "Entwicklerin", "Ingenieur", "Forscher", "Forscherin", "Präsident", "Präsidentin",
    "Aufsichtsratschef", "Geschäftsführer", "Geschäftsführerin", "Direktor", "Vize", "Vizechef",
    "Vorstandsvorsitzende", "Vorstandsvorsitzender", "Vorstandsvorsitzenden", "CEO", "CTO", "CFO", "COO", "Co-Chef",
    "Co-Chefin", "Aufsichtsratsvorsitzende", "Aufsichtsratsvorsitzender", "Gründer", "Mitgründer",
    "Entwicklungsvorstand", "Technikvorstand", "Finanzvorstand", "Produktvorstand", "Vertriebsvorstand",
    "Personalvorstand", "Digitalvorstand", "Entwicklungschef", "Marketingchef", "Vertriebschef", "Personalchef",
    "Strategiechef", "Europachef", "Deutschlandchef", "Geschäftsführerin",
)

# Slots that name an organisation ("hatte IDS Scheer 2009 übernommen", "früher bei IDC"): (class, expression
# over the text just before the name) and (class, expression just after it). Every German noun is capitalised,
# so here only names shaped like names count (an acronym or an inner capital: "IDS Scheer", "WebMethods").
NAME_CONTEXT_BEFORE = (
    ("Organization", r"\b(?:Übernahme|Übernahmen|Akquise|Akquisition|Kauf|Erwerb)\s(?:von|des|der)\s$"),
    ("Organization", r"\b(?:früher|zuvor|bisher|ehemals|einst|zuletzt)\s(?:bei|für)\s(?:der\s|dem\s)?$"),
    ("Organization", r"\b(?:Analyst|Analystin|Experte|Expertin|Marktforscher\w*|Manager|Managerin)\s(?:\w+\s){0,2}(?:von|bei|beim)\s$"),
    ("Organization", r"\b[A-ZÄÖÜ][a-zäöüß]+\s[A-ZÄÖÜ][a-zäöüß-]+\s(?:von|vom)\s$"),  # "Rüdiger Spies von IDC"
)
NAME_CONTEXT_AFTER = (
    ("Organization", r"^\s(?:im\sJahr\s)?(?:\d{4}\s)?(?:übernommen|gekauft|erworben|geschluckt)\b"),
)
NAME_CONTEXT_SHAPED = True
# Capitalised words that open no name: a tagged name that starts with one starts after it ("Im Februar 2010
# ...", "Später Siemens ..."); nouns are capitalised, so a descriptor before a name is cut too ("Hersteller
# Tesla Motors").
NAME_OPENERS_NOT = (
    "Im", "In", "Am", "An", "Auf", "Aus", "Bei", "Seit", "Nach", "Ab", "Bis", "Laut", "Mit", "Durch", "Für",
    "Über", "Unter", "Vor", "Während", "Zum", "Zur", "Als", "Auch", "Später", "Heute", "Danach", "Zuvor",
    "Anschließend", "Inzwischen", "Bereits", "Damals", "Zudem", "Außerdem", "Dabei", "Daraufhin", "Schließlich",
    "Beim", "Vom", "Ins", "Ans",
)
DESCRIPTORS_CAPITALISED = True
# Words that count a noun: what follows them is a common noun, not a name ("den drei Regionen-Chefs").
QUANTIFIERS = ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "beiden",
               "mehrere", "mehreren", "einige", "einigen", "viele", "vielen", "alle", "allen", "sämtliche", "beide")
# A place after a company's name makes a unit of its own ("TSMC Arizona", "ZTE Europe", "Microsoft Deutschland").
UNIT_WORDS = ("Europe", "Europa", "America", "Americas", "Asia", "Africa", "EMEA", "APAC", "International", "Global",
              "Germany", "Deutschland", "Austria", "Österreich", "Switzerland", "Schweiz", "France", "Frankreich",
              "UK", "Ireland", "Italy", "Italia", "Spain", "España", "Japan", "China", "India", "Korea", "Taiwan",
              "Canada", "Brasil", "Brazil", "Mexico", "Australia", "Singapore", "Arizona", "Texas", "California",
              "Dresden", "Nordamerika", "USA", "Montreal", "Toronto")

# -------------------------------------------------------------------- relations
_VON = r"(?:von|vom|des|der|bei|beim)"
_AUX = r"(?:hat|hatte|hatten|haben|habe|will|wollen|wollte|wollten|soll|sollen|sollte|möchte|plant|planen|kann|könnte|wird|werden|würde|ist|sind|war)"

RELATION_PATTERNS = (
    # --- collaboratesWith
    ("collaboratesWith", r"(?P<s>{ORGS}){GAP2}\s(?:kooperier\w+|arbeite\w*|verbünde\w*|spann\w+|tun|tat)\s(?:\w+\s){0,5}?mit\s(?P<o>{ORGS})", {}),
    ("collaboratesWith", r"(?<!⟩\s)\b(?:kooperiert|kooperierte|arbeitet|arbeitete|verbündet)\s(?:sich\s)?(?P<s>{ORG})\s(?:\S+\s){0,5}?mit\s(?P<o>{ORGS})", {}),
    ("collaboratesWith", r"(?P<s>{ORG}),?\s(?:[^⟨\s]\S*\s){0,10}?(?:Zusammenarbeit|Kooperation|Partnerschaft|Allianz|Joint Venture|Gemeinschaftsunternehmen|Bündnis|Kooperationsvertrag|Partnerschaftsvertrag)(?:en)?\s(?:\w+\s){0,2}?mit\s(?P<o>{ORGS})", {}),
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:\S+\s){0,3}?mit\s(?P<o>{ORGS})\s(?:\S+\s){0,3}?(?:Partnerschaft|Zusammenarbeit|Kooperation|Allianz|Joint Venture|Gemeinschaftsunternehmen)\w*\s(?:\S+\s){0,4}?(?:vereinbart|geschlossen|eingegangen|gegründet|vereinbarte|schloss|gründete|vereinbaren|gestartet)", {}),
    ("collaboratesWith", r"(?<!⟩\s)\b{AUX}\s(?P<s>{ORG})\s(?:\S+\s){0,3}?mit\s(?P<o>{ORGS})\s(?:\S+\s){0,3}?(?:Partnerschaft|Zusammenarbeit|Kooperation|Allianz|Joint Venture|Gemeinschaftsunternehmen)\w*", {}),
    ("collaboratesWith", r"(?:Zusammenarbeit|Kooperation|Partnerschaft|Allianz|Joint Venture|Bündnis)\s(?:\w+\s){0,2}?zwischen\s(?P<pair>{ORGS})", {}),
    # "Merantix, das Venture Studio von Adrian Locher, und die japanische Softbank haben eine Partnerschaft vereinbart"
    ("collaboratesWith", r"^[^⟨]{0,30}?(?P<s>{ORG}),\s(?:[^⟨]|⟨P\d+⟩){0,100}?,\s(?:und|sowie)\s(?:[^⟨\s]+\s){0,2}?(?P<o>{ORG})\s(?:{AUX}\s)?(?:\S+\s){0,4}?(?:Partnerschaft|Kooperation|Zusammenarbeit|Allianz|Joint Venture|Kooperationsvertrag)\w*\s(?:\S+\s){0,3}?(?:vereinbart|geschlossen|eingegangen|angekündigt|unterzeichnet|vereinbarten|schlossen|gegründet)", {}),
    ("collaboratesWith", r"(?P<s>{ORG})\s?-(?:Partner|Partnerin|Kooperationspartner)\s(?P<o>{ORG})", {}),
    # "Inzwischen kooperiert die Deutsche Glasfaser auch mit der Deutschen Telekom", "Neben den Partnerschaften mit
    # Telekom und Vodafone will das Unternehmen ..."
    ("collaboratesWith", r"\b(?:kooperiert|kooperierte|kooperieren|kooperierten)\s(?:\S+\s){0,2}?(?P<s>{ORG})\s(?:\S+\s){0,3}?mit\s(?:\S+\s){0,2}?(?P<o>{ORGS})", {}),
    ("collaboratesWith", r"\b(?:Partnerschaft|Partnerschaften|Kooperation|Kooperationen|Zusammenarbeit)\smit\s(?:\S+\s)?(?P<o>{ORGS})\s(?:{AUX}|hat|ist)\s(?:der\s|die\s|das\s)?(?P<s>{ORG})", {}),
    # "BMW und Daimler fusionierten bereits ihre Mobilitätsdienste"
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:und|sowie)\s(?P<o>{ORG})\s(?:\S+\s){0,2}?(?:fusionierten|fusionieren|fusionierte|bündelten|bündeln|verschmolzen|verschmelzen)\s(?:\S+\s){0,2}?(?:ihre|ihr)\s", {}),
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:und|sowie)\s(?P<o>{ORG})\s(?:\S+\s){0,6}?(?:kooperieren|arbeiten\s(?:\S+\s){0,4}?zusammen|gründen\s(?:ein|eine)\s(?:Joint Venture|Gemeinschaftsunternehmen)|verbünden sich)", {}),
    # "Die Deutsche Telekom und der Technologiekonzern Nvidia bauen gemeinsam ...", "errichten ein gemeinsames Rechenzentrum"
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:und|sowie)\s(?P<o>{ORG})\s(?:[^⟨\s]+\s){0,8}?(?:gemeinsam|gemeinsame[nmrs]?|zusammen)\s", {"conf": 0.8}),
    # --- competesWith
    ("competesWith", r"(?P<s>{ORG})\s?-{ROLECX}\s⟨P\d+⟩\s[^⟨]{0,60}?\b(?:Konkurrent(?:en)?|Rivalen|Wettbewerber[n]?)\s(?P<o>{ORGS})", {}),
    ("competesWith", r"(?P<s>{ORG})(?:[^⟨]|⟨P\d+⟩){0,120}?\b(?:Konkurrent(?:en)?|Wettbewerber[n]?|Rivalen|Mitbewerber[n]?|Erzrivalen|Konkurrenz(?:unternehmen|firma|konzerns?|anbieter|produkt)\w{0,2})\s(?:wie\s|etwa\s|darunter\s)?(?P<o>{ORGS})", {}),
    ("competesWith", r"\bmit\s(?P<o>{ORGS})\s(?:konkurriert|konkurrierte|konkurrieren)\s(?:\S+\s){0,2}?(?P<s>{ORG})", {}),
    ("collaboratesWith", r"\bmit\s(?P<o>{ORGS})\s(?:kooperiert|kooperierte|arbeitet|arbeitete)\s(?:\S+\s){0,2}?(?P<s>{ORG})", {}),
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:\S+\s){0,3}?(?:gemeinsam|zusammen)\smit\s(?P<o>{ORGS})", {"conf": 0.75}),
    ("competesWith", r"(?P<s>{ORG})\s(?:\S+\s){0,5}?konkurrier\w*\s(?:\S+\s){0,4}?mit\s(?P<o>{ORGS})", {}),
    ("competesWith", r"(?P<s>{ORG})[^⟨]{0,80}?\bKonkurrenz\w*\s(?:von|vom|aus dem Hause)\s(?P<o>{ORG})", {}),
    ("competesWith", r"(?P<o>{ORG})\s?-(?:Konkurrent|Rivale|Herausforderer)\w*\s(?P<s>{ORGS})", {}),
    ("competesWith", r"(?P<s>{ORG})\s(?:ist|gilt als|sind)\s(?:\S+\s){0,3}?(?:Konkurrent|Rivale|Wettbewerber)\w*\s(?:von|des|der)\s(?P<o>{ORGS})", {}),
    # --- investsIn
    ("investsIn", r"Investition\w*\s(?:von\s{AMOUNT}\s)?(?:von|vom|des|der|durch)\s(?P<s>{OPERS})\s(?:in\s(?:(?:{STAKE}|(?:\S+\s){0,2}?Anteile?)\s(?:an\s)?)?|bei\s)(?P<o>{ORGS})", {}),
    ("investsIn", r"(?<![\w-])Investition\w*\s(?:von\s{AMOUNT}\s)?(?:von|vom|durch)\s(?P<s>{OPERS})(?!\s(?:in|an|bei)\s)", {"implicit": "o"}),
    ("investsIn", r"(?P<s>{OPERS})\s(?:\S+\s){0,4}?investier\w*\s(?:{GAP4})?(?:{AMOUNT}\s)?(?:\S+\s){0,3}?in\s(?:{STAKE}\s(?:an\s)?)?(?P<o>{ORGS})", {}),
    ("investsIn", r"(?<!⟩\s)\b(?:investiert|investierte|beteiligt|beteiligte)\s(?:sich\s)?(?P<s>{OPERS})\s(?:\S+\s){0,5}?(?:in|an|bei)\s(?:{STAKE}\s(?:an\s)?)?(?P<o>{ORGS})", {}),
    ("investsIn", r"(?P<s>{OPERS})\s(?:\S+\s){0,4}?beteilig\w*\s(?:sich\s)?(?:\S+\s){0,5}?(?:an|bei)\s(?P<o>{ORGS})", {}),
    ("investsIn", r"(?P<s>{OPERS})\s(?:[^⟨\s]\S*\s){0,8}?(?:Anteil|Beteiligung)\w*\s(?:von\s{STAKE}\s)?(?:an|bei)\s(?P<o>{ORG})", {}),
    # verb last: "Softbank hat 100 Millionen Dollar in Klarna investiert", "die Summe, die Softbank in X investiert",
    # "Hunderte Millionen in den Bezahldienst Klarna, in Stripe oder in das Fintech Revolut gesteckt"
    ("investsIn", r"(?<!\bin\s)(?<!\bin\sden\s)(?<!\bin\sdas\s)(?<!\bin\sdie\s)(?P<s>{OPERS})\s(?:{AUX}\s)?(?:[^⟨\s]\S*\s){0,7}?(?P<o>in\s(?:[^⟨\s]+\s){0,3}?{OP}(?:(?:,\s|\s(?:und|oder|sowie)\s|,\s(?:und|oder)\s)(?:in\s)?(?:[^⟨\s]+\s){0,3}?(?:{OP}|(?-i:[A-ZÄÖÜ][\w-]*)))*\s(?:[^⟨\s]+\s){0,3}?(?:investiert|investierte|investierten|investieren|eingeschossen|gesteckt|gepumpt|steckt|steckte|pumpt|pumpte)\b)", {}),
    ("investsIn", r"(?P<s>{OPERS})\s{AUX}\s(?:[^⟨\s]\S*\s){0,5}?an\s(?P<o>{ORGS})\s(?:[^⟨\s]+\s){0,3}?beteiligt\b", {}),
    # "Die Bestandsinvestoren A, B und C stemmten die Hälfte der Runde": the investors of the company just named
    ("investsIn", r"^(?=.*?(?:Runde|Finanzierung|Kapital|Million|Milliard|Investment|Investorenkreis))(?:.*?\s)?(?:Investoren|Bestandsinvestoren|Neuinvestoren|Geldgeber|Kapitalgeber|Wagniskapitalgeber|Altgesellschafter\w*|Gesellschafter\w*|Geldgebern|Investor|Investorenkreis\szählen|Investorenkreis\sgehören)\s(?:u\.\s?a\.\s|unter anderem\s|auch\s)?(?:wie\s|darunter\s|sind\s|waren\s|(?:ist|sind|war|waren)\s(?:mit\s)?(?:der\s|dem\s|den\s)?(?:auch\s)?)?(?:[^⟨\s]+\s)?(?P<s>{OPERS})", {"implicit": "o", "conf": 0.8}),
    ("investsIn", r"(?P<s>{OPER}),\s(?:einer|eine|eines)\s(?:der|seiner|ihrer|seinen|ihren)\s(?:\S+\s)?(?:Investoren|Geldgeber|Kapitalgeber|Anteilseigner|Gesellschafter|Aktionäre|Großaktionäre)\b", {"implicit": "o", "conf": 0.8}),
    # "eine Finanzierungsrunde, an der sich mit SAP, Bosch und der Schwarz-Gruppe drei Konzerne beteiligt hatten"
    # "die United Internet AG als Großaktionärin der Tele Columbus AG", "die von ihr gehaltenen Anteile an X"
    ("investsIn", r"(?P<s>{OPER})\s(?:(?:ist|war)\s(?:der\s|die\s)?|(?:[^⟨\s]+\s){0,2}?als\s)(?:größte[rn]?\s)?(?:Großaktionär|Großaktionärin|Hauptaktionär|Hauptaktionärin|Ankerinvestor|Ankeraktionär|Anteilseigner|Aktionär|Aktionärin)\s(?:der|des|von|bei)\s(?P<o>{ORG})", {}),
    ("investsIn", r"^[^⟨]{0,20}?(?P<s>{ORG}){TEXT100}\b(?:von\s(?:ihr|ihm|ihnen)\s)?(?:gehaltenen|gehaltene)\s(?:Anteile|Beteiligung|Aktien)\s(?:von\s{STAKE}\s)?an\s(?P<o>{ORG})", {}),
    # "Unter den Geldgebern ist mit der Allianz auch ...": the company that raised the round
    ("investsIn", r"\b[Uu]nter\sden\s(?:Geldgebern|Investoren|Kapitalgebern|Neuinvestoren|Bestandsinvestoren)\s(?:ist|sind|war|waren)\s(?:mit\s)?(?:der\s|dem\s|den\s)?(?:auch\s)?(?P<s>{OPERS})", {"implicit": "funded", "conf": 0.8}),
    ("investsIn", r"\b(?:an|bei)\s(?:der|dem|denen)\ssich\s(?:auch\s)?(?:mit\s)?(?P<s>{OPERS})\s(?:[^⟨\s]+\s){0,8}?beteiligt", {"implicit": "funded", "conf": 0.8}),
    # "X übernimmt von Bosch die Anteile am KI-Unternehmen Y": a stake, not the company
    ("investsIn", r"(?P<s>{ORGS})\s(?:\S+\s){0,2}?(?:übernimmt|übernahm|kauft|kaufte|erwirbt|erwarb|stockt|stockte)\s(?:[^\s]+\s){0,4}?(?:Anteile?|Aktien|Beteiligung|Aktienpaket)\w*\s(?:\S+\s){0,2}?(?:an|am|der|des|bei|von)\s(?:\S+\s){0,2}?(?P<o>{ORG})", {}),
    # "Der Risikokapitalgeber X, der mit Investitionen in A, B und C ..., steckte elf Millionen in Y"
    ("investsIn", r"(?P<s>{OPER}),\s(?:der|die|das)\s[^⟨]{0,80}?\bInvestition(?:en)?\s(?:in|bei)\s(?P<o>{ORGS})", {"no_amount": True}),
    ("investsIn", r"(?P<s>{OPER})(?:,\s(?:der|die|das)\s{TEXT160},)?\s(?:steckte|steckt|pumpte|pumpt|schoss|investierte|investiert)\s(?:[^⟨\s]+\s){0,5}?in\s(?:[^⟨\s]+\s){0,2}?(?P<o>{ORGS})", {}),
    # "Das Start-up X erhielt in seiner Seedfinanzierung eine Million Euro von A und der B"
    ("investsIn", r"(?P<o>{ORG})\s(?:erhielt|erhält|bekam|bekommt|sammelte|sammelt)\s(?=[^⟨]{0,80}?(?:Million|Milliard|Euro|Dollar|Finanzierung|Kapital))[^⟨]{0,100}?\bvon\s(?P<s>{OPERS})", {}),
    ("investsIn", r"(?P<s>{OPERS})\s(?:\S+\s){0,3}?steig\w*\s(?:\S+\s){0,4}?(?:bei|beim)\s(?P<o>{ORG})\s(?:\S+\s){0,6}?ein\b", {}),
    ("investsIn", r"(?P<o>{ORG})\s(?:\S+\s){0,8}?(?:Finanzierungsrunde|Finanzierung)\s(?:\S+\s){0,3}?(?:angeführt\s)?(?:von|unter Führung von)\s(?P<s>{OPERS})", {}),
    # --- acquires (subject first, then verb-first after a fronted phrase: "Im Juni übernahm X ...")
    ("acquires", r"(?P<s>{ORGS})\s(?:{AUX}\s)?(?:\S+\s){0,2}?(?:übernimmt|übernahm|übernehmen|übernahmen|kauft|kaufte|kaufen|kauften|erwirbt|erwarb|erwerben|erwarben|schluckt|schluckte)\s(?:(?!Anteil|Aktie|Beteiligung)\S+\s){0,3}?(?<!von\s)(?<!vom\s)(?<!mit\s)(?P<o>{OPS})(?!\s(?:\S+\s){0,2}?(?:Anteile?|Aktien|Beteiligung)\b)", {}),
    ("acquires", r"(?P<s>{ORGS})\s{AUX}\s(?:\S+\s){0,6}?(?P<o>{OP})\s[^⟨]{0,80}?(?:von\s{ORG}\s[^⟨]{0,20}?)?(?:übernommen|gekauft|erworben|geschluckt|übernehmen|kaufen|erwerben|schlucken|zu übernehmen|zu kaufen)\b", {}),
    ("acquires", r"(?P<o>{OP})\s(?:wurde|wird|werden|wurden|soll|sollen|sei)\s(?:\S+\s){0,6}?(?:von|durch)\s(?:\S+\s){0,2}?(?P<s>{ORG})\s(?:\S+\s){0,4}?(?:übernommen|gekauft|erworben|geschluckt)", {}),
    ("acquires", r"(?<!⟩\s)\b(?:übernimmt|übernahm|kauft|kaufte|erwirbt|erwarb|schluckt|schluckte)\s(?:\S+\s){0,2}?(?<!von\s)(?<!vom\s)(?P<s>{ORG})\s(?:(?!Anteil|Aktie|Beteiligung)\S+\s){0,3}?(?P<o>{OPS})", {}),
    ("acquires", r"(?<!⟩\s)\b{AUX}\s(?:\S+\s){0,2}?(?P<s>{ORG})\s(?:\S+\s){0,4}?(?P<o>{OP})\s[^⟨]{0,60}?(?:übernommen|gekauft|erworben|geschluckt|übernehmen|kaufen|erwerben|schlucken)\b", {}),
    ("acquires", r"(?:Übernahme|Kauf|Erwerb|Akquise|Akquisition)\s(?:von\s|des\s|der\s)?(?P<o>{OP})\s(?:\S+\s){0,3}?durch\s(?P<s>{ORG})", {}),
    # "EQT übernimmt zusammen mit dem Pensionsfonds Omers den Konzern": two buyers
    ("acquires", r"(?P<s>{ORG}\s(?:übernimmt|übernahm|übernehmen|kauft|kaufte|erwirbt|erwarb)\s(?:zusammen|gemeinsam)\smit\s(?:[^⟨\s]+\s){0,3}?{ORG})\s(?:[^⟨\s]+\s){0,2}?(?P<o>{OPS})", {}),
    # "Wie Google bekannt gibt, soll Mandiant übernommen werden": the company that announces it buys
    ("acquires", r"\b[Ww]ie\s(?P<s>{ORG})\s(?:\S+\s){0,3}?(?:bekannt gibt|bekanntgibt|bekannt gab|bekanntgab|mitteilt|mitteilte|ankündigt|ankündigte|verkündet|verkündete),\s(?:soll|sollen|wird|werden)\s[^⟨]{0,40}?(?P<o>{OPS})\s(?:(?!von\s|vom\s|durch\s)[^⟨]){0,80}?(?:übernommen|gekauft|erworben|geschluckt)\swerden", {}),
    # "dass PizzaBo an den britischen Konkurrenten JustEat verkauft wurde", "verkaufte X an Y"
    ("acquires", r"(?P<o>{OP})\s(?:[^⟨\s]\S*\s){0,4}?an\s(?:[^⟨\s]+\s){0,3}?(?P<s>{ORG})\s(?:[^⟨\s]+\s){0,2}?verkauft\b", {}),
    ("acquires", r"\bverkauft\w*\s(?:[^⟨\s]+\s){0,3}?(?P<o>{OP})\s(?:[^⟨\s]+\s){0,4}?an\s(?:[^⟨\s]+\s){0,3}?(?P<s>{ORG})", {}),
    ("acquires", r"Verkauf\s(?:von\s|des\s|der\s)?(?P<o>{OP})\s(?:\S+\s){0,3}?an\s(?:(?:den|die|das)\s)?(?P<s>{ORG})", {}),
    ("acquires", r"(?P<s>{ORG})\s(?:\S+\s){0,4}?(?:Übernahme|Kauf|Erwerb|Akquise|Akquisition)\s(?:von\s|des\s|der\s)?(?P<o>{OP})(?!\s(?:\S+\s){0,3}?durch\s)", {}),
    # "Facebook zahlt für den Messenger-Dienst WhatsApp 19 Milliarden Dollar" (a price, not a stake or a licence)
    ("acquires", r"(?P<s>{ORGS})\s(?:{AUX}\s)?(?:\S+\s){0,4}?(?:zahlt|zahlte|zahlten|bezahlt|bezahlte|blättert|blätterte)\s(?:(?!Beteiligung|Anteil|Aktie|Lizenz|Rechte)[^⟨\s]+\s){0,5}?für\s(?:(?!Beteiligung|Anteil|Aktie|Lizenz|Rechte)[^⟨\s]+\s){0,3}?(?P<o>{OPS})", {"conf": 0.75, "money": True}),
    ("acquires", r"(?<!⟩\s)\b(?:zahlt|zahlte|bezahlte|blätterte)\s(?P<s>{ORG})\s(?:(?!Beteiligung|Anteil|Aktie|Lizenz|Rechte)[^⟨\s]+\s){0,3}?für\s(?:(?!Beteiligung|Anteil|Aktie|Lizenz|Rechte)[^⟨\s]+\s){0,3}?(?P<o>{OPS})", {"conf": 0.75, "money": True}),
    ("acquires", r"(?P<s>{ORG})\s{AUX}\s(?:\S+\s){0,6}?für\s(?:(?!Beteiligung|Anteil|Aktie|Lizenz|Rechte)[^⟨\s]+\s){0,3}?(?P<o>{OP})\s(?:\S+\s){0,3}?(?:gezahlt|bezahlt|hingeblättert)\b", {"conf": 0.75, "money": True}),
    ("acquires", r"(?P<s>{ORG})\s?-Übernahme\s", {"implicit": "o"}),
    # --- founded
    ("founded", r"(?P<o>{ORG})\s?-(?:Mit)?(?:[Gg]ründer|[Bb]egründer)(?:in|s)?\s(?:und\s(?:\S+\s){0,3}?)?(?P<s>{PERS})", {}),
    ("founded", r"(?:Mit)?[Gg]ründer(?:in)?\s(?:(?:von|des|der)\s)?(?P<o>{ORG}),?\s(?P<s>{PERS})", {}),
    ("founded", r"(?P<s>{PER}),\s(?:der|die)?\s?(?:\S+\s)?(?:Mit)?[Gg]ründer(?:in)?\s(?:und\s\S+\s)?(?:von|des|der)\s(?P<o>{ORG})", {}),
    ("founded", r"(?P<s>{PER})\s(?:ist|war)\s(?:der\s|die\s)?(?:\S+\s)?(?:Mit)?[Gg]ründer(?:in)?\s(?:(?:von|des|der)\s)?(?P<o>{ORG})", {}),
    ("founded", r"(?P<s>{PER})\s(?:und|mit)\s(?:sein|seinem|seine|ihr|ihrem|ihre)\s(?:(?:Start-up|Startup|Unternehmen|Firma)\s)?(?P<o>{ORG})", {"conf": 0.7}),
    ("founded", r"(?<!⟩\s)\b(?:gründete|gründeten)\s(?P<s>{PERS})\s(?:[^⟨\s]+\s){0,4}?(?P<o>{ORG})", {}),
    # "Den Gründern A, B und C gehören die verbliebenen Anteile": founders of the company just named
    ("founded", r"(?<![-\w])(?:Gründern|Gründerinnen|Mitgründern)\s(?P<s>{PER}(?:,\s{PER})*,?\s(?:und|sowie)\s{PER})(?!\s(?:von|des|der)\s)", {"implicit": "o", "conf": 0.8}),
    ("founded", r"(?P<s>{PERS})\s(?:\S+\s){0,3}?(?:gründete|gründeten|begründete|mitbegründete)\s(?:\S+\s){0,3}?(?P<o>{ORG})", {}),
    ("founded", r"(?P<s>{PERS})\s(?:hat|hatte|haben|hatten)\s(?:\S+\s){0,3}?(?P<o>{ORG})\s(?:[^⟨\s]\S*\s){0,9}?(?:mit)?(?:gegründet|begründet)", {}),
    ("founded", r"(?P<o>{ORG}),\s(?:das|die|den|welches|welche)\s(?P<s>{PER})\s(?:\S+\s){0,4}?(?:mit)?(?:gegründet|begründet|gründete)", {}),
    ("founded", r"(?P<o>{ORG})\s(?:wurde|war)\s(?:\S+\s){0,4}?von\s(?:\S+\s){0,3}?(?P<s>{PERS})\s(?:\S+\s){0,3}?(?:gegründet|ins Leben gerufen)", {}),
    # --- worksFor
    ("worksFor", r"\b(?:neue[rn]?\s)?{ROLE}\s(?:(?:von|bei|des|der)\s)?(?P<o>{ORG}),?\s(?P<s>{PER})", {}),
    # "meint Rüdiger Spies von IDC:", "Anna Roth vom Branchenverband Bitkom sagte"
    ("worksFor", r"(?P<s>{PER})\s(?:von|vom)\s(?P<o>{ORG})(?:\s?[:,]|\s(?:sagt|sagte|meint|meinte|erklärt|erklärte|betont|betonte)\b)", {"conf": 0.75}),
    # "Jennifer Morgan und Christian Klein, die beide schon länger bei SAP sind"
    ("worksFor", r"(?P<s>{PERS}),\s(?:der|die)\s(?:[^⟨\s]+\s){0,4}?bei\s(?:der\s|dem\s)?(?P<o>{ORG})\s(?:[^⟨\s]+\s){0,2}?(?:arbeitet|arbeiten|tätig|beschäftigt|angestellt|ist|sind)\b", {}),
    # "Hasso Plattner, Vorsitzender des SAP-Verwaltungsrates"
    ("worksFor", r"(?P<s>{PER}),\s(?P<role>Vorsitzende[r]?|Mitglied|Chef|Chefin)\s(?:des|im)\s(?P<o>{ORG})\s?-(?:Verwaltungsrat|Aufsichtsrat|Vorstand|Vorstands|Beirat)\w*", {}),
    ("worksFor", r"(?P<o>{ORG})\s?-{ROLEC}\s(?:und\s(?:\S+\s){0,2})?(?P<s>{PER})", {}),
    ("worksFor", r"(?P<o>{ORG})\s?-(?:Mit)?[Gg]ründer(?:in)?\sund\s{ROLE}\s(?P<s>{PER})", {}),
    ("worksFor", r"(?P<s>{PER}),\s(?:der\s|die\s)?(?:[^⟨\s,]+\s){0,3}?(?:[\w]+-)?{ROLE}\s(?:(?:von|vom|bei|beim|des|der)\s)?(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<o>{ORG})(?:\s(?:AG|SE|GmbH|Inc\.))?\s(?:und|sowie)\s(?:deren|dessen)\s(?:neue[rn]?\s)?{ROLE}\w{0,2}\s(?P<s>{PER})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:ist|wird|bleibt)\s(?:\S+\s){0,2}?{ROLE}\s(?:von|bei|des|der)\s(?:(?-i:[A-ZÄÖÜ]\w*er)\s)?(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<o>{ORG})\s{ROLE}\s(?P<s>{PER})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:\S+\s){0,3}?(?:sitzt|saß|sitzen)\s(?:\S+\s){0,2}?(?:im|in den)\s(?P<role>Aufsichtsrat|Vorstand|Verwaltungsrat|Beirat)\s(?:von|des|der|bei)\s(?P<o>{ORG})", {}),
    ("worksFor", r"(?:^|[^⟩]\s)(?P<role>Konzernchef|Konzernchefin|Firmenchef|Firmenchefin|Vorstandschef|Vorstandschefin|Unternehmenschef|Finanzchef|Finanzchefin|Konzernsprecherin|Konzernsprecher|Unternehmenssprecherin|Unternehmenssprecher|Firmensprecherin|Firmensprecher|Vorstandsmitglieder|Vorstandsmitgliedern|Vorstandsmitglied|Firmengründer|Aufsichtsratschef|Aufsichtsratschefin|Aufsichtsratsvorsitzende[rn]?|Vorstandsvorsitzende[rn]?)\s(?P<s>{PER})", {"implicit": "o", "alone": True}),
    ("formerlyWorkedFor", r"(?P<s>{PER})\s(?:\S+\s){0,2}?(?:arbeitete|war)\s(?:zuvor|früher|vorher|bis\s\d{4})\s(?:\S+\s){0,2}?(?:für|bei)\s(?:(?:den|die|das|dem)\s)?(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:\S+\s){0,2}?(?:arbeitet|arbeitete|heuert|heuerte)\s(?:\S+\s){0,3}?(?:für|bei)\s(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:\S+\s){0,3}?wechsel\w*\s(?:\S+\s){0,4}?von\s(?:{ORG})\s(?:\S+\s){0,2}?zu\s(?P<o>{ORG})", {}),
    # --- formerlyWorkedFor
    ("formerlyWorkedFor", r"(?:ehemalige[rn]?|frühere[rn]?|Ex-)\s?{ROLE}\s(?:von|bei|des|der)\s(?P<o>{ORG}),?\s(?P<s>{PER})", {}),
    ("formerlyWorkedFor", r"(?:ehemalige[rn]?\s|frühere[rn]?\s|Ex-)(?P<o>{ORG})\s?-{ROLEC}\s(?P<s>{PER})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER}),\s(?:der|die)?\s?(?:ehemalige[rn]?|frühere[rn]?|Ex-)\s?{ROLE}\s(?:von|bei|des|der)\s(?P<o>{ORG})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER})\s(?:\S+\s){0,3}?(?:verließ|verlässt|verlassen)\s(?:\S+\s){0,2}?(?P<o>{ORG})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER}),?\s(?:[^⟨\s]+\s){0,3}?(?P<o>{ORG})\s(?:[^⟨\s]+\s){0,3}?(?:verlassen|verlässt|verließ)\b", {}),
    # "Wolfram Jost, früher bei IDS Scheer tätig"
    ("formerlyWorkedFor", r"(?P<s>{PER})(?:,|\s(?:\S+\s){0,2}?)\s?(?:früher|zuvor|ehemals|einst|bis\s\d{4})\s(?:bei|für)\s(?:der\s|dem\s|den\s)?(?P<o>{ORG})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER})\s(?:\S+\s){0,3}?wechsel\w*\s(?:\S+\s){0,4}?von\s(?P<o>{ORG})\s(?:\S+\s){0,2}?zu\s{ORG}", {}),
    # --- develops
    ("develops", r"(?P<s>{ORGS})\s(?:{AUX}\s)?(?:\S+\s){0,3}?(?:entwickelt|entwickelte|baut|baute|bringt|brachte|präsentiert|präsentierte|stellt|stellte|veröffentlicht|veröffentlichte|produziert|produzierte|lanciert|startet|startete|erfand)\s(?:[^⟨\s]\S*\s){0,8}?(?P<o>{PRODS})", {}),
    ("develops", r"(?<!⟩\s)\b(?:entwickelt|entwickelte|baut|baute|bringt|brachte|präsentiert|präsentierte|stellt|stellte|veröffentlicht|veröffentlichte|produziert|lanciert|startet|startete)\s(?P<s>{ORG})\s(?:\S+\s){0,3}?(?P<o>{PRODS})", {}),
    ("develops", r"(?P<s>{ORG})\s(?:\S+\s){0,2}?mit\s(?P<o>{PRODS})\s(?:\S+\s){0,6}?(?:auf den Markt gebracht|vorgestellt|herausgebracht|veröffentlicht|präsentiert|lanciert)", {}),
    ("develops", r"(?P<s>{ORG})\s{AUX}\s(?:\S+\s){0,5}?(?P<o>{PRODS})\s(?:\S+\s){0,4}?(?:entwickelt|vorgestellt|herausgebracht|veröffentlicht|gebaut|eingeführt|gestartet|präsentiert|lanciert|erfunden)", {}),
    ("develops", r"(?P<s>{ORG})\s(?:[^⟨]){0,100}?\b(?:sein|seine|seinen|seinem|seiner|seines|ihr|ihre|ihren|ihrem|ihrer|ihres)\s(?:\S+\s){0,3}?(?:[–-]\s)?(?:also\s)?(?P<o>{PRODS})", {}),
    ("develops", r"(?P<o>{PROD})\s?-(?:Hersteller|Entwickler|Macher|Erfinder|Konzern|Anbieter|Mutter)\w*\s(?P<s>{ORG})", {}),
    ("develops", r"(?P<o>{PROD})\s(?:von|vom)\s(?P<s>{ORG})", {"conf": 0.6}),
    # --- owns
    ("owns", r"(?P<s>{ORG})\s?-(?:\w*?[Tt]ochter|Töchter|Tochterfirma|Tochtergesellschaft|Tochterunternehmen|Sparte|Marke|Plattform|Dienst)\w*\s(?P<o>{OPS})", {}),
    ("owns", r"(?P<o>{OP}),\s(?:eine|die|das|der|dem)\s(?:\S+\s){0,3}?\w*(?:Tochter|Tochterfirma|Tochtergesellschaft|Sparte|Marke|tochter|sparte)\w*\s(?:von|des|der)\s(?P<s>{ORG})", {}),
    ("owns", r"(?P<s>{ORG})\s(?:\S+\s){0,5}?(?:seine[rnms]?|ihre[rnms]?)\s(?:\S+-)?(?:Tochter|Tochterfirma|Tochtergesellschaft|Sparte|Marke)\w*\s(?P<o>{OPS})", {}),
    ("owns", r"(?P<o>{OP})\s(?:\S+\s){0,2}?gehör\w*\s(?:\S+\s){0,2}?(?:zu|zum|zur)\s(?:\S+\s){0,2}?(?P<s>{ORG})", {}),
    # "seine Mutter X" names the parent of the company the text is about, unless a name stands right before it
    ("owns", r"^(?!.*?⟨[OR]\d+⟩s?\s(?:\S+\s){0,2}?(?:Mutterkonzern|Mutter|Eigentümer|Mehrheitseigner))(?:.*?\s)?(?:Mutterkonzern|Mutter|Eigentümer\w*|Besitzer\w*|Mehrheitseigner\w*)\s(?P<s>{ORGS})", {"implicit": "o"}),
    ("owns", r"(?P<o>{ORG})\s?-(?:Mutter|Mutterkonzern|Mutterfirma|Mutterunternehmen|Eigentümer)\w*\s(?P<s>{ORG})", {}),
    ("investsIn", r"(?P<s>{ORG})\s?-(?:Beteiligung|Investment)\s(?P<o>{ORG})", {}),
    ("owns", r"(?P<o>{OP})s?\s(?:\S+\s){0,2}?(?:Mutterkonzern|Mutter|Eigentümer\w*|Mehrheitseigner\w*)\s(?P<s>{ORGS})", {}),
    ("owns", r"(?P<s>{ORG})\s(?:\S+\s){0,2}?(?:besitzt|hält|kontrolliert)\s(?:\S+\s){0,3}?(?:Mehrheit|{STAKE})\s(?:\S+\s){0,2}?(?:an\s)?(?P<o>{ORG})", {}),
    # --- supplies (customers read as supplies)
    ("supplies", r"(?P<o>{ORG})\s(?:ist|war|gilt als)\s(?:\S+\s){0,4}?(?:Kunde|Kunden|Großkunde|Großkunden|Abnehmer)\s(?:von|des|der|bei)\s(?P<s>{ORG})", {"conf": 0.6}),
    ("supplies", r"(?P<o>{ORG})\s?-(?:Zulieferer|Lieferant|Auftragsfertiger|Chiplieferant)\w*\s(?P<s>{ORGS})", {}),
    ("supplies", r"(?P<s>{ORG}),?\s(?:\S+\s){0,3}?(?:Zulieferer|Lieferant|Auftragsfertiger)\w*\s(?:von|des|der|für)\s(?P<o>{ORGS})", {}),
    ("supplies", r"(?P<s>{ORG})\s(?:\S+\s){0,2}?(?:beliefert|belieferte|liefert|lieferte)\s(?:\S+\s){0,4}?(?:an\s)?(?P<o>{ORGS})", {}),
    ("supplies", r"(?P<s>{ORG})\s(?:\S+\s){0,4}?(?:baut|baute|fertigt|fertigte|produziert|produzierte|liefert|entwickelt)\s(?:\S+\s){0,8}?für\s(?P<o>{ORGS})", {"conf": 0.7}),
    # --- sues
    ("sues", r"(?P<s>{ENTS})\s(?:{AUX}\s)?(?:\S+\s){0,3}?(?:verklagt|verklagte|verklagen)\s(?:\S+\s){0,2}?(?P<o>{ENTS})", {}),
    ("sues", r"(?P<s>{ENTS})\s{AUX}\s(?:\S+\s){0,3}?(?P<o>{ENTS})\s(?:\S+\s){0,4}?verklagt", {}),
    ("sues", r"(?<!⟩\s)\b(?:verklagt|verklagte)\s(?P<s>{ENT})\s(?:\S+\s){0,2}?(?P<o>{ENTS})", {}),
    ("sues", r"(?P<s>{ENT})\s(?:\S+\s){0,6}?Klage\s(?:\S+\s){0,2}?gegen\s(?P<o>{ENTS})", {}),
    # passive: "Wefox, in das auch der Hollywoodstar investierte, wird nun von seinem Konkurrenten Lemonade verklagt"
    ("sues", r"(?P<o>{ENTS}),?\s(?:[^⟨]{0,80}?,\s)?(?:wird|wurde|werden|wurden|ist|war)\s(?:[^⟨\s]+\s){0,3}?von\s(?:[^⟨\s]+\s){0,2}?(?P<s>{ENTS})\s(?:[^⟨\s]+\s){0,3}?verklagt\b", {}),
    ("sues", r"(?P<s>{ENTS})\s(?:\S+\s){0,2}?(?:klagt|klagte|klagen|klagten|zieht|zog)\s(?:\S+\s){0,3}?gegen\s(?:\S+\s){0,2}?(?P<o>{ENTS})", {}),
    # "hatte bereits der Milliardär X die Y AG und deren Vorstandschef Z auf Schadenersatz verklagt"
    ("sues", r"(?<!⟩\s)\b{AUX}\s(?:[^⟨\s]+\s){0,3}?(?P<s>{ENT})\s(?:[^⟨\s]+\s){0,2}?(?P<o>{ENT}(?:-{ENT})?(?:\s(?:AG|SE|GmbH|Inc\.))?(?:\s(?:und|sowie)\s(?:[^⟨\s]+\s){0,2}?{ENT})*)\s(?:[^⟨\s]+\s){0,6}?verklagt\b", {}),
    # --- usesTechnologyOf
    ("usesTechnologyOf", r"(?:Technologie|Technik|Software|Chips?|Modelle?|KI-Technologie)\s(?:von\s|vom\s)?(?P<o>{OPS})\s[^⟨]{0,60}?in\s(?P<s>{OP})\s[^⟨]{0,60}?(?:integriert|eingebaut|eingesetzt|eingebunden)", {}),
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:\S+\s){0,3}?(?:nutzt|verwendet|lizenziert|integriert|setzt)\s(?:\S+\s){0,4}?(?:Technologie|Technik|Software|Chips|Modelle)?\s?(?:von\s|vom\s)?(?P<o>{OPS})", {"conf": 0.7}),
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:\S+\s){0,4}?(?:wechsel\w*|umsteig\w*)\s(?:\S+\s){0,3}?(?:von\s{OP}\s)?auf\s(?P<o>{OP})", {}),
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:{AUX}\s)?(?:\S+\s){0,4}?(?:von\s{OP}\s)?auf\s(?P<o>{OP})\s(?:wechseln|umsteigen|umstellen)", {}),
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:\S+\s){0,4}?(?:basiert|basieren|beruht|läuft|laufen)\s(?:\S+\s){0,2}?auf\s(?:\S+\s){0,2}?(?P<o>{OPS})", {}),
    ("usesTechnologyOf", r"Integration\s(?:von|der)\s(?P<o>{OP})\s?-?Technologie[^⟨]{0,40}?(?P<s>{OP})", {}),
)

MACROS = {"AUX": _AUX}

# Words one of which a sentence must contain before a relation's patterns are tried (a fast prefilter;
# every pattern above has its cue here). worksFor is always tried.
RELATION_CUES = {
    "collaboratesWith": r"kooperi|arbeite|verbünd|spann|\btu[nt]\b|\btat\b|zusammen|kooperation|partner|allianz"
                        r"|joint venture|gemeinschaftsunternehmen|bündnis|gemeinsam|fusionier|bündelt|bündeln|verschm",
    "competesWith": r"konkurren|konkurrier|wettbewerber|rivale|mitbewerber|herausforderer",
    "investsIn": r"invest|beteilig|anteil|steig|finanzierung|gesteckt|steckt|gepumpt|pumpt|eingeschossen|geldgeber|kapitalgeber|gesellschafter|aktionär|anteilseigner",
    "acquires": r"übernimm|übernahm|übernomm|übernehm|übernahme|kauf|erwirb|erwarb|erworb|erwerb|schluck|zahl|blätter|akquis",
    "founded": r"gründ|ins leben gerufen|\b(?:und|mit) (?:sein|ihr)",
    "formerlyWorkedFor": r"ehemalig|früher|ex-|verließ|verlässt|verlassen|wechsel|zuvor|vorher|bis \d|ehemals|einst",
    "develops": r"entwickel|bau|bring|gebracht|präsentier|stell|veröffentlich|produzier|lancier|start|erfand|erfunden|eingeführt"
                r"|herausgebracht|vorgestellt|\bsein|\bihr|hersteller|macher|erfinder|konzern|anbieter|mutter|\bvon\b|\bvom\b",
    "owns": r"tochter|töchter|sparte|marke|plattform|dienst|gehör|mutter|eigentümer|besitzer|mehrheit|besitzt|hält|kontrolliert",
    "supplies": r"liefer|auftragsfertiger|baut|baute|fertigt|produziert|entwickelt|kunde|abnehmer",
    "sues": r"verklag|klage|klagt",
    "usesTechnologyOf": r"technolog|technik|software|chip|modell|nutzt|verwendet|lizenz|integr|setzt|wechsel|umsteig"
                        r"|umstell|basier|beruht|läuft|laufen",
}
