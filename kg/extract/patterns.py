"""Relation patterns over masked sentences.

A sentence is rewritten with one placeholder per entity mention, ``⟨O3⟩`` (organisation), ``⟨P1⟩``
(person) or ``⟨R2⟩`` (product), the number pointing into the article's mention list; descriptor phrases in
front of a name ("dem KI-Unternehmen") disappear into its placeholder. The language modules write
patterns over that text with these macros:

``{ORG}`` ``{PER}`` ``{PROD}`` ``{ENT}`` ``{OP}`` (org or product) ``{OPER}`` (org or person) one mention;
``{ORGS}`` ``{PERS}`` ``{PRODS}`` ``{ENTS}`` ``{OPS}`` ``{OPERS}`` a coordination of them ("A, B und C");
``{ROLE}`` a role title captured as ``role``; ``{ROLEX}`` the same without a group; ``{ROLEC}`` a role compound
("-Chef"); ``{ROLECX}`` the same without a group; ``{AMOUNT}`` an amount of money captured as ``amount``;
``{STAKE}`` a percentage captured as ``stake``; ``{GAPn}`` up to n words; ``{TEXTn}`` up to n characters,
mentions included; plus the language's own ``MACROS``.

Examples
--------
>>> compile_patterns("de")[0][0]
'collaboratesWith'
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as languages

PLACEHOLDER = re.compile(r"⟨([OPR])(\d+)⟩")
LETTER = {"Organization": "O", "Person": "P", "Product": "R"}

_ONE = {"ORG": "O", "PER": "P", "PROD": "R", "ENT": "OPR", "OP": "OR", "OPER": "OP"}
_NUMBER_WORDS = (r"(?:eine?|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|"
                 r"fünfzig|hundert|einer halben|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"twenty|thirty|fifty|a hundred|half a)")
_AMOUNT = (r"(?P<amount>(?:(?:mehr als|über|rund|etwa|knapp|fast|about|more than|over|nearly|around|between|some|up to)\s)?"
           r"(?:[$€£¥]\s?)?(?:\d[\d.,]*|" + _NUMBER_WORDS + r")(?:\s(?:and|bis|und|to)\s(?:[$€£¥]\s?)?(?:\d[\d.,]*|" + _NUMBER_WORDS + r"))?\s?"
           r"(?:Mrd\.|Mio\.|Milliarden|Millionen|Billionen|billion|million|trillion|bn|m|Mrd|Mio)?\s?"
           r"(?:Euro|Dollar|US-Dollar|Pfund|Franken|Yen|dollars|euros|pounds|USD|EUR|GBP)?)")
_STAKE = r"(?P<stake>\d+(?:[.,]\d+)?)\s?(?:Prozent|percent|per cent|%)"


def _coordination(letters: str, lang) -> str:
    one = f"⟨[{letters}]\\d+⟩"
    words = "|".join(re.escape(c) for c in lang.COORDINATORS)
    dets = "|".join(re.escape(d) for d in lang.DETERMINERS)
    item = f"(?:(?:{dets})\\s)?{one}"
    # "A, B und C", "A and B", "A, B, C (and others)"; a comma alone does not join two names ("In addition to
    # Lenovo, CellTran filed")
    last = f"(?:\\s(?:{words})\\s|\\s?,\\s(?:{words})\\s){item}"
    return f"{one}(?:(?:\\s?,\\s{item}){{2,}}(?:{last})?|(?:\\s?,\\s{item})*{last})?"


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=4)
def compile_patterns(code: str) -> list[tuple[str, re.Pattern, dict]]:
    """The language's relation patterns with macros expanded, compiled once per process."""
    lang = languages.get(code)
    macros = {name: f"⟨[{letters}]\\d+⟩" for name, letters in _ONE.items()}
    macros.update({name + "S": _coordination(letters, lang) for name, letters in _ONE.items()})
    macros["ROLE"] = f"(?P<role>{_alternation(lang.ROLE_TITLES)})"
    macros["ROLEX"] = f"(?:{_alternation(lang.ROLE_TITLES)})"
    macros["ROLEC"] = f"(?P<role>{_alternation(lang.ROLE_COMPOUNDS or ('CEO',))})\\b"
    macros["ROLECX"] = f"(?:{_alternation(lang.ROLE_COMPOUNDS or ('CEO',))})\\b"
    macros["AMOUNT"] = _AMOUNT
    macros["STAKE"] = _STAKE
    macros.update(getattr(lang, "MACROS", {}))
    compiled = []
    for relation, source, options in lang.RELATION_PATTERNS:
        def expand(match):
            name = match.group(1)
            if name.startswith("GAP"):
                return f"(?:[^\\s⟨⟩]+\\s){{0,{int(name[3:])}}}?"
            if name.startswith("TEXT"):
                return f"(?:[^⟨]|⟨[OPR]\\d+⟩){{0,{int(name[4:])}}}?"
            if name == "ANY":
                return r"\S+\s"
            if name in _ONE or name[:-1] in _ONE:
                rest = match.string[match.end():].lstrip(")")
                if not rest.startswith(("\\s?-", "-", "\\s?-?")):
                    # a compound prefix ("Marvell-Sparte") fills only slots written for compounds
                    return macros[name] + r"(?!\s?-[^\W\d_])"
            return macros[name]
        # a gap word is never another mention: "(?:\S+\s)" skips words, not placeholders
        source_text = source.replace(r"(?:\S+\s)", r"(?:[^\s⟨]\S*\s)")
        pattern = re.sub(r"\{([A-Z]+\d*)\}", expand, source_text)
        options = dict(options, needs=_needs(source))
        compiled.append((relation, re.compile(pattern, re.IGNORECASE), options))
    return compiled


@lru_cache(maxsize=4)
def grouped_patterns(code: str) -> list[tuple[tuple[frozenset, ...], list]]:
    """The compiled patterns grouped by the mention classes they need, in their original order."""
    groups: dict[tuple, list] = {}
    for item in compile_patterns(code):
        groups.setdefault(item[2]["needs"], []).append(item)
    return list(groups.items())


def _needs(source: str) -> tuple[frozenset, ...]:
    """For each of the groups s, o and pair: the placeholder letters one of which the sentence must hold."""
    needs = []
    for group in ("s", "o", "pair"):
        match = re.search(r"\(\?P<" + group + r">\{([A-Z]+?)S?\}\)", source)
        if match:
            needs.append(frozenset(_ONE[match.group(1)]))
    return tuple(needs)


def placeholders(fragment: str | None) -> list[int]:
    """Mention numbers named in a matched group."""
    return [int(n) for _, n in PLACEHOLDER.findall(fragment or "")]
