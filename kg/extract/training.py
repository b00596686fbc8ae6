"""``kg train``: rebuild the tagger and the relation model from annotated articles.

Inputs are gold folders (``NAME.txt`` beside ``NAME.gold.jsonl``, the format of ``kg eval``; a folder
annotated with some relations only lists them in a file ``RELATIONS`` and then trains only those, and not
the tagger) and, for the tagger, optional BIO files (``token<TAB>tag`` lines, blank line between sentences). Steps:

1. tagger: the gold entity lines' surface forms are found in the texts and become BIO tags; together with
   the BIO files they train the CRF (:func:`kg.extract.tagger.train_tagger`);
2. relation examples: every candidate pair of the training articles (mentions of the rule finder, of the
   new tagger, and the gold names themselves), labelled per relation: positive where the gold has the
   triple with its evidence in this sentence, left out where the gold has it from another sentence,
   negative otherwise;
3. one L2 logistic regression per relation (scikit-learn's liblinear, fixed seed), features seen at
   least twice;
4. the rescorer (:mod:`kg.extract.rescoring`): in five folds of the train articles, a pair model fitted on
   the other four proposes the fold's triples, and a logistic regression learns from triple-level features
   which of them the gold requires; the names of those articles come from a tagger that was not trained
   on them (two more taggers, each trained on half of the articles, tag the other half), so that the
   rescorer learns from the names it will meet in new text, not from names the tagger has learnt by heart;
5. thresholds per relation chosen on the dev folders (best F1 over a grid; 0.5 without dev data).

Everything is deterministic: the same inputs give the same model files.

Examples
--------
>>> bio_sentences("Apple kauft Beats.", [("Apple", "Organization", ["Apple"]), ("Beats", "Organization", [])], "de")
[(['Apple', 'kauft', 'Beats', '.'], ['B-ORG', 'O', 'B-ORG', 'O'], 'de')]
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..evaluate import match_key, normalize, prf, read_gold
from ..langdetect import detect
from ..text import split_sentences
from .base import EntityInfo, Mention
from .candidates import RELATIONS, fits, sentence_pairs
from .rules import SYMMETRIC
from .entities import find_entities
from .features import features
from .model import RelationModel, logit, save_model
from .rescoring import FOLDS, fit_rescorer
from .tagger import TAGS, Tagger, tokenize, train_tagger
from .trained import TrainedExtractor

SEED = 13
GRID = [round(0.05 * k, 2) for k in range(2, 19)]
OFF = 1.01  # a threshold no probability reaches: the model adds nothing of that relation (rules still do)
MIN_OWN_THRESHOLD = 20  # required dev triples a relation needs to get a threshold of its own


class Article:
    """One annotated article: text (footer cut), language, gold entities and triples."""

    def __init__(self, txt: Path):
        self.name = txt.name[:-4]
        raw = txt.read_text(encoding="utf-8")
        self.text = re.split(r"\n----\n", raw, maxsplit=1)[0]
        gold_path = txt.with_name(self.name + ".gold.jsonl")
        self.gold = read_gold(gold_path)
        self.rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        prefix = self.name.split("_", 1)[0]
        self.lang = prefix if prefix in ("de", "en") else detect(self.text)
        self.entities = [(r["entity"], r.get("type", ""), r.get("aliases", [])) for r in self.rows if "entity" in r]
        self.types = {name: kind for name, kind, _ in self.entities}
        self.evidence: dict[tuple, list[tuple[int, int]]] = {}
        for r in self.rows:
            if "s" in r and not r.get("optional"):
                spans = [(m.start(), m.end()) for m in re.finditer(re.escape(r.get("evidence", "")), self.text)] \
                    if r.get("evidence") else []
                for key in ((r["s"], r["p"], r["o"]), (r["o"], r["p"], r["s"])) if r["p"] in SYMMETRIC \
                        else ((r["s"], r["p"], r["o"]),):
                    self.evidence.setdefault(key, []).extend(spans)
        self.optional = {(r["s"], r["p"], r["o"]) for r in self.rows if "s" in r and r.get("optional")}
        # a data set annotated with some relations only says so in a RELATIONS file beside its articles:
        # its other relations are neither positive nor negative, and its names do not train the tagger
        listed = txt.parent / "RELATIONS"
        self.relations = set(RELATIONS)
        self.complete = not listed.is_file()
        if not self.complete:
            self.relations = {r for r in re.split(r"[\s,]+", listed.read_text(encoding="utf-8")) if r in RELATIONS}


def read_folders(folders) -> list[Article]:
    articles = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder")
        for txt in sorted(folder.glob("*.txt")):
            if txt.with_name(txt.name[:-4] + ".gold.jsonl").is_file():
                articles.append(Article(txt))
    return articles


def _alias_spans(text: str, entities) -> list[tuple[int, int, str, str]]:
    """(start, end, entity, type) of every whole-word occurrence of a gold surface form, longest first."""
    forms = sorted({(form, name, kind) for name, kind, aliases in entities for form in [name, *aliases]
                    if kind in TAGS and len(form) > 1}, key=lambda x: (-len(x[0]), x))
    taken: list[tuple[int, int, str, str]] = []
    for form, name, kind in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if all(m.end() <= a or m.start() >= b for a, b, _, _ in taken):
                taken.append((m.start(), m.end(), name, kind))
    return sorted(taken)


def bio_sentences(text: str, entities, lang: str):
    """The article's sentences as (words, BIO tags, language) from its gold surface forms."""
    spans = _alias_spans(text, entities)
    out = []
    for sentence in split_sentences(text, lang):
        tokens = tokenize(sentence.text, sentence.start)
        if not tokens:
            continue
        tags = ["O"] * len(tokens)
        for a, b, _, kind in spans:
            inside = [k for k, t in enumerate(tokens) if t.start >= a and t.end <= b]
            for n, k in enumerate(inside):
                tags[k] = ("B-" if n == 0 else "I-") + TAGS[kind]
        out.append(([t.text for t in tokens], tags, lang))
    return out


