"""Where a capitalised name ends, and a name found by context registered as an entity.

:func:`name_end` reads a name from a token on (particles, initials, "&", abbreviations, hyphenated words
inside; a German noun, a sentence break or a comma after it); :func:`free_names` gives the names no pass
has taken yet; :func:`add_name` makes one an entity (the gazetteer's, where it knows the name) and a
mention.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> from kg.extract.scan import ArticleScan
>>> text = "Der Investor Frank Thelen und die Kestrava Labs."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> [t[2] for t in scan.tokens[2:name_end(scan, 2, 3, person=True)]]
['Frank', 'Thelen']
>>> add_name(scan, 6, 8, "Organization"), scan.names
('Kestrava Labs', {'Kestrava Labs': 'Kestrava Labs', 'Kestrava': 'Kestrava Labs'})
"""
from __future__ import annotations

import re

from .name_shapes import DOMAIN, HYPHEN_MODIFIERS, NAME_TOKEN, VERSION
from .scan import ArticleScan



def name_end(scan: ArticleScan, i: int, limit: int = 4, person: bool = False) -> int:
    """End token index of a capitalised name starting at token i (i itself if none).

    Parameters
    ----------
    scan : ArticleScan
        The article.
    i : int
        The name's first token.
    limit : int
        At most this many tokens (particles such as "von" not counted).
    person : bool
        Read a person's name: particles and hyphenated given names join, "&" and abbreviations do not.

    Returns
    -------
    int
        The index after the name's last token.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> text = "Ursula von der Leyen trifft Johnson & Johnson."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> name_end(scan, 0, 3, person=True), name_end(scan, 5), name_end(scan, 4)
    (4, 7, 4)
    """
    j = i
    sentence = scan.token_sentence[i] if i < len(scan.tokens) else -1
    particles = 0
    while j < len(scan.tokens) and j - i - particles < limit:
        start, end, word = scan.tokens[j]
        if person and j > i and j - particles == i + 1 and word in scan.profile.particles and j + 1 < len(scan.tokens) \
                and scan.text[scan.tokens[j - 1][1]: start] == " " == scan.text[end: scan.tokens[j + 1][0]] \
                and (NAME_TOKEN.match(scan.tokens[j + 1][2]) or scan.tokens[j + 1][2] in scan.profile.particles):
            particles += 1  # "Andreas von Zitzewitz", "Ursula von der Leyen": a particle between given name and surname
            j += 1
            continue
        if person and j > i and scan.text[scan.tokens[j - 1][1]: start] == "-" and word.isalpha() and word.islower() \
                and len(word) <= 5:
            j += 1  # "Lee Hee-sung": a hyphenated Korean given name
            continue
        if not person and j > i and scan.text[scan.tokens[j - 1][1]: start] == "-" and word.isalpha() and word.islower() \
                and len(word) <= 6 and word not in HYPHEN_MODIFIERS and not (j - 1 == i and scan.tokens[i][2] in scan.profile.generic) \
                and scan.token_sentence[j] == sentence:
            j += 1  # "Bundesverband Deutsche Start-ups", "Middle-earth Enterprises": one hyphenated word
            continue
        if scan.token_sentence[j] != sentence or not NAME_TOKEN.match(word) or word in scan.profile.stop:
            break
        if j > i:
            gap = scan.text[scan.tokens[j - 1][1]: start]
            joined = gap == "-" and (len(scan.tokens[j - 1][2]) <= 3 and scan.tokens[j - 1][2][:1].isupper()
                                     or word in scan.profile.org_heads)
            joined = joined or (gap == "-" and not person and scan.code == "en" and word[:1].isupper()
                                and word.isalpha() and scan.tokens[j - 1][2][:1].isupper()
                                and scan.tokens[j - 1][2].isalpha()
                                and scan.gaz.lookup([scan.tokens[j - 1][2]]) is None
                                and scan.gaz.lookup([word]) is None)  # "Metro-Goldwyn-Mayer", "Hewlett-Packard",
            # not "Apple-Samsung" (two known names)
            joined = joined or (gap == " & " and not person)  # "Christian & Timbers", "Johnson & Johnson"
            joined = joined or (gap == "&" and not person and word[:1].isupper()
                                and scan.tokens[j - 1][2][:1].isupper())  # "S&T", "AT&T"
            joined = joined or (gap in ("'", "’") and word[:1].isupper() and len(scan.tokens[j - 1][2]) == 1
                                and scan.tokens[j - 1][2].isupper())  # "Kevin O'Leary", "D’Angelo"
            joined = joined or (not person and _abbreviation_joins(scan, j - 1))
            joined = joined or (gap == ". " and _initial_joins(scan, i, j - 1))  # "John W. Thompson"
            if (gap not in (" ", "’ ", "' ") and not joined) or (scan.code == "de" and word.lower() in scan.lang.DETERMINERS):
                break
            if not person and word in scan.profile.given and j + 1 < len(scan.tokens) and NAME_TOKEN.match(scan.tokens[j + 1][2]) \
                    and scan.text[end: scan.tokens[j + 1][0]] == " ":
                break  # "des Start-ups Movinga Bastian Knutzen": the company's name ends before the founder's
            heads = scan.profile.org_heads
            if scan.code == "de" and not person and word.endswith(scan.lang.NOUN_ENDINGS) and not word.isupper() \
                    and gap not in (". ", " & ", "&") and word not in heads and (j + 1 >= len(scan.tokens) or scan.tokens[j + 1][2] not in heads) \
                    and not (j == i + 1 and scan.tokens[i][2].isupper() and len(scan.tokens[i][2]) > 1
                             and not scan.descriptor_class(word) and not scan.is_written_lower(word)):
                break  # "Cariad Probleme": a German noun after a name is not part of it ("Merantix Venture Fund",
                # a word after "&", "Procter & Gamble", and after an acronym a word never written in lower case:
                # "IDS Scheer", are)
        j += 1
        if not person and DOMAIN.match(scan.text, end) and j < len(scan.tokens) and scan.tokens[j][0] == end + 1:
            j += 1  # "Web.de", "Booking.com": a domain is one name, and ends it
            break
        if not person and _abbreviation_joins(scan, j - 1):
            continue  # "Dr. Kade": an abbreviation inside an organisation's name
        if scan.text[end: end + 1] in ",;:.)" or scan.text[end: end + 2] in ("’s", "'s"):
            if not _initial_joins(scan, i, j - 1):
                break
    return j


