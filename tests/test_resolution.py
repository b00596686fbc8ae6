"""One node per real-world entity: within and across articles and languages, never over-merged,
linked to Wikidata, with curation (merge, split) that survives rebuilds and IRIs that stay put."""
from __future__ import annotations

import json

import pytest

from conftest import run_kg, shared_corpus

from kg.evaluate import normalize
from kg.api import extract_text


def entities(store) -> list[dict]:
    return json.loads(run_kg("entities", "--store", store, "--json", check=True).stdout)


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_shared_corpora_give_one_node_per_gold_entity(tmp_path):
    articles = tmp_path / "articles"
    gold_names: dict[str, set[str]] = {}
    for corpus in ("seed", "dev"):
        folder = shared_corpus(corpus)
        for path in folder.glob("*.txt"):
            write(articles, path.name, path.read_text(encoding="utf-8").split("\n----\n")[0])
        for gold in folder.glob("*.gold.jsonl"):
            for line in gold.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                if "entity" in row:
                    names = gold_names.setdefault(row["entity"], set())
                    names.update(normalize(n) for n in [row["entity"], *row["aliases"]])
    run_kg("build", articles, "--store", tmp_path / "store", "--out", tmp_path / "out", check=True)
    nodes = entities(tmp_path / "store")
    gold_of_node = {}
    for node in nodes:
        names = {normalize(n) for n in [node["label"], *node["aliases"]]}
        matched = {gold for gold, forms in gold_names.items() if forms & names}
        assert len(matched) == 1, (node["label"], matched)  # no node without, or shared by, gold entities
        gold_of_node[node["iri"]] = matched.pop()
    per_gold: dict[str, list[str]] = {}
    for iri, gold in gold_of_node.items():
        per_gold.setdefault(gold, []).append(iri)
    split = {gold: iris for gold, iris in per_gold.items() if len(iris) > 1}
    assert not split  # no gold entity over two nodes
    assert len(nodes) == len(per_gold)


def test_within_an_article_name_surname_and_pronoun_are_one_node(built):
    rows = [r for r in entities(built / "store") if "Wang" in r["label"]]
    assert len(rows) == 1
    assert rows[0]["label"] == "Alexandr Wang"
    assert {"Alexandr Wang", "Wang"} <= set(rows[0]["aliases"])


def test_across_articles_and_languages(tmp_path):
    write(tmp_path / "a", "de.txt", "Metas neue Strategie: Meta kooperiert mit dem KI-Unternehmen Midjourney.")
    write(tmp_path / "a", "en.txt", "Meta Platforms, Inc. partners with Midjourney. Meta's rival Google "
                                    "competes with Meta’s chatbot team.")
    write(tmp_path / "a", "de2.txt", "Der Zulieferer KITEMARK GmbH beliefert Bosch. Bosch kooperiert mit Kitemark.")
    write(tmp_path / "a", "en2.txt", "Bosch partners with the startup Kitemark. Kitemark Inc. supplies Bosch.")
    run_kg("build", tmp_path / "a", "--store", tmp_path / "s", "--out", tmp_path / "o", check=True)
    rows = entities(tmp_path / "s")
    metas = [r for r in rows if r["label"].startswith("Meta")]
    assert [m["label"] for m in metas] == ["Meta Platforms"]
    assert metas[0]["articles"] >= 2
    kites = [r for r in rows if "kitemark" in r["label"].casefold()]
    assert len(kites) == 1 and kites[0]["articles"] == 2
    assert kites[0]["iri"].endswith("/Kitemark")


@pytest.mark.parametrize("text,lang,absent", [
    ("Cook said the results were strong. Apple will buy the startup Kitemark.", "en", "Tim Cook"),
    ("The label Apple Records sued Apple in 1978.", "en", None),
    ("Scale is a word. Meta invested in the startup Scale AI.", "en", "Scale"),
])
def test_never_over_merge(text, lang, absent):
    triples = extract_text(text, lang=lang)
    names = {t.s for t in triples} | {t.o for t in triples}
    if absent:
        assert absent not in names
    if "Apple Records" in text:
        assert ("Apple Records", "sues", "Apple") in {(t.s, t.p, t.o) for t in triples}


def test_product_variants_stay_apart():
    triples = extract_text("Apple develops the iPhone 15 and the iPhone 16. OpenAI released GPT-4 and GPT-4o.",
                           lang="en")
    objects = {t.o for t in triples if t.p == "develops"}
    assert {"iPhone 15", "iPhone 16", "GPT-4", "GPT-4o"} <= objects


