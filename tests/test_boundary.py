"""Untrusted text is cleaned or refused once, at the boundary (issue 16, items 8 and 9)."""
from __future__ import annotations

from conftest import run_kg


def test_control_characters_in_an_article_do_not_break_the_writers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Meta \u001b[31minvestiert in Scale AI.\n\nMeta kooperiert mit Midjourney.",
                                  encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": "b", "title": "T\\u0007", "text": "Google \\u0000kauft\\u001b YouTube."}\n',
                                    encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", folder, "--store", store, "--out", tmp_path / "out", check=True)
    for fmt in ("graphml", "turtle", "nquads", "jsonld", "csv"):
        result = run_kg("export", "--format", fmt, "--store", store, check=True)
        assert "\u0000" not in result.stdout and "\u001b" not in result.stdout


def test_a_bad_entities_file_is_refused_before_the_store_exists(tmp_path):
    entities = tmp_path / "entities.csv"
    entities.write_text("name,type,wikidata\nAcme Robotics,Organization,Q1> <script>\n", encoding="utf-8")
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("Acme Robotics kauft Beats.", encoding="utf-8")
    store = tmp_path / "new-store"
    result = run_kg("build", article.parent, "--store", store, "--out", tmp_path / "out", "--entities", entities)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "row 2" in result.stderr and "wikidata" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not store.exists()


def test_an_html_article_reads_on_a_fresh_install(tmp_path):
    page = tmp_path / "deal.html"
    page.write_text("<html><head><title>Deal</title></head><body><nav>Menü Start Kontakt</nav><article><p>Apple hat "
                    "das Start-up Beats übernommen.</p></article><footer>Impressum</footer></body></html>",
                    encoding="utf-8")
    result = run_kg("extract", page, "--format", "jsonl", check=True)
    assert '"p": "acquires"' in result.stdout and "Impressum" not in result.stdout


def test_csv_export_neutralises_formulas(tmp_path):
    entities = tmp_path / "entities.csv"
    entities.write_text("name,type\n=HYPERLINK Labs,Organization\n+cmd Systems,Organization\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Google hat =HYPERLINK Labs übernommen. +cmd Systems kooperiert mit Google.",
                                  encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", folder, "--store", store, "--out", tmp_path / "out", "--entities", entities, "--extractor", "rules",
           check=True)
    text = run_kg("export", "--format", "csv", "--store", store, check=True).stdout
    cells = [c for row in text.splitlines()[1:] for c in row.split(",")]
    assert "'+cmd Systems" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_build_html_has_a_node_budget_and_can_be_skipped(tmp_path):
    """A huge article must not keep a build drawing for minutes (issue 16, item 7)."""
    from conftest import EXAMPLES

    out = tmp_path / "out"
    run_kg("build", EXAMPLES, "--store", tmp_path / "s", "--out", out, "--html-nodes", "3", check=True)
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "showing the 3 most connected of" in page
    skipped = tmp_path / "out2"
    result = run_kg("build", EXAMPLES, "--store", tmp_path / "s2", "--out", skipped, "--no-html", check=True)
    assert (skipped / "graph.ttl").is_file() and not (skipped / "graph.html").exists()
    assert "graph.html" not in result.stderr