def _abbreviation_joins(scan: ArticleScan, k: int) -> bool:
    """Token k is an abbreviation ("Dr.") followed by a capitalised word: the name goes on."""
    return k + 1 < len(scan.tokens) and scan.tokens[k][2] + "." in scan.lang.ABBREVIATIONS \
        and scan.text[scan.tokens[k][1]: scan.tokens[k + 1][0]] == ". " and scan.tokens[k + 1][2][:1].isupper()


def _initial_joins(scan: ArticleScan, i: int, k: int) -> bool:
    """Token k is a middle initial of a person named from token i on ("John W. Thompson")."""
    return i < k and k + 1 < len(scan.tokens) and len(scan.tokens[k][2]) == 1 and scan.tokens[k][2].isupper() \
        and scan.tokens[i][2] in scan.profile.given and scan.text[scan.tokens[k][1]: scan.tokens[k + 1][0]] == ". " \
        and scan.tokens[k + 1][2][:1].isupper() and scan.tokens[k + 1][2] not in scan.profile.stop


def free_names(scan: ArticleScan, cut: bool = False):
    """Capitalised names no pass has taken yet, as (first token, end token), in text order and checked as the
    scan goes (a caller's discoveries count). A name running into a taken token is skipped, or with ``cut``
    ends before it ("Autonomy" of "Autonomy CEO Mike Lynch").

    Parameters
    ----------
    scan : ArticleScan
        The article.
    cut : bool
        End a name before a taken token instead of skipping it.

    Yields
    ------
    tuple of int
        The first token of a name and the index after its last.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> text = "Figma, the San Francisco start-up"
    >>> scan = ArticleScan(text, split_sentences(text, "en"), "en", Gazetteer.load())
    >>> list(free_names(scan))
    [(0, 1), (2, 4), (3, 4)]
    """
    for i, (start, end, word) in enumerate(scan.tokens):
        if i in scan.taken or not NAME_TOKEN.match(word) or word in scan.profile.stop or word in scan.profile.generic:
            continue
        stop = name_end(scan, i, 4)
        taken = next((k for k in range(i + 1, stop) if k in scan.taken), None)
        if taken is not None and cut:
            stop = taken
        if stop > i and (taken is None or cut):
            yield i, stop


