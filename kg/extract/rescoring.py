"""Rescoring: a second, triple-level model over the triples the pair model proposes.

The pair model (:mod:`kg.extract.model`) scores each pair of mentions in one sentence, and an article's triple
takes the best of its pairs. Some evidence for or against a triple lies outside any one pair: how often the
two entities are named, whether one is the article's subject or a firm the gazetteer knows, how many sentences
support it, whether a rule states it, whether its sentence has a cue word of the relation, whether another
relation between the two scores higher, whether a name starts with a small letter. A logistic regression over
these (:data:`FEATURES`), fitted by ``kg train`` on the triples that pair models proposed for train articles
they were not trained on (five folds), gives the chance that a triple is right; the thresholds per relation
are chosen on that chance. A model without a fit (``meta.json`` without ``rescoring``) keeps the pair score.

Examples
--------
>>> fit = {"features": list(FEATURES), "weights": [1.0] + [0.0] * (len(FEATURES) - 1), "intercept": 0.0}
>>> round(Rescorer(fit).probability([2.0] + [0.0] * (len(FEATURES) - 1)), 3)
0.881
"""
from __future__ import annotations

import math

from ..errors import InputError
from .candidates import RELATIONS, focus_of, mention_counts
from .features import cued_relations
from .model import logit
from .rules import SYMMETRIC

FLOOR = 0.1  # the pair probability at which a triple is proposed to the rescorer
FOLDS = 5
MIN_EACH = 25  # right and wrong proposed triples a fit needs at least (a handful of articles fits no rescorer)
CLASSES = ("Organization", "Person", "Product")
FEATURES = ("logit_p", "logit_other", "rule", "support", "mentions_s", "mentions_o", "s_focus", "o_focus",
            "s_known", "o_known", "s_words", "o_words", "cue", "sentence_words", "german", "s_small", "o_small",
            *(f"relation={r}" for r in RELATIONS), *(f"s={c}" for c in CLASSES), *(f"o={c}" for c in CLASSES))


def triple_features(relation: str, p: float, other: float, rule: bool, support: int, mentions: tuple[int, int],
                    focus: tuple[bool, bool], s_info, o_info, cued: bool, sentence: str, code: str) -> list[float]:
    """The rescorer's view of one proposed triple, in the order of :data:`FEATURES`.

    Parameters
    ----------
    relation : str
        The triple's relation.
    p, other : float
        The best pair probability of the triple, and the best of any other relation between its two entities.
    rule : bool
        Whether a rule of the rules extractor states it.
    support : int
        How many pairs (sentences) propose it.
    mentions, focus : tuple
        How often subject and object are mentioned; whether each is the article's focus.
    s_info, o_info : EntityInfo
        The two entities.
    cued : bool
        Whether the evidence sentence has a cue word of the relation.
    sentence : str
        The evidence sentence.
    code : str
        The article's language.

    Examples
    --------
    >>> from kg.extract.base import EntityInfo
    >>> a, b = EntityInfo("Apple", "Organization", known=True), EntityInfo("beats", "Organization")
    >>> x = triple_features("acquires", 0.5, 0.1, False, 2, (3, 1), (True, False), a, b, True, "Apple kauft beats.", "de")
    >>> len(x) == len(FEATURES), x[2], x[8], x[16]
    (True, 0.0, 1.0, 1.0)
    """
    x = [logit(p), logit(other), float(rule), math.log1p(support), math.log1p(mentions[0]), math.log1p(mentions[1]),
         float(focus[0]), float(focus[1]), float(s_info.known), float(o_info.known), float(len(s_info.label.split())),
         float(len(o_info.label.split())), float(cued), math.log1p(len(sentence.split())), float(code == "de"),
         float(s_info.label[:1].islower()), float(o_info.label[:1].islower())]
    x.extend(float(relation == r) for r in RELATIONS)
    x.extend(float(s_info.type == c) for c in CLASSES)
    x.extend(float(o_info.type == c) for c in CLASSES)
    return x


class Rescorer:
    """The fitted triple-level logistic regression of a model (``meta["rescoring"]``)."""

    def __init__(self, fit: dict):
        if list(fit.get("features", FEATURES)) != list(FEATURES) or len(fit.get("weights", ())) != len(FEATURES):
            raise InputError("the model's rescorer was fitted for other features than this techkg reads; "
                             "rebuild the model with kg train")
        self.weights = [float(w) for w in fit["weights"]]
        self.intercept = float(fit["intercept"])

    def probability(self, x: list[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def fit_rescorer(rows: list[list[float]], labels: list[int], seed: int) -> dict:
    """Fit the rescorer on proposed triples (``rows`` from :func:`triple_features`) and whether each was right;
    an empty dict where one outcome is missing.

    Examples
    --------
    >>> rows = [[float(k % 2)] + [0.0] * (len(FEATURES) - 1) for k in range(60)]
    >>> fit = fit_rescorer(rows, [k % 2 for k in range(60)], seed=13)
    >>> fit["weights"][0] > 1.0, fit["triples"]
    (True, 60)
    >>> fit_rescorer(rows[:10], [k % 2 for k in range(10)], seed=13)
    {}
    """
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - training only

    if min(sum(labels), len(labels) - sum(labels)) < MIN_EACH:
        return {}
    clf = LogisticRegression(C=1.0, solver="liblinear", random_state=seed, max_iter=500).fit(rows, labels)
    return {"features": list(FEATURES), "weights": [round(float(w), 5) for w in clf.coef_[0]],
            "intercept": round(float(clf.intercept_[0]), 5), "triples": len(rows), "right": int(sum(labels)),
            "floor": FLOOR, "folds": FOLDS}


def describe(best: dict, by_rule: dict, pairs: list, matrix, found, sentences, code: str) -> dict:
    """The features of every proposed triple of an article: ``best`` maps a triple's key to its best pair
    probability and sentence number, ``pairs`` and ``matrix`` are the article's pairs and their probabilities
    (:meth:`kg.extract.trained.TrainedExtractor.scored`); returns key -> :func:`triple_features`."""
    import numpy  # noqa: PLC0415 - loaded with the model

    entities = found.entities
    strongest: dict = {}  # (s, o) -> the best probability of each relation over the pair's sentences
    support: dict = {}
    for row in (numpy.flatnonzero((matrix >= FLOOR).any(axis=1)).tolist() if matrix is not None else ()):
        _, s, o = pairs[row][:3]
        held = strongest.get((s, o))
        strongest[s, o] = matrix[row].copy() if held is None else numpy.maximum(held, matrix[row])
        for k in numpy.flatnonzero(matrix[row] >= FLOOR).tolist():
            relation = RELATIONS[k]
            key = (s, relation, o) if relation not in SYMMETRIC else (min(s, o), relation, max(s, o))
            support[key] = support.get(key, 0) + 1
    counts = mention_counts(found.mentions)
    focus = focus_of(found.mentions, entities, counts)
    none = numpy.zeros(len(RELATIONS))
    out = {}
    for key, (p, number) in best.items():
        s, relation, o = key
        k = RELATIONS.index(relation)
        forward, backward = strongest.get((s, o), none), strongest.get((o, s), none)
        others = numpy.concatenate([numpy.delete(forward, k), numpy.delete(backward, k) if relation in SYMMETRIC else backward])
        sentence = sentences[number].text
        out[key] = triple_features(relation, p, float(others.max()) if len(others) else 0.0, key in by_rule,
                                   support.get(key, 0), (counts.get(s, 0), counts.get(o, 0)), (s == focus, o == focus),
                                   entities[s], entities[o], relation in cued_relations(code, sentence), sentence, code)
    return out
