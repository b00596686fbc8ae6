"""The second pass of the entity finder: names that their context introduces.

A descriptor in front ("das KI-Unternehmen Scale AI", "the startup Imperium"), a compound ("Midjourney-Gründer",
"Here-Kartendienst"), "University of ...", a role title or person word ("CEO David Holz"), a given name, a
legal suffix or organisation word at the end ("Little Eye Labs", "Acme GmbH"); then appositions ("Figma,
the San Francisco start-up"), the contexts of the language data ("HeadSpin was bought by") and, in
English, people next to "said" or a role.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> from kg.extract.scan import ArticleScan
>>> text = "Das KI-Unternehmen Kestrava wächst, sagt Gründerin Lena Vogt."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> context_pass(scan)
>>> [(text[m.start:m.end], m.type) for m in scan.named()]
[('Kestrava', 'Organization'), ('Lena Vogt', 'Person')]
"""
from __future__ import annotations

import re

from .base import Mention
from .name_shapes import DOMAIN, NAME_TOKEN, TIME_OR_COUNT
from .name_spans import add_name, free_names, name_end
from .scan import ArticleScan


def context_pass(scan: ArticleScan) -> None:
    """Add the names introduced by descriptors, roles, legal suffixes, compounds and given names to ``scan``,
    then those of appositions, of the language's name contexts and (English) of people's contexts.

    Parameters
    ----------
    scan : ArticleScan
        The article after the gazetteer pass; names found here are entities and mentions of it.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> text = "Figma, the San Francisco start-up, hired CEO Dylan Field."
    >>> scan = ArticleScan(text, split_sentences(text, "en"), "en", Gazetteer.load())
    >>> context_pass(scan)
    >>> [(text[m.start:m.end], m.type) for m in scan.named()]
    [('Figma', 'Organization'), ('Dylan Field', 'Person')]
    """
    roles = {r.split()[-1] for r in scan.lang.ROLE_TITLES}
    for i, (start, end, word) in enumerate(scan.tokens):
        if i in scan.taken:
            continue
        nxt = i + 1
        # descriptor + name: "das KI-Unternehmen Scale AI", "the startup Imperium"
        full_word = scan.word_ending_at(end)
        kind = scan.descriptor_class(full_word) if nxt < len(scan.tokens) else ""
        if kind and scan.text[end: end + 1] == " " and nxt not in scan.taken:
            stop = name_end(scan, nxt)
            place = scan.tokens[nxt][2]
            if stop == nxt + 1 and (place in scan.profile.units or place.rstrip("s") in scan.profile.units):
                stop = nxt  # "der zweitgrößte Softwarekonzern Deutschlands": a place, no name
            if stop > nxt and (scan.code == "de" or full_word[:1].islower()):
                if kind == "Organization" and scan.tokens[nxt][2] in scan.profile.given and stop - nxt >= 2:
                    kind = "Person"  # "der Star-Investor Klaus Hommels" is a person
                add_name(scan, nxt, stop, kind)
                continue
        # compound prefix: "Here-Kartendienst", "Midjourney-Gründer", "Verizon -Tochter"
        if NAME_TOKEN.match(word) and word not in scan.profile.generic and word not in scan.profile.stop \
                and re.match(r" ?-[A-ZÄÖÜ]", scan.text[end: end + 3]) and (i == 0 or scan.text[scan.tokens[i - 1][1]: start] in (" ", "\n")) \
                and not (i and (scan.tokens[i - 1][2].isdigit() or scan.tokens[i - 1][2] in scan.profile.quantifiers)):  # "den drei Regionen-Chefs"
            tail = scan.text[end:].lstrip(" -")
            tail_word = re.match(r"[\w-]+", tail)
            tail_word = tail_word.group(0) if tail_word else ""
            cls = scan.descriptor_class(tail_word)
            after = end + len(scan.text[end:]) - len(tail) + len(tail_word)
            if cls and scan.text[after: after + 1] == " " and name_end(scan, scan.token_at(after + 1)) > scan.token_at(after + 1):
                continue  # "den Messenger-Dienst Slack": a descriptor of the name that follows
            if cls == "Organization" or tail_word.rstrip("ns") in roles or tail_word.startswith(("Gründer", "Mitgründer", "Tochter", "Zulieferer", "Konkurrent", "Chef", "Sprecher")):
                entry = scan.gaz.lookup([word], include_ambiguous=True)
                if entry is not None and entry.type == "Product" and entry.maker and cls == "Organization":
                    _maker_anaphor(scan, i, entry.maker, after)
                elif entry is None or entry.type == "Organization":
                    # "E-Plus-Gruppe": the name is all before the last hyphen ("E" alone is none)
                    stop = scan.token_at(after - len(tail_word.rsplit("-", 1)[1]) - 1) if "-" in tail_word else nxt
                    if not (stop == nxt and len(word) == 1):
                        add_name(scan, i, stop, "Organization")
                continue
        # "Association of Corporate Counsel", "University of Oxford": an organisation word with "of" and a name
        if word in scan.profile.org_prefixes and scan.text[end: end + 4] == " of " and nxt + 1 < len(scan.tokens):
            first = nxt + 2 if scan.tokens[nxt + 1][2] == "the" else nxt + 1
            stop = name_end(scan, first, 4) if first < len(scan.tokens) else first
            if stop > first and not any(k in scan.taken for k in range(i, stop)):
                add_name(scan, i, stop, "Organization")
                continue
        # role title or person word + name: "CEO David Holz", "Sprecher Tom Müller", "der Milliardär Kirk Kerkorian"
        if (word in roles or word in scan.profile.person_words) and scan.text[end: end + 1] == " " and nxt < len(scan.tokens) \
                and nxt not in scan.taken:
            stop = name_end(scan, nxt, 3, person=True)
            if stop - nxt >= 2 and scan.tokens[nxt][2] not in scan.profile.generic:
                add_name(scan, nxt, stop, "Person")
                continue
        # given name + surname: "Ashley Gabriel", "Satya Nadella"
        particle = nxt < len(scan.tokens) and scan.tokens[nxt][2] in scan.profile.given_particles  # "Werner von Siemens"
        if word in scan.profile.given and nxt < len(scan.tokens) and nxt not in scan.taken \
                and scan.text[end: end + 1] == " " and (NAME_TOKEN.match(scan.tokens[nxt][2]) or particle) \
                and scan.tokens[nxt][2] not in scan.profile.stop and scan.sentence_of(scan.tokens[nxt][0]) == scan.sentence_of(start) \
                and not scan.descriptor_class(scan.tokens[nxt][2]):
            stop = name_end(scan, i, 3, person=True)
            if particle and any(scan.tokens[k][2] in scan.profile.org_heads for k in range(nxt, min(stop + 1, len(scan.tokens)))):
                stop = nxt  # "Georg von Holtzbrinck Publishing Group" is a firm
            if stop >= nxt + 1 + particle and not any(_legal_after(scan, k) for k in range(nxt, stop + 1)):  # "Georg Fischer AG", "Ricardo AG":
                # a firm named after a person (the legal suffix ends a person's name too)
                first = i - 1 if i and scan.text[scan.tokens[i - 1][1]: start] == "-" and scan.tokens[i - 1][2] in scan.profile.given \
                    and i - 1 not in scan.taken else i  # "Karl-Heinz Streibich"
                add_name(scan, first, max(stop, nxt + 1), "Person")
                continue
        # a firm's name with a small letter first: "ricardo.ch", "ricardo.de AG", "freenet AG", "mb Software AG"
        stop = _lowercase_firm(scan, i)
        if stop > i:
            add_name(scan, i, stop, "Organization")
            continue
        # legal suffix or organisation word at the end: "Little Eye Labs", "Founders Fund", "Acme GmbH"
        if NAME_TOKEN.match(word) and word not in scan.profile.stop and scan.text[start - 1: start] != "-" and (
                scan.code == "en" or _legal_ahead(scan, i) or _org_head_ahead(scan, i)):  # not "Robo-[Advisor ...]"
            stop = name_end(scan, i, 5)
            if stop > i + 1 and scan.profile.descriptors_capitalised and scan.descriptor_class(word) \
                    and _plain_name(scan, i + 1) and not _legal_ahead(scan, i + 1):
                continue  # "Hersteller Tesla Motors": the descriptor stands before the name ("Radio H. Mende & Co." is one)
            if stop > i and _org_name_end(scan, i, stop) and not any(
                    _descriptor_compound(scan, scan.tokens[k][2]) for k in range(i, stop - 1)):
                add_name(scan, i, stop, "Organization")
                continue
    _appositions(scan)
    _context_names(scan)
    if scan.code == "en":
        _english_people(scan)


