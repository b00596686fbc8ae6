"""kg build from the web, against a real HTTP server on 127.0.0.1 (tests/web_server.py): feeds, sitemaps and
pages land in the store with their metadata; a second run is conditional and extracts nothing; a changed
page alone is extracted again; every failure is one line and the rest is stored; loopback is refused
unless --allow-private is given (these tests give it)."""
from __future__ import annotations

import json
import time
import tracemalloc

import pytest

import web_server
from conftest import EXAMPLES, run_kg
from kg.errors import FetchError
from kg.web.address import resolve
from kg.web.crawl import Crawl, WebOptions
from kg.web.http import Fetcher

FAST = ("--allow-private", "--rate", "1000", "--timeout", "2")
ARTICLES = """SELECT ?title ?url ?date ?lang ?source WHERE { ?a a tkg:Article ; dct:title ?title ; tkg:source ?source .
  OPTIONAL { ?a schema:url ?url } OPTIONAL { ?a dct:date ?date } OPTIONAL { ?a dct:language ?lang } }"""


def relation(s: str, p: str, o: str) -> str:
    return (f'ASK {{ ?s rdfs:label|skos:altLabel "{s}" . ?o rdfs:label|skos:altLabel "{o}" . '
            f'?s tkg:{p} ?o }}')


def ask(store, query) -> bool:
    return run_kg("query", query, "--store", store, check=True).stdout.strip() == "true"


def select(store, query) -> list[dict]:
    rows = json.loads(run_kg("query", query, "--store", store, "--format", "json", check=True).stdout)
    return [{k: v["value"] for k, v in row.items()} for row in rows["results"]["bindings"]]


@pytest.fixture(scope="module")
def site():
    server, state = web_server.start()
    yield state
    web_server.stop(server, state)


@pytest.fixture
def own_site():
    """A server of its own, for a test that changes pages."""
    server, state = web_server.start()
    yield state
    web_server.stop(server, state)


SOURCES = ("/feed.rss", "/feed.atom", "/sitemap-index.xml.gz", "/missing", "/error", "/hang", "/huge",
           "/huge-declared", "/loop/a")


@pytest.fixture(scope="module")
def first(site, tmp_path_factory):
    """One build from feeds, a gzipped sitemap index, a local file and URLs that fail."""
    work = tmp_path_factory.mktemp("web")
    started = len(site.log)
    result = run_kg("build", *[site.base + s for s in SOURCES], EXAMPLES / "en_adobe_figma.txt",
                    "--store", work / "store", "--out", work / "out", *FAST, cwd=work)
    return work, result, site.log[started:]


def test_feed_and_sitemap_articles_land_in_the_store_with_their_metadata(first, site):
    work, result, _ = first
    assert result.returncode == 0, result.stderr
    rows = {r["title"]: r for r in select(work / "store", ARTICLES)}
    sap = rows["SAP übernimmt das Berliner Start-up Signavio"]
    assert (sap["url"], sap["date"], sap["lang"]) == (site.base + "/de/sap-signavio", "2025-03-04", "de")
    assert sap["source"] == site.base + "/de/sap-signavio.html"
    microsoft = rows["Microsoft invests in OpenAI"]
    assert (microsoft["url"], microsoft["date"], microsoft["lang"]) == (site.base + "/en/microsoft-openai",
                                                                         "2025-02-10", "en")
    adobe = rows["Adobe buys Figma"]  # reached through a chain of three redirects; no canonical link
    assert (adobe["url"], adobe["date"]) == (site.base + "/en/adobe-figma.html", "2025-01-20")
    assert rows["Siemens kauft Altair"]["date"] == "2025-03-10"
    assert len([t for t in rows if t != "Adobe buys Figma"]) == 4  # the local file's article too
    store = work / "store"
    assert ask(store, relation("SAP", "acquires", "Signavio"))
    assert ask(store, relation("Christian Klein", "worksFor", "SAP"))
    assert ask(store, relation("Microsoft", "investsIn", "OpenAI"))
    assert ask(store, relation("Adobe", "acquires", "Figma"))
    assert ask(store, relation("Siemens", "acquires", "Altair"))


def test_the_latin1_page_declared_in_a_meta_tag_decodes(first):
    work, _, _ = first
    evidence = [r["e"] for r in select(work / "store", "SELECT ?e WHERE { ?m tkg:evidence ?e }")]
    assert any("Vorstandschef von Siemens, sprach von einem großen Schritt" in e for e in evidence)
    assert not any("Ã" in e or "\ufffd" in e for e in evidence)


def test_navigation_ads_and_comments_are_not_read(first):
    work, _, _ = first
    store = work / "store"
    assert not ask(store, relation("Google", "acquires", "Amazon"))  # from a reader's comment
    assert not ask(store, relation("Apple", "investsIn", "Tesla"))
    evidence = " ".join(r["e"] for r in select(work / "store", "SELECT ?e WHERE { ?m tkg:evidence ?e }"))
    for boilerplate in ("ANZEIGE", "Newsletter", "Kommentar", "Leser", "Startseite", "Impressum"):
        assert boilerplate not in evidence


