"""Articles from the web: pages, RSS/Atom feeds and sitemaps, fetched politely, safely and only when asked.

One concern per module: :mod:`~kg.web.address` (which addresses may be reached), :mod:`~kg.web.charset`
(bytes to text), :mod:`~kg.web.http` (one safe, bounded request), :mod:`~kg.web.robots` (robots.txt),
:mod:`~kg.web.feeds` (feeds and sitemaps to links), :mod:`~kg.web.page` (an HTML page to an article),
:mod:`~kg.web.cache` (what each URL answered last time) and :mod:`~kg.web.crawl` (all of it for a build).
Nothing here opens a socket unless a URL is given.
"""
