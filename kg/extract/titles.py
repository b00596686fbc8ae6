"""The name an article is about, read from its title line where the lead repeats it.

Encyclopedia and company-profile texts open with a title line that is the subject's name ("Naughty Dog",
"Zuse KG") and a lead that names it again and says what it is ("Naughty Dog, LLC is an American video game
developer", "Die Zuse KG war das ... Unternehmen"). Such a name is often made of common words the tagger
does not read as a name, and the whole article hangs on it. A news headline ("Apple kauft Beats") is
not repeated word for word in its lead, so nothing is read from it.

The class comes from the text: a legal suffix after the name makes an organisation; a birth date in
the lead, or a given name first, a person; else the first class descriptor of the lead sentence
(``ORG_DESCRIPTORS``, ``PRODUCT_DESCRIPTORS``, ``PERSON_DESCRIPTORS`` of :mod:`kg.lang`); else none, and
the caller asks the name tagger (:func:`kg.extract.mentions.add_tagged`).

Examples
--------
>>> text = "Naughty Dog\\n\\nNaughty Dog, LLC is an American video game developer based in Santa Monica."
>>> title_subject(text, "en")
('Naughty Dog', 'Organization')
>>> title_subject("Die Siedler\\n\\nDie Siedler ist eine Computerspielreihe und eine Software.", "de")
('Die Siedler', 'Product')
>>> title_subject("Apple kauft Beats\\n\\nApple hat Beats gekauft.", "de") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as languages
from ..gazetteer import given_names
from .language_profile import descriptor_kind, language_profile

MAX_WORDS = 6  # a title line longer than this is a headline, not a name
LEAD_CHARS = 400  # the name must stand again this near the start of the lead
_BIRTH = re.compile(r"\([^()]{0,80}?(?:\bborn\b|\bgeb\.|\bgeboren\b|\*\s?(?:\d|[A-ZÄÖÜ][a-zäöü]+\.?\s\d{4}))"
                    r"|\(\d{1,2}\.?\s\w+\s\d{4}\s?[–-]|\((?:c\.\s)?\d{4}\s?[–-]\s?\d{4}\)")


@lru_cache(maxsize=4)
def _classes(code: str):
    """What reads a lead, beyond the descriptors every pass uses (:func:`descriptor_kind`): the product heads
    of encyclopedia leads and the person descriptors, with their endings; copulas; determiners."""
    data = languages.get(code)
    endings = tuple(data.INFLECTIONS)
    products = tuple(sorted({h.casefold() + e for h in getattr(data, "TITLE_PRODUCT_HEADS", ()) for e in endings},
                            key=len, reverse=True))
    persons = frozenset(n.casefold() for n in data.PERSON_DESCRIPTORS)
    return products, persons, tuple(data.COPULAS), frozenset(d.casefold() for d in data.DETERMINERS)


_STOPS = frozenset("that which who whose based headquartered located founded in of with for from by on at as since "
                   "das die der welche welcher welches mit seit von aus in im für bei".split())


def _descriptor_class(sentence: str, code: str) -> str | None:
    """The class of the lead's head noun after its copula: in English the last descriptor before the
    phrase ends ("a mobile phone and device manufacturing company": company); in German the first noun
    after the article and its adjectives ("eine Videospielkonsole des Unternehmens Nintendo":
    Videospielkonsole), or the last one before the phrase ends where a participle phrase comes first
    ("eine 2006 von Nintendo veröffentlichte Spielkonsole"); a compound counts by its last part."""
    products, persons, copulas, determiners = _classes(code)
    tokens = re.findall(r"[^\W_][\w-]*|[,;:()]", sentence)
    start = next((k + 1 for k, t in enumerate(tokens) if t.casefold() in copulas), None)
    if start is None:
        return None

    def kind_of(token: str) -> str | None:
        low = token.casefold()
        if low.endswith(products) and (code == "de" or low in products):
            return "Product"  # "Computerspielreihe", "a video game series"
        return descriptor_kind(code, token) or ("Person" if low in persons else None)

    found = None
    participle = False
    for k, token in enumerate(tokens[start:start + 16]):
        if token in ",;:()" or token.casefold() in _STOPS:
            if found or (code == "de" and token in ",;:("):
                break
            participle = participle or (code == "de" and token.casefold() in _STOPS)
            continue  # "a line of smartwatches", "eine von Nintendo veröffentlichte Spielkonsole"
        if code == "de":
            if token[:1].isdigit():
                participle = True
            if not token[:1].isupper() or (k == 0 and token.casefold() in determiners):
                continue
            if not participle:
                return kind_of(token)  # the head of "eine deutsche Computerspielreihe"
        found = kind_of(token) or found  # the last one: the head of the phrase
    return found


def _legal_after(text: str, end: int, legal) -> bool:
    """Whether a legal suffix follows the name ending at ``end``, or one or two more capitalised words
    of it ("Sevenload GmbH", "E-Plus Mobilfunk GmbH")."""
    for _ in range(3):
        if legal.match(text[end:end + 40]):
            return True
        more = re.match(r"\s[A-ZÄÖÜ][\w-]+", text[end:end + 40])
        if not more:
            return False
        end += more.end()
    return False


def title_subject(text: str, code: str) -> tuple[str, str | None] | None:
    """(name, class) of the article's subject where its first line is a name the lead repeats; else None.
    The class is None where nothing in the text says it (the caller asks the tagger)."""
    head, sep, rest = text.partition("\n")
    name = re.sub(r"\s*\([^)]*\)\s*$", "", head.strip())  # "iPad (8. Generation)": the name before the bracket
    if not sep or not name or len(name.split()) > MAX_WORDS or name[-1:] in "!?:" or not name[:1].isalnum():
        return None
    legal = language_profile(code).legal_tail
    data = languages.get(code)
    if name.split()[0] in getattr(data, "TITLE_TOPICS", ()) or re.search(r"\s(?:v\.|vs\.?|versus|gegen)\s", name):
        return None  # "Geschichte AMDs", "History of Nintendo", "SCO gegen Linux", "Apple v. Microsoft": a topic
    last = name.rsplit("-", 1)[-1] if "-" in name else ""
    if code == "de" and len(last) >= 8 and last[:1].isupper() and last.casefold().endswith(tuple(data.NOUN_ENDINGS)):
        return None  # "Android-Softwareentwicklung": a compound common noun
    if name.endswith(".") and not legal.match(" " + name.rsplit(" ", 1)[-1]):
        return None  # a sentence, unless the dot is a legal suffix's ("Segway Inc.")
    lead = rest.lstrip()[:LEAD_CHARS]
    found = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", lead, re.IGNORECASE)
    if not found:
        return None
    surface = found.group(0)
    if not any(c.isupper() or c.isdigit() for c in surface):
        return None
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", lead[found.start():], maxsplit=1)[0]
    if legal.match(" " + surface.rsplit(" ", 1)[-1]) or any(
            _legal_after(text, m.end(), legal) for m in re.finditer(
                r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.IGNORECASE)):
        return surface, "Organization"  # "Naughty Dog, LLC", "sevenload GmbH" somewhere in the text
    if _BIRTH.match(lead[found.end():found.end() + 120].lstrip()) or surface.split()[0] in given_names() \
            or _fuller_name_born(lead, name):
        return surface, "Person"
    return surface, _descriptor_class(sentence, code)


def _fuller_name_born(lead: str, name: str) -> bool:
    """Whether the lead opens with a fuller form of the name and a birth date ("Jorma Ollila" / "Jorma
    Jaakko Ollila (* 15. August 1950 in Seinäjoki) war ...")."""
    words = name.split()
    if len(words) < 2:
        return False
    opening = re.match(r"((?:[^\W\d_][\w.'’-]*\s){1,5})\(", lead)
    if not opening:
        return False
    full = opening.group(1).split()
    return full[0] == words[0] and full[-1] == words[-1] and bool(_BIRTH.match(lead[opening.end() - 1:][:120]))