def test_robots_txt_and_non_html_links_are_honoured_without_a_request(first):
    _, result, log = first
    paths = [entry[0] for entry in log]
    assert paths.count("/robots.txt") == 1
    assert "/private/secret.html" not in paths  # forbidden by robots.txt
    assert "/files/report.pdf" not in paths  # a .pdf link is not even requested
    assert "/de/old.html" in paths
    assert all(entry[3].startswith("techkg/") for entry in log)
    assert "3 skipped (1 forbidden by robots.txt, 2 not HTML)" in result.stderr
    assert not ask(first[0] / "store", relation("Intel", "acquires", "Nvidia"))


def test_each_failure_is_one_line_and_the_rest_is_stored(first, site):
    _, result, _ = first
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    reasons = dict(line[len("failed: " + site.base):].split(": ", 1) for line in failed)
    assert reasons == {"/missing": "HTTP 404", "/gone": "HTTP 404", "/de/old.html": "HTTP 404",
                       "/error": "HTTP 500", "/hang": "timed out after 2 s", "/loop/a": "redirect loop (2 hops)",
                       "/huge": "too large: more than the 5 MB limit",
                       "/huge-declared": "too large: 50 MB, more than the 5 MB limit"}, result.stderr
    assert "web: 4 fetched, 0 not modified, 3 skipped" in result.stderr
    assert result.stderr.rstrip().count("\n") < 20 and "Traceback" not in result.stderr
    assert result.stdout.startswith("5 articles (5 new")


def test_second_run_is_conditional_a_changed_page_alone_is_extracted_and_refresh_reads_all(own_site, tmp_path):
    site = own_site
    urls = [site.base + "/feed.rss", site.base + "/feed.atom"]

    def build(*extra):
        start = len(site.log)
        result = run_kg("build", *urls, "--store", tmp_path / "store", "--out", tmp_path / "out", *FAST, *extra,
                        check=True)
        return result, site.log[start:]

    first, _ = build()
    assert first.stdout.startswith("4 articles (4 new"), first.stderr
    second, log = build()
    conditional = {entry[0] for entry in log if entry[1] and entry[2]}  # If-None-Match and If-Modified-Since
    assert {"/feed.rss", "/feed.atom", "/de/sap-signavio.html", "/de/siemens-altair.html",
            "/en/microsoft-openai.html", "/en/adobe-figma.html"} <= conditional
    assert "/download" not in [entry[0] for entry in log]  # known not to be HTML: not asked again
    assert second.stdout.startswith("0 articles"), second.stdout
    assert "web: 0 fetched, 6 not modified" in second.stderr

    site.change("/en/microsoft-openai.html", "Microsoft also acquired the start-up Inflection AI for 650 "
                                             "million dollars, the company said.")
    third, _ = build()
    assert third.stdout.startswith("1 articles (0 new, 1 changed"), third.stdout
    assert "web: 1 fetched, 5 not modified" in third.stderr
    assert ask(tmp_path / "store", relation("Microsoft", "acquires", "Inflection AI"))

    fourth, log = build("--refresh")
    assert not any(entry[1] or entry[2] for entry in log)
    assert "web: 4 fetched, 0 not modified" in fourth.stderr
    assert fourth.stdout.startswith("4 articles (0 new, 0 changed, 4 unchanged)"), fourth.stdout

    # an article taken out of the store is fetched in full again, though the server would answer 304
    run_kg("remove", site.base + "/en/microsoft-openai", "--store", tmp_path / "store", check=True)
    fifth, log = build()
    assert [e for e in log if e[0] == "/en/microsoft-openai.html"][0][1:3] == ("", "")
    assert fifth.stdout.startswith("1 articles (1 new"), fifth.stdout


def test_loopback_is_refused_without_allow_private(site, tmp_path):
    start = len(site.log)
    port = site.base.rsplit(":", 1)[1]
    result = run_kg("build", site.base + "/feed.rss", f"http://localhost:{port}/en/microsoft-openai.html",
                    "--store", tmp_path / "store", "--out", tmp_path / "out", "--rate", "1000")
    assert result.returncode == 0
    assert "refused: 127.0.0.1 is a loopback address (--allow-private allows it)" in result.stderr
    assert "refused: localhost resolves to " in result.stderr
    assert "web: 0 fetched, 0 not modified, 0 skipped, 2 failed" in result.stderr
    assert len(site.log) == start  # not one request, not even robots.txt


