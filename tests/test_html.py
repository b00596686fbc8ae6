"""kg html in a real headless Chromium, from file:// with the network blocked."""
from __future__ import annotations

import pytest

from browser import ARGS, CHROMIUM, open_page, require_chromium
from conftest import run_kg


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_page_loads_offline_and_shows_the_graph(built, browser):
    page = open_page(browser, built / "output" / "graph.html")
    assert page.errors == []
    assert all(url.startswith("file:") for url in page.requests)
    nodes, edges = page.eval("[window.techkg.nodeView.length, window.techkg.edgeView.length]")
    stats = run_kg("stats", "--store", built / "store", "--json", check=True).stdout
    import json
    data = json.loads(stats)
    assert nodes == data["entities"]
    assert edges == sum(data["relations"].values())
    labels = page.eval("window.techkg.nodes.get().map(n => n.label)")
    assert {"Meta Platforms", "Midjourney", "Scale AI", "Alexandr Wang"} <= set(labels)


def test_search_focuses_the_entity_by_alias(built, browser):
    page = open_page(browser, built / "output" / "graph.html")
    node = page.eval("window.techkg.search('Meta')")
    assert page.eval("id => window.techkg.info.nodes[id].label", node) == "Meta Platforms"
    assert page.eval("window.techkg.network.getSelectedNodes()") == [node]
    assert "Meta Platforms" in page.eval("window.techkg.details()")
    highlighted = page.eval("window.techkg.highlighted()")
    assert node in highlighted and len(highlighted) < page.eval("window.techkg.nodes.length")


def test_relation_filter_hides_those_edges(built, browser):
    page = open_page(browser, built / "output" / "graph.html")
    before = page.eval("window.techkg.edgeView.length")
    works = page.eval("Object.values(window.techkg.info.edges).filter(e => e.relation === 'worksFor').length")
    assert works > 0
    page.page.click("#relations input[data-value='worksFor']")
    assert page.eval("window.techkg.edgeView.length") == before - works
    visible = page.eval("window.techkg.edgeView.get().map(e => window.techkg.info.edges[e.id].relation)")
    assert "worksFor" not in visible


def test_evidence_of_a_known_edge_contains_its_sentence(built, browser):
    page = open_page(browser, built / "output" / "graph.html")
    edge = page.eval("""Object.values(window.techkg.info.edges).find(e =>
        window.techkg.info.nodes[e.from].label === 'Meta Platforms' && e.relation === 'investsIn'
        && window.techkg.info.nodes[e.to].label === 'Scale AI').id""")
    page.eval("id => window.techkg.showEdge(id)", edge)
    details = page.eval("window.techkg.details()")
    assert "Milliardeninvestition von Meta in 49 Prozent" in details
    assert "stakePercent: 49" in details


def test_hostile_names_stay_text(tmp_path, browser):
    from kg.articles import Article
    from kg.extract.base import EntityInfo, Extraction, Triple
    from kg.html import write_html
    from kg.graph import load_graph
    from kg.rdf import article_quads
    from kg.store import KgStore

    evil = "<img src=x onerror=alert(1)>"
    other = 'Quote " and > and\nnewline <script>alert(2)</script>'
    sentence = f"{evil} kauft {other}. <script>alert(3)</script> href"
    extraction = Extraction(
        [Triple(evil, "acquires", other, "Organization", "Organization", sentence, 0, len(sentence), 0.9,
                {"amount": "<b>1</b>", "role": "href"})],
        {evil: EntityInfo(evil, "Organization", surfaces={evil}), other: EntityInfo(other, "Organization")}, "de")
    article = Article(id="evil<>", text=sentence, title="<script>alert(4)</script>", url="javascript:alert(5)",
                      date="2024-01-01")
    with KgStore(tmp_path / "store") as store:
        store.put_article(article.id, article_quads(article, extraction))
        graph = load_graph(store)
    write_html(graph, tmp_path / "evil.html", title="<script>alert(6)</script>", notes=["<img src=y onerror=alert(7)>"])
    # the Turtle export of the same store is valid
    turtle = run_kg("export", "--store", tmp_path / "store", "--format", "turtle", check=True).stdout
    from rdflib import Graph, Literal
    assert Literal(evil) in set(Graph().parse(data=turtle, format="turtle").objects())

    page = open_page(browser, tmp_path / "evil.html")
    labels = page.eval("window.techkg.nodes.get().map(n => n.label)")
    assert evil in labels
    page.eval(f"window.techkg.search({evil!r})")
    node = page.eval("window.techkg.network.getSelectedNodes()[0]")
    page.eval("window.techkg.showEdge(0)")
    page.page.mouse.move(10, 10)
    assert "<script>alert(3)</script>" in page.eval("window.techkg.details()")
    assert page.eval("document.querySelectorAll('#details img, #details script, header img').length") == 0
    assert page.eval("document.title") == "<script>alert(6)</script>"
    assert page.eval("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    assert node is not None
