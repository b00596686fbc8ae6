"""Where a mention of a name begins and ends once every mention is known: a descriptor in front is masked
with the name ("dem KI-Unternehmen Midjourney"), a legal suffix, a joined descriptor or an age after it
belongs to it ("Apple Inc.", "der Huawei-Konzern", "Bastian Knutzen (23)").

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> from kg.extract.scan import ArticleScan
>>> from kg.extract.gazetteer_pass import gazetteer_pass
>>> text = "Laut dem KI-Unternehmen Apple Inc. wächst der Markt."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> gazetteer_pass(scan)
>>> mentions = scan.named()
>>> extend_tails(scan, mentions)
>>> absorb_descriptors(scan, mentions)
>>> [(text[m.mask_start:m.start], text[m.start:m.end]) for m in mentions]
[('dem KI-Unternehmen ', 'Apple Inc.')]
"""
from __future__ import annotations

import re

from .base import Mention
from .scan import ArticleScan


def extend_tails(scan: ArticleScan, mentions: list[Mention]) -> None:
    """What follows a name and belongs to its mention: a legal suffix ('Apple Inc.', 'Altair Engineering
    Inc.'), a plain descriptor joined to an organisation ('der Huawei-Konzern'; not a relational one:
    'Prevent-Töchter' names other companies), a person's age in brackets ('Bastian Knutzen (23)').

    Parameters
    ----------
    scan : ArticleScan
        The article.
    mentions : list of Mention
        The article's mentions; each one's ``end`` moves past what belongs to it (in place).

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.name_spans import add_name
    >>> text = "Lena Vogt (23) führt die Kestrava GmbH seit 2020."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> add_name(scan, 0, 2, "Person"), add_name(scan, 5, 6, "Organization")
    ('Lena Vogt', 'Kestrava')
    >>> mentions = scan.named()
    >>> extend_tails(scan, mentions)
    >>> [text[m.start:m.end] for m in mentions]
    ['Lena Vogt (23)', 'Kestrava GmbH']
    """
    for m in mentions:
        if m.anaphor:
            continue
        if m.type == "Person":
            age = re.match(r" \(\d{1,3}\)", scan.text[m.end: m.end + 6])
            m.end += age.end() if age else 0
            continue
        if m.type != "Organization":
            continue
        tail = re.match(r"-([^\W\d_][\w]*)\b(?!-)", scan.text[m.end: m.end + 40])
        if tail and scan.descriptor_class(tail.group(1)) == "Organization":
            low = tail.group(1).casefold()
            if not any(r in low for r in scan.profile.relational) and low.rstrip("ns") not in scan.profile.role_words:
                m.end += tail.end()
        last = re.search(r"[\w.]+$", scan.text[m.start: m.end])
        if last and last.group() + "." in scan.lang.LEGAL_SUFFIXES and scan.text[m.end: m.end + 1] == ".":
            m.end += 1
        legal = scan.profile.legal_tail.match(scan.text, m.end)
        if legal:
            m.end = legal.end()


def absorb_descriptors(scan: ArticleScan, mentions: list[Mention]) -> None:
    """Mark 'dem KI-Unternehmen' in front of 'Midjourney' to be masked together with the name (not a
    relational descriptor: 'der Apple-Zulieferer Foxconn' names another company).

    Parameters
    ----------
    scan : ArticleScan
        The article.
    mentions : list of Mention
        The article's mentions; where a descriptor phrase stands in front, ``absorb`` is set to its start.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.gazetteer_pass import gazetteer_pass
    >>> text = "Intel and fellow chipmaker Nvidia grew."
    >>> scan = ArticleScan(text, split_sentences(text, "en"), "en", Gazetteer.load())
    >>> gazetteer_pass(scan)
    >>> mentions = scan.named()
    >>> absorb_descriptors(scan, mentions)
    >>> [(m.absorb, text[m.mask_start:m.end]) for m in mentions]
    [(-1, 'Intel'), (10, 'fellow chipmaker Nvidia')]
    """
    relational = scan.profile.relational
    dets = set(scan.lang.DETERMINERS)
    for m in mentions:
        if m.anaphor:
            continue
        before = scan.text[max(0, m.start - 80): m.start]
        words = list(re.finditer(r"[\w’'-]+", before))
        if not words or words[-1].end() != len(before) - 1 or before[-1] != " ":
            continue
        last = words[-1]
        low = last.group().casefold()
        if not scan.descriptor_class(last.group()) or any(
                low.rstrip("s") == r or low.endswith("-" + r) or low.endswith("-" + r + "s")
                or (scan.code == "de" and r in low) for r in relational):
            continue
        if scan.code == "en" and not last.group()[:1].islower():
            continue
        start = m.start - (len(before) - last.start())
        for k in range(len(words) - 2, max(-1, len(words) - 5), -1):
            w = words[k].group()
            gap = before[words[k].end(): words[k + 1].start()]
            if gap != " ":
                break
            if w in dets:
                start = m.start - (len(before) - words[k].start())
                break
            if w in scan.profile.absorb_stops:  # "in fellow chipmaker Intel": the words after the preposition
                start = m.start - (len(before) - words[k + 1].start())
                break
            if not w[:1].islower() and not re.match(r"[A-Z]{2,}-", w):
                break
        m.absorb = start
