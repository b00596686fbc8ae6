"""Mentions for the trained extractor: the rule finder's entities plus the names the CRF tagger adds.

:func:`find_entities` gives gazetteer names, names introduced by context and resolved anaphors. The tagger
then labels every sentence; a tagged span that no mention covers yet becomes an entity of its own (or the
one whose name it repeats, genitive ``-s`` and possessive ``'s`` dropped), and every later occurrence of
its name in the article, and a person's surname alone, becomes a mention of it.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> text = "Der Musikdienst Spotify wächst."
>>> found = find_entities(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> add_tagged(text, split_sentences(text, "de"), "de", found, None, Gazetteer.load()) is found
True
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .base import EntityInfo, Mention
from .entities import find_entities
from .tagger import LIKELY, TYPES, Tagger, spans_of, tokenize
from .language_profile import language_profile
from .lists import list_members
from .model_codes import model_code_end
from .name_shapes import TIME_OR_COUNT
from .product_names import version_end
from .titles import title_subject

__all__ = ["find_entities", "add_tagged"]

TAKEOVER_SURE = 0.9  # the tagger's least marginal over a product name that takes over a brand
_POSSESSIVE = re.compile(r"[’']s?$")
_GENITIVE = re.compile(r"(?<=[^sxzß])s$")  # German "Googles": only where the bare name stands in the text too
_NOT_NAMES = frozenset("""der die das den dem des ein eine einer eines the a an this that these those it its
he she they we i you er sie es wir ich ihr im in am zum zur und and or oder mit with für for von of bei at
""".split())


def _clean(surface: str) -> str:
    return re.sub(r"\s+", " ", surface).strip(" ,;:-–—\"'“”„«»()[]")


def _repaired(spans, tokens, text: str, legal: frozenset):
    """The tagger's spans, cut at commas ("Cher Wang, H. T. Cho" are two people; "Palm, Inc." stays one)
    and, for a person, carried back over initials in front ("H. T. Cho") and on over a hyphenated lower-case
    tail ("Chang Byung-gyu"); a person's name right before a
    legal suffix, or one with an "&" in it, is a firm's ("Georg Fischer AG", "Johnson & Johnson")."""
    joined = []
    for first, end, kind in spans:  # "Johnson & Johnson" tagged as two names: one (a firm, by the "&" below)
        if joined and joined[-1][1] + 1 == first and tokens[first - 1].text == "&" \
                and {joined[-1][2], kind} <= {"Person", "Organization"}:
            first = joined.pop()[0]
        joined.append((first, end, kind))
    for first, end, kind in joined:
        start = first
        for k in range(first, end):
            if tokens[k].text == "," and not (k + 1 < end and tokens[k + 1].text in legal):
                if k > start:
                    yield start, k, kind
                start = k + 1
        while kind == "Person" and start >= 2 and tokens[start - 1].text == "." and len(tokens[start - 2].text) == 1 \
                and tokens[start - 2].text.isupper() and tokens[start - 1].start == tokens[start - 2].end \
                and text[tokens[start - 1].end: tokens[start].start] == " ":
            start -= 2  # an initial the tagger left out in front ("H. T. Cho")
        while kind == "Person" and end + 1 < len(tokens) and tokens[end].text == "-" \
                and tokens[end].start == tokens[end - 1].end and tokens[end + 1].start == tokens[end].end \
                and tokens[end + 1].text.isalpha() and tokens[end + 1].text.islower() and len(tokens[end + 1].text) <= 5:
            end += 2
        if kind == "Person" and end > start and end < len(tokens) and tokens[end].text in legal \
                and tokens[end].start == tokens[end - 1].end + 1 and text[tokens[end].end: tokens[end].end + 1] != "-":
            kind, end = "Organization", end + 1  # "Georg Fischer AG", "Heinrich Kleyer GmbH": a firm named after a person
        if kind == "Person" and any(tokens[k].text == "&" for k in range(start, end)):
            kind = "Organization"  # "Johnson & Johnson", "Procter & Gamble": no person's name holds an "&"
        if end > start:
            yield start, end, kind