def read_bio(path: Path, lang: str):
    sentences, words, tags = [], [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                sentences.append((words, tags, lang))
            words, tags = [], []
            continue
        token, _, tag = line.rpartition("\t")
        words.append(token)
        tags.append(tag if tag[:2] in ("B-", "I-") and tag[2:] in TAGS.values() else "O")
    return sentences


def _gold_name(info, names: dict) -> str | None:
    for form in [info.label, *sorted(info.surfaces)]:
        hit = names.get(normalize(form))
        if hit:
            return hit
    return None


def examples(articles, extractor: TrainedExtractor, log=None):
    """Feature lists and labels (relation -> 1, 0 or None for left out) of every candidate pair."""
    X, Y = [], []
    for number, art in enumerate(articles):
        code = art.lang
        text = art.text
        sentences = split_sentences(text, code)
        found = find_entities(text, sentences, code, extractor.rules.gazetteer, extractor.rules.blocked)
        ruled = extractor.completed(text, code, sentences, found, extractor.rules.triples_of(text, code, sentences, found, ""))
        # the gold names themselves, where no mention covers them
        spans = [(m.start, m.end) for m in found.mentions]
        for a, b, name, kind in _alias_spans(text, art.entities):
            if all(b <= x or a >= y for x, y in spans):
                key = "gold:" + name
                found.entities.setdefault(key, EntityInfo(label=name, type=kind, surfaces={name}))
                found.mentions.append(Mention(a, b, (key,), kind))
        found.mentions.sort(key=lambda m: (m.start, m.end))
        names = art.gold.names
        mapped = {key: _gold_name(info, names) for key, info in found.entities.items()}
        rules_at = extractor.rules.by_pair(ruled)
        cache: dict = {}
        for k, group, a, b, s, o, focus in sentence_pairs(found, sentences):
            sentence = sentences[k]
            rules = rules_at.get(sentence.start, {})
            gs, go = mapped.get(s), mapped.get(o)
            labels = {}
            for relation in RELATIONS:
                if not fits(relation, found.entities[s].type, found.entities[o].type):
                    continue
                if relation not in art.relations:
                    labels[relation] = None
                    continue
                key = (gs, relation, go)
                spans_ev = art.evidence.get(key) if gs and go else None
                if spans_ev is not None:
                    here = any(x < sentence.end and sentence.start < y for x, y in spans_ev)
                    labels[relation] = 1 if here else None
                elif gs and go and (key in art.optional or (go, relation, gs) in art.optional):
                    labels[relation] = None
                else:
                    labels[relation] = 0
            X.append(features(text, sentence.start, sentence.end, a, b, group, code, rules, s, o, focus, cache))
            Y.append(labels)
        if log and (number + 1) % 50 == 0:
            log(f"examples: {number + 1}/{len(articles)} articles")
    return X, Y


def fit(X, Y, min_count: int = 2, C: float = 0.5, log=None):
    """One logistic regression per relation; returns (vocabulary, weights, biases, positives per relation)."""
    import numpy  # noqa: PLC0415
    from scipy.sparse import csr_matrix  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    counts = Counter(f for feats in X for f in set(feats))
    vocabulary = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: k for k, f in enumerate(vocabulary)}
    rows, cols = [], []
    for r, feats in enumerate(X):
        for c in sorted({index[f] for f in feats if f in index}):
            rows.append(r)
            cols.append(c)
    matrix = csr_matrix((numpy.ones(len(rows), dtype=numpy.float64), (rows, cols)), shape=(len(X), len(vocabulary)))
    weights = numpy.zeros((len(RELATIONS), len(vocabulary)), dtype=numpy.float32)
    biases = numpy.full(len(RELATIONS), -8.0, dtype=numpy.float32)
    positives = {}
    for k, relation in enumerate(RELATIONS):
        keep = [i for i, labels in enumerate(Y) if labels.get(relation) is not None]
        y = numpy.array([Y[i][relation] for i in keep])
        positives[relation] = int(y.sum()) if len(y) else 0
        if len(keep) == 0 or y.min() == y.max():
            continue  # no positive (or no negative) example: the relation is never predicted
        clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=200)
        clf.fit(matrix[keep], y)
        weights[k] = clf.coef_[0]
        biases[k] = clf.intercept_[0]
        if log:
            log(f"relation {relation}: {positives[relation]} positive of {len(keep)} pairs")
    return vocabulary, weights, biases, positives


