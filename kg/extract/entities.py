"""Find the entities of one article and every mention of them, pronouns and descriptors included.

Passes over one :class:`~kg.extract.scan.ArticleScan`, in order: the gazetteer
(:mod:`~kg.extract.gazetteer_pass`); names introduced by context (:mod:`~kg.extract.context_pass`:
descriptors such as "das KI-Unternehmen X", role titles, legal suffixes, given names, organisation words
such as "Labs" or "Fund", compounds such as "X-Gründer"); common-word names in lists
(:mod:`~kg.extract.coordination_pass`); every later occurrence of a found name
(:mod:`~kg.extract.repeat_pass`); two organisations written as one; surnames of people named in full; and
anaphors (er/he/it, "das Unternehmen", "the company", "die Autobauer") resolved to an antecedent
(:mod:`~kg.extract.anaphors`). Last, each mention's edges (:mod:`~kg.extract.mention_edges`).

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> text = "Der Musikdienst Spotify wächst. Das Unternehmen hat 60 Millionen Nutzer."
>>> found = find_entities(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> [(text[m.start:m.end], m.keys[0]) for m in found.mentions]
[('Spotify', 'Spotify'), ('Das Unternehmen', 'Spotify')]
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..text import Sentence
from .anaphors import find_anaphors, resolve_anaphors
from .base import EntityInfo, Mention
from .context_pass import context_pass
from .coordination_pass import coordination_pass, hyphen_pairs
from .gazetteer_pass import gazetteer_pass
from .mention_edges import absorb_descriptors, extend_tails
from .renames import merge_renames
from .repeat_pass import repeat_pass, surname_pass
from .scan import ArticleScan


@dataclass
class Found:
    """Entities (by key) and mentions (sorted by offset) of one article.

    Examples
    --------
    >>> Found()
    Found(entities={}, mentions=[], sentence_starts=[])
    """

    entities: dict[str, EntityInfo] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    # entities whose every mention a longer name took over ("Android 6" in "Android 6.0"), and the key of it
    replaced: dict[str, str] = field(default_factory=dict, repr=False)


def find_entities(text: str, sentences: list[Sentence], code: str, gaz: Gazetteer,
                  blocked: frozenset = frozenset()) -> Found:
    """Entities and mentions of one article in language ``code``; ``blocked`` holds (entity, alias)
    pairs that must not be linked (``kg split``).

    Parameters
    ----------
    text : str
        The article.
    sentences : list of Sentence
        Its sentences (:func:`kg.text.split_sentences`).
    code : str
        Its language ("de", "en").
    gaz : Gazetteer
        The known names.
    blocked : frozenset
        (entity key, alias casefolded) pairs: that alias alone is no mention of that entity.

    Returns
    -------
    Found
        The entities by key, the mentions sorted by offset and the sentences' starts.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> text = "Alexandr Wang gründete Scale AI. Wang ist 27."
    >>> sentences = split_sentences(text, "de")
    >>> [m.keys[0] for m in find_entities(text, sentences, "de", Gazetteer.load()).mentions]
    ['Alexandr Wang', 'Scale AI', 'Alexandr Wang']
    >>> blocked = frozenset({("Alexandr Wang", "wang")})
    >>> [m.keys[0] for m in find_entities(text, sentences, "de", Gazetteer.load(), blocked).mentions]
    ['Alexandr Wang', 'Scale AI']
    """
    scan = ArticleScan(text, sentences, code, gaz, blocked)
    gazetteer_pass(scan)
    context_pass(scan)
    coordination_pass(scan)
    repeat_pass(scan)
    hyphen_pairs(scan)
    surname_pass(scan)
    named = scan.named()
    _apply_alt_types(scan, named)
    anaphors = find_anaphors(scan)
    mentions = resolve_anaphors(scan, anaphors, [m for m in named if not m.anaphor]) + [m for m in named if m.anaphor]
    mentions.sort(key=lambda m: m.start)
    extend_tails(scan, mentions)
    absorb_descriptors(scan, mentions)
    found = Found(entities=scan.entities, mentions=mentions, sentence_starts=[s.start for s in sentences])
    merge_renames(text, found, code)
    return found


def _apply_alt_types(scan: ArticleScan, named: list[Mention]) -> None:
    """'Facebook' is the company where the article does not name Meta."""
    present = {k for m in named for k in m.keys}
    for key, info in scan.entities.items():
        entry = info.entry
        if entry is not None and entry.alt_type and entry.maker not in present:
            info.type = entry.alt_type
    for m in named:
        m.type = scan.entities[m.keys[0]].type
