"""Names that stand beside names of their class: lists ("Apple, Ford und Toyota") and pairs joined by a hyphen
or space ("Daimler-Chrysler", "Sony Ericsson").

:func:`coordination_pass` takes a gazetteer name that is also a common word ("Ford") where a list puts it
beside a name of its class, and in English an unknown capitalised name beside organisations;
:func:`hyphen_pairs` joins two organisations written as one name.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> from kg.extract.scan import ArticleScan
>>> from kg.extract.gazetteer_pass import gazetteer_pass
>>> text = "Der Ford steht vor der Tür. Apple, Ford und Toyota."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> gazetteer_pass(scan)
>>> coordination_pass(scan)
>>> [(m.start, m.keys[0]) for m in scan.named()]
[(28, 'Apple'), (35, 'Ford'), (44, 'Toyota')]
"""
from __future__ import annotations

import re

from .base import Mention
from .name_spans import add_name, free_names
from .scan import ArticleScan


def coordination_pass(scan: ArticleScan) -> None:
    """A common-word name ('Ford') counts where it stands in a list with names of its class; in English an
    unknown capitalised name in a list with organisations is one too. Rounds go on while one adds a mention.

    Parameters
    ----------
    scan : ArticleScan
        The article after the gazetteer and context passes.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.gazetteer_pass import gazetteer_pass
    >>> text = "Investors include DST Global, Kestrava and Nvidia."
    >>> scan = ArticleScan(text, split_sentences(text, "en"), "en", Gazetteer.load())
    >>> gazetteer_pass(scan)
    >>> coordination_pass(scan)
    >>> [text[m.start:m.end] for m in scan.named()]
    ['DST Global', 'Kestrava', 'Nvidia']
    """
    link = re.compile(r"^(?:,\s|,?\s(?:and|und|or|oder|sowie|&)\s)$")
    changed = True
    rounds = 0
    while changed and rounds <= len(scan.tokens):  # each round takes a token, or the pass ends
        changed = False
        rounds += 1
        for i, (start, end, word) in enumerate(scan.tokens):
            if i in scan.taken or not word[:1].isupper():
                continue
            entry = scan.gaz.lookup([word], include_ambiguous=True)
            if entry is None or entry.type == "Person":
                continue
            left = scan.taken.get(i - 1)
            right = scan.taken.get(i + 1)
            if (left and left.type == entry.type and link.match(scan.text[left.end:start])) or \
                    (right and right.type == entry.type and link.match(scan.text[end:right.start])):
                scan.add_known_entity(entry)
                scan.add_mention(i, i + 1, entry.name, entry.type)
                changed = True
        if scan.code == "en":
            changed = _unknown_in_lists(scan, link) or changed


def _unknown_in_lists(scan: ArticleScan, link) -> bool:
    """English: an unknown capitalised name in a list with organisations is one ("DST Global, Bpifrance and
    Nvidia"); capitals mark names there, unlike German nouns."""
    changed = False
    suffix, joins = scan.profile.suffix_gap, scan.profile.list_joins

    def neighbour(k: int, step: int) -> Mention | None:
        # across "and" or a legal suffix not yet joined to its name ("Huawei Device Co., Razer USA and ASUSTek")
        for _ in range(3):
            if k in scan.taken or not 0 <= k < len(scan.tokens) or scan.tokens[k][2] not in joins:
                return scan.taken.get(k)
            k += step
        return None

    def links(a: int, b: int) -> bool:
        return bool(link.match(suffix.sub("", scan.text[a:b], count=1)))

    for i, stop in free_names(scan):
        if scan.tokens[i][2] in scan.profile.role_words or scan.sentence_initial(i):
            continue
        start = scan.tokens[i][0]
        left = neighbour(i - 1, -1)
        right = neighbour(stop, 1)
        name_end = scan.tokens[stop - 1][1]
        if (left and left.type == "Organization" and not left.anaphor and links(left.end, start)) or \
                (right and right.type == "Organization" and not right.anaphor and links(name_end, right.start)):
            before = len(scan.taken)
            add_name(scan, i, stop, "Organization")
            changed = changed or len(scan.taken) > before  # a name add_name() refused changes nothing
    return changed


def hyphen_pairs(scan: ArticleScan) -> None:
    """'die Daimler-Chrysler AG', 'Sony Ericsson': two organisations joined by a hyphen (and nothing after)
    or by a space are one; three or more in a row are a list, not a name.

    Parameters
    ----------
    scan : ArticleScan
        The article; the joined name becomes an entity, its mention replaces the two.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> from kg.extract.scan import ArticleScan
    >>> from kg.extract.gazetteer_pass import gazetteer_pass
    >>> text = "Sony Ericsson und die Nvidia-OpenAI-Partnerschaft."
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
    >>> gazetteer_pass(scan)
    >>> hyphen_pairs(scan)
    >>> [m.keys[0] for m in scan.named()]
    ['Sony Ericsson', 'Nvidia', 'OpenAI']
    """
    mentions = scan.named()
    joined = {k for k, (left, right) in enumerate(zip(mentions, mentions[1:])) if _one_name(scan, left, right)}
    for k in sorted(joined):
        if k - 1 in joined or k + 1 in joined:
            continue  # "Apple Google Microsoft"
        left, right = mentions[k], mentions[k + 1]
        label = scan.text[left.start: right.end]
        scan.add_entity(label, "Organization")
        scan.entities[label].surfaces.add(label)
        merged = Mention(start=left.start, end=right.end, keys=(label,), type="Organization")
        for key, m in list(scan.taken.items()):
            if m is left or m is right:
                scan.taken[key] = merged
        scan.names.setdefault(" ".join(t[2] for t in scan.tokens[scan.token_at(left.start): scan.token_at(right.end)]), label)


def _one_name(scan: ArticleScan, left: Mention, right: Mention) -> bool:
    gap = scan.text[left.end: right.start]
    return not (left.type != "Organization" or right.type != "Organization" or gap not in ("-", " ")
                or left.anaphor or right.anaphor or re.search(r"[\w-]$", scan.text[:left.start])
                or re.search(r"[’']s?$", scan.text[left.start: left.end])
                or re.match(r"-|\w| [a-z]" if gap == "-" else r"-|\w", scan.text[right.end: right.end + 2]))
    # not "die Nvidia-OpenAI-Partnerschaft", "the Nvidia-OpenAI partnership"; but "Sony Ericsson"