def half_taggers(articles, bio: dict, extra, folder: Path, corpus_weight: int, iterations: int, fallback: Tagger,
                 log=None) -> dict:
    """For each article (by name) a tagger that was not trained on it: two CRFs, each trained on every other
    article's tagged sentences (``bio``: name -> :func:`bio_sentences`) and the BIO files, written to
    ``folder`` (``fallback`` where a half has nothing to learn from)."""
    taggers = {}
    for half in range(2):
        mine = [art for k, art in enumerate(articles) if k % 2 != half]
        sentences = [s for art in mine for s in bio.get(art.name, ())]
        tagger = fallback
        if sentences or extra:
            path = Path(folder) / f"tagger.half{half}.crfsuite"
            if log:
                log(f"tagger for the rescorer's articles, half {half + 1}/2: trained on {len(mine)} other articles")
            train_tagger(sentences * corpus_weight + extra, path, iterations=iterations, log=log)
            tagger = Tagger(path)
        taggers.update({art.name: tagger for k, art in enumerate(articles) if k % 2 == half})
    return taggers


def rescoring_fit(folds, per_fold, taggers, log=None) -> dict:
    """The rescorer's fit (:mod:`kg.extract.rescoring`): for each fold of the train articles, a pair model
    fitted on the other folds proposes the fold's triples, with the names a tagger that has not seen the
    article finds (``taggers``: article name -> tagger); each is right where the gold requires it
    (optional ones are left out), and a logistic regression learns which are from their features."""
    rows, labels = [], []
    for k, part in enumerate(folds):
        others = [per_fold[j] for j in range(len(folds)) if j != k]
        vocabulary, weights, biases, _ = fit([x for X, _ in others for x in X], [y for _, Y in others for y in Y])
        engine = TrainedExtractor(relation_model=RelationModel(vocabulary, weights, biases), tagger=None)
        for art in part:
            seen = set()
            engine.tagger = taggers[art.name]
            for (s, relation, o), x in engine.proposals(art.text, lang=art.lang):
                key = match_key(art.gold, s, relation, o)
                if key in seen or key in art.gold.optional:
                    continue
                seen.add(key)
                rows.append(x)
                labels.append(int(key in art.gold.required))
        if log:
            log(f"rescoring: fold {k + 1}/{len(folds)}, {len(rows)} proposed triples")
    return fit_rescorer(rows, labels, SEED)


