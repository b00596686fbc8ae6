"""The first pass of the entity finder: every name the gazetteer knows, longest match first.

Versions of a product stay apart ("iPhone 15 Pro" is not "iPhone"); an organisation followed by a unit word
("TSMC Arizona") is a unit of its own; a known name in front of an organisation word ("Apple Venture Fund") or
a generic prefix in front of a hyphen ("Telekom-Unternehmen") is left to the context pass; a bare surname
waits for the surname pass.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> from kg.extract.scan import ArticleScan
>>> text = "Apple stellt das iPhone 15 Pro vor."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> gazetteer_pass(scan)
>>> [(text[m.start:m.end], m.keys[0], m.type) for m in scan.named()]
[('Apple', 'Apple', 'Organization'), ('iPhone 15 Pro', 'iPhone 15 Pro', 'Product')]
"""
from __future__ import annotations

from .name_shapes import VERSION
from .scan import ArticleScan


def gazetteer_pass(scan: ArticleScan) -> None:
    """Add a mention of every gazetteer name in the article (one not joinable into a longer one) to ``scan``.

    Parameters
    ----------
    scan : ArticleScan
        The article; its first pass, so no token is taken yet.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> text = "TSMC Arizona beliefert den Apple Venture Fund nicht."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> gazetteer_pass(scan)
    >>> [(text[m.start:m.end], m.keys[0]) for m in scan.named()]
    [('TSMC Arizona', 'TSMC Arizona')]
    """
    n = len(scan.tokens)
    firsts = scan.gaz.first_tokens
    i = 0
    while i < n:
        word = scan.tokens[i][2]
        if word not in firsts and word.casefold() not in firsts and word[:-1] not in firsts:
            i += 1
            continue
        matched = 0
        for size in range(min(scan.gaz.max_tokens, n - i), 0, -1):
            if size > 1 and not scan.joinable(i, i + size):
                continue
            words = [t[2] for t in scan.tokens[i: i + size]]
            entry = scan.gaz.lookup(words)
            if entry is None and scan.code == "en" and words[0][:1].isupper() and not scan.sentence_initial(i):
                entry = scan.gaz.lookup(words, include_ambiguous=True)  # "since it bought Slack": a name
            if entry is None and len(words[-1]) > 3 and words[-1].endswith("s"):
                entry = scan.gaz.lookup(words[:-1] + [words[-1][:-1]])  # German genitive: Metas
                if entry is not None and entry.type == "Person" and size == 1:
                    entry = None
            if entry is None or scan.generic_compound(i, i + size):
                continue
            if not any(c.isalpha() for w in words for c in w) and \
                    scan.text[scan.tokens[i][0]: scan.tokens[i + size - 1][1]] not in (entry.name, *entry.aliases):
                continue  # "1,1 Milliarden" is not 1&1: a name of digits only matches as written
            if entry.type == "Person" and size == 1:
                continue  # a bare surname only where the full name was seen (surname pass)
            j = i + size
            if entry.type == "Organization" and _founder_named(scan, i, j):
                continue  # "Henry Ford", "Werner von Siemens": the founder, not the firm named after him
            if entry.type == "Organization" and _head_follows(scan, j):
                continue  # "Apple Records", "Merantix Venture Fund" are not Apple, Merantix: the context pass names them
            if entry.type == "Organization" and j < n and scan.tokens[j][2] in scan.profile.units \
                    and scan.text[scan.tokens[j - 1][1]: scan.tokens[j][0]] == " " \
                    and scan.token_sentence[j] == scan.token_sentence[j - 1]:
                label = scan.text[scan.tokens[i][0]: scan.tokens[j][1]]  # "TSMC Arizona": a unit of its own
                scan.add_entity(label, "Organization")
                scan.add_mention(i, j + 1, label, "Organization")
                matched = j + 1 - i
                break
            label = entry.name
            if entry.type == "Product":  # versions stay apart: iPhone 15 is not iPhone
                while j < n and j - i < 6 and VERSION.match(scan.tokens[j][2]) and scan.joinable(j - 1, j + 1) \
                        and scan.text[scan.tokens[j - 1][1]: scan.tokens[j][0]] in (" ", "-"):
                    j += 1
                if j > i + size:
                    label = entry.name + scan.text[scan.tokens[i + size - 1][1]: scan.tokens[j - 1][1]]
            scan.add_known_entity(entry, label)
            scan.add_mention(i, j, label, entry.type)
            matched = j - i
            break
        i += matched or 1


def _founder_named(scan: ArticleScan, i: int, j: int) -> bool:
    """A firm's name (tokens i..j-1) that is a person's surname here: a given name right before it, or before at
    most two particles ("Henry Ford", "Werner von Siemens"). Where an organisation word follows ("Adam Opel AG"),
    the gazetteer match is left to the context pass anyway (:func:`_head_follows`)."""
    k = i - 1
    while k >= 0 and i - 1 - k < 2 and scan.tokens[k][2] in scan.profile.particles:
        k -= 1
    if k < 0 or scan.token_sentence[k] != scan.token_sentence[i] or scan.tokens[k][2] not in scan.profile.given:
        return False
    return all(scan.text[scan.tokens[x][1]: scan.tokens[x + 1][0]] == " " for x in range(k, i))


def _head_follows(scan: ArticleScan, j: int) -> bool:
    """Capitalised words from token j on, joined by spaces, that end in an organisation word ("Venture Fund")."""
    for k in range(j, min(j + 3, len(scan.tokens))):
        word = scan.tokens[k][2]
        if scan.text[scan.tokens[k - 1][1]: scan.tokens[k][0]] != " " or scan.token_sentence[k] != scan.token_sentence[j - 1] \
                or not word[:1].isupper():
            return False
        if word in scan.profile.org_heads:
            return scan.text[scan.tokens[k][1]: scan.tokens[k][1] + 1] != "-"  # not "SAP Co-CEO"
    return False
