"""Later mentions of names found already: every occurrence of a name found by context, and a person's surname
alone after the full name.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> from kg.extract.scan import ArticleScan
>>> from kg.extract.context_pass import context_pass
>>> text = "Das Start-up Kestrava gehört Lena Vogt. Vogt sagt, Kestravas Umsatz wächst."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> context_pass(scan)
>>> repeat_pass(scan)
>>> surname_pass(scan)
>>> [(text[m.start:m.end], m.keys[0]) for m in scan.named()]
[('Kestrava', 'Kestrava'), ('Lena Vogt', 'Lena Vogt'), ('Vogt', 'Lena Vogt'), ('Kestravas', 'Kestrava')]
"""
from __future__ import annotations

from .scan import ArticleScan


def repeat_pass(scan: ArticleScan) -> None:
    """Every later (or earlier) occurrence of a discovered name, genitive -s included.

    Parameters
    ----------
    scan : ArticleScan
        The article; the names in ``scan.names`` are looked for wherever a token is free.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.name_spans import add_name
    >>> text = "Kestrava Labs wächst. Kestravas Kunden mögen Kestrava Labs."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> add_name(scan, 0, 2, "Organization")
    'Kestrava Labs'
    >>> repeat_pass(scan)
    >>> [(text[m.start:m.end], m.keys[0]) for m in scan.named()]
    [('Kestrava Labs', 'Kestrava Labs'), ('Kestravas', 'Kestrava Labs'), ('Kestrava Labs', 'Kestrava Labs')]
    """
    if not scan.names:
        return
    longest = max(key.count(" ") + 1 for key in scan.names)
    for i in range(len(scan.tokens)):
        if i in scan.taken:
            continue
        for size in range(min(longest, len(scan.tokens) - i), 0, -1):
            if size > 1 and not scan.joinable(i, i + size):
                continue
            words = [t[2] for t in scan.tokens[i: i + size]]
            key = scan.names.get(" ".join(words))
            if key is None and words[-1].endswith("s"):
                key = scan.names.get(" ".join(words[:-1] + [words[-1][:-1]]))
            if key is not None and not scan.generic_compound(i, i + size):
                scan.add_mention(i, i + size, key, scan.entities[key].type)
                break


def surname_pass(scan: ArticleScan) -> None:
    """'Wang' after 'Alexandr Wang' is the same person (only where the surname is unique, and not where
    ``kg split`` parted the two).

    Parameters
    ----------
    scan : ArticleScan
        The article with the people named in full found already.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.name_spans import add_name
    >>> text = "Wang kam früh. Alexandr Wang gründete Scale. Wang lacht."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> add_name(scan, 3, 5, "Person")
    'Alexandr Wang'
    >>> surname_pass(scan)
    >>> [(m.start, m.keys[0]) for m in scan.named()]
    [(15, 'Alexandr Wang'), (45, 'Alexandr Wang')]
    """
    owners: dict[str, set[str]] = {}
    for key, info in scan.entities.items():
        parts = key.split()
        if info.type == "Person" and len(parts) >= 2:
            owners.setdefault(parts[-1], set()).add(key)
    first_seen = {}
    for m in scan.named():
        first_seen.setdefault(m.keys[0], m.start)
    for i, (start, end, word) in enumerate(scan.tokens):
        if i in scan.taken:
            continue
        base = word if word in owners else (word[:-1] if word.endswith("s") and word[:-1] in owners else "")
        if base and len(owners[base]) == 1:
            key = next(iter(owners[base]))
            if (key, word.casefold()) in scan.blocked or (key, base.casefold()) in scan.blocked:
                continue
            if first_seen.get(key, len(scan.text)) < start:
                scan.add_mention(i, i + 1, key, "Person")