def _appositions(scan: ArticleScan) -> None:
    """'Figma, the San Francisco start-up', 'Signavio, ein Berliner Start-up', 'Square ist ein
    Zahlungsdienstleister': the descriptor types the name."""
    apposition = scan.profile.apposition
    for i, stop in free_names(scan):
        after = scan.text[scan.tokens[stop - 1][1]: scan.tokens[stop - 1][1] + 80]
        match = apposition.match(after)
        if not match or after[match.end():match.end() + 2] in ("'s", "’s"):
            continue  # "the EOS D30, the company's first camera": the company is its maker, not its class
        heads = re.split(r"\.\s", match.group(1))[0].split()  # up to the sentence's end
        if not match.group(0).startswith(","):  # "X ist ein ...": only the noun phrase's own head types X
            heads = [w for w in heads if w[:1].isupper()][:1] if scan.code == "de" else \
                heads[:next((k for k, w in enumerate(heads) if w in ("of", "in", "for", "with", "that")), len(heads))]
        for head in (heads if scan.code == "de" else reversed(heads)):  # English: the last noun is the head
            kind = scan.descriptor_class(head)
            if kind and (scan.code == "de" or head[:1].islower()):
                add_name(scan, i, stop, kind)
                break


def _context_names(scan: ArticleScan) -> None:
    """'Rokt's acquisition of mParticle', 'HeadSpin was bought by', 'the company behind WordPress': a name in
    such a slot is an entity of the slot's class (languages whose capitals mark names; the contexts are data)."""
    before, after = scan.profile.name_before, scan.profile.name_after
    if not before and not after:
        return
    shaped = getattr(scan.lang, "NAME_CONTEXT_SHAPED", False)
    for i, stop in free_names(scan, cut=True):
        start, word = scan.tokens[i][0], scan.tokens[i][2]
        if TIME_OR_COUNT.fullmatch(word):
            continue  # "in the 1990s acquired by": a time, no name
        if shaped and not (re.search(r".[A-Z0-9]", word) or (word.isupper() and len(word) >= 2)):
            continue  # German: "IDS Scheer", "WebMethods", not "Anteile"
        # "Autonomy CEO Mike Lynch": the name ends before a role word
        stop = next((k for k in range(i + 1, stop) if scan.tokens[k][2] in scan.profile.role_words), stop)
        left = scan.text[max(0, start - 40): start]
        kind = next((kind for kind, rx in before if rx.search(left)), "")
        if not kind:
            right = scan.text[scan.tokens[stop - 1][1]: scan.tokens[stop - 1][1] + 60]
            kind = next((kind for kind, rx in after if rx.search(right)), "")
            if kind and scan.sentence_initial(i) and not _name_like(scan, word, right):
                kind = ""
        if kind:
            add_name(scan, i, stop, kind)


