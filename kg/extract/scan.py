"""One article as the entity finder's passes see it: its tokens, the mentions taken so far and the entities found.

Every pass (:mod:`kg.extract.gazetteer_pass`, :mod:`kg.extract.context_pass`, ...) reads and extends one
:class:`ArticleScan`: a token is taken by at most one mention, and each mention's key is an entity of
``scan.entities``.

Examples
--------
>>> from kg.gazetteer import Gazetteer
>>> from kg.text import split_sentences
>>> text = "Spotify wächst. Der Chef heißt Daniel Ek."
>>> scan = ArticleScan(text, split_sentences(text, "de"), "de", Gazetteer.load())
>>> [t[2] for t in scan.tokens][:4], scan.sentence_of(text.index("Chef"))
(['Spotify', 'wächst', 'Der', 'Chef'], 1)
"""
from __future__ import annotations

import bisect
import re

from .. import lang as languages
from ..gazetteer import Gazetteer
from ..text import Sentence
from .base import EntityInfo, Mention
from .language_profile import descriptor_kind, language_profile
from .name_shapes import COMPOUND_NAME_HEADS, HYPHENATED_WORD, JOIN_OK, TOKEN


class ArticleScan:
    """The tokens of one article in language ``code``, the mentions that have taken them and the entities found.

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
        (entity, alias) links that ``kg split`` forbade.

    Attributes
    ----------
    tokens : list of (start, end, text)
        The article's tokens (:data:`kg.extract.name_shapes.TOKEN`).
    taken : dict
        Token index -> the mention that covers it.
    entities : dict
        Entity key -> :class:`~kg.extract.base.EntityInfo`.
    names : dict
        The tokens of a name found by context, joined by spaces -> its entity key.
    profile : LanguageProfile
        The language's lookups.

    Examples
    --------
    >>> from kg.gazetteer import Gazetteer
    >>> from kg.text import split_sentences
    >>> text = "Apple kauft Beats. Das Telekom-Unternehmen und der KI-Konzern schweigen, apple auch."
    >>> gaz = Gazetteer.load()
    >>> scan = ArticleScan(text, split_sentences(text, "de"), "de", gaz)
    >>> scan.sentence_of(text.index("Das")), scan.token_at(text.index("Beats")), scan.joinable(2, 4)
    (1, 2, False)
    >>> scan.word_ending_at(text.index("Konzern") + 7), scan.descriptor_class("KI-Konzern")
    ('KI-Konzern', 'Organization')
    >>> scan.sentence_initial(3), scan.generic_compound(4, 5), scan.is_written_lower("Apple")
    (True, True, True)
    >>> scan.add_known_entity(gaz.get("Apple")), scan.add_entity("Beats", "Organization")
    ('Apple', 'Beats')
    >>> mention = scan.add_mention(2, 3, "Beats", "Organization")
    >>> (mention.start, mention.end), scan.add_mention(2, 3, "Beats", "Organization")
    ((12, 17), None)
    >>> sorted(scan.taken), [m.keys for m in scan.named()], scan.entities["Apple"].known
    ([2], [('Beats',)], True)
    """

    def __init__(self, text: str, sentences: list[Sentence], code: str, gaz: Gazetteer,
                 blocked: frozenset = frozenset()):
        self.text = text
        self.blocked = blocked  # (entity, alias) links that kg split forbade
        self.sentences = sentences
        self.lang = languages.get(code)
        self.code = code
        self.gaz = gaz
        self.tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        self.token_starts = [t[0] for t in self.tokens]
        self.sentence_starts = [s.start for s in sentences]
        self.token_sentence = [self.sentence_of(t[0]) for t in self.tokens]
        self.runs = self._join_runs()
        self.profile = language_profile(code)
        self._words_by_end: dict[int, str] | None = None
        self._lower_words: set[str] | None = None
        self.taken: dict[int, Mention] = {}  # token index -> mention
        self.entities: dict[str, EntityInfo] = {}
        self.names: dict[str, str] = {}  # token key of a discovered name -> entity key

    def sentence_of(self, offset: int) -> int:
        """The number of the sentence that holds character ``offset`` (0 before the first)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def token_at(self, offset: int) -> int:
        """The index of the first token that starts at or after character ``offset``."""
        return bisect.bisect_left(self.token_starts, offset)

    def _join_runs(self) -> list[int]:
        """run[i]: how many following tokens join token i into one name (computed once, right to left)."""
        n = len(self.tokens)
        runs = [0] * n
        sentence = self.token_sentence
        for k in range(n - 2, -1, -1):
            gap = self.text[self.tokens[k][1]: self.tokens[k + 1][0]]
            if JOIN_OK.match(gap) and sentence[k] == sentence[k + 1]:
                runs[k] = runs[k + 1] + 1
        return runs

    def joinable(self, i: int, j: int) -> bool:
        """Tokens i..j-1 form one name: only spaces, hyphens, dots, commas or & between, no sentence break."""
        return j - 1 - i <= self.runs[i]

    def descriptor_class(self, word: str) -> str:
        """The class ("Product", "Organization" or "") that the descriptor ``word`` names in this language."""
        return descriptor_kind(self.code, word)

    def add_entity(self, label: str, kind: str, wikidata: str = "", label_de: str = "") -> str:
        """Register an entity ``label`` of class ``kind`` unless there is one of that label; return the label."""
        info = self.entities.get(label)
        if info is None:
            self.entities[label] = EntityInfo(label=label, type=kind, wikidata=wikidata, label_de=label_de)
        return label

    def add_known_entity(self, entry, label: str | None = None) -> str:
        """Register a gazetteer entry (or a version of it, "iPhone 16") as an entity of the article."""
        label = label or entry.name
        info = self.entities.get(label)
        if info is None:
            exact = label == entry.name  # a version has no Wikidata id of its own
            info = self.entities[label] = EntityInfo(
                label=label, type=entry.type, wikidata=entry.wikidata if exact else "", label_de=entry.label_de,
                known=exact, entry=entry)
        return label

    def add_mention(self, i: int, j: int, key: str, kind: str, end: int | None = None) -> Mention | None:
        """A mention of entity ``key`` over tokens i..j-1 (to character ``end`` if given; a possessive "'s"
        goes with it) that takes those tokens; None where one of them is taken already."""
        if any(k in self.taken for k in range(i, j)):
            return None
        start = self.tokens[i][0]
        stop = end if end is not None else self.tokens[j - 1][1]
        tail = re.match(r"[’']s?\b|[’']", self.text[stop: stop + 2])
        if tail:
            stop += tail.end()
        mention = Mention(start=start, end=stop, keys=(key,), type=kind)
        for k in range(i, j):
            self.taken[k] = mention
        self.entities[key].surfaces.add(self.text[start:stop])
        return mention

    def named(self) -> list[Mention]:
        """The mentions found so far, each once, in text order."""
        return sorted({id(m): m for m in self.taken.values()}.values(), key=lambda m: m.start)

    def sentence_initial(self, i: int) -> bool:
        """Token i is the first word of its sentence."""
        start = self.sentences[self.token_sentence[i]].start if self.sentences else 0
        return not re.search(r"\w", self.text[start: self.tokens[i][0]])

    def generic_compound(self, i: int, j: int) -> bool:
        """'Telekom-Unternehmen': a generic prefix in front of a hyphen is no name ('Telekom-Chef' is)."""
        after = self.text[self.tokens[j - 1][1]: self.tokens[j - 1][1] + 1]
        if not (after == "-" and self.tokens[j - 1][2] in self.profile.generic and j - i == 1):
            return False
        head = self.tokens[j][2] if j < len(self.tokens) else ""
        return head.rstrip("ns") not in self.profile.role_words and not head.startswith(COMPOUND_NAME_HEADS)

    def is_written_lower(self, word: str) -> bool:
        """The article writes the word in lower case somewhere (a common word, not a name)."""
        if self._lower_words is None:
            self._lower_words = {t[2] for t in self.tokens if t[2].islower()}
        return word.lower() in self._lower_words

    def word_ending_at(self, end: int) -> str:
        """The whole hyphenated word that ends at ``end`` ("KI-Unternehmen")."""
        if self._words_by_end is None:
            self._words_by_end = {m.end(): m.group() for m in HYPHENATED_WORD.finditer(self.text)}
        return self._words_by_end.get(end, "")