def choose_thresholds(model: RelationModel, tagger, articles, log=None) -> tuple[dict, dict]:
    """Per relation, the grid threshold (or ``OFF``) that gives the best micro F1 over all relations on the
    dev articles; and the dev figures."""
    engine = TrainedExtractor(relation_model=model, tagger=tagger, threshold=min(GRID))
    predicted = []
    for art in articles:
        result = engine.extract(art.text, lang=art.lang)
        predicted.append((art, [(t.s, t.p, t.o, t.confidence, t.rule) for t in result.triples]))
    # one threshold for all relations first; a relation gets its own only where the dev articles hold
    # enough of it to choose one (a handful of triples would choose by chance)
    counts = {r: {limit: _count(predicted, r, limit) for limit in GRID + [OFF]} for r in RELATIONS}

    def micro(chosen: dict) -> float:
        """Micro F1 to three decimals: thresholds that differ by less are equal, and of equal ones the
        highest wins (fewer, surer triples; a relation is not let in at 5 right for 18 wrong because that
        moves dev F1 in the fourth decimal)."""
        return round(prf(*map(sum, zip(*(counts[r][chosen[r]] for r in RELATIONS))))[2], 3)

    overall = max(GRID, key=lambda limit: (micro(dict.fromkeys(RELATIONS, limit)), limit))
    thresholds = dict.fromkeys(RELATIONS, overall)
    own = [r for r in RELATIONS
           if sum(1 for art, _ in predicted for k in art.gold.required if k[1] == r) >= MIN_OWN_THRESHOLD]
    # then each such relation's threshold in turn, for the best micro F1 of all relations together (the
    # figure users see); OFF leaves a relation to the rules where the model's guesses cost more than they
    # find (only where it is better: of equal choices the highest threshold of the grid wins, so that a
    # model trained for other text keeps its surest guesses)
    for _ in range(3):
        for relation in own:
            thresholds[relation] = max(GRID + [OFF], key=lambda limit: (
                micro({**thresholds, relation: limit}), limit if limit != OFF else 0.0))
    figures = {}
    for relation in RELATIONS:
        tp, fp, fn = counts[relation][thresholds[relation]]
        figures[relation] = {"threshold": thresholds[relation], "tp": tp, "fp": fp, "fn": fn}
    total = [sum(f[k] for f in figures.values()) for k in ("tp", "fp", "fn")]
    figures["micro"] = dict(zip(("p", "r", "f1"), (round(x, 3) for x in prf(*total))))
    if log:
        log(f"dev (thresholds chosen on it): P {figures['micro']['p']} R {figures['micro']['r']} F1 {figures['micro']['f1']}")
    figures["calibration"] = calibration(predicted, thresholds)
    return thresholds, figures


def _judged(predicted, thresholds):
    """(relation, score, stated by a rule, right) of every triple the dev articles get at these thresholds."""
    rows = []
    for art, triples in predicted:
        gold, seen = art.gold, set()
        for s, p, o, conf, rule in triples:
            if conf < thresholds.get(p, 0.5) and not rule:
                continue
            key = match_key(gold, s, p, o)
            if key in seen or key in gold.optional:
                continue
            seen.add(key)
            rows.append((p, conf, bool(rule), key in gold.required))
    return rows


def calibration(predicted, thresholds) -> dict:
    """A logistic fit of whether a dev triple is right on its score's log-odds, its relation and whether a
    rule stated it (Platt scaling at the level of the triples users see), and the reliability of the fit
    (precision per tenth of calibrated confidence)."""
    import numpy  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    rows = _judged(predicted, thresholds)
    if len({right for *_, right in rows}) < 2:
        return {}
    X = numpy.array([[logit(c), float(rule)] + [float(p == r) for r in RELATIONS] for p, c, rule, _ in rows])
    y = numpy.array([right for *_, right in rows], dtype=int)
    clf = LogisticRegression(C=1.0, solver="liblinear", random_state=SEED).fit(X, y)
    coef = clf.coef_[0]
    fit = {"slope": round(float(coef[0]), 4), "rule": round(float(coef[1]), 4),
           "intercept": round(float(clf.intercept_[0]), 4),
           "relation": {r: round(float(w), 4) for r, w in zip(RELATIONS, coef[2:])}, "triples": len(rows)}
    shown = clf.predict_proba(X)[:, 1]
    fit["reliability"] = {f"{k / 10:.1f}": [int(n), round(float(y[(shown >= k / 10) & (shown < (k + 1) / 10)].mean()), 3)]
                          for k in range(10) if (n := ((shown >= k / 10) & (shown < (k + 1) / 10)).sum())}
    return fit