def add_name(scan: ArticleScan, i: int, j: int, kind: str) -> str | None:
    """Register tokens i..j-1 as a new name of class ``kind`` (or the gazetteer's entry) and a mention of it.

    A legal suffix at the end and "UK", "US", "EU" in front are left out of the name (not from a firm named after a
    person, "Heinrich Kleyer GmbH", whose founder may be named too); a product's version
    ("Kirin 980") goes with it. "Kestrava Labs" is also known as "Kestrava" from then on (``scan.names``).

    Parameters
    ----------
    scan : ArticleScan
        The article.
    i, j : int
        The name's first token and the index after its last.
    kind : str
        "Organization", "Person" or "Product".

    Returns
    -------
    str or None
        The entity's key; None where nothing but a legal suffix or organisation word is left.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> text = "Die Software AG und die Acme GmbH."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> add_name(scan, 1, 3, "Organization"), add_name(scan, 5, 7, "Organization"), sorted(scan.entities)
    (None, 'Acme', ['Acme'])
    """
    end = j
    while j - i > 1 and scan.tokens[j - 1][2] in scan.profile.legal_words:
        j -= 1
    # "Georg Fischer AG" keeps its suffix ("Georg Fischer" is a person; "Ricardo AG" is "Ricardo"), unless the gazetteer knows the firm ("Robert Bosch")
    named_after_person = kind == "Organization" and j < end and j - i >= 2 and scan.tokens[i][2] in scan.profile.given \
        and scan.gaz.lookup([t[2] for t in scan.tokens[i:j]], include_ambiguous=True) is None
    if named_after_person:
        j = end
    while i < j and scan.tokens[i][2] in ("UK", "US", "EU", "U") and j - i > 1:
        i += 1
    if j <= i or all(t[2] in scan.profile.org_heads for t in scan.tokens[i:j]):
        return None  # "die Software AG": a legal suffix alone names nothing
    if kind == "Product":  # "das Chip-System Kirin 980": a version stays with the name
        while j < len(scan.tokens) and j - i < 6 and VERSION.match(scan.tokens[j][2]) \
                and scan.text[scan.tokens[j - 1][1]: scan.tokens[j][0]] == " " and scan.token_sentence[j] == scan.token_sentence[i]:
            j += 1
    words = [t[2] for t in scan.tokens[i:j]]
    entry = scan.gaz.lookup(words, include_ambiguous=True)
    if entry is None and kind != "Person" and scan.profile.names_nothing(" ".join(words)):
        return None  # "an der Universität Padua": a place; "des Unternehmens": a descriptor, no name
    if entry is not None:
        label = entry.name
        scan.add_known_entity(entry)
    elif " ".join(words) in scan.names:  # named before ("Kestrava AI", then "Kestrava is a rival")
        label = scan.names[" ".join(words)]
    else:
        label = scan.text[scan.tokens[i][0]: scan.tokens[j - 1][1]]
        label = re.sub(r"\s+", " ", label)
        scan.add_entity(label, kind)
    scan.names.setdefault(" ".join(words), label)
    if entry is None and kind == "Organization" and len(words) > 1 and words[-1] in scan.profile.org_heads \
            and not named_after_person:
        short = words[:-1]  # "Kestrava AI" is "Kestrava" later on ("Mistral AI", "Little Eye Labs")
        if len(short[0]) >= 4 and short[0] not in scan.profile.stop and short[0] not in scan.profile.generic \
                and scan.gaz.lookup(short, include_ambiguous=True) is None:
            scan.names.setdefault(" ".join(short), label)
    scan.add_mention(i, j, label, scan.entities[label].type)
    return label