def _plain_name(scan: ArticleScan, k: int) -> bool:
    """Whether token ``k`` is a name word that is neither a descriptor nor an organisation word or legal
    suffix ("Tesla" in "Hersteller Tesla Motors", not "AG" in "Software AG")."""
    word = scan.tokens[k][2]
    return bool(NAME_TOKEN.match(word)) and not scan.descriptor_class(word) and word not in scan.profile.org_heads


def _name_like(scan: ArticleScan, word: str, right: str) -> bool:
    """A capital at a sentence's start is a name where it could hardly be a common word: a possessive
    ("Lumora's"), an inner capital or digit ("HeadSpin"), or a singular never written in lower case here."""
    if right.startswith(("’s", "'s")) or re.search(r".[A-Z0-9]", word):
        return True
    return not word.endswith("s") and not scan.is_written_lower(word)


def _descriptor_compound(scan: ArticleScan, word: str) -> bool:
    """A German compound descriptor ("Beratungsfirma", "Chiphersteller") stands before a name, never inside
    one ("die Schweizer Beratungsfirma Aarwerk Consulting"); a bare one may ("Porsche Holding")."""
    return scan.code == "de" and bool(scan.descriptor_class(word)) and word.casefold() not in scan.profile.bare_descriptors


def _legal_after(scan: ArticleScan, k: int) -> bool:
    """Token k is a legal suffix right after the name before it ("Heinrich Kleyer GmbH")."""
    return k < len(scan.tokens) and scan.text[scan.tokens[k - 1][1]: scan.tokens[k][0]] == " " \
        and scan.tokens[k][2] in scan.profile.legal_words \
        and scan.text[scan.tokens[k][1]: scan.tokens[k][1] + 1] != "-"  # not "Henning Kagermann Co-CEO"


