"""Trained model files: a CRF name tagger and one logistic regression per relation, with thresholds.

A model is a folder (data, not code)::

    meta.json        version, training data and its counts, seed, thresholds per relation, dev figures
    relations.npz    vocabulary (feature strings), weights (relations x features), biases
    tagger.crfsuite  the CRF name tagger (optional: without it only the rule finder's names are used)

The shipped model is ``kg/models/default``; ``kg extract --model DIR`` reads another.

Examples
--------
>>> model = RelationModel(["bias", "bw=kauft"], [[0.0, 2.0]] + [[0.0, 0.0]] * 11, [-1.0] * 12)
>>> model.probability_matrix([["bias", "bw=kauft"], ["bias"]])[:, 0].round(3).tolist()
[0.731, 0.269]
"""
from __future__ import annotations

import json
import math
from itertools import chain, repeat
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from .candidates import RELATIONS

DEFAULT = Path(__file__).resolve().parent.parent / "models" / "default"
FORMAT = 1


def logit(p: float) -> float:
    """The log-odds of a probability, kept finite (``p`` is clamped to 0.0001-0.9999)."""
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


class RelationModel:
    """Per-relation binary logistic regressions over sparse string features."""

    def __init__(self, vocabulary, weights, biases, thresholds=None, meta=None):
        import numpy  # noqa: PLC0415 - loaded with the model

        self.index = {name: k for k, name in enumerate(vocabulary)}
        self.weights = numpy.asarray(weights, dtype=numpy.float32)  # relations x features
        self.biases = numpy.asarray(biases, dtype=numpy.float32)
        self.thresholds = dict(thresholds or {r: 0.5 for r in RELATIONS})
        self.meta = dict(meta or {})
        self.rescorer = None  # the triple-level rescorer (kg.extract.rescoring), where the model has one
        if self.meta.get("rescoring"):
            from .rescoring import Rescorer  # noqa: PLC0415 - it reads this module

            self.rescorer = Rescorer(self.meta["rescoring"])
        self._columns = self.weights.T.copy()  # features x relations, rows read per feature

    def probability_matrix(self, rows: list[list[str]]):
        """The probabilities of many candidates at once: an array of candidates x relations (one matrix
        product for a whole article instead of a sum per candidate)."""
        import numpy  # noqa: PLC0415
        from scipy.sparse import csr_matrix  # noqa: PLC0415

        if not self.index:
            return numpy.tile(1.0 / (1.0 + numpy.exp(-self.biases.astype(numpy.float64))), (len(rows), 1))
        sizes = [len(feats) for feats in rows]
        indptr = numpy.zeros(len(rows) + 1, dtype=numpy.int64)
        numpy.cumsum(sizes, out=indptr[1:])
        # unknown features map to column 0 with a count of 0 (the lookups run in C through dict.get)
        flat = numpy.fromiter(map(self.index.get, chain.from_iterable(rows), repeat(-1)), dtype=numpy.int64,
                              count=int(indptr[-1]))
        known = (flat >= 0).astype(numpy.float32)
        counts = csr_matrix((known, numpy.maximum(flat, 0), indptr), shape=(len(rows), len(self.index)))
        total = (counts @ self._columns + self.biases).astype(numpy.float64)
        return 1.0 / (1.0 + numpy.exp(-total))

    def calibrated(self, relation: str, p: float, rule: bool) -> float:
        """The chance that a triple of ``relation`` scored ``p`` is right: a logistic fit of the dev articles'
        triples on the score's log-odds, the relation and whether a rule stated it (``kg train``); ``p``
        itself for a model without one."""
        fit = self.meta.get("calibration")
        if not fit:
            return p
        z = fit["slope"] * logit(p) + fit["relation"].get(relation, 0.0) + fit["intercept"] \
            + (fit["rule"] if rule else 0.0)
        return 1.0 / (1.0 + math.exp(-z))

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unversioned"))


@lru_cache(maxsize=4)
def load_model(folder: str = "") -> tuple[RelationModel, str | None]:
    """The relation model of a folder and the path of its tagger (None where it has none)."""
    import numpy  # noqa: PLC0415

    path = Path(folder) if folder else DEFAULT
    meta_path, weights_path = path / "meta.json", path / "relations.npz"
    if not meta_path.is_file() or not weights_path.is_file():
        raise InputError(f"{path}: not a techkg model (needs meta.json and relations.npz; build one with kg train)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        arrays = numpy.load(weights_path, allow_pickle=False)
        vocabulary, weights, biases = list(arrays["vocabulary"]), arrays["weights"], arrays["biases"]
    except (ValueError, KeyError, OSError) as err:
        raise InputError(f"{path}: unreadable model ({err})") from None
    if meta.get("format") != FORMAT or list(meta.get("relations", [])) != list(RELATIONS):
        raise InputError(f"{path}: model format {meta.get('format')} does not fit this techkg (needs {FORMAT})")
    tagger = path / "tagger.crfsuite"
    return RelationModel(vocabulary, weights, biases, meta.get("thresholds"), meta), \
        (str(tagger) if tagger.is_file() else None)


def save_model(folder: Path, model: RelationModel, vocabulary: list[str]) -> None:
    import numpy  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    numpy.savez_compressed(folder / "relations.npz", vocabulary=numpy.array(vocabulary, dtype=str),
                           weights=model.weights.astype(numpy.float32), biases=model.biases.astype(numpy.float32))
    meta = dict(model.meta, format=FORMAT, relations=list(RELATIONS), thresholds=model.thresholds)
    (folder / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
