"""The default extractor: deterministic German and English rules, offline and fast.

Examples
--------
>>> extractor = RuleExtractor()
>>> result = extractor.extract("Der Apple-Zulieferer Japan Display meldet Verluste.", lang="de")
>>> [(t.s, t.p, t.o) for t in result.triples]
[('Japan Display', 'supplies', 'Apple')]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import lang as languages
from ..gazetteer import Gazetteer
from ..langdetect import detect
from ..text import split_sentences
from . import register
from .base import Extraction, Triple
from .entities import find_entities
from .patterns import LETTER, grouped_patterns, placeholders, _AMOUNT, _STAKE

SIGNATURES = {
    "investsIn": ("OP", "O"), "acquires": ("O", "OR"), "collaboratesWith": ("O", "O"),
    "competesWith": ("O", "O"), "founded": ("P", "O"), "worksFor": ("P", "O"),
    "formerlyWorkedFor": ("P", "O"), "develops": ("O", "R"), "owns": ("O", "OR"),
    "supplies": ("O", "O"), "sues": ("OPR", "OPR"), "usesTechnologyOf": ("OR", "OR"),
}
DEALS = ("investsIn", "acquires")
SYMMETRIC = ("collaboratesWith", "competesWith")
AMOUNT = re.compile(_AMOUNT.replace("?P<amount>", ""), re.IGNORECASE)
STAKE = re.compile(_STAKE, re.IGNORECASE)
MAX_TEXT = 6_000_000


@register("rules")
class RuleExtractor:
    """Rules over gazetteer and context-found entities; see :mod:`kg.lang.de` and :mod:`kg.lang.en`."""

    name = "rules"

    def __init__(self, entities: tuple[str, ...] = (), splits: tuple[tuple[str, str], ...] = ()):
        self.gazetteer = Gazetteer.load(tuple(entities))
        self.blocked = frozenset((entity, alias.casefold()) for entity, alias in splits)
        for entity, alias in splits:
            self.gazetteer.split(entity, alias)

    def extract(self, text: str, lang: str = "auto", date: str = "") -> Extraction:
        read = self.read(text, lang)
        if isinstance(read, Extraction):
            return read
        code, text, sentences, found = read
        return Extraction(self.triples_of(text, code, sentences, found, date), found.entities, code)

    def read(self, text: str, lang: str = "auto"):
        """``(language, text, sentences, mentions found)`` of an article, or an empty :class:`Extraction`
        with a warning for a language other than German and English."""
        code = lang if lang in languages.SUPPORTED else detect(text)
        if code not in languages.SUPPORTED:
            warning = f"language {code or 'unknown'} is not supported (de, en): no triples extracted"
            return Extraction([], {}, code, [warning])
        text = text[:MAX_TEXT]
        sentences = split_sentences(text, code)
        return code, text, sentences, find_entities(text, sentences, code, self.gazetteer, self.blocked)

    @staticmethod
    def by_pair(triples: list[Triple]) -> dict[int, dict]:
        """The rules' relations per sentence (by its start) and entity pair: the trained model's rule signal."""
        table: dict[int, dict] = {}
        for t in triples:
            table.setdefault(t.start, {}).setdefault((t.s, t.o), set()).add(t.p)
        return table

    def triples_of(self, text: str, code: str, sentences, found, date: str = "") -> list[Triple]:
        """The rules' triples over sentences and mentions found already (the trained extractor's rule signal)."""
        triples: dict[tuple, Triple] = {}
        by_sentence: dict[int, list[int]] = {}
        starts = [s.start for s in sentences]
        for index, m in enumerate(found.mentions):
            by_sentence.setdefault(max(0, bisect.bisect_right(starts, m.start) - 1), []).append(index)
        data = languages.get(code)
        funded = _Funded(found, sentences, by_sentence, code)  # computed only where a pattern asks
        patterns = grouped_patterns(code)
        cues = _cues(code)
        for number, sentence in enumerate(sentences):
            indices = by_sentence.get(number, [])
            if len(indices) < 1 or cues.denies(sentence.text):
                continue
            masked = self._mask(text, sentence, found.mentions, indices)
            variants = [masked]
            if cues.apposition is not None:
                bare = cues.apposition.sub(r"\1 ", masked)  # "Ericsson, the market leader, filed" -> "Ericsson filed"
                if bare != masked:
                    variants.append(bare)
            letters = {found.mentions[i].type for i in indices}
            letters = {LETTER[t] for t in letters}
            single = len(indices) < 2
            lowered = masked.casefold()
            cued = {relation for relation, cue in cues.relations.items() if not cue.search(lowered)}
            for needs, group in patterns:
                if any(not (need & letters) for need in needs):
                    continue
                for relation, regex, options in group:
                    if single and options.get("implicit") is None:
                        continue
                    if relation in cued:
                        continue  # the sentence has none of the relation's cue words
                    for match in (m for variant in variants for m in regex.finditer(variant)):
                        window = match.string[max(0, match.start() - 40): match.end()]  # the variant matched
                        if cues.negates(PLACEHOLDER_RE.sub(" ", window)):
                            continue
                        self._emit(triples, relation, match, options, found, sentence, indices, data, date,
                                   lambda: funded.at(number))
        return list(triples.values())

    @staticmethod
    def _mask(text, sentence, mentions, indices) -> str:
        parts = []
        pos = sentence.start
        for index in indices:
            m = mentions[index]
            if m.start < pos:
                continue
            start = m.mask_start if m.mask_start >= pos else m.start
            parts.append(re.sub(r"\s+", " ", text[pos:start]))
            parts.append(f"⟨{LETTER[m.type]}{index}⟩")
            if re.search(r"\w[’']s$", text[m.start:m.end]):
                parts.append("’s")  # the possessive stays visible to the patterns ("OpenAI’s largest investor")
            pos = min(m.end, sentence.end)
        parts.append(re.sub(r"\s+", " ", text[pos:sentence.end]))
        return "".join(parts)

    def _emit(self, triples, relation, match, options, found, sentence, indices, data, date, funded=tuple) -> None:
        groups = match.groupdict()
        compound = _cues(data.CODE).compound
        subjects = self._heads(match, "s", compound)
        objects = self._heads(match, "o", compound)
        pairs = placeholders(groups.get("pair"))
        mentions = found.mentions
        confidence = options.get("conf", 0.85)
        if options.get("alone"):
            orgs = [i for i in indices if found.mentions[i].type == "Organization"]
            if any(not found.mentions[i].anaphor for i in orgs):
                return  # the sentence names an organisation itself: the explicit patterns decide
            if orgs:  # "... at the company's conference": the anaphor names the employer
                objects = [orgs[0]]
                options = {k: v for k, v in options.items() if k != "implicit"}
        implicit = options.get("implicit")
        if implicit in ("o", "funded"):
            focus = None
            if implicit == "funded":  # "investors include A, B": the company that raised the round
                taken = {k for i in subjects for k in mentions[i].keys}
                focus = next((i for i in funded() if not set(mentions[i].keys) & taken), None)
            if focus is None:
                focus = self._focus(found, sentence, indices)
            if focus is None:
                return
            objects = [focus]
            confidence *= 0.8 if implicit == "funded" else 0.75
        combos = [(a, b) for a in subjects for b in objects]
        combos += [(a, b) for i, a in enumerate(pairs) for b in pairs[i + 1:]]
        attrs = {}
        if groups.get("role"):
            role = re.sub(r"\s+", " ", groups["role"]).strip()
            attrs["role"] = role
            attrs["normalizedRole"] = normalize_role(role, data.ROLE_NORMAL)
        matched = match.group(0)
        before = match.string[max(0, match.start() - 30): match.start()]
        if relation == "worksFor" and any(cue in (before + matched).casefold() for cue in _cues(data.CODE).former):
            return  # "der frühere Microsoft-Manager": formerlyWorkedFor has it
        if relation == "worksFor" and attrs.get("normalizedRole") in ("founder", "co-founder"):
            return  # founded has it
        if relation == "formerlyWorkedFor" and attrs.get("role"):
            attrs["role"] = re.sub(r"^(?:former|ex-|ehemalige[rn]?|frühere[rn]?)\s?", "", attrs["role"], flags=re.I)
        if relation in DEALS:
            rest = matched + match.string[match.end():]
            amount = groups.get("amount") or ""
            if not amount and not options.get("no_amount"):
                # "zahlt für" looks at the whole sentence: "26 Millionen Euro zahlte X für Y" names the price first
                where = match.string if options.get("money") else rest
                amount = next((m.group(0) for m in AMOUNT.finditer(where) if _is_money(m.group(0))), "")
            amount = amount.strip() if _is_money(amount) else ""
            if amount:
                attrs["amount"] = amount
            elif options.get("money"):
                return  # "zahlt für": a purchase only where a price is named
            found_stake = STAKE.search(rest)
            stake = groups.get("stake") or (found_stake.group(1) if found_stake else "")
            if stake:
                value = float(stake.replace(",", "."))
                attrs["stakePercent"] = int(value) if value.is_integer() else value
            attrs["status"] = _status(sentence.text, _cues(data.CODE))
        if date:
            attrs["date"] = date
        s_ok, o_ok = SIGNATURES[relation]
        for a, b in combos:
            ma, mb = mentions[a], mentions[b]
            conf = confidence * (0.85 if ma.anaphor or mb.anaphor else 1.0)
            for sk in ma.keys:
                for ok in mb.keys:
                    if sk == ok:
                        continue
                    st, ot = found.entities[sk].type, found.entities[ok].type
                    if LETTER[st] not in s_ok or LETTER[ot] not in o_ok:
                        continue
                    key = (sk, relation, ok) if relation not in SYMMETRIC else (min(sk, ok), relation, max(sk, ok))
                    old = triples.get(key)
                    if old is None:
                        triples[key] = Triple(sk, relation, ok, st, ot, sentence.text, sentence.start, sentence.end,
                                              round(conf, 3), dict(attrs))
                    else:
                        for name, value in attrs.items():
                            old.attrs.setdefault(name, value)
                        old.confidence = max(old.confidence, round(conf, 3))

    @staticmethod
    def _heads(match, group: str, compound) -> list[int]:
        """The mentions of a slot; where the slot's last name only modifies a noun compound's head ("a suit
        against Lenovo competitor LG Electronics", "sued Autonomy CEO Mike Lynch", "take on China’s DeepSeek"),
        the head takes its place, unless the head is part of the match already."""
        numbers = placeholders(match.group(group) if group in match.re.groupindex else None)
        if numbers and compound is not None:
            head = compound.match(match.string, match.end(group))
            if head and head.start(1) >= match.end():
                numbers[-1] = int(head.group(2))
        return numbers

    @staticmethod
    def _focus(found, sentence, indices):
        """The organisation the text was about just before this sentence, not named in it: of the nearest
        earlier sentence that names one, the one named first (its subject, as a rule), passing over one that
        only modifies a person's title ("Eucalyptus CEO Marten Mickos will join HP")."""
        here = {k for i in indices for k in found.mentions[i].keys}
        starts = found.sentence_starts
        mentions = found.mentions
        candidates: list[int] = []  # the nearest sentence's organisations, last first
        bound = 0  # where that sentence starts
        for index in range(min(indices) - 1, -1, -1):
            m = mentions[index]
            if m.end <= sentence.start and m.type == "Organization" and len(m.keys) == 1 and m.keys[0] not in here:
                if not candidates:
                    bound = starts[max(0, bisect.bisect_right(starts, m.start) - 1)] if starts else m.start
                elif m.start < bound:
                    break
                candidates.append(index)
        if not candidates:
            return None

        def modifier(index: int) -> bool:
            after = mentions[index + 1] if index + 1 < len(mentions) else None
            return after is not None and after.type == "Person" and not after.anaphor \
                and 0 <= after.start - mentions[index].end <= 40 \
                and bisect.bisect_right(starts, after.start) == bisect.bisect_right(starts, mentions[index].start)

        return next((i for i in reversed(candidates) if not modifier(i)), candidates[-1])


class _Funded:
    """The organisations of an article that raised money, per sentence (latest first), worked out on first use.
    A raising verb names the first organisation before it ("Mistral AI, backed by Nvidia, has raised"; not one
    that modifies "-backed"/"-led"); "a round for X" names the first one after it."""

    def __init__(self, found, sentences, by_sentence, code):
        self.args = (found, sentences, by_sentence, code)
        self.table: dict[int, tuple[int, ...]] | None = None

    def at(self, number: int) -> tuple[int, ...]:
        if self.table is None:
            self.table = self._compute(*self.args)
        return self.table.get(number, ())

    @staticmethod
    def _compute(found, sentences, by_sentence, code) -> dict[int, tuple[int, ...]]:
        cues = _cues(code)
        if cues.funding is None:
            return {}
        mentions = found.mentions
        raised: list[int] = []
        result: dict[int, tuple[int, ...]] = {}
        for number, sentence in enumerate(sentences):
            orgs = [i for i in by_sentence.get(number, []) if mentions[i].type == "Organization"
                    and not re.match(r"-(?:backed|led|funded|gestützt)", sentence.text[mentions[i].end - sentence.start:][:10])]
            hits = [next((i for i in orgs if mentions[i].end <= sentence.start + cue.start()), None)
                    for cue in cues.funding.finditer(sentence.text)]
            if cues.funding_for is not None:
                hits += [next((i for i in orgs if mentions[i].start >= sentence.start + cue.end()), None)
                         for cue in cues.funding_for.finditer(sentence.text)]
            for hit in hits:
                if hit is not None and hit not in raised:
                    raised.insert(0, hit)
            result[number] = tuple(raised)
        return result


PLACEHOLDER_RE = re.compile(r"⟨[OPR]\d+⟩")
QUOTE_END = re.compile(r"[“”\"»«„]")


class _Cues:
    """Compiled negation, denial, rumour and announcement cues of one language."""

    def __init__(self, code: str):
        data = languages.get(code)
        words = lambda items: r"(?<!\w)(?:" + "|".join(re.escape(i.strip()) for i in items) + r")(?!\w)"  # noqa: E731
        self.negation = re.compile(words(data.NEGATIONS), re.IGNORECASE)
        kept = getattr(data, "NOT_NEGATING", ())  # "einen nicht bekannten Betrag": the amount is unknown, not the deal
        self.not_negating = re.compile("|".join(kept) if kept else "(?!)", re.IGNORECASE)
        denials = getattr(data, "SENTENCE_DENIALS", ())
        self.denial = re.compile("|".join(f"(?:{d})" for d in denials), re.IGNORECASE) if denials else None
        self.rumor = re.compile("|".join(re.escape(c) for c in data.RUMOR_CUES), re.IGNORECASE)
        self.announced = re.compile(words(data.ANNOUNCED_CUES), re.IGNORECASE)
        self.former = tuple(c.casefold() for c in data.FORMER_CUES)
        funding, funding_for = getattr(data, "FUNDING_CUES", ()), getattr(data, "FUNDING_FOR", ())
        self.funding = re.compile("|".join(funding), re.IGNORECASE) if funding else None
        self.funding_for = re.compile("|".join(funding_for)) if funding_for else None
        # cue words are lower case and searched in the casefolded sentence (faster than IGNORECASE)
        self.relations = {r: re.compile(c.casefold()) for r, c in getattr(data, "RELATION_CUES", {}).items()}
        heads = getattr(data, "COMPOUND_HEADS", ())
        # "Lenovo competitor LG Electronics", "China’s DeepSeek": the name after the noun or possessive is the head
        # (or a name right after it: "the acquisition of Returnal developer Housemarque", descriptor masked)
        self.compound = re.compile(r"(?:\s(?:" + "|".join(re.escape(h) for h in heads) + r")\s|’s\s|'s\s|\s)(⟨[OPR](\d+)⟩)") \
            if heads else None
        openers = "|".join(re.escape(o).replace(r"\ ", r"\s") for o in getattr(data, "APPOSITION_OPENERS", ()))
        # ", the market leader in networking," after a mention: no mention, quote or bracket inside
        self.apposition = re.compile(r"(⟨[OPR]\d+⟩(?:’s)?),\s(?:" + openers + r")\s[^,⟨⟩;:\"“”„»«()]{1,100}?,\s") \
            if openers else None

    def denies(self, sentence: str) -> bool:
        """Whether the sentence denies what it reports ("wies ... zurück")."""
        return self.denial is not None and bool(self.denial.search(sentence))

    def negates(self, window: str) -> bool:
        """Whether a stretch of text is negated: a negation cue in it, outside a quote that ended before the
        stretch's end ("„... nicht zu Ende“, sagt X" is not negated) and outside a phrase that keeps the deal
        ("einen nicht bekannten Betrag")."""
        return bool(self.negation.search(self.not_negating.sub(" ", QUOTE_END.split(window)[-1])))


@lru_cache(maxsize=4)
def _cues(code: str) -> _Cues:
    return _Cues(code)


def _status(sentence: str, cues: _Cues) -> str:
    if cues.rumor.search(sentence):
        return "rumored"
    if cues.announced.search(sentence):
        return "announced"
    return "completed"


def normalize_role(role: str, table: dict) -> str:
    """A role title in a language-independent form ("Konzernchef" -> "CEO"; "co-founder and chief
    executive" -> "co-founder and CEO")."""
    parts = re.split(r"\s+(?:and|und|&)\s+", role.strip())
    return " and ".join(table.get(part.casefold(), part) for part in parts)
_MONEY = re.compile(r"[$€£¥]|Euro|Dollar|Pfund|Yen|Franken|dollar|euro|pound|Mrd|Mio|illion|illiarde", re.IGNORECASE)
_SCALE = re.compile(r"[$€£¥]|\d|Mrd|Mio|Milliarde|Million|Billion|billion|million|trillion|bn\b", re.IGNORECASE)


def _is_money(text: str) -> bool:
    """An amount with a currency or a scale word ("2,5 Mrd. Euro", "$9 million", "zehn Milliarden Dollar")."""
    return bool(text and _MONEY.search(text) and _SCALE.search(text) and re.search(r"\w", text))
