"""The web part of a build: fetch the given URLs, expand feeds and sitemaps to their articles, skip what
did not change, and report every failure as one line without stopping.

A URL's answer decides what it is (a feed, a sitemap, a sitemap index, or an article page), so the
command line mixes them freely. Feed and sitemap entries are taken newest first; ``since`` drops entries
(and pages) dated before it and ``limit`` keeps that many articles of each feed or sitemap given.
A second run sends conditional requests (ETag, Last-Modified); a 304, or a 200 with the same body, is
"not modified" and nothing is extracted, as long as the store still holds that article in the version
the cache remembers. ``refresh`` sends plain requests and reads every page again.

Examples
--------
>>> report = FetchReport(fetched=3, not_modified=2)
>>> report.skip("not HTML"); report.fail("http://example.org/x", "HTTP 404")
>>> report.summary()
'web: 3 fetched, 2 not modified, 1 skipped (1 not HTML), 1 failed'
>>> report.failures
['http://example.org/x: HTTP 404']
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..articles import Article
from ..errors import FetchError, InputError, KgError
from .cache import Entry as CacheEntry
from .cache import FetchCache
from .charset import charset_of, decode_html
from .feeds import Entry, Listing, looks_like_listing, parse_listing
from .http import Fetcher, Forbidden, WrongType, gunzip

NOT_HTML = re.compile(r"\.(pdf|jpe?g|png|gif|webp|svg|bmp|ico|tiff?|mp3|mp4|m4a|wav|ogg|webm|mov|avi|zip|gz|tgz|"
                      r"rar|7z|docx?|xlsx?|pptx?|odt|epub|exe|dmg|apk|iso|csv|json)$", re.IGNORECASE)
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_DEPTH = 3  # sitemap indexes inside sitemap indexes


def wanted(mime: str) -> bool:
    """Content types worth reading: HTML, XML (feeds, sitemaps), gzip (sitemap.xml.gz), or none given."""
    return (not mime or mime in HTML_TYPES or mime.endswith(("/xml", "+xml")) or "gzip" in mime
            or mime in ("application/octet-stream", "text/plain"))


def one_line(text: str, size: int = 200) -> str:
    """Untrusted text for a one-line message: control characters escaped, clipped."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(text))
    return text if len(text) <= size else text[:size] + "…"


@dataclass
class FetchReport:
    fetched: int = 0
    not_modified: int = 0
    skipped: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    requests: int = 0

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def fail(self, url: str, reason: str) -> None:
        self.failures.append(f"{one_line(url)}: {one_line(reason)}")

    def summary(self) -> str:
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {r}" for r, n in sorted(self.skipped.items()))
        return (f"web: {self.fetched} fetched, {self.not_modified} not modified, {skipped} skipped"
                + (f" ({reasons})" if reasons else "") + f", {len(self.failures)} failed")


@dataclass
class WebOptions:
    """How a build reads the web (the command's options)."""

    user_agent: str = ""
    rate: float = 1.0
    timeout: float = 10.0
    max_bytes: int = 5 * 2**20
    max_redirects: int = 5
    allow_private: bool = False
    networks: tuple = ()  # private ranges allowed (CIDR), where allow_private would allow them all
    limit: int = 0
    since: str = ""
    refresh: bool = False

    def check(self) -> "WebOptions":
        """Refuse options no request should carry (before anything is fetched or written).

        >>> WebOptions(user_agent="bot\\r\\nX-Evil: 1").check()
        Traceback (most recent call last):
        ...
        kg.errors.InputError: --user-agent: one line of printable characters, at most 300
        """
        if not self.user_agent.isprintable() or len(self.user_agent) > 300:
            raise InputError("--user-agent: one line of printable characters, at most 300")
        if self.since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.since):
            raise InputError(f"--since {self.since!r}: not a date like 2025-01-31")
        import ipaddress

        for network in self.networks:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise InputError(f"--allow-network {network!r}: not an address range like 10.1.0.0/16") from None
        if self.rate <= 0 or self.timeout <= 0 or self.max_bytes <= 0 or self.max_redirects < 0 or self.limit < 0:
            raise InputError("--rate, --timeout and --max-mb must be positive, --max-redirects and --limit not negative")
        return self


