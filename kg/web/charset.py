"""Bytes of a web page to text: byte-order mark, then the HTTP header, then ``<meta charset>`` or
``http-equiv``, then UTF-8, then Windows-1252 (what browsers assume for an undeclared page).

Labels that mean Latin-1 or ASCII are read as Windows-1252, as browsers do (the WHATWG Encoding standard).
A label Python does not know, or bytes that are not valid in the declared encoding, fail with a
:class:`~kg.errors.FetchError`.

Examples
--------
>>> decode_html("<meta charset='iso-8859-1'><p>M\\xfcnchen".encode("latin-1"), "")
"<meta charset='iso-8859-1'><p>München"
>>> decode_html(b"<p>caf\\xc3\\xa9", "utf-8")
'<p>café'
>>> charset_of("text/html; charset=\\"ISO-8859-1\\"")
'ISO-8859-1'
"""
from __future__ import annotations

import codecs
import re

from ..errors import FetchError

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_WINDOWS_1252 = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "ascii", "us-ascii",
                 "cp819", "ibm819", "iso-ir-100", "windows-1252", "cp1252", "x-cp1252"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def charset_of(content_type: str) -> str:
    """The ``charset`` parameter of a Content-Type header value, or ''."""
    match = re.search(r"""charset\s*=\s*["']?([^"';\s]+)""", content_type or "", re.IGNORECASE)
    return match.group(1) if match else ""


def declared(body: bytes) -> str:
    """The encoding a page declares in its first 4 KB (``<meta charset>``, ``http-equiv``, ``<?xml>``), or ''."""
    head = body[:4096]
    match = _META.search(head) or _XML.search(head)
    return match.group(1).decode("ascii") if match else ""


def _decode(body: bytes, label: str) -> str:
    name = label.strip().lower()
    if name in _WINDOWS_1252:
        try:
            return body.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: Latin-1 has them
            return body.decode("latin-1")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise FetchError(f"undecodable: unknown charset {label[:40]!r}") from None
    if codec.startswith(("utf-16", "utf-32")) and b"\x00" not in body[:64]:
        codec = "utf-8"  # a page that says UTF-16 in ASCII bytes is not UTF-16 (HTML standard)
    try:
        return body.decode(codec)
    except UnicodeDecodeError as err:
        raise FetchError(f"undecodable: not valid {label[:40]} (byte {err.start})") from None


def decode_html(body: bytes, header_charset: str) -> str:
    """The text of a page, by the rules above."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return _decode(body, codec)
    label = header_charset or declared(body)
    if label:
        return _decode(body, label)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(body, "windows-1252")
