"""One safe, bounded HTTP GET: http and https only, checked addresses, a total time-out, a size limit
enforced while reading, bounded redirects (loops detected), robots.txt and a per-host rate.

Standard library only (:mod:`http.client`): each request opens a connection to an address that
:func:`kg.web.address.resolve` allowed, so no hop of a redirect chain reaches the user's own network
unless ``allow_private`` is set. Errors are :class:`~kg.errors.FetchError` with a one-line reason.

Examples
--------
>>> fetcher = Fetcher(rate=2.0)
>>> fetcher.user_agent.startswith("techkg/")
True
>>> fetcher.get("ftp://example.org/feed.xml")
Traceback (most recent call last):
...
kg.errors.FetchError: only http and https URLs are fetched
"""
from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field

from ..errors import FetchError
from .address import resolve

MAX_BYTES = 5 * 2**20
REDIRECTS = (301, 302, 303, 307, 308)
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")


class Forbidden(FetchError):
    """robots.txt forbids the URL (a build counts it as skipped, not failed)."""


class HttpStatus(FetchError):
    """The server answered with an error status (4xx, 5xx) or one techkg does not follow."""

    def __init__(self, status: int):
        super().__init__(f"HTTP {status}" if status >= 400 else f"unexpected HTTP {status}")
        self.status = status


class WrongType(FetchError):
    """The response is not of a type asked for (a PDF, an image); ``mime`` says which."""

    def __init__(self, message: str, mime: str = ""):
        super().__init__(message)
        self.mime = mime


def default_user_agent() -> str:
    from .. import __version__

    return f"techkg/{__version__} (knowledge-graph builder; +https://w3id.org/techkg)"


