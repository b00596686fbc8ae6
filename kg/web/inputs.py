"""A build's inputs split into URLs and local paths; a URL of another scheme, or a malformed one, is refused
before anything is read.

Examples
--------
>>> split_inputs(["examples/articles", "https://example.org/feed.xml"])
(['https://example.org/feed.xml'], [PosixPath('examples/articles')])
>>> split_inputs(["file:///etc/passwd"])
Traceback (most recent call last):
...
kg.errors.InputError: file:///etc/passwd: only http and https URLs are fetched
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import FetchError, InputError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def split_inputs(inputs) -> tuple[list[str], list[Path]]:
    """``(urls, paths)`` in the order given."""
    from .http import check_url

    urls, paths = [], []
    for item in inputs:
        text = str(item)
        if isinstance(item, Path) or not _SCHEME.match(text):
            paths.append(Path(item))
            continue
        try:
            check_url(text)
        except FetchError as err:
            raise InputError(f"{text}: {err}") from None
        urls.append(text)
    return urls, paths