def _title_cased(tokens) -> bool:
    """Whether a sentence is written in title case, as English headlines are ("Facebook, Google Buy Two
    India-based Start-ups"): four words or more, and every word longer than three letters capitalised, but
    for the parts after a hyphen. There a capital letter says nothing about a name, so no tagged name may
    take over a known brand ("Google Buy").

    >>> from kg.extract.tagger import tokenize
    >>> _title_cased(tokenize("Facebook, Google Buy Two India-based Start-ups", 0))
    True
    >>> _title_cased(tokenize("Google hat Docs gekauft und Wavii übernommen", 0))
    False
    """
    words = [t.text for k, t in enumerate(tokens) if t.text[:1].isalpha() and (k == 0 or tokens[k - 1].text != "-")]
    return len(words) >= 4 and all(w[:1].isupper() for w in words if len(w) > 3)


def _trimmed(first: int, end: int, tokens, profile) -> int | None:
    """The first token of a tagged name once the words that begin no name are cut from its front ("In
    February 2016 Cheetah Mobile" -> "February 2016 Cheetah Mobile", "Eventually Novell" -> "Novell", the
    descriptor of "Hersteller Tesla Motors" -> "Tesla Motors"); None where what is left is a date or a number
    ("February 2016", "1990s", "15")."""
    while end - first > 1:
        word = tokens[first].text
        if word not in profile.openers_not and not (
                profile.descriptors_capitalised and word.casefold() in profile.bare_descriptors
                and word not in profile.org_prefixes and tokens[first + 1].text[:1].isupper()):
            break
        first += 1
    if all(t.text in profile.months or TIME_OR_COUNT.fullmatch(t.text) for t in tokens[first:end]):
        return None
    return first


def _no_name(surface: str, kind: str, profile) -> bool:
    """A span that names nothing: a pronoun or article, a single character; and for an organisation or
    product a place ("Padua", "Munich's"), a bare descriptor ("Unternehmen", "Labor"), a generic
    abbreviation ("KI", "EU") or a role title ("Executive Vice President", "Director Technology")."""
    if surface.casefold() in _NOT_NAMES or len(surface) < 2:
        return True
    if kind == "Person":
        return False
    bare = _POSSESSIVE.sub("", surface)
    if bare in profile.generic and bare.isupper() and len(bare) <= 3:
        return True  # "durch KI", "in der EU": an abbreviation of the language's generic prefixes alone
    return profile.names_nothing(bare) or bare.split()[0].casefold() in profile.folded_role_words


def _bare(surface: str, text: str, code: str) -> str:
    """A name without its possessive ("Apple's") or, in German, its genitive s ("Googles", where "Google"
    stands in the text too: "Jacobs", "Sunflowers" and "Materials" keep theirs)."""
    if len(surface) <= 3:
        return surface
    bare = _POSSESSIVE.sub("", surface)
    if bare == surface and code == "de" and _GENITIVE.search(surface):
        stem = surface[:-1]
        if re.search(r"(?<![\w-])" + re.escape(stem) + r"(?![\w])", text):
            return stem
    return bare


def _lone_words_as_firms(found, tagged: set[str], profile) -> set[str]:
    """Retype (in place) the tagged persons named by one word that is no given name and no word of a
    fuller person's name in the article ("Trumpf", "Neowiz", "Hanwha") as organisations, and return their
    keys: on corpus/dev such words were a person once in 34 (16 firms or products, 17 no gold name)."""
    fuller = {w for info in found.entities.values() if info.type == "Person" and " " in info.label
              for w in info.label.split()}
    lone = set()
    for key in tagged:
        info = found.entities[key]
        if info.type == "Person" and " " not in info.label and info.label not in profile.given \
                and info.label not in fuller:
            info.type = "Organization"
            lone.add(key)
    return lone


