"""English language knowledge for the rules extractor: plain data, no logic.

Same names as :mod:`kg.lang.de`; the pattern macros are explained in :mod:`kg.extract.patterns`.
"""

CODE = "en"

# -------------------------------------------------------------------- text
ABBREVIATIONS = (
    "Inc.", "Corp.", "Co.", "Ltd.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "St.", "No.", "vs.",
    "etc.", "e.g.", "i.e.", "U.S.", "U.K.", "U.N.", "E.U.", "approx.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.",
    "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.",
    "Mt.", "Ave.", "est.", "Bros.", "dept.", "a.m.", "p.m.", "bn.", "mln.", "Fig.", "cf.",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
COORDINATORS = ("and", "or", "&", "as well as")
NEGATIONS = ("not", "no", "never", "denies", "denied", "deny", "n't", "neither", "nor", "without", "rejected",
             "called off", "abandoned", "ended negotiations")
# Negation words that deny a detail, not the relation ("terms were not disclosed").
NOT_NEGATING = (r"\bnot\s(?:been\s)?(?:disclosed|announced|revealed|made public)\b", r"\bdid\s(?:not|n't)\sdisclose\b",
                r"\bno\s(?:financial\s)?(?:terms|details)\b")
# A whole sentence that denies what it reports ("..., a claim the company denied").
SENTENCE_DENIALS = (r"\bdenied\b", r"\bdenies\b", r"\brejected (?:the|these|those) (?:reports?|claims?|rumou?rs?)\b",
                    r"\bcalled (?:the|these) (?:reports?|rumou?rs?) (?:false|untrue|baseless)\b")
RUMOR_CUES = ("reportedly", "rumored", "rumoured", "rumor", "rumour", "sources said", "people familiar",
              "is said to", "are said to", "in talks", "in negotiations", "considering", "could", "might",
              "may ", "exploring", "speculation", "in discussions", "in advanced discussions", "in early discussions")
FORMER_CUES = ("former", "ex-", "previously", "formerly", "onetime", "one-time", "erstwhile", "then-")
ANNOUNCED_CUES = ("announced", "announces", "agreed", "agrees", "plans to", "will", "to acquire", "to buy",
                  "intends", "signed", "deal to", "set to", "expected to")

# A sentence that says a company raised money ("Mistral AI has raised EUR 1.7 billion in a Series C round").
# Verbs of raising put the company before them, "round for" after them.
FUNDING_CUES = (r"\b(?:has\s|have\s|had\s)?(?:raised|raises|raising|secured|secures|closed|pulled in|bagged)\b",
                r"\b(?:announced|announces|completed|completes|received|receives|landed|lands)\s(?:an?\s|its\s)?(?:[^\s]+\s){0,5}?(?:round|financing|funding)\b")
FUNDING_FOR = (r"\b(?:round|funding|financing|investment)\s(?:\S+\s)?(?:for|in|into)\s",)

# -------------------------------------------------------------------- entities
LEGAL_SUFFIXES = ("Inc.", "Inc", "Incorporated", "Corp.", "Corp", "Corporation", "Co.", "Ltd.", "Ltd",
                  "Limited", "LLC", "L.L.C.", "LP", "LLP", "plc", "PLC", "AG", "SE", "GmbH", "S.A.", "N.V.",
                  "B.V.", "Holdings", "Holding")
# First words that make "X of Y" an organisation ("Association of Corporate Counsel", "University of Oxford").
ORG_NAME_PREFIXES = ("Association", "University", "Institute", "Bank", "Department", "Ministry", "Federation",
                     "Council", "Society", "Academy", "Commission", "Bureau", "Board", "League", "Union", "College",
                     "Museum", "Agency", "Alliance", "Consortium")
# Last words that make a capitalised name an organisation ("Founders Fund", "Little Eye Labs").
ORG_NAME_HEADS = (
    "Inc", "Corp", "Corporation", "Company", "Co", "Ltd", "LLC", "Labs", "Lab", "Laboratories", "Ventures",
    "Venture", "Fund", "Capital", "Partners", "Association", "Group", "Technologies", "Technology", "Systems",
    "Networks", "Holdings", "Bank", "Motors", "Electronics", "Software", "Robotics", "Semiconductor",
    "Semiconductors", "Pharmaceuticals", "Media", "Studios", "Games", "Institute", "University", "Agency",
    "Foundation", "Council", "Commission", "Authority", "Industries", "Solutions", "Computing", "Dynamics",
    "Communications", "Telecom", "Airlines", "Enterprises", "Investments", "Securities", "Management",
    "Analytics", "Microsystems", "Devices", "Founders", "Services", "Therapeutics", "Biosciences", "Aerospace", "Payments", "Instruments", "Interactive", "Entertainment", "Records",
    "Federation", "Union", "Society", "Department", "Ministry", "Office", "Bureau", "Board", "Exchange",
    "AG", "SE", "GmbH", "PLC", "plc", "Limited", "LP", "LLP", "AI",
    # divisions and subsidiaries named after their parent ("Sony Pictures", "Siemens Components")
    "Components", "Microelectronics", "Pictures", "Mobile", "Cars", "Trucks", "Digital", "Music", "Publishing",
    "Research", "Engineering", "Consulting", "Logistics", "Financial", "Insurance", "Power", "Chemicals",
    "Materials", "Displays", "Optics", "Photonics", "Medical", "Healthcare", "Aviation", "Lighting", "Division",
)
ORG_DESCRIPTORS = (
    "company", "companies", "firm", "firms", "startup", "start-up", "startups", "maker", "manufacturer",
    "chipmaker", "carmaker", "automaker", "giant", "provider", "operator", "retailer", "investor", "investors",
    "fund", "bank", "group", "lab", "laboratory", "agency", "developer", "rival", "rivals", "supplier",
    "subsidiary", "unit", "conglomerate", "corporation", "business", "outfit", "venture", "publisher",
    "studio", "vendor", "designer", "owner", "parent", "competitor", "competitors", "partner", "insurer",
    "lender", "broker", "carrier", "airline", "fintech", "insurtech", "regulator", "association", "organization", "organisation",
)
PRODUCT_DESCRIPTORS = (
    "app", "platform", "chip", "chips", "processor", "model", "service", "search engine", "browser",
    "operating system", "smartphone", "phone", "console", "headset", "chatbot", "assistant", "software",
    "tool", "device", "car", "vehicle", "network", "portal", "tablet", "laptop", "watch", "engine",
    "game", "video game", "microarchitecture", "architecture", "framework", "compiler", "database", "franchise",
    "programming language", "scripting language", "aircraft", "computer", "printer", "camera", "drone",
    "spreadsheet", "application", "program", "library", "toolkit", "robot", "satellite", "modem", "router",
    "microcontroller", "hard drive", "handheld",
)
# Words opening a bracket after a name that gives the same firm's or product's other name ("Facebook (now
# Meta Platforms)", "Arista (formerly Arastra)"): the two names are one entity (kg/extract/renames.py;
# "since" takes a year).
RENAME_CUES = ("now", "formerly", "previously", "today", "later", "since", "now known as", "formerly known as",
               "previously known as", "later renamed", "renamed", "later known as")
# Words after a number that make "brand + number" a quantity, not a model ("Siemens 300 Mitarbeiter" vs
# "Nokia 3310", kg/extract/model_codes.py).
QUANTITY_WORDS = ("million", "billion", "percent", "per", "dollars", "euros", "employees", "workers",
                      "staff", "jobs", "units", "people", "customers", "stores", "shops", "years", "days",
                      "hours", "times")
# Head nouns that make the subject of an encyclopedia lead a product ("Crysis is a video game series");
# read only for the title line's name (kg/extract/titles.py).
TITLE_PRODUCT_HEADS = ("game", "games", "franchise", "series", "program", "programme", "suite", "system", "database",
                       "line", "console", "card")
# First words of a title line that is about a topic, not a name ("History of Nintendo") (kg/extract/titles.py).
TITLE_TOPICS = ("History", "List", "Acquisition", "Timeline", "Merger", "Takeover", "Development")
# Places: a name the tagger reads as an organisation or product that is one of these is a place
# ("An der Universität Padua promovierte er"; kg/extract/mentions.py).
PLACES = frozenset((
    "Africa", "America", "Amsterdam", "Argentina", "Arizona", "Asia", "Atlanta", "Austin", "Australia", "Austria",
    "Bangalore", "Barcelona", "Basel", "Bavaria", "Beijing", "Belgium", "Bellevue", "Bengaluru", "Berlin", "Bern",
    "Bonn", "Boston", "Brazil", "Bremen", "Britain", "Brooklyn", "Brussels", "Budapest", "California", "Canada",
    "Carolina", "Chicago", "China", "Cologne", "Colorado", "Copenhagen", "Cupertino", "Delhi", "Denmark", "Denver",
    "Dresden", "Dublin", "Düsseldorf", "Edinburgh", "England", "Europe", "Finland", "Florence", "Florida",
    "France", "Frankfurt", "Geneva", "Georgia", "Germany", "Greece", "Hamburg", "Hanover", "Helsinki", "Hesse",
    "Hong Kong", "Hungary", "Illinois", "India", "Indonesia", "Ireland", "Israel", "Italy", "Japan", "Jersey",
    "Korea", "Kyoto", "Lausanne", "London", "Los Angeles", "Luxembourg", "Lyon", "Madrid", "Malaysia",
    "Manchester", "Manhattan", "Marseille", "Massachusetts", "Melbourne", "Menlo Park", "Mexico", "Michigan",
    "Milan", "Montreal", "Moscow", "Mountain View", "Mumbai", "Munich", "Naples", "Netherlands", "Nevada",
    "New Delhi", "New Jersey", "New York", "North Carolina", "Norway", "Nuremberg", "Oakland", "Ohio", "Oregon",
    "Osaka", "Oslo", "Padua", "Palo Alto", "Paris", "Pennsylvania", "Philippines", "Poland", "Portugal", "Prague",
    "Redmond", "Redwood City", "Romania", "Rome", "Russia", "San Diego", "San Francisco", "San Jose",
    "Santa Clara", "Santa Monica", "Saxony", "Scotland", "Seattle", "Seoul", "Shanghai", "Shenzhen",
    "Silicon Valley", "Singapore", "South Carolina", "South Korea", "Spain", "Stockholm", "Stuttgart", "Sunnyvale",
    "Sweden", "Switzerland", "Sydney", "Taipei", "Taiwan", "Tel Aviv", "Texas", "Thailand", "Tokyo", "Toronto",
    "Turin", "Turkey", "Tyrol", "USA", "Ukraine", "United Kingdom", "United States", "Utah", "Vancouver", "Venice",
    "Vienna", "Vietnam", "Virginia", "Wales", "Warsaw", "Zurich",
))
INFLECTIONS = ("", "s")
# Descriptors that carry a relation themselves; they stay in the text for the relation patterns.
RELATIONAL_DESCRIPTORS = ("rival", "competitor", "supplier", "subsidiary", "owner", "parent", "investor",
                          "partner", "maker", "unit", "backer", "challenger", "vendor")
# Nouns that make a name before them a modifier ("Lenovo competitor LG Electronics", "Autonomy CEO Mike
# Lynch"): a relation's slot that ends on the modifier takes the name after the noun.
COMPOUND_HEADS = ("competitor", "rival", "supplier", "subsidiary", "unit", "partner", "backer", "vendor", "owner",
                  "parent", "investor", "challenger", "co-founder", "cofounder", "founder", "CEO", "chief executive",
                  "CFO", "CTO", "COO", "chairman", "president", "spokesperson", "spokesman", "spokeswoman",
                  "executive", "engineer", "researcher", "co-founder and CEO", "developer", "maker", "studio", "publisher")
GENERIC_PREFIXES = ("US", "U.S.", "UK", "EU", "AI", "Tech", "Silicon", "Internet", "Ex", "Co")
GROUP_ANAPHORS = ("companies", "firms", "carmakers", "automakers", "owners", "partners", "investors", "giants")
ORG_ANAPHOR_HEADS = ("company", "firm", "startup", "start-up", "giant", "group", "maker", "chipmaker", "developer", "lab",
                     "carmaker", "automaker", "manufacturer", "business", "conglomerate", "corporation")
ANAPHOR_DETERMINERS = ("the", "The", "this", "This")
PERSON_PRONOUNS = ("he", "He", "him", "she", "She")
ORG_PRONOUNS = ("it", "It")
NAME_PARTICLES = ("von", "van", "de", "der", "den", "da", "di", "du", "le", "la", "bin", "al", "ter")
# The particles that may follow a given name ("Ludwig van Beethoven", "Mohammed bin Salman").
GIVEN_NAME_PARTICLES = ("von", "vom", "van", "de", "di", "da", "du", "le", "la", "ter", "bin")
# Words for people (not roles) in front of a name: "billionaire Kirk Kerkorian".
PERSON_DESCRIPTORS = ("billionaire", "entrepreneur", "businessman", "businesswoman", "tycoon", "mogul", "investor",
                      "financier", "venture capitalist", "programmer", "scientist", "economist", "activist",
                      "senator", "minister", "inventor", "developer", "designer", "journalist")
# Words that end a descriptor phrase in front of a name ("invests in fellow chipmaker Intel").
PREPOSITIONS = ("in", "into", "to", "of", "with", "for", "from", "by", "at", "on", "and", "or", "than", "as", "about")
POSSESSIVES = ("its", "his", "her", "their", "our", "my")
COPULAS = ("is", "was")  # "Wiz is a cloud security startup": the descriptor types the name
DETERMINERS = ("the", "a", "an")
# Words that open an apposition or relative clause after a name ("Ericsson, the market leader in networking,
# filed"); the patterns also see the sentence without such a clause where it names nobody.
APPOSITION_OPENERS = ("the", "a", "an", "which", "who", "whose", "one of the")

# Sentence adverbs: no name begins with one ("Eventually Novell acquired SUSE").
SENTENCE_ADVERBS = (
    "Eventually", "Finally", "Initially", "Originally", "Subsequently", "Currently", "Recently", "Previously",
    "Together", "Shortly", "Soon", "Afterwards", "Thereafter", "Ultimately", "Additionally", "Furthermore",
)
# Capitalised words that open no name: a tagged name that starts with one starts after it ("In February
# 2016 ...", "Eventually Novell acquired ...").
NAME_OPENERS_NOT = (
    "In", "On", "At", "For", "But", "And", "Or", "If", "When", "While", "After", "Before", "Since", "As", "By",
    "From", "With", "Without", "To", "So", "However", "Instead", "Later", "Then", "Now", "Also", "Even",
    "Still", "Yet", "Although", "Meanwhile", "Today", "Yesterday", "According", "Following", "During", "Under",
    "Over",
) + SENTENCE_ADVERBS
# Words in front of a capitalised name that are not part of it: those, and these.
NAME_STOPWORDS = NAME_OPENERS_NOT + (
    "The", "A", "An", "This", "That", "These", "Those", "Of", "Last", "Next", "Other", "Some", "Many", "Most",
    "Its", "His", "Her", "Their", "Our", "It", "He", "She", "They", "We", "I", "You", "Members", "Media",
    "Experts", "Major", "Shares", "Two", "Three", "Four", "Five", "One", "Unveiling", "What", "Who", "How",
    "Why", "Where", "Which", "Aged", "Maybe", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr", "Acquisition", "Demand", "Sources", "Analysts", "Reports",
    "Both", "Each", "Every", "All", "Such", "Chief", "Former", "New", "Old", "Big", "Small", "Indian",
    "American", "British", "German", "French", "Chinese", "Japanese", "Korean", "European", "Swedish",
)
# A name that follows one of these words is a person's.
# A capitalised name in a slot of a deal or of a maker is an entity of that class ("Rokt's acquisition of
# mParticle", "HeadSpin was bought by", "the company behind WordPress"): (class, regular expression over the
# text just before the name) and (class, regular expression over the text just after it).
NAME_CONTEXT_BEFORE = (
    ("Organization", r"\b(?:acquisition|purchase|takeover|buyout|acquisitions|purchases|sale)\sof\s$"),
    ("Organization", r"\b(?:acquired|bought|purchased|acquires|buys|acquiring|buying|snapped up|scooped up)"
                     r"(?:\sby)?\s(?:(?:the|a|an)\s)?$"),
    ("Organization", r"\b(?:paid|pays|paying)\s\S{0,4}\d[\d.,]*\s(?:[\w.]+\s)?for\s$"),
    ("Organization", r"\b(?:stake|investment|investments|invested|invests|invest)\sin\s(?:(?:the|a|an)\s)?$"),
    ("Product", r"\b(?:company|startup|start-up|firm|team|lab|maker|developer|creator)s?\sbehind\s(?:the\s)?$"),
)
NAME_CONTEXT_AFTER = (
    # "Autonomy CEO Mike Lynch": a capital just before a role title and a person's name (case-sensitive)
    ("Organization", r"^\s(?:CEO|CTO|CFO|COO|chief executive|founder|co-founder|cofounder|chairman|president|spokesperson|spokesman|spokeswoman)\s[A-Z][a-z]+\s[A-Z][a-z]"),
    ("Organization", r"^\s(?:has\s|have\s|had\s|just\s)?(?:raised|raises|secured|secures|pulled in|pulled|landed|bagged|closed)\s(?:a\s|an\s)?(?:\S+\s){0,2}?(?:[$€£]\s?\d|\d[\d.,]*\s(?:million|billion))"),
    ("Organization", r"^\sas\s(?:its\s|a\s|an\s|the\s)?(?:lead\s|anchor\s|new\s|first\s|strategic\s)?(?:investor|backer)s?\b"),
    ("Organization", r"^(?:’s|'s)\s(?:[\w$.-]+\s){0,2}?(?:acquisition|purchase|takeover|buyout)\sof\b"),
    ("Organization", r"^\s(?:has\s|had\s|just\s|also\s)?(?:acquired|bought|purchased|acquires|buys|paid|pays)\s"),
    ("Organization", r"^\s(?:was|is|has been|had been|is being)\s(?:\w+\s)?(?:acquired|bought|purchased|taken over)\sby\b"),
)
PERSON_CUES_AFTER = ("said", "says", "told", "added", "explained", "wrote", "tweeted", "announced", "argued")

ROLE_TITLES = (
    "chief executive officer", "chief executive", "chief AI officer", "chief technology officer",
    "chief operating officer", "chief financial officer", "chief scientist", "chief product officer",
    "chief marketing officer", "chief information officer", "CEO", "CTO", "CFO", "COO", "CIO", "CMO",
    "executive chairman", "chairman", "chairwoman", "chairperson", "chair", "co-founder", "cofounder", "founder",
    "president", "vice president", "senior vice president", "executive vice president", "VP", "SVP", "EVP",
    "managing director", "executive director", "director", "general secretary", "secretary general",
    "secretary", "spokesperson", "spokesman", "spokeswoman", "head", "engineer", "software engineer",
    "researcher", "research scientist", "scientist", "employee", "board member", "member of the board",
    "managing partner", "general partner", "partner", "advisor", "adviser", "executive", "manager",
    "general manager", "product manager", "lead", "chief", "analyst", "principal", "investor", "boss",
    "owner", "treasurer", "chief legal officer", "general counsel", "chief operating officer", "officer", "co-CEO", "Co-CEO", "CEO and co-founder", "co-founder and CEO", "founder and CEO", "CEO and founder",
)
ROLE_NORMAL = {
    "chief executive officer": "CEO", "chief executive": "CEO", "boss": "CEO", "ceo": "CEO",
    "chief technology officer": "CTO", "chief financial officer": "CFO", "chief operating officer": "COO",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairwoman": "chairman",
    "chairperson": "chairman", "chair": "chairman", "cofounder": "co-founder", "adviser": "advisor",
    "secretary general": "general secretary", "vp": "vice president", "president": "president",
    "chief legal officer": "CLO", "general counsel": "general counsel",
}
ROLE_COMPOUNDS = ()

# Words that count a noun: what follows them is a common noun, not a name.
QUANTIFIERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "all", "both")
# A place after a company's name makes a unit of its own ("TSMC Arizona", "ZTE Europe", "Microsoft Deutschland").
UNIT_WORDS = ("Europe", "Europa", "America", "Americas", "Asia", "Africa", "EMEA", "APAC", "International", "Global",
              "Germany", "Deutschland", "Austria", "Österreich", "Switzerland", "Schweiz", "France", "Frankreich",
              "UK", "Ireland", "Italy", "Italia", "Spain", "España", "Japan", "China", "India", "Korea", "Taiwan",
              "Canada", "Brasil", "Brazil", "Mexico", "Australia", "Singapore", "Arizona", "Texas", "California",
              "Dresden", "Nordamerika", "USA", "Montreal", "Toronto")

