"""kg html options: subgraphs, notes on the page, no lib/ folder, large graphs with physics off."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_kg


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    return json.loads(match.group(1))


def test_html_writes_one_file_and_no_lib_folder(built, tmp_path):
    result = run_kg("html", "--store", built / "store", "-o", "view.html", cwd=tmp_path, check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]
    text = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="https?:', text)
    assert "wrote" in result.stderr


def test_title_bar_counts_and_symmetric_edges(built, tmp_path):
    run_kg("html", "--store", built / "store", "-o", tmp_path / "g.html", check=True)
    text = (tmp_path / "g.html").read_text(encoding="utf-8")
    data = page_data(tmp_path / "g.html")
    assert f"{len(data['nodes'])} entities and {len(data['edges'])} relations from 7 articles" in text
    by_id = {e["id"]: e for e in data["edgeInfo"]}
    for edge in data["edges"]:
        relation = by_id[edge["id"]]["relation"]
        assert (edge.get("arrows") == "") == (relation in ("competesWith", "collaboratesWith"))
    sizes = {n["label"]: n["size"] for n in data["nodes"]}
    assert sizes["Meta Platforms"] > sizes["Ashley Gabriel"]


def test_focus_relation_and_max_nodes(built, tmp_path):
    run_kg("html", "--store", built / "store", "-o", tmp_path / "f.html", "--focus", "Meta", "--hops", "1", check=True)
    labels = {n["label"] for n in page_data(tmp_path / "f.html")["nodeInfo"]}
    assert {"Meta Platforms", "Midjourney", "Scale AI"} <= labels and "Microsoft" not in labels
    run_kg("html", "--store", built / "store", "-o", tmp_path / "r.html", "--relation", "investsIn,acquires", check=True)
    assert {e["relation"] for e in page_data(tmp_path / "r.html")["edgeInfo"]} <= {"investsIn", "acquires"}
    run_kg("html", "--store", built / "store", "-o", tmp_path / "m.html", "--max-nodes", "5", check=True)
    assert len(page_data(tmp_path / "m.html")["nodes"]) == 5
    assert "showing the 5 most connected of" in (tmp_path / "m.html").read_text(encoding="utf-8")
    run_kg("html", "--store", built / "store", "-o", tmp_path / "d.html", "--since", "2023-10-01", check=True)
    titles = {v["title"] for e in page_data(tmp_path / "d.html")["edgeInfo"] for v in e["evidence"]}
    assert titles == {"Microsoft completes Activision Blizzard takeover"}


def test_large_graph_has_positions_and_no_physics(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import synthetic_graph

    from kg.html import write_html

    write_html(synthetic_graph(2000), tmp_path / "big.html")
    data = page_data(tmp_path / "big.html")
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_large_graph_is_drawn_the_same_way_in_every_run(tmp_path):
    """Positions are computed with a seeded generator: two processes draw the same picture."""
    import subprocess

    code = ("import sys; sys.path.insert(0, sys.argv[2]); from synthetic import synthetic_graph; "
            "from kg.html import write_html; write_html(synthetic_graph(600), sys.argv[1])")
    for name in ("a.html", "b.html"):
        subprocess.run([sys.executable, "-c", code, str(tmp_path / name), str(ROOT / "bench")], check=True, cwd=ROOT)
    first, second = page_data(tmp_path / "a.html"), page_data(tmp_path / "b.html")
    assert [(n["x"], n["y"]) for n in first["nodes"]] == [(n["x"], n["y"]) for n in second["nodes"]]


def test_large_graph_draws_and_answers_a_click(tmp_path):
    from browser import ARGS, CHROMIUM, open_page, require_chromium

    require_chromium()
    sys.path.insert(0, str(ROOT / "bench"))
    from playwright.sync_api import sync_playwright
    from synthetic import synthetic_graph

    from kg.html import write_html

    write_html(synthetic_graph(3000), tmp_path / "big.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = open_page(browser, tmp_path / "big.html")
        assert page.eval("window.techkg.nodeView.length") == 3000
        node = page.eval("window.techkg.search('Entity 7')")
        assert page.eval("window.techkg.network.getSelectedNodes()").count(node) == 1
        assert len(page.eval("window.techkg.highlighted()")) > 1
        assert page.errors == []
        browser.close()


def test_notebook_view():
    pytest.importorskip("IPython")
    import networkx as nx

    from kg.html import notebook

    view = notebook(nx.MultiDiGraph(), title="<b>x</b>")
    assert view.data.startswith("<iframe srcdoc=") and "<b>x</b>" not in view.data


def test_min_confidence_keeps_only_confident_relations(built, tmp_path):
    run_kg("html", "--store", built / "store", "-o", tmp_path / "all.html", check=True)
    run_kg("html", "--store", built / "store", "-o", tmp_path / "sure.html", "--min-confidence", "0.8", check=True)
    everything, sure = page_data(tmp_path / "all.html"), page_data(tmp_path / "sure.html")
    assert 0 < len(sure["edges"]) < len(everything["edges"])
    for edge in sure["edgeInfo"]:
        assert edge["confidence"] >= 0.8 and all(e["confidence"] >= 0.8 for e in edge["evidence"])
    assert "relations of confidence 0.8 or more" in (tmp_path / "sure.html").read_text(encoding="utf-8")
    result = run_kg("html", "--store", built / "store", "-o", tmp_path / "x.html", "--min-confidence", "2")
    assert result.returncode != 0 and "Traceback" not in result.stderr and "min-confidence" in result.stderr
