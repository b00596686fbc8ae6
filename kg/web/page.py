"""A fetched HTML page to an :class:`~kg.articles.Article`: main text without navigation, ads and
comments (trafilatura), title, canonical URL, publication date and language from the page's metadata.

Metadata is untrusted: a canonical URL is taken only on the page's own host (else a page could pass
itself off as another site's article and replace it in the store), dates must read ``YYYY-MM-DD`` and
a language is kept when techkg reads it (``de``, ``en``); anything else is detected from the text.

Examples
--------
>>> html = ('<html lang="en"><head><title>Acme buys Widget</title>'
...         '<link rel="canonical" href="https://news.example/acme"></head><body><nav>Home | Tech</nav>'
...         '<article><p>Acme Corp has acquired the start-up Widget Labs for 20 million dollars, '
...         'the company said on Monday. Widget Labs was founded by Jane Doe in 2019.</p></article>'
...         '</body></html>')
>>> a = page_article(html, "https://news.example/acme?utm=rss")
>>> a.title, a.url, a.lang, a.id
('Acme buys Widget', 'https://news.example/acme', 'en', 'news.example_acme-...')
>>> "Home | Tech" in a.text
False
"""
from __future__ import annotations

import hashlib
import re
import urllib.parse

from ..articles import Article, article_id
from ..errors import FetchError

_LANG = re.compile(r"""<html\b[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANGS = ("de", "en")


def web_id(url: str) -> str:
    """A readable, stable article id for a URL: host and path, and a hash of the whole URL.

    >>> web_id("https://www.heise.de/news/Meta-kauft-Scale-AI-123.html")
    'www.heise.de_news_Meta-kauft-Scale-AI-123.html-8d0210ce06'
    """
    parts = urllib.parse.urlsplit(url)
    readable = article_id(f"{parts.hostname or ''}{parts.path}")[:90]
    return f"{readable}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:10]}"


def _host(url: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def canonical(claimed: str, fetched: str) -> str:
    """``claimed`` if it is an http(s) URL on the host of ``fetched``, else ``fetched``.

    >>> canonical("https://other.example/a", "https://news.example/b")
    'https://news.example/b'
    """
    claimed = (claimed or "").strip()
    if (claimed.lower().startswith(("http://", "https://")) and len(claimed) < 2000
            and not re.search(r"[\s\x00-\x1f<>\"]", claimed) and _host(claimed) == _host(fetched)):
        return claimed
    return fetched


def page_article(html: str, url: str, date: str = "") -> Article:
    """The article of a page fetched from ``url``; ``date`` (from a feed) where the page has none."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    data = {}
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (data.get("text") or "").strip()
    if not body:
        raise FetchError("no article text found in the page")
    title = " ".join((data.get("title") or "").split())[:300]
    found = str(data.get("date") or "")
    found = found if _DATE.match(found) else (date if _DATE.match(date or "") else "")
    match = _LANG.search(html[:8192])
    lang = match.group(1).lower() if match and match.group(1).lower() in LANGS else ""
    address = canonical(str(data.get("url") or ""), url)
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Article(id=web_id(address), text=text, title=title or body.splitlines()[0][:300], url=address,
                   date=found, lang=lang, source=url)