def test_wikidata_links_and_labels(built):
    query = """SELECT ?wd WHERE { ent:Meta_Platforms owl:sameAs ?wd }"""
    out = run_kg("query", query, "--store", built / "store", "--format", "csv", check=True).stdout
    assert "http://www.wikidata.org/entity/Q380" in out


def test_german_label_where_it_differs(tmp_path):
    write(tmp_path / "a", "x.txt", "Google entwickelt die Google-Suche weiter. Google baut die Google Search aus.")
    run_kg("build", tmp_path / "a", "--store", tmp_path / "s", "--out", tmp_path / "o", check=True)
    query = "SELECT ?l WHERE { ent:Google_Search rdfs:label ?l }"
    out = run_kg("query", query, "--store", tmp_path / "s", "--format", "json", check=True).stdout
    labels = {(b["l"]["value"], b["l"].get("xml:lang", "")) for b in json.loads(out)["results"]["bindings"]}
    assert ("Google-Suche", "de") in labels and ("Google Search", "en") in labels


def test_user_entities_file_adds_and_overrides(tmp_path):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("name,type,wikidata,aliases\nNorthwind Robotics,Organization,Q4242,Northwind|NWR\n"
                        "Meta Platforms,Organization,Q380,Meta|Facebook Inc.|Zuck Corp\n", encoding="utf-8")
    turtle = tmp_path / "mine.ttl"
    turtle.write_text("""@prefix tkg: <https://w3id.org/techkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
<urn:x:1> a tkg:Person ; rdfs:label "Jo Quill" ; skos:altLabel "J. Quill" ;
   owl:sameAs <http://www.wikidata.org/entity/Q99> .""", encoding="utf-8")
    write(tmp_path / "a", "x.txt", "NWR acquired a rival. Zuck Corp invests in Northwind. "
                                   "Northwind hired Jo Quill, chief executive of Northwind.")
    run_kg("build", tmp_path / "a", "--store", tmp_path / "s", "--out", tmp_path / "o", "--entities", csv_file,
           "--entities", turtle, check=True)
    rows = {r["label"]: r for r in entities(tmp_path / "s")}
    assert rows["Northwind Robotics"]["wikidata"].endswith("Q4242")
    assert rows["Jo Quill"]["wikidata"].endswith("Q99")
    assert "Meta Platforms" in rows
    bad = run_kg("build", tmp_path / "a", "--store", tmp_path / "s", "--entities", tmp_path / "missing.csv")
    assert bad.returncode != 0 and "missing.csv" in bad.stderr and "Traceback" not in bad.stderr


def test_iris_are_stable_across_rebuilds_and_added_articles(fresh):
    store = fresh / "store"
    run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "o", check=True)
    first = {r["label"]: r["iri"] for r in entities(store)}
    other = fresh / "other-store"
    write(fresh / "more", "n.txt", "Google partners with the startup Kitemark.")
    run_kg("build", fresh / "more", fresh / "articles", "--store", other, "--out", fresh / "o2", check=True)
    second = {r["label"]: r["iri"] for r in entities(other)}
    assert all(second[label] == iri for label, iri in first.items() if label in second)
    assert set(first) <= set(second)


def test_merge_and_split_survive_rebuilds(fresh):
    store = fresh / "store"
    run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "o", check=True)
    merged = run_kg("merge", "Sam Altman", "Greg Brockman", "--store", store, check=True)
    assert "merged" in merged.stderr
    labels = {r["label"] for r in entities(store)}
    assert "Greg Brockman" not in labels
    article = fresh / "articles" / "en_microsoft_openai.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nGreg Brockman, president of OpenAI, agreed.\n",
                       encoding="utf-8")
    run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "o", check=True)
    rows = {r["label"]: r for r in entities(store)}
    assert "Greg Brockman" not in rows and "Greg Brockman" in rows["Sam Altman"]["aliases"]

    split = run_kg("split", "Meta Platforms", "Meta", "--store", store, check=True)
    assert "re-extracted" in split.stderr
    run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "o", check=True)
    rows = {r["label"]: r for r in entities(store)}
    assert "Meta" in rows and "Meta" not in rows.get("Meta Platforms", {}).get("aliases", [])
    again = run_kg("build", fresh / "articles", "--store", store, "--out", fresh / "o", check=True)
    assert "7 unchanged" in again.stdout
    assert "Meta" in {r["label"] for r in entities(store)}
    for bad in (("merge", "Nobody", "Meta Platforms"), ("split", "Meta Platforms", "Zzz")):
        result = run_kg(*bad, "--store", store)
        assert result.returncode != 0 and "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