# -------------------------------------------------------------------- relations
_AUX = r"(?:has|have|had|is|are|was|were|will|would|could|can|plans to|agreed to|wants to|is set to|is to|has agreed to|had agreed to|did)"
_BY = r"by\s(?:(?:the\s)?[\w,-]+\s){0,3}?"
_ACQ = r"(?:acquire|acquires|acquired|acquiring|buy|buys|bought|buying|purchase|purchases|purchased|purchasing|take over|takes over|took over|taking over|snap up|snapped up|snaps up|scoop up|scooped up|scoops up|scooping up)"

RELATION_PATTERNS = (
    # --- collaboratesWith
    ("collaboratesWith", r"(?P<s>{ORGS})\s(?:\S+\s){0,4}?(?:partners?|partnered|partnering|collaborates?|collaborated|collaborating|teams? up|teamed up|is working|are working|works|worked|allied|allies|joined forces|signed (?:a|an)\s(?:\S+\s){0,2}?(?:deal|agreement|pact))\s(?:together\s)?(?:\S+\s){0,2}?with\s(?P<o>{ORGS})", {}),
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:\S+\s){0,4}?(?:together|jointly)\swith\s(?P<o>{ORGS})", {"conf": 0.75}),
    ("collaboratesWith", r"(?P<s>{ORG})\sand\s(?P<o>{ORG})\s(?:[^⟨\s]+\s){0,6}?(?:jointly|together)\b", {"conf": 0.75}),
    ("collaboratesWith", r"(?P<s>{ORG})(?:'s|’s)?\s(?:\S+\s){0,5}?(?:partnership|collaboration|cooperation|alliance|joint venture|tie-up)\s(?:\S+\s){0,2}?with\s(?P<o>{ORGS})", {}),
    ("collaboratesWith", r"(?:partnership|collaboration|cooperation|alliance|joint venture|tie-up)\s(?:\S+\s){0,2}?between\s(?P<pair>{ORGS})", {}),
    ("collaboratesWith", r"(?P<pair>{ORG}-{ORG})\s(?:partnership|alliance|collaboration|tie-up|joint venture|pact)\b", {}),
    # "Nvidia will invest $100 billion in OpenAI and supply it with chips": the clause's subject supplies
    ("supplies", r"^[^⟨]{0,40}?(?P<s>{ORG}){TEXT120}\s(?:and\s)?(?:supply|supplies|supplied|supplying)\s(?P<o>{ORGS})\swith\s", {"conf": 0.75}),
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:is|was|has been|had been|became|remains)\s(?:a|an|the|its)\s(?:\S+\s){0,2}?partner\s(?:for|of|to)\s(?P<o>{ORGS})", {}),
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:and|&)\s(?P<o>{ORG})\s(?:\S+\s){0,4}?(?:formed|form|forge|forged|announced|announce|signed|sign|launched|created|formalized|formalised|formalize|cemented|cement|sealed|seal|struck|strike|inked|ink|unveiled|expand|expands|expanded|expanding|deepen|deepens|deepened|deepening|extend|extends|extended|renew|renews|renewed|strengthen|strengthens|strengthened|broaden|broadens|broadened)\s(?:a|an|the|their)\s(?:\S+\s){0,3}?(?:partnership|joint venture|alliance|collaboration|cooperation|pact)", {}),
    # headlines: "Google and Intel Expand Multi-Year AI Chip Partnership"
    ("collaboratesWith", r"^(?P<s>{ORG})\s(?:and|&)\s(?P<o>{ORG})\s(?:Expand|Deepen|Extend|Renew|Strengthen|Broaden|Form|Forge|Sign|Announce|Ink|Strike|Launch)\s(?:\S+\s){0,5}?(?:Partnership|Alliance|Collaboration|Joint Venture|Pact|Deal)\b", {}),
    # "Nvidia and Intel will work on integrating ...", "X will invest in Y as part of a new collaboration"
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:and|&)\s(?P<o>{ORG})\s(?:will\s|are\sto\s|plan\sto\s|agreed\sto\s)?work\s(?:together\s|jointly\s|closely\s)?(?:on|to)\b", {}),
    ("collaboratesWith", r"(?P<s>{ORG})\s(?:\S+\s){0,3}?(?:invest|invests|invested|investing)\s{TEXT40}\bin\s(?P<o>{ORG})\s(?:\S+\s){0,2}?as\spart\sof\s(?:a|an|the|their|its)\s(?:[^⟨\s]+\s){0,2}?(?:collaboration|partnership|alliance)\b", {}),
    # "Nvidia is set to launch ..., partnering with Intel and MediaTek"
    ("collaboratesWith", r"^[^⟨]{0,30}?(?P<s>{ORG})[^⟨]{0,120},\s(?:partnering|teaming up|collaborating|working together)\swith\s(?P<o>{ORGS})", {"conf": 0.75}),
    # --- competesWith
    ("competesWith", r"(?P<s>{ORG})[^⟨]{0,100}?\b(?:rivals?|competitors?|competition|challengers?),?\s(?:such as\s|like\s|including\s|from\s|with\s)?(?P<o>{ORGS})", {}),
    ("competesWith", r"(?P<s>{ORG})\s(?:\S+\s){0,4}?(?:competes|compete|competing|competed|rivals|vies|vying)\s(?:\S+\s){0,3}?(?:with|against)\s(?P<o>{ORGS})", {}),
    ("competesWith", r"(?P<o>{ORG})\s(?:rival|competitor|challenger)s?\s(?P<s>{ORGS})", {}),
    # "positioning Intel to compete in the market dominated by Nvidia and AMD", "to directly challenge AMD and Intel"
    ("competesWith", r"(?P<s>{ORG})\s(?:\S+\s){0,2}?to\scompete\s(?:in|for)\s[^⟨]{0,60}?\b(?:dominated|led|ruled)\sby\s(?P<o>{ORGS})", {}),
    ("competesWith", r"^[^⟨]{0,30}?(?P<s>{ORG}){TEXT160}\b(?:to|and)\s(?:directly\s|head-on\s)?(?:challenge|take on|rival|compete with|compete against)\s(?P<o>{ORGS})", {"conf": 0.75}),
    ("competesWith", r"(?P<s>{ORG})\s(?:is|was)\s[^⟨]{0,80}?\b(?:rival|competitor|challenger)\s(?:of|to)\s(?P<o>{ORGS})", {}),
    ("competesWith", r"(?P<s>{ORG}),\s[^⟨]{0,80}?\b(?:an?|the)\s(?P<o>{ORG})\s(?:rival|competitor|challenger)\b", {"conf": 0.75}),
    # --- investsIn
    ("investsIn", r"(?P<s>{OPERS})\s(?:\S+\s){0,3}?(?:invests|invested|investing|invest|has invested|are invested|is invested|were invested|was invested)\s(?:\S+\s){0,4}?in\s(?:{STAKE}\s(?:of\s)?)?(?P<o>{ORGS})", {}),
    # "Amazon commit billions of dollars to the AI safety company"
    ("investsIn", r"(?P<s>{OPERS})\s(?:\S+\s){0,2}?(?:commit|commits|committed|committing|pledge|pledges|pledged)\s(?:\S+\s){0,4}?(?:dollars|euros|billion|million|bn)\s(?:\S+\s){0,2}?to\s(?P<o>{ORG})", {}),
    # "Amazon intends to expand its stake in Anthropic"
    ("investsIn", r"(?P<s>{OPERS})\s(?:\S+\s){0,3}?(?:expand|expands|expanded|expanding|increase|increases|increased|increasing|raise|raises|raised|boost|boosts|boosted|double|doubles|doubled|build|builds|built|lift|lifts|lifted)\s(?:its|their|his|her)\s(?:\S+\s){0,2}?(?:stake|holding|shareholding)\s(?:to\s{STAKE}\s)?in\s(?P<o>{ORGS})", {}),
    ("investsIn", r"(?P<s>{OPERS})\s(?:is|was|are|were|has been|became)\s(?:an?\s)?(?:\S+\s){0,3}?(?:investor|backer|shareholder|stakeholder)s?\s(?:\S+\s){0,4}?(?:in|of|to)\s(?P<o>{ORGS})", {}),
    ("investsIn", r"(?P<s>{OPERS})\s(?:\S+\s){0,3}?(?:took|takes|take|bought|buys|acquired|holds|owns|paid|pays)\s(?:an?\s)?(?:\S+\s){0,5}?(?:{STAKE}\s)?(?:minority\s)?stake\s(?:in)\s(?P<o>{ORGS})", {}),
    ("investsIn", r"(?P<o>{ORG})(?:\s(?:\S+\s){0,8}?|[^⟨]{0,160}?\b)(?:funding|financing|investment)\s(?:round\s)?(?:\S+\s){0,3}?(?:led|backed|from)\s(?:by\s)?(?:(?-i:[a-zA-Z][\w-]*)\s){0,4}?(?P<s>{OPERS})", {}),
    ("investsIn", r"(?P<o>{ORG})\s(?:\S+\s){0,3}?(?:is|was|are|were)\s(?:\S+\s){0,2}?backed\sby\s(?P<s>{OPERS})", {}),
    ("investsIn", r"(?P<s>{OPERS})(?:'s|’s)?\s(?:\S+\s){0,7}?investment\s(?:of\s{AMOUNT}\s)?in(?:to)?\s(?:{STAKE}\s(?:of\s)?)?(?P<o>{ORGS})", {}),
    ("investsIn", r"(?P<s>{OPER}),\s(?P<o>{ORG})(?:'s|’s)\s(?:\S+\s){0,2}?(?:investor|backer|shareholder|stakeholder)", {}),
    ("investsIn", r"(?P<s>{OPER}),\s(?:one|another)\sof\s(?:its|the|their|his|her)\s(?:\S+\s)?(?:investors|backers|shareholders)\b", {"implicit": "o", "conf": 0.8}),
    # "other investors in this round include A, B and C", "participation from existing backers including A and B"
    ("investsIn", r"\b(?:investors|backers|shareholders|participants)\s(?:[^⟨]{0,60}?\s)?(?:include|included|including|such as|are|were|like)\s(?P<s>{OPERS})", {"implicit": "funded", "conf": 0.85, "no_amount": True}),
    ("investsIn", r"\b(?:participation|investment|money|funding)\sfrom\s(?:[^⟨]{0,40}?\s)?(?:including\s)?(?P<s>{OPERS})", {"implicit": "funded", "conf": 0.8, "no_amount": True}),
    ("investsIn", r"\b(?:investment|round|funding|financing)\s(?:was|is|has been|had been|is being|was being)\s(?:led|co-led)\sby\s(?:(?-i:[a-zA-Z][\w-]*)\s){0,4}?(?P<s>{OPERS})", {"implicit": "funded", "conf": 0.85}),
    ("investsIn", r"(?P<o>{ORG}),\s(?:a|an|the)\s[^⟨]{0,60}?\b(?:backed|funded)\sby\s(?P<s>{OPERS})", {"no_amount": True}),
    ("investsIn", r"(?P<s>{ORG})-(?:backed|funded)\s(?:\S+\s){0,2}?(?P<o>{ORG})", {}),
    # "X raised $2 billion in a Nvidia-led financing", "a SoftBank-led round in X", "X landed CapitalG as lead investor"
    ("investsIn", r"(?P<o>{ORG})\s(?:\S+\s){0,6}?(?:raised|raises|secured|closed|pulled in|pulled|landed|bagged|gets|got)\s(?:\S+\s){0,6}?(?:in|from|through)\s(?:a|an|the)\s(?:\S+\s){0,2}?(?P<s>{OPERS})-led\b", {}),
    ("investsIn", r"(?P<s>{OPERS})-led\s(?:\S+\s){0,3}?(?:round|financing|funding|investment)\s(?:\S+\s){0,3}?(?:in|into|for)\s(?P<o>{ORG})", {}),
    ("investsIn", r"(?P<o>{ORG})\s(?:\S+\s){0,3}?(?:landed|won|secured|brought in|added|got|tapped)\s(?:\S+\s){0,3}?(?:{ORG}(?:’s|'s)\s)?(?P<s>{OPERS})\sas\s(?:its\s|a\s|an\s|the\s)?(?:lead\s|anchor\s|new\s|first\s|strategic\s)?(?:investors?|backers?)\b", {}),
    ("investsIn", r"(?P<s>{OPERS})\s(?:led|co-led)\s(?:\S+\s){0,5}?(?:round|investment)\s(?:\S+\s){0,2}?in\s(?P<o>{ORGS})", {}),
    # --- acquires
    ("acquires", r"(?P<s>{ORGS})\s(?:\S+\s){0,7}?{ACTIVE}{ACQ}\s(?!by\s|from\s)(?:(?:the|a|an|its)\s)?(?:(?!by\s|from\s)\S+\s){0,2}?(?P<o>{OPS})", {}),
    ("acquires", r"(?P<o>{OP})\s(?:\S+\s){0,4}?(?:was|were|is|being|been|be|has been|had been|will be)\s(?:\S+\s)?(?:acquired|bought|purchased|taken over|snapped up)\s(?:\S+\s){0,3}?by\s(?:(?-i:[a-z][\w-]*\s){0,3}?|(?:a|an|the)\s(?:[^⟨\s]+\s){0,4}?)(?P<s>{ORG})", {}),
    ("acquires", r"(?P<o>{OP})\s(?:\S+\s){0,3}?being\s(?:acquired|bought|purchased|taken over)\sby\s(?P<s>{ORG})", {}),
    ("acquires", r"(?:acquisition|purchase|takeover|buyout)\sof\s(?P<o>{OP})\s(?:\S+\s){0,3}?by\s(?P<s>{ORG})", {}),
    ("acquires", r"\bsale\sof\s(?:(?:its|the|his|her|their)\s)?(?P<o>{OP})\s(?:\S+\s){0,3}?to\s(?P<s>{ORG})", {}),
    ("acquires", r"(?P<s>{ORG})(?:'s|’s)\s(?:\S+\s){0,2}?(?:acquisition|purchase|takeover|buyout)\sof\s(?P<o>{OPS})", {}),
    ("acquires", r"(?P<s>{ORG})\s(?:\S+\s){0,5}?(?:its|the)\s(?:\S+\s){0,3}?(?:acquisition|purchase|takeover|buyout)\sof\s(?:\S+\s){0,2}?(?P<o>{OPS})(?!\s(?:\S+\s){0,2}?by\s)", {}),
    ("acquires", r"(?P<o>{OP}),\s(?:which|that)\s(?:was|is)\s(?:acquired|bought|purchased)\sby\s(?P<s>{ORG})", {}),
    # "Stripe, a payments provider, made its largest purchase, buying Bridge": the clause's agent opens the sentence
    ("acquires", r"^[^⟨]{0,40}?(?P<s>{ORG}){TEXT160},\s(?:buying|acquiring|purchasing|snapping up|scooping up|taking over)\s(?:(?:the|a|an|its)\s)?(?:[^⟨\s]+\s){0,3}?(?P<o>{OPS})", {}),
    ("acquires", r"^[^⟨]{0,40}?(?P<s>{ORG}){TEXT160}\b(?:including|among them)\s(?:(?:its|the|a|an)\s)?[^⟨]{0,30}?(?:acquisition|purchase|takeover|buyout)\sof\s(?:[^⟨\s]+\s){0,2}?(?P<o>{OPS})", {}),
    # "Deel paid over $100 million for Hofy" (not "for a stake in", not "for a licence")
    ("acquires", r"(?P<s>{ORGS})\s(?:\S+\s){0,4}?(?:paid|pays|pay|paying)\s{AMOUNT}\s(?:(?!stake|shares?\s|licen|rights?\s)[^⟨\s]+\s){0,3}?for\s(?:(?!stake|shares?\s|licen|rights?\s)[^⟨\s]+\s){0,3}?(?P<o>{OPS})", {"conf": 0.75}),
    # --- founded
    # "Founded in 2023 by Arthur Mensch, a former DeepMind researcher, alongside Timothée Lacroix and Guillaume Lample, Mistral has ..."
    ("founded", r"^(?:Co-)?[Ff]ounded\s(?:in\s\d{4}\s)?by\s(?P<s>{PERS}){TEXT160},\s(?P<o>{ORG})\s(?:has|had|is|was|became|went|now|quickly|soon)\b", {}),
    ("founded", r"^(?:Co-)?[Ff]ounded\s(?:in\s\d{4}\s)?by\s{TEXT100}\b(?:alongside|together with|with|and)\s(?:[^⟨\s]+\s){0,3}?(?P<s>{PERS}),\s(?P<o>{ORG})\s(?:has|had|is|was|became|went|now|quickly|soon)\b", {}),
    ("founded", r"(?P<o>{ORG})\s(?:\S+\s){0,10}?(?:co-)?(?:founded|formed|started|established|set up|launched|created)\s(?:\S+\s){0,3}?by\s(?:(?:\S+\s){0,4}?[-–—]\s|(?:\S+\s){0,2}?)?(?P<s>{PERS})", {}),
    ("founded", r"(?P<s>{PERS}),?\s(?:who\s)?(?:\S+\s){0,2}?(?:co-founded|cofounded|founded|started|established|set up)\s(?:\S+\s){0,2}?(?P<o>{ORGS})", {}),
    ("founded", r"(?P<s>{PER}),\s[^⟨]{0,80}?\bwho\s(?:\S+\s)?(?:co-founded|cofounded|founded|started)\s(?P<o>{ORG})", {}),
    ("founded", r"(?:co-founded|cofounded|founded)\s(?P<o>{ORG})\s(?:alongside|together with|with)\s(?:with\s)?(?P<s>{PERS})", {}),
    ("founded", r"{PER}\s(?:\S+\s){0,2}?(?:co-founded|cofounded|founded|started)\s(?P<o>{ORG})\s(?:in\s\d{4}\s)?(?:together\s)?with\s(?P<s>{PERS})", {}),
    ("founded", r"(?P<s>{PER}),\s(?P<o>{ORG})’s\s(?:\S+\s){0,2}?(?:co-?founder|founder)", {}),
    # "Nvidia founder and chief executive officer (CEO) Jensen Huang"
    ("founded", r"(?P<o>{ORG})(?:’s|'s)?\s(?:co-?founder|founder)\s(?:and\s[^⟨,]{0,45}?)?(?P<s>{PER})", {}),
    ("founded", r"(?P<o>{ORG})\s(?:\S+\s){0,3}?(?:co-)?(?:founded|formed|started|established)\s(?:\S+\s){0,3}?by\s(?:\S+\s){0,6}?(?:including|among them|such as)\s(?P<s>{PERS})", {}),
    ("founded", r"(?P<s>{PER}),\s(?:the\s|a\s|who\s)?(?:\S+\s)?(?:co-?founder|founder)s?\s(?:and\s(?:\S+\s){0,2}?)?(?:of|at)\s(?P<o>{ORG})", {}),
    ("founded", r"(?P<o>{ORG})(?:'s|’s)?\s(?:\S+\s)?(?:co-?founder|founder)s?(?:\sand\s(?:\S+\s){0,2}?)?,?\s(?P<s>{PERS})", {}),
    ("founded", r"(?:co-?founder|founder)s?\s(?:and\s(?:\S+\s){0,2}?)?of\s(?P<o>{ORG}),?\s(?P<s>{PERS})", {}),
    # --- worksFor
    ("worksFor", r"(?P<s>{PER}),\s(?:the\s|a\s|an\s|its\s)?(?:(?:new|current|acting|interim|longtime|long-time|senior|then)\s)?(?P<role>(?:[\w-]+\s){0,3}?{ROLEX}(?:\s(?:of|for)\s(?:the\s)?(?:{ANY}){1,4}?(?:project|division|team|unit|group|business|department|lab))?)\s(?:\S+\s){0,1}?(?:of|at|for|with|to)\s(?:the\s)?(?:[\d,.]+-\w+\s|[A-Z]{2,3}\s)?(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<s>{PER}),\s(?:an?\s|the\s)?(?P<o>{ORG})\s{ROLE}", {}),
    ("worksFor", r"(?P<s>{PER}),\s(?P<o>{ORG})’s\s(?:(?:new|current|longtime|acting)\s)?(?P<role>(?:[\w-]+\s){0,2}?{ROLEX}(?:\sand\s(?:[\w-]+\s){0,2}?{ROLEX})?)", {}),
    ("worksFor", r"(?P<o>{ORG})(?:'s|’s)?\s(?:(?:new|current|acting|interim)\s)?(?P<role>(?:[\w-]+\s){0,2}?{ROLEX})(?:\s\([A-Z]{2,4}\))?,?\s(?P<s>{PER})", {}),
    ("worksFor", r"\b{ROLE}\s(?:of|at)\s(?P<o>{ORG}),\s(?P<s>{PER})", {}),
    # "Microsoft has named their longtime executive Satya Nadella as its new CEO"
    ("worksFor", r"(?P<o>{ORG})\s(?:has\s|have\s|had\s)?(?:named|appointed|hired|picked|tapped|chose|promoted|elevated)\s[^⟨]{0,40}?(?P<s>{PER})\sas\s(?:its\s|the\s|their\s|a\s)?(?:new\s|next\s|interim\s|permanent\s)?(?P<role>{ROLEX})", {}),
    ("worksFor", r"^(?:After|Since|Before|Upon)\s(?:taking over|becoming|being named|being appointed|joining)\sas\s(?P<role>{ROLEX})\s(?:of|at)\s(?P<o>{ORG})[^⟨]{0,40}?,\s(?P<s>{PER})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:is|was|has been|became|serves as|served as|joined as)\s(?:the\s|a\s|an\s|its\s)?(?:\S+\s){0,2}?{ROLE}\s(?:of|at|for)\s(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:is|was)\swith\s(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:\S+\s){0,2}?(?:sits|sat|serves|served|joined|joins)\son\s(?:the|its)\s(?P<role>board|supervisory board)\sof\s(?P<o>{ORG})", {}),
    ("worksFor", r"(?:^|[^⟩]\s)(?:its\s|the\scompany's\s|the\scompany’s\s)?(?:new\s)?(?P<role>(?:[\w-]+\s){0,2}?(?:chief executive|chief executive officer|CEO|president|chairman|chief technology officer|CTO|chief financial officer|CFO|spokesperson|spokesman|spokeswoman|founder and CEO))\s(?P<s>{PER})", {"implicit": "o", "alone": True}),
    ("worksFor", r"(?P<s>{PER})\s(?:\S+\s){0,2}?(?:works|worked|working|joined|joins)\s(?:(?:for|at)\s)?(?P<o>{ORG})", {"conf": 0.7}),
    # --- formerlyWorkedFor
    # "Google announced that Ruth Porat will be its new CFO", "Anthony Noto to the CFO slot at Twitter",
    # "Sarah Friar to Square as the payment company's CFO"
    ("worksFor", r"(?P<o>{ORG})\s[^⟨]{0,80}?(?P<s>{PER})\s(?:will\sbe|would\sbe|is|becomes|will\sbecome|was\snamed|has\sbeen\snamed)\s(?:its|their)\s(?:new\s|next\s|first\s)?{ROLE}\b", {}),
    ("worksFor", r"(?P<s>{PER})\sto\sthe\s{ROLE}\s(?:slot|job|post|role|position|seat)\s(?:at|of)\s(?P<o>{ORG})", {}),
    ("worksFor", r"(?P<s>{PER})\s(?:\S+\s){0,2}?to\s(?P<o>{ORG})\sas\s(?:its|their|the\s(?:[^⟨\s]+\s){0,2}?(?:company|firm)(?:’s|'s)|⟨O\d+⟩(?:’s|'s))\s(?:new\s)?{ROLE}\b", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER}),\s(?:a\s|the\s)?(?:former|ex-)\s?{ROLE}\s(?:of|at|for)\s(?P<o>{ORG})", {}),
    ("formerlyWorkedFor", r"(?:former|ex-)\s?(?P<o>{ORG})\s(?:[a-z-]+\s){0,2}?(?:{ROLE}|banker|analyst|trader|lawyer|consultant),?\s(?P<s>{PER})", {}),
    # "the same firm's former analyst Sarah Friar", "Alex Estevez, partner at Accel and former CFO of Atlassian"
    ("formerlyWorkedFor", r"(?P<o>{ORG})(?:’s|'s)\s(?:former|ex-)\s?(?:[a-z-]+\s){0,2}?(?:{ROLE}|banker|analyst|trader|lawyer|consultant)\s(?P<s>{PER})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER}),\s{TEXT60}\band\s(?:a\s)?(?:former|ex-)\s?{ROLE}\s(?:of|at|for)\s(?P<o>{ORGS})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER}),\s(?:the\s|a\s)?(?:former|ex-)\s?(?P<o>{ORG})\s{ROLE}", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER})\s(?:\S+\s){0,2}?(?:left|quit|departed|resigned from|stepped down from|exited)\s(?P<o>{ORG})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER})\s(?:\S+\s){0,3}?(?:previously|formerly|once)\s(?:worked|served)\s(?:\S+\s){0,3}?(?:at|for)\s(?P<o>{ORG})", {}),
    ("formerlyWorkedFor", r"(?P<s>{PER})\s(?:\S+\s){0,3}?(?:moved|switched|defected|came)\s(?:over\s)?from\s(?P<o>{ORG})", {}),
    # --- develops
    ("develops", r"(?P<s>{ORGS})\s(?:\S+\s){0,3}?(?:develops|developed|developing|makes|made|builds|built|launched|launches|unveiled|unveils|released|releases|introduced|introduces|invented|created|creates|designs|designed|produces|produced|debuted|rolled out|rolls out|announced)\s(?!by\s)(?:(?:the|its|a|an|their)\s)?(?:[^\s⟨]+\s){0,4}?(?P<o>{PRODS})", {}),
    ("develops", r"(?P<o>{PROD})\s(?:maker|developer|creator|owner|manufacturer)\s(?P<s>{ORG})", {}),
    # "Anthropic uses Trainium2 chips to develop large language models, including the Claude model series"
    ("develops", r"(?P<s>{ORG})\s{TEXT80}\bto\s(?:develop|build|train|create|make)\s[^⟨]{0,50}?\b(?:including|such as|like)\s(?:its\s|their\s|the\s)?(?P<o>{PRODS})", {"conf": 0.75}),
    ("develops", r"(?P<s>{ORG})(?:’s|'s)\s[^⟨]{0,40}?\b(?:including|such as|like)\s(?:its|their)\s(?P<o>{PRODS})", {"conf": 0.75}),
    # "Scout AI announced ... to accelerate development of Fury, its foundation model": the nearest organisation
    ("develops", r"(?P<s>{ORG})[^⟨]{0,120}?(?P<o>{PROD}),\s(?:its|their)\s(?:[^\s⟨]+\s){0,3}?(?:model|app|platform|chip|processor|software|service|assistant|chatbot|system|device|phone|smartphone|car|vehicle|robot|tool|engine|browser|product)s?\b", {"conf": 0.75}),
    ("develops", r"(?P<s>{ORG}),?\s(?:{ORG}|(?:the\s|a\s)?(?:\S+\s){0,3}?(?:company|start-up|startup|firm|lab|maker|developer|team))\sbehind\s(?P<o>{PRODS})", {}),
    ("develops", r"(?P<s>{ORG}),\s(?:the\s|a\s)?(?:\S+\s){0,3}?(?:maker|developer|creator)\sof\s(?P<o>{PRODS})", {}),
    ("develops", r"(?P<s>{ORG})(?:'s|’s)\s(?:\S+\s)?(?P<o>{PROD})", {"conf": 0.6}),
    ("develops", r"(?P<o>{PROD}),?\s(?:\S+\s){0,3}?(?:developed|made|built|created|designed|launched)\sby\s(?P<s>{ORG})", {}),
    ("develops", r"(?P<s>{ORG}),?\s(?:the\s)?(?:maker|developer|creator)\sof\s(?P<o>{PRODS})", {}),
    # --- owns
    ("owns", r"(?P<o>{OP}),\s(?:a|the|which is a)\s(?:\S+\s)?(?:subsidiary|unit|division|brand|arm|part)\sof\s(?P<s>{ORG})", {}),
    ("owns", r"(?P<s>{ORG})(?:'s|’s)?\s(?:subsidiary|unit|division|arm)\s(?P<o>{OPS})", {}),
    ("owns", r"(?P<s>{ORG}),?\s(?:which\s|that\s)?(?:\S+\s){0,2}?(?:owns|owned|controls|is the parent of|is the majority owner of)\s(?:\S+\s){0,2}?(?P<o>{OPS})", {}),
    ("owns", r"(?P<o>{OP})\s(?:\S+\s){0,3}?(?:is|are|was|were)\s(?:\S+\s){0,2}?(?:owned|controlled)\sby\s(?P<s>{ORG})", {}),
    ("owns", r"(?P<o>{OP})(?:'s|’s)\s(?:parent|parent company|owner|majority owner)\s(?P<s>{ORG})", {}),
    ("owns", r"(?P<s>{ORG})-owned\s(?:\S+\s){0,2}?(?P<o>{OP})", {}),
    ("owns", r"(?P<o>{OP})\s(?:parent|parent company|owner)\s(?P<s>{ORG})", {}),
    # --- supplies (customers read as supplies)
    ("supplies", r"(?P<o>{ORG}),\s(?:a|an|the)\s(?:\S+\s){0,2}?(?P<s>{ORG})\scustomer", {"conf": 0.6}),
    ("supplies", r"(?P<o>{ORG})\s(?:is|was|are|were)\s(?:a|an|one\sof)\s(?:\S+\s){0,3}?customers?\sof\s(?P<s>{ORG})", {"conf": 0.6}),
    ("supplies", r"(?P<o>{ORG})\s(?:supplier|contract manufacturer|chip supplier|vendor)\s(?P<s>{ORGS})", {}),
    ("supplies", r"(?P<o>{ORG})(?:'s|’s)\s(?:\S+\s){0,2}?(?:suppliers?|vendors?|contract manufacturers?)\s(?:,\s)?(?P<s>{ORGS})", {}),
    ("supplies", r"(?:for|to)\s(?P<o>{ORG}),\s(?:one\sof\s)?(?:its|their)\s(?:\S+\s){0,2}?(?:suppliers?|vendors?|contract manufacturers?),\s(?P<s>{ORGS})", {}),
    ("supplies", r"(?P<s>{ORG}),?\s(?:\S+\s){0,3}?(?:supplier|manufacturer|vendor)\s(?:of\s(?:\S+\s){0,2}?)?(?:to|for)\s(?P<o>{ORGS})", {}),
    ("supplies", r"(?P<s>{ORG})\s(?:\S+\s){0,2}?(?:supplies|supplied|delivers|delivered|provides|provided|sells|sold|manufactures|manufactured|manufacture|makes|make|produce|produces|build|builds|supply|design|designs|designed)\s(?:\S+\s){0,4}?(?:to|for)\s(?P<o>{ORGS})", {"conf": 0.7}),
    # "Apple has signed a deal with Samsung to supply ...", "designated Samsung as the primary supplier", "gave the supplier contract to TSMC"
    ("supplies", r"(?P<o>{ORG})\s(?:\S+\s){0,3}?(?:signed|struck|inked|reached)\s(?:a|an)\s(?:\S+\s){0,3}?(?:deal|agreement|contract)\swith\s(?P<s>{ORG})\sto\s(?:supply|make|manufacture|produce|build|deliver)\b", {}),
    ("supplies", r"(?P<o>{ORG})\s(?:\S+\s){0,3}?(?:designated|named|chose|picked|selected|tapped)\s(?P<s>{ORG})\sas\s(?:its|the|a|an)\s(?:\S+\s){0,2}?(?:supplier|manufacturer|vendor|foundry)\b", {}),
    ("supplies", r"(?P<o>{ORG})[^⟨]{0,40}?\b(?:gave|awarded|handed|moved)\s(?:the\s|a\s|its\s)?(?:\S+\s){0,2}?(?:supplier|supply|manufacturing|production|chip)\s(?:contract|deal|orders?|business)\sto\s(?P<s>{ORG})", {}),
    ("supplies", r"(?P<s>{ORG}),?\s(?:\S+\s){0,2}?(?:supplies|supplied|provides|provided)\s(?P<o>{ORGS})\swith\s", {}),
    # --- sues
    ("sues", r"(?P<s>{ENTS})\s(?:\S+\s){0,3}?(?:sued|sues|suing|has sued)\s(?P<o>{ENTS})", {}),
    ("sues", r"(?P<s>{ENTS})\s(?:\S+\s){0,3}?(?:filed|files|filing|brought|brings|launched|kicked off)\s(?:a\s|an\s|its\s)?(?:\S+\s){0,3}?(?:lawsuit|suit|complaint|case|legal action|proceedings|litigation)s?\s(?:\S+\s){0,2}?against\s(?P<o>{ENTS})", {}),
    # "a complaint filed in a federal court by X against Y"
    ("sues", r"\b(?:lawsuit|suit|complaint|case)s?\s(?:(?:was|were|is|has been|had been)\s)?(?:filed|brought)\s[^⟨]{0,60}?\bby\s[^⟨]{0,40}?(?P<s>{ENTS})\)?\s(?:\S+\s){0,2}?against\s(?P<o>{ENTS})", {}),
    # patent disputes: "X accuses Y of infringing its patents"
    ("sues", r"(?P<s>{ENTS})\s(?:\S+\s){0,2}?(?:accuses|accused|accusing)\s(?:the\s)?(?P<o>{ENTS})(?:’s)?\s{TEXT60}\bof\s(?:infringing|violating|copying|misappropriating)\b", {"conf": 0.75}),
    ("sues", r"(?P<o>{ENTS})\s(?:\S+\s){0,3}?(?:was|is|were|has been)\s(?:being\s)?sued\sby\s(?P<s>{ENTS})", {}),
    # --- usesTechnologyOf
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:\S+\s){0,3}?(?:uses|used|licenses|licensed|integrates|integrated|adopts|adopted|relies on|relied on|runs on|ran on|is built on|was built on|is powered by|was powered by|switched to|switches to|will switch to|deploys|deployed)\s(?:(?:the|its)\s)?(?:\S+\s){0,3}?(?P<o>{OPS})", {}),
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:\S+\s){0,3}?powered\sby\s(?P<o>{OPS})", {}),
    ("usesTechnologyOf", r"(?:integrate|integrates|integrated|integrating|bring|brings|add|adds|adding)\s(?:\S+\s){0,2}?(?P<o>{OPS})\s(?:\S+\s){0,3}?(?:into|to)\s(?:the\s|its\s|their\s)?(?P<s>{OPS})", {}),
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:trains|trained|runs|ran|hosts|hosted|deploys|builds|built)\s(?:\S+\s){0,3}?on\s(?P<o>{OPS})", {"conf": 0.75}),
    ("usesTechnologyOf", r"(?P<s>{OP})\s(?:will\s|would\s)?(?:use|uses|used)\s(?P<o>{OP})\sas\s", {}),
    ("usesTechnologyOf", r"(?P<o>{OP})(?:'s|’s)\s(?:\S+\s){0,2}?(?:technology|chips|software|models?|platform)\s(?:\S+\s){0,5}?(?:into|in|for)\s(?P<s>{OP})", {"conf": 0.7}),
)