def _lowercase_firm(scan: ArticleScan, i: int) -> int:
    """The end of a firm's name that starts with a small letter at token ``i``: a web domain ("fahrrad.de",
    with a legal suffix "ricardo.de AG") or, in German, a word before a legal suffix, with up to two name
    words between ("freenet AG", "mb Software AG"); ``i`` where there is none. A word of the sentence
    ("zur Internetstores GmbH", "ist Co-Chef") or one that ends like an inflected adjective ("eine eigene
    GmbH", "die neue AG") is none."""
    start, end, word = scan.tokens[i]
    if not word[:1].islower() or not word.isalnum() or word in scan.profile.stop or i + 1 >= len(scan.tokens) \
            or word in scan.profile.absorb_stops or word.capitalize() in scan.profile.openers_not \
            or word in scan.lang.COORDINATORS or word in scan.profile.finite_verbs:
        return i  # "zur Internetstores GmbH", "und Bosch GmbH": a word of the sentence, not of the name
    text, tokens, legal = scan.text, scan.tokens, scan.profile.legal_words

    def spaced(k: int) -> bool:  # token k follows token k - 1 after one space
        return k < len(tokens) and text[tokens[k - 1][1]: tokens[k][0]] == " "

    if DOMAIN.match(text, end) and tokens[i + 1][0] == end + 1 and not re.search(r"[\w/@.:-]$", text[max(0, start - 1): start]):
        stop = i + 2  # (not after "www." or "//")
    elif scan.profile.descriptors_capitalised and len(word) >= 2 and not word.endswith(("e", "en", "er", "es", "em", "n")) \
            and not word.isdigit() and text[start - 1: start] in ("", " ", "\n", "(", "„", '"', "“"):
        # (only where common nouns are capitalised: in English a small word before a name is a common one,
        # "Plano-based Cellular Transitions LLC")
        stop = i + 1
        while stop < i + 3 and spaced(stop) and NAME_TOKEN.match(tokens[stop][2]) and tokens[stop][2] not in legal:
            stop += 1
        if not spaced(stop) or tokens[stop][2] not in legal or tokens[stop][2] in ("Co", "Co.") \
                or text[tokens[stop][1]: tokens[stop][1] + 1] == "-":
            return i  # "ist Co-Chef": no suffix
    else:
        return i
    while spaced(stop) and tokens[stop][2] in legal:
        stop += 1
    if any(k in scan.taken for k in range(i, stop)) or scan.sentence_of(tokens[stop - 1][0]) != scan.sentence_of(start):
        return i
    return stop


def _legal_ahead(scan: ArticleScan, i: int) -> bool:
    return any(scan.tokens[k][2] in scan.profile.legal_words for k in range(i + 1, min(i + 5, len(scan.tokens))))


def _org_head_ahead(scan: ArticleScan, i: int) -> bool:
    heads = getattr(scan.lang, "ORG_NAME_HEADS", ())
    return any(scan.tokens[k][2] in heads for k in range(i + 1, min(i + 5, len(scan.tokens))))


def _org_name_end(scan: ArticleScan, i: int, stop: int) -> bool:
    return scan.tokens[stop - 1][2] in scan.profile.org_heads and stop - i >= 2


def _english_people(scan: ArticleScan) -> None:
    """Capitalised pairs next to 'said', a role apposition, or 'is with' are people."""
    profile = scan.profile
    for i, (start, end, word) in enumerate(scan.tokens):
        if i in scan.taken or not NAME_TOKEN.match(word) or word in scan.profile.stop or word.isupper():
            continue
        stop = name_end(scan, i, 3, person=True)
        if not 2 <= stop - i <= 3 or any(k in scan.taken for k in range(i, stop)):
            continue
        if any(scan.tokens[k][2].isupper() or scan.descriptor_class(scan.tokens[k][2]) for k in range(i, stop)):
            continue
        before = scan.text[max(0, start - 12): start].split()
        after = scan.text[scan.tokens[stop - 1][1]: scan.tokens[stop - 1][1] + 40]
        if (before and before[-1].strip(",") in profile.person_cues) or profile.person_after.match(after):
            add_name(scan, i, stop, "Person")


def _maker_anaphor(scan: ArticleScan, i: int, maker: str, end: int) -> None:
    """'der Windows-Konzern' stands for the maker of Windows."""
    entry = scan.gaz.get(maker)
    if entry is None:
        return
    scan.add_known_entity(entry)
    mention = Mention(start=scan.tokens[i][0], end=end, keys=(entry.name,), type=entry.type, anaphor=True)
    k = i
    while k < len(scan.tokens) and scan.tokens[k][0] < end:
        scan.taken[k] = mention
        k += 1
