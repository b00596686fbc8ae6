"""The shapes of words and names that the entity finder's passes test tokens against.

``TOKEN`` cuts an article into the tokens the passes index; ``WORD`` into the words the anaphor pass reads
(apostrophes, dots and hyphens inside); ``NAME_TOKEN`` is a token that may be part of a name; ``VERSION``
a token that continues a product's name ("iPhone 16 Pro"); ``JOIN_OK`` the gap between two tokens of one
name.

Examples
--------
>>> [m.group() for m in TOKEN.finditer("Das KI-Start-up O'Neil")]
['Das', 'KI', 'Start', 'up', 'O', 'Neil']
>>> [w for w in ("Apple", "iPhone", "AI", "3M", "company") if NAME_TOKEN.match(w)]
['Apple', 'iPhone', 'AI', '3M']
>>> [v for v in ("16", "Pro", "Max", "Phone") if VERSION.match(v)]
['16', 'Pro', 'Max']
>>> bool(JOIN_OK.match(" & ")), bool(JOIN_OK.match(" und "))
(True, False)
"""
from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W_]+")
WORD = re.compile(r"[^\W_](?:[\w’'.&-]*[^\W_])?")
VERSION = re.compile(r"^(?:\d[\w.]*|[A-Z]{1,3}\d+[\w.]*|II|III|IV|Pro|Max|Plus|Ultra|mini|Mini|Air|SE|XL|Turbo|Lite|One"
                     r"|Series|Edge|Fold|Flip|Note|Neo|X|S)$")  # "Xbox One", "Apple Watch Series 2", "Galaxy S6 Edge"
JOIN_OK = re.compile(r"^[ \-.,&’'·]{0,3}$")
# the end of a web domain that names a firm or its shop ("Web.de", "ricardo.ch", "musical.ly"), matched at
# the dot; not inside a URL or an address ("fahrrad.de/shop", "info@ams.de" are no names)
DOMAIN = re.compile(r"\.(?:de|ch|at|com|net|org|ly|io|co|fm|tv|me|eu|info|biz|uk|fr|it|es|nl|jp|cn|ai|app)(?![\w./@-])")
TIME_OR_COUNT = re.compile(r"\d+(?:s|er)?")  # "1990s", "1990er", "15": a time or a count, never a name
NAME_TOKEN = re.compile(r"^(?:[A-ZÄÖÜ][\w’'&.-]*|(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,}|\d+[A-Za-z][\w]*|[a-z]+[A-Z][\w]*)$")
HYPHENATED_WORD = re.compile(r"[\w-]+")  # a whole hyphenated word ("KI-Unternehmen")
# Heads after a hyphen that keep a generic prefix a name ("Telekom-Chef", unlike "Telekom-Unternehmen").
COMPOUND_NAME_HEADS = ("Gründer", "Mitgründer", "Tochter", "Zulieferer", "Konkurrent", "Rivale", "Mutter", "Sprecher",
                       "Chef", "Manager", "Hersteller", "Wettbewerber", "Mitbewerber", "Herausforderer")
# Lower-case words after a hyphen that make a modifier, not part of a name ("Plano-based", "Nvidia-backed").
HYPHEN_MODIFIERS = frozenset(("based", "owned", "backed", "led", "funded", "made", "like", "style", "born", "run",
                              "listed", "linked", "sized", "basiert", "eigene", "nahe"))