def _count(predicted, relation: str, limit: float) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for art, triples in predicted:
        gold = art.gold
        keys = set()
        for s, p, o, conf, rule in triples:
            if p != relation or (conf < limit and not rule):
                continue
            keys.add(match_key(gold, s, p, o))
        required = {k for k in gold.required if k[1] == relation}
        optional = {k for k in gold.optional if k[1] == relation}
        tp += len(keys & required)
        fp += len(keys - required - optional)
        fn += len(required - keys)
    return tp, fp, fn


def train(train_dirs, dev_dirs, out: Path, bio_files=(), log=print, iterations: int = 200,
          corpus_weight: int = 3, tagger_from: Path | None = None) -> dict:
    """Build a model folder ``out`` from gold folders (and BIO files for the tagger); returns its meta.
    The corpus's own sentences count ``corpus_weight`` times against the BIO files' (they alone know products
    and this domain); ``tagger_from`` reuses a trained tagger file instead of training one."""
    began = time.perf_counter()
    articles = read_folders(train_dirs)
    if not articles:
        raise InputError("no annotated articles to train on (NAME.txt beside NAME.gold.jsonl)")
    dev = read_folders(dev_dirs) if dev_dirs else []
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    bio = {art.name: bio_sentences(art.text, art.entities, art.lang) for art in articles if art.complete}
    tagger_sentences = [s for art in articles for s in bio.get(art.name, ())]
    extra = []
    for path in bio_files:
        path = Path(path)
        lang = "de" if re.search(r"(?:^|[_.-])(?:de|german|germeval|mobie)", path.name, re.I) else "en"
        extra.extend(read_bio(path, lang))
    if tagger_from:
        shutil.copyfile(tagger_from, out / "tagger.crfsuite")
    else:
        log(f"tagger: {len(tagger_sentences)} corpus sentences (x{corpus_weight}) + {len(extra)} from BIO files")
        train_tagger(tagger_sentences * corpus_weight + extra, out / "tagger.crfsuite", iterations=iterations, log=log)
    tagger = Tagger(out / "tagger.crfsuite")
    engine = TrainedExtractor(relation_model=RelationModel([], [[]] * len(RELATIONS), [0.0] * len(RELATIONS)),
                              tagger=tagger)
    folds = [articles[k::FOLDS] for k in range(FOLDS)]
    per_fold = [examples(part, engine, log=log) for part in folds]
    X = [x for part in per_fold for x in part[0]]
    Y = [y for part in per_fold for y in part[1]]
    vocabulary, weights, biases, positives = fit(X, Y, log=log)
    with tempfile.TemporaryDirectory(prefix="kg-train-") as scratch:
        taggers = half_taggers(articles, bio, extra, Path(scratch), corpus_weight, iterations, tagger, log=log)
        rescoring = rescoring_fit(folds, per_fold, taggers, log=log)
    meta = {
        "seed": SEED, "trained_on": [str(d) for d in train_dirs], "tuned_on": [str(d) for d in dev_dirs],
        "bio_files": [Path(p).name for p in bio_files], "corpus_weight": corpus_weight,
        "tagger_iterations": iterations if not tagger_from else None,
        "rescorer_taggers": "two, each trained on half the articles", "articles": len(articles),
        "languages": dict(Counter(a.lang for a in articles)), "pairs": len(X), "positives": positives,
        "features": len(vocabulary),
    }
    if rescoring:
        meta["rescoring"] = rescoring
    model = RelationModel(vocabulary, weights, biases, None, meta)
    if dev:
        thresholds, figures = choose_thresholds(model, tagger, dev, log=log)
        model.thresholds = thresholds
        calibrated = figures.pop("calibration")
        if calibrated:
            meta["calibration"] = calibrated
        meta["dev"] = figures
    meta["seconds"] = round(time.perf_counter() - began, 1)
    # the version covers everything that changes output: the relation weights, the tagger, the thresholds, the
    # rescorer and the calibration (a model retrained with a new tagger alone re-extracts on the next build too)
    decisions = json.dumps([model.thresholds, meta.get("calibration"), meta.get("rescoring")], sort_keys=True).encode()
    digest = hashlib.sha1(weights.tobytes() + "\n".join(vocabulary).encode()
                          + (out / "tagger.crfsuite").read_bytes() + decisions)
    meta = {"version": digest.hexdigest()[:10], **meta}
    model.meta = meta
    save_model(out, model, vocabulary)
    log(f"model written to {out} ({len(vocabulary)} features, {meta['seconds']} s)")
    return meta
