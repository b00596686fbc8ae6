"""Feeds and sitemaps to article links: RSS 2.0 (and 1.0), Atom, sitemaps and sitemap indexes.

The XML is untrusted: it is parsed with entities left unresolved, no DTD and no network (lxml, which
trafilatura brings), and every link is resolved against the document's address and kept only if it is
http(s). Dates become ``YYYY-MM-DD`` (``''`` where there is none or it cannot be read).

Examples
--------
>>> rss = b'''<rss version="2.0"><channel><title>News</title>
... <item><title>A</title><link>/a.html</link><pubDate>Tue, 02 Apr 2024 10:00:00 +0200</pubDate></item>
... <item><title>B</title><link>javascript:alert(1)</link></item></channel></rss>'''
>>> listing = parse_listing(rss, "http://example.org/feed.xml")
>>> listing.kind, listing.entries
('rss', [Entry(url='http://example.org/a.html', date='2024-04-02')])
>>> parse_listing(b"<html><body>not a feed</body></html>", "http://example.org/") is None
True
"""
from __future__ import annotations

import email.utils
import re
import urllib.parse
from dataclasses import dataclass, field

KINDS = {"rss": "rss", "RDF": "rss", "feed": "atom", "urlset": "sitemap", "sitemapindex": "sitemapindex"}
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|RDF|feed|urlset|sitemapindex)[\s>/]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Entry:
    url: str
    date: str = ""


@dataclass
class Listing:
    """The links of a feed (``rss``, ``atom``), a ``sitemap`` or a ``sitemapindex`` (whose links are sitemaps)."""

    kind: str
    entries: list[Entry] = field(default_factory=list)


def looks_like_listing(body: bytes) -> bool:
    """Whether the document's first element (in its first 2 KB) is a feed's or a sitemap's."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S).lstrip()
    return bool(_ROOT.match(head))


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def iso_date(value: str) -> str:
    """``YYYY-MM-DD`` of an ISO 8601 or RFC 822 date, or ''.

    >>> iso_date("2024-04-02T10:00:00Z"), iso_date("Tue, 02 Apr 2024 10:00:00 GMT"), iso_date("soon")
    ('2024-04-02', '2024-04-02', '')
    """
    value = (value or "").strip()
    if _DATE.match(value):
        return value[:10]
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return ""
    return parsed.date().isoformat() if parsed else ""


def _link(base: str, value: str | None) -> str:
    value = (value or "").strip()
    if not value or len(value) > 2000:
        return ""
    url = urllib.parse.urljoin(base, value)
    return url if url.lower().startswith(("http://", "https://")) else ""


def _children(node, *names):
    return [child for child in node if _local(child.tag) in names]


def _text(node, *names) -> str:
    for child in _children(node, *names):
        if child.text and child.text.strip():
            return child.text.strip()
    return ""


def parse_listing(body: bytes, url: str) -> Listing | None:
    """The links of a feed or sitemap at ``url``; None when ``body`` is neither."""
    if not looks_like_listing(body):
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             recover=True)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None or _local(root.tag) not in KINDS:
        return None
    kind = KINDS[_local(root.tag)]
    entries = []
    if kind == "rss":
        channel = _children(root, "channel")
        items = _children(root, "item") + [i for c in channel for i in _children(c, "item")]
        for item in items:
            link = _text(item, "link")
            if not link:
                guid = _children(item, "guid")
                if guid and guid[0].get("isPermaLink", "true") != "false":
                    link = guid[0].text or ""
            entries.append(Entry(_link(url, link), iso_date(_text(item, "pubDate", "date", "published"))))
    elif kind == "atom":
        base = root.get("{http://www.w3.org/XML/1998/namespace}base") or url
        for item in _children(root, "entry"):
            links = [l for l in _children(item, "link") if l.get("rel", "alternate") == "alternate"]
            href = links[0].get("href") if links else ""
            entries.append(Entry(_link(base, href), iso_date(_text(item, "published", "updated"))))
    else:
        for item in _children(root, "url", "sitemap"):
            date = _text(item, "lastmod")
            for news in _children(item, "news"):
                date = date or _text(news, "publication_date")
            entries.append(Entry(_link(url, _text(item, "loc")), iso_date(date)))
    return Listing(kind, [e for e in entries if e.url])
