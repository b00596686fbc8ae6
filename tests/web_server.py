"""A real HTTP server on 127.0.0.1 for the web tests: article pages (German, English, Latin-1) wrapped in
navigation, ads and comments, RSS 2.0 and Atom feeds, a sitemap and a gzipped sitemap index, ETag and
Last-Modified with 304 answers, redirect chains and loops, 404, 500, a response that never finishes,
a streamed 50 MB body, a PDF and a robots.txt that forbids /private/.

Every request is logged (path, conditional headers, User-Agent) so tests can count what was sent.
"""
from __future__ import annotations

import email.utils
import gzip
import hashlib
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLES = {
    "/de/sap-signavio.html": dict(lang="de", date="2025-03-04", title="SAP übernimmt das Berliner Start-up Signavio",
                                  canonical="/de/sap-signavio", paragraphs=[
        "Der Softwarekonzern SAP übernimmt das Berliner Start-up Signavio für rund 950 Millionen Euro. Christian "
        "Klein, Vorstandschef von SAP, sagte am Donnerstag, die Übernahme stärke das Geschäft mit Prozessanalysen.",
        "Signavio wurde 2009 von Gero Decker gegründet. Die Übernahme soll im ersten Quartal abgeschlossen werden.",
        "SAP konkurriert in diesem Markt mit Celonis aus München."]),
    "/en/microsoft-openai.html": dict(lang="en", date="2025-02-10", title="Microsoft invests in OpenAI",
                                      canonical="/en/microsoft-openai", paragraphs=[
        "Microsoft has invested 10 billion dollars in OpenAI, the company said on Monday. Satya Nadella, chief "
        "executive of Microsoft, called the partnership a new chapter.",
        "OpenAI was founded by Sam Altman and others in 2015. Google competes with Microsoft and OpenAI in the "
        "market for AI assistants.",
        "Nvidia supplies chips to Microsoft for its data centres."]),
    "/en/adobe-figma.html": dict(lang="en", date="2025-01-20", title="Adobe buys Figma", canonical="", paragraphs=[
        "Adobe has agreed to acquire the design start-up Figma for 20 billion dollars, the companies said on "
        "Thursday. Dylan Field, chief executive of Figma, will keep leading the team.",
        "Figma was founded by Dylan Field and Evan Wallace in 2012. Adobe competes with Canva in design software."]),
    "/private/secret.html": dict(lang="en", date="2025-03-01", title="Intel buys Nvidia", canonical="", paragraphs=[
        "Intel has agreed to acquire Nvidia for 900 billion dollars, the companies said on Friday."]),
}
LATIN1 = "/de/siemens-altair.html"
LATIN1_TEXT = ("Der Münchner Technologiekonzern Siemens übernimmt den US-Softwareanbieter Altair für zehn "
               "Milliarden Dollar. Roland Busch, Vorstandschef von Siemens, sprach von einem großen Schritt für "
               "das Geschäft mit Industriesoftware. Die Übernahme soll bis Ende März abgeschlossen werden.")
HUGE = 50 * 2**20


def page(path: str, base: str, charset: str = "utf-8", extra: str = "") -> str:
    """An article page with navigation, an ad, a newsletter box and comments around the text."""
    info = ARTICLES[path]
    canonical = f'<link rel="canonical" href="{base}{info["canonical"]}">' if info["canonical"] else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in info["paragraphs"] + ([extra] if extra else []))
    return f"""<!DOCTYPE html><html lang="{info['lang']}"><head><meta charset="{charset}">
<title>{info['title']} | Tech-Nachrichten</title>{canonical}
<meta property="og:title" content="{info['title']}">
<meta property="article:published_time" content="{info['date']}T08:00:00+01:00">
</head><body>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/tech">Tech</a></li><li><a href="/wirtschaft">Wirtschaft</a></li>
<li><a href="/abo">Abo</a></li></ul></nav></header>
<div class="ad banner">ANZEIGE: Amazon übernimmt Ihre Steuererklärung! Jetzt klicken und sparen.</div>
<main><article><h1>{info['title']}</h1><p class="byline">Von der Redaktion</p>{paragraphs}</article></main>
<aside class="newsletter">Newsletter: Oracle kauft jeden Tag die besten Schlagzeilen für Sie.</aside>
<section id="comments" class="comments"><h2>Kommentare</h2>
<div class="comment">Leserin schreibt: Google übernimmt bestimmt bald Amazon, wetten?</div>
<div class="comment">Leser schreibt: Apple investiert in Tesla, hab ich gehört.</div></section>
<footer>Impressum | Datenschutz | Kontakt</footer></body></html>"""


def latin1_page() -> bytes:
    return (f"""<!DOCTYPE html><html lang="de"><head><meta charset="iso-8859-1"><title>Siemens kauft Altair</title>
<meta property="article:published_time" content="2025-03-10"></head><body><nav><a href="/">Startseite</a></nav>
<article><h1>Siemens kauft Altair</h1><p>{LATIN1_TEXT}</p></article>
<footer>Impressum</footer></body></html>""").encode("latin-1")


