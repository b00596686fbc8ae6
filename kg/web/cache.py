"""What each URL answered last time: ETag, Last-Modified, a hash of the body, and what it became (the
article id and content key of a page, the links of a feed or sitemap). SQLite, one row per URL.

For a store folder the cache is ``STORE/techkg-fetch.sqlite`` (Oxigraph leaves files it does not know
alone); for a remote store it lives on this machine, in ``$KG_FETCH_CACHE`` or
``~/.cache/techkg/fetch/``, one file per endpoint. The cache only saves work: an entry whose article the
store does not hold in the same version is not trusted (the page is fetched again in full).

Examples
--------
>>> import tempfile, pathlib
>>> cache = FetchCache(pathlib.Path(tempfile.mkdtemp()) / "fetch.sqlite")
>>> cache.put(Entry("http://example.org/a", etag='"v1"', body_hash="ab", article_id="a", digest="d"))
>>> cache.get("http://example.org/a").etag, cache.get("http://example.org/b")
('"v1"', None)
>>> cache.close()
>>> cache_path("output/store").name, cache_path("http://localhost:7878").parent.name
('techkg-fetch.sqlite', 'fetch')
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StoreError

NAME = "techkg-fetch.sqlite"
_SCHEMA = """CREATE TABLE IF NOT EXISTS fetched (
  url TEXT PRIMARY KEY, etag TEXT, modified TEXT, body_hash TEXT, kind TEXT,
  article_id TEXT, digest TEXT, links TEXT, final_url TEXT)"""


@dataclass
class Entry:
    url: str
    etag: str = ""
    modified: str = ""
    body_hash: str = ""
    kind: str = "page"  # page, or the kind of a listing: rss, atom, sitemap, sitemapindex
    article_id: str = ""
    digest: str = ""
    links: list = field(default_factory=list)  # [url, date] pairs of a listing
    final_url: str = ""


def cache_path(store) -> Path:
    """Where the fetch cache of ``store`` (a folder or an endpoint URL) lives."""
    text = str(store)
    if text.startswith(("http://", "https://")):
        root = os.environ.get("KG_FETCH_CACHE") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "techkg", "fetch")
        return Path(root) / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.sqlite"
    return Path(store) / NAME


class FetchCache:
    """The cache file at ``path`` (created on first use)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path))
            self.db.execute(_SCHEMA)
            self.db.commit()
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"{self.path}: cannot open the fetch cache ({err})") from None

    def get(self, url: str) -> Entry | None:
        row = self.db.execute("SELECT url, etag, modified, body_hash, kind, article_id, digest, links, final_url "
                              "FROM fetched WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        values = list(row)
        values[7] = json.loads(values[7] or "[]")
        return Entry(*[v if v is not None else "" for v in values])

    def put(self, entry: Entry) -> None:
        try:
            self.db.execute("INSERT OR REPLACE INTO fetched VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (entry.url, entry.etag, entry.modified, entry.body_hash, entry.kind, entry.article_id,
                             entry.digest, json.dumps(entry.links), entry.final_url))
            self.db.commit()
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot write the fetch cache ({err})") from None

    def close(self) -> None:
        self.db.close()
