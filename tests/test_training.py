"""`kg train` on a small made-up corpus: the model predicts what it was taught, deterministically."""
from __future__ import annotations

import json

from conftest import run_kg

from kg.extract.model import load_model
from kg.extract.training import train
from kg.extract.trained import TrainedExtractor

COMPANIES = ["Apple", "Google", "Microsoft", "Samsung", "IBM", "Intel", "Nvidia", "Oracle", "Sony", "Toshiba",
             "Hitachi", "Panasonic", "Qualcomm", "Broadcom", "Netflix", "Spotify"]


def _article(folder, name, sentences, triples):
    folder.mkdir(parents=True, exist_ok=True)
    text = "Kurzmeldungen\n\n" + " ".join(sentences)
    (folder / f"{name}.txt").write_text(text + "\n----\nsource: made up for a test\n", encoding="utf-8")
    names = sorted({x for s, _, o, _ in triples for x in (s, o)})
    rows = [{"entity": n, "type": "Organization", "aliases": []} for n in names]
    rows += [{"s": s, "p": p, "o": o, "attrs": {}, "optional": False, "evidence": e} for s, p, o, e in triples]
    (folder / f"{name}.gold.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def _corpus(root):
    """A made-up construction no rule knows: 'A ist Hoflieferant von B' (A supplies B); and its decoys."""
    for k in range(10):
        a, b, c, d = (COMPANIES[(k + j) % 12] for j in (0, 1, 2, 3))
        supply = f"{a} ist seit Jahren Hoflieferant von {b}."
        decoy = f"{c} und {d} treffen sich auf einer Messe."
        _article(root / "train", f"de_case_{k}", [supply, decoy], [(a, "supplies", b, supply)])
    return root / "train"


def test_trained_model_predicts_what_it_was_taught(tmp_path):
    folder = _corpus(tmp_path)
    train([folder], [], tmp_path / "model", log=lambda line: None, iterations=10)
    model, tagger = load_model(str(tmp_path / "model"))
    engine = TrainedExtractor(model=str(tmp_path / "model"))
    got = engine.extract("Broadcom ist seit Jahren Hoflieferant von Netflix. Sony und Spotify treffen sich.", lang="de")
    triples = {(t.s, t.p, t.o) for t in got.triples}
    assert ("Broadcom", "supplies", "Netflix") in triples
    assert ("Netflix", "supplies", "Broadcom") not in triples
    assert not any({"Sony", "Spotify"} == {t.s, t.o} for t in got.triples)
    best = next(t for t in got.triples if t.p == "supplies")
    assert best.evidence == "Broadcom ist seit Jahren Hoflieferant von Netflix."
    assert 0.5 <= best.confidence <= 1.0
    assert best.extractor == f"trained:{model.version}"


def test_training_is_deterministic(tmp_path):
    """Two runs in processes with different hash seeds write the same model files."""
    folder = _corpus(tmp_path)
    for out, seed in (("a", "1"), ("b", "2")):
        run_kg("train", folder, "--out", tmp_path / out, "--iterations", "10", env={"PYTHONHASHSEED": seed}, check=True)
    for name in ("relations.npz", "meta.json", "tagger.crfsuite"):
        first, second = (tmp_path / out / name for out in ("a", "b"))
        if name == "meta.json":  # the seconds it took differ
            a, b = (json.loads(p.read_text()) for p in (first, second))
            a.pop("seconds"), b.pop("seconds")
            assert a == b
        else:
            assert first.read_bytes() == second.read_bytes(), name


def test_kg_train_and_kg_eval_with_the_new_model(tmp_path):
    folder = _corpus(tmp_path)
    result = run_kg("train", folder, "--out", tmp_path / "m", "--iterations", "10", check=True)
    assert "model " in result.stdout and (tmp_path / "m" / "relations.npz").is_file()
    scored = run_kg("eval", folder, "--model", tmp_path / "m", check=True)
    assert float(scored.stdout.splitlines()[-1].split()[1]) >= 0.9  # it learnt its own training data


def test_bad_model_and_training_input_are_one_line_errors(tmp_path):
    import shutil

    from kg.extract.model import DEFAULT

    article = tmp_path / "a.txt"
    article.write_text("Apple kauft Beats.", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    shutil.copytree(DEFAULT, tmp_path / "odd")  # a rescorer fitted for other features
    meta = json.loads((tmp_path / "odd" / "meta.json").read_text(encoding="utf-8"))
    meta["rescoring"]["weights"] = meta["rescoring"]["weights"][:5]
    (tmp_path / "odd" / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    for args, needle in (
        (("extract", article, "--model", tmp_path / "empty"), "not a techkg model"),
        (("extract", article, "--model", tmp_path / "odd"), "rescorer was fitted for other features"),
        (("train", tmp_path / "missing"), "not a folder"),
        (("train", tmp_path / "empty", "--out", tmp_path / "m"), "no annotated articles"),
    ):
        result = run_kg(*args)
        assert result.returncode != 0
        assert needle in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_new_model_re_extracts_unchanged_articles(tmp_path):
    """The content key holds the extractor and model version: same text, new model, new extraction."""
    folder = _corpus(tmp_path)
    run_kg("train", folder, "--out", tmp_path / "m", "--iterations", "10", check=True)
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("Broadcom ist seit Jahren Hoflieferant von Netflix.", encoding="utf-8")
    store, out = tmp_path / "store", tmp_path / "out"
    first = run_kg("build", article.parent, "--store", store, "--out", out, "--extractor", "rules", check=True)
    assert "(1 new" in first.stdout
    again = run_kg("build", article.parent, "--store", store, "--out", out, "--extractor", "rules", check=True)
    assert "1 unchanged" in again.stdout
    trained = run_kg("build", article.parent, "--store", store, "--out", out, "--model", tmp_path / "m", check=True)
    assert "1 changed" in trained.stdout
    rows = run_kg("query", "SELECT ?o WHERE { ?s tkg:supplies ?o }", "--store", store, "--format", "csv", check=True)
    assert "Netflix" in rows.stdout


def test_triple_confidence_is_calibrated_on_dev_triples():
    from kg.extract.candidates import RELATIONS
    from kg.extract.model import RelationModel
    from kg.extract.training import calibration

    class Gold:
        names = {"a": "A", "b": "B", "c": "C", "d": "D"}
        required = {("A", "acquires", "B")}
        optional = set()

    class Art:
        gold = Gold()

    # two sure hits, several unsure misses: a score of 0.5 is right less often than one of 0.9
    predicted = [(Art(), [("a", "acquires", "b", 0.9, False), ("c", "acquires", "d", 0.5, False),
                          ("b", "acquires", "c", 0.5, False), ("d", "acquires", "a", 0.45, False)])] * 3
    fit = calibration(predicted, dict.fromkeys(RELATIONS, 0.1))
    assert fit["triples"] == 12 and fit["slope"] > 0
    model = RelationModel([], [[]] * len(RELATIONS), [0.0] * len(RELATIONS), meta={"calibration": fit})
    assert model.calibrated("acquires", 0.9, False) > model.calibrated("acquires", 0.5, False)
    assert RelationModel([], [[]] * len(RELATIONS), [0.0] * len(RELATIONS)).calibrated("acquires", 0.5, False) == 0.5


def test_a_model_with_another_tagger_has_another_version(tmp_path):
    """Same relation weights, a tagger trained longer: the version (and so the store's content key) changes."""
    folder = _corpus(tmp_path)
    for out, iterations in (("short", 5), ("long", 15)):
        train([folder], [], tmp_path / out, log=lambda line: None, iterations=iterations)
    short, long = (load_model(str(tmp_path / out))[0] for out in ("short", "long"))
    assert (tmp_path / "short" / "tagger.crfsuite").read_bytes() != (tmp_path / "long" / "tagger.crfsuite").read_bytes()
    assert short.version != long.version


def _model_copy(tmp_path, change):
    import shutil

    from kg.extract.model import DEFAULT

    folder = tmp_path / "model"
    shutil.copytree(DEFAULT, folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    change(meta)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return TrainedExtractor(model=str(folder))


def test_the_rescorer_decides_which_proposed_triples_are_kept(tmp_path):
    """The shipped model rescores the pair model's proposals; a rescorer that finds every proposal wrong
    leaves the rules' triples only, and a model folder without one (older models) still extracts."""
    text = "Google hat das Start-up YouTube übernommen. Der Konzern Alphabet kooperiert künftig mit Nvidia."
    assert load_model("")[0].rescorer is not None
    shipped = {(t.s, t.p, t.o) for t in TrainedExtractor().extract(text, lang="de").triples}

    def doubting(meta):
        meta["rescoring"]["intercept"] = -60.0

    doubted = _model_copy(tmp_path / "a", doubting).extract(text, lang="de").triples
    assert doubted and all(t.rule for t in doubted) and {(t.s, t.p, t.o) for t in doubted} <= shipped
    plain = _model_copy(tmp_path / "b", lambda meta: meta.pop("rescoring")).extract(text, lang="de").triples
    assert ("Google", "acquires", "YouTube") in {(t.s, t.p, t.o) for t in plain}


def test_kg_train_fits_the_rescorer_out_of_fold(tmp_path):
    """Trained on enough articles, a model records its rescorer: fitted on triples proposed by pair models
    that had not seen those articles (five folds)."""
    from pathlib import Path

    train_dir = Path(__file__).resolve().parent.parent / "corpus" / "train"
    folder = tmp_path / "gold"
    folder.mkdir()
    import shutil

    for path in sorted(train_dir.glob("en_*.txt"))[:60]:
        shutil.copy(path, folder)
        shutil.copy(path.with_name(path.name[:-4] + ".gold.jsonl"), folder)
    from kg.extract.model import DEFAULT

    meta = train([folder], [], tmp_path / "m", log=lambda line: None, tagger_from=DEFAULT / "tagger.crfsuite")
    fit = meta["rescoring"]
    assert fit["folds"] == 5 and fit["triples"] > fit["right"] >= 25
    assert load_model(str(tmp_path / "m"))[0].rescorer is not None


def test_the_rescorer_reads_each_article_with_a_tagger_that_has_not_seen_it(tmp_path):
    """A made-up name found in one article only: the tagger that reads that article for the rescorer was
    trained on the other half, and does not know it by heart, while the other one was trained on it."""
    from kg.extract.model import DEFAULT
    from kg.extract.tagger import Tagger, load_tagger
    from kg.extract.training import bio_sentences, half_taggers, read_folders

    folder = _corpus(tmp_path)
    _article(folder, "de_case_zz", ["Quornexa ist seit Jahren Hoflieferant von Apple."],
             [("Quornexa", "supplies", "Apple", "Quornexa ist seit Jahren Hoflieferant von Apple.")])
    articles = read_folders([folder])
    fallback = load_tagger(str(DEFAULT / "tagger.crfsuite"))
    bio = {art.name: bio_sentences(art.text, art.entities, art.lang) for art in articles}
    taggers = half_taggers(articles, bio, [], tmp_path, 3, 30, fallback)
    assert set(taggers) == {art.name for art in articles}
    assert len({id(t) for t in taggers.values()}) == 2 and fallback not in taggers.values()
    assert all(isinstance(t, Tagger) for t in taggers.values())
    words = ["Quornexa", "ist", "seit", "Jahren", "Hoflieferant", "von", "Apple", "."]
    other = next(t for name, t in taggers.items() if t is not taggers["de_case_zz"])
    assert other.tag(words, "de")[0] == "B-ORG"  # trained on it
    sure_after_training = other.marginal("B-ORG", 0)
    taggers["de_case_zz"].tag(words, "de")
    assert taggers["de_case_zz"].marginal("B-ORG", 0) < sure_after_training  # never saw it
    names = [art.name for art in articles]
    mine = names.index("de_case_zz") % 2
    assert all(taggers[n] is taggers["de_case_zz"] for k, n in enumerate(names) if k % 2 == mine)
