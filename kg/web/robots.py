"""robots.txt, fetched once per site through the same safe fetcher and honoured for every request.

A missing robots.txt (404 and other 4xx) allows everything; 401 and 403 forbid the site, as do 5xx
answers (RFC 9309: the site is unreachable for crawlers); a robots.txt that cannot be fetched at all
(DNS, refused, time-out) allows, since the page's own request then fails with its own reason.

Examples
--------
>>> rules = parse_rules("User-agent: *\\nDisallow: /private/\\n")
>>> rules.can_fetch("techkg/0.1", "http://example.org/private/a.html"), rules.can_fetch("techkg", "http://example.org/a")
(False, True)
"""
from __future__ import annotations

import urllib.parse
import urllib.robotparser

from ..errors import FetchError

LIMIT = 512 * 1024  # bytes of robots.txt read (Google reads 500 KiB)


def parse_rules(text: str) -> urllib.robotparser.RobotFileParser:
    rules = urllib.robotparser.RobotFileParser()
    rules.parse(text.splitlines())
    return rules


def _everything(allow: bool) -> urllib.robotparser.RobotFileParser:
    rules = urllib.robotparser.RobotFileParser()
    rules.allow_all, rules.disallow_all = allow, not allow
    return rules


class Robots:
    """The robots.txt rules of each site (scheme, host and port) a fetcher visits."""

    def __init__(self, fetcher):
        self.fetcher = fetcher
        self.sites: dict[str, urllib.robotparser.RobotFileParser] = {}

    def allowed(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if site not in self.sites:
            self.sites[site] = self._load(site)
        return self.sites[site].can_fetch(self.fetcher.user_agent, url)

    def _load(self, site: str) -> urllib.robotparser.RobotFileParser:
        robots, self.fetcher.robots = self.fetcher.robots, None  # robots.txt itself is not subject to robots.txt
        try:
            answer = self.fetcher.get(site + "/robots.txt", limit=LIMIT)
        except FetchError as err:
            status = getattr(err, "status", 0)
            return _everything(not (status in (401, 403) or status >= 500))
        finally:
            self.fetcher.robots = robots
        return parse_rules(answer.body.decode("utf-8", errors="replace"))