def _tagged_class(sentences, code, tagger: Tagger, gaz, at: int | None) -> str:
    """The class the tagger gives the name that starts at ``at`` in its sentence (its tag where its best tag
    sequence names it, else the likeliest class of a name starting there): "iPhone ist eine ...
    Smartphone-Modellreihe", "The Pixel 6 and Pixel 6 Pro are a pair of Android smartphones"; an
    organisation where the tagger sees no name there (or ``at`` is None)."""
    sentence = next((x for x in sentences if x.start <= at < x.end), None) if at is not None else None
    tokens = tokenize(sentence.text, sentence.start) if sentence else []
    first = next((k for k, t in enumerate(tokens) if t.start >= at), None)
    if first is None:
        return "Organization"
    tags = tagger.tag([t.text for t in tokens], code, gaz)
    if tags[first] != "O":
        return TYPES[tags[first][2:]]
    p, tag = max((tagger.marginal("B-" + t, first), t) for t in TYPES)
    return TYPES[tag] if p >= LIKELY else "Organization"


def add_tagged(text, sentences, code, found, tagger: Tagger | None, gaz) -> object:
    """Add the tagger's new names to ``found`` (in place; mentions stay sorted) and return it. A product
    the tagger finds around a brand ("Nintendo Switch Lite", "Google Docs") takes the brand's place, and
    the brand is recorded as its maker; a firm's name the tagger finds around a shorter one ("Blue Byte",
    "Time Warner") takes its place, and a rule's triple about the shorter one follows it."""
    if tagger is None:
        return found
    mentions = found.mentions
    taken = [(m.start, m.end) for m in mentions]
    taken.sort()
    starts = [a for a, _ in taken]

    def claim(a: int, b: int) -> None:
        k = bisect.bisect_left(taken, (a, b))
        taken.insert(k, (a, b))
        starts.insert(k, a)

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_left(starts, b)
        return all(e <= a or s >= b for s, e in taken[max(0, k - 3):k])

    by_surface = {}
    for key, info in found.entities.items():
        for surface in sorted(info.surfaces | {info.label}):
            by_surface.setdefault(surface.casefold(), key)
    new: list[Mention] = []
    names: dict[str, str] = {}
    profile = language_profile(code)
    dropped: set[int] = set()  # brand mentions a product name (or the title's name) took over
    # the entity a longer name took the place of -> the longer name's ("Time" -> "Time Warner", "Android 6"
    # -> "Android 6.0"): a rule's triple about it is about the longer name where nothing else names it
    successor: dict[str, str] = {}

    def release(m: Mention) -> bool:
        """Give a mention's span free for a longer name; False where it holds none."""
        k = bisect.bisect_left(taken, (m.start, m.end))
        if k >= len(taken) or taken[k] != (m.start, m.end):
            return False
        del taken[k], starts[k]
        dropped.add(id(m))
        return True

    def entity_for(label: str, kind: str, surface: str) -> str:
        """The key of the entity a new name ``label`` (written ``surface``) is: one the article already
        has under that name, else a new one (a label the rule finder holds for something else stays apart)."""
        key = by_surface.get(surface.casefold()) or by_surface.get(label.casefold()) or names.get(label.casefold())
        if key is None:
            key = label
            while key in found.entities:
                key += " "
            found.entities[key] = EntityInfo(label=label, type=kind, surfaces=set())
            names[label.casefold()] = key
        found.entities[key].surfaces.add(surface)
        return key

    subject = title_subject(text, code)
    if subject and subject[0].casefold() not in by_surface:
        surface, kind = subject
        hits = list(re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text, re.IGNORECASE))
        if kind is None:  # nothing in the lead says it: the tagger's reading of the name after the title line
            lead = text.find("\n") + 1
            kind = _tagged_class(sentences, code, tagger, gaz, next((h.start() for h in hits if h.start() >= lead), None))
        for hit in hits:
            a, b = hit.span()
            near = [m for m in mentions if m.start < b and a < m.end]
            if any(m.start < a or m.end > b or (m.start, m.end) == (a, b) for m in near):
                continue  # a longer name holds it
            for m in near:  # "Zuse" in "Zuse KG", "Naughty" nowhere: the whole name takes their place
                if not release(m):
                    dropped.add(id(m))
            key = entity_for(surface, kind, text[a:b])
            new.append(Mention(start=a, end=b, keys=(key,), type=kind))
            claim(a, b)
    mention_starts = [m.start for m in mentions]  # sorted, as the rule finder leaves them
    words: list = []  # the tokens of the whole text, gathered sentence by sentence
    pos = 0
    for sentence in sentences:
        if sentence.start < pos:  # overlapping sentences: tokenize the text anew below
            words = None
        tokens = tokenize(sentence.text, sentence.start)
        if words is not None:
            words.extend(tokenize(text[pos:sentence.start], pos))
            words.extend(tokens)
            pos = sentence.end
        if not tokens:
            continue
        tags = tagger.tag([t.text for t in tokens], code, gaz)
        headline = _title_cased(tokens)
        spans = spans_of(tags) + tagger.likely_spans(tags)  # the best path's names first
        for first, end, kind in _repaired(spans, tokens, text, profile.legal_words):
            first = _trimmed(first, end, tokens, profile)
            if first is None:
                continue
            a, b = tokens[first].start, tokens[end - 1].end
            surface = _clean(text[a:b])
            if not surface or not any(c.isupper() or c.isdigit() for c in surface[:1] + surface[1:2]):
                continue
            if _no_name(surface, kind, profile):
                continue
            maker, replaced = "", ""
            if not free(a, b):
                lo = bisect.bisect_left(mention_starts, a)
                inside = [m for m in mentions[lo:bisect.bisect_left(mention_starts, b)] if m.end <= b and not m.anaphor]
                if kind not in ("Product", "Organization") or headline or len(inside) != 1 \
                        or inside[0].type != "Organization" or (inside[0].start, inside[0].end) == (a, b) \
                        or (inside[0].start != a and (kind == "Product" or inside[0].end != b)):
                    continue
                # only where the tagger is sure of every word ("Google Schritt halten" is no product)
                if min(tagger.marginal(tags[k], k) for k in range(first, end)) < TAKEOVER_SURE:
                    continue
                brand = inside[0]
                rest = (brand.end, b) if brand.start == a else (a, brand.start)
                if kind == "Organization" and brand.start == a and profile.legal_tail.fullmatch(text, brand.end, b):
                    continue  # "Ricardo" in "Ricardo AG" is the firm's name already
                if not free(*rest) or not release(brand):
                    continue
                # a firm's longer name ("Blue Byte", "Time Warner", "SGS-Fairchild") takes the place of the
                # name found inside it; a product's ("Nintendo Switch Lite") records the brand as its maker
                replaced = brand.keys[0]
                maker = replaced if kind == "Product" else ""
            key = entity_for(_bare(surface, text, code), kind, surface)
            if maker and not found.entities[key].maker:
                found.entities[key].maker = maker
            if replaced and not maker and replaced != key:
                successor.setdefault(replaced, key)
            kind = found.entities[key].type
            new.append(Mention(start=a, end=b, keys=(key,), type=kind))
            claim(a, b)
    def withdraw(m: Mention) -> bool:
        """Give up a mention (one of the rule finder's or a new one) for a longer name; False where its span
        is not held."""
        if m in new:
            k = bisect.bisect_left(taken, (m.start, m.end))
            del taken[k], starts[k]
            new.remove(m)
            return True
        return release(m)

    def take_back(a: int, b: int) -> bool:
        """Free a stretch that only tagged product names inside it hold ("Z80" in "Zilog Z80"); False
        (and nothing freed) where anything else holds part of it."""
        inside = [m for m in new if m.start < b and a < m.end]
        if any(m.type != "Product" or m.start < a or m.end > b for m in inside):
            return False
        for m in inside:
            withdraw(m)
        return free(a, b)

    # a brand and a model code after it ("Nokia 3310", "Volvo XC90"): a product, the brand its maker
    for m in [m for m in mentions if id(m) not in dropped] + new:
        if m.type != "Organization" or m.anaphor or len(m.keys) != 1:
            continue
        end = model_code_end(text, m.end, code)
        if end is None or not (free(m.end, end) or take_back(m.end, end)) or not withdraw(m):
            continue
        key = entity_for(text[m.start:end], "Product", text[m.start:end])
        found.entities[key].maker = found.entities[key].maker or m.keys[0]
        new.append(Mention(start=m.start, end=end, keys=(key,), type=found.entities[key].type))
        claim(m.start, end)
    # a version or a variant after a product's name ("Neocron 2", "Android 6.0", "Nintendo Switch Lite"):
    # the name of a product of its own, with the same maker
    for m in [m for m in mentions if id(m) not in dropped] + new:
        if m.type != "Product" or m.anaphor or len(m.keys) != 1:
            continue
        end = version_end(text, m.end, code)
        if end is None or not free(m.end, end) or not withdraw(m):
            continue
        maker = found.entities[m.keys[0]].maker
        key = entity_for(text[m.start:end], "Product", text[m.start:end])
        found.entities[key].maker = found.entities[key].maker or maker
        new.append(Mention(start=m.start, end=end, keys=(key,), type=found.entities[key].type))
        claim(m.start, end)
        successor[m.keys[0]] = key
    # the unknown members of a list whose known members are all of one class ("wie Aldi, Real, Karstadt")
    known = sorted([(m.start, m.end, m.type) for m in mentions if id(m) not in dropped and not m.anaphor]
                   + [(m.start, m.end, m.type) for m in new])
    for sentence in sentences:
        lo = bisect.bisect_left(known, (sentence.start,))
        inside = known[lo:bisect.bisect_left(known, (sentence.end,))]
        if len(inside) < 1 or sentence.text.count(",") < 1:
            continue
        for a, b, kind in list_members(text, sentence.start, sentence.end, inside, code):
            parts = tokenize(text[a:b], a)
            first = _trimmed(0, len(parts), parts, profile) if parts else None
            if first is None:  # "In February 2016, Cheetah Mobile and Cubot": a date is no member
                continue
            a = parts[first].start
            surface = text[a:b]
            if _no_name(surface, kind, profile) or not free(a, b):
                continue
            key = entity_for(surface, kind, surface)
            new.append(Mention(start=a, end=b, keys=(key,), type=found.entities[key].type))
            claim(a, b)
    # later (or earlier) occurrences of a tagged name, a person's surname alone, and an organisation's
    # first word alone ("BYD" after "BYD Auto", "Viacom" after "Viacom International")
    short = {}
    for key, info in found.entities.items():
        first = info.label.split()[0] if info.type == "Organization" and " " in info.label else ""
        if len(first) >= 3 and first[:1].isupper() and first.casefold() not in _NOT_NAMES \
                and first.casefold() not in by_surface and first.isalpha():
            short.setdefault(first, []).append(key)
    for first, keys in short.items():
        if len(keys) == 1:
            names.setdefault("\0" + first, keys[0])
    if names:
        if words is None:
            words = tokenize(text)
        else:
            words.extend(tokenize(text[pos:], pos))
        index: dict[str, list[int]] = {}
        for number, token in enumerate(words):
            index.setdefault(token.text, []).append(number)
        new_keys = {m.keys[0] for m in new}
        for key in dict.fromkeys(names.values()):
            info = found.entities[key]
            forms = {info.label}
            if info.type == "Person" and " " in info.label:
                forms.add(info.label.split()[-1])
            if info.type == "Organization" and " " in info.label:
                forms = {f for f in forms if f != info.label or key in new_keys}
                first = info.label.split()[0]
                if short.get(first) == [key]:
                    forms.add(first)
            for form in sorted(forms, key=lambda f: (-len(f), f)):  # longest first, whatever the hash seed
                parts = [t.text for t in tokenize(form)]
                if len(form) < 3 or not parts:
                    continue
                for number in index.get(parts[0], ()):
                    if [t.text for t in words[number:number + len(parts)]] != parts:
                        continue
                    a, b = words[number].start, words[number + len(parts) - 1].end
                    if text[b:b + 2] in ("'s", "’s"):
                        b += 2
                    if free(a, b):
                        claim(a, b)
                        new.append(Mention(start=a, end=b, keys=(key,), type=info.type))
                        info.surfaces.add(text[a:b])
    retyped = _lone_words_as_firms(found, set(names.values()), profile)
    if retyped:
        new = [replace(m, type="Organization") if m.keys[0] in retyped else m for m in new]
    if dropped:
        mentions[:] = [m for m in mentions if id(m) not in dropped]
    if new:
        mentions.extend(new)
        mentions.sort(key=lambda m: (m.start, m.end))
    if successor:
        named = {key for m in mentions for key in m.keys}
        found.replaced.update({old: key for old, key in successor.items() if old not in named})
    return found
