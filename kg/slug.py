"""Stable, IRI-safe slugs for entity names.

Examples
--------
>>> slugify("Meta Platforms, Inc.")
'Meta_Platforms_Inc'
>>> slugify("Telefónica")
'Telefonica'
>>> slugify("<img src=x onerror=alert(1)>")
'img_src_x_onerror_alert_1'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(name: str) -> str:
    """ASCII letters, digits and ``_`` only; names without any get a hash-based slug."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = "_".join(re.findall(r"[A-Za-z0-9]+", ascii_name))[:80]
    if not slug or len(slug) < len(re.sub(r"\W", "", name)) // 2:
        slug = (slug + "_" if slug else "e_") + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    return slug