# not after a passive auxiliary: "being acquired by" is handled by the passive patterns
_ACTIVE = r"(?<!being\s)(?<!been\s)(?<!was\s)(?<!were\s)(?<!is\s)(?<!be\s)(?<!are\s)"

MACROS = {"AUX": _AUX, "BY": _BY, "ACQ": _ACQ, "ACTIVE": _ACTIVE}

# Words one of which a sentence must contain before a relation's patterns are tried (a fast prefilter;
# every pattern above has its cue here). worksFor is always tried.
RELATION_CUES = {
    "collaboratesWith": r"partner|collaborat|team|work|alli|joined forces|signed|cooperat|joint|tie-up|together|pact|deal",
    "competesWith": r"rival|compet|challeng|\bvie[sd]?\b|vying|take on",
    "investsIn": r"commit|pledge|invest|backer|backed|shareholder|stakeholder|stake|fund|financ|\bled\b|round|participa",
    "acquires": r"acqui|buy|bought|purchas|over|snap|scoop|\bsale\b|\bpa(?:id|ys?|ying)\b",
    "founded": r"found|formed|started|establish|set up|launch|creat",
    "formerlyWorkedFor": r"former|ex-|left|quit|depart|resign|stepped|exit|previous|once|moved|switch|defect|came",
    "develops": r"develop|make|made|build|built|launch|unveil|releas|introduc|invent|creat|design|produc|debut|roll"
                r"|announc|maker|owner|manufactur|behind|’s|'s",
    "owns": r"subsidiar|\bunit\b|division|brand|\barm\b|\bpart\b|own|control|parent",
    "supplies": r"suppl|manufactur|vendor|deliver|provid|sell|sold|make|customer|produc|build|foundry|design",
    "sues": r"\bsue|suing|lawsuit|\bsuits?\b|complaint|\bcase\b|legal action|proceedings|litigation|accus",
    "usesTechnologyOf": r"\buse|used|licens|integrat|adopt|reli|\bruns?\b|\bran\b|built|powered|switch|deploy|train"
                        r"|host|build|technolog|chip|software|model|platform|bring|add",
}
