"""The default extractor: trained mention and relation models, with the rules as one signal.

Pipeline per article: language, sentences, the rule finder's mentions (gazetteer, context, anaphors), the
``rules`` extractor's triples over them (a feature, not the answer), the CRF tagger's further names
(:mod:`kg.extract.mentions`), every typed pair in a sentence (:mod:`kg.extract.candidates`), its features
(:mod:`kg.extract.features`) and one logistic regression per relation (:mod:`kg.extract.model`). The best
pair of each triple proposes it, and a triple-level rescorer (:mod:`kg.extract.rescoring`) gives the chance
that it is right; a triple is kept where that chance reaches the relation's threshold (chosen on
``corpus/dev`` by ``kg train``), and every triple a rule states is kept. Its confidence is that chance (for a
rule's triple, the rule's own where that is higher), calibrated on the dev triples; its evidence the sentence
of the best-scoring pair. Status, role, amount and stake come from the rules' attribute logic.

Examples
--------
>>> extractor = TrainedExtractor()
>>> result = extractor.extract("Google hat das Start-up YouTube übernommen.", lang="de")
>>> [(t.s, t.p, t.o) for t in result.triples]
[('Google', 'acquires', 'YouTube')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import lang as languages
from ..evaluate import normalize
from . import register
from .base import Extraction, Triple
from .candidates import RELATIONS, admissible_indices as admissible, coordinated, fits, sentence_pairs
from .features import cued_relations, features
from .mentions import add_tagged
from .model import load_model
from .renames import merge_renames
from .rescoring import FLOOR, describe
from .rules import AMOUNT, DEALS, STAKE, SYMMETRIC, RuleExtractor, _cues, _is_money, _status, normalize_role
from .tagger import load_tagger


@register("trained")
class TrainedExtractor:
    """Trained models over the rule finder's and the tagger's mentions; ``model`` names a model folder."""

    name = "trained"

    def __init__(self, entities: tuple[str, ...] = (), splits: tuple[tuple[str, str], ...] = (), model: str = "",
                 relation_model=None, tagger=None, threshold: float | None = None):
        self.rules = RuleExtractor(entities, splits)
        if relation_model is None:
            relation_model, tagger_path = load_model(str(model) if model else "")
            tagger = load_tagger(tagger_path) if tagger_path else None
        self.model = relation_model
        self.tagger = tagger
        self.threshold = threshold  # one threshold for all relations (training uses the lowest to see every score)
        self.label = f"trained:{self.model.version}"

    def extract(self, text: str, lang: str = "auto", date: str = "") -> Extraction:
        read = self.rules.read(text, lang)
        if isinstance(read, Extraction):
            return read
        code, text, sentences, found = read
        ruled = self.completed(text, code, sentences, found, self.rules.triples_of(text, code, sentences, found, date))
        return Extraction(self.decide(text, code, sentences, found, ruled, date), found.entities, code)

    def proposals(self, text: str, lang: str = "auto") -> list[tuple[tuple, list[float]]]:
        """Every triple the pair model proposes for an article (from the rescorer's floor), as ``(key,
        features)`` for fitting the rescorer (:mod:`kg.extract.rescoring`)."""
        read = self.rules.read(text, lang)
        if isinstance(read, Extraction):
            return []
        code, text, sentences, found = read
        ruled = self.completed(text, code, sentences, found, self.rules.triples_of(text, code, sentences, found, ""))
        proposed: list = []
        self.decide(text, code, sentences, found, ruled, "", proposed=proposed)
        return proposed

    def completed(self, text, code, sentences, found, ruled):
        """Join the tagger's names and each renamed firm's other name to the rule finder's mentions (in
        place), and return the rules' triples with the keys of the entities they then name (training reads
        the same)."""
        add_tagged(text, sentences, code, found, self.tagger, self.rules.gazetteer)
        renamed = {**found.replaced, **merge_renames(text, found, code)}
        if renamed:  # a rule's triple between a firm and its other name is none

            def final(key: str) -> str:
                for _ in range(3):  # "Android 6" -> "Android 6.0" -> the name it was renamed to
                    key = renamed.get(key, key)
                return key

            ruled = [replace(t, s=final(t.s), o=final(t.o)) for t in ruled]
            ruled = [t for t in ruled if t.s != t.o]
        return ruled

    def scored(self, text, code, sentences, found, ruled):
        """Every candidate pair and its probabilities: ``(pairs, matrix)``, ``pairs`` a list of
        ``(sentence number, s, o, start, end, implicit)`` (``start``-``end``: from the first mention of the pair
        to the end of the last; ``implicit``: one side is the article's focus, not named in the sentence) and
        ``matrix`` an array of pairs x relations (one product per article)."""
        rules_at = RuleExtractor.by_pair(ruled)
        cache: dict = {}
        pairs, rows = [], []
        for number, group, a, b, s, o, focus in sentence_pairs(found, sentences):
            sentence = sentences[number]
            rows.append(features(text, sentence.start, sentence.end, a, b, group, code,
                                 rules_at.get(sentence.start, {}), s, o, focus, cache))
            pairs.append((number, s, o, min(a.start, b.start), max(a.end, b.end), a.start == a.end or b.start == b.end))
        return pairs, self.model.probability_matrix(rows)

    def decide(self, text, code, sentences, found, ruled, date="", proposed: list | None = None) -> list[Triple]:
        """The model's triples at or above their relation's threshold, and every triple a rule states (the
        rules are the high-precision path; the model adds what they miss); the best pair's sentence is
        the evidence. With a rescorer (:mod:`kg.extract.rescoring`) the pairs propose triples from its floor
        and the threshold applies to the rescored chance; ``proposed`` (a list) receives every proposed
        triple's key and features (``kg train`` fits the rescorer on them)."""
        rescorer = self.model.rescorer

        def limit(relation: str) -> float:  # the threshold a triple of the relation must reach
            return self.threshold if self.threshold is not None else self.model.thresholds.get(relation, 0.5)

        best: dict[tuple, tuple[float, int]] = {}
        entities = found.entities
        number_at = {s.start: k for k, s in enumerate(sentences)}
        by_rule = {}
        for t in ruled:
            key = (t.s, t.p, t.o) if t.p not in SYMMETRIC else (min(t.s, t.o), t.p, max(t.s, t.o))
            by_rule.setdefault(key, t)
        pairs, matrix = self.scored(text, code, sentences, found, ruled)
        if pairs:
            import numpy  # noqa: PLC0415 - loaded with the model

            limits = numpy.array([FLOOR if rescorer is not None or proposed is not None else limit(r) for r in RELATIONS])
            allowed = numpy.zeros(matrix.shape, dtype=bool)
            # a person whose role a rule reads in a sentence ("Signavio-Gründer und Chef Gero Decker soll das
            # Geschäft unter dem Dach von SAP weiterführen") takes no other employer or company from the model
            # in that sentence (corpus/dev: 13 false hits fewer, 3 hits lost)
            placed = {(number_at.get(t.start), t.s) for t in ruled if t.p in _CAREER}
            career = [RELATIONS.index(r) for r in _CAREER]
            needs_cue = [RELATIONS.index(r) for r in _NEEDS_CUE]
            for row in numpy.flatnonzero((matrix >= limits).any(axis=1)).tolist():
                number, s, o, lo, hi, _ = pairs[row]
                if _negated(text, sentences[number], lo, hi, code):
                    continue  # (only a pair with a relation above its threshold is read for negation)
                allowed[row, list(admissible(entities[s].type, entities[o].type))] = True
                if (number, s) in placed:
                    allowed[row, career] = False
                for k in needs_cue:
                    if RELATIONS[k] not in cued_relations(code, sentences[number].text):
                        allowed[row, k] = False
            kept = (matrix >= limits) & allowed
            # a rule's triple takes the model's best score for it, whatever the threshold
            wanted = {(s, o) for s, _, o in by_rule} | {(o, s) for s, _, o in by_rule}
            rows_of: dict[tuple[str, str], list[int]] = {}
            for row, pair in enumerate(pairs):
                if (pair[1], pair[2]) in wanted:
                    rows_of.setdefault((pair[1], pair[2]), []).append(row)
            for s, relation, o in by_rule:
                k = RELATIONS.index(relation)
                for row in rows_of.get((s, o), []) + (rows_of.get((o, s), []) if relation in SYMMETRIC else []):
                    kept[row, k] = k in admissible(entities[s].type, entities[o].type)
            for row, k in zip(*numpy.nonzero(kept)):
                number, s, o = pairs[row][:3]
                relation, p = RELATIONS[k], float(matrix[row, k])
                key = (s, relation, o) if relation not in SYMMETRIC else (min(s, o), relation, max(s, o))
                if key not in best or p > best[key][0]:
                    best[key] = (p, number)
        # where a rule states how two entities relate, the model adds no other relation between them
        # ("P, Meta's spokesman" is no former employee nor founder of Meta)
        ruled_pairs = {frozenset((k[0], k[2])) for k in by_rule}
        for key in [k for k in best if k not in by_rule and frozenset((k[0], k[2])) in ruled_pairs]:
            del best[key]
        for key, t in by_rule.items():
            if key not in best and t.start in number_at:
                best[key] = (t.confidence * 0.5, number_at[t.start])  # a pair the model never saw scored
        _share_in_lists(best, coordinated(text, found, sentences), entities)
        _one_reading(best, by_rule)
        if rescorer is not None or proposed is not None:
            described = describe(best, by_rule, pairs, matrix if pairs else None, found, sentences, code)
            if proposed is not None:
                proposed.extend(described.items())
            if rescorer is not None:
                best = {key: (rescorer.probability(described[key]), number) for key, (_, number) in best.items()}
                best = {key: value for key, value in best.items() if key in by_rule or value[0] >= limit(key[1])}
        triples = []
        for (s, relation, o), (p, number) in sorted(best.items(), key=lambda item: (item[1][1], item[0])):
            if normalize(entities[s].label) == normalize(entities[o].label):
                continue  # two entities of one name ("Weibo" the service, "Weibo" the firm; "AST Research" and
                # "AST Research, Inc.") are no pair
            sentence = sentences[number]
            rule = by_rule.get((s, relation, o))
            attrs = dict(rule.attrs) if rule else _attributes(relation, sentence.text, code, date)
            if rule and rule.start in number_at:
                sentence = sentences[number_at[rule.start]]  # the sentence the rule read
            if rule:
                s, o = rule.s, rule.o  # the rule's direction for a symmetric relation
            confidence = max(p, rule.confidence) if rule else p  # a rule's triple: the surer of the two
            confidence = self.model.calibrated(relation, confidence, rule is not None)
            triples.append(Triple(s, relation, o, entities[s].type, entities[o].type, sentence.text,
                                  sentence.start, sentence.end, round(confidence, 3), attrs, self.label, rule is not None))
        return triples


_CAREER = ("founded", "worksFor", "formerlyWorkedFor")
# relations the model adds only from a sentence that has a cue word of theirs (RELATION_CUES in kg/lang):
# founded without one was wrong 20 times in 23 on corpus/dev ("Tim Cook", "Carly Fiorina" as founders in
# news where they run the firm) and 14 in 23 on corpus/train
_NEEDS_CUE = ("founded",)


@lru_cache(maxsize=4096)
def _sentence_negation(sentence: str, code: str) -> str:
    """"denial" where the sentence denies ("wies ... zurück"), "negation" where it holds a negation cue
    somewhere (its pairs' stretches are then read one by one), else "" (read once per sentence)."""
    cues = _cues(code)
    if cues.denies(sentence):
        return "denial"
    return "negation" if cues.negation.search(sentence) else ""


def _negated(text: str, sentence, start: int, end: int, code: str) -> bool:
    """Whether the rules read the pair's stretch as negated or denied, as they do for their own patterns:
    a denial anywhere in the sentence ("wies ... zurück"), or a negation cue from 40 characters before the
    pair to 40 after it, outside a quote that ended before it ("Microsoft hat die Übernahme von Activision
    dementiert", "Apple will not acquire Beats")."""
    state = _sentence_negation(sentence.text, code)
    if state != "negation":
        return state == "denial"
    return _cues(code).negates(text[max(sentence.start, start - 40): min(sentence.end, end + 40)])


SHARE_FROM = 0.3  # the least probability of a triple whose list members take it on too


def _share_in_lists(best: dict, lists: dict, entities: dict) -> None:
    """What one member of a list takes part in, the others of its list in that sentence take part in too
    ("investments from Kleiner Perkins, Qualcomm Ventures and Goldman Sachs": the model is sure of the
    first investor only), with the member's probability."""
    for (s, relation, o), (p, number) in list(best.items()):
        if p < SHARE_FROM:
            continue
        groups = lists.get(number, ())
        if any(s in g for g in groups) and any(o in g for g in groups):
            continue  # a list beside a list ("franchises under A, B and C, including X, Y and Z"): which with which is not said
        for group in groups:
            if s in group and o in group:
                continue  # "A, B and C": a relation inside the list says nothing of the others
            for slot, name in (("s", s), ("o", o)):
                if name not in group:
                    continue
                for other in group:
                    if other in (s, o):
                        continue
                    key = (other, relation, o) if slot == "s" else (s, relation, other)
                    if relation in SYMMETRIC:
                        key = (min(key[0], key[2]), relation, max(key[0], key[2]))
                    st, ot = entities[key[0]].type, entities[key[2]].type
                    if fits(relation, st, ot) and (key not in best or best[key][0] < p):
                        best[key] = (p, number)


#: deals run one way between two entities: of 2,606 annotated pairs in train and dev none is acquired, owned
#: or invested in by the entity it acquires, owns or invests in (on corpus/dev: 5 false hits fewer, no hit
#: lost; making worksFor and formerlyWorkedFor exclusive lost more hits than false ones)
ONE_WAY = ("acquires", "owns", "investsIn")


def _one_reading(best: dict, by_rule: dict) -> None:
    """Of two deals between one pair that run opposite ways ("A acquires B" beside "B acquires A" or "B owns
    A"), the less probable goes; a rule's triple stays."""
    for key in [k for k in best if k not in by_rule and k[1] in ONE_WAY]:
        s, _, o = key
        for rival in [(o, other, s) for other in ONE_WAY]:
            if rival in best and (best[rival][0] > best[key][0] or rival in by_rule):
                del best[key]
                break


@lru_cache(maxsize=4)
def _roles(code: str):
    data = languages.get(code)
    titles = sorted(set(data.ROLE_TITLES) | set(getattr(data, "ROLE_COMPOUNDS", ())), key=lambda t: (-len(t), t))
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in titles) + r")(?!\w)", re.IGNORECASE), data


def _attributes(relation: str, sentence: str, code: str, date: str) -> dict:
    attrs: dict = {}
    if relation in ("worksFor", "formerlyWorkedFor"):
        roles, data = _roles(code)
        match = roles.search(sentence)
        if match:
            role = re.sub(r"^(?:former|ex-|ehemalige[rn]?|frühere[rn]?)\s?", "", match.group(1), flags=re.I)
            attrs["role"] = role
            attrs["normalizedRole"] = normalize_role(role, data.ROLE_NORMAL)
    if relation in DEALS:
        amount = next((m.group(0).strip() for m in AMOUNT.finditer(sentence) if _is_money(m.group(0))), "")
        if amount:
            attrs["amount"] = amount
        stake = STAKE.search(sentence)
        if stake:
            value = float(stake.group(1).replace(",", "."))
            attrs["stakePercent"] = int(value) if value.is_integer() else value
        attrs["status"] = _status(sentence, _cues(code))
    if date:
        attrs["date"] = date
    return attrs