class Crawl:
    """One build's fetching: ``run(urls)`` yields the new or changed articles; ``report`` counts the rest.

    ``stored(article_id)`` gives the store's content key of an article (or None), ``key`` the extractor
    key a new article's content key includes, ``progress(done, total)`` follows the URLs.
    """

    def __init__(self, options: WebOptions, cache: FetchCache | None, stored: Callable[[str], str | None],
                 key: str = "", progress: Callable[[int, int], None] | None = None, fetcher: Fetcher | None = None):
        self.options = options
        self.cache = cache
        self.stored = stored
        self.key = key
        self.progress = progress
        self.fetcher = fetcher or Fetcher(user_agent=options.user_agent, rate=options.rate, timeout=options.timeout,
                                          max_bytes=options.max_bytes, max_redirects=options.max_redirects,
                                          allow_private=options.allow_private, networks=options.networks)
        self.report = FetchReport()
        self.seen_urls: set[str] = set()
        self.seen_ids: set[str] = set()
        self.done = self.total = 0

    def run(self, urls: list[str]) -> Iterator[Article]:
        self.total = len(urls)
        for url in urls:
            yield from self._source(url)
        self.report.requests = self.fetcher.requests

    # ------------------------------------------------------------ steps
    def _tick(self, more: int = 0) -> None:
        """One URL done (or ``more`` URLs to do): the total grows before the URL that added them is done,
        so ``done == total`` only at the end."""
        if more:
            self.total += more
        else:
            self.done += 1
        if self.progress:
            self.progress(self.done, self.total)

    def _source(self, url: str) -> Iterator[Article]:
        """A URL given by the user: a feed or sitemap (expanded), or a page."""
        if url in self.seen_urls:
            self._tick()
            return
        self.seen_urls.add(url)
        try:
            got = self._fetch(url, listing_ok=True)
        except FetchError as err:
            self._count_error(url, err, given=True)
            self._tick()
            return
        if isinstance(got, Listing):
            entries = self._entries(got, url, depth=0)
            if entries:
                self._tick(len(entries))
            self._tick()
            for entry in entries:
                yield from self._page(entry)
            return
        self._tick()
        if got is not None:
            yield got

    def _entries(self, listing: Listing, url: str, depth: int) -> list[Entry]:
        """The article links of a feed or sitemap (a sitemap index's sitemaps read too), newest first,
        bounded by ``since`` and ``limit``."""
        entries = listing.entries
        if listing.kind == "sitemapindex":
            entries = []
            for child in listing.entries:
                if depth >= MAX_DEPTH or child.url in self.seen_urls:
                    continue
                if self.options.since and child.date and child.date < self.options.since:
                    self.report.skip("older than --since")
                    continue
                self.seen_urls.add(child.url)
                try:
                    inner = self._fetch(child.url, listing_ok=True, pages_ok=False)
                except FetchError as err:
                    self._count_error(child.url, err, given=True)
                    continue
                entries += self._entries(inner, child.url, depth + 1)
            return entries if depth else self._bound(entries)
        return entries if depth else self._bound(entries)

    def _bound(self, entries: list[Entry]) -> list[Entry]:
        fresh, seen = [], set()
        for entry in entries:
            if entry.url in seen or entry.url in self.seen_urls:
                continue
            seen.add(entry.url)
            if self.options.since and entry.date and entry.date < self.options.since:
                self.report.skip("older than --since")
                continue
            fresh.append(entry)
        order = sorted(range(len(fresh)), key=lambda i: (fresh[i].date == "", _negated(fresh[i].date), i))
        fresh = [fresh[i] for i in order]
        if self.options.limit and len(fresh) > self.options.limit:
            fresh = fresh[:self.options.limit]
        return fresh

    def _page(self, entry: Entry) -> Iterator[Article]:
        """One article link of a feed or sitemap."""
        self.seen_urls.add(entry.url)
        try:
            known = self.cache.get(entry.url) if self.cache is not None and not self.options.refresh else None
            if NOT_HTML.search(entry.url.split("?", 1)[0].split("#", 1)[0]) or (known and known.kind == "not HTML"):
                self.report.skip("not HTML")  # no request: a link to a PDF or image, or one that was last time
                return
            got = self._fetch(entry.url, listing_ok=False, date=entry.date)
            if got is not None:
                yield got
        except FetchError as err:
            self._count_error(entry.url, err, given=False)
        finally:
            self._tick()

    def _count_error(self, url: str, err: FetchError, given: bool) -> None:
        if isinstance(err, Forbidden):
            self.report.skip("forbidden by robots.txt")
        elif isinstance(err, WrongType) and not given:
            self.report.skip("not HTML")
            self._remember(CacheEntry(url, kind="not HTML"))
        else:
            self.report.fail(url, str(err))

    def _trusted(self, url: str) -> CacheEntry | None:
        """The cache entry of ``url`` if it may spare work: a listing's, or a page whose article the store
        holds in the version the entry remembers."""
        if self.cache is None or self.options.refresh:
            return None
        entry = self.cache.get(url)
        if entry is None or entry.kind == "not HTML":
            return None
        if entry.kind == "page":
            return entry if entry.digest and self.stored(entry.article_id) == entry.digest else None
        return entry

    def _fetch(self, url: str, listing_ok: bool, pages_ok: bool = True, date: str = ""):
        """Fetch ``url``: a :class:`Listing`, a new or changed :class:`Article`, or None (not modified,
        a duplicate, older than ``since``)."""
        old = self._trusted(url)
        answer = self.fetcher.get(url, etag=old.etag if old else "", modified=old.modified if old else "",
                                  types=wanted)
        if answer.status == 304:
            if old is None:
                raise FetchError("HTTP 304 to a request that was not conditional")
            return self._unchanged(old)
        body = answer.body
        digest = hashlib.sha256(body).hexdigest()
        if old is not None and old.body_hash == digest:
            return self._unchanged(old)
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, self.fetcher.max_bytes)
        entry = CacheEntry(url, etag=answer.headers.get("etag", "")[:500],
                           modified=answer.headers.get("last-modified", "")[:100], body_hash=digest,
                           final_url=answer.url)
        try:
            got = self._read(answer, body, listing_ok, pages_ok, date)
        except KgError:
            raise
        except Exception as err:  # untrusted markup that a parser chokes on fails this URL, not the build
            raise FetchError(f"cannot read the document ({type(err).__name__})") from None
        if isinstance(got, Listing):
            entry.kind, entry.links = got.kind, [[e.url, e.date] for e in got.entries]
            self._remember(entry)
            return got
        self.report.fetched += 1
        if self.options.since and got.date and got.date < self.options.since:
            self.report.skip("older than --since")
            return None
        entry.article_id, entry.digest = got.id, got.digest
        self._remember(entry)  # a duplicate too: the next run asks for it conditionally
        if got.id in self.seen_ids:
            self.report.skip("duplicate")
            return None
        self.seen_ids.add(got.id)
        return got

    def _read(self, answer, body: bytes, listing_ok: bool, pages_ok: bool, date: str):
        """A fetched body as a :class:`Listing` or an :class:`Article`."""
        if looks_like_listing(body):
            listing = parse_listing(body, answer.url)
            if listing is not None:
                if not listing_ok:
                    raise WrongType(f"wrong type: a {listing.kind}, not an article page", listing.kind)
                return listing
        if not pages_ok or (answer.mime and answer.mime not in HTML_TYPES):
            raise WrongType(f"wrong type: {answer.mime or 'not a feed'}", answer.mime)
        from .page import page_article

        article = page_article(decode_html(body, charset_of(answer.headers.get("content-type", ""))), answer.url,
                               date=date)
        article.extractor_key = self.key
        return article

    def _unchanged(self, old: CacheEntry):
        if old.kind == "page":
            self.report.not_modified += 1
            self.seen_ids.add(old.article_id)
            return None
        self.report.not_modified += 1
        return Listing(old.kind, [Entry(u, d) for u, d in old.links])

    def _remember(self, entry: CacheEntry) -> None:
        if self.cache is not None:
            self.cache.put(entry)


def _negated(date: str) -> str:
    """A sort key that puts later ISO dates first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date)