def test_a_hostile_redirect_or_feed_cannot_reach_the_users_network(site, tmp_path):
    """The server's own address is allowed (--allow-network 127.0.0.1/32); a redirect and feed links to
    another loopback address (127.0.0.2, where a listener waits) and to the cloud metadata address are not."""
    import socket

    inside = socket.socket()
    try:
        inside.bind(("127.0.0.2", 0))
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")
    inside.listen(4)
    inside.settimeout(0.3)
    target = f"http://127.0.0.2:{inside.getsockname()[1]}/admin"
    items = "".join(f"<item><link>{link}</link></item>" for link in
                    (target, "http://169.254.169.254/latest/meta-data/", site.base + "/bounce?to=" + target))
    site.set("/hostile.rss", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), "application/rss+xml")
    try:
        result = run_kg("build", site.base + "/hostile.rss", site.base + "/bounce?to=" + target,
                        "--store", tmp_path / "store", "--out", tmp_path / "out", "--rate", "1000", "--timeout", "2",
                        "--allow-network", "127.0.0.1/32", check=True)
        try:
            inside.accept()[0].close()
            reached = True
        except OSError:
            reached = False
    finally:
        inside.close()
    assert not reached
    assert site.hits("/bounce") == 1  # the first hop was allowed and asked; the hop it redirected to was not
    # the feed's link, and its redirect (the same redirect given on the command line is not asked for twice)
    assert result.stderr.count("refused: 127.0.0.2 is a loopback address") == 2, result.stderr
    assert "refused: 169.254.169.254 is a link-local address" in result.stderr
    assert "web: 0 fetched, 0 not modified, 0 skipped, 3 failed" in result.stderr


def test_only_http_urls_are_taken():
    result = run_kg("build", "file:///etc/passwd")
    assert result.returncode != 0 and result.stderr.strip().splitlines() == [
        "Error: file:///etc/passwd: only http and https URLs are fetched"]


def test_public_addresses_only_by_default():
    assert resolve("8.8.8.8", 80) == ["8.8.8.8"]  # a literal: no DNS query
    for host in ("127.0.0.1", "localhost", "10.0.0.1", "169.254.169.254", "::1", "::ffff:192.168.1.1", "0.0.0.0"):
        with pytest.raises(FetchError, match="--allow-private"):
            resolve(host, 80)
    assert resolve("127.0.0.1", 80, allow_private=True) == ["127.0.0.1"]


def test_redirects_are_bounded_and_the_time_out_is_total(site):
    fetcher = Fetcher(allow_private=True, rate=1000, timeout=2, max_redirects=2)
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetcher.get(site.base + "/redirect/1")
    assert Fetcher(allow_private=True, rate=1000).get(site.base + "/redirect/1").url == site.base + "/en/adobe-figma.html"
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        Fetcher(allow_private=True, rate=1000, timeout=1).get(site.base + "/hang")
    assert time.monotonic() - started < 3


def test_a_50_mb_body_is_refused_while_reading(site):
    tracemalloc.start()
    with pytest.raises(FetchError, match="too large"):
        Fetcher(allow_private=True, rate=1000, timeout=5).get(site.base + "/huge")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 2**20
    time.sleep(0.2)
    assert site.sent["/huge"] < 30 * 2**20


def test_the_rate_limit_spaces_requests_to_a_host(site):
    fetcher = Fetcher(allow_private=True, rate=5, timeout=2)
    started = time.monotonic()
    for _ in range(3):
        fetcher.get(site.base + "/sitemap.xml")
    assert time.monotonic() - started >= 0.55  # robots.txt and three requests, 0.2 s apart


def test_limit_and_since_bound_a_feed(site):
    crawl = Crawl(WebOptions(allow_private=True, rate=1000, timeout=2, limit=1), None, lambda _: None)
    assert [a.title for a in crawl.run([site.base + "/feed.rss"])] == ["Siemens kauft Altair"]  # the newest
    crawl = Crawl(WebOptions(allow_private=True, rate=1000, timeout=2, since="2025-03-01"), None, lambda _: None)
    titles = [a.title for a in crawl.run([site.base + "/feed.rss"])]
    assert titles == ["Siemens kauft Altair", "SAP übernimmt das Berliner Start-up Signavio"]
    assert crawl.report.skipped["older than --since"] == 4  # the PDF, /download, /gone and the 2020 article


def test_other_failures_are_reported_by_name(site):
    from conftest import free_port

    crawl = Crawl(WebOptions(allow_private=True, rate=1000, timeout=2), None, lambda _: None)
    closed = f"http://127.0.0.1:{free_port()}/article.html"
    assert list(crawl.run([site.base + "/bad-charset", site.base + "/not-utf8", site.base + "/download", closed,
                           "http://[::1"])) == []
    assert crawl.report.failures == [
        f"{site.base}/bad-charset: undecodable: unknown charset 'x-klingon'",
        f"{site.base}/not-utf8: undecodable: not valid utf-8 (byte {len(web_server.page('/en/adobe-figma.html', site.base).encode())})",
        f"{site.base}/download: wrong type: application/pdf",
        f"{closed}: connection refused",
        "http://[::1: malformed URL"]
