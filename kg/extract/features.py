"""Features of one candidate pair, as strings for a sparse linear model.

The sentence is read as a sequence of words in which the subject, the object and every other mention
stand as slots (``<S>``, ``<O>``, ``<ORG>``...). Features: the classes and order of the pair, the distance,
the words and bigrams between, the words around each slot, the relation cue words of the language
(``RELATION_CUES`` in :mod:`kg.lang.de` / :mod:`kg.lang.en`) before, between and after, other mentions
between, negation, possessive and hyphen compounds ("Apple's iPod", "Microsoft-Chef"), anaphors, and
whether a rule of the ``rules`` extractor produced this pair (and which relation).

Examples
--------
>>> from kg.extract.base import Mention
>>> text = "Google kauft YouTube."
>>> a, b = Mention(0, 6, ("Google",), "Organization"), Mention(13, 20, ("YouTube",), "Organization")
>>> f = features(text, 0, len(text), a, b, [a, b], "de", {})
>>> "bw=kauft" in f and "cb=acquires" in f
True
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as languages
from .base import Mention

WORD_RE = re.compile(r"[^\W_]+(?:[-.&][^\W_]+)*|[^\w\s]")
SLOT = {"Organization": "<ORG>", "Person": "<PER>", "Product": "<PROD>"}


@lru_cache(maxsize=4)
def _lexicon(code: str):
    data = languages.get(code)
    cues = {r: re.compile(c.casefold()) for r, c in data.RELATION_CUES.items()}
    words = "|".join(re.escape(w) for w in data.NEGATIONS)
    negation = re.compile(r"(?<!\w)(?:" + words + r")(?!\w)", re.IGNORECASE)
    former = tuple(c.casefold() for c in data.FORMER_CUES)
    return cues, negation, former


@lru_cache(maxsize=16384)
def _negated(code: str, text: str) -> bool:
    return bool(_lexicon(code)[1].search(text))


@lru_cache(maxsize=65536)
def _cued(code: str, text: str) -> tuple[str, ...]:
    """The relations whose cue words occur in a stretch of words (the same stretches recur across pairs)."""
    return tuple(relation for relation, cue in _lexicon(code)[0].items() if cue.search(text))


def cued_relations(code: str, text: str) -> tuple[str, ...]:
    """The relations with a cue word (``RELATION_CUES`` of the language) in ``text``.

    >>> cued_relations("en", "Jobs co-founded Apple in 1976.")
    ('founded',)
    """
    return _cued(code, text.casefold())


@lru_cache(maxsize=65536)
def _between_word(w: str, order: str, tp: str) -> tuple[str, ...]:
    """The features of one word between the pair (``tp`` given where the pair is near)."""
    out = ["bw=" + w, f"bw={w}|{order}"]
    if tp:
        out.append(f"bw={w}|{tp}|{order}")
    if len(w) > 6:
        out.append(f"bs={w[:6]}|{order}")  # a crude stem: "gegründet"/"gegründete", "acquisition"/"acquisitions"
    return tuple(out)


def _outside_brackets(items: list[str]) -> list[str]:
    """The items outside balanced parentheses ("Borel (* 14. Februar 1950 in Neuchâtel) war Mitbegründer"
    reads as "Borel war Mitbegründer"); a bracket with a mention inside, or an unbalanced one, stays."""
    if "(" not in items:
        return items
    out, held, depth = [], [], 0
    for item in items:
        if item == "(":
            depth += 1
        if depth:
            held.append(item)
        else:
            out.append(item)
        if item == ")" and depth:
            depth -= 1
            if not depth:
                if any(x[:1] == "<" for x in held):
                    out.extend(held)
                else:
                    out.append("()")
                held = []
    return out + held


def _bucket(n: int) -> str:
    for bound, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12"), (20, "13-20")):
        if n <= bound:
            return name
    return "21+"


def _view(text: str, start: int, end: int, mentions: list[Mention]):
    """Words and mention slots of a sentence, and each mention's position among them."""
    items: list[str] = []
    where: dict[int, int] = {}
    pos = start
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos or m.end > end:
            continue
        items.extend(w.casefold() for w in WORD_RE.findall(text[pos:m.start]))
        where[id(m)] = len(items)
        items.append(SLOT[m.type])
        pos = m.end
    items.extend(w.casefold() for w in WORD_RE.findall(text[pos:end]))
    return items, where


def _sequence(text, start, end, a, b, mentions, cache=None):
    """The sentence's items (mention slots as ``<ORG>``...) and the positions of the subject and the object
    among them (the caller reads them as ``<S>`` and ``<O>``)."""
    held = cache.get(id(mentions)) if cache is not None else None
    if held is not None and held[0] is mentions and held[1] == (start, end):
        view = held[2]  # the same list of mentions (one per sentence) read before
    else:
        view = _view(text, start, end, mentions)
        if cache is not None:
            cache[id(mentions)] = (mentions, (start, end), view)  # the list is held, so its id stays its own
    items, where = view
    return items, where.get(id(a)), where.get(id(b))