@dataclass
class Response:
    """A final answer (200 or 304) to a GET; ``url`` is the address after redirects."""

    url: str
    status: int
    headers: dict = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def mime(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def check_url(url: str) -> urllib.parse.SplitResult:
    """The parts of an http(s) URL with a host; anything else is refused."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise FetchError("malformed URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError("URL without a host")
    if parts.username or parts.password:
        raise FetchError("URLs with credentials are not fetched")
    return parts


def _target(parts: urllib.parse.SplitResult) -> str:
    path = urllib.parse.quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = urllib.parse.quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return path + ("?" + query if query else "")


class _Pinned:
    """Connect to the checked ``addresses`` (in order) instead of looking the host up again."""

    addresses: list[str] = []

    def _open_socket(self):
        error = None
        for address in self.addresses:
            try:
                sock = socket.create_connection((address, self.port), self.timeout)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return sock
            except OSError as err:
                error = err
        raise error or OSError("no address")


class _HTTP(_Pinned, http.client.HTTPConnection):
    def connect(self):
        self.sock = self.raw = self._open_socket()


class _HTTPS(_Pinned, http.client.HTTPSConnection):
    def connect(self):
        self.sock = self.raw = self._context.wrap_socket(self._open_socket(), server_hostname=self.host)


def _mb(size: int) -> str:
    return f"{size / 2**20:.3g} MB"


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip ``data``, refusing more than ``limit`` bytes of output (no gzip bombs)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise FetchError("corrupt gzip data") from None
    if len(out) > limit:
        raise FetchError(f"too large: more than {_mb(limit)} when decompressed")
    return out


class Fetcher:
    """GETs with the limits above; ``requests`` counts what was sent (robots.txt included)."""

    def __init__(self, user_agent: str = "", rate: float = 1.0, timeout: float = 10.0, max_bytes: int = MAX_BYTES,
                 max_redirects: int = 5, allow_private: bool = False, robots: bool = True, networks=()):
        from .robots import Robots

        self.user_agent = user_agent or default_user_agent()
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.allow_private = allow_private
        self.networks = tuple(networks)  # private ranges allowed one by one (CIDR)
        self.robots = Robots(self) if robots else None
        self.requests = 0
        self._last: dict[str, float] = {}

    def get(self, url: str, etag: str = "", modified: str = "", types=None, limit: int | None = None) -> Response:
        """The final answer for ``url``: redirects followed, conditional when ``etag``/``modified`` are given.

        ``types(mime)`` says whether a Content-Type is wanted; a response that is not wanted is dropped
        unread (:class:`WrongType`). Raises :class:`FetchError` (or :class:`Forbidden`) for everything else.
        """
        seen = [url]
        current = url
        for _ in range(self.max_redirects + 1):
            parts = check_url(current)
            if self.robots is not None and not self.robots.allowed(current):
                raise Forbidden("forbidden by robots.txt")
            headers = {"User-Agent": self.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip",
                       "Connection": "close"}
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
            status, answer, body = self._once(parts, headers, types, self.max_bytes if limit is None else limit)
            if status in REDIRECTS and answer.get("location"):
                current = urllib.parse.urljoin(current, answer["location"].strip())
                if current in seen:
                    raise FetchError(f"redirect loop ({len(seen)} hops)")
                seen.append(current)
                continue
            if status == 304:
                return Response(current, 304, answer)
            if status != 200:
                raise HttpStatus(status)
            return Response(current, 200, answer, body)
        raise FetchError(f"more than {self.max_redirects} redirects")

    # ------------------------------------------------------------ one request
    def _wait(self, host: str) -> None:
        """At most one request per ``interval`` seconds to a host."""
        now = time.monotonic()
        due = self._last.get(host, 0.0) + self.interval
        if due > now:
            time.sleep(due - now)
        self._last[host] = time.monotonic()

    def _once(self, parts, headers: dict, types, limit: int):
        host = parts.hostname
        https = parts.scheme.lower() == "https"
        port = parts.port or (443 if https else 80)
        addresses = resolve(host, port, self.allow_private, self.networks)
        self._wait(host.lower())
        deadline = time.monotonic() + self.timeout
        connection = (_HTTPS(host, port, timeout=self.timeout, context=ssl.create_default_context())
                      if https else _HTTP(host, port, timeout=self.timeout))
        connection.addresses = addresses
        self.requests += 1
        try:
            connection.request("GET", _target(parts), headers=headers)
            response = connection.getresponse()
            answer = {k.lower(): v for k, v in response.getheaders()}
            if response.status != 200:
                return response.status, answer, b""
            mime = answer.get("content-type", "").split(";", 1)[0].strip().lower()
            if types is not None and not types(mime):
                raise WrongType(f"wrong type: {mime[:60] or 'none'}", mime)
            body = self._read(response, connection.raw, deadline, limit, answer)
            return 200, answer, body
        except FetchError:
            raise
        except (socket.timeout, TimeoutError):
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except ConnectionRefusedError:
            raise FetchError("connection refused") from None
        except ssl.SSLError as err:
            raise FetchError(f"TLS error ({err.reason or err.__class__.__name__})") from None
        except (http.client.HTTPException, ValueError) as err:
            raise FetchError(f"bad HTTP response ({err.__class__.__name__})") from None
        except OSError as err:
            raise FetchError(f"cannot connect ({err.strerror or err.__class__.__name__})") from None
        finally:
            connection.close()

    def _read(self, response, sock, deadline: float, limit: int, answer: dict) -> bytes:
        """The body, refused as soon as it passes ``limit`` bytes or the deadline (not after the fact)."""
        length = answer.get("content-length", "").strip()
        if length.isdigit() and int(length) > limit:
            raise FetchError(f"too large: {_mb(int(length))}, more than the {_mb(limit)} limit")
        chunks, total = [], 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise FetchError(f"timed out after {self.timeout:g} s")
            sock.settimeout(left)
            chunk = response.read1(65536)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise FetchError(f"too large: more than the {_mb(limit)} limit")
            chunks.append(chunk)
        body = b"".join(chunks)
        if answer.get("content-encoding", "").strip().lower() in ("gzip", "x-gzip"):
            body = gunzip(body, limit)
        return body
