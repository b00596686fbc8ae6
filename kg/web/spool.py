"""Fetched articles held on disk between fetching and extraction (JSON lines in a temporary file), so a
build knows how many there are before it extracts and memory stays flat however many were fetched.

Examples
--------
>>> from kg.articles import Article
>>> with Spool() as spool:
...     spool.add(Article(id="a", text="Acme buys Widget.", url="http://example.org/a", extractor_key="k"))
...     [(a.id, a.url, a.extractor_key) for a in spool], len(spool)
([('a', 'http://example.org/a', 'k')], 1)
"""
from __future__ import annotations

import dataclasses
import json
import tempfile

from ..articles import Article


class Spool:
    def __init__(self):
        self.file = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.count = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        self.file.close()

    def __len__(self) -> int:
        return self.count

    def add(self, article: Article) -> None:
        self.file.write(json.dumps(dataclasses.asdict(article), ensure_ascii=False) + "\n")
        self.count += 1

    def __iter__(self):
        self.file.flush()
        self.file.seek(0)
        for line in self.file:
            yield Article(**json.loads(line))