def _span(items: list[str], lo: int, hi: int, code: str, cache: dict | None):
    """What a pair's features read of the stretch between its two slots and around it, the same for both
    orders of the pair (so read once for the two): the items between (brackets dropped), their words, the
    bigram and first/last/mentions-between features, and the cue relations between, left and right, whether
    a negation stands between and whether a "former" cue stands around."""
    spans = None
    if cache is not None:  # per list of items (held with it, so that its id stays its own)
        kept = cache.get(("spans", id(items)))
        if kept is None or kept[0] is not items:
            kept = cache[("spans", id(items))] = (items, {})
        spans = kept[1]
        held = spans.get((lo, hi))
        if held is not None:
            return held
    between = _outside_brackets(items[lo + 1:hi])
    words = [w for w in between if w[:1] != "<"]
    bigrams = [f"bb={x}_{y}" for x, y in zip(between, between[1:])]
    rest = ["bf=" + between[0], "bl=" + between[-1]] if between else []
    others = [w for w in between if w[:1] == "<"]
    rest.append("mb=" + str(min(len(others), 3)))
    rest.extend("mbt=" + w for w in sorted(set(others)))
    btext, ltext = " ".join(words), " ".join(items[max(0, lo - 8):lo])
    around = ltext + " " + btext
    context = (_cued(code, btext), _cued(code, ltext), _cued(code, " ".join(items[hi + 1:hi + 9])),
               _negated(code, btext), any(c in around for c in _lexicon(code)[2]))
    held = (between, words, (bigrams, rest), context)
    if spans is not None:
        spans[lo, hi] = held
    return held


_HYPHEN = re.compile(r"-([^\W\d_]+)")
_POSSESSIVE_END = re.compile(r"[’']s$")
_POSSESSIVE_NEXT = re.compile(r"[’']s\b")
_GLUE = re.compile(r"(?:[’']s)?\s*")


def _form(text: str, m: Mention, cache: dict | None) -> tuple[str, bool]:
    """A mention's hyphen compound ("Microsoft-Chef": "chef") and whether it is possessive ("Apple's")."""
    key = ("form", m.start, m.end)
    form = cache.get(key) if cache is not None else None
    if form is None:
        tail = text[m.end:m.end + 24]
        hyphen = _HYPHEN.match(tail)
        form = (hyphen.group(1).casefold() if hyphen else "",
                bool(_POSSESSIVE_END.search(text[m.start:m.end]) or _POSSESSIVE_NEXT.match(tail)))
        if cache is not None:
            cache[key] = form
    return form


@lru_cache(maxsize=4096)
def _head(code: str, tp: str, order: str, dist: str) -> tuple[str, ...]:
    """The features of a pair's classes, order and distance (few combinations, made once)."""
    return ("bias", "tp=" + tp, f"tp={tp}|{order}", f"L{code}|tp={tp}", "dist=" + dist, f"dist={dist}|{order}")


@lru_cache(maxsize=4096)
def _cue_features(between: tuple, left: tuple, right: tuple, order: str, tp: str) -> tuple[str, ...]:
    """The features of the relations cued between, left of and right of a pair (recurring combinations)."""
    out = []
    for relation in between:
        out.append("cb=" + relation)
        out.append(f"cb={relation}|{order}|{tp}")
    for relation in left:
        out.append("cl=" + relation)
        out.append(f"cl={relation}|{tp}")
    for relation in right:
        out.append("cr=" + relation)
        out.append(f"cr={relation}|{tp}")
    return tuple(out)


_AROUND = tuple((name, d, f"{name}{d}=") for name in ("s", "o") for d in (-2, -1, 1, 2))


def features(text: str, start: int, end: int, a: Mention, b: Mention, mentions: list[Mention], code: str,
             rules: dict, s: str = "", o: str = "", focus: str | None = None, cache: dict | None = None) -> list[str]:
    """Feature strings of the pair (a subject, b object) in the sentence text[start:end]; ``cache`` (a dict
    kept per article) saves re-reading a sentence for each of its pairs."""
    items, i, j = _sequence(text, start, end, a, b, mentions, cache)
    tp = f"{a.type[:3]}>{b.type[:3]}"
    if i is None or j is None:
        return ["bias", "tp=" + tp]
    order = "SO" if i < j else "OS"
    lo, hi = min(i, j), max(i, j)
    span = _span(items, lo, hi, code, cache)
    between, words, middle, context = span
    f = list(_head(code, tp, order, _bucket(len(between))))
    near = tp if len(between) <= 8 else ""
    for w in words:
        f.extend(_between_word(w, order, near))
    f.extend(middle[0])
    if len(between) <= 4:
        f.append(f"bstr={' '.join(between)}|{order}")
    f.extend(middle[1])
    n = len(items)
    for name, d, prefix in _AROUND:
        x = (i if name == "s" else j) + d
        if 0 <= x < n:
            f.append(prefix + ("<S>" if x == i else "<O>" if x == j else items[x]))
    if lo == 0:
        f.append("first_slot_starts")
    cued_between, cued_left, cued_right, negated_between, former_cue = context
    if cued_between or cued_left or cued_right:
        f.extend(_cue_features(cued_between, cued_left, cued_right, order, tp))
    if _negated(code, text[start:end]):
        f.append("neg")
        if negated_between:
            f.append("neg_between")
    if former_cue:
        f.append("former_cue")
    for name, m in (("s", a), ("o", b)):
        form = _form(text, m, cache)
        if form[0]:
            f.append(f"{name}hyph={form[0]}")
            f.append(f"{name}hyph")
        if form[1]:
            f.append(f"{name}poss")
        if m.start == m.end:
            f.append(f"{name}implicit")  # the article's focus, not named in this sentence
            f.append(f"{name}implicit|{tp}")
        elif m.anaphor:
            f.append(f"{name}ana")
    if a.start == a.end == b.start:
        f.append("brand_in_name")
    if (a.end <= b.start and _GLUE.fullmatch(text[a.end:b.start])) or \
            (b.end <= a.start and _GLUE.fullmatch(text[b.end:a.start])):
        f.append(f"adjacent|{order}")
    if focus:
        if s == focus:
            f.append(f"s_focus|{tp}")
        if o == focus:
            f.append(f"o_focus|{tp}")
    for relation in rules.get((s, o), ()):
        f.append("R=" + relation)
        f.append(f"R={relation}|{tp}")
    for relation in rules.get((o, s), ()):
        f.append("Rrev=" + relation)
    return f