@dataclass
class Site:
    """What the server serves and what it saw; tests change ``pages`` to change a page."""

    base: str = ""
    pages: dict = field(default_factory=dict)  # path -> (content type, body)
    stamps: dict = field(default_factory=dict)  # path -> Last-Modified time
    log: list = field(default_factory=list)  # (path, If-None-Match, If-Modified-Since, User-Agent)
    sent: dict = field(default_factory=dict)  # path -> bytes written
    stop: threading.Event = field(default_factory=threading.Event)

    def set(self, path: str, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.pages[path] = (kind, body)
        self.stamps[path] = self.stamps.get(path, 1_700_000_000) + 3600

    def hits(self, path: str) -> int:
        return sum(1 for entry in self.log if entry[0] == path)

    def conditional(self) -> list:
        return [entry for entry in self.log if entry[1] or entry[2]]

    def change(self, path: str, extra: str) -> None:
        self.set(path, page(path, self.base, extra=extra).encode("utf-8"))


def feeds(site: Site) -> None:
    base = site.base
    rss_items = [("/de/sap-signavio.html", "Tue, 04 Mar 2025 08:00:00 +0100"),
                 (LATIN1, "Mon, 10 Mar 2025 08:00:00 +0100"),
                 ("/private/secret.html", "Sat, 01 Mar 2025 08:00:00 +0100"),
                 ("/files/report.pdf", "Fri, 28 Feb 2025 08:00:00 +0100"),
                 ("/download", "Thu, 27 Feb 2025 08:00:00 +0100"),
                 ("/gone", "Wed, 26 Feb 2025 08:00:00 +0100"),
                 ("/de/old.html", "Mon, 06 Jan 2020 08:00:00 +0100")]
    items = "".join(f"<item><title>t</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>" for p, d in rss_items)
    site.set("/feed.rss", f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tech</title>
<link>{base}/</link>{items}</channel></rss>""".encode(), "application/rss+xml")
    site.set("/feed.atom", f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Tech EN</title><id>urn:x</id><updated>2025-02-10T00:00:00Z</updated>
<entry><title>MS</title><id>urn:1</id><link href="{base}/en/microsoft-openai.html"/><updated>2025-02-10T08:00:00Z</updated></entry>
<entry><title>Adobe</title><id>urn:2</id><link rel="alternate" href="/redirect/1"/><published>2025-01-20T08:00:00Z</published></entry>
</feed>""".encode(), "application/atom+xml")
    urlset = "".join(f"<url><loc>{base}{p}</loc><lastmod>{d}</lastmod></url>"
                     for p, d in [("/en/microsoft-openai.html", "2025-02-10"), ("/de/sap-signavio.html", "2025-03-04")])
    site.set("/sitemap.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urlset}</urlset>""".encode(), "application/xml")
    second = f"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}{LATIN1}</loc><lastmod>2025-03-10</lastmod></url></urlset>"""
    site.set("/sitemap-2.xml.gz", gzip.compress(second.encode()), "application/gzip")
    index = f"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap.xml</loc></sitemap><sitemap><loc>{base}/sitemap-2.xml.gz</loc></sitemap></sitemapindex>"""
    site.set("/sitemap-index.xml.gz", gzip.compress(index.encode()), "application/x-gzip")


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - the http.server API
        site, path = self.site, self.path.split("?", 1)[0]
        site.log.append((path, self.headers.get("If-None-Match", ""), self.headers.get("If-Modified-Since", ""),
                         self.headers.get("User-Agent", "")))
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path in site.pages:
            kind, body = site.pages[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            stamp = site.stamps[path]
            modified = email.utils.formatdate(stamp, usegmt=True)
            since = self.headers.get("If-Modified-Since")
            match = self.headers.get("If-None-Match")
            if match == etag or (match is None and since and email.utils.parsedate_to_datetime(since).timestamp() >= stamp):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            return self._send(200, body, kind, [("ETag", etag), ("Last-Modified", modified)])
        if path.startswith("/redirect/"):
            step = int(path.rsplit("/", 1)[1])
            target = "/en/adobe-figma.html" if step >= 3 else f"/redirect/{step + 1}"
            return self._send(302 if step % 2 else 301, b"", headers=[("Location", target)])
        if path == "/bounce":  # an open redirect, as a hostile page would have
            target = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["to"][0]
            return self._send(302, b"", headers=[("Location", target)])
        if path in ("/loop/a", "/loop/b"):
            return self._send(302, b"", headers=[("Location", "/loop/b" if path == "/loop/a" else "/loop/a")])
        if path == "/error":
            return self._send(500, b"<h1>Internal Server Error</h1>")
        if path == "/bad-charset":
            return self._send(200, page("/en/adobe-figma.html", site.base).encode(), "text/html; charset=x-klingon")
        if path == "/not-utf8":
            return self._send(200, page("/en/adobe-figma.html", site.base).encode() + b"\xff\xfe", "text/html; charset=utf-8")
        if path == "/download":
            return self._send(200, b"%PDF-1.4 " + b"x" * 1000, "application/pdf")
        if path == "/files/report.pdf":
            return self._send(200, b"%PDF-1.4", "application/pdf")
        if path == "/hang":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>This page never ")
            self.wfile.flush()
            site.stop.wait(60)
            return None
        if path in ("/huge", "/huge-declared"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if path == "/huge-declared":
                self.send_header("Content-Length", str(HUGE))
            self.end_headers()
            chunk = b"<p>" + b"a" * (64 * 1024 - 3)
            sent = 0
            try:
                while sent < HUGE:
                    self.wfile.write(chunk)
                    sent += len(chunk)
                    site.sent[path] = sent
            except OSError:
                pass
            return None
        return self._send(404, b"<h1>Not Found</h1>")


def start() -> tuple[ThreadingHTTPServer, Site]:
    """Start the server on a free port of 127.0.0.1 in a thread; returns it and its :class:`Site`."""
    site = Site()
    handler = type("SiteHandler", (Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    for path in ARTICLES:
        site.set(path, page(path, site.base).encode("utf-8"))
    site.set(LATIN1, latin1_page(), "text/html")
    feeds(site)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server, site


def stop(server: ThreadingHTTPServer, site: Site) -> None:
    site.stop.set()
    server.shutdown()
    server.server_close()
    time.sleep(0.05)
